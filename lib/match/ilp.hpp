#pragma once

#include "match/optimal.hpp"

namespace tandem::match {

// Closes what the Lagrangian bound leaves open with an integer program solved
// by COIN-OR CBC: first the number of international students placed, then,
// with that number fixed, the score. `solution` (the best plan so far) is
// replaced by anything better; `optimal` and the bounds are set from what CBC
// proves within `node_limit` nodes. (The plan is not handed to CBC as a MIP
// start: CBC 2.10's C interface failed on one, "Illegal index in
// ClpModel::getColumnName", and then reported a wrong optimum.)
void improve_by_ilp(const Problem& problem, int node_limit, Solution& solution);

} // namespace tandem::match
