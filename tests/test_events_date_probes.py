"""Dates of events, probed with sentences of our own (issue 10, section 3): weekdays
relative to the publication day, weeks, months and years told relative to it, months
without a year, ranges, bounds, the day before or after, dates in a clause that belongs
to another event, truces agreed on a date and holding since, talks that ended after a
number of days, and events with no date at all (open, never the publication day).

Every sentence is our own, with invented places, people and parties, in the registers of
wire leads, headlines, quotes and long reports about labour, trade, debt, coalition,
ceasefire, hostage, border and nuclear talks. Each row gives the publication day, the
text, and the bounds a careful reader gives each event of a class (``None``: open).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: The publication date of the documents ``run`` makes (each row gives its own).
PUBLISHED = date(2026, 3, 11)

CASES = [
    (date(2026, 3, 10),
     "Negotiators for the Verlan dockworkers' union held talks with port operators on Monday in Castelmar.",
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 10),
     'Trade ministers of Osterland and Bavaro will hold talks on Friday to settle the dispute over steel tariffs.',
     [("NegotiationRound", date(2026, 3, 13), date(2026, 3, 13))]),
    (date(2026, 3, 10),
     'The creditors and the finance ministry of Selvania are due to hold a new round of debt talks next Monday.',
     [("NegotiationRound", date(2026, 3, 16), date(2026, 3, 16))]),
    (date(2026, 3, 10),
     'Coalition negotiators from the Green Alliance and the Liberal Union will reconvene for talks this Thursday, a party spokeswoman said.',
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 10),
     'Hostage negotiators from Qaran and Belmoor held a second round of talks in Port Essa last Friday.',
     [("NegotiationRound", date(2026, 3, 6), date(2026, 3, 6))]),
    (date(2026, 3, 12),
     'Earlier this week, envoys from Mirovia and Kastel held talks on their disputed border in the town of Vell.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 12))]),
    (date(2026, 3, 10),
     'Last week the union and the carmaker Dornhaus held talks that ended without a deal.',
     [("NegotiationRound", date(2026, 3, 2), date(2026, 3, 8))]),
    (date(2026, 3, 10),
     'Negotiators from Talmar and Ostrava are expected to hold another round of talks later this month.',
     [("NegotiationRound", date(2026, 3, 10), date(2026, 3, 31))]),
    (date(2026, 3, 10),
     'The finance ministers of Selvania and Orlo will hold talks on the loan by the end of the year.',
     [("NegotiationRound", None, date(2026, 12, 31))]),
    (date(2026, 3, 10),
     'Officials said a summit between the presidents of Talmar and Ostrava was planned for early next year.',
     [("Summit", date(2027, 1, 1), date(2027, 12, 31))]),
    (date(2026, 3, 10),
     'Delegations of Mirovia and Kastel held talks in Geneva in January.',
     [("NegotiationRound", date(2026, 1, 1), date(2026, 1, 31))]),
    (date(2026, 3, 10),
     'Delegations of Mirovia and Kastel will hold talks in Geneva in May.',
     [("NegotiationRound", date(2026, 5, 1), date(2026, 5, 31))]),
    (date(2026, 3, 10),
     'Delegations of Mirovia and Kastel last held talks in Geneva in November.',
     [("NegotiationRound", date(2025, 11, 1), date(2025, 11, 30))]),
    (date(2026, 3, 10),
     'The negotiations between the Vantor government and the rebels ran from 3 to 6 March in the capital.',
     [("NegotiationRound", date(2026, 3, 3), date(2026, 3, 6))]),
    (date(2026, 3, 12),
     'The envoys of Qaran and Belmoor held talks in Port Essa between Monday and Wednesday.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 11))]),
    (date(2026, 3, 7),
     'On the sidelines of the Andean forum in Quito on Friday, the presidents of Peru and Bolivia held a meeting on water rights.',
     [("Summit", date(2026, 3, 6), date(2026, 3, 6))]),
    (date(2026, 3, 10),
     'Orlo and Selvania last held nuclear talks in 2019.',
     [("NegotiationRound", date(2019, 1, 1), date(2019, 12, 31))]),
    (date(2026, 3, 10),
     'Border talks between Mirovia and Kastel were held in the early 2000s but collapsed.',
     [("NegotiationRound", date(2000, 1, 1), date(2009, 12, 31))]),
    (date(2026, 3, 10),
     'Last year the governments of Talmar and Ostrava held three rounds of talks on fishing rights.',
     [("NegotiationRound", date(2025, 1, 1), date(2025, 12, 31))]),
    (date(2026, 3, 11),
     'After talks with the rebels on Monday, the interior minister of Vantor said on Tuesday that a deal was close.',
     [("Meeting", date(2026, 3, 9), date(2026, 3, 9)), ("Statement", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 10),
     'Talks between the nurses and the hospital board will take place on Monday, the board said.',
     [("NegotiationRound", date(2026, 3, 16), date(2026, 3, 16))]),
    (date(2026, 3, 12),
     'Negotiators from Vantor met rebel commanders on Tuesday. The previous day, the rebels had released two hostages.',
     [("PrisonerExchange", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 10),
     'A ceasefire between Qaran and Belmoor has held since March 1.',
     [("Ceasefire", date(2026, 3, 1), None)]),
    (date(2026, 3, 10),
     'Overnight talks in Brussels between Orlo and Selvania produced a deal on fishing quotas.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 10))]),
    (date(2026, 3, 10),
     "The teachers' union rejected on Sunday a pay offer put forward at last week's talks with the education ministry.",
     [("NegotiationRound", date(2026, 3, 2), date(2026, 3, 8))]),
    (date(2026, 3, 10),
     'Talks on a prisoner exchange between Qaran and Belmoor are expected in the coming weeks.',
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 12),
     'Envoys from Mirovia and Kastel held talks on their disputed border earlier this week.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 12))]),
    (date(2026, 3, 12),
     'This week, envoys from Mirovia and Kastel held talks on their disputed border in the town of Vell.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 12))]),
    (date(2026, 3, 20),
     "Earlier this month, the nurses' union and the hospital board held talks on staffing.",
     [("NegotiationRound", date(2026, 3, 1), date(2026, 3, 20))]),
    (date(2026, 3, 11),
     'The interior minister of Vantor said on Tuesday that a deal was close after talks with the rebels on Monday.',
     [("Statement", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 11),
     "Dornhaus and the metalworkers' union will resume wage talks on Monday after a two-week pause.",
     [("NegotiationRound", date(2026, 3, 16), date(2026, 3, 16))]),
    (date(2026, 3, 11),
     "Wage talks between Dornhaus and the metalworkers' union broke down on Monday.",
     [("NegotiationRound", None, date(2026, 3, 9))]),
    (date(2026, 3, 11),
     '"We met on Monday and we will meet again on Friday," the chief mediator of Vantor told reporters.',
     [("Meeting", date(2026, 3, 13), date(2026, 3, 13))]),
    (date(2026, 3, 11),
     'A fresh round of talks on the Kesh river dam is scheduled for March 24 in Addis Bera, the foreign ministry of Orlo said.',
     [("NegotiationRound", date(2026, 3, 24), date(2026, 3, 24))]),
    (date(2026, 3, 11),
     'The talks on the Kesh river dam, held in Addis Bera on 2 and 3 March, ended without agreement.',
     [("NegotiationRound", date(2026, 3, 2), date(2026, 3, 3))]),
    (date(2026, 3, 11),
     'Negotiators from Qaran and Belmoor met in Doha last Thursday and again on Saturday.',
     [("NegotiationRound", date(2026, 3, 5), date(2026, 3, 5))]),
    (date(2026, 3, 11),
     'The prisoner exchange between Qaran and Belmoor took place on Sunday at the Ras Kella crossing.',
     [("PrisonerExchange", date(2026, 3, 8), date(2026, 3, 8))]),
    (date(2026, 3, 11),
     'A prisoner exchange between Qaran and Belmoor is expected next week, the mediators said.',
     [("PrisonerExchange", date(2026, 3, 16), date(2026, 3, 22))]),
    (date(2026, 3, 11),
     'Orlo and Selvania signed a ceasefire on 1 March, ending six months of fighting along the border.',
     [("Ceasefire", date(2026, 3, 1), None)]),
    (date(2026, 3, 11),
     'The ceasefire that Orlo and Selvania agreed last month has largely held.',
     [("Ceasefire", date(2026, 2, 1), None)]),
    (date(2026, 3, 11),
     "Coalition talks between the Social Party and the Farmers' League, which began in January, are expected to conclude in April.",
     [("NegotiationRound", date(2026, 1, 1), date(2026, 4, 30))]),
    (date(2026, 3, 11),
     'The presidents of Talmar and Ostrava are to hold a summit in Varna in June.',
     [("Summit", date(2026, 6, 1), date(2026, 6, 30))]),
    (date(2026, 3, 11),
     'The presidents of Talmar and Ostrava held a summit in Varna last June.',
     [("Summit", date(2025, 6, 1), date(2025, 6, 30))]),
    (date(2026, 3, 11),
     'In October, the presidents of Talmar and Ostrava held a summit in Varna.',
     [("Summit", date(2025, 10, 1), date(2025, 10, 31))]),
    (date(2026, 3, 11),
     "No date has been set for the next round of talks between the teachers' union and the ministry.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11),
     "The teachers' union said on Monday it would meet the ministry for talks on Thursday.",
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 11),
     'The union said talks with the ministry had taken place on Friday.',
     [("NegotiationRound", date(2026, 3, 6), date(2026, 3, 6))]),
    (date(2026, 3, 11),
     'The two governments held four rounds of border talks between 2019 and 2021.',
     [("NegotiationRound", date(2019, 1, 1), date(2021, 12, 31))]),
    (date(2026, 3, 11),
     'The 2018 talks between Orlo and Selvania collapsed over the status of the islands.',
     [("NegotiationRound", date(2018, 1, 1), date(2018, 12, 31))]),
    (date(2026, 3, 11),
     'Since January, the creditors of Selvania have met three times to discuss the debt.',
     [("Meeting", date(2026, 1, 1), date(2026, 3, 11))]),
    (date(2026, 3, 11),
     'Talks on the debt of Selvania will continue through the end of the month.',
     [("NegotiationRound", None, date(2026, 3, 31))]),
    (date(2026, 3, 11),
     'Nuclear talks between Orlo and the agency, first held in the 1990s, resumed in Vienna yesterday.',
     [("NegotiationRound", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 11),
     'Selvania will host a summit of regional leaders in the autumn.',
     [("Summit", None, None)]),
    (date(2026, 3, 11),
     'A ceasefire in the Vell valley took effect at midnight on Tuesday.',
     [("Ceasefire", date(2026, 3, 10), None)]),
    (date(2026, 3, 11),
     'The leaders of Talmar and Ostrava last met in 2023, at a summit in Varna.',
     [("Summit", date(2023, 1, 1), date(2023, 12, 31))]),
    (date(2026, 3, 11),
     'A truce brokered by Qaran in January has survived despite sporadic shelling near Vell.',
     [("Ceasefire", date(2026, 1, 1), None)]),
    (date(2026, 3, 11),
     'The truce, which the rebels and the army signed on 20 February, was violated repeatedly over the weekend.',
     [("Ceasefire", date(2026, 2, 20), None)]),
    (date(2026, 3, 11),
     'A ceasefire agreed in January collapsed on Sunday after an attack on a border post.',
     [("Ceasefire", date(2026, 1, 1), date(2026, 3, 8))]),
    (date(2026, 3, 13),
     "Kastel's foreign minister flew to Vell on Thursday. The day before, she had held talks with her Mirovian counterpart in Ardena.",
     [("NegotiationRound", date(2026, 3, 11), date(2026, 3, 11))]),
    (date(2026, 3, 13),
     "Talks between the pilots' union and Skyline Air are to resume next Tuesday, a day after the airline's board meets.",
     [("NegotiationRound", date(2026, 3, 17), date(2026, 3, 17))]),
    (date(2026, 3, 13),
     'The ceasefire in the Vell valley has been in force since March 2.',
     [("Ceasefire", date(2026, 3, 2), None)]),
    (date(2026, 3, 13),
     'Since February, negotiators from Orlo and Selvania have met four times in Geneva.',
     [("NegotiationRound", date(2026, 2, 1), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'Hostage talks stall as mediators leave Doha',
     [("NegotiationRound", None, date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'The Belmoor delegation walked out of the talks on Wednesday evening, an official said.',
     [("NegotiationRound", date(2026, 3, 11), date(2026, 3, 11))]),
    (date(2026, 3, 13),
     'Negotiators for Orlo and Selvania met for the first time this year on Monday, in a hotel outside Geneva.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 13),
     '"The negotiations will start on Monday," said Ana Ferreira, the chief negotiator for the nurses.',
     [("NegotiationRound", date(2026, 3, 16), None)]),
    (date(2026, 3, 13),
     'Mirovia and Kastel plan to hold a summit in the first half of the year.',
     [("Summit", date(2026, 1, 1), date(2026, 6, 30))]),
    (date(2026, 3, 13),
     'Three weeks ago, the two presidents met in Varna for a summit that ended without a joint statement.',
     [("Summit", date(2026, 2, 16), date(2026, 2, 22))]),
    (date(2026, 3, 13),
     'Talks with the creditors of Selvania ended on Thursday after three days in Paris.',
     [("NegotiationRound", date(2026, 3, 10), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'Both sides will meet again in April, the mediator, Lena Brandt, told reporters on Thursday.',
     [("Statement", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'The coalition negotiations in Ardena concluded on Wednesday after nine days of haggling over ministries.',
     [("NegotiationRound", date(2026, 3, 3), date(2026, 3, 11))]),
    (date(2026, 3, 13),
     'The hostage talks ended on Monday after three hours.',
     [("NegotiationRound", None, date(2026, 3, 9))]),
    (date(2026, 3, 11),
     'Negotiators of Orlo and Selvania met in Geneva on March 4 and 5 to discuss the fishing quotas.',
     [("NegotiationRound", date(2026, 3, 4), date(2026, 3, 5))]),
    (date(2026, 3, 13),
     'Mirovia, Kastel to resume border talks Monday',
     [("NegotiationRound", date(2026, 3, 16), date(2026, 3, 16))]),
    (date(2026, 3, 13),
     'VELL, March 12 (Wire) - Envoys of Mirovia and Kastel held a fresh round of border talks on Thursday.',
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'Talks on the Selvanian debt were held in Paris from 3 to 6 March and will resume in April.',
     [("NegotiationRound", date(2026, 3, 3), date(2026, 3, 6))]),
    (date(2026, 3, 13),
     'The finance minister of Selvania is expected to meet the creditors in the coming days.',
     [("Meeting", None, None)]),
    (date(2026, 3, 13),
     'Creditors want an agreement on the restructuring signed by the end of the year, after talks that began last year.',
     [("NegotiationRound", date(2025, 1, 1), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'The strike at the Dornhaus plant ended on Thursday, when the union and the management held talks for the first time since February.',
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'Mediation by Qaran led to a meeting between the two ministers on Tuesday, the first since the 2019 crisis.',
     [("Meeting", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 13),
     'Presidents Ilse Varga of Talmar and Joma Berisha of Ostrava met on the sidelines of the regional forum in Varna, which opened on Wednesday.',
     [("Meeting", None, date(2026, 3, 13))]),
    (date(2026, 3, 13),
     "Trade talks between Osterland and Bavaro, first held in 2017, resumed last week in Bavaro's capital.",
     [("NegotiationRound", date(2026, 3, 2), date(2026, 3, 8))]),
    (date(2026, 3, 13),
     'Envoys of Orlo and Selvania will hold another round of talks next month.',
     [("NegotiationRound", date(2026, 4, 1), date(2026, 4, 30))]),
    (date(2026, 3, 13),
     'The last round of nuclear talks between Orlo and the agency took place in Vienna in December.',
     [("NegotiationRound", date(2025, 12, 1), date(2025, 12, 31))]),
    (date(2026, 3, 13),
     'The unions called off a strike after talks with the government on Thursday evening produced a deal on pensions.',
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'Border commanders of Mirovia and Kastel met at the Vell crossing this morning for the first time in a year.',
     [("Meeting", date(2026, 3, 13), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'The ceasefire between the army and the rebels expires on Sunday, and talks on extending it will be held on Saturday.',
     [("NegotiationRound", date(2026, 3, 14), date(2026, 3, 14))]),
    (date(2026, 3, 13),
     'Negotiators for the nurses and the hospital board met for five hours on Monday and again for three hours on Wednesday.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 13),
     'Coalition talks in Ardena collapsed late on Thursday.',
     [("NegotiationRound", None, date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'A new round of hostage talks is due to take place in Cairo this weekend.',
     [("NegotiationRound", date(2026, 3, 14), date(2026, 3, 15))]),
    (date(2026, 3, 13),
     'The two foreign ministers last met in person in the summer of 2024.',
     [("Meeting", None, None)]),
    (date(2026, 3, 13),
     'A summit of the Gulf leaders, originally planned for May, has been postponed.',
     [("Summit", None, None)]),
    (date(2026, 3, 13),
     'Talks between Orlo and Selvania, first held in 2017, have made little progress.',
     [("NegotiationRound", date(2017, 1, 1), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'Dornhaus, union to hold wage talks Tuesday',
     [("NegotiationRound", date(2026, 3, 17), date(2026, 3, 17))]),
    (date(2026, 3, 13),
     'The talks are likely to begin in Geneva next week.',
     [("NegotiationRound", date(2026, 3, 16), date(2026, 3, 22))]),
    (date(2026, 3, 13),
     'The strike at the Dornhaus plant ended on Thursday, when the union and the management held talks for the first time since February.',
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'The breakthrough came on Tuesday, when envoys of Qaran and Belmoor held talks in Port Essa.',
     [("NegotiationRound", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 13),
     'The release of twelve hostages held by the Qaran militia was carried out on Wednesday, two days after talks in Doha.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 13),
     'Envoys of Orlo and Selvania signed the accord on Friday, a day after talks in Geneva.',
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'Two days after the talks in Geneva, the ministers of Orlo and Selvania spoke by phone on Thursday.',
     [("NegotiationRound", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 13),
     'The ministers of Orlo and Selvania will meet on Friday, three days before the summit in Varna.',
     [("Summit", date(2026, 3, 16), date(2026, 3, 16))]),
    (date(2026, 3, 13),
     'The accord was signed on Friday, days after the talks in Geneva.',
     [("NegotiationRound", None, date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'Talks between the two unions and Dornhaus were held on Friday morning at the plant in Castelmar.',
     [("NegotiationRound", date(2026, 3, 13), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'Negotiators for the nurses will meet the hospital board on Friday afternoon, the union said.',
     [("NegotiationRound", date(2026, 3, 13), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     "Last Friday's meeting between the ministers of Orlo and Selvania ended without a statement.",
     [("Meeting", date(2026, 3, 6), date(2026, 3, 6))]),
    (date(2026, 3, 13),
     "The creditors' meeting, which had been set for Tuesday, was called off.",
     [("Meeting", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 13),
     'Orlo did not take part in the talks held in Geneva on Monday.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 13),
     'The resumption of talks between Orlo and Selvania, announced on Tuesday, is expected in the coming weeks.',
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 13),
     'The signing of a truce between the army and the rebels, planned for later this month, has been delayed.',
     [("Ceasefire", None, None)]),
    (date(2026, 3, 13),
     'Wage talks at the port of Castelmar, which broke down in the autumn, restarted this week with a new mediator.',
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'In early March, envoys of Qaran and Belmoor met for secret talks in a villa outside Port Essa.',
     [("NegotiationRound", date(2026, 3, 1), date(2026, 3, 13))]),
    (date(2026, 3, 13),
     'The summit between the presidents of Talmar and Ostrava, the first in five years, will be held in Varna on 2 April.',
     [("Summit", date(2026, 4, 2), date(2026, 4, 2))]),
    (date(2026, 3, 13),
     'Envoys of Orlo and Selvania were still negotiating late on Thursday in Geneva, diplomats said.',
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 13),
     'The debt talks are now expected to conclude by the end of the year rather than in June.',
     [("NegotiationRound", None, date(2026, 12, 31))]),
    (date(2026, 3, 13),
     "Last Friday's meeting between the ministers of Orlo and Selvania ended without a statement.",
     [("Meeting", date(2026, 3, 6), date(2026, 3, 6))]),
    (date(2026, 3, 13),
     "Tuesday's round of wage talks at Dornhaus broke up after an hour.",
     [("NegotiationRound", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 13),
     'The talks between Orlo and Selvania ended on Wednesday.',
     [("NegotiationRound", None, date(2026, 3, 11))]),
]


@pytest.mark.parametrize("published,text,expected", CASES, ids=[c[1][:48] for c in CASES])
def test_probe_dates(run_on, published, text, expected):
    x = run_on(text, published)
    for kind, begin, end in expected:
        got = [bounds(e) for e in kinds(x, kind)]
        assert (begin, end) in got, (kind, got, [(e.kind, e.label) for e in x.events])


def test_overnight_told_as_to_come_gives_no_night(run_on):
    """'overnight' gives the night before the report only in the past: 'no deal will
    come overnight' names no night, and talks told with it keep no bound from it."""
    x = run_on("No deal on the wage dispute will come overnight, the mediator for the Verlan dockworkers "
               "warned before talks with the port operators.", date(2026, 3, 10))
    for e in x.events:
        assert date(2026, 3, 9) not in bounds(e), (e.kind, bounds(e))


def test_two_days_apart_are_not_a_range(run_on):
    """'on 2 and 9 March' are two days a week apart: not the days between."""
    x = run_on("Negotiators of Orlo and Selvania held talks in Geneva on 2 and 9 March.", date(2026, 3, 11))
    assert all(bounds(e) != (date(2026, 3, 2), date(2026, 3, 9)) for e in kinds(x, "NegotiationRound"))


def test_a_truce_violated_on_a_day_is_not_dated_by_the_breach(run_on):
    """'the truce was violated over the weekend': the weekend is the breach's, not the truce's."""
    x = run_on("The truce between the army and the rebels of Vantor was violated over the weekend, "
               "monitors said.", date(2026, 3, 11))
    for e in kinds(x, "Ceasefire"):
        assert bounds(e)[0] != date(2026, 3, 7), bounds(e)


def test_a_truce_agreed_in_a_month_that_collapsed_ends_on_the_collapse(run_on):
    """Not a truce in force: it ran from the month it was agreed in to the day it collapsed."""
    x = run_on("A ceasefire agreed in January collapsed on Sunday after an attack on a border post.",
               date(2026, 3, 11))
    (truce,) = kinds(x, "Ceasefire")
    assert bounds(truce) == (date(2026, 1, 1), date(2026, 3, 8))
    assert truce.status != "Ongoing"


def test_overnight_in_the_past_is_the_night_before_the_report():
    """'overnight' told in the past is the night before the publication day, like
    'last night'; 'overnight rates' is no time of the talks."""
    from kg.extract.timex import find_timexes

    (t,) = find_timexes("Negotiators of Orlo and Selvania bargained overnight in Brussels.", date(2026, 3, 10))
    assert (t.timex, t.earliest, t.latest) == ("2026-03-09TNI", date(2026, 3, 9), date(2026, 3, 10))
    assert find_timexes("The central bank of Orlo raised overnight rates.", date(2026, 3, 10)) == []


def test_a_statement_at_a_briefing_of_the_day_in_a_report_known_to_its_month(nlp):
    """A report known to its month only whose lead tells of "today": a briefing told
    without a day of its own is of that day too, somewhere in the month (its first
    and last days), as it is of the publication day in a dated report."""
    from kg.extract import extract_many
    from kg.records import Document

    text = ("The border commission of Orlo and Selvania met in Vell today to discuss the river crossings.\n"
            "The chief envoy of Orlo, Mara Quell, gave a briefing to the commission on the progress of "
            "the demarcation.")
    (x,) = extract_many([Document("t", "t.txt", text, "0", published=None, published_period="2026-03")], nlp=nlp)
    assert x.warnings == ()
    (said,) = kinds(x, "Statement")
    assert bounds(said) == (date(2026, 3, 1), date(2026, 3, 31))


def test_a_statement_in_a_report_of_today_known_to_its_month(nlp):
    """The lead of a report known to its month only tells of talks held "today": a
    statement quoted after them without a day is of that day, in the month; after a
    lead that tells of January, it is only not after the month of the report."""
    from kg.extract import extract_many
    from kg.records import Document

    def said(lead):
        text = lead + "\nThe foreign minister of Orlo, Dario Venn, said the talks had been useful."
        doc = Document("t", "t.txt", text, "0", published=None, published_period="2026-03")
        (x,) = extract_many([doc], nlp=nlp)
        (s,) = kinds(x, "Statement")
        return bounds(s)

    assert said("Envoys of Orlo and Selvania held talks in Vell today on the disputed islands.") == (
        date(2026, 3, 1), date(2026, 3, 31))
    assert said("Envoys of Orlo and Selvania held talks in Vell in January on the disputed islands.") == (
        None, date(2026, 3, 31))


def test_a_truce_brokered_in_a_past_month_that_stays_in_place_is_in_force_since(run_on):
    """'remains', 'stays' tell of a truce holding (row truce_holding_verb): in force from
    the month it was brokered in, not a truce of that month only."""
    x = run_on("A ceasefire brokered by Qaran in February still stays in place along the Vell river.",
               date(2026, 3, 11))
    (truce,) = kinds(x, "Ceasefire")
    assert truce.status == "Ongoing" and bounds(truce) == (date(2026, 2, 1), None)
