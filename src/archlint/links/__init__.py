"""Links and anchors: where a link leads, checking a ``#fragment``, the anchors of the
other files of a set, and a document's table of contents."""
