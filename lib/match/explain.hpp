#pragma once

#include "match/result.hpp"

#include <string>
#include <vector>

namespace tandem::match {

// --explain ID: in plain words, why a student or an opening got what it got,
// and why not each better-scoring alternative (the rule that failed, or who
// took it). A student's own preferences come first and are always listed; of the
// rest, 15 per list unless `everything`. Throws tandem::Error when ID is neither.
std::vector<std::string> explain(const MatchInput& input, const MatchResult& result, const std::string& id,
                                 bool everything = false);

} // namespace tandem::match
