#include "workspace/init.hpp"

#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/error.hpp"
#include "schedule/messages.hpp"
#include "workspace/paths.hpp"
#include "workspace/readers.hpp"

#include <fmt/format.h>

#include <chrono>
#include <vector>

namespace tandem::workspace {

namespace fs = std::filesystem;

namespace {

std::string header_line(const CsvSchema& schema)
{
  return io::format_csv_record({schema.columns.begin(), schema.columns.end()});
}

std::string project_template()
{
  const auto today = std::chrono::year_month_day(
    std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  const int year = static_cast<int>(today.year());
  return fmt::format(R"(# The project: see docs/file-formats.md for every key.
project:
  name: My tandem internship project
  code: ""                     # the funder's project code
  organisation: ""
  start: {0}-01-01
  end: {0}-12-31
  timezone: Europe/Helsinki
targets:                       # planned figures, reported against actuals
  companies: 0
  participants: 0
terms:
  - {{id: {0}-spring, start: {0}-01-01, end: {0}-07-31}}
  - {{id: {0}-autumn, start: {0}-08-01, end: {0}-12-31}}
)",
                     year);
}

void copy_tree(const fs::path& from, const fs::path& to)
{
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    const fs::path relative = fs::relative(entry.path(), from);
    if (relative.begin()->string() == std::string(file_names::state_folder)) {
      continue;
    }
    if (entry.is_directory()) {
      fs::create_directories(to / relative);
    } else if (entry.is_regular_file()) {
      io::write_file_atomically(to / relative, io::read_file(entry.path(), entry.path().string()));
    }
  }
}

// The message templates of `schedule remind`, for staff to edit (a folder the
// example brings along is kept as it is).
void write_default_templates(const fs::path& folder)
{
  const fs::path templates = folder / std::string(schedule::k_templates_folder);
  std::error_code error;
  if (fs::exists(templates, error)) {
    return;
  }
  fs::create_directories(templates);
  for (const auto& [name, text] : schedule::MessageTemplates::default_files()) {
    io::write_file_atomically(templates / name, text);
  }
}

} // namespace

std::optional<fs::path> find_example_workspace()
{
  std::vector<fs::path> candidates;
  std::error_code error;
  const fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    candidates.push_back(executable.parent_path().parent_path() / TANDEM_EXAMPLE_INSTALL_DIR);
  }
  candidates.emplace_back(TANDEM_EXAMPLE_SOURCE_DIR);
  for (const auto& candidate : candidates) {
    if (fs::is_regular_file(candidate / std::string(file_names::project), error)) {
      return candidate;
    }
  }
  return std::nullopt;
}

void init_workspace(const fs::path& folder, bool example)
{
  std::error_code error;
  if (fs::exists(folder, error)) {
    if (!fs::is_directory(folder, error)) {
      throw Error(fmt::format("{}: exists and is not a folder", folder.string()));
    }
    if (!fs::is_empty(folder, error)) {
      throw Error(fmt::format("{}: the folder is not empty; tandem init only creates new "
                              "workspaces and never overwrites files",
                              folder.string()));
    }
  }
  std::optional<fs::path> source;
  if (example) {
    source = find_example_workspace();
    if (!source) {
      throw Error("the example workspace was not found (looked beside the tandem binary in "
                  "../" TANDEM_EXAMPLE_INSTALL_DIR " and in " TANDEM_EXAMPLE_SOURCE_DIR ")");
    }
  }
  fs::create_directories(folder, error);
  if (error) {
    throw Error(fmt::format("{}: cannot create the folder: {}", folder.string(), error.message()));
  }
  if (source) {
    copy_tree(*source, folder);
    write_default_templates(folder);
    return;
  }
  const WorkspacePaths paths(folder);
  io::write_file_atomically(paths.file(file_names::project), project_template());
  io::write_file_atomically(paths.file(file_names::students), header_line(students_schema()));
  io::write_file_atomically(paths.file(file_names::companies), "companies: []\n");
  io::write_file_atomically(paths.file(file_names::events), "events: []\n");
  io::write_file_atomically(paths.file(file_names::attendance), header_line(attendance_schema()));
  io::write_file_atomically(paths.file(file_names::placements), header_line(placements_schema()));
  io::write_file_atomically(paths.file(file_names::outcomes), header_line(outcomes_schema()));
  write_default_templates(folder);
}

} // namespace tandem::workspace
