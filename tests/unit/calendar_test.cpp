#include "schedule/calendar.hpp"
#include "test_model.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using tandem::schedule::finnish_holidays;
using tandem::schedule::WorkingCalendar;
using tandem::test::day;

namespace {

tandem::model::Date holiday(int year, std::string_view name)
{
  const auto holidays = finnish_holidays(year);
  const auto found = std::find_if(holidays.begin(), holidays.end(), [&](const auto& h) { return h.name == name; });
  REQUIRE(found != holidays.end());
  return found->date;
}

} // namespace

TEST_CASE("calendar: Easter against published dates")
{
  // Easter Sunday per the Finnish almanac.
  CHECK(tandem::schedule::easter_sunday(2022) == day(2022, 4, 17));
  CHECK(tandem::schedule::easter_sunday(2023) == day(2023, 4, 9));
  CHECK(tandem::schedule::easter_sunday(2024) == day(2024, 3, 31));
  CHECK(tandem::schedule::easter_sunday(2025) == day(2025, 4, 20));
  CHECK(tandem::schedule::easter_sunday(2038) == day(2038, 4, 25)); // the latest possible
  CHECK(tandem::schedule::easter_sunday(2285) == day(2285, 3, 22)); // the earliest possible
}

TEST_CASE("calendar: the moving Finnish holidays of issue 4's examples and more")
{
  CHECK(holiday(2024, "Midsummer Eve") == day(2024, 6, 21));
  CHECK(holiday(2025, "Midsummer Eve") == day(2025, 6, 20));
  CHECK(holiday(2025, "Midsummer Day") == day(2025, 6, 21));
  CHECK(holiday(2024, "All Saints' Day") == day(2024, 11, 2));
  CHECK(holiday(2025, "All Saints' Day") == day(2025, 11, 1));
  CHECK(holiday(2025, "Good Friday") == day(2025, 4, 18));
  CHECK(holiday(2025, "Ascension Day") == day(2025, 5, 29));
  CHECK(holiday(2024, "Whit Sunday") == day(2024, 5, 19));
  CHECK(finnish_holidays(2024).size() == 15);
}

TEST_CASE("calendar: working days skip weekends, Easter, Christmas and closed days")
{
  const WorkingCalendar calendar({day(2024, 12, 27)});
  // Thursday before Easter 2025 + 1 working day: Good Friday and Easter Monday are closed.
  CHECK(calendar.add_working_days(day(2025, 4, 17), 1) == day(2025, 4, 22));
  CHECK(calendar.add_working_days(day(2025, 4, 22), -1) == day(2025, 4, 17));
  // Monday 23 December 2024 + 1: 24-26 are holidays, 27 closed by the project.
  CHECK(calendar.add_working_days(day(2024, 12, 23), 1) == day(2024, 12, 30));
  CHECK_FALSE(calendar.is_working_day(day(2024, 12, 27)));
  CHECK(calendar.add_working_days(day(2024, 6, 22), 0) == day(2024, 6, 24)); // a Saturday rolls on
  CHECK(calendar.add_working_days(day(2024, 6, 17), 5) == day(2024, 6, 25)); // over Midsummer Eve
}
