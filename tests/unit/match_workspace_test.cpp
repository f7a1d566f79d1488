#include "io/error.hpp"
#include "match/candidates.hpp"
#include "match/explain.hpp"
#include "match/format.hpp"
#include "match/optimal.hpp"
#include "match/result.hpp"
#include "match/scoring.hpp"
#include "match/stable.hpp"

#include "test_model.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace tandem;
using model::Level;

namespace {

using test::day;

struct Builder {
  workspace::Workspace ws;

  Builder()
  {
    model::Project project = test::project_2024();
    project.terms.push_back({{}, "spring", day(2024, 1, 1), day(2024, 6, 30)});
    project.terms.push_back({{}, "autumn", day(2024, 7, 1), day(2024, 12, 31)});
    ws.project = project;
    ws.students.reserve(100);
    ws.companies.reserve(100);
  }

  model::Student& student(const std::string& id, model::Group group)
  {
    model::Student s;
    s.id = id;
    s.group = group;
    s.field = model::Field::business;
    s.languages = {{"en", Level::C1}};
    ws.students.push_back(s);
    ws.student_index[id] = {};
    return ws.students.back();
  }

  model::Opening& opening(const std::string& company_id, const std::string& id,
                          model::OpeningKind kind = model::OpeningKind::either)
  {
    auto company = std::find_if(ws.companies.begin(), ws.companies.end(),
                                [&](const model::Company& c) { return c.id == company_id; });
    if (company == ws.companies.end()) {
      model::Company c;
      c.id = company_id;
      c.name = company_id;
      c.openings.reserve(10);
      ws.companies.push_back(c);
      company = ws.companies.end() - 1;
    }
    model::Opening o;
    o.id = id;
    o.company_id = company_id;
    o.kind = kind;
    o.start = day(2024, 5, 6);
    o.end = day(2024, 8, 9);
    company->openings.push_back(o);
    return company->openings.back();
  }

  model::Company& company(const std::string& id)
  {
    return *std::find_if(ws.companies.begin(), ws.companies.end(),
                         [&](const model::Company& c) { return c.id == id; });
  }

  void placement(const std::string& id, const std::string& opening, const std::string& international,
                 const std::string& domestic, model::PlacementStatus status)
  {
    model::Placement p;
    p.id = id;
    p.opening_id = opening;
    p.international_id = international;
    p.domestic_id = domestic;
    p.status = status;
    p.origin.line = ws.placements.size() + 2;
    ws.placements.push_back(p);
  }

  const workspace::Workspace& done()
  {
    ws.index();
    for (std::size_t i = 0; i < ws.students.size(); ++i) {
      ws.student_index[ws.students[i].id].record = i;
    }
    return ws;
  }
};

using Triple = std::tuple<std::string, std::string, std::string>; // international, domestic, opening

Triple triple_of(const match::MatchInput& input, const match::Candidate& candidate)
{
  const auto* domestic = input.domestic_of(candidate);
  return {input.international_of(candidate).id, domestic ? domestic->id : "", input.opening_of(candidate).id};
}

std::set<Triple> triples(const match::MatchInput& input)
{
  std::set<Triple> result;
  for (const auto& candidate : input.problem.candidates) {
    result.insert(triple_of(input, candidate));
  }
  return result;
}

// The matching rules of data-contract.md, written out again from the text for
// the tests, sharing no code with tandem's rules.
struct ReferenceRules {
  const workspace::Workspace& ws;

  static int level_in(const model::Student& s, const std::string& code)
  {
    int best = -1;
    for (const auto& skill : s.languages) {
      if (skill.code == code) {
        best = std::max(best, static_cast<int>(skill.level));
      }
    }
    if (code == "fi" && s.finnish_certified) {
      best = std::max(best, static_cast<int>(*s.finnish_certified));
    }
    return best;
  }

  bool available(const model::Student& s, const model::Opening& o) const
  {
    const auto first = std::max(o.start, s.available_from.value_or(o.start));
    const auto last = std::min(o.end, s.available_to.value_or(o.end));
    const long shared = (std::chrono::sys_days(last) - std::chrono::sys_days(first)).count() + 1;
    const long length = (std::chrono::sys_days(o.end) - std::chrono::sys_days(o.start)).count() + 1;
    return shared >= std::min<long>(ws.project->matching.min_overlap_days, length);
  }

  bool busy(const model::Student& s, const model::Opening& o) const
  {
    for (const auto& p : ws.placements) {
      if (!p.is_real() || (p.international_id != s.id && p.domestic_id != s.id)) {
        continue;
      }
      const auto* other = ws.find_opening(p.opening_id);
      const auto start = p.start.value_or(other->start);
      const auto end = p.end.value_or(other->end);
      if (start <= o.end && o.start <= end) {
        return true;
      }
    }
    return s.left && *s.left < o.start;
  }

  bool allows(const model::Opening& o, const model::Company& c, const model::Student& i,
              const model::Student* d) const
  {
    if (o.kind == model::OpeningKind::tandem && d == nullptr) return false;
    if (o.kind == model::OpeningKind::solo && d != nullptr) return false;
    if (i.group != model::Group::international || (d && d->group != model::Group::domestic)) return false;
    if (o.field != model::OpeningField::any
        && !(o.field == model::OpeningField::business && i.field == model::Field::business)
        && !(o.field == model::OpeningField::engineering && i.field == model::Field::engineering)) {
      return false;
    }
    std::vector<const model::Student*> members{&i};
    if (d) members.push_back(d);
    for (const auto* m : members) {
      if (!available(*m, o) || busy(*m, o)) return false;
      if (std::count(c.avoid.begin(), c.avoid.end(), m->id) > 0) return false;
    }
    auto needs = o.languages;
    if (o.finnish) needs.push_back({"fi", *o.finnish});
    for (const auto& need : needs) {
      bool held = false;
      for (const auto* m : members) held = held || level_in(*m, need.code) >= static_cast<int>(need.level);
      if (!held) return false;
    }
    if (d) {
      bool shared = false;
      for (const std::string code : {"fi", "en", "sv", "de", "ru"}) {
        const int common = static_cast<int>(ws.project->matching.common_language);
        shared = shared || (level_in(i, code) >= common && level_in(*d, code) >= common);
      }
      if (!shared) return false;
    }
    return true;
  }
};

// A random small workspace over a few languages, fields, dates and lists.
const workspace::Workspace& random_workspace(Builder& b, std::mt19937& random)
{
  std::uniform_int_distribution<int> coin(0, 1);
  std::uniform_int_distribution<int> die(0, 5);
  const std::vector<std::string> codes{"fi", "en", "sv", "de", "ru"};
  const auto languages = [&] {
    std::vector<model::LanguageSkill> list;
    for (const auto& code : codes) {
      if (die(random) < 2) list.push_back({code, static_cast<Level>(die(random) + coin(random))});
    }
    return list;
  };
  // Dates in the order the readers insist on: from <= to, start <= end.
  const auto dates = [&](model::Student& s) {
    const unsigned from = 4 + static_cast<unsigned>(die(random));
    if (die(random) == 0) s.available_from = day(2024, from, 1);
    if (die(random) == 0) s.available_to = day(2024, from + static_cast<unsigned>(die(random) % 3), 15);
    if (die(random) == 0) s.left = day(2024, 3 + static_cast<unsigned>(die(random)), 1);
  };
  for (int n = 0; n < 6; ++n) {
    auto& s = b.student("i" + std::to_string(n), model::Group::international);
    s.field = coin(random) ? model::Field::business : model::Field::engineering;
    s.languages = languages();
    if (die(random) == 0) s.finnish_certified = static_cast<Level>(die(random));
    dates(s);
  }
  for (int n = 0; n < 5; ++n) {
    auto& s = b.student("d" + std::to_string(n), model::Group::domestic);
    s.languages = languages();
    dates(s);
  }
  for (int n = 0; n < 5; ++n) {
    const auto kind = static_cast<model::OpeningKind>(die(random) % 3);
    auto& o = b.opening("c" + std::to_string(n % 3), "o" + std::to_string(n), kind);
    o.field = static_cast<model::OpeningField>(die(random) % 3);
    if (coin(random)) o.languages.push_back({codes[static_cast<std::size_t>(die(random) % 5)], static_cast<Level>(die(random))});
    if (die(random) < 2) o.finnish = static_cast<Level>(die(random));
    o.slots = 1 + coin(random);
    const unsigned start = 3 + static_cast<unsigned>(die(random));
    o.start = day(2024, start, 1 + static_cast<unsigned>(die(random)) * 5);
    o.end = day(2024, start + static_cast<unsigned>(die(random) % 4), 28);
  }
  if (coin(random)) b.company("c0").avoid = {"i" + std::to_string(die(random)), "d" + std::to_string(die(random))};
  b.placement("p1", "o" + std::to_string(die(random) % 5), "i" + std::to_string(die(random)), "",
              model::PlacementStatus::confirmed);
  b.placement("p2", "o" + std::to_string(die(random) % 5), "i" + std::to_string(die(random)),
              "d" + std::to_string(die(random) % 5), model::PlacementStatus::proposed);
  return b.done();
}

} // namespace

TEST_CASE("match candidates: exactly the triples the contract's rules allow")
{
  std::mt19937 random(2026);
  for (int instance = 0; instance < 300; ++instance) {
    Builder b;
    const auto& ws = random_workspace(b, random);
    auto input = match::prepare_match(ws, {});
    match::add_scored_candidates(input);

    const ReferenceRules rules{ws};
    std::set<Triple> expected;
    for (std::size_t o = 0; o < input.openings.size(); ++o) {
      for (const auto* i : input.internationals) {
        if (rules.allows(*input.openings[o], *input.companies[o], *i, nullptr)) {
          expected.insert({i->id, "", input.openings[o]->id});
        }
        for (const auto* d : input.domestics) {
          if (rules.allows(*input.openings[o], *input.companies[o], *i, d)) {
            expected.insert({i->id, d->id, input.openings[o]->id});
          }
        }
      }
    }
    INFO("instance " << instance);
    const auto found = triples(input);
    for (const auto& [i, d, o] : found) {
      if (expected.count({i, d, o}) == 0) FAIL_CHECK("not allowed by the contract: " << i << " " << d << " " << o);
    }
    for (const auto& [i, d, o] : expected) {
      if (found.count({i, d, o}) == 0) FAIL_CHECK("missing: " << i << " " << d << " " << o);
    }
    REQUIRE(found == expected);

    // The plan keeps rules 8 and 9 as well, counted here from the workspace.
    const auto solution = match::solve_optimal(input.problem);
    std::map<std::string, int> used;
    std::set<std::string> placed;
    for (const auto& p : ws.placements) {
      if (p.is_real()) ++used[p.opening_id];
    }
    for (const int index : solution.plan.chosen) {
      const auto& candidate = input.problem.candidates[static_cast<std::size_t>(index)];
      const auto& opening = input.opening_of(candidate);
      REQUIRE(rules.allows(opening, input.company_of(candidate), input.international_of(candidate),
                           input.domestic_of(candidate)));
      REQUIRE(++used[opening.id] <= opening.slots);
      REQUIRE(placed.insert(input.international_of(candidate).id).second);
      if (const auto* d = input.domestic_of(candidate)) {
        REQUIRE(placed.insert(d->id).second);
      }
    }
  }
}

TEST_CASE("match candidates: confirmed rows use slots, proposed rows are replaced unless locked")
{
  Builder b;
  b.student("i1", model::Group::international);
  b.student("i2", model::Group::international);
  b.student("i3", model::Group::international);
  b.opening("acme", "o1", model::OpeningKind::solo).slots = 2;
  b.opening("acme", "o2", model::OpeningKind::solo);
  b.placement("p-confirmed", "o1", "i1", "", model::PlacementStatus::confirmed);
  b.placement("p-proposed", "o2", "i2", "", model::PlacementStatus::proposed);
  b.placement("p-locked", "o1", "i3", "", model::PlacementStatus::proposed);
  const auto& ws = b.done();

  match::MatchRequest request;
  request.locks = {"p-locked"};
  const auto input = match::prepare_match(ws, request);
  REQUIRE(input.row_fates
          == std::vector<match::RowFate>{match::RowFate::fixed, match::RowFate::replaced, match::RowFate::kept});
  // o1: 2 slots, one confirmed and one locked: closed. o2 is open again.
  REQUIRE(input.openings.size() == 1);
  REQUIRE(input.openings[0]->id == "o2");
  // i1 is confirmed elsewhere at the same time (rule 8), i3 is in a kept row.
  REQUIRE(input.internationals.size() == 2);
  REQUIRE(input.internationals[0]->id == "i1");
  REQUIRE(input.internationals[1]->id == "i2");
}

TEST_CASE("match candidates: --term, --exclude and --lock check what they name")
{
  Builder b;
  b.student("i1", model::Group::international);
  b.opening("acme", "spring-job").start = day(2024, 2, 1);
  b.opening("acme", "autumn-job").start = day(2024, 8, 1);
  b.placement("p-done", "spring-job", "i1", "", model::PlacementStatus::completed);
  const auto& ws = b.done();

  match::MatchRequest request;
  request.term = "autumn";
  REQUIRE(match::prepare_match(ws, request).openings.size() == 1);
  request.term = "winter";
  REQUIRE_THROWS_WITH(match::prepare_match(ws, request), Catch::Contains("no term \"winter\""));
  request.term.reset();
  request.excludes = {"nobody"};
  REQUIRE_THROWS_WITH(match::prepare_match(ws, request), Catch::Contains("--exclude nobody"));
  request.excludes.clear();
  request.locks = {"p-done"};
  REQUIRE_THROWS_WITH(match::prepare_match(ws, request), Catch::Contains("the placement is completed"));
  request.locks = {"p-none"};
  REQUIRE_THROWS_AS(match::prepare_match(ws, request), Error);
}

TEST_CASE("match scoring: each component worked out by hand")
{
  model::Company company;
  company.id = "acme";
  company.municipality = "Kokkola";
  company.target_markets = {"SE", "DE"};
  company.working_languages = {"sv"};
  company.preferences = {"i", "x"};
  model::Opening opening;
  opening.id = "o";
  opening.field = model::OpeningField::business;
  opening.languages = {{"de", Level::B1}};
  opening.finnish = Level::B1;
  opening.markets = {"DE", "NG"};
  opening.skills = {"sales", "crm"};
  model::Student international;
  international.id = "i";
  international.field = model::Field::business;
  international.languages = {{"de", Level::C2}, {"en", Level::C1}};
  international.markets = {"DE"};
  international.home_country = "NG";
  international.skills = {"sales"};
  international.municipality = "kokkola";
  international.preferences = {"other", "acme"};
  model::Student domestic;
  domestic.id = "d";
  domestic.field = model::Field::engineering;
  domestic.languages = {{"fi", Level::native}, {"sv", Level::B2}, {"en", Level::B2}};
  domestic.markets = {"SE"};

  const model::MatchingSettings settings; // weights 3 2 2 1 2 1 1
  const match::OpeningProfile profile(opening, company, settings);
  const auto fit_i = profile.fit(international);
  const auto fit_d = profile.fit(domestic);
  REQUIRE_FALSE(profile.requirements_met(fit_i, nullptr)); // no Finnish
  REQUIRE(profile.requirements_met(fit_i, &fit_d));

  const auto pair = profile.components(fit_i, &fit_d);
  using match::Component;
  // Markets DE, NG (opening), SE (company): the pair knows all 3.
  REQUIRE(pair[Component::markets] == Approx(3.0 * 3 / 3));
  // de needs B1, best C2: 3 levels up, capped at 2 -> 1; fi needs B1, native: 1;
  // sv (working language, B1), B2: 1 level -> 0.5. Mean 2.5/3.
  REQUIRE(pair[Component::languages] == Approx(2.0 * 2.5 / 3));
  REQUIRE(pair[Component::field] == Approx(2.0 * (1 + 0) / 2));
  REQUIRE(pair[Component::skills] == Approx(1.0 * 1 / 2));
  // i ranks acme 2nd of 2 -> 0.5, d lists nothing -> 0; the company ranks i 1st of
  // 2 -> 1, d -> 0. (0.25 + 0.5) / 2.
  REQUIRE(pair[Component::preferences] == Approx(2.0 * 0.375));
  REQUIRE(pair[Component::location] == Approx(1.0 * 0.5));
  // Needs: de, fi, DE, NG, SE, sales, crm = 7. i meets de DE NG sales (4), d
  // meets fi SE (2); together 6, beyond the better alone by 2.
  REQUIRE(pair[Component::complementarity] == Approx(1.0 * 2 / 7));
  REQUIRE(pair.total() == Approx(3 + 2.0 * 2.5 / 3 + 1 + 0.5 + 0.75 + 0.5 + 2.0 / 7));

  const auto alone = profile.components(fit_i, nullptr);
  REQUIRE(alone[Component::markets] == Approx(3.0 * 2 / 3));
  REQUIRE(alone[Component::complementarity] == 0.0);
}

TEST_CASE("match scoring: a student's best pair at an opening, found by coverage keys, is the best of every pair")
{
  std::mt19937 random(7);
  std::uniform_int_distribution<int> die(0, 5);
  const std::vector<std::string> codes{"fi", "en", "sv", "de"};
  const std::vector<std::string> markets{"SE", "DE", "NG", "VN"};
  const std::vector<std::string> skills{"sales", "crm", "cad"};
  const auto some_of = [&](const std::vector<std::string>& items) {
    std::vector<std::string> chosen;
    for (const auto& item : items) {
      if (die(random) < 2) chosen.push_back(item);
    }
    return chosen;
  };
  int pairs_compared = 0;
  for (int instance = 0; instance < 50; ++instance) {
    model::Company company;
    company.id = "acme";
    company.municipality = "Kokkola";
    company.target_markets = some_of(markets);
    company.working_languages = {"sv"};
    model::Opening opening;
    opening.id = "o";
    opening.field = model::OpeningField::business;
    opening.languages = {{codes[static_cast<std::size_t>(die(random) % 4)], static_cast<Level>(die(random))}};
    if (die(random) < 3) opening.finnish = static_cast<Level>(die(random));
    opening.markets = some_of(markets);
    opening.skills = some_of(skills);
    std::vector<model::Student> students(60);
    for (std::size_t n = 0; n < students.size(); ++n) {
      auto& student = students[n];
      student.id = "s" + std::to_string(n);
      student.field = die(random) < 3 ? model::Field::business : model::Field::engineering;
      for (const auto& code : codes) {
        if (die(random) < 3) student.languages.push_back({code, static_cast<Level>(die(random) + die(random) % 2)});
      }
      student.markets = some_of(markets);
      student.skills = some_of(skills);
      student.municipality = die(random) < 2 ? "Kokkola" : "Vaasa";
      if (die(random) == 0) student.preferences = {"o"};
      if (die(random) == 0) company.preferences.push_back(student.id);
    }
    const model::MatchingSettings settings;
    const match::OpeningProfile profile(opening, company, settings);
    std::vector<match::Fit> fits;
    for (const auto& student : students) {
      fits.push_back(profile.fit(student));
    }
    // The first half are the internationals, the second the partners. Two
    // partners of each key are priced by name, the rest by their largest share.
    const std::size_t half = students.size() / 2;
    match::MostPossibleBuilder builder(profile, 2);
    for (std::size_t d = half; d < students.size(); ++d) {
      builder.add_partner(static_cast<int>(d), fits[d]);
    }
    std::vector<double> found;
    for (std::size_t i = 0; i < half; ++i) {
      found.push_back(builder.add_student(static_cast<int>(i), fits[i], -HUGE_VAL));
    }
    const auto most_possible = std::move(builder).done();
    std::size_t entry = 0;
    for (std::size_t i = 0; i < half; ++i) {
      double most = -HUGE_VAL;
      for (std::size_t d = half; d < students.size(); ++d) {
        if (profile.requirements_met(fits[i], &fits[d])) {
          most = std::max(most, profile.components(fits[i], &fits[d]).total());
          ++pairs_compared;
        }
      }
      INFO("instance " << instance << ", student " << i);
      if (most == -HUGE_VAL) {
        CHECK(found[i] == -HUGE_VAL);
        continue;
      }
      CHECK(found[i] >= most);
      CHECK(found[i] <= most + 1e-5);
      // Kept for the bound, with the same value once every partner is in.
      REQUIRE(entry < most_possible.students.size());
      CHECK(most_possible.students[entry].international == static_cast<int>(i));
      CHECK(most_possible.most(entry) == found[i]);
      ++entry;
    }
    CHECK(entry == most_possible.students.size());
  }
  CHECK(pairs_compared > 10000);
}

TEST_CASE("match scoring: a shortlist's partners are those who make the best pairs, not the best alone")
{
  // The opening needs German and Finnish at B2. The international student
  // has German only. Partner a brings most alone (the field, the company's
  // town) but has no Finnish either: no pair with her meets the requirements.
  // Partner b has Finnish. Chosen by what they bring alone, a would be listed
  // (each misses one requirement, and a brings more); by the best pair, b.
  model::Company company;
  company.id = "acme";
  company.municipality = "Kokkola";
  model::Opening opening;
  opening.id = "o";
  opening.field = model::OpeningField::business;
  opening.languages = {{"de", Level::B2}};
  opening.finnish = Level::B2;
  const model::MatchingSettings settings;
  const match::OpeningProfile profile(opening, company, settings);

  model::Student international;
  international.id = "i";
  international.languages = {{"de", Level::C1}};
  model::Student a;
  a.id = "a";
  a.field = model::Field::business;
  a.municipality = "Kokkola";
  a.languages = {{"de", Level::C2}};
  model::Student b;
  b.id = "b";
  b.field = model::Field::engineering;
  b.languages = {{"fi", Level::C1}};
  REQUIRE(profile.components(profile.fit(a), nullptr).total() > profile.components(profile.fit(b), nullptr).total());
  REQUIRE(profile.unmet_requirement_count(profile.fit(a)) == profile.unmet_requirement_count(profile.fit(b)));

  match::MostPossibleBuilder builder(profile, 16);
  builder.add_partner(0, profile.fit(a));
  builder.add_partner(1, profile.fit(b));
  REQUIRE(builder.add_student(0, profile.fit(international), -HUGE_VAL) > 0);
  const auto chosen = builder.best_partners({0}, 1);
  REQUIRE(chosen.size() == 1);
  CHECK(chosen[0].domestic == 1);
  CHECK(builder.meet_requirements(0, chosen[0].key));
  const auto both = builder.best_partners({0}, 2);
  REQUIRE(both.size() == 2);
  CHECK(both[0].domestic == 0); // in the order added
  CHECK_FALSE(builder.meet_requirements(0, both[0].key));
}

TEST_CASE("match stable: the hospitals/residents example of the Python matching library")
{
  // Residents A S D J L rank hospitals M C G (2 places each); a pair is allowed
  // only where both list each other. The resident-optimal stable plan, worked
  // out by hand with resident-proposing deferred acceptance: M {L, S},
  // C {D, A}, G {J}.
  const std::map<std::string, std::vector<std::string>> residents{
    {"A", {"C"}}, {"S", {"C", "M"}}, {"D", {"C", "M", "G"}}, {"J", {"C", "G", "M"}}, {"L", {"M", "C", "G"}}};
  const std::map<std::string, std::vector<std::string>> hospitals{
    {"M", {"D", "L", "S", "J"}}, {"C", {"D", "A", "S", "L", "J"}}, {"G", {"D", "J", "L"}}};
  Builder b;
  for (const auto& [id, ranked] : residents) {
    b.student(id, model::Group::international).preferences = ranked;
  }
  for (const auto& [id, ranked] : hospitals) {
    b.opening(id, id, model::OpeningKind::solo).slots = 2;
    b.company(id).preferences = ranked;
  }
  const auto& ws = b.done();
  auto input = match::prepare_match(ws, {});
  std::vector<workspace::ScoreRow> table;
  for (const auto& [resident, ranked] : residents) {
    for (const auto& hospital : ranked) {
      const auto& listed = hospitals.at(hospital);
      if (std::find(listed.begin(), listed.end(), resident) != listed.end()) {
        table.push_back({{}, resident, "", hospital, 0.0});
      }
    }
  }
  io::Diagnostics diagnostics;
  match::add_table_candidates(input, table, "table.csv", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto solution = match::solve_stable(input.problem, match::rank_candidates(input));
  std::set<std::pair<std::string, std::string>> plan;
  for (const int index : solution.plan.chosen) {
    const auto& candidate = input.problem.candidates[static_cast<std::size_t>(index)];
    plan.insert({input.opening_of(candidate).id, input.international_of(candidate).id});
  }
  REQUIRE(plan == std::set<std::pair<std::string, std::string>>{{"M", "L"}, {"M", "S"}, {"C", "D"}, {"C", "A"}, {"G", "J"}});
  REQUIRE(solution.blocking.empty());
}

TEST_CASE("match stable: Gale and Shapley's 1962 example gives the proposers' optimum")
{
  // Gale & Shapley (1962), the 3x3 example with three stable matchings: each
  // man's first choice, each woman's first choice, and everyone's second. Men
  // propose here, so each gets his first choice.
  const std::map<std::string, std::vector<std::string>> men{
    {"alpha", {"A", "B", "C"}}, {"beta", {"B", "C", "A"}}, {"gamma", {"C", "A", "B"}}};
  const std::map<std::string, std::vector<std::string>> women{
    {"A", {"beta", "gamma", "alpha"}}, {"B", {"gamma", "alpha", "beta"}}, {"C", {"alpha", "beta", "gamma"}}};
  Builder b;
  for (const auto& [id, ranked] : men) {
    b.student(id, model::Group::international).preferences = ranked;
  }
  for (const auto& [id, ranked] : women) {
    b.opening(id, id, model::OpeningKind::solo);
    b.company(id).preferences = ranked;
  }
  const auto& ws = b.done();
  auto input = match::prepare_match(ws, {});
  match::add_scored_candidates(input);
  REQUIRE(input.problem.candidates.size() == 9);
  const auto solution = match::solve_stable(input.problem, match::rank_candidates(input));
  std::map<std::string, std::string> wife;
  for (const int index : solution.plan.chosen) {
    const auto& candidate = input.problem.candidates[static_cast<std::size_t>(index)];
    wife[input.international_of(candidate).id] = input.opening_of(candidate).id;
  }
  REQUIRE(wife == std::map<std::string, std::string>{{"alpha", "A"}, {"beta", "B"}, {"gamma", "C"}});
}

// Always a shortlist, one opening per student and one partner per opening.
match::CandidateLimits tiny_shortlist(std::size_t students_per_opening)
{
  match::CandidateLimits limits;
  limits.most_candidates = 0;
  limits.openings_per_student = 1;
  limits.students_per_opening = students_per_opening;
  limits.partners_per_opening = 1;
  return limits;
}

TEST_CASE("match candidates: a shortlist spreads the openings' places over the students, so openings fill")
{
  // Ten alike openings, twenty alike students. Each student lists one opening of
  // their own (all tie: the first, o0) and each opening two students. Were the
  // two each opening's best (all tie: s00 and s01 everywhere), no plan could fill
  // more than three openings; with one place for its best and one for the
  // student listed at the fewest openings so far, o1..o9 each get a student of
  // their own (s02..s10), and every opening is filled.
  Builder b;
  for (int n = 0; n < 20; ++n) {
    b.student(fmt::format("s{:02}", n), model::Group::international);
  }
  for (int n = 0; n < 10; ++n) {
    b.opening("c" + std::to_string(n), "o" + std::to_string(n), model::OpeningKind::solo);
  }
  const auto& ws = b.done();
  auto input = match::prepare_match(ws, {});
  match::add_scored_candidates(input, tiny_shortlist(2));
  std::set<std::string> listed_beyond_o0;
  for (const auto& candidate : input.problem.candidates) {
    if (input.opening_of(candidate).id != "o0") {
      listed_beyond_o0.insert(input.international_of(candidate).id);
    }
  }
  CHECK(listed_beyond_o0 == std::set<std::string>{"s00", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09", "s10"});
  CHECK(match::solve_optimal(input.problem).objective.placed == 10);
}

TEST_CASE("match candidates: a shortlist lists allowed candidates only, and bounds the ones it leaves out")
{
  std::mt19937 random(31);
  for (int instance = 0; instance < 200; ++instance) {
    Builder b;
    const auto& ws = random_workspace(b, random);
    auto full = match::prepare_match(ws, {});
    match::add_scored_candidates(full);
    auto shortlisted = match::prepare_match(ws, {});
    match::add_scored_candidates(shortlisted, tiny_shortlist(1));

    std::map<Triple, double> allowed;
    for (const auto& candidate : full.problem.candidates) {
      allowed[triple_of(full, candidate)] = candidate.score;
    }
    INFO("instance " << instance);
    for (const auto& candidate : shortlisted.problem.candidates) {
      const Triple key = triple_of(shortlisted, candidate);
      REQUIRE(allowed.count(key) == 1);
      REQUIRE(allowed[key] == candidate.score);
    }
    // Every allowed candidate, listed or not, is bounded at its opening: by
    // the most its student's pairs could score there, the best pair found
    // from every eligible partner (rule 7 aside).
    REQUIRE(shortlisted.problem.most_possible.size() == full.openings.size());
    for (const auto& candidate : full.problem.candidates) {
      const auto& most = shortlisted.problem.most_possible[static_cast<std::size_t>(candidate.opening)];
      const auto found = std::find_if(most.students.begin(), most.students.end(), [&](const auto& student) {
        return student.international == candidate.international;
      });
      REQUIRE(found != most.students.end());
      REQUIRE(candidate.score <= most.most(static_cast<std::size_t>(found - most.students.begin())));
    }
    const auto solution = match::solve_optimal(shortlisted.problem);
    const auto best = match::solve_optimal(full.problem);
    REQUIRE(match::is_feasible(shortlisted.problem, solution.plan));
    REQUIRE(solution.placed_bound >= best.objective.placed);
    if (solution.objective.placed == best.objective.placed) {
      REQUIRE(solution.bound >= best.objective.score - 1e-9);
    }
  }
}

TEST_CASE("match result: an unplaced student with allowed placements is told who took them")
{
  Builder b;
  auto& first = b.student("i1", model::Group::international);
  first.municipality = "Kokkola";
  first.first_name = "Aino";
  first.last_name = "Koski";
  b.student("i2", model::Group::international);
  b.opening("acme", "o1", model::OpeningKind::solo);
  b.company("acme").municipality = "Kokkola"; // i1 scores higher here (location)
  b.company("acme").name = "Acme Oy";
  const auto& ws = b.done();
  auto input = match::prepare_match(ws, {});
  match::add_scored_candidates(input);
  const auto result = match::result_of(input, match::solve_optimal(input.problem));
  REQUIRE(result.placements.size() == 1);
  REQUIRE(result.unplaced.size() == 1);
  CHECK(result.unplaced[0].id == "i2");
  CHECK(result.unplaced[0].reason
        == "every allowed placement went to others; the best, Acme Oy (o1) solo, score 2.00: its slot(s) went to "
           "Aino Koski (i1)");
}

TEST_CASE("match result: a student in a real placement is told they are already placed, and where")
{
  Builder b;
  b.student("i1", model::Group::international);
  b.opening("acme", "o1", model::OpeningKind::solo);
  b.company("acme").name = "Acme Oy";
  b.placement("p7", "o1", "i1", "", model::PlacementStatus::confirmed);
  b.opening("beta", "o2", model::OpeningKind::solo); // the same dates: rule 8 refuses it
  const auto& ws = b.done();
  auto input = match::prepare_match(ws, {});
  match::add_scored_candidates(input);
  const auto result = match::result_of(input, match::solve_optimal(input.problem));
  REQUIRE(result.unplaced.size() == 1);
  CHECK(result.unplaced[0].reason == "already placed: p7 at Acme Oy (confirmed); no allowed placement at the 1 open "
                                     "opening(s): rule 8 (nobody twice) at 1");
  CHECK(match::own_rule_breach(input, ws.students[0], 0) ==
        "rule 8 (nobody twice): i1 is already placed at the same time: p7 at Acme Oy (confirmed)");
}

TEST_CASE("match explain: the student's own preferences come first and are never cut")
{
  Builder b;
  auto& student = b.student("i1", model::Group::international);
  student.field = model::Field::engineering; // every business opening refuses them (rule 2)
  student.first_name = "Ada";
  student.last_name = "Virtanen";
  for (int n = 1; n <= 30; ++n) {
    b.opening("c" + std::to_string(n), "o" + std::to_string(n), model::OpeningKind::solo).field =
      model::OpeningField::business;
    b.company("c" + std::to_string(n)).name = "Company " + std::to_string(n) + " Oy";
  }
  // Wishes listed last by id: o30 by opening, c25 by company.
  b.ws.students[0].preferences = {"o30", "c25"};
  const auto& ws = b.done();
  auto input = match::prepare_match(ws, {});
  match::add_scored_candidates(input);
  const auto result = match::result_of(input, match::solve_optimal(input.problem));
  const auto lines = match::explain(input, result, "i1");
  const auto refused = std::find(lines.begin(), lines.end(), "open openings the rules refuse:");
  REQUIRE(refused != lines.end());
  REQUIRE(lines.end() - refused > 3);
  CHECK(*(refused + 1) == "  Company 30 Oy (o30): rule 2 (field): the opening is for business, Ada Virtanen (i1) studies engineering (in their preferences)");
  CHECK(*(refused + 2) == "  Company 25 Oy (o25): rule 2 (field): the opening is for business, Ada Virtanen (i1) studies engineering (in their preferences)");
  CHECK(lines.back() == "  ... and 13 more (--verbose lists all)"); // 30 - 2 wishes - 15 shown
  const auto everything = match::explain(input, result, "i1", true);
  CHECK(std::count_if(everything.begin(), everything.end(),
                      [](const std::string& line) { return line.rfind("  Company ", 0) == 0; }) == 30);
}

TEST_CASE("match summary: a plan not proven optimal shows its gap in percent, however small")
{
  match::MatchResult result;
  result.objective.placed = 40;
  result.objective.score = 1498.6;
  result.bound = 1498.6123; // both print as 1498.61 with two decimals
  CHECK(match::summary_line(result) ==
        "40 international student(s) placed, objective 1498.60, not proven optimal: gap 0.000821 % (bound 1498.61)");
  result.bound = 2000;
  CHECK(match::summary_line(result) ==
        "40 international student(s) placed, objective 1498.60, not proven optimal: gap 25.1 % (bound 2000.00)");
  result.placed_bound = 45; // a shortlist's bound: for plans placing 40
  CHECK(match::summary_line(result) ==
        "40 international student(s) placed, objective 1498.60, not proven optimal: gap 25.1 % (bound 2000.00) for "
        "plans placing as many; up to 45 could be placed");
  result.optimal = true;
  result.bound = 1498.6;
  CHECK(match::summary_line(result) == "40 international student(s) placed, objective 1498.60, proven optimal");
}
