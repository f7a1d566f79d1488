#pragma once

#include "io/workbook.hpp"
#include "schedule/items.hpp"
#include "schedule/time_zone.hpp"

#include <string>
#include <vector>

// `tandem schedule` as a table for people, CSV for spreadsheets and JSON for
// programs (the iCalendar form is in ics.hpp). Times are wall-clock times in
// the project's zone.
namespace tandem::schedule {

std::string schedule_table(const std::vector<CalendarItem>& items, const ProjectZone& zone);
std::string schedule_csv(const std::vector<CalendarItem>& items, const ProjectZone& zone);
std::string schedule_json(const std::vector<CalendarItem>& items, const ProjectZone& zone);
io::Sheet schedule_sheet(const std::vector<CalendarItem>& items, const ProjectZone& zone);

} // namespace tandem::schedule
