#pragma once

#include "io/error.hpp"
#include "io/text.hpp"
#include "io/workbook.hpp"
#include "workspace/load.hpp"
#include "workspace/writer.hpp"

#include <CLI/CLI.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tandem::cli {

// Options every subcommand shares (cli.md: tandem [-C DIR] [--quiet | --verbose]).
struct GlobalOptions {
  std::optional<std::string> workspace;
  bool quiet = false;
  bool verbose = false;
};

// What one run of tandem shares between the parser and the subcommand it runs.
struct Session {
  GlobalOptions options;
  int exit_status = 0; // set by a subcommand that ends without an exception
};

// One setup function per subcommand, each in its own file: it adds the
// subcommand, its options struct and the callback that runs it.
// The whole command line: the global options and every command, as `tandem`
// parses it and as the manual pages and completion (cli/docgen.cpp) describe it.
void add_commands(CLI::App& app, Session& session);

void setup_init(CLI::App& app, Session& session);
void setup_check(CLI::App& app, Session& session);
void setup_import(CLI::App& app, Session& session);
void setup_report(CLI::App& app, Session& session);
void setup_match(CLI::App& app, Session& session);
void setup_placement(CLI::App& app, Session& session);
void setup_schedule(CLI::App& app, Session& session);
void setup_status(CLI::App& app, Session& session);
void setup_student(CLI::App& app, Session& session);
void setup_outcome(CLI::App& app, Session& session);
void setup_profiles(CLI::App& app, Session& session);

// The workspace, refused (its problems on standard error, then tandem::Error)
// when `tandem check` would report an error: plans and figures are made only
// from data that passes it. `purpose` ends the message: "the report is made".
workspace::Workspace load_valid_workspace(const workspace::WorkspacePaths& paths, std::string_view purpose,
                                          io::ProgressSink* progress = nullptr);

// The workspace opened for a command that changes one of its files (placement,
// student, outcome): the lock taken before reading, so that read, plan and write
// are one step (none on a dry run, which writes nothing), then the workspace
// loaded and refused when `check` finds errors. Not movable: the writer refers
// to the paths.
class WorkspaceChange {
public:
  WorkspaceChange(const Session& session, bool dry_run, std::string_view purpose);
  WorkspaceChange(const WorkspaceChange&) = delete;
  WorkspaceChange& operator=(const WorkspaceChange&) = delete;

  const workspace::WorkspacePaths paths;
  const std::unique_ptr<workspace::WorkspaceWriter> writer; // nullptr on a dry run
  const workspace::Workspace workspace;
};

// Carries out a command's planned change of the workspace file `name`: the
// refusals to standard error and exit 1 with nothing written; else the new
// contents through `writer` (nullptr: a dry run, nothing written) and the lines
// to standard output. True when the file was written.
bool apply_change(workspace::WorkspaceWriter* writer, const workspace::WorkspacePaths& paths, std::string_view name,
                  const workspace::PlannedChange& change, Session& session);

// A result to --output FILE (written atomically) or, without it, to standard output.
void write_output(const std::string& text, const std::optional<std::string>& output);

// --format xlsx writes a file: a usage error (exit 2) without --output, checked
// before any work is done.
void require_workbook_output(bool workbook, const std::optional<std::string>& output);

// The sheets as an Excel workbook at --output (see require_workbook_output).
void write_workbook_output(const std::vector<io::Sheet>& sheets, const std::optional<std::string>& output);

// `--excel` on a command with a CSV output: CSV in the dialect Excel opens in a
// Finnish or Swedish locale (io::excel_csv). It selects the CSV format; with
// another --format it is a usage error. `format` is the command's --format option.
struct ExcelFlag {
  bool on = false;
  CLI::Option* format = nullptr;

  void add_to(CLI::App& command, CLI::Option* format_option);
  // The format to use: csv when --excel is on (checking --format), else `chosen`.
  template <typename Format>
  Format format_for(Format chosen, Format csv) const
  {
    if (on && format->count() > 0 && chosen != csv) {
      throw Error("--excel writes CSV: leave out --format or give --format csv", ExitCode::usage);
    }
    return on ? csv : chosen;
  }
  // A CSV text as --excel asks for it.
  std::string apply(std::string csv) const;
};

// Refuses (usage error, exit 2) an output the command line names that would
// overwrite a workspace file or write into .tandem/: `--output students.csv`
// run in the workspace must never replace the roster.
void refuse_workspace_output(const workspace::WorkspacePaths& paths, const std::optional<std::string>& output,
                             std::string_view option);

// Restricts an option to the names of `names` (any case), stored as their
// values; --help shows them as `a|b|c`. Only the names: CLI11's own
// transformer would also take a value's number (`--format 3`).
template <typename Value>
CLI::Option* accept_names(CLI::Option* option, const std::map<std::string, Value>& names)
{
  std::string shown;
  std::vector<std::string> words;
  for (const auto& entry : names) {
    shown += (shown.empty() ? "" : "|") + entry.first;
    words.push_back(entry.first);
  }
  const std::string listed = io::joined_with_or(words);
  const auto to_name = [names, listed](std::string& text) -> std::string {
    for (const auto& [name, value] : names) {
      if (io::to_lower_ascii(text) == io::to_lower_ascii(name)) {
        text = std::to_string(static_cast<long long>(value));
        return "";
      }
    }
    return "unknown value '" + text + "': use " + listed;
  };
  return option->transform(CLI::Validator(to_name, shown))->option_text(shown);
}

// Restricts a text option to `names` (exact), saying in plain words which are valid.
CLI::Validator one_of(std::vector<std::string> names);

// Checks that an option's value is a date YYYY-MM-DD.
CLI::Validator iso_date();

// Parses the command line and runs the subcommand; returns the exit status.
int run(int argc, char** argv);

} // namespace tandem::cli
