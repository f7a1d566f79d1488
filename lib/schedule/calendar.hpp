#pragma once

#include "model/values.hpp"

#include <map>
#include <string_view>
#include <vector>

// Working days in Finland: weekends, the public holidays (computed, not
// listed), and the extra closed days a project names in tandem.yaml.
namespace tandem::schedule {

struct Holiday {
  model::Date date;
  std::string_view name;
};

// Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus,
// Jones and Butcher).
model::Date easter_sunday(int year);

// Finland's public holidays of a year, in date order.
std::vector<Holiday> finnish_holidays(int year);

class WorkingCalendar {
public:
  explicit WorkingCalendar(std::vector<model::Date> closed_days = {});

  bool is_working_day(model::Date date) const;
  // The date `days` working days after `date` (before it when negative);
  // 0 gives `date` itself when it is a working day, else the next one.
  model::Date add_working_days(model::Date date, int days) const;

private:
  bool is_holiday(model::Date date) const;

  std::vector<model::Date> m_closed_days; // sorted
  // Each year's holidays, computed once: a big calendar asks millions of times.
  mutable std::map<int, std::vector<model::Date>> m_holidays_by_year;
};

} // namespace tandem::schedule
