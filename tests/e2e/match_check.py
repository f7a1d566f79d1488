"""Checks a `tandem match --format json` plan against its `--scores` table,
independently of tandem: the JSON has cli.md's shape, every placement is a row
of the table with that score, nobody is placed twice, no opening is over its
free slots, `objective` is the sum of the scores, and no plan over the table
places more international students or, placing as many, scores more (every
plan is enumerated, so keep the table small).

usage: match_check.py PLAN.json SCORES.csv OPENING=FREE_SLOTS ...
"""
import csv
import itertools
import json
import sys


def main():
    plan = json.load(open(sys.argv[1]))
    rows = list(csv.DictReader(open(sys.argv[2], newline="")))
    free = {name: int(slots) for name, slots in (arg.split("=") for arg in sys.argv[3:])}

    for key in ("method", "objective", "optimal", "bound", "placements", "unplaced"):
        assert key in plan, key
    table = {(r["international_id"], r["domestic_id"], r["opening_id"]): float(r["score"]) for r in rows}

    used = {}
    people = set()
    total = 0.0
    for p in plan["placements"]:
        key = (p["international_id"], p["domestic_id"] or "", p["opening_id"])
        assert key in table, key
        assert p["score"] == table[key], (p["score"], table[key])
        for person in (p["international_id"], p["domestic_id"]):
            if person:
                assert person not in people, person
                people.add(person)
        used[p["opening_id"]] = used.get(p["opening_id"], 0) + 1
        assert used[p["opening_id"]] <= free[p["opening_id"]], p["opening_id"]
        total += p["score"]
    assert abs(plan["objective"] - total) < 1e-9, (plan["objective"], total)

    best = (0, 0.0)
    keys = list(table)
    for size in range(len(keys) + 1):
        for chosen in itertools.combinations(keys, size):
            people_in = [x for k in chosen for x in (k[0], k[1]) if x]
            slots = {}
            for k in chosen:
                slots[k[2]] = slots.get(k[2], 0) + 1
            if len(people_in) != len(set(people_in)):
                continue
            if any(n > free[o] for o, n in slots.items()):
                continue
            value = (len(chosen), sum(table[k] for k in chosen))
            if value[0] > best[0] or (value[0] == best[0] and value[1] > best[1] + 1e-9):
                best = value
    assert len(plan["placements"]) == best[0], (len(plan["placements"]), best)
    assert abs(total - best[1]) < 1e-9, (total, best)
    print("ok")


main()
