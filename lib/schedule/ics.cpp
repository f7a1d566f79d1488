#include "schedule/ics.hpp"

namespace tandem::schedule {

namespace {

constexpr std::size_t octets_per_line = 75;

bool continues_character(unsigned char octet) { return (octet & 0xC0U) == 0x80U; }

} // namespace

std::string escape_text(std::string_view text)
{
  std::string out;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    switch (c) {
    case '\\':
    case ';':
    case ',':
      out += '\\';
      out += c;
      break;
    case '\r':
      if (index + 1 < text.size() && text[index + 1] == '\n') {
        ++index;
      }
      out += "\\n";
      break;
    case '\n':
      out += "\\n";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string content_line(std::string_view line)
{
  std::string out;
  std::size_t begin = 0;
  std::size_t room = octets_per_line;
  while (line.size() - begin > room) {
    std::size_t end = begin + room;
    while (end > begin && continues_character(static_cast<unsigned char>(line[end]))) {
      --end; // back to the first octet of the character
    }
    out.append(line.substr(begin, end - begin));
    out += "\r\n ";
    begin = end;
    room = octets_per_line - 1; // the leading space counts
  }
  out.append(line.substr(begin));
  out += "\r\n";
  return out;
}

} // namespace tandem::schedule
