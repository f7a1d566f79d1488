#include "workspace/writer.hpp"

#include "io/atomic_file.hpp"

#include <filesystem>
#include <string>

namespace tandem::workspace {

namespace fs = std::filesystem;

namespace {

void remove_stale_temporary_files(const fs::path& folder)
{
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.path().filename().string().find(io::temporary_file_marker) != std::string::npos) {
      fs::remove(entry.path(), error);
    }
  }
}

} // namespace

WorkspaceWriter::WorkspaceWriter(const WorkspacePaths& paths)
  : m_paths(paths),
    m_lock(paths.state_folder(), io::WorkspaceLock::default_wait()),
    m_backups(paths.backup_folder())
{
  remove_stale_temporary_files(paths.root());
}

void WorkspaceWriter::replace(std::string_view name, std::string_view contents)
{
  const fs::path target = m_paths.file(name);
  std::error_code error;
  if (fs::exists(target, error)) {
    m_backups.save(target);
  }
  io::write_file_atomically(target, contents);
}

} // namespace tandem::workspace
