#include "run_tandem.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tandem::test;
namespace fs = std::filesystem;

// The match fixture (tests/fixtures/match): p-old-1 confirmed (Ama Mensah + Ella
// Laine at Beta Design Oy), p-old-2 proposed (Oleg Ivanov + Aino Korhonen at Acme
// Export Oy; Oleg is available only to 2024-05-10, so rule 3 refuses it), p-old-3
// cancelled (Linh Tran solo at Gamma Trading Oy). A first `match` proposes
// acme-export.i1 (Anna Weber + Aino Korhonen at Acme Export Oy, 2024-05-06 to 2024-08-09).

namespace {

RunResult placement(const fs::path& workspace, std::vector<std::string> arguments)
{
  arguments.insert(arguments.begin(), {"-C", workspace.string(), "placement"});
  return run_tandem(arguments, {{}, {{"USER", "coordinator"}}});
}

} // namespace

TEST_CASE("placement: moves forward one status at a time, refuses a skip or a step back unless forced, "
          "and records each change")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto file = workspace / "placements.csv";
  // Confirming re-checks the rules: Oleg is available only until 10 May.
  const auto breach = placement(workspace, {"confirm", "p-old-2"});
  CHECK(breach.exit_code == 1);
  CHECK_THAT(breach.err, Catch::Contains("p-old-2 (Oleg Ivanov + Aino Korhonen at Acme Export Oy") &&
                           Catch::Contains("cannot be confirmed: rule 3 (availability)"));
  REQUIRE(run_tandem({"-C", workspace.string(), "match"}).exit_code == 0);

  const auto before = read_text(file);
  const auto skip = placement(workspace, {"start", "acme-export.i1"});
  CHECK(skip.exit_code == 1);
  CHECK_THAT(skip.err, Catch::Contains("refused: acme-export.i1 (Anna Weber + Aino Korhonen at Acme Export Oy, "
                                       "2024-05-06 to 2024-08-09): it is proposed; the moves allowed from "
                                       "there: confirm or cancel"));
  CHECK(read_text(file) == before);

  const auto confirm = placement(workspace, {"confirm", "acme-export.i1", "--note", "agreed by phone"});
  INFO(confirm.err);
  REQUIRE(confirm.exit_code == 0);
  CHECK(confirm.out == "acme-export.i1 (Anna Weber + Aino Korhonen at Acme Export Oy, 2024-05-06 to 2024-08-09): "
                       "proposed -> confirmed\n");
  REQUIRE(placement(workspace, {"start", "acme-export.i1", "--date", "2024-05-13"}).exit_code == 0);
  REQUIRE(placement(workspace, {"complete", "acme-export.i1", "--date", "2024-08-02"}).exit_code == 0);
  CHECK(rows_with(read_text(file), "acme-export.i1,") == std::vector<std::string>{
          "acme-export.i1,acme-export,acme,i1,d1,2024-05-13,2024-08-02,completed,8.4,agreed by phone,\r"});

  const auto back = placement(workspace, {"confirm", "acme-export.i1"});
  CHECK(back.exit_code == 1);
  CHECK_THAT(back.err, Catch::Contains("it is completed; the moves allowed from there: cancel"));
  const auto forced = placement(workspace, {"confirm", "acme-export.i1", "--force"});
  CHECK(forced.exit_code == 0);
  CHECK_THAT(forced.out, Catch::EndsWith("completed -> confirmed (forced)\n"));

  // Several ids: one refusal and nothing changes, not even the good move.
  const auto partly = placement(workspace, {"cancel", "p-old-1", "nowhere"});
  CHECK(partly.exit_code == 1);
  CHECK_THAT(partly.err, Catch::Contains("placements.csv has no placement nowhere"));
  const auto mixed = placement(workspace, {"start", "p-old-1", "p-old-3"});
  CHECK(mixed.exit_code == 1);
  CHECK_THAT(mixed.err, Catch::Contains("p-old-3 (Linh Tran at Gamma Trading Oy, 2024-09-02 to 2024-11-29): it is "
                                        "cancelled; the moves allowed from there: none: it is cancelled"));
  CHECK(rows_with(read_text(file), "p-old-1,")[0].find(",confirmed,") != std::string::npos);

  // The history: header, the match's new proposals, then confirm, start, complete, the forced confirm.
  const auto history_text = read_text(workspace / ".tandem" / "history.csv");
  const auto history = lines_of(history_text);
  CHECK(history[0] == "when,who,id,from,to,note");
  CHECK(rows_with(history_text, ",acme-export.i1,,proposed,tandem match").size() == 1);
  REQUIRE(history.size() >= 5);
  const std::vector<std::string> moves(history.end() - 4, history.end());
  CHECK_THAT(moves[0], Catch::Matches(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,coordinator,acme-export\.i1,proposed,confirmed,agreed by phone)"));
  CHECK_THAT(moves[1], Catch::EndsWith(",coordinator,acme-export.i1,confirmed,started,"));
  CHECK_THAT(moves[2], Catch::EndsWith(",coordinator,acme-export.i1,started,completed,"));
  CHECK_THAT(moves[3], Catch::EndsWith(",coordinator,acme-export.i1,completed,confirmed,"));
  // Every change went through the writer: the file before each is backed up.
  CHECK(fs::exists(workspace / ".tandem" / "backup" / "placements.csv"));
  CHECK(run_tandem({"-C", workspace.string(), "check", "--today", "2024-05-01"}).exit_code == 0);
}

TEST_CASE("placement lock and matching: hold are decisions that last across match runs")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  REQUIRE(run_tandem({"-C", workspace.string(), "match"}).exit_code == 0);
  const auto acme_row = rows_with(read_text(workspace / "placements.csv"), "acme-export.i1,");
  REQUIRE(acme_row.size() == 1);

  const auto lock = placement(workspace, {"lock", "acme-export.i1"});
  REQUIRE(lock.exit_code == 0);
  CHECK_THAT(lock.out, Catch::EndsWith("locked: the next match keeps it as it is\n"));
  CHECK(placement(workspace, {"lock", "p-old-1"}).exit_code == 1); // confirmed: nothing to lock
  // Linh Tran (i2) on hold: a column the staff add to students.csv.
  std::string roster;
  for (const auto& line : lines_of(read_text(workspace / "students.csv"))) {
    roster += line + (roster.empty() ? ",matching\n" : line.starts_with("i2,") ? ",hold\n" : ",\n");
  }
  write_text(workspace / "students.csv", roster);

  for (int run = 0; run < 2; ++run) {
    INFO("match run " << run + 1);
    const auto again = run_tandem({"-C", workspace.string(), "match"});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    const auto now = read_text(workspace / "placements.csv");
    CHECK(rows_with(now, "acme-export.i1,") == std::vector<std::string>{acme_row[0].substr(0, acme_row[0].size() - 1) + ",yes\r"});
    CHECK(rows_with(now, ",proposed,").size() == 2); // the locked one and gamma-autumn.i4
    CHECK(rows_with(now, ",i2,").size() == 1);       // only the cancelled p-old-3
    CHECK_THAT(again.out, Catch::Contains("kept as they are (locked, or outside --term): acme-export.i1\n"));
    CHECK_THAT(again.out, Catch::Contains("on hold (matching: hold in students.csv), left out: Linh Tran (i2)\n"));
  }
  const auto explain = run_tandem({"-C", workspace.string(), "match", "--dry-run", "--explain", "i2"});
  CHECK_THAT(explain.out, Catch::Contains("Linh Tran (i2) is on hold (matching: hold in students.csv)"));
  CHECK(placement(workspace, {"unlock", "acme-export.i1"}).exit_code == 0);
  CHECK(rows_with(read_text(workspace / "placements.csv"), "acme-export.i1,")[0].ends_with(",\r"));
}

TEST_CASE("placement list names people and companies, filters by status and term, and writes csv and json")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  const auto table = placement(workspace, {"list"});
  REQUIRE(table.exit_code == 0);
  CHECK(lines_of(table.out) == std::vector<std::string>{
          "id       status     company           international  domestic       start       end         locked",
          "p-old-1  confirmed  Beta Design Oy    Ama Mensah     Ella Laine     2024-05-06  2024-08-09",
          "p-old-2  proposed   Acme Export Oy    Oleg Ivanov    Aino Korhonen  2024-05-06  2024-08-09",
          "p-old-3  cancelled  Gamma Trading Oy  Linh Tran                     2024-09-02  2024-11-29"});
  const auto autumn = placement(workspace, {"list", "--term", "autumn-2024", "--format", "csv"});
  CHECK(autumn.out == "id,status,company,international,domestic,start,end,locked\n"
                      "p-old-3,cancelled,Gamma Trading Oy,Linh Tran,,2024-09-02,2024-11-29,\n");
  const auto proposed = placement(workspace, {"list", "--status", "proposed", "--format", "json"});
  CHECK(proposed.out == "[\n  {\"id\": \"p-old-2\", \"status\": \"proposed\", \"company\": \"Acme Export Oy\", "
                        "\"international\": \"Oleg Ivanov\", \"domestic\": \"Aino Korhonen\", \"start\": "
                        "\"2024-05-06\", \"end\": \"2024-08-09\", \"locked\": \"\"}\n]\n");
  CHECK(placement(workspace, {"list", "--status", "done"}).exit_code == 2);
}

TEST_CASE("files saved by Excel in a Finnish locale pass check and survive a placement move with nothing lost")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("match", temporary.path());
  // "CSV (semicolon)" in a Finnish locale: ';', d.m.yyyy, Windows-1252 (0xE4 is ä), CRLF.
  write_text(workspace / "students.csv",
             "id;first_name;last_name;email;group;field;languages;available_from;available_to\r\n"
             "i1;Anna;Weber;anna.weber@example.fi;international;business;\"en:C1;de:native\";6.5.2024;9.8.2024\r\n"
             "i4;Ama;Mensah;ama.mensah@example.fi;international;engineering;en:C1;;\r\n"
             "d1;Aino;Korhonen;aino.korhonen@example.fi;domestic;business;\"fi:native;en:B2\";;\r\n"
             "d3;Ella;L\xE4ine;ella.laine@example.fi;domestic;business;fi:native;;\r\n");
  write_text(workspace / "placements.csv",
             "id;opening_id;company_id;international_id;domestic_id;start;end;status;score;note;coordinator\r\n"
             "p1;acme-export;acme;i1;d1;6.5.2024;9.8.2024;proposed;8,4;soitettu;Maija\r\n"
             "p2;beta-design;beta;i4;d3;6.5.2024;9.8.2024;confirmed;;sovittu maaliskuussa;P\xE4ivi\r\n");
  // "CSV UTF-8" in the same locale: a byte-order mark and ';'.
  write_text(workspace / "events.yaml", "events:\n  - {id: ws-1, kind: workshop, start: 2024-03-14T14:00}\n");
  write_text(workspace / "attendance.csv", "\xEF\xBB\xBF" "event_id;student_id;company_id;palaute\r\n"
                                           "ws-1;i1;;hyödyllinen\r\n");

  const auto check = run_tandem({"-C", workspace.string(), "check", "--today", "2024-05-01"});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("4 students") && Catch::Contains("2 placements"));
  CHECK_THAT(check.err, Catch::Contains("placements.csv: warning: saved by a spreadsheet as ';'-separated, "
                                        "Windows-1252 text"));
  CHECK_THAT(check.err, Catch::Contains("placements.csv: warning: dates written as d.m.yyyy"));
  CHECK_THAT(check.err, Catch::Contains("attendance.csv: warning: saved by a spreadsheet as ';'-separated text"));
  CHECK(rows_with(check.err, "placements.csv: warning: dates written").size() == 1); // once per file

  const auto confirm = placement(workspace, {"confirm", "p1"});
  INFO(confirm.err);
  REQUIRE(confirm.exit_code == 0);
  CHECK(confirm.out == "p1 (Anna Weber + Aino Korhonen at Acme Export Oy, 2024-05-06 to 2024-08-09): "
                       "proposed -> confirmed\n");
  // Rewritten in the canonical form, every value kept: ',' UTF-8, ISO dates, the
  // decimal comma as it was (a number either way), CRLF kept, the staff's column kept.
  CHECK(read_text(workspace / "placements.csv")
        == "id,opening_id,company_id,international_id,domestic_id,start,end,status,score,note,coordinator\r\n"
           "p1,acme-export,acme,i1,d1,2024-05-06,2024-08-09,confirmed,\"8,4\",soitettu,Maija\r\n"
           "p2,beta-design,beta,i4,d3,2024-05-06,2024-08-09,confirmed,,sovittu maaliskuussa,Päivi\r\n");
  const auto again = run_tandem({"-C", workspace.string(), "check", "--today", "2024-05-01"});
  CHECK(again.exit_code == 0);
  CHECK(rows_with(again.err, "placements.csv: warning").empty());
  // The list lines up by characters, not bytes: "Läine" is as wide as "Laine".
  const auto list = lines_of(placement(workspace, {"list"}).out);
  REQUIRE(list.size() == 3);
  const auto column_of_start = [](const std::string& line, const std::string& start) {
    const auto bytes = line.find(start);
    return bytes - static_cast<std::size_t>(std::count_if(line.begin(), line.begin() + static_cast<long>(bytes),
                                                          [](char c) { return (c & 0xC0) == 0x80; }));
  };
  CHECK(column_of_start(list[2], "2024-05-06") == column_of_start(list[0], "start"));
  CHECK(column_of_start(list[1], "2024-05-06") == column_of_start(list[0], "start"));
  // The files tandem did not rewrite are as they were.
  CHECK(read_text(workspace / "attendance.csv").starts_with("\xEF\xBB\xBF" "event_id;student_id"));
}
