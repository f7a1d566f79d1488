#include "report/participation.hpp"

#include <algorithm>
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

std::string_view age_band(model::IndicatorSet set, std::optional<int> age)
{
  if (!age) {
    return "unknown";
  }
  if (set == model::IndicatorSet::esf2014) {
    return *age < 25 ? "under_25" : *age <= 54 ? "25_54" : "over_54";
  }
  return *age < 18 ? "under_18" : *age <= 29 ? "18_29" : *age <= 54 ? "30_54" : "55_and_over";
}

ActivityLog::ActivityLog(const workspace::Workspace& workspace) : m_workspace(workspace)
{
  const auto student_position = [&](const std::string& id) -> std::optional<std::size_t> {
    const model::Student* student = workspace.find_student(id);
    return student == nullptr ? std::nullopt
                              : std::optional<std::size_t>(static_cast<std::size_t>(student - workspace.students.data()));
  };
  const auto company_position = [&](const std::string& id) -> std::optional<std::size_t> {
    const model::Company* company = workspace.find_company(id);
    return company == nullptr ? std::nullopt
                              : std::optional<std::size_t>(static_cast<std::size_t>(company - workspace.companies.data()));
  };
  const auto add = [&](std::optional<std::size_t> position, bool company, Date from, Date to) {
    if (position) {
      m_entries.push_back({from, to, *position, company});
    }
  };

  m_first_student.resize(workspace.students.size());
  for (std::size_t i = 0; i < workspace.students.size(); ++i) {
    m_first_student[i] = workspace.find_student(workspace.students[i].id) == &workspace.students[i];
    if (const auto& joined = workspace.students[i].joined) {
      add(i, false, *joined, *joined);
    }
  }
  m_first_company.resize(workspace.companies.size());
  std::unordered_map<std::string, std::size_t> business_id_numbers;
  for (std::size_t i = 0; i < workspace.companies.size(); ++i) {
    const auto& company = workspace.companies[i];
    m_first_company[i] = workspace.find_company(company.id) == &company;
    m_business_id_number.push_back(
      business_id_numbers.try_emplace(company.business_id, business_id_numbers.size()).first->second);
    if (company.joined) {
      add(i, true, *company.joined, *company.joined);
    }
    for (const auto& opening : company.openings) {
      add(i, true, opening.start, opening.end);
    }
  }
  m_business_ids = business_id_numbers.size();
  m_attendance_days.reserve(workspace.attendance.size());
  for (const auto& row : workspace.attendance) {
    const model::Event* event = workspace.find_event(row.event_id);
    if (event == nullptr) {
      continue;
    }
    const Date day = event->start.date;
    m_attendance_days.push_back(day);
    if (row.student_id.empty()) {
      add(company_position(row.company_id), true, day, day);
    } else {
      add(student_position(row.student_id), false, day, day);
    }
  }
  for (const auto& span : placement_spans(workspace)) {
    if (!span.placement->is_real()) {
      continue;
    }
    add(student_position(span.placement->international_id), false, span.start, span.end);
    if (!span.placement->domestic_id.empty()) {
      add(student_position(span.placement->domestic_id), false, span.start, span.end);
    }
    if (!span.company_id.empty()) {
      add(company_position(span.company_id), true, span.start, span.end);
    }
  }
}

long ActivityLog::attendances_in(const Period& period) const
{
  return static_cast<long>(std::count_if(m_attendance_days.begin(), m_attendance_days.end(),
                                         [&](Date day) { return period.contains(day); }));
}

Participation ActivityLog::participation(const Period& period) const
{
  std::vector<Activity> students(m_workspace.students.size());
  std::vector<Activity> companies(m_workspace.companies.size());
  for (const auto& entry : m_entries) {
    if (period.overlaps(entry.from, entry.to)) {
      (entry.company ? companies : students)[entry.position].add(std::max(entry.from, period.from),
                                                                  std::min(entry.to, period.to));
    }
  }

  Participation result;
  for (std::size_t i = 0; i < students.size(); ++i) {
    const model::Student& student = m_workspace.students[i];
    const Activity& activity = students[i];
    if (!activity.first || !m_first_student[i]) {
      continue; // not taking part, or a repeated id (check reports it)
    }
    Date last = *activity.last;
    if (student.left && *student.left >= *activity.first && *student.left < last) {
      last = *student.left;
    }
    result.students.push_back({&student, *activity.first, last});
  }
  // Companies count by Business ID: the first entry in file order names it.
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> position_of_business_id(m_business_ids, none);
  for (std::size_t i = 0; i < companies.size(); ++i) {
    const model::Company& company = m_workspace.companies[i];
    const Activity& activity = companies[i];
    if (!activity.first || !m_first_company[i]) {
      continue;
    }
    std::size_t& position = position_of_business_id[m_business_id_number[i]];
    if (position == none) {
      position = result.companies.size();
      result.companies.push_back({company.business_id, company.id, *activity.first});
    } else {
      auto& existing = result.companies[position];
      existing.first_day = std::min(existing.first_day, *activity.first);
    }
  }
  return result;
}

} // namespace tandem::report
