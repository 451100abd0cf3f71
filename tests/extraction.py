"""One document through the whole extraction, for the rule tests (trained pipeline),
and the helpers that pick its events (``kinds``, ``one``).

``runner(nlp, published)`` gives ``run(text, published=...)``: the text as the body of
one document, its :class:`~kg.records.Extraction`, after checking that extraction
warned of nothing and that every evidence span is the document's own text.
"""

from __future__ import annotations

from datetime import date


def runner(nlp, published: date):
    from kg.extract import extract_many
    from kg.records import Document

    def run(text: str, published: date = published):
        doc = Document("t", "t.txt", text, "0", published=published)
        (x,) = list(extract_many([doc], nlp=nlp))
        assert x.warnings == ()
        for e in x.events + x.agreements:  # evidence is always the document's own text
            for m in e.mentions:
                assert text[m.start:m.end] == m.text
        return x

    return run


def kinds(x, kind):
    """The events of the extraction ``x`` of one class."""
    return [e for e in x.events if e.kind == kind]


def meetings(x):
    """The rounds, meetings and summits of ``x``, in that order of class."""
    return kinds(x, "NegotiationRound") + kinds(x, "Meeting") + kinds(x, "Summit")


def one(x, kind):
    """The one event of ``x`` of that class (fails, listing them, when there is not one)."""
    found = kinds(x, kind)
    assert len(found) == 1, [(e.kind, e.label) for e in x.events]
    return found[0]


def bounds(e):
    """``(earliest, latest)`` of an event, ``(None, None)`` when it has no time."""
    return (e.time.earliest, e.time.latest) if e.time is not None else (None, None)


def iso_bounds(e):
    """:func:`bounds` as text, as the rule tests write them: ``("2024-06-07", "None")``."""
    return tuple(map(str, bounds(e)))


MEETING_OR_ROUND = {"Meeting", "NegotiationRound"}


def dated_runner(nlp):
    """``run(text, published)``: the text as one document published that day."""
    run = runner(nlp, date(2026, 3, 11))
    return lambda text, published: run(text, published=published)


def assert_dated(x, expected):
    """Each ``(kind, begin, end)`` of ``expected`` is the bounds of an event of ``x`` of that
    class (a Meeting and a NegotiationRound stand for each other: the class is not what a
    date probe tests)."""
    for kind, begin, end in expected:
        got = [bounds(e) for e in x.events if e.kind == kind or {e.kind, kind} <= MEETING_OR_ROUND]
        assert (begin, end) in got, (kind, got, [(e.kind, e.label) for e in x.events])


def status_case(kind, status, text):
    """A case ``(text, kind, status)`` of a status table: the event of class ``kind`` that
    ``text`` tells has that status (the case is named by the text's start)."""
    import pytest

    return pytest.param(text, kind, status, id=text[:60])


def proposes(x, kind):
    """The one Proposal of ``x`` and the event of class ``kind`` it proposes."""
    p = one(x, "Proposal")
    (target,) = [e for e in x.events if e.key == p.proposes]
    assert target.kind == kind, (target.kind, target.label)
    return p, target


def assert_proposes(x, kind, by: tuple, status: str):
    """The one Proposal of ``x`` is made by ``by`` (names, in order) and proposes the event of
    class ``kind``, whose status is ``status``; returns both, as :func:`proposes`."""
    p, target = proposes(x, kind)
    assert p.proposed_by == by, p.proposed_by
    assert target.status == status, (target.status, target.label)
    return p, target


def actors_of(nlp, text: str, header: str = "Title line\n") -> dict:
    """The actors of ``text`` by name, from the actor stage alone (after a title line)."""
    from kg.extract.actors import extract_actors
    from kg.nlp import analyze
    from kg.records import Document

    document = Document(id="t", source="t.txt", text=header + text, sha256="", body_start=len(header))
    [(document, doc)] = analyze(nlp, [document])
    return {a.name: a for a in extract_actors(doc, document).actors}
