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
    }
  }
  std::sort(copies.begin(), copies.end());
  unsigned long next_sequence = 1;
  if (!copies.empty()) {
    next_sequence = std::stoul(copies.back().filename().string()) + 1;
  }

  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(
    std::chrono::system_clock::now());
  const fs::path copy = folder / fmt::format("{:06}-{:%Y%m%dT%H%M%SZ}", next_sequence, now);
  write_file_atomically(copy, read_file(file, file.string()));
  copies.push_back(copy);

  while (copies.size() > m_keep) {
    fs::remove(copies.front(), error);
    copies.erase(copies.begin());
  }
  return copy;
}

} // namespace tandem::io
