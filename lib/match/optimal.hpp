#pragma once

#include "io/progress.hpp"
#include "match/problem.hpp"

#include <cstddef>

namespace tandem::match {

// Work limits, counted in steps rather than seconds so that the same input gives
// the same plan on any machine (a time limit would not).
struct OptimalLimits {
  // Subgradient steps: as many as `lagrangian_work` allows (a step costs the
  // candidates plus 1000 per international student), within
  // [lagrangian_min_iterations, lagrangian_iterations].
  int lagrangian_iterations = 300;
  int lagrangian_min_iterations = 30;
  double lagrangian_work = 1e9;
  int bound_steps = 150; // subgradient steps of a shortlist's bound (bound_by_most_possible)
  std::size_t ilp_candidate_limit = 400'000; // beyond this CBC is not tried
  int ilp_node_limit = 20'000;
};

struct Solution {
  Plan plan;
  Objective objective;
  bool optimal = false; // proven
  int placed_bound = 0; // no plan places more international students
  double bound = 0;     // no plan placing objective.placed students scores more ...
  bool bound_holds = false; // ... when this is set (else none is known)
};

// --method optimal: the plan with the most international students placed and,
// among those, the highest total score (docs/matching.md says how).
// Each subgradient step is reported to `progress` (if any): the plan, the bound, the gap.
Solution solve_optimal(const Problem& problem, const OptimalLimits& limits = {}, io::ProgressSink* progress = nullptr);

} // namespace tandem::match
