#pragma once

#include "io/diagnostics.hpp"
#include "io/workbook.hpp"
#include "schedule/items.hpp"
#include "workspace/load.hpp"
#include "workspace/paths.hpp"

#include <optional>
#include <string>

// `tandem schedule`: the term calendar in one of five formats.
namespace tandem::schedule {

enum class ScheduleFormat { table, csv, json, ics, xlsx };

struct ScheduleRequest {
  std::optional<std::string> term; // none: everything in the workspace
  ScheduleFormat format = ScheduleFormat::table;
};

// The calendar of a valid workspace. Problems only the calendar finds (a local
// time that never happens) go to `diagnostics` as errors, with the items they
// concern left out.
Calendar load_calendar(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                       const ProjectZone& zone, io::Diagnostics& diagnostics);

// The calendar as text. An iCalendar export takes the workspace lock and keeps
// each item's revision in .tandem/calendar-revisions.csv, so that a changed item
// gets a higher SEQUENCE; the same data and state give the same bytes.
std::string render_schedule(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                            const Calendar& calendar, const ProjectZone& zone, const ScheduleRequest& request);

// The request's items as a sheet (--format xlsx); render_schedule gives the text formats.
io::Sheet schedule_sheet(const workspace::Workspace& workspace, const Calendar& calendar, const ProjectZone& zone,
                         const ScheduleRequest& request);

} // namespace tandem::schedule
