#include "io/workbook.hpp"

#include "io/atomic_file.hpp"
#include "io/error.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <unistd.h>

namespace tandem::io {

namespace {

// libxlsxwriter stamps the workbook (and its zip entries) with this time; a
// fixed one keeps the output byte-for-byte the same for the same input.
constexpr time_t k_fixed_creation_time = 1577836800; // 2020-01-01T00:00:00Z

// A file name in the temporary folder, removed when this goes out of scope.
class TemporaryPath {
public:
  TemporaryPath()
  {
    std::string name = (std::filesystem::temp_directory_path() / "tandem-xlsx-XXXXXX").string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
      throw Error("cannot create a temporary file for the workbook in " +
                  std::filesystem::temp_directory_path().string());
    }
    ::close(fd);
    m_path = name;
  }
  ~TemporaryPath() { std::filesystem::remove(m_path); }
  TemporaryPath(const TemporaryPath&) = delete;
  TemporaryPath& operator=(const TemporaryPath&) = delete;
  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

std::size_t display_width(const SheetCell& cell)
{
  switch (cell.kind) {
  case SheetCell::Kind::text: {
    // Characters, not bytes: UTF-8 continuation bytes do not count.
    return static_cast<std::size_t>(std::count_if(cell.text.begin(), cell.text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  }
  case SheetCell::Kind::number:
    return fmt::format("{}", cell.number).size();
  case SheetCell::Kind::day:
    return 10;
  }
  return 0;
}

void check(lxw_error result, const std::string& what)
{
  if (result != LXW_NO_ERROR) {
    throw Error(fmt::format("{}: {}", what, lxw_strerror(result)));
  }
}

void write_sheet(lxw_workbook* workbook, const Sheet& sheet, lxw_format* bold, lxw_format* day)
{
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (worksheet == nullptr) {
    throw Error(fmt::format("the sheet name \"{}\" is not one Excel takes", sheet.name));
  }
  const std::string where = "sheet " + sheet.name;
  std::vector<std::size_t> widths(sheet.header.size(), 0);
  for (std::size_t column = 0; column < sheet.header.size(); ++column) {
    check(worksheet_write_string(worksheet, 0, static_cast<lxw_col_t>(column), sheet.header[column].c_str(), bold),
          where);
    widths[column] = display_width(SheetCell(sheet.header[column]));
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const auto& cell = sheet.rows[r][c];
      const auto column = static_cast<lxw_col_t>(c);
      if (c >= widths.size()) {
        widths.resize(c + 1, 0);
      }
      widths[c] = std::max(widths[c], display_width(cell));
      switch (cell.kind) {
      case SheetCell::Kind::text:
        if (!cell.text.empty()) {
          check(worksheet_write_string(worksheet, row, column, cell.text.c_str(), nullptr), where);
        }
        break;
      case SheetCell::Kind::number:
        check(worksheet_write_number(worksheet, row, column, cell.number, nullptr), where);
        break;
      case SheetCell::Kind::day: {
        lxw_datetime value{static_cast<int>(cell.day.year()), static_cast<int>(static_cast<unsigned>(cell.day.month())),
                           static_cast<int>(static_cast<unsigned>(cell.day.day())), 0, 0, 0};
        check(worksheet_write_datetime(worksheet, row, column, &value, day), where);
        break;
      }
      }
    }
  }
  for (std::size_t column = 0; column < widths.size(); ++column) {
    const double width = static_cast<double>(std::min<std::size_t>(std::max<std::size_t>(widths[column], 6), 60)) + 2;
    worksheet_set_column(worksheet, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column), width, nullptr);
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  if (!sheet.header.empty()) {
    worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                         static_cast<lxw_col_t>(widths.size() - 1));
  }
}

} // namespace

Sheet typed_sheet(std::string name, std::vector<std::string> header, const std::vector<ColumnKind>& kinds,
                  const std::vector<std::vector<std::string>>& rows)
{
  Sheet sheet{std::move(name), std::move(header), {}};
  for (const auto& row : rows) {
    std::vector<SheetCell> cells;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto& text = row[c];
      const ColumnKind kind = c < kinds.size() ? kinds[c] : ColumnKind::text;
      if (kind == ColumnKind::day) {
        if (const auto day = model::parse_date(text)) {
          cells.emplace_back(*day);
          continue;
        }
      } else if (kind == ColumnKind::number && !text.empty()) {
        char* end = nullptr;
        const double number = std::strtod(text.c_str(), &end);
        if (end == text.c_str() + text.size()) {
          cells.emplace_back(number);
          continue;
        }
      }
      cells.emplace_back(text);
    }
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

void write_workbook(const std::filesystem::path& path, const std::vector<Sheet>& sheets)
{
  const TemporaryPath temporary;
  lxw_workbook* workbook = workbook_new(temporary.path().c_str());
  if (workbook == nullptr) {
    throw Error(fmt::format("{}: cannot start the workbook", path.string()));
  }
  lxw_doc_properties properties{};
  properties.created = k_fixed_creation_time;
  workbook_set_properties(workbook, &properties);
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* day = workbook_add_format(workbook);
  format_set_num_format_index(day, 14); // the reader's short date: d.m.yyyy in Finnish, m/d/yyyy in US English
  try {
    for (const auto& sheet : sheets) {
      write_sheet(workbook, sheet, bold, day);
    }
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check(workbook_close(workbook), path.string());
  write_file_atomically(path, read_file(temporary.path(), path.string()));
}

} // namespace tandem::io
