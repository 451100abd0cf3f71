"""Where the project's data files live: the ontology, shapes, context, queries and lexicons.

An installed kg (a wheel or an sdist) carries them inside the package as
``kg/ontology``, found with :mod:`importlib.resources`. A source checkout keeps the
one copy in the top-level ``ontology/`` folder next to ``kg/`` (the build copies it
into the package), and that folder is used when the package holds none.

>>> (ONTOLOGY_DIR / "queries").name
'queries'
>>> (ONTOLOGY_DIR / "shapes.ttl").is_file()
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["PROJECT_DIR", "ONTOLOGY_DIR", "QUERIES_DIR", "ontology_file"]

#: The folder that holds ``kg/`` (a checkout's root, or site-packages when installed).
PROJECT_DIR = Path(__file__).resolve().parent.parent


def _ontology_dir() -> Path:
    packaged = resources.files("kg").joinpath("ontology")
    if packaged.is_dir():
        return Path(str(packaged))
    return PROJECT_DIR / "ontology"


ONTOLOGY_DIR = _ontology_dir()
QUERIES_DIR = ONTOLOGY_DIR / "queries"


def ontology_file(name: str) -> Path:
    """Path of a data file in the ontology folder; raises KgError if it is missing."""
    from kg.errors import KgError

    path = ONTOLOGY_DIR / name
    if not path.exists():
        raise KgError(f"{path}: data file of the project is missing")
    return path
