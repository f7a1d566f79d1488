#pragma once

#include "match/assignment.hpp"

#include <optional>
#include <vector>

namespace tandem::match {

// The heaviest assignment of every row to a column of its own (columns with
// one slot each, rows <= columns), by Jonker and Volgenant's method for sparse
// graphs (LAPJVsp, Volgenant 1996; the method of SciPy's
// min_weight_full_bipartite_matching): column reduction, two passes of
// augmenting row reduction, then shortest augmenting paths from the rows still
// free, the nearest reached column taken from a heap. Returns each row's edge index, or
// std::nullopt when some row cannot be given a column (then the general
// solver, which also maximises how many rows are assigned, is the one to use).
std::optional<std::vector<int>> assign_every_row(int rows, int columns, const std::vector<AssignmentEdge>& edges);

} // namespace tandem::match
