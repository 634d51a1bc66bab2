"""archlint as a language server: ``archlint server`` speaks the Language Server
Protocol over standard input and output (pygls and lsprotocol, the ``server`` extra).

What an editor is told is what ``archlint check`` would say about the text in its
buffer: the same configuration, packs, templates and suppressions, through the engine's
:class:`~archlint.engine.Linter`. The pieces, each with one job:

- :mod:`.positions`: archlint's positions (1-based lines, columns in code points) and
  the editor's (0-based, columns in UTF-16 units unless agreed otherwise);
- :mod:`.edits`: the changes code actions offer, as replacements of a text's span;
- :mod:`.fragments`: where a ``#fragment`` is being typed in a link, and what a broken
  anchor probably meant;
- :mod:`.workspace`: the open documents, the linter of each one's configuration, and
  which documents to check again when another changes;
- :mod:`.answers`: a checked document's findings as LSP diagnostics, and the code
  actions, hover and completion answered from them (lsprotocol's types);
- :mod:`.protocol`: the server itself (pygls): when documents are checked, what is
  published and shown.

Only :mod:`.answers` and :mod:`.protocol` import lsprotocol and pygls, and only
``archlint server`` imports them.
"""
