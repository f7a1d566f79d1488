#include "io/huge_pages.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using tandem::io::huge_page_interior;

namespace {

constexpr std::uintptr_t mib = std::uintptr_t{1} << 20;

// The VmFlags of the mapping of this process that holds `address`, from
// /proc/self/smaps ("" when none is found).
std::string mapping_flags(std::uintptr_t address)
{
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= address && address < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

} // namespace

TEST_CASE("huge_page_interior: the whole 2 MiB pages inside a buffer")
{
  // Worked out by hand: 2 MiB = 0x200000.
  const auto aligned = huge_page_interior(2 * mib, 4 * mib);
  CHECK(aligned.begin == 0x200000);
  CHECK(aligned.end == 0x600000);

  const auto one_byte_late = huge_page_interior(2 * mib + 1, 4 * mib);
  CHECK(one_byte_late.begin == 0x400000);
  CHECK(one_byte_late.end == 0x600000);

  const auto straddling = huge_page_interior(0x1000, 2 * mib); // 0x1000 .. 0x201000: no whole page
  CHECK(straddling.begin == straddling.end);

  const auto empty = huge_page_interior(2 * mib, 0);
  CHECK(empty.begin == empty.end);
}

TEST_CASE("reserve_on_huge_pages: the reserved room is advised, and the vector works as before")
{
  std::vector<int> numbers;
  tandem::io::reserve_on_huge_pages(numbers, 3'000'000); // 12 MB: at least four whole huge pages
  REQUIRE(numbers.capacity() >= 3'000'000);
  const auto interior = huge_page_interior(reinterpret_cast<std::uintptr_t>(numbers.data()),
                                           numbers.capacity() * sizeof(int));
  REQUIRE(interior.begin < interior.end);
  // "hg": the kernel's mark of MADV_HUGEPAGE (proc(5)), whatever THP's system setting.
  CHECK(mapping_flags(interior.begin).find(" hg") != std::string::npos);

  for (int number = 0; number < 3'000'000; ++number) {
    numbers.push_back(number);
  }
  CHECK(numbers[2'999'999] == 2'999'999);
  CHECK(numbers.size() == 3'000'000);
}
