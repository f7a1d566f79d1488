#pragma once

#include <chrono>
#include <filesystem>

namespace tandem::io {

// An exclusive lock on a workspace (flock on .tandem/lock), held for the lifetime
// of the object. The kernel drops it when the process dies, so a crashed run never
// leaves a stale lock behind.
class WorkspaceLock {
public:
  // Waits up to `wait` for the lock; throws tandem::Error with exit code 75 when
  // another run still holds it.
  WorkspaceLock(const std::filesystem::path& state_folder, std::chrono::milliseconds wait);
  WorkspaceLock(const WorkspaceLock&) = delete;
  WorkspaceLock& operator=(const WorkspaceLock&) = delete;
  ~WorkspaceLock();

  // How long a command waits by default: TANDEM_LOCK_WAIT_SECONDS, else 5 seconds.
  static std::chrono::milliseconds default_wait();

private:
  int m_fd = -1;
};

} // namespace tandem::io
