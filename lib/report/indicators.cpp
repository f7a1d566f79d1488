#include "report/indicators.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace tandem::report {

namespace {

using model::Date;

constexpr int k_outcome_window_days = 183;

// The raw figures of one period, before they are laid out as indicators.
struct Counts {
  Participation who;
  long placements_tandem = 0;
  long placements_solo = 0;
  long placements_completed = 0;
  std::map<model::EventKind, long> events_by_kind;
  long events = 0;
  long event_attendances = 0;
  long employed_within_6_months = 0;
  long hired_by_placement_company = 0;
};

Counts count(const workspace::Workspace& workspace, const Period& period,
             const std::vector<PlacementSpan>& spans, const ActivityLog& activities)
{
  Counts counts;
  counts.who = activities.participation(period);

  // Students with a completed placement ending in the period, and the company of
  // each such placement, for the outcome indicators.
  std::map<std::string, std::vector<std::pair<Date, std::string>>> completed_by_student;
  for (const auto& span : spans) {
    const auto& placement = *span.placement;
    if (placement.is_real() && period.contains(span.start)) {
      ++(placement.domestic_id.empty() ? counts.placements_solo : counts.placements_tandem);
    }
    if (placement.status == model::PlacementStatus::completed && period.contains(span.end)) {
      ++counts.placements_completed;
      for (const auto* student : {&placement.international_id, &placement.domestic_id}) {
        if (!student->empty()) {
          completed_by_student[*student].emplace_back(span.end, span.company_id);
        }
      }
    }
  }
  std::unordered_map<std::string, std::vector<const model::Outcome*>> outcomes_by_student;
  for (const auto& outcome : workspace.outcomes) {
    outcomes_by_student[outcome.student_id].push_back(&outcome);
  }
  for (const auto& [student, placements] : completed_by_student) {
    bool employed = false;
    bool hired = false;
    for (const auto& [end, company] : placements) {
      for (const auto* outcome : outcomes_by_student[student]) {
        if (outcome->date < end || outcome->date > model::plus_days(end, k_outcome_window_days)) {
          continue;
        }
        if (outcome->status == model::OutcomeStatus::employed
            || outcome->status == model::OutcomeStatus::self_employed) {
          employed = true;
        }
        if (outcome->status == model::OutcomeStatus::employed && !company.empty()
            && outcome->employer == company) {
          hired = true;
        }
      }
    }
    counts.employed_within_6_months += employed ? 1 : 0;
    counts.hired_by_placement_company += hired ? 1 : 0;
  }

  for (const auto& event : workspace.events) {
    if (period.contains(event.start.date)) {
      ++counts.events_by_kind[event.kind];
      ++counts.events;
    }
  }
  counts.event_attendances = activities.attendances_in(period);
  return counts;
}

Indicator scalar(std::string key, long value, bool about_people)
{
  Indicator indicator{key, about_people, false, false, {}};
  indicator.cells.push_back({std::move(key), value});
  return indicator;
}

// A breakdown whose cells are filled by `key_of`, one key per item; `keys` fixes
// the order and makes every key appear, zero or not.
template <typename Items, typename KeyOf>
Indicator breakdown(std::string key, const std::vector<std::string>& keys, const Items& items,
                    KeyOf&& key_of, bool about_people, bool partitions)
{
  Indicator indicator{std::move(key), about_people, true, partitions, {}};
  for (const auto& cell_key : keys) {
    indicator.cells.push_back({cell_key, 0});
  }
  for (const auto& item : items) {
    const std::string_view item_key = key_of(item);
    for (auto& cell : indicator.cells) {
      if (cell.key == item_key) {
        ++cell.value;
        break;
      }
    }
  }
  return indicator;
}

std::string_view gender_key(model::IndicatorSet set, model::Gender gender)
{
  if (set == model::IndicatorSet::esf2014) {
    return model::to_string(gender);
  }
  switch (gender) {
  case model::Gender::female:
    return "women";
  case model::Gender::male:
    return "men";
  case model::Gender::other:
    return "non_binary";
  case model::Gender::undisclosed:
    break;
  }
  return "undisclosed";
}

std::string_view education_key(model::IndicatorSet set, const std::optional<model::Education>& education)
{
  if (!education) {
    return "unknown";
  }
  if (set == model::IndicatorSet::esf2021 && *education == model::Education::isced1_2) {
    return "isced0-2"; // ESF+ reports ISCED 0-2 together
  }
  return model::to_string(*education);
}

template <typename Enum>
std::vector<std::string> names_of()
{
  std::vector<std::string> names;
  for (const auto& entry : model::enum_names<Enum>()) {
    names.emplace_back(entry.name);
  }
  return names;
}

// Each Business ID's size: the first non-empty `size` in file order.
std::map<std::string, std::string> sizes_by_business_id(const workspace::Workspace& workspace)
{
  std::map<std::string, std::string> sizes;
  for (const auto& company : workspace.companies) {
    if (company.size) {
      sizes.try_emplace(company.business_id, model::to_string(*company.size));
    }
  }
  return sizes;
}

std::vector<Indicator> indicators_of(const Counts& counts, const workspace::Workspace& workspace,
                                     model::IndicatorSet set)
{
  using model::IndicatorSet;
  const auto& students = counts.who.students;
  const auto& companies = counts.who.companies;
  const bool esf2021 = set == IndicatorSet::esf2021;
  std::vector<Indicator> result;
  result.push_back(scalar("participants_total", static_cast<long>(students.size()), true));
  result.push_back(breakdown("participants_by_group", names_of<model::Group>(), students,
                             [](const StudentTakingPart& s) { return model::to_string(s.student->group); },
                             true, true));
  result.push_back(breakdown(
    "participants_by_gender",
    esf2021 ? std::vector<std::string>{"women", "men", "non_binary", "undisclosed"}
            : names_of<model::Gender>(),
    students, [&](const StudentTakingPart& s) { return gender_key(set, s.student->gender); }, true,
    true));
  result.push_back(breakdown(
    "participants_by_age",
    esf2021 ? std::vector<std::string>{"under_18", "18_29", "30_54", "55_and_over", "unknown"}
            : std::vector<std::string>{"under_25", "25_54", "over_54", "unknown"},
    students,
    [&](const StudentTakingPart& s) { return age_band(set, age_on(*s.student, s.first_day)); },
    true, true));
  result.push_back(breakdown("participants_by_employment_status",
                             names_of<model::EmploymentStatus>(), students,
                             [](const StudentTakingPart& s) {
                               return model::to_string(s.student->employment_status);
                             },
                             true, true));
  result.push_back(breakdown(
    "participants_by_education",
    esf2021 ? std::vector<std::string>{"isced0-2", "isced3-4", "isced5-8", "unknown"}
            : std::vector<std::string>{"isced1-2", "isced3-4", "isced5-8", "unknown"},
    students, [&](const StudentTakingPart& s) { return education_key(set, s.student->education); },
    true, true));
  const auto count_if = [&](auto&& predicate) {
    return static_cast<long>(std::count_if(students.begin(), students.end(), predicate));
  };
  if (esf2021) {
    result.push_back(scalar("participants_third_country_nationals",
                            count_if([](const StudentTakingPart& s) {
                              return !s.student->citizenship.empty()
                                     && !model::is_eu_country(s.student->citizenship);
                            }),
                            true));
  }
  result.push_back(scalar("participants_foreign_background",
                          count_if([](const StudentTakingPart& s) { return s.student->foreign_background; }),
                          true));
  result.push_back(scalar("participants_with_disability",
                          count_if([](const StudentTakingPart& s) {
                            return s.student->disability == model::Disability::yes;
                          }),
                          true));
  result.push_back(scalar("companies_total", static_cast<long>(companies.size()), false));
  const auto sizes = sizes_by_business_id(workspace);
  const auto size_of = [&](const CompanyTakingPart& c) -> std::string_view {
    const auto it = sizes.find(c.business_id);
    return it == sizes.end() ? std::string_view("unknown") : std::string_view(it->second);
  };
  auto size_keys = names_of<model::CompanySize>();
  size_keys.emplace_back("unknown");
  result.push_back(breakdown("companies_by_size", size_keys, companies, size_of, false, false));
  if (esf2021) {
    result.push_back(scalar("supported_smes",
                            static_cast<long>(std::count_if(
                              companies.begin(), companies.end(), [&](const CompanyTakingPart& c) {
                                const auto size = size_of(c);
                                return size == "micro" || size == "small" || size == "medium";
                              })),
                            false));
  }
  // A placement is about its one or two students: small counts single them out.
  result.push_back(scalar("placements_tandem", counts.placements_tandem, true));
  result.push_back(scalar("placements_solo", counts.placements_solo, true));
  result.push_back(scalar("placements_completed", counts.placements_completed, true));
  Indicator events{"events_by_kind", false, true, false, {}};
  for (const auto& entry : model::enum_names<model::EventKind>()) {
    const auto it = counts.events_by_kind.find(entry.value);
    events.cells.push_back({std::string(entry.name), it == counts.events_by_kind.end() ? 0 : it->second});
  }
  result.push_back(std::move(events));
  result.push_back(scalar("event_attendances", counts.event_attendances, true));
  result.push_back(scalar("employed_within_6_months", counts.employed_within_6_months, true));
  result.push_back(scalar("hired_by_placement_company", counts.hired_by_placement_company, true));
  return result;
}

std::vector<Cell> term_cells(const Counts& counts)
{
  return {{"participants", static_cast<long>(counts.who.students.size())},
          {"companies", static_cast<long>(counts.who.companies.size())},
          {"placements_tandem", counts.placements_tandem},
          {"placements_solo", counts.placements_solo},
          {"placements_completed", counts.placements_completed},
          {"events", counts.events},
          {"event_attendances", counts.event_attendances}};
}

std::vector<MonthPoint> cumulative_by_month(const Participation& who, const Period& period)
{
  using namespace std::chrono;
  std::vector<Date> student_days;
  std::vector<Date> company_days;
  for (const auto& s : who.students) {
    student_days.push_back(s.first_day);
  }
  for (const auto& c : who.companies) {
    company_days.push_back(c.first_day);
  }
  std::sort(student_days.begin(), student_days.end());
  std::sort(company_days.begin(), company_days.end());
  std::vector<MonthPoint> points;
  year_month month = period.from.year() / period.from.month();
  const year_month last = period.to.year() / period.to.month();
  while (month <= last) {
    const Date end_of_month = std::min(Date(month / std::chrono::last), period.to);
    const auto upto = [&](const std::vector<Date>& days) {
      return static_cast<long>(std::upper_bound(days.begin(), days.end(), end_of_month) - days.begin());
    };
    points.push_back({end_of_month, upto(student_days), upto(company_days)});
    month += months(1);
  }
  return points;
}

bool shown(const Cell& cell)
{
  return cell.shown == Cell::Shown::value;
}

// If exactly one cell of a group that adds up to a shown total is hidden, it
// could be recomputed: hide the smallest other non-zero cell too.
void protect_group(std::vector<Cell*> cells, const Cell& total)
{
  long sum = 0;
  for (const Cell* cell : cells) {
    sum += cell->value;
  }
  const auto hidden = std::count_if(cells.begin(), cells.end(), [](const Cell* c) { return !shown(*c); });
  if (!shown(total) || sum != total.value || hidden != 1) {
    return;
  }
  Cell* smallest = nullptr;
  for (Cell* cell : cells) {
    if (shown(*cell) && cell->value > 0 && (smallest == nullptr || cell->value < smallest->value)) {
      smallest = cell;
    }
  }
  if (smallest != nullptr) {
    smallest->shown = Cell::Shown::hidden;
  }
}

} // namespace

const Indicator& Report::indicator(std::string_view key) const
{
  for (const auto& candidate : indicators) {
    if (candidate.key == key) {
      return candidate;
    }
  }
  throw std::logic_error("no indicator " + std::string(key));
}

const std::vector<TermColumn>& term_columns()
{
  static const std::vector<TermColumn> columns = {
    {"participants", "Participants", true},
    {"companies", "Companies", false},
    {"placements_tandem", "Tandem placements", true},
    {"placements_solo", "Solo placements", true},
    {"placements_completed", "Completed", true},
    {"events", "Events", false},
    {"event_attendances", "Attendances", true},
  };
  return columns;
}

Report build_report(const workspace::Workspace& workspace, const Period& period)
{
  Report report;
  const model::Project& project = *workspace.project;
  report.project_name = project.name;
  report.project_code = project.code;
  report.period = period;
  report.set = project.reporting.indicators;
  const auto spans = placement_spans(workspace);
  const ActivityLog activities(workspace);
  const Counts counts = count(workspace, period, spans, activities);
  report.indicators = indicators_of(counts, workspace, report.set);
  report.targets = {{"companies", project.target_companies, "companies_total"},
                    {"participants", project.target_participants, "participants_total"}};
  for (const auto& term : project.terms) {
    const Period term_period{term.start, term.end};
    report.terms.push_back(
      {term.id, term_period, term_cells(count(workspace, term_period, spans, activities))});
  }
  report.cumulative = cumulative_by_month(counts.who, period);
  return report;
}

void suppress_small_counts(Report& report, int threshold)
{
  report.public_threshold = threshold;
  const auto primary = [&](Cell& cell, bool about_people) {
    if (about_people && cell.value >= 1 && cell.value < threshold) {
      cell.shown = Cell::Shown::below_threshold;
    }
  };
  for (auto& indicator : report.indicators) {
    for (auto& cell : indicator.cells) {
      primary(cell, indicator.about_people);
    }
  }
  for (auto& row : report.terms) {
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      primary(row.cells[i], term_columns()[i].about_people);
    }
  }
  // Breakdowns of participants add up to participants_total.
  const Cell total = report.indicator("participants_total").cells.front();
  for (auto& indicator : report.indicators) {
    if (indicator.partitions_participants) {
      std::vector<Cell*> cells;
      for (auto& cell : indicator.cells) {
        cells.push_back(&cell);
      }
      protect_group(cells, total);
    }
  }
  // A single count that equals a hidden cell would show it all the same: the
  // participants with a foreign background are, by default, the international ones.
  std::vector<long> hidden_values;
  for (const auto& indicator : report.indicators) {
    for (const auto& cell : indicator.cells) {
      if (indicator.partitions_participants && cell.shown == Cell::Shown::hidden) {
        hidden_values.push_back(cell.value);
      }
    }
  }
  for (auto& indicator : report.indicators) {
    auto& cell = indicator.cells.front();
    const bool participant_count = indicator.about_people && !indicator.breakdown
                                   && indicator.key.rfind("participants_", 0) == 0
                                   && indicator.key != "participants_total";
    if (participant_count && shown(cell)
        && std::find(hidden_values.begin(), hidden_values.end(), cell.value) != hidden_values.end()) {
      cell.shown = Cell::Shown::hidden;
    }
  }
  // A per-term column adds up to the period's figure when the terms split the
  // period (placements, attendances: each counted in one term).
  for (std::size_t column = 0; column < term_columns().size(); ++column) {
    const auto key = term_columns()[column].key;
    const auto same = std::find_if(report.indicators.begin(), report.indicators.end(),
                                   [&](const Indicator& i) { return i.key == key; });
    if (same == report.indicators.end() || !term_columns()[column].about_people) {
      continue;
    }
    std::vector<Cell*> cells;
    for (auto& row : report.terms) {
      cells.push_back(&row.cells[column]);
    }
    protect_group(cells, same->cells.front());
  }
}

} // namespace tandem::report
