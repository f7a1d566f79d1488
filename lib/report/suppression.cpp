#include "report/suppression.hpp"

#include "report/feedback.hpp"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace tandem::report {

namespace {

// Indicators whose terms add up to the period's figure when the terms tile it:
// each person, placement or attendance is counted by one date. The others
// (activity over a span, a job after a placement) are at most the period's
// figure in each term, and at most the sum of the terms.
bool is_additive(std::string_view key)
{
  return key != "participants_active" && key != "employed_after_placement"
         && key != "hired_by_placement_company";
}

// How the terms of a report lie in its period.
enum class TermLayout { tile, inside, other };

TermLayout layout_of(const std::vector<TermRow>& terms, const Period& period)
{
  std::vector<Period> spans;
  for (const auto& term : terms) {
    spans.push_back(term.period);
  }
  if (spans.empty()) {
    return TermLayout::other;
  }
  std::sort(spans.begin(), spans.end(), [](const Period& a, const Period& b) { return a.from < b.from; });
  bool contiguous = spans.front().from == period.from && spans.back().to == period.to;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].from < period.from || spans[i].to > period.to
        || (i > 0 && spans[i].from <= spans[i - 1].to)) {
      return TermLayout::other;
    }
    contiguous = contiguous && (i == 0 || spans[i].from == model::plus_days(spans[i - 1].to, 1));
  }
  return contiguous ? TermLayout::tile : TermLayout::inside;
}

bool is_primary(const Cell& cell)
{
  return cell.shown == Cell::Shown::below_threshold;
}

constexpr double k_tolerance = 1e-6;


} // namespace

// The entries of one list of indicators as a reader sees them: the period's
// figures, the period's figures within one gender, or a term's figures.
struct PeopleTable::View {
  const std::vector<Indicator>* indicators = nullptr;
  std::unordered_map<std::string, std::size_t> index; // "key" or "key.cell"

  std::optional<std::size_t> at(std::string_view key, std::string_view cell = {}) const
  {
    const auto it = index.find(cell.empty() ? std::string(key) : std::string(key) + "." + std::string(cell));
    return it == index.end() ? std::nullopt : std::optional(it->second);
  }

  // The cells of a breakdown.
  Cells cells_of(std::string_view key) const
  {
    Cells cells;
    for (const auto& cell : find_indicator(*indicators, key).cells) {
      cells.push_back(at(key, cell.key));
    }
    return cells;
  }
};

void PeopleTable::relate(const Cells& parts, const Cells& wholes, bool equal)
{
  Relation relation{{}, {}, equal};
  for (const auto& [cells, target] : {std::pair(&parts, &relation.parts), std::pair(&wholes, &relation.wholes)}) {
    for (const auto& cell : *cells) {
      if (!cell) {
        return; // a figure that is not a count of people, or absent from this set
      }
      target->push_back(*cell);
    }
  }
  m_relations.push_back(std::move(relation));
}

std::vector<PeopleTable::View> PeopleTable::add_list(const std::string& prefix,
                                                     std::vector<Indicator>& indicators,
                                                     const std::vector<std::string>& gender_keys,
                                                     const Period& period, const Period& project_span)
{
  std::vector<View> views(1 + (gender_keys.empty() ? 0 : gender_keys.size()));
  for (auto& view : views) {
    view.indicators = &indicators;
  }
  for (auto& indicator : indicators) {
    if (!indicator.about_people) {
      continue;
    }
    for (std::size_t c = 0; c < indicator.cells.size(); ++c) {
      const std::string name = indicator.key + (indicator.breakdown ? "." + indicator.cells[c].key : "");
      m_entries.push_back({prefix + name, &indicator.cells[c]});
      views[0].index[name] = m_entries.size() - 1;
      if (gender_keys.empty() || indicator.by_gender.empty()) {
        continue;
      }
      for (std::size_t g = 0; g < gender_keys.size(); ++g) {
        m_entries.push_back({"by_gender." + name + "." + gender_keys[g], &indicator.by_gender[c][g]});
        views[1 + g].index[name] = m_entries.size() - 1;
      }
    }
  }
  for (const auto& view : views) {
    relate_within(view, period, project_span);
  }
  const View& totals = views[0];
  for (std::size_t g = 0; g < gender_keys.size(); ++g) {
    // by_gender.participants_total equals participants_by_gender.
    relate({views[1 + g].at("participants_total")}, {totals.at("participants_by_gender", gender_keys[g])}, true);
  }
  if (!gender_keys.empty()) {
    // Each by_gender entry adds up to its figure.
    for (const auto& [name, whole] : totals.index) {
      Cells parts;
      for (std::size_t g = 0; g < gender_keys.size(); ++g) {
        const auto it = views[1 + g].index.find(name);
        parts.push_back(it == views[1 + g].index.end() ? std::nullopt : std::optional(it->second));
      }
      if (parts.front()) {
        relate(parts, {whole}, true);
      }
    }
  }
  return views;
}

void PeopleTable::relate_within(const View& view, const Period& period, const Period& project_span)
{
  const auto total = view.at("participants_total");
  const auto complete = view.at("participants_complete");
  const auto leaving = view.at("participants_leaving");
  // Breakdowns of entrants: the group (and, in the totals, the gender) of every
  // entrant; the age, status and education of complete records.
  relate(view.cells_of("participants_by_group"), {total}, true);
  if (view.at("participants_by_gender", find_indicator(*view.indicators, "participants_by_gender").cells[0].key)) {
    relate(view.cells_of("participants_by_gender"), {total}, true);
  }
  for (const auto* key : {"participants_by_age", "participants_by_employment_status", "participants_by_education"}) {
    relate(view.cells_of(key), {complete}, true);
  }
  relate({complete}, {total}, false);
  for (const auto* key : {"participants_third_country_nationals", "participants_foreign_background",
                          "participants_minorities", "participants_with_disability"}) {
    if (const auto part = view.at(key)) {
      relate({part}, {complete}, false);
    }
  }
  // Results: one status per leaver upon leaving; a qualification; a known status
  // at six months, of which some in work.
  relate({view.at("results_upon_leaving", "employed"), view.at("results_upon_leaving", "in_education"),
          view.at("results_upon_leaving", "job_seeking")},
         {leaving}, false);
  relate({view.at("results_upon_leaving", "qualified")}, {leaving}, false);
  relate({view.at("results_six_months", "employed")}, {view.at("results_six_months", "known")}, false);
  relate({view.at("results_six_months", "known")}, {leaving}, false);
  relate({view.at("hired_by_placement_company")}, {view.at("employed_after_placement")}, false);
  if (period.from <= project_span.from) {
    // Nobody entered before such a period: every leaver in it entered in it.
    relate({leaving}, {complete}, false);
  }
  // Not a relation by construction, but one a reader may guess when it holds:
  // every placement that started was completed in the same period.
  const auto tandem = view.at("placements_tandem");
  const auto solo = view.at("placements_solo");
  const auto completed = view.at("placements_completed");
  if (tandem && solo && completed
      && m_entries[*tandem].cell->value + m_entries[*solo].cell->value == m_entries[*completed].cell->value) {
    relate({tandem, solo}, {completed}, true);
  }
}

void PeopleTable::relate_terms(const View& period, const std::vector<View>& terms, bool tile)
{
  for (const auto& [name, whole] : period.index) {
    Cells parts;
    for (const View& term : terms) {
      parts.push_back(term.at(name));
    }
    if (is_additive(std::string_view(name).substr(0, name.find('.')))) {
      relate(parts, {whole}, tile);
      continue;
    }
    for (const auto& part : parts) {
      relate({part}, {whole}, false);
    }
    if (tile) {
      relate({whole}, parts, false);
    }
  }
}

PeopleTable::PeopleTable(Report& report)
{
  const auto period = add_list("indicators.", report.indicators, report.gender_keys, report.period,
                               report.project_span);
  std::vector<View> terms;
  for (auto& term : report.terms) {
    terms.push_back(
      add_list("terms." + term.term + ".indicators.", term.indicators, {}, term.period, report.project_span)
        .front());
  }
  const TermLayout layout = layout_of(report.terms, report.period);
  if (layout != TermLayout::other) {
    relate_terms(period.front(), terms, layout == TermLayout::tile);
  }
}

namespace {

// One row of an LP over the table's relations.
struct Row {
  std::vector<int> columns;
  std::vector<double> coefficients;
  double constant = 0; // what the row's cells add beyond its columns, moved to the right-hand side

  void add(int column, double coefficient)
  {
    columns.push_back(column);
    coefficients.push_back(coefficient);
  }
};

// Loads an LP whose columns the caller made (bounds and costs) and whose rows are
// the table's relations: `add_cell(cell, sign, row)` puts a cell's columns and
// constant into the row of a relation (sign +1 for a part, -1 for a whole).
template <typename AddCell>
void load_program(ClpSimplex& model, const PeopleTable& table, const std::vector<double>& lower,
                  const std::vector<double>& upper, const std::vector<double>& cost, AddCell&& add_cell)
{
  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, static_cast<int>(lower.size()));
  std::vector<double> row_lower;
  std::vector<double> row_upper;
  for (const auto& relation : table.relations()) {
    Row row;
    for (const auto i : relation.parts) {
      add_cell(i, 1.0, row);
    }
    for (const auto i : relation.wholes) {
      add_cell(i, -1.0, row);
    }
    if (row.columns.empty()) {
      continue;
    }
    matrix.appendRow(static_cast<int>(row.columns.size()), row.columns.data(), row.coefficients.data());
    row_lower.push_back(relation.equal ? -row.constant : -COIN_DBL_MAX);
    row_upper.push_back(-row.constant);
  }
  model.setLogLevel(0);
  model.loadProblem(matrix, lower.data(), upper.data(), cost.data(), row_lower.data(), row_upper.data());
}

} // namespace

AuditRange audit_cell(const PeopleTable& table, std::size_t entry, int threshold)
{
  const auto& entries = table.entries();
  std::vector<int> column_of(entries.size(), -1);
  std::vector<double> lower;
  std::vector<double> upper;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Cell& cell = *entries[i].cell;
    if (cell.shown == Cell::Shown::value) {
      continue;
    }
    column_of[i] = static_cast<int>(lower.size());
    lower.push_back(is_primary(cell) ? 1.0 : threshold);
    upper.push_back(is_primary(cell) ? threshold - 1.0 : COIN_DBL_MAX);
  }
  std::vector<double> objective(lower.size(), 0.0);
  objective[static_cast<std::size_t>(column_of[entry])] = 1.0;
  ClpSimplex model;
  load_program(model, table, lower, upper, objective, [&](std::size_t i, double sign, Row& row) {
    if (column_of[i] < 0) {
      row.constant += sign * static_cast<double>(entries[i].cell->value);
    } else {
      row.add(column_of[i], sign);
    }
  });
  const auto solve = [&](double direction) {
    model.setOptimizationDirection(direction);
    model.primal();
    // The true table is always feasible, and a primary cell is bounded.
    return model.isProvenOptimal() ? model.objectiveValue() : direction * -COIN_DBL_MAX;
  };
  const double least = solve(1.0);
  const double greatest = solve(-1.0);
  return {static_cast<long>(std::ceil(least - k_tolerance)), static_cast<long>(std::floor(greatest + k_tolerance))};
}

namespace {

// The shown cells to hide so that a pinned primary cell can take one more whole
// number: the cheapest change d of the table (each shown cell changed costs its
// count of people) that moves the primary cell by one and keeps every relation
// and every bound; the shown cells it changes are the ones to hide. A reader
// then cannot tell the true table from the changed one (the classic LP model of
// secondary suppression, as in tau-ARGUS).
std::optional<std::vector<std::size_t>> cells_to_free(const PeopleTable& table, std::size_t primary, int threshold,
                                                      double step)
{
  const auto& entries = table.entries();
  const double t = threshold;
  // Per cell: a column of its change (hidden cells, free within their bounds),
  // or two, up and down, each costing the cell's count (shown cells).
  std::vector<int> up(entries.size(), -1);
  std::vector<int> down(entries.size(), -1);
  std::vector<double> lower;
  std::vector<double> upper;
  std::vector<double> cost;
  const auto column = [&](double low, double high, double price) {
    lower.push_back(low);
    upper.push_back(high);
    cost.push_back(price);
    return static_cast<int>(lower.size()) - 1;
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Cell& cell = *entries[i].cell;
    const double x = static_cast<double>(cell.value);
    if (i == primary) {
      up[i] = column(step, step, 0);
    } else if (is_primary(cell)) {
      up[i] = column(1 - x, t - 1 - x, 0);
    } else if (cell.shown == Cell::Shown::hidden) {
      up[i] = column(t - x, COIN_DBL_MAX, 0);
    } else if (cell.value > 0) {
      // Hidden, it would be a secondary cell: t or more. Zeros are always shown.
      up[i] = column(0, COIN_DBL_MAX, x);
      down[i] = column(0, x - t, x);
    }
  }
  // The changed table must keep each relation: the true values go to the
  // right-hand side, so an inequality keeps its slack.
  ClpSimplex model;
  load_program(model, table, lower, upper, cost, [&](std::size_t i, double sign, Row& row) {
    row.constant += sign * static_cast<double>(entries[i].cell->value);
    if (up[i] >= 0) {
      row.add(up[i], sign);
    }
    if (down[i] >= 0) {
      row.add(down[i], -sign);
    }
  });
  model.primal();
  if (!model.isProvenOptimal()) {
    return std::nullopt; // no table differs from the true one by that step
  }
  std::vector<std::size_t> cells;
  const double* change = model.primalColumnSolution();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (down[i] >= 0 && (change[up[i]] > k_tolerance || change[down[i]] > k_tolerance)) {
      cells.push_back(i);
    }
  }
  return cells;
}

} // namespace

void suppress_small_counts(Report& report, int threshold)
{
  report.public_threshold = threshold;
  PeopleTable table(report);
  const auto& entries = table.entries();
  std::vector<std::size_t> primaries;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Cell& cell = *entries[i].cell;
    if (cell.value >= 1 && cell.value < threshold) {
      cell.shown = Cell::Shown::below_threshold;
      primaries.push_back(i);
    }
  }
  // Hiding a cell only widens what a reader can infer: a cell unpinned stays so.
  for (const std::size_t primary : primaries) {
    if (!audit_cell(table, primary, threshold).pinned()) {
      continue;
    }
    const long value = entries[primary].cell->value;
    auto cells = value + 1 < threshold ? cells_to_free(table, primary, threshold, 1.0) : std::nullopt;
    if (!cells && value > 1) {
      cells = cells_to_free(table, primary, threshold, -1.0);
    }
    if (!cells) {
      // Pinned by the bounds of small cells alone (a count of t-1 made of t-1
      // small parts): no shown cell can free it (docs/indicators.md).
      report.unprotected.push_back(entries[primary].path);
      continue;
    }
    for (const auto cell : *cells) {
      entries[cell].cell->shown = Cell::Shown::hidden;
    }
  }
  const auto participants_total = report.indicator("participants_total").cells.front().shown;
  for (const auto& entry : entries) {
    auto& list = is_primary(*entry.cell) ? report.suppressed.primary : report.suppressed.secondary;
    if (entry.cell->shown != Cell::Shown::value) {
      list.push_back(entry.path);
    }
    if (entry.path == "indicators.participants_total" && participants_total != Cell::Shown::value) {
      list.push_back("targets.participants.actual");
    }
  }
  suppress_feedback(report.feedback, threshold, report.suppressed); // last: the JSON lists it last
}

} // namespace tandem::report
