#include "report/participation.hpp"

#include <algorithm>
#include <unordered_map>

namespace tandem::report {

namespace {

using model::Date;

constexpr std::size_t k_none = static_cast<std::size_t>(-1);

// cli.md's result windows, in days after leaving.
constexpr long k_upon_leaving_last_day = 28;
constexpr long k_six_months_first_day = 153;
constexpr long k_six_months_last_day = 183;
constexpr long k_six_months_late_last_day = 213;

// The earliest and latest day of one company's activity in a period.
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

OutcomesByStudent::OutcomesByStudent(const workspace::Workspace& workspace)
{
  // A counting sort by ordinal keeps each student's rows in file order.
  const auto& students = workspace.outcome_students;
  m_first.assign(workspace.student_index.size() + 1, 0);
  for (const auto* student : students) {
    if (student != nullptr) {
      ++m_first[student->ordinal + 1];
    }
  }
  for (std::size_t i = 1; i < m_first.size(); ++i) {
    m_first[i] += m_first[i - 1];
  }
  m_rows.resize(m_first.back());
  std::vector<std::size_t> next(m_first.begin(), m_first.end() - 1);
  for (std::size_t i = 0; i < students.size(); ++i) {
    if (students[i] != nullptr) {
      m_rows[next[students[i]->ordinal]++] = &workspace.outcomes[i];
    }
  }
}

std::span<const model::Outcome* const> OutcomesByStudent::of(const workspace::StudentSummary& student) const
{
  return {m_rows.data() + m_first[student.ordinal], m_rows.data() + m_first[student.ordinal + 1]};
}

std::optional<int> age_on(const model::Student& student, Date day)
{
  if (student.birth_date) {
    const Date birth = *student.birth_date;
    int years = static_cast<int>(day.year()) - static_cast<int>(birth.year());
    // Not yet had this year's birthday (one born on 29 February has it on 1 March
    // in other years).
    if (std::make_pair(static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()))
        < std::make_pair(static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()))) {
      --years;
    }
    return years;
  }
  if (student.birth_year) {
    return static_cast<int>(day.year()) - *student.birth_year;
  }
  return std::nullopt;
}

std::string_view age_band(model::IndicatorSet set, int age)
{
  if (set == model::IndicatorSet::esf2014) {
    return age < 25 ? "under_25" : age <= 54 ? "25_54" : "over_54";
  }
  return age < 18 ? "under_18" : age <= 29 ? "18_29" : age <= 54 ? "30_54" : "55_and_over";
}

// Rows are in file order: among rows of one date, the later in the file is "last".
Results results_of(const Participant& participant, std::span<const model::Outcome* const> rows)
{
  Results results;
  const model::Outcome* late_follow_up = nullptr;
  for (const model::Outcome* row : rows) {
    const long day = model::days_between(participant.leaving, row->date);
    if (row->status == model::OutcomeStatus::qualified) {
      results.qualified |= participant.entry <= row->date && day <= k_upon_leaving_last_day;
      continue;
    }
    const auto later = [&](const model::Outcome* best) { return best == nullptr || best->date <= row->date; };
    if (day >= 0 && day <= k_upon_leaving_last_day && later(results.upon_leaving)) {
      results.upon_leaving = row;
    }
    if (day >= k_six_months_first_day && day <= k_six_months_last_day && later(results.six_months)) {
      results.six_months = row;
    }
    if (day > k_six_months_last_day && day <= k_six_months_late_last_day
        && (late_follow_up == nullptr || row->date < late_follow_up->date)) {
      late_follow_up = row;
    }
  }
  if (results.six_months == nullptr) {
    results.six_months = late_follow_up; // a follow-up made late
  }
  return results;
}

bool is_complete(const model::Student& student)
{
  return student.gender != model::Gender::undisclosed && (student.birth_date || student.birth_year)
         && student.education.has_value();
}

ActivityLog::ActivityLog(const workspace::Workspace& workspace) : m_workspace(workspace)
{
  const auto& index = workspace.student_index;
  const auto student_ordinal = [&](const std::string& id) -> std::optional<std::size_t> {
    const auto it = index.find(id);
    return it == index.end() ? std::nullopt : std::optional(it->second.ordinal);
  };
  const auto company_position = [&](const std::string& id) -> std::optional<std::size_t> {
    const model::Company* company = workspace.find_company(id);
    return company == nullptr ? std::nullopt
                              : std::optional(static_cast<std::size_t>(company - workspace.companies.data()));
  };
  const auto add = [&](std::optional<std::size_t> position, bool company, Date from, Date to) {
    if (position) {
      m_entries.push_back({from, to, *position, company});
    }
  };

  m_entries.reserve(index.size() + workspace.attendance.size() + 2 * workspace.placements.size()
                    + workspace.companies.size());
  std::vector<const workspace::StudentIndex::value_type*> roster(index.size());
  for (const auto& entry : index) {
    roster[entry.second.ordinal] = &entry;
    if (entry.second.joined) {
      add(entry.second.ordinal, false, *entry.second.joined, *entry.second.joined);
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
  for (const auto& link : workspace.attendance_links) {
    if (link.event == nullptr) {
      continue;
    }
    const Date day = link.event->start.date;
    m_attendance_days.push_back(day);
    if (link.company != nullptr) {
      add(static_cast<std::size_t>(link.company - workspace.companies.data()), true, day, day);
    } else if (link.student != nullptr && link.event->kind != model::EventKind::info_session) {
      // Attending only info sessions makes nobody a participant (Finnish practice).
      add(link.student->ordinal, false, day, day);
    }
  }
  for (const auto& span : placement_spans(workspace)) {
    if (!span.placement->is_real()) {
      continue;
    }
    add(student_ordinal(span.placement->international_id), false, span.start, span.end);
    if (!span.placement->domestic_id.empty()) {
      add(student_ordinal(span.placement->domestic_id), false, span.start, span.end);
    }
    if (!span.company_id.empty()) {
      add(company_position(span.company_id), true, span.start, span.end);
    }
  }

  // Raw entry: the earliest activity of each student.
  auto& raw_entry = m_raw_entry;
  raw_entry.assign(roster.size(), std::nullopt);
  std::vector<Date> last_activity(roster.size());
  for (const auto& entry : m_entries) {
    if (!entry.company) {
      auto& first = raw_entry[entry.position];
      last_activity[entry.position] = first ? std::max(last_activity[entry.position], entry.to) : entry.to;
      first = first ? std::min(*first, entry.from) : entry.from;
    }
  }
  const model::Project& project = *workspace.project;
  m_participant_of_student.assign(roster.size(), k_none);
  for (std::size_t i = 0; i < roster.size(); ++i) {
    const auto& [id, summary] = *roster[i];
    if (!raw_entry[i]) {
      continue; // no activity
    }
    const Date raw_leaving = summary.left.value_or(project.end);
    if (*raw_entry[i] > project.end || raw_leaving < project.start) {
      continue; // took part outside the project's span only
    }
    const Date entry = std::max(*raw_entry[i], project.start);
    const model::Student* student =
      summary.record == workspace::StudentSummary::no_record ? nullptr : &workspace.students[summary.record];
    m_participant_of_student[i] = m_participants.size();
    m_participants.push_back({&id, &summary, student, entry, std::min(raw_leaving, project.end), last_activity[i],
                              student ? age_on(*student, entry) : std::nullopt,
                              student != nullptr && is_complete(*student)});
  }
  // Only participation counts: activity from entry to leaving, within the span.
  for (const auto& entry : m_entries) {
    const std::size_t position = entry.company ? k_none : m_participant_of_student[entry.position];
    if (position == k_none) {
      continue;
    }
    const Participant& participant = m_participants[position];
    const Date from = std::max(entry.from, participant.entry);
    const Date to = std::min(entry.to, participant.leaving);
    if (from <= to) {
      m_participation.push_back({from, to, position, false});
    }
  }
}

long ActivityLog::attendances_in(const Period& period) const
{
  return static_cast<long>(std::count_if(m_attendance_days.begin(), m_attendance_days.end(),
                                         [&](Date day) { return period.contains(day); }));
}

std::vector<const Participant*> ActivityLog::active_in(const Period& period) const
{
  std::vector<bool> active(m_participants.size());
  for (const auto& activity : m_participation) {
    if (period.overlaps(activity.from, activity.to)) {
      active[activity.position] = true;
    }
  }
  std::vector<const Participant*> result;
  for (std::size_t i = 0; i < m_participants.size(); ++i) {
    if (active[i]) {
      result.push_back(&m_participants[i]);
    }
  }
  return result;
}

std::vector<CompanyTakingPart> ActivityLog::companies_in(const Period& period) const
{
  std::vector<Activity> companies(m_workspace.companies.size());
  for (const auto& entry : m_entries) {
    if (entry.company && period.overlaps(entry.from, entry.to)) {
      companies[entry.position].add(std::max(entry.from, period.from), std::min(entry.to, period.to));
    }
  }
  // Companies count by Business ID: the first entry in file order names it.
  std::vector<CompanyTakingPart> result;
  std::vector<std::size_t> position_of_business_id(m_business_ids, k_none);
  for (std::size_t i = 0; i < companies.size(); ++i) {
    const model::Company& company = m_workspace.companies[i];
    const Activity& activity = companies[i];
    if (!activity.first || !m_first_company[i]) {
      continue;
    }
    std::size_t& position = position_of_business_id[m_business_id_number[i]];
    if (position == k_none) {
      position = result.size();
      result.push_back({company.business_id, company.id, *activity.first});
    } else {
      auto& existing = result[position];
      existing.first_day = std::min(existing.first_day, *activity.first);
    }
  }
  return result;
}

} // namespace tandem::report
