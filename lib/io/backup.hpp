#pragma once

#include <cstddef>
#include <filesystem>

namespace tandem::io {

// Keeps copies of workspace files before tandem replaces them, under
// BACKUP_ROOT/NAME/NNNNNN-YYYYMMDDTHHMMSSZ, the newest `keep` of each file.
class BackupStore {
public:
  explicit BackupStore(std::filesystem::path root, std::size_t keep = 10);

  // Copies `file` (which must exist) into the store and prunes the oldest copies;
  // when the newest copy already holds this version, makes none (so runs that
  // die before replacing the file never push older versions out). Removes what
  // a killed copy left behind. Returns the path of the copy of this version.
  // Throws tandem::Error when the copy fails.
  std::filesystem::path save(const std::filesystem::path& file);

private:
  std::filesystem::path m_root;
  std::size_t m_keep;
};

} // namespace tandem::io
