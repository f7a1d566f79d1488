// Benchmark (run on demand, never by ctest): writes a large workspace for
// `tandem report`: by default 1,000,000 students (all leaving at the project's
// end), 100,000 companies (one opening each), 1,000 events, 2,000,000 attendance
// rows, 50,000 placements and 2,020,000 outcomes (every student followed up four
// weeks and six months after leaving), over the example project's span.
//
//   build/tests/bench_report_workspace FOLDER [STUDENTS COMPANIES ATTENDANCE]
//   /usr/bin/time -v build/cli/tandem -C FOLDER report --format json > /dev/null
//
// The data is random but fixed (seeded), valid, and passes `tandem check`.
#include "io/atomic_file.hpp"
#include "model/values.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace {

std::string business_id(long seed)
{
  constexpr int weights[] = {7, 9, 10, 5, 8, 4, 2};
  for (long candidate = seed;; ++candidate) {
    const std::string digits = fmt::format("{:07}", candidate % 10'000'000);
    int sum = 0;
    for (int i = 0; i < 7; ++i) {
      sum += (digits[static_cast<std::size_t>(i)] - '0') * weights[i];
    }
    const int remainder = sum % 11;
    if (remainder != 1) {
      return fmt::format("{}-{}", digits, remainder == 0 ? 0 : 11 - remainder);
    }
  }
}

std::string day_in_project(std::mt19937& random)
{
  // 2021-11-01 .. 2023-10-31: 730 days.
  const auto first = std::chrono::sys_days(std::chrono::year(2021) / 11 / 1);
  return tandem::model::format_date(std::chrono::year_month_day(first + std::chrono::days(random() % 730)));
}

} // namespace

int main(int argc, char** argv)
{
  if (argc < 2) {
    fmt::print(stderr, "usage: {} FOLDER [STUDENTS COMPANIES ATTENDANCE]\n", argv[0]);
    return 2;
  }
  const std::filesystem::path folder = argv[1];
  const long students = argc > 2 ? std::stol(argv[2]) : 1'000'000;
  const long companies = argc > 3 ? std::stol(argv[3]) : 100'000;
  const long attendance = argc > 4 ? std::stol(argv[4]) : 2'000'000;
  const long events = 1000;
  const long placements = std::min(50'000L, std::min(students / 3, companies));
  std::filesystem::create_directories(folder);
  std::mt19937 random(11);

  std::ofstream(folder / "tandem.yaml") << R"(project:
  name: Benchmark
  code: B1
  start: 2021-11-01
  end: 2023-10-31
targets: {companies: 35000, participants: 450000}
terms:
  - {id: 2021-autumn, start: 2021-11-01, end: 2021-12-31}
  - {id: 2022-spring, start: 2022-01-01, end: 2022-07-31}
  - {id: 2022-autumn, start: 2022-08-01, end: 2022-12-31}
  - {id: 2023-spring, start: 2023-01-01, end: 2023-07-31}
  - {id: 2023-autumn, start: 2023-08-01, end: 2023-10-31}
)";

  {
    std::ofstream out(folder / "students.csv");
    out << "id,first_name,last_name,email,group,field,gender,birth_year,employment_status,"
           "education,citizenship,joined,left,available_from\n";
    const char* genders[] = {"female", "male", "other", "undisclosed"};
    const char* statuses[] = {"inactive", "inactive", "unemployed", "employed"};
    for (long i = 0; i < students; ++i) {
      // Everybody leaves at the project's end, after all their activity.
      out << fmt::format("s{},First,Last,s{}@edu.example.fi,{},{},{},{},{},isced3-4,{},{},2023-10-31,2021-11-01\n",
                         i, i, i % 3 == 0 ? "domestic" : "international",
                         i % 2 ? "business" : "engineering", genders[random() % 4],
                         1960 + random() % 45, statuses[random() % 4],
                         i % 3 == 0 ? "FI" : "VN", random() % 4 == 0 ? day_in_project(random) : "");
    }
  }
  {
    std::ofstream out(folder / "companies.yaml");
    out << "companies:\n";
    const char* sizes[] = {"micro", "small", "medium", "large"};
    for (long i = 0; i < companies; ++i) {
      const std::string start = day_in_project(random);
      out << fmt::format("  - id: c{}\n    name: Company {} Oy\n    business_id: {}\n    size: {}\n"
                         "    joined: {}\n    openings:\n      - {{id: c{}-1, kind: either, "
                         "start: {}, end: {}}}\n",
                         i, i, business_id(1'000'000 + i * 7), sizes[random() % 4],
                         day_in_project(random), i, start, start);
    }
  }
  {
    std::ofstream out(folder / "events.yaml");
    out << "events:\n";
    const char* kinds[] = {"workshop", "seminar", "recruitment_event", "info_session", "other"};
    for (long i = 0; i < events; ++i) {
      out << fmt::format("  - {{id: e{}, kind: {}, start: {}T14:00}}\n", i, kinds[random() % 5],
                         day_in_project(random));
    }
  }
  {
    std::ofstream out(folder / "attendance.csv");
    out << "event_id,student_id,company_id\n";
    for (long i = 0; i < attendance; ++i) {
      if (i % 10 == 0) {
        out << fmt::format("e{},,c{}\n", random() % events, random() % companies);
      } else {
        out << fmt::format("e{},s{},\n", random() % events, random() % students);
      }
    }
  }
  {
    std::ofstream out(folder / "placements.csv");
    out << "id,opening_id,international_id,domestic_id,status,start,end\n";
    for (long i = 0; i < placements; ++i) {
      // Students 3i+1 (international) and 3i (domestic): each placed once.
      out << fmt::format("p{},c{}-1,s{},{},{},2022-05-02,2022-08-12\n", i, i, 3 * i + 1,
                         i % 2 ? fmt::format("s{}", 3 * i) : "", i % 10 ? "completed" : "cancelled");
    }
  }
  {
    std::ofstream out(folder / "outcomes.csv");
    out << "student_id,date,status,employer\n";
    for (long i = 0; i < std::min(20'000L, placements); ++i) {
      out << fmt::format("s{},2022-10-0{},{},c{}\n", 3 * i + 1, 1 + i % 9,
                         i % 3 ? "employed" : "job_seeking", i);
    }
    // Every student followed up four weeks and six months after leaving (2023-10-31),
    // as the funder's result indicators ask.
    const char* statuses[] = {"employed", "in_education", "job_seeking", "inactive", "self_employed"};
    for (long i = 0; i < students; ++i) {
      out << fmt::format("s{},2023-11-{:02},{},\n", i, 1 + random() % 28, statuses[random() % 5]);
      out << fmt::format("s{},2024-04-{:02},{},\n", i, 1 + random() % 28, statuses[random() % 5]);
    }
  }
  fmt::print("wrote {}\n", folder.string());
  return 0;
}
