#include "match/stable_ilp.hpp"

#include "match/cbc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>

namespace tandem::match {

namespace {

// An integer program built row by row, loaded into CBC column by column.
class ProgramBuilder {
public:
  int add_column(double lower, double upper, double objective, bool integer)
  {
    m_lower.push_back(lower);
    m_upper.push_back(upper);
    m_objective.push_back(objective);
    m_integer.push_back(integer);
    return static_cast<int>(m_lower.size()) - 1;
  }

  void add_row(const std::vector<std::pair<int, double>>& entries, double lower, double upper)
  {
    const int row = static_cast<int>(m_row_lower.size());
    for (const auto& [column, value] : entries) {
      m_entries.push_back({column, row, value});
    }
    m_row_lower.push_back(lower);
    m_row_upper.push_back(upper);
  }

  CbcModel load() const
  {
    auto entries = m_entries;
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.column, a.row) < std::tie(b.column, b.row);
    });
    std::vector<CoinBigIndex> start(m_lower.size() + 1, 0);
    std::vector<int> index;
    std::vector<double> value;
    index.reserve(entries.size());
    value.reserve(entries.size());
    for (const auto& entry : entries) {
      ++start[at(entry.column) + 1];
      index.push_back(entry.row);
      value.push_back(entry.value);
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    CbcModel model(Cbc_newModel());
    Cbc_loadProblem(model.get(), static_cast<int>(m_lower.size()), static_cast<int>(m_row_lower.size()),
                    start.data(), index.data(), value.data(), m_lower.data(), m_upper.data(), m_objective.data(),
                    m_row_lower.data(), m_row_upper.data());
    for (std::size_t column = 0; column < m_integer.size(); ++column) {
      if (m_integer[column]) {
        Cbc_setInteger(model.get(), static_cast<int>(column));
      }
    }
    return model;
  }

private:
  struct Entry {
    int column;
    int row;
    double value;
  };
  std::vector<double> m_lower;
  std::vector<double> m_upper;
  std::vector<double> m_objective;
  std::vector<bool> m_integer;
  std::vector<double> m_row_lower;
  std::vector<double> m_row_upper;
  std::vector<Entry> m_entries;
};

constexpr double unbounded = std::numeric_limits<double>::max();

// For each candidate, the column of a running sum over one party's list: the
// party's chosen candidates ranked at least as high as this one. `members`
// gives each list (candidate indices); `rank` orders a list, lower is better.
template <typename Rank>
std::vector<int> running_sums(ProgramBuilder& program, const std::vector<std::vector<int>>& members,
                              const Rank& rank, std::size_t candidates, double upper)
{
  std::vector<int> column_of(candidates, -1);
  for (auto list : members) {
    std::sort(list.begin(), list.end(), [&](int a, int b) { return rank(a) < rank(b); });
    int previous = -1;
    for (const int candidate : list) {
      // sum_k = sum_{k-1} + x_c
      const int sum = program.add_column(0, upper, 0, false);
      std::vector<std::pair<int, double>> row{{sum, 1.0}, {candidate, -1.0}};
      if (previous >= 0) {
        row.push_back({previous, -1.0});
      }
      program.add_row(row, 0, 0);
      column_of[at(candidate)] = sum;
      previous = sum;
    }
  }
  return column_of;
}

} // namespace

FewestBlocking fewest_blocking(const Problem& problem, const Rankings& rankings, int node_limit)
{
  const auto& candidates = problem.candidates;
  const std::size_t count = candidates.size();
  ProgramBuilder program;
  // x_c: columns 0..count-1. The objective (minimised): (N + 1) per blocking
  // candidate, -1 per student placed, so no number of students placed is worth
  // one more blocking candidate.
  for (std::size_t c = 0; c < count; ++c) {
    program.add_column(0, 1, -1.0, true);
  }
  std::vector<int> blocks(count);
  for (std::size_t c = 0; c < count; ++c) {
    blocks[c] = program.add_column(0, 1, problem.internationals + 1.0, true);
  }

  std::vector<std::vector<int>> of_international(at(problem.internationals));
  std::vector<std::vector<int>> of_domestic(at(problem.domestics));
  std::vector<std::vector<int>> of_opening(problem.capacity.size());
  std::map<std::pair<int, int>, std::vector<int>> of_international_at_opening;
  for (std::size_t c = 0; c < count; ++c) {
    const auto& candidate = candidates[c];
    const int index = static_cast<int>(c);
    of_international[at(candidate.international)].push_back(index);
    if (candidate.domestic != solo) {
      of_domestic[at(candidate.domestic)].push_back(index);
    }
    of_opening[at(candidate.opening)].push_back(index);
    of_international_at_opening[{candidate.international, candidate.opening}].push_back(index);
  }
  // Each party at most once, each opening at most its slots.
  const auto at_most = [&](const std::vector<std::vector<int>>& lists, const auto& limit) {
    for (std::size_t party = 0; party < lists.size(); ++party) {
      std::vector<std::pair<int, double>> row;
      for (const int c : lists[party]) {
        row.push_back({c, 1.0});
      }
      if (!row.empty()) {
        program.add_row(row, -unbounded, limit(party));
      }
    }
  };
  at_most(of_international, [](std::size_t) { return 1.0; });
  at_most(of_domestic, [](std::size_t) { return 1.0; });
  at_most(of_opening, [&](std::size_t opening) { return static_cast<double>(problem.capacity[opening]); });

  const auto international_sum = running_sums(
    program, of_international, [&](int c) { return rankings.international[at(c)]; }, count, 1);
  const auto domestic_sum =
    running_sums(program, of_domestic, [&](int c) { return rankings.domestic[at(c)]; }, count, 1);
  const auto opening_sum = running_sums(
    program, of_opening, [&](int c) { return rankings.opening[at(c)]; }, count, unbounded);
  std::vector<std::vector<int>> same_student_lists;
  for (auto& entry : of_international_at_opening) {
    same_student_lists.push_back(std::move(entry.second));
  }
  const auto same_student_sum = running_sums(
    program, same_student_lists, [&](int c) { return rankings.opening[at(c)]; }, count, 1);

  for (std::size_t c = 0; c < count; ++c) {
    const auto& candidate = candidates[c];
    const double slots = problem.capacity[at(candidate.opening)];
    std::vector<std::pair<int, double>> row{{blocks[c], slots},
                                            {international_sum[c], slots},
                                            {same_student_sum[c], slots - 1},
                                            {opening_sum[c], 1.0}};
    if (candidate.domestic != solo) {
      row.push_back({domestic_sum[c], slots});
    }
    program.add_row(row, slots, unbounded);
  }

  const auto model = program.load();
  Cbc_setObjSense(model.get(), 1); // minimise
  set_deterministic(model.get(), node_limit, 0.5); // the objective is a whole number
  Cbc_solve(model.get());

  FewestBlocking result;
  const double per_blocking = problem.internationals + 1.0;
  if (const double* solution = Cbc_bestSolution(model.get()); solution != nullptr) {
    for (std::size_t c = 0; c < count; ++c) {
      if (solution[c] > 0.5) {
        result.plan.chosen.push_back(static_cast<int>(c));
      }
    }
  }
  // Objective = (N + 1) * blocking - placed, placed in 0..N: the bound on it
  // bounds the blocking candidates.
  const double best_possible = Cbc_getBestPossibleObjValue(model.get());
  result.lower_bound = std::max(0L, static_cast<long>(std::ceil((best_possible - 1e-6) / per_blocking)));
  result.proven = Cbc_isProvenOptimal(model.get()) != 0;
  return result;
}

} // namespace tandem::match
