#include "match/rules.hpp"

#include "io/text.hpp"
#include "match/scoring.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tandem::match {

namespace {

using model::Level;
using model::Student;

} // namespace

std::string_view rule_name(Rule rule)
{
  switch (rule) {
  case Rule::kind: return "kind";
  case Rule::field: return "field";
  case Rule::availability: return "availability";
  case Rule::avoid: return "avoid";
  case Rule::languages: return "languages";
  case Rule::finnish: return "Finnish";
  case Rule::pair: return "pair";
  case Rule::nobody_twice: return "nobody twice";
  case Rule::capacity: return "capacity";
  }
  return "";
}

long overlap_days(const std::optional<model::Date>& from, const std::optional<model::Date>& to,
                  model::Date start, model::Date end)
{
  const model::Date first = from ? std::max(*from, start) : start;
  const model::Date last = to ? std::min(*to, end) : end;
  return model::days_between(first, last) + 1;
}

bool holds(const Student& student, std::string_view language, Level level)
{
  const auto held = student.level_in(language);
  return held && *held >= level;
}

bool field_fits(const model::Opening& opening, const Student& international)
{
  return opening.field == model::OpeningField::any
         || model::to_string(opening.field) == model::to_string(international.field);
}

Availability availability(const Student& student, const model::Opening& opening, int min_overlap_days)
{
  const long opening_days = model::days_between(opening.start, opening.end) + 1;
  return {std::max(0L, overlap_days(student.available_from, student.available_to, opening.start, opening.end)),
          std::min<long>(min_overlap_days, opening_days)};
}

bool is_avoided(const model::Company& company, const Student& student)
{
  return io::contains(company.avoid, student.id);
}

bool left_before_start(const Student& student, const model::Opening& opening)
{
  return student.left && *student.left < opening.start;
}

bool share_language(const Student& international, const Student& domestic, Level level)
{
  // Finnish counts through `finnish_certified` too, so it is always a candidate.
  if (holds(international, "fi", level) && holds(domestic, "fi", level)) {
    return true;
  }
  return std::any_of(international.languages.begin(), international.languages.end(),
                     [&](const model::LanguageSkill& skill) {
                       return skill.level >= level && holds(domestic, skill.code, level);
                     });
}

std::vector<RuleBreach> check_candidate(const model::Opening& opening,
                                        const model::Company& company,
                                        const Student& international, const Student* domestic,
                                        const model::MatchingSettings& settings)
{
  std::vector<RuleBreach> breaches;

  if (domestic == nullptr && opening.kind == model::OpeningKind::tandem) {
    breaches.push_back({Rule::kind, "the opening takes tandem pairs, not a solo student"});
  }
  if (domestic != nullptr && opening.kind == model::OpeningKind::solo) {
    breaches.push_back({Rule::kind, "the opening takes one solo student, not a pair"});
  }
  if (international.group != model::Group::international) {
    breaches.push_back({Rule::kind, fmt::format("{} is not an international student", international.display_name())});
  }
  if (domestic != nullptr && domestic->group != model::Group::domestic) {
    breaches.push_back({Rule::kind, fmt::format("{} is not a domestic student", domestic->display_name())});
  }

  if (!field_fits(opening, international)) {
    breaches.push_back({Rule::field, fmt::format("the opening is for {}, {} studies {}",
                                                 model::to_string(opening.field), international.display_name(),
                                                 model::to_string(international.field))});
  }

  for (const Student* student : {&international, domestic}) {
    if (student == nullptr) {
      continue;
    }
    const auto days = availability(*student, opening, settings.min_overlap_days);
    if (!days.enough()) {
      breaches.push_back({Rule::availability,
                          fmt::format("{} is available for {} day(s) of the opening, {} needed",
                                      student->display_name(), days.shared, days.needed)});
    }
  }

  for (const Student* student : {&international, domestic}) {
    if (student != nullptr && is_avoided(company, *student)) {
      breaches.push_back({Rule::avoid, fmt::format("{} is on {}'s avoid list", student->display_name(), company.name)});
    }
  }

  const OpeningProfile profile(opening, company, settings);
  const Fit international_fit = profile.fit(international);
  const auto domestic_fit = domestic ? std::optional<Fit>(profile.fit(*domestic)) : std::nullopt;
  for (const auto& need : profile.unmet_requirements(international_fit, domestic_fit ? &*domestic_fit : nullptr)) {
    const bool finnish_rule = opening.finnish && need.code == "fi" && need.level == *opening.finnish;
    // What each student has, from the data: the claim a reader can check.
    const auto held = [&](const Student& student) {
      const auto level = student.level_in(need.code);
      return level ? fmt::format("{} has it at {}", student.display_name(), model::to_string(*level))
                   : fmt::format("{} has no {}", student.display_name(), model::language_name(need.code));
    };
    breaches.push_back({finnish_rule ? Rule::finnish : Rule::languages,
                        fmt::format("the opening needs {} at {}; {}", model::language_name(need.code),
                                    model::to_string(need.level),
                                    domestic == nullptr ? held(international)
                                                        : held(international) + " and " + held(*domestic))});
  }

  if (domestic != nullptr && !share_language(international, *domestic, settings.common_language)) {
    breaches.push_back({Rule::pair, fmt::format("{} and {} share no language at {} or above",
                                                international.display_name(), domestic->display_name(),
                                                model::to_string(settings.common_language))});
  }

  for (const Student* student : {&international, domestic}) {
    if (student != nullptr && left_before_start(*student, opening)) {
      breaches.push_back({Rule::nobody_twice,
                          fmt::format("{} left the project on {}, before the opening starts",
                                      student->display_name(), model::format_date(*student->left))});
    }
  }
  return breaches;
}

} // namespace tandem::match
