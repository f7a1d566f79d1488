#include "schedule/reminders.hpp"

#include "io/text.hpp"
#include "model/values.hpp"
#include "report/follow_ups.hpp"
#include "report/participation.hpp"
#include "report/period.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
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

// Collects recipients, each address once (compared without case), each with
// the language of their messages (their own, else the project's).
class RecipientList {
public:
  explicit RecipientList(const model::Project& project) : m_project(project) {}

  void add(std::string name, const std::string& address, const std::string& language)
  {
    if (!address.empty() && m_seen.insert(io::to_lower_ascii(address)).second) {
      m_list.push_back({std::move(name), address, language.empty() ? m_project.reminders.language : language});
    }
  }
  void add_student(const model::Student& student)
  {
    add(student.first_name + " " + student.last_name, student.email, student.message_language);
  }
  void add_student(const workspace::Workspace& workspace, const std::string& id)
  {
    if (const auto* student = workspace.find_student(id)) {
      add_student(*student);
    }
  }
  void add_company(const workspace::Workspace& workspace, const std::string& id)
  {
    if (const auto* company = workspace.find_company(id)) {
      add(company->contact.name, company->contact.email, company->contact.message_language);
    }
  }
  void add_staff()
  {
    for (const auto& address : m_project.reminders.staff) {
      add("", address, "");
    }
  }
  std::vector<Mailbox> take() { return std::move(m_list); }

private:
  const model::Project& m_project;
  std::vector<Mailbox> m_list;
  std::set<std::string> m_seen;
};

// The item's days and times for a message.
When when_of(const CalendarItem& item, const ProjectZone& zone)
{
  if (!item.start) {
    return {item.first_day, item.last_day, std::nullopt, std::nullopt};
  }
  const auto start = zone.wall_time(*item.start);
  When when{start.date, std::nullopt, start.time_of_day, std::nullopt};
  if (item.end) {
    const auto end = zone.wall_time(*item.end);
    if (end.date == start.date) {
      when.end = end.time_of_day;
    } else {
      when.last = end.date;
    }
  }
  return when;
}

// The words of the weekly digest's lines in each message language ("en" for
// any other). Staff read it in the project's message language.
struct DigestWords {
  std::string_view language;
  std::string_view week;          // {monday} {project}
  std::string_view coming_up;     // {from} {to}
  std::string_view nothing;
  std::array<std::string_view, 4> kinds; // by ItemKind: placement, check_in, deadline, event
  std::string_view to;            // between two days or times
  std::string_view lags;
  std::string_view unconfirmed;   // {id} {company} {date}
  std::string_view not_completed; // {id} {company} {date} {status}
  std::string_view confirmed;
  std::string_view started;
  std::string_view missed;        // {days}
  std::string_view never_reached; // {key} {names}
};

static_assert(static_cast<int>(ItemKind::event) == 3, "DigestWords::kinds follows ItemKind");

constexpr std::array<DigestWords, 3> digest_words{{
  {"en", "The week of {monday} in {project}.", "Coming up, {from} to {to}:", "nothing",
   {"placement", "check_in", "deadline", "event"}, " to ", "Placements whose status needs attention:",
   "Placement {id} at {company} was to start on {date} but is still proposed: tandem placement confirm {id} (or "
   "cancel {id})",
   "Placement {id} at {company} ended on {date} but is still {status}: tandem placement complete {id}", "confirmed",
   "started", "Reminders too old to send (more than {days} days late), recorded as missed:",
   "{key}: never reached {names}"},
  {"fi", "Viikko {monday}, {project}.", "Tulossa {from} – {to}:", "ei mitään",
   {"harjoittelu", "seuranta", "määräaika", "tapahtuma"}, " – ",
   "Harjoittelut, joiden tila vaatii huomiota:",
   "Harjoittelun {id} ({company}) piti alkaa {date}, mutta se on yhä ehdotettu: tandem placement confirm {id} "
   "(tai cancel {id})",
   "Harjoittelu {id} ({company}) päättyi {date}, mutta sen tila on yhä {status}: tandem placement "
   "complete {id}",
   "vahvistettu", "alkanut",
   "Muistutukset, jotka olivat liian myöhässä lähetettäviksi (yli {days} päivää), "
   "kirjattu lähettämättä jääneiksi:",
   "{key}: ei tavoittanut: {names}"},
  {"sv", "Veckan {monday}, {project}.", "På gång {from} – {to}:", "inget",
   {"praktik", "uppföljning", "tidsfrist", "evenemang"}, " – ", "Praktiker vars status behöver åtgärdas:",
   "Praktiken {id} hos {company} skulle börja {date} men är fortfarande föreslagen: tandem placement "
   "confirm {id} (eller cancel {id})",
   "Praktiken {id} hos {company} slutade {date} men är fortfarande {status}: tandem placement complete {id}",
   "bekräftad", "påbörjad",
   "Påminnelser som var för sena att skicka (mer än {days} dagar), registrerade som missade:",
   "{key}: nådde aldrig {names}"},
}};

// "2025-05-14 14:00-16:00 (Europe/Helsinki)"; "14.5.2025 14.00-16.00 (Europe/Helsinki)".
std::string when_text(const CalendarItem& item, const ProjectZone& zone, const DigestWords& words)
{
  const auto day = [&](model::Date date) { return model::format_date_in(date, words.language); };
  const auto time = [&](const model::DateTime& wall) { return model::format_time_in(wall.time_of_day, words.language); };
  if (!item.start) {
    return item.first_day == item.last_day ? day(item.first_day)
                                           : day(item.first_day) + std::string(words.to) + day(item.last_day);
  }
  const auto start = zone.wall_time(*item.start);
  std::string text = day(start.date) + " " + time(start);
  if (item.end) {
    const auto end = zone.wall_time(*item.end);
    text += end.date == start.date ? "-" + time(end) : std::string(words.to) + day(end.date) + " " + time(end);
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
  RecipientList recipients(*workspace.project);
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
    reminder.kind = MessageKind::event;
    reminder.fields.values = {{"event", item.title}, {"when", when_of(item, zone)}, {"where", item.location}};
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
  RecipientList recipients(*workspace.project);
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
      recipients.add_staff();
    }
  }
  return recipients.take();
}

// What every message about a placement says: who, where, when.
FieldMap placement_fields(const workspace::Workspace& workspace, const model::Placement& placement)
{
  const auto span = placement_days(workspace, placement);
  NameList students{{workspace.student_name(placement.international_id)}};
  if (!placement.domestic_id.empty()) {
    students.names.push_back(workspace.student_name(placement.domestic_id));
  }
  const auto* opening = workspace.find_opening(placement.opening_id);
  FieldMap fields{{"students", students},
                  {"company", workspace.company_name_of(placement)},
                  {"opening", opening != nullptr ? opening->title : std::string()},
                  {"proposed", !placement.is_real()},
                  {"placement", placement.id}};
  if (span.first) {
    fields.emplace("start", When{*span.first, std::nullopt, std::nullopt, std::nullopt});
  }
  if (span.last) {
    fields.emplace("end", When{*span.last, std::nullopt, std::nullopt, std::nullopt});
  }
  return fields;
}

// A follow-up's title in every language: tandem's own follow-ups are
// translated; one that tandem.yaml names or titles itself keeps its title.
FieldValue follow_up_title(const model::FollowUp& follow_up)
{
  struct Translation {
    std::string_view id;
    std::string_view en;
    std::string_view fi;
    std::string_view sv;
  };
  static constexpr std::array<Translation, 5> translations{{
    {"agreement", "Placement agreement", "Harjoittelusopimus", "Praktikavtal"},
    {"first-week-call", "First-week call", "Ensimmäisen viikon puhelu", "Samtal efter första veckan"},
    {"midpoint-visit", "Mid-point visit", "Väliarviointikäynti", "Mittbesök"},
    {"final-feedback", "Final feedback round", "Loppupalaute", "Slutlig respons"},
    {"student-report", "Student's placement report", "Opiskelijan harjoitteluraportti", "Studentens praktikrapport"},
  }};
  for (const auto& defaults : model::default_follow_ups()) {
    if (defaults.id != follow_up.id || defaults.title != follow_up.title) {
      continue;
    }
    for (const auto& translation : translations) {
      if (translation.id == follow_up.id) {
        return Phrase{{{"en", std::string(translation.en)},
                       {"fi", std::string(translation.fi)},
                       {"sv", std::string(translation.sv)}}};
      }
    }
  }
  return follow_up.title;
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
  Reminder reminder;
  reminder.due = due;
  reminder.too_late = is_too_late(workspace, due, today);
  reminder.fields.values = placement_fields(workspace, placement);
  const std::vector<model::RecipientRole> everyone{model::RecipientRole::students, model::RecipientRole::company,
                                                   model::RecipientRole::staff};
  if (item.follow_up == nullptr) {
    reminder.key = item.key + "/start";
    reminder.kind = MessageKind::placement_start;
  } else {
    reminder.key = item.key;
    reminder.kind = MessageKind::follow_up;
    reminder.fields.values.emplace("follow_up", follow_up_title(*item.follow_up));
    reminder.fields.values.emplace("deadline", item.follow_up->kind == model::FollowUpKind::deadline);
    reminder.fields.values.emplace("date", When{item.first_day, std::nullopt, std::nullopt, std::nullopt});
  }
  if (!reminder.too_late) {
    reminder.recipients =
      placement_recipients(workspace, placement, item.follow_up == nullptr ? everyone : item.follow_up->recipients);
  }
  reminders.push_back(std::move(reminder));
}

// The feedback round of each real placement: a request to its students and
// its company contact on its last day, and again a week later to those who
// have not answered (no row of theirs in feedback.csv).
constexpr long k_feedback_again_days = 7;

void add_feedback_requests(const workspace::Workspace& workspace, model::Date today, std::vector<Reminder>& reminders)
{
  for (const auto& placement : workspace.placements) {
    const auto span = placement_days(workspace, placement);
    if (!placement.is_real() || !span.last || *span.last > today) {
      continue;
    }
    const auto answered = [&](const std::string& respondent) {
      return std::any_of(workspace.feedback.begin(), workspace.feedback.end(), [&](const model::Feedback& row) {
        return row.placement_id == placement.id && row.respondent_id == respondent;
      });
    };
    const auto* company = workspace.company_of(placement);
    for (const bool again : {false, true}) {
      Reminder reminder;
      reminder.key = "placement/" + placement.id + (again ? "/feedback-again" : "/feedback");
      reminder.due = again ? model::plus_days(*span.last, k_feedback_again_days) : *span.last;
      if (reminder.due > today) {
        continue;
      }
      reminder.kind = MessageKind::feedback;
      reminder.fields.values = placement_fields(workspace, placement);
      reminder.fields.values.emplace("again", again);
      reminder.fields.values.emplace("survey", workspace.project->reminders.feedback_url);
      reminder.too_late = is_too_late(workspace, reminder.due, today);
      if (!reminder.too_late) {
        RecipientList recipients(*workspace.project);
        for (const auto* id : {&placement.international_id, &placement.domestic_id}) {
          if (!id->empty() && !(again && answered(*id))) {
            recipients.add_student(workspace, *id);
          }
        }
        if (company != nullptr && !(again && answered(company->id))) {
          recipients.add_company(workspace, company->id);
        }
        reminder.recipients = recipients.take();
      }
      reminders.push_back(std::move(reminder));
    }
  }
}

// A placement whose status lags behind its dates: still proposed on its first
// day, or not completed after its last.
struct StatusLag {
  const model::Placement* placement;
  std::string key;
  model::Date due;
  bool unconfirmed; // else not completed
  model::Date day;  // the first day it should have started, or the last it ran
};

std::vector<StatusLag> status_lags(const workspace::Workspace& workspace, model::Date today)
{
  std::vector<StatusLag> lags;
  for (const auto& placement : workspace.placements) {
    const auto span = placement_days(workspace, placement);
    if (placement.status == model::PlacementStatus::proposed && span.first && *span.first <= today) {
      lags.push_back({&placement, "placement/" + placement.id + "/unconfirmed", *span.first, true, *span.first});
    }
    const bool running = placement.status == model::PlacementStatus::confirmed
                         || placement.status == model::PlacementStatus::started;
    if (running && span.last && *span.last < today) {
      lags.push_back({&placement, "placement/" + placement.id + "/not-completed", model::plus_days(*span.last, 1),
                      false, *span.last});
    }
  }
  return lags;
}

std::string lag_text(const workspace::Workspace& workspace, const StatusLag& lag, const DigestWords& words)
{
  const auto& placement = *lag.placement;
  const auto company = company_name(workspace, placement.company_id);
  const auto day = model::format_date_in(lag.day, words.language);
  if (lag.unconfirmed) {
    return fmt::format(fmt::runtime(words.unconfirmed), fmt::arg("id", placement.id), fmt::arg("company", company),
                       fmt::arg("date", day));
  }
  const auto status =
    placement.status == model::PlacementStatus::started ? words.started : words.confirmed;
  return fmt::format(fmt::runtime(words.not_completed), fmt::arg("id", placement.id), fmt::arg("company", company),
                     fmt::arg("date", day), fmt::arg("status", status));
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
  const auto to_staff = [&](Reminder reminder) {
    reminder.too_late = is_too_late(workspace, reminder.due, today);
    if (!reminder.too_late) {
      RecipientList staff(*workspace.project);
      staff.add_staff();
      reminder.recipients = staff.take();
    }
    reminders.push_back(std::move(reminder));
  };
  for (auto& lag : status_lags(workspace, today)) {
    Reminder reminder{lag.key, lag.due, MessageKind::status_lag, {placement_fields(workspace, *lag.placement), {}},
                      {}, false};
    reminder.fields.values.emplace("unconfirmed", lag.key.ends_with("/unconfirmed"));
    to_staff(std::move(reminder));
  }
  add_feedback_requests(workspace, today, reminders);
  // One message per leaver and follow-up, keyed by whom and which: a key per
  // due day would leave out a leaver whose leaving date is edited onto a day
  // already sent, and a key with the date would ask twice after such an edit.
  const report::ActivityLog log(workspace);
  const report::OutcomesByStudent outcomes(workspace);
  for (const auto& follow_up : report::outcome_follow_ups(log, outcomes, today)) {
    if (follow_up.need == report::FollowUpNeed::no_activity) {
      continue; // `status` and `check` say it; no follow-up date to remind of
    }
    const auto& participant = *follow_up.participant;
    const bool four_weeks = follow_up.need == report::FollowUpNeed::upon_leaving;
    Reminder reminder{"outcomes/" + *participant.id + (four_weeks ? "/four-weeks" : "/six-months"),
                      follow_up.due, MessageKind::outcomes, {}, {}, false};
    // A list of one: the template's fields stay those of a list of leavers.
    reminder.fields.values = {{"count", std::string("1")}, {"one", true}};
    reminder.fields.lists.emplace(
      "leavers", std::vector<FieldMap>{{{"student", workspace.student_name(*participant.id)},
                                        {"id", *participant.id},
                                        {"left", When{participant.leaving, std::nullopt, std::nullopt, std::nullopt}},
                                        {"four_weeks", four_weeks},
                                        {"by", When{follow_up.closes, std::nullopt, std::nullopt, std::nullopt}}}});
    to_staff(std::move(reminder));
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

namespace {

// An item's title in a digest line: a placement's and its follow-ups' in the
// digest's language, an event's as staff wrote it.
std::string digest_title(const workspace::Workspace& workspace, const CalendarItem& item, const DigestWords& words)
{
  if (item.placement == nullptr) {
    return item.title;
  }
  const auto company = company_name(workspace, item.placement->company_id);
  if (item.follow_up == nullptr) {
    return placement_item_title(item.placement->id, company, nullptr, words.language);
  }
  // In English as the calendar has it (the follow-up's own title); in Finnish
  // and Swedish translated where tandem knows the follow-up.
  const auto title = follow_up_title(*item.follow_up);
  const auto* phrase = std::get_if<Phrase>(&title);
  const std::string follow_up =
    phrase != nullptr && words.language != "en" ? phrase->in(words.language) : item.follow_up->title;
  return placement_item_title(item.placement->id, company, &follow_up, words.language);
}

} // namespace

Reminder weekly_digest(const workspace::Workspace& workspace, const std::vector<CalendarItem>& items,
                       const ProjectZone& zone, const Ledger& ledger, model::Date monday, model::Date today)
{
  const model::Date last = model::plus_days(monday, 13);
  std::vector<CalendarItem> coming = items_between(items, monday, last);
  std::erase_if(coming, [](const CalendarItem& item) { return item.status == ItemStatus::cancelled; });
  const auto lags = status_lags(workspace, today);
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
  Phrase digest;
  for (const auto& words : digest_words) {
    const auto monday_text = model::format_date_in(monday, words.language);
    std::string body =
      fmt::format(fmt::runtime(words.week), fmt::arg("monday", monday_text), fmt::arg("project", workspace.project->name));
    body += "\n\n" +
            fmt::format(fmt::runtime(words.coming_up), fmt::arg("from", monday_text),
                        fmt::arg("to", model::format_date_in(last, words.language))) +
            "\n";
    for (const auto& item : coming) {
      body += fmt::format("  {:<30} {:<9} {}\n", when_text(item, zone, words),
                          words.kinds[static_cast<std::size_t>(item.kind)], digest_title(workspace, item, words));
    }
    if (coming.empty()) {
      body += fmt::format("  {}\n", words.nothing);
    }
    if (!lags.empty()) {
      body += fmt::format("\n{}\n", words.lags);
      for (const auto& lag : lags) {
        body += "  " + lag_text(workspace, lag, words) + "\n";
      }
    }
    if (!missed.empty()) {
      body += "\n" + fmt::format(fmt::runtime(words.missed), fmt::arg("days", workspace.project->reminders.catch_up_days)) +
              "\n";
      for (const auto& [key, recipients] : missed) {
        body += "  " + (recipients.empty() ? key
                                           : fmt::format(fmt::runtime(words.never_reached), fmt::arg("key", key),
                                                         fmt::arg("names", fmt::join(recipients, ", ")))) +
                "\n";
      }
    }
    digest.by_language.emplace(words.language, std::move(body));
  }
  RecipientList staff(*workspace.project);
  staff.add_staff();
  MessageFields fields{{{"monday", When{monday, std::nullopt, std::nullopt, std::nullopt}},
                        {"count", std::to_string(coming.size())},
                        {"one", coming.size() == 1},
                        {"digest", std::move(digest)}},
                       {}};
  return Reminder{"digest/" + model::format_date(monday), monday, MessageKind::digest, std::move(fields),
                  staff.take()};
}

} // namespace tandem::schedule
