#pragma once

#include <coin/Cbc_C_Interface.h>

#include <memory>

// COIN-OR CBC as tandem's two integer programs use it (match/ilp, match/stable_ilp).
namespace tandem::match {

struct CbcModelDeleter {
  void operator()(Cbc_Model* model) const { Cbc_deleteModel(model); }
};
using CbcModel = std::unique_ptr<Cbc_Model, CbcModelDeleter>;

// Quiet, one thread, at most `node_limit` branch-and-bound nodes, closed when
// within `absolute_gap` of the bound: counted work, the same answer on every run.
inline void set_deterministic(Cbc_Model* model, int node_limit, double absolute_gap)
{
  Cbc_setLogLevel(model, 0);
  Cbc_setMaximumNodes(model, node_limit);
  Cbc_setAllowableGap(model, absolute_gap);
  Cbc_setAllowableFractionGap(model, 0.0);
  Cbc_setParameter(model, "threads", "1");
}

} // namespace tandem::match
