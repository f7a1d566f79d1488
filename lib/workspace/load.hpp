#pragma once

#include "io/progress.hpp"

#include "io/diagnostics.hpp"
#include "model/workspace.hpp"
#include "workspace/paths.hpp"
#include "workspace/readers.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tandem::workspace {

// One attendance.csv row's ids, resolved: nullptr where the id is empty or names
// nothing (check reports the broken link).
struct AttendanceLink {
  const model::Event* event = nullptr;
  const StudentSummary* student = nullptr;
  const model::Company* company = nullptr;
};

// Movable, not copyable: the look-up tables point into the vectors.
struct Workspace {
  Workspace() = default;
  Workspace(Workspace&&) = default;
  Workspace& operator=(Workspace&&) = default;
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  std::optional<model::Project> project; // std::nullopt when tandem.yaml is broken
  std::vector<model::Student> students;  // the full records that were kept
  StudentIndex student_index;
  std::vector<model::Company> companies;
  std::vector<model::Event> events;
  std::vector<model::Attendance> attendance;
  // Per attendance row, its ids resolved once by index(): attendance can run to
  // millions of rows, and check, the report and the reminders all walk them.
  std::vector<AttendanceLink> attendance_links;
  std::vector<model::Placement> placements;
  std::vector<model::Outcome> outcomes;
  std::vector<model::Feedback> feedback; // feedback.csv, when there is one
  // Per outcome row, its student resolved once by index() (nullptr: unknown id).
  std::vector<const StudentSummary*> outcome_students;

  const model::Student* find_student(const std::string& id) const;
  const model::Company* find_company(const std::string& id) const;
  const model::Opening* find_opening(const std::string& id) const;
  const model::Event* find_event(const std::string& id) const;
  // The first row of placements.csv with this id (a linear search: the file has
  // hundreds of rows, looked up a few at a time).
  const model::Placement* find_placement(const std::string& id) const;

  // "First Last", or the id when the roster lacks the student: what people read.
  std::string student_name(const std::string& id) const;
  // The placement's company; a row added by hand may leave company_id to its opening's.
  const model::Company* company_of(const model::Placement& placement) const;
  // The placement's company's name, or its id when the workspace lacks it.
  std::string company_name_of(const model::Placement& placement) const;

  // Builds the look-up tables behind the find_ functions; call after the
  // vectors are filled (load_workspace does). Students are found through
  // student_index, which gets the position of each kept record (and an entry for
  // a record added without one).
  void index();

private:
  std::unordered_map<std::string, const model::Company*> m_companies_by_id;
  std::unordered_map<std::string, const model::Opening*> m_openings_by_id;
  std::unordered_map<std::string, const model::Event*> m_events_by_id;
};

enum class KeepStudents {
  all,                   // match, report, schedule
  placed_students_only,  // check: full records only where a placement needs them
};

// Reads every file of the workspace; all problems go to `diagnostics`. A missing
// required file is a problem, a missing optional file means "none yet".
// Each file is reported to `progress` (if any) as it is read.
Workspace load_workspace(const WorkspacePaths& paths, io::Diagnostics& diagnostics,
                         KeepStudents keep = KeepStudents::all, io::ProgressSink* progress = nullptr);

} // namespace tandem::workspace
