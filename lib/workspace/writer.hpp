#pragma once

#include "io/backup.hpp"
#include "io/csv.hpp"
#include "io/workspace_lock.hpp"
#include "workspace/paths.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// A change to one workspace file made by a command (placement moves, student
// changes, outcomes): what it does, naming people, and the new contents, which
// are written only when nothing was refused.
struct PlannedChange {
  std::vector<std::string> lines;    // what changes (or would)
  std::vector<std::string> refusals; // each with its reason: nothing is written
  std::optional<std::string> contents; // the new file, when something changes and nothing was refused
};

// Whether a column of the contract's CSV files holds dates (start, end, date,
// joined, left, available_from, available_to, birth_date).
bool is_date_column(std::string_view name);

// A CSV file of the workspace as a table to rewrite (std::nullopt when it does
// not exist): read as a spreadsheet may have saved it (CsvReader::from_saved_file)
// and put in the canonical form that tandem writes: d.m.yyyy dates in date
// columns become YYYY-MM-DD (the delimiter and encoding follow from writing it).
// Throws io::ProblemError for a file that cannot be read whole.
std::optional<io::CsvTable> read_for_rewrite(const WorkspacePaths& paths, std::string_view name);

} // namespace tandem::workspace
