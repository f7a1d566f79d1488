#!/usr/bin/env python3
"""An independent audit of `tandem report --public` (cli.md, revision 2).

Written from cli.md alone, not from tandem's code: it rebuilds the relations a
reader knows from the JSON keys, then asks SciPy's LP solver (HiGHS) for the least
and greatest value of every hidden small cell. A cell whose range holds a single
whole number is pinned: the audit fails.

  audit_public_report.py TANDEM WORKSPACE [REPORT ARGS...]   audit one report
  audit_public_report.py TANDEM --random N SEED              N random workspaces
"""
import datetime, json, math, os, random, subprocess, sys, tempfile
import numpy as np
from scipy.optimize import linprog

ADDITIVE_EXCEPT = {"participants_active", "employed_after_placement", "hired_by_placement_company"}


def flatten(prefix, indicators):
    cells = {}
    for key, value in indicators.items():
        if isinstance(value, dict):
            for cell, v in value.items():
                cells[f"{prefix}{key}.{cell}"] = v
        else:
            cells[f"{prefix}{key}"] = value
    return cells


def relations(report, prefix, indicators, genders):
    """(parts, wholes, equal) over paths, within one list of indicators."""
    rel = []
    p = lambda k: prefix + k
    ind = indicators
    def cells(key):
        return [f"{prefix}{key}.{c}" for c in ind[key]]
    rel.append((cells("participants_by_group"), [p("participants_total")], True))
    rel.append((cells("participants_by_gender"), [p("participants_total")], True))
    for key in ("participants_by_age", "participants_by_employment_status", "participants_by_education"):
        rel.append((cells(key), [p("participants_complete")], True))
    rel.append(([p("participants_complete")], [p("participants_total")], False))
    for key in ("participants_third_country_nationals", "participants_foreign_background",
                "participants_minorities", "participants_with_disability"):
        if key in ind:
            rel.append(([p(key)], [p("participants_complete")], False))
    u = "results_upon_leaving."
    rel.append(([p(u + "employed"), p(u + "in_education"), p(u + "job_seeking")], [p("participants_leaving")], False))
    rel.append(([p(u + "qualified")], [p("participants_leaving")], False))
    rel.append(([p("results_six_months.employed")], [p("results_six_months.known")], False))
    rel.append(([p("results_six_months.known")], [p("participants_leaving")], False))
    rel.append(([p("hired_by_placement_company")], [p("employed_after_placement")], False))
    return rel


def people_paths(indicators, prefix):
    skip = ("companies_", "supported_smes", "events_by_kind")
    return {k: v for k, v in flatten(prefix, indicators).items()
            if not k[len(prefix):].startswith(skip)}


def audit(full, public, threshold):
    """Returns the pinned primary paths of `public`, given its true values in `full`."""
    known, truth = {}, {}
    for rep, out in ((full, truth), (public, known)):
        out.update(people_paths(rep["indicators"], "indicators."))
        for name, by in rep["by_gender"].items():
            for g, v in by.items():
                out[f"by_gender.{name}.{g}"] = v
        for term in rep["terms"]:
            out.update(people_paths(term["indicators"], f"terms.{term['id']}.indicators."))
    genders = list(full["indicators"]["participants_by_gender"])
    base = relations(full, "indicators.", full["indicators"], genders)
    if full["period"]["from"] <= PROJECT_START.get("value", full["period"]["from"]):
        base.append((["indicators.participants_leaving"], ["indicators.participants_complete"], False))
    rel = list(base)
    for g in genders:
        rel += [(
            [f"by_gender.{x[len('indicators.'):]}.{g}" for x in parts],
            [f"by_gender.{x[len('indicators.'):]}.{g}" for x in wholes], eq)
            for parts, wholes, eq in base if not any("participants_by_gender" in x for x in parts + wholes)]
        rel.append(([f"by_gender.participants_total.{g}"], [f"indicators.participants_by_gender.{g}"], True))
    for name in full["by_gender"]:
        rel.append(([f"by_gender.{name}.{g}" for g in genders], [f"indicators.{name}"], True))
    for term in full["terms"]:
        rel += relations(full, f"terms.{term['id']}.indicators.", term["indicators"], [])
    # Terms tile the period in these tests (checked by the caller).
    if full["terms"] and TILE.get("value"):
        for path in people_paths(full["indicators"], "indicators."):
            parts = [f"terms.{t['id']}.{path}" for t in full["terms"]]
            key = path.split(".")[1]
            if key in ADDITIVE_EXCEPT:
                rel += [([x], [path], False) for x in parts] + [([path], parts, False)]
            else:
                rel.append((parts, [path], True))
    rel.append((["targets_actual"], ["indicators.participants_total"], True))
    known["targets_actual"] = public["targets"]["participants"]["actual"]
    truth["targets_actual"] = full["targets"]["participants"]["actual"]
    # Only relations that hold in the true table by construction are used; a
    # broken one means this audit (or tandem) misread cli.md.
    for parts, wholes, eq in rel:
        lhs = sum(truth[x] for x in parts)
        rhs = sum(truth[x] for x in wholes)
        assert (lhs == rhs) if eq else (lhs <= rhs), (parts, wholes, lhs, rhs)
    hidden = [k for k, v in known.items() if v is None]
    col = {k: i for i, k in enumerate(hidden)}
    bounds = [(1, threshold - 1) if truth[k] < threshold else (threshold, None) for k in hidden]
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for parts, wholes, eq in rel:
        row = np.zeros(len(hidden)); const = 0.0
        for sign, group in ((1, parts), (-1, wholes)):
            for x in group:
                if x in col:
                    row[col[x]] += sign
                else:
                    const += sign * known[x]
        if not row.any():
            continue
        (a_eq if eq else a_ub).append(row); (b_eq if eq else b_ub).append(-const)
    pinned = []
    for k in hidden:
        if truth[k] >= threshold:
            continue
        c = np.zeros(len(hidden)); c[col[k]] = 1
        lo = linprog(c, A_ub=a_ub or None, b_ub=b_ub or None, A_eq=a_eq or None, b_eq=b_eq or None, bounds=bounds)
        hi = linprog(-c, A_ub=a_ub or None, b_ub=b_ub or None, A_eq=a_eq or None, b_eq=b_eq or None, bounds=bounds)
        assert lo.status == 0 and hi.status == 0, k
        if math.floor(-hi.fun + 1e-6) - math.ceil(lo.fun - 1e-6) < 1:
            pinned.append(k)
    return pinned, hidden


def audit_feedback(full, public, primary, threshold):
    """The feedback figures of one role and rating as a reader sees them: the five
    score counts (shown, or unknown; a primary one in 1..t-1), at most `responded`
    people rating, and a shown mean M tying them: sum((s - M) * x_s) = 0 (M has
    four decimals). Returns the primary cells the LP pins to one value."""
    pinned = []
    for role in ("international", "domestic", "company"):
        responded = public[role + ".responded"]
        for rating in ("overall", "learning", "pair_work"):
            keys = ["%s.%s.%d" % (role, rating, s) for s in range(1, 6)]
            bounds = []
            for k in keys:
                if public[k] is not None:
                    bounds.append((public[k], public[k]))
                elif "feedback." + k in primary:
                    bounds.append((1, threshold - 1))
                else:
                    bounds.append((0, None))
            a_ub = [[1] * 5]
            b_ub = [responded if responded is not None else full[role + ".asked"]]
            mean = public[role + "." + rating + ".mean"]
            if mean is not None:
                tie = [s - mean for s in range(1, 6)]
                a_ub += [tie, [-t for t in tie]]
                b_ub += [0.00005 * b_ub[0], 0.00005 * b_ub[0]]
            for i, k in enumerate(keys):
                if "feedback." + k not in primary:
                    continue
                c = [0] * 5
                c[i] = 1
                lo = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=bounds)
                hi = linprog([-v for v in c], A_ub=a_ub, b_ub=b_ub, bounds=bounds)
                assert lo.status == 0 and hi.status == 0, k
                if math.floor(-hi.fun + 1e-6) - math.ceil(lo.fun - 1e-6) < 1:
                    pinned.append("feedback." + k)
    return pinned


PROJECT_START = {}
TILE = {}


def run(tandem, workspace, args):
    out = subprocess.run([tandem, "-C", workspace, "report", "--format", "json"] + args,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout), out.stderr


def audit_workspace(tandem, workspace, args, threshold=5):
    full, _ = run(tandem, workspace, args)
    public, warnings = run(tandem, workspace, args + ["--public"])
    for k in public["suppressed"]["primary"] + public["suppressed"]["secondary"]:
        assert k.startswith(("indicators.", "by_gender.", "terms.", "targets.", "feedback.")), k
    pinned, hidden = audit(full, public, threshold)
    pinned += audit_feedback(full["feedback"], public["feedback"], public["suppressed"]["primary"], threshold)
    # tandem names on stderr the cells no hiding can protect.
    pinned = [k for k in pinned if k not in warnings]
    return pinned, len(hidden)


def random_workspace(folder, rng):
    students = ["id,first_name,last_name,email,group,field,gender,birth_date,employment_status,education,"
                "disability,joined,left"]
    outcomes = ["student_id,date,status"]
    for i in range(rng.randrange(8, 70)):
        joined = 1 + rng.randrange(300)
        left = min(365, joined + rng.randrange(120))
        day = lambda n: (datetime.date(2024, 1, 1) + datetime.timedelta(days=n - 1)).isoformat()
        students.append(",".join([f"s{i}", "A", "B", f"s{i}@x.fi", rng.choice(["international", "domestic"]),
                                  "business", rng.choice(["female", "male", "other", "undisclosed", "female"]),
                                  f"{rng.randrange(1960, 2006)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 10)}",
                                  rng.choice(["employed", "unemployed", "inactive", "inactive"]),
                                  rng.choice(["isced3-4", "isced5-8", "", "isced3-4"]),
                                  rng.choice(["yes", "no", "no", "no"]), day(joined), day(max(joined, left))]))
        if rng.random() < 0.7:
            outcomes.append(f"s{i},{day(min(365, left + rng.randrange(20)))},"
                            + rng.choice(["employed", "in_education", "job_seeking", "qualified", "inactive"]))
    with open(os.path.join(folder, "tandem.yaml"), "w") as f:
        f.write("project: {name: R, start: 2024-01-01, end: 2024-12-31}\nterms:\n"
                "  - {id: spring, start: 2024-01-01, end: 2024-06-30}\n"
                "  - {id: autumn, start: 2024-07-01, end: 2024-12-31}\n")
    with open(os.path.join(folder, "students.csv"), "w") as f:
        f.write("\n".join(students) + "\n")
    with open(os.path.join(folder, "outcomes.csv"), "w") as f:
        f.write("\n".join(outcomes) + "\n")
    with open(os.path.join(folder, "companies.yaml"), "w") as f:
        f.write("companies: []\n")


def main():
    tandem = sys.argv[1]
    if sys.argv[2] == "--random":
        count, seed = int(sys.argv[3]), int(sys.argv[4])
        rng = random.Random(seed)
        PROJECT_START["value"] = "2024-01-01"
        TILE["value"] = True
        audited = 0
        for n in range(count):
            with tempfile.TemporaryDirectory() as folder:
                random_workspace(folder, rng)
                pinned, hidden = audit_workspace(tandem, folder, [])
                assert not pinned, (n, pinned)
                audited += hidden
        print(f"audited {count} random reports, {audited} hidden cells: none pinned")
        return
    workspace, args = sys.argv[2], sys.argv[3:]
    PROJECT_START["value"] = sys.argv[sys.argv.index("--project-start") + 1] if "--project-start" in args else ""
    if "--project-start" in args:
        i = args.index("--project-start"); args = args[:i] + args[i + 2:]
    TILE["value"] = "--no-tile" not in args
    args = [a for a in args if a != "--no-tile"]
    pinned, hidden = audit_workspace(tandem, workspace, args)
    assert not pinned, pinned
    print(f"audited {hidden} hidden cells: none pinned")


if __name__ == "__main__":
    main()
