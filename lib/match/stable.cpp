#include "match/stable.hpp"

#include "match/stable_ilp.hpp"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <iterator>
#include <queue>
#include <numeric>
#include <set>

namespace tandem::match {

namespace {

constexpr int none = -1;
constexpr int exact_stable_nodes = 20000; // branch-and-bound nodes of the integer program: counted work

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

// Instability chaining (Roth and Peranson 1999): takes the blocking candidate
// `index` into the plan, then every student it displaces proposes again from the
// top of their list, and so on down the chain, the way deferred acceptance goes
// on when a couple enters the market late.
Plan chain_from(const Problem& problem, const Rankings& rankings, const std::vector<std::vector<int>>& lists,
                const Plan& plan, int index, std::size_t& work)
{
  Holdings holdings(problem, rankings, plan);
  std::deque<int> proposing;
  for (const int displaced : holdings.take(index)) {
    proposing.push_back(displaced);
  }
  // A chain may cycle: its length is bounded by the work left.
  while (!proposing.empty() && work > 0) {
    const int international = proposing.front();
    proposing.pop_front();
    for (const int candidate : lists[at(international)]) {
      --work;
      if (holdings.of_international(international) != none || work == 0) {
        break;
      }
      if (holdings.wanted(candidate)) {
        for (const int displaced : holdings.take(candidate)) {
          proposing.push_back(displaced);
        }
      }
    }
  }
  return holdings.plan();
}

// Each international student's candidates, best first.
std::vector<std::vector<int>> proposal_lists(const Problem& problem, const Rankings& rankings)
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
  return lists;
}

Plan deferred_acceptance(const Problem& problem, const Rankings& rankings,
                         const std::vector<std::vector<int>>& lists)
{
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

namespace {

// Re-judges, after a change of plan, only the candidates of the parties whose
// holdings changed: the rest block or not as before. On a region's 21 million
// candidates a chain touches a few parties' lists instead of every candidate.
class BlockingTracker {
public:
  BlockingTracker(const Problem& problem, const Rankings& rankings, const std::vector<std::vector<int>>& by_international)
      : m_problem(problem), m_rankings(rankings), m_by_international(by_international),
        m_by_domestic(at(problem.domestics)), m_by_opening(problem.capacity.size()), m_stamp(problem.candidates.size(), 0)
  {
    for (std::size_t index = 0; index < problem.candidates.size(); ++index) {
      const auto& candidate = problem.candidates[index];
      if (candidate.domestic != solo) {
        m_by_domestic[at(candidate.domestic)].push_back(static_cast<int>(index));
      }
      m_by_opening[at(candidate.opening)].push_back(static_cast<int>(index));
    }
  }

  // The blocking candidates of `after`, from those of `before`; adds the
  // candidates judged to `work`.
  std::vector<int> update(const Plan& before, const std::vector<int>& blocking_before, const Plan& after,
                          std::size_t& work)
  {
    ++m_generation;
    std::vector<int> changed;
    std::set_symmetric_difference(before.chosen.begin(), before.chosen.end(), after.chosen.begin(),
                                  after.chosen.end(), std::back_inserter(changed));
    std::vector<int> affected;
    const auto mark = [&](const std::vector<int>& list) {
      for (const int index : list) {
        if (m_stamp[at(index)] != m_generation) {
          m_stamp[at(index)] = m_generation;
          affected.push_back(index);
        }
      }
    };
    for (const int index : changed) {
      const auto& candidate = m_problem.candidates[at(index)];
      mark(m_by_international[at(candidate.international)]);
      if (candidate.domestic != solo) {
        mark(m_by_domestic[at(candidate.domestic)]);
      }
      mark(m_by_opening[at(candidate.opening)]);
    }
    work += affected.size();
    const Holdings holdings(m_problem, m_rankings, after);
    std::vector<int> blocking;
    for (const int index : blocking_before) {
      if (m_stamp[at(index)] != m_generation) {
        blocking.push_back(index);
      }
    }
    for (const int index : affected) {
      if (holdings.wanted(index)) {
        blocking.push_back(index);
      }
    }
    std::sort(blocking.begin(), blocking.end());
    return blocking;
  }

private:
  const Problem& m_problem;
  const Rankings& m_rankings;
  const std::vector<std::vector<int>>& m_by_international;
  std::vector<std::vector<int>> m_by_domestic;
  std::vector<std::vector<int>> m_by_opening;
  std::vector<unsigned> m_stamp; // == m_generation: judged again in this update
  unsigned m_generation = 0;
};

} // namespace

StableSolution solve_stable(const Problem& problem, const Rankings& rankings, io::ProgressSink* progress)
{
  // Deferred acceptance is stable without pairs; with pairs it may leave
  // blocking candidates. Then plans are searched best first: a plan's blocking
  // candidates are taken one at a time, each followed by its chain of
  // displaced students proposing again (instability chaining), and the plan
  // with the fewest blocking candidates so far is always the next one worked
  // on. The search is bounded by counted work (candidates judged, proposals).
  const auto lists = proposal_lists(problem, rankings);
  StableSolution best{deferred_acceptance(problem, rankings, lists), {}, false};
  best.blocking = blocking_candidates(problem, rankings, best.plan);
  std::size_t work = 0;
  const std::size_t work_limit = std::max<std::size_t>(200'000'000, 30 * problem.candidates.size());
  BlockingTracker tracker(problem, rankings, lists);
  std::set<std::vector<int>> seen{best.plan.chosen};
  struct Found {
    StableSolution solution;
    std::size_t next = 0; // the blocking candidate to take next
  };
  std::vector<Found> found{{best, 0}};
  // The fewest blocking candidates first, then the earliest found: the same search on every run.
  const auto later = [&](std::size_t a, std::size_t b) {
    return std::pair(found[a].solution.blocking.size(), a) > std::pair(found[b].solution.blocking.size(), b);
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> frontier(later);
  frontier.push(0);
  while (!frontier.empty() && !best.blocking.empty() && work < work_limit) {
    const std::size_t current = frontier.top();
    const int index = found[current].solution.blocking[found[current].next++];
    if (found[current].next == found[current].solution.blocking.size()) {
      frontier.pop();
    }
    std::size_t chain_work = work_limit - work;
    Plan plan = chain_from(problem, rankings, lists, found[current].solution.plan, index, chain_work);
    work = work_limit - chain_work;
    if (!seen.insert(plan.chosen).second) {
      continue;
    }
    StableSolution next{std::move(plan), {}, false};
    next.blocking = tracker.update(found[current].solution.plan, found[current].solution.blocking, next.plan, work);
    if (next.blocking.size() < best.blocking.size()) {
      best = next;
    }
    if (progress != nullptr) {
      progress->report("stable: searching", std::to_string(seen.size()) + " plans, the best with " +
                                              std::to_string(best.blocking.size()) + " blocking pair(s)");
    }
    if (!next.blocking.empty()) {
      found.push_back({std::move(next), 0});
      frontier.push(found.size() - 1);
    }
  }
  best.minimum_proven = best.blocking.empty();
  if (!best.minimum_proven && problem.candidates.size() <= exact_stable_limit) {
    if (progress != nullptr) {
      progress->report("stable: the fewest blocking pairs, by integer program (CBC)", "");
    }
    const auto exact = fewest_blocking(problem, rankings, exact_stable_nodes);
    auto blocking = blocking_candidates(problem, rankings, exact.plan);
    if (is_feasible(problem, exact.plan) && blocking.size() <= best.blocking.size()) {
      best.plan = exact.plan;
      best.blocking = std::move(blocking);
    }
    best.minimum_proven = static_cast<long>(best.blocking.size()) <= exact.lower_bound;
  }
  return best;
}

} // namespace tandem::match
