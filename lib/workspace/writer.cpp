#include "workspace/writer.hpp"

#include "io/atomic_file.hpp"
#include "io/text.hpp"
#include "model/values.hpp"

#include <algorithm>
#include <array>

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

bool is_date_column(std::string_view name)
{
  static constexpr std::array<std::string_view, 8> dates{"start",   "end",            "date",         "joined",
                                                        "left",    "available_from", "available_to", "birth_date"};
  return std::find(dates.begin(), dates.end(), io::header_key(name)) != dates.end();
}

std::optional<io::CsvTable> read_for_rewrite(const WorkspacePaths& paths, std::string_view name)
{
  std::error_code error;
  if (!fs::exists(paths.file(name), error)) {
    return std::nullopt;
  }
  auto reader = io::CsvReader::from_saved_file(paths.file(name), paths.display(name));
  io::CsvTable table = io::read_csv_table(reader);
  for (std::size_t column = 0; column < table.header.size(); ++column) {
    if (!is_date_column(table.header.names()[column])) {
      continue;
    }
    for (auto& row : table.rows) {
      if (column < row.fields.size()) {
        if (const auto date = model::parse_finnish_date(io::trim(row.fields[column]))) {
          row.fields[column] = model::format_date(*date);
        }
      }
    }
  }
  return table;
}

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
