#include "io/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace tandem::io;

TEST_CASE("problems print as FILE:LINE[:COLUMN]: severity: message")
{
  CHECK(Problem{"students.csv", 12, 0, Severity::error, "email: bad"}.to_string()
        == "students.csv:12: error: email: bad");
  CHECK(Problem{"companies.yaml", 4, 18, Severity::warning, "x"}.to_string()
        == "companies.yaml:4:18: warning: x");
  CHECK(Problem{"tandem.yaml", 0, 0, Severity::error, "missing"}.to_string()
        == "tandem.yaml: error: missing");
}

TEST_CASE("problems are reported sorted, each once")
{
  Diagnostics diagnostics;
  diagnostics.error("b.csv", 2, "second");
  diagnostics.warning("a.csv", 10, "warn");
  diagnostics.error("a.csv", 9, "first");
  diagnostics.error("b.csv", 2, "second");
  std::ostringstream out;
  const auto counts = diagnostics.print(out);
  CHECK(out.str()
        == "a.csv:9: error: first\n"
           "a.csv:10: warning: warn\n"
           "b.csv:2: error: second\n");
  CHECK(counts.errors == 2);
  CHECK(counts.warnings == 1);
  CHECK(diagnostics.has_errors());
}
