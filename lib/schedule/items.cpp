#include "schedule/items.hpp"

#include "workspace/paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <tuple>

namespace tandem::schedule {

namespace {

// Ids, not names: calendar files travel to phones and shared calendars.
std::string placement_description(const workspace::Workspace& workspace, const model::Placement& placement,
                                  const PlacementDays& span)
{
  std::string text = fmt::format("Placement {} ({}) at {}", placement.id, model::to_string(placement.status),
                                 company_name(workspace, placement.company_id));
  if (const auto* opening = workspace.find_opening(placement.opening_id)) {
    text += fmt::format(", opening {} \"{}\"", opening->id, opening->title);
  }
  text += fmt::format(", {} to {}.\nInternational student {}", model::format_date(*span.first),
                      model::format_date(span.last.value_or(*span.first)), placement.international_id);
  if (!placement.domestic_id.empty()) {
    text += fmt::format(", domestic partner {}", placement.domestic_id);
  }
  return text + ".";
}

ItemStatus status_of(const model::Placement& placement)
{
  if (placement.status == model::PlacementStatus::cancelled) {
    return ItemStatus::cancelled;
  }
  return placement.is_real() ? ItemStatus::confirmed : ItemStatus::tentative;
}

std::optional<model::Date> anchor_day(const PlacementDays& span, model::FollowUpAnchor anchor)
{
  switch (anchor) {
  case model::FollowUpAnchor::start:
    return span.first;
  case model::FollowUpAnchor::middle:
    if (!span.last) {
      return std::nullopt;
    }
    return model::plus_days(*span.first, model::days_between(*span.first, *span.last) / 2);
  case model::FollowUpAnchor::end:
    return span.last;
  }
  return std::nullopt;
}

void add_placement_items(const workspace::Workspace& workspace, const model::Placement& placement,
                         const WorkingCalendar& working_days, std::vector<CalendarItem>& items)
{
  const auto span = placement_days(workspace, placement);
  if (!span.first) {
    return; // no dates yet: nothing to put in a calendar
  }
  const std::string company = company_name(workspace, placement.company_id);
  const std::string description = placement_description(workspace, placement, span);
  CalendarItem whole;
  whole.key = "placement/" + placement.id;
  whole.kind = ItemKind::placement;
  whole.status = status_of(placement);
  whole.title = placement_item_title(placement.id, company, nullptr, "en");
  whole.description = description;
  whole.first_day = *span.first;
  whole.last_day = std::max(*span.first, span.last.value_or(*span.first));
  whole.placement = &placement;
  items.push_back(whole);

  for (const auto& follow_up : workspace.project->schedule.follow_ups) {
    const auto day = follow_up_day(span, follow_up, working_days);
    if (!day) {
      continue;
    }
    CalendarItem item = whole;
    item.key = whole.key + "/" + follow_up.id;
    item.kind = follow_up.kind == model::FollowUpKind::deadline ? ItemKind::deadline : ItemKind::check_in;
    item.title = placement_item_title(placement.id, company, &follow_up.title, "en");
    item.first_day = item.last_day = *day;
    item.follow_up = &follow_up;
    items.push_back(std::move(item));
  }
}

void add_event_item(const model::Event& event, const ProjectZone& zone, Calendar& calendar)
{
  CalendarItem item;
  item.key = "event/" + event.id;
  item.kind = ItemKind::event;
  item.title = event.title.empty() ? event.id : event.title;
  item.description = fmt::format("{} {}", model::to_string(event.kind), event.id);
  item.location = event.location;
  item.event = &event;
  if (!event.start.has_time) {
    item.first_day = event.start.date;
    item.last_day = std::max(event.start.date, event.end ? event.end->date : event.start.date);
    calendar.items.push_back(std::move(item));
    return;
  }
  const auto missing_time = [&](const model::DateTime& time, std::string_view key) {
    calendar.problems.push_back(
      {std::string(workspace::file_names::events), event.origin,
       fmt::format("event {}: the {} {} {} never happens in {} (the clocks go forward); "
                   "pick a time outside the change",
                   event.id, key, model::format_date(time.date), model::format_time(time.time_of_day), zone.name())});
  };
  item.start = zone.instant_of(event.start);
  if (!item.start) {
    missing_time(event.start, "start");
    return;
  }
  if (event.end) {
    item.end = zone.instant_of(*event.end);
    if (!item.end) {
      missing_time(*event.end, "end");
      return;
    }
  }
  item.first_day = zone.wall_time(*item.start).date;
  item.last_day = item.end && *item.end > *item.start ? zone.wall_time(*item.end - std::chrono::seconds(1)).date
                                                       : item.first_day;
  calendar.items.push_back(std::move(item));
}

} // namespace

std::string placement_item_title(const std::string& placement_id, const std::string& company,
                                 const std::string* follow_up, std::string_view language)
{
  struct Formats {
    std::string_view language;
    std::string_view placement; // {id} {company}
    std::string_view follow_up; // {follow_up} {id} {company}
  };
  static constexpr std::array<Formats, 3> formats{{
    {"en", "Placement {id} at {company}", "{follow_up}: placement {id} at {company}"},
    {"fi", "Harjoittelu {id} ({company})", "{follow_up}: harjoittelu {id} ({company})"},
    {"sv", "Praktik {id} hos {company}", "{follow_up}: praktik {id} hos {company}"},
  }};
  const auto* chosen =
    std::find_if(formats.begin(), formats.end(), [&](const Formats& entry) { return entry.language == language; });
  const Formats& format = chosen != formats.end() ? *chosen : formats.front();
  if (follow_up == nullptr) {
    return fmt::format(fmt::runtime(format.placement), fmt::arg("id", placement_id), fmt::arg("company", company));
  }
  return fmt::format(fmt::runtime(format.follow_up), fmt::arg("follow_up", *follow_up), fmt::arg("id", placement_id),
                     fmt::arg("company", company));
}

std::string_view to_string(ItemKind kind)
{
  switch (kind) {
  case ItemKind::placement:
    return "placement";
  case ItemKind::check_in:
    return "check_in";
  case ItemKind::deadline:
    return "deadline";
  case ItemKind::event:
    return "event";
  }
  return "event";
}

std::string_view to_string(ItemStatus status)
{
  switch (status) {
  case ItemStatus::tentative:
    return "tentative";
  case ItemStatus::confirmed:
    return "confirmed";
  case ItemStatus::cancelled:
    return "cancelled";
  }
  return "confirmed";
}

std::string company_name(const workspace::Workspace& workspace, const std::string& company_id)
{
  const auto* company = workspace.find_company(company_id);
  return company != nullptr ? company->name : company_id;
}

PlacementDays placement_days(const workspace::Workspace& workspace, const model::Placement& placement)
{
  PlacementDays span{placement.start, placement.end};
  if (const auto* opening = workspace.find_opening(placement.opening_id)) {
    span.first = span.first.value_or(opening->start);
    span.last = span.last.value_or(opening->end);
  }
  return span;
}

std::optional<model::Date> follow_up_day(const PlacementDays& span, const model::FollowUp& follow_up,
                                         const WorkingCalendar& working_days)
{
  const auto anchor = span.first ? anchor_day(span, follow_up.anchor) : std::nullopt;
  return anchor ? std::optional(working_days.add_working_days(*anchor, follow_up.working_days)) : std::nullopt;
}

WorkingCalendar working_calendar_of(const model::Project& project)
{
  return WorkingCalendar(project.schedule.closed_days);
}

Calendar build_calendar(const workspace::Workspace& workspace, const ProjectZone& zone)
{
  Calendar calendar;
  const auto working_days = working_calendar_of(*workspace.project);
  for (const auto& placement : workspace.placements) {
    add_placement_items(workspace, placement, working_days, calendar.items);
  }
  for (const auto& event : workspace.events) {
    add_event_item(event, zone, calendar);
  }
  std::sort(calendar.items.begin(), calendar.items.end(), [](const CalendarItem& a, const CalendarItem& b) {
    return std::tie(a.first_day, a.start, a.key) < std::tie(b.first_day, b.start, b.key);
  });
  return calendar;
}

std::vector<CalendarItem> items_between(const std::vector<CalendarItem>& items, model::Date from, model::Date to)
{
  std::vector<CalendarItem> kept;
  std::copy_if(items.begin(), items.end(), std::back_inserter(kept),
               [&](const CalendarItem& item) { return from <= item.first_day && item.first_day <= to; });
  return kept;
}

} // namespace tandem::schedule
