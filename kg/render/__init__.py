"""kg.render stage."""
