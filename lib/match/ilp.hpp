#pragma once

#include "match/optimal.hpp"

namespace tandem::match {

// Closes what the Lagrangian bound leaves open with an integer program solved
// by COIN-OR CBC: first the number of international students placed, then,
// with that number fixed, the score. `solution` (the best plan so far) is the
// solver's starting point and is replaced by anything better; `optimal` and
// the bounds are set from what CBC proves within `node_limit` nodes.
void improve_by_ilp(const Problem& problem, int node_limit, Solution& solution);

} // namespace tandem::match
