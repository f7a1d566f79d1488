#include "io/yaml_document.hpp"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <memory>

namespace tandem::io {

namespace {

bool is_plain_null(const yaml_event_t& event, std::string_view text)
{
  return event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
         && (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL");
}

} // namespace

const YamlNode& YamlNode::operator[](std::string_view key) const
{
  for (const auto& [name, value] : m_entries) {
    if (name == key) {
      return value;
    }
  }
  return missing();
}

const YamlNode& YamlNode::missing()
{
  static const YamlNode node;
  return node;
}

// Builds nodes from libyaml's event stream, one container level per call.
class YamlBuilder {
public:
  explicit YamlBuilder(yaml_parser_t& parser) : m_parser(parser) {}

  // The next node of the stream, or std::nullopt at the end of a container or
  // document; throws ParseFailure on a syntax error.
  std::optional<YamlNode> next_node()
  {
    Event event(m_parser);
    const Depth depth(m_depth, event.get());
    ++m_own_nodes;
    YamlNode node;
    node.m_line = event.get().start_mark.line + 1;
    node.m_column = event.get().start_mark.column + 1;
    const char* anchor = nullptr;
    switch (event.get().type) {
    case YAML_SCALAR_EVENT: {
      const yaml_event_t& e = event.get();
      const std::string_view text(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
      node.m_kind = is_plain_null(e, text) ? YamlNode::Kind::null : YamlNode::Kind::scalar;
      node.m_scalar = text;
      anchor = reinterpret_cast<const char*>(e.data.scalar.anchor);
      break;
    }
    case YAML_SEQUENCE_START_EVENT:
      node.m_kind = YamlNode::Kind::sequence;
      anchor = reinterpret_cast<const char*>(event.get().data.sequence_start.anchor);
      {
        const std::string anchor_name = anchor == nullptr ? "" : anchor;
        while (auto item = next_node()) {
          node.m_items.push_back(std::move(*item));
        }
        return remember(anchor_name, std::move(node));
      }
    case YAML_MAPPING_START_EVENT:
      node.m_kind = YamlNode::Kind::mapping;
      anchor = reinterpret_cast<const char*>(event.get().data.mapping_start.anchor);
      {
        const std::string anchor_name = anchor == nullptr ? "" : anchor;
        while (auto key = next_node()) {
          auto value = next_node();
          std::string name = key->is_scalar() ? key->m_scalar : std::string();
          if (const auto& earlier = node[name]; !name.empty() && !earlier.is_missing()) {
            // Other readers take the first value or the last: refused, not guessed.
            throw ParseFailure{key->m_line, key->m_column,
                               "the key \"" + name + "\" is there twice (first on line "
                                 + std::to_string(earlier.m_line) + ")"};
          }
          node.m_entries.emplace_back(std::move(name), value ? std::move(*value) : YamlNode{});
        }
        return remember(anchor_name, std::move(node));
      }
    case YAML_ALIAS_EVENT: {
      const std::string anchor_name = reinterpret_cast<const char*>(event.get().data.alias.anchor);
      const auto it = m_anchors.find(anchor_name);
      if (it == m_anchors.end()) {
        throw ParseFailure{node.m_line, node.m_column,
                           "the alias *" + anchor_name + " names no anchor (&" + anchor_name
                             + ") defined before it"};
      }
      // Each alias is a copy: nested ones ("billion laughs") multiply. Refuse
      // before copying once the copies outgrow the document's own nodes.
      m_copied_nodes += node_count(it->second);
      if (m_copied_nodes > std::max(yaml_min_alias_budget, yaml_alias_factor * m_own_nodes)) {
        throw ParseFailure{node.m_line, node.m_column, "alias expands too far"};
      }
      YamlNode copy = it->second;
      copy.m_line = node.m_line;
      copy.m_column = node.m_column;
      return copy;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_STREAM_END_EVENT:
      return std::nullopt;
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_NO_EVENT:
      return next_node();
    }
    return remember(anchor == nullptr ? "" : anchor, std::move(node));
  }

  static YamlNode null_node()
  {
    YamlNode node;
    node.m_kind = YamlNode::Kind::null;
    node.m_line = 1;
    node.m_column = 1;
    return node;
  }

  struct ParseFailure {
    std::size_t line;
    std::size_t column;
    std::string message;
  };

private:
  // One event, freed on every path.
  class Event {
  public:
    explicit Event(yaml_parser_t& parser)
    {
      if (yaml_parser_parse(&parser, &m_event) == 0) {
        throw ParseFailure{parser.problem_mark.line + 1, parser.problem_mark.column + 1,
                           std::string(parser.problem != nullptr ? parser.problem : "syntax error")
                             + (parser.context != nullptr ? std::string(" ") + parser.context : "")};
      }
    }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    ~Event() { yaml_event_delete(&m_event); }
    const yaml_event_t& get() const { return m_event; }

  private:
    yaml_event_t m_event{};
  };

  // Guards the recursion: a hostile file of deeply nested lists must not
  // overflow the stack.
  class Depth {
  public:
    Depth(std::size_t& depth, const yaml_event_t& event) : m_depth(depth)
    {
      if (++m_depth > max_yaml_depth) {
        throw ParseFailure{event.start_mark.line + 1, event.start_mark.column + 1,
                           "nested deeper than tandem's files ever are"};
      }
    }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
    ~Depth() { --m_depth; }

  private:
    std::size_t& m_depth;
  };

  static std::size_t node_count(const YamlNode& node)
  {
    std::size_t count = 1;
    for (const auto& item : node.m_items) {
      count += node_count(item);
    }
    for (const auto& entry : node.m_entries) {
      count += 1 + node_count(entry.second);
    }
    return count;
  }

  YamlNode remember(const std::string& anchor, YamlNode node)
  {
    if (!anchor.empty()) {
      m_anchors[anchor] = node;
    }
    return node;
  }

  yaml_parser_t& m_parser;
  std::map<std::string, YamlNode> m_anchors;
  std::size_t m_depth = 0;
  std::size_t m_own_nodes = 0;    // events read
  std::size_t m_copied_nodes = 0; // nodes copied by aliases
};

std::optional<YamlNode> read_yaml(std::string_view text, const std::string& file,
                                  Diagnostics& diagnostics)
{
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) {
    throw Error("cannot start the YAML parser (out of memory?)");
  }
  const std::unique_ptr<yaml_parser_t, decltype(&yaml_parser_delete)> guard(&parser, yaml_parser_delete);
  // libyaml asserts on a null pointer, which an empty string_view may hold (found by fuzz_yaml).
  const char* input = text.data() == nullptr ? "" : text.data();
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(input), text.size());
  try {
    YamlBuilder builder(parser);
    auto root = builder.next_node();
    if (!root) {
      return YamlBuilder::null_node(); // an empty file
    }
    builder.next_node(); // the end of the document
    if (const auto second = builder.next_node()) {
      throw YamlBuilder::ParseFailure{second->line(), second->column(),
                                      "a second YAML document (after ---): tandem reads one"};
    }
    return root;
  } catch (const YamlBuilder::ParseFailure& failure) {
    diagnostics.error(file, failure.line, "not valid YAML: " + failure.message, failure.column);
    return std::nullopt;
  }
}

} // namespace tandem::io
