#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "workspace/readers.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <sstream>

using namespace tandem;

namespace {

std::string problems(const io::Diagnostics& diagnostics)
{
  std::ostringstream out;
  diagnostics.print(out);
  return out.str();
}

std::vector<model::Student> students_from(std::string_view text, io::Diagnostics& diagnostics)
{
  auto reader = io::CsvReader::from_memory("students.csv", text);
  std::vector<model::Student> students;
  workspace::StudentIndex index;
  workspace::read_students(reader, diagnostics, index, [](const model::Student&) { return true; },
                           [&](model::Student&& s) { students.push_back(std::move(s)); });
  return students;
}

constexpr std::string_view k_header = "id,first_name,last_name,email,group,field";

} // namespace

TEST_CASE("a valid student row fills the model, with the contract's defaults")
{
  io::Diagnostics diagnostics;
  const auto students = students_from(
    "id,first_name,last_name,email,group,field,languages,finnish_certified,markets,skills,"
    "available_from,joined,home_country\n"
    "s1,Linh,Tran,linh@example.fi,International,business,en:C1;fi:A2;vi:native,B1,VN;th,"
    "Sales;SAP,2024-05-01,2024-01-10,vn\n",
    diagnostics);
  INFO(problems(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  REQUIRE(students.size() == 1);
  const auto& s = students[0];
  CHECK(s.group == model::Group::international);
  CHECK_FALSE(s.foreign_background); // sensitive: nothing defaults to yes
  CHECK(s.employment_status == model::EmploymentStatus::inactive);
  CHECK(s.gender == model::Gender::undisclosed);
  CHECK(s.markets == std::vector<std::string>{"VN", "TH"});
  CHECK(s.home_country == "VN");
  CHECK(s.skills == std::vector<std::string>{"sales", "sap"});
  CHECK(s.level_in("fi") == model::Level::B1); // the certificate beats the A2 entry
  CHECK(s.level_in("vi") == model::Level::native);
  CHECK_FALSE(s.level_in("sv"));
  CHECK(s.origin.line == 2);
}

TEST_CASE("every bad cell of a student row is reported with its line, column and key")
{
  io::Diagnostics diagnostics;
  students_from(std::string(k_header)
                  + ",study_year,birth_year,languages,home_country,markets,joined,left,"
                    "share_profile,gender\n"
                    "s 1,,Tran,linh.example.fi,exchange,law,7,19x0,en:Z9;xx:B1,UK,SE;EU,"
                    "2024-02-30,2023-01-01,maybe,woman\n",
                  diagnostics);
  const std::string text = problems(diagnostics);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("students.csv:2:1: error: id: expected an id"));
  CHECK_THAT(text, Catch::Contains("students.csv:2:2: error: first_name: a value is required"));
  CHECK_THAT(text, Catch::Contains("students.csv:2:4: error: email: expected an e-mail address"));
  CHECK_THAT(text, Catch::Contains("students.csv:2:5: error: group: expected international or domestic, got \"exchange\""));
  CHECK_THAT(text, Catch::Contains("students.csv:2:6: error: field: expected business, engineering or other"));
  CHECK_THAT(text, Catch::Contains("study_year: expected a whole number from 1 to 5"));
  CHECK_THAT(text, Catch::Contains("birth_year: expected a whole number"));
  CHECK_THAT(text, Catch::Contains("languages: expected a level A1, A2, B1, B2, C1, C2 or native for en"));
  CHECK_THAT(text, Catch::Contains("languages: expected an ISO 639-1 language code"));
  CHECK_THAT(text, Catch::Contains("home_country: expected an ISO 3166-1 alpha-2 country code"));
  CHECK_THAT(text, Catch::Contains("markets: expected ISO 3166-1 alpha-2 country codes such as SE, got \"EU\""));
  CHECK_THAT(text, Catch::Contains("joined: expected a real calendar date as YYYY-MM-DD, got \"2024-02-30\""));
  CHECK_THAT(text, Catch::Contains("share_profile: expected yes or no"));
  CHECK_THAT(text, Catch::Contains("gender: expected female, male, other or undisclosed"));
}

TEST_CASE("missing required columns are reported once, on the header line")
{
  io::Diagnostics diagnostics;
  students_from("id,first_name,email,group\ns1,Linh,l@example.fi,domestic\n", diagnostics);
  const auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 2); // and no "a value is required" for each row
  // The message says how the header was read (the header of the input above).
  const std::string found = " (the header splits on ',' into 4 columns: \"id\", \"first_name\", \"email\", \"group\")";
  CHECK(sorted[0].to_string() == "students.csv:1: error: missing required column \"field\"" + found);
  CHECK(sorted[1].to_string() == "students.csv:1: error: missing required column \"last_name\"" + found);
}

TEST_CASE("a duplicate id is reported at its later line, naming the earlier one")
{
  io::Diagnostics diagnostics;
  students_from(std::string(k_header)
                  + "\ns1,A,B,a@example.fi,domestic,business\n"
                    "s2,C,D,c@example.fi,domestic,business\n"
                    "s1,E,F,e@example.fi,domestic,business\n",
                diagnostics);
  const auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].to_string() == "students.csv:4:1: error: id: duplicate id \"s1\": first used on line 2");
}

TEST_CASE("extra fields beyond the header and non-UTF-8 rows are errors")
{
  io::Diagnostics diagnostics;
  students_from(std::string(k_header)
                  + "\ns1,A,B,a@example.fi,domestic,business,oops\n"
                    "s2,M\xE4,B,b@example.fi,domestic,business\n",
                diagnostics);
  const std::string text = problems(diagnostics);
  CHECK_THAT(text, Catch::Contains("students.csv:2: error: 7 fields, but the header has 6 columns (an unquoted ',' in a value?)"));
  CHECK_THAT(text, Catch::Contains("students.csv:3: error: not valid UTF-8"));
}

TEST_CASE("companies.yaml: Business IDs, openings and positions of problems")
{
  io::Diagnostics diagnostics;
  const auto companies = workspace::read_companies(R"(companies:
  - id: fjord
    name: Fjord Oy
    business_id: 2451398-7
    target_markets: [NO, SE]
    size: tiny
    openings:
      - id: fjord-1
        kind: tandem
        start: 2024-05-06
        end: 2024-04-01
        languages: {de: B2, xx: B1}
      - id: fjord-1
        kind: pair
        start: 2024-05-06
        end: 2024-06-01
  - name: No Id Oy
    business_id: 0112038-9
)",
                                                   "companies.yaml", diagnostics);
  const std::string text = problems(diagnostics);
  INFO(text);
  REQUIRE(companies.size() == 2);
  CHECK(companies[0].target_markets == std::vector<std::string>{"NO", "SE"}); // unquoted NO
  CHECK(companies[0].openings.size() == 2);
  CHECK(companies[0].openings[0].languages.size() == 1);
  CHECK_THAT(text, Catch::Contains("companies.yaml:4:18: error: companies[0].business_id: expected a Finnish Business ID"));
  CHECK_THAT(text, Catch::Contains("companies.yaml:6:11: error: companies[0].size: expected micro, small, medium or large, got \"tiny\""));
  CHECK_THAT(text, Catch::Contains("companies.yaml:11:14: error: companies[0].openings[0].end: 2024-04-01 is before start 2024-05-06"));
  CHECK_THAT(text, Catch::Contains("companies[0].openings[0].languages: expected an ISO 639-1 language code"));
  CHECK_THAT(text, Catch::Contains("companies.yaml:13:13: error: companies[0].openings[1].id: duplicate id \"fjord-1\": first used on line 8"));
  CHECK_THAT(text, Catch::Contains("companies[0].openings[1].kind: expected tandem, solo or either"));
  CHECK_THAT(text, Catch::Contains("companies.yaml:17:5: error: companies[1].id: a value is required"));
}

TEST_CASE("tandem.yaml: required keys, defaults and settings")
{
  io::Diagnostics diagnostics;
  const auto project = workspace::read_project(R"(project:
  name: Export Expert
  start: 2021-11-01
  end: 2023-10-31
targets: {companies: 35, participants: 45}
terms:
  - {id: t1, start: 2022-01-01, end: 2022-07-31}
matching:
  weights: {markets: 4.5}
  common_language: C1
reporting: {indicators: esf2021}
)",
                                               "tandem.yaml", diagnostics);
  REQUIRE(project);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(project->timezone == "Europe/Helsinki");
  CHECK(project->target_companies == 35);
  CHECK(project->terms.size() == 1);
  CHECK(project->matching.weight_markets == 4.5);
  CHECK(project->matching.weight_languages == 2);
  CHECK(project->matching.common_language == model::Level::C1);
  CHECK(project->reporting.indicators == model::IndicatorSet::esf2021);
  CHECK(project->reporting.suppress_below == 5);

  io::Diagnostics broken;
  workspace::read_project("project:\n  name: X\n  start: 2021-11-01\n  timezone: Mars/Olympus\n",
                          "tandem.yaml", broken);
  const std::string text = problems(broken);
  CHECK_THAT(text, Catch::Contains("tandem.yaml:2:3: error: project.end: a value is required"));
  CHECK_THAT(text, Catch::Contains("tandem.yaml:4:13: error: project.timezone: expected an IANA time zone"));

  io::Diagnostics syntax;
  CHECK_FALSE(workspace::read_project("project: [\n", "tandem.yaml", syntax));
  CHECK_THAT(problems(syntax), Catch::Contains("tandem.yaml:2:1: error: not valid YAML"));
}

TEST_CASE("events, attendance, placements and outcomes")
{
  io::Diagnostics diagnostics;
  const auto events = workspace::read_events(R"(events:
  - id: ws-1
    kind: workshop
    start: 2022-03-14T14:00
    end: 2022-03-14T13:00
    reminders: [7d, soon]
  - id: fair
    kind: fair
    start: 2022-03-40
)",
                                             "events.yaml", diagnostics);
  CHECK(events.size() == 2);
  auto attendance_reader = io::CsvReader::from_memory(
    "attendance.csv", "event_id,student_id,company_id\nws-1,s1,\nws-1,,\nws-1,s1,acme\n");
  const auto attendance = workspace::read_attendance(attendance_reader, diagnostics);
  CHECK(attendance.size() == 3);
  auto placements_reader = io::CsvReader::from_memory(
    "placements.csv",
    "id,opening_id,international_id,status,score\np1,o1,s1,confirmed,12.5\np1,o1,s2,done,abc\n"
    "p3,o1,s3,proposed,\"7,25\"\n");
  const auto placements = workspace::read_placements(placements_reader, diagnostics);
  REQUIRE(placements.size() == 3);
  CHECK(placements[0].score == 12.5);
  CHECK(placements[2].score == 7.25); // a Finnish decimal comma
  CHECK(placements[0].is_real());
  auto outcomes_reader = io::CsvReader::from_memory(
    "outcomes.csv", "student_id,date,status\ns1,2023-01-01,employed\ns1,2023-01-01,retired\n");
  CHECK(workspace::read_outcomes(outcomes_reader, diagnostics).size() == 2);

  const std::string text = problems(diagnostics);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("events.yaml:5:10: error: events[0].end: the event ends before it starts"));
  CHECK_THAT(text, Catch::Contains("events[0].reminders: expected offsets such as 7d or 2w, got \"soon\""));
  CHECK_THAT(text, Catch::Contains("events.yaml:8:11: error: events[1].kind: expected workshop"));
  CHECK_THAT(text, Catch::Contains("events[1].start: expected a date YYYY-MM-DD or a date and time"));
  CHECK_THAT(text, Catch::Contains("attendance.csv:3:2: error: student_id: exactly one of student_id and company_id must be filled"));
  CHECK_THAT(text, Catch::Contains("attendance.csv:4:2: error: student_id: exactly one"));
  CHECK_THAT(text, Catch::Contains("placements.csv:3:1: error: id: duplicate id \"p1\": first used on line 2"));
  CHECK_THAT(text, Catch::Contains("placements.csv:3:4: error: status: expected proposed, confirmed, started, completed or cancelled"));
  CHECK_THAT(text, Catch::Contains("placements.csv:3:5: error: score: expected a number"));
  CHECK_THAT(text, Catch::Contains("outcomes.csv:3:3: error: status: expected employed, self_employed"));
}

TEST_CASE("a roster larger than one batch is read in file order with every problem")
{
  // 20,000 rows span three batches of the parallel reader; a duplicate id and a bad
  // e-mail sit in later batches, and the first of two equal ids must win.
  std::string text(k_header);
  text += '\n';
  for (int i = 1; i <= 20000; ++i) {
    const int id = i == 15000 ? 3 : i;
    const std::string email = i == 19000 ? "broken" : fmt::format("s{}@example.fi", i);
    text += fmt::format("s{},First{},Last,{},domestic,business\n", id, i, email);
  }
  io::Diagnostics diagnostics;
  const auto students = students_from(text, diagnostics);
  REQUIRE(students.size() == 20000);
  for (std::size_t i = 0; i < students.size(); ++i) {
    REQUIRE(students[i].origin.line == i + 2); // the header is line 1
  }
  const auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 2);
  CHECK(sorted[0].to_string() == "students.csv:15001:1: error: id: duplicate id \"s3\": first used on line 4");
  CHECK(sorted[1].to_string()
        == "students.csv:19001:4: error: email: expected an e-mail address such as name@example.fi, got \"broken\"");
}

TEST_CASE("an unclosed quote late in a large roster keeps the rows before it")
{
  std::string text(k_header);
  text += '\n';
  for (int i = 1; i <= 10000; ++i) {
    text += fmt::format("s{},A,B,s{}@example.fi,domestic,business\n", i, i);
  }
  text += "s10001,\"never closed,B,x@example.fi,domestic,business\n";
  io::Diagnostics diagnostics;
  const auto students = students_from(text, diagnostics);
  CHECK(students.size() == 10000);
  const auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].line == 10002);
  CHECK_THAT(sorted[0].message, Catch::Contains("never closed"));
}

TEST_CASE("YAML paths count every list item and a wrong shape is reported once")
{
  io::Diagnostics diagnostics;
  workspace::read_companies(
    "companies:\n  - 42\n  - {id: a, name: b, business_id: {x: 1}, openings: 5}\n",
    "companies.yaml", diagnostics);
  const auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].to_string() == "companies.yaml:2:5: error: companies[0]: expected a mapping of keys");
  CHECK(sorted[1].to_string()
        == "companies.yaml:3:35: error: companies[1].business_id: expected a single value, not a list or mapping");
  CHECK(sorted[2].to_string()
        == "companies.yaml:3:53: error: companies[1].openings: expected a list of openings (or [] for none)");
}

TEST_CASE("an empty roster file is an error, an empty optional file is not")
{
  io::Diagnostics diagnostics;
  students_from("", diagnostics);
  REQUIRE(diagnostics.sorted().size() == 1);
  CHECK_THAT(diagnostics.sorted()[0].to_string(),
             Catch::StartsWith("students.csv:1: error: the file is empty: expected a header row"));
  io::Diagnostics optional;
  auto reader = io::CsvReader::from_memory("attendance.csv", "");
  CHECK(workspace::read_attendance(reader, optional).empty());
  CHECK_FALSE(optional.has_errors());
}
