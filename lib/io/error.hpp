#pragma once

#include <stdexcept>
#include <string>

namespace tandem {

// Exit statuses fixed by cli.md.
enum class ExitCode : int {
  ok = 0,
  failure = 1,          // bad data, unreadable file, impossible request
  usage = 2,            // unknown flag, missing argument
  temporary_failure = 75 // lock held, mail transport refused: a later run may succeed
};

// An error that travels up to the command's single top-level catch. Local,
// expected problems (a bad cell, a bad row) are collected as Diagnostics instead.
class Error : public std::runtime_error {
public:
  explicit Error(const std::string& message, ExitCode code = ExitCode::failure)
    : std::runtime_error(message), m_code(code) {}
  ExitCode code() const { return m_code; }

private:
  ExitCode m_code;
};

} // namespace tandem
