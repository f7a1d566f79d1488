#include "match/lapjv.hpp"

#include "match/problem.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>
#include <limits>

namespace tandem::match {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr int none = -1;

// The graph row by row (compressed sparse rows), costs = the heaviest weight
// minus the weight, so every cost is >= 0 (each row takes one edge: the same
// constant in every full assignment), minimised.
struct SparseRows {
  std::vector<int> first;   // row r's entries: first[r] .. first[r + 1] - 1
  std::vector<int> column;  // per entry
  std::vector<double> cost; // per entry
  std::vector<int> edge;    // per entry: the index in the caller's edges

  SparseRows(int rows, const std::vector<AssignmentEdge>& edges) : first(at(rows) + 1, 0)
  {
    for (const auto& e : edges) {
      ++first[at(e.row) + 1];
    }
    for (std::size_t r = 0; r < at(rows); ++r) {
      first[r + 1] += first[r];
    }
    column.resize(edges.size());
    cost.resize(edges.size());
    edge.resize(edges.size());
    double heaviest = 0;
    for (const auto& e : edges) {
      heaviest = std::max(heaviest, e.weight);
    }
    std::vector<int> next(first.begin(), first.end() - 1);
    for (std::size_t index = 0; index < edges.size(); ++index) {
      const auto& e = edges[index];
      const int slot = next[at(e.row)]++;
      column[at(slot)] = e.column;
      cost[at(slot)] = heaviest - e.weight;
      edge[at(slot)] = static_cast<int>(index);
    }
  }
};

class JonkerVolgenant {
public:
  JonkerVolgenant(int rows, int columns, const SparseRows& graph)
      : m_rows(rows), m_graph(graph), m_v(at(columns), 0.0), m_x(at(rows), none), m_y(at(columns), none),
        m_entry_of_row(at(rows), none), m_d(at(columns), infinity), m_pred(at(columns), none),
        m_state(at(columns), unreached)
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
      edges[row] = m_graph.edge[at(m_entry_of_row[row])];
    }
    return edges;
  }

private:
  enum State : unsigned char { unreached, reached, scanned };

  // v_j = the cheapest entry of column j; each column's cheapest row takes it
  // when that row has nothing yet. Every reduced cost is then >= 0.
  std::vector<int> column_reduction()
  {
    std::vector<int> cheapest(m_v.size(), none);
    std::fill(m_v.begin(), m_v.end(), infinity);
    for (int row = 0; row < m_rows; ++row) {
      for (int k = m_graph.first[at(row)]; k < m_graph.first[at(row) + 1]; ++k) {
        const int j = m_graph.column[at(k)];
        if (m_graph.cost[at(k)] < m_v[at(j)]) {
          m_v[at(j)] = m_graph.cost[at(k)];
          cheapest[at(j)] = k;
        }
      }
    }
    for (std::size_t j = m_v.size(); j-- > 0;) {
      if (cheapest[j] == none) {
        m_v[j] = 0; // a column no row can take: never reached
        continue;
      }
      const int row = row_of_entry(cheapest[j]);
      if (m_x[at(row)] == none) {
        assign(row, cheapest[j]);
      }
    }
    std::vector<int> free_rows;
    for (int row = 0; row < m_rows; ++row) {
      if (m_x[at(row)] == none) {
        free_rows.push_back(row);
      }
    }
    return free_rows;
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
      for (int k = m_graph.first[at(row)]; k < m_graph.first[at(row) + 1]; ++k) {
        const double reduced = m_graph.cost[at(k)] - m_v[at(m_graph.column[at(k)])];
        if (reduced < u1) {
          u2 = u1;
          k2 = k1;
          u1 = reduced;
          k1 = k;
        } else if (reduced < u2) {
          u2 = reduced;
          k2 = k;
        }
      }
      if (k1 == none) {
        still_free.push_back(row); // no column at all: augment() will say so
        continue;
      }
      int taken = k1;
      int j = m_graph.column[at(k1)];
      int displaced = m_y[at(j)];
      const bool lowered = k2 != none && u1 < u2;
      if (lowered) {
        m_v[at(j)] -= u2 - u1;
      } else if (displaced != none && k2 != none) {
        taken = k2; // two columns at one price: take the second when the first is held
        j = m_graph.column[at(k2)];
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
  // column; the reached columns kept in arrays, the nearest found by scanning
  // the ones reached (LAPJVsp). Then prices move and the path is flipped.
  bool augment(int start)
  {
    std::vector<int> touched; // columns reached, to reset
    // Reached, not yet scanned: a heap of (distance, free last, column), stale
    // entries skipped when popped.
    using Entry = std::tuple<double, bool, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> frontier;
    const auto relax = [&](int row, double base) {
      for (int k = m_graph.first[at(row)]; k < m_graph.first[at(row) + 1]; ++k) {
        const int j = m_graph.column[at(k)];
        if (m_state[at(j)] == scanned) {
          continue;
        }
        const double distance = base + m_graph.cost[at(k)] - m_v[at(j)];
        if (m_state[at(j)] == unreached) {
          m_state[at(j)] = reached;
          touched.push_back(j);
        } else if (distance >= m_d[at(j)]) {
          continue;
        }
        m_d[at(j)] = distance;
        m_pred[at(j)] = k;
        frontier.push({distance, m_y[at(j)] != none, j}); // among equals, a free column first
      }
    };
    relax(start, 0.0);
    int end = none;
    double shortest = 0;
    std::vector<int> scanned_columns;
    while (!frontier.empty()) {
      const double distance = std::get<0>(frontier.top());
      const int j = std::get<2>(frontier.top());
      frontier.pop();
      if (m_state[at(j)] == scanned || distance > m_d[at(j)]) {
        continue; // already scanned, or reached again at a shorter distance
      }
      shortest = distance;
      if (m_y[at(j)] == none) {
        end = j;
        break;
      }
      m_state[at(j)] = scanned;
      scanned_columns.push_back(j);
      const int row = m_y[at(j)];
      const int held = m_entry_of_row[at(row)];
      relax(row, shortest - (m_graph.cost[at(held)] - m_v[at(j)]));
    }
    if (end != none) {
      for (const int j : scanned_columns) {
        m_v[at(j)] += m_d[at(j)] - shortest;
      }
      for (int j = end;;) {
        const int k = m_pred[at(j)];
        const int row = row_of_entry(k);
        const int previous = m_x[at(row)];
        assign(row, k);
        if (row == start) {
          break;
        }
        j = previous;
      }
    }
    for (const int j : touched) {
      m_d[at(j)] = infinity;
      m_state[at(j)] = unreached;
      m_pred[at(j)] = none;
    }
    return end != none;
  }

  int row_of_entry(int k) const
  {
    const auto after = std::upper_bound(m_graph.first.begin(), m_graph.first.end(), k);
    return static_cast<int>(after - m_graph.first.begin()) - 1;
  }

  void assign(int row, int entry)
  {
    const int j = m_graph.column[at(entry)];
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
  const SparseRows& m_graph;
  std::vector<double> m_v;       // column prices
  std::vector<int> m_x;          // row -> column
  std::vector<int> m_y;          // column -> row
  std::vector<int> m_entry_of_row;
  std::vector<double> m_d;       // distances of the current search
  std::vector<int> m_pred;       // the entry that reached a column
  std::vector<unsigned char> m_state;
};

} // namespace

std::optional<std::vector<int>> assign_every_row(int rows, int columns, const std::vector<AssignmentEdge>& edges)
{
  if (rows > columns) {
    return std::nullopt;
  }
  const SparseRows graph(rows, edges);
  JonkerVolgenant solver(rows, columns, graph);
  if (!solver.solve()) {
    return std::nullopt;
  }
  return solver.edge_of_row();
}

} // namespace tandem::match
