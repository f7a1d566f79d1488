#pragma once

// The libFuzzer entry point every target defines, and the check that turns a
// broken property into a crash the fuzzer reports (and a replay test fails on).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace tandem::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void property_broken(const char* what)
{
  std::fprintf(stderr, "property broken: %s\n", what);
  std::abort();
}

#define TANDEM_FUZZ_CHECK(condition) \
  ((condition) ? static_cast<void>(0) : ::tandem::fuzz::property_broken(#condition))

} // namespace tandem::fuzz
