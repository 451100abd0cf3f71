"""Large inputs through ``kg build``, against spaCy's own parse of the same text.

Inputs are invented (templates and word lists of :func:`article_text`, seeded, so
every run writes the same bytes) and written under a temporary folder:

* ``text-50MB``: one native-format article of 50 MB;
* ``jsonl-100k``: a JSON Lines feed of 100,000 short articles;
* ``article-5MB``: one article of 5 MB;
* ``tiny-20k``: 20,000 files of a sentence or two each (output bytes per input byte).

Each case runs ``kg.pipeline.build`` (what ``kg build`` runs) in a child process
(wall time, peak resident memory from ``wait4``), then, for the three text cases,
a child process that only parses the same body text with spaCy's
``en_core_web_sm`` (as kg loads it) (``nlp.pipe`` over the same chunks kg uses):
the baseline. It prints one row a case and the ratios kg / spaCy; the targets
are peak memory < 1.5 GB for the 50 MB text and the JSONL (< 1 GB for the 5 MB
article), time within 1.5x of spaCy, and < 50 output bytes per input byte for
the tiny files.

The notes of a row give the CPU seconds of the build and of spaCy's parse and
their ratio: on a shared machine the wall time of two runs made minutes apart
follows the load, the CPU time does not. Under each row, where the build's time
and memory went: the seconds, the peak resident memory and the CPU seconds of each stage, as the build reports them to its progress
callback (reading and extracting the documents, storing and reconciling the
claims, reading the graph back, checking the shapes, writing each output), with
the process's high-water mark at the stage's end (the kernel's ``VmHWM``: the
sampling every 50 ms can miss a short peak, the high-water mark cannot); and
for the tiny files, the output bytes per input byte of each part of the output
folder (``graph.nq``, the other graph files, the store's sidecar and its Oxigraph
database, the pages and exports).

    python bench/inputs.py                       # every case at full size (long)
    python bench/inputs.py --scale 0.1           # a tenth of each size
    python bench/inputs.py --cases article-5MB tiny-20k
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HEADER = " date 2025-07-20 403\n"

CASES = ("text-50MB", "jsonl-100k", "article-5MB", "tiny-20k")

_PEOPLE = ["Amara Diallo", "Kenji Watanabe", "Lucia Ferreira", "Olek Brandt", "Sana Qureshi",
           "Tomas Lindqvist", "Ines Okafor", "Pavel Markovic", "Hana Sato", "Rafael Ortega"]
_TITLES = ["Foreign Minister", "chief negotiator", "special envoy", "Defence Minister",
           "deputy prime minister", "spokesperson", "mediator"]
_COUNTRIES = ["Norway", "Qatar", "Turkey", "Kenya", "Brazil", "Indonesia", "Switzerland",
              "Egypt", "Colombia", "Finland", "Ghana", "Vietnam"]
_PLACES = ["Geneva", "Doha", "Istanbul", "Nairobi", "Oslo", "Jakarta", "Cairo", "Havana",
           "Vienna", "Addis Ababa"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "March", "May", "June", "August", "October", "December"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
_TOPICS = ["water rights", "border crossings", "grain shipments", "prisoner lists", "demining",
           "the return of displaced families", "energy infrastructure", "monitoring arrangements",
           "sanctions relief", "fishing quotas"]
_ADJECTIVES = ["constructive", "difficult", "frank", "productive", "tense", "cautious",
               "long-awaited", "inconclusive"]
_TEMPLATES = [
    "Delegations from {c1} and {c2} met in {p} on {d} for a {o} round of talks on {t}.",
    "{tt} {n} said the talks in {p} had been {a}, adding that “{t} remain the hardest issue.”",
    "{n}, the {ti} of {c1}, proposed a {k}-day truce along the northern line.",
    "Officials in {p} announced that {k} detainees were exchanged on {d}, {dd} {m}.",
    "The next meeting is expected in {p} in {m}, according to two people familiar with the plans.",
    "{c1} rejected the proposal on {t}, calling it “premature” — a position {c2} criticised.",
    "A summit of leaders could follow if progress on {t} is made by the end of {m}.",
    "Analysts said the {a} mood reflected months of stalled contacts since the {o} meeting.",
    "{n} told reporters ({c1} time) that around {k} observers would be deployed.",
    "No agreement was signed; both sides promised written positions on {t} within {k} days.",
    "On {dd} {m} 2025 the two teams held {k} hours of talks, their {o} session this year.",
    "Asked whether the ceasefire would hold, {n} replied: “We are not there yet.”",
]


def sentences(rng: random.Random):
    """Invented news sentences, endlessly (seeded: the same on every run)."""
    while True:
        c1, c2 = rng.sample(_COUNTRIES, 2)
        yield rng.choice(_TEMPLATES).format(
            c1=c1, c2=c2, p=rng.choice(_PLACES), d=rng.choice(_DAYS), o=rng.choice(_ORDINALS),
            t=rng.choice(_TOPICS), n=rng.choice(_PEOPLE), ti=rng.choice(_TITLES),
            tt=rng.choice(_TITLES).capitalize(), a=rng.choice(_ADJECTIVES),
            k=rng.randint(2, 400), m=rng.choice(_MONTHS), dd=rng.randint(1, 28),
        )


def article_text(size: int, seed: int = 7) -> str:
    """A native-format article of about ``size`` characters: header, title, a
    ``(Wire)`` tag and paragraphs of three to seven varied sentences.

    >>> text = article_text(2_000)
    >>> text.startswith(HEADER) and 2_000 <= len(text) < 2_400
    True
    """
    rng = random.Random(seed)
    parts = [HEADER, "Talks continue over many rounds\n", "(Wire) "]
    total = sum(map(len, parts))
    in_paragraph = 0
    gen = sentences(rng)
    while total < size:
        sentence = next(gen)
        in_paragraph += 1
        if in_paragraph >= rng.randint(3, 7):
            sentence += "\n\n"
            in_paragraph = 0
        else:
            sentence += " "
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)


def jsonl_feed(lines: int, seed: int = 11) -> str:
    """``lines`` JSON records of two to five sentences, dated across 2025."""
    rng = random.Random(seed)
    gen = sentences(rng)
    out = []
    for i in range(lines):
        text = " ".join(next(gen) for _ in range(rng.randint(2, 5)))
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(json.dumps({"id": f"n{i}", "date": day, "text": text}, ensure_ascii=False))
    return "\n".join(out) + "\n"


def _bodies(path: Path) -> list[str]:
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    text = path.read_text(encoding="utf-8")
    return [text.split("(Wire) ", 1)[1]]


#: CPU seconds (user and system) of the last command :func:`_run` ran: on a shared
#: machine the wall time of two runs minutes apart depends on the load; this does not.
LAST_CPU = [0.0]


def _run(cmd: list[str], env=None, out: Path | None = None) -> tuple[float, float, int, str]:
    """Run ``cmd``; (seconds, peak RSS in MB, exit code, last lines of stderr).
    Its standard output goes to ``out`` when given; its CPU seconds to :data:`LAST_CPU`."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err, open(out or os.devnull, "wb") as stdout:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=stdout, stderr=err,
                                env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-600:]
    code = os.waitstatus_to_exitcode(status)
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss / 1024, code, tail


_BUILD = """
import json, sys, threading, time
sys.path.insert(0, {root!r})
from kg.pipeline import build

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096

stages, peak = [], [0]
stage = {{"stage": "reading and extracting the documents", "start": time.perf_counter(),
         "cpu": time.process_time()}}

def sample():
    while True:
        peak[0] = max(peak[0], rss())
        time.sleep(0.05)

def high_water():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))

def close(now):
    peak[0] = max(peak[0], rss())
    stages.append({{"stage": stage["stage"], "seconds": now - stage["start"], "peak_mb": peak[0] / 2**20,
                    "cpu": time.process_time() - stage["cpu"], "high_water_mb": high_water() / 2**20}})
    peak[0] = rss()

def progress(done, total, unit="documents"):
    if done == 0 and total == 0:  # the build moves on to a phase
        now = time.perf_counter()
        close(now)
        stage.update(stage=unit, start=now, cpu=time.process_time())

threading.Thread(target=sample, daemon=True).start()
build([{path!r}], out={out!r}, progress=progress)
close(time.perf_counter())
print(json.dumps(stages))
"""


def kg_build(path: Path, out: Path, work: Path) -> tuple[float, float, int, str, list[dict]]:
    """``kg.pipeline.build`` of ``path`` into ``out`` in a child process: (seconds, peak
    RSS in MB, exit code, stderr's tail, the stages with their seconds and peak MB)."""
    script = work / "kg_build.py"
    script.write_text(_BUILD.format(root=str(ROOT), path=str(path), out=str(out)))
    report = work / "stages.json"
    secs, peak, code, tail = _run([sys.executable, str(script)], out=report)
    try:
        stages = json.loads(report.read_text() or "[]")
    except ValueError:
        stages = []
    return secs, peak, code, tail, stages


#: Parts of an output folder, for the bytes of output per byte of input.
_PARTS = (("graph.nq", lambda rel: rel == "graph.nq"),
          ("graph.trig/.ttl/.jsonld", lambda rel: rel in ("graph.trig", "graph.ttl", "graph.jsonld")),
          ("store/claims.sqlite", lambda rel: rel == "store/claims.sqlite"),
          ("store/oxigraph", lambda rel: rel.startswith("store/")),
          ("pages and exports", lambda rel: True))


def output_parts(out: Path) -> dict[str, int]:
    """Bytes of each part of the output folder ``out`` (see :data:`_PARTS`)."""
    sizes = {name: 0 for name, _ in _PARTS}
    for p in out.rglob("*"):
        if p.is_file():
            rel = p.relative_to(out).as_posix()
            name = next(name for name, test in _PARTS if test(rel))
            sizes[name] += p.stat().st_size
    return sizes


_SPACY = """
import sys, json
from pathlib import Path
sys.path.insert(0, {root!r})
import spacy
from kg.nlp.pipeline import CHUNK_CHARS, MODEL_NAMES, split_paragraphs
for name in MODEL_NAMES:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
bodies = json.loads(Path({bodies!r}).read_text())
pieces = [c for b in bodies for _, c in (split_paragraphs(b, CHUNK_CHARS) if len(b) > CHUNK_CHARS else [(0, b)])]
n = 0
for doc in nlp.pipe(pieces, batch_size=16 if len(pieces) > 1000 else 1):
    n += len(doc)
print(n)
"""


def spacy_baseline(path: Path, work: Path) -> tuple[float, float, int, str]:
    """spaCy's parse of the same body text, in a child process."""
    bodies = work / f"{path.stem}.bodies.json"
    bodies.write_text(json.dumps(_bodies(path)))
    script = work / "spacy_parse.py"
    script.write_text(_SPACY.format(root=str(ROOT), bodies=str(bodies)))
    return _run([sys.executable, str(script)])


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def make_input(case: str, work: Path, scale: float) -> Path:
    if case == "text-50MB":
        path = work / "big50.txt"
        path.write_text(article_text(int(50 * 2**20 * scale), seed=50), encoding="utf-8")
    elif case == "article-5MB":
        path = work / "big5.txt"
        path.write_text(article_text(int(5 * 2**20 * scale), seed=5), encoding="utf-8")
    elif case == "jsonl-100k":
        path = work / "feed.jsonl"
        path.write_text(jsonl_feed(int(100_000 * scale)), encoding="utf-8")
    else:
        path = work / "tiny"
        path.mkdir()
        rng = random.Random(20)
        gen = sentences(rng)
        for i in range(int(20_000 * scale)):
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            (path / f"t{i:05d}.txt").write_text(f" date {day}\nT{i}\n{next(gen)}\n", encoding="utf-8")
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of each size (default 1)")
    ap.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    args = ap.parse_args(argv)
    print(f"{'case':<12} {'input MB':>9} {'kg s':>8} {'kg MB':>8} {'spaCy s':>8} {'spaCy MB':>9} "
          f"{'time x':>7} {'mem x':>6}  notes")
    with tempfile.TemporaryDirectory(prefix="kg-bench-inputs-") as tmp:
        work = Path(tmp)
        for case in args.cases:
            path = make_input(case, work, args.scale)
            size = folder_bytes(path) if path.is_dir() else path.stat().st_size
            out = work / f"out-{case}"
            secs, peak, code, tail, stages = kg_build(path, out, work)
            kg_cpu = LAST_CPU[0]
            notes = [] if code == 0 else [f"exit {code}: " + " ".join(tail.split())[-300:]]
            if case == "tiny-20k":
                if out.is_dir():
                    notes.append(f"{folder_bytes(out) / size:.1f} output bytes per input byte")
                print(f"{case:<12} {size / 2**20:>9.1f} {secs:>8.1f} {peak:>8.0f} {'':>8} {'':>9} "
                      f"{'':>7} {'':>6}  {'; '.join(notes)}", flush=True)
            else:
                s_secs, s_peak, s_code, s_tail = spacy_baseline(path, work)
                if s_code != 0:
                    notes.append("spaCy failed: " + " ".join(s_tail.split())[-200:])
                notes.append(f"CPU: kg {kg_cpu:.1f} s, spaCy {LAST_CPU[0]:.1f} s, "
                             f"{kg_cpu / max(LAST_CPU[0], 1e-9):.2f}x")
                print(f"{case:<12} {size / 2**20:>9.1f} {secs:>8.1f} {peak:>8.0f} {s_secs:>8.1f} "
                      f"{s_peak:>9.0f} {secs / s_secs:>7.2f} {peak / s_peak:>6.2f}  {'; '.join(notes)}",
                      flush=True)
            for st in stages:
                cpu = f"{st['cpu']:>8.1f} s CPU" if "cpu" in st else ""
                hwm = f"{st['high_water_mb']:>7.0f} MB high water" if "high_water_mb" in st else ""
                print(f"{'':<14}{st['seconds']:>8.1f} s {st['peak_mb']:>7.0f} MB {cpu} {hwm}  {st['stage']}")
            if case == "tiny-20k" and out.is_dir():
                for name, n in output_parts(out).items():
                    print(f"{'':<14}{n / size:>8.1f} B/B  {name}")
            _remove(out)
    return 0


def _remove(folder: Path) -> None:
    """Remove a build folder as soon as it is measured (the next case needs the room)."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    for left in folder.parent.glob(f".{folder.name}*"):
        shutil.rmtree(left, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
