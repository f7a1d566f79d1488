#include "io/csv.hpp"
#include "io/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <random>

using tandem::io::CsvReader;
using tandem::io::CsvRecord;

namespace {

std::vector<CsvRecord> read_all(std::string_view text, char delimiter = ',')
{
  auto reader = CsvReader::from_memory("test.csv", text, delimiter);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.next(record)) {
    records.push_back(record);
  }
  return records;
}

using Fields = std::vector<std::string>;

} // namespace

TEST_CASE("CSV fields follow RFC 4180 quoting")
{
  const auto records = read_all("a,b,c\n\"Oy Ab, Kokkola\",\"say \"\"hi\"\"\",\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == Fields{"a", "b", "c"});
  CHECK(records[1].fields == Fields{"Oy Ab, Kokkola", "say \"hi\"", ""});
}

TEST_CASE("a quoted field may hold line breaks and records keep their first physical line")
{
  const auto records = read_all("id,note\r\n1,\"two\r\nlines\"\r\n2,plain\r\n3,\"\"\"\r\n\"\"\"\n");
  REQUIRE(records.size() == 4);
  CHECK(records[1].fields == Fields{"1", "two\nlines"});
  CHECK(records[1].line == 2);
  CHECK(records[2].fields == Fields{"2", "plain"});
  CHECK(records[2].line == 4);
  CHECK(records[3].fields == Fields{"3", "\"\n\""});
  CHECK(records[3].line == 5);
}

TEST_CASE("a byte-order mark, CRLF, blank lines and a missing last newline are accepted")
{
  const auto records = read_all("\xEF\xBB\xBFid,name\r\n\r\n1,Anna\r\n   \r\n2,Eetu");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == Fields{"id", "name"});
  CHECK(records[1].line == 3);
  CHECK(records[2].fields == Fields{"2", "Eetu"});
  CHECK(records[2].line == 5);
  auto reader = CsvReader::from_memory("t.csv", "\xEF\xBB\xBFid\r\n1\r\n");
  CHECK(reader.had_bom());
  CHECK(reader.uses_crlf());
}

TEST_CASE("semicolon and tab delimiters")
{
  CHECK(read_all("a;\"b;c\";d\n", ';')[0].fields == Fields{"a", "b;c", "d"});
  CHECK(read_all("a\tb,c\n", '\t')[0].fields == Fields{"a", "b,c"});
}

TEST_CASE("an unclosed quote is reported at the line where its record starts")
{
  auto reader = CsvReader::from_memory("bad.csv", "id,note\n1,ok\n2,\"never closed\n3,x\n");
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  try {
    reader.next(record);
    FAIL("expected a ProblemError");
  } catch (const tandem::io::ProblemError& e) {
    CHECK(e.problem().file == "bad.csv");
    CHECK(e.problem().line == 3);
  }
}

TEST_CASE("formatting quotes only where needed and reads back to the same fields")
{
  CHECK(tandem::io::format_csv_record({"a", "b c", ""}) == "a,b c,\n");
  CHECK(tandem::io::format_csv_record({"a,b", "say \"x\"", "x\ny"}, ',', true)
        == "\"a,b\",\"say \"\"x\"\"\",\"x\ny\"\r\n");
  CHECK(tandem::io::format_csv_record({" padded "}) == "\" padded \"\n");

  // Round trip over random fields drawn from the characters that matter.
  std::mt19937 random(42);
  const std::string alphabet = "ab,\"\n\r; \tä";
  for (int round = 0; round < 300; ++round) {
    Fields fields(1 + random() % 5);
    for (auto& field : fields) {
      const auto length = random() % 6;
      for (unsigned i = 0; i < length; ++i) {
        field += alphabet[random() % alphabet.size()];
      }
      // A lone CR inside a field is not representable after line splitting; the
      // reader turns line breaks into "\n".
      std::erase(field, '\r');
    }
    if (fields.size() == 1 && fields[0].empty()) {
      continue; // a blank line is skipped by design
    }
    const std::string text = tandem::io::format_csv_record(fields);
    const auto records = read_all(text);
    INFO(text);
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields == fields);
  }
}

TEST_CASE("header names match case-insensitively after trimming")
{
  const tandem::io::CsvHeader header({"ID", " First_Name ", "email"});
  CHECK(header.find("id") == 0u);
  CHECK(header.find("first_name") == 1u);
  CHECK(header.find("EMAIL") == 2u);
  CHECK_FALSE(header.find("group"));
}

TEST_CASE("list cells split on semicolons and drop empty items")
{
  CHECK(tandem::io::split_list(" fi:B1 ; en:C1;;") == Fields{"fi:B1", "en:C1"});
  CHECK(tandem::io::split_list("").empty());
}

TEST_CASE("a table keeps its BOM and line ends when written back")
{
  auto reader = CsvReader::from_memory("t.csv", "\xEF\xBB\xBFid,x\r\n1,\"a,b\"\r\n");
  const auto table = tandem::io::read_csv_table(reader);
  CHECK(tandem::io::format_csv_table(table) == "\xEF\xBB\xBFid,x\r\n1,\"a,b\"\r\n");
}

TEST_CASE("a file holding NUL bytes is refused, not read in part")
{
  CHECK_THROWS_AS(CsvReader::from_memory("bin.csv", std::string_view("id\n1\0\n2\n", 8)),
                  tandem::io::ProblemError);
}

TEST_CASE("a record for a spreadsheet neutralises formulas, keeps numbers")
{
  CHECK(tandem::io::format_spreadsheet_record({"=HYPERLINK(\"http://x\")", "+358 40 123", "-2", "-1.5", "@SUM(A1)", "Linh"})
        == "\"'=HYPERLINK(\"\"http://x\"\")\",'+358 40 123,-2,-1.5,'@SUM(A1),Linh\n");
  CHECK(tandem::io::format_spreadsheet_record({"\tx", "-inf", "- a list item", ""}) == "'\tx,'-inf,'- a list item,\n");
}

TEST_CASE("the delimiter is the most frequent of comma, semicolon and tab on the header line")
{
  CHECK(tandem::io::detect_delimiter("a;b;c\n1,2;3") == ';');
  CHECK(tandem::io::detect_delimiter("a,b,c\n") == ',');
  CHECK(tandem::io::detect_delimiter("a\tb\tc,d\n") == '\t');
  CHECK(tandem::io::detect_delimiter("\"x;y;z\",b\n") == ',');
  CHECK(tandem::io::detect_delimiter("single\n") == ',');
}
