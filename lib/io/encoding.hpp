#pragma once

#include <string>
#include <string_view>

namespace tandem::io {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

enum class Encoding { utf8, latin1 };

// Converts Windows-1252 text (the superset of Latin-1 that Finnish spreadsheets
// save) to UTF-8. Bytes 0x80-0x9F map to the Windows-1252 characters.
std::string windows1252_to_utf8(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view text);
// A byte inside a UTF-8 character, not its first: text may not be cut before it.
constexpr bool is_utf8_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U; }
// The characters of UTF-8 text, for lining up table columns ("Läine" is 5, not 6 bytes' worth).
std::size_t character_count(std::string_view text);

// Strips a leading UTF-8 byte-order mark.
std::string_view without_bom(std::string_view text);

} // namespace tandem::io
