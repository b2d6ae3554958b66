"""Cross-article analyses: stories, derivation (who copied whom), credit, statements, the outlet graph."""
