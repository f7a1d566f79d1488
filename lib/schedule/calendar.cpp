#include "schedule/calendar.hpp"

#include <algorithm>
#include <chrono>

namespace tandem::schedule {

namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;

model::Date date_of(int y, unsigned m, unsigned d) { return model::Date{year(y), month(m), day(d)}; }

// The first `wanted` weekday on or after `first`.
model::Date weekday_on_or_after(model::Date first, weekday wanted)
{
  return model::Date{sys_days(first) + (wanted - weekday(sys_days(first)))};
}

} // namespace

model::Date easter_sunday(int y)
{
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month_number = (h + l - 7 * m + 114) / 31;
  const int day_number = (h + l - 7 * m + 114) % 31 + 1;
  return date_of(y, static_cast<unsigned>(month_number), static_cast<unsigned>(day_number));
}

std::vector<Holiday> finnish_holidays(int y)
{
  const model::Date easter = easter_sunday(y);
  const model::Date midsummer_eve = weekday_on_or_after(date_of(y, 6, 19), std::chrono::Friday);
  std::vector<Holiday> holidays{
    {date_of(y, 1, 1), "New Year's Day"},
    {date_of(y, 1, 6), "Epiphany"},
    {model::plus_days(easter, -2), "Good Friday"},
    {easter, "Easter Sunday"},
    {model::plus_days(easter, 1), "Easter Monday"},
    {date_of(y, 5, 1), "May Day"},
    {model::plus_days(easter, 39), "Ascension Day"},
    {model::plus_days(easter, 49), "Whit Sunday"},
    {midsummer_eve, "Midsummer Eve"},
    {model::plus_days(midsummer_eve, 1), "Midsummer Day"},
    {weekday_on_or_after(date_of(y, 10, 31), std::chrono::Saturday), "All Saints' Day"},
    {date_of(y, 12, 6), "Independence Day"},
    {date_of(y, 12, 24), "Christmas Eve"},
    {date_of(y, 12, 25), "Christmas Day"},
    {date_of(y, 12, 26), "St Stephen's Day"},
  };
  std::sort(holidays.begin(), holidays.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return holidays;
}

WorkingCalendar::WorkingCalendar(std::vector<model::Date> closed_days) : m_closed_days(std::move(closed_days))
{
  std::sort(m_closed_days.begin(), m_closed_days.end());
}

bool WorkingCalendar::is_holiday(model::Date date) const
{
  const int year = static_cast<int>(date.year());
  auto cached = m_holidays_by_year.find(year);
  if (cached == m_holidays_by_year.end()) {
    std::vector<model::Date> days;
    for (const auto& holiday : finnish_holidays(year)) {
      days.push_back(holiday.date);
    }
    std::sort(days.begin(), days.end());
    cached = m_holidays_by_year.emplace(year, std::move(days)).first;
  }
  return std::binary_search(cached->second.begin(), cached->second.end(), date)
         || std::binary_search(m_closed_days.begin(), m_closed_days.end(), date);
}

bool WorkingCalendar::is_working_day(model::Date date) const
{
  const weekday day_of_week(sys_days{date});
  return day_of_week != std::chrono::Saturday && day_of_week != std::chrono::Sunday && !is_holiday(date);
}

model::Date WorkingCalendar::add_working_days(model::Date date, int count) const
{
  const int step = count < 0 ? -1 : 1;
  while (!is_working_day(date)) {
    date = model::plus_days(date, step);
  }
  for (int moved = 0; moved != count; moved += step) {
    do {
      date = model::plus_days(date, step);
    } while (!is_working_day(date));
  }
  return date;
}

} // namespace tandem::schedule
