// The calendar, time zones, iCalendar revisions, messages, the ledger and the
// reminder rules, on workspaces built in code. Expected dates are worked out
// by hand in the comments.
#include "io/error.hpp"
#include "schedule/ics.hpp"
#include "schedule/items.hpp"
#include "schedule/ledger.hpp"
#include "schedule/mail.hpp"
#include "schedule/remind.hpp"
#include "schedule/reminders.hpp"
#include "schedule/revisions.hpp"
#include "schedule/time_zone.hpp"
#include "test_model.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>
#include <fstream>
#include <unistd.h>

using namespace tandem;
using schedule::Instant;
using test::day;

namespace {

model::DateTime local(int year, unsigned month, unsigned day_of_month, int hour, int minute)
{
  model::DateTime time;
  time.date = day(year, month, day_of_month);
  time.time_of_day = std::chrono::minutes(hour * 60 + minute);
  time.has_time = true;
  return time;
}

Instant utc(int year, unsigned month, unsigned day_of_month, int hour, int minute)
{
  return Instant{std::chrono::sys_days(day(year, month, day_of_month)).time_since_epoch() + std::chrono::hours(hour)
                 + std::chrono::minutes(minute)};
}

model::Student student(std::string id, model::Group group, std::optional<model::Date> joined)
{
  model::Student record;
  record.id = id;
  record.first_name = "First" + id;
  record.last_name = "Last";
  record.email = id + "@students.example.fi";
  record.group = group;
  record.joined = joined;
  return record;
}

// Project 2025; students S1 (international), S2 (domestic), S3 (international,
// joins in June); company C1 with contact; placement P1 (S1 + S2, confirmed,
// 2025-04-22 to 2025-06-27); event E1 on 2025-05-14 14:00 for international students.
workspace::Workspace sample_workspace()
{
  workspace::Workspace workspace;
  model::Project project = test::project_2024();
  project.start = day(2025, 1, 1);
  project.end = day(2025, 12, 31);
  project.code = "T1";
  project.reminders.from = "Career Services <career@example.fi>";
  project.reminders.staff = {"staff@example.fi"};
  workspace.project = project;
  workspace.students = {student("S1", model::Group::international, day(2025, 1, 10)),
                        student("S2", model::Group::domestic, day(2025, 1, 10)),
                        student("S3", model::Group::international, day(2025, 6, 1))};
  model::Company company;
  company.id = "C1";
  company.name = "Acme Oy";
  company.contact = {"Maija Meikäläinen", "maija@acme.example.fi", "", ""};
  workspace.companies = {company};
  model::Placement placement;
  placement.id = "P1";
  placement.company_id = "C1";
  placement.international_id = "S1";
  placement.domestic_id = "S2";
  placement.start = day(2025, 4, 22);
  placement.end = day(2025, 6, 27);
  placement.status = model::PlacementStatus::confirmed;
  workspace.placements = {placement};
  model::Event event;
  event.id = "E1";
  event.title = "CV workshop";
  event.start = local(2025, 5, 14, 14, 0);
  event.end = local(2025, 5, 14, 16, 0);
  event.audience = model::Audience::international;
  workspace.events = {event};
  workspace.index();
  return workspace;
}

const schedule::CalendarItem& item_with_key(const std::vector<schedule::CalendarItem>& items, const std::string& key)
{
  const auto found = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.key == key; });
  REQUIRE(found != items.end());
  return *found;
}

// Keeps what it is given, or refuses everything.
class FakeTransport final : public schedule::MailTransport {
public:
  bool refuse = false;
  std::string refused_recipient; // an address whose every message fails
  std::vector<schedule::OutgoingMessage> delivered;
  bool deliver(const schedule::OutgoingMessage& message, std::string& problem) override
  {
    if (refuse || message.recipient == refused_recipient) {
      problem = "refused for the test";
      return false;
    }
    delivered.push_back(message);
    return true;
  }
};

struct LedgerFile {
  std::filesystem::path path = std::filesystem::temp_directory_path()
                               / ("tandem-ledger-" + std::to_string(::getpid()) + ".csv");
  LedgerFile() { std::filesystem::remove(path); }
  ~LedgerFile() { std::filesystem::remove(path); }
  schedule::Ledger open(bool writable = true) const { return schedule::Ledger(path, "ledger.csv", writable); }
};

schedule::RemindSummary remind_on(const workspace::Workspace& workspace, model::Date today, schedule::Ledger& ledger,
                                  schedule::MailTransport& transport)
{
  const schedule::ProjectZone zone("Europe/Helsinki");
  const auto calendar = schedule::build_calendar(workspace, zone);
  static const auto templates = schedule::MessageTemplates::built_in();
  return schedule::run_reminders(workspace, calendar.items, zone, templates, ledger, &transport,
                                 {today, zone.start_of_day(today), false});
}

std::size_t count_for(const std::vector<schedule::OutgoingMessage>& messages, const std::string& key)
{
  return static_cast<std::size_t>(std::count_if(messages.begin(), messages.end(), [&](const auto& message) {
    return message.text.find("X-Tandem-Reminder: " + key + "\n") != std::string::npos;
  }));
}

} // namespace

TEST_CASE("time zone: Helsinki across the 2025 daylight-saving changes")
{
  const schedule::ProjectZone zone("Europe/Helsinki");
  // Spring, 30 March 2025: at 03:00 EET the clocks go to 04:00 EEST (01:00 UTC).
  CHECK(zone.instant_of(local(2025, 3, 30, 2, 59)) == utc(2025, 3, 30, 0, 59));
  CHECK_FALSE(zone.instant_of(local(2025, 3, 30, 3, 30)).has_value()); // never happens
  CHECK(zone.instant_of(local(2025, 3, 30, 4, 0)) == utc(2025, 3, 30, 1, 0));
  CHECK(zone.instant_of(local(2025, 3, 30, 10, 0)) == utc(2025, 3, 30, 7, 0));
  // Autumn, 26 October 2025: 04:00 EEST becomes 03:00 EET; 03:30 happens twice, the earlier wins.
  CHECK(zone.instant_of(local(2025, 10, 26, 3, 30)) == utc(2025, 10, 26, 0, 30));
  CHECK(zone.instant_of(local(2025, 10, 26, 10, 0)) == utc(2025, 10, 26, 8, 0));
  CHECK(zone.utc_offset(utc(2025, 10, 26, 0, 59)) == std::chrono::hours(3));
  CHECK(zone.utc_offset(utc(2025, 10, 26, 1, 0)) == std::chrono::hours(2));
  // Back from UTC to the wall clock, and a date-time with its own offset.
  const auto wall = zone.wall_time(utc(2025, 3, 30, 1, 0));
  CHECK(wall.date == day(2025, 3, 30));
  CHECK(wall.time_of_day == std::chrono::hours(4));
  auto with_offset = local(2025, 6, 1, 12, 0);
  with_offset.utc_offset = std::chrono::minutes(0);
  CHECK(zone.instant_of(with_offset) == utc(2025, 6, 1, 12, 0));
  CHECK(zone.start_of_day(day(2025, 6, 1)) == utc(2025, 5, 31, 21, 0));
}

TEST_CASE("time zone: the VTIMEZONE of 2025 has both changes at their local times")
{
  const auto lines = schedule::vtimezone(schedule::ProjectZone("Europe/Helsinki"), 2025, 2025);
  const std::string text = fmt::format("{}", fmt::join(lines, "\n"));
  CHECK(lines.front() == "BEGIN:VTIMEZONE");
  CHECK(lines[1] == "TZID:Europe/Helsinki");
  // In force on 1 January 2025: EET since 27 October 2024, 04:00 EEST.
  CHECK(text.find("BEGIN:STANDARD\nDTSTART:20241027T040000\nTZOFFSETFROM:+0300\nTZOFFSETTO:+0200\nTZNAME:EET")
        != std::string::npos);
  CHECK(text.find("BEGIN:DAYLIGHT\nDTSTART:20250330T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0300\nTZNAME:EEST")
        != std::string::npos);
  CHECK(text.find("BEGIN:STANDARD\nDTSTART:20251026T040000\nTZOFFSETFROM:+0300\nTZOFFSETTO:+0200") != std::string::npos);
  CHECK(lines.back() == "END:VTIMEZONE");
  CHECK_THROWS_AS(schedule::ProjectZone("Mars/Olympus_Mons"), Error);
}

TEST_CASE("calendar: follow-ups in working days across Easter 2025")
{
  const auto workspace = sample_workspace();
  const auto calendar = schedule::build_calendar(workspace, schedule::ProjectZone("Europe/Helsinki"));
  REQUIRE(calendar.problems.empty());
  // Start Tuesday 22 April, the day after Easter Monday.
  // 5 working days before: 17, 16, 15, 14 and Friday 11 April (18-21 April closed).
  CHECK(item_with_key(calendar.items, "placement/P1/agreement").first_day == day(2025, 4, 11));
  // 4 after: 23, 24, 25, Monday 28 April.
  CHECK(item_with_key(calendar.items, "placement/P1/first-week-call").first_day == day(2025, 4, 28));
  // Middle: 22 April + 66/2 = Sunday 25 May, so Monday 26 May.
  CHECK(item_with_key(calendar.items, "placement/P1/midpoint-visit").first_day == day(2025, 5, 26));
  // End Friday 27 June: 2 before is 25 June; 10 after is Friday 11 July.
  CHECK(item_with_key(calendar.items, "placement/P1/final-feedback").first_day == day(2025, 6, 25));
  CHECK(item_with_key(calendar.items, "placement/P1/student-report").first_day == day(2025, 7, 11));
  const auto& whole = item_with_key(calendar.items, "placement/P1");
  CHECK(whole.first_day == day(2025, 4, 22));
  CHECK(whole.last_day == day(2025, 6, 27));
  CHECK(whole.status == schedule::ItemStatus::confirmed);
  const auto& event = item_with_key(calendar.items, "event/E1");
  CHECK(event.start == utc(2025, 5, 14, 11, 0)); // 14:00 EEST
  CHECK(calendar.items.size() == 7);
  CHECK(std::is_sorted(calendar.items.begin(), calendar.items.end(),
                       [](const auto& a, const auto& b) { return a.first_day < b.first_day; }));
}

TEST_CASE("calendar: a report deadline across Christmas and New Year")
{
  auto workspace = sample_workspace();
  workspace.placements[0].start = day(2024, 11, 4);
  workspace.placements[0].end = day(2024, 12, 20);
  const auto calendar = schedule::build_calendar(workspace, schedule::ProjectZone("Europe/Helsinki"));
  // Friday 20 December + 10: 23, 27, 30, 31 Dec, 2, 3, 7, 8, 9, 10 Jan
  // (24-26 Dec, 1 Jan and Monday 6 Jan, Epiphany, closed).
  CHECK(item_with_key(calendar.items, "placement/P1/student-report").first_day == day(2025, 1, 10));
}

TEST_CASE("calendar: a local time that never happens is a problem, not a crash")
{
  auto workspace = sample_workspace();
  workspace.events[0].start = local(2025, 3, 30, 3, 30);
  workspace.events[0].end.reset();
  workspace.events[0].origin.line = 4;
  const auto calendar = schedule::build_calendar(workspace, schedule::ProjectZone("Europe/Helsinki"));
  REQUIRE(calendar.problems.size() == 1);
  CHECK(calendar.problems[0].file == "events.yaml");
  CHECK(calendar.problems[0].origin.line == 4);
  CHECK(calendar.problems[0].message.find("2025-03-30 03:30 never happens in Europe/Helsinki") != std::string::npos);
}

TEST_CASE("revisions: SEQUENCE starts at 0, stays while unchanged, goes up on a change")
{
  auto book = schedule::RevisionBook::parse("", "revisions.csv");
  CHECK(book.sequence("event/E1", "aaaa") == 0);
  CHECK(book.changed());
  auto again = schedule::RevisionBook::parse(book.to_csv(), "revisions.csv");
  CHECK(again.sequence("event/E1", "aaaa") == 0);
  CHECK_FALSE(again.changed());
  CHECK(again.sequence("event/E1", "bbbb") == 1);
  CHECK(again.changed());
  CHECK(schedule::RevisionBook::parse(again.to_csv(), "r.csv").sequence("event/E1", "bbbb") == 1);
  CHECK_THROWS_WITH(schedule::RevisionBook::parse("key,fingerprint,sequence\nx,y,z\n", "r.csv"),
                    Catch::Contains("r.csv:2: expected a sequence number"));
  CHECK_THROWS_WITH(schedule::RevisionBook::parse("something else\n", "r.csv"), Catch::Contains("r.csv:1:"));
}

TEST_CASE("ics: a changed item keeps its UID and gets the next SEQUENCE")
{
  auto workspace = sample_workspace();
  const schedule::ProjectZone zone("Europe/Helsinki");
  auto revisions = schedule::RevisionBook::parse("", "r.csv");
  const auto first = schedule::to_ics(schedule::build_calendar(workspace, zone).items, *workspace.project, zone,
                                      revisions);
  CHECK(first.find("UID:event/E1@t1.tandem\r\nDTSTAMP:20250101T000000Z\r\nSEQUENCE:0\r\n") != std::string::npos);
  CHECK(first.find("DTSTART;TZID=Europe/Helsinki:20250514T140000\r\n") != std::string::npos);
  CHECK(first.find("DTSTART;VALUE=DATE:20250422\r\nDTEND;VALUE=DATE:20250628\r\n") != std::string::npos);
  auto same = schedule::RevisionBook::parse(revisions.to_csv(), "r.csv");
  CHECK(schedule::to_ics(schedule::build_calendar(workspace, zone).items, *workspace.project, zone, same) == first);
  workspace.events[0].location = "Room B210";
  const auto second = schedule::to_ics(schedule::build_calendar(workspace, zone).items, *workspace.project, zone,
                                       same);
  CHECK(second.find("UID:event/E1@t1.tandem\r\nDTSTAMP:20250101T000000Z\r\nSEQUENCE:1\r\n") != std::string::npos);
  CHECK(second.find("UID:placement/P1@t1.tandem\r\nDTSTAMP:20250101T000000Z\r\nSEQUENCE:0\r\n") != std::string::npos);
}

TEST_CASE("mail: headers encoded by RFC 2047, dates by RFC 5322, stable Message-IDs")
{
  CHECK(schedule::encode_header_text("Plain subject") == "Plain subject");
  // base64 of the UTF-8 bytes of "Hyvää päivää" (checked with Python's base64 module).
  CHECK(schedule::encode_header_text("Hyvää päivää") == "=?UTF-8?B?SHl2w6TDpCBww6RpdsOkw6Q=?=");
  // A long subject becomes several words, each at most 75 characters, no character split.
  const std::string long_text(40, 'a');
  const auto encoded = schedule::encode_header_text(long_text + "ääääääää");
  CHECK(encoded.find("\n ") != std::string::npos);
  for (const auto& word : {encoded.substr(0, encoded.find('\n')), encoded.substr(encoded.find('\n') + 2)}) {
    CHECK(word.size() <= 75);
    CHECK(word.starts_with("=?UTF-8?B?"));
  }
  CHECK(schedule::format_mailbox({"Maija Meikäläinen", "m@example.fi"})
        == "=?UTF-8?B?TWFpamEgTWVpa8OkbMOkaW5lbg==?= <m@example.fi>");
  CHECK(schedule::format_mailbox({"Smith, John", "j@example.fi"}) == "\"Smith, John\" <j@example.fi>");
  CHECK(schedule::format_mailbox({"", "j@example.fi"}) == "j@example.fi");
  // 7 March 2022 07:00 UTC was a Monday, 09:00 in Helsinki.
  CHECK(schedule::rfc5322_date(utc(2022, 3, 7, 7, 0), std::chrono::hours(2)) == "Mon, 07 Mar 2022 09:00:00 +0200");
  CHECK(schedule::rfc5322_date(utc(2022, 3, 7, 7, 0), -std::chrono::minutes(210)) == "Mon, 07 Mar 2022 03:30:00 -0330");
  CHECK(schedule::address_domain("Career <career@Example.FI>") == "example.fi");
  const auto id = schedule::message_id("T1", "event/E1/7d", "a@example.fi", "example.fi");
  CHECK(id == schedule::message_id("T1", "event/E1/7d", "A@Example.fi", "example.fi"));
  CHECK(id != schedule::message_id("T1", "event/E1/7d", "b@example.fi", "example.fi"));
  CHECK(id != schedule::message_id("T2", "event/E1/7d", "a@example.fi", "example.fi"));
  CHECK(id.starts_with("<tandem."));
  CHECK(id.ends_with("@example.fi>"));
}

TEST_CASE("mail: no header holds a line break, and none is longer than 998 octets")
{
  schedule::MailContent content;
  content.from = "Career Services <career@example.fi>";
  content.to = {"Linh Tran", "linh@example.fi"};
  content.subject = "Reminder: " + std::string(1500, 'x'); // an event title of 1,500 characters
  content.body = "Hello\n";
  content.reminder_key = "event/e1/7d";
  content.message_id = "<tandem.1@example.fi>";
  const auto message = schedule::compose_message(content, "Mon, 07 Mar 2022 09:00:00 +0200");
  const auto headers = message.substr(0, message.find("\n\n"));
  std::size_t start = 0;
  while (start <= headers.size()) {
    const auto end = std::min(headers.find('\n', start), headers.size());
    INFO(headers.substr(start, 80));
    CHECK(end - start <= 998);
    start = end + 1;
  }
  CHECK(headers.find("Subject: =?UTF-8?B?") != std::string::npos); // folded encoded words
  // The Bcc of the adversarial run, in every header that carries data.
  const std::string injected = "CS\r\nBcc: spy@evil.example\r\nX: <career@example.fi>";
  const std::vector<std::function<std::string&(schedule::MailContent&)>> fields = {
    [](schedule::MailContent& m) -> std::string& { return m.from; },
    [](schedule::MailContent& m) -> std::string& { return m.to.name; },
    [](schedule::MailContent& m) -> std::string& { return m.to.address; },
    [](schedule::MailContent& m) -> std::string& { return m.subject; }};
  for (const auto& field : fields) {
    auto bad = content;
    field(bad) = injected;
    CHECK_THROWS_WITH(schedule::compose_message(bad, "Mon, 07 Mar 2022 09:00:00 +0200"),
                      Catch::Contains("would hold a line break or a control character: not sent"));
  }
}

TEST_CASE("ledger: records survive a reopen, a torn last line is dropped, damage stops the run")
{
  const LedgerFile file;
  {
    auto ledger = file.open();
    ledger.record({"event/E1/7d", "a@example.fi", schedule::LedgerStatus::sent, day(2025, 5, 7), "<x@y>"});
  }
  {
    std::ofstream(file.path, std::ios::app) << "event/E1/1d,a@exa"; // a run killed while appending
  }
  auto ledger = file.open();
  CHECK(ledger.contains("event/E1/7d", "A@example.fi"));
  CHECK_FALSE(ledger.contains("event/E1/1d", "a@example.fi"));
  ledger.record({"event/E1/1d", "a@example.fi", schedule::LedgerStatus::missed, day(2025, 5, 14), "<z@y>"});
  CHECK(file.open().records().size() == 2);
  auto dry = file.open(false);
  dry.record({"x", "b@example.fi", schedule::LedgerStatus::sent, day(2025, 5, 14), "<w@y>"});
  CHECK(dry.contains("x", "b@example.fi"));
  CHECK(file.open().records().size() == 2); // a dry run writes nothing
  {
    std::ofstream(file.path, std::ios::app) << "k,r,lost,2025-05-14,<v@y>\n";
  }
  // The message says what to do: no backup of the ledger is kept.
  CHECK_THROWS_WITH(file.open(), Catch::Contains("ledger.csv:4: expected the status sent, missed or failed")
                                   && Catch::Contains("correct or delete the line")
                                   && !Catch::Contains("backup"));
}

TEST_CASE("remind: event reminders go to the registered, else to the audience that has joined")
{
  auto workspace = sample_workspace();
  const schedule::ProjectZone zone("Europe/Helsinki");
  auto reminders = schedule::reminders_due(workspace, schedule::build_calendar(workspace, zone).items, zone,
                                           day(2025, 5, 7));
  const auto seven_days = std::find_if(reminders.begin(), reminders.end(),
                                       [](const auto& reminder) { return reminder.key == "event/E1/7d"; });
  REQUIRE(seven_days != reminders.end());
  CHECK(seven_days->due == day(2025, 5, 7));
  // International and joined by 14 May: S1 only (S3 joins in June, S2 is domestic).
  REQUIRE(seven_days->recipients.size() == 1);
  CHECK(seven_days->recipients[0].address == "S1@students.example.fi");
  CHECK(std::none_of(reminders.begin(), reminders.end(),
                     [](const auto& reminder) { return reminder.key == "event/E1/1d"; })); // due 13 May

  workspace.attendance = {{{}, "E1", "", "C1"}, {{}, "E1", "S2", ""}};
  reminders = schedule::reminders_due(workspace, schedule::build_calendar(workspace, zone).items, zone, day(2025, 5, 7));
  const auto registered = std::find_if(reminders.begin(), reminders.end(),
                                       [](const auto& reminder) { return reminder.key == "event/E1/7d"; });
  REQUIRE(registered->recipients.size() == 2);
  CHECK(registered->recipients[0].address == "maija@acme.example.fi");
  CHECK(registered->recipients[1].address == "S2@students.example.fi");
}

TEST_CASE("remind: a proposed placement is reminded to staff only, a real one to everyone")
{
  auto workspace = sample_workspace();
  const schedule::ProjectZone zone("Europe/Helsinki");
  const auto start_reminder = [&] {
    const auto reminders = schedule::reminders_due(workspace, schedule::build_calendar(workspace, zone).items, zone,
                                                   day(2025, 4, 16));
    const auto found = std::find_if(reminders.begin(), reminders.end(),
                                    [](const auto& reminder) { return reminder.key == "placement/P1/start"; });
    REQUIRE(found != reminders.end());
    return *found;
  };
  // 2 working days before Tuesday 22 April 2025: Thursday 17, Wednesday 16 (Easter closed).
  auto reminder = start_reminder();
  CHECK(reminder.due == day(2025, 4, 16));
  CHECK(reminder.recipients.size() == 4); // S1, S2, the contact, staff
  workspace.placements[0].status = model::PlacementStatus::proposed;
  reminder = start_reminder();
  REQUIRE(reminder.recipients.size() == 1);
  CHECK(reminder.recipients[0].address == "staff@example.fi");
  const auto message = schedule::MessageTemplates::built_in().render(reminder.kind, "en", reminder.fields, "");
  CHECK(message.subject == "[proposed] Placement at Acme Oy starts Tue 22 April 2025: FirstS1 Last and "
                           "FirstS2 Last");
}

TEST_CASE("remind: two runs on one day send each reminder once")
{
  const auto workspace = sample_workspace();
  const LedgerFile file;
  FakeTransport transport;
  auto ledger = file.open();
  const auto first = remind_on(workspace, day(2025, 5, 7), ledger, transport);
  CHECK(count_for(transport.delivered, "event/E1/7d") == 1);
  CHECK(first.sent == transport.delivered.size());
  const auto sent = transport.delivered.size();
  auto reopened = file.open();
  const auto second = remind_on(workspace, day(2025, 5, 7), reopened, transport);
  CHECK(second.sent == 0);
  CHECK(transport.delivered.size() == sent);
  CHECK(second.already_done == first.sent + first.missed);
}

TEST_CASE("remind: a refused message is not recorded and goes out with the next run")
{
  const auto workspace = sample_workspace();
  const LedgerFile file;
  FakeTransport transport;
  transport.refuse = true;
  auto ledger = file.open();
  const auto failed = remind_on(workspace, day(2025, 5, 7), ledger, transport);
  REQUIRE_FALSE(failed.failures.empty());
  CHECK(failed.failures[0].find("was not sent: refused for the test") != std::string::npos);
  CHECK(std::none_of(ledger.records().begin(), ledger.records().end(),
                     [](const auto& record) { return record.status == schedule::LedgerStatus::sent; }));
  transport.refuse = false;
  auto next = file.open();
  const auto retried = remind_on(workspace, day(2025, 5, 7), next, transport);
  CHECK(retried.failures.empty());
  CHECK(retried.sent == failed.failures.size());
  CHECK(count_for(transport.delivered, "event/E1/7d") == 1);
}

TEST_CASE("remind: up to catch_up_days late a reminder is sent once, older ones are missed and in the digest")
{
  const auto workspace = sample_workspace();
  SECTION("three days late: sent, once")
  {
    const LedgerFile file;
    FakeTransport transport;
    auto ledger = file.open();
    const auto summary = remind_on(workspace, day(2025, 5, 10), ledger, transport); // due 7 May
    CHECK(count_for(transport.delivered, "event/E1/7d") == 1);
    CHECK(std::any_of(summary.actions.begin(), summary.actions.end(), [](const auto& line) {
      return line == "sent event/E1/7d (due 2025-05-07) to 1 recipient, 3 days late";
    }));
    auto again = file.open();
    remind_on(workspace, day(2025, 5, 11), again, transport);
    CHECK(count_for(transport.delivered, "event/E1/7d") == 1);
  }
  SECTION("five days late, on a Monday: recorded as missed, listed in that day's digest")
  {
    const LedgerFile file;
    FakeTransport transport;
    auto ledger = file.open();
    remind_on(workspace, day(2025, 5, 12), ledger, transport);
    CHECK(count_for(transport.delivered, "event/E1/7d") == 0);
    CHECK(ledger.has_key("event/E1/7d"));
    CHECK(ledger.contains("event/E1/7d", "*")); // recorded once, for all its recipients
    REQUIRE(count_for(transport.delivered, "digest/2025-05-12") == 1);
    const auto digest = std::find_if(transport.delivered.begin(), transport.delivered.end(), [](const auto& message) {
      return message.text.find("X-Tandem-Reminder: digest/2025-05-12") != std::string::npos;
    });
    CHECK(digest->recipient == "staff@example.fi");
    CHECK(digest->text.find("recorded as missed:\n  event/E1/7d\n") != std::string::npos);
    // The event of Wednesday 14 May is in the coming fortnight.
    CHECK(digest->text.find("2025-05-14 14:00-16:00 (Europe/Helsinki) event     CV workshop") != std::string::npos);
  }
}

TEST_CASE("remind: a reminder one recipient never got is recorded as missed for them and in the digest")
{
  const auto workspace = sample_workspace();
  const LedgerFile file;
  FakeTransport transport;
  transport.refused_recipient = "S2@students.example.fi";
  // A cron job every day from before the placement to well after its end.
  for (auto today = day(2025, 4, 1); today <= day(2025, 8, 31); today = model::plus_days(today, 1)) {
    auto ledger = file.open();
    remind_on(workspace, today, ledger, transport);
  }
  const auto ledger = file.open();
  std::string digests;
  for (const auto& message : transport.delivered) {
    if (message.text.find("X-Tandem-Reminder: digest/") != std::string::npos) {
      digests += message.text;
    }
  }
  // Every reminder of P1 that S1 got went to S2 as well, and S2's address always failed.
  std::set<std::string> placement_keys;
  for (const auto& message : transport.delivered) {
    const auto at = message.text.find("X-Tandem-Reminder: placement/P1/");
    if (message.recipient == "S1@students.example.fi" && at != std::string::npos) {
      const auto start = at + std::string_view("X-Tandem-Reminder: ").size();
      placement_keys.insert(message.text.substr(start, message.text.find('\n', start) - start));
    }
  }
  REQUIRE(placement_keys.size() >= 3);
  for (const auto& key : placement_keys) {
    INFO(key);
    CHECK(count_for(transport.delivered, key) >= 2); // S1, and staff or the contact
    CHECK(std::any_of(ledger.records().begin(), ledger.records().end(), [&](const auto& record) {
      return record.key == key && record.recipient == "S2@students.example.fi"
             && record.status == schedule::LedgerStatus::missed;
    }));
    CHECK(digests.find("  " + key + ": never reached S2@students.example.fi\n") != std::string::npos);
  }
  // Each outcome once: a failure is recorded the first time only, and no reminder
  // is sent or missed twice for one recipient.
  std::set<std::tuple<std::string, std::string, bool>> seen;
  for (const auto& record : ledger.records()) {
    CHECK(seen.emplace(record.key, record.recipient, record.status == schedule::LedgerStatus::failed).second);
  }
}

TEST_CASE("remind: a message is plain UTF-8 text with the headers the issue asks for")
{
  const auto workspace = sample_workspace();
  const LedgerFile file;
  FakeTransport transport;
  auto ledger = file.open();
  remind_on(workspace, day(2025, 5, 7), ledger, transport);
  const auto message = std::find_if(transport.delivered.begin(), transport.delivered.end(), [](const auto& sent) {
    return sent.text.find("X-Tandem-Reminder: event/E1/7d") != std::string::npos;
  });
  REQUIRE(message != transport.delivered.end());
  const std::string& text = message->text;
  CHECK(text.starts_with("From: Career Services <career@example.fi>\nTo: FirstS1 Last <S1@students.example.fi>\n"));
  CHECK(text.find("\nSubject: Reminder: CV workshop, Wed 14 May 2025, 14:00-16:00\n") != std::string::npos);
  CHECK(text.find("\nDate: Wed, 07 May 2025 00:00:00 +0300\n") != std::string::npos);
  CHECK(text.find("\nMessage-ID: " + message->message_id + "\n") != std::string::npos);
  CHECK(text.find("\nAuto-Submitted: auto-generated\n") != std::string::npos);
  CHECK(text.find("\nContent-Type: text/plain; charset=UTF-8\n") != std::string::npos);
  INFO(text);
  CHECK(text.find("\n\nHello FirstS1 Last,\n\nThis is a reminder of CV workshop.\n\nWhen: Wed 14 May 2025, "
                  "14:00-16:00\n\nWelcome!\n") != std::string::npos);
}

TEST_CASE("remind: a company audience is the companies with an opening or a real placement in the event's term")
{
  auto workspace = sample_workspace();
  workspace.project->terms = {{{}, "spring", day(2025, 1, 1), day(2025, 7, 31)},
                              {{}, "autumn", day(2025, 8, 1), day(2025, 12, 31)}};
  model::Opening spring_opening;
  spring_opening.id = "O1";
  spring_opening.start = day(2025, 4, 22);
  spring_opening.end = day(2025, 6, 27);
  workspace.companies[0].openings = {spring_opening}; // Acme: an opening in spring
  model::Company beta;
  beta.id = "C2";
  beta.name = "Beta Oy";
  beta.contact = {"Pekka", "pekka@beta.example.fi", "", ""};
  model::Opening autumn_opening = spring_opening;
  autumn_opening.id = "O2";
  autumn_opening.start = day(2025, 9, 1);
  autumn_opening.end = day(2025, 11, 28);
  beta.openings = {autumn_opening};
  model::Company gamma = beta;
  gamma.id = "C3";
  gamma.name = "Gamma Oy";
  gamma.contact = {"Greta", "greta@gamma.example.fi", "", ""};
  gamma.openings = {};
  workspace.companies.push_back(beta);
  workspace.companies.push_back(gamma);
  // Gamma has no opening, but a confirmed placement starting in spring; a proposed one would not count.
  model::Placement gamma_placement = workspace.placements[0];
  gamma_placement.id = "P2";
  gamma_placement.company_id = "C3";
  workspace.placements.push_back(gamma_placement);
  workspace.events[0].audience = model::Audience::companies;
  workspace.index();

  const schedule::ProjectZone zone("Europe/Helsinki");
  const auto recipients_on = [&](model::Date today) {
    const auto reminders = schedule::reminders_due(workspace, schedule::build_calendar(workspace, zone).items, zone, today);
    const auto found = std::find_if(reminders.begin(), reminders.end(),
                                    [](const auto& reminder) { return reminder.key == "event/E1/7d"; });
    REQUIRE(found != reminders.end());
    std::vector<std::string> addresses;
    for (const auto& recipient : found->recipients) {
      addresses.push_back(recipient.address);
    }
    return addresses;
  };
  // E1 on 14 May is in spring: Acme (opening) and Gamma (real placement), not Beta (autumn).
  CHECK(recipients_on(day(2025, 5, 7)) == std::vector<std::string>{"maija@acme.example.fi", "greta@gamma.example.fi"});
  workspace.placements[1].status = model::PlacementStatus::proposed;
  CHECK(recipients_on(day(2025, 5, 7)) == std::vector<std::string>{"maija@acme.example.fi"});
}

TEST_CASE("schedule: a placement's item titles in English, Finnish and Swedish")
{
  using tandem::schedule::placement_item_title;
  const std::string call = "First-week call";
  CHECK(placement_item_title("P1", "Acme Oy", nullptr, "en") == "Placement P1 at Acme Oy");
  CHECK(placement_item_title("P1", "Acme Oy", &call, "en") == "First-week call: placement P1 at Acme Oy");
  const std::string puhelu = "Ensimmäisen viikon puhelu";
  CHECK(placement_item_title("P1", "Acme Oy", nullptr, "fi") == "Harjoittelu P1 (Acme Oy)");
  CHECK(placement_item_title("P1", "Acme Oy", &puhelu, "fi") == "Ensimmäisen viikon puhelu: harjoittelu P1 (Acme Oy)");
  CHECK(placement_item_title("P1", "Acme Ab", nullptr, "sv") == "Praktik P1 hos Acme Ab");
  CHECK(placement_item_title("P1", "Acme Oy", nullptr, "de") == "Placement P1 at Acme Oy"); // others: English
}
