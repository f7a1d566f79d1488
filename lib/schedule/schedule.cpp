#include "schedule/schedule.hpp"

#include "io/atomic_file.hpp"
#include "io/workspace_lock.hpp"
#include "report/period.hpp"
#include "schedule/format.hpp"
#include "schedule/ics.hpp"
#include "schedule/revisions.hpp"

#include <algorithm>
#include <stdexcept>

namespace tandem::schedule {

namespace {

constexpr std::string_view k_revisions_file = "calendar-revisions.csv";

std::string ics_with_revisions(const std::vector<CalendarItem>& items, const workspace::Workspace& workspace,
                               const workspace::WorkspacePaths& paths, const ProjectZone& zone)
{
  const io::WorkspaceLock lock(paths.state_folder(), io::WorkspaceLock::default_wait());
  const auto path = paths.state_folder() / std::string(k_revisions_file);
  const std::string display = paths.display(std::string(workspace::file_names::state_folder) + "/"
                                            + std::string(k_revisions_file));
  auto revisions = RevisionBook::parse(io::read_file_if_exists(path, display).value_or(""), display);
  std::string text = to_ics(items, *workspace.project, zone, revisions);
  if (revisions.changed()) {
    io::write_file_atomically(path, revisions.to_csv());
  }
  return text;
}

// The items of the request's term (all without one).
std::vector<CalendarItem> requested_items(const workspace::Workspace& workspace, const Calendar& calendar,
                                          const ScheduleRequest& request)
{
  if (!request.term) {
    return calendar.items;
  }
  const auto period = report::resolve_period(*workspace.project, request.term, std::nullopt, std::nullopt);
  return items_between(calendar.items, period.from, period.to);
}

// What a person reads: cancelled items left out (only a calendar program needs them).
std::vector<CalendarItem> without_cancelled(std::vector<CalendarItem> items)
{
  std::erase_if(items, [](const CalendarItem& item) { return item.status == ItemStatus::cancelled; });
  return items;
}

} // namespace

Calendar load_calendar(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                       const ProjectZone& zone, io::Diagnostics& diagnostics)
{
  auto calendar = build_calendar(workspace, zone);
  for (const auto& problem : calendar.problems) {
    diagnostics.error(paths.display(problem.file), problem.origin.line, problem.message, problem.origin.column);
  }
  return calendar;
}

std::string render_schedule(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                            const Calendar& calendar, const ProjectZone& zone, const ScheduleRequest& request)
{
  auto items = requested_items(workspace, calendar, request);
  if (request.format == ScheduleFormat::ics) {
    // Cancelled items stay in the file: that is how a calendar program learns to drop them.
    return ics_with_revisions(items, workspace, paths, zone);
  }
  items = without_cancelled(std::move(items));
  switch (request.format) {
  case ScheduleFormat::csv:
    return schedule_csv(items, zone);
  case ScheduleFormat::json:
    return schedule_json(items, zone);
  case ScheduleFormat::xlsx:
    throw std::logic_error("render_schedule: a workbook is made by schedule_sheet");
  case ScheduleFormat::table:
  case ScheduleFormat::ics:
    break;
  }
  return schedule_table(items, zone);
}

io::Sheet schedule_sheet(const workspace::Workspace& workspace, const Calendar& calendar, const ProjectZone& zone,
                         const ScheduleRequest& request)
{
  return schedule_sheet(without_cancelled(requested_items(workspace, calendar, request)), zone);
}

} // namespace tandem::schedule
