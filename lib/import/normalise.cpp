#include "import/normalise.hpp"

#include "import/column_map.hpp"
#include "io/csv.hpp"
#include "model/values.hpp"
#include "workspace/writer.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <vector>

namespace tandem::import {

namespace {

using WordTable = std::map<std::string, std::string, std::less<>>;

// Words per kind of value, keyed by alias_key() spelling.
const std::map<std::string, WordTable, std::less<>>& word_tables()
{
  static const WordTable yes_no = {
    {"kyllä", "yes"}, {"k", "yes"}, {"y", "yes"}, {"true", "yes"}, {"1", "yes"}, {"x", "yes"},
    {"ja", "yes"},    {"ei", "no"}, {"e", "no"},  {"n", "no"},     {"false", "no"}, {"0", "no"},
    {"nej", "no"}};
  static const std::map<std::string, WordTable, std::less<>> tables = {
    {"group",
     {{"kansainvälinen", "international"}, {"kv", "international"}, {"intl", "international"},
      {"ulkomainen", "international"}, {"kv opiskelija", "international"},
      {"kansainvälinen opiskelija", "international"}, {"kotimainen opiskelija", "domestic"},
      {"suomalainen opiskelija", "domestic"},
      {"kotimainen", "domestic"}, {"suomalainen", "domestic"}, {"finnish", "domestic"},
      {"inhemsk", "domestic"}}},
    {"field",
     {{"liiketalous", "business"}, {"kauppa", "business"}, {"tradenomi", "business"},
      {"business administration", "business"}, {"liiketalouden ala", "business"},
      {"kaupan ala", "business"}, {"tekniikka", "engineering"}, {"tekniikan ala", "engineering"},
      {"insinööri", "engineering"}, {"technology", "engineering"}, {"muu", "other"}}},
    {"gender",
     {{"nainen", "female"}, {"naine", "female"}, {"woman", "female"}, {"f", "female"},
      {"n", "female"}, {"kvinna", "female"}, {"mies", "male"}, {"man", "male"}, {"m", "male"},
      {"muu", "other"}, {"non binary", "other"}, {"muunsukupuolinen", "other"},
      {"ei halua kertoa", "undisclosed"}, {"prefer not to say", "undisclosed"},
      {"ei tiedossa", "undisclosed"}}},
    {"status",
     {{"opiskelija", "student"}, {"läsnä", "student"}, {"valmistunut", "graduated"},
      {"alumni", "graduated"}, {"alumnus", "graduated"}}},
    {"employment_status",
     {{"työllinen", "employed"}, {"työssä", "employed"}, {"yrittäjä", "employed"},
      {"self employed", "employed"}, {"työtön", "unemployed"},
      {"pitkäaikaistyötön", "long_term_unemployed"}, {"long term unemployed", "long_term_unemployed"},
      {"työvoiman ulkopuolella", "inactive"}, {"opiskelija", "inactive"}, {"student", "inactive"}}},
    {"education",
     {{"isced1 2", "isced1-2"}, {"isced3 4", "isced3-4"}, {"isced5 8", "isced5-8"},
      {"perusaste", "isced1-2"}, {"peruskoulu", "isced1-2"}, {"toinen aste", "isced3-4"},
      {"lukio", "isced3-4"}, {"ammatillinen", "isced3-4"}, {"ylioppilas", "isced3-4"},
      {"korkea aste", "isced5-8"}, {"amk", "isced5-8"}, {"yliopisto", "isced5-8"},
      {"bachelor", "isced5-8"}, {"master", "isced5-8"}}},
    {"disability", {{"kyllä", "yes"}, {"ei", "no"}, {"ei halua kertoa", "undisclosed"},
                    {"prefer not to say", "undisclosed"}}},
    {"foreign_background", yes_no},
    {"minority", yes_no},
    {"share_profile", yes_no},
    {"would_repeat", yes_no},
    // outcomes.csv `status` (import outcomes asks for it by this name: students.csv has a `status` too).
    {"outcome_status",
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
      {"graduated", "qualified"}}},
    {"size",
     {{"mikro", "micro"}, {"mikroyritys", "micro"}, {"pieni", "small"}, {"pienyritys", "small"},
      {"keskisuuri", "medium"}, {"suuri", "large"}, {"suuryritys", "large"}}},
  };
  return tables;
}

const std::set<std::string, std::less<>> k_country_columns = {"home_country", "citizenship",
                                                              "markets", "target_markets"};
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
    if (const auto word = table->second.find(alias_key(trimmed)); word != table->second.end()) {
      return word->second;
    }
  }
  if (workspace::is_date_column(column)) {
    return finnish_date_to_iso(trimmed);
  }
  if (k_country_columns.count(column) > 0) {
    return io::to_upper_ascii(trimmed);
  }
  if (k_lower_case_columns.count(column) > 0) {
    return io::to_lower_ascii(trimmed);
  }
  if (k_name_columns.count(column) > 0) {
    return single_spaces(trimmed);
  }
  return trimmed;
}

} // namespace tandem::import
