#pragma once

#include <string_view>

// Finnish personal identity codes (henkilötunnus) are never stored in a
// workspace: an export column that holds them is dropped on import, whatever a
// map file says (docs/import.md).
namespace tandem::import {

// DDMMYYCZZZQ: a date, the century sign (+, -, A-F, U-Y), an individual number
// and the check character (the nine digits mod 31).
bool is_identity_code(std::string_view text);

// A header that names the code in Finnish, Swedish or English ("Henkilötunnus",
// "HETU", "Personbeteckning", "Personal identity code").
bool is_identity_code_header(std::string_view header);

} // namespace tandem::import
