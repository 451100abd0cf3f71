"""Bring the TempEval-3 news articles of tests/realnews/te3/ into the git-ignored texts folder.

Usage: python bench/te3_news.py MIRROR [MIRROR ...] [--manifest FILE] [--texts DIR]

The second real-article set (``tests/realnews/te3/``) is made of newswire stories
(AFP, Xinhua, AP, NYT, VOA, ABC, CNN, WSJ, BBC) that the TempEval-3 shared task
distributes as TimeML files in public repositories: its manifest names, for each
article, the repository, the commit and the path of its ``.tml`` file, with the
sha256 of the text kg reads; our own gold sits beside it. The texts are other
people's writing and are never committed: this script reads each file from a
local git snapshot of its repository (``MIRROR``: a bare repository or a
``.git`` directory, as ``git --git-dir`` takes it; each manifest row is read
from the first mirror that has its commit), keeps the headline and the text of
``<TEXT>`` without the TimeML tags, and writes ``<id>.txt`` into ``--texts``
(default ``tests/realnews/texts``), checking the sha256. Then::

    python bench/realnews.py --manifest tests/realnews/te3/manifest.json \\
        --gold tests/realnews/te3/gold --split dev

``--init`` fills in ``sha256`` and ``chars`` of rows that lack them (when a row
is added) instead of checking them.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TE3 = ROOT / "tests" / "realnews" / "te3"
_TAG = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def article_text(tml: str) -> str:
    """The headline (if any), a blank line and the text of a TimeML file, tags removed.

    >>> article_text('<TITLE>Talks open</TITLE><TEXT>\\n\\nEnvoys <EVENT eid="e1">met</EVENT> '
    ...              '&amp; talked.\\n\\n\\n\\nMore.\\n</TEXT>')
    'Talks open\\n\\nEnvoys met & talked.\\n\\nMore.\\n'
    """
    m = re.search(r"<TITLE>(.*?)</TITLE>", tml, re.S)
    title = html.unescape(_TAG.sub("", m.group(1))).strip() if m else ""
    body = tml[tml.index("<TEXT>") + len("<TEXT>"): tml.index("</TEXT>")]
    body = _BLANKS.sub("\n\n", html.unescape(_TAG.sub("", body))).strip()
    return (f"{title}\n\n{body}" if title else body) + "\n"


def read_source(mirrors: list[Path], source: dict) -> str:
    for mirror in mirrors:
        proc = subprocess.run(["git", "--git-dir", str(mirror), "show",
                               f"{source['commit']}:{source['path']}"],
                              capture_output=True)
        if proc.returncode == 0:
            return proc.stdout.decode("utf-8", errors="replace")
    raise LookupError(f"{source['repo']}@{source['commit'][:10]}:{source['path']} is in none of the mirrors")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mirrors", type=Path, nargs="+", help="git snapshots of the source repositories")
    ap.add_argument("--manifest", type=Path, default=TE3 / "manifest.json")
    ap.add_argument("--texts", type=Path, default=ROOT / "tests" / "realnews" / "texts")
    ap.add_argument("--init", action="store_true", help="fill in missing sha256 and chars")
    args = ap.parse_args(argv)
    rows = json.loads(args.manifest.read_text(encoding="utf-8"))
    args.texts.mkdir(parents=True, exist_ok=True)
    written = bad = 0
    for row in rows:
        try:
            text = article_text(read_source(args.mirrors, row["source"]))
        except (LookupError, ValueError) as exc:
            print(f"{row['id']}: {exc}", file=sys.stderr)
            bad += 1
            continue
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if args.init and not row.get("sha256"):
            row["sha256"], row["chars"] = digest, len(text)
        elif digest != row.get("sha256"):
            print(f"{row['id']}: sha256 differs from the manifest; not written", file=sys.stderr)
            bad += 1
            continue
        (args.texts / f"{row['id']}.txt").write_bytes(data)
        written += 1
    if args.init:
        args.manifest.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"te3 texts: {written} written to {args.texts}, {bad} not")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
