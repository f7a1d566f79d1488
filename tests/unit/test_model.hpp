#pragma once

#include "model/values.hpp"
#include "model/workspace.hpp"

namespace tandem::test {

// A date for tests: day(2024, 5, 6).
inline model::Date day(int year, unsigned month, unsigned day_of_month)
{
  return model::Date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day_of_month)};
}

// The project of the workspaces tests build in code: all of 2024.
inline model::Project project_2024()
{
  model::Project project;
  project.name = "Test";
  project.start = day(2024, 1, 1);
  project.end = day(2024, 12, 31);
  return project;
}

} // namespace tandem::test
