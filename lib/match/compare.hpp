#pragma once

#include "match/result.hpp"

#include <string>

namespace tandem::match {

// `match --compare`: the optimal and the stable plan of one run side by side,
// for staff who choose between total fit and fairness: students placed, total
// score, blocking pairs (the optimal plan's counted by the same definition),
// and each student whose placement differs, by name, with both placements.
std::string compare_plans(const MatchInput& input, const MatchResult& optimal, const MatchResult& stable);

} // namespace tandem::match
