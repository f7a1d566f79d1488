#include "status/status.hpp"

#include "io/text.hpp"
#include "match/rules.hpp"
#include "placement/moves.hpp"
#include "report/follow_ups.hpp"
#include "report/participation.hpp"
#include "schedule/items.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace tandem::status {

namespace {

using model::Date;
using model::format_date;
using model::PlacementStatus;

// The Sunday closing the (Monday to Sunday) week of `day`.
Date end_of_week(Date day)
{
  const std::chrono::weekday weekday{std::chrono::sys_days(day)};
  return model::plus_days(day, 7 - static_cast<long>(weekday.iso_encoding()));
}

std::string json_list(const std::vector<std::string>& texts)
{
  std::string out;
  for (const auto& text : texts) {
    out += (out.empty() ? "" : ", ") + io::json_string(text);
  }
  return out;
}

std::string days_text(long days)
{
  return days == 1 ? "1 day" : fmt::format("{} days", days);
}

// The earliest deadline before the placement starts (tandem.yaml follow-ups of
// kind deadline anchored at the start: by default the placement agreement).
std::optional<Date> agreement_day(const model::Project& project, const schedule::PlacementDays& span)
{
  std::optional<Date> earliest;
  const auto working_days = schedule::working_calendar_of(project);
  for (const auto& follow_up : project.schedule.follow_ups) {
    if (follow_up.kind != model::FollowUpKind::deadline || follow_up.anchor != model::FollowUpAnchor::start) {
      continue;
    }
    const auto day = schedule::follow_up_day(span, follow_up, working_days);
    if (day && (!earliest || *day < *earliest)) {
      earliest = day;
    }
  }
  return earliest;
}

void add_placement_items(const workspace::Workspace& workspace, const StatusFacts& facts, std::vector<Item>& items)
{
  const Date today = facts.today;
  const Date week_end = end_of_week(today);
  for (const auto& placement : workspace.placements) {
    const auto span = schedule::placement_days(workspace, placement);
    const std::string who = placement::describe(workspace, placement);
    if (placement.status == PlacementStatus::proposed) {
      std::string text = fmt::format("Proposal {}, {}: waiting for confirmation", placement.id, who);
      if (const auto proposed = facts.proposal_days.find(placement.id);
          proposed != facts.proposal_days.end() && proposed->second <= today) {
        text += " for " + days_text(model::days_between(proposed->second, today));
      }
      std::optional<Date> due = span.first ? agreement_day(*workspace.project, span) : std::nullopt;
      if (due) {
        text += fmt::format("; agreement due by {}", format_date(*due));
      } else {
        due = span.first;
      }
      if (span.first && *span.first < today) {
        text += fmt::format("; it was to start on {}", format_date(*span.first));
      }
      items.push_back({ItemKind::proposal, due, due && *due < today, text + "; confirm it, or cancel it",
                       "tandem placement confirm " + placement.id, {placement.id}});
    } else if (placement.status == PlacementStatus::confirmed && span.first && *span.first <= week_end) {
      const bool late = *span.first < today;
      items.push_back({ItemKind::start, span.first, late,
                       fmt::format("Placement {}, {}: {} on {}{}", placement.id, who, late ? "started" : "starts",
                                   format_date(*span.first), late ? " and is still confirmed" : ""),
                       "tandem placement start " + placement.id, {placement.id}});
    } else if (placement.status == PlacementStatus::started && span.last && *span.last <= week_end) {
      const bool late = *span.last < today;
      items.push_back({ItemKind::end, span.last, late,
                       fmt::format("Placement {}, {}: {} on {}{}", placement.id, who, late ? "ended" : "ends",
                                   format_date(*span.last), late ? " and is not completed" : ""),
                       "tandem placement complete " + placement.id, {placement.id}});
    }
  }
}

void add_follow_up_items(const workspace::Workspace& workspace, Date today, std::vector<Item>& items)
{
  const report::ActivityLog log(workspace);
  const report::OutcomesByStudent outcomes(workspace);
  for (const auto& follow_up : report::outcome_follow_ups(log, outcomes, today)) {
    const auto& participant = *follow_up.participant;
    const std::string& id = *participant.id;
    const std::string name = workspace.student_name(id);
    const std::string record = fmt::format("tandem outcome add {} --date DATE --status STATUS", id);
    switch (follow_up.need) {
    case report::FollowUpNeed::upon_leaving:
    case report::FollowUpNeed::six_months: {
      const bool four_weeks = follow_up.need == report::FollowUpNeed::upon_leaving;
      const std::string which = four_weeks ? "four-week" : "six-month";
      const std::string text =
        follow_up.overdue
          ? fmt::format("{} left on {}: the {} outcome is overdue (its window closed on {})", name,
                        format_date(participant.leaving), which, format_date(follow_up.closes))
          : fmt::format("{} left on {}: record the {} outcome by {}", name, format_date(participant.leaving), which,
                        format_date(follow_up.closes));
      items.push_back({four_weeks ? ItemKind::outcome_four_weeks : ItemKind::outcome_six_months, follow_up.closes,
                       follow_up.overdue, text, record, {id}});
      break;
    }
    case report::FollowUpNeed::no_activity:
      items.push_back({ItemKind::no_activity, follow_up.due, true,
                       fmt::format("{} has no left date and no activity since {}: record when they left", name,
                                   format_date(participant.last_activity)),
                       fmt::format("tandem student leave {} --date DATE", id), {id}});
      break;
    }
  }
}

// International students taking part, not on hold, never placed (no placement
// but cancelled ones), while openings of their field have free places: one item
// per field, naming the students.
void add_unplaced_items(const workspace::Workspace& workspace, Date today, std::vector<Item>& items)
{
  std::set<std::string> placed;
  std::map<std::string, int> taken; // opening id -> places taken
  for (const auto& placement : workspace.placements) {
    if (placement.status != PlacementStatus::cancelled) {
      placed.insert(placement.international_id);
      ++taken[placement.opening_id];
    }
  }
  std::vector<const model::Opening*> open;
  for (const auto& company : workspace.companies) {
    for (const auto& opening : company.openings) {
      if (opening.end >= today && taken[opening.id] < opening.slots) {
        open.push_back(&opening);
      }
    }
  }
  struct FieldGroup {
    long openings = 0;
    std::vector<std::string> names;
    std::vector<std::string> ids;
  };
  std::map<std::string, FieldGroup> groups; // by field name
  for (const auto& student : workspace.students) {
    const bool taking_part =
      student.joined && *student.joined <= today && (!student.left || *student.left >= today) && !student.on_hold;
    if (student.group != model::Group::international || !taking_part || placed.count(student.id) != 0) {
      continue;
    }
    const long fitting = std::count_if(open.begin(), open.end(), [&](const model::Opening* opening) {
      return match::field_fits(*opening, student);
    });
    if (fitting > 0) {
      auto& group = groups[std::string(model::to_string(student.field))];
      group.openings = fitting;
      group.names.push_back(workspace.student_name(student.id));
      group.ids.push_back(student.id);
    }
  }
  for (auto& [field, group] : groups) {
    std::sort(group.names.begin(), group.names.end());
    items.push_back({ItemKind::unplaced, std::nullopt, false,
                     fmt::format("{} international student{} in {} without a placement while {} opening{} for "
                                 "them {} free places: {}",
                                 group.names.size(), group.names.size() == 1 ? "" : "s", field, group.openings,
                                 group.openings == 1 ? "" : "s", group.openings == 1 ? "has" : "have",
                                 fmt::join(group.names, ", ")),
                     "tandem match", group.ids});
  }
}

} // namespace

std::string_view to_string(ItemKind kind)
{
  switch (kind) {
  case ItemKind::proposal:
    return "proposal";
  case ItemKind::start:
    return "start";
  case ItemKind::end:
    return "end";
  case ItemKind::outcome_four_weeks:
    return "outcome_four_weeks";
  case ItemKind::outcome_six_months:
    return "outcome_six_months";
  case ItemKind::no_activity:
    return "no_activity";
  case ItemKind::unplaced:
    return "unplaced";
  }
  return "proposal";
}

std::vector<Item> items_needing_attention(const workspace::Workspace& workspace, const StatusFacts& facts)
{
  std::vector<Item> items;
  add_placement_items(workspace, facts, items);
  add_follow_up_items(workspace, facts.today, items);
  add_unplaced_items(workspace, facts.today, items);
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    // Dated items first (std::nullopt sorts first in a comparison, hence the flag).
    return std::tuple(!a.due.has_value(), a.due, a.kind, a.text) < std::tuple(!b.due.has_value(), b.due, b.kind, b.text);
  });
  return items;
}

std::string format_status(const std::vector<Item>& items, const io::Diagnostics::Counts& check, Date today,
                          Format format)
{
  if (format == Format::json) {
    std::string out = fmt::format("{{\"today\": {}, \"items\": [", io::json_string(format_date(today)));
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& item = items[i];
      out += fmt::format("{}\n  {{\"kind\": \"{}\", \"due\": {}, \"overdue\": {}, \"subjects\": [{}], \"text\": {}, "
                         "\"command\": {}}}",
                         i == 0 ? "" : ",", to_string(item.kind),
                         item.due ? io::json_string(format_date(*item.due)) : "null", item.overdue ? "true" : "false",
                         json_list(item.subjects), io::json_string(item.text), io::json_string(item.command));
    }
    return out + fmt::format("{}], \"check_errors\": {}, \"check_warnings\": {}}}\n", items.empty() ? "" : "\n",
                             check.errors, check.warnings);
  }
  if (items.empty() && check.errors == 0 && check.warnings == 0) {
    return fmt::format("Nothing needs attention on {}.\n", format_date(today));
  }
  std::string out = fmt::format("Needs attention on {}, most urgent first:\n", format_date(today));
  const auto add = [&out](std::string_view when, bool overdue, std::string_view text, std::string_view command) {
    out += fmt::format("{:<10} {:<7}  {}\n{:<19} -> {}\n", when, overdue ? "OVERDUE" : "", text, "", command);
  };
  for (const auto& item : items) {
    add(item.due ? format_date(*item.due) : "", item.overdue, item.text, item.command);
  }
  if (check.errors > 0 || check.warnings > 0) {
    add("", false, fmt::format("check: {} error(s), {} warning(s)", check.errors, check.warnings), "tandem check");
  }
  return out;
}

} // namespace tandem::status
