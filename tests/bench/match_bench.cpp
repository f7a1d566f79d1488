// Times the stages of `tandem match` on a workspace (made, for instance, by
// make_match_workspace.py): reading, candidates and scores, the solver.
// usage: bench_match WORKSPACE [optimal|stable] [LAGRANGIAN_ITERATIONS [BOUND_STEPS]]
// (BOUND_STEPS: of a shortlist's bound, OptimalLimits::bound_steps)
#include "io/diagnostics.hpp"
#include "match/candidates.hpp"
#include "match/optimal.hpp"
#include "match/stable.hpp"
#include "workspace/load.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start)
{
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
  using namespace tandem;
  if (argc < 2) {
    std::cerr << "usage: bench_match WORKSPACE [optimal|stable]\n";
    return 2;
  }
  const bool stable = argc > 2 && std::string(argv[2]) == "stable";
  auto start = std::chrono::steady_clock::now();
  io::Diagnostics diagnostics;
  const auto workspace = workspace::load_workspace(workspace::WorkspacePaths(argv[1]), diagnostics);
  if (diagnostics.has_errors()) {
    diagnostics.print(std::cerr);
    return 1;
  }
  std::printf("read:       %7.3f s\n", seconds_since(start));
  start = std::chrono::steady_clock::now();
  auto input = match::prepare_match(workspace, {});
  match::add_scored_candidates(input);
  std::printf("candidates: %7.3f s  (%zu candidates, %d international, %d domestic, %zu openings)\n",
              seconds_since(start), input.problem.candidates.size(), input.problem.internationals,
              input.problem.domestics, input.problem.capacity.size());
  start = std::chrono::steady_clock::now();
  if (stable) {
    const auto rankings = match::rank_candidates(input);
    std::printf("rankings:   %7.3f s\n", seconds_since(start));
    std::fflush(stdout);
    const auto solution = match::solve_stable(input.problem, rankings);
    const auto objective = match::objective_of(input.problem, solution.plan);
    std::printf("stable:     %7.3f s  placed %d, score %.6f, blocking %zu (time with the rankings)\n",
                seconds_since(start), objective.placed, objective.score, solution.blocking.size());
    return 0;
  }
  match::OptimalLimits limits;
  if (argc > 3) {
    limits.lagrangian_iterations = std::stoi(argv[3]);
    limits.lagrangian_min_iterations = limits.lagrangian_iterations;
  }
  if (argc > 4) {
    limits.bound_steps = std::stoi(argv[4]);
  }
  const auto solution = match::solve_optimal(input.problem, limits);
  const double gap = solution.bound_holds
                       ? (solution.bound - solution.objective.score) / std::abs(solution.bound)
                       : NAN;
  std::printf("optimal:    %7.3f s  placed %d (bound %d), score %.6f, bound %.6f, gap %.4f%%, proven %s\n",
              seconds_since(start), solution.objective.placed, solution.placed_bound, solution.objective.score,
              solution.bound, 100 * gap, solution.optimal ? "yes" : "no");
  return 0;
}
