#pragma once

#include "io/diagnostics.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tandem::io {

// A YAML document as read for validation: scalars, sequences and mappings, each
// with its 1-based line and column. Built from libyaml's events, which is many
// times faster and smaller than a yaml-cpp tree (a companies.yaml of 100,000
// entries reads in about a second). Scalars stay text: unquoted `NO` is "NO".
class YamlNode {
public:
  enum class Kind { missing, null, scalar, sequence, mapping };

  Kind kind() const { return m_kind; }
  bool is_missing() const { return m_kind == Kind::missing; }
  bool is_null() const { return m_kind == Kind::null; }
  bool is_scalar() const { return m_kind == Kind::scalar; }
  bool is_sequence() const { return m_kind == Kind::sequence; }
  bool is_mapping() const { return m_kind == Kind::mapping; }
  // Missing or null: no value.
  bool is_absent() const { return is_missing() || is_null(); }

  const std::string& scalar() const { return m_scalar; }
  const std::vector<YamlNode>& items() const { return m_items; }
  const std::vector<std::pair<std::string, YamlNode>>& entries() const { return m_entries; }
  // The value of `key` in a mapping; the missing node (never an exception) otherwise.
  const YamlNode& operator[](std::string_view key) const;
  static const YamlNode& missing();

  std::size_t line() const { return m_line; }
  std::size_t column() const { return m_column; }

private:
  friend class YamlBuilder;

  Kind m_kind = Kind::missing;
  std::string m_scalar;
  std::vector<YamlNode> m_items;
  std::vector<std::pair<std::string, YamlNode>> m_entries;
  std::size_t m_line = 0;
  std::size_t m_column = 0;
};

// read_yaml's bounds, also kept where yaml-cpp reads the same text (io/yaml):
// how deep collections nest; aliases may copy up to ten times the document's
// own nodes, and always a hundred thousand (docs/file-formats.md).
inline constexpr std::size_t max_yaml_depth = 200;
inline constexpr std::size_t yaml_alias_factor = 10;
inline constexpr std::size_t yaml_min_alias_budget = 100'000;

// Reads the first document of `text`; a syntax error becomes a problem at its
// line and column and the result is std::nullopt. An empty text is a null node.
std::optional<YamlNode> read_yaml(std::string_view text, const std::string& file,
                                  Diagnostics& diagnostics);

} // namespace tandem::io
