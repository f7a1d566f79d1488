#include "import/normalise.hpp"

#include "import/column_map.hpp"
#include "import/country_names.hpp"
#include "io/csv.hpp"
#include "model/values.hpp"
#include "workspace/writer.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <vector>

namespace tandem::import {

namespace {

// The contract's words for a column and the other words tandem takes for them,
// keyed by alias_key() spelling.
struct WordTable {
  std::vector<std::string> values;
  std::map<std::string, std::string, std::less<>> words;
};

const std::map<std::string, WordTable, std::less<>>& word_tables()
{
  static const std::map<std::string, std::string, std::less<>> yes_no = {
    {"kyllä", "yes"}, {"k", "yes"}, {"y", "yes"}, {"true", "yes"}, {"1", "yes"}, {"x", "yes"},
    {"ja", "yes"},    {"ei", "no"}, {"e", "no"},  {"n", "no"},     {"false", "no"}, {"0", "no"},
    {"nej", "no"}};
  // Static too: this function runs for every cell of an import.
  static const auto yes_no_undisclosed = [] {
    auto words = yes_no;
    words.insert({{"ei halua kertoa", "undisclosed"}, {"prefer not to say", "undisclosed"},
                  {"vill inte uppge", "undisclosed"}});
    return words;
  }();
  static const std::map<std::string, WordTable, std::less<>> tables = {
    {"group",
     {{"international", "domestic"},
      {{"kansainvälinen", "international"}, {"kv", "international"}, {"intl", "international"},
       {"ulkomainen", "international"}, {"kv opiskelija", "international"},
       {"kansainvälinen opiskelija", "international"}, {"internationell", "international"},
       {"utländsk", "international"}, {"kotimainen opiskelija", "domestic"},
       {"suomalainen opiskelija", "domestic"}, {"kotimainen", "domestic"}, {"suomalainen", "domestic"},
       {"finnish", "domestic"}, {"inhemsk", "domestic"}, {"finländsk", "domestic"}}}},
    // Finnish registers write the education field in the Ministry's classification
    // (koulutusala, 2002) or in ISCED-F 2013 (Sisu, Vipunen); both, in Finnish and Swedish.
    {"field",
     {{"business", "engineering", "other"},
      {{"liiketalous", "business"}, {"kauppa", "business"}, {"tradenomi", "business"},
       {"business administration", "business"}, {"liiketalouden ala", "business"},
       {"kaupan ala", "business"}, {"yhteiskuntatieteiden, liiketalouden ja hallinnon ala", "business"},
       {"kauppa, hallinto ja oikeustieteet", "business"}, {"liiketalous ja hallinto", "business"},
       {"handel", "business"}, {"företagsekonomi", "business"}, {"handel och administration", "business"},
       {"handel, administration och juridik", "business"}, {"tradenom", "business"},
       {"tekniikka", "engineering"}, {"tekniikan ala", "engineering"}, {"tekniikan alat", "engineering"},
       {"tekniikan ja liikenteen ala", "engineering"}, {"insinööri", "engineering"},
       {"technology", "engineering"}, {"tietojenkäsittely ja tietoliikenne", "engineering"},
       {"tietojenkäsittely ja tietoliikenne (ict)", "engineering"}, {"ict", "engineering"},
       {"teknik", "engineering"}, {"teknik och kommunikation", "engineering"}, {"ingenjör", "engineering"},
       {"informations och kommunikationsteknik", "engineering"},
       {"muu", "other"}, {"annan", "other"}, {"övrig", "other"}, {"kulttuuri", "other"},
       {"kulttuuriala", "other"}, {"humanistinen ja kasvatusala", "other"},
       {"humanistiset ja taidealat", "other"}, {"kasvatusalat", "other"}, {"luonnontieteiden ala", "other"},
       {"luonnontieteet", "other"}, {"luonnonvara ja ympäristöala", "other"},
       {"maa ja metsätalousalat", "other"}, {"sosiaali, terveys ja liikunta ala", "other"},
       {"terveys ja hyvinvointialat", "other"}, {"sosiaali ja terveysala", "other"},
       {"matkailu, ravitsemis ja talousala", "other"}, {"palvelualat", "other"},
       {"yhteiskuntatieteet", "other"}, {"kultur", "other"}, {"kulturbranschen", "other"},
       {"humaniora och konst", "other"}, {"pedagogik", "other"}, {"naturvetenskap", "other"},
       {"hälsa och välfärd", "other"}, {"social och hälsovård", "other"}, {"tjänster", "other"},
       {"lant och skogsbruk", "other"},
       // ISCED-F 2013 in English, as Sisu's English interface writes it.
       {"business, administration and law", "business"}, {"engineering, manufacturing and construction", "engineering"},
       {"information and communication technologies", "engineering"},
       {"information and communication technologies (icts)", "engineering"}, {"arts and humanities", "other"},
       {"education", "other"}, {"health and welfare", "other"}, {"services", "other"},
       {"natural sciences, mathematics and statistics", "other"},
       {"social sciences, journalism and information", "other"},
       {"agriculture, forestry, fisheries and veterinary", "other"}}}},
    {"gender",
     {{"female", "male", "other", "undisclosed"},
      {{"nainen", "female"}, {"naine", "female"}, {"woman", "female"}, {"f", "female"},
       {"n", "female"}, {"kvinna", "female"}, {"mies", "male"}, {"man", "male"}, {"m", "male"},
       {"muu", "other"}, {"annat", "other"}, {"non binary", "other"}, {"muunsukupuolinen", "other"},
       {"ei halua kertoa", "undisclosed"}, {"prefer not to say", "undisclosed"},
       {"vill inte uppge", "undisclosed"}, {"ei tiedossa", "undisclosed"}}}},
    // A register's study-right or term-registration word: present and absent students
    // are both students; a finished degree is an alumnus.
    {"status",
     {{"student", "graduated"},
      {{"opiskelija", "student"}, {"läsnä", "student"}, {"läsnäoleva", "student"}, {"poissa", "student"},
       {"poissaoleva", "student"}, {"aktiivinen", "student"}, {"ilmoittautunut läsnäolevaksi", "student"},
       {"ilmoittautunut poissaolevaksi", "student"}, {"attending", "student"}, {"non attending", "student"},
       {"present", "student"}, {"absent", "student"}, {"active", "student"}, {"studerande", "student"},
       {"närvarande", "student"}, {"frånvarande", "student"}, {"aktiv", "student"},
       {"valmistunut", "graduated"}, {"tutkinto suoritettu", "graduated"}, {"alumni", "graduated"},
       {"alumnus", "graduated"}, {"utexaminerad", "graduated"}, {"examen avlagd", "graduated"}}}},
    {"employment_status",
     {{"employed", "unemployed", "long_term_unemployed", "inactive"},
      {{"työllinen", "employed"}, {"työssä", "employed"}, {"yrittäjä", "employed"},
       {"self employed", "employed"}, {"työtön", "unemployed"},
       {"pitkäaikaistyötön", "long_term_unemployed"}, {"long term unemployed", "long_term_unemployed"},
       {"työvoiman ulkopuolella", "inactive"}, {"opiskelija", "inactive"}, {"student", "inactive"}}}},
    {"education",
     {{"isced1-2", "isced3-4", "isced5-8"},
      {{"isced1 2", "isced1-2"}, {"isced3 4", "isced3-4"}, {"isced5 8", "isced5-8"},
       {"perusaste", "isced1-2"}, {"peruskoulu", "isced1-2"}, {"toinen aste", "isced3-4"},
       {"lukio", "isced3-4"}, {"ammatillinen", "isced3-4"}, {"ylioppilas", "isced3-4"},
       {"korkea aste", "isced5-8"}, {"amk", "isced5-8"}, {"yliopisto", "isced5-8"},
       {"bachelor", "isced5-8"}, {"master", "isced5-8"}}}},
    {"disability", {{"yes", "no", "undisclosed"}, yes_no_undisclosed}},
    {"foreign_background", {{"yes", "no", "undisclosed"}, yes_no_undisclosed}},
    {"minority", {{"yes", "no", "undisclosed"}, yes_no_undisclosed}},
    {"share_profile", {{"yes", "no"}, yes_no}},
    {"would_repeat", {{"yes", "no"}, yes_no}},
    // outcomes.csv `status` (import outcomes asks for it by this name: students.csv has a `status` too).
    {"outcome_status",
     {{"employed", "self_employed", "in_education", "job_seeking", "inactive", "qualified"},
      {{"työssä", "employed"}, {"töissä", "employed"}, {"työllistynyt", "employed"}, {"palkkatyössä", "employed"},
       {"työsuhteessa", "employed"}, {"i arbete", "employed"}, {"anställd", "employed"}, {"working", "employed"},
       {"yrittäjä", "self_employed"}, {"yrittäjänä", "self_employed"}, {"företagare", "self_employed"},
       {"self employed", "self_employed"}, {"entrepreneur", "self_employed"},
       {"opiskelen", "in_education"}, {"opiskelija", "in_education"}, {"opinnoissa", "in_education"},
       {"studerar", "in_education"}, {"studerande", "in_education"}, {"studying", "in_education"},
       {"in education", "in_education"}, {"työnhakija", "job_seeking"}, {"työtön", "job_seeking"},
       {"työtön työnhakija", "job_seeking"}, {"etsin töitä", "job_seeking"}, {"arbetssökande", "job_seeking"},
       {"arbetslös", "job_seeking"}, {"job seeking", "job_seeking"}, {"looking for work", "job_seeking"},
       {"unemployed", "job_seeking"}, {"työvoiman ulkopuolella", "inactive"}, {"utanför arbetskraften", "inactive"},
       {"valmistunut", "qualified"}, {"tutkinto suoritettu", "qualified"}, {"utexaminerad", "qualified"},
       {"graduated", "qualified"}}}},
    {"size",
     {{"micro", "small", "medium", "large"},
      {{"mikro", "micro"}, {"mikroyritys", "micro"}, {"pieni", "small"}, {"pienyritys", "small"},
       {"keskisuuri", "medium"}, {"suuri", "large"}, {"suuryritys", "large"}, {"mikroföretag", "micro"},
       {"litet", "small"}, {"småföretag", "small"}, {"medelstort", "medium"}, {"stort", "large"}}}},
  };
  return tables;
}

const std::set<std::string, std::less<>> k_country_columns = {"home_country", "citizenship"};
const std::set<std::string, std::less<>> k_country_list_columns = {"markets", "target_markets"};
const std::set<std::string, std::less<>> k_lower_case_columns = {
  "skills", "working_languages", "group", "field", "gender", "status", "employment_status",
  "education", "disability", "foreign_background", "minority", "share_profile", "size", "outcome_status",
  "would_repeat", "role"};
const std::set<std::string, std::less<>> k_name_columns = {"first_name", "last_name", "name",
                                                           "contact_name"};

// d.m.yyyy (Finnish) to yyyy-mm-dd; anything else unchanged.
std::string finnish_date_to_iso(std::string_view text)
{
  const auto date = model::parse_finnish_date(text);
  return date ? model::format_date(*date) : std::string(text);
}

// A country's name (English, Finnish, Swedish) or alpha-3 code as its alpha-2
// code; anything else upper-cased, for the validators to judge.
std::string country_code(std::string_view text)
{
  static const auto codes = [] {
    std::map<std::string, std::string_view, std::less<>> by_key;
    for (const auto& country : country_names()) {
      by_key.emplace(alias_key(country.name), country.code);
    }
    return by_key;
  }();
  const std::string trimmed(io::trim(text));
  if (const auto found = codes.find(alias_key(trimmed)); found != codes.end()) {
    return std::string(found->second);
  }
  return io::to_upper_ascii(trimmed);
}

// "Ruotsi; Saksa" or, from a ';'-delimited file, "Ruotsi, Saksa" -> "SE;DE".
std::string country_codes(std::string_view list)
{
  const char separator = list.find(';') == std::string_view::npos ? ',' : ';';
  std::vector<std::string> codes;
  for (const auto& item : io::split_list(list, separator)) {
    codes.push_back(country_code(item));
  }
  return fmt::format("{}", fmt::join(codes, ";"));
}

std::string single_spaces(std::string_view text)
{
  std::string result;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !result.empty();
      continue;
    }
    if (space) {
      result += ' ';
      space = false;
    }
    result += c;
  }
  return result;
}

} // namespace

std::string normalise_value(std::string_view column, std::string_view value)
{
  const std::string trimmed(io::trim(value));
  if (trimmed.empty()) {
    return trimmed;
  }
  const auto& tables = word_tables();
  if (const auto table = tables.find(column); table != tables.end()) {
    if (const auto word = table->second.words.find(alias_key(trimmed)); word != table->second.words.end()) {
      return word->second;
    }
  }
  if (workspace::is_date_column(column)) {
    return finnish_date_to_iso(trimmed);
  }
  if (k_country_columns.count(column) > 0) {
    return country_code(trimmed);
  }
  if (k_country_list_columns.count(column) > 0) {
    return country_codes(trimmed);
  }
  if (k_lower_case_columns.count(column) > 0) {
    return io::to_lower_ascii(trimmed);
  }
  if (k_name_columns.count(column) > 0) {
    return single_spaces(trimmed);
  }
  return trimmed;
}

std::optional<std::string> unknown_word(std::string_view column, std::string_view value,
                                        const std::string& normalised)
{
  const auto& tables = word_tables();
  const auto table = tables.find(column);
  if (table == tables.end() || normalised.empty() || io::contains(table->second.values, normalised)) {
    return std::nullopt;
  }
  std::vector<std::string> known;
  for (const auto& entry : table->second.words) {
    known.push_back(fmt::format("\"{}\"", entry.first));
  }
  return fmt::format("{}: \"{}\" is not a word tandem knows: use {}, or one of the words it takes for them "
                     "({}); a --map file's values: adds more",
                     column, io::trim(value), io::joined_with_or(table->second.values), fmt::join(known, ", "));
}

} // namespace tandem::import
