#pragma once

#include "report/participation.hpp"
#include "report/period.hpp"
#include "workspace/load.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tandem::report {

// One figure. `shown` says how a public report shows it: the value, "<N" (a small
// count of people), or hidden (a cell that would let a small one be narrowed down).
struct Cell {
  enum class Shown { value, below_threshold, hidden };
  std::string key;
  long value = 0;
  Shown shown = Shown::value;
};

struct Indicator {
  std::string key;
  bool about_people = true; // counts of people: --public may suppress them
  bool breakdown = false;   // several cells (a JSON object), else one
  std::vector<Cell> cells;  // a single cell keyed like the indicator
  // The `by_gender` entries: per cell, one Cell per gender of the set (in the
  // order of Report::gender_keys). Empty for figures that are not counts of
  // persons (companies, events, placements, attendances) and for
  // participants_by_gender itself.
  std::vector<std::vector<Cell>> by_gender;
};

struct Target {
  std::string key;               // companies / participants
  std::optional<int> planned;    // tandem.yaml targets, whole project
  std::string actual_indicator;  // the indicator holding the actual figure
};

// Every indicator of the report over one term of tandem.yaml.
struct TermRow {
  std::string term;
  Period period;
  std::vector<Indicator> indicators;
};

// Cumulative participants (by entry) and companies (by Business ID) at each
// month's end, for the chart of the HTML report.
struct MonthPoint {
  model::Date day;
  long participants = 0;
  long companies = 0;
};

// One of the project's own feedback figures (report/feedback).
struct FeedbackFigure {
  std::string key;          // "international.responded", "company.overall.mean", "company.would_repeat.share"
  std::optional<long> count; // a count of people
  std::optional<double> ratio; // a mean rating (1-5) or a share (0-1); none when nobody answered
  bool share = false;        // a ratio shown as a percentage
  Cell::Shown shown = Cell::Shown::value;
};

// The JSON paths of the cells a public report hides, in report order.
struct SuppressedPaths {
  std::vector<std::string> primary;
  std::vector<std::string> secondary;
};

struct Report {
  std::string project_name;
  std::string project_code;
  Period period;
  Period project_span;
  model::IndicatorSet set = model::IndicatorSet::esf2014;
  std::vector<std::string> gender_keys; // the set's gender cells
  std::vector<Indicator> indicators;
  std::vector<Target> targets;
  std::vector<TermRow> terms; // the terms of tandem.yaml that overlap the period
  std::vector<MonthPoint> cumulative;
  std::vector<FeedbackFigure> feedback; // the feedback rounds of the placements ending in the period
  std::optional<int> public_threshold; // set once suppressed for --public
  SuppressedPaths suppressed;
  // Small counts that no secondary suppression can protect under cli.md's audit.
  std::vector<std::string> unprotected;

  const Indicator& indicator(std::string_view key) const;
};

// The indicator of that key in a list; throws std::logic_error when absent.
const Indicator& find_indicator(const std::vector<Indicator>& indicators, std::string_view key);

// Every figure of the report for a period, by cli.md's definitions (revision 2)
// and the indicator set of tandem.yaml (docs/indicators.md).
Report build_report(const workspace::Workspace& workspace, const Period& period);

} // namespace tandem::report
