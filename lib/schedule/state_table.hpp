#pragma once

#include "io/csv.hpp"

#include <string>
#include <string_view>
#include <vector>

// The CSV files tandem keeps for itself under .tandem/ (the reminder ledger,
// the calendar's revisions): a fixed header, then records of that many fields.
namespace tandem::schedule {

// The records of `text` (empty text: none). Throws tandem::Error naming
// `display_name` and the line when the header or a record is not as expected:
// a damaged state file stops the command rather than being overwritten.
std::vector<io::CsvRecord> read_state_table(std::string_view text, const std::string& display_name,
                                           const std::vector<std::string>& header);

} // namespace tandem::schedule
