#pragma once

#include "io/diagnostics.hpp"
#include "model/values.hpp"
#include "workspace/check.hpp"
#include "workspace/load.hpp"

#include <optional>

// What `check` says about the ESF start and end data (cli.md, report revision 2),
// so that the funder's figures can be right.
namespace tandem::report {

// A `left` before the student's first activity (error: the person would leave
// before entering). With warnings, an event attended after `left` and two
// outcome rows of one student on one date; with a day for the follow-ups, as of
// that day, a participant with no `left` and no activity for six months and a
// leaver whose four-week or six-month outcome is overdue.
void check_participation(const workspace::Workspace& workspace, const workspace::WorkspacePaths& paths,
                         const workspace::LinkCheck& what, io::Diagnostics& diagnostics);

} // namespace tandem::report
