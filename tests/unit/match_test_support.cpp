#include "match_test_support.hpp"

#include <cstddef>
#include <vector>

namespace tandem::test {

match::Problem random_problem(std::mt19937& random, Sizes sizes, double density)
{
  std::bernoulli_distribution present(density);
  std::uniform_int_distribution<int> score_kind(0, 3);
  std::uniform_real_distribution<double> fraction(-2.0, 10.0);
  std::uniform_int_distribution<int> whole(0, 5);
  std::uniform_int_distribution<int> slots(1, 2);
  match::Problem problem;
  problem.internationals = sizes.internationals;
  problem.domestics = sizes.domestics;
  for (int opening = 0; opening < sizes.openings; ++opening) {
    problem.capacity.push_back(slots(random));
  }
  const auto score = [&] { return score_kind(random) == 0 ? whole(random) : fraction(random); };
  for (int international = 0; international < sizes.internationals; ++international) {
    for (int opening = 0; opening < sizes.openings; ++opening) {
      for (int domestic = match::solo; domestic < sizes.domestics; ++domestic) {
        if (present(random)) {
          problem.candidates.push_back({international, domestic, opening, score()});
        }
      }
    }
  }
  return problem;
}

namespace {

class Enumeration {
public:
  explicit Enumeration(const match::Problem& problem)
      : m_problem(problem), m_by_international(static_cast<std::size_t>(problem.internationals)),
        m_domestic_used(static_cast<std::size_t>(problem.domestics), false), m_free(problem.capacity)
  {
    for (const auto& candidate : problem.candidates) {
      m_by_international[static_cast<std::size_t>(candidate.international)].push_back(&candidate);
    }
  }

  match::Objective best() { return visit(0, {}); }

private:
  match::Objective visit(std::size_t international, match::Objective so_far)
  {
    if (international == m_by_international.size()) {
      return so_far;
    }
    match::Objective best = visit(international + 1, so_far); // this student unplaced
    for (const auto* candidate : m_by_international[international]) {
      auto& free = m_free[static_cast<std::size_t>(candidate->opening)];
      const bool has_partner = candidate->domestic != match::solo;
      if (free == 0 || (has_partner && m_domestic_used[static_cast<std::size_t>(candidate->domestic)])) {
        continue;
      }
      --free;
      if (has_partner) {
        m_domestic_used[static_cast<std::size_t>(candidate->domestic)] = true;
      }
      const match::Objective result
        = visit(international + 1, {so_far.placed + 1, so_far.score + candidate->score});
      if (best < result) {
        best = result;
      }
      ++free;
      if (has_partner) {
        m_domestic_used[static_cast<std::size_t>(candidate->domestic)] = false;
      }
    }
    return best;
  }

  const match::Problem& m_problem;
  std::vector<std::vector<const match::Candidate*>> m_by_international;
  std::vector<bool> m_domestic_used;
  std::vector<int> m_free;
};

} // namespace

match::Objective exhaustive_best(const match::Problem& problem)
{
  return Enumeration(problem).best();
}

} // namespace tandem::test

#include <algorithm>
#include <numeric>

namespace tandem::test {

match::Rankings random_rankings(std::mt19937& random, const match::Problem& problem)
{
  const auto shuffled = [&] {
    std::vector<long> order(problem.candidates.size());
    std::iota(order.begin(), order.end(), 0L);
    std::shuffle(order.begin(), order.end(), random);
    return order;
  };
  return {shuffled(), shuffled(), shuffled()};
}

namespace {

void extend(const match::Problem& problem, std::size_t next, match::Plan& plan, std::vector<match::Plan>& plans)
{
  if (next == problem.candidates.size()) {
    if (match::is_feasible(problem, plan)) {
      plans.push_back(plan);
    }
    return;
  }
  extend(problem, next + 1, plan, plans);
  plan.chosen.push_back(static_cast<int>(next));
  if (match::is_feasible(problem, plan)) {
    extend(problem, next + 1, plan, plans);
  }
  plan.chosen.pop_back();
}

} // namespace

std::vector<match::Plan> every_plan(const match::Problem& problem)
{
  std::vector<match::Plan> plans;
  match::Plan plan;
  extend(problem, 0, plan, plans);
  return plans;
}

std::vector<int> blocking_by_definition(const match::Problem& problem, const match::Rankings& rankings,
                                        const match::Plan& plan)
{
  const auto& candidates = problem.candidates;
  const auto in_plan = [&](int index) {
    return std::find(plan.chosen.begin(), plan.chosen.end(), index) != plan.chosen.end();
  };
  const auto placement_of = [&](auto member) {
    for (const int index : plan.chosen) {
      if (member(candidates[static_cast<std::size_t>(index)])) {
        return index;
      }
    }
    return -1;
  };
  std::vector<int> blocking;
  for (int index = 0; index < static_cast<int>(candidates.size()); ++index) {
    if (in_plan(index)) {
      continue;
    }
    const auto& candidate = candidates[static_cast<std::size_t>(index)];
    const auto at = [](int i) { return static_cast<std::size_t>(i); };
    const int own = placement_of([&](const match::Candidate& c) { return c.international == candidate.international; });
    if (own >= 0 && rankings.international[at(own)] < rankings.international[at(index)]) {
      continue;
    }
    bool opening_wants = false;
    if (own >= 0 && candidates[at(own)].opening == candidate.opening) {
      opening_wants = rankings.opening[at(index)] < rankings.opening[at(own)];
    } else {
      int held = 0;
      for (const int other : plan.chosen) {
        if (candidates[at(other)].opening == candidate.opening) {
          ++held;
          opening_wants = opening_wants || rankings.opening[at(index)] < rankings.opening[at(other)];
        }
      }
      opening_wants = opening_wants || held < problem.capacity[at(candidate.opening)];
    }
    if (!opening_wants) {
      continue;
    }
    if (candidate.domestic != match::solo) {
      const int partner = placement_of([&](const match::Candidate& c) { return c.domestic == candidate.domestic; });
      if (partner >= 0 && rankings.domestic[at(partner)] < rankings.domestic[at(index)]) {
        continue;
      }
    }
    blocking.push_back(index);
  }
  return blocking;
}

} // namespace tandem::test
