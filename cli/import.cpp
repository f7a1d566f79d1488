#include "app.hpp"

#include "import/import.hpp"
#include "io/error.hpp"
#include "io/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

namespace tandem::cli {

namespace {

struct ImportCommandOptions {
  import::ImportKind kind = import::ImportKind::students;
  std::string file;
  std::string map_file;
  import::Delimiter delimiter = import::Delimiter::automatic;
  io::Encoding encoding = io::Encoding::utf8;
  bool dry_run = false;
};

std::string delimiter_name(char delimiter)
{
  return delimiter == '\t' ? "tab" : std::string(1, delimiter);
}

// A column list for the summary: an export can have thousands of columns, so
// past a screenful only their number is given (all of them with --verbose).
std::string column_list(const std::vector<std::string>& names, bool verbose)
{
  constexpr std::size_t shown = 20;
  const std::size_t listed = verbose ? names.size() : std::min(names.size(), shown);
  std::string list;
  for (std::size_t i = 0; i < listed; ++i) {
    list += (i == 0 ? "" : ", ") + io::one_line(names[i]);
  }
  if (listed < names.size()) {
    list += fmt::format(" and {} more (--verbose lists them all)", names.size() - listed);
  }
  return list;
}

void print_report(const import::ImportReport& report, const ImportCommandOptions& options,
                  const Session& session)
{
  for (const auto& warning : report.warnings) {
    std::cerr << "tandem: warning: " << io::one_line(warning) << '\n';
  }
  for (const auto& rejected : report.rejected) {
    std::cerr << fmt::format("{}:{}: error: row rejected: {}\n", report.source, rejected.line,
                             io::one_line(rejected.reason));
  }
  if (session.options.quiet && report.rejected.empty()) {
    return;
  }
  const std::string_view verb = options.dry_run ? "would be " : "";
  std::cout << fmt::format("import {} into {} (delimiter {}, encoding {})\n", report.source,
                           report.target, delimiter_name(report.delimiter),
                           options.encoding == io::Encoding::latin1 ? "latin1" : "utf-8");
  std::cout << fmt::format("  {}added: {}\n", verb, report.added.size());
  if (session.options.verbose) {
    for (const auto& id : report.added) {
      std::cout << fmt::format("    {}\n", id);
    }
  }
  std::cout << fmt::format("  {}changed: {}\n", verb, report.changed.size());
  for (const auto& change : report.changed) {
    std::cout << fmt::format("    {}: {}\n", change.id, fmt::join(change.fields, ", "));
  }
  std::cout << fmt::format("  unchanged: {}\n", report.unchanged);
  std::cout << fmt::format("  rejected: {}\n", report.rejected.size());
  if (!report.identical_rows.empty()) {
    std::cout << fmt::format("  identical rows taken once: {} (line{} {})\n", report.identical_rows.size(),
                             report.identical_rows.size() == 1 ? "" : "s", fmt::join(report.identical_rows, ", "));
  }
  if (!report.extra_columns.empty()) {
    std::cout << fmt::format("  kept as extra columns: {}\n",
                             column_list(report.extra_columns, session.options.verbose));
  }
  if (!report.dropped_columns.empty()) {
    std::cout << fmt::format("  dropped by the map: {}\n",
                             column_list(report.dropped_columns, session.options.verbose));
  }
  if (!report.identity_code_columns.empty()) {
    std::cout << fmt::format("  personal identity codes (henkilötunnus), dropped and never stored: {}\n",
                             fmt::join(report.identity_code_columns, ", "));
  }
  if (options.dry_run) {
    std::cout << fmt::format("dry run: {} was not written\n", report.target);
  }
}

void run_import(const ImportCommandOptions& options, Session& session)
{
  import::ImportOptions request;
  request.kind = options.kind;
  request.file = options.file;
  if (!options.map_file.empty()) {
    request.map_file = options.map_file;
  }
  request.delimiter = options.delimiter;
  request.encoding = options.encoding;
  request.dry_run = options.dry_run;
  const auto paths = workspace::WorkspacePaths::resolve(session.options.workspace);
  const auto report = import::import_file(paths, request);
  print_report(report, options, session);
  if (!report.rejected.empty()) {
    session.exit_status = static_cast<int>(ExitCode::failure);
  }
}

} // namespace

void setup_import(CLI::App& app, Session& session)
{
  auto options = std::make_shared<ImportCommandOptions>();
  auto* command = app.add_subcommand(
    "import", "bring an export from another system into the workspace, merged by id (outcomes by student and "
              "date)");
  command->footer("Example:\n  tandem import students opiskelijat.csv --encoding latin1 --dry-run");
  const std::map<std::string, import::ImportKind> kinds{
    {"students", import::ImportKind::students},
    {"companies", import::ImportKind::companies},
    {"attendance", import::ImportKind::attendance},
    {"outcomes", import::ImportKind::outcomes},
    {"feedback", import::ImportKind::feedback}};
  accept_names(command->add_option("KIND", options->kind, "students, companies, attendance, outcomes or feedback")
    ->required(), kinds);
  command->add_option("FILE", options->file, "the export (CSV; companies also YAML)")->required();
  command->add_option("--map", options->map_file, "a YAML file mapping the export's columns")
    ->check(CLI::ExistingFile);
  const std::map<std::string, import::Delimiter> delimiters{
    {"auto", import::Delimiter::automatic}, {",", import::Delimiter::comma},
    {";", import::Delimiter::semicolon},    {"tab", import::Delimiter::tab}};
  accept_names(command->add_option("--delimiter", options->delimiter, "auto (default), ',', ';' or tab"), delimiters);
  const std::map<std::string, io::Encoding> encodings{
    {"utf-8", io::Encoding::utf8}, {"utf8", io::Encoding::utf8}, {"latin1", io::Encoding::latin1},
    {"latin-1", io::Encoding::latin1}, {"windows-1252", io::Encoding::latin1}};
  accept_names(command->add_option("--encoding", options->encoding, "utf-8 (default) or latin1"), encodings);
  command->add_flag("--dry-run", options->dry_run, "report what would change; write nothing");
  command->callback([options, &session] { run_import(*options, session); });
}

} // namespace tandem::cli
