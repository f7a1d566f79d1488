#pragma once

#include <string>
#include <string_view>

// The text rules of iCalendar (RFC 5545 section 3.1 and 3.3.11) that every
// calendar writer needs; the calendar's content is built elsewhere.
namespace tandem::schedule {

// A TEXT value escaped: backslash, semicolon, comma and line breaks.
std::string escape_text(std::string_view text);

// One content line, folded: no line longer than 75 octets (CRLF not counted),
// never splitting a UTF-8 character; each continuation starts with a space.
// Ends with CRLF.
std::string content_line(std::string_view line);

} // namespace tandem::schedule
