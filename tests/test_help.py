"""Every command's --help: one spelling of its examples, the same --graph default."""

from __future__ import annotations

import pytest

from kg.cli import build_parser


def _commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices


@pytest.mark.parametrize("name", sorted(_commands()))
def test_help_has_examples_spelled_one_way(name):
    text = _commands()[name].format_help()
    assert "\nexamples:\n  kg " in text, text
    assert "Example:" not in text and "example:" not in text.replace("examples:", "")


def test_every_graph_option_has_the_same_default():
    defaults = {name: next(a.default for a in p._actions if "--graph" in a.option_strings)
                for name, p in _commands().items()
                if any("--graph" in a.option_strings for a in p._actions)}
    assert len(defaults) >= 6
    assert set(defaults.values()) == {"out"}, defaults
