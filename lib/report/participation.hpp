#pragma once

#include "report/period.hpp"
#include "workspace/load.hpp"

#include <string>
#include <vector>

namespace tandem::report {

// A placement's dates: its own, else its opening's.
struct PlacementSpan {
  const model::Placement* placement;
  const model::Opening* opening; // nullptr when the opening is unknown
  model::Date start;
  model::Date end;
  std::string company_id;
};
std::vector<PlacementSpan> placement_spans(const workspace::Workspace& workspace);

struct StudentTakingPart {
  const model::Student* student;
  model::Date first_day; // the first day within the period on which they take part
  model::Date last_day;  // the last such day (their `left` date when it is earlier)
};

struct CompanyTakingPart {
  std::string business_id;
  std::string first_company_id; // the first entry of that Business ID that took part
  model::Date first_day;
};

// Who takes part in a period, by cli.md's definitions: a student whose `joined`
// date is in the period, who attends an event held in it, or who has a real
// placement overlapping it; a company on the same terms, or with an opening
// overlapping the period. Students in roster order, companies by Business ID in
// file order, each once.
struct Participation {
  std::vector<StudentTakingPart> students;
  std::vector<CompanyTakingPart> companies;
};

// Every dated activity of the workspace (joining, attending an event, an opening,
// a real placement), with its ids resolved once, so that the participation of
// many periods (the report's and each term's) costs a scan each, not a look-up of
// every id again.
class ActivityLog {
public:
  explicit ActivityLog(const workspace::Workspace& workspace);

  Participation participation(const Period& period) const;
  // The attendance rows whose event starts in the period.
  long attendances_in(const Period& period) const;

private:
  struct Entry {
    model::Date from;
    model::Date to;
    std::size_t position; // in workspace.students or workspace.companies
    bool company;
  };

  const workspace::Workspace& m_workspace;
  std::vector<Entry> m_entries;
  std::vector<model::Date> m_attendance_days; // the event's start date per known row
  // False for a repeated id (check reports it): only the first record counts.
  std::vector<bool> m_first_student;
  std::vector<bool> m_first_company;
  // Companies count by Business ID: a dense number per distinct ID, per company.
  std::vector<std::size_t> m_business_id_number;
  std::size_t m_business_ids = 0;
};

// The year of `first_day` minus the birth year; std::nullopt without a birth year.
std::optional<int> age_on(const model::Student& student, model::Date first_day);

// The age band of an indicator set: esf2014 under_25 / 25_54 / over_54, esf2021
// under_18 / 18_29 / 30_54 / 55_and_over; unknown without an age.
std::string_view age_band(model::IndicatorSet set, std::optional<int> age);

} // namespace tandem::report
