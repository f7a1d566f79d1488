#include "workspace/check.hpp"
#include "workspace/paths.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

using namespace tandem;

namespace {

model::Date date(int y, unsigned m, unsigned d)
{
  return model::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

model::Student student(const std::string& id, model::Group group)
{
  model::Student s;
  s.id = id;
  s.group = group;
  s.field = model::Field::business;
  s.languages = {{"en", model::Level::C1}, {"fi", model::Level::native}};
  return s;
}

model::Placement placement(const std::string& id, const std::string& international,
                           model::PlacementStatus status, std::size_t line)
{
  model::Placement p;
  p.origin.line = line;
  p.id = id;
  p.opening_id = "acme-1";
  p.international_id = international;
  p.status = status;
  return p;
}

// A workspace with one one-slot opening, two international students and the
// placements given.
workspace::Workspace workspace_with(std::vector<model::Placement> placements)
{
  workspace::Workspace ws;
  ws.project = model::Project{};
  model::Company company;
  company.id = "acme";
  model::Opening opening;
  opening.id = "acme-1";
  opening.company_id = "acme";
  opening.kind = model::OpeningKind::either;
  opening.start = date(2024, 5, 6);
  opening.end = date(2024, 8, 9);
  company.openings.push_back(opening);
  ws.companies.push_back(company);
  for (const auto* id : {"i1", "i2"}) {
    ws.students.push_back(student(id, model::Group::international));
    ws.student_index[id] = {1, model::Group::international, std::nullopt, std::nullopt, {}};
  }
  ws.placements = std::move(placements);
  ws.index();
  return ws;
}

std::string problems_of(const workspace::Workspace& ws)
{
  io::Diagnostics diagnostics;
  workspace::check_links(ws, workspace::WorkspacePaths("."), diagnostics);
  std::ostringstream out;
  diagnostics.print(out);
  return out.str();
}

} // namespace

TEST_CASE("real placements beyond an opening's slots are warned about (rule 9)")
{
  using model::PlacementStatus;
  const auto two_real = workspace_with({placement("p1", "i1", PlacementStatus::confirmed, 2),
                                        placement("p2", "i2", PlacementStatus::started, 3)});
  CHECK_THAT(problems_of(two_real),
             Catch::Contains("placements.csv:3: warning: opening acme-1 has 1 slot(s) but 2 real "
                             "placements at once (matching rule 9)"));
  // A proposed or cancelled row uses no slot.
  const auto one_real = workspace_with({placement("p1", "i1", PlacementStatus::confirmed, 2),
                                        placement("p2", "i2", PlacementStatus::proposed, 3),
                                        placement("p3", "i2", PlacementStatus::cancelled, 4)});
  CHECK(problems_of(one_real).empty());
}

TEST_CASE("a student in two real placements at once is warned about (rule 8)")
{
  using model::PlacementStatus;
  auto first = placement("p1", "i1", PlacementStatus::completed, 2);
  first.end = date(2024, 6, 30);
  auto second = placement("p2", "i1", PlacementStatus::confirmed, 3);
  second.start = date(2024, 6, 30); // one shared day is an overlap
  auto ws = workspace_with({first, second});
  ws.companies[0].openings[0].slots = 2;
  ws.index();
  CHECK_THAT(problems_of(ws), Catch::Contains("placements.csv:3: warning: student i1 is also in "
                                              "placement p1 (line 2) at the same time (matching "
                                              "rule 8)"));
  ws.placements[1].start = date(2024, 7, 1); // the day after: no overlap
  CHECK(problems_of(ws).empty());
}

TEST_CASE("workspace paths: -C, then TANDEM_WORKSPACE, then the current folder")
{
  ::setenv("TANDEM_WORKSPACE", "/from/environment", 1);
  CHECK(workspace::WorkspacePaths::resolve(std::string("given")).root() == "given");
  CHECK(workspace::WorkspacePaths::resolve(std::nullopt).root() == "/from/environment");
  ::unsetenv("TANDEM_WORKSPACE");
  CHECK(workspace::WorkspacePaths::resolve(std::nullopt).root() == ".");
  CHECK(workspace::WorkspacePaths(".").display("students.csv") == "students.csv");
  CHECK(workspace::WorkspacePaths("ws/").display("students.csv") == "ws/students.csv");
  CHECK(workspace::WorkspacePaths("/a/b").display("tandem.yaml") == "/a/b/tandem.yaml");
}
