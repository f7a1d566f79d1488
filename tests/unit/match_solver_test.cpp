#include "match/assignment.hpp"
#include "match/lapjv.hpp"
#include "match/optimal.hpp"
#include "match_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using tandem::match::AssignmentEdge;
using tandem::match::Candidate;
using tandem::match::Problem;
using tandem::match::MostPossible;
using tandem::match::solo;

namespace {

void require_same_objective(const tandem::match::Objective& found, const tandem::match::Objective& best)
{
  REQUIRE(found.placed == best.placed);
  REQUIRE(found.score == Approx(best.score).margin(1e-9));
}

} // namespace

TEST_CASE("assignment: more rows assigned beats a higher weight")
{
  // Row 0 alone could take column 0 for 10; placing both rows needs 1 + 1.
  const std::vector<AssignmentEdge> edges{{0, 0, 10.0}, {0, 1, 1.0}, {1, 0, 1.0}};
  const auto edge_of_row = tandem::match::maximise_assignment(2, {1, 1}, edges);
  REQUIRE(edge_of_row == std::vector<int>{1, 2});
}

TEST_CASE("assignment: a column takes as many rows as its capacity")
{
  const std::vector<AssignmentEdge> edges{{0, 0, 5.0}, {1, 0, 4.0}, {2, 0, 3.0}, {2, 1, 1.0}};
  const auto edge_of_row = tandem::match::maximise_assignment(3, {2, 1}, edges);
  REQUIRE(edge_of_row == std::vector<int>{0, 1, 3});
}

TEST_CASE("assignment: negative weights are still placed, an edgeless row is not")
{
  const std::vector<AssignmentEdge> edges{{0, 0, -3.5}};
  const auto edge_of_row = tandem::match::maximise_assignment(2, {1}, edges);
  REQUIRE(edge_of_row == std::vector<int>{0, -1});
}

TEST_CASE("optimal: a tandem-only instance where the relaxation double-books a partner")
{
  // Both international students want domestic 0; only one can have them.
  Problem problem;
  problem.internationals = 2;
  problem.domestics = 2;
  problem.capacity = {1, 1};
  problem.candidates = {{0, 0, 0, 9.0}, {1, 0, 1, 8.0}, {1, 1, 1, 2.0}, {0, 1, 0, 1.0}};
  const auto solution = tandem::match::solve_optimal(problem);
  REQUIRE(tandem::match::is_feasible(problem, solution.plan));
  require_same_objective(solution.objective, {2, 11.0});
  REQUIRE(solution.optimal);
  REQUIRE(solution.bound == Approx(11.0));
}

TEST_CASE("optimal: equals exhaustive search on hundreds of random small instances")
{
  std::mt19937 random(20261126);
  std::uniform_int_distribution<int> size(1, 7);
  std::uniform_real_distribution<double> density(0.05, 0.35);
  for (int instance = 0; instance < 400; ++instance) {
    const tandem::test::Sizes sizes{size(random), size(random) - 1, size(random)};
    const Problem problem = tandem::test::random_problem(random, sizes, density(random));
    const auto best = tandem::test::exhaustive_best(problem);
    const auto solution = tandem::match::solve_optimal(problem);
    INFO("instance " << instance << ": " << problem.candidates.size() << " candidates");
    REQUIRE(tandem::match::is_feasible(problem, solution.plan));
    require_same_objective(solution.objective, best);
    REQUIRE(solution.optimal);
    REQUIRE(solution.placed_bound == best.placed);
    REQUIRE(solution.bound == Approx(best.score).margin(1e-9));
  }
}

TEST_CASE("optimal: without the integer program, the bound still holds")
{
  // The Lagrangian bound alone must never fall below the true optimum.
  std::mt19937 random(7);
  tandem::match::OptimalLimits limits;
  limits.ilp_candidate_limit = 0;
  for (int instance = 0; instance < 200; ++instance) {
    const Problem problem = tandem::test::random_problem(random, {6, 5, 5}, 0.3);
    const auto best = tandem::test::exhaustive_best(problem);
    const auto solution = tandem::match::solve_optimal(problem, limits);
    REQUIRE(tandem::match::is_feasible(problem, solution.plan));
    REQUIRE(solution.placed_bound >= best.placed);
    REQUIRE_FALSE(best < solution.objective);
    if (solution.placed_bound == best.placed) {
      REQUIRE(solution.bound >= best.score - 1e-9);
    }
    if (solution.optimal) {
      require_same_objective(solution.objective, best);
    }
  }
}

TEST_CASE("optimal: a shortlist's bound prices the openings' slots")
{
  // Three students could each score 10 at o0 and 1 at o1, one slot each; the
  // shortlist lists two of those candidates. A plan placing two scores at
  // most 10 + 1 = 11 (worked out by hand). Summing the two best values, as
  // if every student could have o0, would say 20.
  Problem problem;
  problem.internationals = 3;
  problem.capacity = {1, 1};
  problem.candidates = {{0, solo, 0, 10.0}, {1, solo, 1, 1.0}};
  const auto alone = [](float score) {
    MostPossible most;
    for (int international = 0; international < 3; ++international) {
      most.students.push_back({international, score, 0.0F, -1});
    }
    return most;
  };
  problem.most_possible = {alone(10.0F), alone(1.0F)};
  tandem::test::StageLog log;
  const auto solution = tandem::match::solve_optimal(problem, {}, &log);
  CHECK(log.stages == std::vector<std::string>{"optimal: bounding the candidates the shortlist left out"});
  REQUIRE(solution.objective.placed == 2);
  REQUIRE(solution.objective.score == Approx(11.0));
  CHECK(solution.placed_bound == 2);
  REQUIRE(solution.bound_holds);
  CHECK(solution.bound >= 11.0 - 1e-9);
  CHECK(solution.bound <= 11.0 * 1.05);
}

TEST_CASE("optimal: a shortlist's bound prices the domestic students")
{
  // Two students, one opening each (one slot): solo they score 4, with the
  // one domestic student 10. Only one can have her: a plan placing both
  // scores at most 10 + 4 = 14 (worked out by hand). Giving each student
  // their best pair, as if she could be in both, would say 20.
  Problem problem;
  problem.internationals = 2;
  problem.domestics = 1;
  problem.capacity = {1, 1};
  problem.candidates = {{0, 0, 0, 10.0}, {0, solo, 0, 4.0}, {1, 0, 1, 10.0}, {1, solo, 1, 4.0}};
  for (int opening = 0; opening < 2; ++opening) {
    MostPossible most;
    most.students = {{opening, 4.0F, 0.0F, 0}};
    most.partner_keys = {{{{0, 0.0F}}, -HUGE_VALF}};
    most.gain = {10.0F};
    REQUIRE(most.most(0) == Approx(10.0));
    problem.most_possible.push_back(most);
  }
  const auto solution = tandem::match::solve_optimal(problem);
  REQUIRE(solution.objective.placed == 2);
  REQUIRE(solution.objective.score == Approx(14.0));
  REQUIRE(solution.bound_holds);
  CHECK(solution.bound >= 14.0 - 1e-9);
  CHECK(solution.bound <= 14.0 * 1.05);
}

TEST_CASE("optimal: the most a student could score sums its parts without rounding down")
{
  // Share 1 + 2^-23, gain 8, partner share 0: the exact sum is 9 + 2^-23. In
  // float it rounds to 9 (a float's step at 9 is 2^-20), below a candidate
  // that scores the sum: no longer a bound.
  const float share = 1.0F + std::ldexp(1.0F, -23);
  MostPossible most;
  most.students = {{0, -HUGE_VALF, share, 0}};
  most.partner_keys = {{{{0, 0.0F}}, -HUGE_VALF}};
  most.gain = {8.0F};
  const double exact = 9.0 + std::ldexp(1.0, -23);
  CHECK(most.most_with_partner(0) == 8.0);
  CHECK(most.most(0) >= exact);
  CHECK(most.most(0) <= exact + 1e-6);
}

TEST_CASE("assignment: solving again after new weights equals solving afresh")
{
  std::mt19937 random(99);
  std::uniform_int_distribution<int> size(1, 12);
  std::uniform_int_distribution<int> slots(1, 3);
  std::bernoulli_distribution present(0.4);
  std::uniform_real_distribution<double> weight(-3.0, 10.0);
  const auto value = [](const std::vector<AssignmentEdge>& edges, const std::vector<int>& edge_of_row) {
    std::pair<int, double> total{0, 0.0};
    for (const int edge : edge_of_row) {
      if (edge >= 0) {
        ++total.first;
        total.second += edges[static_cast<std::size_t>(edge)].weight;
      }
    }
    return total;
  };
  for (int instance = 0; instance < 300; ++instance) {
    const int rows = size(random);
    std::vector<int> capacity(static_cast<std::size_t>(size(random)));
    for (auto& slot : capacity) {
      slot = slots(random);
    }
    std::vector<AssignmentEdge> edges;
    for (int row = 0; row < rows; ++row) {
      for (int column = 0; column < static_cast<int>(capacity.size()); ++column) {
        if (present(random)) {
          edges.push_back({row, column, weight(random)});
        }
      }
    }
    tandem::match::AssignmentSolver solver(rows, capacity, edges);
    solver.solve();
    for (int change = 0; change < 3; ++change) {
      std::vector<double> weights;
      for (auto& edge : edges) {
        edge.weight = present(random) ? weight(random) : edge.weight; // some change, some stay
        weights.push_back(edge.weight);
      }
      solver.reweight(weights);
      const auto again = value(edges, solver.solve());
      const auto afresh = value(edges, tandem::match::maximise_assignment(rows, capacity, edges));
      REQUIRE(again.first == afresh.first);
      REQUIRE(again.second == Approx(afresh.second).margin(1e-9));
    }
  }
}

TEST_CASE("assignment: Jonker-Volgenant gives every row a column at the general solver's optimum")
{
  // Square and rectangular, complete (the dense path, edges in any order) and
  // sparse, with ties (whole weights) and negative weights; the general solver
  // (shortest augmenting paths with a heap and pair costs) is the reference.
  std::mt19937 random(2026);
  std::uniform_int_distribution<int> size(1, 40);
  std::uniform_real_distribution<double> density(0.05, 1.0);
  std::uniform_int_distribution<int> whole(0, 4);
  std::uniform_real_distribution<double> fraction(-50.0, 100.0);
  int complete = 0;
  for (int instance = 0; instance < 2000; ++instance) {
    const int rows = size(random);
    const int columns = rows + size(random) % 5;
    const bool every_pair = instance % 4 == 1;
    std::bernoulli_distribution present(every_pair ? 1.0 : density(random));
    const bool ties = instance % 3 == 0;
    std::vector<AssignmentEdge> edges;
    for (int row = 0; row < rows; ++row) {
      for (int column = 0; column < columns; ++column) {
        if (present(random)) {
          edges.push_back({row, column, ties ? static_cast<double>(whole(random)) : fraction(random)});
        }
      }
    }
    if (every_pair) {
      std::shuffle(edges.begin(), edges.end(), random);
    }
    const std::vector<int> capacity(static_cast<std::size_t>(columns), 1);
    const auto reference = tandem::match::AssignmentSolver(rows, capacity, edges).solve();
    const bool everyone = std::none_of(reference.begin(), reference.end(), [](int edge) { return edge < 0; });
    const auto fast = tandem::match::assign_every_row(rows, columns, edges);
    INFO("instance " << instance);
    REQUIRE(fast.has_value() == everyone); // it fails exactly when no assignment takes every row
    if (!fast) {
      continue;
    }
    ++complete;
    std::vector<bool> used(static_cast<std::size_t>(columns), false);
    double total = 0;
    double expected = 0;
    for (int row = 0; row < rows; ++row) {
      const auto& edge = edges[static_cast<std::size_t>((*fast)[static_cast<std::size_t>(row)])];
      REQUIRE(edge.row == row);
      REQUIRE_FALSE(used[static_cast<std::size_t>(edge.column)]);
      used[static_cast<std::size_t>(edge.column)] = true;
      total += edge.weight;
      expected += edges[static_cast<std::size_t>(reference[static_cast<std::size_t>(row)])].weight;
    }
    REQUIRE(total == Approx(expected).margin(1e-7));
  }
  CHECK(complete > 800);
}
