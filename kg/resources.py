"""Where the project's data files live: the ontology, shapes, context, queries and lexicons.

They sit in the top-level ``ontology/`` folder of the project, next to ``kg/``
(the project is installed in editable mode, see the README).

>>> (ONTOLOGY_DIR / "queries").name
'queries'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PROJECT_DIR", "ONTOLOGY_DIR", "QUERIES_DIR", "ontology_file"]

PROJECT_DIR = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
QUERIES_DIR = ONTOLOGY_DIR / "queries"


def ontology_file(name: str) -> Path:
    """Path of a data file in ``ontology/``; raises KgError if it is missing."""
    from kg.errors import KgError

    path = ONTOLOGY_DIR / name
    if not path.exists():
        raise KgError(f"{path}: data file of the project is missing")
    return path
