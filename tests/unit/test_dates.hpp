#pragma once

#include "model/values.hpp"

namespace tandem::test {

// A date for tests: day(2024, 5, 6).
inline model::Date day(int year, unsigned month, unsigned day_of_month)
{
  return model::Date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day_of_month)};
}

} // namespace tandem::test
