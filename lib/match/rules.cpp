#include "match/rules.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tandem::match {

namespace {

using model::Level;
using model::Student;

bool holds(const Student& student, std::string_view language, Level level)
{
  const auto held = student.level_in(language);
  return held && *held >= level;
}

bool pair_holds(const Student& international, const Student* domestic, std::string_view language,
                Level level)
{
  return holds(international, language, level)
         || (domestic != nullptr && holds(*domestic, language, level));
}

std::string who(const Student* domestic)
{
  return domestic == nullptr ? "the student" : "neither student of the pair";
}

void check_availability(const Student& student, const model::Opening& opening, int min_days,
                        std::vector<RuleBreach>& breaches)
{
  const long opening_days = model::days_between(opening.start, opening.end) + 1;
  const long needed = std::min<long>(min_days, opening_days);
  const long shared = overlap_days(student.available_from, student.available_to, opening.start,
                                   opening.end);
  if (shared < needed) {
    breaches.push_back({Rule::availability,
                        fmt::format("{} is available for {} day(s) of the opening, {} needed",
                                    student.id, std::max(shared, 0L), needed)});
  }
}

} // namespace

long overlap_days(const std::optional<model::Date>& from, const std::optional<model::Date>& to,
                  model::Date start, model::Date end)
{
  const model::Date first = from ? std::max(*from, start) : start;
  const model::Date last = to ? std::min(*to, end) : end;
  return model::days_between(first, last) + 1;
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
    breaches.push_back({Rule::kind, fmt::format("{} is not an international student", international.id)});
  }
  if (domestic != nullptr && domestic->group != model::Group::domestic) {
    breaches.push_back({Rule::kind, fmt::format("{} is not a domestic student", domestic->id)});
  }

  if (opening.field != model::OpeningField::any
      && model::to_string(opening.field) != model::to_string(international.field)) {
    breaches.push_back({Rule::field, fmt::format("the opening is for {}, {} studies {}",
                                                 model::to_string(opening.field), international.id,
                                                 model::to_string(international.field))});
  }

  check_availability(international, opening, settings.min_overlap_days, breaches);
  if (domestic != nullptr) {
    check_availability(*domestic, opening, settings.min_overlap_days, breaches);
  }

  for (const Student* student : {&international, domestic}) {
    if (student != nullptr
        && std::find(company.avoid.begin(), company.avoid.end(), student->id) != company.avoid.end()) {
      breaches.push_back({Rule::avoid, fmt::format("{} is on {}'s avoid list", student->id, company.id)});
    }
  }

  for (const auto& need : opening.languages) {
    if (!pair_holds(international, domestic, need.code, need.level)) {
      breaches.push_back({Rule::languages, fmt::format("the opening needs {} at {}; {} has it",
                                                       need.code, model::to_string(need.level),
                                                       who(domestic))});
    }
  }

  if (opening.finnish && !pair_holds(international, domestic, "fi", *opening.finnish)) {
    breaches.push_back({Rule::finnish, fmt::format("the opening needs Finnish at {}; {} has it",
                                                   model::to_string(*opening.finnish), who(domestic))});
  }

  if (domestic != nullptr) {
    // Finnish counts through `finnish_certified` too, so it is always a candidate.
    std::vector<std::string_view> codes{"fi"};
    for (const auto& skill : international.languages) {
      codes.push_back(skill.code);
    }
    const bool share_language = std::any_of(codes.begin(), codes.end(), [&](std::string_view code) {
      return holds(international, code, settings.common_language)
             && holds(*domestic, code, settings.common_language);
    });
    if (!share_language) {
      breaches.push_back({Rule::pair, fmt::format("{} and {} share no language at {} or above",
                                                  international.id, domestic->id,
                                                  model::to_string(settings.common_language))});
    }
  }

  for (const Student* student : {&international, domestic}) {
    if (student != nullptr && student->left && *student->left < opening.start) {
      breaches.push_back({Rule::nobody_twice,
                          fmt::format("{} left the project on {}, before the opening starts",
                                      student->id, model::format_date(*student->left))});
    }
  }
  return breaches;
}

} // namespace tandem::match
