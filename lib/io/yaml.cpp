#include "io/yaml.hpp"

#include "io/yaml_document.hpp"

namespace tandem::io {

std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics)
{
  // yaml-cpp sets no bound on aliases or nesting: the reader of every workspace
  // file reads it first, with its bounds (an alias bomb is refused there).
  if (!read_yaml(text, file, diagnostics)) {
    return std::nullopt;
  }
  try {
    return YAML::Load(std::string(text));
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

} // namespace tandem::io
