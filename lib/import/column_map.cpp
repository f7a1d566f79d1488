#include "import/column_map.hpp"

#include "io/csv.hpp"
#include "io/text.hpp"
#include "io/yaml_document.hpp"
#include "workspace/readers.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tandem::import {

namespace {

struct Alias {
  std::string_view column;
  std::vector<std::string_view> names;
};

const std::vector<Alias>& student_aliases()
{
  static const std::vector<Alias> aliases = {
    {"id", {"student id", "student number", "student no", "opiskelijanumero", "opiskelijan numero",
            "opiskelijatunnus", "studentnummer"}},
    {"first_name", {"first name", "firstname", "given name", "given names", "first names", "forename",
                    "etunimi", "etunimet", "kutsumanimi", "förnamn"}},
    {"last_name", {"last name", "lastname", "surname", "family name", "sukunimi", "efternamn"}},
    {"email", {"e-mail", "email address", "e-mail address", "mail", "sähköposti",
               "sähköpostiosoite", "e-post", "primary email", "primary e-mail"}},
    {"group", {"target group", "ryhmä", "kohderyhmä", "grupp"}},
    {"field", {"field of study", "study field", "education field", "koulutusala", "ala", "opintoala"}},
    {"programme", {"program", "degree programme", "degree program", "koulutusohjelma",
                   "tutkinto-ohjelma", "tutkinto", "utbildningsprogram"}},
    {"study_year", {"year of study", "study year", "vuosikurssi", "opintovuosi", "vuosi"}},
    {"status", {"student status", "opiskelijan tila", "tila", "term registration", "lukukausi-ilmoittautuminen",
                "läsnäolo", "terminsregistrering"}},
    {"gender", {"sex", "sukupuoli", "kön"}},
    {"birth_year", {"year of birth", "birth year", "syntymävuosi", "födelseår"}},
    {"birth_date", {"date of birth", "birth date", "birthdate", "dob", "syntymäaika", "syntymäpäivä",
                    "syntymäpäivämäärä", "födelsedatum", "födelsedag"}},
    {"languages", {"language skills", "kielet", "kielitaito"}},
    {"finnish_certified", {"finnish certificate", "yki", "suomen kielen taso"}},
    {"home_country", {"country", "home country", "kotimaa", "lähtömaa"}},
    {"citizenship", {"nationality", "kansalaisuus", "medborgarskap"}},
    {"markets", {"markets", "market knowledge", "markkinat", "markkinaosaaminen"}},
    {"skills", {"taidot", "osaaminen"}},
    {"municipality", {"city", "town", "home municipality", "kotikunta", "asuinkunta", "kunta",
                      "hemkommun"}},
    {"available_from", {"available from", "saatavilla alkaen", "harjoittelu alkaen"}},
    {"available_to", {"available to", "available until", "saatavilla asti", "harjoittelu päättyy"}},
    {"preferences", {"toiveet"}},
    {"employment_status", {"employment status", "työmarkkina-asema", "työtilanne"}},
    {"education", {"education level", "highest education", "koulutustaso", "pohjakoulutus"}},
    {"foreign_background", {"foreign background", "vieraskielinen", "ulkomaalaistausta"}},
    {"disability", {"vamma", "vammaisuus"}},
    {"minority", {"vähemmistö", "vähemmistöön kuuluva", "minoritet"}},
    {"joined", {"start date", "entry date", "aloituspäivä", "aloituspvm", "aloitus",
                "tuloaika", "hankkeeseen tulo"}},
    {"left", {"end date", "exit date", "lopetuspäivä", "lopetuspvm", "lähtöaika",
              "hankkeesta lähtö"}},
    {"share_profile", {"share profile", "profiilin jako", "lupa profiilin jakamiseen"}},
  };
  return aliases;
}

const std::vector<Alias>& company_aliases()
{
  static const std::vector<Alias> aliases = {
    {"id", {"company id", "yritystunnus"}},
    {"name", {"company", "company name", "yritys", "yrityksen nimi", "nimi", "företag"}},
    {"business_id", {"business id", "y-tunnus", "ytunnus", "y tunnus", "fo-nummer"}},
    {"municipality", {"city", "kotikunta", "kunta", "sijainti", "paikkakunta"}},
    {"size", {"company size", "koko", "kokoluokka"}},
    {"sector", {"industry", "toimiala", "bransch"}},
    {"contact_name", {"contact", "contact person", "yhteyshenkilö"}},
    {"contact_email", {"contact email", "contact e-mail", "email", "e-mail", "sähköposti",
                       "yhteyshenkilön sähköposti"}},
    {"contact_phone", {"phone", "telephone", "puhelin", "puhelinnumero"}},
    {"target_markets", {"target markets", "export markets", "kohdemarkkinat", "vientimaat"}},
    {"working_languages", {"working languages", "työkielet", "kielet"}},
    {"joined", {"joined", "start date", "mukaan", "aloituspäivä"}},
  };
  return aliases;
}

const std::vector<Alias>& attendance_aliases()
{
  static const std::vector<Alias> aliases = {
    {"event_id", {"event", "event id", "tapahtuma", "tapahtuman tunnus"}},
    {"student_id", {"student", "student number", "opiskelijanumero"}},
    {"company_id", {"company", "yritys"}},
    {"email", {"e-mail", "email address", "sähköposti", "sähköpostiosoite"}},
  };
  return aliases;
}

const std::vector<Alias>& outcome_aliases()
{
  static const std::vector<Alias> aliases = {
    {"student_id", {"student", "student id", "student number", "opiskelijanumero", "opiskelija", "studentnummer"}},
    {"date", {"response date", "date of response", "completion time", "timestamp", "submitted", "aikaleima", "tidsstämpel", "päivämäärä", "pvm",
              "vastauspäivä", "vastausaika", "datum", "svarsdatum"}},
    {"status", {"situation", "current situation", "current status", "tilanne", "nykyinen tilanne", "tilanteesi",
                "mikä on tilanteesi", "situation nu", "nuvarande situation"}},
    {"employer", {"employer name", "työnantaja", "työpaikka", "arbetsgivare"}},
    {"note", {"comment", "comments", "lisätiedot", "kommentti", "kommentar"}},
    {"email", {"e-mail", "email address", "e-mail address", "sähköposti", "sähköpostiosoite", "e-post", "primary email", "primary e-mail"}},
  };
  return aliases;
}

const std::vector<Alias>& feedback_aliases()
{
  static const std::vector<Alias> aliases = {
    {"placement_id", {"placement", "placement id", "harjoittelu", "sijoitus", "praktik"}},
    {"respondent_id", {"respondent", "respondent id", "student number", "opiskelijanumero", "studentnummer"}},
    {"role", {"respondent role", "rooli", "roll"}},
    {"date", {"response date", "date of response", "completion time", "timestamp", "submitted", "aikaleima",
              "tidsstämpel", "päivämäärä", "pvm", "vastauspäivä", "vastausaika", "datum", "svarsdatum"}},
    {"overall", {"overall rating", "kokonaisarvio", "yleisarvio", "helhetsbetyg"}},
    {"learning", {"oppiminen", "lärande"}},
    {"pair_work", {"pair work", "tandem work", "parityö", "parsamarbete"}},
    {"would_repeat", {"would repeat", "again", "uudelleen", "igen"}},
    {"comment", {"comments", "kommentti", "vapaa sana", "kommentar"}},
    {"email", {"e-mail", "email address", "e-mail address", "sähköposti", "sähköpostiosoite", "e-post", "primary email", "primary e-mail"}},
  };
  return aliases;
}

std::vector<std::string> company_columns()
{
  return {"id", "name", "business_id", "municipality", "size", "sector", "contact_name",
          "contact_email", "contact_phone", "target_markets", "working_languages", "joined"};
}

} // namespace

std::string alias_key(std::string_view header)
{
  std::string key = io::header_key(header);
  std::string result;
  for (std::size_t i = 0; i < key.size(); ++i) {
    // Upper-case Ä, Ö, Å (UTF-8 C3 84, C3 96, C3 85) to lower case (C3 A4, C3 B6, C3 A5).
    if (static_cast<unsigned char>(key[i]) == 0xC3 && i + 1 < key.size()) {
      const auto next = static_cast<unsigned char>(key[i + 1]);
      if (next == 0x84 || next == 0x96 || next == 0x85) {
        result += key[i];
        result += static_cast<char>(next + 0x20);
        ++i;
        continue;
      }
    }
    result += (key[i] == '_' || key[i] == '-') ? ' ' : key[i];
  }
  // Trimmed again: a '_' or '-' at an end became a space ("Email_" is "email").
  return std::string(io::trim(result));
}

ColumnMap ColumnMap::built_in(ImportKind kind)
{
  ColumnMap map;
  const std::vector<Alias>* aliases = nullptr;
  switch (kind) {
  case ImportKind::students: {
    const auto& columns = workspace::students_schema().columns;
    map.m_columns.assign(columns.begin(), columns.end());
    aliases = &student_aliases();
    break;
  }
  case ImportKind::companies:
    map.m_columns = company_columns();
    aliases = &company_aliases();
    break;
  case ImportKind::feedback: {
    const auto& columns = workspace::feedback_schema().columns;
    map.m_columns.assign(columns.begin(), columns.end());
    map.m_columns.emplace_back("email");
    aliases = &feedback_aliases();
    break;
  }
  case ImportKind::outcomes: {
    const auto& columns = workspace::outcomes_schema().columns;
    map.m_columns.assign(columns.begin(), columns.end());
    map.m_columns.emplace_back("email");
    aliases = &outcome_aliases();
    break;
  }
  case ImportKind::attendance: {
    const auto& columns = workspace::attendance_schema().columns;
    map.m_columns.assign(columns.begin(), columns.end());
    map.m_columns.emplace_back("email");
    aliases = &attendance_aliases();
    break;
  }
  }
  for (const auto& column : map.m_columns) {
    map.m_aliases.emplace(alias_key(column), column);
  }
  for (const auto& alias : *aliases) {
    for (const auto name : alias.names) {
      map.m_aliases.emplace(alias_key(name), std::string(alias.column));
    }
  }
  return map;
}

void ColumnMap::add_file(std::string_view text, const std::string& file,
                         io::Diagnostics& diagnostics)
{
  const auto root = io::read_yaml(text, file, diagnostics);
  if (!root) {
    return;
  }
  const auto fail = [&](const io::YamlNode& at, std::string message) {
    diagnostics.error(file, at.line(), std::move(message), at.column());
  };
  if (!root->is_mapping()) {
    fail(*root, "expected a mapping with the keys columns: and values:");
    return;
  }
  const io::YamlNode& columns = (*root)["columns"];
  if (!columns.is_absent() && !columns.is_mapping()) {
    fail(columns, "columns: expected a mapping of export header to tandem column");
  } else {
    for (const auto& [header, target_node] : columns.entries()) {
      const std::string target = target_node.is_scalar() ? target_node.scalar() : "";
      const bool known = target.empty()
                         || std::find(m_columns.begin(), m_columns.end(), target) != m_columns.end();
      if (!target_node.is_scalar() && !target_node.is_null()) {
        fail(target_node, fmt::format("columns.{}: expected a column name", header));
      } else if (!known) {
        fail(target_node, fmt::format("columns.{}: unknown column \"{}\"; expected one of {}",
                                      header, target, fmt::join(m_columns, ", ")));
      } else {
        m_aliases[alias_key(header)] = target;
      }
    }
  }
  const io::YamlNode& values = (*root)["values"];
  if (!values.is_absent() && !values.is_mapping()) {
    fail(values, "values: expected a mapping of column to {export value: tandem value}");
    return;
  }
  for (const auto& [column, words] : values.entries()) {
    if (!words.is_mapping()) {
      fail(words, fmt::format("values.{}: expected a mapping", column));
      continue;
    }
    for (const auto& [word, value] : words.entries()) {
      m_values[column][alias_key(word)] = value.is_scalar() ? value.scalar() : "";
    }
  }
}

std::optional<std::string> ColumnMap::target(std::string_view header) const
{
  const auto it = m_aliases.find(alias_key(header));
  if (it == m_aliases.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::string> ColumnMap::translate(std::string_view column, std::string_view value) const
{
  const auto words = m_values.find(std::string(column));
  if (words == m_values.end()) {
    return std::nullopt;
  }
  const auto it = words->second.find(alias_key(value));
  if (it == words->second.end()) {
    return std::nullopt;
  }
  return it->second;
}

} // namespace tandem::import
