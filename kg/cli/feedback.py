"""What the command line tells its user while it works: log level, progress lines, the
build summary.

>>> format_progress(50, 200, 10.0)
'   50/200 documents  5.0/s  0:30 left'
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path


__all__ = ["format_progress"]


# ---------------------------------------------------------------------------
# feedback
# ---------------------------------------------------------------------------
def _interactive(args) -> bool:
    return not args.quiet and sys.stderr.isatty()


def _setup_logging(args) -> None:
    if args.verbose >= 2:
        level = logging.DEBUG
    elif args.verbose == 1:
        level = logging.INFO
    elif args.quiet or not sys.stderr.isatty():
        level = logging.ERROR
    else:
        level = logging.WARNING
    logging.basicConfig(level=level, format="kg: %(message)s", stream=sys.stderr, force=True)


def format_progress(done: int, total: int, elapsed: float, unit: str = "documents") -> str:
    """One progress line: documents (or characters of a long one) done, rate, time left.

    >>> format_progress(50, 200, 10.0)
    '   50/200 documents  5.0/s  0:30 left'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    left = (total - done) / rate if rate > 0 else 0.0
    minutes, seconds = divmod(int(round(left)), 60)
    width = len(str(total))
    return f"  {done:>{width}}/{total} {unit}  {rate:.1f}/s  {minutes}:{seconds:02d} left"


class _Progress:
    """Redraws one line on the terminal, at most ten times a second, after half a second;
    each phase after extraction (storing, checking, writing) is shown as it starts."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.unit = "documents"

    def __call__(self, done: int, total: int, unit: str = "documents") -> None:
        now = time.monotonic()
        if total == 0 and done == 0:  # a phase after extraction: say what is being done
            self.shown = True
            self.stream.write(f"\r  {unit}…\x1b[K")
            self.stream.flush()
            self.unit, self.start = unit, now
            return
        if unit != self.unit:  # a long document's characters, then documents again
            self.unit, self.start = unit, now
        if now - self.start < 0.5 or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        self.shown = True
        self.stream.write("\r" + format_progress(done, total, now - self.start, unit) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _summary(result) -> str:
    s = result.stats
    out = Path(result.out_dir)
    lines = [f"Built {out}/ from {s.documents} document{'s' if s.documents != 1 else ''} "
             f"in {result.seconds:.1f} s"]
    by_class = ", ".join(f"{k} {v}" for k, v in sorted(s.events_by_class.items(),
                                                       key=lambda kv: (-kv[1], kv[0])))
    lines.append(f"  events      {s.events}" + (f"  ({by_class})" if by_class else ""))
    lines.append(f"  actors      {s.actors}")
    lines.append(f"  agreements  {s.agreements}")
    lines.append(f"  triples     {s.triples} ({s.quads} quads in {s.graphs} graphs)")
    if result.warnings:
        lines.append(f"  warnings    {len(result.warnings)}")
        lines += [f"    {w}" for w in result.warnings[:5]]
        if len(result.warnings) > 5:
            lines.append(f"    ... {len(result.warnings) - 5} more in {out}/manifest.json")
    else:
        lines.append("  warnings    0")
    if result.failed:
        lines.append(f"  failed      {len(result.failed)} document{'s' if len(result.failed) != 1 else ''}"
                     " left out")
        lines += [f"    {f.line()}" for f in result.failed]
    written = sorted(result.outputs) + (["store/"] if (out / "store").is_dir() else [])
    lines.append(f"  outputs     {out}/: {' '.join(written)}")
    if (out / "timeline.html").exists():
        lines.append(f"  timeline    open {out / 'timeline.html'} in a browser")
    graph_arg = "" if out == Path("out") else f" --graph {out}"
    lines.append(f"  query       kg query --list; kg query timeline{graph_arg}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------
