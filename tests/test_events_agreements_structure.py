"""Agreements and proposals told across clauses and sentences: who the parties are when
a pronoun or a collective noun names them, where a deal was reached when the meeting is
told elsewhere, who proposed what when the proposer or the proposed event sits apart
from the verb, and what must not give either.

Every sentence is our own, with invented people and places and pairings of countries
chosen for the probe. The first tests are the golden cases of the kinds fixed with them
(rows ``collective_subject_word``, ``collective_party_noun``, ``signed_pronoun`` and
``agreement_in_force_prep`` in ``cues.jsonl``; ``agreement_phrases._named_in_force``, a
background agreement dated by a span of two years, one named side joined to those of the talks; row ``delegate_noun``:
negotiators for two sides named as a pair; ``agreement_phrases._met_others``: an
agreement of other sides than those of the meeting told near it; row ``joint_act_verb``; :func:`kg.extract.events.agreement_phrases._collective_parties`, the
text signed and the pronoun signed in :mod:`kg.extract.events.agreements` and
:mod:`kg.extract.events.signings`, the joint announcement at a place in
``signings._joint_announcement``; :func:`kg.extract.events.terms._unmade`,
the cleft proposer, the proposal told in apposition and
the participle of proposing hung inside the phrase of what is proposed in
:mod:`kg.extract.events.proposals`; rows ``press-when-for`` and ``call-when-for-noun`` in
``triggers.jsonl`` and ``claim_denial_verb`` in ``cues.jsonl``); the tables after them keep the probes that already
held, so that a later rule cannot quietly undo them.
"""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)


def _reached(x, a):
    return next((e for e in x.events if e.key == a.reached_at), None)


def _proposals(x):
    return [e for e in x.events if e.kind == "Proposal"]


# ---------------------------------------------------------------- golden cases of the fixes
def test_they_after_a_report_by_both_sides_stands_for_them(run):
    x = run("Talks between Sweden and Finland on fishing quotas resumed in Turku on Monday. Separately, "
            "Estonia and Latvia said on Tuesday they had agreed on a joint coast guard patrol.")
    (agr,) = [a for a in x.agreements if "patrol" in a.label]
    assert set(agr.parties) == {"Estonia", "Latvia"}


def test_both_governments_stand_for_the_sides_named_in_the_sentence_before(run):
    x = run("Sweden and Finland held fishing talks in Turku on Monday. Elsewhere, Estonian and Latvian "
            "officials, Mart Saar and Ilze Berzina, met in Valga. Afterwards both governments agreed to "
            "build a second border bridge.")
    (agr,) = [a for a in x.agreements if "bridge" in a.label]
    assert {"Estonia", "Latvia"} <= set(agr.parties)
    assert "Sweden" not in agr.parties


def test_a_text_the_leaders_signed_is_an_agreement_of_their_meeting(run):
    x = run("Presidents Ana Costa of Angola and Rui Lemos of Namibia met in Luanda on Saturday. "
            "They signed a memorandum on water sharing.")
    (agr,) = x.agreements
    assert "memorandum" in agr.label
    assert _reached(x, agr).place == "Luanda"
    assert set(agr.parties) == {"Angola", "Namibia"}


def test_a_text_not_signed_or_still_to_be_signed_is_no_agreement(run):
    assert run("The two delegations met in Quito on Monday. They did not sign the draft.").agreements == ()
    assert run("Officials from Bolivia will sign the document in Sucre next week.").agreements == ()
    assert run("Mali and Niger may sign the memorandum on Friday, a diplomat said.").agreements == ()


def test_it_signed_is_the_accord_told_just_before(run):
    x = run("Namibia and Botswana negotiated a water treaty for months. "
            "It was signed by both countries in Windhoek on Thursday.")
    (agr,) = x.agreements
    assert "treaty" in agr.label
    signing = _reached(x, agr)
    assert (signing.place, signing.time.earliest) == ("Windhoek", date(2026, 2, 26))
    assert set(agr.parties) == {"Namibia", "Botswana"}


def test_it_signed_with_no_accord_before_is_no_signing(run):
    x = run("Namibia and Botswana argued over water for months. It was signed in Windhoek on Thursday.")
    assert x.agreements == ()


def test_leaders_announcing_at_a_place_that_they_have_agreed_met_there(run):
    x = run("Honduras's President Tomas Reyes and Nicaragua's President Julia Paz declared in Tegucigalpa "
            "on Sunday that they had agreed to mark out their border within a year.")
    (agr,) = x.agreements
    summit = _reached(x, agr)
    assert summit.kind == "Summit"
    assert (summit.place, summit.time.earliest) == ("Tegucigalpa", date(2026, 3, 1))
    assert set(agr.parties) == {"Honduras", "Nicaragua"}


def test_leaders_saying_without_a_place_that_they_agreed_tell_of_no_meeting(run):
    x = run("Honduras's President Tomas Reyes and Nicaragua's President Julia Paz said on Sunday they had "
            "agreed to mark out their border within a year.")
    assert [e.kind for e in x.events if e.kind == "Summit"] == []


def test_an_accord_named_by_its_proper_name_and_told_as_in_force_was_reached_before(run):
    for text in ("Talks between Sudan and Chad resumed in Doha. The envoy urged both parties to honour their "
                 "obligations under the Lakeside Agreement.",
                 "Talks between Sudan and Chad resumed in Doha. The envoy urged both parties to implement the "
                 "Lakeside Agreement.",
                 "Talks between Sudan and Chad resumed in Doha with the rebels who are not signatories to the "
                 "Lakeside Agreement."):
        x = run(text)
        (agr,) = x.agreements
        assert "Lakeside Agreement" in agr.label
        assert agr.reached_at is None  # not at the talks the report tells of
        assert set(agr.parties) == {"Sudan", "Chad"}


def test_an_accord_named_but_still_to_be_signed_or_talked_about_is_none_yet(run):
    assert run("Talks between Sudan and Chad on the Lakeside Agreement resumed in Doha.").agreements == ()
    assert run("Sudan and Chad will sign the Lakeside Agreement in Doha next week.").agreements == ()


def test_an_agreement_dated_by_a_span_of_two_years_is_background(run):
    (agr,) = run("Under the 2024/2025 pay agreement, which the dockers say the port authority has broken, wages "
                 "were to rise by four percent.").agreements
    assert "2024/2025 pay agreement" in agr.label
    assert agr.reached_at is None


def test_one_side_named_with_the_agreement_joins_the_sides_of_the_talks(run):
    x = run("Chile and Bolivia held talks in Arica on Monday on the use of the port. "
            "On Tuesday the talks produced an agreement with Peru on transit fees.")
    (agr,) = x.agreements
    assert {"Peru", "Chile", "Bolivia"} <= set(agr.parties)


def test_negotiators_for_two_sides_who_struck_a_deal_on_a_day_met_that_day(run):
    x = run("Negotiators for Serbia and Kosovo reached a deal in Brussels on Thursday on car number plates.")
    (agr,) = x.agreements
    talks = _reached(x, agr)
    assert talks is not None and talks.time.earliest == date(2026, 2, 26)
    assert set(agr.parties) == {"Serbia", "Kosovo"}


def test_negotiators_for_one_side_tell_of_no_meeting(run):
    x = run("Negotiators for Serbia reached a deal on Thursday on the loan.")
    assert [e.kind for e in x.events if e.kind in ("NegotiationRound", "Meeting", "Summit")] == []


def test_an_agreement_of_other_sides_is_not_reached_at_the_talks_told_before(run):
    x = run("Talks between Sudan and Chad resumed in Doha on Monday. Separately, Chile agreed with Peru on "
            "Tuesday to share fishing data.")
    (agr,) = x.agreements
    assert agr.reached_at is None
    assert set(agr.parties) == {"Chile", "Peru"}
    x = run("Talks between Sudan and Chad resumed in Doha on Monday. Separately, Kenya reached an agreement on fishing.")
    (agr,) = x.agreements
    assert agr.reached_at is None
    assert "Sudan" not in agr.parties and "Chad" not in agr.parties


def test_the_sides_of_talks_told_before_still_reach_what_they_agree(run):
    x = run("Talks between Sudan and Chad were held in Doha on Monday. The two sides agreed to reopen the border.")
    (agr,) = x.agreements
    assert _reached(x, agr).place == "Doha"


def test_the_one_an_act_agreed_is_done_with_is_a_party(run):
    x = run("Talks between Sudan and Chad resumed in Doha on Monday. Kenya on Tuesday agreed to share "
            "intelligence with Uganda.")
    (agr,) = x.agreements
    assert set(agr.parties) == {"Kenya", "Uganda"}


def test_a_proposal_that_might_be_made_or_is_not_planned_is_none(run):
    assert _proposals(run("Officials said Bolivia might propose talks with Chile next week.")) == []
    assert _proposals(run("Chile said it was not planning to propose new talks with Peru.")) == []
    assert _proposals(run("Kenya may offer to host a summit of the two leaders, a diplomat said.")) == []


def test_a_cleft_names_the_proposer(run):
    x = run("It was Qatar that proposed the exchange of prisoners between Russia and Ukraine.")
    (p,) = _proposals(x)
    assert p.proposed_by == ("Qatar",)
    assert next(e for e in x.events if e.key == p.proposes).kind == "PrisonerExchange"


def test_a_proposal_told_in_apposition_proposes_the_event_it_names(run):
    x = run("The Nigerian proposal - a truce of 30 days in the Lake Chad basin - was put to both sides on Friday.")
    (p,) = _proposals(x)
    assert "Nigeria" in p.proposed_by
    assert next(e for e in x.events if e.key == p.proposes).kind == "Ceasefire"


def test_a_day_between_the_verb_or_noun_of_calling_and_its_for(run):
    x = run("Angola pressed on Monday for a new round of talks between Congo and Rwanda in Luanda.")
    (p,) = _proposals(x)
    assert p.proposed_by == ("Angola",)
    target = next(e for e in x.events if e.key == p.proposes)
    assert (target.kind, target.status) == ("NegotiationRound", "Proposed")
    x = run("Chile's call on Monday for a meeting of the border commission was welcomed in La Paz.")
    (p,) = _proposals(x)
    assert p.proposed_by == ("Chile",)
    assert next(e for e in x.events if e.key == p.proposes).kind == "Meeting"


def test_a_participle_of_proposing_hung_inside_the_events_phrase(run):
    x = run("A ceasefire of 60 days, proposed by Qatar on Sunday, would start at midnight.")
    (p,) = _proposals(x)
    assert p.proposed_by == ("Qatar",)
    assert next(e for e in x.events if e.key == p.proposes).kind == "Ceasefire"


def test_a_participle_of_making_after_what_the_proposal_is_for(run):
    x = run("A proposal for an exchange of prisoners, made by Colombia's government in May, is still on the table.")
    (p,) = _proposals(x)
    assert "Colombia" in p.proposed_by
    assert next(e for e in x.events if e.key == p.proposes).kind == "PrisonerExchange"


def test_a_claim_of_a_proposal_rejected_is_no_proposal(run):
    assert _proposals(run("Chile rejected claims that it had offered to host talks with Peru.")) == []
    assert _proposals(run("Officials in Quito dismissed reports that Ecuador had proposed a truce.")) == []


# ---------------------------------------------------------------- probes that held
AGREED = [  # (text, parties that must be among the agreement's, kind of the event reached at or None, its place or None)
    ("After two days of talks in Tartu, Latvia and Lithuania agreed to share the cost of a new rail bridge.",
     {"Latvia", "Lithuania"}, "NegotiationRound", "Tartu"),
    ("Latvia and Lithuania held two days of talks in Tartu this week. On Tuesday the two sides agreed to share "
     "the cost of a rail bridge.", {"Latvia", "Lithuania"}, "NegotiationRound", None),
    ("Delegates of Chile and Bolivia met in Arica on Monday. The accord they reached sets a quota for water "
     "from the Silala river.", {"Chile", "Bolivia"}, None, "Arica"),
    ("Kenya's deal with Uganda on fishing rights in Lake Victoria was signed in Kampala on Friday.",
     {"Kenya", "Uganda"}, "Meeting", None),
    ("Ghana agreed with Togo on Monday to reopen the Aflao border post.", {"Ghana", "Togo"}, None, None),
    ("Mediated by Oman, the truce between Yemen and Saudi Arabia was agreed in Muscat on Tuesday.",
     {"Yemen", "Saudi Arabia"}, None, None),
    ("Following three rounds of negotiations in Geneva, Armenia and Azerbaijan have agreed on the text of a "
     "peace treaty.", {"Armenia", "Azerbaijan"}, "NegotiationRound", "Geneva"),
    ("The accord signed in Lusaka last June between Zambia and Malawi has held.", {"Zambia", "Malawi"},
     "Meeting", "Lusaka"),
    ("Chile and Argentina both said they had agreed on a joint patrol of the Beagle Channel.",
     {"Chile", "Argentina"}, None, None),
    ("Officials from Laos and Vietnam said on Monday that the two countries had agreed to build a rail link.",
     {"Laos", "Vietnam"}, None, None),
    ("Morocco and Spain ended three days of talks in Rabat on Friday. Both governments agreed to reopen the "
     "customs posts in Ceuta and Melilla.", {"Morocco", "Spain"}, "NegotiationRound", "Rabat"),
    ("The presidents of Paraguay and Bolivia signed a gas pact in Asuncion on Friday.", {"Paraguay", "Bolivia"},
     None, "Asuncion"),
    ("Cyprus and Lebanon initialled a maritime border deal in Nicosia on Monday.", {"Cyprus", "Lebanon"},
     None, "Nicosia"),
    ("Sweden struck a deal with Norway on Thursday to share the cost of the Oresund cable.",
     {"Sweden", "Norway"}, None, None),
    ("After a phone call between their leaders on Monday, Croatia and Slovenia agreed to settle the bay "
     "dispute by arbitration.", {"Croatia", "Slovenia"}, None, None),
    ("Tanzania's agreement with Mozambique, reached at talks in Dodoma last week, opens the Ruvuma bridge "
     "to trucks.", {"Tanzania", "Mozambique"}, "NegotiationRound", "Dodoma"),
    ("It took six rounds of negotiations in Vienna, but Iran and the United States finally agreed on a "
     "framework for a nuclear deal on Tuesday.", {"Iran", "United States"}, "NegotiationRound", "Vienna"),
    ("Talks in Cairo between Hamas and Israel ended on Sunday with an agreement to release 20 hostages.",
     {"Hamas", "Israel"}, "NegotiationRound", "Cairo"),
    ("Georgia and Armenia signed the border agreement last year.", {"Georgia", "Armenia"}, None, None),
    ("At a meeting in Bishkek on Friday, Kyrgyzstan and Tajikistan agreed to demarcate 30 kilometres of "
     "their border.", {"Kyrgyzstan", "Tajikistan"}, "Meeting", "Bishkek"),
    ("Kyrgyzstan and Tajikistan agreed to demarcate 30 kilometres of their border, the two foreign "
     "ministers said after meeting in Bishkek on Friday.", {"Kyrgyzstan", "Tajikistan"}, "Meeting", "Bishkek"),
    ("Ethiopia and Eritrea, whose leaders met in Asmara on Sunday, agreed to reopen their embassies.",
     {"Ethiopia", "Eritrea"}, None, "Asmara"),
    ("Chile and Argentina both said on Friday that they had settled on a joint patrol of the channel.",
     {"Chile", "Argentina"}, None, None),
    ("Talks between Indonesia and Malaysia in Kuching ended on Friday. The two sides agreed to reopen the "
     "Entikong crossing.", {"Indonesia", "Malaysia"}, "NegotiationRound", "Kuching"),
    ("Uganda and South Sudan agreed on Monday to reopen the Nimule crossing, Kenya's foreign ministry, which "
     "hosted the talks, said.", {"Uganda", "South Sudan"}, None, None),
    ("Under the agreement, signed by Iraq and Turkey last March, Ankara will release more water into the "
     "Tigris.", {"Iraq", "Turkey"}, None, None),
    ("Leaders of Kenya and Ethiopia met in Moyale on Sunday and announced that they had agreed to open a "
     "new border market by June.", {"Kenya", "Ethiopia"}, None, None),
    ("Spain and Portugal agreed to split the cost of the bridge. The deal was reached after a phone call "
     "between their prime ministers on Monday.", {"Spain", "Portugal"}, None, None),
    ("The deal, reached late on Sunday after talks in Accra between Ghana and Togo, reopens the border.",
     {"Ghana", "Togo"}, "NegotiationRound", "Accra"),
    ("Ghana and Togo held talks in Accra on Saturday and Sunday. The deal, reached late on Sunday, reopens the "
     "border.", {"Ghana", "Togo"}, "NegotiationRound", "Accra"),
    ("The accord that Chile and Peru signed last year has kept the border quiet.", {"Chile", "Peru"}, None, None),
    ("Two days of talks in Yerevan ended on Tuesday. Armenia and Georgia agreed to build a second bridge over "
     "the Debed river.", {"Armenia", "Georgia"}, "NegotiationRound", "Yerevan"),
    ("The prime ministers of Denmark and Norway spoke by phone on Monday and agreed to share the cost of the "
     "cable.", {"Denmark", "Norway"}, "Meeting", None),
    ("After hosting the leaders of Guinea and Senegal in Bamako on Monday, Mali's president said the two had "
     "agreed to an immediate ceasefire.", {"Guinea", "Senegal"}, None, None),
    ("A truce between Armenia and Azerbaijan was agreed at talks in Moscow on Saturday.", {"Armenia", "Azerbaijan"},
     "NegotiationRound", "Moscow"),
    ("Ukraine and Russia swapped 300 prisoners each on Friday under a deal brokered by the United Arab Emirates.",
     {"Ukraine", "Russia"}, None, None),
    ("Japan and South Korea finally settled their dispute over the islands at a summit in Tokyo on Friday.",
     {"Japan", "South Korea"}, "Summit", "Tokyo"),
    ("Meeting in Astana on Friday, the foreign ministers of Kazakhstan and Uzbekistan agreed to open three new "
     "border crossings.", {"Kazakhstan", "Uzbekistan"}, None, None),
    ("Egypt and Sudan settled on a joint position on the dam during talks in Cairo on Monday.", {"Egypt", "Sudan"},
     "NegotiationRound", "Cairo"),
]


@pytest.mark.parametrize("text,parties,kind,place", AGREED)
def test_agreement_probes(run, text, parties, kind, place):
    x = run(text)
    found = []
    for a in x.agreements:
        r = _reached(x, a)
        found.append((a.label, a.parties, r and (r.kind, r.place)))
        if parties <= set(a.parties) and (kind is None or r is not None and r.kind == kind) and (
                place is None or r is not None and r.place == place):
            return
    pytest.fail(f"no agreement of {parties} at {kind} {place}: {found}")


NOT_AGREED = [
    "Mali and Niger are close to a deal on a joint border force, officials said on Monday.",
    "Talks between Sudan and Chad in N'Djamena failed to reach an agreement on refugees.",
    "Egypt hopes to reach an agreement with Ethiopia on the dam by June.",
    "If Bolivia and Paraguay agree on the route, the pipeline could be built by 2030.",
    "Officials in Tirana denied that Albania had agreed to host the migrant centres.",
    "Neither side has agreed to the truce proposed by Qatar.",
    "The two sides were still far from agreement on Tuesday, a diplomat said.",
    "Hungary and Slovakia have yet to agree on the route of the pipeline.",
    "Any deal between Kenya and Somalia would need the approval of both parliaments.",
    "Greece and Turkey came close to signing a maritime accord in 2020.",
    "Negotiators hope an agreement can be reached by Friday.",
    "Norway rejected a deal with Iceland on mackerel quotas on Monday.",
    "A deal between Brazil and Uruguay on beef quotas remains elusive.",
    "The agreement that Ghana and Togo are negotiating would open the border.",
    "Diplomats said an accord between Serbia and Kosovo was unlikely before the summer.",
    "Qatar is pushing Israel and Hamas to agree on a second phase of the truce.",
    "Peru and Chile could sign the pact as early as next month, officials said.",
    "Kenya and Tanzania said they had not yet agreed on the route of the pipeline.",
    "The union said it would not sign any deal that cut pensions.",
    "Diplomats expect the two sides to sign an accord in Geneva next week.",
    "A signed agreement, Lima insists, must come before any troop withdrawal.",
    "The truce that Egypt proposed on Sunday was rejected by both sides.",
    "Both sides are expected to agree on a prisoner swap in Doha next week.",
    "An agreement between Peru and Chile was said to be within reach on Monday.",
    "The union would accept the offer only if pensions were protected.",
    "Norway and the EU are working towards a deal on mackerel quotas.",
    "Ghana and Togo held talks in Accra on Sunday but could not agree on the border.",
    "Talks between Kenya and Somalia collapsed on Monday without a deal.",
    "Ghana and Togo are expected to agree on the border when their leaders meet in Lome next week.",
    "Officials from Chile said there was no agreement yet with Peru.",
    "A deal would have been reached had Peru not walked out, Chile's minister said.",
    "Whether Chile and Peru will agree on fishing quotas is unclear.",
]


@pytest.mark.parametrize("text", NOT_AGREED)
def test_no_agreement_probes(run, text):
    assert [a.label for a in run(text).agreements] == []


PROPOSED = [  # (text, a proposer, kind of the event proposed or None)
    ("Prime Minister Eero Lahti of Finland proposed on Monday that Finland and Sweden hold talks on fishing "
     "quotas in Turku.", "Eero Lahti", "NegotiationRound"),
    ("A plan by Norway to host talks between Sudan and Chad was welcomed by both sides.", "Norway",
     "NegotiationRound"),
    ("Talks in Oslo were proposed by the Norwegian foreign minister, Ane Holm, on Monday.", "Ane Holm",
     "NegotiationRound"),
    ("Kenya's proposal for a ceasefire in the border region drew a cautious response.", "Kenya", "Ceasefire"),
    ("\"We are proposing a meeting of the two presidents in Quito next month,\" said Ecuador's foreign "
     "minister, Lucia Andrade.", "Lucia Andrade", None),
    ("Ghana has offered to mediate. It proposed a summit of West African leaders in Accra.", "Ghana", "Summit"),
    ("Egypt has floated a two-week truce in Gaza, officials said.", "Egypt", "Ceasefire"),
    ("Qatar suggested an exchange of 30 hostages for 90 prisoners on Sunday.", "Qatar", "PrisonerExchange"),
    ("Under a Turkish proposal, Russia and Ukraine would hold a new round of talks in Istanbul.", "Turkey",
     "NegotiationRound"),
    ("Seoul wants a summit with Pyongyang this year, the unification minister said.", "South Korea", "Summit"),
    ("Japan invited South Korea to a trilateral summit with China in Tokyo.", "Japan", "Summit"),
    ("Vietnam's offer to host the next round of talks between the two Koreas was accepted on Friday.",
     "Vietnam", "NegotiationRound"),
    ("Indonesia called on Thailand and Cambodia to agree to a ceasefire.", "Indonesia", "Ceasefire"),
    ("Bolivia on Monday proposed new talks with Chile. The talks, it said, should take place in La Paz in "
     "April.", "Bolivia", "NegotiationRound"),
    ("Chad urged Sudan to return to the negotiating table in Jeddah.", "Chad", "NegotiationRound"),
    ("A proposal from Brazil for a new round of Mercosur talks in Brasilia is on the table.", "Brazil",
     "NegotiationRound"),
    ("Laos suggested that the border commission meet again in Vientiane in May.", "Laos", "Meeting"),
    ("The Philippines has proposed a meeting of the coast guards of both countries, Manila's envoy said.",
     "Philippines", "Meeting"),
    ("Armenia called for a new round of talks with Azerbaijan. It should be held in Brussels, its foreign "
     "ministry said.", "Armenia", "NegotiationRound"),
    ("The Danish plan, unveiled on Monday, calls for a ceasefire along the whole front line.", "Denmark",
     "Ceasefire"),
    ("Mongolia asked China on Friday for talks on the railway.", "Mongolia", "NegotiationRound"),
    ("In a letter to Serbia, Kosovo proposed a meeting of the two prime ministers in Brussels.", "Kosovo", None),
    ("Uruguay's foreign minister, Pablo Sosa, proposed a meeting of the Mercosur ministers in Montevideo.",
     "Pablo Sosa", None),
    ("Chad put forward a plan on Monday. It calls for a ceasefire in Darfur and talks in N'Djamena.", "Chad",
     "Ceasefire"),
    ("Kazakhstan has proposed hosting the next round of talks between Armenia and Azerbaijan in Almaty, the "
     "foreign ministry said.", "Kazakhstan", "NegotiationRound"),
    ("\"We want a summit with the Japanese prime minister before the end of the year,\" Chinese premier Li "
     "Wen told reporters.", "Li Wen", "Summit"),
    ("Ghana's call for a summit of West African leaders in Accra won backing from Senegal.", "Ghana", "Summit"),
    ("Colombia offered on Tuesday to host a round of talks between Venezuela and Guyana.", "Colombia",
     "NegotiationRound"),
    ("Norway made a proposal on Monday: talks between the two sides in Oslo before the end of March.", "Norway",
     "NegotiationRound"),
    ("\"We propose that the delegations meet again in Lome next week,\" Togo's foreign minister, Koffi Amegah, "
     "told reporters.", "Koffi Amegah", None),
    ("Under pressure from Washington, Israel on Tuesday proposed a swap of 50 prisoners for 10 hostages.", "Israel",
     "PrisonerExchange"),
    ("Peru's proposal is for the two foreign ministers to meet in Lima before the end of the month.", "Peru", None),
    ("Japan is pushing for a summit with China and South Korea in Tokyo this autumn, officials said.", "Japan",
     "Summit"),
    ("Latvia has put forward the idea of a meeting of Baltic defence ministers in Riga.", "Latvia", "Meeting"),
    ("Sweden's invitation to hold the next round of talks in Stockholm was accepted by both sides.", "Sweden",
     "NegotiationRound"),
    ("President Ana Costa of Angola proposed a ceasefire. She said it should begin on Sunday.", "Ana Costa",
     "Ceasefire"),
    ("Egypt sent both sides a plan on Monday that calls for a three-day truce.", "Egypt", "Ceasefire"),
    ("The foreign ministry of Oman said on Monday that Oman had offered to host talks between Iran and the "
     "United States.", "Oman", "NegotiationRound"),
    ("Turkey, which hosted earlier rounds, has offered Istanbul as the venue for new talks.", "Turkey",
     "NegotiationRound"),
    ("Norway called last week for a truce in Sudan.", "Norway", "Ceasefire"),
]


@pytest.mark.parametrize("text,by,kind", PROPOSED)
def test_proposal_probes(run, text, by, kind):
    x = run(text)
    ev = {e.key: e for e in x.events}
    found = [(p.proposed_by, ev[p.proposes].kind if p.proposes in ev else None) for p in _proposals(x)]
    assert any(by in who and k is not None and (kind is None or k == kind) for who, k in found), found


NOT_PROPOSED = [
    "Chile denied that it had proposed a summit with Bolivia.",
    "If Peru proposes a meeting, Chile will attend.",
    "Ecuador did not propose a truce.",
    "Nobody has suggested a new round of talks since the collapse of the Geneva process.",
    "Bolivia has never proposed a summit with Chile, its foreign minister said.",
    "Asked whether Peru would propose a summit, the minister declined to comment.",
    "Ecuador is not expected to propose a truce before the election.",
    "There was no proposal for new talks from either side on Monday.",
    "Mexico could propose a meeting of the trade ministers, a source said.",
]


@pytest.mark.parametrize("text", NOT_PROPOSED)
def test_no_proposal_probes(run, text):
    assert [p.label for p in _proposals(run(text))] == []
