#include "match/rules.hpp"

#include <catch2/catch.hpp>

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
