#pragma once

#include "model/workspace.hpp"
#include "schedule/items.hpp"
#include "schedule/revisions.hpp"
#include "schedule/time_zone.hpp"

#include <string>
#include <vector>
#include <string_view>

// The text rules of iCalendar (RFC 5545 section 3.1 and 3.3.11) that every
// calendar writer needs; the calendar's content is built elsewhere.
namespace tandem::schedule {

// A TEXT value escaped: backslash, semicolon, comma and line breaks.
std::string escape_text(std::string_view text);

// One content line, folded: no line longer than 75 octets (CRLF not counted),
// never splitting a UTF-8 character; each continuation starts with a space.
// Ends with CRLF.
std::string content_line(std::string_view line);

// A VTIMEZONE component (RFC 5545 3.6.5) for the zone from 1 January of
// `first_year` to the end of `last_year` (ProjectZone::offset_changes):
// unfolded content lines, without CRLF.
std::vector<std::string> vtimezone(const ProjectZone& zone, int first_year, int last_year);

// The calendar as an iCalendar object (RFC 5545): one VEVENT per item with a
// UID made from its key, a SEQUENCE from `revisions` (updated), a DTSTAMP from
// the project's start (never the clock: the same data gives the same bytes),
// all-day items as dates, timed ones in the project's zone with its VTIMEZONE.
std::string to_ics(const std::vector<CalendarItem>& items, const model::Project& project, const ProjectZone& zone,
                   RevisionBook& revisions);

} // namespace tandem::schedule
