#include "io/workspace_lock.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace tandem::io {

WorkspaceLock::WorkspaceLock(const std::filesystem::path& state_folder,
                             std::chrono::milliseconds wait)
{
  std::error_code error;
  std::filesystem::create_directories(state_folder, error);
  if (error) {
    // Say why (a read-only file system, no permission), not that the lock is missing.
    throw Error(fmt::format("{}: cannot create tandem's state folder: {}", state_folder.string(),
                            error.message()));
  }
  const auto lock_path = state_folder / "lock";
  m_fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) {
    throw Error(fmt::format("{}: cannot open the workspace lock: {}", lock_path.string(),
                            std::strerror(errno)));
  }
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const std::string reason = std::strerror(errno);
      ::close(m_fd);
      throw Error(fmt::format("{}: cannot take the workspace lock: {}", lock_path.string(), reason));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(m_fd);
      throw Error(fmt::format("another tandem run holds the workspace lock ({}); try again later",
                              lock_path.string()),
                  ExitCode::temporary_failure);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

WorkspaceLock::~WorkspaceLock()
{
  ::close(m_fd); // closing releases the flock
}

std::chrono::milliseconds WorkspaceLock::default_wait()
{
  constexpr double most_seconds = 24 * 60 * 60; // a cron job waits at most a day
  if (const char* text = std::getenv("TANDEM_LOCK_WAIT_SECONDS"); text != nullptr && *text != '\0') {
    char* end = nullptr;
    const double seconds = std::strtod(text, &end);
    // strtod takes "inf" and "nan": neither is a time to wait.
    if (*end != '\0' || !std::isfinite(seconds) || seconds < 0 || seconds > most_seconds) {
      throw Error(fmt::format("TANDEM_LOCK_WAIT_SECONDS: expected seconds from 0 to {}, got \"{}\"",
                              static_cast<long>(most_seconds), text),
                  ExitCode::usage);
    }
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
  return std::chrono::seconds(5);
}

} // namespace tandem::io
