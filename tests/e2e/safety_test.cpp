#include "run_tandem.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <map>
#include <random>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

fs::path write_export(const fs::path& folder)
{
  const auto path = folder / "export.csv";
  write_text(path, "id,first_name,last_name,email,group,field\n"
                   "s3,Minh,Le,minh.le@example.fi,international,engineering\n");
  return path;
}

} // namespace

TEST_CASE("a run killed mid-write leaves the old file intact, and the next run completes")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto before = read_text(workspace / "students.csv");
  const auto source = write_export(temporary.path());

  // The hook kills the process after the new file is on disk under its temporary
  // name, just before the rename that would publish it.
  const auto killed = run_tandem({"import", "students", source.string()},
                                 {workspace, {{"TANDEM_TEST_CRASH_BEFORE_RENAME", "1"}}});
  CHECK(killed.signal == SIGKILL);
  CHECK(read_text(workspace / "students.csv") == before);

  const auto next = run_tandem({"import", "students", source.string()}, {workspace, {}});
  CHECK(next.exit_code == 0);
  CHECK_THAT(read_text(workspace / "students.csv"), Catch::Contains("s3,Minh,Le"));
  for (const auto& entry : fs::directory_iterator(workspace)) {
    CHECK(entry.path().filename().string().find(".tandem-tmp-") == std::string::npos);
  }
}

TEST_CASE("a second run waits for the lock, then exits 75 and writes nothing")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto before = read_text(workspace / "students.csv");
  fs::create_directories(workspace / ".tandem");
  const int fd = ::open((workspace / ".tandem" / "lock").c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0); // another run holds the workspace
  const auto result = run_tandem({"import", "students", write_export(temporary.path()).string()},
                                 {workspace, {{"TANDEM_LOCK_WAIT_SECONDS", "0.3"}}});
  ::close(fd);
  CHECK(result.exit_code == 75);
  CHECK_THAT(result.err, Catch::Contains("another tandem run holds the workspace lock"));
  CHECK(read_text(workspace / "students.csv") == before);
}

TEST_CASE("each replaced file is backed up under .tandem/backup/")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto before = read_text(workspace / "students.csv");
  CHECK(run_tandem({"import", "students", write_export(temporary.path()).string()}, {workspace, {}})
          .exit_code == 0);
  const auto folder = workspace / ".tandem" / "backup" / "students.csv";
  REQUIRE(fs::is_directory(folder));
  const auto copy = fs::directory_iterator(folder)->path();
  CHECK(read_text(copy) == before);
}

TEST_CASE("an unreadable export fails cleanly with exit 1 and names the file")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto result = run_tandem({"import", "students", "no-such-file.csv"}, {workspace, {}});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "tandem: no-such-file.csv: no such file\n");
  CHECK(result.out.empty());
}

TEST_CASE("no output the command line names may overwrite a workspace file or write into .tandem")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  std::map<fs::path, std::string> before;
  for (const auto& entry : fs::directory_iterator(workspace)) {
    if (entry.is_regular_file()) {
      before[entry.path()] = read_text(entry.path());
    }
  }
  fs::create_symlink(workspace / "students.csv", workspace / "roster-link.csv");
  const RunOptions in_workspace{workspace, {}};
  const std::vector<std::pair<std::vector<std::string>, std::string>> refused = {
    {{"report", "--output", "students.csv"}, "--output students.csv: that is the workspace's students.csv"},
    {{"report", "participants", "--output", "./outcomes.csv"}, "that is the workspace's outcomes.csv"},
    {{"report", "--output", "roster-link.csv"}, "--output roster-link.csv: that is the workspace's students.csv"},
    {{"match", "--dry-run", "--scores", "placements.csv"}, "--scores placements.csv: that is the workspace's "
                                                           "placements.csv"},
    {{"schedule", "--format", "ics", "--output", "tandem.yaml"}, "that is the workspace's tandem.yaml"},
    {{"schedule", "remind", "--dry-run", "--today", "2022-01-01", "--outbox", ".tandem/outbox"},
     "--outbox .tandem/outbox: that is the workspace's .tandem/"},
  };
  for (const auto& [arguments, message] : refused) {
    const auto result = run_tandem(arguments, in_workspace);
    INFO(arguments.front() << " " << arguments.back());
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::Contains(message));
  }
  for (const auto& [path, text] : before) {
    INFO(path);
    CHECK(read_text(path) == text);
  }
  CHECK_FALSE(fs::exists(workspace / ".tandem" / "outbox"));
  // Another file in the workspace folder is the user's to write.
  CHECK(run_tandem({"report", "--output", "report.md"}, in_workspace).exit_code == 0);
  CHECK(fs::exists(workspace / "report.md"));
}

TEST_CASE("a CSV file whose lines end in a carriage return alone is refused, never rewritten")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  std::string placements = read_text(workspace / "placements.csv");
  std::replace(placements.begin(), placements.end(), '\n', '\r'); // as "CSV (Macintosh)" saves it
  write_text(workspace / "placements.csv", placements);
  const auto check = run_tandem({"-C", workspace.string(), "check"});
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.err, Catch::Contains("placements.csv:1: error: the lines end in a carriage return alone"));
  const auto match = run_tandem({"-C", workspace.string(), "match"});
  CHECK(match.exit_code == 1);
  CHECK(read_text(workspace / "placements.csv") == placements);
  // An export saved that way is refused too, and the roster stays as it was.
  const auto roster = read_text(workspace / "students.csv");
  write_text(temporary.path() / "export.csv", "id,first_name,last_name,email,group,field\rs9,A,B,a@b.fi,domestic,other\r");
  const auto import = run_tandem({"-C", workspace.string(), "import", "students", (temporary.path() / "export.csv").string()});
  CHECK(import.exit_code == 1);
  CHECK_THAT(import.err, Catch::Contains("carriage return alone"));
  CHECK(read_text(workspace / "students.csv") == roster);
}

TEST_CASE("values that name nothing are refused: a choice by number, a lock wait of inf, a score of nan")
{
  // CLI11's own transformer took an option's number: `--format 3` printed HTML.
  const auto by_number = run_tandem({"-C", TANDEM_EXAMPLES, "report", "--format", "3"});
  CHECK(by_number.exit_code == 2);
  CHECK(by_number.out.empty());
  CHECK_THAT(by_number.err, Catch::Contains("unknown value '3': use csv, html, json, md or xlsx"));
  CHECK(run_tandem({"-C", TANDEM_EXAMPLES, "report", "--format", "HTML"}).exit_code == 0);
  CHECK(run_tandem({"-C", TANDEM_EXAMPLES, "match", "--dry-run", "--method", "1"}).exit_code == 2);

  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  for (const auto* wait : {"inf", "nan", "-1", "5s", "100000"}) {
    const auto locked = run_tandem({"-C", workspace.string(), "match"}, {{}, {{"TANDEM_LOCK_WAIT_SECONDS", wait}}});
    INFO(wait);
    CHECK(locked.exit_code == 2);
    CHECK_THAT(locked.err, Catch::Contains("TANDEM_LOCK_WAIT_SECONDS: expected seconds from 0 to 86400"));
  }
  std::string placements = read_text(workspace / "placements.csv");
  const auto score = placements.find(",completed,") + std::string(",completed,").size();
  for (const auto* bad : {"nan", "-inf", "inf"}) {
    std::string edited = placements;
    edited.replace(score, edited.find(',', score) - score, bad);
    write_text(workspace / "placements.csv", edited);
    const auto check = run_tandem({"-C", workspace.string(), "check"});
    INFO(bad);
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.err, Catch::Contains("placements.csv:2:9: error: score: expected a number such as 12.5, got \""
                                          + std::string(bad) + "\""));
  }
}

TEST_CASE("messages: a bad value cannot fake a line, and each names the real problem")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto good_project = read_text(workspace / "tandem.yaml");

  SECTION("a line break in a bad value is escaped, not printed")
  {
    write_text(workspace / "students.csv", "id,first_name,last_name,email,group,field\n"
                                           "s1,Anna,Berg,\"x\nstudents.csv:9: error: forged\",international,business\n");
    const auto check = run_tandem({"check"}, {workspace, {}});
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.err, Catch::Contains("got \"x\\nstudents.csv:9: error: forged\"\n"));
    CHECK(lines_of(check.err).size() == 1);
  }
  SECTION("an alias with no anchor is an error at its line and column")
  {
    write_text(workspace / "companies.yaml", "companies:\n  - *steel\n");
    const auto check = run_tandem({"check"}, {workspace, {}});
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.err, Catch::Contains("companies.yaml:2:5: error: not valid YAML: the alias *steel names no "
                                          "anchor (&steel) defined before it\n"));
  }
  SECTION("an empty tandem.yaml is an error at line 1, column 1")
  {
    write_text(workspace / "tandem.yaml", "");
    const auto check = run_tandem({"check"}, {workspace, {}});
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.err, Catch::Contains("tandem.yaml:1:1: error: expected a mapping with the keys project:"));
  }
  SECTION("a folder where a file should be is called a folder, for required and optional files")
  {
    for (const std::string name : {"students.csv", "companies.yaml", "placements.csv"}) {
      INFO(name);
      fs::remove(workspace / name);
      fs::create_directory(workspace / name);
      const auto check = run_tandem({"check"}, {workspace, {}});
      CHECK(check.exit_code == 1);
      CHECK_THAT(check.err, Catch::Contains(name + ": error: this is a folder; expected a file\n"));
      fs::remove(workspace / name);
    }
  }
  SECTION("-C naming a file says it names a folder, without suggesting init on the file")
  {
    const auto file = (workspace / "tandem.yaml").string();
    const auto check = run_tandem({"-C", file, "check"});
    CHECK(check.exit_code == 1);
    CHECK(check.err == "tandem: " + file + ": this is a file; -C (or TANDEM_WORKSPACE) names the workspace "
                       "folder, such as " + workspace.string() + "\n");
    CHECK(read_text(workspace / "tandem.yaml") == good_project);
  }
}

TEST_CASE("messages: a read-only file system is named as such")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  // A private mount namespace with the workspace bound read-only (util-linux's unshare).
  const auto result = run_program(
    "/usr/bin/unshare",
    {"--user", "--map-root-user", "--mount", "sh", "-c",
     "mount --bind -o ro \"$1\" \"$1\" && exec \"$2\" -C \"$1\" import students \"$3\"", "sh",
     workspace.string(), TANDEM_BINARY, write_export(temporary.path()).string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains(".tandem: cannot create tandem's state folder: Read-only file system"));
  CHECK_FALSE(fs::exists(workspace / ".tandem"));
}

// Hidden from the default run ([.]): ctest runs it as "slow" (tests/CMakeLists.txt).
TEST_CASE("slow: 50 SIGKILLs at random moments of import on a large roster leave every file old or new",
          "[.slow]")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  // 30,000 students (about 2.5 MB); the export changes every row's municipality.
  constexpr int students = 30000;
  const std::string header = "id,first_name,last_name,email,group,field,municipality\n";
  std::string roster = header;
  std::string export_text = header;
  for (int i = 0; i < students; ++i) {
    const std::string id = "s" + std::to_string(i);
    const std::string row = id + ",First" + std::to_string(i) + ",Last," + id + "@example.fi,"
                            + (i % 2 == 0 ? "international" : "domestic") + ",business,";
    roster += row + "Kokkola\n";
    export_text += row + "Vaasa\n";
  }
  write_text(workspace / "students.csv", roster);
  write_text(temporary.path() / "export.csv", export_text);
  const std::vector<std::string> import{"import", "students", (temporary.path() / "export.csv").string()};
  const auto backups = workspace / ".tandem" / "backup" / "students.csv";

  // How long one whole run takes here, to spread the kills over it.
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_tandem(import, {workspace, {}}).exit_code == 0);
  const auto whole = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  const std::string updated = read_text(workspace / "students.csv");
  REQUIRE(updated != roster);

  std::mt19937 random(20261201); // fixed: the same moments on every run of the test
  std::uniform_int_distribution<long> moment(0, whole.count());
  int kills = 0;
  int completed = 0;
  // Until 50 runs were killed (a run may finish before its moment comes).
  for (int round = 0; kills < 50 && round < 500; ++round) {
    write_text(workspace / "students.csv", roster); // each round starts from the old version
    const auto run = run_tandem_killed_after(import, {workspace, {}}, std::chrono::milliseconds(moment(random)));
    (run.signal == SIGKILL ? kills : completed) += 1;
    const std::string now = read_text(workspace / "students.csv");
    INFO("round " << round << (run.signal == SIGKILL ? " (killed)" : " (completed)"));
    CHECK((now == roster || now == updated));
    // Every backup is a whole version, and the old one is among them.
    bool old_kept = false;
    for (const auto& entry : fs::directory_iterator(backups)) {
      if (entry.path().filename().string().find(".tandem-tmp-") != std::string::npos) {
        continue; // a copy being made when the run was killed: the next run removes it
      }
      const std::string copy = read_text(entry.path());
      CHECK((copy == roster || copy == updated));
      old_kept = old_kept || copy == roster;
    }
    CHECK(old_kept);
  }
  CHECK(kills == 50);
  // A last whole run completes and leaves no temporary file anywhere.
  write_text(workspace / "students.csv", roster);
  REQUIRE(run_tandem(import, {workspace, {}}).exit_code == 0);
  CHECK(read_text(workspace / "students.csv") == updated);
  for (const auto& entry : fs::recursive_directory_iterator(workspace)) {
    CHECK(entry.path().filename().string().find(".tandem-tmp-") == std::string::npos);
  }
}

TEST_CASE("the command line: an unknown command is named with the closest, global options go either side, "
          "choices are listed in plain words, every help has an example")
{
  const auto typo = run_tandem({"shedule"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err == "tandem: unknown command 'shedule': did you mean 'schedule'?\n");
  const auto unknown = run_tandem({"-C", TANDEM_EXAMPLES, "--quiet", "foo"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::StartsWith("tandem: unknown command 'foo': use init, check, import, match,"));
  CHECK_THAT(unknown.err, Catch::EndsWith(" or status\n"));

  const auto quiet_after = run_tandem({"check", "-C", TANDEM_EXAMPLES, "--quiet"});
  CHECK(quiet_after.exit_code == 0);
  CHECK(quiet_after.out.empty());
  const auto verbose_after = run_tandem({"-C", TANDEM_EXAMPLES, "check", "--verbose"});
  CHECK(verbose_after.exit_code == 0);

  const auto status = run_tandem({"-C", TANDEM_EXAMPLES, "placement", "list", "--status", "done"});
  CHECK(status.exit_code == 2);
  CHECK_THAT(status.err, Catch::Contains("--status: unknown value 'done': use proposed, confirmed, started, completed "
                                         "or cancelled"));

  for (const auto& command : std::vector<std::vector<std::string>>{
         {"init"}, {"check"}, {"import"}, {"match"}, {"placement", "confirm"}, {"placement", "list"},
         {"student", "hold"}, {"outcome", "add"}, {"profiles"}, {"report"}, {"report", "participants"},
         {"schedule"}, {"schedule", "remind"}, {"status"}}) {
    auto arguments = command;
    arguments.emplace_back("--help");
    const auto help = run_tandem(arguments);
    INFO(arguments[0] + " " + arguments[1]);
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("Options:") && Catch::Contains("Example:\n  tandem "));
  }
}
