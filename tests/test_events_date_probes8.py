"""Dates of events probed with sentences of our own (issue 10, section 3), for four
kinds of phrasing found wrong on real news:

- talks told by the day or week they have run to ("moved into a 15th consecutive
  day", "entered their third week", "now in their 10th day", "on Tuesday, the fifth
  day of the negotiations"): they began n - 1 days (n - 1 weeks) before the day told,
  or before the report's day; a week entered on no day told began on one of the last
  seven days, so the bound is the earliest of them; nothing says they have ended; a
  truce "in its second week" likewise;
- a deadline told in the present or the perfect lies ahead ("have now set Monday as
  the new deadline", "the deadline is Friday", "a Sunday deadline"), where one told in
  the past ("missed a Monday deadline", "the deadline was Monday") lies behind;
- a vague part of a month ("earlier this month", "late last month", "in late
  February"): the month's bounds (this month's up to the report's day);
- talks that "collapsed" or "broke down" on a day, told by the verb, a relative clause
  or a noun ("the collapse of the talks on Wednesday"): that day is their end only; and
  "during X's presidency" gives no bound of its own.

Every sentence is our own, with invented places, people and parties, in the registers
of wire leads, headlines, passives, nominalisations, relative clauses, fronted
adverbials, quotes and reported speech, about labour, trade, debt, coalition,
ceasefire, hostage, border, nuclear and corporate talks, published on every day of
the week. Each row gives the publication day, the text, and the bounds a careful
reader gives an event of each class (``None``: open; a tuple: any of those ends); a
meeting and a round of talks count as one class here.
"""

from __future__ import annotations

from datetime import date as d

import pytest

from extraction import bounds  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

R, M, S, ST, C, X = "NegotiationRound", "Meeting", "Summit", "Statement", "Ceasefire", "PrisonerExchange"
MEETINGS = {M, R}

CASES = [
    (d(2026, 3, 11), 'Talks between the dockworkers and the port operators moved into a 15th consecutive day on Wednesday.',
     [(R, d(2026, 2, 25), (None, d(2026, 3, 11)))]),
    (d(2026, 3, 12), 'Coalition talks in Castelmar entered their third week on Thursday.',
     [(R, d(2026, 2, 26), (None, d(2026, 3, 12)))]),
    (d(2026, 3, 12), 'The coalition talks have entered their third week.',
     [(R, d(2026, 2, 20), (None, d(2026, 3, 12)))]),
    (d(2026, 3, 10), 'Hostage negotiations in Dara dragged into a fourth day on Tuesday with no sign of a breakthrough.',
     [(R, d(2026, 3, 7), (None, d(2026, 3, 10)))]),
    (d(2026, 3, 14), 'The strike talks, now in their 10th day, resumed on Saturday morning in Brannock.',
     [(R, d(2026, 3, 5), (None, d(2026, 3, 14)))]),
    (d(2026, 3, 9), 'Trade talks between Selvania and Qaran went into a second week on Monday.',
     [(R, d(2026, 3, 2), (None, d(2026, 3, 9)))]),
    (d(2026, 3, 13), 'Negotiations on the nuclear file stretched into a third straight day on Friday in Velm.',
     [(R, d(2026, 3, 11), (None, d(2026, 3, 13)))]),
    (d(2026, 3, 13), 'Talks on the border dispute continued for a sixth consecutive day in Vell.',
     [(R, d(2026, 3, 8), (None, d(2026, 3, 13)))]),
    (d(2026, 3, 15), 'The debt talks have now entered their second month.',
     [(R, None, (None, d(2026, 3, 15)))]),
    (d(2026, 3, 20), 'A truce agreed earlier this month halted the fighting in Dara.',
     [(C, d(2026, 3, 1), (None, d(2026, 3, 20)))]),
    (d(2026, 3, 20), 'Talks held late last month in Geneva produced no agreement.',
     [(R, d(2026, 2, 1), d(2026, 2, 28))]),
    (d(2026, 3, 20), 'The ceasefire, brokered early this month by Qaran, is largely holding.',
     [(C, d(2026, 3, 1), (None, d(2026, 3, 20)))]),
    (d(2026, 3, 20), 'Late last month, envoys of Kastel and Mirovia met in Vell.',
     [(M, d(2026, 2, 1), d(2026, 2, 28))]),
    (d(2026, 3, 20), 'The two sides met in Vell in late February.',
     [(M, d(2026, 2, 1), d(2026, 2, 28))]),
    (d(2026, 3, 20), 'The union and the airline held talks earlier in the month.',
     [(R, d(2026, 3, 1), d(2026, 3, 20))]),
    (d(2026, 3, 20), 'The envoys met early last month in Port Essa.',
     [(M, d(2026, 2, 1), d(2026, 2, 28))]),
    (d(2026, 3, 11), 'Wage talks between the nurses and the hospital board collapsed on Monday.',
     [(R, None, d(2026, 3, 9))]),
    (d(2026, 3, 11), 'The coalition talks broke down on Tuesday over the budget.',
     [(R, None, d(2026, 3, 10))]),
    (d(2026, 3, 13), 'Talks that collapsed on Wednesday are unlikely to resume soon, a minister said.',
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 13), 'The collapse of the debt talks on Wednesday sent bond prices lower.',
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), 'Negotiations between Brenco and Talvex broke down on 2 March.',
     [(R, None, d(2026, 3, 2))]),
    (d(2026, 3, 11), 'The border talks, which broke down on Sunday, will not resume before April.',
     [(R, None, d(2026, 3, 8))]),
    (d(2026, 3, 11), "Talks during Pavel's first presidency in 2016 produced a draft.",
     [(R, d(2016, 1, 1), d(2016, 12, 31))]),
    (d(2026, 3, 10), 'The mediator presented a new draft on the fifth day of the talks in Vell.',
     [(R, None, d(2026, 3, 10))]),
    (d(2026, 3, 10), 'On Tuesday, the fifth day of the negotiations, the union tabled a new offer.',
     [(R, d(2026, 3, 6), (None, d(2026, 3, 10)))]),
    (d(2026, 3, 11), "Under Pavel's presidency, Kastel and Mirovia met three times.",
     [(M, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), 'During his presidency, Pavel held talks with Mirovia in Vell.',
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), 'The nuclear talks in Velm, now in their third week, are expected to continue.',
     [(R, d(2026, 2, 19), None)]),
    (d(2026, 3, 11), 'The nuclear talks, now in their ninth day, are expected to continue.',
     [(R, d(2026, 3, 3), None)]),
    (d(2025, 11, 6), 'Budget talks between the coalition partners entered a 12th straight day on Thursday in Castelmar.',
     [(R, d(2025, 10, 26), None)]),
    (d(2025, 11, 6), 'Marathon wage talks at the Ostrel plant are now in their fourth week, union officials said.',
     [(R, d(2025, 10, 10), None)]),
    (d(2025, 11, 6), 'As the hostage talks entered their second week on Monday, the families gathered in Dara.',
     [(R, d(2025, 10, 27), None)]),
    (d(2025, 11, 6), "Pilots' union and airline negotiators are meeting for a seventh consecutive day.",
     [(R, d(2025, 10, 31), None)]),
    (d(2025, 11, 6), 'The trade talks in Vell, which entered their third day on Wednesday, will continue on Friday.',
     [(R, d(2025, 11, 3), None)]),
    (d(2025, 11, 8), 'Debt talks in Castelmar dragged into a second week on Saturday as creditors balked at the haircut.',
     [(R, d(2025, 11, 1), None)]),
    (d(2025, 11, 8), 'Nuclear talks stretched into their ninth day in Velm on Saturday.',
     [(R, d(2025, 10, 31), None)]),
    (d(2025, 11, 8), 'Border talks between Qaran and Belmoor went into a third week.',
     [(R, d(2025, 10, 19), None)]),
    (d(2025, 11, 20), 'A ceasefire agreed earlier this month between the militias is largely holding.',
     [(C, d(2025, 11, 1), (None, d(2025, 11, 20)))]),
    (d(2025, 11, 20), 'Trade talks held late last month in Geneva ended without a deal.',
     [(R, d(2025, 10, 1), d(2025, 10, 31))]),
    (d(2025, 11, 20), 'The truce, which took effect earlier this month, was violated on Tuesday.',
     [(C, d(2025, 11, 1), (None, d(2025, 11, 20)))]),
    (d(2025, 11, 20), 'Since a truce earlier this month, fighting in Dara has eased.',
     [(C, d(2025, 11, 1), (None, d(2025, 11, 20)))]),
    (d(2025, 11, 20), 'After talks in late October, the two sides agreed to meet again.',
     [(R, d(2025, 10, 1), d(2025, 10, 31))]),
    (d(2025, 11, 20), 'The talks, held in Vell late last month, produced a draft accord.',
     [(R, d(2025, 10, 1), d(2025, 10, 31))]),
    (d(2025, 11, 20), 'Earlier this month the union and the carmaker held talks on pensions.',
     [(R, d(2025, 11, 1), d(2025, 11, 20))]),
    (d(2025, 11, 20), 'Creditors met Orlo officials in the middle of last month in Castelmar.',
     [(M, d(2025, 10, 1), d(2025, 10, 31))]),
    (d(2025, 11, 20), 'Coalition talks in Castelmar collapsed on Tuesday after the Greens walked out.',
     [(R, None, d(2025, 11, 18))]),
    (d(2025, 11, 20), 'Talks between the miners and the mine owners broke down late on Monday.',
     [(R, None, d(2025, 11, 17))]),
    (d(2025, 11, 20), 'The breakdown of the wage talks on Monday led to a strike.',
     [(R, None, d(2025, 11, 17))]),
    (d(2025, 11, 20), 'After the debt talks collapsed on 3 November, Orlo missed a payment.',
     [(R, None, d(2025, 11, 3))]),
    (d(2025, 11, 20), 'Negotiations on the merger broke down on Wednesday, Brenco said in a statement.',
     [(R, None, d(2025, 11, 19))]),
    (d(2025, 11, 20), 'Border talks broke down in Vell on Tuesday over the water quotas.',
     [(R, None, d(2025, 11, 18))]),
    (d(2025, 11, 20), "The last round of nuclear talks took place during Pavel's presidency.",
     [(R, None, d(2025, 11, 20))]),
    (d(2025, 11, 20), "Under the presidency of Ondrej Pavel, Kastel met Mirovia's envoys twice in Vell.",
     [(M, None, d(2025, 11, 20))]),
    (d(2025, 11, 20), "During Qaran's presidency of the regional bloc in 2023, the ministers met in Vell.",
     [(M, d(2023, 1, 1), d(2023, 12, 31))]),
    (d(2024, 6, 2), 'Coalition talks enter third week as Greens hold out',
     [(R, d(2024, 5, 13), None)]),
    (d(2024, 6, 3), 'Now into their sixth day, the pension talks resumed on Monday at the labour ministry.',
     [(R, d(2024, 5, 29), None)]),
    (d(2024, 6, 1), 'Hostage negotiations, in their eleventh day on Saturday, were described by a mediator as delicate.',
     [(R, d(2024, 5, 22), None)]),
    (d(2024, 6, 2), 'Talks on a new trade pact between Selvania and Qaran moved into a third consecutive week on Sunday.',
     [(R, d(2024, 5, 19), None)]),
    (d(2024, 6, 3), 'A truce brokered earlier this month by Qaran collapsed on Sunday.',
     [(C, d(2024, 6, 1), d(2024, 6, 2))]),
    (d(2024, 6, 20), 'A truce brokered earlier this month by Qaran has largely held.',
     [(C, d(2024, 6, 1), (None, d(2024, 6, 20)))]),
    (d(2024, 6, 20), "Talks were held late last month between the nurses' union and the health board.",
     [(R, d(2024, 5, 1), d(2024, 5, 31))]),
    (d(2024, 6, 20), 'Following talks in Vell late last month, the envoys returned home.',
     [(R, d(2024, 5, 1), d(2024, 5, 31))]),
    (d(2024, 6, 20), 'In talks early this month, the creditors offered Orlo a five-year grace period.',
     [(R, d(2024, 6, 1), d(2024, 6, 20))]),
    (d(2024, 6, 20), 'Tariff talks broke down on 11 June, the trade ministry said.',
     [(R, None, d(2024, 6, 11))]),
    (d(2024, 6, 20), 'Negotiations collapsed on Friday when the rebels walked out, the mediator said on Saturday.',
     [(R, None, d(2024, 6, 14))]),
    (d(2024, 6, 17), 'Since the talks broke down on 2 June, the strike has spread to three ports.',
     [(R, None, d(2024, 6, 2))]),
    (d(2024, 6, 17), "The pilots' union said talks with the airline had broken down on Friday.",
     [(R, None, d(2024, 6, 14))]),
    (d(2024, 6, 17), 'During his presidency, from 2015 to 2019, Pavel met the Mirovian leader four times.',
     [(M, d(2015, 1, 1), d(2019, 12, 31))]),
    (d(2024, 6, 5), "The teachers' union and the ministry are in the third week of their wage talks.",
     [(R, d(2024, 5, 16), None)]),
    (d(2024, 6, 3), '"We are now in the fifth day of these talks and we are not leaving," the union leader told reporters on Monday.',
     [(R, d(2024, 5, 30), (None, d(2024, 6, 3)))]),
    # ordinals of other periods, of a visit, of the end; a truce told by the day or week it has run to
    (d(2025, 9, 14), 'In the second week of August, the two sides met in Vell.',
     [(M, d(2025, 8, 1), d(2025, 8, 31))]),
    (d(2025, 9, 14), 'The talks ended on their fifth day without a deal.',
     [(R, None, d(2025, 9, 14))]),
    (d(2025, 9, 14), 'On the third day of his visit, the envoy met the rebel leaders in Dara.',
     [(M, None, d(2025, 9, 14))]),
    (d(2025, 9, 14), 'The ceasefire in Dara, now in its second week, is largely holding.',
     [(C, d(2025, 9, 1), None)]),
    (d(2025, 9, 14), 'The truce entered its fourth day on Sunday with sporadic violations.',
     [(C, d(2025, 9, 11), None)]),
    (d(2025, 9, 14), 'Brenco and Talvex said merger talks had entered a final phase.',
     [(R, None, (None, d(2025, 9, 14)))]),
    (d(2025, 4, 7), 'Port strike talks enter 15th day',
     [(R, d(2025, 3, 24), (None, d(2025, 4, 7)))]),
    (d(2025, 4, 7), 'Talks between the nurses and the health board, which have now entered their fourth week, resumed on Monday.',
     [(R, d(2025, 3, 11), (None, d(2025, 4, 7)))]),
    (d(2025, 4, 5), "The creditors' talks with Orlo ran into a ninth day on Saturday.",
     [(R, d(2025, 3, 28), (None, d(2025, 4, 5)))]),
    (d(2025, 4, 5), 'Wage talks broke down for the second time this week on Friday.',
     [(R, None, d(2025, 4, 4))]),
    (d(2025, 4, 5), 'After a truce agreed late last month broke down, shelling resumed.',
     [(C, d(2025, 3, 1), (None, d(2025, 3, 31), d(2025, 4, 5)))]),
    # bare talks a subject held (senses.held_by_someone)
    (d(2026, 3, 11), 'Kastel and Mirovia held talks on the border.',
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), 'Kastel and Mirovia held talks on the border in Vell.',
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), "Kastel and Mirovia held talks in Vell during Pavel's presidency.",
     [(R, None, d(2026, 3, 11))]),
    (d(2026, 3, 11), 'During the Pavel presidency, Kastel and Mirovia held talks in Vell.',
     [(R, None, d(2026, 3, 11))]),
]

#: Kinds still wrong: no event is found for talks told in "on the fifth day of talks"
#: (the triggers' and the precision stage's business); talks held during a presidency
#: told with no end keep the publication day as their end; the end of a presidency told after it does not bound the talks
#: held during it; talks counted in months ("went into a second month") keep the day told.
GAPS = [
    (d(2025, 4, 5), "Kastel's coalition talks went into a second month on Saturday.",
     [(R, None, (None, d(2025, 4, 5)))]),  # a month counted: not yet read
    (d(2025, 9, 17), 'Trade negotiators of Selvania and Qaran are entering their second week of talks in Vell.',
     [(R, d(2025, 9, 10), (None, d(2025, 9, 17)))]),
    (d(2026, 3, 10), 'On the fifth day of talks, the mediator presented a new draft to the rebel delegation.',
     [(R, d(2026, 3, 6), (None, d(2026, 3, 10)))]),
    (d(2026, 3, 11), "During Pavel's presidency, the two countries held talks on the border.",
     [(R, None, None)]),
    (d(2026, 3, 11), "The two countries held talks on the border during Pavel's presidency.",
     [(R, None, None)]),
    (d(2026, 3, 11), 'Kastel and Mirovia held talks on the border during the presidency of Ondrej Pavel.',
     [(R, None, None)]),
    (d(2026, 3, 11), "Kastel and Mirovia held talks in Vell during Pavel's presidency, which ended in 2019.",
     [(R, None, d(2019, 12, 31))]),
]


def _check(x, expected):
    for kind, begin, end in expected:
        ends = end if isinstance(end, tuple) else (end,)
        got = [bounds(e) for e in x.events if e.kind == kind or {e.kind, kind} <= MEETINGS]
        assert any(b == begin and e in ends for b, e in got), (kind, got, [(e.kind, e.label) for e in x.events])


@pytest.mark.parametrize("published,text,expected", CASES, ids=[c[1][:48] for c in CASES])
def test_probe_dates(run_on, published, text, expected):
    _check(run_on(text, published), expected)


@pytest.mark.xfail(strict=True, reason="no event found, a presidency's end not read as a bound, or months not counted")
@pytest.mark.parametrize("published,text,expected", GAPS, ids=[c[1][:48] for c in GAPS])
def test_probe_gaps(run_on, published, text, expected):
    _check(run_on(text, published), expected)


@pytest.mark.parametrize("published,text,word,value", [
    (d(2026, 3, 11), "Mediators have now set Monday as the new deadline for a deal on the hostages.", "Monday", "2026-03-16"),
    (d(2026, 3, 11), "The deadline is Friday, the union said.", "Friday", "2026-03-13"),
    (d(2026, 3, 11), "The new deadline for the creditors is Monday.", "Monday", "2026-03-16"),
    (d(2026, 3, 12), "Both sides now face a Sunday deadline to extend the truce.", "Sunday", "2026-03-15"),
    (d(2026, 3, 12), "Monday is the deadline for the union's reply.", "Monday", "2026-03-16"),
    (d(2026, 3, 12), "The deadline for the talks has been extended to Monday.", "Monday", "2026-03-16"),
    (d(2026, 3, 12), "The truce expires Monday, and talks on its extension are under way.", "Monday", "2026-03-16"),
    (d(2025, 11, 6), "The creditors have set Tuesday as a final deadline for Orlo's reply.", "Tuesday", "2025-11-11"),
    (d(2025, 11, 6), "The deadline remains Monday, a spokeswoman for the mediators said.", "Monday", "2025-11-10"),
    (d(2025, 11, 6), "The deadline for the hostage deal is now Saturday.", "Saturday", "2025-11-08"),
    (d(2024, 6, 3), "The mediators have set Thursday as the deadline for both parties to sign.", "Thursday", "2024-06-06"),
    (d(2024, 6, 1), "Kastel gives Mirovia a Tuesday deadline on border deal", "Tuesday", "2024-06-04"),
    # told in the past, behind
    (d(2026, 3, 12), "The union missed a Monday deadline to reply.", "Monday", "2026-03-09"),
    (d(2026, 3, 12), "Monday was the deadline for the union's reply.", "Monday", "2026-03-09"),
    (d(2026, 3, 12), "The deadline expired on Monday without a deal.", "Monday", "2026-03-09"),
    (d(2026, 3, 12), "The deadline was Monday, but no reply came.", "Monday", "2026-03-09"),
    (d(2025, 11, 6), "A Monday deadline passed without a reply.", "Monday", "2025-11-03"),
    (d(2025, 11, 6), "Deadline passed on Monday without a deal.", "Monday", "2025-11-03"),
    (d(2025, 11, 6), "The ultimatum, which expires Sunday, was issued on Monday.", "Sunday", "2025-11-09"),
    (d(2025, 11, 6), "The mediators said Monday that the deadline is Friday.", "Friday", "2025-11-07"),
])
def test_a_deadline_told_in_the_present_lies_ahead(published, text, word, value):
    """A weekday told as a deadline in the present or the perfect is the next one."""
    from kg.extract.timex import find_timexes

    assert [t.timex for t in find_timexes(text, published) if t.text == word] == [value]
