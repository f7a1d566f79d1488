#pragma once

#include "io/diagnostics.hpp"
#include "model/values.hpp"
#include "workspace/load.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

// `tandem status`: what needs the staff's attention on a day, most urgent first,
// each item naming people and companies and the command that settles it
// (docs/user-guide.md, "What needs doing today").
namespace tandem::status {

enum class ItemKind {
  proposal,           // a proposed placement waiting for confirmation (its agreement)
  start,              // a confirmed placement starting this week, or started and still confirmed
  end,                // a started placement ending this week, or ended and not completed
  outcome_four_weeks, // a leaver's four-week outcome is due or overdue
  outcome_six_months, // a leaver's six-month outcome is due or overdue
  no_activity,        // a participant with no `left` and no activity for six months
  unplaced,           // an international student without a placement while openings in their field are open
};

std::string_view to_string(ItemKind kind);

struct Item {
  ItemKind kind;
  std::optional<model::Date> due; // none: no day attached (unplaced students)
  bool overdue = false;
  std::string text;       // names people and companies
  std::string command;    // the command that settles it
  std::vector<std::string> subjects; // the placement's or the students' ids (for programs reading the JSON)
};

struct StatusFacts {
  model::Date today;
  std::map<std::string, model::Date> proposal_days; // from the history: when each placement was proposed
};

// The items of `workspace` on `facts.today`, most urgent first: dated items by
// their day (the overdue are the earliest), then the undated; ties by kind, then text.
std::vector<Item> items_needing_attention(const workspace::Workspace& workspace, const StatusFacts& facts);

enum class Format { table, json };

// The status as text: each item with its command; the numbers of `check`
// errors and warnings close the list. With nothing to do, one line saying so.
std::string format_status(const std::vector<Item>& items, const io::Diagnostics::Counts& check, model::Date today,
                          Format format);

} // namespace tandem::status
