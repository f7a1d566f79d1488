#pragma once

#include "match/problem.hpp"

#include <random>

// Independent references for the matching tests: plain enumeration of every
// plan, written without any of the solvers' code.
namespace tandem::test {

struct Sizes {
  int internationals;
  int domestics;
  int openings;
};

// A random problem: every candidate present with probability `density`,
// scores with fractions, negatives and ties, capacities 1-2.
match::Problem random_problem(std::mt19937& random, Sizes sizes, double density);

// The best objective over every plan, by enumerating them all.
match::Objective exhaustive_best(const match::Problem& problem);

} // namespace tandem::test

#include "io/progress.hpp"
#include "match/stable.hpp"

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::test {

// Keeps the stages a solver reports (from any of its threads).
class StageLog : public io::ProgressSink {
public:
  void report(std::string_view stage, std::string_view detail) override
  {
    const std::lock_guard lock(m_mutex);
    stages.emplace_back(stage);
    details.emplace_back(detail);
  }
  // Read once the solver has returned.
  std::vector<std::string> stages;
  std::vector<std::string> details; // of each stage reported

private:
  std::mutex m_mutex;
};

// Random strict preferences of every party over its candidates.
match::Rankings random_rankings(std::mt19937& random, const match::Problem& problem);

// Every plan that keeps rules 8 and 9, by enumeration.
std::vector<match::Plan> every_plan(const match::Problem& problem);

// Blocking candidates of a plan, from the definition: not in the plan; its
// international student prefers it to their placement (or has none); its
// opening has a free slot, or prefers it to one it holds (for the student's
// own slot there: prefers it to the student's current candidate); its
// partner, if any, has no placement or prefers it to theirs.
std::vector<int> blocking_by_definition(const match::Problem& problem, const match::Rankings& rankings,
                                        const match::Plan& plan);

} // namespace tandem::test
