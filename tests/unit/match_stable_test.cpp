#include "match/stable.hpp"
#include "match/stable_ilp.hpp"
#include "match_test_support.hpp"
#include "io/progress.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

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
    } else {
      // No stable plan: the fewest blocking candidates of any plan, proven.
      std::size_t fewest = problem.candidates.size() + 1;
      for (const auto& plan : plans) {
        fewest = std::min(fewest, tandem::test::blocking_by_definition(problem, rankings, plan).size());
      }
      REQUIRE(blocking.size() == fewest);
    }
    REQUIRE(solution.minimum_proven);
  }
  REQUIRE(with_stable_plan > 1000); // the property was put to the test often
}

TEST_CASE("stable ILP: the fewest blocking pairs, proven, as enumeration finds them")
{
  // Markets without a stable plan are rare among random ones: of 20,000, every
  // such instance is solved, and every tenth of the others.
  std::mt19937 random(13);
  std::uniform_int_distribution<int> size(2, 4);
  std::uniform_int_distribution<int> openings(1, 3);
  int without_stable_plan = 0;
  int solved = 0;
  for (int instance = 0; instance < 20000; ++instance) {
    const Problem problem =
      tandem::test::random_problem(random, {size(random), size(random), openings(random)}, 0.45);
    if (problem.candidates.size() > 14) {
      continue; // every plan is enumerated below
    }
    const auto rankings = tandem::test::random_rankings(random, problem);
    std::size_t fewest = problem.candidates.size() + 1;
    for (const auto& plan : tandem::test::every_plan(problem)) {
      fewest = std::min(fewest, tandem::test::blocking_by_definition(problem, rankings, plan).size());
    }
    if (fewest == 0 && instance % 10 != 0) {
      continue;
    }
    INFO("instance " << instance);
    const auto exact = tandem::match::fewest_blocking(problem, rankings, 100000);
    REQUIRE(exact.proven);
    REQUIRE(tandem::match::is_feasible(problem, exact.plan));
    CHECK(tandem::test::blocking_by_definition(problem, rankings, exact.plan).size() == fewest);
    CHECK(exact.lower_bound == static_cast<long>(fewest));
    ++solved;
    without_stable_plan += fewest > 0 ? 1 : 0;
  }
  INFO(solved << " instances solved, " << without_stable_plan << " without a stable plan");
  CHECK(solved > 1000);
  CHECK(without_stable_plan > 50); // the hard case was put to the test
}

namespace {

// Keeps the stages a solver reports.
class StageLog : public tandem::io::ProgressSink {
public:
  void report(std::string_view stage, std::string_view) override { stages.emplace_back(stage); }
  std::vector<std::string> stages;
};

} // namespace

TEST_CASE("stable: above the integer program's size, the parties around each blocking pair are planned again, "
          "and the plan and its blocking pairs stay true")
{
  // Markets of 2,600-4,000 candidates: too many for the integer program as a
  // whole. Whatever the neighbourhoods change, the plan must keep the rules and
  // the blocking pairs reported must be those of the definition.
  std::mt19937 random(14);
  int replanned = 0;
  for (int instance = 0; instance < 3; ++instance) {
    const Problem problem = tandem::test::random_problem(random, {30, 24, 24}, 0.16);
    REQUIRE(problem.candidates.size() > tandem::match::exact_stable_limit);
    const auto rankings = tandem::test::random_rankings(random, problem);
    StageLog log;
    const auto solution = tandem::match::solve_stable(problem, rankings, &log);
    INFO("instance " << instance << ", " << problem.candidates.size() << " candidates");
    REQUIRE(tandem::match::is_feasible(problem, solution.plan));
    CHECK(solution.blocking == tandem::test::blocking_by_definition(problem, rankings, solution.plan));
    CHECK(solution.minimum_proven == solution.blocking.empty()); // no proof at this size
    const std::string neighbourhoods = "stable: planning the parties around each blocking pair again";
    replanned += std::count(log.stages.begin(), log.stages.end(), neighbourhoods) > 0 ? 1 : 0;
  }
  CHECK(replanned == 3); // the path was taken: each of these markets had blocking pairs left
}
