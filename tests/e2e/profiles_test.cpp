#include "run_tandem.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace tandem::test;
namespace fs = std::filesystem;

// The profiles fixture (tests/fixtures/profiles): p1 a proposed tandem at Acme
// Export Oy, whose contact reads Finnish (Nguyễn Thị Hằng, Finnish B1 certified,
// with Aino Mäkelä); p2 a confirmed solo placement at Beta Automation Ltd, in
// English (Emre Yılmaz); p3 a proposed tandem whose domestic student, Ville Salo,
// has not agreed to share his profile. Every student's sensitive fields are filled.

namespace {

const std::string k_browser_flags = "--headless --no-sandbox --disable-gpu --no-first-run "
                                    "--disable-background-networking --disable-component-update --disable-sync";

// The page as headless Chromium builds it (its DOM, serialised).
std::string rendered_dom(const fs::path& html, const fs::path& scratch)
{
  const auto dom = scratch / "dom.html";
  const std::string command = "/usr/bin/chromium " + k_browser_flags + " --user-data-dir="
                              + (scratch / "chromium-profile").string() + " --dump-dom 'file://" + html.string()
                              + "' > '" + dom.string() + "' 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  return read_text(dom);
}

std::string pdf_text(const fs::path& pdf, const fs::path& scratch)
{
  const auto text = scratch / "pdf.txt";
  const std::string command = "/usr/bin/pdftotext -enc UTF-8 '" + pdf.string() + "' '" + text.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  return read_text(text);
}

// Nothing a sheet must never show: e-mail, birth date, gender, citizenship,
// employment status, the placement's note.
void check_no_sensitive_data(const std::string& page)
{
  for (const auto* secret : {"secret@example.fi", "1999-04-12", "12.4.1999", "1997-11-30", "female", "male",
                             "nainen", "unemployed", "employed", "private note", "isced"}) {
    INFO(secret);
    CHECK(page.find(secret) == std::string::npos);
  }
}

} // namespace

TEST_CASE("profiles: a tandem sheet in Finnish and a solo sheet in English, rendered by headless Chromium")
{
  TemporaryFolder temporary;
  const auto output = temporary.path() / "sheets";
  const auto result = run_tandem({"-C", (fs::path(TANDEM_SOURCE) / "tests" / "fixtures" / "profiles").string(),
                                  "profiles", "--placement", "p1", "--placement", "p2", "--output", output.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out == "wrote " + (output / "acme" / "p1.html").string() + "\nwrote "
                        + (output / "beta" / "p2.html").string() + "\n");

  const auto tandem_page = rendered_dom(output / "acme" / "p1.html", temporary.path());
  CHECK_THAT(tandem_page, Catch::Contains("<html lang=\"fi\">"));
  CHECK_THAT(tandem_page, Catch::Contains("<h1>Harjoitteluehdotus: Acme Export Oy</h1>"));
  CHECK_THAT(tandem_page, Catch::Contains("<h2>Nguyễn Thị Hằng</h2>"));
  CHECK_THAT(tandem_page, Catch::Contains("<h2>Aino Mäkelä</h2>"));
  // The certified Finnish level, marked apart from the self-assessed fi:A2 (not shown).
  CHECK_THAT(tandem_page, Catch::Contains("<span class=\"certified\">fi B1 (virallinen todistus)</span>"));
  CHECK_THAT(tandem_page, !Catch::Contains("fi A2"));
  CHECK_THAT(tandem_page, Catch::Contains("<h3>Miksi tämä pari</h3>"));
  CHECK_THAT(tandem_page, Catch::Contains("<li>Nguyễn Thị Hằng tuntee markkinat: VN, TH</li>"));
  CHECK_THAT(tandem_page, !Catch::Contains("<script"));
  check_no_sensitive_data(tandem_page);

  const auto solo_page = rendered_dom(output / "beta" / "p2.html", temporary.path());
  CHECK_THAT(solo_page, Catch::Contains("<h1>Placement: Beta Automation Ltd</h1>"));
  CHECK_THAT(solo_page, Catch::Contains("<h2>Emre Yılmaz</h2>"));
  CHECK_THAT(solo_page, Catch::Contains("<dt>Languages</dt><dd>en C1, tr native, de B2</dd>"));
  CHECK_THAT(solo_page, !Catch::Contains("Why this pair")); // a solo placement has no pair
  check_no_sensitive_data(solo_page);
}

TEST_CASE("profiles --format pdf: the PDF's text, read back with pdftotext, shows the same")
{
  TemporaryFolder temporary;
  const auto output = temporary.path() / "sheets";
  const auto result = run_tandem({"-C", (fs::path(TANDEM_SOURCE) / "tests" / "fixtures" / "profiles").string(),
                                  "profiles", "--placement", "p1", "--format", "pdf", "--output", output.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  REQUIRE(fs::exists(output / "acme" / "p1.pdf"));
  const auto text = pdf_text(output / "acme" / "p1.pdf", temporary.path());
  CHECK_THAT(text, Catch::Contains("Nguyễn Thị Hằng")); // the fonts carry Vietnamese letters
  CHECK_THAT(text, Catch::Contains("Aino Mäkelä"));
  CHECK_THAT(text, Catch::Contains("fi B1 (virallinen todistus)"));
  check_no_sensitive_data(text);
}

TEST_CASE("profiles: a student without consent never appears, and the command says so and exits 1")
{
  TemporaryFolder temporary;
  const auto output = temporary.path() / "sheets";
  const auto result = run_tandem({"-C", (fs::path(TANDEM_SOURCE) / "tests" / "fixtures" / "profiles").string(),
                                  "profiles", "--company", "acme", "--format", "md", "--output", output.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "tandem: p3: Ville Salo left out: has not agreed to share their profile (share_profile in "
                      "students.csv)\n");
  const auto partial = read_text(output / "acme" / "p3.md");
  CHECK_THAT(partial, Catch::Contains("## Olga Ivanova"));
  CHECK_THAT(partial, !Catch::Contains("Ville") && !Catch::Contains("Salo"));
  CHECK(fs::exists(output / "acme" / "p1.md"));
  CHECK_FALSE(fs::exists(output / "beta")); // --company acme only

  const auto unknown = run_tandem({"-C", (fs::path(TANDEM_SOURCE) / "tests" / "fixtures" / "profiles").string(),
                                   "profiles", "--placement", "p9", "--output", output.string()});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("placements.csv has no placement p9"));
}

TEST_CASE("profiles --opening: the opening's best consenting candidates, best first")
{
  TemporaryFolder temporary;
  const auto workspace = copy_fixture("profiles", temporary.path());
  // Free the opening: cancel p3, so acme-russia has its place again.
  REQUIRE(run_tandem({"-C", workspace.string(), "placement", "cancel", "p3"}).exit_code == 0);
  const auto result = run_tandem({"-C", workspace.string(), "profiles", "--opening", "acme-russia", "--format", "md",
                                  "--output", (temporary.path() / "sheets").string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto sheet = read_text(temporary.path() / "sheets" / "acme" / "acme-russia.md");
  CHECK_THAT(sheet, Catch::StartsWith("# Ehdokkaat tehtävään: Myyntiassistentti\n"));
  // The allowed pairs: Hằng + Aino, Olga + Aino, Hằng + Ville (no consent: left out);
  // Olga + Ville was cancelled. Hằng knows both markets Acme targets (VN, TH): the
  // markets weight, 3, on top of languages 2 and field 2; Olga knows neither.
  CHECK_THAT(sheet, !Catch::Contains("Ville"));
  const auto first = sheet.find("## Nguyễn Thị Hằng");
  const auto second = sheet.find("## Olga Ivanova");
  CHECK(first < second);
  CHECK(second != std::string::npos);
  CHECK_THAT(sheet, Catch::Contains("Yhteensopivuuspisteet: 7.0 (markkinat 3.0, kielet 2.0, ala 2.0)"));
  CHECK_THAT(sheet, Catch::Contains("Yhteensopivuuspisteet: 4.0 (kielet 2.0, ala 2.0)"));
  CHECK(result.err == "tandem: acme-russia: 1 candidate(s) left out: a student has not agreed to share their "
                      "profile\n");
}
