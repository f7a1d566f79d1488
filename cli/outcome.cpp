#include "app.hpp"

#include "roster/changes.hpp"
#include "workspace/writer.hpp"

#include <memory>

namespace tandem::cli {

namespace {

struct OutcomeOptions {
  roster::OutcomeRequest request;
  std::string date;
  std::string status;
  bool dry_run = false;
};

void run_outcome(OutcomeOptions options, Session& session)
{
  options.request.date = *model::parse_date(options.date);
  options.request.status = *model::parse_enum<model::OutcomeStatus>(options.status);
  const WorkspaceChange change(session, options.dry_run, "the outcome is recorded");
  const auto name = workspace::file_names::outcomes;
  const auto plan =
    roster::plan_outcome(change.workspace, workspace::read_for_rewrite(change.paths, name), options.request);
  apply_change(change.writer.get(), change.paths, name, plan, session);
}

} // namespace

void setup_outcome(CLI::App& app, Session& session)
{
  auto* command = app.add_subcommand("outcome", "record where a student is at a date (outcomes.csv): the "
                                                "follow-ups the funder's result indicators read");
  command->footer("Example:\n  tandem outcome add s22003 --date 2027-01-12 --status employed");
  command->require_subcommand(1);
  auto options = std::make_shared<OutcomeOptions>();
  auto* add = command->add_subcommand("add", "add an outcome (a row of the same student and date is replaced)");
  add->footer("Example:\n  tandem outcome add s22003 --date 2027-01-12 --status employed --employer acme-export");
  add->add_option("STUDENT", options->request.student_id, "the student's id")->required();
  add->add_option("--date", options->date, "the day the status holds")->required()->check(iso_date());
  add->add_option("--status", options->status, "the status on that day")
    ->required()
    ->check(one_of({"employed", "self_employed", "in_education", "job_seeking", "inactive", "qualified"}));
  add->add_option("--employer", options->request.employer, "a company id of companies.yaml, or the employer's name");
  add->add_option("--note", options->request.note, "free text");
  add->add_flag("--dry-run", options->dry_run, "say what would change; write nothing");
  add->callback([options, &session] { run_outcome(*options, session); });
}

} // namespace tandem::cli
