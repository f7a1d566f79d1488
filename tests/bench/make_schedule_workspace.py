#!/usr/bin/env python3
"""Writes an invented workspace for benchmarking `tandem schedule`: PLACEMENTS
placements (each in its own opening, a third of them proposed, the rest
confirmed, started or completed) and EVENTS events over 2024-2025, half of them
with registrations. Deterministic for a seed.

usage: make_schedule_workspace.py DIR PLACEMENTS EVENTS [SEED]
"""
import datetime
import os
import random
import sys

KINDS = ["workshop", "seminar", "recruitment_event", "info_session", "other"]
AUDIENCES = ["international", "domestic", "students", "companies", "all"]


def business_id(number):
    """A Finnish Business ID with its mod-11 check digit, from a 7-digit number (None when it has none)."""
    digits = f"{number:07d}"
    remainder = sum(int(d) * w for d, w in zip(digits, [7, 9, 10, 5, 8, 4, 2])) % 11
    if remainder == 1:
        return None
    return f"{digits}-{0 if remainder == 0 else 11 - remainder}"


def main():
    folder, placements, events = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    r = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    os.makedirs(folder, exist_ok=True)
    first = datetime.date(2024, 1, 8)
    with open(os.path.join(folder, "tandem.yaml"), "w") as f:
        f.write("project:\n  name: Schedule benchmark\n  code: BENCH\n  start: 2024-01-01\n"
                "  end: 2025-12-31\nterms:\n  - {id: 2024, start: 2024-01-01, end: 2024-12-31}\n"
                "  - {id: 2025, start: 2025-01-01, end: 2025-12-31}\nreminders:\n"
                "  from: \"Career Services <career@example.fi>\"\n  staff: [\"coordinator@example.fi\"]\n"
                "schedule:\n  closed_days: [2024-12-27, 2025-12-29]\n")
    domestic = placements * 2 // 3
    with open(os.path.join(folder, "students.csv"), "w") as f:
        f.write("id,first_name,last_name,email,group,field,languages,joined\n")
        for i in range(placements):
            f.write(f"i{i},Intl{i},Student,i{i}@example.fi,international,business,en:C1,2024-01-01\n")
        for i in range(domestic):
            f.write(f"d{i},Dom{i},Student,d{i}@example.fi,domestic,business,fi:native;en:B2,2024-01-01\n")
    starts = []
    with open(os.path.join(folder, "companies.yaml"), "w") as f:
        f.write("companies:\n")
        per_company = 5
        numbers = (n for n in range(1000000, 9999999) if business_id(n))
        for c in range((placements + per_company - 1) // per_company):
            f.write(f"  - id: c{c}\n    name: Company {c} Oy\n    business_id: {business_id(next(numbers))}\n"
                    f"    contact: {{name: Contact {c}, email: contact{c}@company{c}.example.fi}}\n    openings:\n")
            for o in range(c * per_company, min(placements, (c + 1) * per_company)):
                start = first + datetime.timedelta(weeks=r.randrange(0, 90))
                end = start + datetime.timedelta(weeks=r.choice([8, 10, 12, 16]), days=-3)
                starts.append((start, end, c))
                f.write(f"      - {{id: o{o}, kind: either, field: any, start: {start}, end: {end}}}\n")
    with open(os.path.join(folder, "placements.csv"), "w") as f:
        f.write("id,opening_id,company_id,international_id,domestic_id,start,end,status,score,note\n")
        for p, (start, end, c) in enumerate(starts):
            status = r.choice(["proposed", "confirmed", "started", "completed"])
            partner = f"d{p}" if p < domestic else ""
            f.write(f"p{p},o{p},c{c},i{p},{partner},{start},{end},{status},,\n")
    with open(os.path.join(folder, "events.yaml"), "w") as f, \
            open(os.path.join(folder, "attendance.csv"), "w") as a:
        f.write("events:\n")
        a.write("event_id,student_id,company_id\n")
        for e in range(events):
            day = first + datetime.timedelta(days=r.randrange(0, 700))
            f.write(f"  - id: e{e}\n    kind: {r.choice(KINDS)}\n    title: Event {e}, part {e % 7}\n")
            if e % 5 == 0:
                f.write(f"    start: {day}\n")
            else:
                hour = r.choice([9, 10, 12, 14, 16])
                f.write(f"    start: {day}T{hour:02}:00\n    end: {day}T{hour + 2:02}:00\n")
            f.write(f"    location: Campus room {e % 40}\n    audience: {r.choice(AUDIENCES)}\n")
            if e % 2 == 0:
                for k in r.sample(range(placements), 5):
                    a.write(f"e{e},i{k},\n")


if __name__ == "__main__":
    main()
