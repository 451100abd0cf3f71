"""The TIMEX3 type in the published graph where the value alone does not tell it."""

from __future__ import annotations

import pytest

import kg


@pytest.mark.slow
def test_sets_and_durations_carry_their_type_dates_do_not(tmp_path):
    src = tmp_path / "talks.txt"
    src.write_text(" date 2026-03-02\nMonitors to meet weekly\n(Wire) The two commissions agreed on "
                   "Monday to hold border talks every week. Each session will last three days, and the "
                   "first one opens on March 9.\n", encoding="utf-8")
    graph = kg.build([src])
    rows = graph.query("""SELECT ?timex ?type WHERE { GRAPH ?g {
        ?i a time:Interval ; nkg:timex ?timex OPTIONAL { ?i nkg:timexType ?type } } }""")
    types = {r["timex"]: r["type"] for r in rows}
    assert types.get("P1W") == "SET", types
    assert types.get("P3D") == "DURATION", types
    assert types.get("2026-03-09", "missing") is None, types  # a date's value tells its type
    assert graph.validate().conforms
