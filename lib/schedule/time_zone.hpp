#pragma once

#include "model/values.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace date {
class time_zone;
}

// The project's time zone (tandem.yaml project.timezone), through Howard
// Hinnant's date/tz: g++ 12 has no C++20 time zones. Reads the system's tzdata.
namespace tandem::schedule {

using Instant = std::chrono::sys_seconds;

// A change of a zone's UTC offset (or of its name), as a VTIMEZONE lists them.
struct OffsetChange {
  std::chrono::seconds local_onset; // the wall-clock time it happens, by the offset before it
  std::chrono::seconds offset_before;
  std::chrono::seconds offset_after;
  bool is_daylight_saving = false;
  std::string abbreviation; // EEST; empty when the database has only a number (+03)
};

class ProjectZone {
public:
  // Throws tandem::Error when the system's time-zone database lacks `name`.
  explicit ProjectZone(const std::string& name);

  const std::string& name() const { return m_name; }

  // The instant a workspace date-time names: by its own UTC offset when it has
  // one, else as wall-clock time in this zone. A time that falls twice (the
  // autumn change) is the earlier; one that never happens (the spring gap)
  // gives std::nullopt. A date without a time is its midnight.
  std::optional<Instant> instant_of(const model::DateTime& time) const;
  // The wall-clock date and time of an instant in this zone.
  model::DateTime wall_time(Instant instant) const;
  // The zone's offset from UTC at an instant.
  std::chrono::seconds utc_offset(Instant instant) const;
  // The start of a day in this zone (the first instant that exists that day).
  Instant start_of_day(model::Date day) const;
  // Every change of offset from the one in force on 1 January of `first_year`
  // (dated no earlier than 1900) to the last before the end of `last_year`.
  std::vector<OffsetChange> offset_changes(int first_year, int last_year) const;

private:
  std::string m_name;
  const date::time_zone* m_zone = nullptr;
};

} // namespace tandem::schedule
