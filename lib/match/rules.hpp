#pragma once

#include "model/workspace.hpp"

#include <string>
#include <vector>

// The hard matching rules of data-contract.md ("Matching rules"), one place for
// `match` (never propose a candidate that breaks one) and `check` (warn about a
// real placement that does).
namespace tandem::match {

enum class Rule {
  kind = 1,
  field = 2,
  availability = 3,
  avoid = 4,
  languages = 5,
  finnish = 6,
  pair = 7,
  nobody_twice = 8,
  capacity = 9,
};

// The rule's short name, as the contract's list names it: "field", "availability" ...
std::string_view rule_name(Rule rule);

struct RuleBreach {
  Rule rule;
  std::string explanation; // plain words, for `check` warnings and `match --explain`
};

// Rules 1-7 and the `left` part of rule 8 for one candidate: an opening with an
// international student and, for a tandem, a domestic partner. Rules about the
// whole plan (a student twice, capacity) are checked by the caller.
std::vector<RuleBreach> check_candidate(const model::Opening& opening,
                                        const model::Company& company,
                                        const model::Student& international,
                                        const model::Student* domestic,
                                        const model::MatchingSettings& settings);

// The rules one at a time, without explanations: `match` tests millions of
// candidates with these; check_candidate explains with the same functions.
// The student holds the language at the level or above (Finnish: see Student::level_in).
bool holds(const model::Student& student, std::string_view language, model::Level level);
bool field_fits(const model::Opening& opening, const model::Student& international);
struct Availability {
  long shared = 0; // days of the opening the student is available
  long needed = 0;
  bool enough() const { return shared >= needed; }
};
Availability availability(const model::Student& student, const model::Opening& opening, int min_overlap_days);
bool is_avoided(const model::Company& company, const model::Student& student);
bool left_before_start(const model::Student& student, const model::Opening& opening);
bool share_language(const model::Student& international, const model::Student& domestic, model::Level level);

// Days that [from, to] and [start, end] share; an empty bound is open.
long overlap_days(const std::optional<model::Date>& from, const std::optional<model::Date>& to,
                  model::Date start, model::Date end);

} // namespace tandem::match
