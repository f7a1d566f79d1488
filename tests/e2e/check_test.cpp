#include "run_tandem.hpp"

#include <catch2/catch.hpp>

using namespace tandem::test;

TEST_CASE("check passes on the shipped example workspace with a one-line summary")
{
  const auto result = run_tandem({"-C", TANDEM_EXAMPLES, "check"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 1);
  // Figures the example was built to show (docs/user-guide.md): 84 students,
  // 56 companies by Business ID, 11 tandem + 5 solo + 1 cancelled placements.
  CHECK_THAT(lines[0], Catch::StartsWith("check: ok: 84 students, 57 companies (56 Business IDs)"));
  CHECK_THAT(lines[0], Catch::Contains("17 placements; 0 warning(s)"));
}

TEST_CASE("check --quiet prints nothing when all is well")
{
  const auto result = run_tandem({"-C", TANDEM_EXAMPLES, "--quiet", "check"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(result.err.empty());
}

TEST_CASE("check passes on valid but awkward files")
{
  // BOM, CRLF, a quoted field holding a newline, unquoted NO in YAML and CSV,
  // unknown extra columns, a doubled quote.
  const auto result = run_tandem({"-C", std::string(TANDEM_FIXTURES) + "/awkward", "check", "--today", "2024-05-01"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK_THAT(result.out, Catch::StartsWith("check: ok: 2 students"));
}

TEST_CASE("check names every problem of a broken workspace by file and line")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("broken", temporary.path());
  const auto result = run_tandem({"check", "--today", "2024-05-01"}, {workspace, {}});
  CHECK(result.exit_code == 1);
  // Line numbers counted by hand in tests/fixtures/broken/.
  const std::vector<std::string> expected = {
    "companies.yaml:4:18: error: companies[0].business_id: expected a Finnish Business ID "
    "(1234567-8) with a valid check digit, got \"2451398-7\"",
    "outcomes.csv:1: error: missing required column \"status\" (the header splits on ',' into 3 columns: "
    "\"student_id\", \"date\", \"employer\")",
    "placements.csv:2: error: opening_id: no opening \"no-such-opening\" in companies.yaml",
    "students.csv:2:7: error: joined: expected a real calendar date as YYYY-MM-DD, got "
    "\"2023-02-30\"",
    "students.csv:3:5: error: group: expected international or domestic, got \"exchange\"",
    "students.csv:4:1: error: id: duplicate id \"s1\": first used on line 2",
  };
  CHECK(lines_of(result.err) == expected);
  CHECK(result.out == "check: 6 error(s), 0 warning(s)\n");
}

TEST_CASE("a missing required file and a file that is not YAML are errors")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  std::filesystem::remove(workspace / "students.csv");
  write_text(workspace / "events.yaml", "events:\n  - id: x\n    kind: [workshop\n");
  const auto result = run_tandem({"check", "--today", "2024-05-01"}, {workspace, {}});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("students.csv: error: this required file is missing"));
  CHECK_THAT(result.err, Catch::Contains("events.yaml:4:1: error: not valid YAML"));
}

TEST_CASE("warnings alone leave check's exit status at 0")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("awkward", temporary.path());
  // s2 joins after the confirmed placement starts, and the opening now needs German.
  write_text(workspace / "students.csv",
             "id,first_name,last_name,email,group,field,languages,joined\n"
             "s1,Ingrid,Berg,ingrid.berg@example.fi,international,business,en:C1,2024-01-01\n"
             "s2,Eetu,Makinen,eetu@example.fi,domestic,engineering,fi:native;en:B2,2024-06-01\n");
  auto companies = read_text(workspace / "companies.yaml");
  companies.replace(companies.find("{en: B2}"), 8, "{de: B1}");
  write_text(workspace / "companies.yaml", companies);
  const auto result = run_tandem({"check", "--today", "2024-05-01"}, {workspace, {}}); // before any follow-up is due
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("placements.csv:2: warning: the placement starts "
                                         "2024-05-06, before student s2 joined the project "
                                         "(2024-06-01)"));
  CHECK_THAT(result.err, Catch::Contains("placements.csv:2: warning: confirmed placement breaks "
                                         "matching rule 5: the opening needs German at B1; Ingrid Berg (s1) has "
                                         "no German and Eetu Makinen (s2) has no German\n"));
  CHECK_THAT(result.out, Catch::Contains("2 warning(s)"));
}

TEST_CASE("links between files are checked")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(workspace / "attendance.csv",
             "event_id,student_id,company_id\nws-1,s1,\nws-9,s1,\nws-1,s9,\nws-1,,acme\n");
  write_text(workspace / "placements.csv",
             "id,opening_id,international_id,domestic_id,status\np1,x,s2,s1,proposed\n");
  write_text(workspace / "outcomes.csv", "student_id,date,status\ns7,2024-10-01,employed\n");
  const auto result = run_tandem({"check", "--today", "2024-05-01"}, {workspace, {}});
  CHECK(result.exit_code == 1);
  const auto& err = result.err;
  CHECK_THAT(err, Catch::Contains("attendance.csv:3: error: event_id: no event \"ws-9\" in events.yaml"));
  CHECK_THAT(err, Catch::Contains("attendance.csv:4: error: student_id: no student \"s9\" in students.csv"));
  CHECK_THAT(err, Catch::Contains("attendance.csv:5: error: company_id: no company \"acme\" in companies.yaml"));
  CHECK_THAT(err, Catch::Contains("placements.csv:2: error: international_id: student \"s2\" is domestic, not international"));
  CHECK_THAT(err, Catch::Contains("placements.csv:2: error: domestic_id: student \"s1\" is international, not domestic"));
  CHECK_THAT(err, Catch::Contains("outcomes.csv:2: error: student_id: no student \"s7\" in students.csv"));
}

TEST_CASE("the workspace comes from -C, else TANDEM_WORKSPACE, else the current folder")
{
  const auto from_environment =
    run_tandem({"check"}, {std::filesystem::temp_directory_path(), {{"TANDEM_WORKSPACE", TANDEM_EXAMPLES}}});
  CHECK(from_environment.exit_code == 0);
  const auto from_folder = run_tandem({"check"}, {TANDEM_EXAMPLES, {}});
  CHECK(from_folder.exit_code == 0);
  const auto flag_wins = run_tandem({"-C", std::string(TANDEM_FIXTURES) + "/broken", "check"},
                                    {TANDEM_EXAMPLES, {{"TANDEM_WORKSPACE", TANDEM_EXAMPLES}}});
  CHECK(flag_wins.exit_code == 1);
}

TEST_CASE("usage errors exit 2 while help and version exit 0 on standard output")
{
  CHECK(run_tandem({"check", "--no-such-flag"}).exit_code == 2);
  CHECK(run_tandem({}).exit_code == 2);
  CHECK(run_tandem({"frobnicate"}).exit_code == 2);
  CHECK(run_tandem({"import", "pets", "x.csv"}).exit_code == 2);
  CHECK(run_tandem({"--quiet", "--verbose", "check"}).exit_code == 2);
  const auto help = run_tandem({"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("import"));
  const auto version = run_tandem({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("tandem "));
}

TEST_CASE("garbage in any workspace file gives problems, never a crash")
{
  // Deterministic pseudo-random bytes and YAML/CSV-shaped junk in every file.
  const std::vector<std::string> junk = {
    std::string("\x00\xff\xfe\x01garbage\x80\x81", 13),
    "companies: {a: [1, 2}\n",
    "- just\n- a\n- list\n",
    "companies:\n  - 42\n  - [x, y]\n  - {id: a, name: b, business_id: {x: 1}, openings: 5}\n",
    "events: [{id: e, kind: workshop, start: {}}]\n",
    "project: [name]\n",
    "\"unclosed,quote\nid,first_name\n",
    "id,first_name,last_name,email,group,field\n\"a\"b\",c,d,e,f,g,h\n",
  };
  const std::vector<std::string> files = {"tandem.yaml", "companies.yaml", "events.yaml",
                                          "students.csv", "placements.csv", "attendance.csv",
                                          "outcomes.csv"};
  for (const auto& file : files) {
    for (const auto& content : junk) {
      TemporaryFolder temporary;
      const auto workspace = copy_fixture("minimal", temporary.path());
      write_text(workspace / file, content);
      const auto result = run_tandem({"check", "--today", "2024-05-01"}, {workspace, {}});
      INFO(file << " <- " << content);
      INFO(result.err);
      CHECK(result.signal == 0);
      CHECK((result.exit_code == 0 || result.exit_code == 1));
      CHECK(result.err.find("internal error") == std::string::npos);
      for (const auto& line : lines_of(result.err)) {
        CHECK_THAT(line, Catch::Matches("^[a-z_.]+(:[0-9]+)*: (error|warning): .+"));
      }
    }
  }
}

TEST_CASE("the same attendee twice for one event is a warning naming the first line")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(workspace / "attendance.csv",
             "event_id,student_id,company_id\nws-1,s1,\nws-1,s2,\nws-1,s1,\nws-1,,kokkola-steel\nws-1,s1,\n");
  const auto result = run_tandem({"check", "--today", "2024-05-01"}, {workspace, {}}); // before any follow-up is due
  CHECK(result.exit_code == 0);
  CHECK(lines_of(result.err)
        == std::vector<std::string>{
          "attendance.csv:4: warning: the same attendee is already on line 2; reports count each row",
          "attendance.csv:6: warning: the same attendee is already on line 2; reports count each row"});
}

TEST_CASE("check names the ESF start and end data that are wrong or overdue")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(workspace / "students.csv",
             "id,first_name,last_name,email,group,field,joined,left\n"
             "s1,Linh,Tran,linh.tran@example.fi,international,business,2024-02-01,2024-03-31\n"
             "s2,Aino,Korhonen,aino.korhonen@example.fi,domestic,engineering,2024-02-01,\n"
             "s3,Kofi,Mensah,kofi.mensah@example.fi,international,business,,2024-03-01\n"
             "s4,Mai,Le,mai.le@example.fi,international,business,2024-01-10,2024-06-30\n");
  write_text(workspace / "events.yaml", "events:\n  - {id: ws-1, kind: workshop, start: 2024-04-15T14:00}\n"
                                        "  - {id: ws-0, kind: workshop, start: 2024-03-15T14:00}\n");
  write_text(workspace / "attendance.csv", "event_id,student_id,company_id\nws-1,s1,\nws-0,s3,\n");
  // s4 is followed up in both windows; s1 on day 10 only, twice on one date.
  write_text(workspace / "outcomes.csv", "student_id,date,status\ns1,2024-04-10,job_seeking\n"
                                         "s1,2024-04-10,employed\ns4,2024-07-05,employed\ns4,2025-01-01,employed\n");
  // s3 left (2024-03-01) before their only activity (2024-03-15): an error.
  const auto broken = run_tandem({"-C", workspace.string(), "check", "--today", "2025-06-01"});
  CHECK(broken.exit_code == 1);
  CHECK_THAT(broken.err, Catch::Contains("students.csv:4: error: left: 2024-03-01 is before the student's first "
                                         "activity in the project (2024-03-15)"));
  write_text(workspace / "students.csv",
             "id,first_name,last_name,email,group,field,joined,left\n"
             "s1,Linh,Tran,linh.tran@example.fi,international,business,2024-02-01,2024-03-31\n"
             "s2,Aino,Korhonen,aino.korhonen@example.fi,domestic,engineering,2024-02-01,\n"
             "s3,Kofi,Mensah,kofi.mensah@example.fi,international,business,,2024-03-20\n"
             "s4,Mai,Le,mai.le@example.fi,international,business,2024-01-10,2024-06-30\n");
  const auto result = run_tandem({"-C", workspace.string(), "check", "--today", "2025-06-01"});
  CHECK(result.exit_code == 0);
  // Worked out by hand, as of 2025-06-01 (the project ended 2024-12-31):
  const std::vector<std::string> expected = {
    // s1 attended ws-1 on 2024-04-15, after leaving on 2024-03-31
    "attendance.csv:2: warning: student s1 attends ws-1 on 2024-04-15, after leaving the project (2024-03-31)",
    "outcomes.csv:3: warning: student s1 already has an outcome on 2024-04-10 (line 2)",
    // s1: day 10 is followed up; six months (from 2024-09-30 to 2024-10-30) are not
    "students.csv:2: warning: student s1 left on 2024-03-31 and has no outcome from six months after",
    // s2: no left; last activity joined 2024-02-01, more than 183 days before
    "students.csv:3: warning: student s2 has no left date and no activity since 2024-02-01",
    // s2 leaves at the project's end 2024-12-31: day 152 on 2025-06-01, four weeks overdue only
    "students.csv:3: warning: student s2 left on 2024-12-31 and has no outcome from the four weeks after",
    "students.csv:4: warning: student s3 left on 2024-03-20 and has no outcome from the four weeks after",
    "students.csv:4: warning: student s3 left on 2024-03-20 and has no outcome from six months after"};
  for (const auto& line : expected) {
    CHECK_THAT(result.err, Catch::Contains(line));
  }
  CHECK(lines_of(result.err).size() == expected.size()); // and nothing about s4
  CHECK_THAT(result.out, Catch::Contains("7 warning(s)"));
  // Earlier in the life of the project: s1's two notes, and s3's four weeks
  // (2024-03-20 + 28 = 2024-04-17) are over; nobody is quiet for six months yet.
  const auto early = run_tandem({"-C", workspace.string(), "check", "--today", "2024-04-20"});
  CHECK(lines_of(early.err).size() == 3);
  CHECK_THAT(early.err, Catch::Contains("student s3 left on 2024-03-20 and has no outcome from the four weeks"));
}

TEST_CASE("check refuses a line break in any value that reaches a mail header")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  // The adversarial run's reminders.from: every reminder would have carried a Bcc.
  write_text(workspace / "tandem.yaml", read_text(workspace / "tandem.yaml")
                                          + "reminders:\n  from: \"CS\\r\\nBcc: spy@evil.example\\r\\nX: "
                                            "<career@example.fi>\"\n  staff: [\"a@example.fi\\nBcc: b@evil.example\"]\n");
  write_text(workspace / "students.csv",
             "id,first_name,last_name,email,group,field\n"
             "s1,\"Linh\nBcc: spy@evil.example\",Tran,linh@example.fi,international,business\n");
  write_text(workspace / "events.yaml", "events:\n  - {id: e1, kind: workshop, start: 2024-03-01T10:00, "
                                        "title: \"CV\\r\\nBcc: spy@evil.example\"}\n");
  const auto result = run_tandem({"-C", workspace.string(), "check", "--today", "2024-01-02"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("tandem.yaml:8:9: error: reminders.from: expected an address such as"));
  CHECK_THAT(result.err, Catch::Contains("error: reminders.staff: expected e-mail addresses"));
  CHECK_THAT(result.err, Catch::Contains("students.csv:2:2: error: first_name: expected text on one line"));
  CHECK_THAT(result.err, Catch::Contains("events.yaml:2:"));
  CHECK_THAT(result.err, Catch::Contains("title: expected text on one line"));
  // The cron job refuses the workspace: nothing is sent to anybody.
  const auto remind = run_tandem({"-C", workspace.string(), "schedule", "remind", "--dry-run", "--today", "2024-02-25"});
  CHECK(remind.exit_code == 1);
  CHECK(remind.out.empty());
}

TEST_CASE("a contract column twice in a CSV header is an error naming both")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(workspace / "students.csv", "id,first_name,last_name,email,group,field,Email\n"
                                         "s1,Linh,Tran,linh@example.fi,international,business,other@example.fi\n");
  const auto result = run_tandem({"-C", workspace.string(), "check", "--today", "2024-01-02"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("students.csv:1:7: error: the column \"Email\" is there twice "
                                         "(columns 4 and 7): keep one"));
}

TEST_CASE("check: feedback.csv rows must hold their links and ranges, each at its file and line")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("status", temporary.path());
  // The status fixture: p4 Chen Li (s8) + Emma Virtanen (s7) at acme; p5 Ana López (s9), solo, at gamma.
  write_text(workspace / "feedback.csv", "placement_id,respondent_id,role,date,overall,learning,pair_work,"
                                         "would_repeat,comment\n"
                                         "p4,s8,international,2025-12-06,4,5,3,,\n"   // line 2: fine
                                         "p4,s8,international,2025-12-07,5,,,,\n"     // 3: answered twice
                                         "p4,s9,international,2025-12-06,4,,,,\n"     // 4: not on p4
                                         "p5,s7,domestic,2025-09-15,4,,,,\n"          // 5: p5 is solo
                                         "p9,s8,international,2025-12-06,4,,,,\n"     // 6: no such placement
                                         "p5,gamma,company,2025-09-15,7,,,maybe,\n"); // 7: 7 and maybe
  const auto result = run_tandem({"-C", workspace.string(), "check", "--today", "2025-09-10"});
  CHECK(result.exit_code == 1);
  const auto file = (workspace / "feedback.csv").string();
  CHECK_THAT(result.err, Catch::Contains(file + ":3: error: s8 already answered for placement p4 on line 2"));
  CHECK_THAT(result.err, Catch::Contains(file + ":4: error: respondent_id: \"s9\" is not the international of "
                                                "placement p4 (that is s8)"));
  CHECK_THAT(result.err, Catch::Contains(file + ":5: error: role: placement p5 has no domestic student"));
  CHECK_THAT(result.err, Catch::Contains(file + ":6: error: placement_id: no placement \"p9\" in placements.csv"));
  CHECK_THAT(result.err, Catch::Contains(file + ":7:5: error: overall:"));
  CHECK_THAT(result.err, Catch::Contains(file + ":7:8: error: would_repeat:"));
  CHECK_THAT(result.err, !Catch::Contains(file + ":2:"));
}
