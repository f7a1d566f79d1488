#include "run_tandem.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace tandem::test;
namespace fs = std::filesystem;

// The example workspace was built (scripts/make-example-data.py) to show the
// Export Expert project's published figures: 84 participants, 56 companies,
// 11 tandem and 5 solo placements, against targets of 45 and 35.

TEST_CASE("report shows the example project's figures in Markdown by default")
{
  const auto result = run_tandem({"-C", TANDEM_EXAMPLES, "report"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK_THAT(result.out, Catch::StartsWith("# Export Expert (S22617): 2021-11-01 to 2023-10-31\n"));
  CHECK_THAT(result.out, Catch::Contains("| companies | 35 | 56 |"));
  CHECK_THAT(result.out, Catch::Contains("| participants | 45 | 84 |"));
  CHECK_THAT(result.out, Catch::Contains("| participants_total |  | 84 |"));
  CHECK_THAT(result.out, Catch::Contains("| placements_tandem |  | 11 |"));
  CHECK_THAT(result.out, Catch::Contains("| placements_solo |  | 5 |"));
  // The generator gave every fourth placed student a job at the placement company
  // 20 days after the end, and every fourth another job 120 days after it.
  CHECK_THAT(result.out, Catch::Contains("| employed_after_placement |  | 8 |"));
  CHECK_THAT(result.out, Catch::Contains("| hired_by_placement_company |  | 4 |"));
}

TEST_CASE("report --format json is one JSON document with cli.md's figures")
{
  const auto result = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--format", "json"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::StartsWith("{\n"));
  CHECK_THAT(result.out, Catch::EndsWith("}\n"));
  CHECK_THAT(result.out, Catch::Contains("\"period\": {\"from\": \"2021-11-01\", \"to\": \"2023-10-31\"}"));
  CHECK_THAT(result.out, Catch::Contains("\"participants_total\": 84,"));
  CHECK_THAT(result.out, Catch::Contains("\"companies_total\": 56,"));
  CHECK_THAT(result.out, Catch::Contains("\"placements_tandem\": 11,"));
  CHECK_THAT(result.out, Catch::Contains("\"placements_solo\": 5,"));
  CHECK_THAT(result.out, Catch::Contains("\"targets\": {\"companies\": {\"planned\": 35, \"actual\": 56}, "
                                         "\"participants\": {\"planned\": 45, \"actual\": 84}}"));
  // A real parser agrees that it is JSON.
  TemporaryFolder temporary;
  write_text(temporary.path() / "report.json", result.out);
  const std::string command =
    "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
    "sys.exit(0 if d[\"indicators\"][\"participants_total\"] == 84 else 1)' "
    + (temporary.path() / "report.json").string();
  CHECK(std::system(command.c_str()) == 0);
}

TEST_CASE("report --format csv has one row per indicator and breakdown")
{
  const auto result = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--format", "csv"});
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0] == "indicator,breakdown,value");
  CHECK(std::find(lines.begin(), lines.end(), "participants_total,,84") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "participants_by_group,international,60") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "targets.companies,planned,35") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "terms.2022-spring,placements_tandem,3") != lines.end());
}

TEST_CASE("report for a term and for dates")
{
  const auto term = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--term", "2023-autumn", "--format", "json"});
  CHECK(term.exit_code == 0);
  CHECK_THAT(term.out, Catch::Contains("\"period\": {\"from\": \"2023-08-01\", \"to\": \"2023-10-31\"}"));
  const auto dates = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--from", "2023-08-01", "--to",
                                 "2023-10-31", "--format", "json"});
  CHECK(dates.exit_code == 0);
  CHECK(dates.out == term.out);
}

TEST_CASE("report refuses bad requests with the right exit status")
{
  const auto unknown_term = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--term", "2030-spring"});
  CHECK(unknown_term.exit_code == 1);
  CHECK_THAT(unknown_term.err, Catch::Contains("no term \"2030-spring\""));
  CHECK(run_tandem({"-C", TANDEM_EXAMPLES, "report", "--from", "2023-02-30", "--to", "2023-03-01"}).exit_code == 2);
  CHECK(run_tandem({"-C", TANDEM_EXAMPLES, "report", "--from", "2023-01-01"}).exit_code == 2);
  CHECK(run_tandem({"-C", TANDEM_EXAMPLES, "report", "--format", "pdf"}).exit_code == 2);
  CHECK(run_tandem({"-C", TANDEM_EXAMPLES, "report", "participants", "--public"}).exit_code == 2);
  const auto broken = run_tandem({"-C", std::string(TANDEM_FIXTURES) + "/broken", "report"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.out.empty());
  CHECK_THAT(broken.err, Catch::Contains("the workspace has errors"));
}

TEST_CASE("report --public shows no small count of people")
{
  const auto result =
    run_tandem({"-C", TANDEM_EXAMPLES, "report", "--term", "2023-autumn", "--public", "--format", "csv"});
  CHECK(result.exit_code == 0);
  // Columns that count people (companies and events do not).
  const std::string people_key = "(participants_[a-z_]+|results_[a-z_]+|placements_[a-z]+|event_attendances|"
                                 "employed_after_placement|hired_by_placement_company)";
  const std::regex people("^(" + people_key + "|by_gender\\.[^,]+|targets\\.participants|terms\\.[^,]+," + people_key
                          + "(\\.[^,]+)?),[^,]*,([0-9]+)$");
  int checked = 0;
  for (const auto& line : lines_of(result.out)) {
    std::smatch match;
    if (std::regex_match(line, match, people)) {
      const int value = std::stoi(match[match.size() - 1]);
      INFO(line);
      CHECK((value == 0 || value >= 5));
      ++checked;
    }
  }
  CHECK(checked > 20);
  CHECK_THAT(result.out, Catch::Contains(",<5"));
}

TEST_CASE("report participants lists the entry data, and --output writes a file")
{
  TemporaryFolder temporary;
  const auto file = temporary.path() / "participants.csv";
  const auto result = run_tandem({"-C", TANDEM_EXAMPLES, "report", "participants", "--output", file.string()});
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  const auto lines = lines_of(read_text(file));
  REQUIRE(lines.size() == 85); // the header and the 84 participants
  CHECK(lines[0] == "id,last_name,first_name,entry,leaving,group,gender,age,age_band,employment_status,"
                    "education,complete,upon_leaving,upon_leaving_date,qualified,six_months,six_months_date");
  // Worked out by hand from students.csv and outcomes.csv: joined 2023-03-30, born
  // 1998-12-03 (24 on entry), left 2023-10-01, job seeking on day 9 (but employed
  // on entry, so not the ESF's job-seeking result), in education on 2024-03-13
  // (day 164: 30 + 30 + 31 + 31 + 29 + 13).
  CHECK(std::find(lines.begin(), lines.end(),
                  "s22002,Bello,Tunde,2023-03-30,2023-10-01,international,male,24,under_25,employed,isced3-4,yes,"
                  "job_seeking,2023-10-10,no,in_education,2024-03-13")
        != lines.end());
}

TEST_CASE("the HTML report renders in a real headless browser")
{
  TemporaryFolder temporary;
  const auto html = temporary.path() / "report.html";
  const auto result = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--format", "html", "--output", html.string()});
  REQUIRE(result.exit_code == 0);
  const std::string page = read_text(html);
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("http") == page.find("http://www.w3.org/2000/svg")); // no external assets
  // The screenshot stays in the build tree as an artifact of the test run.
  const fs::path artifacts = fs::path(TANDEM_ARTIFACTS);
  fs::create_directories(artifacts);
  const auto screenshot = artifacts / "report.png";
  fs::remove(screenshot);
  const auto dom = temporary.path() / "dom.html";
  const std::string flags = "--headless --no-sandbox --disable-gpu --no-first-run "
                            "--disable-background-networking --disable-component-update "
                            "--disable-sync --user-data-dir=" + (temporary.path() / "profile").string();
  const std::string shoot = "/usr/bin/chromium " + flags + " --window-size=1280,2400 --screenshot="
                            + screenshot.string() + " file://" + html.string() + " > "
                            + (temporary.path() / "chromium.log").string() + " 2>&1";
  CHECK(std::system(shoot.c_str()) == 0);
  REQUIRE(fs::exists(screenshot));
  CHECK(fs::file_size(screenshot) > 10000); // a page with charts, not a blank one
  const std::string dump = "/usr/bin/chromium " + flags + " --dump-dom file://" + html.string()
                           + " > " + dom.string() + " 2>/dev/null";
  CHECK(std::system(dump.c_str()) == 0);
  const std::string rendered = read_text(dom);
  CHECK(rendered.find("Export Expert (S22617)") != std::string::npos);
  CHECK(rendered.find("Targets against actuals") != std::string::npos);
  // For a funder: regulation names, not keys; dates as people write them; the
  // gender breakdown as a table.
  CHECK(rendered.find("Participants below 25 years of age") != std::string::npos);
  CHECK(rendered.find("Participants in employment, including self-employment, six months after leaving")
        != std::string::npos);
  CHECK(rendered.find("1 November 2021 to 31 October 2023") != std::string::npos);
  CHECK(rendered.find("<h2>By gender</h2>") != std::string::npos);
  CHECK(rendered.find(">participants_by_age<") == std::string::npos);
  CHECK(std::count(rendered.begin(), rendered.end(), '\n') > 50);
}

TEST_CASE("report --public passes an independent LP audit (SciPy), on the example and on random workspaces")
{
  const std::string audit = "/usr/bin/python3 " + std::string(TANDEM_SOURCE) + "/tests/e2e/audit_public_report.py "
                            + TANDEM_BINARY + " ";
  CHECK(std::system((audit + TANDEM_EXAMPLES + " --project-start 2021-11-01").c_str()) == 0);
  CHECK(std::system((audit + TANDEM_EXAMPLES + " --term 2022-autumn --no-tile").c_str()) == 0);
  CHECK(std::system((audit + "--random 25 2026").c_str()) == 0);
}

TEST_CASE("report --public in every format shows no small count of people and names the hidden cells")
{
  const auto json = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--public", "--format", "json"});
  REQUIRE(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"suppressed\": {\"primary\": [\""));
  CHECK_THAT(json.out, Catch::Contains("\"secondary\": [\""));
  const auto markdown = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--public"});
  CHECK(markdown.exit_code == 0);
  CHECK_THAT(markdown.out, Catch::Contains("| <5 |"));
  CHECK_THAT(markdown.out, Catch::Contains("| x |"));
  CHECK_FALSE(std::regex_search(markdown.out, std::regex("by_gender[^\n]*\\| [1-4] \\|")));
  const auto html = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--public", "--format", "html"});
  CHECK(html.exit_code == 0);
  CHECK_THAT(html.out, Catch::Contains("<td class=\"number\">&lt;5</td>"));
  // Companies and events are not people: look at the gender table.
  const auto genders = html.out.find("<h2>By gender</h2>");
  REQUIRE(genders != std::string::npos);
  const std::string table = html.out.substr(genders, html.out.find("</table>", genders) - genders);
  CHECK_FALSE(std::regex_search(table, std::regex("<td class=\"number\">[1-4]</td>")));
  CHECK_THAT(table, Catch::Contains("<td class=\"number\">x</td>"));
}

TEST_CASE("report in the ESF+ set: its cells, third-country nationals and minorities, by gender")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  std::string yaml = read_text(workspace / "tandem.yaml");
  yaml.replace(yaml.find("indicators: esf2014"), 19, "indicators: esf2021");
  write_text(workspace / "tandem.yaml", yaml);
  const auto result = run_tandem({"-C", workspace.string(), "report", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  write_text(temporary.path() / "report.json", result.out);
  // A real parser, and sums worked out independently of tandem: every by_gender
  // entry adds up to its figure, and the breakdowns to their totals.
  const std::string check = R"(
import json, sys
d = json.load(open(sys.argv[1]))
i = d["indicators"]
assert d["indicator_set"] == "esf2021"
assert list(i["participants_by_gender"]) == ["women", "men", "non_binary", "undisclosed"]
assert list(i["participants_by_age"]) == ["under_18", "18_29", "30_54", "55_and_over"]
assert "isced0-2" in i["participants_by_education"]
for key in ("participants_third_country_nationals", "participants_minorities", "supported_smes"):
    assert isinstance(i[key], int), key
# Independently from students.csv: every student of the example takes part; complete
# records (gender, age, education) with a citizenship outside the EU-27.
import csv
eu = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
complete = [r for r in rows if r["gender"] not in ("", "undisclosed") and (r["birth_date"] or r["birth_year"])
            and r["education"]]
assert i["participants_complete"] == len(complete)
assert i["participants_third_country_nationals"] == sum(1 for r in complete if r["citizenship"] not in eu)
assert i["participants_minorities"] == sum(1 for r in complete if r["minority"] == "yes")
assert sum(i["participants_by_age"].values()) == i["participants_complete"]
assert sum(i["participants_by_group"].values()) == i["participants_total"]
for name, cells in d["by_gender"].items():
    key, _, cell = name.partition(".")
    whole = i[key][cell] if cell else i[key]
    assert sum(cells.values()) == whole, name
assert d["by_gender"]["participants_total"] == i["participants_by_gender"]
assert [t["id"] for t in d["terms"]] == ["2021-autumn", "2022-spring", "2022-autumn", "2023-spring", "2023-autumn"]
assert sum(t["indicators"]["participants_total"] for t in d["terms"]) == i["participants_total"]
)";
  write_text(temporary.path() / "check.py", check);
  CHECK(std::system(("/usr/bin/python3 " + (temporary.path() / "check.py").string() + " "
                     + (temporary.path() / "report.json").string() + " " + (workspace / "students.csv").string())
                      .c_str())
        == 0);
}

TEST_CASE("spreadsheet outputs neutralise formulas in names and titles, the workspace keeps them")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  std::string students = read_text(workspace / "students.csv");
  students.replace(students.find("s22002,Tunde,Bello"), 18, "s22002,=1+2,@Bello");
  write_text(workspace / "students.csv", students);
  std::string events = read_text(workspace / "events.yaml");
  const auto title = events.find("title: ") + 7;
  events.replace(title, events.find('\n', title) - title, "\"-2+3 workshop\"");
  write_text(workspace / "events.yaml", events);
  const auto participants = run_tandem({"-C", workspace.string(), "report", "participants"});
  REQUIRE(participants.exit_code == 0);
  CHECK_THAT(participants.out, Catch::Contains("\ns22002,'@Bello,'=1+2,2023-03-30,"));
  const auto schedule = run_tandem({"-C", workspace.string(), "schedule", "--format", "csv"});
  REQUIRE(schedule.exit_code == 0);
  CHECK_THAT(schedule.out, Catch::Contains(",'-2+3 workshop,"));
  CHECK(read_text(workspace / "students.csv") == students); // workspace files are never changed this way
}

TEST_CASE("report: the feedback figures, counted by hand on a fixture, and hidden when small with --public")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("status", temporary.path());
  // Real placements: p4 (Chen Li s8 + Emma Virtanen s7 at acme, ends 2025-12-05) and p5
  // (Ana López s9, solo, at gamma, ends 2025-09-12): asked 2 international, 1 domestic, 2 companies.
  write_text(workspace / "feedback.csv", "placement_id,respondent_id,role,date,overall,learning,pair_work,"
                                         "would_repeat,comment\n"
                                         "p5,s9,international,2025-09-15,4,5,,,a comment never reported\n"
                                         "p4,s8,international,2025-12-06,2,,3,,\n"
                                         "p4,acme,company,2025-12-08,5,,,yes,\n"
                                         "p5,gamma,company,2025-09-20,,,,no,\n");
  const auto json = run_tandem({"-C", workspace.string(), "report", "--format", "json"});
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  write_text(temporary.path() / "report.json", json.out);
  const std::string script = R"(
import json, sys
feedback = json.load(open(sys.argv[1], encoding="utf-8"))["feedback"]
for key in ["international.asked", "international.responded", "international.response_rate",
            "international.overall.mean", "international.overall.2", "international.overall.4",
            "international.learning.mean", "international.pair_work.3", "domestic.asked", "domestic.responded",
            "domestic.response_rate", "domestic.overall.mean", "company.responded", "company.overall.mean",
            "company.would_repeat.yes", "company.would_repeat.no", "company.would_repeat.share"]:
    print(key, feedback[key])
)";
  const auto listed = run_program("/usr/bin/python3", {"-c", script, (temporary.path() / "report.json").string()});
  INFO(listed.err);
  CHECK(listed.out == "international.asked 2\ninternational.responded 2\ninternational.response_rate 1.0\n"
                      "international.overall.mean 3.0\ninternational.overall.2 1\ninternational.overall.4 1\n"
                      "international.learning.mean 5.0\ninternational.pair_work.3 1\ndomestic.asked 1\n"
                      "domestic.responded 0\ndomestic.response_rate 0.0\ndomestic.overall.mean None\n"
                      "company.responded 2\ncompany.overall.mean 5.0\ncompany.would_repeat.yes 1\n"
                      "company.would_repeat.no 1\ncompany.would_repeat.share 0.5\n");
  CHECK_THAT(json.out, !Catch::Contains("never reported"));

  const auto markdown = run_tandem({"-C", workspace.string(), "report", "--public"});
  REQUIRE(markdown.exit_code == 0);
  CHECK_THAT(markdown.out, Catch::Contains("| international.responded | <5 |\n"));
  CHECK_THAT(markdown.out, Catch::Contains("| international.overall.mean | x |\n"));
  CHECK_THAT(markdown.out, Catch::Contains("| company.would_repeat.share | x |\n"));
  CHECK_THAT(markdown.out, Catch::Contains("| domestic.responded | 0 |\n"));
}
