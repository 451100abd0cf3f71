"""kg: build a negotiation-timeline knowledge graph from news articles, and query it.

Thin: parses options, calls the library, formats output, maps errors to exit
codes: 0 ok, 1 validation failed, 2 bad input or usage. Errors are one line on
standard error: ``kg: error: <file>: <problem>``.

>>> build_parser().parse_args(["build", "seeds", "--out", "o"]).out
'o'
"""

from __future__ import annotations

import sys

from kg.errors import DocumentsFailed, KgError, ShapeViolation

from kg.cli.commands import store_for_query
from kg.cli.feedback import _Progress, _setup_logging, _summary, format_progress  # noqa: F401 (tests)
from kg.cli.parser import add_as_of_argument, build_parser

__all__ = ["add_as_of_argument", "build_parser", "format_progress", "main", "store_for_query"]


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> main(["query", "--list"]) == 0  # doctest: +ELLIPSIS
    actors ...
    True
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return 2
        _setup_logging(args)
        return args.func(args) or 0
    except DocumentsFailed as exc:
        for failure in exc.failures:
            print(f"kg: failed: {failure.line()}", file=sys.stderr)
        print(f"kg: error: {_one_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except ShapeViolation as exc:
        if exc.report:
            print(exc.report.rstrip("\n"), file=sys.stderr)
        print(f"kg: error: {_one_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except KgError as exc:
        print(f"kg: error: {_one_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output went away (kg query ... | head)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
