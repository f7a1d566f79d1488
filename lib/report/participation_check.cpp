#include "report/participation_check.hpp"

#include "report/participation.hpp"
#include "workspace/paths.hpp"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

namespace tandem::report {

namespace {

using model::Date;
using model::format_date;
namespace file_names = workspace::file_names;

// A follow-up is overdue once its window has closed (cli.md's result windows).
constexpr long k_upon_leaving_window_end = 28;
constexpr long k_six_months_window_end = 213;
// "No activity for six months".
constexpr long k_quiet_days = 183;

} // namespace

void check_participation(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                         io::Diagnostics& diagnostics)
{
  if (!workspace.project) {
    return;
  }
  const ActivityLog log(workspace);
  const auto& first_activity = log.raw_entries();
  for (const auto& [id, summary] : workspace.student_index) {
    const auto& first = first_activity[summary.ordinal];
    // A left before joined is the reader's error already.
    if (summary.left && first && *summary.left < *first && (!summary.joined || *summary.left >= *summary.joined)) {
      diagnostics.error(paths.display(file_names::students), summary.line,
                        fmt::format("left: {} is before the student's first activity in the project ({}): "
                                    "a participant cannot leave before entering",
                                    format_date(*summary.left), format_date(*first)));
    }
  }
  for (const auto& row : workspace.attendance) {
    const model::Event* event = workspace.find_event(row.event_id);
    const auto student = row.student_id.empty() ? workspace.student_index.end()
                                                : workspace.student_index.find(row.student_id);
    if (event == nullptr || student == workspace.student_index.end()) {
      continue; // a broken link, reported by check_links
    }
    const auto& left = student->second.left;
    if (left && event->start.date > *left) {
      diagnostics.warning(paths.display(file_names::attendance), row.origin.line,
                          fmt::format("student {} attends {} on {}, after leaving the project ({})",
                                      row.student_id, row.event_id, format_date(event->start.date),
                                      format_date(*left)));
    }
  }
  std::unordered_map<std::string, std::map<Date, std::size_t>> seen; // student -> date -> line
  for (const auto& outcome : workspace.outcomes) {
    const auto [it, inserted] = seen[outcome.student_id].try_emplace(outcome.date, outcome.origin.line);
    if (!inserted) {
      diagnostics.warning(paths.display(file_names::outcomes), outcome.origin.line,
                          fmt::format("student {} already has an outcome on {} (line {}); the later row in "
                                      "the file counts as the last",
                                      outcome.student_id, format_date(outcome.date), it->second));
    }
  }
}

void check_follow_ups(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                      Date today, io::Diagnostics& diagnostics)
{
  if (!workspace.project) {
    return;
  }
  std::unordered_map<std::string, std::vector<const model::Outcome*>> outcomes;
  for (const auto& outcome : workspace.outcomes) {
    outcomes[outcome.student_id].push_back(&outcome);
  }
  const ActivityLog log(workspace);
  const std::string students = paths.display(file_names::students);
  for (const auto& participant : log.participants()) {
    const auto& summary = *participant.summary;
    const std::string& id = *participant.id;
    if (!summary.left && model::days_between(participant.last_activity, today) > k_quiet_days) {
      diagnostics.warning(students, summary.line,
                          fmt::format("student {} has no left date and no activity since {}: record when "
                                      "they left, so that their results can be followed up",
                                      id, format_date(participant.last_activity)));
    }
    const long since_leaving = model::days_between(participant.leaving, today);
    if (since_leaving <= k_upon_leaving_window_end) {
      continue;
    }
    const auto it = outcomes.find(id);
    const Results results = results_of(participant, it == outcomes.end() ? std::vector<const model::Outcome*>{}
                                                                         : it->second);
    if (results.upon_leaving == nullptr) {
      diagnostics.warning(students, summary.line,
                          fmt::format("student {} left on {} and has no outcome from the four weeks after: "
                                      "record one in {} (the funder's results upon leaving)",
                                      id, format_date(participant.leaving), file_names::outcomes));
    }
    if (since_leaving > k_six_months_window_end && results.six_months == nullptr) {
      diagnostics.warning(students, summary.line,
                          fmt::format("student {} left on {} and has no outcome from six months after "
                                      "(days 153 to 213): record one in {} (the funder's longer-term results)",
                                      id, format_date(participant.leaving), file_names::outcomes));
    }
  }
}

} // namespace tandem::report
