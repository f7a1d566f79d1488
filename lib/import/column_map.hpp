#pragma once

#include "io/diagnostics.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::import {

enum class ImportKind { students, companies, attendance, outcomes, feedback };

// Maps the column names of an export (another system's, in English or Finnish)
// to the contract's names. Built-in aliases cover the common headers; a map file
// (`--map`) adds to them and wins over them.
class ColumnMap {
public:
  static ColumnMap built_in(ImportKind kind);

  // Reads a map file:
  //   columns: {"Opiskelijanumero": id, "Puhelin": ""}   # "" drops a column
  //   values: {group: {KV: international}}              # optional value words
  // Problems go to `diagnostics` at their line.
  void add_file(std::string_view text, const std::string& file, io::Diagnostics& diagnostics);

  // The contract column for an export header; "" when the map drops it;
  // std::nullopt when the column is unknown (kept as an extra column).
  std::optional<std::string> target(std::string_view header) const;

  // A value word from the map file's `values:` for a contract column, if any.
  std::optional<std::string> translate(std::string_view column, std::string_view value) const;

  // The contract's column names for this kind.
  const std::vector<std::string>& columns() const { return m_columns; }

private:
  std::vector<std::string> m_columns;
  std::map<std::string, std::string> m_aliases;                           // header key -> column
  std::map<std::string, std::map<std::string, std::string>> m_values;     // column -> key -> value
};

// Lower case (ASCII and the Finnish/Swedish letters), trimmed, with spaces, '-'
// and '_' treated alike: "Sähköposti", "sähköposti " and "SÄHKÖPOSTI" match.
std::string alias_key(std::string_view header);

} // namespace tandem::import
