#include "io/yaml.hpp"

namespace tandem::io {

std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics)
{
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
