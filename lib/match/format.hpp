#pragma once

#include "io/csv.hpp"
#include "io/workbook.hpp"
#include "match/result.hpp"

#include <optional>
#include <string>
#include <vector>

// Everything `match` writes: the plan on standard output, placements.csv, and
// the candidate table of --scores.
namespace tandem::match {

// "9 international student(s) placed, objective 42.09, proven optimal" (or the gap
// in percent, or the blocking pairs left).
std::string summary_line(const MatchResult& result);
std::string to_table(const MatchInput& input, const MatchResult& result);
std::string to_csv(const MatchInput& input, const MatchResult& result);
// cli.md's JSON; `explanation` (from --explain) is added as an array of lines.
std::string to_json(const MatchInput& input, const MatchResult& result,
                    const std::vector<std::string>* explanation);
// The plan and the students left unplaced as two sheets, naming people and companies.
std::vector<io::Sheet> to_sheets(const MatchInput& input, const MatchResult& result);

// Every candidate as international_id,domestic_id,opening_id,score; scores at
// full round-trip precision.
std::string score_table_csv(const MatchInput& input);

// placements.csv after the run: every row not replaced, as it was (unknown
// columns, BOM and line ends kept), then the new proposed rows.
std::string updated_placements(const MatchInput& input, const MatchResult& result,
                               const std::optional<io::CsvTable>& existing);

} // namespace tandem::match
