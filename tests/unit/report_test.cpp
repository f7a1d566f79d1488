#include "report/format.hpp"
#include "report/indicators.hpp"

#include "test_model.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace tandem;
using report::Cell;

namespace {

using test::day;

// A small workspace built in code, so that every counting rule can be tested at
// its edges. The period under test is the whole of 2024.
struct Builder {
  workspace::Workspace ws;

  Builder()
  {
    model::Project project = test::project_2024();
    project.target_participants = 10;
    project.target_companies = 4;
    ws.project = project;
    model::Event event;
    event.id = "ev-jan";
    event.kind = model::EventKind::seminar;
    event.start.date = day(2024, 1, 1);
    ws.events.push_back(event);
    event.id = "ev-dec-last";
    event.kind = model::EventKind::workshop;
    event.start.date = day(2024, 12, 31);
    ws.events.push_back(event);
    event.id = "ev-2025";
    event.start.date = day(2025, 1, 1);
    ws.events.push_back(event);
  }

  model::Student& student(const std::string& id, model::Group group = model::Group::international)
  {
    model::Student s;
    s.id = id;
    s.group = group;
    s.foreign_background = group == model::Group::international;
    ws.students.push_back(s);
    ws.student_index[id] = {};
    return ws.students.back();
  }

  model::Company& company(const std::string& id, const std::string& business_id)
  {
    model::Company c;
    c.id = id;
    c.business_id = business_id;
    ws.companies.push_back(c);
    return ws.companies.back();
  }

  model::Opening& opening(model::Company& company, const std::string& id, model::Date start,
                          model::Date end)
  {
    model::Opening o;
    o.id = id;
    o.company_id = company.id;
    o.start = start;
    o.end = end;
    company.openings.push_back(o);
    return company.openings.back();
  }

  void placement(const std::string& id, const std::string& opening, const std::string& international,
                 const std::string& domestic, model::PlacementStatus status,
                 std::optional<model::Date> start = {}, std::optional<model::Date> end = {})
  {
    model::Placement p;
    p.id = id;
    p.opening_id = opening;
    p.international_id = international;
    p.domestic_id = domestic;
    p.status = status;
    p.start = start;
    p.end = end;
    ws.placements.push_back(p);
  }

  void attends(const std::string& event, const std::string& student, const std::string& company = "")
  {
    ws.attendance.push_back({{}, event, student, company});
  }

  void outcome(const std::string& student, model::Date date, model::OutcomeStatus status,
               const std::string& employer = "")
  {
    ws.outcomes.push_back({{}, student, date, status, employer, ""});
  }

  report::Report build(model::IndicatorSet set = model::IndicatorSet::esf2014,
                       report::Period period = {day(2024, 1, 1), day(2024, 12, 31)})
  {
    ws.project->reporting.indicators = set;
    ws.index();
    return report::build_report(ws, period);
  }
};

long value(const report::Report& r, const std::string& key, const std::string& cell = "")
{
  for (const auto& c : r.indicator(key).cells) {
    if (cell.empty() || c.key == cell) {
      return c.value;
    }
  }
  FAIL("no cell " << key << "." << cell);
  return -1;
}

} // namespace

TEST_CASE("a student takes part by joining, attending or a real placement, on the period's edges")
{
  Builder b;
  b.student("joined-first-day").joined = day(2024, 1, 1);
  b.student("joined-day-before").joined = day(2023, 12, 31);
  b.student("joined-after").joined = day(2025, 1, 1);
  b.student("event-last-day");
  b.attends("ev-dec-last", "event-last-day");
  b.student("event-next-year");
  b.attends("ev-2025", "event-next-year");
  auto& acme = b.company("acme", "2451398-6");
  b.opening(acme, "acme-1", day(2023, 9, 1), day(2024, 1, 1)); // ends on the first day
  b.student("placed-overlapping");
  b.placement("p1", "acme-1", "placed-overlapping", "", model::PlacementStatus::completed);
  b.student("placed-but-cancelled");
  b.placement("p2", "acme-1", "placed-but-cancelled", "", model::PlacementStatus::cancelled);
  b.student("only-proposed");
  b.placement("p3", "acme-1", "only-proposed", "", model::PlacementStatus::proposed);
  const auto r = b.build();
  // joined-first-day, event-last-day, placed-overlapping
  CHECK(value(r, "participants_total") == 3);
  CHECK(value(r, "placements_solo") == 0); // p1 started in 2023
  CHECK(value(r, "placements_completed") == 1);
}

TEST_CASE("a person active in two terms counts once for the period and in each term")
{
  Builder b;
  b.ws.project->terms = {{{}, "spring", day(2024, 1, 1), day(2024, 6, 30)},
                         {{}, "autumn", day(2024, 7, 1), day(2024, 12, 31)}};
  b.student("both").joined = day(2024, 1, 1);
  b.attends("ev-dec-last", "both");
  const auto r = b.build();
  CHECK(value(r, "participants_total") == 1);
  REQUIRE(r.terms.size() == 2);
  CHECK(r.terms[0].cells[0].value == 1);
  CHECK(r.terms[1].cells[0].value == 1);
}

TEST_CASE("companies count by Business ID, also when they only attend an event")
{
  Builder b;
  b.company("site-a", "2451398-6").size = model::CompanySize::small;
  b.company("site-b", "2451398-6").size = model::CompanySize::medium; // same Business ID
  b.company("event-only", "0112038-9");
  b.company("absent", "2077474-0").size = model::CompanySize::large;
  b.company("sizeless", "1572860-0");
  b.attends("ev-jan", "", "site-b");
  b.attends("ev-jan", "", "event-only");
  b.ws.companies[4].joined = day(2024, 3, 1);
  b.ws.companies[0].joined = day(2024, 3, 1);
  const auto r = b.build();
  CHECK(value(r, "companies_total") == 3);
  // The size of a Business ID is the first non-empty size in file order: small.
  CHECK(value(r, "companies_by_size", "small") == 1);
  CHECK(value(r, "companies_by_size", "medium") == 0);
  CHECK(value(r, "companies_by_size", "unknown") == 2);
  CHECK(value(r, "companies_by_size", "large") == 0);
}

TEST_CASE("age is the year of the first day taking part minus the birth year")
{
  Builder b;
  auto& acme = b.company("acme", "2451398-6");
  b.opening(acme, "acme-1", day(2023, 6, 1), day(2024, 8, 1));
  auto& early = b.student("placed-earlier");
  early.birth_year = 1999; // 2024 - 1999 = 25: the period's first day counts, not 2023
  b.placement("p1", "acme-1", "placed-earlier", "", model::PlacementStatus::started);
  auto& young = b.student("young");
  young.birth_year = 2000; // 24
  young.joined = day(2024, 5, 1);
  auto& old = b.student("old");
  old.birth_year = 1969; // 55
  old.joined = day(2024, 5, 1);
  auto& edge = b.student("fifty-four");
  edge.birth_year = 1970; // 54
  edge.joined = day(2024, 5, 1);
  b.student("no-birth-year").joined = day(2024, 5, 1);
  const auto r = b.build();
  CHECK(value(r, "participants_by_age", "under_25") == 1);
  CHECK(value(r, "participants_by_age", "25_54") == 2);
  CHECK(value(r, "participants_by_age", "over_54") == 1);
  CHECK(value(r, "participants_by_age", "unknown") == 1);
  const auto plus = b.build(model::IndicatorSet::esf2021);
  CHECK(value(plus, "participants_by_age", "18_29") == 2);
  CHECK(value(plus, "participants_by_age", "30_54") == 1);
  CHECK(value(plus, "participants_by_age", "55_and_over") == 1);
}

TEST_CASE("employment within 6 months follows completed placements ending in the period")
{
  Builder b;
  auto& acme = b.company("acme", "2451398-6");
  b.opening(acme, "acme-1", day(2024, 5, 1), day(2024, 6, 30));
  for (const auto* id : {"day-183", "day-184", "before-end", "self", "hired", "cancelled"}) {
    b.student(id);
  }
  b.student("partner", model::Group::domestic);
  b.placement("p1", "acme-1", "day-183", "partner", model::PlacementStatus::completed);
  b.placement("p2", "acme-1", "day-184", "", model::PlacementStatus::completed);
  b.placement("p3", "acme-1", "before-end", "", model::PlacementStatus::completed);
  b.placement("p4", "acme-1", "self", "", model::PlacementStatus::completed);
  b.placement("p5", "acme-1", "hired", "", model::PlacementStatus::completed);
  b.placement("p6", "acme-1", "cancelled", "", model::PlacementStatus::cancelled);
  // The end is 2024-06-30; 183 days later is 2024-12-30 (counted by hand).
  b.outcome("day-183", day(2024, 12, 30), model::OutcomeStatus::employed, "elsewhere");
  b.outcome("day-184", day(2024, 12, 31), model::OutcomeStatus::employed, "acme");
  b.outcome("before-end", day(2024, 6, 29), model::OutcomeStatus::employed, "acme");
  b.outcome("self", day(2024, 7, 1), model::OutcomeStatus::self_employed, "acme");
  b.outcome("hired", day(2024, 6, 30), model::OutcomeStatus::employed, "acme");
  b.outcome("cancelled", day(2024, 7, 1), model::OutcomeStatus::employed, "acme");
  b.outcome("partner", day(2024, 8, 1), model::OutcomeStatus::employed, "acme");
  const auto r = b.build();
  // day-183, self, hired, partner
  CHECK(value(r, "employed_within_6_months") == 4);
  // hired and partner: `employed` with the placement's company; self-employed is not a hire
  CHECK(value(r, "hired_by_placement_company") == 2);
  CHECK(value(r, "placements_tandem") == 1);
  CHECK(value(r, "placements_solo") == 4);
  CHECK(value(r, "placements_completed") == 5);
}

TEST_CASE("esf2021 adds third-country nationals and supported SMEs")
{
  Builder b;
  auto& s1 = b.student("vn");
  s1.citizenship = "VN";
  s1.joined = day(2024, 2, 1);
  s1.gender = model::Gender::other;
  s1.education = model::Education::isced1_2;
  auto& s2 = b.student("se");
  s2.citizenship = "SE";
  s2.joined = day(2024, 2, 1);
  b.student("unknown-citizenship").joined = day(2024, 2, 1);
  b.company("small", "2451398-6").size = model::CompanySize::small;
  b.company("large", "0112038-9").size = model::CompanySize::large;
  b.ws.companies[0].joined = day(2024, 2, 1);
  b.ws.companies[1].joined = day(2024, 2, 1);
  const auto r = b.build(model::IndicatorSet::esf2021);
  CHECK(value(r, "participants_third_country_nationals") == 1);
  CHECK(value(r, "supported_smes") == 1);
  CHECK(value(r, "participants_by_gender", "non_binary") == 1);
  CHECK(value(r, "participants_by_education", "isced0-2") == 1);
}

TEST_CASE("public reports hide small counts of people and every cell that would give them away")
{
  Builder b;
  b.ws.project->terms = {{{}, "spring", day(2024, 1, 1), day(2024, 6, 30)},
                         {{}, "autumn", day(2024, 7, 1), day(2024, 12, 31)}};
  // 12 participants: 9 international, 3 domestic; genders 2 female, 4 male, 6 undisclosed.
  for (int i = 0; i < 12; ++i) {
    auto& s = b.student("s" + std::to_string(i), i < 9 ? model::Group::international : model::Group::domestic);
    s.joined = day(2024, i < 6 ? 2 : 9, 1);
    s.gender = i < 2 ? model::Gender::female : i < 6 ? model::Gender::male : model::Gender::undisclosed;
  }
  auto r = b.build();
  report::suppress_small_counts(r, 5);
  const auto shown = [&](const std::string& key, const std::string& cell) {
    for (const auto& c : r.indicator(key).cells) {
      if (c.key == cell) {
        return c.shown;
      }
    }
    return Cell::Shown::value;
  };
  CHECK(shown("participants_total", "participants_total") == Cell::Shown::value);
  CHECK(shown("participants_by_group", "domestic") == Cell::Shown::below_threshold);
  // 12 - 3: international alone would give domestic away
  CHECK(shown("participants_by_group", "international") == Cell::Shown::hidden);
  CHECK(shown("participants_by_gender", "female") == Cell::Shown::below_threshold);
  CHECK(shown("participants_by_gender", "male") == Cell::Shown::below_threshold);
  CHECK(shown("participants_by_gender", "undisclosed") == Cell::Shown::value); // two hidden already
  CHECK(shown("participants_by_gender", "other") == Cell::Shown::value);       // 0 is not small
  // 9 participants with a foreign background (the international ones, by default)
  // would show the hidden international cell, and so the domestic one by subtraction.
  CHECK(shown("participants_foreign_background", "participants_foreign_background") == Cell::Shown::hidden);

  // An independent check of every text format: no count of people from 1 to 4, and
  // no group with exactly one hidden cell under a shown total.
  for (const auto& text : {report::to_markdown(r), report::to_csv(r), report::to_json(r)}) {
    INFO(text);
    CHECK_FALSE(std::regex_search(text, std::regex("participants_by_group[^\\n]*\\| [1-4] \\|")));
    CHECK(text.find("\"domestic\": 3") == std::string::npos);
    CHECK(text.find("domestic,3") == std::string::npos);
  }
  for (const auto& indicator : r.indicators) {
    if (!indicator.partitions_participants) {
      continue;
    }
    const auto hidden = std::count_if(indicator.cells.begin(), indicator.cells.end(),
                                      [](const Cell& c) { return c.shown != Cell::Shown::value; });
    INFO(indicator.key);
    CHECK(hidden != 1);
  }
}

TEST_CASE("JSON has cli.md's keys in its order and null for suppressed cells")
{
  Builder b;
  b.student("one").joined = day(2024, 2, 1);
  auto r = b.build();
  const auto json = report::to_json(r);
  const std::vector<std::string> keys = {
    "participants_total", "participants_by_group", "participants_by_gender", "participants_by_age",
    "participants_by_employment_status", "participants_by_education",
    "participants_foreign_background", "participants_with_disability", "companies_total",
    "companies_by_size", "placements_tandem", "placements_solo", "placements_completed",
    "events_by_kind", "event_attendances", "employed_within_6_months", "hired_by_placement_company"};
  std::size_t position = 0;
  for (const auto& key : keys) {
    const auto found = json.find("\"" + key + "\":", position);
    INFO(key);
    REQUIRE(found != std::string::npos);
    position = found;
  }
  CHECK_THAT(json, Catch::Contains("\"participants\": {\"planned\": 10, \"actual\": 1}"));
  report::suppress_small_counts(r, 5);
  CHECK_THAT(report::to_json(r), Catch::Contains("\"participants_total\": null"));
  CHECK_THAT(report::to_json(r), Catch::Contains("\"participants\": {\"planned\": 10, \"actual\": null}"));
  CHECK_THAT(report::to_markdown(r), Catch::Contains("| participants_total |  | <5 |"));
}

TEST_CASE("a period is a term, --from/--to, or the project's span")
{
  model::Project project;
  project.start = day(2021, 11, 1);
  project.end = day(2023, 10, 31);
  project.terms = {{{}, "t1", day(2022, 1, 1), day(2022, 7, 31)}};
  const auto whole = report::resolve_period(project, std::nullopt, std::nullopt, std::nullopt);
  CHECK(whole.from == day(2021, 11, 1));
  CHECK(whole.to == day(2023, 10, 31));
  CHECK(report::resolve_period(project, std::string("t1"), std::nullopt, std::nullopt).to == day(2022, 7, 31));
  CHECK_THROWS_WITH(report::resolve_period(project, std::string("t9"), std::nullopt, std::nullopt),
                    Catch::Contains("no term \"t9\" in tandem.yaml (terms: t1)"));
  CHECK_THROWS_WITH(report::resolve_period(project, std::nullopt, day(2023, 1, 2), day(2023, 1, 1)),
                    Catch::Contains("ends (2023-01-01) before it starts"));
}
