#include "report/participation_check.hpp"

#include "report/follow_ups.hpp"
#include "report/participation.hpp"
#include "workspace/paths.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tandem::report {

namespace {

using model::Date;
using model::format_date;
namespace file_names = workspace::file_names;

void check_follow_ups(const ActivityLog& log, const OutcomesByStudent& outcomes,
                      const workspace::WorkspacePaths& paths, Date today, io::Diagnostics& diagnostics);

} // namespace

void check_participation(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                         const workspace::LinkCheck& what, io::Diagnostics& diagnostics)
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
  if (!what.warnings) {
    return;
  }
  const OutcomesByStudent outcomes(workspace);
  if (what.follow_ups_as_of) {
    check_follow_ups(log, outcomes, paths, *what.follow_ups_as_of, diagnostics);
  }
  for (std::size_t i = 0; i < workspace.attendance.size(); ++i) {
    const auto& row = workspace.attendance[i];
    const auto& link = workspace.attendance_links[i];
    if (link.event == nullptr || link.student == nullptr) {
      continue; // a company, or a broken link reported by check_links
    }
    const model::Event* event = link.event;
    const auto& left = link.student->left;
    if (left && event->start.date > *left) {
      diagnostics.warning(paths.display(file_names::attendance), row.origin.line,
                          fmt::format("student {} attends {} on {}, after leaving the project ({})",
                                      row.student_id, row.event_id, format_date(event->start.date),
                                      format_date(*left)));
    }
  }
  // Two rows of one student on one date: each student's rows, ordered by date.
  std::vector<const model::Outcome*> rows;
  for (const auto& [id, summary] : workspace.student_index) {
    const auto own = outcomes.of(summary);
    if (own.size() < 2) {
      continue;
    }
    rows.assign(own.begin(), own.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const model::Outcome* a, const model::Outcome* b) { return a->date < b->date; });
    for (std::size_t k = 1; k < rows.size(); ++k) {
      if (rows[k]->date == rows[k - 1]->date) {
        diagnostics.warning(paths.display(file_names::outcomes), rows[k]->origin.line,
                            fmt::format("student {} already has an outcome on {} (line {}); the later row in "
                                        "the file counts as the last",
                                        id, format_date(rows[k]->date), rows[k - 1]->origin.line));
      }
    }
  }
}

namespace {

void check_follow_ups(const ActivityLog& log, const OutcomesByStudent& outcomes,
                      const workspace::WorkspacePaths& paths, Date today, io::Diagnostics& diagnostics)
{
  const std::string students = paths.display(file_names::students);
  for (const auto& follow_up : outcome_follow_ups(log, outcomes, today)) {
    if (!follow_up.overdue) {
      continue; // due, not overdue: `status` lists it, check does not warn yet
    }
    const Participant& participant = *follow_up.participant;
    const std::string& id = *participant.id;
    const std::size_t line = participant.summary->line;
    switch (follow_up.need) {
    case FollowUpNeed::no_activity:
      diagnostics.warning(students, line,
                          fmt::format("student {} has no left date and no activity since {}: record when "
                                      "they left, so that their results can be followed up",
                                      id, format_date(participant.last_activity)));
      break;
    case FollowUpNeed::upon_leaving:
      diagnostics.warning(students, line,
                          fmt::format("student {} left on {} and has no outcome from the four weeks after: "
                                      "record one in {} (the funder's results upon leaving)",
                                      id, format_date(participant.leaving), file_names::outcomes));
      break;
    case FollowUpNeed::six_months:
      diagnostics.warning(students, line,
                          fmt::format("student {} left on {} and has no outcome from six months after "
                                      "(days 153 to 213): record one in {} (the funder's longer-term results)",
                                      id, format_date(participant.leaving), file_names::outcomes));
      break;
    }
  }
}

} // namespace

} // namespace tandem::report
