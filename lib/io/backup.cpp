#include "io/backup.hpp"

#include "io/atomic_file.hpp"
#include "io/error.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace tandem::io {

namespace fs = std::filesystem;

BackupStore::BackupStore(fs::path root, std::size_t keep) : m_root(std::move(root)), m_keep(keep)
{
}

fs::path BackupStore::save(const fs::path& file)
{
  const fs::path folder = m_root / file.filename();
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) {
    throw Error(fmt::format("{}: cannot create the backup folder: {}", folder.string(),
                            error.message()));
  }

  // Names start with a zero-padded sequence number, so name order is age order
  // even when two copies are made within one second.
  std::vector<fs::path> copies;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    const bool ours = name.size() > 7 && name[6] == '-'
                      && name.find_first_not_of("0123456789") == 6;
    if (entry.is_regular_file() && ours) {
      copies.push_back(entry.path());
    } else if (name.find(temporary_file_marker) != std::string::npos) {
      // A copy a killed run left half-made; the caller holds the workspace lock,
      // so no other run is writing it.
      fs::remove(entry.path(), error);
    }
  }
  std::sort(copies.begin(), copies.end());
  unsigned long next_sequence = 1;
  const std::string current = read_file(file, file.string());
  if (!copies.empty()) {
    // This version is kept already (a run that died after its backup, before
    // replacing the file): another copy would only push older versions out.
    if (read_file(copies.back(), copies.back().string()) == current) {
      return copies.back();
    }
    next_sequence = std::stoul(copies.back().filename().string()) + 1;
  }

  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(
    std::chrono::system_clock::now());
  const fs::path copy = folder / fmt::format("{:06}-{:%Y%m%dT%H%M%SZ}", next_sequence, now);
  write_file_atomically(copy, current);
  copies.push_back(copy);

  while (copies.size() > m_keep) {
    fs::remove(copies.front(), error);
    copies.erase(copies.begin());
  }
  return copy;
}

} // namespace tandem::io
