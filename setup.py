"""Build hook: the top-level ``ontology/`` folder is the one source of the data files
kg reads at run time (ontology, shapes, JSON-LD context, bundled queries, gazetteer,
lexicons). Building a wheel copies it into the package as ``kg/ontology``, where
:mod:`kg.resources` finds it with ``importlib.resources``; the repository holds one copy.
Everything else is declared in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithOntology(build_py):
    """``build_py`` that also places ``ontology/`` at ``kg/ontology`` in the build."""

    def run(self):
        super().run()
        source = HERE / "ontology"
        if not source.is_dir():  # building from an sdist that lacks it would ship a broken wheel
            raise SystemExit(f"{source}: the ontology folder is missing; cannot build kg")
        target = Path(self.build_lib) / "kg" / "ontology"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithOntology})
