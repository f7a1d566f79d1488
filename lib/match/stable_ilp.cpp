#include "match/stable_ilp.hpp"

#include "match/cbc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <iterator>
#include <numeric>

namespace tandem::match {

static_assert(Bordering::outside == solo, "a solo candidate has no partner's term");

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

// A party's chosen candidates ranked at least as high as a given rank: the
// running sum of x over the party's list, best first, one column per place.
class RunningSum {
public:
  RunningSum(ProgramBuilder& program, std::vector<std::pair<long, int>> ranked, double upper)
  {
    std::sort(ranked.begin(), ranked.end());
    int previous = -1;
    for (const auto& [rank, candidate] : ranked) {
      // sum_k = sum_{k-1} + x_c
      const int sum = program.add_column(0, upper, 0, false);
      std::vector<std::pair<int, double>> row{{sum, 1.0}, {candidate, -1.0}};
      if (previous >= 0) {
        row.push_back({previous, -1.0});
      }
      program.add_row(row, 0, 0);
      m_sums.push_back({rank, sum});
      previous = sum;
    }
  }

  // The column counting the chosen candidates ranked `rank` or better; -1 when none is.
  int at_rank(long rank) const
  {
    const auto after = std::upper_bound(m_sums.begin(), m_sums.end(), rank,
                                        [](long value, const std::pair<long, int>& sum) { return value < sum.first; });
    return after == m_sums.begin() ? -1 : std::prev(after)->second;
  }

private:
  std::vector<std::pair<long, int>> m_sums; // (rank, column), best first
};

// The conditions under which candidates do not block, one row per distinct
// condition: a b column weighted by the candidates that share it.
class NoBlockRows {
public:
  NoBlockRows(ProgramBuilder& program, double per_blocking) : m_program(program), m_per_blocking(per_blocking) {}

  void add(std::vector<std::pair<int, double>> terms, double needed)
  {
    if (needed <= 0) {
      return; // the fixed part of the plan keeps it from blocking
    }
    std::sort(terms.begin(), terms.end());
    auto [entry, added] = m_rows.try_emplace({std::move(terms), needed}, 0);
    ++entry->second;
  }

  // Adds each condition's b column, weighted by the candidates that share it, and its row.
  void build()
  {
    for (const auto& [condition, candidates] : m_rows) {
      auto [terms, needed] = condition;
      const int block = m_program.add_column(0, 1, m_per_blocking * static_cast<double>(candidates), true);
      terms.push_back({block, needed});
      m_program.add_row(terms, needed, unbounded);
    }
  }

private:
  ProgramBuilder& m_program;
  double m_per_blocking;
  std::map<std::pair<std::vector<std::pair<int, double>>, double>, long> m_rows;
};

} // namespace

FewestBlocking fewest_blocking(const Problem& problem, const Rankings& rankings, int node_limit,
                               const Surroundings& surroundings)
{
  const auto& candidates = problem.candidates;
  const std::size_t count = candidates.size();
  if (count == 0) {
    return {true, {}, true, 0}; // the empty plan, and nothing to block it (CBC reports no solution here)
  }
  ProgramBuilder program;
  // x_c: columns 0..count-1. The objective (minimised): (N + 1) per blocking
  // candidate, -1 per student placed, so no number of students placed is worth
  // one more blocking candidate.
  for (std::size_t c = 0; c < count; ++c) {
    program.add_column(0, 1, -1.0, true);
  }
  const double per_blocking = problem.internationals + 1.0;

  using RankedList = std::vector<std::pair<long, int>>;
  std::vector<RankedList> of_international(at(problem.internationals));
  std::vector<RankedList> of_domestic(at(problem.domestics));
  std::vector<RankedList> of_opening(problem.capacity.size());
  std::map<std::pair<int, int>, RankedList> of_international_at_opening;
  for (std::size_t c = 0; c < count; ++c) {
    const auto& candidate = candidates[c];
    const int index = static_cast<int>(c);
    of_international[at(candidate.international)].push_back({rankings.international[c], index});
    if (candidate.domestic != solo) {
      of_domestic[at(candidate.domestic)].push_back({rankings.domestic[c], index});
    }
    of_opening[at(candidate.opening)].push_back({rankings.opening[c], index});
    of_international_at_opening[{candidate.international, candidate.opening}].push_back(
      {rankings.opening[c], index});
  }
  // Each party at most once, each opening at most its slots.
  const auto at_most = [&](const std::vector<RankedList>& lists, const auto& limit) {
    for (std::size_t party = 0; party < lists.size(); ++party) {
      std::vector<std::pair<int, double>> row;
      for (const auto& entry : lists[party]) {
        row.push_back({entry.second, 1.0});
      }
      if (!row.empty()) {
        program.add_row(row, -unbounded, limit(party));
      }
    }
  };
  at_most(of_international, [](std::size_t) { return 1.0; });
  at_most(of_domestic, [](std::size_t) { return 1.0; });
  at_most(of_opening, [&](std::size_t opening) { return static_cast<double>(problem.capacity[opening]); });

  const auto sums_of = [&](const std::vector<RankedList>& lists, double upper) {
    std::vector<RunningSum> sums;
    sums.reserve(lists.size());
    for (const auto& list : lists) {
      sums.emplace_back(program, list, upper);
    }
    return sums;
  };
  const auto international_sum = sums_of(of_international, 1);
  const auto domestic_sum = sums_of(of_domestic, 1);
  const auto opening_sum = sums_of(of_opening, unbounded);
  std::map<std::pair<int, int>, RunningSum> same_student_sum;
  for (const auto& [student_at_opening, list] : of_international_at_opening) {
    same_student_sum.try_emplace(student_at_opening, program, list, 1);
  }

  const std::vector<long> none_fixed;
  const auto fixed_at = [&](int opening) -> const std::vector<long>& {
    return at(opening) < surroundings.fixed_at_opening.size() ? surroundings.fixed_at_opening[at(opening)] : none_fixed;
  };
  const auto fixed_above = [&](int opening, long rank) {
    const auto& fixed = fixed_at(opening);
    return std::count_if(fixed.begin(), fixed.end(), [&](long held) { return held <= rank; });
  };
  NoBlockRows no_block(program, per_blocking);
  // cap b + cap A + cap D + (cap - 1) Q + O >= cap, each term of a party in
  // the program (the others are zero: they would take the candidate).
  const auto add_condition = [&](const Bordering& judged) {
    const double slots = judged.capacity;
    std::vector<std::pair<int, double>> terms;
    const auto add_term = [&](int column, double coefficient) {
      if (column >= 0) {
        terms.push_back({column, coefficient});
      }
    };
    if (judged.international != Bordering::outside) {
      add_term(international_sum[at(judged.international)].at_rank(judged.international_rank), slots);
    }
    if (judged.domestic != Bordering::outside) {
      add_term(domestic_sum[at(judged.domestic)].at_rank(judged.domestic_rank), slots);
    }
    double needed = slots;
    if (judged.opening != Bordering::outside) {
      add_term(opening_sum[at(judged.opening)].at_rank(judged.opening_rank), 1.0);
      if (judged.international != Bordering::outside) {
        if (const auto same = same_student_sum.find({judged.international, judged.opening});
            same != same_student_sum.end()) {
          add_term(same->second.at_rank(judged.opening_rank), slots - 1);
        }
      }
      needed -= static_cast<double>(fixed_above(judged.opening, judged.opening_rank));
    }
    no_block.add(std::move(terms), needed);
  };
  for (std::size_t c = 0; c < count; ++c) {
    const auto& candidate = candidates[c];
    const int all_slots =
      problem.capacity[at(candidate.opening)] + static_cast<int>(fixed_at(candidate.opening).size());
    add_condition({candidate.international, candidate.domestic, candidate.opening, rankings.international[c],
                   rankings.domestic[c], rankings.opening[c], all_slots});
  }
  for (const auto& judged : surroundings.bordering) {
    add_condition(judged);
  }
  no_block.build();

  const auto model = program.load();
  Cbc_setObjSense(model.get(), 1); // minimise
  set_deterministic(model.get(), node_limit, 0.5); // the objective is a whole number
  if (!surroundings.bordering.empty()) {
    // A part of a market: small, solved hundreds of times, mostly at the root.
    // CBC's preprocessing and cut rounds cost more there than they save
    // (region: 51 -> 32 s of CBC, the same plans; docs/performance.md).
    Cbc_setParameter(model.get(), "preprocess", "off");
    Cbc_setParameter(model.get(), "cuts", "off");
  }
  Cbc_solve(model.get());

  FewestBlocking result;
  if (const double* solution = Cbc_bestSolution(model.get()); solution != nullptr) {
    result.found = true;
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
