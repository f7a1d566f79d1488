#include "schedule/time_zone.hpp"

#include "io/error.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <exception>

namespace tandem::schedule {

namespace {

using std::chrono::seconds;
using std::chrono::sys_days;

date::local_seconds local_seconds_of(const model::DateTime& time)
{
  return date::local_seconds{sys_days(time.date).time_since_epoch()
                             + std::chrono::duration_cast<seconds>(time.time_of_day)};
}

// The wall-clock time `local` (seconds since the epoch of local time) as
// iCalendar writes it: 20250330T040000.
std::string ical_local(seconds local)
{
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{sys_days(day)};
  const auto time = local - day;
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.count() / 3600, time.count() / 60 % 60, time.count() % 60);
}

// +0300, -0330, or +013824 when the offset has seconds (old local mean times).
std::string ical_offset(seconds offset)
{
  const char sign = offset.count() < 0 ? '-' : '+';
  const long total = std::labs(offset.count());
  std::string text = fmt::format("{}{:02}{:02}", sign, total / 3600, total / 60 % 60);
  if (total % 60 != 0) {
    text += fmt::format("{:02}", total % 60);
  }
  return text;
}

} // namespace

ProjectZone::ProjectZone(const std::string& name) : m_name(name)
{
  try {
    m_zone = date::locate_zone(name);
  } catch (const std::exception& e) {
    throw Error(fmt::format("the time zone {} is not in this system's time-zone database ({}); "
                            "install the Debian package tzdata",
                            name, e.what()));
  }
}

std::optional<Instant> ProjectZone::instant_of(const model::DateTime& time) const
{
  const auto local = local_seconds_of(time);
  if (time.utc_offset) {
    return Instant{local.time_since_epoch() - std::chrono::duration_cast<seconds>(*time.utc_offset)};
  }
  const auto info = m_zone->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return std::nullopt;
  }
  return Instant{local.time_since_epoch() - info.first.offset};
}

model::DateTime ProjectZone::wall_time(Instant instant) const
{
  const auto local = instant.time_since_epoch() + utc_offset(instant);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  model::DateTime time;
  time.date = model::Date{sys_days(day)};
  time.time_of_day = std::chrono::duration_cast<std::chrono::minutes>(local - day);
  time.has_time = true;
  return time;
}

seconds ProjectZone::utc_offset(Instant instant) const { return m_zone->get_info(instant).offset; }

Instant ProjectZone::start_of_day(model::Date day) const
{
  // In a gap at midnight, `earliest` gives the instant the clocks jumped.
  return m_zone->to_sys(date::local_seconds{sys_days(day).time_since_epoch()}, date::choose::earliest);
}

std::vector<std::string> ProjectZone::vtimezone(int first_year, int last_year) const
{
  const Instant from{sys_days(std::chrono::year(first_year) / 1 / 1).time_since_epoch()};
  const Instant until{sys_days(std::chrono::year(last_year + 1) / 1 / 1).time_since_epoch()};
  // The database's first period begins at the dawn of time; iCalendar wants a date.
  const Instant earliest{sys_days(std::chrono::year(1900) / 1 / 1).time_since_epoch()};

  std::vector<std::string> lines{"BEGIN:VTIMEZONE", "TZID:" + m_name};
  auto info = m_zone->get_info(from);
  while (true) {
    const Instant onset = std::max(info.begin, earliest);
    const seconds offset_before = info.begin > earliest ? m_zone->get_info(info.begin - seconds(1)).offset : info.offset;
    const char* component = info.save != std::chrono::minutes(0) ? "DAYLIGHT" : "STANDARD";
    lines.push_back(fmt::format("BEGIN:{}", component));
    lines.push_back("DTSTART:" + ical_local(onset.time_since_epoch() + offset_before));
    lines.push_back("TZOFFSETFROM:" + ical_offset(offset_before));
    lines.push_back("TZOFFSETTO:" + ical_offset(info.offset));
    if (!info.abbrev.empty() && info.abbrev.front() != '+' && info.abbrev.front() != '-') {
      lines.push_back("TZNAME:" + info.abbrev);
    }
    lines.push_back(fmt::format("END:{}", component));
    if (info.end >= until) {
      break;
    }
    info = m_zone->get_info(info.end);
  }
  lines.push_back("END:VTIMEZONE");
  return lines;
}

} // namespace tandem::schedule
