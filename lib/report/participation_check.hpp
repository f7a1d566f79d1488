#pragma once

#include "io/diagnostics.hpp"
#include "model/values.hpp"
#include "workspace/load.hpp"

#include <optional>

// What `check` says about the ESF start and end data (cli.md, report revision 2),
// so that the funder's figures can be right.
namespace tandem::report {

// Always: a `left` before the student's first activity (error: the person would
// leave before entering), an event attended after `left`, two outcome rows of
// one student on one date (warnings).
void check_participation(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                         io::Diagnostics& diagnostics);

// As of `today` (warnings): a participant with no `left` and no activity for six
// months; a leaver whose four-week or six-month outcome is overdue.
void check_follow_ups(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                      model::Date today, io::Diagnostics& diagnostics);

} // namespace tandem::report
