#pragma once

#include "model/values.hpp"
#include "workspace/load.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// `tandem profiles`: the sheets a company reads before it decides on a proposed
// placement or an opening's candidates, in the company's language, with the
// students' consent (docs/profiles.md). A sheet shows what the work needs to
// know (programme, languages with the certified Finnish level marked, skills,
// markets known from the inside, availability) and never a sensitive field.
namespace tandem::profiles {

struct ProfileRequest {
  std::vector<std::string> placements; // none of the three: every proposed or confirmed placement
  std::vector<std::string> openings;   // one sheet per opening, its best allowed candidates
  std::vector<std::string> companies;  // the proposed or confirmed placements of these companies
  std::optional<std::string> term;     // only placements (or openings) starting in this term
};

// One student as a sheet shows them.
struct StudentCard {
  std::string id;
  std::string name;
  std::string programme;
  std::optional<int> study_year;
  std::vector<std::string> languages; // "en C1", "fi B1 (certified)" in the sheet's language
  std::vector<std::string> skills;
  std::vector<std::string> markets;
  std::optional<model::Date> available_from;
  std::optional<model::Date> available_to;
};

// A candidate (a placement's pair, or one of an opening's best).
struct CandidateView {
  std::vector<StudentCard> students;  // the international first
  std::vector<std::string> strengths; // "what each brings", for a pair: lines in the sheet's language
  std::optional<double> score;
  std::vector<std::pair<std::string, double>> components; // the score's parts that count (> 0)
};

struct Sheet {
  std::string company_id;
  std::string file_stem; // the placement's or the opening's id
  std::string language;  // en, fi or sv
  std::string title;
  std::string subtitle;  // the company, the opening, the dates
  std::vector<CandidateView> candidates;
};

// A student left off a sheet, and why (printed on standard error).
struct LeftOut {
  std::string sheet; // the placement's or the opening's id
  std::string student_name;
  std::string reason;
  bool incomplete = false; // a placement sheet that cannot be shown whole
};

struct SheetSet {
  std::vector<Sheet> sheets;
  std::vector<LeftOut> left_out;
};

// The sheets the request asks for. Throws tandem::Error for an id that is not
// in the workspace.
SheetSet make_sheets(const workspace::Workspace& workspace, const ProfileRequest& request);

enum class Format { html, md, pdf };

// A sheet as a self-contained HTML page (inline CSS, no scripts) or as Markdown.
std::string to_html(const Sheet& sheet, const std::string& project_name);
std::string to_markdown(const Sheet& sheet, const std::string& project_name);

// Renders an HTML file to PDF with headless Chromium (--print-to-pdf), offline.
// Throws tandem::Error when Chromium is missing or fails.
void render_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf);

} // namespace tandem::profiles
