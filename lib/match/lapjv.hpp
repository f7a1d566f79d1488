#pragma once

#include "match/assignment.hpp"

#include <optional>
#include <vector>

namespace tandem::match {

// The heaviest assignment of every row to a column of its own (columns with
// one slot each, rows <= columns), by Jonker and Volgenant's method: LAPJV for a
// complete table, as a cost matrix (SciPy's linear_sum_assignment runs the same
// shortest paths without the reductions, Crouse 2016), LAPJVsp (Volgenant 1996,
// SciPy's min_weight_full_bipartite_matching) otherwise. Column reduction with
// reduction transfer, two passes of augmenting row
// reduction, then shortest augmenting paths from the rows still free. Returns
// each row's edge index, or std::nullopt when some row cannot be given a column
// (then the general solver, which also maximises how many rows are assigned, is
// the one to use).
std::optional<std::vector<int>> assign_every_row(int rows, int columns, const std::vector<AssignmentEdge>& edges);

} // namespace tandem::match
