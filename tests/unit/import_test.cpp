#include "import/column_map.hpp"
#include "import/identity_code.hpp"
#include "import/import.hpp"
#include "import/normalise.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using import::ColumnMap;
using import::ImportKind;

TEST_CASE("built-in column names in English and Finnish")
{
  const auto map = ColumnMap::built_in(ImportKind::students);
  CHECK(map.target("Opiskelijanumero") == "id");
  CHECK(map.target("Etunimet") == "first_name");
  CHECK(map.target("Sukunimi") == "last_name");
  CHECK(map.target("Sähköposti") == "email");
  CHECK(map.target("SÄHKÖPOSTI ") == "email");
  CHECK(map.target("E-mail") == "email");
  CHECK(map.target("First Name") == "first_name");
  CHECK(map.target("first-name") == "first_name");
  CHECK(map.target("Koulutusohjelma") == "programme");
  CHECK(map.target("group") == "group");
  CHECK_FALSE(map.target("Kampus"));
  const auto companies = ColumnMap::built_in(ImportKind::companies);
  CHECK(companies.target("Y-tunnus") == "business_id");
  CHECK(companies.target("Yhteyshenkilö") == "contact_name");
}

TEST_CASE("a map file adds columns, drops columns and translates values")
{
  auto map = ColumnMap::built_in(ImportKind::students);
  io::Diagnostics diagnostics;
  map.add_file(R"(columns:
  "Stud. nr": id
  "Sähköposti": ""
values:
  group: {KV: international}
)",
               "map.yaml", diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(map.target("Stud. nr") == "id");
  CHECK(map.target("sähköposti") == "");
  CHECK(map.translate("group", "kv") == "international");
  CHECK_FALSE(map.translate("group", "x"));

  io::Diagnostics bad;
  map.add_file("columns:\n  Foo: no_such_column\n", "map.yaml", bad);
  REQUIRE(bad.sorted().size() == 1);
  CHECK(bad.sorted()[0].line == 2);
  CHECK_THAT(bad.sorted()[0].message, Catch::Contains("unknown column \"no_such_column\""));
}

TEST_CASE("values from other systems take the contract's spelling")
{
  using import::normalise_value;
  CHECK(normalise_value("group", "kansainvälinen") == "international");
  CHECK(normalise_value("group", "Kotimainen") == "domestic");
  CHECK(normalise_value("group", "International") == "international");
  CHECK(normalise_value("field", "liiketalous") == "business");
  CHECK(normalise_value("field", "Tekniikka") == "engineering");
  CHECK(normalise_value("group", "Kansainvälinen opiskelija") == "international");
  CHECK(normalise_value("gender", "nainen") == "female");
  CHECK(normalise_value("gender", "M") == "male");
  CHECK(normalise_value("share_profile", "kyllä") == "yes");
  CHECK(normalise_value("joined", "1.9.2022") == "2022-09-01");
  CHECK(normalise_value("joined", "2022-09-01") == "2022-09-01");
  CHECK(normalise_value("joined", "31.2.2022") == "31.2.2022"); // no such day: kept as written, rejected later
  CHECK(normalise_value("joined", "1.9.22") == "1.9.22");
  CHECK(normalise_value("home_country", "fi") == "FI");
  CHECK(normalise_value("first_name", "  Anna   Maria ") == "Anna Maria");
  CHECK(normalise_value("size", "pieni") == "small");
  CHECK(normalise_value("group", "alien") == "alien"); // left for the validators
}

TEST_CASE("a Finnish personal identity code is known by its check character")
{
  CHECK(import::is_identity_code("131052-308T"));   // the Population Register Centre's example
  CHECK(import::is_identity_code("131052A308T"));   // born in the 2000s
  CHECK(import::is_identity_code("131052-308t"));
  CHECK_FALSE(import::is_identity_code("131052-308U")); // wrong check character
  CHECK_FALSE(import::is_identity_code("131052/308T")); // no century sign
  CHECK_FALSE(import::is_identity_code("1310523-08T"));
  CHECK_FALSE(import::is_identity_code("s22001"));
  CHECK(import::is_identity_code_header("HETU"));
  CHECK(import::is_identity_code_header("Henkilötunnus"));
  CHECK(import::is_identity_code_header("personbeteckning"));
  CHECK_FALSE(import::is_identity_code_header("Opiskelijanumero"));
}
