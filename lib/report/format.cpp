#include "report/format.hpp"

#include "io/csv.hpp"
#include "io/text.hpp"
#include "report/feedback.hpp"
#include "report/titles.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tandem::report {

namespace {

std::string set_title(model::IndicatorSet set)
{
  return set == model::IndicatorSet::esf2014
           ? "esf2014: ESF 2014-2020, Regulation (EU) No 1304/2013, Annex I"
           : "esf2021: ESF+ 2021-2027, Regulation (EU) 2021/1057, Annex I";
}

std::string title_of(const Report& report)
{
  const std::string code = report.project_code.empty() ? "" : " (" + report.project_code + ")";
  return fmt::format("{}{}: {} to {}", report.project_name, code,
                     model::format_date(report.period.from), model::format_date(report.period.to));
}

std::string json_cell(const Cell& cell)
{
  return cell.shown == Cell::Shown::value ? std::to_string(cell.value) : "null";
}

// "key" or "key.cell": a cell's name within its list of indicators.
std::string cell_name(const Indicator& indicator, const Cell& cell)
{
  return indicator.breakdown ? indicator.key + "." + cell.key : indicator.key;
}

std::string title_of_cell(const Report& report, const Indicator& indicator, const Cell& cell)
{
  return indicator.breakdown ? std::string(cell_title(indicator.key, cell.key))
                             : std::string(indicator_title(report.set, indicator.key));
}

// A date as people write it in English: "1 November 2021".
std::string written_date(model::Date date)
{
  static constexpr const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                     months[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()));
}

// The indicators as one JSON object.
std::string json_indicators(const std::vector<Indicator>& indicators, std::string_view indent)
{
  std::string out = "{\n";
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const auto& indicator = indicators[i];
    out += fmt::format("{}  {}: ", indent, io::json_string(indicator.key));
    if (indicator.breakdown) {
      out += "{";
      for (std::size_t k = 0; k < indicator.cells.size(); ++k) {
        out += fmt::format("{}{}: {}", k == 0 ? "" : ", ", io::json_string(indicator.cells[k].key),
                           json_cell(indicator.cells[k]));
      }
      out += "}";
    } else {
      out += json_cell(indicator.cells.front());
    }
    out += i + 1 < indicators.size() ? ",\n" : "\n";
  }
  return out + std::string(indent) + "}";
}

std::string json_list(const std::vector<std::string>& items)
{
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : ", ") + io::json_string(items[i]);
  }
  return out + "]";
}

std::string planned_text(const Target& target)
{
  return target.planned ? std::to_string(*target.planned) : "";
}

const Cell& actual_of(const Report& report, const Target& target)
{
  return report.indicator(target.actual_indicator).cells.front();
}

std::string suppression_note(const Report& report)
{
  if (!report.public_threshold) {
    return "";
  }
  return fmt::format("Public report: counts of people from 1 to {} are shown as <{}; a cell "
                     "shown as x is hidden so that no such count can be worked out from the others.",
                     *report.public_threshold - 1, *report.public_threshold);
}

// --- SVG charts -------------------------------------------------------------

struct Bar {
  std::string label;
  const Cell* cell;
  std::string colour;
};

// Horizontal bars, one per row; a suppressed cell gets no bar, only its text.
std::string bar_chart(const std::string& title, const std::vector<Bar>& bars, const Report& report)
{
  long maximum = 1;
  for (const auto& bar : bars) {
    if (bar.cell->shown == Cell::Shown::value) {
      maximum = std::max(maximum, bar.cell->value);
    }
  }
  constexpr int row = 26;
  constexpr int label_width = 200;
  constexpr int bar_width = 360;
  const int height = static_cast<int>(bars.size()) * row + 40;
  std::string svg = fmt::format(
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{}\" role=\"img\" "
    "aria-label=\"{}\">\n<text x=\"0\" y=\"18\" class=\"chart-title\">{}</text>\n",
    height, io::html_escape(title), io::html_escape(title));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    const int y = 32 + static_cast<int>(i) * row;
    const long value = bar.cell->shown == Cell::Shown::value ? bar.cell->value : 0;
    const int width = static_cast<int>(static_cast<double>(value) / static_cast<double>(maximum) * bar_width);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", label_width - 8,
                       y + 15, io::html_escape(bar.label));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
                       label_width, y + 3, width, row - 8, bar.colour);
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", label_width + width + 6, y + 15,
                       io::html_escape(cell_text(*bar.cell, report)));
  }
  return svg + "</svg>\n";
}

std::string targets_chart(const Report& report)
{
  std::vector<Cell> planned;
  planned.reserve(report.targets.size());
  for (const auto& target : report.targets) {
    planned.push_back({target.key, target.planned.value_or(0)});
  }
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < report.targets.size(); ++i) {
    bars.push_back({"Planned " + report.targets[i].key, &planned[i], "#9db4c0"});
    bars.push_back({"Actual " + report.targets[i].key, &actual_of(report, report.targets[i]), "#2a6f97"});
  }
  return bar_chart("Targets against actuals", bars, report);
}

std::string participants_chart(const Report& report)
{
  std::vector<Bar> bars;
  for (const auto* key : {"participants_by_group", "participants_by_gender"}) {
    for (const auto& cell : report.indicator(key).cells) {
      bars.push_back({std::string(cell_title(key, cell.key)), &cell,
                      std::string_view(key) == "participants_by_group" ? "#468faf" : "#a9d6e5"});
    }
  }
  return bar_chart("Participants by group and by gender", bars, report);
}

// Cumulative participants and companies over the months of the period, with the
// targets as dashed lines.
std::string cumulative_chart(const Report& report)
{
  if (report.public_threshold) {
    return "<p class=\"note\">The month-by-month chart is left out of public reports: the "
           "growth from one month to the next could single out a few people.</p>\n";
  }
  const auto& points = report.cumulative;
  long maximum = 1;
  for (const auto& point : points) {
    maximum = std::max({maximum, point.participants, point.companies});
  }
  for (const auto& target : report.targets) {
    maximum = std::max<long>(maximum, target.planned.value_or(0));
  }
  constexpr int left = 50;
  constexpr int top = 50; // room for the title above a target line at the top
  constexpr int width = 560;
  constexpr int height = 220;
  const auto x_of = [&](std::size_t i) {
    return left + (points.size() <= 1 ? 0 : static_cast<int>(i * width / (points.size() - 1)));
  };
  const auto y_of = [&](long value) {
    return top + height - static_cast<int>(static_cast<double>(value) / static_cast<double>(maximum) * height);
  };
  std::string svg = fmt::format(
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"{}\" role=\"img\" "
    "aria-label=\"Cumulative participants and companies\">\n"
    "<text x=\"0\" y=\"18\" class=\"chart-title\">Cumulative participants and companies, with "
    "targets</text>\n"
    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\"/>\n",
    top + height + 40, left, top + height, left + width, top + height);
  const auto polyline = [&](auto value_of, const char* colour) {
    std::string line = fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"", colour);
    for (std::size_t i = 0; i < points.size(); ++i) {
      line += fmt::format("{}{},{}", i == 0 ? "" : " ", x_of(i), y_of(value_of(points[i])));
    }
    return line + "\"/>\n";
  };
  svg += polyline([](const MonthPoint& p) { return p.participants; }, "#2a6f97");
  svg += polyline([](const MonthPoint& p) { return p.companies; }, "#c44536");
  for (const auto& target : report.targets) {
    if (target.planned) {
      const char* colour = target.key == "participants" ? "#2a6f97" : "#c44536";
      svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
                         "stroke-dasharray=\"6 4\"/>\n<text x=\"{}\" y=\"{}\">{} target {}</text>\n",
                         left, y_of(*target.planned), left + width, y_of(*target.planned), colour,
                         left + 4, y_of(*target.planned) - 4, target.key, *target.planned);
    }
  }
  if (!points.empty()) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n<text x=\"{}\" y=\"{}\" "
                       "text-anchor=\"end\">{}</text>\n",
                       left, top + height + 18, model::format_date(points.front().day),
                       left + width, top + height + 18, model::format_date(points.back().day));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#2a6f97\">participants {}</text>\n"
                       "<text x=\"{}\" y=\"{}\" fill=\"#c44536\">companies {}</text>\n",
                       left, top + height + 36, points.back().participants, left + 200,
                       top + height + 36, points.back().companies);
  }
  return svg + "</svg>\n";
}

} // namespace

std::string cell_text(const Cell& cell, const Report& report)
{
  switch (cell.shown) {
  case Cell::Shown::value:
    break;
  case Cell::Shown::below_threshold:
    return fmt::format("<{}", report.public_threshold.value_or(0));
  case Cell::Shown::hidden:
    return "x";
  }
  return std::to_string(cell.value);
}


std::string to_markdown(const Report& report)
{
  std::string out = fmt::format("# {}\n\nIndicator set: {}\n", title_of(report), set_title(report.set));
  if (const auto note = suppression_note(report); !note.empty()) {
    out += "\n" + note + "\n";
  }
  out += "\n## Targets\n\n| target | planned | actual |\n|---|---:|---:|\n";
  for (const auto& target : report.targets) {
    out += fmt::format("| {} | {} | {} |\n", target.key, planned_text(target),
                       cell_text(actual_of(report, target), report));
  }
  out += "\n## Indicators\n\n| indicator | breakdown | value |\n|---|---|---:|\n";
  for (const auto& indicator : report.indicators) {
    for (const auto& cell : indicator.cells) {
      out += fmt::format("| {} | {} | {} |\n", indicator.key, indicator.breakdown ? cell.key : "",
                         cell_text(cell, report));
    }
  }
  out += "\n## By gender\n\n| indicator |";
  std::string rule = "|---|";
  for (const auto& gender : report.gender_keys) {
    out += fmt::format(" {} |", gender);
    rule += "---:|";
  }
  out += "\n" + rule + "\n";
  for (const auto& indicator : report.indicators) {
    for (std::size_t c = 0; c < indicator.by_gender.size(); ++c) {
      out += fmt::format("| {} |", cell_name(indicator, indicator.cells[c]));
      for (const auto& cell : indicator.by_gender[c]) {
        out += fmt::format(" {} |", cell_text(cell, report));
      }
      out += "\n";
    }
  }
  if (!report.feedback.empty()) {
    out += "\n## Feedback (placements ending in the period)\n\n| figure | value |\n|---|---:|\n";
    for (const auto& figure : report.feedback) {
      out += fmt::format("| {} | {} |\n", figure.key, feedback_text(figure, report.public_threshold));
    }
  }
  if (!report.terms.empty()) {
    out += "\n## Terms\n\n| indicator |";
    rule = "|---|";
    for (const auto& row : report.terms) {
      out += fmt::format(" {} ({} to {}) |", row.term, model::format_date(row.period.from),
                         model::format_date(row.period.to));
      rule += "---:|";
    }
    out += "\n" + rule + "\n";
    const auto& first = report.terms.front().indicators;
    for (std::size_t i = 0; i < first.size(); ++i) {
      for (std::size_t c = 0; c < first[i].cells.size(); ++c) {
        out += fmt::format("| {} |", cell_name(first[i], first[i].cells[c]));
        for (const auto& row : report.terms) {
          out += fmt::format(" {} |", cell_text(row.indicators[i].cells[c], report));
        }
        out += "\n";
      }
    }
  }
  return out;
}

namespace {

// A figure as a number, or its text when a public report does not show the value.
io::SheetCell sheet_cell(const Cell& cell, const Report& report)
{
  return cell.shown == Cell::Shown::value ? io::SheetCell(cell.value) : io::SheetCell(cell_text(cell, report));
}

io::SheetCell sheet_cell(const FeedbackFigure& figure, const Report& report)
{
  if (figure.shown == Cell::Shown::value && figure.count) {
    return {*figure.count};
  }
  if (figure.shown == Cell::Shown::value && figure.ratio) {
    return {*figure.ratio};
  }
  return {feedback_text(figure, report.public_threshold)};
}

} // namespace

std::vector<io::Sheet> to_sheets(const Report& report)
{
  std::vector<io::Sheet> sheets;
  io::Sheet about{"Report", {"item", "value"}, {}};
  about.rows.push_back({"title", title_of(report)});
  about.rows.push_back({"indicator set", set_title(report.set)});
  about.rows.push_back({"from", report.period.from});
  about.rows.push_back({"to", report.period.to});
  if (const auto note = suppression_note(report); !note.empty()) {
    about.rows.push_back({"note", note});
  }
  sheets.push_back(std::move(about));

  io::Sheet targets{"Targets", {"target", "planned", "actual"}, {}};
  for (const auto& target : report.targets) {
    targets.rows.push_back({target.key,
                            target.planned ? io::SheetCell(*target.planned) : io::SheetCell(std::string()),
                            sheet_cell(actual_of(report, target), report)});
  }
  sheets.push_back(std::move(targets));

  io::Sheet indicators{"Indicators", {"indicator", "breakdown", "value"}, {}};
  for (const auto& indicator : report.indicators) {
    for (const auto& cell : indicator.cells) {
      indicators.rows.push_back(
        {indicator.key, indicator.breakdown ? cell.key : std::string(), sheet_cell(cell, report)});
    }
  }
  sheets.push_back(std::move(indicators));

  io::Sheet by_gender{"By gender", {"indicator"}, {}};
  by_gender.header.insert(by_gender.header.end(), report.gender_keys.begin(), report.gender_keys.end());
  for (const auto& indicator : report.indicators) {
    for (std::size_t c = 0; c < indicator.by_gender.size(); ++c) {
      std::vector<io::SheetCell> row{cell_name(indicator, indicator.cells[c])};
      for (const auto& cell : indicator.by_gender[c]) {
        row.push_back(sheet_cell(cell, report));
      }
      by_gender.rows.push_back(std::move(row));
    }
  }
  sheets.push_back(std::move(by_gender));

  if (!report.feedback.empty()) {
    io::Sheet feedback{"Feedback", {"figure", "value"}, {}};
    for (const auto& figure : report.feedback) {
      feedback.rows.push_back({figure.key, sheet_cell(figure, report)});
    }
    sheets.push_back(std::move(feedback));
  }
  if (!report.terms.empty()) {
    io::Sheet terms{"Terms", {"indicator"}, {}};
    for (const auto& row : report.terms) {
      terms.header.push_back(fmt::format("{} ({} to {})", row.term, model::format_date(row.period.from),
                                         model::format_date(row.period.to)));
    }
    const auto& first = report.terms.front().indicators;
    for (std::size_t i = 0; i < first.size(); ++i) {
      for (std::size_t c = 0; c < first[i].cells.size(); ++c) {
        std::vector<io::SheetCell> line{cell_name(first[i], first[i].cells[c])};
        for (const auto& row : report.terms) {
          line.push_back(sheet_cell(row.indicators[i].cells[c], report));
        }
        terms.rows.push_back(std::move(line));
      }
    }
    sheets.push_back(std::move(terms));
  }
  return sheets;
}

std::string to_csv(const Report& report)
{
  std::string out = io::format_csv_record({"indicator", "breakdown", "value"});
  out += io::format_csv_record({"period", "from", model::format_date(report.period.from)});
  out += io::format_csv_record({"period", "to", model::format_date(report.period.to)});
  out += io::format_csv_record({"indicator_set", "", std::string(model::to_string(report.set))});
  for (const auto& indicator : report.indicators) {
    for (const auto& cell : indicator.cells) {
      out += io::format_csv_record(
        {indicator.key, indicator.breakdown ? cell.key : "", cell_text(cell, report)});
    }
  }
  for (const auto& indicator : report.indicators) {
    for (std::size_t c = 0; c < indicator.by_gender.size(); ++c) {
      for (const auto& cell : indicator.by_gender[c]) {
        out += io::format_csv_record({"by_gender." + cell_name(indicator, indicator.cells[c]), cell.key,
                                      cell_text(cell, report)});
      }
    }
  }
  for (const auto& target : report.targets) {
    out += io::format_csv_record({"targets." + target.key, "planned", planned_text(target)});
    out += io::format_csv_record(
      {"targets." + target.key, "actual", cell_text(actual_of(report, target), report)});
  }
  for (const auto& row : report.terms) {
    for (const auto& indicator : row.indicators) {
      for (const auto& cell : indicator.cells) {
        out += io::format_csv_record({"terms." + row.term, cell_name(indicator, cell), cell_text(cell, report)});
      }
    }
  }
  for (const auto& figure : report.feedback) {
    out += io::format_csv_record({"feedback", figure.key, feedback_text(figure, report.public_threshold)});
  }
  return out;
}

std::string to_json(const Report& report)
{
  std::string out = "{\n";
  out += fmt::format("  \"period\": {{\"from\": \"{}\", \"to\": \"{}\"}},\n",
                     model::format_date(report.period.from), model::format_date(report.period.to));
  out += fmt::format("  \"indicator_set\": \"{}\",\n", model::to_string(report.set));
  out += "  \"indicators\": " + json_indicators(report.indicators, "  ") + ",\n";
  out += "  \"by_gender\": {";
  bool first = true;
  for (const auto& indicator : report.indicators) {
    for (std::size_t c = 0; c < indicator.by_gender.size(); ++c) {
      out += fmt::format("{}\n    {}: {{", first ? "" : ",", io::json_string(cell_name(indicator, indicator.cells[c])));
      first = false;
      const auto& cells = indicator.by_gender[c];
      for (std::size_t g = 0; g < cells.size(); ++g) {
        out += fmt::format("{}{}: {}", g == 0 ? "" : ", ", io::json_string(cells[g].key), json_cell(cells[g]));
      }
      out += "}";
    }
  }
  out += first ? "},\n" : "\n  },\n";
  out += "  \"targets\": {";
  for (std::size_t i = 0; i < report.targets.size(); ++i) {
    const auto& target = report.targets[i];
    out += fmt::format("{}{}: {{\"planned\": {}, \"actual\": {}}}", i == 0 ? "" : ", ",
                       io::json_string(target.key),
                       target.planned ? std::to_string(*target.planned) : "null",
                       json_cell(actual_of(report, target)));
  }
  out += "},\n  \"terms\": [";
  for (std::size_t i = 0; i < report.terms.size(); ++i) {
    const auto& row = report.terms[i];
    out += fmt::format("{}\n    {{\"id\": {}, \"from\": \"{}\", \"to\": \"{}\",\n     \"indicators\": {}}}",
                       i == 0 ? "" : ",", io::json_string(row.term), model::format_date(row.period.from),
                       model::format_date(row.period.to), json_indicators(row.indicators, "     "));
  }
  out += report.terms.empty() ? "],\n" : "\n  ],\n";
  out += "  \"feedback\": {";
  for (std::size_t i = 0; i < report.feedback.size(); ++i) {
    const auto& figure = report.feedback[i];
    // Counts and ratios (a share from 0 to 1) as numbers; hidden, or without answers, null.
    std::string value = "null";
    if (figure.shown == Cell::Shown::value) {
      value = figure.count ? std::to_string(*figure.count)
              : figure.ratio ? fmt::format("{:.4f}", *figure.ratio)
                             : "null";
    }
    out += fmt::format("{}\n    {}: {}", i == 0 ? "" : ",", io::json_string(figure.key), value);
  }
  out += report.feedback.empty() ? "},\n" : "\n  },\n";
  out += fmt::format("  \"suppressed\": {{\"primary\": {}, \"secondary\": {}}}\n}}\n",
                     json_list(report.suppressed.primary), json_list(report.suppressed.secondary));
  return out;
}

std::string to_html(const Report& report)
{
  std::string out = fmt::format(R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{0}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #1d1d1d; max-width: 64em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #c8c8c8; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }}
td.number, th.number {{ text-align: right; }}
td.sub {{ padding-left: 1.6em; }}
svg {{ display: block; margin: 1.5em 0; font-size: 13px; }}
.chart-title {{ font-weight: bold; font-size: 15px; }}
.note {{ color: #555; }}
</style>
</head>
<body>
<h1>{1}</h1>
<p>{2} to {3}. Indicator set: {4}</p>
)",
                                io::html_escape(title_of(report)),
                                io::html_escape(report.project_name + (report.project_code.empty() ? "" : " (" + report.project_code + ")")),
                                written_date(report.period.from), written_date(report.period.to),
                                io::html_escape(set_title(report.set)));
  if (const auto note = suppression_note(report); !note.empty()) {
    out += fmt::format("<p class=\"note\">{}</p>\n", io::html_escape(note));
  }
  out += targets_chart(report);
  out += participants_chart(report);
  out += cumulative_chart(report);
  out += "<h2>Indicators</h2>\n<table>\n<tr><th>indicator</th><th class=\"number\">value</th></tr>\n";
  for (const auto& indicator : report.indicators) {
    if (!indicator.breakdown) {
      out += fmt::format("<tr><td>{}</td><td class=\"number\">{}</td></tr>\n",
                         io::html_escape(indicator_title(report.set, indicator.key)),
                         io::html_escape(cell_text(indicator.cells.front(), report)));
      continue;
    }
    out += fmt::format("<tr><th colspan=\"2\">{}</th></tr>\n", io::html_escape(indicator_title(report.set, indicator.key)));
    for (const auto& cell : indicator.cells) {
      out += fmt::format("<tr><td class=\"sub\">{}</td><td class=\"number\">{}</td></tr>\n",
                         io::html_escape(cell_title(indicator.key, cell.key)), io::html_escape(cell_text(cell, report)));
    }
  }
  out += "</table>\n<h2>By gender</h2>\n<table>\n<tr><th>indicator</th>";
  for (const auto& gender : report.gender_keys) {
    out += fmt::format("<th class=\"number\">{}</th>", io::html_escape(cell_title("participants_by_gender", gender)));
  }
  out += "<th class=\"number\">all</th></tr>\n";
  for (const auto& indicator : report.indicators) {
    for (std::size_t c = 0; c < indicator.by_gender.size(); ++c) {
      out += fmt::format("<tr><td>{}</td>", io::html_escape(title_of_cell(report, indicator, indicator.cells[c])));
      for (const auto& cell : indicator.by_gender[c]) {
        out += fmt::format("<td class=\"number\">{}</td>", io::html_escape(cell_text(cell, report)));
      }
      out += fmt::format("<td class=\"number\">{}</td></tr>\n", io::html_escape(cell_text(indicator.cells[c], report)));
    }
  }
  out += "</table>\n";
  if (!report.feedback.empty()) {
    out += "<h2>Feedback</h2>\n<p class=\"note\">The feedback rounds of the placements that ended in the period; "
           "ratings from 1 (poor) to 5 (excellent).</p>\n<table>\n<tr><th>figure</th><th class=\"number\">value</th>"
           "</tr>\n";
    for (const auto& figure : report.feedback) {
      out += fmt::format("<tr><td>{}</td><td class=\"number\">{}</td></tr>\n", io::html_escape(figure.key),
                         io::html_escape(feedback_text(figure, report.public_threshold)));
    }
    out += "</table>\n";
  }
  if (!report.terms.empty()) {
    out += "<h2>Terms</h2>\n<table>\n<tr><th>indicator</th>";
    for (const auto& row : report.terms) {
      out += fmt::format("<th class=\"number\">{}<br>{} to {}</th>", io::html_escape(row.term),
                         written_date(row.period.from), written_date(row.period.to));
    }
    out += "</tr>\n";
    const auto& first = report.terms.front().indicators;
    for (std::size_t i = 0; i < first.size(); ++i) {
      for (std::size_t c = 0; c < first[i].cells.size(); ++c) {
        out += fmt::format("<tr><td>{}</td>", io::html_escape(title_of_cell(report, first[i], first[i].cells[c])));
        for (const auto& row : report.terms) {
          out += fmt::format("<td class=\"number\">{}</td>", io::html_escape(cell_text(row.indicators[i].cells[c], report)));
        }
        out += "</tr>\n";
      }
    }
    out += "</table>\n";
  }
  return out + "</body>\n</html>\n";
}

} // namespace tandem::report
