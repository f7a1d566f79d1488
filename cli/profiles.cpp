#include "app.hpp"

#include "io/atomic_file.hpp"
#include "profiles/sheets.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

namespace tandem::cli {

namespace {

struct ProfilesOptions {
  profiles::ProfileRequest request;
  profiles::Format format = profiles::Format::html;
  std::string output = "profiles";
};

void run_profiles(const ProfilesOptions& options, Session& session)
{
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  refuse_workspace_output(paths, options.output, "--output");
  const auto workspace = load_valid_workspace(paths, "profile sheets are made");
  const auto set = profiles::make_sheets(workspace, options.request);
  bool incomplete = false;
  for (const auto& left_out : set.left_out) {
    std::cerr << fmt::format("tandem: {}: {}{}{}\n", left_out.sheet, left_out.student_name,
                             left_out.student_name.empty() ? "" : " left out: ", left_out.reason);
    incomplete = incomplete || left_out.incomplete;
  }
  const std::filesystem::path folder(options.output);
  for (const auto& sheet : set.sheets) {
    const auto base = folder / sheet.company_id / sheet.file_stem;
    std::filesystem::create_directories(base.parent_path());
    std::vector<std::filesystem::path> written;
    if (options.format == profiles::Format::md) {
      written.push_back(base.string() + ".md");
      io::write_file_atomically(written.back(), profiles::to_markdown(sheet, workspace.project->name));
    } else {
      written.push_back(base.string() + ".html");
      io::write_file_atomically(written.back(), profiles::to_html(sheet, workspace.project->name));
      if (options.format == profiles::Format::pdf) {
        written.push_back(base.string() + ".pdf");
        profiles::render_pdf(written.front(), written.back());
      }
    }
    if (!session.options.quiet) {
      for (const auto& file : written) {
        std::cout << "wrote " << file.string() << '\n';
      }
    }
  }
  if (set.sheets.empty() && !session.options.quiet) {
    std::cout << "no sheets: no placement or opening matched\n";
  }
  if (incomplete) {
    session.exit_status = static_cast<int>(ExitCode::failure);
  }
}

} // namespace

void setup_profiles(CLI::App& app, Session& session)
{
  auto options = std::make_shared<ProfilesOptions>();
  auto* command = app.add_subcommand("profiles", "profile sheets for companies: the students of a proposed or "
                                                 "confirmed placement, or an opening's best candidates, with "
                                                 "their consent");
  command->footer("Example:\n  tandem profiles --company acme-export --format pdf");
  command->add_option("--placement", options->request.placements, "a sheet for these placements");
  command->add_option("--opening", options->request.openings, "a sheet of each opening's best candidates");
  command->add_option("--company", options->request.companies,
                      "the proposed and confirmed placements of these companies");
  command->add_option("--term", options->request.term, "only placements that start in this term");
  const std::map<std::string, profiles::Format> formats{
    {"html", profiles::Format::html}, {"md", profiles::Format::md}, {"pdf", profiles::Format::pdf}};
  accept_names(command->add_option("--format", options->format, "html (default), pdf (and its HTML) or md"), formats);
  command->add_option("--output", options->output, "the folder for the sheets (default: profiles)");
  command->callback([options, &session] { run_profiles(*options, session); });
}

} // namespace tandem::cli
