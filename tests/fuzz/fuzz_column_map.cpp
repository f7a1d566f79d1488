// The import column mapper: a --map file of any bytes, then every line of the
// same bytes looked up as an export header and as a value word.
#include "fuzz_target.hpp"

#include "import/column_map.hpp"
#include "io/diagnostics.hpp"

#include <algorithm>

using namespace tandem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = fuzz::as_text(data, size);
  for (const auto kind : {import::ImportKind::students, import::ImportKind::companies,
                          import::ImportKind::attendance}) {
    auto map = import::ColumnMap::built_in(kind);
    io::Diagnostics diagnostics;
    map.add_file(text, "map.yaml", diagnostics);
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = std::min(text.find('\n', start), text.size());
      const auto line = text.substr(start, end - start);
      if (const auto target = map.target(line); target && !target->empty()) {
        // A header maps to a contract column, or is dropped: never to anything else.
        const auto& columns = map.columns();
        TANDEM_FUZZ_CHECK(std::find(columns.begin(), columns.end(), *target) != columns.end());
      }
      map.translate("group", line);
      // The key is a normal form: applying it twice changes nothing.
      const auto key = import::alias_key(line);
      TANDEM_FUZZ_CHECK(import::alias_key(key) == key);
      start = end + 1;
    }
  }
  return 0;
}
