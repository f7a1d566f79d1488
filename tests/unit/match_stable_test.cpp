#include "match/stable.hpp"
#include "match/stable_ilp.hpp"
#include "match_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>
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

TEST_CASE("stable: first choices are stable when every party ranks the candidates in one common order")
{
  // Each step takes a candidate that all its parties rank first among those
  // still open; with one order there always is one, and nobody it leaves out
  // is wanted by all of theirs. The order here: by score, then by index.
  std::mt19937 random(15);
  std::uniform_int_distribution<int> size(1, 9);
  for (int instance = 0; instance < 300; ++instance) {
    const Problem problem = tandem::test::random_problem(random, {size(random), size(random), size(random)}, 0.5);
    std::vector<int> order(problem.candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return std::pair(-problem.candidates[static_cast<std::size_t>(a)].score, a)
             < std::pair(-problem.candidates[static_cast<std::size_t>(b)].score, b);
    });
    std::vector<long> rank(order.size());
    for (std::size_t place = 0; place < order.size(); ++place) {
      rank[static_cast<std::size_t>(order[place])] = static_cast<long>(place);
    }
    const tandem::match::Rankings common{rank, rank, rank};
    const auto plan = tandem::match::first_choices(problem, common);
    INFO("instance " << instance);
    REQUIRE(tandem::match::is_feasible(problem, plan));
    REQUIRE(tandem::test::blocking_by_definition(problem, common, plan).empty());
  }
}

TEST_CASE("stable: first choices that disagree, taken for the earliest student")
{
  // Worked by hand. Two students, two one-slot openings, solo only. Student 0
  // ranks opening 1 first, student 1 opening 0; opening 0 ranks student 0
  // first, opening 1 student 1. No candidate is first for both its parties:
  // student 0's first choice is taken (one party, opening 1, prefers another,
  // as for student 1's), then student 1's is open and first for both.
  Problem problem;
  problem.internationals = 2;
  problem.capacity = {1, 1};
  using tandem::match::solo;
  problem.candidates = {{0, solo, 0, 1.0}, {0, solo, 1, 1.0}, {1, solo, 0, 1.0}, {1, solo, 1, 1.0}};
  tandem::match::Rankings rankings;
  rankings.international = {1, 0, 0, 1}; // by candidate: student 0 ranks candidate 1 first
  rankings.opening = {0, 1, 1, 0};       // opening 0 ranks candidate 0 first, opening 1 candidate 3
  rankings.domestic = {0, 0, 0, 0};
  const auto plan = tandem::match::first_choices(problem, rankings);
  CHECK(plan.chosen == std::vector<int>{1, 2});
  CHECK(tandem::test::blocking_by_definition(problem, rankings, plan).empty());
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
    INFO("instance " << instance << ", " << problem.candidates.size() << " candidates");
    const auto exact = tandem::match::fewest_blocking(problem, rankings, 100000);
    REQUIRE(exact.found);
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
    tandem::test::StageLog log;
    const auto solution = tandem::match::solve_stable(problem, rankings, &log);
    INFO("instance " << instance << ", " << problem.candidates.size() << " candidates");
    REQUIRE(tandem::match::is_feasible(problem, solution.plan));
    CHECK(solution.blocking == tandem::test::blocking_by_definition(problem, rankings, solution.plan));
    CHECK(solution.minimum_proven == solution.blocking.empty()); // no proof at this size
    const std::string neighbourhoods = "stable: the neighbourhoods";
    replanned += std::count(log.stages.begin(), log.stages.end(), neighbourhoods) > 0 ? 1 : 0;
  }
  CHECK(replanned == 3); // the path was taken: each of these markets had blocking pairs left
}

TEST_CASE("stable: the searches from both starts report their progress, each naming its start")
{
  // A market of about 3,000 candidates under random preferences: both starts
  // leave blocking pairs, so both searches sweep and report as they go.
  std::mt19937 random(14);
  const Problem problem = tandem::test::random_problem(random, {30, 24, 24}, 0.16);
  const auto rankings = tandem::test::random_rankings(random, problem);
  tandem::test::StageLog log;
  tandem::match::solve_stable(problem, rankings, &log);
  const auto reported_from = [&](const std::string& start) {
    return std::count_if(log.details.begin(), log.details.end(),
                         [&](const std::string& detail) { return detail.starts_with(start + ": "); });
  };
  CHECK(reported_from("deferred acceptance") > 0);
  CHECK(reported_from("first choices") > 0);
}

TEST_CASE("stable: a neighbourhood planned again gets the fewest blocking pairs of the whole market that moving "
          "only its students can reach")
{
  // The integer program sees only the neighbourhood's candidates; the blocking
  // pairs of the whole market it changes must all be in its count (the fixed
  // slots at its openings, and every candidate touching it whose fixed parties
  // would take it). Enumeration of every plan that moves only the
  // neighbourhood's students judges it by the definition.
  std::mt19937 random(15);
  std::uniform_int_distribution<int> size(2, 6);
  int judged = 0;
  int with_fixed_parties = 0;
  for (int instance = 0; instance < 6000 && judged < 600; ++instance) {
    const Problem problem = tandem::test::random_problem(random, {size(random), size(random), size(random)}, 0.35);
    if (problem.candidates.size() > 20) {
      continue; // every plan is enumerated below
    }
    const auto rankings = tandem::test::random_rankings(random, problem);
    const auto plans = tandem::test::every_plan(problem);
    // Half the time a plan placing the most, so that openings are full and
    // fixed students share them with the neighbourhood's.
    std::vector<tandem::match::Plan> fullest;
    for (const auto& other : plans) {
      if (!fullest.empty() && other.chosen.size() > fullest.front().chosen.size()) {
        fullest.clear();
      }
      if (fullest.empty() || other.chosen.size() == fullest.front().chosen.size()) {
        fullest.push_back(other);
      }
    }
    const auto& pool = instance % 2 == 0 ? plans : fullest;
    const auto& plan = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(random)];
    const auto blocking = tandem::test::blocking_by_definition(problem, rankings, plan);
    if (blocking.empty()) {
      continue;
    }
    const int seed = blocking[std::uniform_int_distribution<std::size_t>(0, blocking.size() - 1)(random)];
    // Small neighbourhoods too, so that fixed students hold slots at their openings.
    const std::size_t max_students = 1 + static_cast<std::size_t>(instance / 2 % 8);
    const auto neighbourhood = tandem::match::neighbourhood_around(problem, rankings, plan, seed, max_students);
    const auto in = [](const std::vector<int>& parties, int party) {
      return std::binary_search(parties.begin(), parties.end(), party);
    };
    // The plans that keep everyone else's placement and place the neighbourhood's
    // students only at its openings with its partners.
    const auto moves_only_the_neighbourhood = [&](const tandem::match::Plan& other) {
      const auto kept = [&](const tandem::match::Plan& from, const tandem::match::Plan& to) {
        return std::all_of(from.chosen.begin(), from.chosen.end(), [&](int index) {
          return in(neighbourhood.students, problem.candidates[tandem::match::at(index)].international) ||
                 std::binary_search(to.chosen.begin(), to.chosen.end(), index);
        });
      };
      return kept(plan, other) && kept(other, plan) &&
             std::all_of(other.chosen.begin(), other.chosen.end(), [&](int index) {
               const auto& candidate = problem.candidates[tandem::match::at(index)];
               return !in(neighbourhood.students, candidate.international) ||
                      (in(neighbourhood.openings, candidate.opening) &&
                       (candidate.domestic == tandem::match::solo || in(neighbourhood.partners, candidate.domestic)));
             });
    };
    std::size_t fewest = problem.candidates.size() + 1;
    int most_placed = 0;
    for (const auto& other : plans) {
      if (!moves_only_the_neighbourhood(other)) {
        continue;
      }
      const auto count = tandem::test::blocking_by_definition(problem, rankings, other).size();
      const int placed = static_cast<int>(other.chosen.size());
      if (count < fewest || (count == fewest && placed > most_placed)) {
        fewest = count;
        most_placed = placed;
      }
    }
    const auto replanned = tandem::match::replan(problem, rankings, plan, neighbourhood);
    INFO("instance " << instance << ", " << problem.candidates.size() << " candidates, "
                     << neighbourhood.students.size() << " students in the neighbourhood");
    REQUIRE(tandem::match::is_feasible(problem, replanned));
    REQUIRE(moves_only_the_neighbourhood(replanned));
    CHECK(tandem::test::blocking_by_definition(problem, rankings, replanned).size() == fewest);
    CHECK(static_cast<int>(replanned.chosen.size()) == most_placed);
    ++judged;
    with_fixed_parties += plan.chosen.size() > neighbourhood.students.size() ? 1 : 0;
  }
  CHECK(judged == 600);
  CHECK(with_fixed_parties > 150); // the fixed part of the plan was there to be judged with
}
