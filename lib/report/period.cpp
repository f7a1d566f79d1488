#include "report/period.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

namespace tandem::report {

Period resolve_period(const model::Project& project, const std::optional<std::string>& term,
                      const std::optional<model::Date>& from, const std::optional<model::Date>& to)
{
  if (term) {
    for (const auto& candidate : project.terms) {
      if (candidate.id == *term) {
        return {candidate.start, candidate.end};
      }
    }
    std::string known;
    for (const auto& candidate : project.terms) {
      known += known.empty() ? candidate.id : ", " + candidate.id;
    }
    throw Error(fmt::format("no term \"{}\" in tandem.yaml (terms: {})", *term,
                            known.empty() ? "none" : known));
  }
  const Period period{from.value_or(project.start), to.value_or(project.end)};
  if (period.to < period.from) {
    throw Error(fmt::format("the period ends ({}) before it starts ({})",
                            model::format_date(period.to), model::format_date(period.from)));
  }
  return period;
}

} // namespace tandem::report
