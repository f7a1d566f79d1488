#pragma once

#include "match/problem.hpp"

#include <random>

// Independent references for the matching tests: plain enumeration of every
// plan, written without any of the solvers' code.
namespace tandem::test {

struct Sizes {
  int internationals;
  int domestics;
  int openings;
};

// A random problem: every candidate present with probability `density`,
// scores with fractions, negatives and ties, capacities 1-2.
match::Problem random_problem(std::mt19937& random, Sizes sizes, double density);

// The best objective over every plan, by enumerating them all.
match::Objective exhaustive_best(const match::Problem& problem);

} // namespace tandem::test
