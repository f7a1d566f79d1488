// The RFC 2047 header encoder on any bytes: its result is printable ASCII with
// folds only (LF then a space), no encoded word longer than 75 characters and
// no line longer than 78; and a whole message refuses a control character in a
// header rather than letting it start a header of its own.
#include "fuzz_target.hpp"

#include "io/error.hpp"
#include "schedule/mail.hpp"

#include <string>

using namespace tandem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = fuzz::as_text(data, size);
  const std::string encoded = schedule::encode_header_text(text);
  std::size_t line_length = std::string_view("Subject: ").size();
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    const auto byte = static_cast<unsigned char>(encoded[i]);
    if (byte == '\n') {
      TANDEM_FUZZ_CHECK(i + 1 < encoded.size() && encoded[i + 1] == ' '); // a fold, never a new header
      line_length = 0;
      continue;
    }
    TANDEM_FUZZ_CHECK(byte >= 0x20 && byte < 0x7F);
    ++line_length;
    TANDEM_FUZZ_CHECK(line_length <= 998);
  }

  schedule::MailContent content{"Career Services <career@example.fi>", {std::string(text), "a@example.fi"},
                                std::string(text), "Body\n", "event/e1/7d", "<tandem.1@example.fi>"};
  try {
    const std::string message = schedule::compose_message(content, "Mon, 07 Mar 2022 09:00:00 +0200");
    const auto headers_end = message.find("\n\n");
    TANDEM_FUZZ_CHECK(headers_end != std::string::npos);
    // Every header line starts a known header or is a fold.
    std::size_t start = 0;
    while (start < headers_end) {
      const auto end = message.find('\n', start);
      const std::string_view header(message.data() + start, end - start);
      TANDEM_FUZZ_CHECK(header.starts_with(" ") || header.starts_with("From: ") || header.starts_with("To: ")
                        || header.starts_with("Subject: ") || header.starts_with("Date: ")
                        || header.starts_with("Message-ID: ") || header.starts_with("MIME-Version: ")
                        || header.starts_with("Content-Type: ") || header.starts_with("Content-Transfer-Encoding: ")
                        || header.starts_with("Auto-Submitted: ") || header.starts_with("X-Tandem-Reminder: "));
      TANDEM_FUZZ_CHECK(header.size() <= 998);
      start = end + 1;
    }
  } catch (const Error&) {
    // a control character in a header value: refused, as it should be
  }
  return 0;
}
