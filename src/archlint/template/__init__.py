"""What archlint knows of templates: rule packs, deriving one from a template, how
titles compare, where a pack's sections stand in a document, which text is the
template's rather than the author's, and how complete a document is."""
