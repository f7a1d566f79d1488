#include "match/stable.hpp"
#include "match_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using tandem::match::Problem;

TEST_CASE("stable: without pairs, deferred acceptance leaves no blocking pair")
{
  std::mt19937 random(11);
  std::uniform_int_distribution<int> size(1, 9);
  for (int instance = 0; instance < 300; ++instance) {
    const Problem problem = tandem::test::random_problem(random, {size(random), 0, size(random)}, 0.6);
    const auto rankings = tandem::test::random_rankings(random, problem);
    const auto solution = tandem::match::solve_stable(problem, rankings);
    REQUIRE(tandem::match::is_feasible(problem, solution.plan));
    REQUIRE(tandem::test::blocking_by_definition(problem, rankings, solution.plan).empty());
    REQUIRE(solution.blocking.empty());
  }
}

TEST_CASE("stable: with pairs, no blocking pair whenever a stable plan exists")
{
  std::mt19937 random(12);
  std::uniform_int_distribution<int> size(1, 5);
  int with_stable_plan = 0;
  for (int instance = 0; instance < 3000; ++instance) {
    const Problem problem = tandem::test::random_problem(random, {size(random), size(random), size(random)}, 0.3);
    if (problem.candidates.size() > 18) {
      continue; // every plan is enumerated below
    }
    const auto rankings = tandem::test::random_rankings(random, problem);
    const auto solution = tandem::match::solve_stable(problem, rankings);
    INFO("instance " << instance);
    REQUIRE(tandem::match::is_feasible(problem, solution.plan));
    const auto blocking = tandem::test::blocking_by_definition(problem, rankings, solution.plan);
    REQUIRE(solution.blocking == blocking);
    const auto plans = tandem::test::every_plan(problem);
    const bool stable_exists = std::any_of(plans.begin(), plans.end(), [&](const auto& plan) {
      return tandem::test::blocking_by_definition(problem, rankings, plan).empty();
    });
    if (stable_exists) {
      ++with_stable_plan;
      REQUIRE(blocking.empty());
    }
  }
  REQUIRE(with_stable_plan > 1000); // the property was put to the test often
}
