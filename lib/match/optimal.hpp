#pragma once

#include "match/problem.hpp"

#include <cstddef>

namespace tandem::match {

// Work limits, counted in steps rather than seconds so that the same input gives
// the same plan on any machine (a time limit would not).
struct OptimalLimits {
  int lagrangian_iterations = 300;
  std::size_t ilp_candidate_limit = 400'000; // beyond this CBC is not tried
  int ilp_node_limit = 20'000;
  // Beyond ilp_candidate_limit, each student's pairs at one opening are cut to
  // the best this many (the bound still covers the rest).
  std::size_t partners_per_group = 16;
};

struct Solution {
  Plan plan;
  Objective objective;
  bool optimal = false; // proven
  int placed_bound = 0; // no plan places more international students
  double bound = 0;     // no plan placing objective.placed students scores more
};

// --method optimal: the plan with the most international students placed and,
// among those, the highest total score (docs/matching.md says how).
Solution solve_optimal(const Problem& problem, const OptimalLimits& limits = {});

} // namespace tandem::match
