#include "match/parallel.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

using tandem::match::for_each_part;
using tandem::match::part_count;

TEST_CASE("for_each_part: the parts cover the range once each, in order, on at most one core each")
{
  for (const std::size_t count : {0U, 1U, 2U, 3U, 7U, 1000U}) {
    CAPTURE(count);
    std::mutex mutex;
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> parts;
    std::vector<int> visits(count, 0);
    for_each_part(count, [&](std::size_t part, std::size_t first, std::size_t last) {
      for (std::size_t index = first; index < last; ++index) {
        ++visits[index]; // each part only its own indices
      }
      const std::lock_guard lock(mutex);
      parts.emplace_back(part, first, last);
    });
    CHECK(std::all_of(visits.begin(), visits.end(), [](int visited) { return visited == 1; }));
    REQUIRE(parts.size() == part_count(count));
    CHECK(parts.size() <= std::max(1U, std::thread::hardware_concurrency()));
    std::sort(parts.begin(), parts.end());
    std::size_t next = 0;
    for (std::size_t index = 0; index < parts.size(); ++index) {
      const auto [part, first, last] = parts[index];
      CHECK(part == index);
      CHECK(first == next);
      CHECK(first < last); // none empty
      next = last;
    }
    CHECK(next == count);
  }
}
