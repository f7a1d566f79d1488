#pragma once

#include "match/stable.hpp"

#include <vector>

namespace tandem::match {

struct FewestBlocking {
  bool found = false;     // CBC found a plan within the limit
  Plan plan;              // the best plan it found (may place nobody)
  bool proven = false;    // no plan has fewer blocking candidates than `plan`
  long lower_bound = 0;   // no plan has fewer blocking candidates than this
};

// A candidate outside a part of the market that touches one of the part's
// parties, when its parties outside the part would all take it: whether it
// blocks depends on what the part is given. Its parties are the part's
// indices, or `outside`.
struct Bordering {
  static constexpr int outside = -1;
  int international = outside;
  int domestic = outside;
  int opening = outside;
  long international_rank = 0; // the ranks its parties in the part give it (Rankings)
  long domestic_rank = 0;
  long opening_rank = 0;
  int capacity = 1; // all the slots of its opening
};

// What surrounds a part of the market planned again with the rest of the plan
// fixed: the fixed candidates that hold slots at the part's openings, and the
// bordering candidates. Empty for a whole market.
struct Surroundings {
  std::vector<std::vector<long>> fixed_at_opening; // per opening of the part: its ranks of the fixed candidates it holds
  std::vector<Bordering> bordering;
};

// The plan with the fewest blocking candidates (then the most students placed),
// by an integer program solved with COIN-OR CBC: x_c = 1 for a chosen candidate,
// b_c = 1 for a candidate allowed to block, and for every candidate the
// condition under which it does not block (Biró, Manlove and McBride 2014,
// "The hospitals/residents problem with couples: complexity and integer
// programming models", with the preferences as blocking_candidates reads them):
//   cap_o b_c + cap_o A_c + cap_o D_c + (cap_o - 1) Q_c + O_c >= cap_o
// where A_c counts the international student's chosen candidates they rank at
// least as high as c, D_c the same for the domestic partner, O_c the opening's
// chosen candidates it ranks at least as high, and Q_c those of them that hold
// this international student (a partner change at the same opening). Each
// count is a running sum over the party's list, one auxiliary column per place,
// so the program grows linearly with the candidates.
//
// For a part of a market (`problem` holding the part's candidates and the slots
// the fixed candidates leave), O_c also counts the fixed candidates, and each
// bordering candidate gets its condition too, with its outside parties' terms
// zero (they would take it): the program then counts exactly the blocking
// candidates whose status the part decides. Conditions alike are one row, their
// b weighted by how many they are. Stops after `node_limit` branch-and-bound
// nodes: counted work, the same answer on every run.
FewestBlocking fewest_blocking(const Problem& problem, const Rankings& rankings, int node_limit,
                               const Surroundings& surroundings = {});

} // namespace tandem::match
