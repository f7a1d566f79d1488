#include "schedule/mail.hpp"

#include "io/encoding.hpp"
#include "io/error.hpp"
#include "io/text.hpp"
#include "model/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace tandem::schedule {

namespace {

constexpr std::size_t k_encoded_bytes_per_word = 45; // 60 base64 characters + 12 of frame = 72
// Longer plain text is sent as encoded words too, which fold: RFC 5322 wants
// lines of 78 characters and allows no more than 998.
constexpr std::size_t k_plain_header_length = 66;

std::string base64(std::string_view bytes)
{
  static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t index = 0; index < bytes.size(); index += 3) {
    const std::size_t count = std::min<std::size_t>(3, bytes.size() - index);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      group = (group << 8U) | (k < count ? static_cast<unsigned char>(bytes[index + k]) : 0U);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= count ? alphabet[(group >> (18 - 6 * k)) & 0x3FU] : '=';
    }
  }
  return out;
}

bool is_plain_header_text(std::string_view text)
{
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

} // namespace

std::string encode_header_text(std::string_view text)
{
  if (is_plain_header_text(text) && text.size() <= k_plain_header_length) {
    return std::string(text);
  }
  std::string out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = std::min(text.size(), begin + k_encoded_bytes_per_word);
    while (end < text.size() && end > begin + 1 && io::is_utf8_continuation(text[end])) {
      --end; // never split a UTF-8 character between two words
    }
    if (!out.empty()) {
      out += "\n "; // folding white space between encoded words is not part of the text
    }
    out += "=?UTF-8?B?" + base64(text.substr(begin, end - begin)) + "?=";
    begin = end;
  }
  return out;
}

std::string format_mailbox(const Mailbox& mailbox)
{
  if (mailbox.name.empty()) {
    return mailbox.address;
  }
  std::string name;
  // A long name is sent as encoded words too, which fold: a quoted string cannot,
  // and a To: line past 998 octets breaks RFC 5322 (found by fuzz_mail_header).
  if (!is_plain_header_text(mailbox.name) || mailbox.name.size() > k_plain_header_length) {
    name = encode_header_text(mailbox.name);
  } else if (mailbox.name.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) {
    name = mailbox.name;
  } else {
    name = "\"";
    for (const char c : mailbox.name) {
      if (c == '"' || c == '\\') {
        name += '\\';
      }
      name += c;
    }
    name += '"';
  }
  return name + " <" + mailbox.address + ">";
}

std::string rfc5322_date(Instant instant, std::chrono::seconds offset)
{
  static constexpr std::array<std::string_view, 7> weekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto local = instant.time_since_epoch() + offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{std::chrono::sys_days(day)};
  const std::chrono::weekday weekday{std::chrono::sys_days(day)};
  const long seconds = (local - day).count();
  const long minutes_east = offset.count() / 60;
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}", weekdays[weekday.c_encoding()],
                     static_cast<unsigned>(date.day()), months[static_cast<unsigned>(date.month()) - 1],
                     static_cast<int>(date.year()), seconds / 3600, seconds / 60 % 60, seconds % 60,
                     minutes_east < 0 ? '-' : '+', std::labs(minutes_east) / 60, std::labs(minutes_east) % 60);
}

std::string address_domain(std::string_view mailbox)
{
  const auto at = mailbox.rfind('@');
  if (at == std::string_view::npos) {
    return "localhost";
  }
  std::string_view domain = mailbox.substr(at + 1);
  if (!domain.empty() && domain.back() == '>') {
    domain.remove_suffix(1);
  }
  return io::to_lower_ascii(io::trim(domain));
}

std::string message_id(std::string_view project, std::string_view reminder_key, std::string_view recipient,
                       std::string_view domain)
{
  const std::string identity = fmt::format("{}\n{}\n{}", project, reminder_key, io::to_lower_ascii(recipient));
  return fmt::format("<tandem.{}@{}>", io::stable_hash(identity), domain);
}

std::string compose_message(const MailContent& content, const std::string& date)
{
  // check refuses such values; this is the last line of defence against a header
  // of the data's own making (a Bcc: after a line break).
  for (const auto& [what, value] : {std::pair<std::string_view, const std::string*>{"From", &content.from},
                                    {"To", &content.to.address}, {"To", &content.to.name},
                                    {"Subject", &content.subject}, {"X-Tandem-Reminder", &content.reminder_key},
                                    {"Message-ID", &content.message_id}}) {
    if (model::has_control_character(*value)) {
      throw Error(fmt::format("the {} header of reminder {} would hold a line break or a control character: "
                              "not sent (`tandem check` names the value)",
                              what, content.reminder_key.substr(0, content.reminder_key.find_first_of("\r\n"))));
    }
  }
  std::string text;
  text += "From: " + content.from + "\n";
  text += "To: " + format_mailbox(content.to) + "\n";
  text += "Subject: " + encode_header_text(content.subject) + "\n";
  text += "Date: " + date + "\n";
  text += "Message-ID: " + content.message_id + "\n";
  text += "MIME-Version: 1.0\n";
  text += "Content-Type: text/plain; charset=UTF-8\n";
  text += "Content-Transfer-Encoding: 8bit\n";
  // RFC 3834: tells auto-responders (vacation replies) not to answer.
  text += "Auto-Submitted: auto-generated\n";
  text += "X-Tandem-Reminder: " + content.reminder_key + "\n";
  text += "\n";
  text += content.body;
  if (!content.body.empty() && content.body.back() != '\n') {
    text += '\n';
  }
  return text;
}

} // namespace tandem::schedule
