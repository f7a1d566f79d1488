#include "match/ilp.hpp"

#include "match/cbc.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>

namespace tandem::match {

namespace {

// x_c in {0,1} for each candidate; rows: each international student, each
// domestic student at most once, each opening at most its free slots, and
// optionally "at least `minimum_placed` candidates".
class PlacementProgram {
public:
  explicit PlacementProgram(const Problem& problem) : m_problem(problem)
  {
    const int domestic_row = problem.internationals;
    const int opening_row = domestic_row + problem.domestics;
    m_rows = opening_row + static_cast<int>(problem.capacity.size());
    for (const auto& candidate : problem.candidates) {
      m_start.push_back(static_cast<CoinBigIndex>(m_index.size()));
      m_index.push_back(candidate.international);
      if (candidate.domestic != solo) {
        m_index.push_back(domestic_row + candidate.domestic);
      }
      m_index.push_back(opening_row + candidate.opening);
    }
    m_start.push_back(static_cast<CoinBigIndex>(m_index.size()));
    m_row_upper.assign(at(opening_row), 1.0);
    for (const int slots : problem.capacity) {
      m_row_upper.push_back(slots);
    }
  }

  struct Result {
    bool proven = false;
    double best_possible = 0;
    std::vector<int> chosen; // empty when CBC found no plan
  };

  // Maximises the number placed (score_weights false) or the score.
  Result maximise(bool score_weights, int minimum_placed, int node_limit) const
  {
    const auto columns = static_cast<int>(m_problem.candidates.size());
    std::vector<CoinBigIndex> start_of_column = m_start;
    std::vector<int> index = m_index;
    std::vector<double> row_lower(at(m_rows), -unbounded);
    std::vector<double> row_upper = m_row_upper;
    int rows = m_rows;
    if (minimum_placed > 0) { // one more row holding every column: rebuild the columns
      index.clear();
      start_of_column.clear();
      for (int column = 0; column < columns; ++column) {
        start_of_column.push_back(static_cast<CoinBigIndex>(index.size()));
        index.insert(index.end(), m_index.begin() + m_start[at(column)],
                     m_index.begin() + m_start[at(column) + 1]);
        index.push_back(m_rows);
      }
      start_of_column.push_back(static_cast<CoinBigIndex>(index.size()));
      row_lower.push_back(minimum_placed);
      row_upper.push_back(unbounded);
      ++rows;
    }
    const std::vector<double> value(index.size(), 1.0);
    const std::vector<double> lower(at(columns), 0.0);
    const std::vector<double> upper(at(columns), 1.0);
    std::vector<double> objective(at(columns), 1.0);
    if (score_weights) {
      for (std::size_t column = 0; column < objective.size(); ++column) {
        objective[column] = m_problem.candidates[column].score;
      }
    }

    CbcModel model(Cbc_newModel());
    Cbc_loadProblem(model.get(), columns, rows, start_of_column.data(), index.data(), value.data(),
                    lower.data(), upper.data(), objective.data(), row_lower.data(), row_upper.data());
    Cbc_setObjSense(model.get(), -1); // maximise
    for (int column = 0; column < columns; ++column) {
      Cbc_setInteger(model.get(), column);
    }
    set_deterministic(model.get(), node_limit, 1e-9);
    Cbc_solve(model.get());

    Result result;
    result.proven = Cbc_isProvenOptimal(model.get()) != 0;
    result.best_possible = Cbc_getBestPossibleObjValue(model.get());
    if (const double* solution = Cbc_bestSolution(model.get()); solution != nullptr) {
      for (int column = 0; column < columns; ++column) {
        if (solution[column] > 0.5) {
          result.chosen.push_back(column);
        }
      }
    }
    return result;
  }

private:
  static constexpr double unbounded = std::numeric_limits<double>::max(); // a row side without a limit

  const Problem& m_problem;
  int m_rows = 0;
  std::vector<CoinBigIndex> m_start;
  std::vector<int> m_index;
  std::vector<double> m_row_upper;
};

void take_if_better(const Problem& problem, std::vector<int> chosen, Solution& solution)
{
  Plan plan{std::move(chosen)};
  if (!plan.chosen.empty() && is_feasible(problem, plan)) {
    const Objective objective = objective_of(problem, plan);
    if (solution.objective < objective) {
      solution.plan = std::move(plan);
      solution.objective = objective;
    }
  }
}

} // namespace

void improve_by_ilp(const Problem& problem, int node_limit, Solution& solution)
{
  const PlacementProgram program(problem);
  if (solution.objective.placed < solution.placed_bound) {
    const auto most = program.maximise(false, 0, node_limit);
    take_if_better(problem, most.chosen, solution);
    // A count: CBC's bound is a whole number up to rounding.
    solution.placed_bound = std::min(solution.placed_bound,
                                     static_cast<int>(std::floor(most.best_possible + 1e-6)));
    if (solution.objective.placed < solution.placed_bound) {
      return; // how many can be placed is not settled: no score bound either
    }
    solution.bound = HUGE_VAL;
  }
  const auto best = program.maximise(true, solution.objective.placed, node_limit);
  take_if_better(problem, best.chosen, solution);
  solution.bound = std::min(solution.bound, best.best_possible);
  if (best.proven) {
    solution.optimal = true;
    solution.bound = solution.objective.score;
  }
}

} // namespace tandem::match
