"""Event precision on real-news phrasing: words of talks that name no event of their own,
and one event told twice.

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, meetings  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# generic.py, rows attribution_governor, talks_role_noun, preparation_noun,
# telling_topic_verb, internal_body_noun (and generic for the second word of a
# container's "of" phrase): talks named in passing (who a source is, a person's role,
# what a meeting is prepared for, what someone is told about, each side's own
# deliberations, the momentum of talks, an activity rather than an event held; row
# not_yet_prep) are no event.
@pytest.mark.parametrize(
    "text",
    [
        "Fishing quotas dominated the agenda, three diplomats involved in the negotiations told the Lisbon Gazette.",
        "A source close to the discussions said the Andorran side wanted more time.",
        "An official briefed on the talks said both sides had softened their positions.",
        "The council's coordinator for the Baltic water talks, Ilse Marnik, resigned on Monday.",
        "The two foreign ministers discussed the preparation of border negotiations.",
        "Aides in both capitals are drafting papers in preparation for a ministerial meeting.",
        "Cabinet members will brief the senators on the negotiations with Peru later today.",
        "The minister praised the momentum of ceasefire and border talks along the frontier.",
        "The Greens and the Liberals haggled all of Monday, stopping often for separate consultations within the parties.",
        '"Opening accession negotiations with Quito is a turning point," the envoy said.',
        "Holding direct talks would be a mistake, the minister warned.",
        "The army wants guarantees before beginning talks with the rebels.",
    ],
)
def test_talks_named_in_passing_are_no_event(run, text):
    assert meetings(run(text)) == []


def test_talks_named_in_passing_still_join_the_talks_told_of(run):
    x = run("Delegations of Chile and Peru met in Lima on Monday, and the Chilean minister "
            "will brief the senators on the negotiations.")
    (talks,) = meetings(x)
    assert talks.place == "Lima" and talks.status == "Occurred"
    assert len(talks.mentions) == 2


def test_talks_within_the_parties_are_not_a_second_round(run):
    x = run("Talks between the Greens and the Liberals stalled on Monday; "
            "lengthy consultations within the parties followed.")
    (talks,) = meetings(x)
    assert talks.mentions[0].text.startswith("Talks between")


# twice.py _coordinated: words of one class joined by "and" in one phrase are one event.
def test_a_session_of_talks_and_consultations_is_one_event(run):
    x = run("The pact was struck after a long session of talks and legal consultations.")
    assert len(meetings(x)) == 1


def test_coordinated_talks_in_two_places_stay_two(run):
    x = run("Talks in Oslo and consultations in Bern went on all week.")
    assert sorted(e.place for e in meetings(x)) == ["Bern", "Oslo"]


# twice.py _retold: the same event word under the same verb, told again in another
# sentence with the same parties and compatible dates, is one event.
def test_talks_retold_in_a_later_paragraph_are_one_event(run):
    x = run("The Greens had opened exploratory talks with the Liberals in May, a month after the vote. "
            "Only weeks after the vote, the Greens had opened exploratory talks with the Liberals.")
    (talks,) = meetings(x)
    assert len(talks.mentions) == 2
    # talks opened in May ran from May on (as talks that began in May do), up to the report
    assert (talks.time.earliest, talks.time.latest) == (date(2025, 5, 1), PUBLISHED)


def test_talks_retold_on_other_days_stay_two(run):
    x = run("The Greens held talks with the Liberals on Monday. "
            "On Thursday the Greens held talks with the Liberals again.")
    assert len(meetings(x)) == 2


# twice.py _bare: in a report of one round of talks (dated or placed), talks told again
# with no date, place or round of their own are that round (or its background), not a
# second event; with two such rounds told, nothing says which.
def test_bare_talks_in_a_report_of_one_round_are_that_round(run):
    x = run("Envoys of Chile and Peru held talks in Lima on Tuesday. "
            "The quota dispute has dragged on through many rounds of fruitless negotiations.")
    (talks,) = meetings(x)
    assert talks.place == "Lima" and len(talks.mentions) == 2


def test_bare_talks_with_two_rounds_told_join_neither(run):
    x = run("Envoys of Chile and Peru held talks in Lima on Tuesday. Their deputies held talks in Quito in January. "
            "The quota dispute has dragged on through many rounds of fruitless negotiations.")
    placed = [e for e in meetings(x) if e.place]
    assert sorted(e.place for e in placed) == ["Lima", "Quito"]
    assert all(len(e.mentions) == 1 for e in placed)


# twice.py _coordinated: the two halves of one swap joined by "and" are one exchange,
# though each side frees a different number; on two days they are two.
def test_the_two_halves_of_a_swap_are_one_exchange(run):
    x = run("The rebels released 20 captives and the army freed 2,000 prisoners, officials said.")
    (swap,) = kinds(x, "PrisonerExchange")
    assert len(swap.mentions) == 2


def test_releases_on_two_days_stay_two(run):
    x = run("The rebels released 20 captives on Monday and the army freed 2,000 prisoners on Friday.")
    assert len(kinds(x, "PrisonerExchange")) == 2


# ranks.py _delegates, _one_persons (read by the triggers stage): one person's meeting
# with officials, or a meeting between two named persons one of whom has the title
# "official", is a meeting, not a round of talks between delegations.
@pytest.mark.parametrize(
    "text",
    [
        "Chile's foreign minister Ana Roble held a long meeting with Peruvian officials in Lima on Monday.",
        "The meeting between Chile's foreign minister Ana Roble and Peruvian official Marco Quispe covered fishing quotas.",
    ],
)
def test_one_persons_meeting_with_officials_is_a_meeting(run, text):
    x = run(text)
    assert [e.kind for e in meetings(x)] == ["Meeting"]


def test_a_delegations_meeting_with_officials_is_a_round(run):
    x = run("The Chilean delegation held a meeting with Peruvian officials in Lima on Monday.")
    assert [e.kind for e in meetings(x)] == ["NegotiationRound"]


# ranks.py _leaders_met_with (read by the triggers stage): a mediator who meets two
# leaders hosts a meeting at the level of leaders.
@pytest.mark.parametrize(
    "text",
    [
        "In Arica, a Swiss mediator, Karl Osten, met with Bolivia's prime minister, Rosa Quintero, and with the "
        "President of Paraguay, Luis Benitez.",
        "On Friday the UN mediator, Ilse Brandt, had met with Prime Minister Tomas Ferra of Uruguay and President "
        "Joana Pires of Brazil in Arica.",
    ],
)
def test_a_mediator_meeting_two_leaders_is_a_summit(run, text):
    x = run(text)
    assert [(e.kind, e.place) for e in meetings(x)] == [("Summit", "Arica")]


# ranks.py _leaders_level, row leader_level_word (read by the triggers stage): a
# meeting at the level of leaders is a summit.
@pytest.mark.parametrize(
    "text",
    [
        "A presidential-level meeting could follow later in the year, the envoys said.",
        "Quito proposed a leader-level meeting on the water dispute.",
    ],
)
def test_a_leader_level_meeting_is_a_summit(run, text):
    x = run(text)
    assert [(e.kind, e.status) for e in meetings(x)] == [("Summit", "Proposed")]


def test_talks_begun_at_a_time_and_place_are_still_an_event(run):
    x = run("Delegations of Chile and Peru met in Lima on Monday before beginning talks in Quito on Friday.")
    assert "Quito" in {e.place for e in meetings(x)}


# twice.py: talks told once with their place and no date, once with their date and no
# place, the only two such of their class, are one round; with two dated ones, nothing
# says which, and "held talks" alone is no repeated telling.
def test_talks_told_with_their_place_then_their_days_are_one_round(run):
    x = run("The ministry reported progress at talks in Valparaiso on the fishing accord. On Monday and "
            "Tuesday the accord was the subject of two days of talks between delegates of Chile and Peru.")
    (talks,) = meetings(x)
    assert talks.place == "Valparaiso"
    assert (talks.time.earliest, talks.time.latest) == (date(2026, 3, 2), date(2026, 3, 3))


def test_a_placed_round_and_two_dated_ones_stay_three(run):
    x = run("Delegates of Chile and Peru held talks in Valparaiso, the ministry said. "
            "The delegates also held talks on Monday. They held talks again on Thursday.")
    assert len(meetings(x)) == 3


# triggers._leaders with ranks: a meeting after which leaders (a group noun of leaders,
# not of parties) did something is theirs, a summit.
def test_a_meeting_the_presidents_came_out_of_is_a_summit(run):
    x = run("The presidents of Chile and Peru signed the border accord after a nine-hour meeting brokered by Brazil.")
    (summit,) = kinds(x, "Summit")
    assert any("nine-hour meeting" in m.text for m in summit.mentions)


def test_a_meeting_of_party_leaders_is_no_summit(run):
    x = run("The party leaders settled the budget after a long meeting on Monday.")
    assert kinds(x, "Summit") == [] and len(kinds(x, "Meeting")) == 1
