#pragma once

#include "report/participation.hpp"
#include "report/period.hpp"
#include "workspace/load.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tandem::report {

// One figure. `shown` says how a public report shows it: the value, "<N" (a small
// count of people), or hidden (a cell that would let a small one be recomputed).
struct Cell {
  enum class Shown { value, below_threshold, hidden };
  std::string key;
  long value = 0;
  Shown shown = Shown::value;
};

struct Indicator {
  std::string key;
  bool about_people = true;             // counts of people: --public may suppress them
  bool breakdown = false;               // several cells (a JSON object), else one
  bool partitions_participants = false; // its cells add up to participants_total
  std::vector<Cell> cells;              // a single cell keyed like the indicator
};

struct Target {
  std::string key;               // companies / participants
  std::optional<int> planned;    // tandem.yaml targets, whole project
  std::string actual_indicator;  // the indicator holding the actual figure
};

// The project's own figures per term of tandem.yaml.
struct TermRow {
  std::string term;
  Period period;
  std::vector<Cell> cells; // keys: see term_columns()
};

// Cumulative participants and companies (by Business ID) at each month's end,
// for the chart of the HTML report.
struct MonthPoint {
  model::Date day;
  long participants = 0;
  long companies = 0;
};

struct Report {
  std::string project_name;
  std::string project_code;
  Period period;
  model::IndicatorSet set = model::IndicatorSet::esf2014;
  std::vector<Indicator> indicators;
  std::vector<Target> targets;
  std::vector<TermRow> terms;
  std::vector<MonthPoint> cumulative;
  std::optional<int> public_threshold; // set once suppressed for --public

  const Indicator& indicator(std::string_view key) const;
};

// The per-term columns and whether each counts people.
struct TermColumn {
  std::string_view key;
  std::string_view title;
  bool about_people;
};
const std::vector<TermColumn>& term_columns();

// Every figure of the report for a period, by cli.md's definitions and the
// indicator set of tandem.yaml (docs/indicators.md).
Report build_report(const workspace::Workspace& workspace, const Period& period);

// --public: hides every count of people from 1 to threshold-1, and then, in every
// group of cells that adds up to a shown total, one more cell wherever a single
// hidden one could be recomputed by subtraction.
void suppress_small_counts(Report& report, int threshold);

} // namespace tandem::report
