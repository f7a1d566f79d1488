#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

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
void setup_init(CLI::App& app, Session& session);
void setup_check(CLI::App& app, Session& session);
void setup_import(CLI::App& app, Session& session);
void setup_report(CLI::App& app, Session& session);

// Parses the command line and runs the subcommand; returns the exit status.
int run(int argc, char** argv);

} // namespace tandem::cli
