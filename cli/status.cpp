#include "app.hpp"

#include "io/diagnostics.hpp"
#include "placement/moves.hpp"
#include "schedule/time_zone.hpp"
#include "status/status.hpp"
#include "workspace/check.hpp"

#include <chrono>
#include <iostream>
#include <memory>

namespace tandem::cli {

namespace {

struct StatusOptions {
  std::optional<std::string> today;
  status::Format format = status::Format::table;
};

void run_status(const StatusOptions& options, const Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  const auto workspace = load_valid_workspace(paths, "the status is made");
  status::StatusFacts facts;
  if (options.today) {
    facts.today = *model::parse_date(*options.today);
  } else {
    const schedule::ProjectZone zone(workspace.project->timezone);
    facts.today = zone.wall_time(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())).date;
  }
  facts.proposal_days = placement::proposal_days(paths);
  // `check` as the staff would run it, for its counts (its messages are its own to print).
  io::Diagnostics diagnostics;
  workspace::check_workspace(paths, facts.today, nullptr, diagnostics);
  const auto check = diagnostics.counts();
  const auto items = status::items_needing_attention(workspace, facts);
  if (session.options.quiet && items.empty() && check.errors == 0 && check.warnings == 0) {
    return; // cron: silent when there is nothing to do
  }
  std::cout << status::format_status(items, check, facts.today, options.format);
}

} // namespace

void setup_status(CLI::App& app, Session& session)
{
  auto options = std::make_shared<StatusOptions>();
  auto* command = app.add_subcommand("status", "what needs the staff's attention today, most urgent first, "
                                               "with the command that settles each");
  command->footer("Example:\n  tandem --quiet status");
  command->add_option("--today", options->today, "as if today were DATE (default: today in the project's zone)")
    ->check(iso_date());
  const std::map<std::string, status::Format> formats{{"table", status::Format::table},
                                                      {"json", status::Format::json}};
  accept_names(command->add_option("--format", options->format, "table (default) or json"), formats);
  command->callback([options, &session] { run_status(*options, session); });
}

} // namespace tandem::cli
