// The YAML readers on any bytes: tandem's document reader (with its bounds on
// aliases and nesting) and yaml-cpp behind it, as `import companies` uses it;
// what import companies would write back reads as YAML again.
#include "fuzz_target.hpp"

#include "io/diagnostics.hpp"
#include "io/yaml.hpp"
#include "io/yaml_document.hpp"

#include <set>
#include <string>

using namespace tandem;

namespace {

// yaml-cpp and libyaml do not always agree (an anchor name with '?' in it, found
// by this target): yaml-cpp may see two equal keys where libyaml sees two. Then
// the written text has a duplicate key, which import refuses before writing.
bool has_duplicate_keys(const YAML::Node& node)
{
  if (node.IsSequence()) {
    for (const auto& item : node) {
      if (has_duplicate_keys(item)) {
        return true;
      }
    }
  } else if (node.IsMap()) {
    std::set<std::string> keys;
    for (const auto& entry : node) {
      if ((entry.first.IsScalar() && !keys.insert(entry.first.Scalar()).second) || has_duplicate_keys(entry.second)) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = fuzz::as_text(data, size);
  io::Diagnostics diagnostics;
  const auto document = io::read_yaml(text, "fuzz.yaml", diagnostics);
  TANDEM_FUZZ_CHECK(document.has_value() != diagnostics.has_errors());
  io::Diagnostics again;
  if (const auto node = io::parse_yaml(text, "fuzz.yaml", again)) {
    // What import companies writes back must read as YAML again.
    io::Diagnostics reread;
    TANDEM_FUZZ_CHECK(io::read_yaml(io::format_yaml(*node), "again.yaml", reread).has_value()
                      || has_duplicate_keys(*node));
  }
  return 0;
}
