#pragma once

#include "match/problem.hpp"

#include <vector>

namespace tandem::match {

// Who prefers which candidate: for each party, a number per candidate, lower
// is better. Only the candidates a party is in are ever compared.
struct Rankings {
  std::vector<long> international;
  std::vector<long> opening;
  std::vector<long> domestic; // unused for solo candidates
};

struct StableSolution {
  Plan plan;
  std::vector<int> blocking; // candidates that block the plan (none when stable)
};

// --method stable: international students propose down their lists, an opening
// holds its best proposals up to its slots and a domestic partner the proposal
// they like best (a pair applies as a couple: both the opening and the partner
// must accept). Then blocking candidates are satisfied one at a time while that
// lowers their number, and the plan with the fewest is returned.
StableSolution solve_stable(const Problem& problem, const Rankings& rankings);

// Candidates not in `plan` that its international student, its opening and
// its partner would all rather have (data-contract: a blocking pair).
std::vector<int> blocking_candidates(const Problem& problem, const Rankings& rankings, const Plan& plan);

} // namespace tandem::match
