"""Markdown → archlint's document model: markdown-it-py's tokens, inline text and
links with exact positions, HTML comments and anchors, heading anchors (slugs), and
reading a file into a document."""
