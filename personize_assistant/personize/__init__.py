"""personize stage."""
