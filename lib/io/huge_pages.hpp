#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// Large buffers of the matching run (tens of millions of candidates) on
// transparent huge pages where the kernel offers them: on a virtual machine
// each page fault is costly, and a 2 MiB page takes one fault where 4 KiB
// pages take 512 (docs/performance.md, round 9). Advice only: the contents and
// the results never depend on it.
namespace tandem::io {

constexpr std::uintptr_t huge_page_bytes = std::uintptr_t{2} << 20;

// The whole huge pages inside [address, address + bytes): {begin, end}, with
// begin == end when none fits.
struct AddressRange {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
};
AddressRange huge_page_interior(std::uintptr_t address, std::size_t bytes);

// Asks the kernel (madvise MADV_HUGEPAGE) to back the whole huge pages inside
// the buffer with huge pages when they are first touched.
void advise_huge_pages(const void* data, std::size_t bytes);

// reserve(count), then the advice on the reserved room, before any of it is touched.
template <typename T>
void reserve_on_huge_pages(std::vector<T>& buffer, std::size_t count)
{
  buffer.reserve(count);
  advise_huge_pages(buffer.data(), buffer.capacity() * sizeof(T));
}

} // namespace tandem::io
