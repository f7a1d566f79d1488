#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/text.hpp"

namespace tandem::io {

class LineSource; // fast-cpp-csv-parser's line reader, kept out of this header

// One CSV record (RFC 4180) and the physical line where it starts.
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// Streams the records of a CSV file, one at a time, so that a file of a million
// rows never has to be held in memory. Quoted fields may hold the delimiter, doubled
// quotes and line breaks (a line break inside a field is read as "\n"). A leading
// UTF-8 byte-order mark is skipped, CRLF and LF line ends are both accepted, and
// lines holding only white space are skipped.
class CsvReader {
public:
  static CsvReader from_file(const std::filesystem::path& path, std::string display_name,
                             char delimiter = ',');
  // A file as a spreadsheet may have saved it: the delimiter (',' ';' or tab) is
  // taken from the header line, and text that is not UTF-8 is read as
  // Windows-1252 (Excel's "CSV (semicolon)" in a Finnish or Swedish locale).
  static CsvReader from_saved_file(const std::filesystem::path& path, std::string display_name);
  // The reader keeps a view of `contents`: it must outlive the reader.
  static CsvReader from_memory(std::string display_name, std::string_view contents,
                               char delimiter = ',');
  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;
  ~CsvReader();

  // Reads the next record; false at the end of the input. Throws tandem::Error
  // for a quoted field that is never closed or a line beyond the reader's limit.
  bool next(CsvRecord& record);

  // True when the input's line ends are CRLF (seen on the first line).
  bool uses_crlf() const { return m_uses_crlf; }
  bool had_bom() const { return m_had_bom; }
  char delimiter() const { return m_delimiter; }
  // True when the file was not UTF-8 and was read as Windows-1252.
  bool was_windows1252() const { return m_owned != nullptr; }
  const std::string& display_name() const { return m_display_name; }

private:
  CsvReader(std::string display_name, std::unique_ptr<LineSource> lines,
            char delimiter, std::string_view raw_start);
  char* next_line();

  std::string m_display_name;
  std::unique_ptr<std::string> m_owned; // the text converted to UTF-8, which m_lines reads
  std::unique_ptr<LineSource> m_lines;
  char m_delimiter;
  bool m_uses_crlf = false;
  bool m_had_bom = false;
  bool m_first_line = true;
};

// The header row of a CSV file: names matched case-insensitively after trimming.
class CsvHeader {
public:
  CsvHeader() = default;
  explicit CsvHeader(std::vector<std::string> names);

  std::optional<std::size_t> find(std::string_view name) const;
  const std::vector<std::string>& names() const { return m_names; }
  std::size_t size() const { return m_names.size(); }

private:
  std::vector<std::string> m_names;
  std::unordered_map<std::string, std::size_t> m_index;
};

// Normalises a header name for matching: trimmed and lower-cased (ASCII).
std::string header_key(std::string_view name);

// A whole CSV file in memory, for the files tandem rewrites (merge, match).
struct CsvTable {
  CsvHeader header;
  std::vector<CsvRecord> rows;
  bool crlf = false;
  bool bom = false;

  // The index of a column; a missing one is added at the end, every row padded.
  std::size_t column(std::string_view name);
  // A row's cell under a column (added when missing).
  std::string& cell(std::size_t row, std::string_view name);
  // The first row whose `column` holds `value` (trimmed); none without the column.
  std::optional<std::size_t> find_row(std::string_view column, std::string_view value) const;
};

CsvTable read_csv_table(CsvReader& reader);

// Formats one record: fields quoted only where RFC 4180 needs it.
std::string format_csv_record(const std::vector<std::string>& fields, char delimiter = ',',
                              bool crlf = false);
std::string format_csv_table(const CsvTable& table);

// A record for a spreadsheet to open (outputs, never workspace files): a text cell
// that starts with =, +, -, @, a tab or a carriage return gets a leading ' (as
// OWASP recommends against formula injection); numbers stay as they are.
std::string format_spreadsheet_record(const std::vector<std::string>& fields);

// A CSV output (',' and '.' decimals) as Excel in a Finnish or Swedish locale
// opens it with a double click: a UTF-8 byte-order mark, ';' between fields,
// CRLF line ends and decimal commas ("8.4" would open as 8 April).
std::string excel_csv(std::string_view csv);

// The delimiter of a header line: whichever of ',' ';' and tab occurs most
// outside quotes (',' on a tie).
char detect_delimiter(std::string_view text);

// The message for a record with more fields than its header has columns.
std::string too_many_fields_message(std::size_t fields, std::size_t columns, char delimiter);

// Calls `visit` with each item of a list cell ("fi:B1;en:C1"), split on
// `separator`, trimmed, empty items skipped. Views into `cell`: nothing is copied.
template <typename Visitor>
void for_each_list_item(std::string_view cell, char separator, Visitor&& visit)
{
  std::size_t begin = 0;
  while (begin <= cell.size()) {
    auto end = cell.find(separator, begin);
    if (end == std::string_view::npos) {
      end = cell.size();
    }
    const auto item = trim(cell.substr(begin, end - begin));
    if (!item.empty()) {
      visit(item);
    }
    begin = end + 1;
  }
}

// The items of a list cell as strings (see for_each_list_item).
std::vector<std::string> split_list(std::string_view cell, char separator = ';');

} // namespace tandem::io
