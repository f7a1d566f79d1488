#pragma once

#include "match/problem.hpp"
#include "model/workspace.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// What an opening needs, how far one student or a pair meets it, and the score
// of a candidate, component by component (docs/matching.md has the formula).
namespace tandem::match {

enum class Component { markets, languages, field, skills, preferences, location, complementarity };
inline constexpr std::size_t component_count = 7;
std::string_view to_string(Component component);

// Each component's weighted value; their sum is the candidate's score.
struct Components {
  std::array<double, component_count> weighted{};

  double& operator[](Component component) { return weighted[static_cast<std::size_t>(component)]; }
  double operator[](Component component) const { return weighted[static_cast<std::size_t>(component)]; }
  double total() const; // summed in the order of Component: always the same double
};

// One student measured against one opening.
struct Fit {
  std::vector<std::uint64_t> needs_met;  // bit per need (see OpeningProfile)
  std::vector<signed char> language_level; // per language target; -1 when not held
  bool field_match = false;
  bool same_municipality = false;
  double student_preference = 0; // 1 for the student's first choice ... 0 unlisted
  double company_preference = 0; // 1 for the company's first choice ... 0 unlisted
};

// An opening's needs, numbered: first its hard requirements (each language at
// its level, then Finnish: rules 5 and 6), then its target markets (the
// opening's and the company's), then its skills.
class OpeningProfile {
public:
  OpeningProfile(const model::Opening& opening, const model::Company& company,
                 const model::MatchingSettings& settings);

  Fit fit(const model::Student& student) const;
  // The same into `fit`, reusing its storage: the shortlist of a national run
  // measures tens of millions of (student, opening) fits.
  void fit_into(const model::Student& student, Fit& fit) const;

  // Rules 5 and 6: every requirement is held by the student or by one of the pair.
  bool requirements_met(const Fit& international, const Fit* domestic) const;
  // How many requirements neither holds (the student alone without `domestic`).
  std::size_t unmet_requirement_count(const Fit& international, const Fit* domestic = nullptr) const;
  // The requirements neither holds, for explanations.
  std::vector<model::LanguageSkill> unmet_requirements(const Fit& international, const Fit* domestic) const;

  Components components(const Fit& international, const Fit* domestic) const;

  // What a member of a pair adds to the pair's score on their own (field,
  // preferences, location): a pair's score is this for each member plus what
  // depends on both, which only their coverage_key()s decide.
  double member_share(const Fit& member) const;
  // The needs a student meets and their language levels as far as the score
  // reads them, as bytes: written into `key`, whose storage is reused.
  void coverage_key(const Fit& fit, std::string& key) const;

private:
  std::size_t words() const { return (m_need_count + 63) / 64; }

  const model::Opening& m_opening;
  const model::Company& m_company;
  const model::MatchingSettings& m_settings;
  std::vector<model::LanguageSkill> m_requirements;
  std::vector<std::string> m_markets;
  std::vector<std::string> m_skills;
  std::vector<model::LanguageSkill> m_language_targets; // requirements + working languages
  std::size_t m_need_count = 0;
};

// What every candidate at one opening could score (Problem's MostPossible),
// built without listing the pairs: fed every partner eligible there first,
// then each international student. Partners are grouped by coverage key; a
// pair's gain is worked out once per pair of keys. Pair rule 7 (a shared
// language) is not applied: the values bound the allowed candidates.
class MostPossibleBuilder {
public:
  // Each key keeps its `priced_per_key` partners with the largest shares by
  // name; the rest only as the largest share among them.
  MostPossibleBuilder(const OpeningProfile& profile, std::size_t priced_per_key)
    : m_profile(profile), m_priced_per_key(priced_per_key)
  {
  }

  void add_partner(int domestic, const Fit& fit);
  // Adds the student, when a candidate of theirs is allowed here, and
  // returns the most such a candidate could score: `alone` (the solo
  // candidate's score, or -HUGE_VAL when not allowed), or a pair with one of
  // the partners added. -HUGE_VAL when neither is allowed.
  double add_student(int international, const Fit& fit, double alone);
  // The students added so far, in order (MostPossible::students).
  const std::vector<MostPossible::Student>& students() const { return m_most.students; }

  struct Partner {
    int domestic = 0;
    int key = 0; // index of the partner's coverage key
  };
  // The `count` partners whose best pair with one of `students` (positions
  // in students()) scores most, then who brings most alone; in the order added.
  std::vector<Partner> best_partners(const std::vector<std::size_t>& students, std::size_t count) const;
  // Whether a student (by position in students()) and a partner with
  // `partner_key` meet the opening's requirements together: their keys say it.
  bool meet_requirements(std::size_t student, int partner_key) const;
  MostPossible done() &&;

private:
  // The row of gains for the student's coverage key, added on first sight; -1 when no pair is allowed.
  int student_key(const Fit& fit);

  const OpeningProfile& m_profile;
  std::size_t m_priced_per_key;
  std::unordered_map<std::string, int> m_partner_key; // coverage key -> index
  std::vector<std::pair<Partner, float>> m_partners;  // with their share, in the order added
  std::vector<Fit> m_partner_fit;                     // one per key: a pair's gain depends only on the keys
  std::unordered_map<std::string, int> m_student_key; // coverage key -> row of gains, or -1
  // MostPossible::most_with_partner of each row of gains, kept: a row serves
  // every student with its coverage key, and working it out loops over every
  // partner key (national benchmark, once per student: candidates 18.8 s; once
  // per row: 15.0-15.5 s).
  std::vector<double> m_most_with_partner;
  MostPossible m_most;
  std::string m_key; // reused storage
};

// The place (0 = first) of the first of `ids` in a ranked list, if any is there.
std::optional<std::size_t> place_in(const std::vector<std::string>& ranked,
                                    std::initializer_list<std::string_view> ids);

// Position of the first of `ids` in a ranked list as a preference value:
// 1 for the first place, falling linearly, 0 when none is listed.
double preference_value(const std::vector<std::string>& ranked, std::initializer_list<std::string_view> ids);

} // namespace tandem::match
