#pragma once

#include "report/period.hpp"
#include "workspace/load.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
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

// One participant of the project as the ESF counts them (cli.md, "Who takes part"):
// entry and leaving clipped to the project's span, the record's completeness and
// the age on the day of entry.
struct Participant {
  const std::string* id;
  const workspace::StudentSummary* summary;
  const model::Student* student; // the full record; nullptr where none is kept (check)
  model::Date entry;
  model::Date leaving;
  model::Date last_activity; // the latest day of any activity, before clipping
  std::optional<int> age_at_entry;
  bool complete = false;
};

struct CompanyTakingPart {
  std::string business_id;
  std::string first_company_id; // the first entry of that Business ID that took part
  model::Date first_day;
};

// Every dated activity of the workspace (a student's joining, attending a
// non-info event, a real placement; a company's joining, attending, an opening, a
// real placement), with its ids resolved once, so that the figures of many periods
// (the report's and each term's) cost a scan each, not a look-up of every id again.
class ActivityLog {
public:
  explicit ActivityLog(const workspace::Workspace& workspace);

  // Every participant, in roster order; a repeated id counts once (check reports it).
  // Works from the roster's index, so also where full records are not kept.
  const std::vector<Participant>& participants() const { return m_participants; }
  // The participants with an activity in the period, between their entry and leaving.
  std::vector<const Participant*> active_in(const Period& period) const;
  // Companies taking part in the period, by Business ID in file order, each once.
  std::vector<CompanyTakingPart> companies_in(const Period& period) const;
  // The attendance rows whose event starts in the period.
  long attendances_in(const Period& period) const;
  // Per roster ordinal, the first day of any activity (std::nullopt without one),
  // before clipping to the project's span.
  const std::vector<std::optional<model::Date>>& raw_entries() const { return m_raw_entry; }

private:
  struct Entry {
    model::Date from;
    model::Date to;
    std::size_t position; // a student's ordinal in the roster (or place among the participants),
                          // or a company's place in workspace.companies
    bool company;
  };

  const workspace::Workspace& m_workspace;
  std::vector<Entry> m_entries;
  std::vector<model::Date> m_attendance_days; // the event's start date per known row
  std::vector<std::optional<model::Date>> m_raw_entry;
  // The students' activities clipped to their participation, by place in m_participants.
  std::vector<Entry> m_participation;
  std::vector<Participant> m_participants;
  // Per roster ordinal, the place in m_participants (none when not a participant).
  std::vector<std::size_t> m_participant_of_student;
  // False for a repeated id (check reports it): only the first record counts.
  std::vector<bool> m_first_company;
  // Companies count by Business ID: a dense number per distinct ID, per company.
  std::vector<std::size_t> m_business_id_number;
  std::size_t m_business_ids = 0;
};

// Whole years on `day`: from birth_date when given, else the year of `day` minus
// birth_year; std::nullopt without either.
std::optional<int> age_on(const model::Student& student, model::Date day);

// The age band of an indicator set: esf2014 under_25 / 25_54 / over_54, esf2021
// under_18 / 18_29 / 30_54 / 55_and_over.
std::string_view age_band(model::IndicatorSet set, int age);

// outcomes.csv grouped by student, each student's rows in file order.
class OutcomesByStudent {
public:
  explicit OutcomesByStudent(const workspace::Workspace& workspace);
  std::span<const model::Outcome* const> of(const workspace::StudentSummary& student) const;

private:
  std::vector<std::size_t> m_first;          // per roster ordinal, then one past the end
  std::vector<const model::Outcome*> m_rows; // grouped by ordinal
};

// One leaver's results (cli.md, "Result indicators").
struct Results {
  const model::Outcome* upon_leaving = nullptr; // the last status of days 0..28, `qualified` aside
  bool qualified = false;                       // a qualification from entry to day 28
  const model::Outcome* six_months = nullptr;   // the last of days 153..183, else the first of 184..213
};

// The results of a participant from their outcome rows, in file order (of two
// rows on one date, the later in the file is the last).
Results results_of(const Participant& participant, std::span<const model::Outcome* const> rows);

// The Commission's complete record: gender, age, employment status and education
// known (employment status always is: it defaults to inactive).
bool is_complete(const model::Student& student);

} // namespace tandem::report
