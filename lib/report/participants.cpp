#include "report/participants.hpp"

#include "io/csv.hpp"
#include "report/participation.hpp"

#include <fmt/format.h>


namespace tandem::report {

namespace {

const std::vector<std::string>& columns()
{
  static const std::vector<std::string> names = {
    "id",         "last_name", "first_name",        "entry",           "leaving",       "group",
    "gender",     "age",       "age_band",          "employment_status", "education",   "complete",
    "upon_leaving", "upon_leaving_date", "qualified", "six_months", "six_months_date"};
  return names;
}

std::string date_text(const model::Outcome* outcome)
{
  return outcome == nullptr ? "" : model::format_date(outcome->date);
}

std::string status_text(const model::Outcome* outcome)
{
  return outcome == nullptr ? "" : std::string(model::to_string(outcome->status));
}

std::vector<std::vector<std::string>> rows(const workspace::Workspace& workspace, const Period& period)
{
  const OutcomesByStudent outcomes(workspace);
  const auto set = workspace.project->reporting.indicators;
  std::vector<std::vector<std::string>> result;
  const ActivityLog log(workspace);
  for (const auto& participant : log.participants()) {
    // Those entering or leaving in the period: the EURA start and end forms.
    if (!period.contains(participant.entry) && !period.contains(participant.leaving)) {
      continue;
    }
    const model::Student& s = *participant.student;
    const Results results = results_of(participant, outcomes.of(*participant.summary));
    const auto& age = participant.age_at_entry;
    result.push_back({s.id, s.last_name, s.first_name, model::format_date(participant.entry),
                      model::format_date(participant.leaving), std::string(model::to_string(s.group)),
                      std::string(model::to_string(s.gender)), age ? std::to_string(*age) : "",
                      age ? std::string(age_band(set, *age)) : "",
                      std::string(model::to_string(s.employment_status)),
                      s.education ? std::string(model::to_string(*s.education)) : "",
                      participant.complete ? "yes" : "no", status_text(results.upon_leaving),
                      date_text(results.upon_leaving), results.qualified ? "yes" : "no",
                      status_text(results.six_months), date_text(results.six_months)});
  }
  return result;
}

} // namespace

std::string participants_csv(const workspace::Workspace& workspace, const Period& period)
{
  std::string out = io::format_csv_record(columns());
  for (const auto& row : rows(workspace, period)) {
    out += io::format_spreadsheet_record(row);
  }
  return out;
}

std::string participants_markdown(const workspace::Workspace& workspace, const Period& period)
{
  std::string out = "|";
  std::string rule = "|";
  for (const auto& column : columns()) {
    out += " " + column + " |";
    rule += "---|";
  }
  out += "\n" + rule + "\n";
  for (const auto& row : rows(workspace, period)) {
    out += "|";
    for (const auto& value : row) {
      out += " " + value + " |";
    }
    out += "\n";
  }
  return out;
}

io::Sheet participants_sheet(const workspace::Workspace& workspace, const Period& period)
{
  using Kind = io::ColumnKind;
  // In the order of columns(): the days and the age typed, ids and words as text.
  const std::vector<Kind> kinds{Kind::text, Kind::text, Kind::text,   Kind::day,  Kind::day, Kind::text,
                                Kind::text, Kind::number, Kind::text, Kind::text, Kind::text, Kind::text,
                                Kind::text, Kind::day,  Kind::text,   Kind::text, Kind::day};
  return io::typed_sheet("Participants", columns(), kinds, rows(workspace, period));
}

} // namespace tandem::report
