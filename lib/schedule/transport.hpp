#pragma once

#include <chrono>
#include <filesystem>
#include <string>

// Where reminder messages go: behind an interface so that the reminder run can
// be tested without a mail system, and staff can write .eml files instead.
namespace tandem::schedule {

struct OutgoingMessage {
  std::string recipient;  // the one address in To:
  std::string message_id; // <...>, unique per reminder and recipient
  std::string text;       // the whole message, LF line ends
};

class MailTransport {
public:
  virtual ~MailTransport() = default;
  // True when the message was handed over; otherwise `problem` says why (a
  // temporary failure: the next run tries again). Throws tandem::Error when no
  // run can succeed (a mail command that does not exist).
  virtual bool deliver(const OutgoingMessage& message, std::string& problem) = 0;
};

// Pipes each message to a sendmail-compatible command (`sendmail -t -i`, `msmtp
// -t`) run by /bin/sh; exit status 0 after reading the whole message is the only
// proof of delivery. A command still running after `timeout` is killed (with
// what it started) and the send counts as a temporary failure: a hung mail
// program must not hold the cron job and its lock for ever. A command the shell
// cannot run (exit 126 or 127) is a configuration error. The command's own
// output goes to standard error: standard output is tandem's.
class SendmailTransport final : public MailTransport {
public:
  SendmailTransport(std::string command, std::chrono::seconds timeout);
  bool deliver(const OutgoingMessage& message, std::string& problem) override;

private:
  std::string m_command;
  std::chrono::seconds m_timeout;
};

// Writes each message as an .eml file (CRLF line ends) into a folder.
class OutboxTransport final : public MailTransport {
public:
  explicit OutboxTransport(std::filesystem::path folder);
  bool deliver(const OutgoingMessage& message, std::string& problem) override;

private:
  std::filesystem::path m_folder;
};

} // namespace tandem::schedule
