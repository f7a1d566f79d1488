#include "app.hpp"

#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/error.hpp"
#include "report/format.hpp"
#include "report/participants.hpp"
#include "report/suppression.hpp"
#include "workspace/load.hpp"

#include <iostream>
#include <map>
#include <memory>

namespace tandem::cli {

namespace {

enum class ReportFormat { md, csv, json, html, xlsx };

struct ReportOptions {
  std::optional<std::string> term;
  std::optional<std::string> from;
  std::optional<std::string> to;
  ReportFormat format = ReportFormat::md;
  bool is_public = false;
  std::optional<std::string> output;
  ExcelFlag excel;
};

std::optional<model::Date> date_option(const std::optional<std::string>& text)
{
  return text ? model::parse_date(*text) : std::nullopt;
}

report::Period period_of(const workspace::Workspace& workspace, const ReportOptions& options)
{
  return report::resolve_period(*workspace.project, options.term, date_option(options.from),
                                date_option(options.to));
}

void run_report(const ReportOptions& options, const Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  refuse_workspace_output(paths, options.output, "--output");
  require_workbook_output(options.format == ReportFormat::xlsx, options.output);
  auto progress = std::make_unique<io::TerminalProgress>(io::TerminalProgress::style_for(session.options.quiet));
  const auto workspace = load_valid_workspace(paths, "the report is made", progress.get());
  const auto period = period_of(workspace, options);
  progress->report("counting the figures", "");
  auto figures = report::build_report(workspace, period);
  progress.reset(); // the line is cleared before any output
  if (options.is_public) {
    report::suppress_small_counts(figures, workspace.project->reporting.suppress_below);
    for (const auto& path : figures.unprotected) {
      std::cerr << "tandem: warning: " << path
                << " is a sum of small counts whose bounds alone give it away; no other cell can hide it\n";
    }
  }
  switch (options.format) {
  case ReportFormat::md:
    write_output(report::to_markdown(figures), options.output);
    break;
  case ReportFormat::csv:
    write_output(options.excel.apply(report::to_csv(figures)), options.output);
    break;
  case ReportFormat::json:
    write_output(report::to_json(figures), options.output);
    break;
  case ReportFormat::html:
    write_output(report::to_html(figures), options.output);
    break;
  case ReportFormat::xlsx:
    write_workbook_output(report::to_sheets(figures), options.output);
    break;
  }
}

void run_participants(const ReportOptions& options, const Session& session)
{
  if (options.is_public) {
    throw Error("report participants lists people by name: it is never public (leave out --public)",
                ExitCode::usage);
  }
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  refuse_workspace_output(paths, options.output, "--output");
  require_workbook_output(options.format == ReportFormat::xlsx, options.output);
  const auto workspace = load_valid_workspace(paths, "the report is made");
  const auto period = period_of(workspace, options);
  if (options.format == ReportFormat::xlsx) {
    write_workbook_output({report::participants_sheet(workspace, period)}, options.output);
  } else if (options.format == ReportFormat::md) {
    write_output(report::participants_markdown(workspace, period), options.output);
  } else if (options.format == ReportFormat::csv) {
    write_output(options.excel.apply(report::participants_csv(workspace, period)), options.output);
  } else {
    throw Error("report participants writes csv (default), md or xlsx", ExitCode::usage);
  }
}

} // namespace

void setup_report(CLI::App& app, Session& session)
{
  auto options = std::make_shared<ReportOptions>();
  auto* command = app.add_subcommand(
    "report", "funder indicators and the project's own figures, planned against actual");
  command->footer("Example:\n  tandem report --format html --output report.html --public");
  command->fallthrough(); // the period and format options also follow `participants`
  auto* term = command->add_option("--term", options->term, "a term of tandem.yaml");
  auto* from = command->add_option("--from", options->from, "first day of the period")->check(iso_date());
  auto* to = command->add_option("--to", options->to, "last day of the period")->check(iso_date());
  from->needs(to);
  to->needs(from);
  term->excludes(from)->excludes(to);
  const std::map<std::string, ReportFormat> formats{
    {"md", ReportFormat::md}, {"csv", ReportFormat::csv}, {"json", ReportFormat::json},
    {"html", ReportFormat::html}, {"xlsx", ReportFormat::xlsx}};
  auto* format =
    accept_names(command->add_option("--format", options->format, "md (default), csv, json, html or xlsx (needs --output)"), formats);
  command->add_flag("--public", options->is_public,
                    "hide small counts of people (reporting.suppress_below, default 5)");
  command->add_option("--output", options->output, "write to FILE instead of standard output");
  options->excel.add_to(*command, format);
  auto* participants = command->add_subcommand(
    "participants", "one row per participant with the entry data funders' forms ask for");
  participants->footer("It takes report's options, before or after `participants`: --term ID, --from DATE --to "
                       "DATE, --format csv|md|xlsx (default csv), --output FILE, --excel.\nExample:\n  tandem report "
                       "participants --term 2026-autumn --excel --output osallistujat.csv");
  command->require_subcommand(0, 1);
  command->callback([options, participants, format, &session] {
    if (participants->parsed()) {
      if (format->count() == 0) {
        options->format = ReportFormat::csv;
      }
      options->format = options->excel.format_for(options->format, ReportFormat::csv);
      run_participants(*options, session);
    } else {
      options->format = options->excel.format_for(options->format, ReportFormat::csv);
      run_report(*options, session);
    }
  });
}

} // namespace tandem::cli
