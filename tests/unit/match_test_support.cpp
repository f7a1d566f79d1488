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
