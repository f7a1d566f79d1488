#pragma once

#include <cstddef>
#include <utility>
#include <vector>

// The matching problem as the solvers see it: indices and scores, no names.
// The workspace side (match/candidates) builds it; tests build it directly.
namespace tandem::match {

inline constexpr int solo = -1; // Candidate::domestic of a solo placement

// An index of the solvers (int, as CBC and the candidates keep them) as a
// position in a std::vector.
inline std::size_t at(int index) { return static_cast<std::size_t>(index); }

struct Candidate {
  int international = 0;
  int domestic = solo;
  int opening = 0;
  double score = 0;
};

struct Problem {
  int internationals = 0;
  int domestics = 0;
  std::vector<int> capacity; // free slots of each opening
  std::vector<Candidate> candidates;
  // When `candidates` is a shortlist of the allowed ones: for each opening,
  // every international student with an allowed candidate there, listed or
  // not, and the most such a candidate could score (rounded up to a float:
  // tens of millions of them). Empty when every allowed candidate is listed.
  std::vector<std::vector<std::pair<int, float>>> most_possible;
};

// A plan: the chosen candidates (indices into Problem::candidates, ascending).
struct Plan {
  std::vector<int> chosen;
};

// The lexicographic objective of issue 3: first the international students
// placed, then the total score.
struct Objective {
  int placed = 0;
  double score = 0;

  friend bool operator<(const Objective& a, const Objective& b)
  {
    return a.placed != b.placed ? a.placed < b.placed : a.score < b.score;
  }
};

Objective objective_of(const Problem& problem, const Plan& plan);

// Whether `plan` keeps rule 8 (nobody twice) and rule 9 (capacity) of the
// problem; the candidates themselves passed rules 1-7 when the problem was built.
bool is_feasible(const Problem& problem, const Plan& plan);

} // namespace tandem::match
