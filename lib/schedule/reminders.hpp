#pragma once

#include "schedule/items.hpp"
#include "schedule/ledger.hpp"
#include "schedule/mail.hpp"
#include "schedule/messages.hpp"
#include "schedule/time_zone.hpp"
#include "workspace/load.hpp"

#include <string>
#include <vector>

// What `schedule remind` reminds of, to whom and when (docs/cron.md lists the
// rules): events by their offsets, each placement's start and follow-ups,
// placements whose status lags behind their dates, and a weekly staff digest.
namespace tandem::schedule {

struct Reminder {
  // Stable: `event/ws-3/7d`, `placement/P1/start`, `placement/P1/final-feedback`,
  // `placement/P1/unconfirmed`, `placement/P1/not-completed`, `outcomes/S1/four-weeks`,
  // `digest/2022-03-07`.
  std::string key;
  model::Date due;
  MessageKind kind = MessageKind::event; // the template that says it
  MessageFields fields;                  // what the template reads
  std::vector<Mailbox> recipients; // each address once, with their language; none when too late
  // Due more than reminders.catch_up_days before today: never sent, recorded as
  // missed once for all its recipients (who are then not worked out).
  bool too_late = false;
};

// Every reminder except the digest that is due on or before `today`, by due
// day then key. `items` is the workspace's calendar.
std::vector<Reminder> reminders_due(const workspace::Workspace& workspace, const std::vector<CalendarItem>& items,
                                    const ProjectZone& zone, model::Date today);

// The Mondays whose staff digest is due: within the catch-up window up to
// `today` and inside the project's span; none without staff addresses.
std::vector<model::Date> digest_mondays(const model::Project& project, model::Date today);

// The staff digest of the week starting `monday`: the items of the next two
// weeks, the placements whose status lags, and the reminders recorded as missed
// since the last digest in `ledger`.
Reminder weekly_digest(const workspace::Workspace& workspace, const std::vector<CalendarItem>& items,
                       const ProjectZone& zone, const Ledger& ledger, model::Date monday, model::Date today);

} // namespace tandem::schedule
