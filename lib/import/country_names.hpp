#pragma once

#include <string_view>
#include <vector>

namespace tandem::import {

struct CountryName {
  std::string_view name; // as a register or a person writes it: "Ruotsi", "Viet Nam", "VNM"
  std::string_view code; // ISO 3166-1 alpha-2
};

// Country names in English, Finnish and Swedish and the alpha-3 codes, from
// Debian's iso-codes (generated into country_names.cpp by scripts/make-country-names.py).
const std::vector<CountryName>& country_names();

} // namespace tandem::import
