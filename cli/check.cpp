#include "app.hpp"

#include "io/diagnostics.hpp"
#include "io/error.hpp"
#include "workspace/check.hpp"

#include <fmt/format.h>

#include <iostream>

namespace tandem::cli {

namespace {

void run_check(Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  io::Diagnostics diagnostics;
  const auto summary = workspace::check_workspace(paths, diagnostics);
  const auto counts = diagnostics.print(std::cerr);
  if (counts.errors > 0) {
    std::cout << fmt::format("check: {} error(s), {} warning(s)\n", counts.errors, counts.warnings);
    session.exit_status = static_cast<int>(ExitCode::failure);
    return;
  }
  if (!session.options.quiet || counts.warnings > 0) {
    std::cout << fmt::format("check: ok: {} students, {} companies ({} Business IDs), "
                             "{} openings, {} events, {} placements; {} warning(s)\n",
                             summary.students, summary.companies, summary.business_ids,
                             summary.openings, summary.events, summary.placements, counts.warnings);
  }
}

} // namespace

void setup_check(CLI::App& app, Session& session)
{
  auto* command = app.add_subcommand("check", "validate every file of the workspace and the "
                                               "links between them");
  command->callback([&session] { run_check(session); });
}

} // namespace tandem::cli
