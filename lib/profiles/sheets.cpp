#include "profiles/sheets.hpp"

#include "io/error.hpp"
#include "io/text.hpp"
#include "match/candidates.hpp"
#include "match/scoring.hpp"
#include "report/period.hpp"
#include "schedule/items.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace tandem::profiles {

namespace {

using model::Date;

// ---- The sheet's words in English, Finnish and Swedish ----

enum class Label {
  proposed_placement, placement, candidates_for, programme, study_year, languages, skills, markets,
  available, certified, self_assessed, why_pair, score, brings_markets, brings_languages, brings_skills,
  consent_note, dates, to, open_end, native
};

std::string_view label(Label which, std::string_view language)
{
  struct Words {
    Label label;
    std::string_view en, fi, sv;
  };
  static constexpr std::array<Words, 21> words{{
    {Label::native, "native", "äidinkieli", "modersmål"},
    {Label::proposed_placement, "Proposed placement", "Harjoitteluehdotus", "Praktikförslag"},
    {Label::placement, "Placement", "Harjoittelu", "Praktik"},
    {Label::candidates_for, "Candidates for", "Ehdokkaat tehtävään", "Kandidater för"},
    {Label::programme, "Degree programme", "Koulutusohjelma", "Utbildningsprogram"},
    {Label::study_year, "Year of study", "Vuosikurssi", "Studieår"},
    {Label::languages, "Languages", "Kielitaito", "Språkkunskaper"},
    {Label::skills, "Skills", "Osaaminen", "Kompetenser"},
    {Label::markets, "Markets known from the inside", "Markkinat, jotka hän tuntee sisältä",
     "Marknader som hen känner inifrån"},
    {Label::available, "Available", "Käytettävissä", "Tillgänglig"},
    {Label::certified, "certified", "virallinen todistus", "officiellt intyg"},
    {Label::self_assessed, "self-assessed", "oma arvio", "självskattad"},
    {Label::why_pair, "Why this pair", "Miksi tämä pari", "Varför det här paret"},
    {Label::score, "Match score", "Yhteensopivuuspisteet", "Matchningspoäng"},
    {Label::brings_markets, "knows the markets", "tuntee markkinat", "känner marknaderna"},
    {Label::brings_languages, "speaks", "puhuu", "talar"},
    {Label::brings_skills, "brings the skills", "tuo osaamisen", "bidrar med kompetenserna"},
    {Label::consent_note, "Shown with the students' consent. Please do not pass this sheet on.",
     "Näytetään opiskelijoiden luvalla. Älä välitä tätä eteenpäin.",
     "Visas med de studerandes samtycke. Skicka inte bladet vidare."},
    {Label::dates, "Dates", "Ajankohta", "Tid"},
    {Label::to, "to", "–", "–"},
    {Label::open_end, "open", "avoin", "öppen"},
  }};
  for (const auto& entry : words) {
    if (entry.label == which) {
      return language == "fi" ? entry.fi : language == "sv" ? entry.sv : entry.en;
    }
  }
  return "";
}

// A CEFR level in the sheet's language (only `native` is a word).
std::string level_text(model::Level level, std::string_view language)
{
  return level == model::Level::native ? std::string(label(Label::native, language))
                                       : std::string(model::to_string(level));
}

// A part of the match score by its name in the sheet's language.
std::string component_text(match::Component component, std::string_view language)
{
  struct Names {
    match::Component component;
    std::string_view fi, sv;
  };
  static constexpr std::array<Names, match::component_count> names{{
    {match::Component::markets, "markkinat", "marknader"},
    {match::Component::languages, "kielet", "språk"},
    {match::Component::field, "ala", "område"},
    {match::Component::skills, "osaaminen", "kompetenser"},
    {match::Component::preferences, "toiveet", "önskemål"},
    {match::Component::location, "sijainti", "läge"},
    {match::Component::complementarity, "toisiaan täydentävyys", "komplementaritet"},
  }};
  for (const auto& entry : names) {
    if (entry.component == component && (language == "fi" || language == "sv")) {
      return std::string(language == "fi" ? entry.fi : entry.sv);
    }
  }
  return std::string(match::to_string(component));
}

std::string span_text(std::optional<Date> from, std::optional<Date> to, std::string_view language)
{
  const auto end = [&](std::optional<Date> day) {
    return day ? model::format_date_in(*day, language) : std::string(label(Label::open_end, language));
  };
  return fmt::format("{} {} {}", end(from), label(Label::to, language), end(to));
}

// ---- Students and candidates ----

StudentCard card_of(const model::Student& student, const std::string& language)
{
  StudentCard card{student.id,     student.first_name + " " + student.last_name,
                   student.programme, student.study_year, {}, student.skills, student.markets,
                   student.available_from, student.available_to};
  for (const auto& skill : student.languages) {
    const std::string level = level_text(skill.level, language);
    if (skill.code == "fi" && student.finnish_certified) {
      continue; // written below, with the certificate
    }
    card.languages.push_back(fmt::format("{} {}{}", skill.code, level,
                                         skill.code == "fi" && skill.level != model::Level::native
                                           ? fmt::format(" ({})", label(Label::self_assessed, language))
                                           : ""));
  }
  if (student.finnish_certified) {
    card.languages.push_back(fmt::format("fi {} ({})", level_text(*student.finnish_certified, language),
                                         label(Label::certified, language)));
  }
  return card;
}

// What one student brings to the opening: the markets, languages and skills it asks for.
std::vector<std::string> strengths_of(const model::Student& student, const model::Opening& opening,
                                      const model::Company& company, std::string_view language)
{
  const auto name = student.first_name + " " + student.last_name;
  std::vector<std::string> lines;
  std::vector<std::string> markets;
  for (const auto& market : student.markets) {
    if (io::contains(opening.markets, market) || io::contains(company.target_markets, market)) {
      markets.push_back(market);
    }
  }
  if (!markets.empty()) {
    lines.push_back(fmt::format("{} {}: {}", name, label(Label::brings_markets, language), fmt::join(markets, ", ")));
  }
  std::vector<std::string> languages;
  const auto wanted = [&](const std::string& code) {
    return io::contains(company.working_languages, code)
           || std::any_of(opening.languages.begin(), opening.languages.end(),
                          [&](const model::LanguageSkill& skill) { return skill.code == code; })
           || (code == "fi" && opening.finnish);
  };
  for (const auto& skill : student.languages) {
    if (wanted(skill.code)) {
      const auto level = student.level_in(skill.code);
      languages.push_back(fmt::format("{} {}", skill.code, level_text(level.value_or(skill.level), language)));
    }
  }
  if (!languages.empty()) {
    lines.push_back(
      fmt::format("{} {}: {}", name, label(Label::brings_languages, language), fmt::join(languages, ", ")));
  }
  std::vector<std::string> skills;
  for (const auto& skill : student.skills) {
    if (io::contains(opening.skills, skill)) {
      skills.push_back(skill);
    }
  }
  if (!skills.empty()) {
    lines.push_back(fmt::format("{} {}: {}", name, label(Label::brings_skills, language), fmt::join(skills, ", ")));
  }
  return lines;
}

// The candidate's score, part by part, as match counts it.
void add_score(const model::Project& project, const model::Opening& opening, const model::Company& company,
               const model::Student& international, const model::Student* domestic, std::string_view language,
               CandidateView& view)
{
  const match::OpeningProfile profile(opening, company, project.matching);
  const auto international_fit = profile.fit(international);
  const auto domestic_fit = domestic != nullptr ? std::optional(profile.fit(*domestic)) : std::nullopt;
  const auto components = profile.components(international_fit, domestic_fit ? &*domestic_fit : nullptr);
  view.score = components.total();
  for (std::size_t i = 0; i < match::component_count; ++i) {
    if (components.weighted[i] > 0) {
      view.components.emplace_back(component_text(static_cast<match::Component>(i), language),
                                   components.weighted[i]);
    }
  }
}

std::string language_of(const workspace::Workspace& workspace, const model::Company& company)
{
  return company.contact.message_language.empty() ? workspace.project->reminders.language
                                                  : company.contact.message_language;
}

class SheetMaker {
public:
  explicit SheetMaker(const workspace::Workspace& workspace) : m_workspace(workspace) {}

  void add_placement(const model::Placement& placement, SheetSet& set) const
  {
    const auto* company = m_workspace.company_of(placement);
    const auto* opening = m_workspace.find_opening(placement.opening_id);
    if (company == nullptr || opening == nullptr) {
      throw Error(fmt::format("placement {}: its company or opening is not in companies.yaml (tandem check)",
                              placement.id));
    }
    Sheet sheet;
    sheet.company_id = company->id;
    sheet.file_stem = placement.id;
    sheet.language = language_of(m_workspace, *company);
    sheet.title = fmt::format("{}: {}",
                              label(placement.status == model::PlacementStatus::proposed ? Label::proposed_placement
                                                                                         : Label::placement,
                                    sheet.language),
                              company->name);
    const auto span = schedule::placement_days(m_workspace, placement);
    sheet.subtitle = fmt::format("{}{}. {}: {}", company->name,
                                 opening->title.empty() ? "" : ", " + opening->title, label(Label::dates, sheet.language),
                                 span_text(span.first, span.last, sheet.language));
    CandidateView view;
    const auto* international = m_workspace.find_student(placement.international_id);
    const auto* domestic = placement.domestic_id.empty() ? nullptr : m_workspace.find_student(placement.domestic_id);
    bool whole = true;
    for (const auto* student : {international, domestic}) {
      if (student == nullptr) {
        continue;
      }
      if (!student->share_profile) {
        set.left_out.push_back({placement.id, m_workspace.student_name(student->id),
                                "has not agreed to share their profile (share_profile in students.csv)", true});
        whole = false;
        continue;
      }
      view.students.push_back(card_of(*student, sheet.language));
      if (domestic != nullptr) { // a pair: what each brings
        const auto lines = strengths_of(*student, *opening, *company, sheet.language);
        view.strengths.insert(view.strengths.end(), lines.begin(), lines.end());
      }
    }
    if (whole && international != nullptr) {
      add_score(*m_workspace.project, *opening, *company, *international, domestic, sheet.language, view);
    }
    if (view.students.empty()) {
      return; // nobody to show: no sheet at all
    }
    sheet.candidates.push_back(std::move(view));
    set.sheets.push_back(std::move(sheet));
  }

  // The opening's best allowed candidates by match score, among those who consent.
  void add_opening(const model::Opening& opening, const std::optional<std::string>& term, SheetSet& set) const
  {
    constexpr std::size_t k_shown = 5;
    const auto* company = m_workspace.find_company(opening.company_id);
    Sheet sheet;
    sheet.company_id = company->id;
    sheet.file_stem = opening.id;
    sheet.language = language_of(m_workspace, *company);
    sheet.title = fmt::format("{}: {}", label(Label::candidates_for, sheet.language),
                              opening.title.empty() ? opening.id : opening.title);
    sheet.subtitle = fmt::format("{}. {}: {}", company->name, label(Label::dates, sheet.language),
                                 span_text(opening.start, opening.end, sheet.language));
    auto input = match::prepare_match(m_workspace, {term, {}, {}});
    match::add_scored_candidates(input);
    std::vector<const match::Candidate*> here;
    for (const auto& candidate : input.problem.candidates) {
      if (input.openings[static_cast<std::size_t>(candidate.opening)] == &opening) {
        here.push_back(&candidate);
      }
    }
    std::stable_sort(here.begin(), here.end(),
                     [](const match::Candidate* a, const match::Candidate* b) { return a->score > b->score; });
    std::size_t without_consent = 0;
    for (const auto* candidate : here) {
      if (sheet.candidates.size() == k_shown) {
        break;
      }
      const auto& international = input.international_of(*candidate);
      const auto* domestic = input.domestic_of(*candidate);
      if (!international.share_profile || (domestic != nullptr && !domestic->share_profile)) {
        ++without_consent;
        continue;
      }
      CandidateView view;
      view.students.push_back(card_of(international, sheet.language));
      if (domestic != nullptr) {
        view.students.push_back(card_of(*domestic, sheet.language));
        for (const auto* student : {&international, domestic}) {
          const auto lines = strengths_of(*student, opening, *company, sheet.language);
          view.strengths.insert(view.strengths.end(), lines.begin(), lines.end());
        }
      }
      add_score(*m_workspace.project, opening, *company, international, domestic, sheet.language, view);
      sheet.candidates.push_back(std::move(view));
    }
    if (without_consent > 0) {
      set.left_out.push_back({opening.id, "", fmt::format("{} candidate(s) left out: a student has not agreed to "
                                                          "share their profile",
                                                          without_consent),
                              false});
    }
    set.sheets.push_back(std::move(sheet));
  }

private:
  const workspace::Workspace& m_workspace;
};

bool shown_by_default(const model::Placement& placement)
{
  return placement.status == model::PlacementStatus::proposed
         || placement.status == model::PlacementStatus::confirmed;
}

} // namespace

SheetSet make_sheets(const workspace::Workspace& workspace, const ProfileRequest& request)
{
  const SheetMaker maker(workspace);
  SheetSet set;
  using std::chrono::year;
  const report::Period period = request.term ? report::resolve_period(*workspace.project, request.term,
                                                                      std::nullopt, std::nullopt)
                                             : report::Period{year::min() / 1 / 1, year::max() / 12 / 31};
  const auto in_term = [&](const model::Placement& placement) {
    const auto span = schedule::placement_days(workspace, placement);
    return !request.term || (span.first && period.contains(*span.first));
  };
  for (const auto& id : request.openings) {
    const auto* opening = workspace.find_opening(id);
    if (opening == nullptr) {
      throw Error(fmt::format("companies.yaml has no opening {}", id));
    }
    maker.add_opening(*opening, request.term, set);
  }
  for (const auto& id : request.placements) {
    const auto* placement = workspace.find_placement(id);
    if (placement == nullptr) {
      throw Error(fmt::format("placements.csv has no placement {} (`tandem placement list` shows them)", id));
    }
    maker.add_placement(*placement, set);
  }
  for (const auto& id : request.companies) {
    if (workspace.find_company(id) == nullptr) {
      throw Error(fmt::format("companies.yaml has no company {}", id));
    }
  }
  if (request.placements.empty() && request.openings.empty()) {
    for (const auto& placement : workspace.placements) {
      const auto* company = workspace.company_of(placement);
      const bool of_company = request.companies.empty()
                              || (company != nullptr && io::contains(request.companies, company->id));
      if (shown_by_default(placement) && of_company && in_term(placement)) {
        maker.add_placement(placement, set);
      }
    }
  }
  return set;
}

// ---- Formats ----

std::string to_html(const Sheet& sheet, const std::string& project_name)
{
  const auto& language = sheet.language;
  std::string out = fmt::format(R"(<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<title>{}</title>
<style>
body {{ font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", sans-serif; margin: 2em auto; max-width: 48em;
       color: #1d2731; line-height: 1.45; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.2em; }}
p.subtitle {{ color: #4a5a68; margin-top: 0; }}
section.candidate {{ border-top: 2px solid #2a6f97; margin-top: 1.5em; padding-top: 0.5em; page-break-inside: avoid; }}
section.student h2 {{ font-size: 1.2em; margin-bottom: 0.3em; }}
dl {{ display: grid; grid-template-columns: 16em 1fr; gap: 0.2em 1em; margin: 0; }}
dt {{ color: #4a5a68; }}
dd {{ margin: 0; }}
.certified {{ font-weight: bold; color: #1b5e20; }}
footer {{ margin-top: 2em; color: #4a5a68; font-size: 0.85em; }}
</style>
</head>
<body>
<h1>{}</h1>
<p class="subtitle">{}</p>
)",
                                language, io::html_escape(sheet.title), io::html_escape(sheet.title),
                                io::html_escape(sheet.subtitle));
  for (const auto& candidate : sheet.candidates) {
    out += "<section class=\"candidate\">\n";
    for (const auto& student : candidate.students) {
      out += fmt::format("<section class=\"student\">\n<h2>{}</h2>\n<dl>\n", io::html_escape(student.name));
      const auto row = [&out](std::string_view term, const std::string& html) {
        if (!html.empty()) {
          out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", io::html_escape(term), html);
        }
      };
      row(label(Label::programme, language), io::html_escape(student.programme));
      row(label(Label::study_year, language), student.study_year ? std::to_string(*student.study_year) : "");
      std::vector<std::string> languages;
      for (const auto& text : student.languages) {
        const bool certified = text.find(std::string(label(Label::certified, language))) != std::string::npos;
        languages.push_back(certified ? "<span class=\"certified\">" + io::html_escape(text) + "</span>"
                                      : io::html_escape(text));
      }
      row(label(Label::languages, language), fmt::format("{}", fmt::join(languages, ", ")));
      row(label(Label::skills, language), io::html_escape(fmt::format("{}", fmt::join(student.skills, ", "))));
      row(label(Label::markets, language), io::html_escape(fmt::format("{}", fmt::join(student.markets, ", "))));
      row(label(Label::available, language),
          student.available_from || student.available_to
            ? io::html_escape(span_text(student.available_from, student.available_to, language))
            : "");
      out += "</dl>\n</section>\n";
    }
    if (!candidate.strengths.empty()) {
      out += fmt::format("<h3>{}</h3>\n<ul>\n", io::html_escape(label(Label::why_pair, language)));
      for (const auto& line : candidate.strengths) {
        out += "<li>" + io::html_escape(line) + "</li>\n";
      }
      out += "</ul>\n";
    }
    if (candidate.score) {
      std::vector<std::string> parts;
      for (const auto& [name, value] : candidate.components) {
        parts.push_back(fmt::format("{} {:.1f}", name, value));
      }
      out += fmt::format("<p class=\"score\">{}: {:.1f} ({})</p>\n", io::html_escape(label(Label::score, language)),
                         *candidate.score, io::html_escape(fmt::format("{}", fmt::join(parts, ", "))));
    }
    out += "</section>\n";
  }
  return out + fmt::format("<footer>{}. {}</footer>\n</body>\n</html>\n", io::html_escape(project_name),
                           io::html_escape(label(Label::consent_note, language)));
}

std::string to_markdown(const Sheet& sheet, const std::string& project_name)
{
  const auto& language = sheet.language;
  std::string out = fmt::format("# {}\n\n{}\n", sheet.title, sheet.subtitle);
  for (const auto& candidate : sheet.candidates) {
    for (const auto& student : candidate.students) {
      out += fmt::format("\n## {}\n\n", student.name);
      const auto row = [&out](std::string_view term, const std::string& text) {
        if (!text.empty()) {
          out += fmt::format("- {}: {}\n", term, text);
        }
      };
      row(label(Label::programme, language), student.programme);
      row(label(Label::study_year, language), student.study_year ? std::to_string(*student.study_year) : "");
      row(label(Label::languages, language), fmt::format("{}", fmt::join(student.languages, ", ")));
      row(label(Label::skills, language), fmt::format("{}", fmt::join(student.skills, ", ")));
      row(label(Label::markets, language), fmt::format("{}", fmt::join(student.markets, ", ")));
      row(label(Label::available, language), student.available_from || student.available_to
                                               ? span_text(student.available_from, student.available_to, language)
                                               : "");
    }
    if (!candidate.strengths.empty()) {
      out += fmt::format("\n### {}\n\n", label(Label::why_pair, language));
      for (const auto& line : candidate.strengths) {
        out += "- " + line + "\n";
      }
    }
    if (candidate.score) {
      std::vector<std::string> parts;
      for (const auto& [name, value] : candidate.components) {
        parts.push_back(fmt::format("{} {:.1f}", name, value));
      }
      out += fmt::format("\n{}: {:.1f} ({})\n", label(Label::score, language), *candidate.score,
                         fmt::join(parts, ", "));
    }
  }
  return out + fmt::format("\n---\n{}. {}\n", project_name, label(Label::consent_note, language));
}

} // namespace tandem::profiles
