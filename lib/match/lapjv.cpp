#include "match/lapjv.hpp"

#include "match/problem.hpp"

#include <algorithm>
#include <limits>

namespace tandem::match {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr int none = -1;

// The two shapes of graph the method runs on. Each gives a row's entries (an
// entry: a column, a cost, and where it came from in the caller's edges) to a
// visitor; costs are minus the weights, minimised.

// Any graph, row by row (compressed sparse rows).
class SparseRows {
public:
  SparseRows(int rows, const std::vector<AssignmentEdge>& edges) : m_first(at(rows) + 1, 0)
  {
    for (const auto& e : edges) {
      ++m_first[at(e.row) + 1];
    }
    for (std::size_t r = 0; r < at(rows); ++r) {
      m_first[r + 1] += m_first[r];
    }
    m_column.resize(edges.size());
    m_cost.resize(edges.size());
    m_edge.resize(edges.size());
    std::vector<int> next(m_first.begin(), m_first.end() - 1);
    for (std::size_t index = 0; index < edges.size(); ++index) {
      const auto& e = edges[index];
      const int slot = next[at(e.row)]++;
      m_column[at(slot)] = e.column;
      m_cost[at(slot)] = -e.weight;
      m_edge[at(slot)] = static_cast<int>(index);
    }
  }

  template <typename Visit> void for_each_entry(int row, Visit&& visit) const
  {
    const int end = m_first[at(row) + 1];
    const int* columns = m_column.data();
    const double* costs = m_cost.data();
    for (int k = m_first[at(row)]; k < end; ++k) {
      visit(k, columns[k], costs[k]);
    }
  }

  int column(int entry) const { return m_column[at(entry)]; }
  double cost(int entry) const { return m_cost[at(entry)]; }
  int edge(int entry) const { return m_edge[at(entry)]; }

private:
  std::vector<int> m_first; // row r's entries: m_first[r] .. m_first[r + 1] - 1
  std::vector<int> m_column;
  std::vector<double> m_cost;
  std::vector<int> m_edge;
};

// Every row has an edge to every column: a cost matrix, the entry of (row,
// column) at row * columns + column, so no column indices are stored or read.
class DenseRows {
public:
  DenseRows(int rows, int columns, const std::vector<AssignmentEdge>& edges) : m_columns(columns)
  {
    m_cost.reserve(edges.size());
    for (std::size_t index = 0; index < edges.size(); ++index) {
      const auto& e = edges[index];
      if (static_cast<std::size_t>(e.row) * at(columns) + at(e.column) != index) {
        break; // not row by row: placed one by one below
      }
      m_cost.push_back(-e.weight);
    }
    if (m_cost.size() == edges.size()) {
      return; // row by row, as a table is read: entry = edge, nothing more to keep
    }
    m_cost.assign(at(rows) * at(columns), infinity);
    m_edge.assign(m_cost.size(), none);
    for (std::size_t index = 0; index < edges.size(); ++index) {
      const auto& e = edges[index];
      const std::size_t entry = at(e.row) * at(columns) + at(e.column);
      m_cost[entry] = -e.weight;
      m_edge[entry] = static_cast<int>(index);
    }
  }

  template <typename Visit> void for_each_entry(int row, Visit&& visit) const
  {
    const int offset = row * m_columns;
    const double* costs = m_cost.data() + offset;
    for (int j = 0; j < m_columns; ++j) {
      visit(offset + j, j, costs[j]);
    }
  }

  int column(int entry) const { return entry % m_columns; }
  double cost(int entry) const { return m_cost[at(entry)]; }
  int edge(int entry) const { return m_edge.empty() ? entry : m_edge[at(entry)]; }

private:
  int m_columns;
  std::vector<double> m_cost;
  std::vector<int> m_edge; // empty when the edges came row by row
};

// Jonker and Volgenant's method on either shape: column reduction with
// reduction transfer and two passes of augmenting row reduction (square
// problems only), then a shortest augmenting path from each row still free.
// The path search is Dijkstra's without a heap: the columns at the current
// least distance are scanned as a batch (with whole-number scores there are
// many), and only when they run out is the least distance found again, by one
// pass over the columns reached and not yet scanned.
template <typename Graph> class JonkerVolgenant {
public:
  JonkerVolgenant(int rows, int columns, const Graph& graph)
      : m_rows(rows), m_graph(graph), m_v(at(columns), 0.0), m_x(at(rows), none), m_y(at(columns), none),
        m_entry_of_row(at(rows), none), m_d(at(columns), infinity), m_pred(at(columns), none),
        m_pred_row(at(columns), none), m_final(at(columns), 0)
  {
  }

  bool solve()
  {
    // The reductions price columns as if every one will be taken: right for a
    // square problem only. With spare columns every free column must keep one
    // price (0) for the paths to stay shortest (Crouse 2016), so then the paths
    // start from nothing.
    std::vector<int> free_rows;
    if (at(m_rows) == m_v.size()) {
      free_rows = column_reduction();
      for (int pass = 0; pass < 2 && !free_rows.empty(); ++pass) {
        free_rows = augmenting_row_reduction(free_rows);
      }
    } else {
      for (int row = 0; row < m_rows; ++row) {
        free_rows.push_back(row);
      }
    }
    for (const int row : free_rows) {
      if (!augment(row)) {
        return false;
      }
    }
    return true;
  }

  std::vector<int> edge_of_row() const
  {
    std::vector<int> edges(at(m_rows), none);
    for (std::size_t row = 0; row < edges.size(); ++row) {
      edges[row] = m_graph.edge(m_entry_of_row[row]);
    }
    return edges;
  }

private:
  // v_j = the cheapest entry of column j; each column's cheapest row takes it
  // when that row has nothing yet. Every reduced cost is then >= 0. A row
  // that took one column only passes the slack to it (reduction transfer):
  // the column's price drops to what makes the row indifferent between it and
  // its next best, so other rows find it dearer to take away.
  std::vector<int> column_reduction()
  {
    std::vector<int> cheapest(m_v.size(), none);
    std::vector<int> cheapest_row(m_v.size(), none);
    std::fill(m_v.begin(), m_v.end(), infinity);
    for (int row = 0; row < m_rows; ++row) {
      m_graph.for_each_entry(row, [&](int k, int j, double cost) {
        if (cost < m_v[at(j)]) {
          m_v[at(j)] = cost;
          cheapest[at(j)] = k;
          cheapest_row[at(j)] = row;
        }
      });
    }
    std::vector<int> columns_taken(at(m_rows), 0);
    for (std::size_t j = m_v.size(); j-- > 0;) {
      if (cheapest[j] == none) {
        m_v[j] = 0; // a column no row can take: never reached
        continue;
      }
      const int row = cheapest_row[j];
      ++columns_taken[at(row)];
      if (m_x[at(row)] == none) {
        assign(row, cheapest[j]);
      }
    }
    std::vector<int> free_rows;
    for (int row = 0; row < m_rows; ++row) {
      if (m_x[at(row)] == none) {
        free_rows.push_back(row);
      } else if (columns_taken[at(row)] == 1) {
        transfer_reduction(row);
      }
    }
    return free_rows;
  }

  void transfer_reduction(int row)
  {
    const int own = m_x[at(row)];
    double next_best = infinity;
    m_graph.for_each_entry(row, [&](int, int j, double cost) {
      if (j != own) {
        next_best = std::min(next_best, cost - m_v[at(j)]);
      }
    });
    if (next_best < infinity) {
      m_v[at(own)] = m_graph.cost(m_entry_of_row[at(row)]) - next_best;
    }
  }

  // Each free row takes its cheapest column, lowering that column's price to
  // the row's second cheapest; whoever held it becomes free (and tries again
  // at once when the price moved).
  std::vector<int> augmenting_row_reduction(const std::vector<int>& free_rows)
  {
    std::vector<int> still_free;
    std::vector<int> queue(free_rows.rbegin(), free_rows.rend());
    std::size_t steps = 0;
    const std::size_t step_limit = 4 * free_rows.size() + 16; // the passes are a head start, not the method
    while (!queue.empty()) {
      const int row = queue.back();
      queue.pop_back();
      if (++steps > step_limit) {
        still_free.push_back(row);
        continue;
      }
      double u1 = infinity;
      double u2 = infinity;
      int k1 = none;
      int k2 = none;
      m_graph.for_each_entry(row, [&](int k, int j, double cost) {
        const double reduced = cost - m_v[at(j)];
        if (reduced < u2) {
          if (reduced < u1) {
            u2 = u1;
            k2 = k1;
            u1 = reduced;
            k1 = k;
          } else {
            u2 = reduced;
            k2 = k;
          }
        }
      });
      if (k1 == none || u1 == infinity) {
        still_free.push_back(row); // no column at all: augment() will say so
        continue;
      }
      int taken = k1;
      int j = m_graph.column(k1);
      int displaced = m_y[at(j)];
      const bool lowered = k2 != none && u1 < u2;
      if (lowered) {
        m_v[at(j)] -= u2 - u1;
      } else if (displaced != none && k2 != none) {
        taken = k2; // two columns at one price: take the second when the first is held
        j = m_graph.column(k2);
        displaced = m_y[at(j)];
      }
      if (displaced != none) {
        unassign(displaced);
        if (lowered) {
          queue.push_back(displaced);
        } else {
          still_free.push_back(displaced);
        }
      }
      assign(row, taken);
    }
    return still_free;
  }

  // Dijkstra's shortest path from `start` over the reduced costs to a free
  // column, then prices move and the path is flipped.
  bool augment(int start)
  {
    m_least = -infinity; // nothing is final before the first batch
    m_end = none;
    relax(start, 0.0);
    while (m_end == none) {
      if (m_batch.empty()) {
        if (!take_nearest_batch()) {
          break; // nothing left to reach: no free column for this row
        }
        continue;
      }
      const int j = m_batch.back();
      m_batch.pop_back();
      m_scanned.push_back(j);
      const int row = m_y[at(j)];
      relax(row, m_graph.cost(m_entry_of_row[at(row)]) - m_v[at(j)] - m_least);
    }
    const bool found = m_end != none;
    if (found) {
      for (const int j : m_scanned) {
        m_v[at(j)] += m_d[at(j)] - m_least;
      }
      for (int j = m_end;;) {
        const int row = m_pred_row[at(j)];
        const int previous = m_x[at(row)];
        assign(row, m_pred[at(j)]);
        if (row == start) {
          break;
        }
        j = previous;
      }
    }
    for (const int j : m_reached) {
      m_d[at(j)] = infinity;
      m_final[at(j)] = 0;
    }
    m_reached.clear();
    m_open.clear();
    m_batch.clear();
    m_scanned.clear();
    return found;
  }

  // Reaches the columns of `row`, whose own column lies `base` beyond the
  // least distance. A column reached at the least distance joins the batch
  // being scanned, or ends the search when it is free.
  void relax(int row, double base)
  {
    // Raw pointers: the compiler cannot tell that the pushes below leave these
    // arrays where they are, and would load them again for every entry.
    const unsigned char* final = m_final.data();
    const double* price = m_v.data();
    double* distance_of = m_d.data();
    m_graph.for_each_entry(row, [&](int k, int j, double cost) {
      if (final[j] != 0) {
        return;
      }
      const double distance = cost - price[j] - base;
      if (distance >= distance_of[j]) {
        return;
      }
      if (distance_of[j] == infinity) {
        m_reached.push_back(j);
        m_open.push_back(j);
      }
      distance_of[j] = distance;
      m_pred[at(j)] = k;
      m_pred_row[at(j)] = row;
      if (distance <= m_least && m_end == none) {
        take_into_batch(j);
      }
    });
  }

  // The least distance among the columns reached and not final; those at it
  // are the next batch. False when no column is left to reach.
  bool take_nearest_batch()
  {
    double nearest = infinity;
    std::size_t kept = 0;
    for (const int j : m_open) {
      if (m_final[at(j)] == 0) {
        m_open[kept++] = j;
        nearest = std::min(nearest, m_d[at(j)]);
      }
    }
    m_open.resize(kept);
    if (nearest == infinity) {
      return false;
    }
    m_least = nearest;
    for (const int j : m_open) {
      if (m_d[at(j)] == nearest && m_end == none) {
        take_into_batch(j);
      }
    }
    return true;
  }

  void take_into_batch(int j)
  {
    if (m_y[at(j)] == none) {
      m_end = j;
      return;
    }
    m_final[at(j)] = 1;
    m_batch.push_back(j);
  }

  void assign(int row, int entry)
  {
    const int j = m_graph.column(entry);
    m_x[at(row)] = j;
    m_y[at(j)] = row;
    m_entry_of_row[at(row)] = entry;
  }

  void unassign(int row)
  {
    m_y[at(m_x[at(row)])] = none;
    m_x[at(row)] = none;
    m_entry_of_row[at(row)] = none;
  }

  int m_rows;
  const Graph& m_graph;
  std::vector<double> m_v;       // column prices
  std::vector<int> m_x;          // row -> column
  std::vector<int> m_y;          // column -> row
  std::vector<int> m_entry_of_row;
  // The current search:
  double m_least = 0;            // the distance of the batch
  int m_end = none;              // the free column found
  std::vector<double> m_d;       // distances
  std::vector<int> m_pred;       // the entry that reached a column
  std::vector<int> m_pred_row;   // and its row
  std::vector<unsigned char> m_final; // the distance is the shortest
  std::vector<int> m_reached;    // columns reached (to reset)
  std::vector<int> m_open;       // reached, maybe not final
  std::vector<int> m_batch;      // at the least distance, to scan
  std::vector<int> m_scanned;
};

template <typename Graph>
std::optional<std::vector<int>> solve_on(int rows, int columns, const Graph& graph)
{
  JonkerVolgenant<Graph> solver(rows, columns, graph);
  if (!solver.solve()) {
    return std::nullopt;
  }
  return solver.edge_of_row();
}

} // namespace

std::optional<std::vector<int>> assign_every_row(int rows, int columns, const std::vector<AssignmentEdge>& edges)
{
  if (rows > columns) {
    return std::nullopt;
  }
  if (edges.size() == at(rows) * at(columns)) {
    return solve_on(rows, columns, DenseRows(rows, columns, edges));
  }
  return solve_on(rows, columns, SparseRows(rows, edges));
}

} // namespace tandem::match
