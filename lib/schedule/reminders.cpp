#include "schedule/reminders.hpp"

#include "io/text.hpp"
#include "model/values.hpp"
#include "report/period.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace tandem::schedule {

namespace {

using std::chrono::sys_days;

bool is_too_late(const workspace::Workspace& workspace, model::Date due, model::Date today)
{
  return model::days_between(due, today) > workspace.project->reminders.catch_up_days;
}

// `7d` is 7 calendar days, `2w` 14 (validated when tandem.yaml and events.yaml were read).
long offset_days(std::string_view offset)
{
  const long count = model::parse_int(offset.substr(0, offset.size() - 1), 0, 3650).value_or(0);
  return offset.back() == 'w' ? 7 * count : count;
}

// Collects recipients, each address once (compared without case).
class RecipientList {
public:
  void add(std::string name, const std::string& address)
  {
    if (!address.empty() && m_seen.insert(io::to_lower_ascii(address)).second) {
      m_list.push_back({std::move(name), address});
    }
  }
  void add_student(const model::Student& student) { add(student.first_name + " " + student.last_name, student.email); }
  void add_student(const workspace::Workspace& workspace, const std::string& id)
  {
    if (const auto* student = workspace.find_student(id)) {
      add_student(*student);
    }
  }
  void add_company(const workspace::Workspace& workspace, const std::string& id)
  {
    if (const auto* company = workspace.find_company(id)) {
      add(company->contact.name, company->contact.email);
    }
  }
  void add_staff(const model::Project& project)
  {
    for (const auto& address : project.reminders.staff) {
      add("", address);
    }
  }
  std::vector<Mailbox> take() { return std::move(m_list); }

private:
  std::vector<Mailbox> m_list;
  std::set<std::string> m_seen;
};

std::string when_text(const CalendarItem& item, const ProjectZone& zone)
{
  if (!item.start) {
    return item.first_day == item.last_day
             ? model::format_date(item.first_day)
             : model::format_date(item.first_day) + " to " + model::format_date(item.last_day);
  }
  const auto start = zone.wall_time(*item.start);
  std::string text = model::format_date(start.date) + " " + model::format_time(start.time_of_day);
  if (item.end) {
    const auto end = zone.wall_time(*item.end);
    text += end.date == start.date ? "-" + model::format_time(end.time_of_day)
                                   : " to " + model::format_date(end.date) + " " + model::format_time(end.time_of_day);
  }
  return text + " (" + zone.name() + ")";
}

// The term holding a day, as a period; all time when no term does.
report::Period term_around(const model::Project& project, model::Date day)
{
  for (const auto& term : project.terms) {
    const report::Period period{term.start, term.end};
    if (period.contains(day)) {
      return period;
    }
  }
  return {std::chrono::year::min() / 1 / 1, std::chrono::year::max() / 12 / 31};
}

// data-contract.md, events.yaml: the registered, else the event's audience.
std::vector<Mailbox> event_recipients(const workspace::Workspace& workspace, const model::Event& event, model::Date day)
{
  RecipientList recipients;
  bool registered = false;
  for (const auto& row : workspace.attendance) {
    if (row.event_id == event.id) {
      registered = true;
      if (!row.student_id.empty()) {
        recipients.add_student(workspace, row.student_id);
      } else {
        recipients.add_company(workspace, row.company_id);
      }
    }
  }
  if (registered) {
    return recipients.take();
  }
  using model::Audience;
  const bool students = event.audience != Audience::companies;
  const bool companies = event.audience == Audience::companies || event.audience == Audience::all;
  if (students) {
    for (const auto& student : workspace.students) {
      const bool in_group = event.audience == Audience::students || event.audience == Audience::all
                            || (event.audience == Audience::international)
                                 == (student.group == model::Group::international);
      const bool taking_part = student.joined && *student.joined <= day && (!student.left || *student.left >= day);
      if (in_group && taking_part) {
        recipients.add_student(student);
      }
    }
  }
  if (companies) {
    const report::Period term = term_around(*workspace.project, day);
    std::set<std::string> active;
    for (const auto& company : workspace.companies) {
      for (const auto& opening : company.openings) {
        if (term.contains(opening.start)) {
          active.insert(company.id);
        }
      }
    }
    for (const auto& placement : workspace.placements) {
      const auto span = placement_days(workspace, placement);
      if (placement.is_real() && span.first && term.contains(*span.first)) {
        active.insert(placement.company_id);
      }
    }
    for (const auto& company : workspace.companies) {
      if (active.count(company.id) != 0) {
        recipients.add_company(workspace, company.id);
      }
    }
  }
  return recipients.take();
}

void add_event_reminders(const workspace::Workspace& workspace, const CalendarItem& item, const ProjectZone& zone,
                         model::Date today, std::vector<Reminder>& reminders)
{
  const model::Event& event = *item.event;
  const auto& offsets = event.reminders.value_or(workspace.project->reminders.event_offsets);
  std::optional<std::vector<Mailbox>> recipients; // worked out once, and only when a reminder is due
  for (const auto& offset : offsets) {
    const model::Date due = model::plus_days(item.first_day, -offset_days(offset));
    if (due > today) {
      continue;
    }
    Reminder reminder;
    reminder.key = item.key + "/" + offset;
    reminder.due = due;
    reminder.too_late = is_too_late(workspace, due, today);
    reminder.subject = fmt::format("Reminder: {} on {}", item.title, when_text(item, zone));
    reminder.body = fmt::format("{}\nWhen: {}\n", item.title, when_text(item, zone));
    if (!item.location.empty()) {
      reminder.body += "Where: " + item.location + "\n";
    }
    if (!reminder.too_late) {
      if (!recipients) {
        recipients = event_recipients(workspace, event, item.first_day);
      }
      reminder.recipients = *recipients;
    }
    reminders.push_back(std::move(reminder));
  }
}

std::vector<Mailbox> placement_recipients(const workspace::Workspace& workspace, const model::Placement& placement,
                                          const std::vector<model::RecipientRole>& roles)
{
  RecipientList recipients;
  // A proposed placement is not yet agreed with anyone: only staff hear of it.
  const bool agreed = placement.is_real();
  for (const auto role : roles) {
    if (role == model::RecipientRole::students && agreed) {
      recipients.add_student(workspace, placement.international_id);
      if (!placement.domestic_id.empty()) {
        recipients.add_student(workspace, placement.domestic_id);
      }
    } else if (role == model::RecipientRole::company && agreed) {
      recipients.add_company(workspace, placement.company_id);
    } else if (role == model::RecipientRole::staff) {
      recipients.add_staff(*workspace.project);
    }
  }
  return recipients.take();
}

void add_placement_reminder(const workspace::Workspace& workspace, const CalendarItem& item,
                            const WorkingCalendar& working_days, model::Date today, std::vector<Reminder>& reminders)
{
  const auto& settings = workspace.project->reminders;
  const model::Date due = working_days.add_working_days(item.first_day, -settings.placement_notice_days);
  if (due > today) {
    return;
  }
  const model::Placement& placement = *item.placement;
  const std::string prefix = placement.is_real() ? "" : "[proposed] ";
  const std::string company = company_name(workspace, placement.company_id);
  Reminder reminder;
  reminder.due = due;
  reminder.too_late = is_too_late(workspace, due, today);
  const std::vector<model::RecipientRole> everyone{model::RecipientRole::students, model::RecipientRole::company,
                                                   model::RecipientRole::staff};
  if (item.follow_up == nullptr) {
    reminder.key = item.key + "/start";
    reminder.subject = fmt::format("{}Placement {} at {} starts on {}", prefix, placement.id, company,
                                   model::format_date(item.first_day));
  } else {
    reminder.key = item.key;
    reminder.subject = fmt::format("{}{} on {}: placement {} at {}", prefix, item.follow_up->title,
                                   model::format_date(item.first_day), placement.id, company);
  }
  if (!reminder.too_late) {
    reminder.recipients =
      placement_recipients(workspace, placement, item.follow_up == nullptr ? everyone : item.follow_up->recipients);
  }
  reminder.body = fmt::format("{}\nWhen: {}\n\n{}\n", reminder.subject.substr(prefix.size()),
                              model::format_date(item.first_day), item.description);
  reminders.push_back(std::move(reminder));
}

// A placement whose status lags behind its dates: still proposed on its first
// day, or not completed after its last.
struct StatusLag {
  const model::Placement* placement;
  std::string key;
  model::Date due;
  std::string text;
};

std::vector<StatusLag> status_lags(const workspace::Workspace& workspace, model::Date today)
{
  std::vector<StatusLag> lags;
  for (const auto& placement : workspace.placements) {
    const auto span = placement_days(workspace, placement);
    const std::string where =
      fmt::format("Placement {} at {}", placement.id, company_name(workspace, placement.company_id));
    if (placement.status == model::PlacementStatus::proposed && span.first && *span.first <= today) {
      lags.push_back({&placement, "placement/" + placement.id + "/unconfirmed", *span.first,
                      fmt::format("{} was to start on {} but is still proposed: confirm or cancel it in "
                                  "placements.csv.",
                                  where, model::format_date(*span.first))});
    }
    const bool running = placement.status == model::PlacementStatus::confirmed
                         || placement.status == model::PlacementStatus::started;
    if (running && span.last && *span.last < today) {
      lags.push_back({&placement, "placement/" + placement.id + "/not-completed", model::plus_days(*span.last, 1),
                      fmt::format("{} ended on {} but is still {}: mark it completed (or correct its dates) in "
                                  "placements.csv.",
                                  where, model::format_date(*span.last), model::to_string(placement.status))});
    }
  }
  return lags;
}

} // namespace

std::vector<Reminder> reminders_due(const workspace::Workspace& workspace, const std::vector<CalendarItem>& items,
                                    const ProjectZone& zone, model::Date today)
{
  std::vector<Reminder> reminders;
  const auto working_days = working_calendar_of(*workspace.project);
  for (const auto& item : items) {
    if (item.status == ItemStatus::cancelled) {
      continue;
    }
    if (item.event != nullptr) {
      add_event_reminders(workspace, item, zone, today, reminders);
    } else if (item.placement != nullptr) {
      add_placement_reminder(workspace, item, working_days, today, reminders);
    }
  }
  for (auto& lag : status_lags(workspace, today)) {
    Reminder reminder{lag.key, lag.due, lag.text.substr(0, lag.text.find(':')), lag.text + "\n", {},
                      is_too_late(workspace, lag.due, today)};
    if (!reminder.too_late) {
      RecipientList staff;
      staff.add_staff(*workspace.project);
      reminder.recipients = staff.take();
    }
    reminders.push_back(std::move(reminder));
  }
  std::sort(reminders.begin(), reminders.end(), [](const Reminder& a, const Reminder& b) {
    return std::tie(a.due, a.key) < std::tie(b.due, b.key);
  });
  return reminders;
}

std::vector<model::Date> digest_mondays(const model::Project& project, model::Date today)
{
  std::vector<model::Date> mondays;
  if (project.reminders.staff.empty()) {
    return mondays;
  }
  const auto first = model::plus_days(today, -project.reminders.catch_up_days);
  for (auto day = first; day <= today; day = model::plus_days(day, 1)) {
    const std::chrono::weekday weekday{sys_days(day)};
    if (weekday == std::chrono::Monday && model::plus_days(project.start, -6) <= day && day <= project.end) {
      mondays.push_back(day);
    }
  }
  return mondays;
}

Reminder weekly_digest(const workspace::Workspace& workspace, const std::vector<CalendarItem>& items,
                       const ProjectZone& zone, const Ledger& ledger, model::Date monday, model::Date today)
{
  const model::Date last = model::plus_days(monday, 13);
  std::string body = fmt::format("The week of {} in {}.\n\nComing up, {} to {}:\n", model::format_date(monday),
                                 workspace.project->name, model::format_date(monday), model::format_date(last));
  std::size_t coming = 0;
  for (const auto& item : items_between(items, monday, last)) {
    if (item.status != ItemStatus::cancelled) {
      body += fmt::format("  {:<30} {:<9} {}\n", when_text(item, zone), to_string(item.kind), item.title);
      ++coming;
    }
  }
  if (coming == 0) {
    body += "  nothing\n";
  }
  const auto lags = status_lags(workspace, today);
  if (!lags.empty()) {
    body += "\nPlacements whose status needs attention:\n";
    for (const auto& lag : lags) {
      body += "  " + lag.text + "\n";
    }
  }
  // Missed since the last digest: the records after the last digest record.
  const auto& records = ledger.records();
  auto since = std::find_if(records.rbegin(), records.rend(), [](const LedgerRecord& record) {
                 return record.key.starts_with("digest/");
               }).base();
  std::map<std::string, std::vector<std::string>> missed; // key -> recipients never reached
  for (auto record = since; record != records.end(); ++record) {
    if (record->status == LedgerStatus::missed) {
      auto& recipients = missed[record->key];
      if (record->recipient != k_all_recipients) {
        recipients.push_back(record->recipient);
      }
    }
  }
  if (!missed.empty()) {
    body += fmt::format("\nReminders too old to send (more than {} days late), recorded as missed:\n",
                        workspace.project->reminders.catch_up_days);
    for (const auto& [key, recipients] : missed) {
      body += recipients.empty() ? fmt::format("  {}\n", key)
                                 : fmt::format("  {}: never reached {}\n", key, fmt::join(recipients, ", "));
    }
  }
  RecipientList staff;
  staff.add_staff(*workspace.project);
  return Reminder{"digest/" + model::format_date(monday), monday,
                  fmt::format("Weekly digest {}: {} item{} in the next two weeks", model::format_date(monday), coming,
                              coming == 1 ? "" : "s"),
                  body, staff.take()};
}

} // namespace tandem::schedule
