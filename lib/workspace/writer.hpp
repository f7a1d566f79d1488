#pragma once

#include "io/backup.hpp"
#include "io/workspace_lock.hpp"
#include "workspace/paths.hpp"

#include <string_view>

namespace tandem::workspace {

// The only way tandem changes a workspace file: it holds the workspace lock from
// construction on (so read, merge and write are one step no other run can split),
// keeps a copy of each file it replaces under .tandem/backup/, and writes
// atomically. Temporary files left by a run that was killed are removed first.
class WorkspaceWriter {
public:
  explicit WorkspaceWriter(const WorkspacePaths& paths);

  void replace(std::string_view name, std::string_view contents);

private:
  const WorkspacePaths& m_paths;
  io::WorkspaceLock m_lock;
  io::BackupStore m_backups;
};

} // namespace tandem::workspace
