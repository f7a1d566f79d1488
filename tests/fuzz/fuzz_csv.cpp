// The CSV reader on any bytes: it reads or reports a problem, never crashes;
// what it reads, written back and read again, is the same. The delimiter is
// chosen by the input's length: each reader allocates fast-cpp-csv-parser's
// 48 MB buffer, which makes a CSV read slow under the sanitizers, so one read
// (and one read back) per input.
#include "fuzz_target.hpp"

#include "io/csv.hpp"
#include "io/diagnostics.hpp"

using namespace tandem;

namespace {

io::CsvTable read_table(std::string_view text, char delimiter)
{
  auto reader = io::CsvReader::from_memory("fuzz.csv", text, delimiter);
  return io::read_csv_table(reader);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = fuzz::as_text(data, size);
  constexpr char delimiters[] = {',', ';', '\t'};
  io::CsvTable table;
  try {
    table = read_table(text, delimiters[size % 3]);
  } catch (const Error&) {
    return 0; // a problem reported with its place: the reader's job
  }
  io::CsvTable again;
  try {
    again = read_table(io::format_csv_table(table), ',');
  } catch (const Error& e) {
    fuzz::property_broken(e.what()); // tandem must read back what it writes
  }
  TANDEM_FUZZ_CHECK(again.header.names() == table.header.names());
  TANDEM_FUZZ_CHECK(again.rows.size() == table.rows.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    TANDEM_FUZZ_CHECK(again.rows[i].fields == table.rows[i].fields);
  }
  return 0;
}
