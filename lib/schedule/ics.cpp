#include "schedule/ics.hpp"

#include "io/encoding.hpp"
#include "io/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace tandem::schedule {

namespace {

constexpr std::size_t octets_per_line = 75;

std::string ical_date(model::Date date)
{
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

// A wall-clock time, given as seconds since the epoch of local time: 20250330T040000.
std::string ical_local(std::chrono::seconds local)
{
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const long time = (local - day).count();
  return fmt::format("{}T{:02}{:02}{:02}", ical_date(model::Date{std::chrono::sys_days(day)}), time / 3600,
                     time / 60 % 60, time % 60);
}

std::string ical_wall_time(const ProjectZone& zone, Instant instant)
{
  return ical_local(instant.time_since_epoch() + zone.utc_offset(instant));
}

// +0300, -0330, or +013824 when the offset has seconds (old local mean times).
std::string ical_offset(std::chrono::seconds offset)
{
  const char sign = offset.count() < 0 ? '-' : '+';
  const long total = std::labs(offset.count());
  std::string text = fmt::format("{}{:02}{:02}", sign, total / 3600, total / 60 % 60);
  if (total % 60 != 0) {
    text += fmt::format("{:02}", total % 60);
  }
  return text;
}

// The part of the UID after '@': the project's code, else a hash of its name.
std::string uid_domain(const model::Project& project)
{
  const std::string code = project.code.empty() ? io::stable_hash(project.name).substr(0, 8) : project.code;
  std::string domain;
  for (const char c : io::to_lower_ascii(code)) {
    domain += std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' ? c : '-';
  }
  return domain + ".tandem";
}

// The properties that describe the item: what SEQUENCE tracks.
std::vector<std::string> item_properties(const CalendarItem& item, const ProjectZone& zone)
{
  std::vector<std::string> lines;
  if (item.start) {
    lines.push_back(fmt::format("DTSTART;TZID={}:{}", zone.name(), ical_wall_time(zone, *item.start)));
    if (item.end) {
      lines.push_back(fmt::format("DTEND;TZID={}:{}", zone.name(), ical_wall_time(zone, *item.end)));
    }
  } else {
    const model::Date after_last{std::chrono::sys_days(item.last_day) + std::chrono::days(1)};
    lines.push_back("DTSTART;VALUE=DATE:" + ical_date(item.first_day));
    lines.push_back("DTEND;VALUE=DATE:" + ical_date(after_last));
  }
  lines.push_back("SUMMARY:" + escape_text(item.title));
  lines.push_back("DESCRIPTION:" + escape_text(item.description));
  if (!item.location.empty()) {
    lines.push_back("LOCATION:" + escape_text(item.location));
  }
  lines.push_back("CATEGORIES:" + escape_text(to_string(item.kind)));
  lines.push_back("STATUS:" + io::to_upper_ascii(to_string(item.status)));
  // A placement spans weeks: it must not make the staff look busy all that time.
  lines.push_back(item.kind == ItemKind::placement ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE");
  return lines;
}

} // namespace

std::string escape_text(std::string_view text)
{
  std::string out;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    switch (c) {
    case '\\':
    case ';':
    case ',':
      out += '\\';
      out += c;
      break;
    case '\r':
      if (index + 1 < text.size() && text[index + 1] == '\n') {
        ++index;
      }
      out += "\\n";
      break;
    case '\n':
      out += "\\n";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string content_line(std::string_view line)
{
  std::string out;
  std::size_t begin = 0;
  std::size_t room = octets_per_line;
  while (line.size() - begin > room) {
    std::size_t end = begin + room;
    while (end > begin && io::is_utf8_continuation(line[end])) {
      --end; // back to the first octet of the character
    }
    if (end == begin) {
      end = begin + room; // no character starts here: not UTF-8; cut anyway (fuzz_ics_text found the hang)
    }
    out.append(line.substr(begin, end - begin));
    out += "\r\n ";
    begin = end;
    room = octets_per_line - 1; // the leading space counts
  }
  out.append(line.substr(begin));
  out += "\r\n";
  return out;
}

std::vector<std::string> vtimezone(const ProjectZone& zone, int first_year, int last_year)
{
  std::vector<std::string> lines{"BEGIN:VTIMEZONE", "TZID:" + zone.name()};
  for (const auto& change : zone.offset_changes(first_year, last_year)) {
    const char* component = change.is_daylight_saving ? "DAYLIGHT" : "STANDARD";
    lines.push_back(fmt::format("BEGIN:{}", component));
    lines.push_back("DTSTART:" + ical_local(change.local_onset));
    lines.push_back("TZOFFSETFROM:" + ical_offset(change.offset_before));
    lines.push_back("TZOFFSETTO:" + ical_offset(change.offset_after));
    if (!change.abbreviation.empty()) {
      lines.push_back("TZNAME:" + change.abbreviation);
    }
    lines.push_back(fmt::format("END:{}", component));
  }
  lines.push_back("END:VTIMEZONE");
  return lines;
}

std::string to_ics(const std::vector<CalendarItem>& items, const model::Project& project, const ProjectZone& zone,
                   RevisionBook& revisions)
{
  std::string out;
  const auto add = [&out](std::string_view line) { out += content_line(line); };
  add("BEGIN:VCALENDAR");
  add("VERSION:2.0");
  add("PRODID:-//tandem//tandem internships//EN");
  add("CALSCALE:GREGORIAN");
  add("X-WR-CALNAME:" + escape_text(project.name));
  add("X-WR-TIMEZONE:" + zone.name());

  std::optional<int> first_year;
  std::optional<int> last_year;
  for (const auto& item : items) {
    for (const auto& instant : {item.start, item.end}) {
      if (instant) {
        const int year = static_cast<int>(zone.wall_time(*instant).date.year());
        first_year = std::min(first_year.value_or(year), year);
        last_year = std::max(last_year.value_or(year), year);
      }
    }
  }
  if (first_year) {
    for (const auto& line : vtimezone(zone, *first_year, *last_year)) {
      add(line);
    }
  }

  const std::string domain = uid_domain(project);
  const std::string stamp = ical_date(project.start) + "T000000Z";
  for (const auto& item : items) {
    const auto properties = item_properties(item, zone);
    std::string content;
    for (const auto& line : properties) {
      content += line;
      content += '\n';
    }
    add("BEGIN:VEVENT");
    add("UID:" + escape_text(item.key) + "@" + domain);
    add("DTSTAMP:" + stamp);
    add(fmt::format("SEQUENCE:{}", revisions.sequence(item.key, io::stable_hash(content))));
    for (const auto& line : properties) {
      add(line);
    }
    add("END:VEVENT");
  }
  add("END:VCALENDAR");
  return out;
}

} // namespace tandem::schedule
