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
  CHECK_THAT(result.out, Catch::Contains("| employed_within_6_months |  | 8 |"));
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
  const std::regex people("^(participants_[a-z_]+|placements_[a-z]+|event_attendances|employed_within_6_months|"
                          "hired_by_placement_company|targets\\.participants|terms\\.[^,]+,(participants|placements_[a-z]+|event_attendances)),[^,]*,([0-9]+)$");
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
  CHECK(lines[0] == "id,last_name,first_name,first_day,last_day,group,gender,age_band,"
                    "employment_status,education,outcome,outcome_date");
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
  CHECK(std::count(rendered.begin(), rendered.end(), '\n') > 50);
}
