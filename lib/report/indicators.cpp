#include "report/indicators.hpp"

#include "report/feedback.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace tandem::report {

namespace {

using model::Date;
using model::OutcomeStatus;

// employed_after_placement: from a placement's end to this many days after it.
constexpr long k_after_placement_days = 183;

constexpr std::size_t k_no_cell = static_cast<std::size_t>(-1);

bool is_employment(OutcomeStatus status)
{
  return status == OutcomeStatus::employed || status == OutcomeStatus::self_employed;
}

// Counts persons into the cells of one indicator and, by their gender, into its
// by_gender entries. `cell_keys` empty makes a single figure keyed like the
// indicator.
class PersonTally {
public:
  PersonTally(std::string key, const std::vector<std::string>& cell_keys, std::size_t genders)
  {
    m_indicator.key = std::move(key);
    m_indicator.breakdown = !cell_keys.empty();
    if (cell_keys.empty()) {
      m_indicator.cells.push_back({m_indicator.key});
    }
    for (const auto& cell_key : cell_keys) {
      m_indicator.cells.push_back({cell_key});
    }
    m_indicator.by_gender.assign(m_indicator.cells.size(), std::vector<Cell>(genders));
  }

  void add(const model::Student& student, std::size_t cell = 0)
  {
    if (cell == k_no_cell) {
      return;
    }
    ++m_indicator.cells[cell].value;
    ++m_indicator.by_gender[cell][static_cast<std::size_t>(student.gender)].value;
  }

  // The cell named `key` (a breakdown's cells are few).
  std::size_t cell_of(std::string_view key) const
  {
    for (std::size_t i = 0; i < m_indicator.cells.size(); ++i) {
      if (m_indicator.cells[i].key == key) {
        return i;
      }
    }
    return k_no_cell;
  }

  Indicator take(const std::vector<std::string>& gender_keys)
  {
    for (auto& cells : m_indicator.by_gender) {
      for (std::size_t g = 0; g < cells.size(); ++g) {
        cells[g].key = gender_keys[g];
      }
    }
    return std::move(m_indicator);
  }

private:
  Indicator m_indicator;
};

template <typename Enum>
std::vector<std::string> names_of()
{
  std::vector<std::string> names;
  for (const auto& entry : model::enum_names<Enum>()) {
    names.emplace_back(entry.name);
  }
  return names;
}

std::vector<std::string> gender_keys_of(model::IndicatorSet set)
{
  // In the order of model::Gender: female, male, other, undisclosed.
  return set == model::IndicatorSet::esf2014 ? names_of<model::Gender>()
                                             : std::vector<std::string>{"women", "men", "non_binary", "undisclosed"};
}

std::string_view education_key(model::IndicatorSet set, model::Education education)
{
  if (set == model::IndicatorSet::esf2021 && education == model::Education::isced1_2) {
    return "isced0-2"; // ESF+ reports ISCED 0-2 together
  }
  return model::to_string(education);
}

bool is_third_country_national(const model::Student& student)
{
  const auto& citizenship = student.citizenship;
  return citizenship == "stateless" || citizenship == "undetermined"
         || (!citizenship.empty() && !model::is_eu_country(citizenship));
}

Indicator figure(std::string key, long value, bool about_people)
{
  Indicator indicator{key, about_people, false, {}, {}};
  indicator.cells.push_back({std::move(key), value});
  return indicator;
}

// What every period's figures are computed from: the workspace with its ids
// resolved once.
class ReportData {
public:
  explicit ReportData(const workspace::Workspace& workspace)
    : m_workspace(workspace), m_spans(placement_spans(workspace)), m_log(workspace), m_outcomes(workspace),
      m_set(workspace.project->reporting.indicators), m_gender_keys(gender_keys_of(m_set))
  {
    for (const auto& company : workspace.companies) {
      if (company.size) {
        m_size_by_business_id.try_emplace(company.business_id, *company.size);
      }
    }
  }

  const ActivityLog& log() const { return m_log; }
  const std::vector<std::string>& gender_keys() const { return m_gender_keys; }

  std::vector<Indicator> indicators(const Period& period) const
  {
    std::vector<Indicator> result;
    add_participants(period, result);
    add_entities(period, result);
    add_activities(period, result);
    add_results(period, result);
    return result;
  }

private:
  PersonTally tally(std::string key, const std::vector<std::string>& cell_keys = {}) const
  {
    return PersonTally(std::move(key), cell_keys, m_gender_keys.size());
  }


  std::optional<model::CompanySize> size_of(const std::string& business_id) const
  {
    const auto it = m_size_by_business_id.find(business_id);
    return it == m_size_by_business_id.end() ? std::nullopt : std::optional(it->second);
  }

  void add_participants(const Period& period, std::vector<Indicator>& result) const
  {
    const bool esf2021 = m_set == model::IndicatorSet::esf2021;
    auto total = tally("participants_total");
    auto complete = tally("participants_complete");
    auto by_group = tally("participants_by_group", names_of<model::Group>());
    auto by_age = tally("participants_by_age", esf2021 ? std::vector<std::string>{"under_18", "18_29", "30_54", "55_and_over"}
                                                       : std::vector<std::string>{"under_25", "25_54", "over_54"});
    auto by_employment = tally("participants_by_employment_status", names_of<model::EmploymentStatus>());
    auto by_education = tally("participants_by_education", esf2021 ? std::vector<std::string>{"isced0-2", "isced3-4", "isced5-8"}
                                                                   : std::vector<std::string>{"isced1-2", "isced3-4", "isced5-8"});
    auto third_country = tally("participants_third_country_nationals");
    auto foreign_background = tally("participants_foreign_background");
    auto minorities = tally("participants_minorities");
    auto disability = tally("participants_with_disability");
    std::vector<long> by_gender(m_gender_keys.size());
    const auto yes = [](const std::optional<model::Answer>& answer) { return answer == model::Answer::yes; };
    for (const auto& participant : m_log.participants()) {
      if (!period.contains(participant.entry)) {
        continue;
      }
      const model::Student& s = *participant.student;
      total.add(s);
      by_group.add(s, static_cast<std::size_t>(s.group));
      ++by_gender[static_cast<std::size_t>(s.gender)];
      if (!participant.complete) {
        continue; // incomplete records count in the grand total only (SFC FAQ)
      }
      complete.add(s);
      by_age.add(s, by_age.cell_of(age_band(m_set, *participant.age_at_entry)));
      by_employment.add(s, static_cast<std::size_t>(s.employment_status));
      by_education.add(s, by_education.cell_of(education_key(m_set, *s.education)));
      if (is_third_country_national(s)) {
        third_country.add(s);
      }
      // esf2014 reports "migrants, participants with a foreign background,
      // minorities" as one figure; esf2021 keeps them apart.
      if (yes(s.foreign_background) || (!esf2021 && yes(s.minority))) {
        foreign_background.add(s);
      }
      if (yes(s.minority)) {
        minorities.add(s);
      }
      if (s.disability == model::Answer::yes) {
        disability.add(s);
      }
    }
    auto active = tally("participants_active");
    for (const Participant* participant : m_log.active_in(period)) {
      active.add(*participant->student);
    }
    result.push_back(total.take(m_gender_keys));
    result.push_back(complete.take(m_gender_keys));
    result.push_back(active.take(m_gender_keys));
    result.push_back(by_group.take(m_gender_keys));
    Indicator gender{"participants_by_gender", true, true, {}, {}};
    for (std::size_t g = 0; g < m_gender_keys.size(); ++g) {
      gender.cells.push_back({m_gender_keys[g], by_gender[g]});
    }
    result.push_back(std::move(gender));
    result.push_back(by_age.take(m_gender_keys));
    result.push_back(by_employment.take(m_gender_keys));
    result.push_back(by_education.take(m_gender_keys));
    if (esf2021) {
      result.push_back(third_country.take(m_gender_keys));
    }
    result.push_back(foreign_background.take(m_gender_keys));
    if (esf2021) {
      result.push_back(minorities.take(m_gender_keys));
    }
    result.push_back(disability.take(m_gender_keys));
  }

  void add_entities(const Period& period, std::vector<Indicator>& result) const
  {
    const auto companies = m_log.companies_in(period);
    result.push_back(figure("companies_total", static_cast<long>(companies.size()), false));
    Indicator by_size{"companies_by_size", false, true, {}, {}};
    for (const auto& name : names_of<model::CompanySize>()) {
      by_size.cells.push_back({name});
    }
    by_size.cells.push_back({"unknown"});
    for (const auto& company : companies) {
      const auto size = size_of(company.business_id);
      ++by_size.cells[size ? static_cast<std::size_t>(*size) : by_size.cells.size() - 1].value;
    }
    result.push_back(std::move(by_size));
    // Direct support to a company: a seminar it attended (SFC FAQ on EECO19).
    std::vector<std::string> supported;
    for (const auto& link : m_workspace.attendance_links) {
      if (link.event == nullptr || link.company == nullptr || link.event->kind != model::EventKind::seminar
          || !period.contains(link.event->start.date)) {
        continue;
      }
      const auto size = size_of(link.company->business_id);
      if (size && *size != model::CompanySize::large) {
        supported.push_back(link.company->business_id);
      }
    }
    std::sort(supported.begin(), supported.end());
    supported.erase(std::unique(supported.begin(), supported.end()), supported.end());
    result.push_back(figure("supported_smes", static_cast<long>(supported.size()), false));
  }

  void add_activities(const Period& period, std::vector<Indicator>& result) const
  {
    long tandem = 0;
    long solo = 0;
    long completed = 0;
    for (const auto& span : m_spans) {
      const auto& placement = *span.placement;
      if (placement.is_real() && period.contains(span.start)) {
        ++(placement.domestic_id.empty() ? solo : tandem);
      }
      if (placement.status == model::PlacementStatus::completed && period.contains(span.end)) {
        ++completed;
      }
    }
    // A placement is about its one or two students: small counts single them out.
    result.push_back(figure("placements_tandem", tandem, true));
    result.push_back(figure("placements_solo", solo, true));
    result.push_back(figure("placements_completed", completed, true));
    Indicator events{"events_by_kind", false, true, {}, {}};
    for (const auto& name : names_of<model::EventKind>()) {
      events.cells.push_back({name});
    }
    for (const auto& event : m_workspace.events) {
      if (period.contains(event.start.date)) {
        ++events.cells[static_cast<std::size_t>(event.kind)].value;
      }
    }
    result.push_back(std::move(events));
    result.push_back(figure("event_attendances", m_log.attendances_in(period), true));
  }

  void add_results(const Period& period, std::vector<Indicator>& result) const
  {
    auto leaving = tally("participants_leaving");
    auto upon_leaving = tally("results_upon_leaving", {"employed", "in_education", "job_seeking", "qualified"});
    auto six_months = tally("results_six_months", {"employed", "known"});
    for (const auto& participant : m_log.participants()) {
      if (!participant.complete || !period.contains(participant.leaving)) {
        continue;
      }
      const model::Student& s = *participant.student;
      leaving.add(s);
      const Results results = results_of(participant, m_outcomes.of(*participant.summary));
      if (const auto* row = results.upon_leaving) {
        if (is_employment(row->status)) {
          upon_leaving.add(s, upon_leaving.cell_of("employed"));
        } else if (row->status == OutcomeStatus::in_education) {
          upon_leaving.add(s, upon_leaving.cell_of("in_education"));
        } else if (row->status == OutcomeStatus::job_seeking
                   && s.employment_status == model::EmploymentStatus::inactive) {
          // Annex I: "inactive participants engaged in job searching upon leaving".
          upon_leaving.add(s, upon_leaving.cell_of("job_seeking"));
        }
      }
      if (results.qualified) {
        upon_leaving.add(s, upon_leaving.cell_of("qualified"));
      }
      if (const auto* row = results.six_months) {
        six_months.add(s, six_months.cell_of("known"));
        if (is_employment(row->status)) {
          six_months.add(s, six_months.cell_of("employed"));
        }
      }
    }
    result.push_back(leaving.take(m_gender_keys));
    result.push_back(upon_leaving.take(m_gender_keys));
    result.push_back(six_months.take(m_gender_keys));
    add_after_placement(period, result);
  }

  // The project's own figures: students with a completed placement ending in the
  // period and a job within 183 days of that end (it may fall after the period).
  void add_after_placement(const Period& period, std::vector<Indicator>& result) const
  {
    std::map<std::string, std::vector<std::pair<Date, std::string>>> completed_by_student;
    for (const auto& span : m_spans) {
      const auto& placement = *span.placement;
      if (placement.status == model::PlacementStatus::completed && period.contains(span.end)) {
        for (const auto* student : {&placement.international_id, &placement.domestic_id}) {
          if (!student->empty()) {
            completed_by_student[*student].emplace_back(span.end, span.company_id);
          }
        }
      }
    }
    auto employed = tally("employed_after_placement");
    auto hired = tally("hired_by_placement_company");
    for (const auto& [id, placements] : completed_by_student) {
      // One look-up: the summary gives the record and the student's outcomes.
      const auto summary = m_workspace.student_index.find(id);
      if (summary == m_workspace.student_index.end() || summary->second.record == workspace::StudentSummary::no_record) {
        continue;
      }
      const model::Student* student = &m_workspace.students[summary->second.record];
      bool has_job = false;
      bool was_hired = false;
      for (const auto& [end, company] : placements) {
        for (const auto* outcome : m_outcomes.of(summary->second)) {
          const long day = model::days_between(end, outcome->date);
          if (day < 0 || day > k_after_placement_days) {
            continue;
          }
          has_job |= is_employment(outcome->status);
          was_hired |= outcome->status == OutcomeStatus::employed && !company.empty() && outcome->employer == company;
        }
      }
      if (has_job) {
        employed.add(*student);
      }
      if (was_hired) {
        hired.add(*student);
      }
    }
    result.push_back(employed.take(m_gender_keys));
    result.push_back(hired.take(m_gender_keys));
  }

  const workspace::Workspace& m_workspace;
  std::vector<PlacementSpan> m_spans;
  ActivityLog m_log;
  OutcomesByStudent m_outcomes;
  model::IndicatorSet m_set;
  std::vector<std::string> m_gender_keys;
  std::unordered_map<std::string, model::CompanySize> m_size_by_business_id;
};

std::vector<MonthPoint> cumulative_by_month(const ActivityLog& log, const Period& period)
{
  using namespace std::chrono;
  std::vector<Date> student_days;
  for (const auto& participant : log.participants()) {
    if (period.contains(participant.entry)) {
      student_days.push_back(participant.entry);
    }
  }
  std::vector<Date> company_days;
  for (const auto& company : log.companies_in(period)) {
    company_days.push_back(company.first_day);
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

} // namespace

const Indicator& find_indicator(const std::vector<Indicator>& indicators, std::string_view key)
{
  for (const auto& candidate : indicators) {
    if (candidate.key == key) {
      return candidate;
    }
  }
  throw std::logic_error("no indicator " + std::string(key));
}

const Indicator& Report::indicator(std::string_view key) const
{
  return find_indicator(indicators, key);
}

Report build_report(const workspace::Workspace& workspace, const Period& period)
{
  Report report;
  const model::Project& project = *workspace.project;
  report.project_name = project.name;
  report.project_code = project.code;
  report.period = period;
  report.project_span = {project.start, project.end};
  report.set = project.reporting.indicators;
  const ReportData data(workspace);
  report.gender_keys = data.gender_keys();
  report.targets = {{"companies", project.target_companies, "companies_total"},
                    {"participants", project.target_participants, "participants_total"}};
  // The period and each term are counted apart, on as many threads: each only
  // reads the shared data, and the results land in their own places.
  auto whole = std::async(std::launch::async, [&] { return data.indicators(period); });
  std::vector<std::pair<const model::Term*, std::future<std::vector<Indicator>>>> terms;
  for (const auto& term : project.terms) {
    if (period.overlaps(term.start, term.end)) {
      terms.emplace_back(&term, std::async(std::launch::async, [&data, &term] {
                           return data.indicators({term.start, term.end});
                         }));
    }
  }
  report.indicators = whole.get();
  report.feedback = feedback_figures(workspace, period);
  for (auto& [term, indicators] : terms) {
    report.terms.push_back({term->id, {term->start, term->end}, indicators.get()});
    for (auto& indicator : report.terms.back().indicators) {
      indicator.by_gender.clear(); // cli.md: a term carries the indicators only
    }
  }
  report.cumulative = cumulative_by_month(data.log(), period);
  return report;
}

} // namespace tandem::report
