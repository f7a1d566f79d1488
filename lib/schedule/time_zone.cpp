#include "schedule/time_zone.hpp"

#include "io/error.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
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

std::vector<OffsetChange> ProjectZone::offset_changes(int first_year, int last_year) const
{
  const Instant from{sys_days(std::chrono::year(first_year) / 1 / 1).time_since_epoch()};
  const Instant until{sys_days(std::chrono::year(last_year + 1) / 1 / 1).time_since_epoch()};
  // The database's first period begins at the dawn of time; iCalendar wants a date.
  const Instant earliest{sys_days(std::chrono::year(1900) / 1 / 1).time_since_epoch()};

  std::vector<OffsetChange> changes;
  auto info = m_zone->get_info(from);
  while (true) {
    const Instant onset = std::max(info.begin, earliest);
    const seconds before = info.begin > earliest ? m_zone->get_info(info.begin - seconds(1)).offset : info.offset;
    const bool numeric_name = info.abbrev.empty() || info.abbrev.front() == '+' || info.abbrev.front() == '-';
    changes.push_back({onset.time_since_epoch() + before, before, info.offset, info.save != std::chrono::minutes(0),
                       numeric_name ? std::string() : info.abbrev});
    if (info.end >= until) {
      break;
    }
    info = m_zone->get_info(info.end);
  }
  return changes;
}

} // namespace tandem::schedule
