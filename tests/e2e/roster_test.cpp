#include "run_tandem.hpp"

#include <catch2/catch.hpp>

using namespace tandem::test;
namespace fs = std::filesystem;

// `tandem student` and `tandem outcome add` on the status fixture (see
// status_test.cpp): s4 Sami Niemi joined 2025-01-10; s1 Linh Tran left 2025-06-30.

namespace {

RunResult tandem_in(const fs::path& workspace, std::vector<std::string> arguments)
{
  arguments.insert(arguments.begin(), {"-C", workspace.string()});
  return run_tandem(arguments);
}

} // namespace

TEST_CASE("student hold, release and leave change students.csv and nothing else in it")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("status", temporary.path());
  const auto file = workspace / "students.csv";
  const auto before = read_text(file);

  const auto hold = tandem_in(workspace, {"student", "hold", "s5"});
  INFO(hold.err);
  REQUIRE(hold.exit_code == 0);
  CHECK(hold.out == "Maria Silva (s5): on hold: every match leaves them out until released\n");
  CHECK(rows_with(read_text(file), "s5,") ==
        std::vector<std::string>{"s5,Maria,Silva,maria.silva@example.fi,international,business,pt:native;en:C1,"
                                 "2025-08-15,,hold"});
  CHECK(tandem_in(workspace, {"student", "hold", "s5"}).out == "Maria Silva (s5): already on hold\n");
  REQUIRE(tandem_in(workspace, {"student", "release", "s5"}).exit_code == 0);
  CHECK(read_text(file) == before);

  const auto leave = tandem_in(workspace, {"student", "leave", "s4", "--date", "2025-08-29"});
  REQUIRE(leave.exit_code == 0);
  CHECK(leave.out == "Sami Niemi (s4): left on 2025-08-29\n");
  CHECK(rows_with(read_text(file), "s4,")[0] ==
        "s4,Sami,Niemi,sami.niemi@example.fi,domestic,engineering,fi:native;en:B2,2025-01-10,2025-08-29,");
  CHECK(fs::exists(workspace / ".tandem" / "backup" / "students.csv"));
}

TEST_CASE("student and outcome refuse what would break the workspace, and write nothing")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("status", temporary.path());
  const auto students = read_text(workspace / "students.csv");
  const auto outcomes = read_text(workspace / "outcomes.csv");

  const auto early = tandem_in(workspace, {"student", "leave", "s4", "--date", "2024-12-31"});
  CHECK(early.exit_code == 1);
  CHECK_THAT(early.err, Catch::Contains("refused: Sami Niemi (s4): cannot leave on 2024-12-31, before their "
                                        "first activity in the project (2025-01-10)"));
  const auto unknown = tandem_in(workspace, {"student", "hold", "s5", "nobody"});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("students.csv has no student nobody"));
  const auto no_date = tandem_in(workspace, {"student", "leave", "s4"});
  CHECK(no_date.exit_code == 2);
  const auto bad_status = tandem_in(workspace, {"outcome", "add", "s1", "--date", "2025-07-20", "--status", "hired"});
  CHECK(bad_status.exit_code == 2);
  const auto stranger = tandem_in(workspace, {"outcome", "add", "s99", "--date", "2025-07-20", "--status", "employed"});
  CHECK(stranger.exit_code == 1);
  CHECK_THAT(stranger.err, Catch::Contains("students.csv has no student s99"));
  CHECK(read_text(workspace / "students.csv") == students);
  CHECK(read_text(workspace / "outcomes.csv") == outcomes);
}

TEST_CASE("outcome add appends a row, and replaces the row of the same student and date")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("status", temporary.path());
  const auto file = workspace / "outcomes.csv";
  const auto first = tandem_in(workspace, {"outcome", "add", "s1", "--date", "2025-07-20", "--status", "job_seeking"});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == "Linh Tran (s1): job_seeking on 2025-07-20\n");
  const auto second = tandem_in(workspace, {"outcome", "add", "s1", "--date", "2025-07-20", "--status", "employed",
                                            "--employer", "acme", "--note", "phone call"});
  REQUIRE(second.exit_code == 0);
  CHECK(second.out == "Linh Tran (s1): employed on 2025-07-20 at acme (replaces the row of that date)\n");
  CHECK(read_text(file) == "student_id,date,status,employer,note\n"
                           "s2,2025-07-15,employed,acme,\n"
                           "s1,2025-07-20,employed,acme,phone call\n");
  // The result indicators read it: s1's four-week follow-up is no longer overdue.
  const auto check = tandem_in(workspace, {"check", "--today", "2025-09-10"});
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.err, !Catch::Contains("s1 left on"));
}
