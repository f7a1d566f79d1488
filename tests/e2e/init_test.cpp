#include "run_tandem.hpp"

#include <catch2/catch.hpp>

using namespace tandem::test;
namespace fs = std::filesystem;

TEST_CASE("init creates a workspace that check accepts")
{
  TemporaryFolder temporary;
  const auto workspace = temporary.path() / "new";
  const auto result = run_tandem({"init", workspace.string()});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  for (const auto* name : {"tandem.yaml", "students.csv", "companies.yaml", "events.yaml",
                           "attendance.csv", "placements.csv", "outcomes.csv"}) {
    INFO(name);
    CHECK(fs::is_regular_file(workspace / name));
  }
  CHECK(read_text(workspace / "placements.csv")
        == "id,opening_id,company_id,international_id,domestic_id,start,end,status,score,note\n");
  // The message templates, 7 messages in English, Finnish and Swedish, for staff to edit.
  for (const auto* name : {"event", "placement-start", "follow-up", "status-lag", "outcomes", "digest", "feedback"}) {
    for (const auto* language : {"en", "fi", "sv"}) {
      const auto file = workspace / "templates" / (std::string(name) + "." + language + ".txt");
      INFO(file);
      CHECK_THAT(read_text(file), Catch::StartsWith("Subject: "));
    }
  }
  CHECK_THAT(read_text(workspace / "templates" / "event.fi.txt"), Catch::Contains("Hei{{#name}} {{name}}{{/name}},"));
  const auto check = run_tandem({"-C", workspace.string(), "check"});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::StartsWith("check: ok: 0 students"));
}

TEST_CASE("init --example copies the example workspace")
{
  TemporaryFolder temporary;
  const auto workspace = temporary.path() / "example";
  CHECK(run_tandem({"init", workspace.string(), "--example"}).exit_code == 0);
  CHECK(read_text(workspace / "students.csv") == read_text(fs::path(TANDEM_EXAMPLES) / "students.csv"));
  CHECK(fs::is_regular_file(workspace / "imports" / "opiskelijarekisteri.csv"));
  CHECK(run_tandem({"-C", workspace.string(), "check"}).exit_code == 0);
}

TEST_CASE("init never overwrites: a folder with files in it is refused")
{
  TemporaryFolder temporary;
  write_text(temporary.path() / "students.csv", "precious\n");
  const auto result = run_tandem({"init", temporary.path().string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("the folder is not empty"));
  CHECK(read_text(temporary.path() / "students.csv") == "precious\n");
}
