#pragma once

#include <algorithm>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

namespace tandem::match {

// How many parts for_each_part cuts [0, count) into: one per core, none empty.
inline std::size_t part_count(std::size_t count)
{
  const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
  return std::min(count, cores);
}

// Runs `work(part, first, last)` on consecutive parts of [0, count), one part
// per core, the calling thread taking the first, and returns when all are
// done. Each part must write only its own results: then what comes out never
// depends on the number of cores or on which part finished first.
template <typename Work>
void for_each_part(std::size_t count, const Work& work)
{
  const std::size_t parts = part_count(count);
  std::vector<std::future<void>> later;
  for (std::size_t part = 1; part < parts; ++part) {
    later.push_back(std::async(std::launch::async, [&work, part, parts, count] {
      work(part, part * count / parts, (part + 1) * count / parts);
    }));
  }
  if (parts > 0) {
    work(std::size_t{0}, std::size_t{0}, count / parts);
  }
  for (auto& result : later) {
    result.get();
  }
}

} // namespace tandem::match
