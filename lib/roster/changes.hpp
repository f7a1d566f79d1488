#pragma once

#include "io/csv.hpp"
#include "model/enums.hpp"
#include "model/values.hpp"
#include "workspace/load.hpp"
#include "workspace/writer.hpp"

#include <optional>
#include <string>
#include <vector>

// `tandem student` and `tandem outcome add`: the changes to students.csv and
// outcomes.csv that staff make one at a time, by command instead of in a
// spreadsheet. Each is planned on the file as read (unknown columns kept) and
// written by the caller through the workspace writer.
namespace tandem::roster {

enum class StudentChange {
  hold,    // `matching: hold`: every match leaves the student out
  release, // clears the hold
  leave,   // sets `left`
};

struct StudentRequest {
  StudentChange change = StudentChange::hold;
  std::vector<std::string> ids;
  std::optional<model::Date> date; // leave: the leaving day (required)
};

// Plans the change on `students` (students.csv as read). Throws tandem::Error
// for an id that the roster does not have.
workspace::PlannedChange plan_student_change(const workspace::Workspace& workspace, const io::CsvTable& students,
                               const StudentRequest& request);

struct OutcomeRequest {
  std::string student_id;
  model::Date date;
  model::OutcomeStatus status = model::OutcomeStatus::employed;
  std::string employer; // a company id or free text
  std::string note;
};

// Adds an outcome row, or replaces the student's row of that date (outcomes
// are merged by student and date). `outcomes` is outcomes.csv as read (none yet:
// std::nullopt). Throws tandem::Error for an unknown student.
workspace::PlannedChange plan_outcome(const workspace::Workspace& workspace, const std::optional<io::CsvTable>& outcomes,
                        const OutcomeRequest& request);

} // namespace tandem::roster
