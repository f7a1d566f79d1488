// Every workspace file's reader: the YAML files (tandem.yaml, companies.yaml,
// events.yaml) all on each input, and one of the CSV files (students,
// attendance, placements, outcomes, a --scores-in table) chosen by the input's
// length (a CSV read is slow under the sanitizers: see fuzz_csv). Each reads or
// reports problems, and never crashes.
#include "fuzz_target.hpp"

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "workspace/readers.hpp"

#include <string>

using namespace tandem;

namespace {

template <typename Read>
void read_csv(std::string_view text, Read read)
{
  io::Diagnostics diagnostics;
  try {
    auto reader = io::CsvReader::from_memory("fuzz.csv", text);
    read(reader, diagnostics);
  } catch (const Error&) {
    // a problem that ends the reading of the file, reported with its place
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = fuzz::as_text(data, size);
  {
    io::Diagnostics diagnostics;
    workspace::read_project(text, "tandem.yaml", diagnostics);
    workspace::read_companies(text, "companies.yaml", diagnostics);
    workspace::read_events(text, "events.yaml", diagnostics);
  }
  switch (size % 5) {
  case 0:
    read_csv(text, [](io::CsvReader& reader, io::Diagnostics& diagnostics) {
      workspace::StudentIndex index;
      std::size_t kept = 0;
      workspace::read_students(
        reader, diagnostics, index, [](const model::Student&) { return true; },
        [&](model::Student&&) { ++kept; });
      TANDEM_FUZZ_CHECK(kept <= index.size() || diagnostics.has_errors());
    });
    break;
  case 1:
    read_csv(text, [](io::CsvReader& reader, io::Diagnostics& diagnostics) {
      workspace::read_attendance(reader, diagnostics);
    });
    break;
  case 2:
    read_csv(text, [](io::CsvReader& reader, io::Diagnostics& diagnostics) {
      workspace::read_placements(reader, diagnostics);
    });
    break;
  case 3:
    read_csv(text, [](io::CsvReader& reader, io::Diagnostics& diagnostics) {
      workspace::read_outcomes(reader, diagnostics);
    });
    break;
  default:
    read_csv(text, [](io::CsvReader& reader, io::Diagnostics& diagnostics) {
      workspace::read_score_table(reader, diagnostics);
    });
    break;
  }
  return 0;
}
