#pragma once

#include "model/workspace.hpp"

#include <optional>
#include <string>

namespace tandem::report {

// A reporting period, both days included.
struct Period {
  model::Date from;
  model::Date to;

  bool contains(model::Date day) const { return from <= day && day <= to; }
  bool overlaps(model::Date start, model::Date end) const { return start <= to && from <= end; }
};

// --term ID, or --from/--to (both needed), or by default the project's span.
// Throws tandem::Error (exit 1) for an unknown term or a reversed period.
Period resolve_period(const model::Project& project, const std::optional<std::string>& term,
                      const std::optional<model::Date>& from, const std::optional<model::Date>& to);

} // namespace tandem::report
