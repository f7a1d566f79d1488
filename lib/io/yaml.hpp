#pragma once

#include "io/diagnostics.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace tandem::io {

// yaml-cpp, for the one place tandem edits YAML and writes it back (`import
// companies`): reading for validation goes through io/yaml_document.

// Parses YAML text; a syntax error becomes a problem at its line and column
// (1-based) and the result is std::nullopt.
std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics);

// yaml-cpp throws when the missing key of a const node is asked its type; these
// ask safely and answer false for a missing node.
bool is_scalar(const YAML::Node& node);
bool is_map(const YAML::Node& node);
bool is_sequence(const YAML::Node& node);

// 1-based line of a node, for FILE:LINE messages.
std::size_t yaml_line(const YAML::Node& node);

// True when a plain scalar with this text is not a string to a YAML 1.1 or 1.2
// reader: a boolean (NO, yes, on), a null (~), an integer (0401234567, +358...)
// or a float. Dates are left out: in the workspace files they are dates.
bool reads_as_non_string(std::string_view text);

// The document as the workspace's YAML files are laid out by hand: the top two
// levels (the file's keys, its list, each entry) in block style, and below them
// a mapping or list of plain values on one line ({name: ..., email: ...}, [fi, en]).
// A scalar quoted in the text it was read from stays quoted; a new string that a
// plain scalar would turn into another type (a phone number "0401234567", the
// market "NO") is double-quoted; one written plain by hand stays as its author wrote it.
std::string format_yaml(const YAML::Node& root);

} // namespace tandem::io
