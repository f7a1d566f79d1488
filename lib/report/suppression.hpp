#pragma once

#include "report/indicators.hpp"

#include <optional>
#include <string>
#include <vector>

// --public (cli.md, "a table that cannot be undone"): primary suppression of small
// counts of people, then secondary suppression until an exact LP audit, knowing
// every shown cell, the bounds of hidden cells and every relation the report has
// by construction, can narrow no primary cell down to one whole number.
namespace tandem::report {

// A linear relation between counts of the report: the parts add up to the
// wholes (`equal`), or to at most the wholes.
struct Relation {
  std::vector<std::size_t> parts;
  std::vector<std::size_t> wholes;
  bool equal = true;
};

// The counts of people of a report, each with its JSON path, and the relations
// between them (docs/indicators.md lists them).
class PeopleTable {
public:
  struct Entry {
    std::string path;
    Cell* cell;
  };

  explicit PeopleTable(Report& report);

  const std::vector<Entry>& entries() const { return m_entries; }
  const std::vector<Relation>& relations() const { return m_relations; }

private:
  struct View;
  using Cells = std::vector<std::optional<std::size_t>>;

  // The entries of one list of indicators, the period's (with its by_gender
  // entries: one view more per gender) or a term's, with the relations within it.
  std::vector<View> add_list(const std::string& prefix, std::vector<Indicator>& indicators,
                             const std::vector<std::string>& gender_keys, const Period& period,
                             const Period& project_span);
  void relate_within(const View& view, const Period& period, const Period& project_span);
  void relate_terms(const View& period, const std::vector<View>& terms, bool tile);
  // Adds sum(parts) = / <= sum(wholes) when every cell is a count of people.
  void relate(const Cells& parts, const Cells& wholes, bool equal);

  std::vector<Entry> m_entries;
  std::vector<Relation> m_relations;
};

// The range of whole numbers a reader can still give a hidden cell.
struct AuditRange {
  long lowest;
  long highest;
  bool pinned() const { return highest <= lowest; }
};

// Audits one hidden cell of the table by linear programming: its least and
// greatest value given every shown cell, hidden primary cells in 1..t-1, hidden
// secondary cells at t or more, and every relation.
AuditRange audit_cell(const PeopleTable& table, std::size_t entry, int threshold);

// --public: hides every count of people from 1 to threshold-1, then as few
// people as it can more, until no hidden small count can be narrowed down; lists
// the hidden cells' paths in report.suppressed.
void suppress_small_counts(Report& report, int threshold);


} // namespace tandem::report
