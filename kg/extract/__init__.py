"""kg.extract stage."""
