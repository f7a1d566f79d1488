#pragma once

#include "io/workbook.hpp"
#include "report/period.hpp"
#include "workspace/load.hpp"

#include <string>

namespace tandem::report {

// `tandem report participants`: one row per participant of the period with the
// entry data funders' forms ask for (first day, group, gender, age band,
// employment status and education on entry, last day, latest outcome). It lists
// people by name, so it is never part of a public report.
std::string participants_csv(const workspace::Workspace& workspace, const Period& period);
std::string participants_markdown(const workspace::Workspace& workspace, const Period& period);
io::Sheet participants_sheet(const workspace::Workspace& workspace, const Period& period);

} // namespace tandem::report
