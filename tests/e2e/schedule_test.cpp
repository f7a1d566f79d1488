// `tandem schedule` and `schedule remind` on the schedule fixture, checked with
// real components: python3-icalendar parses the calendar, msmtp delivers to a
// local aiosmtpd server, Python's email package reads what arrived. Expected
// dates and times are worked out by hand from the fixture (comments).
#include "io/encoding.hpp"
#include "run_tandem.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <thread>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

fs::path script(const std::string& name) { return fs::path(TANDEM_SOURCE) / "tests" / "e2e" / name; }

std::vector<std::string> python_lines(const std::string& script_name, const fs::path& argument,
                                      const std::vector<std::string>& options = {})
{
  std::vector<std::string> arguments{script(script_name).string(), argument.string()};
  arguments.insert(arguments.end(), options.begin(), options.end());
  const auto result = run_program("/usr/bin/python3", arguments);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return lines_of(result.out);
}

std::vector<std::string> lines_starting(const std::vector<std::string>& lines, const std::string& prefix)
{
  std::vector<std::string> kept;
  std::copy_if(lines.begin(), lines.end(), std::back_inserter(kept),
               [&](const std::string& line) { return line.starts_with(prefix); });
  return kept;
}

bool contains_line(const std::vector<std::string>& lines, const std::string& line)
{
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// Puts `command` in tandem.yaml as reminders.sendmail.
void use_mail_command(const fs::path& workspace, const std::string& command)
{
  const auto file = workspace / "tandem.yaml";
  std::string text = read_text(file);
  const auto at = text.find("  sendmail: ");
  REQUIRE(at != std::string::npos);
  text.replace(at, text.find('\n', at) - at, "  sendmail: \"" + command + "\"");
  write_text(file, text);
}

// Adds `setting` ("send_timeout: 1") to the reminders: section of tandem.yaml.
void add_reminder_setting(const fs::path& workspace, const std::string& setting)
{
  const auto file = workspace / "tandem.yaml";
  std::string text = read_text(file);
  const auto at = text.find("  sendmail: ");
  REQUIRE(at != std::string::npos);
  text.insert(at, "  " + setting + "\n");
  write_text(file, text);
}

int unused_port()
{
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0);
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
  ::close(fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(int port)
{
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// A real SMTP server on 127.0.0.1 (Debian python3-aiosmtpd) that stores every
// message it accepts in a Maildir; stopped with the object.
class SmtpServer {
public:
  explicit SmtpServer(fs::path maildir) : m_maildir(std::move(maildir)), m_port(unused_port())
  {
    m_pid = ::fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
      const std::string listen = "127.0.0.1:" + std::to_string(m_port);
      ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
              "aiosmtpd.handlers.Mailbox", m_maildir.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!accepts_connections(m_port)) {
      REQUIRE(std::chrono::steady_clock::now() < deadline);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;
  ~SmtpServer()
  {
    ::kill(m_pid, SIGTERM);
    ::waitpid(m_pid, nullptr, 0);
  }
  int port() const { return m_port; }
  const fs::path& maildir() const { return m_maildir; }
  std::size_t message_count() const
  {
    const auto folder = m_maildir / "new";
    return fs::exists(folder) ? static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), {})) : 0;
  }

private:
  fs::path m_maildir;
  int m_port;
  pid_t m_pid = -1;
};

// An msmtp configuration for 127.0.0.1:port, as debian-build-notes.md describes.
std::string msmtp_command(const fs::path& folder, int port)
{
  const auto file = folder / ("msmtprc-" + std::to_string(port));
  write_text(file, "account default\nhost 127.0.0.1\nport " + std::to_string(port)
                     + "\nauth off\ntls off\nfrom career@example.fi\n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  return "msmtp -C " + file.string() + " -t -i";
}

std::size_t ledger_count(const fs::path& workspace, const std::string& status)
{
  const auto file = workspace / ".tandem" / "reminders.csv";
  if (!fs::exists(file)) {
    return 0;
  }
  const auto lines = lines_of(read_text(file));
  return static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), [&](const std::string& line) {
    return line.find("," + status + ",") != std::string::npos;
  }));
}

std::size_t files_in(const fs::path& folder)
{
  return fs::exists(folder) ? static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), {})) : 0;
}

const std::string ws_cv_subject = "Reminder: CV-työpaja: Finnish CVs, cover letters and LinkedIn profiles for "
                                  "employers in Central Ostrobothnia, Wed 14 May 2025, 14:00-16:00, Kokkola campus, "
                                  "room B210; entrance C";

} // namespace

TEST_CASE("schedule: the iCalendar export parses with python3-icalendar, times right across DST")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  const auto ics = folder.path() / "term.ics";
  const auto run = run_tandem({"-C", workspace.string(), "schedule", "--format", "ics", "--output", ics.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.empty());

  const auto events = python_lines("ics_check.py", ics);
  CHECK(events.size() == 22); // 4 events, 3 placements with 5 follow-ups each
  // 10:00 on 30 March 2025, after the clocks went forward: EEST, UTC+3.
  CHECK(contains_line(events, "event/info-spring@t-2025.tandem|2025-03-30T07:00Z|2025-03-30T08:00Z|0|CONFIRMED|"
                              "Tandem internships: how they work"));
  // 10:00-13:30 on 26 October 2025, after the clocks went back: EET, UTC+2.
  CHECK(contains_line(events, "event/seminar-autumn@t-2025.tandem|2025-10-26T08:00Z|2025-10-26T11:30Z|0|CONFIRMED|"
                              "Company seminar"));
  CHECK(contains_line(events, "event/recruit-day@t-2025.tandem|2025-09-18|2025-09-19|0|CONFIRMED|Recruitment day"));
  // Start Tuesday 22 April + 4 working days: 23, 24, 25, (28 closed by tandem.yaml), 29.
  CHECK(contains_line(events, "placement/p1/first-week-call@t-2025.tandem|2025-04-29|2025-04-30|0|CONFIRMED|"
                              "First-week call: placement p1 at Acme Export Oy"));
  // p2 has no dates of its own: its opening's, 1 September to 28 November; proposed.
  CHECK(contains_line(events, "placement/p2@t-2025.tandem|2025-09-01|2025-11-29|0|TENTATIVE|"
                              "Placement p2 at Beta Design Oy"));
  CHECK(contains_line(events, "placement/p3@t-2025.tandem|2025-02-03|2025-03-29|0|CANCELLED|"
                              "Placement p3 at Beta Design Oy"));

  // RFC 5545's line rules, checked on the bytes.
  const std::string text = read_text(ics);
  REQUIRE(text.ends_with("END:VCALENDAR\r\n"));
  std::size_t folded = 0;
  std::string unfolded;
  for (std::size_t begin = 0; begin < text.size();) {
    const auto end = text.find("\r\n", begin);
    REQUIRE(end != std::string::npos);
    const std::string line = text.substr(begin, end - begin);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.size() <= 75);
    CHECK(tandem::io::is_valid_utf8(line)); // no character cut by a fold
    if (line.starts_with(" ")) {
      ++folded;
      unfolded += line.substr(1);
    } else {
      unfolded += (begin == 0 ? "" : "\n") + line;
    }
    begin = end + 2;
  }
  CHECK(folded > 0);
  // Exactly one UID per VEVENT, all different.
  std::set<std::string> uids;
  std::size_t vevents = 0;
  std::size_t uid_lines = 0;
  for (const auto& line : lines_of(unfolded)) {
    vevents += line == "BEGIN:VEVENT" ? 1 : 0;
    if (line.starts_with("UID:")) {
      ++uid_lines;
      uids.insert(line);
    }
  }
  CHECK(vevents == 22);
  CHECK(uid_lines == 22);
  CHECK(uids.size() == 22);
  CHECK(unfolded.find("\nLOCATION:Kokkola campus\\, room B210\\; entrance C\n") != std::string::npos);
  CHECK(unfolded.find("\nSUMMARY:CV-työpaja: Finnish CVs\\, cover letters and LinkedIn profiles for employers in "
                      "Central Ostrobothnia\n")
        != std::string::npos);
  CHECK(unfolded.find("\nDTSTART;TZID=Europe/Helsinki:20250514T140000\n") != std::string::npos);
  CHECK(unfolded.find("\nDTSTAMP:20250101T000000Z\n") != std::string::npos);

  SECTION("exported again, the same bytes; after a change, that item's SEQUENCE goes up")
  {
    const auto again = run_tandem({"-C", workspace.string(), "schedule", "--format", "ics"});
    REQUIRE(again.exit_code == 0);
    CHECK(again.out == text);
    const auto events_file = workspace / "events.yaml";
    std::string events_text = read_text(events_file);
    events_text.replace(events_text.find("room B210"), 9, "room B310");
    write_text(events_file, events_text);
    const auto changed_ics = folder.path() / "changed.ics";
    REQUIRE(run_tandem({"-C", workspace.string(), "schedule", "--format", "ics", "--output", changed_ics.string()})
              .exit_code == 0);
    const auto changed = python_lines("ics_check.py", changed_ics);
    const auto sequence_one = std::count_if(changed.begin(), changed.end(), [](const std::string& line) {
      return line.find("|1|") != std::string::npos;
    });
    CHECK(sequence_one == 1);
    CHECK(changed[std::find_if(changed.begin(), changed.end(),
                               [](const auto& line) { return line.starts_with("event/ws-cv@"); })
                  - changed.begin()]
            .find("|1|CONFIRMED|")
          != std::string::npos);
  }
}

TEST_CASE("schedule: table, CSV and JSON, by term, without cancelled placements")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  const auto table = run_tandem({"-C", workspace.string(), "schedule"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.ends_with("16 items (times in Europe/Helsinki)\n")); // 22 less p3's 6
  CHECK(table.out.find("2025-10-26 10:00-13:30  event       confirmed  Company seminar\n") != std::string::npos);
  CHECK(table.out.find("p3") == std::string::npos);

  // Autumn: p2's agreement (25 Aug), start, first-week call, recruitment day,
  // mid-point, seminar, final feedback, report (12 Dec).
  const auto autumn = run_tandem({"-C", workspace.string(), "schedule", "--term", "2025-autumn", "--format", "csv"});
  REQUIRE(autumn.exit_code == 0);
  const auto rows = lines_of(autumn.out);
  CHECK(rows.size() == 9);
  CHECK(rows[0] == "key,kind,status,title,first_day,last_day,start,end,location,placement_id,event_id,company_id");
  CHECK(rows[1] == "placement/p2/agreement,deadline,tentative,Placement agreement signed: placement p2 at Beta "
                   "Design Oy,2025-08-25,2025-08-25,,,,p2,,beta");
  CHECK(rows[6] == "event/seminar-autumn,event,confirmed,Company seminar,2025-10-26,2025-10-26,2025-10-26T10:00,"
                   "2025-10-26T13:30,,,seminar-autumn,");

  const auto json_file = folder.path() / "schedule.json";
  REQUIRE(run_tandem({"-C", workspace.string(), "schedule", "--format", "json", "--output", json_file.string()})
            .exit_code == 0);
  const auto parsed = run_program(
    "/usr/bin/python3", {"-c",
                         "import json,sys; d=json.load(open(sys.argv[1])); "
                         "print(d['timezone'], len(d['items']), d['items'][0]['start'], d['items'][0]['key'])",
                         json_file.string()});
  CHECK(parsed.out == "Europe/Helsinki 16 2025-03-30T10:00 event/info-spring\n");

  CHECK(run_tandem({"-C", workspace.string(), "schedule", "--format", "xml"}).exit_code == 2);
  const auto unknown_term = run_tandem({"-C", workspace.string(), "schedule", "--term", "2030"});
  CHECK(unknown_term.exit_code == 1);
  CHECK(unknown_term.err.find("2030") != std::string::npos);
}

TEST_CASE("schedule: a local time that never happens is an error at its line")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  const auto events_file = workspace / "events.yaml";
  std::string text = read_text(events_file);
  text.replace(text.find("2025-03-30T10:00"), 16, "2025-03-30T03:30");
  write_text(events_file, text);
  const auto run = run_tandem({"-C", workspace.string(), "schedule", "--format", "ics"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK(run.err.find("events.yaml:2:") != std::string::npos);
  CHECK(run.err.find("2025-03-30 03:30 never happens in Europe/Helsinki") != std::string::npos);
  CHECK_FALSE(fs::exists(workspace / ".tandem" / "calendar-revisions.csv"));
  const auto check = run_tandem({"-C", workspace.string(), "check"});
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("events.yaml:2:5: error: event info-spring: the start 2025-03-30 03:30 never happens in "
                       "Europe/Helsinki")
        != std::string::npos);
}

TEST_CASE("remind: reminders reach a real SMTP server through msmtp, each once")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  SmtpServer server(folder.path() / "maildir");
  use_mail_command(workspace, msmtp_command(folder.path(), server.port()));

  // Wednesday 7 May 2025: ws-cv's 7-day reminder to the registered (s1, s3, Acme's
  // contact) and the digest of Monday 5 May (2 days late, within 3) to staff.
  // Older reminders (info-spring's, p1's agreement, start, first-week call) are missed.
  const auto run = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("sent event/ws-cv/7d (due 2025-05-07) to 3 recipients\n") != std::string::npos);
  CHECK(run.out.find("recorded as missed placement/p1/first-week-call (due 2025-04-24), 13 days late\n")
        != std::string::npos);
  REQUIRE(server.message_count() == 4);
  const auto mail = python_lines("mail_check.py", server.maildir());
  CHECK(contains_line(mail, "event/ws-cv/7d|linh.tran@example.fi|" + ws_cv_subject + "|auto-generated|utf-8"));
  CHECK(contains_line(mail, "event/ws-cv/7d|juri.oobik@example.fi|" + ws_cv_subject + "|auto-generated|utf-8"));
  CHECK(contains_line(mail, "event/ws-cv/7d|anna@acme.example.fi|" + ws_cv_subject + "|auto-generated|utf-8"));
  CHECK(contains_line(mail, "digest/2025-05-05|coordinator@example.fi|Weekly digest Mon 5 May 2025: 1 item in the "
                            "next two weeks|auto-generated|utf-8"));
  CHECK(ledger_count(workspace, "sent") == 4);

  const auto again = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  REQUIRE(again.exit_code == 0);
  // Already done: the 4 messages and the 5 missed reminders (see the dry-run test).
  CHECK(ledger_count(workspace, "missed") == 5);
  CHECK(again.out == "2025-05-07: 0 messages sent, 0 reminders recorded as missed, 9 already done\n");
  CHECK(server.message_count() == 4);
}

TEST_CASE("remind: a send the server refuses records nothing, exits 75, and the next run sends")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  use_mail_command(workspace, msmtp_command(folder.path(), unused_port())); // nobody listens
  const auto refused = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  CHECK(refused.exit_code == 75);
  CHECK(refused.err.find("reminder event/ws-cv/7d to linh.tran@example.fi was not sent") != std::string::npos);
  CHECK(refused.err.find("4 messages were not sent; they stay due for the next run") != std::string::npos);
  CHECK(ledger_count(workspace, "sent") == 0);

  SmtpServer server(folder.path() / "maildir");
  use_mail_command(workspace, msmtp_command(folder.path(), server.port()));
  const auto retried = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  INFO(retried.err);
  CHECK(retried.exit_code == 0);
  CHECK(server.message_count() == 4);
  CHECK(ledger_count(workspace, "sent") == 4);
}

TEST_CASE("remind: a run killed between sending and recording repeats that message with its Message-ID")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  SmtpServer server(folder.path() / "maildir");
  const std::string command = msmtp_command(folder.path(), server.port());
  // The mail command delivers, then kills tandem (its shell's parent) before it can record.
  use_mail_command(workspace, command + " && kill -9 $PPID");
  const auto killed = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  CHECK(killed.signal == SIGKILL);
  CHECK(server.message_count() == 1);
  CHECK(ledger_count(workspace, "sent") == 0);

  use_mail_command(workspace, command);
  REQUIRE(run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"}).exit_code == 0);
  CHECK(server.message_count() == 5);
  const auto mail = python_lines("mail_check.py", server.maildir());
  const auto ids = std::vector<std::string>(std::find(mail.begin(), mail.end(), "--") + 1, mail.end());
  REQUIRE(ids.size() == 5);
  std::size_t repeats = 0;
  for (std::size_t i = 1; i < ids.size(); ++i) {
    repeats += ids[i] == ids[i - 1] ? 1 : 0;
  }
  CHECK(repeats == 1); // the one repeat carries the same Message-ID: mail systems see one message
}

TEST_CASE("remind: catching up: up to three days late sent once, older recorded and listed in the digest")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  const auto outbox = folder.path() / "outbox";
  SECTION("three days late")
  {
    const auto late = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-10", "--outbox",
                                  outbox.string()});
    REQUIRE(late.exit_code == 0);
    CHECK(late.out.find("sent event/ws-cv/7d (due 2025-05-07) to 3 recipients, 3 days late\n") != std::string::npos);
    // Saturday 10 May: the digest of Monday 5 May is 5 days late, so not sent.
    CHECK(files_in(outbox) == 3);
    const auto next = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-11", "--outbox",
                                  outbox.string()});
    REQUIRE(next.exit_code == 0);
    CHECK(next.out.find("event/ws-cv/7d") == std::string::npos);
  }
  SECTION("five days late, on Monday 12 May: missed, and in that day's digest")
  {
    const auto run = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-12", "--outbox",
                                 outbox.string()});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("recorded as missed event/ws-cv/7d (due 2025-05-07), 5 days late\n")
          != std::string::npos);
    CHECK(files_in(outbox) == 1);
    const auto digest = read_text(fs::directory_iterator(outbox)->path());
    CHECK(digest.find("X-Tandem-Reminder: digest/2025-05-12\r\n") != std::string::npos);
    CHECK(digest.find("recorded as missed:\r\n  event/info-spring/1d\r\n  event/info-spring/7d\r\n  event/ws-cv/7d\r\n"
                      "  placement/p1/agreement\r\n") != std::string::npos);
  }
}

TEST_CASE("remind: two runs at once: the second waits, then exits 75")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  use_mail_command(workspace, "sleep 1; cat > /dev/null"); // a slow mail command that accepts
  RunResult first;
  std::thread first_run([&] {
    first = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  });
  // The first run takes the lock before anything else: wait for its lock file, then a little more.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!fs::exists(workspace / ".tandem" / "lock") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto second = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"},
                                 {{}, {{"TANDEM_LOCK_WAIT_SECONDS", "1"}}});
  first_run.join();
  CHECK(second.exit_code == 75);
  CHECK(second.err.find("another tandem run holds the workspace lock") != std::string::npos);
  CHECK(first.exit_code == 0);
  CHECK(ledger_count(workspace, "sent") == 4);
}

TEST_CASE("remind: a dry run sends and records nothing, and quiet prints nothing on success")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  // Reads the whole message, as a mail command must: one that does not is a failed send.
  use_mail_command(workspace, "cat > /dev/null; touch " + (folder.path() / "mail-command-ran").string());
  const auto dry = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07", "--dry-run"});
  REQUIRE(dry.exit_code == 0);
  CHECK(dry.out.find("would send event/ws-cv/7d (due 2025-05-07) to 3 recipients\n") != std::string::npos);
  // Missed, each recorded once: info-spring's 7d and 1d, p1's agreement, start and first-week call.
  CHECK(dry.out.ends_with("2025-05-07: 4 messages would be sent, 5 reminders recorded as missed, 0 already done "
                          "(dry run: nothing recorded)\n"));
  CHECK_FALSE(fs::exists(folder.path() / "mail-command-ran"));
  CHECK_FALSE(fs::exists(workspace / ".tandem")); // not even the lock file

  const auto quiet = run_tandem({"-C", workspace.string(), "--quiet", "schedule", "remind", "--today", "2025-05-07"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  CHECK(fs::exists(folder.path() / "mail-command-ran"));
}

TEST_CASE("remind: without reminders.from nothing is sent and the message says what to add")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  std::string text = read_text(workspace / "tandem.yaml");
  text.erase(text.find("  from: "), text.find('\n', text.find("  from: ")) - text.find("  from: ") + 1);
  write_text(workspace / "tandem.yaml", text);
  const auto run = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("reminders.from is needed to send reminders") != std::string::npos);
}

TEST_CASE("remind: a mail command that hangs is killed after send_timeout, and one that reads nothing has not sent")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  add_reminder_setting(workspace, "send_timeout: 1");
  // `sleep 3600` never reads and never ends: killed with what it started, the
  // run ends (75) and frees the lock for the next command.
  use_mail_command(workspace, "sleep 3600");
  const auto started = std::chrono::steady_clock::now();
  const auto hung = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(hung.exit_code == 75);
  CHECK_THAT(hung.err, Catch::Contains("did not finish within 1 s (reminders.send_timeout): killed"));
  CHECK(took < std::chrono::seconds(60)); // four messages, a second each: not an hour
  CHECK(ledger_count(workspace, "sent") == 0);
  CHECK(run_tandem({"-C", workspace.string(), "check", "--today", "2025-05-07"}).exit_code == 0);
  // `true` exits 0 without reading: not a delivery.
  use_mail_command(workspace, "true");
  const auto unread = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  CHECK(unread.exit_code == 75);
  CHECK_THAT(unread.err, Catch::Contains("did not read the whole message and exited with status 0"));
  CHECK(ledger_count(workspace, "sent") == 0);
}

TEST_CASE("remind: a run out of time (run_timeout) leaves what is still due for the next run")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  add_reminder_setting(workspace, "run_timeout: 1");
  // Each message takes a second to hand over: the first is sent, then the run's second is up.
  use_mail_command(workspace, "cat >/dev/null; sleep 1");
  const auto slow = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  CHECK(slow.exit_code == 75);
  CHECK_THAT(slow.err, Catch::Contains("tandem: the run's time (reminders.run_timeout, 1 s) ran out: the messages "
                                       "still due are left for the next run\n"));
  CHECK_THAT(slow.err, Catch::Contains("tandem: 3 messages were not sent; they stay due for the next run\n"));
  CHECK(ledger_count(workspace, "sent") == 1);
  CHECK(ledger_count(workspace, "failed") == 0); // no address failed
  // The next run, with time enough, sends the other three, and none twice.
  use_mail_command(workspace, "cat >/dev/null");
  const auto next = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  CHECK(next.exit_code == 0);
  CHECK(ledger_count(workspace, "sent") == 4);
}

TEST_CASE("remind: a mail command that does not exist is a configuration error, not a temporary failure")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  use_mail_command(workspace, "/usr/sbin/no-such-sendmail -t -i");
  const auto missing = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-05-07"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("tandem: tandem.yaml: reminders.sendmail: the mail command "
                                          "`/usr/sbin/no-such-sendmail -t -i` cannot be run (exited with status "
                                          "127: command not found); check reminders.sendmail\n"));
  CHECK(ledger_count(workspace, "sent") == 0);
  CHECK(ledger_count(workspace, "failed") == 0);
}

TEST_CASE("remind: each recipient gets the message in their language, named by names, through a real SMTP server")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  SmtpServer server(folder.path() / "maildir");
  use_mail_command(workspace, msmtp_command(folder.path(), server.port()));
  // Staff work in Finnish; Linh reads English, Aino the default (Finnish), Acme's contact Swedish.
  const auto edit = [&workspace](const std::string& file, const std::string& old_text, const std::string& new_text) {
    auto text = read_text(workspace / file);
    REQUIRE(text.find(old_text) != std::string::npos);
    text.replace(text.find(old_text), old_text.size(), new_text);
    write_text(workspace / file, text);
  };
  edit("tandem.yaml", "  catch_up_days: 3", "  language: fi\n  catch_up_days: 3");
  edit("students.csv", "joined\n", "joined,language\n");
  edit("students.csv", "2025-01-10\ns2", "2025-01-10,en\ns2");
  edit("companies.yaml", "email: anna@acme.example.fi}", "email: anna@acme.example.fi, language: sv}");
  REQUIRE(run_tandem({"-C", workspace.string(), "check", "--today", "2025-04-09"}).exit_code == 0);

  // Wednesday 9 April 2025: p1's agreement, due Friday 11 April (5 working days before
  // Tuesday 22 April, Good Friday and Easter Monday closed), 2 working days ahead; and
  // the digest of Monday 7 April.
  const auto run = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-04-09"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  REQUIRE(server.message_count() == 5);
  // Subjects with ä or ö travel as RFC 2047 encoded words; so does any subject longer
  // than a header line should be (encode_header_text folds it). The digest's is short ASCII.
  const auto mail = python_lines("mail_check.py", server.maildir(), {"--greetings"});
  CHECK(mail == std::vector<std::string>{
                  "digest/2025-04-07|coordinator@example.fi|Viikkokooste ma 7.4.2025: 1 kohde seuraavan kahden "
                  "viikon aikana|Hei,|plain",
                  "placement/p1/agreement|aino.korhonen@example.fi|Harjoittelusopimus: määräaika pe 11.4.2025: Linh "
                  "Tran ja Aino Korhonen, Acme Export Oy|Hei Aino Korhonen,|encoded",
                  "placement/p1/agreement|anna@acme.example.fi|Praktikavtal: senast fre 11.4.2025: Linh Tran och "
                  "Aino Korhonen, Acme Export Oy|Hej Anna Example,|encoded",
                  "placement/p1/agreement|coordinator@example.fi|Harjoittelusopimus: määräaika pe 11.4.2025: Linh "
                  "Tran ja Aino Korhonen, Acme Export Oy|Hei,|encoded",
                  "placement/p1/agreement|linh.tran@example.fi|Placement agreement due by Fri 11 April 2025: Linh "
                  "Tran and Aino Korhonen at Acme Export Oy|Hello Linh Tran,|encoded"});
  for (const auto& line : mail) {
    const auto subject = line.substr(line.find('|', line.find('|') + 1));
    CHECK_THAT(subject, !Catch::Contains("p1") && !Catch::Contains("s1") && !Catch::Contains("acme|"));
  }
}

TEST_CASE("remind: the weekly digest's own lines are in the staff's language")
{
  // p1 left proposed past its first day (Tuesday 22 April 2025): the digest of
  // Monday 21 April, sent on the 23rd, names it among the placements that lag.
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  const auto outbox = folder.path() / "outbox";
  auto placements = read_text(workspace / "placements.csv");
  const std::string confirmed = "2025-04-22,2025-06-27,confirmed";
  REQUIRE(placements.find(confirmed) != std::string::npos);
  placements.replace(placements.find(confirmed), confirmed.size(), "2025-04-22,2025-06-27,proposed");
  write_text(workspace / "placements.csv", placements);
  const auto digest_in = [&](const std::string& language) {
    auto settings = read_text(workspace / "tandem.yaml");
    settings.replace(settings.find("  catch_up_days: 3"), std::string("  catch_up_days: 3").size(),
                     "  language: " + language + "\n  catch_up_days: 3");
    write_text(workspace / "tandem.yaml", settings);
    const auto run = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-04-23",
                                 "--dry-run", "--outbox", outbox.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    for (const auto& entry : fs::directory_iterator(outbox)) {
      const auto text = read_text(entry.path());
      if (text.find("X-Tandem-Reminder: digest/2025-04-21") != std::string::npos) {
        return text;
      }
    }
    FAIL("no digest of 2025-04-21 in the outbox");
    return std::string();
  };
  // Each language's lines, worked out from the fixture: p1 (placements.csv: 22
  // April to 27 June) with its first-week call by the follow-up's translated name;
  // the dates column is 30 wide and the kinds column 9.
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected{
    {"fi",
     {"\r\nViikko 21.4.2025, Vientiosaaja \u2013 Export Expert.\r\n\r\nTulossa 21.4.2025 \u2013 4.5.2025:\r\n",
      "\r\nHarjoittelut, joiden tila vaatii huomiota:\r\n  Harjoittelun p1 (Acme Export Oy) piti alkaa 22.4.2025, "
      "mutta se on yh\u00e4 ehdotettu: tandem placement confirm p1 (tai cancel p1)\r\n",
      "\r\n  22.4.2025 \u2013 27.6.2025          harjoittelu Harjoittelu p1 (Acme Export Oy)\r\n",
      " seuranta  Ensimm\u00e4isen viikon puhelu: harjoittelu p1 (Acme Export Oy)\r\n"}},
    {"sv",
     {"\r\nVeckan 21.4.2025, Vientiosaaja \u2013 Export Expert.\r\n\r\nP\u00e5 g\u00e5ng 21.4.2025 \u2013 4.5.2025:\r\n",
      "\r\nPraktiker vars status beh\u00f6ver \u00e5tg\u00e4rdas:\r\n  Praktiken p1 hos Acme Export Oy skulle b\u00f6rja "
      "22.4.2025 men \u00e4r fortfarande f\u00f6reslagen: tandem placement confirm p1 (eller cancel p1)\r\n",
      "\r\n  22.4.2025 \u2013 27.6.2025          praktik   Praktik p1 hos Acme Export Oy\r\n",
      " uppf\u00f6ljning Samtal efter f\u00f6rsta veckan: praktik p1 hos Acme Export Oy\r\n"}},
    {"en",
     {"\r\nThe week of 2025-04-21 in Vientiosaaja \u2013 Export Expert.\r\n\r\nComing up, 2025-04-21 to "
      "2025-05-04:\r\n",
      "\r\nPlacements whose status needs attention:\r\n  Placement p1 at Acme Export Oy was to start on "
      "2025-04-22 but is still proposed: tandem placement confirm p1 (or cancel p1)\r\n",
      "\r\n  2025-04-22 to 2025-06-27       placement Placement p1 at Acme Export Oy\r\n"}},
  };
  for (const auto& [language, lines] : expected) {
    DYNAMIC_SECTION("language " << language)
    {
      const auto digest = digest_in(language);
      for (const auto& line : lines) {
        CHECK_THAT(digest, Catch::Contains(line));
      }
      if (language != "en") {
        CHECK_THAT(digest, !Catch::Contains("Placements whose status") && !Catch::Contains("Coming up"));
      }
    }
  }
}

TEST_CASE("remind: staff edit a template in templates/ and a broken one is a check error at its line that stops remind")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("schedule", folder.path());
  const auto outbox = folder.path() / "outbox";
  fs::create_directories(workspace / "templates");
  write_text(workspace / "templates" / "digest.en.txt",
             "Subject: Week of {{monday}}: {{count}} to come\nMoi{{#name}} {{name}}{{/name}}!\n\n{{digest}}\n");
  const auto edited = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-04-09",
                                  "--dry-run", "--outbox", outbox.string()});
  INFO(edited.err);
  REQUIRE(edited.exit_code == 0);
  bool found = false;
  for (const auto& entry : fs::directory_iterator(outbox)) {
    const auto text = read_text(entry.path());
    if (text.find("X-Tandem-Reminder: digest/2025-04-07") != std::string::npos) {
      found = true;
      // The outbox keeps messages as they travel: lines end in CR LF.
      CHECK(text.find("\r\nSubject: Week of Mon 7 April 2025: 1 to come\r\n") != std::string::npos);
      CHECK(text.find("\r\n\r\nMoi!\r\n\r\nThe week of 2025-04-07") != std::string::npos);
    }
  }
  CHECK(found);

  write_text(workspace / "templates" / "event.fi.txt",
             "Subject: Muistutus: {{event}}\nHei,\n\n{{#where}}Paikka: {{where}}\n{{tapahtuma}}\n");
  write_text(workspace / "templates" / "welcome.fi.txt", "Subject: Tervetuloa\n");
  const auto check = run_tandem({"-C", workspace.string(), "check", "--today", "2025-04-09"});
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.err, Catch::Contains("templates/event.fi.txt:4:1: error: the template does not parse: Unclosed "
                                        "section \"where\""));
  CHECK_THAT(check.err, Catch::Contains("templates/welcome.fi.txt: warning: tandem uses no template of this name"));
  const auto remind = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-04-09"});
  CHECK(remind.exit_code == 1);
  CHECK_THAT(remind.err, Catch::Contains("a message template has errors"));
  CHECK_FALSE(fs::exists(workspace / ".tandem" / "reminders.csv"));

  write_text(workspace / "templates" / "event.fi.txt",
             "Subject: Muistutus: {{event}}\nHei,\n\n{{#where}}Paikka: {{where}}\n{{/where}}{{tapahtuma}}\n");
  const auto misspelt = run_tandem({"-C", workspace.string(), "check", "--today", "2025-04-09"});
  CHECK(misspelt.exit_code == 0);
  CHECK_THAT(misspelt.err, Catch::Contains("templates/event.fi.txt:5:11: warning: the event template has no field "
                                           "\"tapahtuma\" (it prints nothing); its fields: name, project, from, "
                                           "event, when, where"));
}

TEST_CASE("remind: staff are reminded of leavers' outcome follow-ups when they fall due, naming whom")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("status", folder.path());
  const auto outbox = folder.path() / "outbox";
  // s1 Linh Tran and s2 Aino Korhonen left on 2025-06-30; the four-week follow-up is
  // asked for on day 21, 2025-07-21. Aino's is recorded (employed on 07-15): only Linh's.
  const auto run = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-07-21", "--dry-run",
                               "--outbox", outbox.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("would send outcomes/s1/four-weeks (due 2025-07-21) to 1 recipient\n"));
  CHECK_THAT(run.out, !Catch::Contains("outcomes/s2/"));
  std::string message;
  for (const auto& entry : fs::directory_iterator(outbox)) {
    const auto text = read_text(entry.path());
    if (text.find("X-Tandem-Reminder: outcomes/s1/four-weeks") != std::string::npos) {
      message = text;
    }
  }
  CHECK_THAT(message, Catch::Contains("\r\nTo: coordinator@example.fi\r\nSubject: Outcome follow-up due: Linh "
                                      "Tran\r\n"));
  CHECK_THAT(message, Catch::Contains("\r\n- Linh Tran (s1), left on Mon 30 June 2025: the four-week outcome, by "
                                      "Mon 28 July 2025\r\n"));
  CHECK_THAT(message, !Catch::Contains("Aino"));
}

TEST_CASE("remind: a leaving date edited onto a day whose follow-ups were sent is still followed up, once")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("status", folder.path());
  SmtpServer server(folder.path() / "maildir");
  use_mail_command(workspace, msmtp_command(folder.path(), server.port()));
  const auto first = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-07-21"});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("sent outcomes/s1/four-weeks (due 2025-07-21) to 1 recipient\n"));

  // Staff record late that Sami Niemi (s4) also left on 2025-06-30: his four-week
  // follow-up falls on 2025-07-21 too, a day whose messages went out yesterday.
  std::string roster;
  for (const auto& line : lines_of(read_text(workspace / "students.csv"))) {
    roster += (line.starts_with("s4,") ? "s4,Sami,Niemi,sami.niemi@example.fi,domestic,engineering,fi:native;en:B2,"
                                         "2025-01-10,2025-06-30,"
                                       : line)
              + "\n";
  }
  write_text(workspace / "students.csv", roster);
  const auto second = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-07-22"});
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("sent outcomes/s4/four-weeks (due 2025-07-21) to 1 recipient, 1 day late\n"));
  CHECK_THAT(second.out, !Catch::Contains("outcomes/s1/"));
  const auto mail = python_lines("mail_check.py", server.maildir());
  CHECK(lines_starting(mail, "outcomes/") == std::vector<std::string>{
                                               "outcomes/s1/four-weeks|coordinator@example.fi|Outcome follow-up due: "
                                               "Linh Tran|auto-generated|utf-8",
                                               "outcomes/s4/four-weeks|coordinator@example.fi|Outcome follow-up due: "
                                               "Sami Niemi|auto-generated|utf-8"});
}

TEST_CASE("remind: feedback is asked for on a placement's last day and once more a week later from those who have not answered")
{
  TemporaryFolder folder;
  const auto workspace = copy_fixture("status", folder.path());
  SmtpServer server(folder.path() / "maildir");
  use_mail_command(workspace, msmtp_command(folder.path(), server.port()));
  // p5, Ana López at Gamma Foods Ab, ends on Friday 2025-09-12: a request to Ana and
  // to Gamma's contact, Greta Gamma (p4 ends in December).
  const auto first = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-09-12"});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("sent placement/p5/feedback (due 2025-09-12) to 2 recipients\n"));
  auto mail = python_lines("mail_check.py", server.maildir(), {"--greetings"});
  CHECK(lines_starting(mail, "placement/p5/feedback|")
        == std::vector<std::string>{
             "placement/p5/feedback|ana.lopez@example.fi|Your feedback on the placement at Gamma Foods Ab|Hello Ana "
             "López,|plain",
             "placement/p5/feedback|greta@gamma.example.fi|Your feedback on the placement at Gamma Foods Ab|Hello "
             "Greta Gamma,|plain"});

  // Ana answers; a week later only Greta is asked again, and only once.
  write_text(workspace / "feedback.csv", "placement_id,respondent_id,role,date,overall,learning,pair_work,"
                                         "would_repeat,comment\np5,s9,international,2025-09-15,4,5,,,\n");
  const auto again = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-09-19"});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("sent placement/p5/feedback-again (due 2025-09-19) to 1 recipient\n"));
  const auto repeat = run_tandem({"-C", workspace.string(), "schedule", "remind", "--today", "2025-09-19"});
  CHECK_THAT(repeat.out, !Catch::Contains("feedback"));
  mail = python_lines("mail_check.py", server.maildir(), {"--greetings"});
  CHECK(lines_starting(mail, "placement/p5/feedback-again|")
        == std::vector<std::string>{"placement/p5/feedback-again|greta@gamma.example.fi|Reminder: Your feedback on "
                                    "the placement at Gamma Foods Ab|Hello Greta Gamma,|plain"});
}
