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
// candidates, proven; above it, the program plans the neighbourhood of each
// blocking candidate again (neighbourhood_around, replan; the rest fixed), taking
// plans with fewer blocking candidates or as few and as many placed, while a
// round lowers the count, and the plan with the fewest is returned.
StableSolution solve_stable(const Problem& problem, const Rankings& rankings, io::ProgressSink* progress = nullptr);

// The parties of a plan planned again together by the integer program, the
// rest of the plan fixed (solve_stable above exact_stable_limit); each list
// ascending.
struct Neighbourhood {
  std::vector<int> students;
  std::vector<int> openings;
  std::vector<int> partners;
};

// solve_stable's neighbourhoods grow up to this many students (measured on the
// region: 6 leave 74 blocking pairs, 8 leave 61, 12 leave 72 as CBC reaches
// its node limit, four times slower; docs/performance.md).
inline constexpr std::size_t neighbourhood_students = 8;

// The parties around the blocking candidate `seed` of `plan`: its student,
// whoever holds its opening's slots or its partner, and every opening and
// partner any of them holds; grown the same way by the other blocking
// candidates that touch them, in order, while it has fewer than `max_students`
// students.
Neighbourhood neighbourhood_around(const Problem& problem, const Rankings& rankings, const Plan& plan, int seed,
                                   std::size_t max_students = neighbourhood_students);

// `plan` with the neighbourhood's students placed again, each at one of its
// openings with one of its partners (or solo) or not at all, the rest fixed: the
// plan of this kind with the fewest blocking candidates in the whole market, then
// the most students placed (the integer program, limited to 200 nodes; `plan`
// itself when it finds nothing).
Plan replan(const Problem& problem, const Rankings& rankings, const Plan& plan, const Neighbourhood& neighbourhood);

// Candidates not in `plan` that its international student, its opening and
// its partner would all rather have (data-contract: a blocking pair).
std::vector<int> blocking_candidates(const Problem& problem, const Rankings& rankings, const Plan& plan);

} // namespace tandem::match
