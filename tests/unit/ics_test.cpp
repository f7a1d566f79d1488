#include "schedule/ics.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using tandem::schedule::content_line;
using tandem::schedule::escape_text;

namespace {

std::vector<std::string> physical_lines(const std::string& text)
{
  std::vector<std::string> lines;
  std::size_t begin = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", begin)) {
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 2;
  }
  REQUIRE(begin == text.size()); // every line ends with CRLF
  return lines;
}

// Unfolds as a calendar program does (RFC 5545 3.1): CRLF + one space removed.
std::string unfolded(const std::vector<std::string>& lines)
{
  std::string out = lines.front();
  for (std::size_t index = 1; index < lines.size(); ++index) {
    REQUIRE(lines[index].front() == ' ');
    out += lines[index].substr(1);
  }
  return out;
}

bool valid_utf8_start(const std::string& line)
{
  return line.empty() || (static_cast<unsigned char>(line.front()) & 0xC0U) != 0x80U;
}

} // namespace

TEST_CASE("ics: text values escape backslash, semicolon, comma and line breaks")
{
  CHECK(escape_text("CV; cover letter, Finnish\\English\nroom B210") == "CV\\; cover letter\\, Finnish\\\\English\\nroom B210");
  CHECK(escape_text("a\r\nb") == "a\\nb");
}

TEST_CASE("ics: long lines fold at 75 octets and never inside a UTF-8 character")
{
  const std::string ascii = "SUMMARY:" + std::string(200, 'x');
  const auto ascii_lines = physical_lines(content_line(ascii));
  CHECK(ascii_lines.front().size() == 75);
  CHECK(unfolded(ascii_lines) == ascii);

  // "ä" is two octets: place them across every possible fold position.
  for (std::size_t shift = 0; shift < 4; ++shift) {
    const std::string text = "DESCRIPTION:" + std::string(shift, 'a');
    std::string line = text;
    for (int n = 0; n < 100; ++n) {
      line += "äö€"; // 2 + 2 + 3 octets
    }
    const auto lines = physical_lines(content_line(line));
    for (const auto& physical : lines) {
      CHECK(physical.size() <= 75);
      CHECK(valid_utf8_start(physical.substr(physical.front() == ' ' ? 1 : 0)));
    }
    CHECK(unfolded(lines) == line);
  }
  CHECK(content_line("SHORT:x") == "SHORT:x\r\n");
}
