#!/usr/bin/env python3
"""Writes data-examples/: an invented workspace modelled on the Export Expert project
(Centria University of Applied Sciences, 2021-11-01..2023-10-31): 84 students who took
part, 56 companies, 11 tandem and 5 solo placements. Every name, id and address is
invented. Deterministic: the same script writes the same bytes.

Usage: scripts/make-example-data.py [OUT_DIR]   (default: data-examples)
"""
import csv
import datetime as dt
import io
import os
import random
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "data-examples"
rng = random.Random(20211101)

PROJECT_START = dt.date(2021, 11, 1)
PROJECT_END = dt.date(2023, 10, 31)

INTERNATIONAL = [  # home country, native language, first names, last names
    ("VN", "vi", ["Linh", "Minh", "Thao", "Huong", "Duc", "Trang"], ["Nguyen", "Tran", "Pham", "Le"]),
    ("NG", "yo", ["Chinedu", "Ngozi", "Tunde", "Aisha", "Emeka"], ["Okafor", "Adeyemi", "Bello", "Eze"]),
    ("NP", "ne", ["Sagar", "Anjali", "Bikash", "Sunita"], ["Shrestha", "Gurung", "Thapa", "Rai"]),
    ("RU", "ru", ["Daria", "Ivan", "Olga", "Pavel"], ["Smirnova", "Volkov", "Orlova", "Sokolov"]),
    ("CN", "zh", ["Wei", "Xiaoling", "Jun", "Mei"], ["Wang", "Li", "Zhang", "Chen"]),
    ("BD", "bn", ["Rahim", "Nusrat", "Tanvir", "Farhana"], ["Hossain", "Rahman", "Akter", "Islam"]),
    ("PK", "ur", ["Ayesha", "Bilal", "Hamza", "Sana"], ["Khan", "Malik", "Qureshi", "Raza"]),
    ("KE", "sw", ["Wanjiru", "Otieno", "Achieng", "Kamau"], ["Mwangi", "Odhiambo", "Njoroge", "Wekesa"]),
    ("GH", "ak", ["Kwame", "Ama", "Kofi", "Efua"], ["Mensah", "Owusu", "Boateng", "Asante"]),
    ("UA", "uk", ["Oksana", "Andrii", "Iryna", "Taras"], ["Kovalenko", "Shevchenko", "Bondar", "Melnyk"]),
    ("IN", "hi", ["Priya", "Arjun", "Divya", "Rohan"], ["Sharma", "Patel", "Iyer", "Reddy"]),
    ("BR", "pt", ["Camila", "Lucas", "Beatriz", "Rafael"], ["Silva", "Souza", "Oliveira", "Costa"]),
    ("DE", "de", ["Lena", "Jonas"], ["Schneider", "Fischer"]),
    ("ES", "es", ["Lucia", "Pablo"], ["Garcia", "Martinez"]),
]
DOMESTIC_FIRST = ["Aino", "Eetu", "Emma", "Joonas", "Helmi", "Onni", "Iida", "Ville", "Sanni",
                  "Lauri", "Venla", "Matias", "Elli", "Aleksi", "Pihla", "Juho", "Oona", "Niko",
                  "Siiri", "Teemu", "Ella", "Ossi", "Jenna", "Miro"]
DOMESTIC_LAST = ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine",
                 "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Saarinen", "Niemi",
                 "Björklund", "Sjöberg", "Kangas", "Ahola"]
MUNICIPALITIES = ["Kokkola", "Kokkola", "Kokkola", "Pietarsaari", "Kannus", "Kaustinen", "Vaasa",
                  "Ylivieska"]
BUSINESS_PROGRAMMES = ["Bachelor of Business Administration, International Business",
                       "Tradenomi, liiketalous"]
ENGINEERING_PROGRAMMES = ["Bachelor of Engineering, Environmental Chemistry and Technology",
                          "Bachelor of Engineering, Information Technology",
                          "Insinööri, konetekniikka"]
SKILLS = {"business": ["sales", "crm", "marketing", "sap", "excel", "customer-service",
                       "social-media", "market-research"],
          "engineering": ["cad", "python", "automation", "sap", "quality", "chemistry",
                          "project-management", "technical-writing"]}
MARKETS_NEAR = {"VN": ["VN", "TH"], "NG": ["NG", "GH"], "NP": ["NP", "IN"], "RU": ["RU", "KZ"],
                "CN": ["CN", "HK"], "BD": ["BD", "IN"], "PK": ["PK", "AE"], "KE": ["KE", "TZ"],
                "GH": ["GH", "NG"], "UA": ["UA", "PL"], "IN": ["IN", "AE"], "BR": ["BR", "PT"],
                "DE": ["DE", "AT"], "ES": ["ES", "MX"]}


def date(d):
    return d.isoformat()


def days(n):
    return dt.timedelta(days=n)


def business_id(seed_digits):
    weights = [7, 9, 10, 5, 8, 4, 2]
    while True:
        digits = [int(c) for c in seed_digits]
        r = sum(d * w for d, w in zip(digits, weights)) % 11
        if r != 1:
            return "%s-%d" % (seed_digits, 0 if r == 0 else 11 - r)
        seed_digits = "%07d" % ((int(seed_digits) + 1) % 10_000_000)


def slug(text):
    table = str.maketrans("äöåÄÖÅ", "aoaAOA")
    return "".join(c if c.isalnum() else "-" for c in text.translate(table).lower()).strip("-")


def random_date(first, last):
    return first + days(rng.randrange((last - first).days + 1))


# ---------------------------------------------------------------- students
students = []
used_names = set()


def unique_name(first_names, last_names):
    while True:
        name = (rng.choice(first_names), rng.choice(last_names))
        if name not in used_names:
            used_names.add(name)
            return name


for i in range(60):
    country, native, firsts, lasts = INTERNATIONAL[i % len(INTERNATIONAL)]
    first, last = unique_name(firsts, lasts)
    field = "business" if i % 5 in (0, 1, 3) else "engineering"
    fi_level = rng.choice(["A1", "A2", "A2", "B1"])
    languages = ["en:%s" % rng.choice(["B2", "C1", "C1", "C2"]), "fi:%s" % fi_level,
                 "%s:native" % native]
    if i % 6 == 0:
        languages.append("sv:A2")
    joined = random_date(PROJECT_START, dt.date(2023, 3, 31))
    students.append({
        "id": "s%d" % (22001 + i), "first_name": first, "last_name": last,
        "email": "%s.%s@edu.example.fi" % (slug(first), slug(last)),
        "group": "international", "field": field,
        "programme": rng.choice(BUSINESS_PROGRAMMES if field == "business" else ENGINEERING_PROGRAMMES),
        "study_year": str(rng.choice([2, 3, 3, 3, 4])) if i % 10 else "",
        "status": "graduated" if i % 10 == 0 else "student",
        "gender": rng.choice(["female", "female", "male", "male", "other", "undisclosed"]) if i % 7 else "",
        "birth_year": str(rng.randrange(1990, 2003)) if i % 11 else "",
        "languages": ";".join(languages),
        "finnish_certified": fi_level if i % 4 == 0 else "",
        "home_country": country, "citizenship": country,
        "markets": ";".join(MARKETS_NEAR[country]),
        "skills": ";".join(rng.sample(SKILLS[field], 3)),
        "municipality": rng.choice(MUNICIPALITIES),
        "available_from": date(joined + days(30)), "available_to": date(PROJECT_END),
        "preferences": "",
        "employment_status": rng.choice(["inactive"] * 6 + ["unemployed", "employed"]),
        "education": rng.choice(["isced3-4", "isced3-4", "isced5-8"]),
        "foreign_background": "", "disability": "no" if i % 9 else "undisclosed",
        "joined": date(joined), "left": "", "share_profile": rng.choice(["yes", "no"]),
    })

for i in range(24):
    first, last = unique_name(DOMESTIC_FIRST, DOMESTIC_LAST)
    field = "business" if i % 2 else "engineering"
    joined = random_date(PROJECT_START, dt.date(2023, 3, 31))
    students.append({
        "id": "s%d" % (23001 + i), "first_name": first, "last_name": last,
        "email": "%s.%s@edu.example.fi" % (slug(first), slug(last)),
        "group": "domestic", "field": field,
        "programme": rng.choice(BUSINESS_PROGRAMMES if field == "business" else ENGINEERING_PROGRAMMES),
        "study_year": str(rng.choice([2, 3, 3, 4])), "status": "student",
        "gender": rng.choice(["female", "male", "male", "female", "undisclosed"]),
        "birth_year": str(rng.randrange(1996, 2004)),
        "languages": "fi:native;sv:%s;en:%s" % (rng.choice(["A2", "B1", "B2"]), rng.choice(["B2", "C1"])),
        "finnish_certified": "", "home_country": "FI", "citizenship": "FI",
        "markets": ";".join(rng.sample(["FI", "SE", "NO", "DE", "EE"], 2)),
        "skills": ";".join(rng.sample(SKILLS[field], 2)),
        "municipality": rng.choice(MUNICIPALITIES),
        "available_from": date(joined + days(30)), "available_to": date(PROJECT_END),
        "preferences": "", "employment_status": "inactive", "education": "isced3-4",
        "foreign_background": "", "disability": "no",
        "joined": date(joined), "left": "", "share_profile": "yes",
    })

# ---------------------------------------------------------------- companies
COMPANY_NAMES = [
    ("Kokkola Steel", "manufacturing", "small"), ("Hopea Chemicals", "chemicals", "medium"),
    ("Perho Timber", "wood products", "small"), ("Laajalahti Marine", "boat building", "micro"),
    ("Kalajoki Foods", "food", "small"), ("Öja Automation", "automation", "small"),
    ("Ykspihlaja Logistics", "logistics", "medium"), ("Tankar Software", "software", "micro"),
    ("Kaustinen Folk Instruments", "musical instruments", "micro"), ("Lohtaja Berries", "food", "micro"),
    ("Vitsari Engineering", "engineering services", "small"), ("Kannus Metal Works", "metal", "small"),
    ("Jakobstad Packaging", "packaging", "medium"), ("Pännäinen Plastics", "plastics", "small"),
    ("Larsmo Boats", "boat building", "small"), ("Vaasa Grid Solutions", "energy technology", "medium"),
    ("Ylivieska Agritech", "agricultural machinery", "small"), ("Kruunupyy Design", "furniture", "micro"),
    ("Halkokari Water", "water treatment", "small"), ("Rummelö Electronics", "electronics", "small"),
    ("Villa Elba Tourism", "tourism", "micro"), ("Toholampi Log Homes", "construction", "small"),
    ("Veteli Fur Design", "fashion", "micro"), ("Lestijärvi Honey", "food", "micro"),
    ("Pohjanmaa Battery Materials", "battery chemicals", "large"), ("Kokkola Cleaning Services", "cleaning", "small"),
    ("Satama Freight", "logistics", "small"), ("Nivala Machine", "machinery", "medium"),
    ("Himanka Fish", "food", "micro"), ("Rautio Robotics", "automation", "micro"),
    ("Kälviä Care", "care services", "small"), ("Ullava Woodcraft", "wood products", "micro"),
    ("Oravais Textiles", "textiles", "small"), ("Vörå Organic", "food", "micro"),
    ("Kristinestad Wind", "energy", "small"), ("Alavieska Dairy", "food", "medium"),
    ("Sievi Boots", "footwear", "large"), ("Kokkola Game Studio", "software", "micro"),
    ("Pietarsaari Paper Tech", "paper machinery", "medium"), ("Kaustby Bakery", "food", "micro"),
    ("Central Ostrobothnia Health Tech", "health technology", "small"), ("Kannus Transport", "logistics", "small"),
    ("Nykarleby Yachts", "boat building", "small"), ("Kronoby Glass", "glass", "micro"),
    ("Kokkola Language Services", "translation", "micro"), ("Vaasa Export Consulting", "consulting", "micro"),
    ("Ylivieska Steel Structures", "metal", "medium"), ("Jakobstad Cosmetics", "cosmetics", "small"),
    ("Perho Forest Services", "forestry", "micro"), ("Kokkola Event Technology", "event services", "micro"),
    ("Teerijärvi Smoked Fish", "food", "micro"), ("Kaustinen Wood Pellets", "energy", "small"),
    ("Kokkola Industrial Park Services", "industrial services", "medium"), ("Lappajärvi Crater Tours", "tourism", "micro"),
    ("Vaasa Marine Engines", "engines", "large"), ("Finnish SAP User Association", "association", "micro"),
]
assert len(COMPANY_NAMES) == 56
MARKETS = ["SE", "NO", "DE", "EE", "PL", "NL", "GB", "US", "CN", "VN", "NG", "IN", "AE", "BR", "UA", "KE"]
companies = []
for i, (name, sector, size) in enumerate(COMPANY_NAMES):
    municipality = MUNICIPALITIES[i % len(MUNICIPALITIES)]
    suffix = " ry" if name.endswith("Association") else (" Ab" if municipality == "Pietarsaari" else " Oy")
    contact_first = rng.choice(DOMESTIC_FIRST)
    contact_last = rng.choice(DOMESTIC_LAST)
    company_slug = slug(name)
    companies.append({
        "id": company_slug, "name": name + suffix,
        "business_id": business_id("%07d" % rng.randrange(1_000_000, 3_300_000)),
        "municipality": municipality, "size": size, "sector": sector,
        "contact": {"name": "%s %s" % (contact_first, contact_last),
                    "email": "%s.%s@%s.example.fi" % (slug(contact_first), slug(contact_last), company_slug),
                    "phone": "+358 40 %07d" % rng.randrange(10**6, 10**7)},
        "target_markets": rng.sample(MARKETS, 3), "working_languages": ["fi", "en"] if i % 3 else ["fi", "sv", "en"],
        "joined": date(random_date(PROJECT_START, dt.date(2023, 6, 30))),
        "openings": [],
    })
# Two sites of one company share a Business ID: reports count them once, and so
# the 56 entries above are 56 Business IDs; the extra site below makes 57 entries.
companies.append(dict(companies[6], id="ykspihlaja-logistics-vaasa",
                      name="Ykspihlaja Logistics Oy, Vaasa terminal", municipality="Vaasa",
                      joined=companies[6]["joined"], openings=[]))

# ---------------------------------------------------------------- placements
international = [s for s in students if s["group"] == "international"]
domestic = [s for s in students if s["group"] == "domestic"]
placements = []
PLACEMENT_TERMS = [(dt.date(2022, 5, 9), dt.date(2022, 8, 12)), (dt.date(2022, 9, 5), dt.date(2022, 12, 9)),
                   (dt.date(2023, 1, 16), dt.date(2023, 4, 21)), (dt.date(2023, 5, 8), dt.date(2023, 8, 11))]
TITLES = {"business": ["Export assistant", "Market research trainee", "Sales trainee"],
          "engineering": ["Export engineering trainee", "Technical sales trainee", "Product documentation trainee"]}
placed_companies = rng.sample(range(56), 16)
for n in range(16):
    tandem = n < 11
    start, end = PLACEMENT_TERMS[n % len(PLACEMENT_TERMS)]
    intl = next(s for s in international
                if dt.date.fromisoformat(s["joined"]) + days(30) <= start and "placed" not in s
                and (not tandem or "en:B2" not in s["languages"] or True))
    intl["placed"] = True
    partner = None
    if tandem:
        partner = next(s for s in domestic
                       if dt.date.fromisoformat(s["joined"]) + days(30) <= start and "placed" not in s)
        partner["placed"] = True
    company = companies[placed_companies[n]]
    opening = {
        "id": "%s-%d" % (company["id"], len(company["openings"]) + 1),
        "title": rng.choice(TITLES[intl["field"]]),
        "kind": "tandem" if tandem else "solo",
        "field": intl["field"] if n % 3 else "any",
        "skills": intl["skills"].split(";")[:2],
        "languages": {"en": "B2"},
        "markets": [intl["home_country"]],
        "start": date(start), "end": date(end), "slots": 1,
    }
    if tandem:
        opening["finnish"] = "B1"  # the domestic partner covers it
    company["openings"].append(opening)
    status = "completed"
    placements.append({
        "id": "p%03d" % (n + 1), "opening_id": opening["id"], "company_id": company["id"],
        "international_id": intl["id"], "domestic_id": partner["id"] if partner else "",
        "start": date(start), "end": date(end), "status": status,
        "score": "%.1f" % rng.uniform(8, 16), "note": "",
    })
    if company["id"] not in intl["preferences"]:
        intl["preferences"] = opening["id"]
# A placement that fell through: cancelled rows are never counted.
cancelled_student = next(s for s in international if "placed" not in s
                         and s["joined"] < placements[0]["start"])
placements.append({"id": "p017", "opening_id": placements[0]["opening_id"],
                   "company_id": placements[0]["company_id"], "international_id": cancelled_student["id"],
                   "domestic_id": "", "start": placements[0]["start"], "end": placements[0]["end"],
                   "status": "cancelled", "score": "7.5",
                   "note": "Student withdrew before signing; the slot went to p001"})
# Open openings for the next term's matching run.
for k, index in enumerate([2, 5, 9, 14, 20, 27, 33, 40]):
    company = companies[index]
    field = ["business", "engineering", "any"][k % 3]
    company["openings"].append({
        "id": "%s-%d" % (company["id"], len(company["openings"]) + 1),
        "title": rng.choice(TITLES["business" if field == "any" else field]),
        "kind": ["tandem", "either", "solo"][k % 3], "field": field,
        "skills": rng.sample(SKILLS["business" if field == "any" else field], 2),
        "languages": {"en": "B2"} if k % 2 else {"en": "B2", "sv": "A2"},
        "markets": rng.sample(MARKETS, 2),
        "start": "2023-09-04", "end": "2023-10-27", "slots": 1 + (k % 2),
    })
for s in students:
    s.pop("placed", None)

# ---------------------------------------------------------------- events
events = []
WORKSHOPS = [("finnish-working-life", "Finnish working life: what employers expect"),
             ("cv", "CV and cover letter for Finnish employers"),
             ("linkedin", "LinkedIn profile clinic")]
event_dates = [dt.date(2022, 2, 8), dt.date(2022, 3, 15), dt.date(2022, 4, 12), dt.date(2022, 9, 20),
               dt.date(2022, 10, 18), dt.date(2022, 11, 15), dt.date(2023, 2, 7), dt.date(2023, 3, 14),
               dt.date(2023, 4, 18)]
for k, day in enumerate(event_dates):
    key, title = WORKSHOPS[k % 3]
    events.append({"id": "ws-%s-%s" % (day.strftime("%Y-%m"), key), "kind": "workshop", "title": title,
                   "start": "%sT14:00" % date(day), "end": "%sT16:00" % date(day),
                   "location": "Kokkola campus, room B210", "audience": "international"})
events.append({"id": "info-2022-01-kickoff", "kind": "info_session", "title": "Export Expert: how tandem internships work",
               "start": "2022-01-25T12:00", "end": "2022-01-25T13:00", "location": "Online (Teams)", "audience": "students"})
events.append({"id": "seminar-2022-10-recruiting", "kind": "seminar",
               "title": "Recruiting international talent: a seminar for companies",
               "start": "2022-10-06T09:00", "end": "2022-10-06T12:00", "location": "Kokkola, Chydenius building",
               "audience": "companies", "reminders": ["14d", "2d"]})
events.append({"id": "recruit-2023-03-fair", "kind": "recruitment_event",
               "title": "Meet the exporters: recruitment event", "start": "2023-03-28T10:00",
               "end": "2023-03-28T15:00", "location": "Kokkola campus, main hall", "audience": "all"})
events.append({"id": "info-2023-09-next-term", "kind": "info_session", "title": "Tandem internships in the career services",
               "start": "2023-09-12T12:00", "end": "2023-09-12T13:00", "location": "Online (Teams)", "audience": "students"})

# ---------------------------------------------------------------- attendance
attendance = []
for event in events:
    day = dt.date.fromisoformat(event["start"][:10])
    if event["audience"] in ("international", "students", "all"):
        pool = [s for s in students if dt.date.fromisoformat(s["joined"]) <= day
                and (event["audience"] != "international" or s["group"] == "international")]
        for s in rng.sample(pool, min(len(pool), rng.randrange(6, 14))):
            attendance.append((event["id"], s["id"], ""))
    if event["audience"] in ("companies", "all"):
        pool = [c for c in companies[:56] if dt.date.fromisoformat(c["joined"]) <= day]
        for c in rng.sample(pool, min(len(pool), rng.randrange(8, 15))):
            attendance.append((event["id"], "", c["id"]))
attendance.sort()

# ---------------------------------------------------------------- outcomes
outcomes = []
for k, p in enumerate(placements[:16]):
    end = dt.date.fromisoformat(p["end"])
    if k % 4 == 3:
        outcomes.append((p["international_id"], date(end + days(60)), "job_seeking", "", ""))
    elif k % 4 == 0:
        outcomes.append((p["international_id"], date(end + days(20)), "employed", p["company_id"],
                         "hired by the placement company"))
    elif k % 4 == 1:
        outcomes.append((p["international_id"], date(end + days(120)), "employed", "Vaasa Harbour Oy", ""))
    else:
        outcomes.append((p["international_id"], date(end + days(30)), "in_education", "", "master's studies"))
outcomes.sort()

# ---------------------------------------------------------------- ESF start and end data
# Report revision 2 counts participants from entry to their final exit, with age at
# entry from the date of birth, and reads outcomes four weeks and six months after
# leaving. A second generator keeps the draws above (and so the placements) as they were.
follow = random.Random(20231031)
last_activity = {s["id"]: dt.date.fromisoformat(s["joined"]) for s in students}
for p in placements:
    if p["status"] in ("confirmed", "started", "completed"):
        for sid in (p["international_id"], p["domestic_id"]):
            if sid:
                last_activity[sid] = max(last_activity[sid], dt.date.fromisoformat(p["end"]))
event_day = {e["id"]: dt.date.fromisoformat(e["start"][:10]) for e in events}
for event_id, sid, _ in attendance:
    if sid:
        last_activity[sid] = max(last_activity[sid], event_day[event_id])
for k, s in enumerate(students):
    if s["birth_year"]:
        s["birth_date"] = date(dt.date(int(s["birth_year"]), follow.randrange(1, 13), follow.randrange(1, 29)))
    else:
        s["birth_date"] = ""
    international = s["group"] == "international"
    s["foreign_background"] = (["yes", "", "undisclosed"][k % 3] if international
                               else ("no" if k % 2 else ""))
    s["minority"] = "yes" if not international and k % 10 == 3 else ""
    joined = dt.date.fromisoformat(s["joined"])
    s["left"] = date(min(PROJECT_END, max(last_activity[s["id"]] + days(follow.randrange(0, 15)),
                                          joined + days(follow.randrange(60, 300)))))
def has_row(sid, left, first_day, last_day):
    return any(o[0] == sid and o[2] != "qualified"
               and first_day <= (dt.date.fromisoformat(o[1]) - left).days <= last_day for o in outcomes)


for k, s in enumerate(students):
    left = dt.date.fromisoformat(s["left"])
    if s["status"] == "graduated" or k % 8 == 5:
        outcomes.append((s["id"], date(left - days(follow.randrange(0, 20))), "qualified", "",
                         "degree" if s["status"] == "graduated" else "certificate"))
    # Every leaver is followed up after four weeks and six months. A job only for
    # those never placed: employed_after_placement keeps the placements' own follow-ups.
    placed = any(s["id"] in (p["international_id"], p["domestic_id"]) for p in placements)
    statuses = ["in_education", "job_seeking", "inactive"] + ([] if placed else ["employed", "self_employed"])
    if not has_row(s["id"], left, 0, 28):
        outcomes.append((s["id"], date(left + days(follow.randrange(0, 29))), follow.choice(statuses), "", ""))
    if not has_row(s["id"], left, 153, 213):
        day = follow.randrange(184, 214) if k % 7 == 0 else follow.randrange(153, 184)
        outcomes.append((s["id"], date(left + days(day)), follow.choice(statuses + ["employed"] * (not placed)),
                         "", "follow-up survey"))
outcomes.sort()

# ---------------------------------------------------------------- feedback
# The feedback round of the 16 completed placements (feedback.csv, an addition to
# the contract): most answered at once; some answered only the second request,
# and those arrive through the questionnaire exports in imports/. Its own
# generator, so that the data above stays as it was.
answers = random.Random(2023)
student_by_id = {s["id"]: s for s in students}
company_by_id = {c["id"]: c for c in companies}
COMMENTS = ["", "", "", "Hyvä kokemus.", "Learnt a lot about the export market.", "Bra handledning."]
feedback = []
late_answers = []  # (placement, respondent, role, day, ratings, would_repeat, email)
for p in placements[:16]:
    end = dt.date.fromisoformat(p["end"])
    tandem = p["domestic_id"] != ""
    respondents = [(p["international_id"], "international"), (p["company_id"], "company")]
    if tandem:
        respondents.insert(1, (p["domestic_id"], "domestic"))
    for respondent, role in respondents:
        ratings = [answers.choice([3, 4, 4, 5, 5]), answers.choice([3, 4, 5, 5]),
                   answers.choice([2, 3, 4, 4, 5]) if tandem else ""]
        repeat = answers.choice(["yes", "yes", "yes", "no"]) if role == "company" else ""
        draw = answers.random()
        if draw < 0.7:
            feedback.append((p["id"], respondent, role, date(end + days(answers.randrange(0, 7))), *ratings, repeat,
                             answers.choice(COMMENTS)))
        elif draw < 0.85:
            email = (company_by_id[respondent]["contact"]["email"] if role == "company"
                     else student_by_id[respondent]["email"])
            late_answers.append((p, respondent, role, end + days(answers.randrange(7, 14)), ratings, repeat, email))
feedback.sort()

# ---------------------------------------------------------------- write
os.makedirs(os.path.join(OUT, "imports"), exist_ok=True)


def write_csv(name, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())


def yaml_scalar(value):
    if isinstance(value, list):
        return "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join("%s: %s" % (k, yaml_scalar(v)) for k, v in value.items()) + "}"
    text = str(value)
    if text == "" or any(c in text for c in ":#,[]{}&*!|>'\"%@`") or text != text.strip():
        return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'
    return text


STUDENT_COLUMNS = list(students[0].keys())
# The ESF start data next to birth_year, minority next to foreign_background.
STUDENT_COLUMNS.remove("birth_date")
STUDENT_COLUMNS.insert(STUDENT_COLUMNS.index("birth_year") + 1, "birth_date")
STUDENT_COLUMNS.remove("minority")
STUDENT_COLUMNS.insert(STUDENT_COLUMNS.index("foreign_background") + 1, "minority")
write_csv("students.csv", STUDENT_COLUMNS, [[s[c] for c in STUDENT_COLUMNS] for s in students])
PLACEMENT_COLUMNS = ["id", "opening_id", "company_id", "international_id", "domestic_id", "start", "end",
                     "status", "score", "note"]
write_csv("placements.csv", PLACEMENT_COLUMNS, [[p[c] for c in PLACEMENT_COLUMNS] for p in placements])
write_csv("attendance.csv", ["event_id", "student_id", "company_id"], attendance)
write_csv("outcomes.csv", ["student_id", "date", "status", "employer", "note"], outcomes)
write_csv("feedback.csv", ["placement_id", "respondent_id", "role", "date", "overall", "learning", "pair_work",
                           "would_repeat", "comment"], feedback)

lines = ["# Invented companies modelled on the Export Expert project's region.",
         "# Two entries share a Business ID (two sites of one company): reports count one company.",
         "companies:"]
for c in companies:
    lines.append("  - id: %s" % c["id"])
    for key in ["name", "business_id", "municipality", "size", "sector", "contact", "target_markets",
                "working_languages", "joined"]:
        lines.append("    %s: %s" % (key, yaml_scalar(c[key])))
    if not c["openings"]:
        lines.append("    openings: []")
        continue
    lines.append("    openings:")
    for o in c["openings"]:
        lines.append("      - id: %s" % o["id"])
        for key in ["title", "kind", "field", "skills", "languages", "finnish", "markets", "start", "end", "slots"]:
            if key in o:
                lines.append("        %s: %s" % (key, yaml_scalar(o[key])))
with open(os.path.join(OUT, "companies.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

lines = ["# Workshops, the company seminar and the recruitment event of the example project.", "events:"]
for e in events:
    lines.append("  - id: %s" % e["id"])
    for key in ["kind", "title", "start", "end", "location", "audience", "reminders"]:
        if key in e:
            lines.append("    %s: %s" % (key, yaml_scalar(e[key])))
with open(os.path.join(OUT, "events.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

with open(os.path.join(OUT, "tandem.yaml"), "w", encoding="utf-8") as f:
    f.write("""# The example workspace: an invented project modelled on Export Expert (ESF project
# S22617 of Centria University of Applied Sciences, Kokkola, 2021-2023).
project:
  name: Export Expert
  code: S22617
  organisation: Centria University of Applied Sciences
  start: 2021-11-01
  end: 2023-10-31
  timezone: Europe/Helsinki
targets:
  companies: 35
  participants: 45
terms:
  - {id: 2021-autumn, start: 2021-11-01, end: 2021-12-31}
  - {id: 2022-spring, start: 2022-01-01, end: 2022-07-31}
  - {id: 2022-autumn, start: 2022-08-01, end: 2022-12-31}
  - {id: 2023-spring, start: 2023-01-01, end: 2023-07-31}
  - {id: 2023-autumn, start: 2023-08-01, end: 2023-10-31}
matching:
  weights: {markets: 3, languages: 2, field: 2, skills: 1, preferences: 2, location: 1,
            complementarity: 1}
  common_language: B2
  min_overlap_days: 28
reminders:
  from: "Career Services <career@example.fi>"
  staff: ["coordinator@example.fi"]
  sendmail: "/usr/sbin/sendmail -t -i"
  event_offsets: [7d, 1d]
  catch_up_days: 3
reporting:
  indicators: esf2014
  suppress_below: 5
""")

# ---------------------------------------------------------------- register export
# A student-register export as Finnish spreadsheets save it: ';', Latin-1, Finnish
# headers, Finnish values, d.m.yyyy dates. Five students already on the roster (one
# with a new municipality, one with a new e-mail) and four new ones.
header = ["Opiskelijanumero", "Sukunimi", "Etunimet", "Sähköposti", "Ryhmä", "Koulutusala",
          "Koulutusohjelma", "Vuosikurssi", "Sukupuoli", "Syntymävuosi", "Kotimaa", "Kansalaisuus",
          "Kotikunta", "Kampus"]
FIELD_FI = {"business": "liiketalous", "engineering": "tekniikka", "other": "muu"}
GROUP_FI = {"international": "kansainvälinen", "domestic": "kotimainen"}
GENDER_FI = {"female": "nainen", "male": "mies", "other": "muu", "undisclosed": "", "": ""}
rows = []
for k, s in enumerate([students[1], students[2], students[61], students[62], students[63]]):
    municipality = "Vaasa" if k == 0 else s["municipality"]
    email = s["email"].replace("@edu.", "@students.") if k == 2 else s["email"]
    rows.append([s["id"], s["last_name"], s["first_name"], email, GROUP_FI[s["group"]],
                 FIELD_FI[s["field"]], s["programme"], s["study_year"], GENDER_FI[s["gender"]],
                 s["birth_year"], s["home_country"], s["citizenship"], municipality, "Kokkola"])
rows.append(["s24001", "Hämäläinen", "Jääskeläinen Äijä", "aija.hamalainen@edu.example.fi", "kotimainen",
             "tekniikka", "Insinööri, konetekniikka", "1", "nainen", "2004", "FI", "FI", "Kokkola", "Kokkola"])
rows.append(["s24002", "Nguyễn", "Thảo", "thao.nguyen2@edu.example.fi", "kansainvälinen", "liiketalous",
             "Bachelor of Business Administration, International Business", "1", "nainen", "2001", "VN", "VN",
             "Kokkola", "Kokkola"])
rows.append(["s24003", "Ströberg", "Måns", "mans.stroberg@edu.example.fi", "kotimainen", "liiketalous",
             "Tradenomi, liiketalous", "2", "mies", "2002", "FI", "FI", "Pietarsaari", "Pietarsaari"])
rows.append(["s24004", "Okoro", "Chiamaka", "chiamaka.okoro@edu.example.fi", "kansainvälinen", "tekniikka",
             "Bachelor of Engineering, Information Technology", "1", "nainen", "2000", "NG", "NG", "Kokkola",
             "Kokkola"])
buffer = io.StringIO()
writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
writer.writerow(header)
writer.writerows(rows)
text = buffer.getvalue()
# Latin-1 has no Vietnamese letters with two diacritics: a register exporting in
# Latin-1 has already simplified them, as real ones do.
text = text.replace("Nguyễn", "Nguyen").replace("Thảo", "Thao")
with open(os.path.join(OUT, "imports", "opiskelijarekisteri.csv"), "wb") as f:
    f.write(text.encode("latin-1"))
# The second round's answers as questionnaires export them (imports/*.map.yaml map them):
# Microsoft Forms in Finnish (';', d.m.yyyy timestamps, "5 - Erittäin hyvin"), and
# Google Forms in English (ISO timestamps). Each answer goes to the file of its half.
FI_SCALE = {1: "1 - Erittäin huonosti", 2: "2 - Huonosti", 3: "3 - Kohtalaisesti", 4: "4 - Hyvin",
            5: "5 - Erittäin hyvin"}
finnish_rows = []
english_rows = []
for k, (p, respondent, role, day, ratings, repeat, email) in enumerate(late_answers):
    if k % 2 == 0:
        finnish_rows.append([str(len(finnish_rows) + 1), "%d.%d.%d 9.%02d.00" % (day.day, day.month, day.year, k),
                             "%d.%d.%d 9.%02d.41" % (day.day, day.month, day.year, k), email, "",
                             FI_SCALE[ratings[0]], FI_SCALE[ratings[1]],
                             FI_SCALE[ratings[2]] if ratings[2] != "" else "",
                             {"yes": "Kyllä", "no": "Ei", "": ""}[repeat], ""])
    else:
        english_rows.append(["%s 10:%02d:00" % (date(day), k), email, str(ratings[0]), str(ratings[1]),
                             str(ratings[2]), {"yes": "Yes", "no": "No", "": ""}[repeat], ""])
buffer = io.StringIO()
writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
writer.writerow(["Tunnus", "Aloitusaika", "Valmistumisaika", "Sähköposti", "Nimi",
                 "Kuinka tyytyväinen olit harjoitteluun kokonaisuutena?", "Kuinka paljon opit harjoittelun aikana?",
                 "Miten yhteistyö tandem-parisi kanssa sujui?",
                 "Ottaisiko yrityksenne kansainvälisen harjoittelijan uudelleen?", "Vapaa sana"])
writer.writerows(finnish_rows)
with open(os.path.join(OUT, "imports", "palautekysely.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write(buffer.getvalue())
write_csv(os.path.join("imports", "feedback-survey.csv"),
          ["Timestamp", "Email address", "How satisfied were you with the placement overall?",
           "How much did you learn?", "How did working with your tandem partner go?",
           "Would your company take an international intern again?", "Anything else?"], english_rows)
print("wrote", OUT)
