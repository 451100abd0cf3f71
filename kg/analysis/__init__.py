"""kg.analysis stage."""
