#include "app.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

#include <exception>
#include <iostream>

namespace tandem::cli {

int run(int argc, char** argv)
{
  CLI::App app{"tandem: tandem internships for university career services: import rosters, "
               "match pairs to companies, schedule the term, report to the funder",
               "tandem"};
  app.set_version_flag("--version", "tandem 0.1.0");
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e); // prints the message to standard error
    return static_cast<int>(ExitCode::usage);
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
