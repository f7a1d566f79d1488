#include "report/participation.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace tandem::report {

namespace {

using model::Date;

// The earliest and latest day of one person's or company's activity in a period.
struct Activity {
  std::optional<Date> first;
  std::optional<Date> last;

  void add(Date from, Date to)
  {
    first = first ? std::min(*first, from) : from;
    last = last ? std::max(*last, to) : to;
  }
};

} // namespace

std::vector<PlacementSpan> placement_spans(const workspace::Workspace& workspace)
{
  std::vector<PlacementSpan> spans;
  spans.reserve(workspace.placements.size());
  for (const auto& placement : workspace.placements) {
    const model::Opening* opening = workspace.find_opening(placement.opening_id);
    if (opening == nullptr && (!placement.start || !placement.end)) {
      continue; // no dates to place it in time (check reports the broken link)
    }
    const Date start = placement.start ? *placement.start : opening->start;
    const Date end = placement.end ? *placement.end : opening->end;
    std::string company = !placement.company_id.empty() ? placement.company_id
                          : opening != nullptr         ? opening->company_id
                                                       : std::string();
    spans.push_back({&placement, opening, start, end, std::move(company)});
  }
  return spans;
}

std::optional<int> age_on(const model::Student& student, Date first_day)
{
  if (!student.birth_year) {
    return std::nullopt;
  }
  return static_cast<int>(first_day.year()) - *student.birth_year;
}

std::string age_band(model::IndicatorSet set, std::optional<int> age)
{
  if (!age) {
    return "unknown";
  }
  if (set == model::IndicatorSet::esf2014) {
    return *age < 25 ? "under_25" : *age <= 54 ? "25_54" : "over_54";
  }
  return *age < 18 ? "under_18" : *age <= 29 ? "18_29" : *age <= 54 ? "30_54" : "55_and_over";
}

Participation participation(const workspace::Workspace& workspace, const Period& period)
{
  std::unordered_map<std::string, Activity> students;
  std::unordered_map<std::string, Activity> companies;
  const auto clip = [&](Date start, Date end) {
    return std::pair{std::max(start, period.from), std::min(end, period.to)};
  };

  for (const auto& student : workspace.students) {
    if (student.joined && period.contains(*student.joined)) {
      students[student.id].add(*student.joined, *student.joined);
    }
  }
  for (const auto& company : workspace.companies) {
    if (company.joined && period.contains(*company.joined)) {
      companies[company.id].add(*company.joined, *company.joined);
    }
    for (const auto& opening : company.openings) {
      if (period.overlaps(opening.start, opening.end)) {
        const auto [from, to] = clip(opening.start, opening.end);
        companies[company.id].add(from, to);
      }
    }
  }
  for (const auto& row : workspace.attendance) {
    const model::Event* event = workspace.find_event(row.event_id);
    if (event == nullptr || !period.contains(event->start.date)) {
      continue;
    }
    auto& activity = row.student_id.empty() ? companies[row.company_id] : students[row.student_id];
    activity.add(event->start.date, event->start.date);
  }
  for (const auto& span : placement_spans(workspace)) {
    if (!span.placement->is_real() || !period.overlaps(span.start, span.end)) {
      continue;
    }
    const auto [from, to] = clip(span.start, span.end);
    students[span.placement->international_id].add(from, to);
    if (!span.placement->domestic_id.empty()) {
      students[span.placement->domestic_id].add(from, to);
    }
    if (!span.company_id.empty()) {
      companies[span.company_id].add(from, to);
    }
  }

  Participation result;
  for (const auto& student : workspace.students) {
    const auto it = students.find(student.id);
    if (it == students.end() || workspace.find_student(student.id) != &student) {
      continue; // not taking part, or a repeated id (check reports it)
    }
    Date last = *it->second.last;
    if (student.left && *student.left >= *it->second.first && *student.left < last) {
      last = *student.left;
    }
    result.students.push_back({&student, *it->second.first, last});
  }
  // Companies count by Business ID: the first entry in file order names it.
  std::map<std::string, std::size_t> position_of_business_id;
  for (const auto& company : workspace.companies) {
    const auto it = companies.find(company.id);
    if (it == companies.end() || workspace.find_company(company.id) != &company) {
      continue;
    }
    const auto [found, inserted] =
      position_of_business_id.try_emplace(company.business_id, result.companies.size());
    if (inserted) {
      result.companies.push_back({company.business_id, company.id, *it->second.first});
    } else {
      auto& existing = result.companies[found->second];
      existing.first_day = std::min(existing.first_day, *it->second.first);
    }
  }
  return result;
}

} // namespace tandem::report
