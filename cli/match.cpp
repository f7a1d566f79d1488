#include "app.hpp"

#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/error.hpp"
#include "match/compare.hpp"
#include "match/explain.hpp"
#include "match/format.hpp"
#include "placement/moves.hpp"
#include "workspace/writer.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <set>

namespace tandem::cli {

namespace {

enum class MatchFormat { table, csv, json, xlsx };

struct MatchOptions {
  match::MatchRequest request;
  match::Method method = match::Method::optimal;
  MatchFormat format = MatchFormat::table;
  ExcelFlag excel;
  std::optional<std::string> explain;
  std::optional<std::string> scores;
  std::optional<std::string> output;
  std::optional<std::string> scores_in;
  bool dry_run = false;
  bool compare = false;
};

void add_candidates(match::MatchInput& input, const MatchOptions& options)
{
  if (!options.scores_in) {
    match::add_scored_candidates(input);
    return;
  }
  const std::string& file = *options.scores_in;
  const auto text = io::read_file(file, file);
  auto reader = io::CsvReader::from_memory(file, text);
  io::Diagnostics diagnostics;
  const auto rows = workspace::read_score_table(reader, diagnostics);
  match::add_table_candidates(input, rows, file, diagnostics);
  diagnostics.print(std::cerr);
  if (diagnostics.has_errors()) {
    throw Error(fmt::format("{} has errors (listed above): no plan was made", file));
  }
}

match::MatchResult solve(const match::MatchInput& input, match::Method method, io::ProgressSink* progress)
{
  if (method == match::Method::optimal) {
    return match::result_of(input, match::solve_optimal(input.problem, {}, progress));
  }
  progress->report("stable: ranking the candidates by each party's preferences", "");
  const auto rankings = match::rank_candidates(input);
  return match::result_of(input, match::solve_stable(input.problem, rankings, progress));
}

// Writes placements.csv when the run changes it (an unchanged file is left
// alone, and no file is made for an empty plan).
void write_placements(workspace::WorkspaceWriter& writer, const workspace::WorkspacePaths& paths,
                      const workspace::Workspace& workspace, const match::MatchInput& input,
                      const match::MatchResult& result)
{
  const auto existing = workspace::read_for_rewrite(paths, workspace::file_names::placements);
  if (!existing && result.placements.empty()) {
    return;
  }
  const auto updated = match::updated_placements(input, result, existing);
  const auto text = io::read_file_if_exists(paths.file(workspace::file_names::placements),
                                             paths.display(workspace::file_names::placements));
  if (!text || updated != *text) {
    writer.replace(workspace::file_names::placements, updated);
  }
  // A proposal is dated in the history when it is new, so that `status` can say how long it has waited.
  std::set<std::string> proposed_before;
  for (const auto& placement : workspace.placements) {
    if (placement.status == model::PlacementStatus::proposed) {
      proposed_before.insert(placement.id);
    }
  }
  std::vector<placement::HistoryRecord> history;
  for (const auto& proposal : result.placements) {
    if (proposed_before.count(proposal.id) == 0) {
      history.push_back({proposal.id, "", "proposed", "tandem match"});
    }
  }
  placement::record_history(paths, history);
}

void run_match(const MatchOptions& options, const Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  paths.require_folder();
  refuse_workspace_output(paths, options.scores, "--scores");
  refuse_workspace_output(paths, options.output, "--output");
  require_workbook_output(options.format == MatchFormat::xlsx, options.output);
  // The lock is taken before reading: read, plan and write are one step.
  std::unique_ptr<workspace::WorkspaceWriter> writer;
  if (!options.dry_run) {
    writer = std::make_unique<workspace::WorkspaceWriter>(paths);
  }
  auto progress = std::make_unique<io::TerminalProgress>(io::TerminalProgress::style_for(session.options.quiet));
  const auto workspace = load_valid_workspace(paths, "the plan is made", progress.get());
  auto input = match::prepare_match(workspace, options.request);
  progress->report("building the candidates", "");
  add_candidates(input, options);
  if (options.scores) {
    io::write_file_atomically(*options.scores, match::score_table_csv(input));
  }
  const auto result = solve(input, options.method, progress.get());
  progress.reset(); // the line is cleared before any output
  const auto explanation = options.explain ? std::optional(match::explain(input, result, *options.explain, session.options.verbose))
                                           : std::nullopt;

  const auto replaced = static_cast<std::size_t>(
    std::count(input.row_fates.begin(), input.row_fates.end(), match::RowFate::replaced));
  const std::string change = fmt::format("{} proposed row(s) added, {} earlier proposed row(s) replaced",
                                         result.placements.size(), replaced);
  if (writer) {
    write_placements(*writer, paths, workspace, input, result);
  }

  // Notes go to standard error when standard output carries data for a program.
  std::ostream& notes = options.format == MatchFormat::table && !options.output ? std::cout : std::cerr;
  switch (options.format) {
  case MatchFormat::table: {
    std::string text = match::to_table(input, result);
    if (explanation) {
      text += "\n";
      for (const auto& line : *explanation) {
        text += line + "\n";
      }
    }
    write_output(text, options.output);
    break;
  }
  case MatchFormat::csv:
    write_output(options.excel.apply(match::to_csv(input, result)), options.output);
    break;
  case MatchFormat::json:
    write_output(match::to_json(input, result, explanation ? &*explanation : nullptr), options.output);
    break;
  case MatchFormat::xlsx:
    write_workbook_output(match::to_sheets(input, result), options.output);
    break;
  }
  if (explanation && (options.format == MatchFormat::csv || options.format == MatchFormat::xlsx)) {
    for (const auto& line : *explanation) {
      std::cerr << line << "\n";
    }
  }
  if (options.dry_run) {
    notes << fmt::format("dry run: {} was not written (it would have {})\n",
                         paths.display(workspace::file_names::placements), change);
  } else if (!session.options.quiet) {
    notes << fmt::format("{}: {}\n", paths.display(workspace::file_names::placements), change);
  }
}

// --compare: both methods on the same candidates, side by side; nothing written.
void run_compare(const MatchOptions& options, const Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  paths.require_folder();
  auto progress = std::make_unique<io::TerminalProgress>(io::TerminalProgress::style_for(session.options.quiet));
  const auto workspace = load_valid_workspace(paths, "the plans are made", progress.get());
  auto input = match::prepare_match(workspace, options.request);
  progress->report("building the candidates", "");
  add_candidates(input, options);
  const auto optimal = solve(input, match::Method::optimal, progress.get());
  const auto stable = solve(input, match::Method::stable, progress.get());
  progress.reset(); // the line is cleared before any output
  std::cout << match::compare_plans(input, optimal, stable);
}

} // namespace

void setup_match(CLI::App& app, Session& session)
{
  auto options = std::make_shared<MatchOptions>();
  auto* command = app.add_subcommand("match", "form tandem pairs and solo placements for the open openings "
                                              "and write them to placements.csv as proposed");
  command->footer("Example:\n  tandem match --term 2026-autumn --dry-run");
  command->add_option("--term", options->request.term, "only openings that start in this term of tandem.yaml");
  const std::map<std::string, match::Method> methods{{"optimal", match::Method::optimal},
                                                     {"stable", match::Method::stable}};
  accept_names(command->add_option("--method", options->method, "optimal (default) or stable"), methods);
  const std::map<std::string, MatchFormat> formats{
    {"table", MatchFormat::table}, {"csv", MatchFormat::csv}, {"json", MatchFormat::json}, {"xlsx", MatchFormat::xlsx}};
  auto* format = accept_names(
    command->add_option("--format", options->format, "table (default), csv, json or xlsx (needs --output)"), formats);
  command->add_option("--output", options->output, "write the plan to FILE instead of standard output");
  options->excel.add_to(*command, format);
  command->add_option("--explain", options->explain, "say why a student or an opening got what it got");
  command->add_option("--scores", options->scores, "write every allowed candidate and its score to FILE (CSV)");
  command->add_option("--scores-in", options->scores_in,
                      "solve over the candidates and scores of FILE (the --scores form) instead");
  command->add_option("--lock", options->request.locks, "keep this proposed placement as it is")
    ->expected(1, -1);
  command->add_option("--exclude", options->request.excludes, "leave this student or opening out of the run")
    ->expected(1, -1);
  command->add_flag("--dry-run", options->dry_run, "show the plan; leave placements.csv untouched");
  auto* compare = command->add_flag("--compare", options->compare,
                                    "solve with both methods and show them side by side: students placed, score, "
                                    "blocking pairs, who is placed differently (writes nothing)");
  compare->excludes(command->get_option("--method"))->excludes(format)->excludes(command->get_option("--explain"));
  command->callback([options, &session] {
    if (options->compare) {
      run_compare(*options, session);
      return;
    }
    options->format = options->excel.format_for(options->format, MatchFormat::csv);
    run_match(*options, session);
  });
}

} // namespace tandem::cli
