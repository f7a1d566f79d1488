#include "run_tandem.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <sstream>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

using Row = std::vector<std::string>;

// The workbook as sheet -> rows of typed cells ("n:84", "s:<5", "d:2023-03-30",
// "" for an empty cell), read back by openpyxl (tests/e2e/xlsx_read.py).
std::map<std::string, std::vector<Row>> read_workbook(const fs::path& file)
{
  const auto read = run_program("/usr/bin/python3", {std::string(TANDEM_SOURCE) + "/tests/e2e/xlsx_read.py",
                                                     file.string()});
  INFO(read.err);
  REQUIRE(read.exit_code == 0);
  std::map<std::string, std::vector<Row>> sheets;
  for (const auto& line : lines_of(read.out)) {
    std::istringstream cells(line);
    std::string sheet;
    std::getline(cells, sheet, '\t');
    Row row;
    for (std::string cell; std::getline(cells, cell, '\t');) {
      row.push_back(cell);
    }
    sheets[sheet].push_back(row);
  }
  return sheets;
}

// The first row of `rows` whose first cell is `first`.
Row row_starting(const std::vector<Row>& rows, const std::string& first)
{
  for (const auto& row : rows) {
    if (!row.empty() && row.front() == first) {
      return row;
    }
  }
  return {};
}

} // namespace

TEST_CASE("report --format xlsx: a sheet per table, numbers as numbers, <5 as text")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto file = temporary.path() / "raportti.xlsx";
  const auto result = run_tandem({"-C", workspace.string(), "report", "--format", "xlsx", "--output", file.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.empty());
  const auto sheets = read_workbook(file);
  std::vector<std::string> names;
  for (const auto& sheet : sheets) {
    names.push_back(sheet.first);
  }
  CHECK(names == std::vector<std::string>{"By gender", "Feedback", "Indicators", "Report", "Targets", "Terms"});
  // The Export Expert project: 56 companies and 84 students took part; the plan
  // in the example's tandem.yaml is 35 and 45.
  CHECK(sheets.at("Targets") == std::vector<Row>{{"s:target", "s:planned", "s:actual"},
                                                 {"s:companies", "n:35", "n:56"},
                                                 {"s:participants", "n:45", "n:84"}});
  CHECK(row_starting(sheets.at("Indicators"), "s:participants_total") == Row{"s:participants_total", "", "n:84"});
  CHECK(row_starting(sheets.at("Report"), "s:from") == Row{"s:from", "d:2021-11-01"});
  CHECK(row_starting(sheets.at("Report"), "s:to") == Row{"s:to", "d:2023-10-31"});

  // Public: every count of people from 1 to 4 is text; no number below 5 but 0
  // (companies and events are no people: they stay as they are).
  const auto public_file = temporary.path() / "public.xlsx";
  REQUIRE(run_tandem({"-C", workspace.string(), "report", "--public", "--format", "xlsx", "--output",
                      public_file.string()})
            .exit_code == 0);
  const auto shown = read_workbook(public_file);
  std::size_t below = 0;
  for (const auto& sheet : {"Indicators", "By gender", "Terms"}) {
    for (const auto& row : shown.at(sheet)) {
      if (std::string(sheet) != "By gender" && row.front().rfind("s:participants", 0) != 0) {
        continue;
      }
      for (std::size_t c = 1; c < row.size(); ++c) {
        INFO(sheet << ": " << row.front() << " " << row[c]);
        if (row[c].rfind("n:", 0) == 0) {
          const double value = std::stod(row[c].substr(2));
          CHECK((value == 0 || value >= 5));
        }
        below += row[c] == "s:<5" ? 1 : 0;
      }
    }
  }
  CHECK(below > 0);
}

TEST_CASE("report participants, placement list and schedule --format xlsx: days as dates, ids as text")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto participants = temporary.path() / "osallistujat.xlsx";
  REQUIRE(run_tandem({"-C", workspace.string(), "report", "participants", "--format", "xlsx", "--output",
                      participants.string()})
            .exit_code == 0);
  const auto people = read_workbook(participants).at("Participants");
  CHECK(people.size() == 85); // the header and the example's 84 participants
  // students.csv: s22002 Tunde Bello, born 1998-12-03, joined 2023-03-30 (24 then),
  // left 2023-10-01, employed on entry.
  const auto tunde = row_starting(people, "s:s22002");
  REQUIRE(tunde.size() == 17);
  CHECK(Row(tunde.begin(), tunde.begin() + 10) == Row{"s:s22002", "s:Bello", "s:Tunde", "d:2023-03-30", "d:2023-10-01",
                                                      "s:international", "s:male", "n:24", "s:under_25", "s:employed"});

  const auto placements = temporary.path() / "harjoittelut.xlsx";
  REQUIRE(run_tandem({"-C", workspace.string(), "placement", "list", "--format", "xlsx", "--output",
                      placements.string()})
            .exit_code == 0);
  // placements.csv line 2: p001 at kristinestad-wind, s22006 Rahim Akter with
  // s23002 Iida Lehtonen, 2022-05-09 to 2022-08-12, completed.
  CHECK(row_starting(read_workbook(placements).at("Placements"), "s:p001") ==
        Row{"s:p001", "s:completed", "s:Kristinestad Wind Oy", "s:Rahim Akter", "s:Iida Lehtonen", "d:2022-05-09",
            "d:2022-08-12"});

  const auto calendar = temporary.path() / "kalenteri.xlsx";
  REQUIRE(run_tandem({"-C", workspace.string(), "schedule", "--format", "xlsx", "--output", calendar.string()})
            .exit_code == 0);
  const auto items = read_workbook(calendar).at("Schedule");
  // The same items as the CSV (cancelled ones left out in both), in the same order.
  const auto csv = lines_of(run_tandem({"-C", workspace.string(), "schedule", "--format", "csv"}).out);
  REQUIRE(items.size() == csv.size());
  CHECK(items.front() == Row{"s:first day", "s:last day", "s:start", "s:end", "s:kind", "s:status", "s:what",
                             "s:location", "s:key"});
  for (std::size_t i = 1; i < items.size(); ++i) {
    INFO(csv[i]);
    CHECK(csv[i].rfind(items[i].back().substr(2) + ",", 0) == 0); // the key
    CHECK(items[i][0].rfind("d:", 0) == 0);
  }
  // events.yaml: the first event, 2022-01-25 12:00-13:00 Helsinki time.
  CHECK(items[1] == Row{"d:2022-01-25", "d:2022-01-25", "s:12:00", "s:13:00", "s:event", "s:confirmed",
                        "s:Export Expert: how tandem internships work", "s:Online (Teams)",
                        "s:event/info-2022-01-kickoff"});
}

TEST_CASE("match --format xlsx: the plan and the unplaced, by name, as the JSON plan says")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto file = temporary.path() / "plan.xlsx";
  const auto result =
    run_tandem({"-C", workspace.string(), "match", "--dry-run", "--format", "xlsx", "--output", file.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto sheets = read_workbook(file);
  write_text(temporary.path() / "plan.json",
             run_tandem({"-C", workspace.string(), "match", "--dry-run", "--format", "json"}).out);
  const auto json = run_program(
    "/usr/bin/python3",
    {"-c",
     "import json, sys, csv\n"
     "plan = json.load(open(sys.argv[2]))\n"
     "names = {r['id']: r['first_name'] + ' ' + r['last_name'] for r in csv.DictReader(open(sys.argv[1]))}\n"
     "for p in plan['placements']:\n"
     "    print(p['id'], names[p['international_id']], names.get(p['domestic_id'], ''), p['score'], sep='|')\n"
     "for u in plan['unplaced']:\n"
     "    print(u['id'], names[u['id']], sep='|')\n",
     (workspace / "students.csv").string(), (temporary.path() / "plan.json").string()});
  std::vector<std::string> from_workbook;
  for (std::size_t i = 1; i < sheets.at("Plan").size(); ++i) {
    const auto& row = sheets.at("Plan")[i];
    REQUIRE(row.size() == 8);
    CHECK(row[5].rfind("d:", 0) == 0);
    CHECK(row[7].rfind("n:", 0) == 0);
    from_workbook.push_back(row[0].substr(2) + "|" + row[3].substr(2) + "|" +
                            (row[4].empty() ? "" : row[4].substr(2)) + "|" + row[7].substr(2));
  }
  for (std::size_t i = 1; i < sheets.at("Unplaced").size(); ++i) {
    const auto& row = sheets.at("Unplaced")[i];
    from_workbook.push_back(row[1].substr(2) + "|" + row[0].substr(2));
  }
  CHECK(from_workbook == lines_of(json.out));
  CHECK(sheets.at("Plan").size() > 1);
}

TEST_CASE("xlsx: without --output, or with --excel, the format is a usage error naming the fix")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const std::vector<std::vector<std::string>> commands{{"report"},
                                                       {"report", "participants"},
                                                       {"match", "--dry-run"},
                                                       {"schedule"},
                                                       {"placement", "list"}};
  for (auto arguments : commands) {
    arguments.insert(arguments.begin(), {"-C", workspace.string()});
    arguments.insert(arguments.end(), {"--format", "xlsx"});
    const auto result = run_tandem(arguments);
    INFO(arguments[2]);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "tandem: --format xlsx writes a workbook file: give --output FILE.xlsx\n");
  }
  const auto excel = run_tandem({"-C", workspace.string(), "report", "--format", "xlsx", "--excel", "--output",
                                 (temporary.path() / "r.xlsx").string()});
  CHECK(excel.exit_code == 2);
  CHECK_THAT(excel.err, Catch::Contains("--excel writes CSV"));
  CHECK_FALSE(fs::exists(temporary.path() / "r.xlsx"));
}
