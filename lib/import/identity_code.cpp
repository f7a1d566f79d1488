#include "import/identity_code.hpp"

#include "import/column_map.hpp"

#include <array>
#include <string>

namespace tandem::import {

bool is_identity_code(std::string_view text)
{
  if (text.size() != 11) {
    return false;
  }
  const auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') {
        return false;
      }
    }
    return true;
  };
  constexpr std::string_view century_signs = "+-ABCDEFUVWXY";
  if (!digits(0, 6) || century_signs.find(text[6]) == std::string_view::npos || !digits(7, 3)) {
    return false;
  }
  const long number = std::stol(std::string(text.substr(0, 6)) + std::string(text.substr(7, 3)));
  constexpr std::string_view check_characters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  const char check = text[10] >= 'a' && text[10] <= 'z' ? static_cast<char>(text[10] - 'a' + 'A') : text[10];
  return check_characters[static_cast<std::size_t>(number % 31)] == check;
}

bool is_identity_code_header(std::string_view header)
{
  static const std::array<std::string_view, 9> names = {
    "henkilötunnus", "hetu", "henkilotunnus", "personal identity code", "personal id code",
    "personbeteckning", "personnummer", "social security number", "ssn"};
  const std::string key = alias_key(header);
  for (const auto name : names) {
    if (key == alias_key(name)) {
      return true;
    }
  }
  return false;
}

} // namespace tandem::import
