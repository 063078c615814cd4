#!/usr/bin/env python3
"""Write a synthetic AllianceRules event history (.events) for benchmarks.

Uses the vocabulary of rules/cst.treaty (attack, assist, consult, request) and
is built so that every rule of treaty CST fires many times at any size:

  CST.art4          a non-member attacks ARM, RUS or UZB before 2010-12-10
  CST.art4-request  from 2010-12-10 the victim then requests CSTO article="4"
                    within 30 days of the attack
  CST.art1          one member attacks another (forbidden, always violated)

An attack on a member is an "episode": with some probability the victim files
a request a few days later, and each ally answers with an assist 0-45 days
later (late answers violate, early ones fulfil). How willing an ally is depends
on (ally, victim, year) and is drawn once from the seed, so some pairs ignore
each other for a whole year: defence obligations are violated at every size,
not only in sparse histories. Instances near the end of the history stay
pending (the horizon is the last event unless --as-of is given); one last,
unanswered attack and request, 12 and 8 days before --end, make sure of it.
Everything else is background traffic among a pool of 40 ISO codes:
consultations, attacks between non-members, stray assists and requests. At
10^6 events the lines are about 41% consult, 27% attacks between non-members,
9% attacks on members, 8% requests, 14% assists, 2% attacks between members.

The same options and seed always give the same file, byte for byte.

Options:
  --events N     number of event lines to write (required)
  --out FILE     output path (default: standard output)
  --seed S       random seed (default: 1)
  --start DATE   first possible event date (default: 1994-01-01)
  --end DATE     last possible event date (default: 2024-12-31)
  --shuffle      write the lines in random order instead of date order
                 (the report must not change: language.md section 5)
  --as-of DATE   also write an 'as of DATE' line (default: none, so the
                 horizon is the date of the last event)

Example:
  python3 bench/generate.py --events 100000 --seed 7 --out bench/out/h.events
"""

import argparse
import datetime as dt
import random
import sys

MEMBERS = ["ARM", "RUS", "UZB"]
OTHERS = [
    "AZE", "GEO", "UKR", "TUR", "IRN", "KAZ", "KGZ", "TJK", "BLR", "MDA",
    "AFG", "CHN", "USA", "GBR", "FRA", "DEU", "POL", "LTU", "LVA", "EST",
    "FIN", "SWE", "NOR", "ROU", "BGR", "GRC", "SYR", "IRQ", "ISR", "PAK",
    "IND", "MNG", "PRK", "KOR", "JPN", "TKM", "SRB",
]
POOL = MEMBERS + OTHERS  # 40 parties
# Aggressors against members: neighbours are likelier.
AGGRESSORS = ["AZE"] * 6 + ["GEO"] * 3 + ["UKR"] * 3 + ["AFG"] * 3 + ["TUR", "TJK", "KGZ", "USA", "SYR", "POL"]

DESCRIPTIONS = {
    "attack": ["Shelling across the border", "Artillery fire on border villages", "Drone strike on a military post",
               "Incursion by armed units", 'Raid described as "a provocation"'],
    "assist": ["Delivery of air-defence systems", "Peacekeepers deployed", "Military advisers sent"],
    "consult": ["Talks between foreign ministers", "Joint statement after a summit", "Emergency session of the Council"],
    "request": ["Appeal under Article 4", "Letter to the Secretary General"],
}
SOURCES = ["TASS", "Reuters", "AFP", "RFE/RL", "Interfax", "ACLED", "ICEWS"]

# Share of episodes by kind (each episode writes one or more lines).
EPISODES = [
    ("consult", 36),
    ("attack_background", 26),
    ("attack_member", 9),
    ("attack_between_members", 2),
    ("assist_stray", 8),
    ("request_stray", 2),
    ("consult_csto", 4),
]


def parse_date(text):
    return dt.date.fromisoformat(text)


class Generator:
    def __init__(self, seed, start, end):
        self.seed = seed
        self.rng = random.Random(seed)
        self.start = start
        self.end = end
        self.days = (end - start).days + 1
        self.kinds = [k for k, _ in EPISODES]
        self.weights = [w for _, w in EPISODES]
        # Willingness of an ally to assist a victim in a given year (drawn lazily, deterministically).
        self.willingness = {}

    def willing(self, ally, victim, year):
        key = (ally, victim, year)
        if key not in self.willingness:
            r = random.Random(f"{ally}-{victim}-{year}-{self.seed}").random()
            self.willingness[key] = 0.0 if r < 0.3 else (0.15 if r < 0.6 else 0.7)
        return self.willingness[key]

    def date(self):
        return self.start + dt.timedelta(days=self.rng.randrange(self.days))

    def after(self, date, lo, hi):
        d = date + dt.timedelta(days=self.rng.randint(lo, hi))
        return d if d <= self.end else None

    def other(self, exclude):
        while True:
            p = self.rng.choice(POOL)
            if p != exclude:
                return p

    def decorate(self, verb, attrs=None, description_p=0.3):
        rng = self.rng
        parts = list(attrs or [])
        if rng.random() < 0.2:
            parts.append('source="%s"' % rng.choice(SOURCES))
        if rng.random() < 0.1:
            parts.append("confidence=%d" % rng.randint(1, 5))
        text = ""
        if rng.random() < description_p:
            d = rng.choice(DESCRIPTIONS[verb]).replace("\\", "\\\\").replace('"', '\\"')
            text = '"%s"' % d
        return parts, text

    def line(self, date, actor, verb, target, attrs=None):
        parts, text = self.decorate(verb, attrs)
        fields = [date.isoformat(), actor, verb, target] + parts
        if text:
            fields.append(text)
        return (date, " ".join(fields))

    def episode(self):
        rng = self.rng
        kind = rng.choices(self.kinds, self.weights)[0]
        d = self.date()
        if kind == "consult":
            a = rng.choice(POOL)
            yield self.line(d, a, "consult", self.other(a))
        elif kind == "consult_csto":
            yield self.line(d, rng.choice(POOL), "consult", "CSTO")
        elif kind == "attack_background":
            a = rng.choice(OTHERS)
            t = a
            while t == a:
                t = rng.choice(OTHERS)
            yield self.line(d, a, "attack", t)
        elif kind == "attack_between_members":
            a = rng.choice(MEMBERS)
            yield self.line(d, a, "attack", rng.choice([m for m in MEMBERS if m != a]))
        elif kind == "assist_stray":
            a = rng.choice(POOL)
            yield self.line(d, a, "assist", self.other(a))
        elif kind == "request_stray":
            yield self.line(d, rng.choice(POOL), "request", "CSTO", ['article="4"'] if rng.random() < 0.5 else None)
        else:  # attack_member: an episode with a request and answers
            victim = rng.choice(MEMBERS)
            yield self.line(d, rng.choice(AGGRESSORS), "attack", victim)
            if rng.random() < 0.6:
                r = self.after(d, 0, 40)  # after day 30 the request comes too late
                if r is not None:
                    yield self.line(r, victim, "request", "CSTO", ['article="4"'])
            for ally in MEMBERS:
                if ally != victim and rng.random() < self.willing(ally, victim, d.year):
                    a = self.after(d, 0, 45)  # after day 30 the assist is late
                    if a is not None:
                        yield self.line(a, ally, "assist", victim)

    def closing(self):
        """A last attack on a member and the victim's request, days before --end and never answered,
        so that some obligations are still pending at the horizon whatever the size."""
        attack = max(self.start, self.end - dt.timedelta(days=12))
        request = max(self.start, self.end - dt.timedelta(days=8))
        return [self.line(attack, "AZE", "attack", "ARM"),
                self.line(request, "ARM", "request", "CSTO", ['article="4"'])]

    def generate(self, n):
        lines = self.closing()[:n]
        while len(lines) < n:
            for item in self.episode():
                lines.append(item)
                if len(lines) == n:
                    break
        return lines


def main(argv=None):
    p = argparse.ArgumentParser(description="Write a synthetic .events history for the CST example rules.")
    p.add_argument("--events", type=int, required=True, help="number of event lines")
    p.add_argument("--out", help="output file (default: standard output)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument("--start", type=parse_date, default=dt.date(1994, 1, 1), help="first date (default: 1994-01-01)")
    p.add_argument("--end", type=parse_date, default=dt.date(2024, 12, 31), help="last date (default: 2024-12-31)")
    p.add_argument("--shuffle", action="store_true", help="write lines in random order")
    p.add_argument("--as-of", type=parse_date, help="write an 'as of' line with this date")
    args = p.parse_args(argv)
    if args.events < 0:
        p.error("--events must be >= 0")
    if args.end < args.start:
        p.error("--end is before --start")

    g = Generator(args.seed, args.start, args.end)
    lines = g.generate(args.events)
    if args.shuffle:
        g.rng.shuffle(lines)
    else:
        lines.sort(key=lambda x: x[0])  # stable: same-date lines keep their generation order

    out = open(args.out, "w", encoding="utf-8", newline="\n") if args.out else sys.stdout
    try:
        out.write("# Synthetic history for the CST example rules (bench/generate.py)\n")
        out.write("# events=%d seed=%d start=%s end=%s shuffle=%s\n"
                  % (args.events, args.seed, args.start, args.end, "yes" if args.shuffle else "no"))
        if args.as_of:
            out.write("as of %s\n" % args.as_of.isoformat())
        out.writelines(text + "\n" for _, text in lines)
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
