#include "io/diagnostics.hpp"
#include "io/yaml.hpp"
#include "io/yaml_document.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tandem;

namespace {

// "Billion laughs": each level holds nine aliases of the one above; `levels`
// levels expand to 9^levels scalars from a few hundred bytes.
std::string alias_bomb(int levels)
{
  std::string text = "l0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (int level = 1; level < levels; ++level) {
    const std::string above = "*l" + std::to_string(level - 1);
    text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int k = 0; k < 9; ++k) {
      text += (k == 0 ? "" : ",") + above;
    }
    text += "]\n";
  }
  return text;
}

} // namespace

TEST_CASE("yaml: an alias bomb is refused at the alias, before it is copied")
{
  io::Diagnostics diagnostics;
  const std::string bomb = alias_bomb(9) + "project: {name: X}\n";
  REQUIRE(bomb.size() < 500);
  CHECK_FALSE(io::read_yaml(bomb, "tandem.yaml", diagnostics));
  const auto problems = diagnostics.sorted();
  REQUIRE(problems.size() == 1);
  const auto& problem = problems.front();
  CHECK(problem.message == "not valid YAML: alias expands too far");
  CHECK(problem.line == 6); // 9^6 copies of the first level exceed the bound at level 6
  CHECK(problem.column > 1);
  // yaml-cpp, used where tandem rewrites companies.yaml, is guarded by the same reader.
  io::Diagnostics again;
  CHECK_FALSE(io::parse_yaml(bomb, "companies.yaml", again));
  CHECK(again.sorted().size() == 1);
}

TEST_CASE("yaml: where yaml-cpp reads the aliases as a loop, parse_yaml refuses the file instead of overflowing")
{
  // Found by fuzz_yaml: libyaml reads `&mml:` as an anchor and the document as
  // bounded; yaml-cpp puts the alias *mmmSt inside the node it names, and
  // writing that tree back (import companies) recursed until the stack ran out.
  const std::string loop = "proj&mml:\n &mmmSt:\n )&mml:\n *mmmSt:";
  io::Diagnostics first;
  REQUIRE(io::read_yaml(loop, "companies.yaml", first)); // the reader alone lets it through
  io::Diagnostics diagnostics;
  CHECK_FALSE(io::parse_yaml(loop, "companies.yaml", diagnostics));
  const auto problems = diagnostics.sorted();
  REQUIRE(problems.size() == 1);
  CHECK(problems.front().file == "companies.yaml");
  CHECK(problems.front().message == "not valid YAML: its anchors and aliases make a loop or nest too deep; "
                                    "write the values out in full");
}

TEST_CASE("yaml: ordinary aliases and a large document pass")
{
  io::Diagnostics diagnostics;
  const auto small = io::read_yaml("defaults: &d {kind: workshop}\nevents:\n  - *d\n  - *d\n", "events.yaml", diagnostics);
  REQUIRE(small);
  CHECK((*small)["events"].items().size() == 2);
  CHECK((*small)["events"].items()[1]["kind"].scalar() == "workshop");
  CHECK(io::read_yaml(alias_bomb(4), "events.yaml", diagnostics)); // 9^4 = 6,561 copies: fine
  CHECK(diagnostics.sorted().empty());
}

TEST_CASE("yaml: nesting deeper than any tandem file is refused with its place")
{
  io::Diagnostics diagnostics;
  CHECK_FALSE(io::read_yaml(std::string(500, '[') + std::string(500, ']'), "events.yaml", diagnostics));
  REQUIRE(diagnostics.sorted().size() == 1);
  CHECK(diagnostics.sorted().front().message == "not valid YAML: nested deeper than tandem's files ever are");
}

TEST_CASE("yaml: a key twice and a second document are errors at their place")
{
  io::Diagnostics duplicate;
  CHECK_FALSE(io::read_yaml("project:\n  name: A\n  start: 2024-01-01\n  name: B\n", "tandem.yaml", duplicate));
  const auto twice = duplicate.sorted();
  REQUIRE(twice.size() == 1);
  CHECK(twice.front().line == 4);
  CHECK(twice.front().column == 3);
  CHECK(twice.front().message == "not valid YAML: the key \"name\" is there twice (first on line 2)");
  io::Diagnostics documents;
  CHECK_FALSE(io::read_yaml("events: []\n---\nevents: [{id: e1}]\n", "events.yaml", documents));
  const auto second = documents.sorted();
  REQUIRE(second.size() == 1);
  CHECK(second.front().line == 3);
  CHECK(second.front().message == "not valid YAML: a second YAML document (after ---): tandem reads one");
  io::Diagnostics fine;
  CHECK(io::read_yaml("---\nevents: []\n...\n", "events.yaml", fine)); // one document, marked
  CHECK(io::read_yaml("", "events.yaml", fine));                        // an empty file
  CHECK(fine.sorted().empty());
}

TEST_CASE("plain scalars that other YAML readers take for another type are recognised")
{
  for (const char* typed : {"", "~", "null", "NO", "no", "Yes", "on", "OFF", "y", "true", "0401234567",
                            "+358401234567", "25", "-7", "0x1F", "1_000", "1:30", "3.14", ".5", "1e3",
                            ".inf", "-.Inf", ".NaN"}) {
    INFO(typed);
    CHECK(tandem::io::reads_as_non_string(typed));
  }
  for (const char* text : {"SE", "Norway", "nO", "+358 40 3329619", "2024-05-06", "1234567-1",
                           "a@example.fi", "fi:B2", "0408a", "yes!"}) {
    INFO(text);
    CHECK_FALSE(tandem::io::reads_as_non_string(text));
  }
}
