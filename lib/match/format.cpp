#include "match/format.hpp"

#include "io/encoding.hpp"
#include "io/text.hpp"
#include "match/rules.hpp"
#include "workspace/readers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace tandem::match {

namespace {

std::string_view method_name(Method method) { return method == Method::optimal ? "optimal" : "stable"; }

const Candidate& candidate_of(const MatchInput& input, const ProposedPlacement& placement)
{
  return input.problem.candidates[at(placement.candidate)];
}

std::string domestic_id(const MatchInput& input, const Candidate& candidate)
{
  const auto* domestic = input.domestic_of(candidate);
  return domestic ? domestic->id : std::string();
}


// One cell of a new row of placements.csv (or of --format csv).
std::string field_of(const MatchInput& input, const ProposedPlacement& placement, std::string_view column)
{
  const auto& candidate = candidate_of(input, placement);
  const auto& opening = input.opening_of(candidate);
  if (column == "id") return placement.id;
  if (column == "opening_id") return opening.id;
  if (column == "company_id") return input.company_of(candidate).id;
  if (column == "international_id") return input.international_of(candidate).id;
  if (column == "domestic_id") return domestic_id(input, candidate);
  if (column == "start") return model::format_date(opening.start);
  if (column == "end") return model::format_date(opening.end);
  if (column == "status") return "proposed";
  if (column == "score") return fmt::format("{}", candidate.score);
  return {};
}

} // namespace

std::string summary_line(const MatchResult& result)
{
  // Two decimals for people; --format json and --scores carry the exact numbers.
  std::string line = fmt::format("{} international student(s) placed, objective {:.2f}", result.objective.placed,
                                 result.objective.score);
  if (result.method == Method::stable) {
    if (result.blocking.empty()) {
      return line + ", stable (no blocking pair)";
    }
    return line + fmt::format(", {} blocking pair(s) left: {}", result.blocking.size(),
                              result.blocking_minimum_proven ? "the fewest possible, proven (no stable plan exists)"
                                                             : "not proven to be the fewest possible");
  }
  if (result.optimal) {
    return line + ", proven optimal";
  }
  if (result.bound) {
    // The gap in percent, to three significant digits: two decimals of the scores
    // can print the same number for a plan and a bound that differ.
    const double gap = *result.bound > 0 ? (*result.bound - result.objective.score) / *result.bound * 100 : 0;
    line += fmt::format(", not proven optimal: gap {:.3g} % (bound {:.2f})", gap, *result.bound);
    if (result.objective.placed < result.placed_bound) {
      // The bound is for plans placing as many; more may be placeable.
      line += fmt::format(" for plans placing as many; up to {} could be placed", result.placed_bound);
    }
    return line;
  }
  return line + fmt::format(", not proven optimal: up to {} could be placed", result.placed_bound);
}

std::string to_table(const MatchInput& input, const MatchResult& result)
{
  // People and companies by name (the ids are in --format csv and json).
  const auto& workspace = *input.workspace;
  std::vector<std::vector<std::string>> rows{{"placement", "company", "international", "domestic", "score"}};
  for (const auto& placement : result.placements) {
    const auto& candidate = candidate_of(input, placement);
    const auto partner = domestic_id(input, candidate);
    rows.push_back({placement.id, input.company_of(candidate).name,
                    workspace.student_name(input.international_of(candidate).id),
                    partner.empty() ? "" : workspace.student_name(partner), fmt::format("{:.2f}", candidate.score)});
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], io::character_count(row[column]));
    }
  }
  std::string out = fmt::format("match ({}): {}\n\n", method_name(result.method), summary_line(result));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t column = 0; column < row.size(); ++column) {
      const std::string padding(widths[column] - io::character_count(row[column]), ' ');
      line += column + 1 == row.size() ? padding + row[column] : row[column] + padding + "  ";
    }
    out += line + "\n";
  }
  // What the run kept of the staff's decisions, and why.
  std::vector<std::string> decisions;
  if (!result.kept.empty()) {
    decisions.push_back(fmt::format("kept as they are (locked, or outside --term): {}", fmt::join(result.kept, ", ")));
  }
  if (!input.held_students.empty()) {
    std::vector<std::string> names;
    for (const auto& id : input.held_students) {
      const auto* student = input.workspace->find_student(id);
      names.push_back(student->display_name());
    }
    decisions.push_back(fmt::format("on hold (matching: hold in students.csv), left out: {}", fmt::join(names, ", ")));
  }
  if (input.cancelled_left_out > 0) {
    decisions.push_back(
      fmt::format("never proposed again: {} candidate(s) that staff cancelled", input.cancelled_left_out));
  }
  if (!decisions.empty()) {
    out += fmt::format("\n{}\n", fmt::join(decisions, "\n"));
  }
  if (!result.unplaced.empty()) {
    out += "\nnot placed:\n";
    for (const auto& student : result.unplaced) {
      out += fmt::format("  {} ({}): {}\n", workspace.student_name(student.id), student.id, student.reason);
    }
  }
  if (!result.blocking.empty()) {
    out += "\nblocking pairs (each party would rather have this than what it got):\n";
    for (const int index : result.blocking) {
      const auto& candidate = input.problem.candidates[at(index)];
      const auto partner = domestic_id(input, candidate);
      out += fmt::format("  {} at {}{}\n", workspace.student_name(input.international_of(candidate).id),
                         input.opening_of(candidate).id, partner.empty() ? "" : " with " + workspace.student_name(partner));
    }
  }
  return out;
}

std::string to_csv(const MatchInput& input, const MatchResult& result)
{
  const std::vector<std::string> columns{"id", "opening_id", "company_id", "international_id", "domestic_id",
                                         "start", "end", "score"};
  std::string out = io::format_csv_record(columns);
  for (const auto& placement : result.placements) {
    std::vector<std::string> fields;
    for (const auto& column : columns) {
      fields.push_back(field_of(input, placement, column));
    }
    out += io::format_csv_record(fields);
  }
  return out;
}

std::vector<io::Sheet> to_sheets(const MatchInput& input, const MatchResult& result)
{
  const auto& workspace = *input.workspace;
  io::Sheet plan{"Plan",
                 {"placement", "company", "opening", "international student", "domestic student", "start", "end",
                  "score"},
                 {}};
  for (const auto& placement : result.placements) {
    const auto& candidate = candidate_of(input, placement);
    const auto& opening = input.opening_of(candidate);
    const auto partner = domestic_id(input, candidate);
    plan.rows.push_back({placement.id, input.company_of(candidate).name, opening.title,
                         workspace.student_name(input.international_of(candidate).id),
                         partner.empty() ? std::string() : workspace.student_name(partner), opening.start, opening.end,
                         candidate.score});
  }
  io::Sheet unplaced{"Unplaced", {"student", "id", "reason"}, {}};
  for (const auto& student : result.unplaced) {
    unplaced.rows.push_back({workspace.student_name(student.id), student.id, student.reason});
  }
  return {std::move(plan), std::move(unplaced)};
}

std::string to_json(const MatchInput& input, const MatchResult& result, const std::vector<std::string>* explanation)
{
  std::string out = fmt::format("{{\n  \"method\": \"{}\",\n  \"objective\": {},\n  \"optimal\": {},\n  \"bound\": {},\n"
                                "  \"placed\": {},\n  \"placed_bound\": {},\n  \"placements\": [",
                                method_name(result.method), result.objective.score,
                                result.optimal ? "true" : "false",
                                result.bound ? fmt::format("{}", *result.bound) : "null",
                                result.objective.placed, result.placed_bound);
  for (std::size_t index = 0; index < result.placements.size(); ++index) {
    const auto& placement = result.placements[index];
    const auto& candidate = candidate_of(input, placement);
    const auto partner = domestic_id(input, candidate);
    std::string components;
    if (const auto parts = components_of(input, candidate)) {
      for (std::size_t part = 0; part < component_count; ++part) {
        components += fmt::format("{}\"{}\": {}", part == 0 ? "" : ", ", to_string(static_cast<Component>(part)),
                                  parts->weighted[part]);
      }
    }
    out += fmt::format("{}\n    {{\"id\": {}, \"opening_id\": {}, \"company_id\": {}, \"international_id\": {}, "
                       "\"domestic_id\": {}, \"score\": {}, \"components\": {{{}}}}}",
                       index == 0 ? "" : ",", io::json_string(placement.id),
                       io::json_string(input.opening_of(candidate).id), io::json_string(input.company_of(candidate).id),
                       io::json_string(input.international_of(candidate).id),
                       partner.empty() ? "null" : io::json_string(partner), candidate.score, components);
  }
  out += result.placements.empty() ? "],\n  \"unplaced\": [" : "\n  ],\n  \"unplaced\": [";
  for (std::size_t index = 0; index < result.unplaced.size(); ++index) {
    out += fmt::format("{}\n    {{\"id\": {}, \"reason\": {}}}", index == 0 ? "" : ",",
                       io::json_string(result.unplaced[index].id), io::json_string(result.unplaced[index].reason));
  }
  out += result.unplaced.empty() ? "],\n  \"kept\": [" : "\n  ],\n  \"kept\": [";
  for (std::size_t index = 0; index < result.kept.size(); ++index) {
    out += fmt::format("{}{}", index == 0 ? "" : ", ", io::json_string(result.kept[index]));
  }
  out += "]";
  if (result.method == Method::stable) {
    out += fmt::format(",\n  \"stable\": {},\n  \"blocking_minimum_proven\": {}", result.blocking.empty(),
                       result.blocking_minimum_proven);
    out += ",\n  \"blocking\": [";
    for (std::size_t index = 0; index < result.blocking.size(); ++index) {
      const auto& candidate = input.problem.candidates[at(result.blocking[index])];
      const auto partner = domestic_id(input, candidate);
      out += fmt::format("{}\n    {{\"international_id\": {}, \"opening_id\": {}, \"domestic_id\": {}}}",
                         index == 0 ? "" : ",", io::json_string(input.international_of(candidate).id),
                         io::json_string(input.opening_of(candidate).id),
                         partner.empty() ? "null" : io::json_string(partner));
    }
    out += result.blocking.empty() ? "]" : "\n  ]";
  }
  if (explanation != nullptr) {
    out += ",\n  \"explanation\": [";
    for (std::size_t index = 0; index < explanation->size(); ++index) {
      out += fmt::format("{}\n    {}", index == 0 ? "" : ",", io::json_string((*explanation)[index]));
    }
    out += explanation->empty() ? "]" : "\n  ]";
  }
  return out + "\n}\n";
}

std::string score_table_csv(const MatchInput& input)
{
  std::string out = io::format_csv_record({"international_id", "domestic_id", "opening_id", "score"});
  for (const auto& candidate : input.problem.candidates) {
    out += io::format_csv_record({input.international_of(candidate).id, domestic_id(input, candidate),
                                  input.opening_of(candidate).id, fmt::format("{}", candidate.score)});
  }
  return out;
}

std::string updated_placements(const MatchInput& input, const MatchResult& result,
                               const std::optional<io::CsvTable>& existing)
{
  io::CsvTable table;
  if (existing) {
    table = *existing;
  }
  std::vector<std::string> names = table.header.names();
  for (const auto column : workspace::placements_schema().columns) {
    if (!table.header.find(column)) {
      names.emplace_back(column);
    }
  }
  table.header = io::CsvHeader(names);

  std::unordered_map<std::size_t, RowFate> fate_by_line;
  const auto& placements = input.workspace->placements;
  for (std::size_t row = 0; row < placements.size(); ++row) {
    fate_by_line.emplace(placements[row].origin.line, input.row_fates[row]);
  }
  std::vector<io::CsvRecord> rows;
  for (auto& record : table.rows) {
    const auto fate = fate_by_line.find(record.line);
    if (fate == fate_by_line.end() || fate->second != RowFate::replaced) {
      record.fields.resize(names.size());
      rows.push_back(std::move(record));
    }
  }
  for (const auto& placement : result.placements) {
    io::CsvRecord record;
    for (const auto& name : names) {
      record.fields.push_back(field_of(input, placement, io::header_key(name)));
    }
    rows.push_back(std::move(record));
  }
  table.rows = std::move(rows);
  return io::format_csv_table(table);
}

} // namespace tandem::match
