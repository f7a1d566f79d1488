#include "match/assignment.hpp"

#include "match/lapjv.hpp"

#include "match/problem.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <queue>

namespace tandem::match {

namespace {

// A path cost: (rows assigned, weight) negated for minimisation and ordered
// lexicographically. Each row has a column of its own meaning "unassigned".
struct LexicographicCost {
  std::int64_t count = 0;
  double weight = 0;

  static constexpr bool has_unassigned_columns = true;
  static LexicographicCost of_edge(double edge_weight) { return {-1, -edge_weight}; }
  // A target's cost from what is stored of it: its weight part, and whether it is an "unassigned" column.
  static LexicographicCost of_target(double weight, bool unassigned) { return {unassigned ? 0 : -1, weight}; }
  static LexicographicCost infinite() { return {INT64_MAX / 4, 0}; }
  bool is_infinite() const { return count == INT64_MAX / 4; }
  // Below zero beyond rounding (`scale`: the size of the numbers involved).
  bool is_negative(double scale) const
  {
    return count < 0 || (count == 0 && weight < -1e-12 * (1 + std::abs(scale)));
  }

  friend LexicographicCost operator+(LexicographicCost a, LexicographicCost b)
  {
    return {a.count + b.count, a.weight + b.weight};
  }
  friend LexicographicCost operator-(LexicographicCost a, LexicographicCost b)
  {
    return {a.count - b.count, a.weight - b.weight};
  }
  friend bool operator<(LexicographicCost a, LexicographicCost b)
  {
    return a.count != b.count ? a.count < b.count : a.weight < b.weight;
  }
  friend bool operator==(LexicographicCost a, LexicographicCost b) = default;
};

// The weight alone, for a complete graph with room for every row: every row
// is assigned in every optimum, so the count needs no keeping (nor the
// "unassigned" columns), which makes a dense problem about twice as fast.
struct WeightCost {
  double weight = 0;

  static constexpr bool has_unassigned_columns = false;
  static WeightCost of_edge(double edge_weight) { return {-edge_weight}; }
  static WeightCost of_target(double weight, bool /*unassigned: none*/) { return {weight}; }
  static WeightCost infinite() { return {HUGE_VAL}; }
  bool is_infinite() const { return weight == HUGE_VAL; }
  bool is_negative(double scale) const { return weight < -1e-12 * (1 + std::abs(scale)); }

  friend WeightCost operator+(WeightCost a, WeightCost b) { return {a.weight + b.weight}; }
  friend WeightCost operator-(WeightCost a, WeightCost b) { return {a.weight - b.weight}; }
  friend bool operator<(WeightCost a, WeightCost b) { return a.weight < b.weight; }
  friend bool operator==(WeightCost a, WeightCost b) = default;
};

// Columns 0..C-1 are the openings; with LexicographicCost, column C + r is
// row r's own "unassigned" column (cost zero), so that every row ends assigned
// somewhere and a row may be pushed out of the plan when that serves the objective.
template <typename Cost>
class ShortestAugmentingPaths {
public:
  ShortestAugmentingPaths(int rows, const std::vector<int>& capacity, const std::vector<AssignmentEdge>& edges)
      : m_rows(rows), m_openings(static_cast<int>(capacity.size()))
  {
    const int columns = m_openings + (Cost::has_unassigned_columns ? rows : 0);
    m_capacity = capacity;
    m_capacity.resize(at(columns), 1);
    m_first_edge.assign(at(rows) + 1, 0);
    for (const auto& edge : edges) {
      ++m_first_edge[at(edge.row) + 1];
    }
    for (std::size_t row = 0; row < at(rows); ++row) {
      m_first_edge[row + 1] += m_first_edge[row] + (Cost::has_unassigned_columns ? 1 : 0);
    }
    m_target_column.resize(at(m_first_edge.back()));
    m_target_weight.resize(at(m_first_edge.back()));
    m_target_edge.resize(at(m_first_edge.back()));
    m_target_of_edge.resize(edges.size());
    std::vector<int> fill(m_first_edge.begin(), m_first_edge.end() - 1);
    for (std::size_t index = 0; index < edges.size(); ++index) {
      const auto& edge = edges[index];
      m_target_of_edge[index] = fill[at(edge.row)];
      const auto target = at(fill[at(edge.row)]++);
      m_target_column[target] = edge.column;
      m_target_weight[target] = Cost::of_edge(edge.weight).weight;
      m_target_edge[target] = static_cast<int>(index);
    }
    for (int row = 0; row < rows && Cost::has_unassigned_columns; ++row) {
      const auto target = at(fill[at(row)]++);
      m_target_column[target] = m_openings + row;
      m_target_weight[target] = Cost{}.weight;
      m_target_edge[target] = -1;
    }

    m_row_potential.assign(at(rows), Cost{});
    // Every column starts at one potential, the lowest cost: reduced costs >= 0.
    Cost lowest = m_target_column.empty() ? Cost{} : cost_of(0);
    for (int target = 0; target < static_cast<int>(m_target_column.size()); ++target) {
      lowest = std::min(lowest, cost_of(target));
    }
    m_column_potential.assign(at(columns), lowest);
    m_sink_potential = lowest;
    m_target_of_row.assign(at(rows), -1);
    m_rows_of_column.assign(at(columns), {});
    m_distance.assign(at(columns), Cost::infinite());
    m_previous_target.assign(at(columns), -1);
    m_finalised.assign(at(columns), 0);
  }

  std::vector<int> solve()
  {
    for (int row = 0; row < m_rows; ++row) {
      if (m_target_of_row[at(row)] < 0) {
        augment_from(row);
      }
    }
    std::vector<int> edge_of_row(at(m_rows), -1);
    for (std::size_t row = 0; row < at(m_rows); ++row) {
      edge_of_row[row] = m_target_edge[at(m_target_of_row[row])];
    }
    return edge_of_row;
  }

  // New weights for the same edges. The assignment and the column potentials
  // are kept; each row gets the potential that keeps its edge tight, and a row
  // for which another edge became better is let go, to be placed again by
  // solve(): after a small change of weights only a few rows move.
  void reweight(const std::vector<double>& weights)
  {
    for (std::size_t edge = 0; edge < weights.size(); ++edge) {
      m_target_weight[at(m_target_of_edge[edge])] = Cost::of_edge(weights[edge]).weight;
    }
    // A row keeps its edge while it stays a best one under the column potentials.
    for (int row = 0; row < m_rows; ++row) {
      const int held = m_target_of_row[at(row)];
      if (held < 0) {
        continue;
      }
      m_row_potential[at(row)] = m_column_potential[at(m_target_column[at(held)])] - cost_of(held);
      if (!all_reduced_costs_non_negative(row)) {
        let_go(row);
      }
    }
    // The sink's potential: at most that of any column with room, at least that
    // of any column holding rows; a column that would break the second loses its rows.
    m_sink_potential = Cost::infinite();
    for (std::size_t column = 0; column < m_capacity.size(); ++column) {
      if (has_room(static_cast<int>(column))) {
        m_sink_potential = std::min(m_sink_potential, m_column_potential[column]);
      }
    }
    for (std::size_t column = 0; column < m_capacity.size(); ++column) {
      if (m_sink_potential < m_column_potential[column]) {
        while (!m_rows_of_column[column].empty()) {
          let_go(m_rows_of_column[column].back());
        }
      }
    }
    for (int row = 0; row < m_rows; ++row) {
      if (m_target_of_row[at(row)] < 0) { // the potential that makes its best edge tight
        auto& potential = m_row_potential[at(row)];
        for (int index = m_first_edge[at(row)]; index < m_first_edge[at(row) + 1]; ++index) {
          const Cost needed = m_column_potential[at(m_target_column[at(index)])] - cost_of(index);
          potential = index == m_first_edge[at(row)] ? needed : std::max(potential, needed);
        }
      }
    }
  }

private:
  bool all_reduced_costs_non_negative(int row) const
  {
    for (int index = m_first_edge[at(row)]; index < m_first_edge[at(row) + 1]; ++index) {
      const Cost cost = cost_of(index);
      const Cost reduced = cost + m_row_potential[at(row)] - m_column_potential[at(m_target_column[at(index)])];
      if (reduced.is_negative(cost.weight)) {
        return false;
      }
    }
    return true;
  }

  void let_go(int row)
  {
    auto& holders = m_rows_of_column[at(column_of(row))];
    holders.erase(std::find(holders.begin(), holders.end(), row));
    m_target_of_row[at(row)] = -1;
  }

  // A target (an edge slot of a row) is stored in three arrays, its cost as
  // its weight part alone: the scans read the column and the weight, 12 bytes
  // where a struct with the whole cost and the edge took 32.
  Cost cost_of(int target) const
  {
    return Cost::of_target(m_target_weight[at(target)], m_target_column[at(target)] >= m_openings);
  }
  // Among columns at one distance, one with room comes first: it ends the
  // path at once (SciPy's linear_sum_assignment breaks ties the same way; with
  // whole-number costs ties are many, and this saves most of the search).
  struct Queued {
    Cost distance;
    bool full;
    int column;
    friend bool operator>(const Queued& a, const Queued& b)
    {
      if (a.distance < b.distance || b.distance < a.distance) {
        return b.distance < a.distance;
      }
      return a.full != b.full ? a.full : a.column > b.column;
    }
  };

  int column_of(int row) const { return m_target_column[at(m_target_of_row[at(row)])]; }

  void scan(int row, Cost row_distance)
  {
    for (int index = m_first_edge[at(row)]; index < m_first_edge[at(row) + 1]; ++index) {
      const int column = m_target_column[at(index)];
      if (m_finalised[at(column)] != 0) {
        continue;
      }
      const Cost reduced = cost_of(index) + m_row_potential[at(row)] - m_column_potential[at(column)];
      const Cost distance = row_distance + reduced;
      if (distance < m_distance[at(column)]) {
        if (m_distance[at(column)].is_infinite()) {
          m_touched.push_back(column);
        }
        m_distance[at(column)] = distance;
        m_previous_target[at(column)] = index;
        if constexpr (Cost::has_unassigned_columns) {
          m_queue.push({distance, !has_room(column), column});
        }
      }
    }
  }

  // The shortest path of one step, without the search: when the start row's
  // nearest column has room at the sink's potential, it ends the path (the
  // search would pop it first and stop). Most rows of a dense problem end so.
  bool take_nearest_column(int start)
  {
    int best = -1;
    Cost nearest = Cost::infinite();
    for (int index = m_first_edge[at(start)]; index < m_first_edge[at(start) + 1]; ++index) {
      const int column = m_target_column[at(index)];
      const Cost reduced = cost_of(index) + m_row_potential[at(start)] - m_column_potential[at(column)];
      if (reduced < nearest || (!(nearest < reduced) && has_room(column) && !has_room(m_target_column[at(best)]))) {
        nearest = reduced;
        best = index;
      }
    }
    const int column = m_target_column[at(best)];
    const Cost& potential = m_column_potential[at(column)];
    if (!has_room(column) || !(potential == m_sink_potential)) {
      return false;
    }
    m_row_potential[at(start)] = m_row_potential[at(start)] - nearest;
    reassign(start, best);
    return true;
  }

  // The reached column nearest the start that is not final yet (column -1
  // when none is left): from a heap, or, for a complete graph (every row
  // reaches every column), by a scan of the reached columns, as SciPy does.
  Queued nearest()
  {
    if constexpr (!Cost::has_unassigned_columns) {
      Queued best{Cost::infinite(), true, -1};
      for (const int column : m_touched) {
        if (m_finalised[at(column)] == 0) {
          const Queued candidate{m_distance[at(column)], !has_room(column), column};
          if (best.column < 0 || best > candidate) {
            best = candidate;
          }
        }
      }
      return best;
    }
    while (!m_queue.empty()) {
      const Queued next = m_queue.top();
      m_queue.pop();
      if (m_finalised[at(next.column)] == 0 && !(m_distance[at(next.column)] < next.distance)) {
        return next;
      }
    }
    return {Cost::infinite(), true, -1};
  }

  bool has_room(int column) const
  {
    return static_cast<int>(m_rows_of_column[at(column)].size()) < m_capacity[at(column)];
  }

  // One shortest path from `start` to a super-sink reached from every column
  // with room; the last step costs the column's potential above the sink's.
  void augment_from(int start)
  {
    if (take_nearest_column(start)) {
      return;
    }
    scan(start, Cost{});
    m_scanned_rows.push_back(start);
    int sink = -1;
    Cost total = Cost::infinite();
    for (Queued next = nearest(); next.column >= 0; next = nearest()) {
      if (sink >= 0 && !(next.distance < total)) {
        break; // every last step costs >= 0: nothing further can end a shorter path
      }
      m_finalised[at(next.column)] = 1;
      m_finalised_columns.push_back(next.column);
      if (has_room(next.column)) {
        const Cost through = next.distance + m_column_potential[at(next.column)] - m_sink_potential;
        if (through < total) {
          total = through;
          sink = next.column;
        }
      }
      for (const int row : m_rows_of_column[at(next.column)]) {
        m_scanned_rows.push_back(row);
        scan(row, next.distance);
      }
    }

    // Potentials: p(x) += min(d(x), D) - D keeps every reduced cost >= 0 and
    // every assigned edge tight.
    for (const int column : m_finalised_columns) {
      m_column_potential[at(column)] = m_column_potential[at(column)] + m_distance[at(column)] - total;
    }
    for (const int row : m_scanned_rows) {
      const Cost distance = row == start ? Cost{} : m_distance[at(column_of(row))];
      m_row_potential[at(row)] = m_row_potential[at(row)] + distance - total;
    }

    for (int column = sink;;) {
      const int target = m_previous_target[at(column)];
      const int row = row_of_target(target);
      const int previous_column = row == start ? -1 : column_of(row);
      reassign(row, target);
      if (previous_column < 0) {
        break;
      }
      column = previous_column;
    }

    for (const int column : m_touched) {
      m_distance[at(column)] = Cost::infinite();
      m_previous_target[at(column)] = -1;
      m_finalised[at(column)] = 0;
    }
    m_touched.clear();
    m_finalised_columns.clear();
    m_scanned_rows.clear();
    m_queue = {};
  }

  int row_of_target(int target) const
  {
    const auto after = std::upper_bound(m_first_edge.begin(), m_first_edge.end(), target);
    return static_cast<int>(after - m_first_edge.begin()) - 1;
  }

  void reassign(int row, int target)
  {
    if (m_target_of_row[at(row)] >= 0) {
      auto& holders = m_rows_of_column[at(column_of(row))];
      holders.erase(std::find(holders.begin(), holders.end(), row));
    }
    m_target_of_row[at(row)] = target;
    m_rows_of_column[at(m_target_column[at(target)])].push_back(row);
  }

  int m_rows;
  int m_openings;
  std::vector<int> m_capacity;
  std::vector<int> m_first_edge;
  std::vector<int> m_target_column;
  std::vector<double> m_target_weight; // the weight part of the target's cost
  std::vector<int> m_target_edge; // -1 for the unassigned column
  std::vector<int> m_target_of_edge;
  std::vector<Cost> m_row_potential;
  std::vector<Cost> m_column_potential;
  // The super-sink's: every column with room is at or above it, every column
  // holding rows at or below it. Kept by the updates; reweight() sets it.
  Cost m_sink_potential;
  std::vector<int> m_target_of_row;
  std::vector<std::vector<int>> m_rows_of_column;
  std::vector<Cost> m_distance;
  std::vector<int> m_previous_target; // the target (edge slot) that reached each column
  std::vector<char> m_finalised;
  std::vector<int> m_touched;
  std::vector<int> m_finalised_columns;
  std::vector<int> m_scanned_rows;
  std::priority_queue<Queued, std::vector<Queued>, std::greater<>> m_queue;
};

} // namespace

class AssignmentSolver::Impl : public ShortestAugmentingPaths<LexicographicCost> {
public:
  using ShortestAugmentingPaths::ShortestAugmentingPaths;
};

AssignmentSolver::AssignmentSolver(int rows, const std::vector<int>& capacity,
                                   const std::vector<AssignmentEdge>& edges)
    : m_impl(std::make_unique<Impl>(rows, capacity, edges))
{
}
AssignmentSolver::AssignmentSolver(AssignmentSolver&&) noexcept = default;
AssignmentSolver& AssignmentSolver::operator=(AssignmentSolver&&) noexcept = default;
AssignmentSolver::~AssignmentSolver() = default;

std::vector<int> AssignmentSolver::solve() { return m_impl->solve(); }
void AssignmentSolver::reweight(const std::vector<double>& weights) { m_impl->reweight(weights); }

namespace {

// Every row has an edge to every column, once, and the columns have room for
// every row: then every optimum assigns every row.
bool complete_with_room(int rows, const std::vector<int>& capacity, const std::vector<AssignmentEdge>& edges)
{
  const long slots = std::accumulate(capacity.begin(), capacity.end(), 0L);
  if (edges.size() != static_cast<std::size_t>(rows) * capacity.size() || slots < rows) {
    return false;
  }
  std::vector<char> seen(edges.size(), 0);
  for (const auto& edge : edges) {
    auto& mark = seen[at(edge.row) * capacity.size() + at(edge.column)];
    if (mark != 0) {
      return false;
    }
    mark = 1;
  }
  return true;
}

} // namespace

std::vector<int> maximise_assignment(int rows, const std::vector<int>& capacity,
                                     const std::vector<AssignmentEdge>& edges)
{
  // One slot per column: Jonker-Volgenant's method, dense or sparse (measured
  // faster here, docs/performance.md), unless some row turns out to have no
  // column left.
  if (std::all_of(capacity.begin(), capacity.end(), [](int slots) { return slots == 1; })) {
    if (auto assigned = assign_every_row(rows, static_cast<int>(capacity.size()), edges)) {
      return std::move(*assigned);
    }
  }
  if (complete_with_room(rows, capacity, edges)) {
    return ShortestAugmentingPaths<WeightCost>(rows, capacity, edges).solve();
  }
  return AssignmentSolver(rows, capacity, edges).solve();
}

} // namespace tandem::match
