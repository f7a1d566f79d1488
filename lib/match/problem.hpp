#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
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

// A value kept as a float no smaller than it: a bound stays a bound.
inline float float_at_least(double value)
{
  return std::isinf(value) ? static_cast<float>(value) : std::nextafter(static_cast<float>(value), HUGE_VALF);
}

// What the candidates at one opening could score, listed or not, for the
// bound of a shortlist: tens of millions of values, so pairs are not listed.
// A pair's score is each member's own share plus a gain that only the two
// students' coverage keys decide (match/scoring): a student's best pair here
// is their share plus, over the partners' keys, the most of the key's gain
// and a partner's share. Every value is a float rounded up. That sum is put
// together in three places: most() here (partners unpriced), the bound's
// PricedValues (optimal.cpp: partners priced) and
// MostPossibleBuilder::best_partners (scoring.cpp: the partners listed).
struct MostPossible {
  struct Student {
    int international = 0;
    float solo = -std::numeric_limits<float>::infinity(); // the solo candidate's score, when allowed
    float share = 0;                                      // own share in a pair
    int key = -1; // the row of `gain` for the student's coverage key; -1 when no pair is allowed
  };
  // The partners with one coverage key: those with the largest shares, each
  // one's own (priced apart in the bound), and the largest share of the rest.
  struct PartnerKey {
    std::vector<std::pair<int, float>> best; // (domestic, share), largest share first
    float rest = -std::numeric_limits<float>::infinity();
  };
  std::vector<Student> students;
  std::vector<PartnerKey> partner_keys;
  // gain[key * partner_keys.size() + partner key]; -infinity where the two
  // together miss one of the opening's requirements.
  std::vector<float> gain;

  // The most a candidate of students[entry] could score here.
  double most(std::size_t entry) const
  {
    const Student& student = students[entry];
    return most(student, student.key < 0 ? -HUGE_VAL : most_with_partner(at(student.key)));
  }
  // The most a partner adds to the share of a student with gain row `row`:
  // over the partner keys, the key's gain plus its largest share. The same
  // for every student with this row, so it can be kept (MostPossibleBuilder).
  double most_with_partner(std::size_t row) const;
  // A student's most, given most_with_partner of their row.
  static double most(const Student& student, double with_partner)
  {
    return std::max<double>(student.solo, student.key < 0 ? -HUGE_VAL : pair_value(student.share + with_partner));
  }
  // A pair's value from the sum of its parts: raised by a margin for the last
  // bits, since Components::total() sums in another order. -infinity stays.
  static double pair_value(double parts)
  {
    return std::isinf(parts) ? parts : parts + 1e-9 * std::max(1.0, std::abs(parts));
  }
};

struct Problem {
  int internationals = 0;
  int domestics = 0;
  std::vector<int> capacity; // free slots of each opening
  std::vector<Candidate> candidates;
  // When `candidates` is a shortlist of the allowed ones: for each opening,
  // every international student with an allowed candidate there, listed or
  // not, and what such a candidate could score. Empty when every allowed
  // candidate is listed.
  std::vector<MostPossible> most_possible;
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
