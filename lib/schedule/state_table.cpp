#include "schedule/state_table.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

namespace tandem::schedule {

std::vector<io::CsvRecord> read_state_table(std::string_view text, const std::string& display_name,
                                           const std::vector<std::string>& header)
{
  std::vector<io::CsvRecord> rows;
  if (text.empty()) {
    return rows;
  }
  auto reader = io::CsvReader::from_memory(display_name, text);
  io::CsvRecord record;
  if (!reader.next(record) || record.fields != header) {
    throw Error(fmt::format("{}:1: expected the header {}; the file is tandem's own state, "
                            "restore it from a backup or move it away",
                            display_name, fmt::join(header, ",")));
  }
  while (reader.next(record)) {
    if (record.fields.size() != header.size()) {
      throw Error(fmt::format("{}:{}: expected {} fields, got {}; the file is tandem's own state, "
                              "restore it from a backup or move it away",
                              display_name, record.line, header.size(), record.fields.size()));
    }
    rows.push_back(std::move(record));
  }
  return rows;
}

} // namespace tandem::schedule
