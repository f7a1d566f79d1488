#include "match/compare.hpp"

#include "match/candidates.hpp"
#include "match/format.hpp"

#include <fmt/format.h>

#include <map>

namespace tandem::match {

namespace {

// Each placed international student's candidate in a plan, by student index.
std::map<int, int> placed_candidates(const MatchInput& input, const MatchResult& result)
{
  std::map<int, int> placed;
  for (const auto& placement : result.placements) {
    placed[input.problem.candidates[at(placement.candidate)].international] = placement.candidate;
  }
  return placed;
}

std::string where(const MatchInput& input, const std::map<int, int>& placed, int international)
{
  const auto found = placed.find(international);
  if (found == placed.end()) {
    return "not placed";
  }
  const auto& candidate = input.problem.candidates[at(found->second)];
  const auto* partner = input.domestic_of(candidate);
  const auto& opening = input.opening_of(candidate);
  return fmt::format("{} at {}{} ({:.2f})", opening.title.empty() ? opening.id : opening.title,
                     input.company_of(candidate).name,
                     partner ? " with " + input.workspace->student_name(partner->id) : std::string(" solo"),
                     candidate.score);
}

} // namespace

std::string compare_plans(const MatchInput& input, const MatchResult& optimal, const MatchResult& stable)
{
  Plan optimal_plan;
  for (const auto& placement : optimal.placements) {
    optimal_plan.chosen.push_back(placement.candidate);
  }
  std::sort(optimal_plan.chosen.begin(), optimal_plan.chosen.end());
  const auto optimal_blocking = blocking_candidates(input.problem, rank_candidates(input), optimal_plan).size();

  std::string out = fmt::format("{:<24} {:>12} {:>12}\n", "", "optimal", "stable");
  out += fmt::format("{:<24} {:>12} {:>12}\n", "students placed", optimal.objective.placed, stable.objective.placed);
  out += fmt::format("{:<24} {:>12.2f} {:>12.2f}\n", "total score", optimal.objective.score, stable.objective.score);
  out += fmt::format("{:<24} {:>12} {:>12}\n", "blocking pairs", optimal_blocking, stable.blocking.size());
  out += fmt::format("{:<24} {:>12} {:>12}\n", "proven", optimal.optimal ? "optimal" : "no",
                     stable.blocking_minimum_proven ? "fewest" : "no");

  const auto in_optimal = placed_candidates(input, optimal);
  const auto in_stable = placed_candidates(input, stable);
  std::vector<std::string> lines;
  for (int international = 0; international < input.problem.internationals; ++international) {
    const auto a = in_optimal.find(international);
    const auto b = in_stable.find(international);
    const int candidate_a = a == in_optimal.end() ? -1 : a->second;
    const int candidate_b = b == in_stable.end() ? -1 : b->second;
    if (candidate_a == candidate_b) {
      continue;
    }
    const auto& student = *input.internationals[at(international)];
    lines.push_back(fmt::format("  {} ({})\n    optimal: {}\n    stable:  {}\n",
                                input.workspace->student_name(student.id), student.id,
                                where(input, in_optimal, international), where(input, in_stable, international)));
  }
  if (lines.empty()) {
    return out + "\nthe two plans place every student alike\n";
  }
  out += fmt::format("\n{} student(s) placed differently:\n", lines.size());
  for (const auto& line : lines) {
    out += line;
  }
  return out;
}

} // namespace tandem::match
