#include "match/problem.hpp"

namespace tandem::match {

double MostPossible::most_with_partner(std::size_t row) const
{
  const std::size_t keys = partner_keys.size();
  double most = -HUGE_VAL;
  for (std::size_t partner_key = 0; partner_key < keys; ++partner_key) {
    const auto& partners = partner_keys[partner_key];
    const double largest_share
      = std::max(partners.best.empty() ? partners.rest : partners.best.front().second, partners.rest);
    most = std::max(most, gain[row * keys + partner_key] + largest_share);
  }
  return most;
}

Objective objective_of(const Problem& problem, const Plan& plan)
{
  Objective objective;
  for (const int index : plan.chosen) {
    ++objective.placed;
    objective.score += problem.candidates[static_cast<std::size_t>(index)].score;
  }
  return objective;
}

bool is_feasible(const Problem& problem, const Plan& plan)
{
  std::vector<char> international_used(static_cast<std::size_t>(problem.internationals), 0);
  std::vector<char> domestic_used(static_cast<std::size_t>(problem.domestics), 0);
  std::vector<int> free = problem.capacity;
  for (const int index : plan.chosen) {
    if (index < 0 || static_cast<std::size_t>(index) >= problem.candidates.size()) {
      return false;
    }
    const auto& candidate = problem.candidates[static_cast<std::size_t>(index)];
    auto& international = international_used[static_cast<std::size_t>(candidate.international)];
    if (international != 0) {
      return false;
    }
    international = 1;
    if (candidate.domestic != solo) {
      auto& domestic = domestic_used[static_cast<std::size_t>(candidate.domestic)];
      if (domestic != 0) {
        return false;
      }
      domestic = 1;
    }
    if (--free[static_cast<std::size_t>(candidate.opening)] < 0) {
      return false;
    }
  }
  return true;
}

} // namespace tandem::match
