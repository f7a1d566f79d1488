#include "match/rules.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <regex>

using namespace tandem;
using model::Level;

namespace {

model::Date date(int y, unsigned m, unsigned d)
{
  return model::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

model::Student student(std::string id, model::Group group, std::vector<model::LanguageSkill> languages)
{
  model::Student s;
  s.id = std::move(id);
  s.group = group;
  s.field = model::Field::business;
  s.languages = std::move(languages);
  return s;
}

struct Fixture {
  model::Company company;
  model::Opening opening;
  model::Student international = student("i1", model::Group::international,
                                         {{"en", Level::C1}, {"vi", Level::native}});
  model::Student domestic = student("d1", model::Group::domestic,
                                    {{"fi", Level::native}, {"en", Level::B2}});
  model::MatchingSettings settings;

  Fixture()
  {
    company.id = "acme";
    opening.id = "acme-1";
    opening.company_id = "acme";
    opening.kind = model::OpeningKind::either;
    opening.start = date(2024, 5, 6);
    opening.end = date(2024, 8, 9);
  }

  std::vector<match::Rule> broken(bool with_partner) const
  {
    std::vector<match::Rule> rules;
    for (const auto& breach :
         match::check_candidate(opening, company, international, with_partner ? &domestic : nullptr,
                                settings)) {
      rules.push_back(breach.rule);
    }
    return rules;
  }
};

using Rules = std::vector<match::Rule>;

} // namespace

TEST_CASE("a candidate that keeps every rule breaks none")
{
  const Fixture f;
  CHECK(f.broken(false).empty());
  CHECK(f.broken(true).empty());
}

TEST_CASE("rule 1: kind")
{
  Fixture f;
  f.opening.kind = model::OpeningKind::tandem;
  CHECK(f.broken(false) == Rules{match::Rule::kind});
  CHECK(f.broken(true).empty());
  f.opening.kind = model::OpeningKind::solo;
  CHECK(f.broken(true) == Rules{match::Rule::kind});
  CHECK(f.broken(false).empty());
}

TEST_CASE("rule 2: the international student's field, unless the opening's is any")
{
  Fixture f;
  f.opening.field = model::OpeningField::engineering;
  CHECK(f.broken(false) == Rules{match::Rule::field});
  f.domestic.field = model::Field::engineering; // the partner's field is free
  CHECK(f.broken(true) == Rules{match::Rule::field});
  f.opening.field = model::OpeningField::any;
  CHECK(f.broken(true).empty());
}

TEST_CASE("rule 3: availability overlaps min_overlap_days or the whole shorter opening")
{
  Fixture f;
  f.international.available_to = date(2024, 6, 1); // 27 days of overlap: 6.5. .. 1.6.
  CHECK(f.broken(false) == Rules{match::Rule::availability});
  f.international.available_to = date(2024, 6, 2); // 28 days
  CHECK(f.broken(false).empty());
  f.opening.end = date(2024, 5, 20); // a 15-day opening must be covered whole
  f.international.available_from = date(2024, 5, 7);
  CHECK(f.broken(false) == Rules{match::Rule::availability});
  f.international.available_from = date(2024, 5, 6);
  CHECK(f.broken(false).empty());
  f.domestic.available_to = date(2024, 1, 1); // no overlap at all
  CHECK(f.broken(true) == Rules{match::Rule::availability});
}

TEST_CASE("rule 4: avoid lists")
{
  Fixture f;
  f.company.avoid = {"d1"};
  CHECK(f.broken(false).empty());
  CHECK(f.broken(true) == Rules{match::Rule::avoid});
}

TEST_CASE("rules 5 and 6: languages and Finnish, held by the solo student or either partner")
{
  Fixture f;
  f.opening.languages = {{"de", Level::B2}};
  CHECK(f.broken(false) == Rules{match::Rule::languages});
  f.domestic.languages.push_back({"de", Level::B2});
  CHECK(f.broken(true).empty());
  f.opening.languages.clear();
  f.opening.finnish = Level::B1;
  CHECK(f.broken(false) == Rules{match::Rule::finnish});
  CHECK(f.broken(true).empty()); // the domestic partner covers Finnish
  f.international.finnish_certified = Level::B1; // a certificate counts
  CHECK(f.broken(false).empty());
}

TEST_CASE("rule 7: a pair shares a language at common_language or above")
{
  Fixture f;
  f.settings.common_language = Level::C1; // the domestic student's English is B2
  CHECK(f.broken(true) == Rules{match::Rule::pair});
  f.international.finnish_certified = Level::C1; // Finnish through the certificate only
  CHECK(f.broken(true).empty());
}

TEST_CASE("rule 8: a student who left before the opening starts is not placed")
{
  Fixture f;
  f.international.left = date(2024, 5, 5);
  CHECK(f.broken(false) == Rules{match::Rule::nobody_twice});
  f.international.left = date(2024, 5, 6);
  CHECK(f.broken(false).empty());
}

namespace {

// The level a student holds in a language, read from the data directly (the
// highest entry; Finnish also from finnish_certified), independently of rules.cpp.
std::optional<Level> level_from_data(const model::Student& s, const std::string& code)
{
  std::optional<Level> best;
  for (const auto& skill : s.languages) {
    if (skill.code == code && (!best || skill.level > *best)) {
      best = skill.level;
    }
  }
  if (code == "fi" && s.finnish_certified && (!best || *s.finnish_certified > *best)) {
    best = s.finnish_certified;
  }
  return best;
}

std::string name_in_text(const std::string& code) { return std::string(tandem::model::language_name(code)); }

std::string who_in_text(const model::Student& s) { return s.first_name + " " + s.last_name + " (" + s.id + ")"; }

// Every claim of one explanation, checked against the data: the claim a reader
// would act on must be true, and must say why the rule refuses.
void check_claims(const match::RuleBreach& breach, const model::Opening& opening, const model::Company& company,
                  const model::Student& international, const model::Student* domestic,
                  const model::MatchingSettings& settings)
{
  const std::string& text = breach.explanation;
  INFO(text);
  std::smatch m;
  std::vector<const model::Student*> students{&international};
  if (domestic != nullptr) {
    students.push_back(domestic);
  }
  const auto student_named = [&](const std::string& named) -> const model::Student* {
    for (const auto* s : students) {
      if (who_in_text(*s) == named) {
        return s;
      }
    }
    FAIL("the explanation names a student of neither role: " << named);
    return nullptr;
  };
  switch (breach.rule) {
  case match::Rule::kind:
    if (std::regex_match(text, m, std::regex("the opening takes tandem pairs, not a solo student"))) {
      CHECK((domestic == nullptr && opening.kind == model::OpeningKind::tandem));
    } else if (std::regex_match(text, m, std::regex("the opening takes one solo student, not a pair"))) {
      CHECK((domestic != nullptr && opening.kind == model::OpeningKind::solo));
    } else {
      FAIL("unexpected rule 1 text");
    }
    break;
  case match::Rule::field:
    REQUIRE(std::regex_match(text, m, std::regex("the opening is for (\\w+), (.+) studies (\\w+)")));
    CHECK(m[1] == std::string(model::to_string(opening.field)));
    CHECK(student_named(m[2]) == &international);
    CHECK(m[3] == std::string(model::to_string(international.field)));
    CHECK(m[1] != m[3]);
    break;
  case match::Rule::availability: {
    REQUIRE(std::regex_match(text, m, std::regex("(.+) is available for (\\d+) day\\(s\\) of the opening, (\\d+) needed")));
    const auto* s = student_named(m[1]);
    // Days of the opening inside the student's window, counted one by one.
    long days = 0;
    for (auto day = std::chrono::sys_days(opening.start); day <= std::chrono::sys_days(opening.end);
         day += std::chrono::days(1)) {
      const model::Date d(day);
      days += (!s->available_from || *s->available_from <= d) && (!s->available_to || d <= *s->available_to);
    }
    const long opening_days = (std::chrono::sys_days(opening.end) - std::chrono::sys_days(opening.start)).count() + 1;
    CHECK(std::stol(m[2]) == days);
    CHECK(std::stol(m[3]) == std::min<long>(settings.min_overlap_days, opening_days));
    CHECK(days < std::stol(m[3]));
    break;
  }
  case match::Rule::avoid:
    REQUIRE(std::regex_match(text, m, std::regex("(.+) is on (.+)'s avoid list")));
    CHECK(m[2] == company.name);
    CHECK(std::find(company.avoid.begin(), company.avoid.end(), student_named(m[1])->id) != company.avoid.end());
    break;
  case match::Rule::languages:
  case match::Rule::finnish: {
    REQUIRE(std::regex_match(text, m, std::regex("the opening needs (\\w+) at (\\w+); (.+)")));
    // The requirement is the opening's.
    std::optional<std::string> code;
    std::optional<Level> needed = model::parse_level(m[2].str());
    REQUIRE(needed);
    for (const auto& skill : opening.languages) {
      if (name_in_text(skill.code) == m[1] && skill.level == *needed) {
        code = skill.code;
      }
    }
    if (opening.finnish && m[1] == "Finnish" && *opening.finnish == *needed) {
      code = "fi";
    }
    REQUIRE(code);
    if (breach.rule == match::Rule::finnish) {
      CHECK((opening.finnish && *opening.finnish == *needed && *code == "fi"));
    }
    // Each named student's claimed level is their level, and below the need.
    const std::string holders = m[3];
    std::size_t named = 0;
    for (const auto* s : students) {
      const auto held = level_from_data(*s, *code);
      const std::string claim = held ? who_in_text(*s) + " has it at " + std::string(model::to_string(*held))
                                     : who_in_text(*s) + " has no " + name_in_text(*code);
      if (holders.find(claim) != std::string::npos) {
        ++named;
        CHECK((!held || *held < *needed));
      }
    }
    CHECK(named == students.size()); // every member's level is stated, and stated truly
    break;
  }
  case match::Rule::pair: {
    REQUIRE(domestic != nullptr);
    REQUIRE(std::regex_match(text, m, std::regex("(.+) and (.+) share no language at (\\w+) or above")));
    CHECK(student_named(m[1]) == &international);
    CHECK(student_named(m[2]) == domestic);
    CHECK(m[3] == std::string(model::to_string(settings.common_language)));
    for (const auto* code : {"fi", "en", "sv", "de", "vi", "es"}) {
      const auto a = level_from_data(international, code);
      const auto b = level_from_data(*domestic, code);
      INFO(code);
      CHECK_FALSE((a && b && *a >= settings.common_language && *b >= settings.common_language));
    }
    break;
  }
  case match::Rule::nobody_twice: {
    REQUIRE(std::regex_match(text, m, std::regex("(.+) left the project on (\\S+), before the opening starts")));
    const auto* s = student_named(m[1]);
    REQUIRE(s->left);
    CHECK(m[2] == model::format_date(*s->left));
    CHECK(*s->left < opening.start);
    break;
  }
  case match::Rule::capacity:
    FAIL("check_candidate does not judge capacity");
    break;
  }
}

} // namespace

TEST_CASE("every refusal's explanation says what the data says, on 3,000 random candidates")
{
  std::mt19937 random(20261202);
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> codes{"fi", "en", "sv", "de", "vi", "es"};
  const auto languages = [&] {
    std::vector<model::LanguageSkill> skills;
    for (const auto& code : codes) {
      if (pick(2) == 0) {
        skills.push_back({code, static_cast<Level>(pick(7))});
      }
    }
    return skills;
  };
  const auto some_day = [&](int from, int span) {
    return model::Date(std::chrono::sys_days(date(2024, 1, 1)) + std::chrono::days(from + pick(span)));
  };
  std::size_t claims = 0;
  for (int round = 0; round < 3000; ++round) {
    model::MatchingSettings settings;
    settings.min_overlap_days = 1 + pick(60);
    settings.common_language = static_cast<Level>(pick(6));
    model::Company company;
    company.id = "acme";
    company.name = "Acme Oy";
    model::Opening opening;
    opening.id = "acme-1";
    opening.company_id = company.id;
    opening.kind = static_cast<model::OpeningKind>(pick(3));
    opening.field = static_cast<model::OpeningField>(pick(3));
    opening.start = some_day(60, 60);
    opening.end = model::Date(std::chrono::sys_days(opening.start) + std::chrono::days(pick(120)));
    for (const auto& skill : languages()) {
      if (pick(3) == 0) {
        opening.languages.push_back(skill);
      }
    }
    if (pick(3) == 0) {
      opening.finnish = static_cast<Level>(pick(7));
    }
    const auto person = [&](std::string id, model::Group group) {
      model::Student s = student(id, group, languages());
      s.first_name = id == "i1" ? "Linh" : "Aino";
      s.last_name = id == "i1" ? "Tran" : "Korhonen";
      s.field = static_cast<model::Field>(pick(3));
      if (pick(2) == 0) {
        s.finnish_certified = static_cast<Level>(pick(7));
      }
      if (pick(2) == 0) {
        s.available_from = some_day(0, 200);
      }
      if (pick(2) == 0) {
        s.available_to = some_day(60, 200);
      }
      if (pick(4) == 0) {
        s.left = some_day(0, 200);
      }
      if (pick(5) == 0) {
        company.avoid.push_back(s.id);
      }
      return s;
    };
    const auto international = person("i1", model::Group::international);
    const auto domestic = person("d1", model::Group::domestic);
    for (const auto* partner : {static_cast<const model::Student*>(nullptr), &domestic}) {
      for (const auto& breach : match::check_candidate(opening, company, international, partner, settings)) {
        check_claims(breach, opening, company, international, partner, settings);
        ++claims;
      }
    }
  }
  CHECK(claims > 5000); // every rule is exercised many times over
}
