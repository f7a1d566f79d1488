#include "report/participants.hpp"

#include "io/csv.hpp"
#include "report/participation.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace tandem::report {

namespace {

const std::vector<std::string>& columns()
{
  static const std::vector<std::string> names = {
    "id",          "last_name",         "first_name", "first_day", "last_day",     "group",
    "gender",      "age_band",          "employment_status",       "education",    "outcome",
    "outcome_date"};
  return names;
}

std::vector<std::vector<std::string>> rows(const workspace::Workspace& workspace, const Period& period)
{
  std::unordered_map<std::string, const model::Outcome*> latest_outcome;
  for (const auto& outcome : workspace.outcomes) {
    auto& latest = latest_outcome[outcome.student_id];
    if (latest == nullptr || latest->date <= outcome.date) {
      latest = &outcome;
    }
  }
  std::vector<std::vector<std::string>> result;
  for (const auto& taking_part : ActivityLog(workspace).participation(period).students) {
    const model::Student& s = *taking_part.student;
    const auto outcome = latest_outcome.find(s.id);
    const bool has_outcome = outcome != latest_outcome.end();
    result.push_back({s.id, s.last_name, s.first_name, model::format_date(taking_part.first_day),
                      model::format_date(taking_part.last_day), std::string(model::to_string(s.group)),
                      std::string(model::to_string(s.gender)),
                      std::string(age_band(workspace.project->reporting.indicators, age_on(s, taking_part.first_day))),
                      std::string(model::to_string(s.employment_status)),
                      s.education ? std::string(model::to_string(*s.education)) : "unknown",
                      has_outcome ? std::string(model::to_string(outcome->second->status)) : "",
                      has_outcome ? model::format_date(outcome->second->date) : ""});
  }
  return result;
}

} // namespace

std::string participants_csv(const workspace::Workspace& workspace, const Period& period)
{
  std::string out = io::format_csv_record(columns());
  for (const auto& row : rows(workspace, period)) {
    out += io::format_csv_record(row);
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

} // namespace tandem::report
