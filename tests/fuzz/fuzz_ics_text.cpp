// The iCalendar text rules (RFC 5545 3.1, 3.3.11) on any bytes: an escaped value
// holds no line break; a folded content line has no line longer than 75 octets,
// never splits a UTF-8 character of valid input, and unfolds to what it folded.
#include "fuzz_target.hpp"

#include "io/encoding.hpp"
#include "schedule/ics.hpp"

#include <string>

using namespace tandem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = fuzz::as_text(data, size);
  const std::string escaped = schedule::escape_text(text);
  TANDEM_FUZZ_CHECK(escaped.find('\n') == std::string::npos);
  TANDEM_FUZZ_CHECK(escaped.find('\r') == std::string::npos);

  const std::string line = "DESCRIPTION:" + escaped;
  const std::string folded = schedule::content_line(line);
  TANDEM_FUZZ_CHECK(folded.size() >= 2 && folded.ends_with("\r\n"));
  const bool valid = io::is_valid_utf8(line);
  std::string unfolded;
  std::size_t start = 0;
  while (start < folded.size()) {
    const auto end = folded.find("\r\n", start);
    TANDEM_FUZZ_CHECK(end != std::string::npos);
    const std::string_view physical(folded.data() + start, end - start);
    TANDEM_FUZZ_CHECK(physical.size() <= 75);
    if (start == 0) {
      unfolded += physical;
    } else {
      TANDEM_FUZZ_CHECK(!physical.empty() && physical.front() == ' ');
      // In valid UTF-8, a fold never falls inside a character.
      TANDEM_FUZZ_CHECK(!valid || physical.size() == 1 || !io::is_utf8_continuation(physical[1]));
      unfolded += physical.substr(1);
    }
    start = end + 2;
  }
  TANDEM_FUZZ_CHECK(unfolded == line);
  return 0;
}
