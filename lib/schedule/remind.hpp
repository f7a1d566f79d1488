#pragma once

#include "schedule/items.hpp"
#include "schedule/ledger.hpp"
#include "schedule/messages.hpp"
#include "schedule/time_zone.hpp"
#include "schedule/transport.hpp"
#include "workspace/load.hpp"

#include <chrono>
#include <string>
#include <vector>

// One run of `tandem schedule remind`: every reminder due and not in the
// ledger is sent (up to reminders.catch_up_days late) or recorded as missed
// (older: for everyone, or for each recipient it never reached); each is
// recorded only once its message was handed over.
namespace tandem::schedule {

struct RemindRequest {
  model::Date today;
  Instant now;          // the messages' Date
  bool dry_run = false; // decide, write to an outbox if given, record nothing
  // No message is begun after this (reminders.run_timeout from the start).
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct RemindSummary {
  std::vector<std::string> actions;  // one line per reminder acted on, for standard output
  std::vector<std::string> failures; // lines on messages not handed over, for standard error
  std::size_t sent = 0;              // messages
  std::size_t unsent = 0;            // messages due but not handed over (they stay due)
  std::size_t missed = 0;            // reminders recorded as missed (for all, or for those never reached)
  std::size_t already_done = 0;      // recipients, and missed reminders, already in the ledger
};

// `transport` may be null in a dry run without an outbox. Each message is made
// from `templates` in its recipient's language.
RemindSummary run_reminders(const workspace::Workspace& workspace, const std::vector<CalendarItem>& items,
                            const ProjectZone& zone, const MessageTemplates& templates, Ledger& ledger,
                            MailTransport* transport, const RemindRequest& request);

} // namespace tandem::schedule
