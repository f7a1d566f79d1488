#include "run_tandem.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

// The fixture's free slots: beta-design has 2, one taken by a confirmed row.
const std::string free_slots = "acme-export=1 beta-design=1 gamma-autumn=1";

int python(const std::string& arguments)
{
  const std::string command = "/usr/bin/python3 " + arguments;
  return std::system(command.c_str());
}

std::string check_script()
{
  return (fs::path(TANDEM_SOURCE) / "tests" / "e2e" / "match_check.py").string();
}

bool has_line(const std::string& text, const std::string& line)
{
  const auto lines = lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

} // namespace

TEST_CASE("match writes the optimal plan to placements.csv and checks against its own score table")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto before = read_text(workspace / "placements.csv");
  const auto scores = temporary.path() / "scores.csv";
  const auto result = run_tandem({"-C", workspace.string(), "match", "--format", "json", "--scores", scores.string()});
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("3 proposed row(s) added, 1 earlier proposed row(s) replaced"));

  // Worked out by hand from the fixture (see its files): i3 fits nowhere,
  // i4 only the autumn opening; so i1 takes acme-export and i2 beta-design.
  const auto table = read_text(scores);
  // header + the 7 allowed candidates: i2 solo at gamma-autumn is allowed by the
  // rules but staff cancelled exactly that placement (p-old-3), so never again.
  CHECK(lines_of(table).size() == 8);
  CHECK(rows_with(table, "i2,,gamma-autumn").empty());
  CHECK(has_line(table, "i1,d1,acme-export,8.4"));   // 3 + 2 + 2 + 1 + 0.4, see the doc's example
  CHECK(has_line(table, "i2,,beta-design,3"));
  CHECK(has_line(table, "i4,,gamma-autumn,2"));
  CHECK(rows_with(table, "i3,").empty());

  const auto plan = temporary.path() / "plan.json";
  write_text(plan, result.out);
  CHECK(python(check_script() + " " + plan.string() + " " + scores.string() + " " + free_slots) == 0);
  CHECK_THAT(result.out, Catch::Contains("\"optimal\": true"));
  CHECK_THAT(result.out, Catch::Contains("{\"id\": \"i3\", \"reason\": \"no allowed placement"));

  // placements.csv: the confirmed and cancelled rows byte for byte (CRLF and the
  // staff's own column kept), the stale proposal gone, three new proposed rows.
  const auto after = read_text(workspace / "placements.csv");
  CHECK(after.rfind("id,opening_id,company_id,international_id,domestic_id,start,end,status,score,note,coordinator\r\n", 0) == 0);
  CHECK_THAT(after, Catch::Contains("p-old-1,beta-design,beta,i4,d3,2024-05-06,2024-08-09,confirmed,,agreed in March,Maija\r\n"));
  CHECK_THAT(after, Catch::Contains("p-old-3,gamma-autumn,gamma,i2,,,,cancelled,,student withdrew,Pekka\r\n"));
  CHECK(rows_with(after, "p-old-2").empty());
  CHECK_THAT(after, Catch::Contains("acme-export.i1,acme-export,acme,i1,d1,2024-05-06,2024-08-09,proposed,8.4,,\r\n"));
  CHECK(rows_with(after, ",proposed,").size() == 3);
  CHECK(rows_with(after, "gamma-autumn.i4,gamma-autumn,gamma,i4,,2024-09-02,2024-11-29,proposed,2,,").size() == 1);
  CHECK(read_text(workspace / ".tandem" / "backup" / "placements.csv" / fs::directory_iterator(workspace / ".tandem" / "backup" / "placements.csv")->path().filename()) == before);

  // Run again: the same plan, so placements.csv is left alone (one backup only).
  REQUIRE(run_tandem({"-C", workspace.string(), "match"}).exit_code == 0);
  CHECK(read_text(workspace / "placements.csv") == after);
  const auto backups = workspace / ".tandem" / "backup" / "placements.csv";
  CHECK(std::distance(fs::directory_iterator(backups), fs::directory_iterator{}) == 1);

  // The same input gives the same bytes.
  TemporaryFolder again;
  const auto second = copy_fixture("match", again.path());
  const auto rerun = run_tandem({"-C", second.string(), "match", "--format", "json"});
  CHECK(rerun.out == result.out);
  CHECK(read_text(second / "placements.csv") == after);
}

TEST_CASE("match --explain says why a student is not placed, and what an opening got")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto student = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--explain", "i3"});
  REQUIRE(student.exit_code == 0);
  // Every line names people and companies as students.csv and companies.yaml do.
  CHECK(has_line(student.out, "  Acme Export Oy (acme-export): rule 3 (availability): Oleg Ivanov (i3) is available for 5 day(s) of the opening, 28 needed"));
  CHECK(has_line(student.out, "  Beta Design Oy (beta-design): rule 2 (field): the opening is for engineering, Oleg Ivanov (i3) studies business"));
  CHECK(has_line(student.out, "  Gamma Trading Oy (gamma-autumn): rule 3 (availability): Oleg Ivanov (i3) is available for 0 day(s) of the opening, 28 needed"));

  const auto placed = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--explain", "i1"});
  CHECK(has_line(placed.out, "Anna Weber (i1) is placed at Acme Export Oy (acme-export) with Aino Korhonen (d1), score 8.40"));
  CHECK_THAT(placed.out, Catch::Contains("score = markets 3.000 + languages 2.000 + field 2.000 + skills 1.000"));

  const auto opening = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--explain", "gamma-autumn"});
  CHECK(has_line(opening.out, "Gamma Trading Oy (gamma-autumn) has 1 free slot(s) in this run and 1 placement(s) in the plan"));
  CHECK(has_line(opening.out, "placed: Ama Mensah (i4) at Gamma Trading Oy (gamma-autumn) solo, score 2.00"));
  CHECK(has_line(opening.out, "  Anna Weber (i1) at Gamma Trading Oy (gamma-autumn) solo, score 2.00: Anna Weber (i1) is "
                              "placed at Acme Export Oy (acme-export); the slot(s) of Gamma Trading Oy (gamma-autumn) "
                              "went to Ama Mensah (i4); this plan places the most international students, then scores "
                              "the highest in total"));
  CHECK(has_line(opening.out, "  Oleg Ivanov (i3): rule 3 (availability): Oleg Ivanov (i3) is available for 0 day(s) of the opening, 28 needed"));

  const auto json = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--format", "json", "--explain", "i3"});
  CHECK_THAT(json.out, Catch::Contains("\"explanation\": [\n    \"Oleg Ivanov (i3) is not placed: no allowed placement"));
  CHECK_THAT(json.err, Catch::Contains("dry run:"));

  const auto unknown = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--explain", "nobody"});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("--explain nobody: no student or opening has this id"));
}

TEST_CASE("match --dry-run leaves the workspace as it was and still writes --scores")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto before = read_text(workspace / "placements.csv");
  const auto scores = temporary.path() / "scores.csv";
  const auto result = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--scores", scores.string()});
  CHECK(result.exit_code == 0);
  CHECK(read_text(workspace / "placements.csv") == before);
  CHECK_FALSE(fs::exists(workspace / ".tandem"));
  CHECK(fs::exists(scores));
  CHECK_THAT(result.out, Catch::Contains("dry run: "));
}

TEST_CASE("match --lock keeps a proposal, --exclude leaves a student out, --term keeps other terms' proposals")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  REQUIRE(run_tandem({"-C", workspace.string(), "match"}).exit_code == 0);
  const auto first = read_text(workspace / "placements.csv");
  const auto acme_row = rows_with(first, "acme-export.i1,");
  REQUIRE(acme_row.size() == 1);

  const auto locked = run_tandem({"-C", workspace.string(), "match", "--format", "json", "--lock", "acme-export.i1",
                                  "--exclude", "i2"});
  REQUIRE(locked.exit_code == 0);
  const auto second = read_text(workspace / "placements.csv");
  CHECK(rows_with(second, "acme-export.i1,") == acme_row);
  CHECK(rows_with(second, ",i2,").size() == 1); // only the cancelled row
  CHECK_THAT(locked.out, Catch::Contains("{\"id\": \"i2\", \"reason\": \"left out of this run with --exclude\"}"));
  CHECK_THAT(locked.out, Catch::Contains("\"kept\": [\"acme-export.i1\"]"));

  // Autumn only: the summer proposals stay; gamma-autumn's proposal is replaced.
  const auto autumn = run_tandem({"-C", workspace.string(), "match", "--term", "autumn-2024", "--exclude", "i4"});
  REQUIRE(autumn.exit_code == 0);
  const auto third = read_text(workspace / "placements.csv");
  CHECK(rows_with(third, "acme-export.i1,") == acme_row);
  CHECK(rows_with(third, "gamma-autumn.i4").empty());
  // i1 is in the kept summer row and i3 breaks the rules there; i2 would fit, but
  // staff cancelled exactly that placement (p-old-3): it is never proposed again.
  CHECK(rows_with(third, "gamma-autumn.i2,").empty());
  CHECK(rows_with(third, ",proposed,").size() == 1);
  CHECK_THAT(autumn.out, Catch::Contains("never proposed again: 1 candidate(s) that staff cancelled\n"));
}

TEST_CASE("match --scores-in solves over the staff's table and names the line of a bad row")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto table = temporary.path() / "adjusted.csv";
  write_text(table, "international_id,domestic_id,opening_id,score\n"
                    "i1,d1,acme-export,1\n"
                    "i1,d2,acme-export,9.25\n"
                    "i2,,beta-design,3\n"
                    "i3,,beta-design,50\n");
  const auto result = run_tandem({"-C", workspace.string(), "match", "--format", "csv", "--scores-in", table.string()});
  REQUIRE(result.exit_code == 0);
  CHECK(has_line(result.out, "acme-export.i1,acme-export,acme,i1,d2,2024-05-06,2024-08-09,9.25"));
  CHECK(has_line(result.out, "beta-design.i2,beta-design,beta,i2,,2024-05-06,2024-08-09,3"));
  CHECK(lines_of(result.out).size() == 3); // gamma-autumn is in no row of the table
  CHECK_THAT(result.err, Catch::Contains(table.string() + ":5: warning: left out: breaks rule 2 (the opening is for engineering, Oleg Ivanov (i3) studies business)"));

  const auto before = read_text(workspace / "placements.csv");
  write_text(table, "international_id,domestic_id,opening_id,score\n"
                    "i1,d1,acme-export,1\n"
                    "i9,,beta-design,3\n"
                    "i2,,beta-design,many\n");
  const auto bad = run_tandem({"-C", workspace.string(), "match", "--scores-in", table.string()});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains(table.string() + ":3: error: i9 is not a student or opening of the workspace"));
  CHECK_THAT(bad.err, Catch::Contains(table.string() + ":4:4: error: score: expected a number such as 12.5, got \"many\""));
  CHECK(read_text(workspace / "placements.csv") == before);
}

TEST_CASE("match --method stable gives a plan with no blocking pair on the fixture")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto result = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--method", "stable", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("\"method\": \"stable\""));
  CHECK_THAT(result.out, Catch::Contains("\"stable\": true,\n  \"blocking_minimum_proven\": true,\n  \"blocking\": []"));
  // Without stated preferences everyone ranks by score: i1 and d1 rank acme-export
  // with each other first, so the stable plan has them together.
  CHECK_THAT(result.out, Catch::Contains("\"international_id\": \"i1\", \"domestic_id\": \"d1\""));
}

// Hidden from the default run ([.]), so that the run of every test case does
// not repeat it: ctest runs it once, labelled slow (tests/CMakeLists.txt).
TEST_CASE("match --method stable finds a stable plan on a market of 6.9 million candidates", "[.large]")
{
  // The benchmark generator's market of 400 / 270 / 300 (seed 3): trying
  // blocking candidates in the order found left 19 blocking pairs here, the
  // highest score first leaves none (docs/performance.md, round 8).
  TemporaryFolder temporary;
  const auto workspace = temporary.path() / "market";
  const auto generator = fs::path(TANDEM_SOURCE) / "tests" / "bench" / "make_match_workspace.py";
  REQUIRE(python(generator.string() + " " + workspace.string() + " 400 270 300 3 > /dev/null") == 0);
  const auto result = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--method", "stable", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("\"stable\": true,\n  \"blocking_minimum_proven\": true,\n  \"blocking\": []"));
}

TEST_CASE("match: a usage error exits 2, an impossible request or a broken workspace 1, a held lock 75")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  CHECK(run_tandem({"-C", workspace.string(), "match", "--method", "fastest"}).exit_code == 2);
  CHECK(run_tandem({"-C", workspace.string(), "match", "--format", "xml"}).exit_code == 2);
  const auto lock = run_tandem({"-C", workspace.string(), "match", "--lock", "p-old-1"});
  CHECK(lock.exit_code == 1);
  CHECK_THAT(lock.err, Catch::Contains("--lock p-old-1: the placement is confirmed"));
  const auto term = run_tandem({"-C", workspace.string(), "match", "--term", "winter"});
  CHECK(term.exit_code == 1);
  CHECK_THAT(term.err, Catch::Contains("no term \"winter\" in tandem.yaml"));

  const auto placements = read_text(workspace / "placements.csv");
  fs::create_directories(workspace / ".tandem");
  const int fd = ::open((workspace / ".tandem" / "lock").c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  const auto held = run_tandem({"-C", workspace.string(), "match"});
  ::close(fd);
  CHECK(held.exit_code == 75);
  CHECK(read_text(workspace / "placements.csv") == placements);

  write_text(workspace / "students.csv", read_text(workspace / "students.csv") + "i5,No,Email,,international,business,,,,,,\n");
  const auto broken = run_tandem({"-C", workspace.string(), "match"});
  CHECK(broken.exit_code == 1);
  CHECK_THAT(broken.err, Catch::Contains("students.csv:9"));
  CHECK(read_text(workspace / "placements.csv") == placements);
}

namespace {

// A workspace of n international students and n solo openings with the
// OR-Library instance as its --scores-in table: score = K - cost (README of
// tests/data/or-library), so the optimum places all n and scores n*K - optimum.
fs::path or_library_workspace(const std::string& instance, bool sparse, long k, const fs::path& folder)
{
  std::ifstream in(fs::path(TANDEM_SOURCE) / "tests" / "data" / "or-library" / instance);
  int n = 0;
  in >> n;
  const auto workspace = folder / "ws";
  fs::create_directories(workspace);
  write_text(workspace / "tandem.yaml", "project: {name: OR-Library, start: 2024-01-01, end: 2024-12-31}\n");
  std::ostringstream students;
  students << "id,first_name,last_name,email,group,field\n";
  std::ostringstream companies;
  companies << "companies:\n  - id: or\n    name: OR\n    business_id: 2451398-6\n    openings:\n";
  for (int i = 1; i <= n; ++i) {
    students << "s" << i << ",A,B,s" << i << "@example.fi,international,business\n";
    companies << "      - {id: o" << i << ", kind: solo, start: 2024-05-01, end: 2024-08-31}\n";
  }
  write_text(workspace / "students.csv", students.str());
  write_text(workspace / "companies.yaml", companies.str());
  std::ostringstream scores;
  scores << "international_id,domestic_id,opening_id,score\n";
  if (sparse) {
    int i = 0;
    int j = 0;
    long cost = 0;
    while (in >> i >> j >> cost) {
      scores << "s" << i << ",,o" << j << "," << k - cost << "\n";
    }
  } else {
    for (int i = 1; i <= n; ++i) {
      for (int j = 1; j <= n; ++j) {
        long cost = 0;
        in >> cost;
        scores << "s" << i << ",,o" << j << "," << k - cost << "\n";
      }
    }
  }
  write_text(folder / "scores.csv", scores.str());
  return workspace;
}

} // namespace

TEST_CASE("match --scores-in solves OR-Library assignment instances to their known optima")
{
  struct Instance {
    std::string file;
    bool sparse;
    long k;
    int n;
    long optimum;
  };
  for (const auto& instance : {Instance{"assign100.txt", false, 1000, 100, 305},
                               Instance{"assign800.txt", false, 1000, 800, 1552},
                               Instance{"assignp800.txt", true, 1000000, 800, 2239},
                               Instance{"assignp1500.txt", true, 1000000, 1500, 5839}}) {
    TemporaryFolder temporary;
    const auto workspace = or_library_workspace(instance.file, instance.sparse, instance.k, temporary.path());
    const auto result = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--format", "json",
                                    "--scores-in", (temporary.path() / "scores.csv").string()});
    INFO(instance.file << ": " << result.err.substr(0, 500));
    REQUIRE(result.exit_code == 0);
    const long expected = static_cast<long>(instance.n) * instance.k - instance.optimum;
    CHECK_THAT(result.out, Catch::Contains("\"objective\": " + std::to_string(expected) + ","));
    CHECK_THAT(result.out, Catch::Contains("\"optimal\": true"));
    CHECK_THAT(result.out, Catch::Contains("\"placed\": " + std::to_string(instance.n) + ","));
  }
}

TEST_CASE("match --scores-in refuses a row whose students are in the wrong columns")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto table = temporary.path() / "adjusted.csv";
  write_text(table, "international_id,domestic_id,opening_id,score\n"
                    "i1,i2,acme-export,5\n"   // two international students
                    "d1,,beta-design,3\n");   // a domestic student in the international column
  const auto before = read_text(workspace / "placements.csv");
  const auto result = run_tandem({"-C", workspace.string(), "match", "--scores-in", table.string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains(table.string() + ":2: error: i2 is in the group international of "
                                         "students.csv, but the column domestic_id takes domestic students"));
  CHECK_THAT(result.err, Catch::Contains(table.string() + ":3: error: d1 is in the group domestic of "
                                         "students.csv, but the column international_id takes international students"));
  CHECK(read_text(workspace / "placements.csv") == before);
}

TEST_CASE("excel: CSV outputs as Excel opens them in a Finnish locale, and no other format")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto plain = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--format", "csv"});
  const auto excel = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--excel"});
  REQUIRE(plain.exit_code == 0);
  REQUIRE(excel.exit_code == 0);
  CHECK(excel.out.starts_with("\xEF\xBB\xBF" "id;opening_id;company_id;international_id;domestic_id;start;end;score\r\n"));
  CHECK_THAT(excel.out, Catch::Contains("acme-export.i1;acme-export;acme;i1;d1;2024-05-06;2024-08-09;8,4\r\n"));
  // Python's csv module reads both to the same rows, once the decimal comma is a point again.
  write_text(temporary.path() / "plain.csv", plain.out);
  write_text(temporary.path() / "excel.csv", excel.out);
  const auto same = run_program(
    "/usr/bin/python3",
    {"-c",
     "import csv, sys\n"
     "plain = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))\n"
     "excel = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig', newline=''), delimiter=';'))\n"
     "excel = [[c.replace(',', '.') for c in row] for row in excel]\n"
     "print(len(plain), plain == excel)\n",
     (temporary.path() / "plain.csv").string(), (temporary.path() / "excel.csv").string()});
  CHECK(same.out == "4 True\n");
  const auto refused = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--excel", "--format", "json"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("--excel writes CSV"));
  const auto list = run_tandem({"-C", workspace.string(), "placement", "list", "--excel"});
  CHECK(list.out.starts_with("\xEF\xBB\xBF" "id;status;company;international;domestic;start;end;locked\r\n"));
  const auto report = run_tandem({"-C", workspace.string(), "report", "--excel"});
  CHECK(report.out.starts_with("\xEF\xBB\xBF" "indicator;breakdown;value\r\n"));
}

TEST_CASE("match --compare: both plans side by side, with who is placed differently, and nothing written")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto before = read_text(workspace / "placements.csv");
  const auto result = run_tandem({"-C", workspace.string(), "match", "--compare"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // Worked out by hand from the fixture's scores (--scores): the optimal plan pairs
  // Linh Tran (i2) with Eero Niemi (d2) at beta-design (3.00), but Linh ranks the
  // solo candidate there (also 3.00, listed first) higher, and so does the opening
  // (same score, listed first): one blocking pair, which the stable plan removes.
  CHECK(result.out == "                              optimal       stable\n"
                      "students placed                     3            3\n"
                      "total score                     13.40        13.40\n"
                      "blocking pairs                      1            0\n"
                      "proven                        optimal       fewest\n"
                      "\n"
                      "1 student(s) placed differently:\n"
                      "  Linh Tran (i2)\n"
                      "    optimal: beta-design at Beta Design Oy with Eero Niemi (3.00)\n"
                      "    stable:  beta-design at Beta Design Oy solo (3.00)\n");
  CHECK(read_text(workspace / "placements.csv") == before);
  CHECK(run_tandem({"-C", workspace.string(), "match", "--compare", "--method", "stable"}).exit_code == 2);
}
