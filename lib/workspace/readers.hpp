#pragma once

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "model/workspace.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Readers of the workspace files (data-contract.md) into the typed model. Each
// checks what one file can show on its own: required columns and keys, formats,
// enums, unique ids. Links between files are checked by workspace/check.
namespace tandem::workspace {

// The columns of each CSV file of the contract, in the contract's order, and
// those of them that are required; `additions` are tandem's own optional
// columns (placements' `locked`, students' `matching`): read when present,
// written only by the command that sets them, never added to a file otherwise.
struct CsvSchema {
  std::vector<std::string_view> columns;
  std::vector<std::string_view> required;
  std::vector<std::string_view> additions;
};
const CsvSchema& students_schema();
const CsvSchema& attendance_schema();
const CsvSchema& placements_schema();
const CsvSchema& outcomes_schema();
const CsvSchema& feedback_schema();

std::optional<model::Project> read_project(std::string_view text, const std::string& file,
                                           io::Diagnostics& diagnostics);
std::vector<model::Company> read_companies(std::string_view text, const std::string& file,
                                           io::Diagnostics& diagnostics);
std::vector<model::Event> read_events(std::string_view text, const std::string& file,
                                      io::Diagnostics& diagnostics);

// What every command needs to know of every student, kept for the whole roster
// even when the full records are not: links and dates are checked against it.
struct StudentSummary {
  static constexpr std::size_t no_record = static_cast<std::size_t>(-1);

  std::size_t line = 0;
  model::Group group = model::Group::international;
  std::optional<model::Date> joined;
  std::optional<model::Date> left;
  std::vector<std::string> preferences; // checked against openings and companies
  std::size_t record = no_record;       // the full record's position, where one is kept
  std::size_t ordinal = no_record;      // the id's place among the roster's distinct ids, in file order
};
using StudentIndex = std::unordered_map<std::string, StudentSummary>;

StudentSummary summary_of(const model::Student& student);

// Reads every student into `index`, which is also how a duplicate id is found
// (the first row wins), and streams the full records that `keep` accepts to
// `sink`, in file order: a roster can be large, and most commands need few of
// them in full. `keep` runs on worker threads and must only read shared data.
// Rows with errors are still indexed and passed on, with defaults in place of
// the bad fields, so that links to them are not reported as dangling.
using StudentFilter = std::function<bool(const model::Student&)>;
using StudentSink = std::function<void(model::Student&&)>;
void read_students(io::CsvReader& reader, io::Diagnostics& diagnostics, StudentIndex& index,
                   const StudentFilter& keep, const StudentSink& sink);

// Checks one student row on its own, as `import` does before a row may enter the
// workspace; the same rules as read_students.
model::Student read_student_row(const io::CsvHeader& header, const io::CsvRecord& record,
                                const std::string& file, io::Diagnostics& diagnostics);

std::vector<model::Attendance> read_attendance(io::CsvReader& reader, io::Diagnostics& diagnostics);
std::vector<model::Placement> read_placements(io::CsvReader& reader, io::Diagnostics& diagnostics);
std::vector<model::Outcome> read_outcomes(io::CsvReader& reader, io::Diagnostics& diagnostics);
std::vector<model::Feedback> read_feedback(io::CsvReader& reader, io::Diagnostics& diagnostics);

// One row of a candidate table (`match --scores` writes it, `--scores-in` reads it).
struct ScoreRow {
  model::Origin origin;
  std::string international_id;
  std::string domestic_id; // empty: solo
  std::string opening_id;
  double score = 0;
};
const CsvSchema& score_table_schema();
std::vector<ScoreRow> read_score_table(io::CsvReader& reader, io::Diagnostics& diagnostics);

} // namespace tandem::workspace
