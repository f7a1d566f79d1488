#include "io/yaml.hpp"

#include "io/yaml_document.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace tandem::io {

namespace {

// yaml-cpp and libyaml do not always read anchors alike (`&mml:` followed by a
// key, found by fuzz_yaml): a document read_yaml found bounded may come out of
// yaml-cpp with an alias inside the node it names, a loop that every walk of the
// tree (emit_node below) follows until the stack runs out. So yaml-cpp's tree is
// walked once with the reader's bounds: no deeper than its nesting limit, and no
// more nodes than `budget`.
bool within_bounds(const YAML::Node& node, std::size_t depth, std::size_t& budget)
{
  if (depth > max_yaml_depth || budget == 0) {
    return false;
  }
  --budget;
  if (node.IsMap()) {
    return std::all_of(node.begin(), node.end(), [&](const auto& entry) {
      return within_bounds(entry.first, depth + 1, budget) && within_bounds(entry.second, depth + 1, budget);
    });
  }
  if (node.IsSequence()) {
    return std::all_of(node.begin(), node.end(),
                       [&](const auto& item) { return within_bounds(item, depth + 1, budget); });
  }
  return true;
}

} // namespace

std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics)
{
  // yaml-cpp sets no bound on aliases or nesting: the reader of every workspace
  // file reads it first, with its bounds (an alias bomb is refused there).
  if (!read_yaml(text, file, diagnostics)) {
    return std::nullopt;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    // Its own nodes (no more than its bytes) and what aliases may copy.
    std::size_t budget = text.size() + std::max(yaml_min_alias_budget, yaml_alias_factor * text.size());
    if (!within_bounds(root, 1, budget)) {
      diagnostics.error(file, 1, "not valid YAML: its anchors and aliases make a loop or nest too deep; "
                                 "write the values out in full");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    diagnostics.error(file, static_cast<std::size_t>(e.mark.line + 1),
                      "not valid YAML: " + e.msg, static_cast<std::size_t>(e.mark.column + 1));
    return std::nullopt;
  }
}

bool is_scalar(const YAML::Node& node)
{
  return node.IsDefined() && node.IsScalar();
}

bool is_map(const YAML::Node& node)
{
  return node.IsDefined() && node.IsMap();
}

bool is_sequence(const YAML::Node& node)
{
  return node.IsDefined() && node.IsSequence();
}

std::size_t yaml_line(const YAML::Node& node)
{
  const int line = node.Mark().line;
  return line < 0 ? 0 : static_cast<std::size_t>(line + 1);
}

bool reads_as_non_string(std::string_view text)
{
  // Every typed form below is written with these characters only.
  const bool typed_alphabet = std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("_.:+-~").find(c) != std::string_view::npos;
  });
  if (!typed_alphabet) {
    return false;
  }
  if (text.size() > 64) {
    return true; // std::regex recurses per character: a long token is quoted unexamined, which is harmless
  }
  // The YAML 1.1 type repository's null, bool, int and float, and the YAML 1.2 core schema's.
  static const std::regex typed(
    "|~|null|Null|NULL"
    "|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    "|[-+]?0b[01_]+|[-+]?0[0-7_]+|0o[0-7]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
    "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
    "|[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?"
    "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  return std::regex_match(text.begin(), text.end(), typed);
}

namespace {

// Text that a plain scalar could not carry whole, so it is double-quoted: a line
// break or other control character, a leading indicator (`:025` in a flow
// mapping made yaml-cpp write unreadable YAML), a flow indicator, ": " or " #"
// (found by fuzz_yaml). Quoting more than needed is harmless.
bool needs_quotes(std::string_view text)
{
  const bool control = std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
  return control || (!text.empty() && std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos)
         || text.find_first_of(",[]{}") != std::string_view::npos || text.find(": ") != std::string_view::npos
         || text.find(" #") != std::string_view::npos || (!text.empty() && text.back() == ':');
}

bool holds_collection(const YAML::Node& node)
{
  for (const auto& entry : node) {
    const YAML::Node& value = node.IsMap() ? entry.second : entry;
    if (value.IsMap() || value.IsSequence()) {
      return true;
    }
  }
  return false;
}

void emit_node(YAML::Emitter& out, const YAML::Node& node, int depth)
{
  switch (node.Type()) {
  case YAML::NodeType::Scalar:
    // yaml-cpp tags a plain scalar it read "?", a quoted one "!", a new one "".
    if (node.Tag() == "!" || needs_quotes(node.Scalar())
        || (node.Tag().empty() && reads_as_non_string(node.Scalar()))) {
      out << YAML::DoubleQuoted;
    }
    out << node.Scalar();
    return;
  case YAML::NodeType::Map:
  case YAML::NodeType::Sequence: {
    out << (depth <= 2 || holds_collection(node) ? YAML::Block : YAML::Flow);
    if (node.IsMap()) {
      out << YAML::BeginMap;
      for (const auto& entry : node) {
        out << YAML::Key;
        emit_node(out, entry.first, depth + 1);
        out << YAML::Value;
        emit_node(out, entry.second, depth + 1);
      }
      out << YAML::EndMap;
    } else {
      out << YAML::BeginSeq;
      for (const auto& item : node) {
        emit_node(out, item, depth + 1);
      }
      out << YAML::EndSeq;
    }
    return;
  }
  case YAML::NodeType::Null:
  case YAML::NodeType::Undefined:
    out << YAML::Null;
    return;
  }
}

} // namespace

std::string format_yaml(const YAML::Node& root)
{
  YAML::Emitter out;
  emit_node(out, root, 0);
  return out.c_str();
}

} // namespace tandem::io
