#include "match/explain.hpp"

#include "io/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tandem::match {

namespace {

class Explainer {
public:
  Explainer(const MatchInput& input, const MatchResult& result, std::size_t lines_per_list)
    : m_input(input), m_result(result), m_lines_per_list(lines_per_list)
  {
    for (const auto& placement : result.placements) {
      m_chosen.push_back(placement.candidate);
    }
  }

  std::vector<std::string> student(const model::Student& student)
  {
    const int international = index_of(m_input.internationals, student.id);
    const int domestic = index_of(m_input.domestics, student.id);
    if (international < 0 && domestic < 0) {
      return {outside_run(student)};
    }
    const auto in_candidate = [&](const Candidate& candidate) {
      return international >= 0 ? candidate.international == international : candidate.domestic == domestic;
    };
    const int placed = find_chosen(in_candidate);
    const double placed_score = placed >= 0 ? candidate(placed).score : -HUGE_VAL;
    if (placed >= 0) {
      m_lines.push_back(international >= 0 ? fmt::format("{} is placed at {}", student.display_name(),
                                                         m_input.describe_place(candidate(placed)))
                                           : fmt::format("{} is placed: {}", student.display_name(), describe(placed)));
      add_components(placed);
    } else if (international >= 0) {
      const auto unplaced = std::find_if(m_result.unplaced.begin(), m_result.unplaced.end(),
                                         [&](const UnplacedStudent& entry) { return entry.id == student.id; });
      m_lines.push_back(fmt::format("{} is not placed: {}", student.display_name(), unplaced->reason));
    } else {
      m_lines.push_back(fmt::format("{} is not placed: a domestic student is placed only as a partner, and no "
                                    "plan that places them scores higher",
                                    student.display_name()));
    }

    std::vector<int> better;
    for (std::size_t index = 0; index < m_input.problem.candidates.size(); ++index) {
      const auto& alternative = m_input.problem.candidates[index];
      if (in_candidate(alternative) && static_cast<int>(index) != placed && alternative.score > placed_score) {
        better.push_back(static_cast<int>(index));
      }
    }
    sort_by_score(better);
    const auto better_wished =
      wished_first(student, better, [&](int index) { return &m_input.opening_of(candidate(index)); });
    list("allowed placements scoring higher, and why not:", better,
         [&](int index) { return fmt::format("{}: {}", describe(index), why_not(index)); }, better_wished);
    list("cancelled by staff, never proposed again:", cancelled_placements_of(student.id),
         [&](const model::Placement* placement) {
           const auto* company = m_input.workspace->company_of(*placement);
           return fmt::format("{} at {} ({}){} (placement {})", name_of(placement->international_id),
                              company ? company->name : placement->company_id, placement->opening_id,
                              placement->domestic_id.empty() ? " solo" : " with " + name_of(placement->domestic_id),
                              placement->id);
         });

    if (international >= 0) {
      std::vector<std::size_t> refused;
      for (std::size_t opening = 0; opening < m_input.openings.size(); ++opening) {
        if (!own_rule_breach(m_input, student, opening).empty()) {
          refused.push_back(opening);
        }
      }
      const auto refused_wished =
        wished_first(student, refused, [&](std::size_t opening) { return m_input.openings[opening]; });
      list("open openings the rules refuse:", refused,
           [&](std::size_t opening) {
             return fmt::format("{}: {}", m_input.opening_name(static_cast<int>(opening)),
                                own_rule_breach(m_input, student, opening));
           },
           refused_wished);
    }
    return std::move(m_lines);
  }

  std::vector<std::string> opening(const model::Opening& opening)
  {
    const int index = index_of(m_input.openings, opening.id);
    if (index < 0) {
      const auto* company = m_input.workspace->find_company(opening.company_id);
      return {fmt::format("{} ({}) is not open in this run: it has no free slot, starts outside --term, or was "
                          "left out with --exclude",
                          company ? company->name : opening.company_id, opening.id)};
    }
    std::vector<int> held;
    for (const int chosen : m_chosen) {
      if (candidate(chosen).opening == index) {
        held.push_back(chosen);
      }
    }
    m_lines.push_back(fmt::format("{} has {} free slot(s) in this run and {} placement(s) in the plan",
                                  m_input.opening_name(index), m_input.problem.capacity[at(index)], held.size()));
    double lowest = HUGE_VAL;
    for (const int chosen : held) {
      m_lines.push_back("placed: " + describe(chosen));
      add_components(chosen);
      lowest = std::min(lowest, candidate(chosen).score);
    }
    const bool full = static_cast<int>(held.size()) >= m_input.problem.capacity[at(index)];
    std::vector<int> better;
    for (std::size_t other = 0; other < m_input.problem.candidates.size(); ++other) {
      const auto& alternative = m_input.problem.candidates[other];
      if (alternative.opening == index && std::find(held.begin(), held.end(), static_cast<int>(other)) == held.end()
          && (!full || alternative.score >= lowest)) {
        better.push_back(static_cast<int>(other));
      }
    }
    sort_by_score(better);
    list(full ? "allowed candidates scoring at least as high as the lowest placed, and why not:"
              : "other allowed candidates, and why not:",
         better, [&](int other) { return fmt::format("{}: {}", describe(other), why_not(other)); });

    std::vector<std::string> refused;
    for (const auto* student : m_input.internationals) {
      if (const auto breach = own_rule_breach(m_input, *student, at(index)); !breach.empty()) {
        refused.push_back(fmt::format("{}: {}", student->display_name(), breach));
      }
    }
    list("international students the rules refuse here:", refused, [](const std::string& line) { return line; });
    return std::move(m_lines);
  }

private:
  const Candidate& candidate(int index) const { return m_input.problem.candidates[at(index)]; }

  template <typename List>
  static int index_of(const List& list, const std::string& id)
  {
    const auto found = std::find_if(list.begin(), list.end(), [&](const auto* item) { return item->id == id; });
    return found == list.end() ? -1 : static_cast<int>(found - list.begin());
  }

  template <typename Predicate>
  int find_chosen(const Predicate& predicate) const
  {
    const auto found = std::find_if(m_chosen.begin(), m_chosen.end(),
                                    [&](int index) { return predicate(candidate(index)); });
    return found == m_chosen.end() ? -1 : *found;
  }

  std::vector<const model::Placement*> cancelled_placements_of(const std::string& id) const
  {
    std::vector<const model::Placement*> found;
    for (const auto& [key, placement] : m_input.cancelled) {
      if (placement->international_id == id || placement->domestic_id == id) {
        found.push_back(placement);
      }
    }
    std::sort(found.begin(), found.end(),
              [](const model::Placement* a, const model::Placement* b) { return a->id < b->id; });
    return found;
  }

  std::string outside_run(const model::Student& student) const
  {
    if (student.on_hold) {
      return fmt::format("{} is on hold (matching: hold in students.csv): left out of every match until "
                         "staff clear it",
                         student.display_name());
    }
    if (std::find(m_input.excluded_internationals.begin(), m_input.excluded_internationals.end(), student.id)
        != m_input.excluded_internationals.end()) {
      return fmt::format("{} was left out of this run with --exclude", student.display_name());
    }
    const auto& placements = m_input.workspace->placements;
    for (std::size_t row = 0; row < placements.size(); ++row) {
      const auto& placement = placements[row];
      if (m_input.row_fates[row] == RowFate::kept
          && (placement.international_id == student.id || placement.domestic_id == student.id)) {
        return fmt::format("{} is in the proposed placement {}, kept as it is ({})", student.display_name(), placement.id,
                           placement.locked ? "locked: yes in placements.csv" : "--lock, or outside --term");
      }
    }
    return fmt::format("{} was left out of this run with --exclude", student.display_name());
  }

  std::string describe(int index) const { return m_input.describe(candidate(index)); }

  // A student named by id in placements.csv, by name (the id itself when the
  // roster no longer has them).
  std::string name_of(const std::string& id) const
  {
    const auto* student = m_input.workspace->find_student(id);
    return student ? student->display_name() : id;
  }

  void add_components(int index)
  {
    if (const auto parts = components_of(m_input, candidate(index))) {
      std::string line = "  score = ";
      for (std::size_t part = 0; part < component_count; ++part) {
        line += fmt::format("{}{} {:.3f}", part == 0 ? "" : " + ", to_string(static_cast<Component>(part)),
                            parts->weighted[part]);
      }
      m_lines.push_back(line);
    } else {
      m_lines.push_back("  score from the --scores-in table");
    }
  }

  // Who holds what this candidate would need.
  std::string why_not(int index) const
  {
    const auto& wanted = candidate(index);
    std::vector<std::string> reasons;
    const int own = find_chosen([&](const Candidate& other) { return other.international == wanted.international; });
    if (own >= 0) {
      reasons.push_back(fmt::format("{} is placed at {}", m_input.international_of(wanted).display_name(),
                                    m_input.opening_name(candidate(own).opening)));
    }
    if (wanted.domestic != solo) {
      const int partner = find_chosen([&](const Candidate& other) {
        return other.domestic == wanted.domestic && other.international != wanted.international;
      });
      if (partner >= 0) {
        reasons.push_back(fmt::format("{} is placed with {}", m_input.domestic_of(wanted)->display_name(),
                                      m_input.international_of(candidate(partner)).display_name()));
      }
    }
    std::vector<std::string> holders;
    for (const int chosen : m_chosen) {
      if (candidate(chosen).opening == wanted.opening && candidate(chosen).international != wanted.international) {
        holders.push_back(m_input.international_of(candidate(chosen)).display_name());
      }
    }
    if (static_cast<int>(holders.size()) >= m_input.problem.capacity[at(wanted.opening)]) {
      reasons.push_back(fmt::format("the slot(s) of {} went to {}", m_input.opening_name(wanted.opening),
                                    fmt::join(holders, ", ")));
    }
    if (reasons.empty()) {
      return "nothing stands in its way, yet the plan is better without it";
    }
    const std::string whole = m_result.method == Method::optimal
                                ? "; this plan places the most international students, then scores the highest in total"
                                : "";
    return fmt::format("{}{}", fmt::join(reasons, "; "), whole);
  }

  void sort_by_score(std::vector<int>& indices) const
  {
    std::stable_sort(indices.begin(), indices.end(),
                     [&](int a, int b) { return candidate(a).score > candidate(b).score; });
  }

  // Moves the items at openings the student listed in `preferences` (by opening or
  // company id) to the front, in the student's order; returns how many there are.
  template <typename Item, typename OpeningOf>
  std::size_t wished_first(const model::Student& student, std::vector<Item>& items, const OpeningOf& opening_of) const
  {
    const auto rank = [&](const Item& item) {
      const model::Opening* opening = opening_of(item);
      for (std::size_t wish = 0; wish < student.preferences.size(); ++wish) {
        if (student.preferences[wish] == opening->id || student.preferences[wish] == opening->company_id) {
          return wish;
        }
      }
      return student.preferences.size();
    };
    std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) { return rank(a) < rank(b); });
    return static_cast<std::size_t>(
      std::count_if(items.begin(), items.end(), [&](const Item& item) { return rank(item) < student.preferences.size(); }));
  }

  // The first `always` items in full (the student's own wishes), then at most
  // m_lines_per_list more.
  template <typename Item, typename Describe>
  void list(const std::string& title, const std::vector<Item>& items, const Describe& line, std::size_t always = 0)
  {
    if (items.empty()) {
      return;
    }
    m_lines.push_back(title);
    const std::size_t shown = std::min(items.size(), always + std::min(m_lines_per_list, items.size()));
    for (std::size_t item = 0; item < shown; ++item) {
      m_lines.push_back("  " + line(items[item]) + (item < always ? " (in their preferences)" : ""));
    }
    if (items.size() > shown) {
      m_lines.push_back(fmt::format("  ... and {} more (--verbose lists all)", items.size() - shown));
    }
  }

  const MatchInput& m_input;
  const MatchResult& m_result;
  std::size_t m_lines_per_list;
  std::vector<int> m_chosen;
  std::vector<std::string> m_lines;
};

} // namespace

std::vector<std::string> explain(const MatchInput& input, const MatchResult& result, const std::string& id,
                                 bool everything)
{
  const std::size_t lines_per_list = everything ? std::numeric_limits<std::size_t>::max() : 15;
  if (const auto* student = input.workspace->find_student(id)) {
    return Explainer(input, result, lines_per_list).student(*student);
  }
  if (const auto* opening = input.workspace->find_opening(id)) {
    return Explainer(input, result, lines_per_list).opening(*opening);
  }
  throw Error(fmt::format("--explain {}: no student or opening has this id", id));
}

} // namespace tandem::match
