#include "report/format.hpp"
#include "report/indicators.hpp"
#include "report/suppression.hpp"

#include "test_model.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace tandem;
using report::Cell;

namespace {

using test::day;
using model::OutcomeStatus;

// A small workspace built in code, so that every counting rule can be tested at
// its edges. The project is all of 2024 (test::project_2024) and so is the period
// unless a test says otherwise.
struct Builder {
  workspace::Workspace ws;

  Builder()
  {
    model::Project project = test::project_2024();
    project.target_participants = 10;
    project.target_companies = 4;
    ws.project = project;
    event("ev-jan", model::EventKind::seminar, day(2024, 1, 1));
    event("ev-dec-last", model::EventKind::workshop, day(2024, 12, 31));
    event("ev-2025", model::EventKind::workshop, day(2025, 1, 1));
    event("ev-2023", model::EventKind::workshop, day(2023, 12, 31));
    event("info", model::EventKind::info_session, day(2024, 3, 1));
  }

  void event(const std::string& id, model::EventKind kind, model::Date start)
  {
    model::Event e;
    e.id = id;
    e.kind = kind;
    e.start.date = start;
    ws.events.push_back(e);
  }

  // A student with a complete record unless the test takes something away.
  model::Student& student(const std::string& id, model::Group group = model::Group::international)
  {
    model::Student s;
    s.id = id;
    s.group = group;
    s.gender = model::Gender::female;
    s.birth_year = 2000;
    s.education = model::Education::isced3_4;
    ws.students.push_back(s);
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

  model::Opening& opening(model::Company& company, const std::string& id, model::Date start, model::Date end)
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

  void outcome(const std::string& student, model::Date date, OutcomeStatus status, const std::string& employer = "")
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

const report::Cell& term_cell(const report::Report& r, std::size_t term, const std::string& key)
{
  return report::find_indicator(r.terms.at(term).indicators, key).cells.front();
}

} // namespace

TEST_CASE("attending only info sessions makes nobody a participant")
{
  Builder b;
  b.student("info-only");
  b.attends("info", "info-only");
  b.student("workshop");
  b.attends("ev-dec-last", "workshop");
  const auto r = b.build();
  CHECK(value(r, "participants_total") == 1);
  CHECK(value(r, "participants_active") == 1);
  CHECK(value(r, "event_attendances") == 2); // both rows are attendances all the same
}

TEST_CASE("entry is the earliest activity: a placement before joined")
{
  Builder b;
  auto& acme = b.company("acme", "2451398-6");
  b.opening(acme, "acme-1", day(2024, 3, 1), day(2024, 5, 31));
  b.student("early").joined = day(2024, 9, 1);
  b.placement("p1", "acme-1", "early", "", model::PlacementStatus::completed);
  b.ws.project->terms = {{{}, "spring", day(2024, 1, 1), day(2024, 6, 30)},
                         {{}, "autumn", day(2024, 7, 1), day(2024, 12, 31)}};
  const auto r = b.build();
  CHECK(value(r, "participants_total") == 1);
  CHECK(term_cell(r, 0, "participants_total").value == 1); // entered 2024-03-01
  CHECK(term_cell(r, 1, "participants_total").value == 0);
  CHECK(term_cell(r, 1, "participants_active").value == 1); // joined in autumn
  // A proposed placement is no activity.
  Builder proposed;
  auto& c = proposed.company("acme", "2451398-6");
  proposed.opening(c, "acme-1", day(2024, 3, 1), day(2024, 5, 31));
  proposed.student("only-proposed");
  proposed.placement("p1", "acme-1", "only-proposed", "", model::PlacementStatus::proposed);
  CHECK(value(proposed.build(), "participants_total") == 0);
}

TEST_CASE("without left a participant leaves at the project's end")
{
  Builder b;
  b.ws.project->terms = {{{}, "spring", day(2024, 1, 1), day(2024, 6, 30)},
                         {{}, "autumn", day(2024, 7, 1), day(2024, 12, 31)}};
  b.student("stays").joined = day(2024, 2, 1);
  auto& goes = b.student("goes");
  goes.joined = day(2024, 2, 1);
  goes.left = day(2024, 6, 30);
  const auto r = b.build();
  CHECK(value(r, "participants_leaving") == 2);
  CHECK(term_cell(r, 0, "participants_leaving").value == 1); // goes
  CHECK(term_cell(r, 1, "participants_leaving").value == 1); // stays, on 2024-12-31
}

TEST_CASE("only participation within the project's span counts")
{
  Builder b;
  b.student("before").joined = day(2023, 6, 1); // entry clipped to 2024-01-01
  b.student("before-left-before");
  b.ws.students.back().joined = day(2023, 6, 1);
  b.ws.students.back().left = day(2023, 12, 31);
  b.student("after");
  b.attends("ev-2025", "after");
  b.student("event-before");
  b.attends("ev-2023", "event-before");
  b.attends("ev-dec-last", "event-before");
  const auto whole = b.build();
  CHECK(value(whole, "participants_total") == 2); // before, event-before: nobody after, nobody who left before
  const auto r = b.build(model::IndicatorSet::esf2014, {day(2024, 1, 1), day(2024, 1, 1)});
  CHECK(value(r, "participants_total") == 2); // both enter on the project's first day
  CHECK(value(r, "participants_active") == 0); // their 2023 activities are outside the span
  const auto wider = b.build(model::IndicatorSet::esf2014, {day(2023, 1, 1), day(2025, 12, 31)});
  CHECK(value(wider, "participants_total") == 2); // entry is clipped to the project's first day
  CHECK(value(wider, "participants_active") == 1); // event-before on 2024-12-31
}

TEST_CASE("results upon leaving read days 0 to 28, the last row counting")
{
  Builder b;
  const auto leaver = [&](const std::string& id) -> model::Student& {
    auto& s = b.student(id);
    s.joined = day(2024, 1, 10);
    s.left = day(2024, 3, 1);
    return s;
  };
  leaver("day-28");
  b.outcome("day-28", day(2024, 3, 29), OutcomeStatus::employed);
  leaver("day-29");
  b.outcome("day-29", day(2024, 3, 30), OutcomeStatus::employed);
  leaver("two-rows");
  b.outcome("two-rows", day(2024, 3, 20), OutcomeStatus::in_education);
  b.outcome("two-rows", day(2024, 3, 5), OutcomeStatus::employed); // earlier date, later in the file
  leaver("same-day");
  b.outcome("same-day", day(2024, 3, 5), OutcomeStatus::in_education);
  b.outcome("same-day", day(2024, 3, 5), OutcomeStatus::self_employed); // the later row counts
  leaver("seeking-inactive");
  b.outcome("seeking-inactive", day(2024, 3, 1), OutcomeStatus::job_seeking);
  leaver("seeking-employed").employment_status = model::EmploymentStatus::employed;
  b.outcome("seeking-employed", day(2024, 3, 2), OutcomeStatus::job_seeking);
  leaver("qualified-before");
  b.outcome("qualified-before", day(2024, 2, 15), OutcomeStatus::qualified);
  leaver("qualified-before-entry");
  b.outcome("qualified-before-entry", day(2024, 1, 9), OutcomeStatus::qualified);
  leaver("qualified-day-29");
  b.outcome("qualified-day-29", day(2024, 3, 30), OutcomeStatus::qualified);
  leaver("before-leaving");
  b.outcome("before-leaving", day(2024, 2, 29), OutcomeStatus::employed); // day -1
  const auto r = b.build();
  CHECK(value(r, "participants_leaving") == 10);
  CHECK(value(r, "results_upon_leaving", "employed") == 2);     // day-28, same-day
  CHECK(value(r, "results_upon_leaving", "in_education") == 1); // two-rows
  CHECK(value(r, "results_upon_leaving", "job_seeking") == 1);  // only the inactive one
  CHECK(value(r, "results_upon_leaving", "qualified") == 1);    // qualified-before
}

TEST_CASE("results six months after leaving: days 153 to 183, else the first of 184 to 213")
{
  Builder b;
  const model::Date left = day(2024, 1, 31);
  const auto row = [&](const std::string& id, long days_after, OutcomeStatus status) {
    if (b.ws.find_student(id) == nullptr && std::none_of(b.ws.students.begin(), b.ws.students.end(),
                                                          [&](const model::Student& s) { return s.id == id; })) {
      auto& s = b.student(id);
      s.joined = day(2024, 1, 2);
      s.left = left;
    }
    b.outcome(id, model::plus_days(left, days_after), status);
  };
  row("day-152", 152, OutcomeStatus::employed);
  row("day-153", 153, OutcomeStatus::employed);
  row("day-183", 183, OutcomeStatus::self_employed);
  row("day-184", 184, OutcomeStatus::employed);
  row("day-213", 213, OutcomeStatus::employed);
  row("day-214", 214, OutcomeStatus::employed);
  row("window-and-late", 160, OutcomeStatus::inactive);
  row("window-and-late", 190, OutcomeStatus::employed); // the window's row wins
  row("two-late", 200, OutcomeStatus::employed);
  row("two-late", 186, OutcomeStatus::job_seeking); // the first late row counts
  const auto r = b.build();
  CHECK(value(r, "results_six_months", "known") == 6); // all but day-152 and day-214
  CHECK(value(r, "results_six_months", "employed") == 4); // 153, 183, 184, 213
}

TEST_CASE("age is taken on the day of entry, from the birth date when known")
{
  Builder b;
  auto& before = b.student("birthday-day-before");
  before.birth_date = day(1999, 3, 14); // 25 on 2024-03-15
  before.joined = day(2024, 3, 15);
  auto& after = b.student("birthday-day-after");
  after.birth_date = day(1999, 3, 16); // still 24 on 2024-03-15
  after.joined = day(2024, 3, 15);
  auto& year_only = b.student("year-only");
  year_only.birth_year = 1999; // 2024 - 1999
  year_only.joined = day(2024, 3, 15);
  auto& leap = b.student("leap-day");
  leap.birth_date = day(2000, 2, 29);
  leap.joined = day(2025, 2, 28); // not yet 25: after the project, so a wider period
  b.ws.project->end = day(2025, 12, 31);
  const auto r = b.build(model::IndicatorSet::esf2014, {day(2024, 1, 1), day(2025, 12, 31)});
  CHECK(value(r, "participants_by_age", "under_25") == 2); // day after, leap day
  CHECK(value(r, "participants_by_age", "25_54") == 2);    // day before, year only
  CHECK(report::age_on(leap, day(2025, 3, 1)) == 25);
}

TEST_CASE("an incomplete record counts in the total, the group and the gender only")
{
  Builder b;
  b.student("complete").joined = day(2024, 2, 1);
  auto& no_gender = b.student("no-gender");
  no_gender.joined = day(2024, 2, 1);
  no_gender.gender = model::Gender::undisclosed;
  b.outcome("no-gender", day(2024, 12, 31), OutcomeStatus::employed);
  auto& no_age = b.student("no-age", model::Group::domestic);
  no_age.joined = day(2024, 2, 1);
  no_age.birth_year.reset();
  no_age.disability = model::Answer::yes;
  auto& no_education = b.student("no-education");
  no_education.joined = day(2024, 2, 1);
  no_education.education.reset();
  no_education.foreign_background = model::Answer::yes;
  const auto r = b.build();
  CHECK(value(r, "participants_total") == 4);
  CHECK(value(r, "participants_active") == 4);
  CHECK(value(r, "participants_complete") == 1);
  CHECK(value(r, "participants_by_group", "international") == 3);
  CHECK(value(r, "participants_by_gender", "undisclosed") == 1);
  CHECK(value(r, "participants_by_age", "under_25") == 1);
  CHECK(value(r, "participants_by_education", "isced3-4") == 1);
  CHECK(value(r, "participants_with_disability") == 0);
  CHECK(value(r, "participants_foreign_background") == 0);
  CHECK(value(r, "participants_leaving") == 1);
  CHECK(value(r, "results_upon_leaving", "employed") == 0);
}

TEST_CASE("foreign background, minorities and third-country nationals by indicator set")
{
  Builder b;
  const auto entrant = [&](const std::string& id) -> model::Student& {
    auto& s = b.student(id);
    s.joined = day(2024, 2, 1);
    return s;
  };
  entrant("background").foreign_background = model::Answer::yes;
  entrant("minority").minority = model::Answer::yes;
  entrant("both").foreign_background = model::Answer::yes;
  b.ws.students.back().minority = model::Answer::yes;
  entrant("undisclosed").foreign_background = model::Answer::undisclosed;
  entrant("nothing-recorded"); // international, but nothing defaults to yes
  entrant("vietnamese").citizenship = "VN";
  entrant("swedish").citizenship = "SE";
  entrant("stateless").citizenship = "stateless";
  entrant("undetermined").citizenship = "undetermined";
  const auto esf2014 = b.build();
  CHECK(value(esf2014, "participants_foreign_background") == 3);
  CHECK_THROWS(esf2014.indicator("participants_minorities"));
  const auto esf2021 = b.build(model::IndicatorSet::esf2021);
  CHECK(value(esf2021, "participants_foreign_background") == 2);
  CHECK(value(esf2021, "participants_minorities") == 2);
  CHECK(value(esf2021, "participants_third_country_nationals") == 3);
  CHECK(value(esf2021, "participants_by_gender", "women") == 9);
}

TEST_CASE("supported SMEs: micro, small and medium companies at a seminar in the period")
{
  Builder b;
  b.company("seminar-small", "2451398-6").size = model::CompanySize::small;
  b.company("same-business-id", "2451398-6").size = model::CompanySize::medium;
  b.company("seminar-large", "0112038-9").size = model::CompanySize::large;
  b.company("workshop-micro", "2077474-0").size = model::CompanySize::micro;
  auto& host = b.company("host-only", "1572860-0");
  host.size = model::CompanySize::micro;
  b.opening(host, "host-1", day(2024, 3, 1), day(2024, 5, 31));
  b.student("placed");
  b.placement("p1", "host-1", "placed", "", model::PlacementStatus::completed);
  b.attends("ev-jan", "", "seminar-small");
  b.attends("ev-jan", "", "same-business-id");
  b.attends("ev-jan", "", "seminar-large");
  b.attends("ev-dec-last", "", "workshop-micro");
  const auto r = b.build();
  CHECK(value(r, "supported_smes") == 1);
  CHECK(value(r, "companies_total") == 4); // by Business ID, hosting included
}

TEST_CASE("every by_gender entry adds up to its figure")
{
  Builder b;
  auto& acme = b.company("acme", "2451398-6");
  b.opening(acme, "acme-1", day(2024, 3, 1), day(2024, 5, 31));
  std::mt19937 random(7);
  for (int i = 0; i < 60; ++i) {
    auto& s = b.student("s" + std::to_string(i), i % 3 ? model::Group::international : model::Group::domestic);
    s.gender = static_cast<model::Gender>(random() % 4);
    s.joined = model::plus_days(day(2024, 1, 1), static_cast<long>(random() % 300));
    s.left = model::plus_days(*s.joined, static_cast<long>(random() % 60));
    s.employment_status = static_cast<model::EmploymentStatus>(random() % 4);
    if (random() % 5 == 0) {
      s.education.reset();
    }
    b.outcome(s.id, model::plus_days(*s.left, static_cast<long>(random() % 40)),
              static_cast<OutcomeStatus>(random() % 6));
  }
  b.placement("p1", "acme-1", "s1", "s0", model::PlacementStatus::completed);
  const auto r = b.build(model::IndicatorSet::esf2021);
  REQUIRE(r.gender_keys == std::vector<std::string>{"women", "men", "non_binary", "undisclosed"});
  long people_cells = 0;
  for (const auto& indicator : r.indicators) {
    for (std::size_t c = 0; c < indicator.by_gender.size(); ++c) {
      long sum = 0;
      for (const auto& cell : indicator.by_gender[c]) {
        sum += cell.value;
      }
      INFO(indicator.key << "." << indicator.cells[c].key);
      CHECK(sum == indicator.cells[c].value);
      ++people_cells;
    }
  }
  // 3 totals, 2 groups, 4 ages, 4 statuses, 3 educations, 4 single figures, leaving,
  // 4 + 2 results, 2 after placement.
  CHECK(people_cells == 29);
  const auto& total = r.indicator("participants_total").by_gender.front();
  const auto& by_gender = r.indicator("participants_by_gender").cells;
  for (std::size_t g = 0; g < 4; ++g) {
    CHECK(total[g].value == by_gender[g].value);
  }
  CHECK(r.indicator("participants_by_gender").by_gender.empty());
}

namespace {

std::size_t hidden_count(const report::Report& r)
{
  return r.suppressed.primary.size() + r.suppressed.secondary.size();
}

// Every hidden small count of a suppressed report is audited again, here with
// the library's LP audit over a fresh table.
void check_no_primary_pinned(report::Report& r, int threshold)
{
  report::PeopleTable table(r);
  for (std::size_t i = 0; i < table.entries().size(); ++i) {
    const auto& path = table.entries()[i].path;
    const bool known_unprotected = std::find(r.unprotected.begin(), r.unprotected.end(), path) != r.unprotected.end();
    if (table.entries()[i].cell->shown == Cell::Shown::below_threshold && !known_unprotected) {
      const auto range = report::audit_cell(table, i, threshold);
      INFO(table.entries()[i].path << " in " << range.lowest << ".." << range.highest);
      CHECK_FALSE(range.pinned());
    }
  }
}

} // namespace

TEST_CASE("a per-term column whose small cells sum to what the others leave is protected")
{
  // The leak of revision 1: completed 16 = 0 + 0 + 8 + <5 + <5, both 4.
  Builder b;
  b.ws.project->terms = {{{}, "t1", day(2024, 1, 1), day(2024, 2, 29)}, {{}, "t2", day(2024, 3, 1), day(2024, 4, 30)},
                         {{}, "t3", day(2024, 5, 1), day(2024, 6, 30)}, {{}, "t4", day(2024, 7, 1), day(2024, 8, 31)},
                         {{}, "t5", day(2024, 9, 1), day(2024, 12, 31)}};
  auto& acme = b.company("acme", "2451398-6");
  const std::vector<std::pair<model::Date, int>> ends = {{day(2024, 6, 15), 8}, {day(2024, 8, 15), 4},
                                                         {day(2024, 10, 15), 4}};
  int n = 0;
  for (const auto& [end, count] : ends) {
    for (int i = 0; i < count; ++i, ++n) {
      const std::string id = "s" + std::to_string(n);
      b.student(id).joined = day(2024, 1, 15);
      b.opening(acme, "o" + std::to_string(n), day(2024, 1, 20), end);
      b.placement("p" + std::to_string(n), "o" + std::to_string(n), id, "", model::PlacementStatus::completed);
    }
  }
  auto r = b.build();
  report::suppress_small_counts(r, 5);
  CHECK(term_cell(r, 3, "placements_completed").shown == Cell::Shown::below_threshold);
  CHECK(term_cell(r, 4, "placements_completed").shown == Cell::Shown::below_threshold);
  // Something more is hidden in the column: the 8 or the 16.
  CHECK((term_cell(r, 2, "placements_completed").shown == Cell::Shown::hidden
         || r.indicator("placements_completed").cells[0].shown == Cell::Shown::hidden));
  check_no_primary_pinned(r, 5);
}

TEST_CASE("solo placements cannot be read as completed minus tandem")
{
  Builder b;
  auto& acme = b.company("acme", "2451398-6");
  for (int i = 0; i < 9; ++i) {
    const std::string id = "s" + std::to_string(i);
    b.student(id).joined = day(2024, 1, 15);
    b.student("d" + std::to_string(i), model::Group::domestic).joined = day(2024, 1, 15);
    b.opening(acme, "o" + std::to_string(i), day(2024, 2, 1), day(2024, 5, 31));
    b.placement("p" + std::to_string(i), "o" + std::to_string(i), id, i < 6 ? "d" + std::to_string(i) : "",
                model::PlacementStatus::completed);
  }
  auto r = b.build();
  REQUIRE(value(r, "placements_solo") == 3);
  report::suppress_small_counts(r, 5);
  const auto shown = [&](const char* key) { return r.indicator(key).cells[0].shown; };
  CHECK(shown("placements_solo") == Cell::Shown::below_threshold);
  CHECK((shown("placements_tandem") == Cell::Shown::hidden || shown("placements_completed") == Cell::Shown::hidden));
  check_no_primary_pinned(r, 5);
}

TEST_CASE("a table whose small cells cannot be narrowed down hides nothing more")
{
  Builder b;
  // 12 entrants: 6 female, 6 male; 3 of the women with a disability; the rest zero.
  for (int i = 0; i < 12; ++i) {
    auto& s = b.student("s" + std::to_string(i));
    s.joined = day(2024, 2, 1);
    s.gender = i < 6 ? model::Gender::female : model::Gender::male;
    s.disability = i < 3 ? model::Answer::yes : model::Answer::no;
  }
  auto r = b.build();
  report::suppress_small_counts(r, 5);
  CHECK(r.suppressed.primary == std::vector<std::string>{"indicators.participants_with_disability",
                                                         "by_gender.participants_with_disability.female"});
  CHECK(r.suppressed.secondary.empty());
  CHECK(r.unprotected.empty());
  CHECK_THAT(report::to_json(r), Catch::Contains("\"participants_with_disability\": null"));
  CHECK_THAT(report::to_markdown(r), Catch::Contains("| participants_with_disability |  | <5 |"));
}

TEST_CASE("random tables: after suppression no primary cell is pinned but those no hiding can protect")
{
  std::mt19937 random(2026);
  std::size_t unprotected = 0;
  for (int round = 0; round < 40; ++round) {
    Builder b;
    b.ws.project->terms = {{{}, "spring", day(2024, 1, 1), day(2024, 6, 30)},
                           {{}, "autumn", day(2024, 7, 1), day(2024, 12, 31)}};
    auto& acme = b.company("acme", "2451398-6");
    const int people = 3 + static_cast<int>(random() % 30);
    for (int i = 0; i < people; ++i) {
      auto& s = b.student("s" + std::to_string(i), random() % 3 ? model::Group::international : model::Group::domestic);
      s.gender = static_cast<model::Gender>(random() % 4);
      s.joined = model::plus_days(day(2024, 1, 1), static_cast<long>(random() % 360));
      s.left = model::plus_days(*s.joined, static_cast<long>(random() % 120));
      s.employment_status = static_cast<model::EmploymentStatus>(random() % 4);
      s.disability = random() % 4 ? model::Answer::no : model::Answer::yes;
      b.outcome(s.id, model::plus_days(*s.left, static_cast<long>(random() % 30)),
                static_cast<OutcomeStatus>(random() % 6));
      if (random() % 3 == 0) {
        b.opening(acme, "o" + std::to_string(i), *s.joined, model::plus_days(*s.joined, 30));
        b.placement("p" + std::to_string(i), "o" + std::to_string(i), s.group == model::Group::international ? s.id : "",
                    "", model::PlacementStatus::completed);
      }
    }
    auto r = b.build(random() % 2 ? model::IndicatorSet::esf2014 : model::IndicatorSet::esf2021);
    const auto threshold = 5 + static_cast<int>(random() % 3);
    report::suppress_small_counts(r, threshold);
    INFO("round " << round << ", threshold " << threshold);
    check_no_primary_pinned(r, threshold);
    unprotected += r.unprotected.size();
    // A cell said to be beyond protection stays pinned with every other non-zero
    // cell hidden: its small parts alone give it away.
    report::PeopleTable all_hidden(r);
    for (const auto& entry : all_hidden.entries()) {
      if (entry.cell->shown == Cell::Shown::value && entry.cell->value > 0) {
        entry.cell->shown = Cell::Shown::hidden;
      }
    }
    for (std::size_t i = 0; i < all_hidden.entries().size(); ++i) {
      const auto& path = all_hidden.entries()[i].path;
      if (std::find(r.unprotected.begin(), r.unprotected.end(), path) != r.unprotected.end()) {
        INFO(path);
        CHECK(report::audit_cell(all_hidden, i, threshold).pinned());
      }
    }
    report::PeopleTable table(r);
    for (const auto& entry : table.entries()) {
      INFO(entry.path);
      CHECK((entry.cell->value != 0 || entry.cell->shown == Cell::Shown::value));
      CHECK((entry.cell->shown != Cell::Shown::below_threshold || entry.cell->value < threshold));
    }
    CHECK(hidden_count(r) <= table.entries().size() + 1);
  }
  CHECK(unprotected > 0); // tables this small have some (docs/indicators.md): the check above ran
}

TEST_CASE("JSON has cli.md's keys in its order, by_gender, terms and the suppressed paths")
{
  Builder b;
  b.student("one").joined = day(2024, 2, 1);
  b.ws.project->terms = {{{}, "spring", day(2024, 1, 1), day(2024, 6, 30)},
                         {{}, "next-year", day(2025, 1, 1), day(2025, 6, 30)}};
  auto r = b.build();
  REQUIRE(r.terms.size() == 1); // the term outside the period is left out
  const auto json = report::to_json(r);
  const std::vector<std::string> keys = {
    "\"participants_total\":", "\"participants_complete\":", "\"participants_active\":",
    "\"participants_by_group\":", "\"participants_by_gender\":", "\"participants_by_age\":",
    "\"participants_by_employment_status\":", "\"participants_by_education\":",
    "\"participants_foreign_background\":", "\"participants_with_disability\":", "\"companies_total\":",
    "\"companies_by_size\":", "\"supported_smes\":", "\"placements_tandem\":", "\"placements_solo\":",
    "\"placements_completed\":", "\"events_by_kind\":", "\"event_attendances\":", "\"participants_leaving\":",
    "\"results_upon_leaving\":", "\"results_six_months\":", "\"employed_after_placement\":",
    "\"hired_by_placement_company\":", "\"by_gender\":", "\"participants_total\": {\"female\": 1, \"male\": 0, "
    "\"other\": 0, \"undisclosed\": 0}", "\"targets\":", "\"terms\":", "\"id\": \"spring\"", "\"indicators\": {",
    "\"suppressed\": {\"primary\": [], \"secondary\": []}"};
  std::size_t position = 0;
  for (const auto& key : keys) {
    const auto found = json.find(key, position);
    INFO(key);
    REQUIRE(found != std::string::npos);
    position = found;
  }
  CHECK(json.find("employed_within_6_months") == std::string::npos);
  CHECK_THAT(json, Catch::Contains("\"participants\": {\"planned\": 10, \"actual\": 1}"));
  report::suppress_small_counts(r, 5);
  const auto hidden = report::to_json(r);
  CHECK_THAT(hidden, Catch::Contains("\"participants_total\": null"));
  CHECK_THAT(hidden, Catch::Contains("\"participants\": {\"planned\": 10, \"actual\": null}"));
  CHECK_THAT(hidden, Catch::Contains("\"indicators.participants_total\", \"targets.participants.actual\""));
  CHECK_THAT(hidden, Catch::Contains("\"terms.spring.indicators.participants_total\""));
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
