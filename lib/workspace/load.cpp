#include "workspace/load.hpp"

#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/error.hpp"
#include "workspace/readers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <unordered_set>

namespace tandem::workspace {

namespace {

template <typename Item>
const Item* find_in(const std::unordered_map<std::string, const Item*>& index,
                    const std::string& id)
{
  const auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

// The first of two equal ids wins, as in the readers' duplicate reports.
template <typename Item>
void index_by_id(const std::vector<Item>& items, std::unordered_map<std::string, const Item*>& index)
{
  index.clear();
  for (const auto& item : items) {
    index.try_emplace(item.id, &item);
  }
}

// The text of a YAML file, or std::nullopt (reported when the file is required).
std::optional<std::string> read_yaml_text(const WorkspacePaths& paths, std::string_view name,
                                          bool required, io::Diagnostics& diagnostics)
{
  try {
    auto text = io::read_file_if_exists(paths.file(name), paths.display(name));
    if (!text && required) {
      diagnostics.error(paths.display(name), 0,
                        "this required file is missing (`tandem init` creates a workspace)");
    }
    return text;
  } catch (const io::ProblemError& e) {
    diagnostics.add(e.problem());
    return std::nullopt;
  } catch (const Error& e) {
    diagnostics.error(paths.display(name), 0, e.what());
    return std::nullopt;
  }
}

// Opens a CSV file for streaming, or std::nullopt (reported when required).
std::optional<io::CsvReader> open_csv(const WorkspacePaths& paths, std::string_view name,
                                      bool required, io::Diagnostics& diagnostics)
{
  std::error_code ignored;
  if (!std::filesystem::exists(paths.file(name), ignored)) {
    if (required) {
      diagnostics.error(paths.display(name), 0,
                        "this required file is missing (`tandem init` creates a workspace)");
    }
    return std::nullopt;
  }
  try {
    auto reader = io::CsvReader::from_saved_file(paths.file(name), paths.display(name));
    if (reader.delimiter() != ',' || reader.was_windows1252()) {
      const std::string saved = reader.delimiter() == ',' ? "" : reader.delimiter() == ';' ? "';'-separated" : "tab-separated";
      diagnostics.warning(paths.display(name), 0,
                          fmt::format("saved by a spreadsheet as {}{}{} text: read as such; tandem writes it "
                                      "back ','-separated in UTF-8 when it next rewrites the file",
                                      saved, saved.empty() || !reader.was_windows1252() ? "" : ", ",
                                      reader.was_windows1252() ? "Windows-1252" : ""));
    }
    return reader;
  } catch (const io::ProblemError& e) {
    diagnostics.add(e.problem());
    return std::nullopt;
  } catch (const Error& e) {
    diagnostics.error(paths.display(name), 0, e.what());
    return std::nullopt;
  }
}

} // namespace

const model::Student* Workspace::find_student(const std::string& id) const
{
  const auto it = student_index.find(id);
  if (it == student_index.end() || it->second.record == StudentSummary::no_record) {
    return nullptr;
  }
  return &students[it->second.record];
}

const model::Company* Workspace::find_company(const std::string& id) const
{
  return find_in(m_companies_by_id, id);
}

std::string Workspace::student_name(const std::string& id) const
{
  const auto* student = find_student(id);
  return student != nullptr ? student->first_name + " " + student->last_name : id;
}

const model::Company* Workspace::company_of(const model::Placement& placement) const
{
  if (const auto* company = find_company(placement.company_id)) {
    return company;
  }
  const auto* opening = find_opening(placement.opening_id);
  return opening != nullptr ? find_company(opening->company_id) : nullptr;
}

std::string Workspace::company_name_of(const model::Placement& placement) const
{
  const auto* company = company_of(placement);
  return company != nullptr ? company->name : placement.company_id;
}

const model::Opening* Workspace::find_opening(const std::string& id) const
{
  return find_in(m_openings_by_id, id);
}

const model::Event* Workspace::find_event(const std::string& id) const
{
  return find_in(m_events_by_id, id);
}

const model::Placement* Workspace::find_placement(const std::string& id) const
{
  const auto found = std::find_if(placements.begin(), placements.end(),
                                  [&](const model::Placement& placement) { return placement.id == id; });
  return found == placements.end() ? nullptr : &*found;
}

void Workspace::index()
{
  std::size_t next_ordinal = 0;
  for (const auto& [id, summary] : student_index) {
    if (summary.ordinal != StudentSummary::no_record) {
      next_ordinal = std::max(next_ordinal, summary.ordinal + 1);
    }
  }
  for (std::size_t i = 0; i < students.size(); ++i) {
    auto& summary = student_index.try_emplace(students[i].id, summary_of(students[i])).first->second;
    if (summary.record == StudentSummary::no_record) {
      summary.record = i; // the first of two equal ids wins, as everywhere
    }
    if (summary.ordinal == StudentSummary::no_record) {
      summary.ordinal = next_ordinal++; // a record added without a place in the roster's file
    }
  }
  for (auto& [id, summary] : student_index) {
    if (summary.ordinal == StudentSummary::no_record) {
      summary.ordinal = next_ordinal++; // a summary made without a record (tests): ordinals stay dense
    }
  }
  index_by_id(companies, m_companies_by_id);
  index_by_id(events, m_events_by_id);
  m_openings_by_id.clear();
  for (const auto& company : companies) {
    for (const auto& opening : company.openings) {
      m_openings_by_id.try_emplace(opening.id, &opening);
    }
  }
  attendance_links.clear();
  attendance_links.reserve(attendance.size());
  for (const auto& row : attendance) {
    AttendanceLink link;
    link.event = find_in(m_events_by_id, row.event_id);
    if (!row.student_id.empty()) {
      const auto it = student_index.find(row.student_id);
      link.student = it == student_index.end() ? nullptr : &it->second;
    }
    if (!row.company_id.empty()) {
      link.company = find_in(m_companies_by_id, row.company_id);
    }
    attendance_links.push_back(link);
  }
  outcome_students.clear();
  outcome_students.reserve(outcomes.size());
  for (const auto& outcome : outcomes) {
    const auto it = student_index.find(outcome.student_id);
    outcome_students.push_back(it == student_index.end() ? nullptr : &it->second);
  }
}

Workspace load_workspace(const WorkspacePaths& paths, io::Diagnostics& diagnostics,
                         KeepStudents keep, io::ProgressSink* progress)
{
  const auto reading = [&](std::string_view name) {
    if (progress != nullptr) {
      progress->report("reading the workspace", name);
    }
  };
  Workspace workspace;
  // The YAML files are read on a thread of their own while the CSV files stream
  // in here: a large companies.yaml then costs no extra time.
  io::Diagnostics yaml_diagnostics;
  auto yaml_files = std::async(std::launch::async, [&] {
    reading(file_names::project);
    if (const auto text = read_yaml_text(paths, file_names::project, true, yaml_diagnostics)) {
      workspace.project = read_project(*text, paths.display(file_names::project), yaml_diagnostics);
    }
    reading(file_names::companies);
    if (const auto text = read_yaml_text(paths, file_names::companies, true, yaml_diagnostics)) {
      workspace.companies =
        read_companies(*text, paths.display(file_names::companies), yaml_diagnostics);
    }
    reading(file_names::events);
    if (const auto text = read_yaml_text(paths, file_names::events, false, yaml_diagnostics)) {
      workspace.events = read_events(*text, paths.display(file_names::events), yaml_diagnostics);
    }
  });
  reading(file_names::attendance);
  if (auto reader = open_csv(paths, file_names::attendance, false, diagnostics)) {
    workspace.attendance = read_attendance(*reader, diagnostics);
  }
  reading(file_names::placements);
  if (auto reader = open_csv(paths, file_names::placements, false, diagnostics)) {
    workspace.placements = read_placements(*reader, diagnostics);
  }
  reading(file_names::outcomes);
  if (auto reader = open_csv(paths, file_names::outcomes, false, diagnostics)) {
    workspace.outcomes = read_outcomes(*reader, diagnostics);
  }
  reading(file_names::feedback);
  if (auto reader = open_csv(paths, file_names::feedback, false, diagnostics)) {
    workspace.feedback = read_feedback(*reader, diagnostics);
  }

  // Students come last: with placed_students_only, a full record is kept only for
  // students that a placement names, so a large roster is checked in little memory.
  std::unordered_set<std::string> placed;
  for (const auto& placement : workspace.placements) {
    placed.insert(placement.international_id);
    placed.insert(placement.domestic_id);
  }
  reading(file_names::students);
  if (auto reader = open_csv(paths, file_names::students, true, diagnostics)) {
    read_students(
      *reader, diagnostics, workspace.student_index,
      [&](const model::Student& student) {
        return keep == KeepStudents::all || placed.count(student.id) > 0;
      },
      [&](model::Student&& student) { workspace.students.push_back(std::move(student)); });
  }
  yaml_files.get(); // rethrows what the thread threw
  diagnostics.append(std::move(yaml_diagnostics));
  workspace.index();
  return workspace;
}

} // namespace tandem::workspace
