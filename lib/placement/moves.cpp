#include "placement/moves.hpp"

#include "io/atomic_file.hpp"
#include "io/encoding.hpp"
#include "io/error.hpp"
#include "io/text.hpp"
#include "match/rules.hpp"
#include "report/period.hpp"
#include "schedule/items.hpp"
#include "schedule/state_table.hpp"

#include <fmt/chrono.h>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <array>
#include <chrono>
#include <cstdlib>

namespace tandem::placement {

namespace {

using model::PlacementStatus;

constexpr const char* k_history_file = "history.csv";
const std::vector<std::string> k_history_header{"when", "who", "id", "from", "to", "note"};

// The forward step of each status (cancelled is reached from any status).
std::optional<PlacementStatus> next_of(PlacementStatus status)
{
  switch (status) {
  case PlacementStatus::proposed:
    return PlacementStatus::confirmed;
  case PlacementStatus::confirmed:
    return PlacementStatus::started;
  case PlacementStatus::started:
    return PlacementStatus::completed;
  case PlacementStatus::completed:
  case PlacementStatus::cancelled:
    return std::nullopt;
  }
  return std::nullopt;
}

std::string allowed_moves(PlacementStatus status)
{
  const auto next = next_of(status);
  if (status == PlacementStatus::cancelled) {
    return "none: it is cancelled";
  }
  return next ? fmt::format("{} or cancel", next == PlacementStatus::confirmed ? "confirm"
                                            : next == PlacementStatus::started ? "start"
                                                                               : "complete")
              : "cancel";
}

PlacementStatus target_of(Move move)
{
  switch (move) {
  case Move::confirm:
    return PlacementStatus::confirmed;
  case Move::start:
    return PlacementStatus::started;
  case Move::complete:
    return PlacementStatus::completed;
  default:
    return PlacementStatus::cancelled;
  }
}

} // namespace

std::string describe(const workspace::Workspace& workspace, const model::Placement& placement)
{
  const auto* company = workspace.company_of(placement);
  const auto span = schedule::placement_days(workspace, placement);
  std::string who = workspace.student_name(placement.international_id);
  if (!placement.domestic_id.empty()) {
    who += " + " + workspace.student_name(placement.domestic_id);
  }
  return fmt::format("{} at {}, {} to {}", who, company ? company->name : placement.company_id,
                     span.first ? model::format_date(*span.first) : "?", span.last ? model::format_date(*span.last) : "?");
}

namespace {

// The hard rules and the students' other real placements, as match applies them.
std::vector<std::string> confirm_breaches(const workspace::Workspace& workspace, const model::Placement& placement)
{
  std::vector<std::string> breaches;
  const auto* opening = workspace.find_opening(placement.opening_id);
  const auto* company = workspace.company_of(placement);
  const auto* international = workspace.find_student(placement.international_id);
  const auto* domestic = placement.domestic_id.empty() ? nullptr : workspace.find_student(placement.domestic_id);
  if (opening != nullptr && company != nullptr && international != nullptr) {
    for (const auto& breach : match::check_candidate(*opening, *company, *international, domestic,
                                                     workspace.project->matching)) {
      breaches.push_back(fmt::format("rule {} ({}): {}", static_cast<int>(breach.rule), match::rule_name(breach.rule),
                                     breach.explanation));
    }
  }
  const auto span = schedule::placement_days(workspace, placement);
  for (const auto& other : workspace.placements) {
    if (other.id == placement.id || !other.is_real()) {
      continue;
    }
    const auto other_span = schedule::placement_days(workspace, other);
    if (!span.first || !span.last || !other_span.first || !other_span.last
        || !(*span.first <= *other_span.last && *other_span.first <= *span.last)) {
      continue;
    }
    for (const auto* id : {&placement.international_id, &placement.domestic_id}) {
      if (!id->empty() && (*id == other.international_id || *id == other.domestic_id)) {
        breaches.push_back(fmt::format("rule 8 (nobody twice): {} has the {} placement {} at the same time",
                                       workspace.student_name(*id), model::to_string(other.status), other.id));
      }
    }
  }
  return breaches;
}

} // namespace

MovePlan plan_moves(const workspace::Workspace& workspace, const io::CsvTable& table, const MoveRequest& request)
{
  MovePlan plan;
  io::CsvTable updated = table;
  bool changed = false;
  const auto id_column = table.header.find("id");
  std::vector<std::string> seen;
  for (const auto& id : request.ids) {
    if (io::contains(seen, id)) {
      continue; // named twice: moved once
    }
    seen.push_back(id);
    const auto* placement = workspace.find_placement(id);
    if (placement == nullptr || !id_column) {
      throw Error(fmt::format("placements.csv has no placement {} (`tandem placement list` shows them)", id));
    }
    const auto found_row = updated.find_row("id", id);
    if (!found_row) {
      throw Error(fmt::format("placements.csv changed while it was read: {} is gone; run the command again", id));
    }
    const std::size_t row = *found_row;
    const std::string what = fmt::format("{} ({})", id, describe(workspace, *placement));
    const std::string status(model::to_string(placement->status));

    if (request.move == Move::lock || request.move == Move::unlock) {
      const bool lock = request.move == Move::lock;
      if (lock && placement->status != PlacementStatus::proposed) {
        plan.refusals.push_back(fmt::format("{}: it is {}, and only a proposed placement needs a lock (match never "
                                            "changes a later one)",
                                            what, status));
        continue;
      }
      if (placement->locked == lock) {
        plan.lines.push_back(fmt::format("{}: already {}", what, lock ? "locked" : "unlocked"));
        continue;
      }
      updated.cell(row, "locked") = lock ? "yes" : "";
      plan.history.push_back({id, lock ? "unlocked" : "locked", lock ? "locked" : "unlocked", request.note});
      plan.lines.push_back(fmt::format("{}: {}", what, lock ? "locked: the next match keeps it as it is"
                                                            : "unlocked: the next match may replace it"));
      changed = true;
      continue;
    }

    const PlacementStatus target = target_of(request.move);
    if (placement->status == target) {
      plan.lines.push_back(fmt::format("{}: already {}", what, status));
      continue;
    }
    const bool forward = target == PlacementStatus::cancelled || next_of(placement->status) == target;
    if (!forward && !request.force) {
      plan.refusals.push_back(fmt::format("{}: it is {}; the moves allowed from there: {} (--force moves it "
                                          "anyway)",
                                          what, status, allowed_moves(placement->status)));
      continue;
    }
    if (target == PlacementStatus::confirmed) {
      const auto breaches = confirm_breaches(workspace, *placement);
      if (!breaches.empty() && !request.force) {
        plan.refusals.push_back(fmt::format("{}: cannot be confirmed: {} (--force confirms it anyway)", what,
                                            fmt::join(breaches, "; ")));
        continue;
      }
    }
    updated.cell(row, "status") = std::string(model::to_string(target));
    if (request.date && target == PlacementStatus::started) {
      updated.cell(row, "start") = model::format_date(*request.date);
    }
    if (request.date && target == PlacementStatus::completed) {
      updated.cell(row, "end") = model::format_date(*request.date);
    }
    if (placement->locked) {
      updated.cell(row, "locked") = ""; // only a proposal has a lock
    }
    if (!request.note.empty()) {
      auto& note = updated.cell(row, "note");
      note = note.empty() ? request.note : note + "; " + request.note;
    }
    plan.history.push_back({id, status, std::string(model::to_string(target)), request.note});
    plan.lines.push_back(fmt::format("{}: {} -> {}{}", what, status, model::to_string(target),
                                     forward ? "" : " (forced)"));
    changed = true;
  }
  if (changed && plan.refusals.empty()) {
    plan.contents = io::format_csv_table(updated);
  }
  return plan;
}

void append_history(const std::filesystem::path& path, const std::vector<HistoryRecord>& records,
                    const std::string& who, const std::string& when)
{
  std::error_code ignored;
  std::string text = std::filesystem::exists(path, ignored) ? "" : io::format_csv_record(k_history_header);
  for (const auto& record : records) {
    text += io::format_csv_record({when, who, record.id, record.from, record.to, record.note});
  }
  io::append_durably(path, text);
}

void record_history(const workspace::WorkspacePaths& paths, const std::vector<HistoryRecord>& records)
{
  if (records.empty()) {
    return;
  }
  const char* user = std::getenv("USER");
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  append_history(paths.state_folder() / k_history_file, records, user != nullptr && *user != '\0' ? user : "unknown",
                 fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now));
}

std::map<std::string, model::Date> proposal_days(std::string_view history_csv, const std::string& display_name)
{
  std::map<std::string, model::Date> days;
  for (const auto& record : schedule::read_state_table(history_csv, display_name, k_history_header)) {
    const auto& fields = record.fields; // when, who, id, from, to, note
    const auto day = model::parse_date(fields[0].substr(0, 10));
    if (fields[4] == "proposed" && day) {
      days[fields[2]] = *day;
    }
  }
  return days;
}

std::map<std::string, model::Date> proposal_days(const workspace::WorkspacePaths& paths)
{
  const auto path = paths.state_folder() / k_history_file;
  const auto display = paths.display(std::string(".tandem/") + k_history_file);
  const auto text = io::read_file_if_exists(path, display);
  return text ? proposal_days(*text, display) : std::map<std::string, model::Date>{};
}

namespace {

const std::vector<std::string> k_list_header{"id", "status", "company", "international", "domestic", "start", "end",
                                             "locked"};

std::vector<std::vector<std::string>> listed_rows(const workspace::Workspace& workspace, const ListRequest& request)
{
  using std::chrono::year;
  const report::Period period = request.term ? report::resolve_period(*workspace.project, request.term,
                                                                      std::nullopt, std::nullopt)
                                             : report::Period{year::min() / 1 / 1, year::max() / 12 / 31};
  std::vector<std::vector<std::string>> rows;
  for (const auto& placement : workspace.placements) {
    const auto span = schedule::placement_days(workspace, placement);
    if ((request.status && placement.status != *request.status)
        || (request.term && (!span.first || !period.contains(*span.first)))) {
      continue;
    }
    const auto* company = workspace.company_of(placement);
    rows.push_back({placement.id, std::string(model::to_string(placement.status)),
                    company ? company->name : placement.company_id, workspace.student_name(placement.international_id),
                    placement.domestic_id.empty() ? "" : workspace.student_name(placement.domestic_id),
                    span.first ? model::format_date(*span.first) : "", span.last ? model::format_date(*span.last) : "",
                    placement.locked ? "yes" : ""});
  }
  return rows;
}

} // namespace

io::Sheet placements_sheet(const workspace::Workspace& workspace, const ListRequest& request)
{
  using Kind = io::ColumnKind;
  return io::typed_sheet(
    "Placements", k_list_header,
    {Kind::text, Kind::text, Kind::text, Kind::text, Kind::text, Kind::day, Kind::day, Kind::text},
    listed_rows(workspace, request));
}

std::string list_placements(const workspace::Workspace& workspace, const ListRequest& request, ListFormat format)
{
  const auto& header = k_list_header;
  const auto rows = listed_rows(workspace, request);
  std::string out;
  switch (format) {
  case ListFormat::csv:
    out = io::format_spreadsheet_record(header);
    for (const auto& row : rows) {
      out += io::format_spreadsheet_record(row);
    }
    return out;
  case ListFormat::json:
    out = "[";
    for (std::size_t r = 0; r < rows.size(); ++r) {
      out += r == 0 ? "\n  {" : ",\n  {";
      for (std::size_t c = 0; c < header.size(); ++c) {
        out += fmt::format("{}{}: {}", c == 0 ? "" : ", ", io::json_string(header[c]), io::json_string(rows[r][c]));
      }
      out += "}";
    }
    return out + (rows.empty() ? "]\n" : "\n]\n");
  case ListFormat::table: {
    if (rows.empty()) {
      return "no placements\n";
    }
    std::vector<std::size_t> widths(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
      widths[c] = header[c].size();
      for (const auto& row : rows) {
        widths[c] = std::max(widths[c], io::character_count(row[c]));
      }
    }
    const auto line = [&](const std::vector<std::string>& row) {
      std::string text;
      for (std::size_t c = 0; c < row.size(); ++c) {
        text += row[c];
        if (c + 1 < row.size()) {
          text += std::string(widths[c] - io::character_count(row[c]) + 2, ' ');
        }
      }
      while (!text.empty() && text.back() == ' ') {
        text.pop_back();
      }
      return text + "\n";
    };
    out = line(header);
    for (const auto& row : rows) {
      out += line(row);
    }
    return out;
  }
  case ListFormat::xlsx:
    throw std::logic_error("list_placements: a workbook is made by placements_sheet");
  }
  return out;
}

} // namespace tandem::placement
