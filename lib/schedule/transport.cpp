#include "schedule/transport.hpp"

#include "io/atomic_file.hpp"
#include "io/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tandem::schedule {

namespace {

// A file descriptor closed when it goes out of scope.
class Descriptor {
public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() { reset(); }
  int get() const { return m_fd; }
  void reset()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }

private:
  int m_fd;
};

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

SendmailTransport::SendmailTransport(std::string command, std::chrono::seconds timeout)
  : m_command(std::move(command)), m_timeout(timeout)
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
  const Descriptor read_end(pipe_fds[0]);
  Descriptor write_end(pipe_fds[1]);
  // Room for the whole message where the system allows: then the parent never
  // waits on a command that reads nothing.
  ::fcntl(write_end.get(), F_SETPIPE_SZ, static_cast<int>(std::min<std::size_t>(message.text.size() + 1, 1U << 20U)));
  const pid_t child = ::fork();
  if (child < 0) {
    problem = fmt::format("cannot start the mail command: {}", std::strerror(errno));
    return false;
  }
  if (child == 0) {
    ::setpgid(0, 0); // its own process group: a timeout kills what it started too
    ::dup2(read_end.get(), STDIN_FILENO);
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    ::signal(SIGPIPE, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", m_command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(child, child);
  const auto deadline = std::chrono::steady_clock::now() + m_timeout;
  // The parent keeps the read end open: what the command left unread stays in the
  // pipe, to be counted once it has exited (cron.md: reading the whole message is
  // part of the proof). Writes do not block, so the deadline holds.
  ::fcntl(write_end.get(), F_SETFL, O_NONBLOCK);
  std::size_t sent = 0;
  bool timed_out = false;
  while (sent < message.text.size() && !timed_out) {
    const auto wrote = ::write(write_end.get(), message.text.data() + sent, message.text.size() - sent);
    if (wrote > 0) {
      sent += static_cast<std::size_t>(wrote);
    } else if (wrote < 0 && errno != EAGAIN && errno != EINTR) {
      break;
    } else {
      timed_out = std::chrono::steady_clock::now() >= deadline;
      ::usleep(1000);
    }
  }
  write_end.reset();
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) {
      break;
    }
    if (done < 0 && errno != EINTR) {
      problem = fmt::format("cannot wait for the mail command: {}", std::strerror(errno));
      return false;
    }
    if (timed_out || std::chrono::steady_clock::now() >= deadline) {
      timed_out = true;
      ::kill(-child, SIGKILL);
      ::waitpid(child, &status, 0);
      break;
    }
    ::usleep(2000);
  }
  int unread = 0;
  if (::ioctl(read_end.get(), FIONREAD, &unread) != 0) {
    unread = 0;
  }
  if (timed_out) {
    problem = fmt::format("the mail command `{}` did not finish within {} s (reminders.send_timeout): killed",
                          m_command, m_timeout.count());
    return false;
  }
  const bool whole = sent == message.text.size() && unread == 0;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && whole) {
    return true;
  }
  // /bin/sh's 127 (not found) and 126 (not executable): no later run can succeed
  // either, so it is the configuration's error, not a temporary failure.
  if (WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127)) {
    throw Error(fmt::format("tandem.yaml: reminders.sendmail: the mail command `{}` cannot be run ({}: {}); "
                            "check reminders.sendmail",
                            m_command, exit_description(status),
                            WEXITSTATUS(status) == 127 ? "command not found" : "not executable"));
  }
  problem = fmt::format("the mail command `{}` {}", m_command,
                        whole ? exit_description(status)
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
