#include "io/csv.hpp"

#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/encoding.hpp"

// fast-cpp-csv-parser's own code trips warnings once inlined into ours (g++ only:
// clang, for the fuzz build, has no such warning).
#pragma GCC diagnostic push
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#endif
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>

namespace tandem::io {

class LineSource : public ::io::LineReader {
public:
  using ::io::LineReader::LineReader;
};

namespace {

bool is_space(char c)
{
  return c == ' ' || c == '\t';
}

// Incremental RFC 4180 field splitter: fed one physical line at a time, it keeps
// its state across lines while a quoted field is open. It copies whole runs of
// text between delimiters and quotes, and reuses the strings of the previous
// record, so that reading a large file allocates little.
class RecordSplitter {
public:
  RecordSplitter(char delimiter, std::vector<std::string>& fields)
    : m_delimiter(delimiter), m_fields(fields)
  {
    start_field();
  }

  // Returns true when the record is complete after this line.
  bool feed(std::string_view line)
  {
    std::size_t i = 0;
    for (;;) {
      if (m_in_quotes) {
        const auto quote = line.find('"', i);
        if (quote == std::string_view::npos) {
          current().append(line.substr(i));
          current() += '\n';
          return false;
        }
        current().append(line.substr(i, quote - i));
        if (quote + 1 < line.size() && line[quote + 1] == '"') {
          current() += '"';
          i = quote + 2;
          continue;
        }
        m_in_quotes = false;
        i = quote + 1;
        // Lenient like spreadsheets: text after a closing quote is kept.
      } else if (m_at_field_start && i < line.size() && line[i] == '"') {
        m_in_quotes = true;
        m_at_field_start = false;
        ++i;
        continue;
      }
      // Unquoted text (a stray quote in it is kept as it stands) up to the delimiter.
      const auto delimiter = line.find(m_delimiter, i);
      if (delimiter == std::string_view::npos) {
        current().append(line.substr(i));
        m_fields.resize(m_count);
        return true;
      }
      current().append(line.substr(i, delimiter - i));
      start_field();
      i = delimiter + 1;
    }
  }

private:
  void start_field()
  {
    if (m_count < m_fields.size()) {
      m_fields[m_count].clear();
    } else {
      m_fields.emplace_back();
    }
    ++m_count;
    m_at_field_start = true;
  }
  std::string& current() { return m_fields[m_count - 1]; }

  char m_delimiter;
  std::vector<std::string>& m_fields;
  std::size_t m_count = 0;
  bool m_in_quotes = false;
  bool m_at_field_start = true;
};

bool starts_with_crlf_line(std::string_view raw)
{
  const auto newline = raw.find('\n');
  return newline != std::string_view::npos && newline > 0 && raw[newline - 1] == '\r';
}

// A NUL byte never occurs in text, and the line reader would cut a line at it:
// such a file is refused rather than read in part. (A file is probed at its start.)
// `text` is the start of the input (up to 64 KiB).
void reject_unreadable(std::string_view text, const std::string& display_name)
{
  if (text.find('\0') != std::string_view::npos) {
    throw ProblemError({display_name, 0, 0, Severity::error,
                        "not a text file (it holds NUL bytes): save it as CSV, UTF-8"});
  }
  // Lines ended by a carriage return alone ("CSV (Macintosh)", old Mac tools) would
  // read as one header line and no rows: refused, so that no command acts on a file
  // it could not read whole.
  if (text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos) {
    throw ProblemError({display_name, 1, 0, Severity::error,
                        "the lines end in a carriage return alone (as \"CSV (Macintosh)\" saves them): "
                        "save the file as \"CSV UTF-8\", or convert it with tr '\\r' '\\n'"});
  }
}

bool line_is_blank(std::string_view line)
{
  for (const char c : line) {
    if (!is_space(c)) {
      return false;
    }
  }
  return true;
}

} // namespace

CsvReader::CsvReader(std::string display_name, std::unique_ptr<LineSource> lines,
                     char delimiter, std::string_view raw_start)
  : m_display_name(std::move(display_name)),
    m_lines(std::move(lines)),
    m_delimiter(delimiter),
    m_uses_crlf(starts_with_crlf_line(raw_start)),
    m_had_bom(without_bom(raw_start).size() != raw_start.size())
{
}

CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

CsvReader CsvReader::from_file(const std::filesystem::path& path, std::string display_name,
                               char delimiter)
{
  refuse_folder(path, display_name);
  std::ifstream probe(path, std::ios::binary);
  if (!probe) {
    throw Error(fmt::format("{}: cannot open the file: {}", display_name,
                            std::strerror(errno)));
  }
  std::string raw_start(64 * 1024, '\0');
  probe.read(raw_start.data(), static_cast<std::streamsize>(raw_start.size()));
  raw_start.resize(static_cast<std::size_t>(probe.gcount()));
  reject_unreadable(raw_start, display_name);
  try {
    auto lines = std::make_unique<LineSource>(path.string());
    return CsvReader(std::move(display_name), std::move(lines), delimiter, raw_start);
  } catch (const ::io::error::base& e) {
    throw Error(fmt::format("{}: cannot read the file: {}", display_name, e.what()));
  }
}

CsvReader CsvReader::from_saved_file(const std::filesystem::path& path, std::string display_name)
{
  refuse_folder(path, display_name);
  std::ifstream probe(path, std::ios::binary);
  if (!probe) {
    throw Error(fmt::format("{}: cannot open the file: {}", display_name, std::strerror(errno)));
  }
  constexpr std::size_t probe_size = 64 * 1024;
  std::string raw_start(probe_size, '\0');
  probe.read(raw_start.data(), static_cast<std::streamsize>(raw_start.size()));
  raw_start.resize(static_cast<std::size_t>(probe.gcount()));
  // A probe cut at its end may split a character: its last 3 bytes are not judged.
  const std::string_view judged(raw_start.data(), raw_start.size() < probe_size ? raw_start.size()
                                                                                 : raw_start.size() - 3);
  const char delimiter = detect_delimiter(without_bom(raw_start));
  if (is_valid_utf8(without_bom(judged))) {
    return from_file(path, std::move(display_name), delimiter);
  }
  // Not UTF-8: a spreadsheet's Windows-1252, converted whole (such files are small).
  auto converted = std::make_unique<std::string>(windows1252_to_utf8(read_file(path, display_name)));
  auto reader = from_memory(std::move(display_name), *converted, delimiter);
  reader.m_owned = std::move(converted);
  return reader;
}

CsvReader CsvReader::from_memory(std::string display_name, std::string_view contents,
                                 char delimiter)
{
  reject_unreadable(contents, display_name);
  // fast-cpp-csv-parser copies from the pointer even when the text is empty, and
  // an empty view may hold null (UBSan found it through the fuzz replays).
  const char* begin = contents.data() == nullptr ? "" : contents.data();
  auto lines = std::make_unique<LineSource>(display_name, begin, begin + contents.size());
  return CsvReader(std::move(display_name), std::move(lines), delimiter, contents);
}

char* CsvReader::next_line()
{
  try {
    char* line = m_lines->next_line();
    if (line != nullptr && m_first_line) {
      m_first_line = false;
      const std::string_view first(line);
      line += first.size() - without_bom(first).size();
    }
    return line;
  } catch (const ::io::error::base& e) {
    throw Error(fmt::format("{}: {}", m_display_name, e.what()));
  }
}

bool CsvReader::next(CsvRecord& record)
{
  for (;;) {
    char* line = next_line();
    if (line == nullptr) {
      return false;
    }
    const std::string_view first(line);
    if (line_is_blank(first)) {
      continue;
    }
    record.line = m_lines->get_file_line();
    RecordSplitter splitter(m_delimiter, record.fields);
    bool complete = splitter.feed(first);
    while (!complete) {
      line = next_line();
      if (line == nullptr) {
        throw ProblemError({m_display_name, record.line, 0, Severity::error,
                            "a quoted field opened on this line is never closed (a '\"' is missing)"});
      }
      complete = splitter.feed(line);
    }
    return true;
  }
}

std::string header_key(std::string_view name)
{
  return to_lower_ascii(trim(name));
}

CsvHeader::CsvHeader(std::vector<std::string> names) : m_names(std::move(names))
{
  for (std::size_t i = 0; i < m_names.size(); ++i) {
    m_index.emplace(header_key(m_names[i]), i); // the first of two equal names wins
  }
}

std::optional<std::size_t> CsvHeader::find(std::string_view name) const
{
  const auto it = m_index.find(header_key(name));
  if (it == m_index.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::size_t CsvTable::column(std::string_view name)
{
  if (const auto found = header.find(name)) {
    return *found;
  }
  auto names = header.names();
  names.emplace_back(name);
  header = CsvHeader(std::move(names));
  for (auto& row : rows) {
    row.fields.resize(header.size());
  }
  return header.size() - 1;
}

std::string& CsvTable::cell(std::size_t row, std::string_view name)
{
  const std::size_t index = column(name);
  auto& fields = rows[row].fields;
  if (fields.size() <= index) {
    fields.resize(header.size());
  }
  return fields[index];
}

std::optional<std::size_t> CsvTable::find_row(std::string_view column_name, std::string_view value) const
{
  const auto index = header.find(column_name);
  if (!index) {
    return std::nullopt;
  }
  for (std::size_t row = 0; row < rows.size(); ++row) {
    if (*index < rows[row].fields.size() && trim(rows[row].fields[*index]) == value) {
      return row;
    }
  }
  return std::nullopt;
}

CsvTable read_csv_table(CsvReader& reader)
{
  CsvTable table;
  table.crlf = reader.uses_crlf();
  table.bom = reader.had_bom();
  CsvRecord record;
  if (!reader.next(record)) {
    return table;
  }
  table.header = CsvHeader(std::move(record.fields));
  while (reader.next(record)) {
    table.rows.push_back(record);
  }
  return table;
}

std::string format_csv_record(const std::vector<std::string>& fields, char delimiter, bool crlf)
{
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += delimiter;
    }
    const std::string& field = fields[i];
    const bool needs_quotes = field.find_first_of(std::string{delimiter, '"', '\r', '\n'})
                                != std::string::npos
                              || (!field.empty() && (is_space(field.front()) || is_space(field.back())));
    if (!needs_quotes) {
      out += field;
      continue;
    }
    out += '"';
    for (const char c : field) {
      if (c == '"') {
        out += '"';
      }
      out += c;
    }
    out += '"';
  }
  out += crlf ? "\r\n" : "\n";
  return out;
}

std::string format_spreadsheet_record(const std::vector<std::string>& fields)
{
  std::vector<std::string> safe;
  safe.reserve(fields.size());
  for (const auto& field : fields) {
    double number = 0;
    const auto [end, problem] = std::from_chars(field.data(), field.data() + field.size(), number);
    const bool is_number = problem == std::errc{} && end == field.data() + field.size() && std::isfinite(number);
    const bool formula = !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
    safe.push_back(formula && !is_number ? "'" + field : field);
  }
  return format_csv_record(safe);
}

std::string format_csv_table(const CsvTable& table)
{
  std::string out;
  if (table.bom) {
    out += utf8_bom;
  }
  out += format_csv_record(table.header.names(), ',', table.crlf);
  for (const CsvRecord& row : table.rows) {
    out += format_csv_record(row.fields, ',', table.crlf);
  }
  return out;
}

std::string excel_csv(std::string_view csv)
{
  auto reader = CsvReader::from_memory("output", csv);
  std::string out(utf8_bom);
  CsvRecord record;
  while (reader.next(record)) {
    for (auto& field : record.fields) {
      const auto point = field.find('.');
      double ignored = 0;
      if (point != std::string::npos && point > 0 && point + 1 < field.size()
          && std::from_chars(field.data(), field.data() + field.size(), ignored).ptr == field.data() + field.size()) {
        field[point] = ',';
      }
    }
    out += format_csv_record(record.fields, ';', true);
  }
  return out;
}

char detect_delimiter(std::string_view text)
{
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  std::size_t tabs = 0;
  bool in_quotes = false;
  for (const char c : text) {
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes && (c == '\n' || c == '\r')) {
      break;
    } else if (!in_quotes) {
      commas += c == ',' ? 1 : 0;
      semicolons += c == ';' ? 1 : 0;
      tabs += c == '\t' ? 1 : 0;
    }
  }
  if (semicolons > commas && semicolons >= tabs) {
    return ';';
  }
  return tabs > commas && tabs > semicolons ? '\t' : ',';
}

std::string too_many_fields_message(std::size_t fields, std::size_t columns, char delimiter)
{
  return fmt::format("{} fields, but the header has {} columns (an unquoted {} in a value?)",
                     fields, columns, delimiter == '\t' ? "tab" : fmt::format("'{}'", delimiter));
}

std::vector<std::string> split_list(std::string_view cell, char separator)
{
  std::vector<std::string> items;
  for_each_list_item(cell, separator, [&](std::string_view item) { items.emplace_back(item); });
  return items;
}

} // namespace tandem::io
