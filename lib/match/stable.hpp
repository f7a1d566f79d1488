#pragma once

#include "io/progress.hpp"
#include "match/problem.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace tandem::match {

// Who prefers which candidate: for each party, a number per candidate, lower
// is better. Only the candidates a party is in are ever compared.
struct Rankings {
  std::vector<long> international;
  std::vector<long> opening;
  std::vector<long> domestic; // unused for solo candidates
};

// Candidates grouped by party, each party's in order: party p's take the
// positions start[p] .. start[p + 1] - 1.
struct PartyPositions {
  std::vector<std::size_t> start;
  std::vector<long> position; // of each candidate
};

// Positions of the candidates in the order of `key` (a tuple, lower is better),
// then of their index, grouped by party: party 0's first, then party 1's, and
// so on. Only the candidates of one party are ever compared (Rankings), so
// each party's are sorted apart, `party` of each candidate giving its party in
// 0..parties-1: many small sorts of keys side by side instead of one of 21
// million indices, each comparison fetching its keys.
template <typename Party, typename Key>
PartyPositions positions_by_party(std::size_t count, std::size_t parties, const Party& party, const Key& key)
{
  std::vector<std::size_t> start(parties + 1, 0);
  for (std::size_t index = 0; index < count; ++index) {
    ++start[party(static_cast<int>(index)) + 1];
  }
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<int> by_party(count);
  auto next = start;
  for (std::size_t index = 0; index < count; ++index) {
    by_party[next[party(static_cast<int>(index))]++] = static_cast<int>(index);
  }
  std::vector<long> position(count);
  std::vector<std::pair<decltype(key(0)), int>> keyed;
  for (std::size_t group = 0; group < parties; ++group) {
    keyed.clear();
    for (std::size_t place = start[group]; place < start[group + 1]; ++place) {
      keyed.push_back({key(by_party[place]), by_party[place]});
    }
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t place = 0; place < keyed.size(); ++place) {
      position[at(keyed[place].second)] = static_cast<long>(start[group] + place);
    }
  }
  return {std::move(start), std::move(position)};
}

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
// must accept). Then blocking candidates are taken into the plan, the highest
// score first, each with its chain of displaced students (market-wide sweeps,
// a path of single steps, then a best-first search over plans); the same
// search runs at once from first_choices below, and the
// one left with fewer blocking candidates goes on. A plan still blocked is, up
// to exact_stable_limit candidates, replaced by the integer program's plan with
// the fewest blocking candidates, proven; above it, the program plans the
// neighbourhood of each blocking candidate again (neighbourhood_around, replan;
// the rest fixed), taking plans with fewer blocking candidates or as few and as
// many placed, while a round lowers the count, and the plan with the fewest is
// returned.
StableSolution solve_stable(const Problem& problem, const Rankings& rankings, io::ProgressSink* progress = nullptr);

// A plan built from first choices, the second start of solve_stable's
// search: a candidate is open while its student and partner are unplaced and
// its opening has a free slot, and each open candidate that all its parties
// rank first among the open ones is taken, while there is one; then the first
// choice of a free student that the fewest of its opening and partner rank
// below another open candidate (the earliest student among equals), and so on.
// Stable when every party ranks the candidates in one common order.
Plan first_choices(const Problem& problem, const Rankings& rankings);

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
