"""Walk a repository, parse it with tree-sitter, and report personalization touchpoints."""
