#pragma once

#include "io/progress.hpp"
#include "match/problem.hpp"

#include <cstddef>
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
  bool minimum_proven = false; // no plan has fewer blocking candidates
};

// Up to this many candidates, a plan left with blocking candidates by the search
// below is settled by the integer program of stable_ilp.hpp: the fewest
// possible, proven (measured: 2,212 candidates in 5.5 s; a term's 19,881 take
// CBC longer than its root relaxation's 15 s: docs/matching.md).
inline constexpr std::size_t exact_stable_limit = 2500;

// --method stable: international students propose down their lists, an opening
// holds its best proposals up to its slots and a domestic partner the proposal
// they like best (a pair applies as a couple: both the opening and the partner
// must accept). Then blocking candidates are taken into the plan, each with its
// chain of displaced students (market-wide sweeps, then a best-first search
// over plans). A plan still blocked is, up to exact_stable_limit
// candidates, replaced by the integer program's plan with the fewest blocking
// candidates, proven; above it, the program plans the parties around each
// blocking candidate again (the rest fixed) while that lowers the count, and the
// plan with the fewest is returned.
StableSolution solve_stable(const Problem& problem, const Rankings& rankings, io::ProgressSink* progress = nullptr);

// Candidates not in `plan` that its international student, its opening and
// its partner would all rather have (data-contract: a blocking pair).
std::vector<int> blocking_candidates(const Problem& problem, const Rankings& rankings, const Plan& plan);

} // namespace tandem::match
