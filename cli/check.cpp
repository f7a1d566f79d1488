#include "app.hpp"

#include "io/diagnostics.hpp"
#include "io/error.hpp"
#include "workspace/check.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace tandem::cli {

namespace {

void run_check(const std::optional<std::string>& today, Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  io::Diagnostics diagnostics;
  workspace::CheckSummary summary;
  {
    io::TerminalProgress progress(io::TerminalProgress::style_for(session.options.quiet)); // gone before the problems
    summary = workspace::check_workspace(paths, today ? model::parse_date(*today) : std::nullopt, &progress,
                                         diagnostics);
  }
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
  command->footer("Example:\n  tandem check --today 2026-09-01");
  auto today = std::make_shared<std::optional<std::string>>();
  command
    ->add_option("--today", *today,
                 "date overdue follow-ups as if today were DATE (default: today in the project's zone)")
    ->check(iso_date());
  command->callback([today, &session] { run_check(*today, session); });
}

} // namespace tandem::cli
