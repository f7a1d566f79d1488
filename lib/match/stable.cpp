#include "match/stable.hpp"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <numeric>
#include <set>

namespace tandem::match {

namespace {

constexpr int none = -1;

// A plan being built: what each party holds, by candidate index.
class Holdings {
public:
  Holdings(const Problem& problem, const Rankings& rankings)
      : m_problem(problem), m_rankings(rankings),
        m_of_international(at(problem.internationals), none), m_of_domestic(at(problem.domestics), none),
        m_of_opening(problem.capacity.size())
  {
  }

  explicit Holdings(const Problem& problem, const Rankings& rankings, const Plan& plan)
      : Holdings(problem, rankings)
  {
    for (const int index : plan.chosen) {
      hold(index);
    }
  }

  const Candidate& candidate(int index) const { return m_problem.candidates[at(index)]; }
  int of_international(int international) const { return m_of_international[at(international)]; }

  // Whether each party of `index` would take it over what it holds now.
  bool wanted(int index) const
  {
    const auto& wanted_candidate = candidate(index);
    const int current = m_of_international[at(wanted_candidate.international)];
    if (current == index) {
      return false;
    }
    if (current != none && m_rankings.international[at(current)] <= m_rankings.international[at(index)]) {
      return false;
    }
    return opening_accepts(index) && domestic_accepts(index);
  }

  // Takes `index` into the plan; whoever it displaces loses their placement.
  // Returns the international students displaced.
  std::vector<int> take(int index)
  {
    std::vector<int> displaced;
    const auto& taken = candidate(index);
    release(m_of_international[at(taken.international)]);
    if (taken.domestic != solo && m_of_domestic[at(taken.domestic)] != none) {
      const int other = m_of_domestic[at(taken.domestic)];
      displaced.push_back(candidate(other).international);
      release(other);
    }
    auto& held = m_of_opening[at(taken.opening)];
    if (static_cast<int>(held.size()) >= m_problem.capacity[at(taken.opening)]) {
      const int worst = *std::max_element(held.begin(), held.end(), [&](int a, int b) {
        return m_rankings.opening[at(a)] < m_rankings.opening[at(b)];
      });
      displaced.push_back(candidate(worst).international);
      release(worst);
    }
    hold(index);
    return displaced;
  }

  Plan plan() const
  {
    Plan result;
    for (const int index : m_of_international) {
      if (index != none) {
        result.chosen.push_back(index);
      }
    }
    std::sort(result.chosen.begin(), result.chosen.end());
    return result;
  }

private:
  bool opening_accepts(int index) const
  {
    const auto& wanted_candidate = candidate(index);
    const auto& held = m_of_opening[at(wanted_candidate.opening)];
    const int own = m_of_international[at(wanted_candidate.international)];
    if (own != none && candidate(own).opening == wanted_candidate.opening) {
      // The student already has a slot here and would change partner.
      return m_rankings.opening[at(index)] < m_rankings.opening[at(own)];
    }
    if (static_cast<int>(held.size()) < m_problem.capacity[at(wanted_candidate.opening)]) {
      return true;
    }
    return std::any_of(held.begin(), held.end(),
                       [&](int other) { return m_rankings.opening[at(index)] < m_rankings.opening[at(other)]; });
  }

  bool domestic_accepts(int index) const
  {
    const auto& wanted_candidate = candidate(index);
    if (wanted_candidate.domestic == solo) {
      return true;
    }
    const int current = m_of_domestic[at(wanted_candidate.domestic)];
    return current == none || m_rankings.domestic[at(index)] < m_rankings.domestic[at(current)];
  }

  void hold(int index)
  {
    const auto& held = candidate(index);
    m_of_international[at(held.international)] = index;
    if (held.domestic != solo) {
      m_of_domestic[at(held.domestic)] = index;
    }
    m_of_opening[at(held.opening)].push_back(index);
  }

  void release(int index)
  {
    if (index == none) {
      return;
    }
    const auto& released = candidate(index);
    m_of_international[at(released.international)] = none;
    if (released.domestic != solo) {
      m_of_domestic[at(released.domestic)] = none;
    }
    auto& held = m_of_opening[at(released.opening)];
    held.erase(std::find(held.begin(), held.end(), index));
  }

  const Problem& m_problem;
  const Rankings& m_rankings;
  std::vector<int> m_of_international;
  std::vector<int> m_of_domestic;
  std::vector<std::vector<int>> m_of_opening;
};

Plan deferred_acceptance(const Problem& problem, const Rankings& rankings)
{
  std::vector<std::vector<int>> lists(at(problem.internationals));
  for (std::size_t index = 0; index < problem.candidates.size(); ++index) {
    lists[at(problem.candidates[index].international)].push_back(static_cast<int>(index));
  }
  for (auto& list : lists) {
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      return std::pair(rankings.international[at(a)], a) < std::pair(rankings.international[at(b)], b);
    });
  }
  Holdings holdings(problem, rankings);
  std::vector<std::size_t> next(lists.size(), 0);
  std::deque<int> proposing(lists.size());
  std::iota(proposing.begin(), proposing.end(), 0);
  // Each proposal moves one student down their list for good: this ends.
  while (!proposing.empty()) {
    const int international = proposing.front();
    proposing.pop_front();
    auto& list = lists[at(international)];
    auto& position = next[at(international)];
    while (position < list.size() && holdings.of_international(international) == none) {
      const int index = list[position++];
      if (holdings.wanted(index)) {
        for (const int displaced : holdings.take(index)) {
          proposing.push_back(displaced);
        }
      }
    }
  }
  return holdings.plan();
}

} // namespace

std::vector<int> blocking_candidates(const Problem& problem, const Rankings& rankings, const Plan& plan)
{
  const Holdings holdings(problem, rankings, plan);
  std::vector<int> blocking;
  for (std::size_t index = 0; index < problem.candidates.size(); ++index) {
    if (holdings.wanted(static_cast<int>(index))) {
      blocking.push_back(static_cast<int>(index));
    }
  }
  return blocking;
}

StableSolution solve_stable(const Problem& problem, const Rankings& rankings)
{
  // Deferred acceptance is stable without pairs; with pairs it may leave
  // blocking candidates. Then the plans reached by satisfying one blocking
  // candidate at a time are searched breadth first (Roth and Vande Vate's
  // path to stability), keeping the plan with the fewest; the number of
  // plans looked at is bounded by the work it takes.
  StableSolution best{deferred_acceptance(problem, rankings), {}};
  best.blocking = blocking_candidates(problem, rankings, best.plan);
  const std::size_t work_limit = 50'000'000;
  const std::size_t plan_limit = std::max<std::size_t>(1, work_limit / std::max<std::size_t>(1, problem.candidates.size()));
  std::set<std::vector<int>> seen{best.plan.chosen};
  std::deque<StableSolution> frontier{best};
  while (!frontier.empty() && !best.blocking.empty() && seen.size() < plan_limit) {
    const StableSolution current = std::move(frontier.front());
    frontier.pop_front();
    for (const int index : current.blocking) {
      Holdings holdings(problem, rankings, current.plan);
      holdings.take(index);
      Plan plan = holdings.plan();
      if (!seen.insert(plan.chosen).second) {
        continue;
      }
      StableSolution next{std::move(plan), {}};
      next.blocking = blocking_candidates(problem, rankings, next.plan);
      if (next.blocking.size() < best.blocking.size()) {
        best = next;
        if (best.blocking.empty()) {
          break;
        }
      }
      frontier.push_back(std::move(next));
      if (seen.size() >= plan_limit) {
        break;
      }
    }
  }
  return best;
}

} // namespace tandem::match
