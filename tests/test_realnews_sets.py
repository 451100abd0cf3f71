"""The real-article sets (tests/realnews): manifests and gold agree, and the newswire
texts are rebuilt from a git snapshot exactly as the manifest's sha256 says.

The texts themselves are other people's writing and are not in the repository; these
tests read only the manifests, our gold, and a TimeML file written here.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from kg.evaluate.gold import load_gold

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT / "tests" / "realnews"
SETS = [(REALNEWS / "manifest.json", REALNEWS / "gold"), (REALNEWS / "te3" / "manifest.json", REALNEWS / "te3" / "gold")]


def _rows(manifest: Path) -> list[dict]:
    return json.loads(manifest.read_text(encoding="utf-8"))


@pytest.mark.parametrize("manifest, gold", SETS, ids=["web", "te3"])
def test_every_row_names_its_text_and_has_gold_that_loads(manifest, gold):
    rows = _rows(manifest)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["split"] in ("dev", "test"), r["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]), r["id"]
        assert r["chars"] > 0 and r["track"] and r["outlet"], r["id"]
        g = load_gold(gold / f"{r['id']}.json")
        assert g.doc_id == r["id"]
        assert json.loads((gold / f"{r['id']}.json").read_text(encoding="utf-8"))["published"] == r["published"]


def test_the_newswire_test_split_shares_no_track_with_dev():
    rows = _rows(REALNEWS / "te3" / "manifest.json")
    dev = {r["track"] for r in rows if r["split"] == "dev"}
    test = {r["track"] for r in rows if r["split"] == "test"}
    assert test and dev and not dev & test
    for r in rows:
        src = r["source"]
        assert re.fullmatch(r"[0-9a-f]{40}", src["commit"]) and src["path"].endswith(".tml"), r["id"]


def _te3_news():
    spec = importlib.util.spec_from_file_location("te3_news", ROOT / "bench" / "te3_news.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>XYZ_ENG_20300105.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2030-01-05">Jan. 5, 2030</TIMEX3></DCT>
<TITLE>Envoys &amp; mediators meet</TITLE>
<TEXT>

Envoys <EVENT eid="e1">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2030-01-04">Friday</TIMEX3>.



They <EVENT eid="e2">agreed</EVENT> to talk again.
</TEXT>
</TimeML>
"""


def test_texts_are_rebuilt_from_a_snapshot_and_checked_against_their_sha256(tmp_path):
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "a.tml").write_text(TML, encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.email=t@t", "-c", "user.name=t"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "x"], check=True)
    commit = subprocess.run(git[:3] + ["rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([{"id": "x1", "source": {"repo": "o/n", "commit": commit, "path": "data/a.tml"}}]))
    te3 = _te3_news()
    texts = tmp_path / "texts"
    mirror = str(repo / ".git")
    assert te3.main([mirror, "--manifest", str(manifest), "--texts", str(texts), "--init"]) == 0
    assert (texts / "x1.txt").read_text(encoding="utf-8") == (
        "Envoys & mediators meet\n\nEnvoys met on Friday.\n\nThey agreed to talk again.\n")
    row = json.loads(manifest.read_text())[0]
    assert row["chars"] == len((texts / "x1.txt").read_text(encoding="utf-8"))
    # a second run checks the sha256; a changed manifest entry is refused and named
    assert te3.main([mirror, "--manifest", str(manifest), "--texts", str(texts)]) == 0
    row["sha256"] = "0" * 64
    manifest.write_text(json.dumps([row]))
    (texts / "x1.txt").unlink()
    assert te3.main([mirror, "--manifest", str(manifest), "--texts", str(texts)]) == 1
    assert not (texts / "x1.txt").exists()
