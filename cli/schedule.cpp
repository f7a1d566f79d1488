#include "app.hpp"

#include "io/diagnostics.hpp"
#include "io/error.hpp"
#include "io/workspace_lock.hpp"
#include "schedule/ledger.hpp"
#include "schedule/remind.hpp"
#include "schedule/schedule.hpp"
#include "schedule/transport.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace tandem::cli {

namespace {

struct ScheduleOptions {
  schedule::ScheduleRequest request;
  std::optional<std::string> output;
  ExcelFlag excel;
};

struct RemindOptions {
  std::optional<std::string> today;
  bool dry_run = false;
  std::optional<std::string> outbox;
};

constexpr std::string_view k_ledger_file = "reminders.csv";

// The calendar of a valid workspace; refused, like the workspace, when it has errors.
schedule::Calendar load_valid_calendar(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                                       const schedule::ProjectZone& zone, std::string_view purpose)
{
  io::Diagnostics diagnostics;
  auto calendar = schedule::load_calendar(workspace, paths, zone, diagnostics);
  if (diagnostics.has_errors()) {
    diagnostics.print(std::cerr);
    throw Error(fmt::format("the calendar has errors (listed above); {} once they are fixed", purpose));
  }
  return calendar;
}

void run_schedule(const ScheduleOptions& options, const Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  refuse_workspace_output(paths, options.output, "--output");
  const bool workbook = options.request.format == schedule::ScheduleFormat::xlsx;
  require_workbook_output(workbook, options.output);
  const auto workspace = load_valid_workspace(paths, "the calendar is made");
  const schedule::ProjectZone zone(workspace.project->timezone);
  const auto calendar = load_valid_calendar(workspace, paths, zone, "the calendar is made");
  if (workbook) {
    write_workbook_output({schedule::schedule_sheet(workspace, calendar, zone, options.request)}, options.output);
    return;
  }
  const auto text = schedule::render_schedule(workspace, paths, calendar, zone, options.request);
  write_output(options.request.format == schedule::ScheduleFormat::csv ? options.excel.apply(text) : text,
               options.output);
}

void run_remind(const RemindOptions& options, Session& session)
{
  const auto started = std::chrono::steady_clock::now(); // the run's bound counts the wait for the lock
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  paths.require_folder();
  refuse_workspace_output(paths, options.outbox, "--outbox");
  // One run at a time: the ledger is read, messages are sent and recorded as one step.
  // A dry run writes nothing, not even the lock file (cli.md: the workspace is left untouched).
  std::optional<io::WorkspaceLock> lock;
  if (!options.dry_run) {
    lock.emplace(paths.state_folder(), io::WorkspaceLock::default_wait());
  }
  const auto workspace = load_valid_workspace(paths, "reminders are sent");
  const schedule::ProjectZone zone(workspace.project->timezone);
  const auto calendar = load_valid_calendar(workspace, paths, zone, "reminders are sent");
  io::Diagnostics template_problems;
  const auto templates = schedule::MessageTemplates::load(paths, template_problems);
  if (template_problems.has_errors()) {
    template_problems.print(std::cerr);
    throw Error("a message template has errors (listed above); `tandem check` shows them, and reminders are sent "
                "once they are fixed");
  }

  schedule::RemindRequest request;
  request.dry_run = options.dry_run;
  request.deadline = started + std::chrono::seconds(workspace.project->reminders.run_timeout_seconds);
  if (options.today) {
    request.today = *model::parse_date(*options.today);
    request.now = zone.start_of_day(request.today);
  } else {
    request.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    request.today = zone.wall_time(request.now).date;
  }
  const std::string ledger_name = std::string(workspace::file_names::state_folder) + "/" + std::string(k_ledger_file);
  schedule::Ledger ledger(paths.state_folder() / std::string(k_ledger_file), paths.display(ledger_name),
                          !options.dry_run);
  std::unique_ptr<schedule::MailTransport> transport;
  if (options.outbox) {
    transport = std::make_unique<schedule::OutboxTransport>(*options.outbox);
  } else if (!options.dry_run) {
    transport = std::make_unique<schedule::SendmailTransport>(
      workspace.project->reminders.sendmail, std::chrono::seconds(workspace.project->reminders.send_timeout_seconds));
  }

  const auto summary = schedule::run_reminders(workspace, calendar.items, zone, templates, ledger, transport.get(),
                                                   request);
  for (const auto& failure : summary.failures) {
    std::cerr << "tandem: " << failure << '\n';
  }
  if (!session.options.quiet) {
    for (const auto& action : summary.actions) {
      std::cout << action << '\n';
    }
    std::cout << fmt::format("{}: {} message{} {}, {} reminder{} recorded as missed, {} already done{}\n",
                             model::format_date(request.today), summary.sent, summary.sent == 1 ? "" : "s",
                             options.dry_run ? "would be sent" : (options.outbox ? "written to the outbox" : "sent"),
                             summary.missed, summary.missed == 1 ? "" : "s", summary.already_done,
                             options.dry_run ? " (dry run: nothing recorded)" : "");
  }
  if (summary.unsent > 0) {
    std::cerr << fmt::format("tandem: {} message{} not sent; they stay due for the next run\n",
                             summary.unsent, summary.unsent == 1 ? " was" : "s were");
    session.exit_status = static_cast<int>(ExitCode::temporary_failure);
  }
}

} // namespace

void setup_schedule(CLI::App& app, Session& session)
{
  auto options = std::make_shared<ScheduleOptions>();
  auto* command = app.add_subcommand("schedule", "the calendar: placements, check-ins, events, deadlines");
  command->footer("Example:\n  tandem schedule --term 2026-autumn --format ics --output term.ics");
  command->add_option("--term", options->request.term, "a term of tandem.yaml (default: everything)");
  const std::map<std::string, schedule::ScheduleFormat> formats{{"table", schedule::ScheduleFormat::table},
                                                                {"csv", schedule::ScheduleFormat::csv},
                                                                {"json", schedule::ScheduleFormat::json},
                                                                {"ics", schedule::ScheduleFormat::ics},
                                                                {"xlsx", schedule::ScheduleFormat::xlsx}};
  auto* format = accept_names(
    command->add_option("--format", options->request.format, "table (default), csv, json, ics (iCalendar) or xlsx (needs --output)"),
    formats);
  command->add_option("--output", options->output, "write to FILE instead of standard output");
  options->excel.add_to(*command, format);

  auto remind_options = std::make_shared<RemindOptions>();
  auto* remind = command->add_subcommand("remind", "the cron job: send every reminder that is due and not yet sent");
  remind->footer("Example:\n  tandem schedule remind --dry-run --outbox /tmp/outbox");
  remind
    ->add_option("--today", remind_options->today,
                 "act as if today were DATE (default: today in the project's zone)")
    ->check(iso_date());
  remind->add_flag("--dry-run", remind_options->dry_run, "say what would be sent; send and record nothing");
  remind->add_option("--outbox", remind_options->outbox, "write .eml files to DIR instead of sending");
  command->require_subcommand(0, 1);
  command->callback([options, remind, remind_options, &session] {
    if (remind->parsed()) {
      run_remind(*remind_options, session);
    } else {
      options->request.format = options->excel.format_for(options->request.format, schedule::ScheduleFormat::csv);
      run_schedule(*options, session);
    }
  });
}

} // namespace tandem::cli
