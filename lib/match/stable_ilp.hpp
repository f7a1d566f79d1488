#pragma once

#include "match/stable.hpp"

namespace tandem::match {

struct FewestBlocking {
  Plan plan;              // the best plan CBC found (empty when none within the limit)
  bool proven = false;    // no plan has fewer blocking candidates than `plan`
  long lower_bound = 0;   // no plan has fewer blocking candidates than this
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
// so the program grows linearly with the candidates. Stops after `node_limit`
// branch-and-bound nodes: counted work, the same answer on every run.
FewestBlocking fewest_blocking(const Problem& problem, const Rankings& rankings, int node_limit);

} // namespace tandem::match
