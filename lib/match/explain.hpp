#pragma once

#include "match/result.hpp"

#include <string>
#include <vector>

namespace tandem::match {

// --explain ID: in plain words, why a student or an opening got what it got,
// and why not each better-scoring alternative (the rule that failed, or who
// took it). Throws tandem::Error when ID is neither.
std::vector<std::string> explain(const MatchInput& input, const MatchResult& result, const std::string& id);

} // namespace tandem::match
