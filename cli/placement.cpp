#include "app.hpp"

#include "io/csv.hpp"
#include "io/error.hpp"
#include "placement/moves.hpp"
#include "workspace/writer.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>

namespace tandem::cli {

namespace {

struct MoveOptions {
  placement::MoveRequest request;
  std::optional<std::string> date;
  bool dry_run = false;
};

struct ListOptions {
  placement::ListRequest request;
  std::optional<std::string> status;
  placement::ListFormat format = placement::ListFormat::table;
  std::optional<std::string> output;
  ExcelFlag excel;
};

void run_move(MoveOptions options, Session& session)
{
  if (options.date) {
    options.request.date = model::parse_date(*options.date);
  }
  const WorkspaceChange change(session, options.dry_run, "placements are moved");
  const auto name = workspace::file_names::placements;
  const auto table = workspace::read_for_rewrite(change.paths, name);
  const auto plan = placement::plan_moves(change.workspace, table.value_or(io::CsvTable{}), options.request);
  if (apply_change(change.writer.get(), change.paths, name, plan, session)) {
    placement::record_history(change.paths, plan.history);
  }
}

void run_list(const ListOptions& options, const Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  refuse_workspace_output(paths, options.output, "--output");
  const bool workbook = options.format == placement::ListFormat::xlsx;
  require_workbook_output(workbook, options.output);
  const auto workspace = load_valid_workspace(paths, "placements are listed");
  if (workbook) {
    write_workbook_output({placement::placements_sheet(workspace, options.request)}, options.output);
    return;
  }
  const auto text = placement::list_placements(workspace, options.request, options.format);
  write_output(options.format == placement::ListFormat::csv ? options.excel.apply(text) : text, options.output);
}

void setup_move(CLI::App& parent, Session& session, const std::string& name, placement::Move move,
                const std::string& description)
{
  auto options = std::make_shared<MoveOptions>();
  options->request.move = move;
  auto* command = parent.add_subcommand(name, description);
  command->footer("Example:\n  tandem placement " + name + " acme-export.s22001"
                  + (move == placement::Move::confirm ? " --note \"agreed by phone\"" : ""));
  command->add_option("ID", options->request.ids, "the placements (ids of placements.csv)")->required();
  if (move == placement::Move::start || move == placement::Move::complete) {
    command->add_option("--date", options->date,
                        move == placement::Move::start ? "the day it started (sets start)"
                                                       : "the day it ended (sets end)")
      ->check(iso_date());
  }
  command->add_option("--note", options->request.note, "added to the placement's note and to the history");
  if (move != placement::Move::lock && move != placement::Move::unlock) {
    command->add_flag("--force", options->request.force,
                      "move backwards or skip a status, or confirm although a matching rule is broken");
  }
  command->add_flag("--dry-run", options->dry_run, "say what would change; write nothing");
  command->callback([options, &session] { run_move(*options, session); });
}

} // namespace

void setup_placement(CLI::App& app, Session& session)
{
  auto* command = app.add_subcommand("placement", "move placements through their statuses, lock them, list them");
  command->footer("Example:\n  tandem placement confirm acme-export.s22001 --note \"agreed by phone\"");
  command->require_subcommand(1);
  setup_move(*command, session, "confirm", placement::Move::confirm, "proposed -> confirmed (the rules re-checked)");
  setup_move(*command, session, "start", placement::Move::start, "confirmed -> started");
  setup_move(*command, session, "complete", placement::Move::complete, "started -> completed");
  setup_move(*command, session, "cancel", placement::Move::cancel,
             "any -> cancelled (match never proposes the same placement again)");
  setup_move(*command, session, "lock", placement::Move::lock, "keep a proposed placement through every match");
  setup_move(*command, session, "unlock", placement::Move::unlock, "let the next match replace it again");

  auto options = std::make_shared<ListOptions>();
  auto* list = command->add_subcommand("list", "the placements, with names");
  list->footer("Example:\n  tandem placement list --status proposed --excel > proposals.csv");
  // A string checked against the names (the model's to_string would make CLI11's conversion ambiguous).
  list->add_option("--status", options->status, "only placements with this status")
    ->check(one_of({"proposed", "confirmed", "started", "completed", "cancelled"}));
  list->add_option("--term", options->request.term, "only placements that start in this term of tandem.yaml");
  const std::map<std::string, placement::ListFormat> formats{
    {"table", placement::ListFormat::table}, {"csv", placement::ListFormat::csv}, {"json", placement::ListFormat::json},
    {"xlsx", placement::ListFormat::xlsx}};
  auto* format = accept_names(
    list->add_option("--format", options->format, "table (default), csv, json or xlsx (needs --output)"), formats);
  list->add_option("--output", options->output, "write to FILE instead of standard output");
  options->excel.add_to(*list, format);
  list->callback([options, &session] {
    if (options->status) {
      options->request.status = model::parse_enum<model::PlacementStatus>(*options->status);
    }
    options->format = options->excel.format_for(options->format, placement::ListFormat::csv);
    run_list(*options, session);
  });
}

} // namespace tandem::cli
