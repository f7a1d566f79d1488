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

} // namespace tandem::io
