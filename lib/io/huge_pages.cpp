#include "io/huge_pages.hpp"

#include <sys/mman.h>

namespace tandem::io {

AddressRange huge_page_interior(std::uintptr_t address, std::size_t bytes)
{
  const std::uintptr_t begin = (address + huge_page_bytes - 1) & ~(huge_page_bytes - 1);
  const std::uintptr_t end = (address + bytes) & ~(huge_page_bytes - 1);
  return begin < end ? AddressRange{begin, end} : AddressRange{begin, begin};
}

void advise_huge_pages(const void* data, std::size_t bytes)
{
  const auto range = huge_page_interior(reinterpret_cast<std::uintptr_t>(data), bytes);
  if (range.begin < range.end) {
    // Refused (no THP in this kernel, or "never"): the pages stay small, nothing else changes.
    static_cast<void>(madvise(reinterpret_cast<void*>(range.begin), range.end - range.begin, MADV_HUGEPAGE));
  }
}

} // namespace tandem::io
