#include "app.hpp"

#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/error.hpp"
#include "workspace/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <iostream>

namespace tandem::cli {

workspace::Workspace load_valid_workspace(const workspace::WorkspacePaths& paths, std::string_view purpose,
                                          io::ProgressSink* progress)
{
  paths.require_folder();
  io::Diagnostics diagnostics;
  auto workspace = workspace::load_workspace(paths, diagnostics, workspace::KeepStudents::all, progress);
  if (workspace.project) {
    workspace::check_links(workspace, paths, diagnostics, {false, std::nullopt}); // errors stop the command
  }
  if (diagnostics.has_errors() || !workspace.project) {
    diagnostics.print(std::cerr);
    throw Error(fmt::format("the workspace has errors (listed above); `tandem check` shows them, and {} once "
                            "they are fixed",
                            purpose));
  }
  return workspace;
}

namespace {

workspace::WorkspacePaths existing_folder(const Session& session)
{
  auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  paths.require_folder();
  return paths;
}

} // namespace

WorkspaceChange::WorkspaceChange(const Session& session, bool dry_run, std::string_view purpose)
  : paths(existing_folder(session)),
    writer(dry_run ? nullptr : std::make_unique<workspace::WorkspaceWriter>(paths)),
    workspace(load_valid_workspace(paths, purpose))
{
}

bool apply_change(workspace::WorkspaceWriter* writer, const workspace::WorkspacePaths& paths, std::string_view name,
                  const workspace::PlannedChange& change, Session& session)
{
  for (const auto& refusal : change.refusals) {
    std::cerr << "tandem: refused: " << refusal << '\n';
  }
  if (!change.refusals.empty()) {
    std::cerr << fmt::format("tandem: nothing was changed: {} refused\n", change.refusals.size());
    session.exit_status = static_cast<int>(ExitCode::failure);
    return false;
  }
  const bool write = writer != nullptr && change.contents.has_value();
  if (write) {
    writer->replace(name, *change.contents);
  }
  if (!session.options.quiet) {
    for (const auto& line : change.lines) {
      std::cout << line << '\n';
    }
    if (writer == nullptr && change.contents) {
      std::cout << fmt::format("dry run: {} was not written\n", paths.display(name));
    }
  }
  return write;
}

void write_output(const std::string& text, const std::optional<std::string>& output)
{
  if (output) {
    io::write_file_atomically(*output, text);
  } else {
    std::cout << text;
  }
}

void require_workbook_output(bool workbook, const std::optional<std::string>& output)
{
  if (workbook && !output) {
    throw Error("--format xlsx writes a workbook file: give --output FILE.xlsx", ExitCode::usage);
  }
}

void write_workbook_output(const std::vector<io::Sheet>& sheets, const std::optional<std::string>& output)
{
  require_workbook_output(true, output);
  io::write_workbook(*output, sheets);
}

void ExcelFlag::add_to(CLI::App& command, CLI::Option* format_option)
{
  format = format_option;
  command.add_flag("--excel", on, "CSV for Excel in a Finnish or Swedish locale: UTF-8 with BOM, ';', decimal commas");
}

std::string ExcelFlag::apply(std::string csv) const
{
  return on ? io::excel_csv(csv) : csv;
}

void refuse_workspace_output(const workspace::WorkspacePaths& paths, const std::optional<std::string>& output,
                             std::string_view option)
{
  if (!output) {
    return;
  }
  if (const auto name = paths.owned_name(*output)) {
    throw Error(fmt::format("{} {}: that is the workspace's {}; write the result somewhere else", option,
                            *output, paths.display(*name)),
                ExitCode::usage);
  }
}

CLI::Validator one_of(std::vector<std::string> names)
{
  std::string shown;
  for (const auto& name : names) {
    shown += (shown.empty() ? "" : "|") + name;
  }
  return CLI::Validator(
    [names](std::string& text) {
      return std::find(names.begin(), names.end(), text) != names.end()
               ? std::string()
               : "unknown value '" + text + "': use " + io::joined_with_or(names);
    },
    shown);
}

namespace {

// Edits (insert, delete, replace) from one word to another.
std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The first word that is not a global option (or its value): the command. An
// unknown one gets a usage error naming the closest command, not CLI11's
// "A subcommand is required".
void refuse_unknown_command(const CLI::App& app, int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "-C" || word == "--workspace") {
      ++i;
      continue;
    }
    if (word.starts_with("-")) {
      continue;
    }
    std::vector<std::string> names;
    for (const auto* command : app.get_subcommands({})) {
      names.push_back(command->get_name());
    }
    if (std::find(names.begin(), names.end(), word) != names.end()) {
      return;
    }
    std::string closest;
    std::size_t best = 4; // more edits than 3: no suggestion
    for (const auto& name : names) {
      if (const auto distance = edit_distance(word, name); distance < best) {
        best = distance;
        closest = name;
      }
    }
    throw Error(fmt::format("unknown command '{}': {}", word,
                            closest.empty() ? "use " + io::joined_with_or(names)
                                            : "did you mean '" + closest + "'?"),
                ExitCode::usage);
  }
}

} // namespace

CLI::Validator iso_date()
{
  return CLI::Validator(
    [](std::string& text) {
      return model::parse_date(text) ? std::string() : "expected a date YYYY-MM-DD, got " + text;
    },
    "DATE");
}

void add_commands(CLI::App& app, Session& session)
{
  app.description("tandem: tandem internships for university career services: import rosters, "
                  "match pairs to companies, schedule the term, report to the funder");
  app.name("tandem");
  app.set_version_flag("--version", "tandem " TANDEM_VERSION);
  app.require_subcommand(1);
  app.fallthrough(); // global options after the subcommand too: `tandem check --verbose`
  GlobalOptions& global = session.options;
  app.add_option("-C,--workspace", global.workspace,
                 "workspace folder (default: $TANDEM_WORKSPACE, else the current folder)");
  auto* quiet = app.add_flag("-q,--quiet", global.quiet, "print nothing on success");
  app.add_flag("-v,--verbose", global.verbose, "say more about what is done")->excludes(quiet);

  setup_init(app, session);
  setup_check(app, session);
  setup_import(app, session);
  setup_match(app, session);
  setup_placement(app, session);
  setup_student(app, session);
  setup_outcome(app, session);
  setup_profiles(app, session);
  setup_report(app, session);
  setup_schedule(app, session);
  setup_status(app, session);
}

int run(int argc, char** argv)
{
  CLI::App app;
  Session session;
  add_commands(app, session);
  try {
    refuse_unknown_command(app, argc, argv);
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version print to standard output and succeed; CLI11 gives other
    // parse errors codes of its own, which cli.md folds into the usage status.
    return app.exit(e) == 0 ? 0 : static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    std::cout.flush();
    std::cerr << "tandem: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "tandem: internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::failure);
  }
  return session.exit_status;
}

} // namespace tandem::cli
