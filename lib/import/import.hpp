#pragma once

#include "import/column_map.hpp"
#include "io/encoding.hpp"
#include "workspace/paths.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tandem::import {

enum class Delimiter { automatic, comma, semicolon, tab };

struct ImportOptions {
  ImportKind kind = ImportKind::students;
  std::filesystem::path file;
  std::optional<std::filesystem::path> map_file;
  Delimiter delimiter = Delimiter::automatic;
  io::Encoding encoding = io::Encoding::utf8;
  bool dry_run = false;
};

struct ChangedRow {
  std::string id;
  std::vector<std::string> fields; // the contract columns or keys whose value changed
};

struct RejectedRow {
  std::size_t line = 0; // the physical line of the export where the record starts
  std::string reason;
};

// What an import did (or, with dry_run, would do). Ids and column names only:
// no personal data beyond what staff need to find the row.
struct ImportReport {
  std::string source;      // the export, as named on the command line
  std::string target;      // the workspace file, as the user would name it
  char delimiter = ',';    // the one used (detected or given); ',' for YAML
  std::vector<std::string> added;
  std::vector<ChangedRow> changed;
  std::size_t unchanged = 0;
  std::vector<RejectedRow> rejected;
  std::vector<std::size_t> identical_rows;  // lines repeating an earlier row exactly: taken once
  std::vector<std::string> extra_columns;   // export columns kept as extra columns
  std::vector<std::string> dropped_columns; // export columns the map file drops
  std::vector<std::string> identity_code_columns; // columns of personal identity codes: never stored
  std::vector<std::string> warnings;        // doubts about the export as a whole
  bool written = false;
};

// Brings an export into the workspace: maps its columns, normalises values,
// checks every row with the workspace readers' rules and merges the good rows by
// id (attendance rows by event and attendee). A bad row is reported and never
// reaches the workspace; the good ones are merged all the same. Holds the
// workspace lock while it reads, merges and writes. Throws tandem::Error when the
// export or the map cannot be used at all (nothing is written then).
ImportReport import_file(const workspace::WorkspacePaths& paths, const ImportOptions& options);


} // namespace tandem::import
