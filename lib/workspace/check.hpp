#pragma once

#include "io/diagnostics.hpp"
#include "workspace/load.hpp"

#include <cstddef>
#include <optional>

namespace tandem::workspace {

struct CheckSummary {
  std::size_t students = 0;
  std::size_t companies = 0;
  std::size_t business_ids = 0; // two sites of one company share one
  std::size_t openings = 0;
  std::size_t events = 0;
  std::size_t placements = 0;
};

// What check_links looks for: the errors that stop a command (what match,
// report and schedule need, fast on a large workspace), or everything `check` says.
struct LinkCheck {
  bool warnings = true;
  std::optional<model::Date> follow_ups_as_of; // with warnings: follow-ups overdue on that day
};

// Checks the links between the files of a loaded workspace (errors) and the
// facts that are possible but implausible (warnings): a placement dated before
// its student joined, a real placement that breaks a matching rule.
void check_links(const Workspace& workspace, const WorkspacePaths& paths, io::Diagnostics& diagnostics,
                 const LinkCheck& what = {});

// Loads and checks the whole workspace: the `tandem check` command. `today`
// (default: today in the project's time zone) dates the follow-ups that are
// overdue (docs/indicators.md).
CheckSummary check_workspace(const WorkspacePaths& paths, std::optional<model::Date> today, io::ProgressSink* progress,
                             io::Diagnostics& diagnostics);

} // namespace tandem::workspace
