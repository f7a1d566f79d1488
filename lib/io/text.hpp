#pragma once

#include <string>
#include <string_view>
#include <vector>

// Small text helpers shared by readers, validators and import. ASCII only: the
// contract's codes, enums and headers are ASCII; other letters pass unchanged.
namespace tandem::io {

// Without leading and trailing spaces, tabs and line breaks.
std::string_view trim(std::string_view text);

std::string to_lower_ascii(std::string_view text);
std::string to_upper_ascii(std::string_view text);

// Equal when compared without regard to ASCII case.
bool equal_ignoring_case(std::string_view a, std::string_view b);

// Whether `list` holds `item`.
bool contains(const std::vector<std::string>& list, std::string_view item);

// A 64-bit FNV-1a hash of `text` as 16 hex digits: the same on every machine and
// run, for identifiers and change detection (not for security).
std::string stable_hash(std::string_view text);
// A JSON string literal (quotes and escapes included).
std::string json_string(std::string_view text);
// "a, b or c": a list of choices in plain words.
std::string joined_with_or(const std::vector<std::string>& words);
// Text for HTML element content and attribute values: & < > " escaped.
std::string html_escape(std::string_view text);
// The text for one line of a diagnostic: a line break, tab or other control
// character in a value becomes \n, \r, \t or \xHH, so a bad value cannot fake a
// second message line (or move the terminal's cursor).
std::string one_line(std::string_view text);

} // namespace tandem::io
