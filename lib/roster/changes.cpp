#include "roster/changes.hpp"

#include "io/error.hpp"
#include "io/text.hpp"
#include "report/participation.hpp"
#include "workspace/readers.hpp"

#include <fmt/format.h>

namespace tandem::roster {

namespace {

using model::format_date;

// "Linh Tran (s1)"
std::string who(const workspace::Workspace& workspace, const std::string& id)
{
  return fmt::format("{} ({})", workspace.student_name(id), id);
}

std::size_t roster_row(const io::CsvTable& students, const std::string& id)
{
  const auto row = students.find_row("id", id);
  if (!row) {
    throw Error(fmt::format("students.csv has no student {}", id));
  }
  return *row;
}

} // namespace

workspace::PlannedChange plan_student_change(const workspace::Workspace& workspace, const io::CsvTable& students,
                               const StudentRequest& request)
{
  workspace::PlannedChange plan;
  io::CsvTable updated = students;
  bool changed = false;
  const report::ActivityLog log(workspace);
  for (const auto& id : request.ids) {
    const std::size_t row = roster_row(updated, id);
    const auto summary = workspace.student_index.find(id);
    const std::string name = who(workspace, id);
    switch (request.change) {
    case StudentChange::hold:
    case StudentChange::release: {
      const bool hold = request.change == StudentChange::hold;
      auto& cell = updated.cell(row, "matching");
      if ((io::trim(cell) == "hold") == hold) {
        plan.lines.push_back(fmt::format("{}: already {}", name, hold ? "on hold" : "not on hold"));
        continue;
      }
      cell = hold ? "hold" : "";
      plan.lines.push_back(fmt::format("{}: {}", name, hold ? "on hold: every match leaves them out until released"
                                                            : "released: the next match may place them"));
      changed = true;
      break;
    }
    case StudentChange::leave: {
      const model::Date day = *request.date;
      const auto& first = log.raw_entries()[summary->second.ordinal];
      if (first && day < *first) {
        plan.refusals.push_back(fmt::format("{}: cannot leave on {}, before their first activity in the project "
                                            "({})",
                                            name, format_date(day), format_date(*first)));
        continue;
      }
      auto& cell = updated.cell(row, "left");
      const std::string before(io::trim(cell));
      if (before == format_date(day)) {
        plan.lines.push_back(fmt::format("{}: already left on {}", name, before));
        continue;
      }
      cell = format_date(day);
      plan.lines.push_back(before.empty() ? fmt::format("{}: left on {}", name, format_date(day))
                                          : fmt::format("{}: left on {} (was {})", name, format_date(day), before));
      changed = true;
      break;
    }
    }
  }
  if (changed && plan.refusals.empty()) {
    plan.contents = io::format_csv_table(updated);
  }
  return plan;
}

workspace::PlannedChange plan_outcome(const workspace::Workspace& workspace, const std::optional<io::CsvTable>& outcomes,
                        const OutcomeRequest& request)
{
  if (workspace.student_index.count(request.student_id) == 0) {
    throw Error(fmt::format("students.csv has no student {}", request.student_id));
  }
  workspace::PlannedChange plan;
  io::CsvTable updated;
  if (outcomes) {
    updated = *outcomes;
  } else {
    const auto& columns = workspace::outcomes_schema().columns;
    updated.header = io::CsvHeader(std::vector<std::string>(columns.begin(), columns.end()));
  }
  const std::string date = format_date(request.date);
  std::optional<std::size_t> row;
  for (std::size_t i = 0; i < updated.rows.size(); ++i) {
    if (io::trim(updated.cell(i, "student_id")) == request.student_id && io::trim(updated.cell(i, "date")) == date) {
      row = i; // merged by (student, date): the last such row is the one that counts
    }
  }
  const std::string status(model::to_string(request.status));
  const std::string line = fmt::format("{}: {} on {}{}", who(workspace, request.student_id), status, date,
                                       request.employer.empty() ? "" : " at " + request.employer);
  if (row && io::trim(updated.cell(*row, "status")) == status
      && io::trim(updated.cell(*row, "employer")) == request.employer
      && (request.note.empty() || io::trim(updated.cell(*row, "note")) == request.note)) {
    plan.lines.push_back(line + ": already recorded");
    return plan;
  }
  const bool replaces = row.has_value();
  if (!replaces) {
    updated.rows.push_back({0, std::vector<std::string>(updated.header.size())});
    row = updated.rows.size() - 1;
  }
  updated.cell(*row, "student_id") = request.student_id;
  updated.cell(*row, "date") = date;
  updated.cell(*row, "status") = status;
  updated.cell(*row, "employer") = request.employer;
  if (!request.note.empty()) {
    updated.cell(*row, "note") = request.note;
  }
  plan.lines.push_back(line + (replaces ? " (replaces the row of that date)" : ""));
  plan.contents = io::format_csv_table(updated);
  return plan;
}

} // namespace tandem::roster
