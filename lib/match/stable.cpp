#include "match/stable.hpp"

#include "match/stable_ilp.hpp"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <future>
#include <iterator>
#include <limits>
#include <queue>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace tandem::match {

namespace {

constexpr int none = -1;
constexpr int exact_stable_nodes = 20000; // branch-and-bound nodes of the integer program: counted work
constexpr int neighbourhood_nodes = 200;   // the same, for the few parties around one blocking candidate

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
    reset(plan);
  }

  // Holds `plan` instead of what it held.
  void reset(const Plan& plan)
  {
    std::fill(m_of_international.begin(), m_of_international.end(), none);
    std::fill(m_of_domestic.begin(), m_of_domestic.end(), none);
    for (auto& held : m_of_opening) {
      held.clear();
    }
    for (const int index : plan.chosen) {
      hold(index);
    }
  }

  const Candidate& candidate(int index) const { return m_problem.candidates[at(index)]; }
  int of_international(int international) const { return m_of_international[at(international)]; }
  int of_domestic(int domestic) const { return m_of_domestic[at(domestic)]; }

  // Whether each party of `index` would take it over what it holds now.
  bool wanted(int index) const { return international_prefers(index) && opening_accepts(index) && domestic_accepts(index); }

  // Whether the international student of `index` would rather have it than what they hold.
  bool international_prefers(int index) const
  {
    const int current = m_of_international[at(candidate(index).international)];
    return current == none || m_rankings.international[at(index)] < m_rankings.international[at(current)];
  }

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
void chain_in_place(Holdings& holdings, const std::vector<std::vector<int>>& lists, int index, std::size_t& work)
{
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
}

Plan chain_from(const Problem& problem, const Rankings& rankings, const std::vector<std::vector<int>>& lists,
                const Plan& plan, int index, std::size_t& work)
{
  Holdings holdings(problem, rankings, plan);
  chain_in_place(holdings, lists, index, work);
  return holdings.plan();
}

// One sweep over a plan's blocking candidates: each still blocking when its
// turn comes is taken, with its chain, without judging the others again in
// between (a market-wide round, where the search judges after every chain).
Plan sweep(const Problem& problem, const Rankings& rankings, const std::vector<std::vector<int>>& lists,
           const Plan& plan, const std::vector<int>& blocking, std::size_t& work)
{
  Holdings holdings(problem, rankings, plan);
  for (const int index : blocking) {
    if (work == 0) {
      break;
    }
    --work;
    if (holdings.wanted(index)) {
      chain_in_place(holdings, lists, index, work);
    }
  }
  return holdings.plan();
}

// Candidates of each party side by side, best first by the party's ranking:
// party p's are order[start[p] .. start[p + 1]). `party_of` gives each
// candidate's party in 0..parties-1.
struct RankedByParty {
  std::vector<std::size_t> start;
  std::vector<int> order;
};

template <typename PartyOf>
RankedByParty ranked_by_party(const Problem& problem, std::size_t parties, const PartyOf& party_of,
                              const std::vector<long>& rank)
{
  const std::size_t count = problem.candidates.size();
  auto positions = positions_by_party(
    count, parties, [&](int index) { return party_of(problem.candidates[at(index)]); },
    [&](int index) { return rank[at(index)]; });
  RankedByParty ranked{std::move(positions.start), std::vector<int>(count)};
  for (std::size_t index = 0; index < count; ++index) {
    ranked.order[static_cast<std::size_t>(positions.position[index])] = static_cast<int>(index);
  }
  return ranked;
}

// Each international student's candidates, best first.
std::vector<std::vector<int>> proposal_lists(const Problem& problem, const Rankings& rankings)
{
  const auto ranked = ranked_by_party(
    problem, at(problem.internationals), [](const Candidate& candidate) { return at(candidate.international); },
    rankings.international);
  std::vector<std::vector<int>> lists;
  lists.reserve(at(problem.internationals));
  for (std::size_t international = 0; international + 1 < ranked.start.size(); ++international) {
    lists.emplace_back(ranked.order.begin() + static_cast<std::ptrdiff_t>(ranked.start[international]),
                       ranked.order.begin() + static_cast<std::ptrdiff_t>(ranked.start[international + 1]));
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

// first_choices (stable.hpp). A candidate that all its parties rank first
// among the open ones is safe to take: none of them would leave it for a
// candidate still open, and those closed later are closed by what a party
// prefers. With one common order there is always such a candidate, so the plan
// is stable; stated preferences break that order, and then a candidate is
// taken anyway.
class FirstChoices {
public:
  FirstChoices(const Problem& problem, const Rankings& rankings, const std::vector<std::vector<int>>& lists)
      : m_problem(problem), m_lists(lists),
        m_by_opening(ranked_by_party(
          problem, problem.capacity.size(), [](const Candidate& candidate) { return at(candidate.opening); },
          rankings.opening)),
        // Solo candidates in a group of their own, after the partners'.
        m_by_domestic(ranked_by_party(
          problem, at(problem.domestics) + 1,
          [&problem](const Candidate& candidate) {
            return candidate.domestic == solo ? at(problem.domestics) : at(candidate.domestic);
          },
          rankings.domestic)),
        m_international_free(at(problem.internationals), 1), m_domestic_free(at(problem.domestics), 1),
        m_slots_left(problem.capacity), m_international_first(lists.size(), 0),
        m_opening_first(m_by_opening.start.begin(), m_by_opening.start.end() - 1),
        m_domestic_first(m_by_domestic.start.begin(), m_by_domestic.start.end() - 2)
  {
  }

  Plan plan() &&
  {
    Plan plan;
    for (;;) {
      bool taken = false;
      for (int international = 0; international < m_problem.internationals; ++international) {
        if (const int index = first_of_international(international); index != none && others_preferring(index) == 0) {
          take(index, plan);
          taken = true;
        }
      }
      if (taken) {
        continue;
      }
      int chosen = none;
      int fewest = 0;
      for (int international = 0; international < m_problem.internationals; ++international) {
        if (const int index = first_of_international(international); index != none) {
          if (const int preferring = others_preferring(index); chosen == none || preferring < fewest) {
            chosen = index;
            fewest = preferring;
          }
        }
      }
      if (chosen == none) {
        break;
      }
      take(chosen, plan);
    }
    std::sort(plan.chosen.begin(), plan.chosen.end());
    return plan;
  }

private:
  bool open(int index) const
  {
    const auto& candidate = m_problem.candidates[at(index)];
    return m_international_free[at(candidate.international)] != 0 && m_slots_left[at(candidate.opening)] > 0
           && (candidate.domestic == solo || m_domestic_free[at(candidate.domestic)] != 0);
  }

  // The first open candidate of `list` from `first` on; `first` moves past
  // the closed ones for good (a candidate once closed stays closed).
  int first_open(const int* list, std::size_t& first, std::size_t end) const
  {
    while (first < end && !open(list[first])) {
      ++first;
    }
    return first < end ? list[first] : none;
  }

  int first_of_international(int international)
  {
    if (m_international_free[at(international)] == 0) {
      return none;
    }
    const auto& list = m_lists[at(international)];
    return first_open(list.data(), m_international_first[at(international)], list.size());
  }

  // How many of the opening and the partner of `index` rank another open candidate first.
  int others_preferring(int index)
  {
    const auto& candidate = m_problem.candidates[at(index)];
    const int opening = candidate.opening;
    int preferring = first_open(m_by_opening.order.data(), m_opening_first[at(opening)],
                                m_by_opening.start[at(opening) + 1]) != index;
    if (const int domestic = candidate.domestic; domestic != solo) {
      preferring += first_open(m_by_domestic.order.data(), m_domestic_first[at(domestic)],
                               m_by_domestic.start[at(domestic) + 1]) != index;
    }
    return preferring;
  }

  void take(int index, Plan& plan)
  {
    const auto& candidate = m_problem.candidates[at(index)];
    m_international_free[at(candidate.international)] = 0;
    if (candidate.domestic != solo) {
      m_domestic_free[at(candidate.domestic)] = 0;
    }
    --m_slots_left[at(candidate.opening)];
    plan.chosen.push_back(index);
  }

  const Problem& m_problem;
  const std::vector<std::vector<int>>& m_lists;
  RankedByParty m_by_opening;
  RankedByParty m_by_domestic;
  std::vector<char> m_international_free;
  std::vector<char> m_domestic_free;
  std::vector<int> m_slots_left;
  // Where each party's first open candidate may be: everything before is closed.
  std::vector<std::size_t> m_international_first;
  std::vector<std::size_t> m_opening_first;
  std::vector<std::size_t> m_domestic_first;
};

} // namespace

Plan first_choices(const Problem& problem, const Rankings& rankings)
{
  return FirstChoices(problem, rankings, proposal_lists(problem, rankings)).plan();
}

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

// A party's candidates, grouped by international student, each group best
// first for that student.
struct Grouped {
  std::vector<int> list;
  std::vector<std::size_t> starts; // where each group begins

  // Calls `visit(from, to)` for each group: list[from, to).
  template <typename Visit>
  void for_each_group(const Visit& visit) const
  {
    for (std::size_t group = 0; group < starts.size(); ++group) {
      visit(starts[group], group + 1 < starts.size() ? starts[group + 1] : list.size());
    }
  }

  // Calls `visit` for each candidate of each group, best first, while it returns
  // true; then on with the next group.
  template <typename Visit>
  void for_each_while(const Visit& visit) const
  {
    for_each_group([&](std::size_t from, std::size_t to) {
      for (std::size_t k = from; k < to && visit(list[k]); ++k) {
      }
    });
  }
};

// Each opening's and each partner's candidates, grouped by international
// student, each group best first for that student: what a party's change of
// holdings can make block (BlockingTracker, replan). Read-only once built, so
// searches on several cores share it.
class PartyGroups {
public:
  PartyGroups(const Problem& problem, const std::vector<std::vector<int>>& by_international)
      : m_by_domestic(at(problem.domestics)), m_by_opening(problem.capacity.size())
  {
    // by_international is each student's list, best first: walking the students
    // in order fills every other list grouped by student, best first.
    for (const auto& list : by_international) {
      for (const int index : list) {
        const auto& candidate = problem.candidates[at(index)];
        if (candidate.domestic != solo) {
          add_to_group(problem, m_by_domestic[at(candidate.domestic)], index);
        }
        add_to_group(problem, m_by_opening[at(candidate.opening)], index);
      }
    }
  }

  const Grouped& of_domestic(int domestic) const { return m_by_domestic[at(domestic)]; }
  const Grouped& of_opening(int opening) const { return m_by_opening[at(opening)]; }

private:
  static void add_to_group(const Problem& problem, Grouped& party, int index)
  {
    const int international = problem.candidates[at(index)].international;
    if (party.list.empty() || problem.candidates[at(party.list.back())].international != international) {
      party.starts.push_back(party.list.size());
    }
    party.list.push_back(index);
  }

  std::vector<Grouped> m_by_domestic;
  std::vector<Grouped> m_by_opening;
};

// Re-judges, after a change of plan, only the candidates of the parties whose
// holdings changed: the rest block or not as before. Of those, a candidate can
// block only if its international student would rather have it than what they
// hold, so each party's list is kept grouped by international student, best
// first for that student (PartyGroups), and a group is read only up to the
// student's current holding. On a region's 21 million candidates a chain then
// touches a few thousand candidates instead of every candidate of a few parties.
class BlockingTracker {
public:
  BlockingTracker(const Problem& problem, const Rankings& rankings,
                  const std::vector<std::vector<int>>& by_international, const PartyGroups& groups)
      : m_problem(problem), m_rankings(rankings), m_by_international(by_international), m_groups(groups),
        m_stamp(problem.candidates.size(), 0), m_rank_held(at(problem.internationals), none_held),
        m_domestic_changed(at(problem.domestics), 0), m_opening_changed(problem.capacity.size(), 0),
        m_international_changed(at(problem.internationals), 0)
  {
  }

  // The blocking candidates of `after`, from those of `before`.
  std::vector<int> update(const Plan& before, const std::vector<int>& blocking_before, const Plan& after)
  {
    ++m_generation;
    std::vector<int> changed;
    std::set_symmetric_difference(before.chosen.begin(), before.chosen.end(), after.chosen.begin(),
                                  after.chosen.end(), std::back_inserter(changed));
    std::fill(m_rank_held.begin(), m_rank_held.end(), none_held); // plans come from anywhere in the search
    for (const int index : after.chosen) {
      m_rank_held[at(m_problem.candidates[at(index)].international)] = m_rankings.international[at(index)];
    }
    std::vector<int> affected;
    const auto mark = [&](int index) {
      if (m_stamp[at(index)] != m_generation) {
        m_stamp[at(index)] = m_generation;
        affected.push_back(index);
      }
    };
    // The candidates of a group its student would rather have than what they hold.
    const auto mark_wanted = [&](const std::vector<int>& list, std::size_t from, std::size_t to) {
      const long held = m_rank_held[at(m_problem.candidates[at(list[from])].international)];
      std::size_t k = from;
      for (; k < to && m_rankings.international[at(list[k])] < held; ++k) {
        mark(list[k]);
      }
      m_work += k - from + 1; // the candidates read, and the group
    };
    const auto mark_party = [&](const Grouped& party) {
      party.for_each_group([&](std::size_t from, std::size_t to) { mark_wanted(party.list, from, to); });
    };
    for (const int index : changed) {
      const auto& candidate = m_problem.candidates[at(index)];
      const auto& own = m_by_international[at(candidate.international)];
      if (!own.empty()) {
        mark_wanted(own, 0, own.size());
      }
      m_international_changed[at(candidate.international)] = m_generation;
      if (candidate.domestic != solo) {
        mark_party(m_groups.of_domestic(candidate.domestic));
        m_domestic_changed[at(candidate.domestic)] = m_generation;
      }
      mark_party(m_groups.of_opening(candidate.opening));
      m_opening_changed[at(candidate.opening)] = m_generation;
    }
    // A candidate that blocked before and touches a changed party is judged again;
    // the others block as before.
    std::vector<int> blocking;
    for (const int index : blocking_before) {
      const auto& candidate = m_problem.candidates[at(index)];
      const bool touched = m_international_changed[at(candidate.international)] == m_generation
                           || m_opening_changed[at(candidate.opening)] == m_generation
                           || (candidate.domestic != solo && m_domestic_changed[at(candidate.domestic)] == m_generation);
      if (touched) {
        mark(index);
      } else if (m_stamp[at(index)] != m_generation) {
        blocking.push_back(index);
      }
    }
    m_work += affected.size();
    const Holdings holdings(m_problem, m_rankings, after);
    for (const int index : affected) {
      if (holdings.wanted(index)) {
        blocking.push_back(index);
      }
    }
    std::sort(blocking.begin(), blocking.end());
    return blocking;
  }

  // The candidates read and judged by every update so far: the counted work
  // that bounds a search instead of seconds.
  std::size_t work() const { return m_work; }

private:
  static constexpr long none_held = std::numeric_limits<long>::max(); // a student without a placement

  const Problem& m_problem;
  const Rankings& m_rankings;
  const std::vector<std::vector<int>>& m_by_international;
  const PartyGroups& m_groups;
  std::vector<unsigned> m_stamp; // == m_generation: judged again in this update
  unsigned m_generation = 0;
  std::vector<long> m_rank_held; // each international student's holding in `after`, by their ranking
  std::vector<unsigned> m_domestic_changed; // == m_generation: the party's holdings changed
  std::vector<unsigned> m_opening_changed;
  std::vector<unsigned> m_international_changed;
  std::size_t m_work = 0;
};

// The parties around the blocking candidate `seed`: its student, whoever holds
// its opening's slots or its partner, and every opening and partner any of them
// holds; grown the same way by the other blocking candidates that touch them,
// in order, up to `max_students` students.
Neighbourhood neighbourhood_around(const Problem& problem, const Holdings& holdings, const Plan& plan,
                                   const std::vector<int>& blocking_now, int seed, std::size_t max_students)
{
  std::vector<std::vector<int>> holders(problem.capacity.size()); // of each opening, the students placed there
  for (const int index : plan.chosen) {
    holders[at(problem.candidates[at(index)].opening)].push_back(problem.candidates[at(index)].international);
  }
  std::vector<char> in_students(at(problem.internationals), 0);
  std::vector<char> in_openings(problem.capacity.size(), 0);
  std::vector<char> in_partners(at(problem.domestics), 0);
  std::vector<int> students;
  std::vector<int> openings;
  std::vector<int> partners;
  const auto add_opening = [&](int opening) {
    if (!in_openings[at(opening)]) {
      in_openings[at(opening)] = 1;
      openings.push_back(opening);
    }
  };
  const auto add_partner = [&](int partner) {
    if (partner != solo && !in_partners[at(partner)]) {
      in_partners[at(partner)] = 1;
      partners.push_back(partner);
    }
  };
  const auto add_student = [&](int international) {
    if (in_students[at(international)]) {
      return;
    }
    in_students[at(international)] = 1;
    students.push_back(international);
    if (const int own = holdings.of_international(international); own != none) {
      add_opening(problem.candidates[at(own)].opening);
      add_partner(problem.candidates[at(own)].domestic);
    }
  };
  // A blocking candidate's parties, and whoever holds its opening's slots or its partner.
  const auto absorb = [&](int index) {
    const auto& absorbed = problem.candidates[at(index)];
    add_student(absorbed.international);
    add_opening(absorbed.opening);
    for (const int holder : holders[at(absorbed.opening)]) {
      add_student(holder);
    }
    if (absorbed.domestic != solo) {
      add_partner(absorbed.domestic);
      if (const int holding = holdings.of_domestic(absorbed.domestic); holding != none) {
        add_student(problem.candidates[at(holding)].international);
      }
    }
  };
  absorb(seed);
  // Grown by the blocking candidates that touch it, while it is small.
  for (const int index : blocking_now) {
    if (students.size() >= max_students) {
      break;
    }
    const auto& other = problem.candidates[at(index)];
    if (in_students[at(other.international)] || in_openings[at(other.opening)] ||
        (other.domestic != solo && in_partners[at(other.domestic)])) {
      absorb(index);
    }
  }
  std::sort(students.begin(), students.end());
  std::sort(openings.begin(), openings.end());
  std::sort(partners.begin(), partners.end());
  return {std::move(students), std::move(openings), std::move(partners)};
}

// The plan with a neighbourhood's parties planned again by the integer
// program, the rest of the plan fixed. The program chooses among their
// candidates among themselves; the fixed candidates at their openings count as
// held, and every candidate that touches them and that its fixed parties would
// take is judged too, so the program counts exactly the blocking candidates
// the neighbourhood decides. Its answer is still checked by the caller against
// the whole market (CBC may stop at its node limit).
Plan replan(const Problem& problem, const Rankings& rankings, const std::vector<std::vector<int>>& lists,
            const PartyGroups& market, const Holdings& holdings, const Plan& plan,
            const Neighbourhood& neighbourhood)
{
  // Named, not a structured binding: lambdas below use them (clang before 16 cannot capture bindings).
  const auto& students = neighbourhood.students;
  const auto& openings = neighbourhood.openings;
  const auto& partners = neighbourhood.partners;
  const auto position = [](const std::vector<int>& parties, int party) {
    const auto found = std::lower_bound(parties.begin(), parties.end(), party);
    return found != parties.end() && *found == party ? static_cast<int>(found - parties.begin()) : none;
  };
  std::vector<int> kept; // the fixed part of the plan
  for (const int index : plan.chosen) {
    if (position(students, problem.candidates[at(index)].international) == none) {
      kept.push_back(index);
    }
  }

  Problem part;
  part.internationals = static_cast<int>(students.size());
  part.domestics = static_cast<int>(partners.size());
  for (const int opening : openings) {
    part.capacity.push_back(problem.capacity[at(opening)]);
  }
  Surroundings surroundings;
  surroundings.fixed_at_opening.resize(openings.size());
  for (const int index : kept) {
    if (const int opening = position(openings, problem.candidates[at(index)].opening); opening != none) {
      --part.capacity[at(opening)];
      surroundings.fixed_at_opening[at(opening)].push_back(rankings.opening[at(index)]);
    }
  }
  Rankings part_rankings;
  std::vector<int> original; // part's candidate -> the problem's
  // A candidate touching the part: in the program's choice when all its parties
  // are in the part; else judged when its parties outside would all take it and
  // some party inside decides.
  const auto take_in = [&](int index) {
    const auto& candidate = problem.candidates[at(index)];
    const int student = position(students, candidate.international);
    int opening = position(openings, candidate.opening);
    const int partner = candidate.domestic == solo ? solo : position(partners, candidate.domestic);
    if (student != none && opening != none && (candidate.domestic == solo || partner != none)) {
      part.candidates.push_back({student, partner, opening, candidate.score});
      part_rankings.international.push_back(rankings.international[at(index)]);
      part_rankings.opening.push_back(rankings.opening[at(index)]);
      part_rankings.domestic.push_back(rankings.domestic[at(index)]);
      original.push_back(index);
      return;
    }
    if ((student == none && !holdings.international_prefers(index)) ||
        (opening == none && !holdings.opening_accepts(index)) ||
        (candidate.domestic != solo && partner == none && !holdings.domestic_accepts(index))) {
      return;
    }
    if (student == none && opening != none) {
      // A fixed student with a slot here: the opening judges a change of
      // partner against that fixed candidate alone.
      const int own = holdings.of_international(candidate.international);
      if (own != none && problem.candidates[at(own)].opening == candidate.opening) {
        if (!holdings.opening_accepts(index)) {
          return;
        }
        opening = none;
      }
    }
    if (student == none && opening == none && partner == none) {
      return; // blocks or not whatever the part does
    }
    surroundings.bordering.push_back({student, partner, opening, rankings.international[at(index)],
                                      rankings.domestic[at(index)], rankings.opening[at(index)],
                                      problem.capacity[at(candidate.opening)]});
  };
  for (const int student : students) {
    for (const int index : lists[at(student)]) {
      take_in(index);
    }
  }
  // Of the others' candidates, only those their student would rather have can block.
  const auto from_outside = [&](int index) {
    const int student = problem.candidates[at(index)].international;
    if (position(students, student) != none) {
      return false; // the whole group is the student's own: taken in above
    }
    if (!holdings.international_prefers(index)) {
      return false;
    }
    take_in(index);
    return true;
  };
  for (const int opening : openings) {
    market.of_opening(opening).for_each_while(from_outside);
  }
  for (const int partner : partners) {
    market.of_domestic(partner).for_each_while([&](int index) {
      if (position(openings, problem.candidates[at(index)].opening) != none) {
        return holdings.international_prefers(index); // taken in with its opening
      }
      return from_outside(index);
    });
  }
  if (part.candidates.size() > exact_stable_limit) {
    return plan;
  }
  const auto exact = fewest_blocking(part, part_rankings, neighbourhood_nodes, surroundings);
  if (!exact.found) {
    return plan;
  }
  Plan replanned{std::move(kept)};
  for (const int index : exact.plan.chosen) {
    replanned.chosen.push_back(original[at(index)]);
  }
  std::sort(replanned.chosen.begin(), replanned.chosen.end());
  return is_feasible(problem, replanned) ? replanned : plan;
}

} // namespace

Neighbourhood neighbourhood_around(const Problem& problem, const Rankings& rankings, const Plan& plan, int seed,
                                   std::size_t max_students)
{
  return neighbourhood_around(problem, Holdings(problem, rankings, plan), plan,
                              blocking_candidates(problem, rankings, plan), seed, max_students);
}

Plan replan(const Problem& problem, const Rankings& rankings, const Plan& plan, const Neighbourhood& neighbourhood)
{
  const auto lists = proposal_lists(problem, rankings);
  const PartyGroups market(problem, lists);
  return replan(problem, rankings, lists, market, Holdings(problem, rankings, plan), plan, neighbourhood);
}

namespace {

// The order in which a search tries blocking candidates: the highest score
// first (then the lowest index). The score is the part of every party's
// ranking after its stated preferences. Where none are stated, a blocking
// candidate taken leaves worse off only parties that held candidates scoring
// lower than it, so the new blocking candidates it makes score lower too: taken
// highest first, the count settles instead of going round. Region benchmarks,
// in index order before: 55 / 31 / 31 blocking pairs left; in this order:
// 29 / 1 / 10 (docs/performance.md, round 8).
std::vector<int> highest_score_first(const Problem& problem, std::vector<int> candidates)
{
  std::sort(candidates.begin(), candidates.end(), [&](int a, int b) {
    return std::pair(-problem.candidates[at(a)].score, a) < std::pair(-problem.candidates[at(b)].score, b);
  });
  return candidates;
}

// True when blocking candidates `a` score lower than `b`, each listed highest
// score first: the first scores that differ decide, and a list that is the
// start of the other is lower. Along the steps that highest_score_first takes,
// these scores fall where no preferences are stated.
bool scores_lower(const Problem& problem, const std::vector<int>& a, const std::vector<int>& b)
{
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [&](int x, int y) {
    return problem.candidates[at(x)].score < problem.candidates[at(y)].score;
  });
}

// The path of search_from gives up after this many plans without a new best.
constexpr int walk_patience = 200;

// From `start`, market-wide sweeps take all its blocking candidates in turn,
// each with its chain of displaced students proposing again (instability
// chaining), while a few rounds still lower the count; then one path takes the
// best blocking candidate of each plan it reaches, while it still finds plans
// with fewer; then plans are searched best first: a plan's blocking candidates
// are taken one at a time, and the plan whose blocking candidates score lowest
// is always the next one worked on. Blocking candidates are always tried
// highest score first. All of it is bounded by counted work (candidates
// judged, proposals made); the plan with the fewest is returned.
StableSolution search_from(const Problem& problem, const Rankings& rankings, const std::vector<std::vector<int>>& lists,
                           BlockingTracker& tracker, Plan start, std::string_view start_name,
                           io::ProgressSink* progress)
{
  StableSolution best{std::move(start), {}, false};
  best.blocking = blocking_candidates(problem, rankings, best.plan);
  // The work of the sweeps and chains (proposals, and judging the whole
  // market after a sweep); the tracker counts its own.
  std::size_t own_work = 0;
  const std::size_t tracker_work_before = tracker.work();
  const auto work = [&] { return own_work + (tracker.work() - tracker_work_before); };
  const std::size_t work_limit = std::max<std::size_t>(200'000'000, 30 * problem.candidates.size());
  // Market-wide sweeps first, while they lower the count (each judges every
  // candidate once afterwards).
  StableSolution swept = best;
  for (int round = 0, idle = 0; round < 40 && idle < 4 && !best.blocking.empty() && work() < work_limit; ++round) {
    const std::size_t budget = work_limit - work();
    std::size_t left = budget;
    swept.plan = sweep(problem, rankings, lists, swept.plan, highest_score_first(problem, swept.blocking), left);
    own_work += budget - left + problem.candidates.size();
    swept.blocking = blocking_candidates(problem, rankings, swept.plan);
    idle = swept.blocking.size() < best.blocking.size() ? 0 : idle + 1; // a few rounds without gain end it
    if (idle == 0) {
      best = swept;
    }
    if (progress != nullptr) {
      progress->report("stable: searching", std::string(start_name) + ": " + std::to_string(swept.blocking.size())
                                              + " blocking pair(s) after sweep " + std::to_string(round + 1));
    }
  }
  std::set<std::vector<int>> seen{best.plan.chosen};
  // The plan `index`'s chain leads to from `from`, unless the search has seen it.
  const auto unseen_chain = [&](const StableSolution& from, int index) -> std::optional<StableSolution> {
    const std::size_t budget = work_limit - work();
    std::size_t left = budget;
    Plan plan = chain_from(problem, rankings, lists, from.plan, index, left);
    own_work += budget - left;
    if (!seen.insert(plan.chosen).second) {
      return std::nullopt;
    }
    auto blocking = tracker.update(from.plan, from.blocking, plan);
    return StableSolution{std::move(plan), std::move(blocking), false};
  };
  const auto report = [&] {
    if (progress != nullptr) {
      progress->report("stable: searching", std::string(start_name) + ": " + std::to_string(best.blocking.size())
                                              + " blocking pair(s) at best, " + std::to_string(seen.size())
                                              + " plans");
    }
  };
  // One path: from each plan, the highest-scoring blocking candidate whose
  // chain leads to a plan not seen yet, until `walk_patience` steps find none
  // with fewer than the best (region benchmarks, seeds 1 and 3: 16 and 15 left
  // without it, 9 and 0 with).
  StableSolution walked = best;
  for (int idle = 0; !walked.blocking.empty() && idle < walk_patience && work() < work_limit / 2; ++idle) {
    std::optional<StableSolution> next;
    for (const int index : highest_score_first(problem, walked.blocking)) {
      if ((next = unseen_chain(walked, index))) {
        break;
      }
    }
    if (!next) {
      break; // every chain from here leads back
    }
    walked = std::move(*next);
    if (walked.blocking.size() < best.blocking.size()) {
      best = walked;
      idle = -1;
    }
    report();
  }
  struct Found {
    StableSolution solution;
    std::vector<int> order; // its blocking candidates, highest score first
    std::size_t next = 0; // the one to take next
  };
  std::vector<Found> found{{best, highest_score_first(problem, best.blocking), 0}};
  // The plan whose blocking candidates score lowest first (scores_lower), then
  // the earliest found: the same search on every run. By the fewest instead:
  // 22 blocking pairs left on the region benchmark, 9 this way (round 8).
  const auto later = [&](std::size_t a, std::size_t b) {
    const auto& order_a = found[a].order;
    const auto& order_b = found[b].order;
    return scores_lower(problem, order_b, order_a) || (!scores_lower(problem, order_a, order_b) && a > b);
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> frontier(later);
  frontier.push(0);
  while (!frontier.empty() && !best.blocking.empty() && work() < work_limit) {
    const std::size_t current = frontier.top();
    const int index = found[current].order[found[current].next++];
    if (found[current].next == found[current].order.size()) {
      frontier.pop();
    }
    auto next = unseen_chain(found[current].solution, index);
    if (!next) {
      continue;
    }
    if (next->blocking.size() < best.blocking.size()) {
      best = *next;
    }
    report();
    if (!next->blocking.empty()) {
      auto order = highest_score_first(problem, next->blocking);
      found.push_back({std::move(*next), std::move(order), 0});
      frontier.push(found.size() - 1);
    }
  }
  return best;
}

} // namespace

StableSolution solve_stable(const Problem& problem, const Rankings& rankings, io::ProgressSink* progress)
{
  // Deferred acceptance is stable without pairs; with pairs it may leave
  // blocking candidates, and where the search from there ends depends much on
  // where it starts (region benchmarks, seeds 1-3: 41 / 1 / 0 blocking pairs
  // left by the search from deferred acceptance, 16 / 1 / 0 from first
  // choices; docs/performance.md, round 8). So it runs from both starts at
  // once, one per core, and goes on from the plan with fewer (deferred
  // acceptance's when as few).
  if (progress != nullptr) {
    progress->report("stable: searching", "");
  }
  const auto lists = proposal_lists(problem, rankings);
  const PartyGroups groups(problem, lists);
  BlockingTracker tracker(problem, rankings, lists, groups);
  auto from_first_choices = std::async(std::launch::async, [&] {
    BlockingTracker own_tracker(problem, rankings, lists, groups);
    return search_from(problem, rankings, lists, own_tracker, FirstChoices(problem, rankings, lists).plan(),
                       "first choices", progress);
  });
  StableSolution best
    = search_from(problem, rankings, lists, tracker, deferred_acceptance(problem, rankings, lists),
                  "deferred acceptance", progress);
  if (auto other = from_first_choices.get(); other.blocking.size() < best.blocking.size()) {
    best = std::move(other);
  }
  if (progress != nullptr) {
    progress->report("stable: the better of the two searches", std::to_string(best.blocking.size()) +
                                                                  " blocking pair(s) left");
  }
  // Too large for the integer program as a whole: on the neighbourhood of each
  // blocking candidate in turn, while a round still lowers the count.
  for (int round = 0; round < 8 && !best.blocking.empty() && problem.candidates.size() > exact_stable_limit; ++round) {
    const std::size_t before = best.blocking.size();
    Holdings holdings(problem, rankings, best.plan);
    // Neighbourhoods (their students) planned again since the plan last changed.
    std::set<std::vector<int>> tried;
    auto order = highest_score_first(problem, best.blocking);
    for (const int index : std::vector<int>(order)) {
      const auto neighbourhood =
        neighbourhood_around(problem, holdings, best.plan, order, index, neighbourhood_students);
      if (!tried.insert(neighbourhood.students).second) {
        continue;
      }
      Plan plan = replan(problem, rankings, lists, groups, holdings, best.plan, neighbourhood);
      if (plan.chosen == best.plan.chosen) {
        continue;
      }
      auto blocking = tracker.update(best.plan, best.blocking, plan);
      // A plan as good (as many blocking pairs, as many placed) is taken too: its
      // new blocking pairs give new neighbourhoods (region: 61 -> 58 left).
      const bool as_good =
        blocking.size() == best.blocking.size() && plan.chosen.size() >= best.plan.chosen.size();
      if (blocking.size() < best.blocking.size() || as_good) {
        best.plan = std::move(plan);
        best.blocking = std::move(blocking);
        order = highest_score_first(problem, best.blocking);
        holdings.reset(best.plan);
        tried.clear();
      }
    }
    if (progress != nullptr) {
      progress->report("stable: the neighbourhoods",
                       std::to_string(best.blocking.size()) + " blocking pair(s) left");
    }
    if (best.blocking.size() == before) {
      break;
    }
  }
  best.minimum_proven = best.blocking.empty();
  if (!best.minimum_proven && problem.candidates.size() <= exact_stable_limit) {
    if (progress != nullptr) {
      progress->report("stable: the fewest blocking pairs, by integer program (CBC)", "");
    }
    const auto exact = fewest_blocking(problem, rankings, exact_stable_nodes);
    if (exact.found && is_feasible(problem, exact.plan)) {
      if (auto blocking = blocking_candidates(problem, rankings, exact.plan); blocking.size() <= best.blocking.size()) {
        best.plan = exact.plan;
        best.blocking = std::move(blocking);
      }
    }
    best.minimum_proven = static_cast<long>(best.blocking.size()) <= exact.lower_bound;
  }
  return best;
}

} // namespace tandem::match
