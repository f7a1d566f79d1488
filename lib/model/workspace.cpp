#include "model/workspace.hpp"

#include <algorithm>

namespace tandem::model {

std::optional<Level> Student::level_in(std::string_view language) const
{
  std::optional<Level> best;
  for (const auto& skill : languages) {
    if (skill.code == language) {
      best = std::max(best.value_or(skill.level), skill.level);
    }
  }
  if (language == "fi" && finnish_certified) {
    best = std::max(best.value_or(*finnish_certified), *finnish_certified);
  }
  return best;
}

bool Placement::is_real() const
{
  return status == PlacementStatus::confirmed || status == PlacementStatus::started
         || status == PlacementStatus::completed;
}

} // namespace tandem::model
