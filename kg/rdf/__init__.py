"""kg.rdf stage."""
