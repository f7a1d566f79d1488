#pragma once

#include "schedule/calendar.hpp"
#include "schedule/time_zone.hpp"
#include "workspace/load.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The term calendar: every placement (real or proposed) with its follow-ups,
// and every event, as dated items; `schedule` prints them and `remind` reminds
// of them.
namespace tandem::schedule {

enum class ItemKind { placement, check_in, deadline, event };
enum class ItemStatus { tentative, confirmed, cancelled };

std::string_view to_string(ItemKind kind);
std::string_view to_string(ItemStatus status);

struct CalendarItem {
  // Stable across runs and edits: `placement/P1`, `placement/P1/first-week-call`,
  // `event/ws-3`. The iCalendar UID and the reminder keys are made from it.
  std::string key;
  ItemKind kind = ItemKind::event;
  ItemStatus status = ItemStatus::confirmed;
  std::string title;
  std::string description;
  std::string location;
  // The days the item covers, in the project's time zone (first = last for one day).
  model::Date first_day;
  model::Date last_day;
  // Timed items (events with a time of day) have a start, and an end when given.
  std::optional<Instant> start;
  std::optional<Instant> end;
  // What the item belongs to; the follow-up for check-ins and deadlines.
  const model::Placement* placement = nullptr;
  const model::FollowUp* follow_up = nullptr;
  const model::Event* event = nullptr;
};

// A problem in the data that only the calendar sees (a local time that never
// happens); the caller reports them as errors.
struct CalendarProblem {
  std::string file;
  model::Origin origin;
  std::string message;
};

struct Calendar {
  std::vector<CalendarItem> items; // by first day, start time, then key
  std::vector<CalendarProblem> problems;
};

// The company's name, or its id when the workspace lacks it.
std::string company_name(const workspace::Workspace& workspace, const std::string& company_id);

// A placement's item title in `language` (en, fi or sv; others: en): "Placement
// P1 at Acme Oy", or with `follow_up` (its title in that language) "First-week
// call: placement P1 at Acme Oy". The calendar writes them in English, the
// weekly digest in the staff's language.
std::string placement_item_title(const std::string& placement_id, const std::string& company,
                                 const std::string* follow_up, std::string_view language);

// The first and last day of a placement: its own dates, else its opening's.
struct PlacementDays {
  std::optional<model::Date> first;
  std::optional<model::Date> last;
};
PlacementDays placement_days(const workspace::Workspace& workspace, const model::Placement& placement);

// The day of one of a placement's follow-ups (std::nullopt when its anchor has
// no day: the middle or end of a placement without an end).
std::optional<model::Date> follow_up_day(const PlacementDays& span, const model::FollowUp& follow_up,
                                         const WorkingCalendar& working_days);

// The working-day calendar of the project (weekends, Finnish holidays, tandem.yaml closed days).
WorkingCalendar working_calendar_of(const model::Project& project);

// Every item of the workspace. Items of cancelled placements are kept (status
// cancelled) so that an exported calendar can withdraw them.
Calendar build_calendar(const workspace::Workspace& workspace, const ProjectZone& zone);

// The items whose first day falls in [from, to].
std::vector<CalendarItem> items_between(const std::vector<CalendarItem>& items, model::Date from, model::Date to);

} // namespace tandem::schedule
