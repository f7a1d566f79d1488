#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tandem::import {

// Turns a value as another system writes it into the contract's spelling, for one
// contract column: Finnish and English words for enums (`kansainvälinen` ->
// `international`, `nainen` -> `female`, `kyllä` -> `yes`), Finnish dates
// (`1.9.2022` -> `2022-09-01`), upper-case country codes, lower-case language
// codes and tags, single spaces in names. A value it does not recognise is
// returned trimmed, to be judged (and rejected with a reason) by the validators.
std::string normalise_value(std::string_view column, std::string_view value);

// For a column of fixed words (group, field, status, gender, ...): why `value`,
// which normalise_value() turned into `normalised`, is refused when it is
// neither one of the contract's words nor a word tandem takes for one; the
// reason lists both. std::nullopt when the value is fine.
std::optional<std::string> unknown_word(std::string_view column, std::string_view value,
                                        const std::string& normalised);

} // namespace tandem::import
