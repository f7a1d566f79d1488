#include "run_tandem.hpp"

#include "io/csv.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <regex>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

// students.csv as id -> column -> value, read with the library's CSV reader.
std::map<std::string, std::map<std::string, std::string>> roster(const fs::path& workspace)
{
  const std::string text = read_text(workspace / "students.csv");
  auto reader = tandem::io::CsvReader::from_memory("students.csv", text);
  const auto table = tandem::io::read_csv_table(reader);
  std::map<std::string, std::map<std::string, std::string>> rows;
  for (const auto& row : table.rows) {
    auto& columns = rows[row.fields.at(0)];
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      columns[table.header.names()[i]] = i < row.fields.size() ? row.fields[i] : "";
    }
  }
  return rows;
}

std::map<fs::path, std::string> snapshot(const fs::path& folder)
{
  std::map<fs::path, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    files[entry.path()] = entry.is_regular_file() ? read_text(entry.path()) : "<folder>";
  }
  return files;
}

// Writes `text` as export.csv in the temporary folder and imports it as students.
RunResult import_students(const TemporaryFolder& temporary, const fs::path& workspace,
                          const std::string& text, const std::vector<std::string>& extra = {})
{
  write_text(temporary.path() / "export.csv", text);
  std::vector<std::string> arguments = {"import", "students",
                                        (temporary.path() / "export.csv").string()};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  return run_tandem(arguments, {workspace, {}});
}

} // namespace

TEST_CASE("the Latin-1 register export with Finnish headers merges, then is unchanged")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto before = roster(workspace);
  const std::vector<std::string> command = {"import", "students", "imports/opiskelijarekisteri.csv",
                                            "--encoding", "latin1"};
  const auto first = run_tandem(command, {workspace, {}});
  INFO(first.out << first.err);
  CHECK(first.exit_code == 0);
  CHECK(first.err.empty());
  CHECK_THAT(first.out, Catch::Contains("(delimiter ;, encoding latin1)"));
  CHECK_THAT(first.out, Catch::Contains("  added: 4\n"));
  CHECK_THAT(first.out, Catch::Contains("  changed: 5\n"));
  CHECK_THAT(first.out, Catch::Contains("    s22002: municipality, Kampus\n"));
  CHECK_THAT(first.out, Catch::Contains("    s23002: email, Kampus\n"));
  CHECK_THAT(first.out, Catch::Contains("  rejected: 0\n"));

  // The sample was written by scripts/make-example-data.py with these values.
  const auto after = roster(workspace);
  CHECK(after.size() == before.size() + 4);
  const auto& new_student = after.at("s24001");
  CHECK(new_student.at("first_name") == "Jääskeläinen Äijä"); // Latin-1 letters, now UTF-8
  CHECK(new_student.at("last_name") == "Hämäläinen");
  CHECK(new_student.at("group") == "domestic");              // "kotimainen"
  CHECK(new_student.at("field") == "engineering");           // "tekniikka"
  CHECK(new_student.at("gender") == "female");               // "nainen"
  CHECK(new_student.at("programme") == "Insinööri, konetekniikka");
  CHECK(new_student.at("Kampus") == "Kokkola");               // an unknown column survives
  CHECK(after.at("s22002").at("municipality") == "Vaasa");
  // Columns absent from the export keep their workspace values.
  CHECK(after.at("s22002").at("languages") == before.at("s22002").at("languages"));
  CHECK(after.at("s22002").at("joined") == before.at("s22002").at("joined"));
  CHECK(after.at("s22001") == [&] {
    auto row = before.at("s22001");
    row["Kampus"] = "";
    return row;
  }());

  const auto again = run_tandem(command, {workspace, {}});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("  added: 0\n  changed: 0\n  unchanged: 9\n  rejected: 0\n"));
  CHECK(roster(workspace) == after);

  const auto check = run_tandem({"check"}, {workspace, {}});
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("import --dry-run leaves every file byte-identical")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto before = snapshot(workspace);
  const auto result = run_tandem({"import", "students", "imports/opiskelijarekisteri.csv",
                                  "--encoding", "latin1", "--dry-run"},
                                 {workspace, {}});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("  would be added: 4\n"));
  CHECK_THAT(result.out, Catch::Contains("dry run: students.csv was not written"));
  CHECK(snapshot(workspace) == before);
}

TEST_CASE("bad rows are rejected with their line and reason while good rows merge")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto before = read_text(workspace / "students.csv");
  const auto result = import_students(temporary, workspace,
                                      "Student number,First name,Last name,E-mail,Group,Field\n"
                                      "s3,Minh,Le,minh.le@example.fi,international,engineering\n"
                                      "s4,Bad,Mail,not-an-address,domestic,business\n"
                                      "s5,Odd,Group,odd@example.fi,exchange,business\n"
                                      "s3,Minh,Again,minh2@example.fi,international,engineering\n"
                                      ",No,Id,noid@example.fi,domestic,business\n"
                                      "s1,Linh,Tran,linh.tran@example.fi,international,business\n");
  CHECK(result.exit_code == 1);
  const std::string source = (temporary.path() / "export.csv").string();
  const auto errors = lines_of(result.err);
  REQUIRE(errors.size() == 4);
  CHECK(errors[0] == source + ":3: error: row rejected: email: expected an e-mail address such as name@example.fi, got \"not-an-address\"");
  CHECK(errors[1] == source + ":4: error: row rejected: group: \"exchange\" is not a word tandem knows: use "
                               "international or domestic, or one of the words it takes for them (\"finländsk\", "
                               "\"finnish\", \"inhemsk\", \"internationell\", \"intl\", \"kansainvälinen\", "
                               "\"kansainvälinen opiskelija\", \"kotimainen\", \"kotimainen opiskelija\", \"kv\", "
                               "\"kv opiskelija\", \"suomalainen\", \"suomalainen opiskelija\", \"ulkomainen\", "
                               "\"utländsk\"); a --map file's values: adds more");
  CHECK(errors[2] == source + ":5: error: row rejected: id s3 appears again, with other values (first on line 2 of "
                               "the export)");
  CHECK(errors[3] == source + ":6: error: row rejected: id: a value is required");
  CHECK_THAT(result.out, Catch::Contains("  added: 1\n  changed: 0\n  unchanged: 1\n  rejected: 4\n"));
  const auto after = roster(workspace);
  CHECK(after.count("s3") == 1);
  CHECK(after.count("s4") == 0);
  CHECK(after.count("s5") == 0);
  CHECK(after.at("s1").at("notes") == "keep me"); // the workspace's extra column survives
  CHECK(read_text(workspace / "students.csv").rfind(before, 0) == 0); // old rows untouched, in order
}

TEST_CASE("a column map file maps, drops and translates")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(temporary.path() / "map.yaml",
             "columns:\n  Nro: id\n  Salainen: \"\"\nvalues:\n  group: {KV: international}\n");
  const auto result = import_students(temporary, workspace,
                                      "Nro\tEtunimi\tSukunimi\tSähköposti\tRyhmä\tAla\tSalainen\n"
                                      "s6\tTuan\tVo\ttuan.vo@example.fi\tKV\tliiketalous\tsecret\n",
                                      {"--map", (temporary.path() / "map.yaml").string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("(delimiter tab, encoding utf-8)"));
  CHECK_THAT(result.out, Catch::Contains("dropped by the map: Salainen"));
  const auto after = roster(workspace);
  CHECK(after.at("s6").at("group") == "international");
  CHECK(after.at("s6").at("field") == "business");
  CHECK(read_text(workspace / "students.csv").find("secret") == std::string::npos);
}

TEST_CASE("a Latin-1 file imported as UTF-8 is refused with a hint, and nothing changes")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto before = snapshot(workspace);
  const auto result = run_tandem({"import", "students", "imports/opiskelijarekisteri.csv"},
                                 {workspace, {}});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("not UTF-8") && Catch::Contains("--encoding latin1"));
  CHECK(snapshot(workspace) == before);
}

TEST_CASE("companies import from CSV and YAML, keeping unknown keys")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(temporary.path() / "companies.csv",
             "Yritys;Y-tunnus;Kotikunta;Koko;Kohdemarkkinat;Yhteyshenkilö;Sähköposti\n"
             "Öja Automation Oy;0112038-9;Kokkola;pieni;SE,NO;Eetu Esimerkki;eetu@oja.example.fi\n"
             "Bad Id Oy;2451398-7;Kokkola;small;SE;;\n");
  const auto csv = run_tandem({"import", "companies", (temporary.path() / "companies.csv").string()},
                              {workspace, {}});
  INFO(csv.out << csv.err);
  CHECK(csv.exit_code == 1);
  CHECK_THAT(csv.err, Catch::Contains("companies.csv:3: error: row rejected: companies[0].business_id"));
  CHECK_THAT(csv.out, Catch::Contains("  added: 1\n"));

  write_text(temporary.path() / "update.yaml", R"(companies:
  - id: kokkola-steel
    size: medium
    openings:
      - {id: kokkola-steel-1, kind: solo, start: 2024-05-06, end: 2024-08-09}
)");
  const auto yaml = run_tandem({"import", "companies", (temporary.path() / "update.yaml").string()},
                               {workspace, {}});
  INFO(yaml.out << yaml.err);
  CHECK(yaml.exit_code == 0);
  CHECK_THAT(yaml.out, Catch::Contains("    kokkola-steel: openings, size\n"));
  const std::string text = read_text(workspace / "companies.yaml");
  CHECK_THAT(text, Catch::Contains("crm_ref: K-77"));        // unknown key kept
  CHECK_THAT(text, Catch::Contains("id: oja-automation-oy")); // id made from the name
  CHECK_THAT(text, Catch::Contains("size: small"));           // "pieni"
  CHECK_THAT(text, Catch::Contains("target_markets: [SE, \"NO\"]")); // Norway, not false
  const auto check = run_tandem({"check"}, {workspace, {}});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("2 companies"));
  CHECK_THAT(check.out, Catch::Contains("1 openings"));
}

TEST_CASE("attendance imports by id or e-mail and rejects dangling rows")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(temporary.path() / "survey.csv",
             "Tapahtuma,Sähköposti\n"
             "ws-1,LINH.TRAN@example.fi\n"
             "ws-1,anna@kokkola-steel.example.fi\n"
             "ws-2,aino.korhonen@example.fi\n"
             "ws-1,stranger@example.fi\n"
             "ws-1,linh.tran@example.fi\n");
  const auto result = run_tandem({"import", "attendance", (temporary.path() / "survey.csv").string()},
                                 {workspace, {}});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("survey.csv:4: error: row rejected: event_id: no event \"ws-2\""));
  CHECK_THAT(result.err, Catch::Contains("survey.csv:5: error: row rejected: email: no student or company contact has this address"));
  CHECK_THAT(result.out, Catch::Contains("  added: 2\n  changed: 0\n  unchanged: 1\n  rejected: 2\n"));
  CHECK(read_text(workspace / "attendance.csv")
        == "event_id,student_id,company_id\nws-1,s1,\nws-1,,kokkola-steel\n");
}

TEST_CASE("import attendance keeps the extra columns its summary names, and not the e-mail address")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  write_text(temporary.path() / "survey.csv", "Tapahtuma,Sähköposti,Palaute\n"
                                              "ws-1,linh.tran@example.fi,hyödyllinen\n");
  const auto result = run_tandem({"import", "attendance", (temporary.path() / "survey.csv").string()},
                                 {workspace, {}});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("  kept as extra columns: Palaute\n"));
  CHECK(read_text(workspace / "attendance.csv") == "event_id,student_id,company_id,Palaute\nws-1,s1,,hyödyllinen\n");
  CHECK(run_tandem({"check"}, {workspace, {}}).exit_code == 0);
}

TEST_CASE("an export row with more values than headers is rejected, not shifted")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto result = import_students(temporary, workspace,
                                      "id;first_name;last_name;email;group;field\n"
                                      "s7;Anna;Virtanen;anna@example.fi;domestic;business\n"
                                      "s8;Oy Ab; Kokkola;Berg;b@example.fi;domestic;business\n");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::EndsWith("export.csv:3: error: row rejected: 7 fields, but the header "
                                         "has 6 columns (an unquoted ';' in a value?)\n"));
  const auto after = roster(workspace);
  CHECK(after.count("s7") == 1);
  CHECK(after.count("s8") == 0);
}

TEST_CASE("commands on a workspace folder that does not exist fail with a hint")
{
  TemporaryFolder temporary;
  const auto missing = (temporary.path() / "nowhere").string();
  const auto check = run_tandem({"-C", missing, "check"});
  CHECK(check.exit_code == 1);
  CHECK(check.err == "tandem: " + missing + ": no such workspace folder (`tandem init " + missing
                       + "` creates one)\n");
  const auto import = run_tandem({"-C", missing, "import", "students", "x.csv"});
  CHECK(import.exit_code == 1);
  CHECK_FALSE(fs::exists(missing)); // nothing was created, not even .tandem/
}

TEST_CASE("a UTF-8 file read as Latin-1 gets a warning that letters may be garbled")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto result = import_students(temporary, workspace,
                                      "id,first_name,last_name,email,group,field\n"
                                      "s9,Äijä,Mäki,aija@example.fi,domestic,business\n",
                                      {"--encoding", "latin1", "--dry-run"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::StartsWith("tandem: warning: ") && Catch::Contains("looks like UTF-8"));
}

TEST_CASE("an export without a required column cannot add students that lack it")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto result = import_students(temporary, workspace,
                                      "id,first_name,last_name,email,group\n"
                                      "s1,Linh,Tran,linh.tran@example.fi,international\n"
                                      "s9,New,Person,new@example.fi,domestic\n");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("export.csv:3: error: row rejected: field: a value is required"));
  CHECK_THAT(result.out, Catch::Contains("  added: 0\n  changed: 0\n  unchanged: 1\n  rejected: 1\n"));
}

TEST_CASE("a rewritten roster keeps its byte-order mark, CRLF line ends and extra columns")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("awkward", temporary.path());
  const auto result = import_students(temporary, workspace,
                                      "id,first_name,last_name,email,group,field\n"
                                      "s3,Minh,Le,minh.le@example.fi,international,engineering\n");
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const std::string text = read_text(workspace / "students.csv");
  CHECK(text.rfind("\xEF\xBB\xBFid,first_name,last_name,email,group,field,programme,home_country,"
                   "markets,languages,staff_comment\r\n",
                   0)
        == 0);
  CHECK_THAT(text, Catch::Contains(",\"says \"\"hi\"\"\"\r\n"));
  CHECK_THAT(text, Catch::EndsWith("s3,Minh,Le,minh.le@example.fi,international,engineering,,,,,\r\n"));
  CHECK(run_tandem({"check"}, {workspace, {}}).exit_code == 0);
}

TEST_CASE("an empty cell in the export never erases what the workspace knows")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const auto result = import_students(temporary, workspace,
                                      "id,first_name,last_name,email,group,field,municipality\n"
                                      "s1,Linh,Tran,linh.tran@example.fi,international,business,\n"
                                      "s2,Aino,Korhonen,aino.korhonen@example.fi,domestic,engineering,Vaasa\n");
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("  changed: 1\n    s2: municipality\n  unchanged: 1\n"));
  const auto after = roster(workspace);
  CHECK(after.at("s1").at("municipality") == "Kokkola");
  CHECK(after.at("s2").at("municipality") == "Vaasa");
}

TEST_CASE("import students takes dates of birth and never stores a personal identity code")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  // A register export: Finnish dates of birth, a henkilötunnus column, and one more
  // that holds codes under an innocent name, which a map file even tries to keep.
  write_text(temporary.path() / "map.yaml", "columns: {\"Tunniste\": programme}\n");
  const auto result = import_students(temporary, workspace,
                                      "Opiskelijanumero;Etunimi;Sukunimi;Sähköposti;Ryhmä;Koulutusala;"
                                      "Syntymäaika;Henkilötunnus;Tunniste\n"
                                      "s7;Kofi;Mensah;kofi@example.fi;kansainvälinen;liiketalous;1.9.1999;"
                                      "131052-308T;131052-308T\n"
                                      "s8;Aino;Virta;aino@example.fi;kotimainen;tekniikka;1999-09-01;;\n",
                                      {"--map", (temporary.path() / "map.yaml").string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  const auto rows = roster(workspace);
  CHECK(rows.at("s7").at("birth_date") == "1999-09-01");
  CHECK(rows.at("s8").at("birth_date") == "1999-09-01");
  CHECK(rows.at("s7").count("programme") == 0); // the map's target got nothing either
  CHECK_THAT(result.out, Catch::Contains("personal identity codes (henkilötunnus), dropped and never stored: "
                                         "Henkilötunnus, Tunniste\n"));
  // Nowhere in the workspace, its state and backups included.
  for (const auto& entry : fs::recursive_directory_iterator(workspace)) {
    if (entry.is_regular_file()) {
      INFO(entry.path());
      CHECK(read_text(entry.path()).find("308T") == std::string::npos);
    }
  }
}

TEST_CASE("an export with 100000 columns imports them all and the summary counts the rest")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  constexpr int extra_columns = 100000;
  std::string header = "id,first_name,last_name,email,group,field";
  std::string row = "s9,Ella,Berg,ella.berg@example.fi,domestic,business";
  for (int i = 0; i < extra_columns; ++i) {
    header += ",extra" + std::to_string(i);
    row += ",v" + std::to_string(i);
  }
  const auto result = import_students(temporary, workspace, header + "\n" + row + "\n");
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("  added: 1\n"));
  CHECK_THAT(result.out, Catch::Contains("  kept as extra columns: extra0, extra1, extra2, extra3, extra4, "
                                         "extra5, extra6, extra7, extra8, extra9, extra10, extra11, "
                                         "extra12, extra13, extra14, extra15, extra16, extra17, extra18, "
                                         "extra19 and 99980 more (--verbose lists them all)\n"));
  const auto after = roster(workspace);
  REQUIRE(after.count("s9") == 1);
  CHECK(after.at("s9").size() >= extra_columns + 6);
  CHECK(after.at("s9").at("extra0") == "v0");
  CHECK(after.at("s9").at("extra99999") == "v99999");
}

TEST_CASE("import companies keeps strings strings for other YAML readers")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  // A quoted phone number already in the file, and new values that a plain YAML
  // scalar would turn into a number, a boolean or false.
  write_text(workspace / "companies.yaml",
             "companies:\n"
             "  - id: kokkola-steel\n"
             "    name: Kokkola Steel Oy\n"
             "    business_id: 2451398-6\n"
             "    contact: {name: Anna Example, email: anna@kokkola-steel.example.fi, phone: \"0407654321\"}\n"
             "    openings: []\n");
  write_text(temporary.path() / "companies.csv",
             "name,business_id,contact_phone,sector,target_markets,employees\n"
             "Norr Oy,0112038-9,0401234567,yes,NO;SE,25\n");
  const auto result = run_tandem({"import", "companies", (temporary.path() / "companies.csv").string()},
                                 {workspace, {}});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  // PyYAML (YAML 1.1, where NO and yes are booleans) reads every value back as the string it was.
  const auto parsed = run_program(
    "/usr/bin/python3",
    {"-c",
     "import sys, yaml\n"
     "for c in yaml.safe_load(open(sys.argv[1]))['companies']:\n"
     "    print(repr(c['contact'].get('phone')), repr(c.get('sector')), repr(c.get('target_markets')),"
     " repr(c.get('employees')))\n",
     (workspace / "companies.yaml").string()});
  INFO(parsed.err);
  CHECK(parsed.out == "'0407654321' None None None\n"
                      "'0401234567' 'yes' ['NO', 'SE'] '25'\n");
  CHECK(run_tandem({"check"}, {workspace, {}}).exit_code == 0);
}

TEST_CASE("import outcomes: a Finnish questionnaire's export with its map, merged by student and date")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto file = workspace / "outcomes.csv";
  const auto before = read_text(file);
  const std::vector<std::string> arguments{"-C", workspace.string(), "import", "outcomes",
                                           (workspace / "imports" / "seurantakysely.csv").string(), "--map",
                                           (workspace / "imports" / "seurantakysely.map.yaml").string()};
  auto dry = arguments;
  dry.emplace_back("--dry-run");
  CHECK(run_tandem(dry).exit_code == 1); // two rows are rejected, dry run or not
  CHECK(read_text(file) == before);

  const auto result = run_tandem(arguments);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Catch::Contains("  added: 3\n"));
  CHECK_THAT(result.err, Catch::Contains("seurantakysely.csv:5: error: row rejected: email: no student has this "
                                         "address"));
  CHECK_THAT(result.err, Catch::Contains("seurantakysely.csv:6: error: row rejected: status: \"Lomailen\" is not a "
                                         "status tandem knows"));
  // The timestamp's day; the map's answers; the employer's name as its company id.
  CHECK(read_text(file) == before + "s22002,2024-04-14,employed,kristinestad-wind,\n"
                                    "s22003,2024-04-15,in_education,,Maisteriopinnot alkoivat\n"
                                    "s22004,2024-04-15,job_seeking,,\n");
  const auto again = run_tandem(arguments);
  CHECK_THAT(again.out, Catch::Contains("  added: 0\n  changed: 0\n  unchanged: 3\n"));

  // A later answer for the same student and day replaces the status.
  write_text(temporary.path() / "correction.csv",
             "student_id,date,status\ns22004,15.4.2024,työssä\ns22004,2024-04-16,Employed\n");
  const auto correction = run_tandem({"-C", workspace.string(), "import", "outcomes",
                                      (temporary.path() / "correction.csv").string()});
  INFO(correction.err);
  CHECK(correction.exit_code == 0);
  CHECK_THAT(correction.out, Catch::Contains("  added: 1\n  changed: 1\n    s22004 2024-04-15: status\n"));
  CHECK(rows_with(read_text(file), "s22004,2024-04-1") ==
        std::vector<std::string>{"s22004,2024-04-15,employed,,", "s22004,2024-04-16,employed,,"});
  CHECK(run_tandem({"-C", workspace.string(), "check"}).exit_code == 0);
}

TEST_CASE("import outcomes: an export without a date or a status column is refused whole")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  write_text(temporary.path() / "no-status.csv", "student_id,date\ns22004,2024-04-16\n");
  const auto result = run_tandem({"-C", workspace.string(), "import", "outcomes",
                                  (temporary.path() / "no-status.csv").string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("no-status.csv:1: no column holds the status (expected a header such as "
                                         "status, Tilanne or Current situation, or a --map file)"));
}

TEST_CASE("import feedback: a Forms export with Finnish question headers, matched by e-mail to the placement")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto file = workspace / "feedback.csv";
  const auto before = read_text(file);
  const std::vector<std::string> arguments{"-C", workspace.string(), "import", "feedback",
                                           (workspace / "imports" / "palautekysely.csv").string(), "--map",
                                           (workspace / "imports" / "palautekysely.map.yaml").string()};
  auto dry = arguments;
  dry.emplace_back("--dry-run");
  const auto dry_run = run_tandem(dry);
  CHECK(dry_run.exit_code == 0);
  CHECK(read_text(file) == before);
  const auto result = run_tandem(arguments);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("  added: 3\n"));
  // By hand from imports/palautekysely.csv: Iida Lehtonen (s23002), p001's domestic partner
  // (ended 2022-08-12), answered on 23.8.2022; "3 - Kohtalaisesti" is 3, "4 - Hyvin" 4.
  // Larsmo Boats' contact answered for p013 (solo, ended 2022-08-12): "Ei" is no.
  CHECK(rows_with(read_text(file), "p001,s23002,")
        == std::vector<std::string>{"p001,s23002,domestic,2022-08-23,3,3,4,,"});
  CHECK(rows_with(read_text(file), "p013,larsmo-boats,")
        == std::vector<std::string>{"p013,larsmo-boats,company,2022-08-21,5,5,,no,"});
  CHECK(run_tandem({"-C", workspace.string(), "check"}).exit_code == 0);

  // Rows that cannot be placed are rejected with their line and reason.
  write_text(temporary.path() / "bad.csv", "Sähköposti;Aikaleima;Kokonaisarvio;Vapaa sana\n"
                                           "nobody@example.fi;1.9.2022;4;\n"
                                           "rahim.akter@edu.example.fi;1.9.2022;erinomainen;\n"
                                           "rahim.akter@edu.example.fi;1.1.2022;4;\n");
  const auto bad = run_tandem({"-C", workspace.string(), "import", "feedback", (temporary.path() / "bad.csv").string()});
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("bad.csv:2: error: row rejected: email: no student or company contact has "
                                      "this address"));
  CHECK_THAT(bad.err, Catch::Contains("bad.csv:3: error: row rejected: overall: expected a rating from 1 to 5, got "
                                      "\"erinomainen\""));
  CHECK_THAT(bad.err, Catch::Contains("bad.csv:4: error: row rejected: s22006 has no placement that ended by "
                                      "2022-01-01: add a placement_id column"));
}

TEST_CASE("import: a row repeated exactly in one export is taken once, and a re-import succeeds")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  const std::string row = "s3,Minh,Le,minh.le@example.fi,international,engineering\n";
  const std::string text = "Student number,First name,Last name,E-mail,Group,Field\n" + row + row + row;
  const auto first = import_students(temporary, workspace, text);
  INFO(first.err);
  CHECK(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("  added: 1\n  changed: 0\n  unchanged: 0\n  rejected: 0\n"
                                        "  identical rows taken once: 2 (lines 3, 4)\n"));
  const auto again = import_students(temporary, workspace, text);
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("  unchanged: 1\n"));
  CHECK(rows_with(read_text(workspace / "students.csv"), "s3,").size() == 1);
}

TEST_CASE("import companies: a company already in companies.yaml by its Business ID is updated, not added twice")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("minimal", temporary.path());
  // A CRM export without ids: the name makes "kokkola-steel-oy-ab", but the Business ID
  // 2451398-6 is kokkola-steel's.
  write_text(temporary.path() / "crm.csv", "Yritys,Y-tunnus,Kotikunta\nKokkola Steel Oy Ab,2451398-6,Kokkola\n");
  const auto result = run_tandem({"import", "companies", (temporary.path() / "crm.csv").string()}, {workspace, {}});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err == "tandem: warning: " + (temporary.path() / "crm.csv").string()
                        + ":2: kokkola-steel-oy-ab has the Business ID 2451398-6 of kokkola-steel in companies.yaml: "
                          "it updates kokkola-steel\n");
  CHECK_THAT(result.out, Catch::Contains("  added: 0\n  changed: 1\n    kokkola-steel: municipality, name\n"));
  const auto companies = read_text(workspace / "companies.yaml");
  CHECK_THAT(companies, Catch::Contains("name: Kokkola Steel Oy Ab"));
  CHECK_THAT(companies, !Catch::Contains("kokkola-steel-oy-ab"));
  CHECK(run_tandem({"-C", workspace.string(), "check"}).exit_code == 0);
}

TEST_CASE("import students: Peppi-like and Sisu-like register exports with their maps")
{
  TemporaryFolder temporary;
  const auto workspace = temporary.path() / "ws";
  REQUIRE(run_tandem({"init", workspace.string()}).exit_code == 0);
  fs::create_directories(temporary.path() / "examples");
  const auto imports = copy_examples(temporary.path() / "examples") / "imports";
  const auto import = [&](const std::string& name) {
    return run_tandem({"-C", workspace.string(), "import", "students", (imports / (name + ".csv")).string(), "--map",
                       (imports / (name + ".map.yaml")).string()});
  };
  const auto peppi = import("peppi-opiskelijat");
  INFO(peppi.out << peppi.err);
  CHECK(peppi.exit_code == 0);
  CHECK_THAT(peppi.out, Catch::Contains("  added: 8\n"));
  CHECK_THAT(peppi.out, Catch::Contains("  identical rows taken once: 1 (line 6)\n"));
  CHECK_THAT(peppi.out, Catch::Contains("dropped and never stored: Henkilötunnus\n"));
  const auto sisu = import("sisu-students");
  INFO(sisu.out << sisu.err);
  CHECK(sisu.exit_code == 0);
  CHECK_THAT(sisu.out, Catch::Contains("  added: 6\n"));
  CHECK_THAT(sisu.out, Catch::Contains("dropped and never stored: Personal identity code\n"));

  // Worked out from the sample files: 14.3.2001 and "Vietnam"; Ruotsi; Venäjä with
  // Kulttuuriala; Poissa and Valmistunut; Sisu's ISO dates, "Viet Nam", "Syria", ICTs.
  const auto rows = roster(workspace);
  const auto row = [&](const std::string& id) {
    const auto& r = rows.at(id);
    return r.at("birth_date") + " " + r.at("citizenship") + " " + r.at("group") + " " + r.at("field") + " " +
           r.at("status") + " " + r.at("gender");
  };
  CHECK(row("2601101") == "2001-03-14 VN international business student female");
  CHECK(row("2601103") == "2002-06-07 SE international business student female"); // Poissa
  CHECK(row("2601107") == "2001-12-18 RU international other student female");
  CHECK(row("2601108") == "1997-04-09 FI domestic business graduated male");
  CHECK(row("2602201") == "2000-08-15 VN international business student male");
  CHECK(row("2602202") == "1999-02-27 SY international engineering student female");
  CHECK(row("2602203") == "1998-10-04 GH international business student male"); // Non-attending
  CHECK(row("2602205") == "2001-02-23 FI domestic engineering student male");
  CHECK(row("2602206") == "2001-05-30 PL international other student female");
  CHECK(rows.at("2601102").at("email") == "chinedu.okafor@edu.example.fi"); // "Sähköposti (koulu)" by the map
  CHECK(rows.at("2602204").at("email") == "sara.nieminen@edu.example.fi");  // "Primary email", built in

  // No personal identity code anywhere: not the column, not a value (the pattern
  // ddmmyy, century sign, three digits, a check character), state and backups included.
  const std::regex identity_code("[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]");
  for (const auto& entry : fs::recursive_directory_iterator(workspace)) {
    if (entry.is_regular_file()) {
      INFO(entry.path());
      const auto text = read_text(entry.path());
      CHECK_FALSE(std::regex_search(text, identity_code));
      CHECK(text.find("Henkilötunnus") == std::string::npos);
      CHECK(text.find("Personal identity code") == std::string::npos);
    }
  }
  CHECK_THAT(import("peppi-opiskelijat").out, Catch::Contains("  added: 0\n  changed: 0\n  unchanged: 8\n"));
  CHECK(run_tandem({"-C", workspace.string(), "check"}).exit_code == 0);
}

TEST_CASE("import students: an unknown register word is refused with the words tandem knows, and a map adds one")
{
  TemporaryFolder temporary;
  const auto workspace = temporary.path() / "ws";
  REQUIRE(run_tandem({"init", workspace.string()}).exit_code == 0);
  write_text(temporary.path() / "export.csv", "Opiskelijanumero;Sukunimi;Etunimet;Sähköposti;Ryhmä;Koulutusala;Tila\n"
                                              "s1;Aho;Ella;ella@example.fi;kotimainen;Metsäala;läsnä\n");
  const std::vector<std::string> arguments{"-C", workspace.string(), "import", "students",
                                           (temporary.path() / "export.csv").string()};
  const auto refused = run_tandem(arguments);
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, Catch::Contains("export.csv:2: error: row rejected: field: \"Metsäala\" is not a word "
                                          "tandem knows: use business, engineering or other, or one of the words "
                                          "it takes for them (\"agriculture, forestry, fisheries and veterinary\", "));
  CHECK_THAT(refused.err, Catch::Contains("\"kulttuuriala\", "));
  CHECK_THAT(refused.err, Catch::Contains("\"tekniikan ja liikenteen ala\", "));
  CHECK_THAT(refused.err, Catch::Contains("); a --map file's values: adds more\n"));
  CHECK(refused.err.find("field: expected") == std::string::npos); // one reason per column
  CHECK(roster(workspace).empty());

  write_text(temporary.path() / "map.yaml", "values:\n  field: {Metsäala: other}\n");
  auto mapped = arguments;
  mapped.insert(mapped.end(), {"--map", (temporary.path() / "map.yaml").string()});
  const auto accepted = run_tandem(mapped);
  INFO(accepted.err);
  CHECK(accepted.exit_code == 0);
  CHECK(roster(workspace).at("s1").at("field") == "other");
  CHECK(roster(workspace).at("s1").at("status") == "student");
}

TEST_CASE("import companies: a CRM list in Finnish updates companies by Business ID and adds the new one")
{
  TemporaryFolder temporary;
  const auto workspace = copy_examples(temporary.path());
  const auto result = run_tandem({"-C", workspace.string(), "import", "companies",
                                  (workspace / "imports" / "crm-yritykset.csv").string(), "--map",
                                  (workspace / "imports" / "crm-yritykset.map.yaml").string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("  added: 1\n  changed: 2\n    kokkola-steel: name, target_markets\n"
                                         "    hopea-chemicals: contact\n  unchanged: 0\n"));
  CHECK_THAT(result.err, Catch::Contains("kokkola-steel-oy-ab has the Business ID 2214975-4 of kokkola-steel"));
  const auto parsed = run_program("/usr/bin/python3",
                                  {"-c",
                                   "import sys, yaml\n"
                                   "companies = yaml.safe_load(open(sys.argv[1]))['companies']\n"
                                   "for c in companies:\n"
                                   "    if c.get('business_id') in ('2214975-4', '3311472-5'):\n"
                                   "        print(c['id'], c['name'], c['size'], c['target_markets'])\n",
                                   (workspace / "companies.yaml").string()});
  CHECK(parsed.out == "kokkola-steel Kokkola Steel Oy Ab small ['SE', 'US', 'AE', 'DE']\n"
                      "lohtaja-marine-oy Lohtaja Marine Oy micro ['NO', 'SE', 'DE']\n");
  CHECK(run_tandem({"-C", workspace.string(), "check"}).exit_code == 0);
}
