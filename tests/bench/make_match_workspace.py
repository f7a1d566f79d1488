#!/usr/bin/env python3
"""Writes a realistic, invented workspace for benchmarking `tandem match`.

usage: make_match_workspace.py DIR INTERNATIONAL DOMESTIC OPENINGS [SEED]

One term (May to August 2024). International students bring a home market
and its language plus English; domestic students bring Finnish, English and
often Swedish; openings ask for a market language, often Finnish, a field and
a few skills, as the Export Expert companies did. Deterministic for a seed.
"""
import os
import random
import sys

MARKETS = [  # market, its language
    ("DE", "de"), ("SE", "sv"), ("RU", "ru"), ("VN", "vi"), ("NG", "en"), ("CN", "zh"),
    ("ES", "es"), ("FR", "fr"), ("EE", "et"), ("IN", "hi"), ("BR", "pt"), ("JP", "ja"),
    ("PL", "pl"), ("NO", "no"), ("US", "en"), ("TR", "tr"),
]
SKILLS = ["sales", "crm", "sap", "cad", "marketing", "logistics", "excel", "python", "plc",
          "translation", "social-media", "purchasing", "quality", "welding", "accounting",
          "customer-service", "presentation", "research", "design", "negotiation"]
TOWNS = ["Kokkola", "Pietarsaari", "Kannus", "Kaustinen", "Vaasa", "Oulu", "Ylivieska", "Seinäjoki"]
LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "native"]


def pick(r, weighted):
    total = sum(w for _, w in weighted)
    x = r.uniform(0, total)
    for value, w in weighted:
        x -= w
        if x <= 0:
            return value
    return weighted[-1][0]


def main():
    folder, n_int, n_dom, n_open = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    r = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "tandem.yaml"), "w") as f:
        f.write("project: {name: Match benchmark, start: 2024-01-01, end: 2024-12-31}\n"
                "terms:\n  - {id: summer-2024, start: 2024-01-01, end: 2024-08-31}\n")

    company_count = max(1, n_open * 2 // 3)
    company_ids = [f"c{n:05d}" for n in range(company_count)]
    opening_ids = [f"o{n:05d}" for n in range(n_open)]

    with open(os.path.join(folder, "students.csv"), "w") as f:
        f.write("id,first_name,last_name,email,group,field,languages,finnish_certified,home_country,"
                "markets,skills,municipality,available_from,available_to,preferences\n")
        for n in range(n_int + n_dom):
            international = n < n_int
            sid = f"s{n:06d}"
            field = pick(r, [("business", 50), ("engineering", 40), ("other", 10)])
            if international:
                home, language = r.choice(MARKETS)
                langs = {language: "native", "en": pick(r, [("B1", 1), ("B2", 3), ("C1", 4), ("C2", 1)])}
                if language == "en":
                    langs["en"] = "native"
                if r.random() < 0.4:
                    langs["fi"] = pick(r, [("A1", 3), ("A2", 3), ("B1", 2), ("B2", 1)])
                certified = pick(r, [("B1", 1), ("A2", 2)]) if r.random() < 0.1 else ""
                markets = [home] + [m for m, _ in r.sample(MARKETS, r.randint(0, 2))]
            else:
                home = "FI"
                langs = {"fi": "native", "en": pick(r, [("B1", 2), ("B2", 4), ("C1", 3)])}
                if r.random() < 0.6:
                    langs["sv"] = pick(r, [("A2", 2), ("B1", 3), ("B2", 2), ("native", 1)])
                if r.random() < 0.15:
                    langs[r.choice(["de", "ru", "es", "fr"])] = pick(r, [("A2", 1), ("B1", 2), ("B2", 1)])
                certified = ""
                markets = [m for m, _ in r.sample(MARKETS, r.randint(0, 1))]
            skills = sorted(r.sample(SKILLS, r.randint(1, 4)))
            available_from = available_to = ""
            if r.random() < 0.2:
                available_from = f"2024-0{r.randint(5, 6)}-{r.randint(1, 28):02d}"
            if r.random() < 0.15:
                available_to = f"2024-0{r.randint(7, 8)}-{r.randint(1, 28):02d}"
            preferences = ""
            if r.random() < 0.3:
                preferences = ";".join(r.sample(opening_ids + company_ids, r.randint(1, 3)))
            f.write(",".join([
                sid, "Test", f"Student{n}", f"{sid}@example.fi",
                "international" if international else "domestic", field,
                ";".join(f"{k}:{v}" for k, v in sorted(langs.items())), certified, home,
                ";".join(sorted(set(markets))), ";".join(skills), r.choice(TOWNS),
                available_from, available_to, preferences]) + "\n")

    openings_of = {c: [] for c in company_ids}
    for n, oid in enumerate(opening_ids):
        openings_of[company_ids[n % company_count]].append(oid)
    all_students = [f"s{n:06d}" for n in range(n_int)]
    with open(os.path.join(folder, "companies.yaml"), "w") as f:
        f.write("companies:\n")
        for n, cid in enumerate(company_ids):
            markets = r.sample(MARKETS, r.randint(1, 3))
            f.write(f"  - id: {cid}\n    name: Company {n} Oy\n    business_id: 2451398-6\n"
                    f"    municipality: {r.choice(TOWNS)}\n"
                    f"    target_markets: [{', '.join(m for m, _ in markets)}]\n"
                    f"    working_languages: [fi, en]\n")
            if r.random() < 0.1:
                f.write(f"    preferences: [{', '.join(r.sample(all_students, min(3, len(all_students))))}]\n")
            f.write("    openings:\n")
            for oid in openings_of[cid]:
                kind = pick(r, [("tandem", 40), ("either", 40), ("solo", 20)])
                field = pick(r, [("business", 45), ("engineering", 35), ("any", 20)])
                market, language = r.choice(markets)
                start_month = r.randint(5, 6)
                f.write(f"      - id: {oid}\n        kind: {kind}\n        field: {field}\n"
                        f"        markets: [{market}]\n"
                        f"        skills: [{', '.join(r.sample(SKILLS, r.randint(1, 3)))}]\n"
                        f"        start: 2024-0{start_month}-{r.randint(1, 28):02d}\n"
                        f"        end: 2024-0{start_month + 2}-{r.randint(1, 28):02d}\n"
                        f"        slots: {pick(r, [(1, 80), (2, 20)])}\n")
                if r.random() < 0.5 and language not in ("fi",):
                    f.write(f"        languages: {{{language}: {pick(r, [('B1', 1), ('B2', 2)])}}}\n")
                if kind != "solo" and r.random() < 0.5:
                    f.write(f"        finnish: {pick(r, [('B1', 2), ('B2', 1)])}\n")


main()
