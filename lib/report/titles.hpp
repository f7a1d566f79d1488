#pragma once

#include "model/enums.hpp"

#include <string>
#include <string_view>

// The words a funder reads: each figure of the report under its name in the
// regulation (Annex I of Regulation (EU) No 1304/2013 or 2021/1057) or, for the
// project's own figures, in plain words (docs/indicators.md gives the sources).
namespace tandem::report {

std::string_view indicator_title(model::IndicatorSet set, std::string_view key);
// The title of one cell of a breakdown (its key when there is none).
std::string_view cell_title(std::string_view indicator, std::string_view cell);

} // namespace tandem::report
