#include "run_tandem.hpp"

#include <catch2/catch.hpp>

using namespace tandem::test;
namespace fs = std::filesystem;

// The status fixture (tests/fixtures/status), worked out by hand. Default
// follow-ups: the agreement is due 5 working days before a placement starts.
//   p2  proposed, Jüri Ööbik at Beta Design, 2025-09-01..11-28; proposed 2025-08-18
//       (history): agreement due Mon 2025-08-25 (Fri 29, Thu 28, Wed 27, Tue 26, Mon 25).
//   p4  confirmed, Chen Li + Emma Virtanen at Acme Export, 2025-09-08..12-05.
//   p5  started, Ana López at Gamma Foods, 2025-06-02..09-12.
//   s1  Linh Tran left 2025-06-30, no outcome: four-week window closes 06-30 + 28 =
//       07-28; six-month one opens 06-30 + 153 = 11-30, closes 06-30 + 213 = 2026-01-29.
//   s2  Aino Korhonen left 2025-06-30, employed on 07-15 (day 15): four weeks recorded.
//   s4  Sami Niemi joined 2025-01-10, nothing since, no left: quiet from 01-10 + 184 = 07-13.
//   s5  Maria Silva, international, business, joined 08-15, never placed; acme-autumn
//       has 2 places and 1 taken. s6 is on hold; s1 has left.
// check warns of the two overdue follow-ups (s1 four weeks, s4 quiet).

namespace {

fs::path status_workspace(const fs::path& into)
{
  const auto workspace = copy_fixture("status", into);
  fs::create_directories(workspace / ".tandem");
  write_text(workspace / ".tandem" / "history.csv",
             "when,who,id,from,to,note\n2025-08-18T09:00:00Z,coordinator,p2,,proposed,tandem match\n");
  return workspace;
}

RunResult status(const fs::path& workspace, std::vector<std::string> arguments)
{
  arguments.insert(arguments.begin(), {"-C", workspace.string(), "status"});
  return run_tandem(arguments);
}

} // namespace

TEST_CASE("status lists exactly the items due on a day, most urgent first, with names and the settling command")
{
  TemporaryFolder temporary;
  const auto workspace = status_workspace(temporary.path());
  // Wednesday 2025-09-10: the week is Mon 09-08 to Sun 09-14.
  const auto result = status(workspace, {"--today", "2025-09-10"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out ==
        "Needs attention on 2025-09-10, most urgent first:\n"
        "2025-07-13 OVERDUE  Sami Niemi has no left date and no activity since 2025-01-10: record when they left\n"
        "                    -> tandem student leave s4 --date DATE\n"
        "2025-07-28 OVERDUE  Linh Tran left on 2025-06-30: the four-week outcome is overdue (its window closed on "
        "2025-07-28)\n"
        "                    -> tandem outcome add s1 --date DATE --status STATUS\n"
        "2025-08-25 OVERDUE  Proposal p2, Jüri Ööbik at Beta Design Oy, 2025-09-01 to 2025-11-28: waiting for "
        "confirmation for 23 days; agreement due by 2025-08-25; it was to start on 2025-09-01; confirm it, or "
        "cancel it\n"
        "                    -> tandem placement confirm p2\n"
        "2025-09-08 OVERDUE  Placement p4, Chen Li + Emma Virtanen at Acme Export Oy, 2025-09-08 to 2025-12-05: "
        "started on 2025-09-08 and is still confirmed\n"
        "                    -> tandem placement start p4\n"
        "2025-09-12          Placement p5, Ana López at Gamma Foods Ab, 2025-06-02 to 2025-09-12: ends on "
        "2025-09-12\n"
        "                    -> tandem placement complete p5\n"
        "                    1 international student in business without a placement while 1 opening for them "
        "has free places: Maria Silva\n"
        "                    -> tandem match\n"
        "                    check: 0 error(s), 2 warning(s)\n"
        "                    -> tandem check\n");
}

TEST_CASE("status --format json: the kinds, days and subjects later in the term")
{
  TemporaryFolder temporary;
  const auto workspace = status_workspace(temporary.path());
  // Monday 2025-12-01, day 154 after s1 and s2 left: both six-month outcomes are due;
  // p5 ended on 09-12 and is not completed; p4 is still only confirmed.
  const auto result = status(workspace, {"--today", "2025-12-01", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  const std::string script = R"(
import json, sys
status = json.load(open(sys.argv[1], encoding="utf-8"))
for item in status["items"]:
    print(item["kind"], item["due"], item["overdue"], ";".join(item["subjects"]), item["command"])
print(status["today"], status["check_errors"], status["check_warnings"])
)";
  write_text(temporary.path() / "status.json", result.out);
  const auto listed = run_program("/usr/bin/python3", {"-c", script, (temporary.path() / "status.json").string()});
  INFO(listed.err);
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out == "no_activity 2025-07-13 True s4 tandem student leave s4 --date DATE\n"
                      "outcome_four_weeks 2025-07-28 True s1 tandem outcome add s1 --date DATE --status STATUS\n"
                      "proposal 2025-08-25 True p2 tandem placement confirm p2\n"
                      "start 2025-09-08 True p4 tandem placement start p4\n"
                      "end 2025-09-12 True p5 tandem placement complete p5\n"
                      "outcome_six_months 2026-01-29 False s2 tandem outcome add s2 --date DATE --status STATUS\n"
                      "outcome_six_months 2026-01-29 False s1 tandem outcome add s1 --date DATE --status STATUS\n"
                      "unplaced None False s5 tandem match\n"
                      "2025-12-01 0 2\n");
}

TEST_CASE("status: running the commands it names settles the items")
{
  TemporaryFolder temporary;
  const auto workspace = status_workspace(temporary.path());
  const auto tandem = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-C", workspace.string()});
    const auto result = run_tandem(arguments);
    INFO(result.err);
    CHECK(result.exit_code == 0);
  };
  tandem({"placement", "confirm", "p2"});
  tandem({"placement", "start", "p4"});
  tandem({"placement", "complete", "p5"});
  tandem({"student", "leave", "s4", "--date", "2025-08-29"});
  tandem({"outcome", "add", "s1", "--date", "2025-07-20", "--status", "job_seeking"});
  tandem({"student", "hold", "s5"});
  const auto result = status(workspace, {"--today", "2025-09-10"});
  REQUIRE(result.exit_code == 0);
  // s4 left on 08-29: day 12 of 28, the four-week follow-up is not yet due (day 21).
  // p2 is confirmed but starts before this week ends: `placement start` remains.
  CHECK(result.out == "Needs attention on 2025-09-10, most urgent first:\n"
                      "2025-09-01 OVERDUE  Placement p2, Jüri Ööbik at Beta Design Oy, 2025-09-01 to 2025-11-28: "
                      "started on 2025-09-01 and is still confirmed\n"
                      "                    -> tandem placement start p2\n");
}

TEST_CASE("status with nothing to do says so in one line, and nothing at all with --quiet")
{
  TemporaryFolder temporary;
  const auto workspace = temporary.path() / "new";
  REQUIRE(run_tandem({"init", workspace.string()}).exit_code == 0);
  const auto plain = status(workspace, {"--today", "2026-01-05"});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == "Nothing needs attention on 2026-01-05.\n");
  const auto quiet = run_tandem({"-C", workspace.string(), "--quiet", "status", "--today", "2026-01-05"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  // Items are printed even with --quiet: that is what the cron job is for.
  const auto fixture = status_workspace(temporary.path());
  const auto busy = run_tandem({"-C", fixture.string(), "--quiet", "status", "--today", "2025-09-10"});
  CHECK_THAT(busy.out, Catch::StartsWith("Needs attention on 2025-09-10"));
}
