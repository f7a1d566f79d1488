#pragma once

#include "match/candidates.hpp"
#include "match/optimal.hpp"
#include "match/stable.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tandem::match {

enum class Method { optimal, stable };

struct ProposedPlacement {
  std::string id;
  int candidate = 0;
};

struct UnplacedStudent {
  std::string id;
  std::string reason;
};

// What a run of `match` decided, ready for any output format.
struct MatchResult {
  Method method = Method::optimal;
  std::vector<ProposedPlacement> placements; // by opening, then student
  Objective objective;
  bool optimal = false;
  int placed_bound = 0;
  std::optional<double> bound; // none when the number placed is not proven
  std::vector<int> blocking;   // --method stable: candidates that block the plan
  bool blocking_minimum_proven = false; // --method stable: no plan has fewer blocking candidates
  std::vector<UnplacedStudent> unplaced;
  std::vector<std::string> kept; // proposed rows kept as they are
};

MatchResult result_of(const MatchInput& input, const Solution& solution);
MatchResult result_of(const MatchInput& input, const StableSolution& solution);

// The short reason a student cannot take an opening on their own terms, or an
// empty string when only a partner is missing ("rule 2 (field): ...").
std::string own_rule_breach(const MatchInput& input, const model::Student& student, std::size_t opening);

// "p012 at Kokkola Steel Oy (confirmed)": a placement of the workspace in a reason.
std::string placement_summary(const workspace::Workspace& workspace, const model::Placement& placement);

} // namespace tandem::match
