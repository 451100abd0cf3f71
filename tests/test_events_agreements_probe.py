"""Agreements told in the many ways news reports a deal, and what must not give one.

Every sentence is our own, written to probe the agreements stage in varied syntax and
registers (wire leads, headlines, passives, nominalisations, relative clauses, fronted
adverbials, reported speech) over labour, trade, debt, coalition, ceasefire, hostage,
border, nuclear and corporate negotiations, with invented pairings of names and places.
The first tests are the golden cases of the kinds fixed with them (rows
``agreement_modal``, ``agreement_ended_prep``, ``agreement_unreal_verb``,
``agreement_terms_prep``, ``agreement_terms_noun``, ``agreement_awaited_mark``,
``agreement_unreal_modifier``, ``agreement_event_made_verb``, ``play down`` in ``agreement_denial_verb``, ``contract`` in ``accepted_offer_noun``, ``approve`` in
``agreement_accept_verb``, ``shake`` in ``agreement_reached_verb`` and ``mediate`` in
``agreement_made_verb`` in ``cues.jsonl``; the rows ``agreement-reached-nouns`` and
``merger-agreement`` in ``triggers.jsonl``; the "under the deal", advcl, possessive-day,
fronted-participle, gerund, opinion and mediator rules of :mod:`kg.extract.events.agreements`); the tables after them keep the probes that
already held, so that a later rule cannot quietly undo them.
"""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)


def _reached(x, a):
    return next((e for e in x.events if e.key == a.reached_at), None)


# ---------------------------------------------------------------- golden cases of the fixes
def test_talks_that_ended_with_a_deal_reached_it(run):
    x = run("Talks between Laos and Cambodia in Vientiane on Friday ended with a deal to demarcate "
            "a disputed stretch of the border.")
    (agr,) = x.agreements
    assert agr.label.startswith("A deal")
    assert _reached(x, agr).kind == "NegotiationRound"
    assert set(agr.parties) == {"Laos", "Cambodia"}


def test_talks_wrapped_up_with_an_agreement(run):
    x = run("Thailand and Malaysia wrapped up talks in Penang on Friday with an agreement to open a new border checkpoint.")
    (agr,) = x.agreements
    assert _reached(x, agr).kind == "NegotiationRound"
    assert set(agr.parties) == {"Thailand", "Malaysia"}


def test_talks_that_ended_with_no_agreement_or_without_one_give_none(run):
    assert run("The talks ended with no agreement on the border on Monday.").agreements == ()
    assert run("The talks in Lusaka ended on Monday without an agreement on refugees.").agreements == ()


def test_what_the_sides_should_or_must_agree_to_is_no_agreement(run):
    assert run("The two sides should agree to a ceasefire soon, the mediator said on Monday.").agreements == ()
    assert run("Norway and Iceland must agree on mackerel quotas before the season opens, the minister said.").agreements == ()


def test_an_agreement_only_proposed_or_urged_is_none(run):
    assert run("Seoul proposed that the two Koreas agree to restore the military hotline.").agreements == ()
    assert run("The mediators urged that Chad and Niger agree to a truce.").agreements == ()


def test_a_contract_ratified_by_the_members_is_an_agreement(run):
    x = run("Members of the nurses' union ratified a new three-year contract with the hospital board on Monday.")
    (agr,) = x.agreements
    assert "contract" in agr.label.lower()


def test_an_offer_the_members_approved_is_an_agreement_and_one_only_balloted_on_is_not(run):
    (agr,) = run("Bus drivers in Tallinn approved the city's pay offer on Monday.").agreements
    assert "offer" in agr.label.lower()
    assert run("The union is to ballot its members on whether to accept the pay offer.").agreements == ()


def test_the_content_told_after_a_fronted_meeting_in_an_advcl(run):
    x = run("Japan and South Korea agreed on Monday, after a meeting of their foreign ministers in Seoul, "
            "to resume a currency swap arrangement.")
    (agr,) = x.agreements
    assert agr.label == "Resume a currency swap arrangement"
    assert _reached(x, agr).kind == "Meeting"
    assert set(agr.parties) == {"Japan", "South Korea"}


def test_under_the_deal_tells_terms_of_a_deal_reached_at_the_talks_before(run):
    x = run("Talks in Addis Ababa ended on Friday. Under the deal, Ethiopia will give Somalia access to a port.")
    (agr,) = x.agreements
    assert "access to a port" in agr.label
    assert _reached(x, agr).kind == "NegotiationRound"


def test_under_a_proposed_or_any_deal_tells_no_agreement(run):
    assert run("Under a proposed deal, Ethiopia would give Somalia access to a port.").agreements == ()
    assert run("Under any deal, Ethiopia would have to give Somalia access to a port.").agreements == ()


def test_consensus_and_a_bargain_reached_at_talks_are_agreements(run):
    for text in ("Chad and Niger struck a bargain on grazing rights at talks in Niamey on Monday.",
                 "Vietnam and Indonesia reached consensus on the delimitation of their continental shelves "
                 "at talks in Hanoi on Tuesday."):
        x = run(text)
        (agr,) = x.agreements
        assert _reached(x, agr).kind == "NegotiationRound"
        assert len(agr.parties) == 2


def test_the_terms_of_the_deal_or_part_of_the_agreement_told_after_the_talks(run):
    for text in ("Senegal and Mauritania held talks in Nouakchott on Monday. Under the terms of the deal, "
                 "the two countries will share gas revenue equally.",
                 "Ghana and Togo met in Lome on Monday. As part of the agreement, Togo will reopen its border crossings."):
        x = run(text)
        (agr,) = x.agreements
        assert _reached(x, agr) is not None
        assert "will" in agr.label


def test_a_deal_awaited_until_it_is_reached_is_none(run):
    assert run("Eswatini's unions said they would strike until a wage agreement was reached.").agreements == ()
    assert run("The Greens said they would keep negotiating until a coalition deal was reached.").agreements == ()


def test_hands_shaken_on_a_deal_at_a_meeting(run):
    x = run("The rival shipping groups shook hands on a deal at a meeting in Piraeus on Saturday.")
    (agr,) = x.agreements
    assert _reached(x, agr).kind == "Meeting"


def test_those_who_hosted_the_talks_are_not_parties_of_what_they_agreed(run):
    x = run("Talks hosted by Algeria were held between Chad and Niger in Algiers on Monday. A truce was agreed at the session.")
    (agr,) = x.agreements
    assert "Chad" in agr.parties
    assert "Algeria" not in agr.parties


def test_a_merger_approved_is_an_agreement(run):
    (agr,) = run("The merger of Alpha Shipping and Beta Lines was approved by shareholders on Monday.").agreements
    assert agr.label.startswith("The merger")


def test_an_agreement_dated_by_a_past_day_in_the_possessive(run):
    (agr,) = run("Last week's accord between Oman and Yemen reopened the crossing.").agreements
    assert set(agr.parties) == {"Oman", "Yemen"}
    assert run("Friday's expected deal between Oman and Yemen was postponed.").agreements == ()
    assert run("Next week's deal between Oman and Yemen will reopen the crossing.").agreements == ()


def test_under_an_agreement_a_mediator_brought_about_between_two_sides(run):
    x = run("The hostages will be freed under an agreement that Qatar mediated between Israel and Hamas "
            "at talks in Doha last week.")
    (agr,) = x.agreements
    assert set(agr.parties) == {"Israel", "Hamas"}
    assert _reached(x, agr).kind == "NegotiationRound"


def test_a_fronted_participle_of_signing_tells_where_the_accord_was_signed(run):
    x = run("Initialled in Vaduz two years ago, the treaty between Austria and Liechtenstein governs the shared river.")
    (agr,) = x.agreements
    assert set(agr.parties) == {"Austria", "Liechtenstein"}
    assert agr.label == "The treaty between Austria and Liechtenstein"
    assert run("To be signed in Vaduz in May, the treaty between Austria and Liechtenstein will govern the river.").agreements == ()


def test_an_opinion_shared_is_no_agreement_but_a_headline_deal_is(run):
    assert run("Most economists agree that a trade pact between Peru and Bolivia would lift exports.").agreements == ()
    (agr,) = run("Peru, Bolivia agree to scrap tariffs on quinoa").agreements
    assert "tariffs" in agr.label


def test_a_deal_only_aimed_at_or_required_is_none_and_one_reached_before_is_kept(run):
    assert run("The meetings in Sucre are meant for signing a trade pact between Peru and Bolivia.").agreements == ()
    assert run("Signing a trade pact will take months of work, Bolivian officials said.").agreements == ()
    x = run("After reaching a trade pact at talks in Sucre on Monday, Peru and Bolivia scrapped tariffs on quinoa.")
    assert len(x.agreements) == 1


def test_a_deal_being_implemented_that_the_sides_agreed_to_before_is_kept(run):
    x = run("Albanian and Montenegrin envoys met in Skopje on Saturday to talk about enforcing the border accord "
            "that their governments concluded in Tirana in January.")
    (agr,) = x.agreements
    assert agr.label.startswith("The border accord")
    assert set(agr.parties) == {"Albania", "Montenegro"}


def test_reports_of_a_deal_played_down_are_no_agreement(run):
    assert run("Bolivian officials played down reports that a trade pact with Peru had been signed.").agreements == ()


def test_a_truce_or_swap_brokered_between_two_sides_is_an_agreement_of_those_sides(run):
    x = run("A prisoner swap between Armenia and Azerbaijan brokered by Georgia at talks in Tbilisi on Monday "
            "was carried out on Tuesday.")
    (agr,) = x.agreements
    assert set(agr.parties) == {"Armenia", "Azerbaijan"}
    assert _reached(x, agr).kind == "NegotiationRound"
    assert run("A truce announced by the army on Monday took effect at midnight.").agreements == ()
    assert run("A truce proposed by Malaysia between Thailand and Cambodia was rejected on Monday.").agreements == ()


# ---------------------------------------------------------------- probes that hold: (text, kind reached at or None, parties)
REACHED = [
    ('Armenia and Georgia sealed a transit agreement during a summit in Batumi on Monday.',
     'Summit', {'Armenia', 'Georgia'}),
    ('The presidents of Chile and Argentina inked a water-sharing pact at their meeting in Mendoza last week.',
     None, {'Argentina', 'Chile'}),
    ('Delegations from Serbia and Croatia hammered out a deal on missing persons over three rounds of talks in Zagreb that ended on Monday.',
     'NegotiationRound', {'Croatia', 'Serbia'}),
    ('Mali and Niger finalised a security accord at a meeting of their defence ministers in Niamey on Saturday.',
     None, {'Mali', 'Niger'}),
    ('At the end of a round of talks in Geneva on Tuesday, Iran and the European Union concluded an agreement on inspections.',
     'NegotiationRound', {'European Union', 'Iran'}),
    ('Trade ministers of Canada and Mexico met in Ottawa on Monday. They agreed to cut tariffs on steel by half.',
     None, {'Canada', 'Mexico'}),
    ('Envoys of Sudan and South Sudan held talks in Juba on February 20. A deal on oil transit fees was reached at the session.',
     'NegotiationRound', {'South Sudan', 'Sudan'}),
    ('The foreign ministers of Greece and Turkey met in Athens on Friday. A memorandum of understanding on maritime safety was signed.',
     None, {'Greece', 'Turkey'}),
    ('Colombia and Venezuela resumed talks in Caracas on Monday. On Tuesday the two sides agreed on a framework for reopening consulates.',
     'NegotiationRound', {'Colombia', 'Venezuela'}),
    ('The accord, signed in Dakar on February 12 by Senegal and Gambia, reopens the ferry route.',
     None, {'Gambia', 'Senegal'}),
    ('Ethiopia and Eritrea signed a peace agreement in Asmara on Sunday.',
     None, {'Eritrea', 'Ethiopia'}),
    ('A memorandum of understanding on gas supplies was signed by Azerbaijan and Bulgaria in Sofia on Monday.',
     None, {'Azerbaijan', 'Bulgaria'}),
    ('Nepal and Bhutan initialled a trade agreement in Thimphu on Thursday, officials said.',
     None, {'Bhutan', 'Nepal'}),
    ('At a ceremony in Doha on Friday, the Congolese government and the M23 rebels signed a declaration of principles.',
     None, None),
    ("A tentative deal between the dockworkers' union and the port operators was reached early on Sunday after marathon talks in Rotterdam.",
     'NegotiationRound', None),
    ('The two sides agreed to a ceasefire along the line of contact after talks mediated by Qatar in Doha on Monday.',
     'NegotiationRound', None),
    ('Paraguay and Uruguay have agreed a framework for sharing the costs of the new bridge, their foreign ministers said after talks in Asuncion on Friday.',
     'NegotiationRound', {'Paraguay', 'Uruguay'}),
    ('The coalition pact between the Liberals and the Greens was sealed on Sunday after six weeks of negotiations in Vienna.',
     None, None),
    ('Norway and Iceland struck a deal on mackerel quotas on Monday after three rounds of talks in Reykjavik.',
     'NegotiationRound', {'Iceland', 'Norway'}),
    ('The leaders of India and Bangladesh agreed on a water-sharing deal for the Teesta river during a phone call on Monday.',
     None, {'Bangladesh', 'India'}),
    ('Brazil and Argentina reached a trade agreement at a meeting of their economy ministers in Brasilia on Monday.',
     None, {'Argentina', 'Brazil'}),
    ('Qatar brokered a hostage deal between Israel and Hamas at talks in Doha on Monday.',
     'NegotiationRound', {'Hamas', 'Israel'}),
    ('Following talks in Abuja on Tuesday, the government and the striking teachers reached a pay agreement.',
     'NegotiationRound', None),
    ('A deal is now in place between Moldova and Romania on electricity imports after talks in Chisinau on Monday.',
     'NegotiationRound', {'Moldova', 'Romania'}),
    ('Zimbabwe signed a debt restructuring deal with its creditors at a meeting in Paris on Friday.',
     None, None),
    ('The merger agreement between Alpha Shipping and Beta Lines was signed in Hamburg on Monday.',
     None, None),
    ("Kosovo and Serbia agreed on Monday to recognise each other's licence plates, the EU envoy said after talks in Brussels.",
     'NegotiationRound', {'Kosovo', 'Serbia'}),
    ('Cuba and the United States reached an understanding on migration during talks in Havana on Tuesday.',
     'NegotiationRound', {'Cuba', 'United States'}),
    ('The talks in Lusaka produced an agreement on the repatriation of refugees, both delegations said on Monday.',
     'NegotiationRound', None),
    ('Finland and Sweden agreed a joint defence procurement pact at a meeting in Turku on Thursday.',
     None, {'Finland', 'Sweden'}),
    ("Egypt and Sudan have concluded an agreement on the Nile dam's filling schedule, which was reached at talks in Khartoum on Sunday.",
     'NegotiationRound', {'Egypt', 'Sudan'}),
    ('Speaking after the talks in Baku on Monday, the Armenian foreign minister said the two sides had agreed to set up a joint border commission.',
     'NegotiationRound', None),
    ("Uganda and Rwanda's presidents spoke by phone on Monday and agreed to reopen the Gatuna border post.",
     None, {'Rwanda', 'Uganda'}),
    ('It was at the third round of talks in Muscat, held on February 10, that Iran and the United States agreed on a prisoner exchange.',
     'NegotiationRound', {'Iran', 'United States'}),
    ('The ceasefire agreement signed by Armenia and Azerbaijan in Moscow on November 9 took effect at midnight.',
     None, {'Armenia', 'Azerbaijan'}),
    ("Representatives of the metalworkers and the employers' federation met in Stuttgart on Tuesday and agreed a 5 percent pay rise.",
     None, None),
    ("The two Koreas have agreed to restore a military hotline, Seoul's unification ministry said on Tuesday after talks at the border village of Panmunjom.",
     'NegotiationRound', None),
    ('An accord on the Sahara was initialled by the negotiators of Morocco and the Polisario Front in Geneva on Friday after a week of talks.',
     None, None),
    ("After almost five months of bargaining in Ljubljana, the Slovenian coalition partners signed their governing pact on Thursday.",
     None, None),
    ("Talks between Venezuela's government and the opposition in Barbados on Tuesday produced a deal on election observers.",
     'NegotiationRound', None),
    ('Tonga and Fiji sealed an agreement on fisheries in Suva on Monday. The deal was reached after two days of talks.',
     None, {'Fiji', 'Tonga'}),
    ('China and the Philippines have agreed on a provisional arrangement for resupply missions, officials said after talks in Manila on Sunday.',
     None, {'China', 'Philippines'}),
    ('Vietnam and Indonesia reached consensus on the delimitation of their continental shelves at talks in Hanoi on Tuesday.',
     'NegotiationRound', {'Indonesia', 'Vietnam'}),
    ('Senegal and Mauritania held talks in Nouakchott on Monday. Under the terms of the deal, the two countries will share gas revenue equally.',
     'NegotiationRound', None),
    ('Ghana and Togo met in Lome on Monday. As part of the agreement, Togo will reopen its border crossings.',
     None, None),
    ('Hungary and Austria settled their dispute over the Danube dam at talks in Vienna on Tuesday.',
     'NegotiationRound', {'Austria', 'Hungary'}),
    ('Kazakhstan agreed with Kyrgyzstan on Monday to share the waters of the Chu river, after a meeting of their prime ministers in Astana.',
     None, {'Kazakhstan', 'Kyrgyzstan'}),
    ('Following a meeting in Rabat on Tuesday, Morocco and Spain also agreed to reopen customs posts in Ceuta.',
     None, {'Morocco', 'Spain'}),
    ('Bolivia and Chile struck a bargain on port access late on Thursday after two days of talks in La Paz.',
     'NegotiationRound', {'Bolivia', 'Chile'}),
    ('Croatia and Slovenia concluded a free trade agreement during a visit of the Croatian prime minister to Ljubljana on Monday.',
     None, {'Croatia', 'Slovenia'}),
    ("The transport workers' union and the rail operator signed off on a two-year wage deal on Monday after talks in Leeds.",
     None, None),
    ('A joint statement issued after the talks in Kigali on Monday said Rwanda and Burundi had agreed to reopen their border.',
     'NegotiationRound', {'Burundi', 'Rwanda'}),
    ('Talks between Guyana and Suriname in Paramaribo on Monday yielded an accord on river navigation.',
     'NegotiationRound', {'Guyana', 'Suriname'}),
    ('The deal was struck late on Sunday. Talks between Qatar and Bahrain had been held in Manama over the weekend.',
     None, {'Bahrain', 'Qatar'}),
    ('Iran and the IAEA agreed on a roadmap for inspections during talks in Tehran on Saturday, the agency said.',
     'NegotiationRound', None),
    ('In a phone call on Sunday, the presidents of Kenya and Tanzania agreed to lift trade barriers on maize.',
     None, {'Kenya', 'Tanzania'}),
    ('Zambia and its official creditors reached an agreement on restructuring $6.3 billion of debt at a meeting in Paris on Thursday.',
     None, None),
    ('It was agreed that talks between Ghana and Burkina Faso would resume only if the attacks stopped.',
     None, None),
    ('Northwind Energy agreed to buy Solano Power for $2 billion after weeks of talks in Houston, the companies said on Monday.',
     None, None),
    ('Last year, Benin and Niger signed a pipeline accord in Cotonou that ended a long dispute.',
     None, {'Benin', 'Niger'}),
    ("Eswatini's unions and the government reached a wage agreement on Friday, ending a three-week strike that had shut schools.",
     None, None),
    ('"We have reached an agreement on all outstanding issues," Oman\'s foreign minister said after the talks in Muscat on Sunday.',
     'NegotiationRound', None),
    ("Oman's foreign minister said on Sunday that Iran and the United States had reached an understanding on a prisoner exchange during the talks in Muscat.",
     'NegotiationRound', {'Iran', 'United States'}),
    ('During the second round of talks in Ankara last week, Syria and Turkey agreed on a water-sharing formula for the Euphrates.',
     'NegotiationRound', {'Syria', 'Turkey'}),
    ('Georgia and Armenia finalized a deal on electricity exports on Tuesday following a meeting of their energy ministers in Yerevan.',
     None, {'Armenia', 'Georgia'}),
    ('A prisoner swap agreed by Armenia and Azerbaijan at talks in Almaty on Monday was carried out on Tuesday.',
     'NegotiationRound', {'Armenia', 'Azerbaijan'}),
    ("Sudan's army and the RSF signed a humanitarian declaration in Jeddah on Thursday after a week of talks hosted by Saudi Arabia.",
     None, None),
    ("Striking junior doctors in Porto and the hospital trust clinched a pay settlement late on Tuesday, a spokesman for the trust confirmed.",
     None, None),
    ('Ireland and the United Kingdom signed a treaty on fisheries on Monday at a ceremony in Dublin.',
     None, {'Ireland', 'United Kingdom'}),
    ('Delegations of Malawi and Mozambique met in Blantyre on Thursday. The agreement, reached after nine hours of talks, reopens the rail link to Nacala.',
     'NegotiationRound', None),
    ('Namibia and Botswana held a round of talks in Windhoek on Tuesday. A deal has been struck on the shared aquifer, officials said.',
     'NegotiationRound', None),
    ("Thursday's agreement between Oman and Yemen on the border crossing was welcomed by the Gulf states.",
     None, {'Oman', 'Yemen'}),
    ('The truce deal, brokered by Egypt, was agreed by Israel and Hamas at talks in Cairo on Sunday.',
     'NegotiationRound', {'Hamas', 'Israel'}),
    ('Nicaragua, Honduras agree to joint patrols in Gulf of Fonseca',
     None, {'Honduras', 'Nicaragua'}),
    ('Negotiators from Uzbekistan and Tajikistan initialled the text of a border treaty at the end of a round of talks in Tashkent on Friday.',
     'NegotiationRound', None),
    ("Bhutan's parliament on Monday ratified the hydropower agreement reached with India in December.",
     None, None),
    ('Talks between Kenya and Ethiopia took place in Moyale on Saturday, and the two sides signed a protocol on cross-border grazing.',
     None, {'Ethiopia', 'Kenya'}),
    ('Ecuador and Peru, whose foreign ministers met in Tumbes on Friday, have agreed to demine their shared border by 2028.',
     None, {'Ecuador', 'Peru'}),
    ('With the signing of a trade pact in Santiago on Monday, Chile and Uruguay ended years of tariff disputes.',
     None, {'Chile', 'Uruguay'}),
    ('At their meeting in Budapest on Monday, the prime ministers of Hungary and Serbia signed eleven agreements on energy and transport.',
     None, {'Hungary', 'Serbia'}),
    ('The hostages will be freed under an agreement that Qatar mediated between Israel and Hamas at talks in Doha last week.',
     None, {'Hamas', 'Israel'}),
    ('Bahrain and Qatar restored diplomatic ties on Monday under an agreement signed at a meeting in Riyadh.',
     None, {'Bahrain', 'Qatar'}),
    ('The pact, signed in Bissau on January 14 by Guinea-Bissau and Senegal, settles the maritime boundary.',
     None, {'Guinea-Bissau', 'Senegal'}),
    ('Signed last October in Brasilia, the accord between Brazil and Paraguay sets new tariffs for Itaipu power.',
     None, {'Brazil', 'Paraguay'}),
    ('A signing ceremony in Baku on Friday sealed the peace treaty between Armenia and Azerbaijan.',
     None, {'Armenia', 'Azerbaijan'}),
    ('The foreign ministers of Kuwait and Iraq signed a navigation agreement in the presence of both prime ministers in Kuwait City on Sunday.',
     None, {'Iraq', 'Kuwait'}),
    ('Mongolia and China signed a railway protocol on Monday during a visit by the Mongolian president to Beijing.',
     None, {'China', 'Mongolia'}),
    ('The ceasefire deal was signed by the commanders of both armies at the Rafah crossing on Saturday, Egyptian state media said.',
     None, None),
    ('Niger and Benin on Thursday signed a memorandum of understanding to resume oil exports through the Seme pipeline.',
     None, {'Benin', 'Niger'}),
    ('Lebanon and Cyprus finally signed their maritime border deal in Nicosia on Monday, more than a decade after it was first negotiated.',
     None, {'Cyprus', 'Lebanon'}),
    ("Cameroon's foreign minister told state radio that the two countries had agreed on Friday, during talks in Yaounde, to set up joint fishing patrols.",
     'NegotiationRound', None),
    ('Nigeria and Cameroon, whose delegations met in Calabar on Monday, have struck a deal on fishing rules, the Nigerian foreign ministry said.',
     'NegotiationRound', {'Cameroon', 'Nigeria'}),
    ('"We reached an agreement on the patrols," Nigeria\'s chief negotiator said after the talks with Cameroon in Calabar on Monday.',
     'NegotiationRound', None),
    ('The presidents of Ghana and Ivory Coast spoke by telephone on Sunday. They agreed to reopen the land border within a week.',
     'Meeting', {'Ghana', 'Ivory Coast'}),
    ('In a video call on Monday, the prime ministers of Spain and Portugal settled on a joint bid to host the 2035 Games.',
     'Meeting', {'Portugal', 'Spain'}),
    ("Members of the dockers' union voted on Friday to ratify the three-year agreement reached with port employers last month.",
     None, None),
    ('Sri Lanka reached an agreement in principle with its bondholders on Thursday after talks in London.',
     'NegotiationRound', None),
    ('Ecuador and its bondholders have agreed in principle on a debt swap, the finance ministry said after a meeting in New York on Monday.',
     None, None),
    ('The Social Democrats and the Greens sealed a coalition pact in Copenhagen on Monday after five weeks of talks.',
     None, None),
    ('Negotiators for Kyrgyzstan and Tajikistan met in Batken on Saturday. The protocol they initialled there fixes the last disputed stretch of the border.',
     'NegotiationRound', {'Kyrgyzstan', 'Tajikistan'}),
    ('A truce between Thailand and Cambodia brokered by Malaysia during talks in Kuala Lumpur on Monday took effect at midnight.',
     'NegotiationRound', {'Cambodia', 'Thailand'}),
    ('Following an all-night session in Brussels, EU finance ministers reached a deal with Greece on a new loan package.',
     'NegotiationRound', None),
    ('Tanzania and Mozambique have a gas-sharing agreement in place since talks in Dar es Salaam on Monday.',
     'NegotiationRound', {'Mozambique', 'Tanzania'}),
]

NONE = [
    'Negotiators from Ghana and Togo said they hoped to reach a border deal at talks in Lome next week.',
    'Kenya and Somalia are close to a deal on fishing rights, officials said after talks in Nairobi on Monday.',
    'Talks between Mali and Niger in Niamey on Monday failed to produce an agreement on security.',
    'No agreement was reached at the talks between Iran and the European Union in Geneva on Tuesday.',
    'If a deal is struck, Colombia and Venezuela could sign it in Caracas next month.',
    'Greece and Turkey could sign a maritime accord as early as next week.',
    'The talks on a trade deal between Canada and Mexico resumed in Ottawa on Monday.',
    'Officials from Sudan and South Sudan said there was no deal on oil transit fees after talks in Juba on Monday.',
    'Ethiopia and Eritrea plan to sign a peace agreement in Asmara next month.',
    'Negotiators remained far apart on a deal after two days of talks in Vienna.',
    'The union rejected the latest pay offer from the hospital board on Monday.',
    'Parliament is expected to ratify the border treaty next week.',
    'Azerbaijan and Bulgaria are negotiating an agreement on gas supplies.',
    'Nepal and Bhutan did not reach an agreement at their talks in Thimphu on Thursday.',
    'Brazil said it would not sign any trade deal that harmed its farmers.',
    'Paraguay and Uruguay aim to agree a framework for the bridge by the end of the year.',
    'Hopes of a ceasefire deal faded after talks in Doha broke down on Monday.',
    'The talks in Lusaka ended on Monday without an agreement on refugees.',
    'A deal between the dockworkers and port operators remains elusive after talks in Rotterdam on Sunday.',
    'Cuba and the United States discussed a possible migration agreement in Havana on Tuesday.',
    'Moldova wants a deal with Romania on electricity imports before winter.',
    'Delegates failed to agree on a final text at the climate talks in Bonn on Friday.',
    'The ministers will sign the agreement at a ceremony in Paris on March 20.',
    'Ghana and Togo are edging closer to a border deal, officials said after talks in Lome on Monday.',
    'A deal between Morocco and Mauritania could be signed as soon as next week.',
    'Talks between Iran and the United States in Muscat on Monday ended without an agreement.',
    'The IMF said it was working with Pakistan towards a staff-level agreement.',
    "Any agreement between the metalworkers and employers would need the approval of the union's members.",
    'The Polisario Front denied that an accord had been initialled in Geneva.',
    'Negotiators in Brussels have yet to agree on a coalition deal.',
    'Chad and Sudan are due to sign a border security pact on Friday.',
    'Hopes are high that Lithuania and Poland will seal the energy deal when their prime ministers meet in Vilnius next week.',
    'The opposition walked out of the talks in Barbados on Tuesday, saying no deal was possible.',
    "A deal on fisheries remains out of reach, Tonga's prime minister said on Monday.",
    'Unless Russia and Ukraine agree to a swap, the prisoners will stay in custody.',
    'The talks ended with no agreement on the border on Monday.',
    'The union is to ballot its members on whether to accept the pay offer.',
    'Norway and Iceland must agree on mackerel quotas before the season opens, the minister said.',
    'Vietnam and Indonesia have yet to reach consensus on the delimitation of their continental shelves.',
    'Hungary and Austria are trying to settle their dispute over the Danube dam.',
    'Morocco and Spain were expected to agree to reopen customs posts in Ceuta.',
    'Neither side agreed to extend the truce, Egyptian mediators said on Sunday.',
    'The union refused to sign off on the wage deal.',
    'Guyana and Suriname have been negotiating a river navigation accord for years.',
    'Negotiations on a free trade agreement between Croatia and Slovenia will begin in Ljubljana next month.',
    "Kenya's president said he was ready to sign a trade deal with Tanzania.",
    'A deal on debt restructuring would unlock new lending to Zambia, analysts said.',
    'Qatar and Bahrain are discussing a deal to restore flights.',
    'Israel rejected the ceasefire deal put forward by the mediators on Monday.',
    'Iran said it would not agree to any inspections roadmap.',
    'The talks in Kigali collapsed on Monday before any deal was reached.',
    'There is still no agreement on the key issue of refugees, the minister said.',
    'The agreement between Peru and Chile is expected to be signed in Lima later this month.',
    'Northwind Energy is in talks to buy Solano Power, people familiar with the matter said.',
    'Shareholders will vote on the merger of Alpha Shipping and Beta Lines next month.',
    'Benin wants Niger to sign a pipeline accord before the end of the year.',
    "Eswatini's unions said they would strike until a wage agreement was reached.",
    'The sides discussed a prisoner exchange in Muscat on Sunday but did not agree on numbers.',
    'Syria and Turkey are to discuss a water-sharing formula for the Euphrates at their next meeting.',
    'Georgia and Armenia hope to finalize a deal on electricity exports by June.',
    'Rwanda has repeatedly refused to agree to a ceasefire.',
    'The Serbian leader ruled out signing any deal with Kosovo.',
    'The two sides remain divided over the terms of a possible deal, diplomats in Geneva said.',
    'Talks on a free trade deal between Ireland and Singapore stalled in Dublin on Monday.',
    "The doctors' union threatened to walk out if no deal was reached by Friday.",
    'A deal could be reached as early as this weekend, a diplomat in Cairo said.',
    "Negotiators are working on a draft agreement that would see Serbia recognise Kosovo's passports.",
    'The final text was approved at the meeting of Mekong ministers in Vientiane on Monday, a statement said.',
    'Namibia and Botswana have not yet struck a deal on the shared aquifer.',
    'The agreement between Oman and Yemen, if signed, would reopen the border crossing.',
    'Israel and Hamas have been unable to agree on the terms of a truce.',
    'Uzbekistan and Tajikistan intend to initial a border treaty in Tashkent on Friday.',
    'Kenya accused Ethiopia of violating a grazing protocol, officials in Nairobi said on Monday.',
    'Talks on an agreement between Ecuador and Peru to demine the border will be held in Tumbes.',
    'Chile and Uruguay are expected to sign a trade pact in Santiago later this year.',
    'Syria rejected a deal proposed by Jordan to reopen the Nassib border post.',
    'Hungary and Serbia discussed energy and transport agreements in Budapest on Monday.',
    'A deal to free the hostages is not yet in place, a Qatari official said on Monday.',
    'A signing ceremony for the peace treaty between Armenia and Azerbaijan is scheduled for next month in Baku.',
    'Guinea-Bissau has refused to sign the maritime pact with Senegal.',
    'Brazil and Paraguay are still negotiating the terms of the Itaipu accord, which expires next year.',
    'The foreign ministers of Kuwait and Iraq are due to sign a navigation agreement in Kuwait City on Sunday.',
    "Mongolia hopes China will sign a railway protocol during the president's visit to Beijing.",
    'The signing of the land border agreement between Timor-Leste and Indonesia was postponed on Tuesday.',
    'Commanders of both armies met at the Rafah crossing on Saturday but signed nothing.',
    'Lebanon has not signed the maritime border deal with Cyprus that was negotiated over a decade ago.',
    "Ms Okafor said she agreed with the minister's assessment of the talks.",
    'Analysts agree that a deal between Nigeria and Cameroon is still months away.',
    'Whether Nigeria and Cameroon can agree on the Bakassi fishing rules remains unclear.',
    'Nigeria will only sign the deal if Cameroon withdraws its troops, officials said.',
    'Cameroon has offered to sign a fishing deal with Nigeria.',
    'The talks in Yaounde are aimed at reaching an agreement on fishing rules.',
    'Nigeria says any agreement must include guarantees for its fishermen.',
    'A previous attempt to reach a deal collapsed in 2019.',
    'Officials from both countries played down reports that a deal had been reached.',
    'The two sides are still working out the details of a prisoner exchange deal.',
    'Nigeria and Cameroon were on the verge of signing the agreement when talks broke down.',
    'The ministers pledged to conclude a deal by the end of the year.',
    'Reaching a deal will require concessions from both sides, the mediator said.',
    'Nigerian negotiators walked away from a deal that had been on the table for months.',
    'Talks between Nigeria and Cameroon in Yaounde on Monday ended in deadlock.',
    'Cameroon accused Nigeria of reneging on a deal.',
    'The presidents of Ghana and Ivory Coast will speak by telephone on Sunday to discuss reopening the border.',
    "The dockers' union will ballot its members on the agreement next week.",
    'Sri Lanka is seeking an agreement in principle with its bondholders before the IMF review.',
    'The Social Democrats and the Greens broke off coalition talks in Copenhagen on Monday.',
    'Malaysia offered to broker a truce between Thailand and Cambodia.',
    'EU finance ministers failed to reach a deal with Greece at their all-night session in Brussels.',
]


@pytest.mark.parametrize("text,kind,parties", REACHED)
def test_a_deal_reported_in_this_way_is_an_agreement(run, text, kind, parties):
    x = run(text)
    assert x.agreements, [(e.kind, e.label) for e in x.events]
    agr = x.agreements[0]
    reached = _reached(x, agr)
    if kind is not None:
        assert reached is not None and reached.kind == kind, (agr, reached)
    if parties is not None:
        assert set(agr.parties) == parties


@pytest.mark.parametrize("text", NONE)
def test_a_deal_hoped_for_planned_denied_or_failed_is_no_agreement(run, text):
    assert run(text).agreements == ()
