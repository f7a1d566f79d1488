#include "schedule/messages.hpp"

#include "io/atomic_file.hpp"
#include "io/text.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <regex>
#include <set>

namespace tandem::schedule {

namespace {

using namespace std::string_view_literals;

constexpr std::array<MessageKind, 7> k_kinds{MessageKind::event,      MessageKind::placement_start,
                                             MessageKind::follow_up,  MessageKind::status_lag,
                                             MessageKind::outcomes,   MessageKind::digest,
                                             MessageKind::feedback};
constexpr std::array<std::string_view, 3> k_languages{"en", "fi", "sv"};

// The fields each kind offers its template (docs/messages.md lists them);
// every kind also has name, project and from.
std::vector<std::string_view> fields_of(MessageKind kind)
{
  std::vector<std::string_view> fields{"name", "project", "from"};
  const auto add = [&fields](std::initializer_list<std::string_view> more) {
    fields.insert(fields.end(), more.begin(), more.end());
  };
  switch (kind) {
  case MessageKind::event:
    add({"event", "when", "where"});
    break;
  case MessageKind::placement_start:
    add({"students", "company", "opening", "start", "end", "proposed"});
    break;
  case MessageKind::follow_up:
    add({"follow_up", "deadline", "date", "students", "company", "opening", "start", "end", "proposed"});
    break;
  case MessageKind::status_lag:
    add({"unconfirmed", "placement", "students", "company", "start", "end"});
    break;
  case MessageKind::outcomes:
    add({"count", "one", "leavers", "student", "id", "left", "four_weeks", "by"});
    break;
  case MessageKind::digest:
    add({"monday", "count", "one", "digest"});
    break;
  case MessageKind::feedback:
    add({"again", "survey", "students", "company", "opening", "start", "end"});
    break;
  }
  return fields;
}

// ---- Days and times as each language writes them ----

std::string weekday_name(model::Date day, std::string_view language)
{
  static constexpr std::array<std::string_view, 7> en{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 7> fi{"su", "ma", "ti", "ke", "to", "pe", "la"};
  static constexpr std::array<std::string_view, 7> sv{"sön", "mån", "tis", "ons", "tors", "fre", "lör"};
  const unsigned index = std::chrono::weekday{std::chrono::sys_days(day)}.c_encoding();
  return std::string(language == "fi" ? fi[index] : language == "sv" ? sv[index] : en[index]);
}

// "Tue 14 May 2025"; "ti 14.5.2025"
std::string day_text(model::Date day, std::string_view language)
{
  static constexpr std::array<std::string_view, 12> months{"January", "February", "March",     "April",
                                                           "May",     "June",     "July",      "August",
                                                           "September", "October", "November", "December"};
  if (model::writes_finnish_style(language)) {
    return weekday_name(day, language) + " " + model::format_date_in(day, language);
  }
  return fmt::format("{} {} {} {}", weekday_name(day, language), static_cast<unsigned>(day.day()),
                     months[static_cast<unsigned>(day.month()) - 1], static_cast<int>(day.year()));
}

std::string when_text(const When& when, std::string_view language)
{
  const bool english = !model::writes_finnish_style(language);
  const std::string dash = english ? "-" : "\u2013";
  std::string text = day_text(when.first, language);
  if (when.start) {
    text += english ? ", " : language == "fi" ? " klo " : " kl. ";
    text += model::format_time_in(*when.start, language);
    if (when.end) {
      text += dash + model::format_time_in(*when.end, language);
    }
  }
  if (when.last && *when.last != when.first) {
    text += (english ? " to " : " \u2013 ") + day_text(*when.last, language);
  }
  return text;
}

std::string names_text(const NameList& list, std::string_view language)
{
  const auto& names = list.names;
  if (names.size() <= 1) {
    return names.empty() ? "" : names.front();
  }
  const std::string_view conjunction = language == "fi" ? "ja" : language == "sv" ? "och" : "and";
  std::string text;
  for (std::size_t i = 0; i + 1 < names.size(); ++i) {
    text += (i == 0 ? "" : ", ") + names[i];
  }
  return fmt::format("{} {} {}", text, conjunction, names.back());
}

// The value as text in the language; empty means "not there" (a section over it is skipped).
kainjow::mustache::data to_data(const FieldValue& value, std::string_view language)
{
  struct Visitor {
    std::string_view language;
    kainjow::mustache::data operator()(const std::string& text) const { return {text}; }
    kainjow::mustache::data operator()(bool flag) const { return {flag}; }
    kainjow::mustache::data operator()(const When& when) const { return {when_text(when, language)}; }
    kainjow::mustache::data operator()(const Phrase& phrase) const { return {phrase.in(language)}; }
    kainjow::mustache::data operator()(const NameList& list) const { return {names_text(list, language)}; }
  };
  return std::visit(Visitor{language}, value);
}

bool is_empty(const FieldValue& value)
{
  const auto* text = std::get_if<std::string>(&value);
  const auto* list = std::get_if<NameList>(&value);
  return (text != nullptr && text->empty()) || (list != nullptr && list->names.empty());
}

kainjow::mustache::data object_of(const FieldMap& fields, std::string_view language)
{
  kainjow::mustache::data object{kainjow::mustache::data::type::object};
  for (const auto& [key, value] : fields) {
    if (!is_empty(value)) {
      object.set(key, to_data(value, language));
    }
  }
  return object;
}

// ---- The built-in templates ----

struct BuiltIn {
  MessageKind kind;
  std::string_view language;
  std::string_view text;
};

// Each begins with its subject line; the signature's "-- " is the e-mail convention.
const std::vector<BuiltIn>& built_in_texts()
{
  static const std::vector<BuiltIn> texts{
    {MessageKind::event, "en", R"(Subject: Reminder: {{event}}, {{when}}{{#where}}, {{where}}{{/where}}
Hello{{#name}} {{name}}{{/name}},

This is a reminder of {{event}}.

When: {{when}}
{{#where}}Where: {{where}}
{{/where}}
Welcome!

-- 
{{project}}
Replies to this message reach {{from}}.
)"},
    {MessageKind::event, "fi", R"(Subject: Muistutus: {{event}}, {{when}}{{#where}}, {{where}}{{/where}}
Hei{{#name}} {{name}}{{/name}},

Muistutus tapahtumasta: {{event}}.

Aika: {{when}}
{{#where}}Paikka: {{where}}
{{/where}}
Tervetuloa!

-- 
{{project}}
Vastaukset tähän viestiin menevät osoitteeseen {{from}}.
)"},
    {MessageKind::event, "sv", R"(Subject: Påminnelse: {{event}}, {{when}}{{#where}}, {{where}}{{/where}}
Hej{{#name}} {{name}}{{/name}},

Det här är en påminnelse om {{event}}.

Tid: {{when}}
{{#where}}Plats: {{where}}
{{/where}}
Välkommen!

-- 
{{project}}
Svar på det här meddelandet går till {{from}}.
)"},
    {MessageKind::placement_start, "en",
     R"(Subject: {{#proposed}}[proposed] {{/proposed}}Placement at {{company}} starts {{start}}: {{students}}
Hello{{#name}} {{name}}{{/name}},

The placement of {{students}} at {{company}}{{#opening}} ({{opening}}){{/opening}} starts on {{start}}{{#end}} and ends on {{end}}{{/end}}.

{{#proposed}}It is still a proposal: it has not yet been confirmed with the company and the students.

{{/proposed}}Good luck!

-- 
{{project}}
Replies to this message reach {{from}}.
)"},
    {MessageKind::placement_start, "fi",
     R"(Subject: {{#proposed}}[ehdotus] {{/proposed}}Harjoittelu yrityksessä {{company}} alkaa {{start}}: {{students}}
Hei{{#name}} {{name}}{{/name}},

Harjoittelu yrityksessä {{company}}{{#opening}} ({{opening}}){{/opening}} alkaa {{start}}{{#end}} ja päättyy {{end}}{{/end}}. Harjoittelijat: {{students}}.

{{#proposed}}Harjoittelu on vasta ehdotus: sitä ei ole vielä vahvistettu yrityksen ja opiskelijoiden kanssa.

{{/proposed}}Onnea harjoitteluun!

-- 
{{project}}
Vastaukset tähän viestiin menevät osoitteeseen {{from}}.
)"},
    {MessageKind::placement_start, "sv",
     R"(Subject: {{#proposed}}[förslag] {{/proposed}}Praktiken hos {{company}} börjar {{start}}: {{students}}
Hej{{#name}} {{name}}{{/name}},

Praktiken hos {{company}}{{#opening}} ({{opening}}){{/opening}} börjar {{start}}{{#end}} och slutar {{end}}{{/end}}. Praktikanter: {{students}}.

{{#proposed}}Praktiken är ännu ett förslag: den har inte bekräftats med företaget och de studerande.

{{/proposed}}Lycka till!

-- 
{{project}}
Svar på det här meddelandet går till {{from}}.
)"},
    {MessageKind::follow_up, "en",
     R"(Subject: {{#proposed}}[proposed] {{/proposed}}{{#deadline}}{{follow_up}} due by {{date}}{{/deadline}}{{^deadline}}{{follow_up}}, {{date}}{{/deadline}}: {{students}} at {{company}}
Hello{{#name}} {{name}}{{/name}},

{{#deadline}}{{follow_up}} is due by {{date}}.{{/deadline}}{{^deadline}}{{follow_up}}: {{date}}.{{/deadline}}

The placement: {{students}} at {{company}}{{#opening}} ({{opening}}){{/opening}}, {{start}} to {{end}}.

-- 
{{project}}
Replies to this message reach {{from}}.
)"},
    {MessageKind::follow_up, "fi",
     R"(Subject: {{#proposed}}[ehdotus] {{/proposed}}{{#deadline}}{{follow_up}}: määräaika {{date}}{{/deadline}}{{^deadline}}{{follow_up}} {{date}}{{/deadline}}: {{students}}, {{company}}
Hei{{#name}} {{name}}{{/name}},

{{#deadline}}{{follow_up}}: määräaika on {{date}}.{{/deadline}}{{^deadline}}{{follow_up}}: {{date}}.{{/deadline}}

Harjoittelu: {{students}}, {{company}}{{#opening}} ({{opening}}){{/opening}}, {{start}} – {{end}}.

-- 
{{project}}
Vastaukset tähän viestiin menevät osoitteeseen {{from}}.
)"},
    {MessageKind::follow_up, "sv",
     R"(Subject: {{#proposed}}[förslag] {{/proposed}}{{#deadline}}{{follow_up}}: senast {{date}}{{/deadline}}{{^deadline}}{{follow_up}} {{date}}{{/deadline}}: {{students}}, {{company}}
Hej{{#name}} {{name}}{{/name}},

{{#deadline}}{{follow_up}}: senast {{date}}.{{/deadline}}{{^deadline}}{{follow_up}}: {{date}}.{{/deadline}}

Praktiken: {{students}}, {{company}}{{#opening}} ({{opening}}){{/opening}}, {{start}} – {{end}}.

-- 
{{project}}
Svar på det här meddelandet går till {{from}}.
)"},
    {MessageKind::status_lag, "en",
     R"(Subject: {{#unconfirmed}}Still proposed after its start{{/unconfirmed}}{{^unconfirmed}}Not marked completed{{/unconfirmed}}: {{students}} at {{company}}
Hello{{#name}} {{name}}{{/name}},

{{#unconfirmed}}The placement of {{students}} at {{company}} was to start on {{start}} but is still proposed. Confirm it or cancel it:

  tandem placement confirm {{placement}}
  tandem placement cancel {{placement}}{{/unconfirmed}}{{^unconfirmed}}The placement of {{students}} at {{company}} ended on {{end}} but is not marked completed. Mark it completed (start it first if it is only confirmed), or correct its dates:

  tandem placement start {{placement}}
  tandem placement complete {{placement}}{{/unconfirmed}}

-- 
{{project}}
)"},
    {MessageKind::status_lag, "fi",
     R"(Subject: {{#unconfirmed}}Yhä ehdotus alkamispäivän jälkeen{{/unconfirmed}}{{^unconfirmed}}Ei merkitty päättyneeksi{{/unconfirmed}}: {{students}}, {{company}}
Hei{{#name}} {{name}}{{/name}},

{{#unconfirmed}}Harjoittelun ({{students}}, {{company}}) piti alkaa {{start}}, mutta se on yhä ehdotus. Vahvista tai peru se:

  tandem placement confirm {{placement}}
  tandem placement cancel {{placement}}{{/unconfirmed}}{{^unconfirmed}}Harjoittelu ({{students}}, {{company}}) päättyi {{end}}, mutta sitä ei ole merkitty päättyneeksi. Merkitse se päättyneeksi (aloitetuksi ensin, jos se on vasta vahvistettu) tai korjaa sen päivämäärät:

  tandem placement start {{placement}}
  tandem placement complete {{placement}}{{/unconfirmed}}

-- 
{{project}}
)"},
    {MessageKind::status_lag, "sv",
     R"(Subject: {{#unconfirmed}}Fortfarande ett förslag efter startdagen{{/unconfirmed}}{{^unconfirmed}}Inte markerad som avslutad{{/unconfirmed}}: {{students}}, {{company}}
Hej{{#name}} {{name}}{{/name}},

{{#unconfirmed}}Praktiken ({{students}}, {{company}}) skulle börja {{start}} men är fortfarande ett förslag. Bekräfta eller avboka den:

  tandem placement confirm {{placement}}
  tandem placement cancel {{placement}}{{/unconfirmed}}{{^unconfirmed}}Praktiken ({{students}}, {{company}}) slutade {{end}} men är inte markerad som avslutad. Markera den som avslutad (först som påbörjad om den bara är bekräftad) eller rätta datumen:

  tandem placement start {{placement}}
  tandem placement complete {{placement}}{{/unconfirmed}}

-- 
{{project}}
)"},
    {MessageKind::outcomes, "en",
     R"(Subject: Outcome follow-up due: {{#leavers}}{{student}}{{/leavers}}
Hello{{#name}} {{name}}{{/name}},

Record where this participant is now; the funder's result indicators read it:

{{#leavers}}
- {{student}} ({{id}}), left on {{left}}: the {{#four_weeks}}four-week{{/four_weeks}}{{^four_weeks}}six-month{{/four_weeks}} outcome, by {{by}}
{{/leavers}}

Record it with
  tandem outcome add STUDENT --date DATE --status STATUS
or bring a survey's export in with
  tandem import outcomes FILE

-- 
{{project}}
)"},
    {MessageKind::outcomes, "fi",
     R"(Subject: Seurantatieto kirjattavana: {{#leavers}}{{student}}{{/leavers}}
Hei{{#name}} {{name}}{{/name}},

Kirjaa, missä tämä osallistuja on nyt; rahoittajan tulosindikaattorit lukevat tiedon:

{{#leavers}}
- {{student}} ({{id}}), lähti {{left}}: {{#four_weeks}}neljän viikon{{/four_weeks}}{{^four_weeks}}kuuden kuukauden{{/four_weeks}} seuranta, viimeistään {{by}}
{{/leavers}}

Kirjaa se komennolla
  tandem outcome add OPISKELIJA --date PÄIVÄ --status TILA
tai tuo kyselyn vastaukset komennolla
  tandem import outcomes TIEDOSTO

-- 
{{project}}
)"},
    {MessageKind::outcomes, "sv",
     R"(Subject: Uppföljning att registrera: {{#leavers}}{{student}}{{/leavers}}
Hej{{#name}} {{name}}{{/name}},

Registrera var den här deltagaren befinner sig nu; finansiärens resultatindikatorer läser det:

{{#leavers}}
- {{student}} ({{id}}), lämnade {{left}}: uppföljningen efter {{#four_weeks}}fyra veckor{{/four_weeks}}{{^four_weeks}}sex månader{{/four_weeks}}, senast {{by}}
{{/leavers}}

Registrera den med
  tandem outcome add STUDERANDE --date DATUM --status STATUS
eller importera en enkäts svar med
  tandem import outcomes FIL

-- 
{{project}}
)"},
    {MessageKind::feedback, "en",
     R"(Subject: {{#again}}Reminder: {{/again}}Your feedback on the placement at {{company}}
Hello{{#name}} {{name}}{{/name}},

The placement of {{students}} at {{company}} ends on {{end}}. {{#again}}We have not received your feedback yet. {{/again}}Please tell us how it went: it takes five minutes, and it shapes the next placements.

{{#survey}}Answer here: {{survey}}

{{/survey}}{{^survey}}You can answer by replying to this message.

{{/survey}}Thank you!

-- 
{{project}}
Replies to this message reach {{from}}.
)"},
    {MessageKind::feedback, "fi",
     R"(Subject: {{#again}}Muistutus: {{/again}}Palautteesi harjoittelusta yrityksessä {{company}}
Hei{{#name}} {{name}}{{/name}},

Harjoittelu ({{students}}, {{company}}) päättyy {{end}}. {{#again}}Emme ole vielä saaneet palautettasi. {{/again}}Kerro, miten harjoittelu sujui: vastaaminen vie viisi minuuttia, ja palaute auttaa seuraavia harjoitteluja.

{{#survey}}Vastaa tästä: {{survey}}

{{/survey}}{{^survey}}Voit vastata tähän viestiin.

{{/survey}}Kiitos!

-- 
{{project}}
Vastaukset tähän viestiin menevät osoitteeseen {{from}}.
)"},
    {MessageKind::feedback, "sv",
     R"(Subject: {{#again}}Påminnelse: {{/again}}Din respons på praktiken hos {{company}}
Hej{{#name}} {{name}}{{/name}},

Praktiken ({{students}}, {{company}}) slutar {{end}}. {{#again}}Vi har ännu inte fått din respons. {{/again}}Berätta hur praktiken gick: det tar fem minuter, och responsen hjälper kommande praktiker.

{{#survey}}Svara här: {{survey}}

{{/survey}}{{^survey}}Du kan svara på det här meddelandet.

{{/survey}}Tack!

-- 
{{project}}
Svar på det här meddelandet går till {{from}}.
)"},
    {MessageKind::digest, "en",
     R"(Subject: Weekly digest {{monday}}: {{count}} {{#one}}item{{/one}}{{^one}}items{{/one}} in the next two weeks
Hello{{#name}} {{name}}{{/name}},

{{digest}}
-- 
{{project}}
)"},
    {MessageKind::digest, "fi",
     R"(Subject: Viikkokooste {{monday}}: {{count}} {{#one}}kohde{{/one}}{{^one}}kohdetta{{/one}} seuraavan kahden viikon aikana
Hei{{#name}} {{name}}{{/name}},

{{digest}}
-- 
{{project}}
)"},
    {MessageKind::digest, "sv",
     R"(Subject: Veckosammandrag {{monday}}: {{count}} {{#one}}punkt{{/one}}{{^one}}punkter{{/one}} de närmaste två veckorna
Hej{{#name}} {{name}}{{/name}},

{{digest}}
-- 
{{project}}
)"},
  };
  return texts;
}

std::string key_of(MessageKind kind, std::string_view language)
{
  return fmt::format("{}.{}", template_name(kind), language);
}

// The line and column of a byte offset in `text` (both from 1).
std::pair<std::size_t, std::size_t> position_of(std::string_view text, std::size_t offset)
{
  offset = std::min(offset, text.size());
  const auto before = text.substr(0, offset);
  const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const auto line_start = before.rfind('\n');
  return {line, line_start == std::string_view::npos ? offset + 1 : offset - line_start};
}

} // namespace

std::string_view template_name(MessageKind kind)
{
  switch (kind) {
  case MessageKind::event:
    return "event";
  case MessageKind::placement_start:
    return "placement-start";
  case MessageKind::follow_up:
    return "follow-up";
  case MessageKind::status_lag:
    return "status-lag";
  case MessageKind::outcomes:
    return "outcomes";
  case MessageKind::digest:
    return "digest";
  case MessageKind::feedback:
    return "feedback";
  }
  return "event";
}

bool check_template(std::string_view text, MessageKind kind, const std::string& display,
                    io::Diagnostics& diagnostics)
{
  if (!text.starts_with("Subject:")) {
    diagnostics.error(display, 1, "the first line must be the subject: Subject: ...", 1);
    return false;
  }
  kainjow::mustache::mustache parsed{std::string(text)};
  if (!parsed.is_valid()) {
    // kainjow says where as "at OFFSET" at the end of its message.
    std::string message = parsed.error_message();
    std::size_t line = 0;
    std::size_t column = 0;
    if (const auto at = message.rfind(" at "); at != std::string::npos) {
      if (const auto offset = model::parse_int(std::string_view(message).substr(at + 4), 0, 1 << 30)) {
        std::tie(line, column) = position_of(text, static_cast<std::size_t>(*offset));
        message.erase(at);
      }
    }
    diagnostics.error(display, line, "the template does not parse: " + message + " (Mustache: {{field}}, "
                                     "{{#section}}...{{/section}})", column);
    return false;
  }
  // Every tag's field must be one the kind offers: a misspelt field would print nothing.
  const auto known = fields_of(kind);
  static const std::regex tag(R"(\{\{\{?\s*([#^/&]?)\s*([^}!=>]*?)\s*\}?\}\})");
  const std::string owned(text);
  std::set<std::string> warned; // a section's opening tag says it; its closing tag need not
  for (auto match = std::sregex_iterator(owned.begin(), owned.end(), tag); match != std::sregex_iterator();
       ++match) {
    const std::string name = (*match)[2].str();
    if (name.empty() || name == "." || std::find(known.begin(), known.end(), name) != known.end()
        || !warned.insert(name).second) {
      continue;
    }
    const auto [line, column] = position_of(text, static_cast<std::size_t>(match->position(0)));
    diagnostics.warning(display, line,
                        fmt::format("the {} template has no field \"{}\" (it prints nothing); its fields: {}",
                                    template_name(kind), name, fmt::join(known, ", ")),
                        column);
  }
  return true;
}

MessageTemplates MessageTemplates::built_in()
{
  MessageTemplates templates;
  for (const auto& text : built_in_texts()) {
    templates.m_texts.emplace(key_of(text.kind, text.language), std::string(text.text));
  }
  return templates;
}

MessageTemplates MessageTemplates::load(const workspace::WorkspacePaths& paths, io::Diagnostics& diagnostics)
{
  MessageTemplates templates = built_in();
  const auto folder = paths.file(k_templates_folder);
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    return templates;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    const std::string display = paths.display(std::string(k_templates_folder) + "/" + name);
    if (name.starts_with(".") || !name.ends_with(".txt")) {
      continue; // an editor's backup or a note: not a template
    }
    const auto kind = std::find_if(k_kinds.begin(), k_kinds.end(), [&](MessageKind candidate) {
      return std::any_of(k_languages.begin(), k_languages.end(), [&](std::string_view language) {
        return name == key_of(candidate, language) + ".txt";
      });
    });
    if (kind == k_kinds.end()) {
      diagnostics.warning(display, 0,
                          "tandem uses no template of this name: templates are NAME.LANGUAGE.txt with NAME one of "
                          "event, placement-start, follow-up, status-lag, outcomes, digest, feedback and LANGUAGE en, fi or "
                          "sv");
      continue;
    }
    const auto text = io::read_file_if_exists(file, display);
    if (!text) {
      continue;
    }
    if (check_template(*text, *kind, display, diagnostics)) {
      templates.m_texts[name.substr(0, name.size() - 4)] = *text;
    }
  }
  return templates;
}

Message MessageTemplates::render(MessageKind kind, std::string_view language, const MessageFields& fields,
                                 std::string_view recipient_name) const
{
  const bool known = std::find(k_languages.begin(), k_languages.end(), language) != k_languages.end();
  const std::string_view used = known ? language : "en";
  kainjow::mustache::mustache parsed{m_texts.at(key_of(kind, used))};
  parsed.set_custom_escape([](const std::string& text) { return text; }); // plain text, not HTML
  auto data = object_of(fields.values, used);
  if (!recipient_name.empty()) {
    data.set("name", std::string(recipient_name));
  }
  for (const auto& [key, rows] : fields.lists) {
    kainjow::mustache::data list{kainjow::mustache::data::type::list};
    for (const auto& row : rows) {
      list.push_back(object_of(row, used));
    }
    data.set(key, list);
  }
  const std::string text = parsed.render(data);
  const auto end_of_subject = text.find('\n');
  std::string subject = text.substr(0, end_of_subject).substr("Subject:"sv.size());
  Message message{std::string(io::trim(subject)), end_of_subject == std::string::npos ? "" : text.substr(end_of_subject + 1)};
  if (!message.body.empty() && message.body.back() != '\n') {
    message.body += '\n';
  }
  return message;
}

std::vector<std::pair<std::string, std::string>> MessageTemplates::default_files()
{
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& text : built_in_texts()) {
    files.emplace_back(key_of(text.kind, text.language) + ".txt", std::string(text.text));
  }
  return files;
}

} // namespace tandem::schedule
