#include "match/optimal.hpp"

#include <fmt/format.h>

#include "io/huge_pages.hpp"
#include "match/assignment.hpp"
#include "match/ilp.hpp"
#include "match/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <future>
#include <thread>
#include <optional>
#include <span>
#include <tuple>

namespace tandem::match {

namespace {

// Two scores closer than this are the same score: sums of a few hundred
// doubles differ in their last bits depending on the order of addition.
double tolerance(double magnitude) { return 1e-9 * std::max(1.0, std::abs(magnitude)); }

// A tandem candidate with what the searches read (kept side by side, in one
// buffer for all groups, because they are read at every step).
struct Partner {
  double score;
  int domestic;
  int candidate;
};

// The candidates of one international student at one opening.
struct Group {
  int international = 0;
  int opening = 0;
  int solo_candidate = -1;
  std::span<const Partner> partners; // its tandem candidates, best score first
};

struct Groups {
  std::vector<Partner> partners; // every group's, group after group
  std::vector<Group> list;
};

// Runs of candidates with one (international, opening): the candidate builder
// writes them so, opening by opening, and then the order is empty (the
// candidates' own; tens of millions of indices are not written for nothing);
// any other order is sorted.
std::vector<int> grouped_order(const Problem& problem)
{
  std::vector<int> last_opening(at(problem.internationals), -1);
  bool grouped = true;
  for (std::size_t index = 0; index < problem.candidates.size() && grouped; ++index) {
    const auto& candidate = problem.candidates[index];
    if (index > 0 && candidate.international == problem.candidates[index - 1].international
        && candidate.opening == problem.candidates[index - 1].opening) {
      continue;
    }
    // A new run: its opening must be new for this student (openings in order).
    grouped = last_opening[at(candidate.international)] < candidate.opening;
    last_opening[at(candidate.international)] = candidate.opening;
  }
  std::vector<int> order;
  if (!grouped) {
    order.resize(problem.candidates.size());
    std::iota(order.begin(), order.end(), 0);
    const auto key = [&](int index) {
      const auto& candidate = problem.candidates[at(index)];
      return std::pair(candidate.international, candidate.opening);
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
  }
  return order;
}

Groups group_candidates(const Problem& problem)
{
  const auto order = grouped_order(problem);
  const auto index_at = [&](std::size_t position) {
    return order.empty() ? static_cast<int>(position) : order[position];
  };
  const auto candidate_at = [&](std::size_t position) -> const Candidate& {
    return problem.candidates[at(index_at(position))];
  };
  const std::size_t count = problem.candidates.size();
  Groups groups;
  io::reserve_on_huge_pages(groups.partners, count); // millions of candidates: sized once
  std::vector<std::size_t> first_partner;
  for (std::size_t begin = 0; begin < count;) {
    const Candidate& first = candidate_at(begin);
    std::size_t end = begin + 1;
    while (end < count && candidate_at(end).international == first.international
           && candidate_at(end).opening == first.opening) {
      ++end;
    }
    auto& group = groups.list.emplace_back(Group{first.international, first.opening, -1, {}});
    first_partner.push_back(groups.partners.size());
    for (std::size_t position = begin; position < end; ++position) {
      const int index = index_at(position);
      const auto& candidate = candidate_at(position);
      if (candidate.domestic == solo) {
        // Two rows for one solo candidate (a hand-made score table): the better counts.
        if (group.solo_candidate < 0 || problem.candidates[at(group.solo_candidate)].score < candidate.score) {
          group.solo_candidate = index;
        }
      } else {
        groups.partners.push_back({candidate.score, candidate.domestic, index});
      }
    }
    begin = end;
  }
  first_partner.push_back(groups.partners.size());
  // Best first (the searches below stop early).
  const auto better = [](const Partner& a, const Partner& b) {
    return a.score != b.score ? a.score > b.score : a.candidate < b.candidate;
  };
  for_each_part(groups.list.size(), [&](std::size_t, std::size_t first, std::size_t last) {
    for (std::size_t group = first; group < last; ++group) {
      std::sort(groups.partners.begin() + static_cast<long>(first_partner[group]),
                groups.partners.begin() + static_cast<long>(first_partner[group + 1]), better);
    }
  });
  for (std::size_t group = 0; group < groups.list.size(); ++group) {
    groups.list[group].partners = std::span<const Partner>(groups.partners.data() + first_partner[group],
                                                           first_partner[group + 1] - first_partner[group]);
  }
  return groups;
}

class LocalSearch {
public:
  static constexpr std::size_t partners_per_step = 32;

  LocalSearch(const Problem& problem, const std::vector<Group>& groups)
      : m_problem(problem), m_groups(groups)
  {
  }

  // Improves the plan given by one chosen group per placed international
  // student, alternating two exact assignments until neither improves it:
  // domestic partners for the chosen groups, then openings for the pairs.
  Plan improve(std::vector<int> chosen_groups) const
  {
    Plan best = assign_partners(chosen_groups);
    Objective best_objective = objective_of(m_problem, best);
    for (int round = 0; round < 20; ++round) {
      const Plan candidate = assign_partners(assign_openings(best));
      const Objective objective = objective_of(m_problem, candidate);
      if (!(best_objective < objective) || objective.score - best_objective.score < tolerance(objective.score)) {
        if (best_objective < objective) {
          best = candidate;
        }
        break;
      }
      best = candidate;
      best_objective = objective;
    }
    return best;
  }

private:
  const Candidate& candidate(int index) const { return m_problem.candidates[at(index)]; }

  // Rows are the chosen groups; columns the domestic students, then one
  // "solo" column for each group that may go solo.
  Plan assign_partners(const std::vector<int>& chosen_groups) const
  {
    std::vector<int> capacity(at(m_problem.domestics), 1);
    std::vector<AssignmentEdge> edges;
    std::vector<int> edge_candidate;
    for (std::size_t row = 0; row < chosen_groups.size(); ++row) {
      const auto& group = m_groups[at(chosen_groups[row])];
      // The best partners only (lists are best first): enough for a step of a
      // heuristic, and it keeps the step small when partners are many.
      const std::size_t partners = std::min(group.partners.size(), partners_per_step);
      for (std::size_t rank = 0; rank < partners; ++rank) {
        const auto& partner = group.partners[rank];
        edges.push_back({static_cast<int>(row), partner.domestic, partner.score});
        edge_candidate.push_back(partner.candidate);
      }
      if (group.solo_candidate >= 0) {
        edges.push_back({static_cast<int>(row), static_cast<int>(capacity.size()),
                         candidate(group.solo_candidate).score});
        edge_candidate.push_back(group.solo_candidate);
        capacity.push_back(1);
      }
    }
    const auto edge_of_row = maximise_assignment(static_cast<int>(chosen_groups.size()), capacity, edges);
    Plan plan;
    for (const int edge : edge_of_row) {
      if (edge >= 0) {
        plan.chosen.push_back(edge_candidate[at(edge)]);
      }
    }
    std::sort(plan.chosen.begin(), plan.chosen.end());
    return plan;
  }

  // Keeps each placed pair together (or lets the student go solo, or take a
  // partner nobody has) and finds the best openings for them.
  std::vector<int> assign_openings(const Plan& plan) const
  {
    std::vector<int> partner_of(at(m_problem.internationals), solo);
    std::vector<char> domestic_taken(at(m_problem.domestics), 0);
    for (const int index : plan.chosen) {
      partner_of[at(candidate(index).international)] = candidate(index).domestic;
      if (candidate(index).domestic != solo) {
        domestic_taken[at(candidate(index).domestic)] = 1;
      }
    }
    std::vector<AssignmentEdge> edges;
    std::vector<int> edge_group;
    for (std::size_t group_index = 0; group_index < m_groups.size(); ++group_index) {
      const auto& group = m_groups[group_index];
      const int own_partner = partner_of[at(group.international)];
      double best = -HUGE_VAL;
      if (group.solo_candidate >= 0) {
        best = candidate(group.solo_candidate).score;
      }
      for (const auto& partner : group.partners) {
        if (partner.domestic == own_partner || domestic_taken[at(partner.domestic)] == 0) {
          best = std::max(best, partner.score);
          break; // the best available partner: the list is best first
        }
      }
      if (best > -HUGE_VAL) {
        edges.push_back({group.international, group.opening, best});
        edge_group.push_back(static_cast<int>(group_index));
      }
    }
    const auto edge_of_row = maximise_assignment(m_problem.internationals, m_problem.capacity, edges);
    std::vector<int> chosen;
    for (const int edge : edge_of_row) {
      if (edge >= 0) {
        chosen.push_back(edge_group[at(edge)]);
      }
    }
    return chosen;
  }

  const Problem& m_problem;
  const std::vector<Group>& m_groups;
};

// Lagrangian relaxation of "each domestic student at most once": with
// multipliers lambda >= 0 the problem falls apart into one transportation
// problem (international students to openings), solved exactly, whose value
// plus the sum of the multipliers bounds every plan from above.
class Lagrangian {
public:
  Lagrangian(const Problem& problem, const std::vector<Group>& groups)
      : m_problem(problem), m_groups(groups), m_multiplier(at(problem.domestics), 0.0)
  {
  }

  struct Relaxed {
    std::vector<int> chosen_groups;
    std::vector<int> chosen_candidates;
    int placed = 0;
    double bound = 0;
  };

  Relaxed solve()
  {
    std::vector<AssignmentEdge> edges;
    std::vector<int> best_candidate;
    edges.reserve(m_groups.size());
    for (const auto& group : m_groups) {
      int best = group.solo_candidate;
      double value = best >= 0 ? m_problem.candidates[at(best)].score : -HUGE_VAL;
      for (const auto& partner : group.partners) {
        if (partner.score <= value) {
          break; // multipliers are >= 0: no later partner can beat `value`
        }
        const double adjusted = partner.score - m_multiplier[at(partner.domestic)];
        if (adjusted > value) {
          value = adjusted;
          best = partner.candidate;
        }
      }
      edges.push_back({group.international, group.opening, value});
      best_candidate.push_back(best);
    }
    // One graph whose weights change with the multipliers: solved again from
    // the last solution.
    if (!m_assignment) {
      m_assignment.emplace(m_problem.internationals, m_problem.capacity, edges);
    } else {
      std::vector<double> weights(edges.size());
      std::transform(edges.begin(), edges.end(), weights.begin(), [](const auto& edge) { return edge.weight; });
      m_assignment->reweight(weights);
    }
    const auto edge_of_row = m_assignment->solve();
    Relaxed relaxed;
    relaxed.bound = std::accumulate(m_multiplier.begin(), m_multiplier.end(), 0.0);
    for (const int edge : edge_of_row) {
      if (edge >= 0) {
        relaxed.chosen_groups.push_back(edge);
        relaxed.chosen_candidates.push_back(best_candidate[at(edge)]);
        relaxed.bound += edges[at(edge)].weight;
        ++relaxed.placed;
      }
    }
    return relaxed;
  }

  // A subgradient step towards a lower bound (Polyak's step length).
  bool step(const Relaxed& relaxed, double target, double step_scale)
  {
    std::vector<double> gradient(at(m_problem.domestics), 1.0);
    for (const int index : relaxed.chosen_candidates) {
      const int domestic = m_problem.candidates[at(index)].domestic;
      if (domestic != solo) {
        gradient[at(domestic)] -= 1.0;
      }
    }
    double norm = 0;
    for (std::size_t domestic = 0; domestic < gradient.size(); ++domestic) {
      if (m_multiplier[domestic] <= 0 && gradient[domestic] > 0) {
        gradient[domestic] = 0; // the multiplier cannot go below zero
      }
      norm += gradient[domestic] * gradient[domestic];
    }
    if (norm == 0) {
      return false; // the relaxed plan is a plan: nothing left to tighten
    }
    const double length = step_scale * std::max(relaxed.bound - target, tolerance(relaxed.bound)) / norm;
    for (std::size_t domestic = 0; domestic < gradient.size(); ++domestic) {
      m_multiplier[domestic] = std::max(0.0, m_multiplier[domestic] - length * gradient[domestic]);
    }
    return true;
  }

private:
  const Problem& m_problem;
  const std::vector<Group>& m_groups;
  std::vector<double> m_multiplier;
  std::optional<AssignmentSolver> m_assignment;
};

bool has_tandems(const Problem& problem)
{
  return std::any_of(problem.candidates.begin(), problem.candidates.end(),
                     [](const Candidate& candidate) { return candidate.domestic != solo; });
}

bool closes(const Solution& solution)
{
  return solution.objective.placed == solution.placed_bound
         && solution.bound - solution.objective.score <= tolerance(solution.bound);
}

// The values of Problem::most_possible with each domestic student priced:
// a pair is worth its value less its partner's price. Each student's best
// value less the price of its opening, where, and with whom. The openings are
// shared among the cores, each part's best taken in opening order.
class PricedValues {
public:
  struct Best {
    std::vector<double> value;
    std::vector<int> opening; // -1: no allowed candidate
    std::vector<int> partner; // the priced partner of the value, or solo (also for a key's unpriced rest)
  };

  explicit PricedValues(const Problem& problem) : m_problem(problem)
  {
    // Parts of about equal numbers of values.
    const std::size_t parts = std::max(1U, std::thread::hardware_concurrency());
    std::size_t values = 0;
    for (const auto& most : problem.most_possible) {
      values += most.students.size() + most.gain.size();
    }
    std::size_t sum = 0;
    m_first_opening.push_back(0);
    for (std::size_t opening = 0; opening < problem.most_possible.size(); ++opening) {
      const auto& most = problem.most_possible[opening];
      sum += most.students.size() + most.gain.size();
      if (sum * parts >= values * m_first_opening.size() && m_first_opening.size() < parts) {
        m_first_opening.push_back(opening + 1);
      }
    }
    m_first_opening.push_back(problem.most_possible.size());
    m_parts.resize(m_first_opening.size() - 1);
  }

  const Best& evaluate(const std::vector<double>& opening_price, const std::vector<double>& partner_price)
  {
    // No more parts than cores: one each.
    for_each_part(m_parts.size(), [&](std::size_t, std::size_t first, std::size_t last) {
      for (std::size_t part = first; part < last; ++part) {
        evaluate_part(part, opening_price, partner_price);
      }
    });
    Best& best = m_parts.front().best;
    for (std::size_t part = 1; part < m_parts.size(); ++part) {
      const Best& later = m_parts[part].best;
      for (std::size_t international = 0; international < best.value.size(); ++international) {
        if (later.value[international] > best.value[international]) {
          best.value[international] = later.value[international];
          best.opening[international] = later.opening[international];
          best.partner[international] = later.partner[international];
        }
      }
    }
    return best;
  }

private:
  struct Part {
    Best best;
    std::vector<double> key_best; // per partner key: the most a partner adds, less the price
    std::vector<int> key_partner; // and who
    std::vector<double> row_best; // per student key: the most gain and partner added
    std::vector<int> row_partner; // and who
  };

  void evaluate_part(std::size_t index, const std::vector<double>& opening_price,
                     const std::vector<double>& partner_price)
  {
    Part& part = m_parts[index];
    const std::size_t students = at(m_problem.internationals);
    part.best.value.assign(students, -HUGE_VAL);
    part.best.opening.assign(students, -1);
    part.best.partner.assign(students, solo);
    for (std::size_t opening = m_first_opening[index]; opening < m_first_opening[index + 1]; ++opening) {
      const auto& most = m_problem.most_possible[opening];
      price_partner_keys(most, partner_price, part);
      best_of_rows(most, part);
      for (const auto& student : most.students) {
        double value = student.solo;
        int partner = solo;
        if (student.key >= 0) {
          const double pair = MostPossible::pair_value(student.share + part.row_best[at(student.key)]);
          if (pair > value) {
            value = pair;
            partner = part.row_partner[at(student.key)];
          }
        }
        const auto international = at(student.international);
        if (value - opening_price[opening] > part.best.value[international]) {
          part.best.value[international] = value - opening_price[opening];
          part.best.opening[international] = static_cast<int>(opening);
          part.best.partner[international] = partner;
        }
      }
    }
  }

  static void price_partner_keys(const MostPossible& most, const std::vector<double>& partner_price, Part& part)
  {
    part.key_best.assign(most.partner_keys.size(), -HUGE_VAL);
    part.key_partner.assign(most.partner_keys.size(), solo);
    for (std::size_t key = 0; key < most.partner_keys.size(); ++key) {
      const auto& partners = most.partner_keys[key];
      part.key_best[key] = partners.rest;
      for (const auto& [domestic, share] : partners.best) {
        if (share - partner_price[at(domestic)] > part.key_best[key]) {
          part.key_best[key] = share - partner_price[at(domestic)];
          part.key_partner[key] = domestic;
        }
      }
    }
  }

  static void best_of_rows(const MostPossible& most, Part& part)
  {
    const std::size_t keys = most.partner_keys.size();
    const std::size_t rows = keys == 0 ? 0 : most.gain.size() / keys;
    part.row_best.assign(rows, -HUGE_VAL);
    part.row_partner.assign(rows, solo);
    const double* key_best = part.key_best.data();
    for (std::size_t row = 0; row < rows; ++row) {
      // In locals: the hottest loop of the bound (28 million gains a step on the national benchmark).
      const float* gain = most.gain.data() + row * keys;
      double row_best = -HUGE_VAL;
      std::size_t best_key = 0;
      for (std::size_t key = 0; key < keys; ++key) {
        if (gain[key] + key_best[key] > row_best) {
          row_best = gain[key] + key_best[key];
          best_key = key;
        }
      }
      part.row_best[row] = row_best;
      part.row_partner[row] = row_best == -HUGE_VAL ? solo : part.key_partner[best_key];
    }
  }

  const Problem& m_problem;
  std::vector<std::size_t> m_first_opening; // of each part, then the end
  std::vector<Part> m_parts;
};

// For a shortlist (Problem::most_possible), the relaxation bounds only the
// listed candidates. What holds for all: no more are placed than there are
// slots or students with an allowed candidate; and, for any mu, any prices
// p >= 0 of the openings' slots and any prices q >= 0 of the domestic
// students, a plan placing k students scores at most
//   mu k + sum_o slots_o p_o + sum_d q_d + sum_i max(0, max_o v_io(q) - mu - p_o),
// where v_io(q) is the most a candidate of i at o could score less its
// partner's price (each domestic student is in at most one pair, so the plan
// pays each q_d at most once; then LP duality of the transportation problem,
// each student at most once, each opening its slots). The prices are
// searched by subgradient steps, a fixed number of them; mu is exact.
void bound_by_most_possible(const Problem& problem, int steps, Solution& solution)
{
  const std::size_t students = at(problem.internationals);
  std::vector<double> opening_price(problem.most_possible.size(), 0.0);
  std::vector<double> partner_price(at(problem.domestics), 0.0);
  PricedValues values(problem);
  const PricedValues::Best* best = &values.evaluate(opening_price, partner_price);
  const long slots = std::accumulate(problem.capacity.begin(), problem.capacity.end(), 0L);
  const long with_candidates
    = std::count_if(best->opening.begin(), best->opening.end(), [](int opening) { return opening >= 0; });
  solution.placed_bound = static_cast<int>(std::min(slots, with_candidates));

  const auto placed = static_cast<std::size_t>(solution.objective.placed);
  std::vector<int> order;
  std::vector<double> opening_gradient(opening_price.size());
  std::vector<double> partner_gradient(partner_price.size());
  solution.bound = HUGE_VAL;
  double step_scale = 2.0;
  int since_improvement = 0;
  const int evaluations = std::max(1, steps);
  for (int step = 0; step < evaluations; ++step) {
    // The best mu for these prices is the placed-th highest best value (or
    // 0): then the bound sums the `placed` highest, and those students are
    // the ones the plan of the relaxation places (ties by index).
    const auto& value = best->value;
    order.clear();
    for (std::size_t international = 0; international < students; ++international) {
      if (best->opening[international] >= 0) {
        order.push_back(static_cast<int>(international));
      }
    }
    const std::size_t taken = std::min(placed, order.size());
    std::nth_element(order.begin(), order.begin() + static_cast<long>(taken == 0 ? 0 : taken - 1), order.end(),
                     [&](int a, int b) { return std::pair(-value[at(a)], a) < std::pair(-value[at(b)], b); });
    const double mu = taken == 0 ? 0.0 : std::max(0.0, value[at(order[taken - 1])]);
    double bound = mu * static_cast<double>(placed);
    for (std::size_t opening = 0; opening < opening_price.size(); ++opening) {
      bound += problem.capacity[opening] * opening_price[opening];
      opening_gradient[opening] = problem.capacity[opening];
    }
    for (std::size_t domestic = 0; domestic < partner_price.size(); ++domestic) {
      bound += partner_price[domestic];
      partner_gradient[domestic] = 1;
    }
    for (std::size_t place = 0; place < taken; ++place) {
      const auto international = at(order[place]);
      if (value[international] >= mu) {
        bound += value[international] - mu;
        opening_gradient[at(best->opening[international])] -= 1;
        if (best->partner[international] != solo) {
          partner_gradient[at(best->partner[international])] -= 1;
        }
      }
    }
    if (bound < solution.bound - tolerance(bound)) {
      solution.bound = bound;
      since_improvement = 0;
    } else if (++since_improvement >= 5) {
      step_scale /= 2;
      since_improvement = 0;
    }
    if (step + 1 == evaluations) {
      break;
    }
    // Polyak's step towards the plan's score; prices stay >= 0.
    const auto projected_norm = [](const std::vector<double>& prices, std::vector<double>& gradient) {
      double norm = 0;
      for (std::size_t index = 0; index < prices.size(); ++index) {
        if (prices[index] <= 0 && gradient[index] > 0) {
          gradient[index] = 0;
        }
        norm += gradient[index] * gradient[index];
      }
      return norm;
    };
    const double norm = projected_norm(opening_price, opening_gradient) + projected_norm(partner_price, partner_gradient);
    if (norm == 0) {
      break;
    }
    const double length = step_scale * std::max(bound - solution.objective.score, tolerance(bound)) / norm;
    const auto move = [length](std::vector<double>& prices, const std::vector<double>& gradient) {
      for (std::size_t index = 0; index < prices.size(); ++index) {
        prices[index] = std::max(0.0, prices[index] - length * gradient[index]);
      }
    };
    move(opening_price, opening_gradient);
    move(partner_price, partner_gradient);
    best = &values.evaluate(opening_price, partner_price);
  }
  solution.optimal = closes(solution);
  solution.bound_holds = true;
}

} // namespace

Solution solve_optimal(const Problem& problem, const OptimalLimits& limits, io::ProgressSink* progress)
{
  const auto groups = group_candidates(problem);
  const LocalSearch search(problem, groups.list);
  Lagrangian lagrangian(problem, groups.list);

  Solution solution;
  auto relaxed = lagrangian.solve();
  solution.placed_bound = relaxed.placed;
  solution.bound = relaxed.bound;
  solution.plan = search.improve(relaxed.chosen_groups);
  solution.objective = objective_of(problem, solution.plan);

  const auto take_if_better = [&](Plan plan) {
    const Objective objective = objective_of(problem, plan);
    if (solution.objective < objective) {
      solution.plan = std::move(plan);
      solution.objective = objective;
    }
  };
  // With a shortlist the steps' bound is not used (bound_by_most_possible),
  // and they did not improve the plan of the first search (national
  // benchmark: 30 steps of 6 s each, the same plan): none are made.
  if (problem.most_possible.empty() && has_tandems(problem)) {
    double step_scale = 2.0;
    int since_improvement = 0;
    std::vector<int> searched_from = relaxed.chosen_groups;
    // The searches run on a second core while the steps go on; each is taken
    // in when the next starts, at a fixed step, so the result never depends
    // on which finished first.
    std::future<Plan> search_running;
    // A step visits every candidate and solves a problem over the students.
    const double work_per_step = static_cast<double>(problem.candidates.size()) + 1000.0 * problem.internationals;
    const int fewest = std::min(limits.lagrangian_min_iterations, limits.lagrangian_iterations);
    const int iterations = static_cast<int>(std::clamp(limits.lagrangian_work / work_per_step,
                                                       static_cast<double>(fewest),
                                                       static_cast<double>(limits.lagrangian_iterations)));
    // Ends early once the steps are too short to move the bound.
    for (int iteration = 0; iteration < iterations && !closes(solution) && step_scale > 1e-4; ++iteration) {
      const double target = solution.objective.placed == relaxed.placed ? solution.objective.score
                                                                         : relaxed.bound - 1.0;
      if (!lagrangian.step(relaxed, target, step_scale)) {
        break;
      }
      relaxed = lagrangian.solve();
      if (relaxed.bound < solution.bound - tolerance(solution.bound)) {
        solution.bound = relaxed.bound;
        since_improvement = 0;
      } else if (++since_improvement >= 8) {
        step_scale /= 2;
        since_improvement = 0;
      }
      if (progress != nullptr) {
        progress->report(fmt::format("optimal: step {} of at most {}", iteration + 1, iterations),
                         fmt::format("gap {:.3g} %; plan {} placed, {:.2f}; bound {:.2f}",
                                     solution.bound > 0 ? 100 * (solution.bound - solution.objective.score) / solution.bound
                                                        : 0.0,
                                     solution.objective.placed, solution.objective.score, solution.bound));
      }
      if (iteration % 5 != 4 || relaxed.chosen_groups == searched_from) {
        continue; // a search every few steps, and never twice from one start
      }
      if (search_running.valid()) {
        take_if_better(search_running.get());
      }
      searched_from = relaxed.chosen_groups;
      search_running = std::async(std::launch::async, [&search, start = relaxed.chosen_groups] {
        return search.improve(start);
      });
    }
    if (search_running.valid()) {
      take_if_better(search_running.get());
    }
  }

  if (!problem.most_possible.empty()) {
    if (progress != nullptr) {
      progress->report("optimal: bounding the candidates the shortlist left out",
                       fmt::format("plan {} placed, {:.2f}", solution.objective.placed, solution.objective.score));
    }
    bound_by_most_possible(problem, limits.bound_steps, solution);
    return solution;
  }
  if (closes(solution)) {
    solution.optimal = true;
    solution.bound = solution.objective.score;
  } else if (problem.candidates.size() <= limits.ilp_candidate_limit) {
    if (progress != nullptr) {
      progress->report("optimal: proving with the integer program (CBC)", "");
    }
    improve_by_ilp(problem, limits.ilp_node_limit, solution);
  }
  // The relaxation bounds plans that place placed_bound students.
  solution.bound_holds = solution.objective.placed == solution.placed_bound;
  return solution;
}

} // namespace tandem::match
