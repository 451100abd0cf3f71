"""Two documents that tell of the same negotiation round.

The first has a header, a publisher and every kind of record: a round with a
single-day time, a planned meeting with a week-long time, a statement with only
a lower time bound, a proposal, three actors and an agreement. The second is a
feed item without header that names the same round and the same country, so
the consolidated graph merges their nodes.
"""

from datetime import date

from kg.records import Actor, Agreement, Document, Event, Extraction, Mention, TimeValue

BASE_IRI = "https://example.org/kg/"

T1 = (
    " date 2025-07-20 403\n"
    "Delegations agree on prisoner exchange\n"
    "(NEWSWIRE) Ukrainian and Russian delegations met in Istanbul on June 2 and agreed to"
    " exchange prisoners. Rustem Umerov proposed another meeting for next week, Umerov said"
    " after the talks.\n"
)
T2 = "Talks in Istanbul ended, Kyiv said."


def m(doc_id: str, text: str, fragment: str) -> Mention:
    start = text.index(fragment)
    return Mention(doc_id, start, start + len(fragment), fragment)


D1 = Document(
    id="a1", source="a1.txt", text=T1, sha256="0" * 64, body_start=60,
    published=date(2025, 7, 20), title="Delegations agree on prisoner exchange",
    publisher="NEWSWIRE", source_token="403",
)
D2 = Document(
    id="feed-2", source="feed.jsonl", text=T2, sha256="1" * 64, url="https://example.org/news/2",
    format="jsonl", line=2,
)

ROUND = Event(
    key="r2", kind="NegotiationRound", label="Second Istanbul round", status="Occurred",
    time=TimeValue("June 2", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day",
                   m("a1", T1, "June 2")),
    place="Istanbul", round=2, track="russia-ukraine", actors=("Ukraine", "Russia"),
    mentions=(m("a1", T1, "met in Istanbul on June 2"),), cameo="046",
)
MEETING = Event(
    key="m1", kind="Meeting", label="Next meeting", status="Proposed",
    time=TimeValue("next week", "2025-W30", date(2025, 7, 21), date(2025, 7, 27), "week"),
    actors=("Ukraine", "Russia"), mentions=(m("a1", T1, "another meeting for next week"),),
)
PROPOSAL = Event(
    key="p1", kind="Proposal", label="Umerov proposes another meeting", status="Occurred",
    proposed_by=("Rustem Umerov",), proposes="m1",
    mentions=(m("a1", T1, "Rustem Umerov proposed another meeting"),),
)
STATEMENT = Event(
    key="s1", kind="Statement", label="Umerov's remark", status="Occurred",
    time=TimeValue("after the talks", None, date(2025, 6, 2), None, "range"),
    actors=("Rustem Umerov",), responds_to="r2",
    mentions=(m("a1", T1, "Umerov said after the talks"),),
)

EXTRACTIONS = [
    Extraction(
        document=D1,
        actors=(
            Actor("Ukraine", "Country", aliases=("Kyiv", "Ukraine"), wikidata="Q212",
                  mentions=(m("a1", T1, "Ukrainian"),)),
            Actor("Russia", "Country", wikidata="Q159", mentions=(m("a1", T1, "Russian"),)),
            Actor("Rustem Umerov", "Person", aliases=("Umerov",),
                  title="Secretary of the National Security and Defense Council",
                  affiliation="Ukraine", mentions=(m("a1", T1, "Rustem Umerov"),)),
        ),
        events=(ROUND, MEETING, PROPOSAL, STATEMENT),
        agreements=(
            Agreement("exchange", "Agreement to exchange prisoners", reached_at="r2",
                      parties=("Ukraine", "Russia"),
                      mentions=(m("a1", T1, "agreed to exchange prisoners"),)),
        ),
    ),
    Extraction(
        document=D2,
        actors=(Actor("Ukraine", "Country", mentions=(m("feed-2", T2, "Kyiv"),)),),
        events=(
            Event(key="talks", kind="NegotiationRound", label="Istanbul talks", status="Occurred",
                  place="Istanbul", round=2, track="russia-ukraine",
                  mentions=(m("feed-2", T2, "Talks in Istanbul"),)),
        ),
    ),
]
