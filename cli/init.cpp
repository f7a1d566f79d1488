#include "app.hpp"

#include "workspace/init.hpp"

#include <iostream>
#include <memory>

namespace tandem::cli {

namespace {

struct InitOptions {
  std::string folder;
  bool example = false;
};

void run_init(const InitOptions& options, const Session& session)
{
  workspace::init_workspace(options.folder, options.example);
  if (!session.options.quiet) {
    std::cout << "created " << (options.example ? "the example workspace" : "a workspace")
              << " in " << options.folder << '\n';
  }
}

} // namespace

void setup_init(CLI::App& app, Session& session)
{
  auto options = std::make_shared<InitOptions>();
  auto* command = app.add_subcommand("init", "create a workspace");
  command->footer("Example:\n  tandem init ~/tandem/2026-autumn");
  command->add_option("DIR", options->folder, "the new workspace folder")->required();
  command->add_flag("--example", options->example,
                    "copy the shipped example workspace (the Export Expert project)");
  command->callback([options, &session] { run_init(*options, session); });
}

} // namespace tandem::cli
