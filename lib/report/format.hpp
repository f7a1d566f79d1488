#pragma once

#include "io/workbook.hpp"
#include "report/indicators.hpp"

#include <string>

// The formats of `tandem report`: the same figures, as a Markdown table for the
// terminal, CSV for a spreadsheet, JSON for scripts (cli.md's shape), and one
// self-contained HTML page with inline SVG charts for a steering group, and the
// Markdown tables as the sheets of an Excel workbook (numbers as numbers, "<5" as text).
namespace tandem::report {

std::string to_markdown(const Report& report);
std::string to_csv(const Report& report);
std::string to_json(const Report& report);
std::string to_html(const Report& report);
std::vector<io::Sheet> to_sheets(const Report& report);

// A cell as text: its value, "<N" below the public threshold, "x" when hidden.
std::string cell_text(const Cell& cell, const Report& report);

} // namespace tandem::report
