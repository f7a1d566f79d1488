#include "schedule/format.hpp"

#include "io/csv.hpp"
#include "io/text.hpp"

#include <fmt/format.h>

namespace tandem::schedule {

namespace {

// The fields every format shows, in one place.
struct ItemFields {
  std::string first_day;
  std::string last_day;
  std::string start; // YYYY-MM-DDTHH:MM, empty for all-day items
  std::string end;
  std::string placement_id;
  std::string event_id;
  std::string company_id;
};

std::string wall_text(const ProjectZone& zone, const std::optional<Instant>& instant)
{
  if (!instant) {
    return {};
  }
  const auto wall = zone.wall_time(*instant);
  return model::format_date(wall.date) + "T" + model::format_time(wall.time_of_day);
}

ItemFields fields_of(const CalendarItem& item, const ProjectZone& zone)
{
  ItemFields fields{model::format_date(item.first_day), model::format_date(item.last_day),
                    wall_text(zone, item.start), wall_text(zone, item.end), {}, {}, {}};
  if (item.placement != nullptr) {
    fields.placement_id = item.placement->id;
    fields.company_id = item.placement->company_id;
  }
  if (item.event != nullptr) {
    fields.event_id = item.event->id;
  }
  return fields;
}

std::string json_or_null(const std::string& text) { return text.empty() ? "null" : io::json_string(text); }

} // namespace

std::string schedule_table(const std::vector<CalendarItem>& items, const ProjectZone& zone)
{
  std::string out = fmt::format("{:<23} {:<11} {:<10} {}\n", "when", "kind", "status", "what");
  for (const auto& item : items) {
    const auto fields = fields_of(item, zone);
    std::string when = fields.first_day;
    if (item.start) {
      when += " " + fields.start.substr(11);
      if (item.end && fields.end.substr(0, 10) == fields.first_day) {
        when += "-" + fields.end.substr(11);
      }
    } else if (item.last_day != item.first_day) {
      when += ".." + fields.last_day.substr(5);
    }
    out += fmt::format("{:<23} {:<11} {:<10} {}\n", when, to_string(item.kind), to_string(item.status), item.title);
  }
  out += fmt::format("{} item{} (times in {})\n", items.size(), items.size() == 1 ? "" : "s", zone.name());
  return out;
}

io::Sheet schedule_sheet(const std::vector<CalendarItem>& items, const ProjectZone& zone)
{
  io::Sheet sheet{"Schedule",
                  {"first day", "last day", "start", "end", "kind", "status", "what", "location", "key"},
                  {}};
  const auto time_of = [](const std::string& wall) { return wall.empty() ? wall : wall.substr(11); };
  for (const auto& item : items) {
    const auto fields = fields_of(item, zone);
    sheet.rows.push_back({item.first_day, item.last_day, time_of(fields.start), time_of(fields.end),
                          std::string(to_string(item.kind)), std::string(to_string(item.status)), item.title,
                          item.location, item.key});
  }
  return sheet;
}

std::string schedule_csv(const std::vector<CalendarItem>& items, const ProjectZone& zone)
{
  std::string out = io::format_csv_record({"key", "kind", "status", "title", "first_day", "last_day", "start", "end",
                                           "location", "placement_id", "event_id", "company_id"});
  for (const auto& item : items) {
    const auto fields = fields_of(item, zone);
    out += io::format_spreadsheet_record({item.key, std::string(to_string(item.kind)), std::string(to_string(item.status)),
                                  item.title, fields.first_day, fields.last_day, fields.start, fields.end,
                                  item.location, fields.placement_id, fields.event_id, fields.company_id});
  }
  return out;
}

std::string schedule_json(const std::vector<CalendarItem>& items, const ProjectZone& zone)
{
  std::string out = fmt::format("{{\n  \"timezone\": {},\n  \"items\": [", io::json_string(zone.name()));
  const char* separator = "\n";
  for (const auto& item : items) {
    const auto fields = fields_of(item, zone);
    out += fmt::format(
      "{}    {{\"key\": {}, \"kind\": \"{}\", \"status\": \"{}\", \"title\": {}, \"description\": {}, "
      "\"first_day\": \"{}\", \"last_day\": \"{}\", \"start\": {}, \"end\": {}, \"location\": {}, "
      "\"placement_id\": {}, \"event_id\": {}, \"company_id\": {}}}",
      separator, io::json_string(item.key), to_string(item.kind), to_string(item.status),
      io::json_string(item.title), io::json_string(item.description), fields.first_day, fields.last_day,
      json_or_null(fields.start), json_or_null(fields.end), json_or_null(item.location),
      json_or_null(fields.placement_id), json_or_null(fields.event_id), json_or_null(fields.company_id));
    separator = ",\n";
  }
  out += items.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

} // namespace tandem::schedule
