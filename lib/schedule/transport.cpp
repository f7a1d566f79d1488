#include "schedule/transport.hpp"

#include "io/atomic_file.hpp"
#include "io/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <fcntl.h>
#include <csignal>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

namespace tandem::schedule {

namespace {

std::string exit_description(int status)
{
  if (WIFEXITED(status)) {
    return fmt::format("exited with status {}", WEXITSTATUS(status));
  }
  if (WIFSIGNALED(status)) {
    return fmt::format("was killed by signal {}", WTERMSIG(status));
  }
  return "ended abnormally";
}

} // namespace

SendmailTransport::SendmailTransport(std::string command) : m_command(std::move(command))
{
  // A command that exits without reading its input must not kill tandem with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
}

bool SendmailTransport::deliver(const OutgoingMessage& message, std::string& problem)
{
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    problem = fmt::format("cannot create a pipe: {}", std::strerror(errno));
    return false;
  }
  const pid_t child = ::fork();
  if (child < 0) {
    problem = fmt::format("cannot start the mail command: {}", std::strerror(errno));
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return false;
  }
  if (child == 0) {
    ::dup2(pipe_fds[0], STDIN_FILENO);
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    ::signal(SIGPIPE, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", m_command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(pipe_fds[0]);
  const bool written = io::write_to_descriptor(pipe_fds[1], message.text);
  ::close(pipe_fds[1]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      problem = fmt::format("cannot wait for the mail command: {}", std::strerror(errno));
      return false;
    }
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && written) {
    return true;
  }
  problem = fmt::format("the mail command `{}` {}", m_command,
                        written ? exit_description(status)
                                : "did not read the whole message and " + exit_description(status));
  return false;
}

OutboxTransport::OutboxTransport(std::filesystem::path folder) : m_folder(std::move(folder)) {}

bool OutboxTransport::deliver(const OutgoingMessage& message, std::string& problem)
{
  // The file is named after the Message-ID: one file per reminder and recipient.
  std::string name = message.message_id.substr(1, message.message_id.size() - 2);
  std::string text;
  text.reserve(message.text.size() + message.text.size() / 40);
  for (const char c : message.text) {
    if (c == '\n') {
      text += '\r';
    }
    text += c;
  }
  try {
    std::filesystem::create_directories(m_folder);
    io::write_file_atomically(m_folder / (name + ".eml"), text);
  } catch (const std::exception& e) {
    problem = e.what();
    return false;
  }
  return true;
}

} // namespace tandem::schedule
