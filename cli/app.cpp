#include "app.hpp"

#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/error.hpp"
#include "workspace/check.hpp"

#include <fmt/format.h>

#include <exception>
#include <iostream>

namespace tandem::cli {

workspace::Workspace load_valid_workspace(const workspace::WorkspacePaths& paths, std::string_view purpose)
{
  paths.require_folder();
  io::Diagnostics diagnostics;
  auto workspace = workspace::load_workspace(paths, diagnostics);
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

CLI::Validator iso_date()
{
  return CLI::Validator(
    [](std::string& text) {
      return model::parse_date(text) ? std::string() : "expected a date YYYY-MM-DD, got " + text;
    },
    "DATE");
}

int run(int argc, char** argv)
{
  CLI::App app{"tandem: tandem internships for university career services: import rosters, "
               "match pairs to companies, schedule the term, report to the funder",
               "tandem"};
  app.set_version_flag("--version", "tandem " TANDEM_VERSION);
  app.require_subcommand(1);
  Session session;
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

  try {
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
