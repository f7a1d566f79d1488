// Benchmark (run on demand, never by ctest): generates a students.csv of N rows
// and times reading and validating it with the same code `tandem check` runs.
//
//   build/tests/bench_students_csv [ROWS=1000000] [FOLDER=/tmp] [--keep]
//
// With --keep the file stays as FOLDER/tandem-bench-students.csv, to time the
// whole `tandem check` on it (see docs/performance.md).
// Prints the file size, the time, the throughput and the peak resident memory of
// the process (which includes the generator's own buffers: an upper bound).
#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "workspace/readers.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <sys/resource.h>

namespace {

void generate(const std::filesystem::path& path, long rows)
{
  std::ofstream out(path, std::ios::binary);
  out << "id,first_name,last_name,email,group,field,programme,study_year,gender,birth_year,"
         "languages,home_country,citizenship,markets,skills,municipality,available_from,"
         "available_to,employment_status,education,joined,share_profile\n";
  std::mt19937 random(7);
  const char* first[] = {"Linh", "Aino", "Chinedu", "Eetu", "Priya", "Oksana", "Måns", "Thảo"};
  const char* last[] = {"Tran", "Korhonen", "Okafor", "Mäkinen", "Sharma", "Bondar", "Sjöberg"};
  const char* countries[] = {"VN", "NG", "FI", "IN", "UA", "SE", "BR", "KE"};
  std::string line;
  for (long i = 0; i < rows; ++i) {
    const bool international = random() % 3 != 0;
    const char* country = international ? countries[random() % 8] : "FI";
    line = fmt::format(
      "s{},{},{},student{}@edu.example.fi,{},{},\"Bachelor of {}, Kokkola\",{},{},{},"
      "en:C1;fi:{};{}:native,{},{},{};SE,sales;sap,Kokkola,2024-0{}-01,2024-12-31,inactive,"
      "isced3-4,2024-01-{:02},yes\n",
      1'000'000 + i, first[random() % 8], last[random() % 7], i,
      international ? "international" : "domestic", random() % 2 ? "business" : "engineering",
      random() % 2 ? "Business Administration" : "Engineering", 1 + random() % 5,
      random() % 2 ? "female" : "male", 1990 + random() % 15, international ? "A2" : "native",
      international ? "vi" : "sv", country, country, country, 1 + random() % 9, 1 + random() % 28);
    out << line;
  }
}

long peak_rss_kib()
{
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

} // namespace

int main(int argc, char** argv)
{
  const long rows = argc > 1 ? std::stol(argv[1]) : 1'000'000;
  const std::filesystem::path folder = argc > 2 ? argv[2] : "/tmp";
  const auto path = folder / "tandem-bench-students.csv";
  generate(path, rows);
  const auto bytes = std::filesystem::file_size(path);
  const long rss_before = peak_rss_kib();

  const auto start = std::chrono::steady_clock::now();
  tandem::io::Diagnostics diagnostics;
  auto reader = tandem::io::CsvReader::from_file(path, "students.csv");
  long students = 0;
  tandem::workspace::StudentIndex index;
  // As `tandem check` does: every row checked and indexed, no full record kept.
  tandem::workspace::read_students(
    reader, diagnostics, index, [](const tandem::model::Student&) { return false; },
    [&](tandem::model::Student&&) { ++students; });
  students = static_cast<long>(index.size());
  const double seconds =
    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const double megabytes = static_cast<double>(bytes) / 1e6;
  fmt::print("rows {} students {} errors {}\n", rows, students, diagnostics.sorted().size());
  fmt::print("file {:.1f} MB, read and validated in {:.2f} s: {:.0f} MB/s\n", megabytes, seconds,
             megabytes / seconds);
  fmt::print("peak RSS {:.1f} MB ({:.2f} x the file; {:.1f} MB before reading)\n",
             static_cast<double>(peak_rss_kib()) / 1024.0,
             static_cast<double>(peak_rss_kib()) * 1024.0 / static_cast<double>(bytes),
             static_cast<double>(rss_before) / 1024.0);
  if (argc <= 3 || std::string(argv[3]) != "--keep") {
    std::filesystem::remove(path);
  }
  return diagnostics.has_errors() ? 1 : 0;
}
