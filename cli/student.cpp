#include "app.hpp"

#include "io/error.hpp"
#include "roster/changes.hpp"
#include "workspace/writer.hpp"

#include <memory>

namespace tandem::cli {

namespace {

struct StudentOptions {
  roster::StudentRequest request;
  std::optional<std::string> date;
  bool dry_run = false;
};

void run_student(StudentOptions options, Session& session)
{
  if (options.date) {
    options.request.date = model::parse_date(*options.date);
  }
  const WorkspaceChange change(session, options.dry_run, "the roster is changed");
  const auto name = workspace::file_names::students;
  const auto table = workspace::read_for_rewrite(change.paths, name);
  const auto plan = roster::plan_student_change(change.workspace, table.value_or(io::CsvTable{}), options.request);
  apply_change(change.writer.get(), change.paths, name, plan, session);
}

void setup_change(CLI::App& parent, Session& session, const std::string& name, roster::StudentChange change,
                  const std::string& description)
{
  auto options = std::make_shared<StudentOptions>();
  options->request.change = change;
  auto* command = parent.add_subcommand(name, description);
  command->footer("Example:\n  tandem student " + name + " s22003"
                  + (change == roster::StudentChange::leave ? " --date 2026-12-19" : ""));
  command->add_option("ID", options->request.ids, "the students (ids of students.csv)")->required();
  if (change == roster::StudentChange::leave) {
    command->add_option("--date", options->date, "the day they left the project")->required()->check(iso_date());
  }
  command->add_flag("--dry-run", options->dry_run, "say what would change; write nothing");
  command->callback([options, &session] { run_student(*options, session); });
}

} // namespace

void setup_student(CLI::App& app, Session& session)
{
  auto* command = app.add_subcommand("student", "hold a student out of matching, release them, record when they "
                                                "left");
  command->footer("Example:\n  tandem student leave s22003 --date 2026-12-19");
  command->require_subcommand(1);
  setup_change(*command, session, "hold", roster::StudentChange::hold,
               "leave the student out of every match until released (matching: hold)");
  setup_change(*command, session, "release", roster::StudentChange::release, "let the next match place them again");
  setup_change(*command, session, "leave", roster::StudentChange::leave,
               "record the day they left the project (left): their follow-ups start from it");
}

} // namespace tandem::cli
