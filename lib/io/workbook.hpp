#pragma once

#include "model/values.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::io {

// One spreadsheet cell: text, a number, or a day (shown in the reader's own date
// format: 1.9.2026 in a Finnish Excel). Empty text is an empty cell.
struct SheetCell {
  enum class Kind { text, number, day };
  Kind kind = Kind::text;
  std::string text;
  double number = 0;
  model::Date day{};

  SheetCell(std::string value) : text(std::move(value)) {}
  SheetCell(const char* value) : text(value) {}
  SheetCell(double value) : kind(Kind::number), number(value) {}
  SheetCell(long value) : kind(Kind::number), number(static_cast<double>(value)) {}
  SheetCell(int value) : kind(Kind::number), number(value) {}
  SheetCell(std::size_t value) : kind(Kind::number), number(static_cast<double>(value)) {}
  SheetCell(model::Date value) : kind(Kind::day), day(value) {}
};

// A table as one worksheet: a bold header row, frozen, with a filter.
struct Sheet {
  std::string name; // at most 31 characters, none of []:*?/\ (Excel's rules)
  std::vector<std::string> header;
  std::vector<std::vector<SheetCell>> rows;
};

// What a column of text holds, for typed_sheet.
enum class ColumnKind { text, number, day };

// A sheet from rows of text, each column turned into its declared kind (an ISO
// day into a day, a number into a number); a cell that does not read as its
// kind, or is empty, stays text. Declared, never guessed: an id of digits stays text.
Sheet typed_sheet(std::string name, std::vector<std::string> header, const std::vector<ColumnKind>& kinds,
                  const std::vector<std::vector<std::string>>& rows);

// Writes `sheets` as an Excel workbook (.xlsx) at `path`, atomically (see
// write_file_atomically). The same sheets give the same bytes: the workbook's
// creation time is fixed, not the clock's. Throws tandem::Error naming the path.
void write_workbook(const std::filesystem::path& path, const std::vector<Sheet>& sheets);

} // namespace tandem::io
