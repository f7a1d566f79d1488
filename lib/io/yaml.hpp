#pragma once

#include "io/diagnostics.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace tandem::io {

// Parses YAML text; a syntax error becomes a problem at its line and column
// (1-based) and the result is std::nullopt.
std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics);

// 1-based line and column of a node, for FILE:LINE:COLUMN messages.
std::size_t yaml_line(const YAML::Node& node);
std::size_t yaml_column(const YAML::Node& node);

} // namespace tandem::io
