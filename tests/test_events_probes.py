"""Proposals probed with sentences of our own: who put forward which plan, offer, demand or
invitation, and what it proposes (an event of the text, or the terms themselves), in
wire leads, headlines, passives, nominalisations, relative clauses, quotes and reported
speech, over ceasefire, prisoner, border, trade, debt, labour and coalition talks; and
what gives no proposal (a denial, a condition, a hypothetical, a demand to stop that is
no negotiation, a proposal turned down that stays its maker's).

Rows read: trigger rows ready-to, want, call-by-noun; cue rows ready_event_verb,
wanting_verb, relative_subject_word, own_side_noun, offer_content_verb_prep,
setting_prep and 'extend' in delivery_verb (ontology/lexicon/). The sentences are our
own, with invented people and places, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def _proposals(x) -> list[tuple[tuple[str, ...], str | None]]:
    """Each Proposal of ``x`` as (proposers, class of what it proposes; 'self' for terms)."""
    events = {e.key: e for e in x.events}
    out = []
    for p in kinds(x, "Proposal"):
        kind = "self" if p.proposes == p.key else (events[p.proposes].kind if p.proposes in events else None)
        out.append((p.proposed_by, kind))
    return out


def _made_by(x, who: str, kind: str) -> bool:
    """A Proposal of ``x`` proposes an event of class ``kind`` (or itself: 'self'), made by
    ``who`` (any maker, or none, when ``who`` is empty)."""
    if not who:
        return any(k == kind for _, k in _proposals(x))
    return any(k == kind and any(who.lower() in b.lower() for b in by) for by, k in _proposals(x))


# A proposal of an event of the text, by the side the sentence names, in many syntaxes.
@pytest.mark.parametrize(
    "text, by, kind",
    [
        ("Chile proposed a 30-day truce along the Sarn river on Tuesday.", "Chile", "Ceasefire"),
        ("The Armenian government has put forward a roadmap for talks with the Kessan rebels.", "Armenia", "NegotiationRound"),
        ("Norway floated the idea of a summit between the two presidents.", "Norway", "Summit"),
        ("The mediators presented a plan for a prisoner exchange to both delegations.", "", "PrisonerExchange"),
        ("Sudan called for an immediate ceasefire in the port city of Orvik.", "Sudan", "Ceasefire"),
        ("Foreign Minister Ilse Varga urged a swap of all detainees before the holiday.", "Ilse Varga", "PrisonerExchange"),
        ("Ghana pressed for a summit with Togo leaders before the end of the year.", "Ghana", "Summit"),
        ("Opposition leader Hamid Taro appealed for a truce to let aid convoys through.", "Hamid Taro", "Ceasefire"),
        ("Moldova pushed for a resumption of border talks with Romania.", "Moldova", "NegotiationRound"),
        ("President Anton Severin invited the Azerbaijani leader to talks in Morvel next month.", "Anton Severin", "NegotiationRound"),
        ("Austria offered on Sunday to host a fresh round of negotiations in Salzburg.", "Austria", "NegotiationRound"),
        ("The Emir of Qatar offered to mediate talks between Chile and Peru.", "Qatar", "NegotiationRound"),
        ("Togo invited Ghana to send a delegation to a meeting in Belgrave.", "Togo", "Meeting"),
        ("Chile's proposal for a 60-day truce was welcomed in Peru.", "Chile", "Ceasefire"),
        ("The Armenian offer of direct talks remained on the table.", "Armenia", "NegotiationRound"),
        ("A Norway-brokered proposal for a prisoner swap is under study in both capitals.", "Norway", "PrisonerExchange"),
        ("Diplomats said the Uruguayan initiative for a summit had won support.", "Uruguay", "Summit"),
        ("Talks stalled over Ghana's demand for a ceasefire before any exchange of prisoners.", "Ghana", "Ceasefire"),
        ("The talks proposed by Austria would take place in Belgrave.", "Austria", "NegotiationRound"),
        ("A three-day truce was proposed by the Red Crescent of Sudan.", "Red Crescent of Sudan", "Ceasefire"),
        ("\"We are ready to meet the Azerbaijani delegation anywhere,\" Armenian President Lev Orlan said.", "Lev Orlan", "Meeting"),
        ("Chile said it was ready to hold talks with Peru without preconditions.", "Chile", "NegotiationRound"),
        ("\"We propose an exchange of all prisoners,\" said Tomas Brenn, the Moldovan negotiator.", "Tomas Brenn", "PrisonerExchange"),
        ("The Green Party proposed coalition talks with the Liberals after the vote.", "Green Party", "NegotiationRound"),
        ("Chile proposes new talks with Peru", "Chile", "NegotiationRound"),
        ("Ghana calls for prisoner swap", "Ghana", "PrisonerExchange"),
        ("Peru, which proposed a truce last week, said its troops would hold their fire.", "Peru", "Ceasefire"),
        ("Late on Friday, Moldova offered a ceasefire in the Romania valley.", "Moldova", "Ceasefire"),
        ("After months of fighting, the Sudanese government called for peace talks with the rebels.", "Sudan", "NegotiationRound"),
        ("Austria presented a plan under which both sides would observe a truce for 30 days.", "Austria", "Ceasefire"),
        ("Norway made a proposal for a 30-day truce and an exchange of prisoners.", "Norway", "Ceasefire"),
        ("Chile's proposal to meet in Belgrave was accepted by Peru.", "Chile", "Meeting"),
        ("Ghana accepted Togo's invitation to talks in Morvel.", "Togo", "NegotiationRound"),
        ("Peru rejected Chile's proposal for a ceasefire.", "Chile", "Ceasefire"),
        ("Sudan dismissed the Moldovan plan for a summit.", "Moldova", "Summit"),
        ("Norway will propose a new round of talks at the summit in May.", "Norway", "NegotiationRound"),
        ("Togo proposed a new round of nuclear talks with the agency in Vell.", "Togo", "NegotiationRound"),
        ("Romania asked for a meeting of the joint border commission.", "Romania", "Meeting"),
        ("Peru sought talks with Chile on the disputed border.", "Peru", "NegotiationRound"),
        ("Chile extended an invitation to Peru's president for a summit in Orvik.", "Chile", "Summit"),
        ("The Egyptian-style initiative by Norway calls for a 45-day truce.", "Norway", "Ceasefire"),
        ("Ghana's trade minister, Kofi Amankwa, has invited his Togolese counterpart to a meeting in Accra to settle the tariff dispute.", "Kofi Amankwa", "Meeting"),
        ("In a letter to the Senate, the Ecuadorian finance minister, Ines Paredes, proposed a new round of talks with creditors.", "Ines Paredes", "NegotiationRound"),
        ("Uruguay is pushing for a summit of Mercosur leaders in June.", "Uruguay", "Summit"),
        ("Moldova on Tuesday called for the resumption of the stalled talks on the Transnistria settlement.", "Moldova", "NegotiationRound"),
        ("Peru has repeatedly urged Chile to return to the negotiating table.", "Peru", "NegotiationRound"),
        ("Chile refused to attend the talks that Peru had proposed for March.", "Peru", "NegotiationRound"),
        ("Under the plan tabled by Norway, prisoners would be exchanged in three phases.", "Norway", "PrisonerExchange"),
        ("Austria wants a meeting of the two foreign ministers before the end of the month.", "Austria", "Meeting"),
        ("A proposal by Ghana to hold a summit in Accra drew a cool response from Togo.", "Ghana", "Summit"),
        ("Sudan's army chief, General Omar Bashir Idris, rejected the call by Egypt for a humanitarian truce.", "Egypt", "Ceasefire"),
        ("The Finnish mediator suggested that the two delegations meet again in Helsinki next week.", "Finland", "NegotiationRound"),
        ("The Austrian chancellor floated a summit on migration with Balkan leaders.", "Austria", "Summit"),
        ("Qatar offered a ceasefire proposal to both sides on Sunday, officials said.", "Qatar", "Ceasefire"),
        ("Egypt urged Israel and Hamas to agree to a new truce.", "Egypt", "Ceasefire"),
        ("Norway invited the two delegations to Oslo for a fourth round of talks.", "Norway", "NegotiationRound"),
        ("Paraguay proposed that the border commission meet every three months.", "Paraguay", "Meeting"),
        ("Ghana's foreign minister, Dora Hale, said on Sunday that her country proposed a meeting of the two leaders.", "Ghana", "Summit"),
    ],
)
def test_a_proposal_of_an_event_by_its_maker(run, text, by, kind):
    x = run(text)
    assert _made_by(x, by, kind), _proposals(x)


# Terms put forward (a plan, a draft, an offer or a demand of pay): a proposal of itself.
@pytest.mark.parametrize(
    "text, by",
    [
        ("Uruguay submitted a counter-offer to the creditors on Friday.", "Uruguay"),
        ("Prime Minister Odile Marsh unveiled a six-point peace plan in Darrow.", "Odile Marsh"),
        ("A plan put forward by Moldova would see both armies pull back ten kilometres.", "Moldova"),
        ("The Harlow Nurses Union demanded a 9 percent raise and a new contract.", "Harlow Nurses Union"),
        ("Grenmoor Steel offered its workers a two-year wage deal on Thursday.", "Grenmoor Steel"),
        ("Ecuador's finance ministry proposed a debt restructuring plan to bondholders.", "Ecuador"),
        ("Togo put forward a proposal on tariffs at the trade talks in Geneva.", "Togo"),
    ],
)
def test_terms_put_forward_are_a_proposal_of_themselves(run, text, by):
    x = run(text)
    assert _made_by(x, by, "self"), _proposals(x)


# A side that turns a proposal down, accepts it or reacts to it does not make it.
@pytest.mark.parametrize("text, who", [
        ("Ghana accepted Togo's invitation to talks in Morvel.", "Ghana"),
        ("Peru rejected Chile's proposal for a ceasefire.", "Peru"),
        ("Sudan dismissed the Moldovan plan for a summit.", "Sudan"),
        ("Chile refused to attend the talks that Peru had proposed for March.", "Chile"),
        ("A proposal by Ghana to hold a summit in Accra drew a cool response from Togo.", "Togo"),
        ("Sudan's army chief, General Omar Bashir Idris, rejected the call by Egypt for a humanitarian truce.", "Omar Bashir Idris"),
    ],
)
def test_who_reacts_to_a_proposal_does_not_make_it(run, text, who):
    x = run(text)
    assert not any(any(who.lower() in b.lower() for b in by) for by, _ in _proposals(x)), _proposals(x)


# No proposal by these: denied, not made, only hypothetical, conditional, or no negotiation.
@pytest.mark.parametrize(
    "text, nobody",
    [
        ("The rebels turned down the government's offer of talks.", ["rebels"]),
        ("Peru did not propose a ceasefire.", ["Peru"]),
        ("Chile denied that it had offered talks to the rebels.", ["Chile"]),
        ("If Ghana proposes a truce, Togo may accept it.", ["Ghana"]),
        ("Moldova has never called for a summit with Romania.", ["Moldova"]),
        ("Sudan would propose talks only if the shelling stopped.", ["Sudan"]),
        ("The UN called on Chile to stop the shelling of Orvik.", ["UN", "United Nations"]),
        ("The dockworkers' union rejected an offer from the port authority of Halvik.", ["dockworkers"]),
        ("Ecuador said on Friday that it would not propose a new truce.", ["Ecuador"]),
        ("It is unclear whether Uruguay will propose talks with Paraguay.", ["Uruguay"]),
        ("Chile and Peru agreed on Monday to hold talks in Lima.", ["Chile", "Peru"]),
    ],
)
def test_what_gives_no_proposal_by_them(run, text, nobody):
    x = run(text)
    for who in nobody:
        assert not any(any(who.lower() in b.lower() for b in by) for by, _ in _proposals(x)), _proposals(x)


# A loan offered is no proposal of a negotiation (a takeover bid is one, an offer to the
# company's owners: tests/test_events_offers_signed.py).
@pytest.mark.parametrize(
    "text",
    [
        "Romania offered Moldova a loan of 100 million euros.",
    ],
)
def test_a_bid_or_a_loan_is_no_proposal(run, text):
    assert kinds(run(text), "Proposal") == []


# "X on Monday proposed a swap": the day is the proposal's, the swap proposed gets no date
# (kg/extract/timex/lexicon.py: 'proposed' with its object is the past verb, no future cue).
@pytest.mark.parametrize(
    "text, by, kind, day",
    [
        ("Bolivia on Monday proposed a prisoner exchange with the rebels.", "Bolivia", "PrisonerExchange",
         date(2026, 3, 2)),
        # the 'to' clause after the day is parsed as a clause of purpose: still what is proposed
        ("Kenya proposed on Friday to hold a summit of the two leaders in Mombasa.", "Kenya", "Summit",
         date(2026, 2, 27)),
    ],
)
def test_the_day_of_a_proposal_told_next_to_its_verb_is_the_proposals(run, text, by, kind, day):
    x = run(text)
    p = one(x, "Proposal")
    assert p.proposed_by == (by,)
    assert bounds(p) == (day, day)
    assert bounds(one(x, kind)) == (None, None)


# A passive clause of time: the subject of the clause above did not make the proposal; the
# maker of the noun the clause tells of did.
def test_a_proposal_told_in_a_passive_clause_of_time_is_not_the_subjects(run):
    x = run("Togo welcomed the truce soon after it was proposed last week.")
    assert not any("Togo" in by for by, _ in _proposals(x)), _proposals(x)
    x = run("Togo endorsed Ghana's invitation to talks once it had been submitted to parliament.")
    assert not any("Togo" in by for by, _ in _proposals(x)), _proposals(x)
    assert any("Ghana" in by for by, _ in _proposals(x)), _proposals(x)


# Wanting an event of one's own proposes it; wanting talks to succeed does not.
def test_wanting_an_event_proposes_it_wanting_talks_to_succeed_does_not(run):
    x = run("Ghana wants a ceasefire in the north before the rains.")
    assert _made_by(x, "Ghana", "Ceasefire"), _proposals(x)
    assert kinds(run("Diplomats in Lome want the talks to succeed."), "Proposal") == []


# More ways news tells a proposal: a possessive pronoun on the call or offer ('renewed its
# call for talks', row-free: the subject of the verb), a side ready for or open to an event
# ('ready for talks', 'expressed readiness to hold talks'; rows ready_prep, willing_word),
# asking someone for an event (row asking_content_prep), a plan that itself calls for an
# event ('the plan envisages a truce', 'a proposal which calls for a truce'; row
# plan_content_verb).
@pytest.mark.parametrize(
    "text, by, kind",
    [
        ("Uruguay renewed its call for talks with Paraguay over the river dam.", "Uruguay", "NegotiationRound"),
        ("Ecuador reiterated its offer of direct talks with the indigenous federation.", "Ecuador", "NegotiationRound"),
        ("Sudan repeated its demand for an immediate ceasefire in Darfur.", "Sudan", "Ceasefire"),
        ("Peru proposed holding the next round in Cusco.", "Peru", "NegotiationRound"),
        ("Chile suggested that the talks be moved to Santiago.", "Chile", "NegotiationRound"),
        ("Both sides accepted a Norwegian proposal for talks in Oslo.", "Norway", "NegotiationRound"),
        ("Ghana said it had agreed to a ceasefire proposal put forward by Nigeria and Benin.", "Nigeria", "Ceasefire"),
        ("Togo's proposal, which calls for a truce and new talks, was rejected by Ghana.", "Togo", "Ceasefire"),
        ("Moldova is ready for talks with Romania on the pipeline.", "Moldova", "NegotiationRound"),
        ("Peru voiced a wish to hold talks with Chile on the fisheries treaty.", "Peru", "NegotiationRound"),
        ("Paraguay expressed readiness to hold talks with Bolivia on the gas price.", "Paraguay", "NegotiationRound"),
        ("Norway offered the two sides a venue for a fresh round of negotiations.", "Norway", "NegotiationRound"),
        ("Kenya urged the rival generals to come back to the negotiating table in Jeddah.", "Kenya", "NegotiationRound"),
        ("Qatar has been pushing for a prisoner swap since January.", "Qatar", "PrisonerExchange"),
        ("\"We want a summit with President Boric as soon as possible,\" Peruvian President Dina Ruiz told reporters.", "Dina Ruiz", "Summit"),
        ("In a letter sent on Monday, Ghana asked Togo for a meeting of the border commission.", "Ghana", "Meeting"),
        ("The plan, drafted by Egyptian mediators, envisages a truce of six weeks.", "Egypt", "Ceasefire"),
        ("Chile and Peru have both called for a new round of talks before the end of the year.", "Chile", "NegotiationRound"),
        ("Peru's trade minister said her government would propose a free trade summit to Chile next month.", "Peru", "Summit"),
        ("Bolivia on Wednesday rejected a Chilean offer of talks on access to the sea.", "Chile", "NegotiationRound"),
        ("The European Union proposed a meeting of trade ministers with Mercosur in Brussels.", "European Union", "Meeting"),
    ],
)
def test_more_proposals_of_an_event_by_their_maker(run, text, by, kind):
    x = run(text)
    assert _made_by(x, by, kind), _proposals(x)


@pytest.mark.parametrize("text, who", [
        ("Ghana said it had agreed to a ceasefire proposal put forward by Nigeria and Benin.", "Ghana"),
        ("Togo's proposal, which calls for a truce and new talks, was rejected by Ghana.", "Ghana"),
        ("Bolivia on Wednesday rejected a Chilean offer of talks on access to the sea.", "Bolivia"),
    ],
)
def test_more_reactions_do_not_make_the_proposal(run, text, who):
    x = run(text)
    assert not any(any(who.lower() in b.lower() for b in by) for by, _ in _proposals(x)), _proposals(x)


# Talks a side is only willing to take up again are no event (records: generic.py), so no
# offer of them either; a side not ready for talks offers none.
@pytest.mark.parametrize(
    "text",
    [
        "Addressing the assembly, the Cypriot-born envoy Elena Marsh voiced her willingness to restart the stalled talks.",
        "Ecuador said it was not ready for talks with the striking transport unions.",
        "Ghana said it had no wish to meet the junta.",
    ],
)
def test_no_offer_of_talks_only_to_be_restarted_or_refused(run, text):
    assert kinds(run(text), "Proposal") == []


# Ready for an event told before ('such a meeting') is no offer of one afresh.
def test_ready_for_an_event_told_before_offers_nothing_new(run):
    x = run("Chile proposed a summit of Andean presidents. Asked about it, Bolivia said it was ready for such a meeting.")
    assert _made_by(x, "Chile", "Summit"), _proposals(x)
    assert not any("Bolivia" in by for by, _ in _proposals(x)), _proposals(x)
