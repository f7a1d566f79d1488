#include "match/scoring.hpp"

#include "io/text.hpp"
#include "match/rules.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <tuple>

namespace tandem::match {

namespace {

constexpr std::array<std::string_view, component_count> component_names{
  "markets", "languages", "field", "skills", "preferences", "location", "complementarity"};

// The level a working language of the company is useful at.
constexpr model::Level working_level = model::Level::B1;

void set_bit(std::vector<std::uint64_t>& bits, std::size_t index)
{
  bits[index / 64] |= std::uint64_t{1} << (index % 64);
}

bool has_bit(const std::vector<std::uint64_t>& bits, std::size_t index)
{
  return ((bits[index / 64] >> (index % 64)) & 1U) != 0;
}

// Bits [first, last) of a | b (b may be absent) that are set.
std::size_t count_between(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>* b,
                          std::size_t first, std::size_t last)
{
  std::size_t count = 0;
  for (std::size_t index = first; index < last; ++index) {
    count += (has_bit(a, index) || (b != nullptr && has_bit(*b, index))) ? 1 : 0;
  }
  return count;
}

std::size_t count_all(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>* b)
{
  std::size_t count = 0;
  for (std::size_t word = 0; word < a.size(); ++word) {
    count += static_cast<std::size_t>(std::popcount(a[word] | (b != nullptr ? (*b)[word] : 0)));
  }
  return count;
}

void add_unique(std::vector<std::string>& list, const std::string& item)
{
  if (std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(item);
  }
}

double share(std::size_t part, std::size_t whole)
{
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

} // namespace

std::string_view to_string(Component component)
{
  return component_names[static_cast<std::size_t>(component)];
}

double Components::total() const
{
  double sum = 0;
  for (const double value : weighted) {
    sum += value;
  }
  return sum;
}

std::optional<std::size_t> place_in(const std::vector<std::string>& ranked,
                                    std::initializer_list<std::string_view> ids)
{
  for (std::size_t place = 0; place < ranked.size(); ++place) {
    if (std::find(ids.begin(), ids.end(), ranked[place]) != ids.end()) {
      return place;
    }
  }
  return std::nullopt;
}

double preference_value(const std::vector<std::string>& ranked, std::initializer_list<std::string_view> ids)
{
  const auto place = place_in(ranked, ids);
  return place ? static_cast<double>(ranked.size() - *place) / static_cast<double>(ranked.size()) : 0.0;
}

OpeningProfile::OpeningProfile(const model::Opening& opening, const model::Company& company,
                               const model::MatchingSettings& settings)
    : m_opening(opening), m_company(company), m_settings(settings), m_requirements(opening.languages)
{
  if (opening.finnish) {
    m_requirements.push_back({"fi", *opening.finnish});
  }
  for (const auto& market : opening.markets) {
    add_unique(m_markets, market);
  }
  for (const auto& market : company.target_markets) {
    add_unique(m_markets, market);
  }
  for (const auto& skill : opening.skills) {
    add_unique(m_skills, skill);
  }
  m_language_targets = m_requirements;
  for (const auto& language : company.working_languages) {
    const bool required = std::any_of(m_requirements.begin(), m_requirements.end(),
                                      [&](const model::LanguageSkill& need) { return need.code == language; });
    if (!required) {
      m_language_targets.push_back({language, working_level});
    }
  }
  m_need_count = m_requirements.size() + m_markets.size() + m_skills.size();
}

Fit OpeningProfile::fit(const model::Student& student) const
{
  Fit fit;
  fit_into(student, fit);
  return fit;
}

void OpeningProfile::fit_into(const model::Student& student, Fit& fit) const
{
  fit.language_level.clear();
  for (const auto& target : m_language_targets) {
    const auto held = student.level_in(target.code);
    fit.language_level.push_back(held ? static_cast<signed char>(*held) : -1);
  }
  fit.needs_met.assign(words(), 0);
  std::size_t need = 0;
  // The requirements are the first language targets: their levels are read above.
  for (const auto& requirement : m_requirements) {
    if (fit.language_level[need] >= static_cast<signed char>(requirement.level)) {
      set_bit(fit.needs_met, need);
    }
    ++need;
  }
  for (const auto& market : m_markets) {
    if (io::contains(student.markets, market) || student.home_country == market) {
      set_bit(fit.needs_met, need);
    }
    ++need;
  }
  for (const auto& skill : m_skills) {
    if (io::contains(student.skills, skill)) {
      set_bit(fit.needs_met, need);
    }
    ++need;
  }
  fit.field_match = m_opening.field == model::OpeningField::any
                    || model::to_string(m_opening.field) == model::to_string(student.field);
  fit.same_municipality = !student.municipality.empty()
                          && io::equal_ignoring_case(student.municipality, m_company.municipality);
  fit.student_preference = preference_value(student.preferences, {m_opening.id, m_company.id});
  fit.company_preference = preference_value(m_company.preferences, {student.id});
}

bool OpeningProfile::requirements_met(const Fit& international, const Fit* domestic) const
{
  return unmet_requirement_count(international, domestic) == 0;
}

std::size_t OpeningProfile::unmet_requirement_count(const Fit& international, const Fit* domestic) const
{
  return m_requirements.size() - count_between(international.needs_met, domestic ? &domestic->needs_met : nullptr,
                                                0, m_requirements.size());
}

std::vector<model::LanguageSkill> OpeningProfile::unmet_requirements(const Fit& international,
                                                                     const Fit* domestic) const
{
  std::vector<model::LanguageSkill> unmet;
  for (std::size_t need = 0; need < m_requirements.size(); ++need) {
    if (!has_bit(international.needs_met, need) && (domestic == nullptr || !has_bit(domestic->needs_met, need))) {
      unmet.push_back(m_requirements[need]);
    }
  }
  return unmet;
}

Components OpeningProfile::components(const Fit& international, const Fit* domestic) const
{
  const auto* partner_needs = domestic ? &domestic->needs_met : nullptr;
  const std::size_t markets_first = m_requirements.size();
  const std::size_t skills_first = markets_first + m_markets.size();
  const double members = domestic ? 2.0 : 1.0;
  const auto both = [&](auto member_value) {
    return (member_value(international) + (domestic ? member_value(*domestic) : 0.0)) / members;
  };

  Components result;
  result[Component::markets] = m_settings.weight_markets
                               * share(count_between(international.needs_met, partner_needs, markets_first, skills_first),
                                       m_markets.size());

  double beyond = 0;
  for (std::size_t target = 0; target < m_language_targets.size(); ++target) {
    const int held = std::max<int>(international.language_level[target],
                                   domestic ? domestic->language_level[target] : -1);
    const int needed = static_cast<int>(m_language_targets[target].level);
    if (held >= needed) {
      beyond += std::min(1.0, (held - needed) / 2.0);
    }
  }
  result[Component::languages] = m_settings.weight_languages
                                 * (m_language_targets.empty() ? 0.0 : beyond / static_cast<double>(m_language_targets.size()));

  result[Component::field] = m_settings.weight_field * both([](const Fit& fit) { return fit.field_match ? 1.0 : 0.0; });
  result[Component::skills] = m_settings.weight_skills
                              * share(count_between(international.needs_met, partner_needs, skills_first, m_need_count),
                                      m_skills.size());
  result[Component::preferences]
    = m_settings.weight_preferences
      * (both([](const Fit& fit) { return fit.student_preference; })
         + both([](const Fit& fit) { return fit.company_preference; }))
      / 2.0;
  result[Component::location] = m_settings.weight_location
                                * both([](const Fit& fit) { return fit.same_municipality ? 1.0 : 0.0; });
  if (domestic != nullptr && m_need_count > 0) {
    // What the pair covers together beyond the better of the two alone.
    const std::size_t together = count_all(international.needs_met, partner_needs);
    const std::size_t alone = std::max(count_all(international.needs_met, nullptr),
                                       count_all(domestic->needs_met, nullptr));
    result[Component::complementarity] = m_settings.weight_complementarity * share(together - alone, m_need_count);
  }
  return result;
}

double OpeningProfile::member_share(const Fit& member) const
{
  return m_settings.weight_field * (member.field_match ? 1.0 : 0.0) / 2.0
         + m_settings.weight_preferences * (member.student_preference + member.company_preference) / 4.0
         + m_settings.weight_location * (member.same_municipality ? 1.0 : 0.0) / 2.0;
}

void OpeningProfile::coverage_key(const Fit& fit, std::string& key) const
{
  key.assign(reinterpret_cast<const char*>(fit.needs_met.data()), fit.needs_met.size() * sizeof(std::uint64_t));
  for (std::size_t target = 0; target < m_language_targets.size(); ++target) {
    // Below the level needed a language adds nothing; two steps above it, all it can.
    const int needed = static_cast<int>(m_language_targets[target].level);
    const int held = fit.language_level[target];
    key.push_back(static_cast<char>(held < needed ? -1 : std::min(held, needed + 2)));
  }
}

void MostPossibleBuilder::add_partner(int domestic, const Fit& fit)
{
  m_profile.coverage_key(fit, m_key);
  const auto [kept, added] = m_partner_key.try_emplace(m_key, static_cast<int>(m_partner_fit.size()));
  if (added) {
    m_partner_fit.push_back(fit);
    m_most.partner_keys.emplace_back();
  }
  auto& best = m_most.partner_keys[at(kept->second)].best;
  best.emplace_back(domestic, float_at_least(m_profile.member_share(fit)));
  m_partners.push_back({{domestic, kept->second}, best.back().second});
  if (best.back().second > best.front().second) {
    std::swap(best.front(), best.back()); // the largest share first, as MostPossible::most_with_partner reads it
  }
}

int MostPossibleBuilder::student_key(const Fit& fit)
{
  m_profile.coverage_key(fit, m_key);
  const auto [kept, added] = m_student_key.try_emplace(m_key, -1);
  if (!added) {
    return kept->second;
  }
  const std::size_t keys = m_partner_fit.size();
  const double share = m_profile.member_share(fit);
  std::vector<float> row(keys, -HUGE_VALF);
  for (std::size_t key = 0; key < keys; ++key) {
    const Fit& partner = m_partner_fit[key];
    if (m_profile.requirements_met(fit, &partner)) {
      row[key] = float_at_least(m_profile.components(fit, &partner).total() - share - m_profile.member_share(partner));
    }
  }
  if (std::any_of(row.begin(), row.end(), [](float gain) { return gain != -HUGE_VALF; })) {
    kept->second = static_cast<int>(m_most.gain.size() / keys);
    m_most.gain.insert(m_most.gain.end(), row.begin(), row.end());
    m_most_with_partner.push_back(m_most.most_with_partner(at(kept->second)));
  }
  return kept->second;
}

double MostPossibleBuilder::add_student(int international, const Fit& fit, double alone)
{
  const MostPossible::Student student{international, float_at_least(alone),
                                      float_at_least(m_profile.member_share(fit)),
                                      m_partner_fit.empty() ? -1 : student_key(fit)};
  if (alone == -HUGE_VAL && student.key < 0) {
    return -HUGE_VAL;
  }
  m_most.students.push_back(student);
  return MostPossible::most(student, student.key < 0 ? -HUGE_VAL : m_most_with_partner[at(student.key)]);
}

std::vector<MostPossibleBuilder::Partner> MostPossibleBuilder::best_partners(const std::vector<std::size_t>& students,
                                                                            std::size_t count) const
{
  // A pair scores the two shares and its keys' gain: the students' part is
  // worked out once per partner key.
  const std::size_t keys = m_most.partner_keys.size();
  std::vector<double> most_with_key(keys, -HUGE_VAL);
  for (const std::size_t position : students) {
    const auto& student = m_most.students[position];
    if (student.key < 0) {
      continue;
    }
    for (std::size_t key = 0; key < keys; ++key) {
      most_with_key[key]
        = std::max(most_with_key[key], static_cast<double>(student.share) + m_most.gain[at(student.key) * keys + key]);
    }
  }
  std::vector<std::tuple<double, float, std::size_t>> ranked; // (-best pair, -share, position added)
  for (std::size_t position = 0; position < m_partners.size(); ++position) {
    const auto& [partner, share] = m_partners[position];
    ranked.emplace_back(-(most_with_key[at(partner.key)] + share), -share, position);
  }
  count = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(count), ranked.end());
  ranked.resize(count);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return std::get<2>(a) < std::get<2>(b); });
  std::vector<Partner> best;
  for (const auto& entry : ranked) {
    best.push_back(m_partners[std::get<2>(entry)].first);
  }
  return best;
}

bool MostPossibleBuilder::meet_requirements(std::size_t student, int partner_key) const
{
  const int row = m_most.students[student].key;
  return row >= 0 && m_most.gain[at(row) * m_most.partner_keys.size() + at(partner_key)] != -HUGE_VALF;
}

MostPossible MostPossibleBuilder::done() &&
{
  for (auto& partners : m_most.partner_keys) {
    auto& best = partners.best;
    std::sort(best.begin(), best.end(),
              [](const auto& a, const auto& b) { return std::pair(-a.second, a.first) < std::pair(-b.second, b.first); });
    if (best.size() > m_priced_per_key) {
      partners.rest = best[m_priced_per_key].second;
      best.resize(m_priced_per_key);
      best.shrink_to_fit();
    }
  }
  return std::move(m_most);
}

} // namespace tandem::match
