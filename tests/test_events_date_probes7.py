"""Dates of events probed with sentences of our own (issue 10, section 3), in kinds
of phrasing rather than sentences of any corpus: the publication day told by its
weekday, "today", "this afternoon", "earlier on Friday", "hours ago", "late last
night"; days told relative to another ("the next day", "the previous day", "two days
later", "a week after the talks", "on the same day"); periods ("the early 2000s",
"late last year", "the first half of 2024", "mid-March", "over the weekend", "the
2019 talks"); dates of another clause or of another thing (an attack, a vote, a
deadline); planned and ongoing talks (no end made up); a round told as lasting some
days ("a two-day round of talks"); one meeting on two days in a row ("on Monday and
Tuesday"); and a day counted from a thing that is no event but has a day of its own
("three days after the flood that struck on 1 March").

Every sentence is our own, with invented places, people and parties, in the
registers of wire leads, headlines, passives, nominalisations, relative clauses,
fronted adverbials, quotes and long reports about labour, trade, debt, coalition,
ceasefire, hostage, border, nuclear and corporate talks. Each row gives the
publication day, the text, and the bounds a careful reader gives an event of each
class (``None``: open); a meeting and a round of talks count as one class here
(which of the two a sentence names is the triggers' business, not the dates').
"""

from __future__ import annotations

from datetime import date as d

import pytest

from extraction import assert_dated  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

R, M, S, ST, C, X = "NegotiationRound", "Meeting", "Summit", "Statement", "Ceasefire", "PrisonerExchange"

CASES = [
    # --- the dateline day
    (d(2025, 11, 4), "Negotiators for the carmaker Ostrel and the metalworkers' union are meeting today in Brannock to try to avert a strike.",
     [(M, d(2025, 11, 4), d(2025, 11, 4))]),
    (d(2025, 9, 18), "The foreign ministers of Kastel and Mirovia held talks this afternoon in Vell on the disputed border.",
     [(R, d(2025, 9, 18), d(2025, 9, 18))]),
    (d(2026, 1, 16), "Earlier on Friday, the mediator Anselm Troy met the rebel delegation in Port Essa.",
     [(M, d(2026, 1, 16), d(2026, 1, 16))]),
    (d(2026, 5, 20), "Talks between the two coalition partners broke up hours ago without agreement, party officials said.",
     [(R, d(2026, 5, 20), d(2026, 5, 20))]),
    (d(2026, 2, 9), "Creditors and the finance ministry of Orlo held talks late last night in Castelmar.",
     [(R, d(2026, 2, 8), d(2026, 2, 9))]),
    (d(2026, 4, 23), "Trade envoys of Selvania and Qaran are holding talks this week in Geneva on steel tariffs.",
     [(R, d(2026, 4, 20), d(2026, 4, 26))]),
    (d(2026, 3, 14), "The union met the employers on March 14 (Saturday) in Brannock to discuss pensions.",
     [(M, d(2026, 3, 14), d(2026, 3, 14))]),
    (d(2026, 3, 15), "The union met the employers on Saturday, March 14, in Brannock to discuss pensions.",
     [(M, d(2026, 3, 14), d(2026, 3, 14))]),
    (d(2026, 1, 16), "Speaking on Friday, the Kastel prime minister Ondrej Pavel said the border talks had been useful.",
     [(ST, d(2026, 1, 16), d(2026, 1, 16))]),
    # --- relative and anaphoric days
    (d(2026, 3, 20), "The ministers of Kastel and Mirovia met in Vell on March 16. The next day, their deputies held talks on the water treaty.",
     [(M, d(2026, 3, 16), d(2026, 3, 16)), (R, d(2026, 3, 17), d(2026, 3, 17))]),
    (d(2026, 3, 19), "The leaders of Orlo and Belmoor held a summit on Tuesday. The previous day, their foreign ministers had met in Port Essa.",
     [(S, d(2026, 3, 17), d(2026, 3, 17)), (M, d(2026, 3, 16), d(2026, 3, 16))]),
    (d(2026, 2, 10), "The hostage talks opened in Dara on 2 February. Two days later, the mediators met the families of the captives.",
     [(M, d(2026, 2, 4), d(2026, 2, 4))]),
    (d(2026, 5, 20), "A week after the talks in Geneva on 4 May, the two delegations met again in Vell.",
     [(M, d(2026, 5, 11), d(2026, 5, 11))]),
    (d(2026, 6, 20), "The finance ministers met the day before the summit, which opened in Velm on 12 June.",
     [(M, d(2026, 6, 11), d(2026, 6, 11)), (S, d(2026, 6, 12), d(2026, 6, 20))]),
    (d(2026, 3, 11), "The envoys met on Monday in Castelmar. On the same day, the rebels released two hostages.",
     [(M, d(2026, 3, 9), d(2026, 3, 9)), (X, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 12), "The union and the port operators resumed talks on Tuesday in Brannock. The talks focused on night-shift pay and lasted nine hours.",
     [(R, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 4, 15), "Delegations of Talmar and Ostrava met in Geneva on 9 April. The meeting, the first in two years, ended with a joint statement.",
     [(M, d(2026, 4, 9), d(2026, 4, 9))]),
    # --- periods
    (d(2026, 3, 11), "Talks between Kastel and Mirovia in the early 2000s produced a draft border treaty.",
     [(R, d(2000, 1, 1), d(2009, 12, 31))]),
    (d(2026, 3, 11), "The two countries held several rounds of talks in the 1990s without result.",
     [(R, d(1990, 1, 1), d(1999, 12, 31))]),
    (d(2026, 3, 11), "Late last year, the creditors held talks with the finance ministry of Orlo.",
     [(R, d(2025, 1, 1), d(2025, 12, 31))]),
    (d(2026, 3, 11), "In the first half of 2024, the two governments held four rounds of talks on the pipeline.",
     [(R, d(2024, 1, 1), d(2024, 6, 30))]),
    (d(2026, 2, 20), "The negotiators will meet again in mid-March in Castelmar.",
     [(M, d(2026, 3, 1), d(2026, 3, 31))]),
    (d(2026, 4, 8), "A new round of talks is planned for the end of the month.",
     [(R, d(2026, 4, 1), d(2026, 4, 30))]),
    (d(2026, 3, 9), "Over the weekend, the delegations of Qaran and Belmoor held talks in Vell.",
     [(R, d(2026, 3, 7), d(2026, 3, 8))]),
    (d(2026, 3, 11), "Both sides have cited the 2019 talks in Vell as a model for a settlement.",
     [(R, d(2019, 1, 1), d(2019, 12, 31))]),
    (d(2026, 3, 20), "Earlier this month, the union and the port operators held two rounds of talks.",
     [(R, d(2026, 3, 1), d(2026, 3, 20))]),
    (d(2026, 3, 16), "The ministers met last Tuesday in Vell to discuss grain exports.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 11), "The border commission last met in November 2024 in Vell.",
     [(M, d(2024, 11, 1), d(2024, 11, 30))]),
    (d(2026, 1, 5), "Delegations of Kastel and Mirovia met in Vell on December 29.",
     [(M, d(2025, 12, 29), d(2025, 12, 29))]),
    (d(2025, 12, 20), "The summit of the Andean leaders will take place on January 8 in Quito.",
     [(S, d(2026, 1, 8), d(2026, 1, 8))]),
    # --- another clause or another event
    (d(2026, 3, 11), "The talks resumed in Dara on Monday, a week after a rocket attack killed four soldiers on the border.",
     [(R, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 13), "Delegations met in Vell on Thursday, days after the death of the rebel commander on Sunday.",
     [(M, d(2026, 3, 12), d(2026, 3, 12))]),
    (d(2026, 3, 9), "The negotiators have until Friday to reach a deal, and talks will continue on Wednesday.",
     [(R, d(2026, 3, 11), d(2026, 3, 11))]),
    (d(2026, 3, 11), "The unions must reply by Friday to the offer made at talks on Tuesday.",
     [(R, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 12), "The truce expires on Sunday, and the mediators are meeting the parties today in Dara.",
     [(M, d(2026, 3, 12), d(2026, 3, 12))]),
    # --- planned events
    (d(2026, 3, 14), "The foreign ministers will meet on Monday in Castelmar.",
     [(M, d(2026, 3, 16), d(2026, 3, 16))]),
    (d(2026, 3, 11), "Talks set for later this month will focus on grain exports.",
     [(R, d(2026, 3, 11), d(2026, 3, 31))]),
    (d(2026, 3, 11), "The negotiations, which began in Vell on 2 March, are continuing.",
     [(R, d(2026, 3, 2), None)]),
    (d(2026, 3, 13), "Hostage talks in Dara have been going on since Tuesday.",
     [(R, d(2026, 3, 10), None)]),
    (d(2026, 3, 9), "Kastel, Mirovia to hold border talks Thursday",
     [(R, d(2026, 3, 12), d(2026, 3, 12))]),
    # --- registers
    (d(2026, 3, 13), "A new round of debt talks was held in Castelmar on Wednesday.",
     [(R, d(2026, 3, 11), d(2026, 3, 11))]),
    (d(2026, 3, 13), "Wednesday's meeting between the mediator and the rebels ended without result.",
     [(M, d(2026, 3, 11), d(2026, 3, 11))]),
    (d(2026, 3, 20), "The minister said the two sides would meet again on 2 April.",
     [(M, d(2026, 4, 2), d(2026, 4, 2))]),
    (d(2026, 3, 11), '"We will sit down with the union on Thursday," the airline\'s chief executive said on Tuesday.',
     [(M, d(2026, 3, 12), d(2026, 3, 12))]),
    (d(2026, 3, 10), "The two sides did not meet on Monday as planned; the talks were moved to Thursday.",
     [(R, d(2026, 3, 12), d(2026, 3, 12))]),
    (d(2026, 3, 11), "On 14 February, after months of silence, envoys of Qaran and Belmoor met in Port Essa.",
     [(M, d(2026, 2, 14), d(2026, 2, 14))]),
    (d(2026, 3, 11), "The strike, which began on 1 March, continued on Tuesday as union leaders, who met the employers for six hours on Monday, rejected a revised offer.",
     [(M, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 10), "The envoy, who met the rebel leaders on Sunday, said the release of the hostages could come within days.",
     [(M, d(2026, 3, 8), d(2026, 3, 8))]),
    (d(2026, 3, 16), "Talks between Orlo and its bondholders ended on Friday after three days.",
     [(R, d(2026, 3, 11), d(2026, 3, 13))]),
    (d(2026, 3, 11), "The last time the two leaders met was in 2019.",
     [(M, d(2019, 1, 1), d(2019, 12, 31))]),
    (d(2026, 3, 12), "Shareholders of Brenco and Talvex met on Tuesday to discuss the proposed merger.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 10), "A ceasefire between the militias took effect at noon on Sunday.",
     [(C, d(2026, 3, 8), None)]),
    (d(2026, 3, 11), "The truce agreed on 1 March is holding.",
     [(C, d(2026, 3, 1), None)]),
    (d(2026, 3, 12), "The envoys met twice this week in Vell.",
     [(M, d(2026, 3, 9), d(2026, 3, 12))]),
    # today, planned
    (d(2025, 7, 29), "Army commanders of both sides will hold informal talks today on the border truce.",
     [(R, d(2025, 7, 29), d(2025, 7, 29))]),
    (d(2025, 7, 28), "Trade negotiators of Selvania and Qaran began a two-day round of talks in Vell on Monday.",
     [(R, d(2025, 7, 28), d(2025, 7, 29))]),
    (d(2023, 6, 15), "The three-day talks in Vell ended late Tuesday without a deal.",
     [(R, d(2023, 6, 11), d(2023, 6, 13))]),
    (d(2022, 11, 4), "The peace talks in Port Essa ended on Wednesday with a signed accord.",
     [(R, None, d(2022, 11, 2))]),
    (d(2025, 6, 22), "The envoy met the president in Vell on Saturday, hours before the release of the prisoners was announced.",
     [(M, d(2025, 6, 21), d(2025, 6, 21))]),
    # later on, earlier on, late
    (d(2026, 3, 16), "Last week's talks between the union and the airline ended in deadlock.",
     [(R, d(2026, 3, 9), d(2026, 3, 15))]),
    (d(2026, 3, 13), "The talks that ended on Wednesday left the tariff question open.",
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 13), "The border commission met on Monday and Tuesday in Vell.",
     [(M, d(2026, 3, 9), d(2026, 3, 10))]),
    (d(2026, 3, 13), "The border commission met from Monday to Wednesday in Vell.",
     [(M, d(2026, 3, 9), d(2026, 3, 11))]),
    (d(2026, 3, 13), "Envoys met between March 2 and March 5 in Vell to draft the accord.",
     [(M, d(2026, 3, 2), d(2026, 3, 5))]),
    # planned with period
    (d(2026, 3, 11), "The next round of talks is expected in the second half of April.",
     [(R, d(2026, 4, 1), d(2026, 4, 30))]),
    (d(2026, 3, 11), "The two sides plan to meet again early next month.",
     [(M, d(2026, 4, 1), d(2026, 4, 30))]),
    (d(2026, 3, 11), "The talks will resume after the Easter holiday, a spokesman said.",
     [(R, None, None)]),
    (d(2026, 3, 11), "Negotiators will meet in the coming days to finalise the text.",
     [(M, None, None)]),
    # ongoing, no fabricated end
    (d(2026, 3, 11), "Talks between the dockworkers and the port operators have been under way since January.",
     [(R, d(2026, 1, 1), None)]),
    (d(2026, 3, 11), "The nuclear talks in Velm, now in their third week, are expected to continue.",
     [(R, d(2026, 2, 19), None)]),  # the third week began on one of the last seven days
    (d(2026, 3, 11), "Coalition talks continue in Castelmar, a week after the election.",
     [(R, None, None)]),
    # an event of another clause
    (d(2026, 3, 11), "Since the talks collapsed in January, the two sides have traded accusations.",
     [(R, None, d(2026, 1, 31))]),
    (d(2026, 3, 11), "The ceasefire, which expires on Sunday, was agreed at talks in Dara on 1 March.",
     [(R, d(2026, 3, 1), d(2026, 3, 1))]),
    (d(2026, 3, 11), "The two sides agreed at talks in Dara on Monday to extend the truce until 30 April.",
     [(R, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 11), "The union, which has threatened a strike from 20 March, met the employers on Tuesday.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 11), "Talks with the bondholders, whose bonds mature on 30 June, took place on Monday in Castelmar.",
     [(R, d(2026, 3, 9), d(2026, 3, 9))]),
    # reported speech and quotes
    (d(2026, 3, 11), "\"We met them yesterday and we will meet them again tomorrow,\" the envoy said.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 11), "According to the ministry, the delegations met on the border on Monday.",
     [(M, d(2026, 3, 9), d(2026, 3, 9))]),
    # year as modifier
    (d(2026, 3, 11), "Both sides still refer to the 2018 summit in Vell as a turning point.",
     [(S, d(2018, 1, 1), d(2018, 12, 31))]),
    # corporate, labour
    (d(2026, 3, 11), "Brenco's board met with Talvex executives last Thursday to discuss the takeover bid.",
     [(M, d(2026, 3, 5), d(2026, 3, 5))]),
    (d(2026, 3, 11), "Nurses and hospital managers returned to the bargaining table on Monday.",
     [(R, d(2026, 3, 9), d(2026, 3, 9))]),
    # a day counted from a thing of its own day that is no event
    (d(2026, 3, 11), "The ministers met in Vell three days after the flood that struck the border on 1 March.",
     [(M, d(2026, 3, 4), d(2026, 3, 4))]),
    (d(2026, 4, 11), "Two weeks before the referendum of 29 March, the coalition leaders met in Castelmar.",
     [(M, d(2026, 3, 15), d(2026, 3, 15))]),
    (d(2026, 3, 11), "A day after the vote on Sunday, the union and the airline resumed talks.",
     [(R, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 11), "The envoys met a week after the attack on the convoy on 23 February.",
     [(M, d(2026, 3, 2), d(2026, 3, 2))]),
    (d(2026, 3, 11), "Two days after the summit on Friday, the ministers met in Vell.",
     [(M, d(2026, 3, 8), d(2026, 3, 8))]),
    # a round of some days, and two days in a row
    (d(2025, 7, 28), "Trade negotiators of Selvania and Qaran began a two-day round of talks in Vell on Monday.",
     [(R, d(2025, 7, 28), d(2025, 7, 29))]),
    (d(2025, 7, 31), "A three-day round of wage talks between the nurses and the hospitals ended on Wednesday.",
     [(R, d(2025, 7, 28), d(2025, 7, 30))]),
    (d(2025, 7, 25), "The creditors and Orlo will hold a two-day round of debt negotiations from 3 August.",
     [(R, d(2025, 8, 3), d(2025, 8, 4))]),
    (d(2026, 3, 13), "The border commission met on Monday and Tuesday in Vell.",
     [(M, d(2026, 3, 9), d(2026, 3, 10))]),
    (d(2026, 3, 20), "Negotiators of the airline and the pilots' union held talks on 11 and 12 March in Brannock.",
     [(R, d(2026, 3, 11), d(2026, 3, 12))]),
    (d(2026, 3, 20), "Negotiators of the airline and the pilots' union held talks on March 11 and March 12 in Brannock.",
     [(R, d(2026, 3, 11), d(2026, 3, 12))]),
    (d(2026, 3, 14), "Kastel and Mirovia will hold border talks on Monday and Tuesday in Vell.",
     [(R, d(2026, 3, 16), d(2026, 3, 17))]),
    (d(2026, 8, 20), "The envoys of Talmar and Ostrava met on August 3 and again on August 17.",
     [(M, d(2026, 8, 3), d(2026, 8, 3))]),
    # a day as the subject of "saw"
    (d(2026, 3, 11), "Monday saw the two sides resume talks in Vell after a month's pause.",
     [(R, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 11), "The previous Sunday saw the union and the carmaker resume talks in Brannock.",
     [(R, d(2026, 3, 8), d(2026, 3, 8))]),
    # within, with other words of the future
    (d(2026, 3, 11), "The creditors are expected to meet within two weeks.",
     [(M, d(2026, 3, 11), d(2026, 3, 25))]),
    (d(2026, 3, 11), "The two governments plan to hold a summit within a month.",
     [(S, d(2026, 3, 11), d(2026, 4, 11))]),
    (d(2026, 3, 11), "A new round of talks is due to take place within ten days.",
     [(R, d(2026, 3, 11), d(2026, 3, 21))]),
    (d(2026, 3, 11), "The two sides agreed to launch talks on a border accord within four months.",
     [(R, None, None)]),
    (d(2026, 3, 11), "The creditors were expected to meet within two weeks, but the meeting never took place.",
     [(M, None, None)]),
    # deadlines and expiries are not the event's date
    (d(2026, 3, 11), "The negotiators, who must reach a deal by Friday, met again in Vell on Tuesday.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 11), "Talks on extending the truce, which expires on 30 April, opened in Dara on Monday.",
     [(R, d(2026, 3, 9), d(2026, 3, 11))]),
    (d(2026, 3, 11), "The ultimatum runs out on Friday; the envoys will meet on Thursday.",
     [(M, d(2026, 3, 12), d(2026, 3, 12))]),
    # the dateline day again, with other words
    (d(2026, 3, 11), "Wage talks between the nurses and the hospital board broke down on Wednesday.",
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), "Negotiators for the miners and the mine owners met this morning in Brannock.",
     [(M, d(2026, 3, 11), d(2026, 3, 11))]),
    (d(2026, 3, 11), "The mediator met both delegations earlier today in Port Essa.",
     [(M, d(2026, 3, 11), d(2026, 3, 11))]),
    (d(2026, 3, 11), "The leaders of Kastel and Mirovia will meet later today in Vell.",
     [(M, d(2026, 3, 11), d(2026, 3, 11))]),
    (d(2026, 3, 11), "Talks between the carmaker and the union resumed this evening after a two-day break.",
     [(R, d(2026, 3, 11), d(2026, 3, 11))]),
    (d(2026, 3, 12), "The envoys held talks late Wednesday in Vell.",
     [(R, d(2026, 3, 11), d(2026, 3, 11))]),
    # weeks and months told relative to the report
    (d(2026, 3, 11), "The envoys met in Vell at the start of the week.",
     [(M, d(2026, 3, 9), d(2026, 3, 11))]),
    (d(2026, 3, 11), "The two sides met last month in Geneva.",
     [(M, d(2026, 2, 1), d(2026, 2, 28))]),
    (d(2026, 3, 11), "The two sides met in Geneva a month ago.",
     [(M, d(2026, 2, 1), d(2026, 2, 28))]),
    (d(2026, 3, 11), "The two sides met in Geneva two weeks ago.",
     [(M, d(2026, 2, 23), d(2026, 3, 1))]),
    (d(2026, 3, 11), "The two sides met in Geneva three years ago.",
     [(M, d(2023, 1, 1), d(2023, 12, 31))]),
    (d(2026, 1, 8), "The ministers met in Vell last month to prepare the summit.",
     [(M, d(2025, 12, 1), d(2025, 12, 31))]),
    (d(2026, 1, 8), "The ministers met in Vell in December to prepare the summit.",
     [(M, d(2025, 12, 1), d(2025, 12, 31))]),
    # anaphoric days
    (d(2026, 3, 20), "The envoys arrived in Vell on 9 March. The following day they met the rebel leaders.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 20), "The strike began on 9 March. Three days later, the union and the employers held talks in Brannock.",
     [(R, d(2026, 3, 12), d(2026, 3, 12))]),
    (d(2026, 3, 20), "The union and the employers held talks on 9 March. A week later, they met again.",
     [(R, d(2026, 3, 9), d(2026, 3, 9)), (M, d(2026, 3, 16), d(2026, 3, 20))]),
    (d(2026, 3, 20), "On 9 March the union walked out. That evening, the mediator met the employers.",
     [(M, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 20), "On 9 March the union walked out. That same day, the mediator met the employers.",
     [(M, d(2026, 3, 9), d(2026, 3, 9))]),
    # planned
    (d(2026, 3, 11), "The next round of talks will be held in Geneva later this month.",
     [(R, d(2026, 3, 11), d(2026, 3, 31))]),
    (d(2026, 3, 11), "The next round of talks will be held in Geneva early next year.",
     [(R, d(2027, 1, 1), d(2027, 12, 31))]),
    (d(2026, 3, 11), "The parties agreed to meet again on 2 April.",
     [(M, d(2026, 4, 2), d(2026, 4, 2))]),
    (d(2026, 3, 11), "The meeting, originally set for Monday, was moved to Friday.",
     [(M, d(2026, 3, 13), d(2026, 3, 13))]),
    (d(2026, 3, 11), "The talks, postponed from Tuesday, will now take place on 20 March.",
     [(R, d(2026, 3, 20), d(2026, 3, 20))]),
    (d(2026, 3, 11), "Talks scheduled for Monday were called off.",
     [(R, d(2026, 3, 16), d(2026, 3, 16))]),
    # periods in a row, joined by 'and': one span (not a plan of one in each)
    (d(2026, 3, 11), "In 2021 and 2022, the two sides held six rounds of talks in Geneva.",
     [(R, d(2021, 1, 1), d(2022, 12, 31))]),
    (d(2026, 3, 11), "The envoys of Kastel and Mirovia met in Vell in May and June of last year.",
     [(M, d(2025, 5, 1), d(2025, 6, 30))]),
    (d(2026, 3, 11), "The envoys of Kastel and Mirovia met in Vell in 2019 and 2023.",
     [(M, d(2019, 1, 1), d(2019, 12, 31))]),
    (d(2026, 3, 11), "Talks held in January and February produced a draft accord.",
     [(R, d(2026, 1, 1), d(2026, 2, 28))]),
    (d(2026, 3, 11), "Week-long talks between the two sides are scheduled for May and June in Geneva.",
     [(R, d(2026, 5, 1), d(2026, 5, 31))]),
    # 'since then': from the time told just before
    (d(2026, 3, 11), "The two sides met in Vell in January. Since then, their deputies have held three rounds of talks in Geneva.",
     [(M, d(2026, 1, 1), d(2026, 1, 31)), (R, d(2026, 1, 1), d(2026, 3, 11))]),
    (d(2026, 3, 11), "A truce took effect in Dara on 1 March. Since then, the mediators have met the rebels twice.",
     [(M, d(2026, 3, 1), d(2026, 3, 11))]),
    (d(2026, 3, 11), "Since then, the mediators have met the rebels twice in Dara.",
     [(M, None, d(2026, 3, 11))]),
    # weekdays and dates across a month or year boundary
    (d(2026, 3, 3), "Envoys of Qaran and Belmoor held talks in Port Essa on Friday.",
     [(R, d(2026, 2, 27), d(2026, 2, 27))]),
    (d(2026, 1, 2), "The creditors met the finance ministry of Orlo on December 30 in Castelmar.",
     [(M, d(2025, 12, 30), d(2025, 12, 30))]),
    (d(2025, 12, 30), "The creditors will meet the finance ministry of Orlo on January 5 in Castelmar.",
     [(M, d(2026, 1, 5), d(2026, 1, 5))]),
    (d(2026, 3, 12), "The union will meet the airline this Friday in Brannock.",
     [(M, d(2026, 3, 13), d(2026, 3, 13))]),
    (d(2026, 3, 16), "The union met the airline last Monday in Brannock.",
     [(M, d(2026, 3, 9), d(2026, 3, 9))]),
    # ranges of days
    (d(2026, 3, 11), "The talks will run from 14 to 16 April in Geneva.",
     [(R, d(2026, 4, 14), d(2026, 4, 16))]),
    (d(2026, 3, 11), "The summit of the Andean leaders on 14-15 April will take place in Quito.",
     [(S, d(2026, 4, 14), d(2026, 4, 15))]),
    (d(2026, 3, 11), "The talks, held from 2 to 5 March in Vell, ended without a deal.",
     [(R, d(2026, 3, 2), d(2026, 3, 5))]),
    (d(2026, 3, 11), "Two days of talks between the union and the carmaker ended on Sunday.",
     [(R, d(2026, 3, 7), d(2026, 3, 8))]),
    (d(2026, 3, 11), "The round of talks, which opened on Monday, runs until Friday.",
     [(R, d(2026, 3, 9), d(2026, 3, 13))]),
    # the day a process started
    (d(2026, 3, 11), "Negotiations on the pipeline have been going on for months.",
     [(R, None, None)]),
    # a clause of another event with its own date
    (d(2026, 3, 11), "The envoys met on Tuesday, a day after rebels shelled the border town of Vell.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 11), "The envoys, who had arrived in Vell on Sunday after the shelling, met the rebels on Tuesday.",
     [(M, d(2026, 3, 10), d(2026, 3, 10))]),
    (d(2026, 3, 11), "Since the election on 8 February, the parties have held coalition talks in Castelmar.",
     [(R, d(2026, 2, 8), d(2026, 3, 11))]),
    (d(2026, 3, 11), "The coalition talks were the first since the election on 8 February.",
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), "Hostage talks, which resumed in Dara on 2 March, moved to Port Essa on Monday.",
     [(R, d(2026, 3, 9), d(2026, 3, 9))]),
    (d(2026, 3, 11), "Negotiators have met three times since the vote on 1 March, and will meet again on Friday.",
     [(M, d(2026, 3, 1), d(2026, 3, 11))]),
    (d(2026, 3, 11), "The rebels are to release the hostages they have held since the raid on 2 February.",
     [(X, None, None)]),
    # a new date after a verb of postponing replaces the one planned
    (d(2026, 3, 11), "The summit, planned for May, was postponed to June.",
     [(S, d(2026, 6, 1), d(2026, 6, 30))]),
    (d(2026, 3, 11), "The wage talks scheduled for Monday have been moved to Friday.",
     [(R, d(2026, 3, 13), d(2026, 3, 13))]),
    (d(2026, 3, 11), "The debt talks set for April were pushed back to the autumn.",
     [(R, None, None)]),
    (d(2026, 3, 11), "Talks that were due to start on Monday will now begin on Thursday.",
     [(R, d(2026, 3, 12), None)]),
    (d(2026, 3, 11), "The debt talks set for April were pushed back to late June.",
     [(R, d(2026, 6, 1), d(2026, 6, 30))]),
    (d(2026, 3, 11), "The meeting of the border commission, called for 20 March, was rescheduled to 3 April.",
     [(M, d(2026, 4, 3), d(2026, 4, 3))]),
]


@pytest.mark.parametrize("published,text,expected", CASES, ids=[c[1][:48] for c in CASES])
def test_probe_dates(run_on, published, text, expected):
    assert_dated(run_on(text, published), expected)



@pytest.mark.parametrize("text,expected", [
    ("The talks collapsed on 3 March. Since then the two sides have not met.", ("2026-03-03", "lower-bound")),
    ("The truce took effect in May and has held ever since then.", ("2025-05-01", "lower-bound")),
])
def test_since_then_is_from_the_time_told_before(text, expected):
    """'since then' is a lower bound at the time told in its sentence or the one before."""
    from kg.extract.timex import find_timexes

    t = find_timexes(text, d(2026, 3, 11))[-1]
    assert (t.earliest.isoformat(), t.granularity) == expected and t.latest is None


def test_since_then_with_no_time_before_is_no_expression():
    """Without a time told just before, 'since then' names none."""
    from kg.extract.timex import find_timexes

    assert find_timexes("Since then, the mediators have met the rebels twice.", d(2026, 3, 11)) == []


@pytest.mark.parametrize("text,expected", [
    ("The hostage talks moved to Dara on Monday.", "2026-03-09"),
    ("The talks were moved to Monday.", "2026-03-16"),
    ("The summit has been pushed back to the end of June.", "2026-06"),
])
def test_a_move_to_a_place_is_no_postponement(text, expected):
    """'moved to' looks ahead only when the new date follows it; 'moved to Dara on
    Monday' names a place, and the past verb keeps the Monday just gone."""
    from kg.extract.timex import find_timexes

    assert find_timexes(text, d(2026, 3, 11))[-1].timex == expected


@pytest.mark.parametrize("text,expected", [
    ("The accord of March 12th , 2020 was never put into force.", "2020-03-12"),
    ("The envoys met on 18 May , 2021 in Kokopa.", "2021-05-18"),
    ("The envoys met on May 18, 2021 in Kokopa.", "2021-05-18"),
])
def test_a_stray_space_before_the_comma_keeps_the_year(text, expected):
    """'March 12th , 2020', as typed in some releases, is one date with its year, not
    a day of the report's year and a year apart."""
    from kg.extract.timex import find_timexes

    assert [t.timex for t in find_timexes(text, d(2021, 12, 1))] == [expected]
