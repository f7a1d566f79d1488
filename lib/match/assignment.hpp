#pragma once

#include <memory>
#include <vector>

namespace tandem::match {

// One allowed assignment of a row (an international student) to a column (an
// opening with a capacity), worth `weight`.
struct AssignmentEdge {
  int row = 0;
  int column = 0;
  double weight = 0;
};

// Solves the rectangular transportation problem exactly: every row takes at
// most one edge, every column at most its capacity; first as many rows as
// possible are assigned, then the total weight is as large as possible.
// Returns, for each row, the index of its edge in `edges`, or -1.
//
// Shortest augmenting paths with potentials (Jonker-Volgenant / Crouse 2016,
// the method of SciPy's linear_sum_assignment) on a sparse graph, with
// columns of any capacity and costs that are pairs (rows assigned, weight)
// compared lexicographically, so the two-level objective needs no big-M
// constant and the weights are optimised exactly as given.
std::vector<int> maximise_assignment(int rows, const std::vector<int>& capacity,
                                     const std::vector<AssignmentEdge>& edges);

// The same, kept between solves of one graph whose weights change (the
// Lagrangian bound solves one after each step): reweight() keeps what still
// holds, and solve() finishes from there.
class AssignmentSolver {
public:
  AssignmentSolver(int rows, const std::vector<int>& capacity, const std::vector<AssignmentEdge>& edges);
  AssignmentSolver(AssignmentSolver&&) noexcept;
  AssignmentSolver& operator=(AssignmentSolver&&) noexcept;
  ~AssignmentSolver();

  std::vector<int> solve();
  void reweight(const std::vector<double>& weights); // one per edge, in the order given

private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace tandem::match
