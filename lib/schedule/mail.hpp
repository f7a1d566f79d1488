#pragma once

#include "schedule/time_zone.hpp"

#include <string>
#include <string_view>

// Internet messages (RFC 5322, MIME, RFC 2047) for the reminders: plain UTF-8
// text, one recipient per message so that nobody sees anybody else's address.
namespace tandem::schedule {

struct Mailbox {
  std::string name; // may be empty
  std::string address;
  std::string language = "en"; // of the messages to this mailbox: en, fi or sv
};

// What one message says; compose_message() adds the rest.
struct MailContent {
  std::string from;    // as tandem.yaml reminders.from gives it
  Mailbox to;
  std::string subject; // any UTF-8
  std::string body;    // UTF-8, lines ending in \n
  std::string reminder_key;
  std::string message_id; // from message_id()
};

// A header's text as it may travel: unchanged when it is printable ASCII, else
// RFC 2047 encoded words (UTF-8, base64) of at most 75 characters, folded.
std::string encode_header_text(std::string_view text);
// `Name <address>` with the name quoted or encoded as it needs; the bare address without a name.
std::string format_mailbox(const Mailbox& mailbox);
// RFC 5322 date: `Mon, 07 Mar 2022 09:00:00 +0200`, at `instant` with `offset` from UTC.
std::string rfc5322_date(Instant instant, std::chrono::seconds offset);
// The domain of an address, `Name <user@example.fi>` or `user@example.fi`.
std::string address_domain(std::string_view mailbox);
// `<tandem.HASH@DOMAIN>`: the same for the same project, reminder and recipient,
// so a message sent twice (a run killed after sending, before recording) is
// recognised as one by the mail systems that deduplicate on Message-ID.
std::string message_id(std::string_view project, std::string_view reminder_key, std::string_view recipient,
                       std::string_view domain);
// The whole message with LF line ends (sendmail's convention; the outbox
// writes CRLF). `date` is the RFC 5322 date of the run.
std::string compose_message(const MailContent& content, const std::string& date);

} // namespace tandem::schedule
