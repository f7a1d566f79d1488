#include "match/result.hpp"

#include "match/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_set>

namespace tandem::match {

namespace {

// Ids of the form OPENING.STUDENT: readable, the same on every run, and unique
// (a student is placed once); a clash with an existing row gets -2, -3 ...
std::string new_placement_id(const MatchInput& input, const Candidate& candidate,
                             std::unordered_set<std::string>& used)
{
  const std::string base = input.opening_of(candidate).id + "." + input.international_of(candidate).id;
  std::string id = base;
  for (int suffix = 2; used.count(id) != 0; ++suffix) {
    id = fmt::format("{}-{}", base, suffix);
  }
  used.insert(id);
  return id;
}

MatchResult plan_result(const MatchInput& input, Method method, const Plan& plan)
{
  MatchResult result;
  result.method = method;
  result.objective = objective_of(input.problem, plan);
  std::unordered_set<std::string> used;
  const auto& placements = input.workspace->placements;
  for (std::size_t row = 0; row < placements.size(); ++row) {
    if (input.row_fates[row] != RowFate::replaced) {
      used.insert(placements[row].id);
    }
    if (input.row_fates[row] == RowFate::kept) {
      result.kept.push_back(placements[row].id);
    }
  }
  std::vector<int> chosen = plan.chosen;
  std::sort(chosen.begin(), chosen.end(), [&](int a, int b) {
    const auto& first = input.problem.candidates[at(a)];
    const auto& second = input.problem.candidates[at(b)];
    return std::pair(first.opening, input.international_of(first).id)
           < std::pair(second.opening, input.international_of(second).id);
  });
  for (const int index : chosen) {
    result.placements.push_back({new_placement_id(input, input.problem.candidates[at(index)], used), index});
  }
  return result;
}

std::string unplaced_reason(const MatchInput& input, const MatchResult& result, int international, int best);

void add_unplaced(const MatchInput& input, MatchResult& result)
{
  for (const auto& id : input.excluded_internationals) {
    result.unplaced.push_back({id, "left out of this run with --exclude"});
  }
  const auto& candidates = input.problem.candidates;
  std::vector<int> best(at(input.problem.internationals), -1); // each student's best-scoring candidate
  for (std::size_t index = 0; index < candidates.size(); ++index) {
    int& current = best[at(candidates[index].international)];
    if (current < 0 || candidates[at(current)].score < candidates[index].score) {
      current = static_cast<int>(index);
    }
  }
  std::vector<char> placed(at(input.problem.internationals), 0);
  for (const auto& placement : result.placements) {
    placed[at(candidates[at(placement.candidate)].international)] = 1;
  }
  for (int international = 0; international < input.problem.internationals; ++international) {
    if (placed[at(international)] == 0) {
      result.unplaced.push_back({input.internationals[at(international)]->id,
                                 unplaced_reason(input, result, international, best[at(international)])});
    }
  }
  std::sort(result.unplaced.begin(), result.unplaced.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
}

std::string join(const std::vector<std::string>& items)
{
  std::string out;
  for (const auto& item : items) {
    out += out.empty() ? item : ", " + item;
  }
  return out;
}

} // namespace

MatchResult result_of(const MatchInput& input, const Solution& solution)
{
  MatchResult result = plan_result(input, Method::optimal, solution.plan);
  result.optimal = solution.optimal;
  result.placed_bound = solution.placed_bound;
  if (solution.bound_holds) {
    result.bound = solution.bound;
  }
  add_unplaced(input, result);
  return result;
}

MatchResult result_of(const MatchInput& input, const StableSolution& solution)
{
  MatchResult result = plan_result(input, Method::stable, solution.plan);
  result.blocking = solution.blocking;
  result.blocking_minimum_proven = solution.minimum_proven;
  result.placed_bound = result.objective.placed;
  add_unplaced(input, result);
  return result;
}

std::string placement_summary(const workspace::Workspace& workspace, const model::Placement& placement)
{
  const auto* company = workspace.company_of(placement);
  return fmt::format("{} at {} ({})", placement.id, company ? company->name : placement.company_id,
                     model::to_string(placement.status));
}

std::string own_rule_breach(const MatchInput& input, const model::Student& student, std::size_t opening_index)
{
  const auto& opening = *input.openings[opening_index];
  if (const auto* busy = input.overlapping_real_placement(student, opening)) {
    return fmt::format("rule 8 (nobody twice): {} is already placed at the same time: {}", student.display_name(),
                       placement_summary(*input.workspace, *busy));
  }
  const bool takes_pairs = opening.kind != model::OpeningKind::solo;
  for (const auto& breach : check_candidate(opening, *input.companies[opening_index], student, nullptr,
                                            input.workspace->project->matching)) {
    const bool partner_could_mend = takes_pairs
                                    && (breach.rule == Rule::kind || breach.rule == Rule::languages
                                        || breach.rule == Rule::finnish);
    if (!partner_could_mend) {
      return fmt::format("rule {} ({}): {}", static_cast<int>(breach.rule), rule_name(breach.rule),
                         breach.explanation);
    }
  }
  return {};
}

namespace {

// The student's real placement that starts last, described; "" when none.
std::string latest_real_placement(const MatchInput& input, const model::Student& student)
{
  const model::Placement* latest = nullptr;
  for (const auto& placement : input.workspace->placements) {
    const bool theirs = placement.international_id == student.id || placement.domestic_id == student.id;
    if (theirs && placement.is_real() && (latest == nullptr || latest->start < placement.start)) {
      latest = &placement;
    }
  }
  return latest == nullptr ? "" : placement_summary(*input.workspace, *latest);
}

// Why a student of the run is not placed, in plain words; `best` is their
// best-scoring candidate, or -1.
std::string unplaced_reason(const MatchInput& input, const MatchResult& result, int international, int best)
{
  const auto& problem = input.problem;
  const auto& student = *input.internationals[at(international)];
  if (best < 0) {
    if (input.openings.empty()) {
      return "no opening of this run has a free slot";
    }
    std::map<std::string, int> counts;
    for (std::size_t opening = 0; opening < input.openings.size(); ++opening) {
      const auto breach = own_rule_breach(input, student, opening);
      ++counts[breach.empty() ? std::string("no allowed partner") : breach.substr(0, breach.find(':'))];
    }
    std::vector<std::string> parts;
    for (const auto& [rule, count] : counts) {
      parts.push_back(fmt::format("{} at {}", rule, count));
    }
    // A student whose placement is real is placed, whatever else the rules say.
    const std::string placed = latest_real_placement(input, student);
    return fmt::format("{}no allowed placement at the {} open opening(s): {}",
                       placed.empty() ? "" : "already placed: " + placed + "; ", input.openings.size(), join(parts));
  }

  // Allowed placements exist: the plan gave them to others.
  const auto& wanted = problem.candidates[at(best)];
  std::vector<std::string> holders;
  std::string partner_holder;
  for (const auto& placement : result.placements) {
    const auto& other = problem.candidates[at(placement.candidate)];
    if (other.opening == wanted.opening) {
      holders.push_back(input.international_of(other).display_name());
    }
    if (wanted.domestic != solo && other.domestic == wanted.domestic) {
      partner_holder = input.international_of(other).display_name();
    }
  }
  std::string why;
  if (static_cast<int>(holders.size()) >= problem.capacity[at(wanted.opening)]) {
    why = fmt::format("its slot(s) went to {}", join(holders));
  } else if (!partner_holder.empty()) {
    why = fmt::format("{} is placed with {}", input.domestic_of(wanted)->display_name(), partner_holder);
  } else {
    why = "it was free, yet taking it would not improve the plan";
  }
  return fmt::format("every allowed placement went to others; the best, {}: {}", input.describe_place(wanted), why);
}

} // namespace

} // namespace tandem::match
