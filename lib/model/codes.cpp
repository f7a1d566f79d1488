#include "model/values.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace tandem::model {

namespace {

// Code lists behind the validators of model/values.hpp.

// ISO 3166-1 alpha-2, from Debian's iso-codes 4.15 (iso_3166-1.json), sorted.
constexpr std::array<std::string_view, 249> k_country_codes = {
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
  "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
  "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
  "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
  "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
  "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
  "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
  "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
  "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV",
  "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ",
  "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
  "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
  "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
  "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
  "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR",
  "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
  "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};

// ISO 639-1, from Debian's iso-codes 4.15 (the alpha_2 codes of iso_639-2.json), sorted.
constexpr std::array<std::string_view, 184> k_language_codes = {
  "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg",
  "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv",
  "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi",
  "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr",
  "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja",
  "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw",
  "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml",
  "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
  "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro",
  "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr",
  "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr",
  "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
  "yo", "za", "zh", "zu",
};

// English names of the ISO 639-1 languages, from the same file (the first name where it
// gives several: "Spanish; Castilian" is Spanish), sorted by code.
constexpr std::array<std::pair<std::string_view, std::string_view>, 184> k_language_names = {{
  {"aa", "Afar"}, {"ab", "Abkhazian"}, {"ae", "Avestan"}, {"af", "Afrikaans"}, {"ak", "Akan"},
  {"am", "Amharic"}, {"an", "Aragonese"}, {"ar", "Arabic"}, {"as", "Assamese"}, {"av", "Avaric"},
  {"ay", "Aymara"}, {"az", "Azerbaijani"}, {"ba", "Bashkir"}, {"be", "Belarusian"}, {"bg", "Bulgarian"},
  {"bh", "Bihari languages"}, {"bi", "Bislama"}, {"bm", "Bambara"}, {"bn", "Bengali"}, {"bo", "Tibetan"},
  {"br", "Breton"}, {"bs", "Bosnian"}, {"ca", "Catalan"}, {"ce", "Chechen"}, {"ch", "Chamorro"},
  {"co", "Corsican"}, {"cr", "Cree"}, {"cs", "Czech"}, {"cu", "Church Slavic"}, {"cv", "Chuvash"},
  {"cy", "Welsh"}, {"da", "Danish"}, {"de", "German"}, {"dv", "Divehi"}, {"dz", "Dzongkha"}, {"ee", "Ewe"},
  {"el", "Greek, Modern (1453-)"}, {"en", "English"}, {"eo", "Esperanto"}, {"es", "Spanish"},
  {"et", "Estonian"}, {"eu", "Basque"}, {"fa", "Persian"}, {"ff", "Fulah"}, {"fi", "Finnish"},
  {"fj", "Fijian"}, {"fo", "Faroese"}, {"fr", "French"}, {"fy", "Western Frisian"}, {"ga", "Irish"},
  {"gd", "Gaelic"}, {"gl", "Galician"}, {"gn", "Guarani"}, {"gu", "Gujarati"}, {"gv", "Manx"}, {"ha", "Hausa"},
  {"he", "Hebrew"}, {"hi", "Hindi"}, {"ho", "Hiri Motu"}, {"hr", "Croatian"}, {"ht", "Haitian"},
  {"hu", "Hungarian"}, {"hy", "Armenian"}, {"hz", "Herero"},
  {"ia", "Interlingua (International Auxiliary Language Association)"}, {"id", "Indonesian"},
  {"ie", "Interlingue"}, {"ig", "Igbo"}, {"ii", "Sichuan Yi"}, {"ik", "Inupiaq"}, {"io", "Ido"},
  {"is", "Icelandic"}, {"it", "Italian"}, {"iu", "Inuktitut"}, {"ja", "Japanese"}, {"jv", "Javanese"},
  {"ka", "Georgian"}, {"kg", "Kongo"}, {"ki", "Kikuyu"}, {"kj", "Kuanyama"}, {"kk", "Kazakh"},
  {"kl", "Kalaallisut"}, {"km", "Central Khmer"}, {"kn", "Kannada"}, {"ko", "Korean"}, {"kr", "Kanuri"},
  {"ks", "Kashmiri"}, {"ku", "Kurdish"}, {"kv", "Komi"}, {"kw", "Cornish"}, {"ky", "Kirghiz"}, {"la", "Latin"},
  {"lb", "Luxembourgish"}, {"lg", "Ganda"}, {"li", "Limburgan"}, {"ln", "Lingala"}, {"lo", "Lao"},
  {"lt", "Lithuanian"}, {"lu", "Luba-Katanga"}, {"lv", "Latvian"}, {"mg", "Malagasy"}, {"mh", "Marshallese"},
  {"mi", "Maori"}, {"mk", "Macedonian"}, {"ml", "Malayalam"}, {"mn", "Mongolian"}, {"mr", "Marathi"},
  {"ms", "Malay"}, {"mt", "Maltese"}, {"my", "Burmese"}, {"na", "Nauru"}, {"nb", "Bokmål, Norwegian"},
  {"nd", "Ndebele, North"}, {"ne", "Nepali"}, {"ng", "Ndonga"}, {"nl", "Dutch"}, {"nn", "Norwegian Nynorsk"},
  {"no", "Norwegian"}, {"nr", "Ndebele, South"}, {"nv", "Navajo"}, {"ny", "Chichewa"},
  {"oc", "Occitan (post 1500)"}, {"oj", "Ojibwa"}, {"om", "Oromo"}, {"or", "Oriya"}, {"os", "Ossetian"},
  {"pa", "Panjabi"}, {"pi", "Pali"}, {"pl", "Polish"}, {"ps", "Pushto"}, {"pt", "Portuguese"},
  {"qu", "Quechua"}, {"rm", "Romansh"}, {"rn", "Rundi"}, {"ro", "Romanian"}, {"ru", "Russian"},
  {"rw", "Kinyarwanda"}, {"sa", "Sanskrit"}, {"sc", "Sardinian"}, {"sd", "Sindhi"}, {"se", "Northern Sami"},
  {"sg", "Sango"}, {"si", "Sinhala"}, {"sk", "Slovak"}, {"sl", "Slovenian"}, {"sm", "Samoan"}, {"sn", "Shona"},
  {"so", "Somali"}, {"sq", "Albanian"}, {"sr", "Serbian"}, {"ss", "Swati"}, {"st", "Sotho, Southern"},
  {"su", "Sundanese"}, {"sv", "Swedish"}, {"sw", "Swahili"}, {"ta", "Tamil"}, {"te", "Telugu"},
  {"tg", "Tajik"}, {"th", "Thai"}, {"ti", "Tigrinya"}, {"tk", "Turkmen"}, {"tl", "Tagalog"}, {"tn", "Tswana"},
  {"to", "Tonga (Tonga Islands)"}, {"tr", "Turkish"}, {"ts", "Tsonga"}, {"tt", "Tatar"}, {"tw", "Twi"},
  {"ty", "Tahitian"}, {"ug", "Uighur"}, {"uk", "Ukrainian"}, {"ur", "Urdu"}, {"uz", "Uzbek"}, {"ve", "Venda"},
  {"vi", "Vietnamese"}, {"vo", "Volapük"}, {"wa", "Walloon"}, {"wo", "Wolof"}, {"xh", "Xhosa"},
  {"yi", "Yiddish"}, {"yo", "Yoruba"}, {"za", "Zhuang"}, {"zh", "Chinese"}, {"zu", "Zulu"},
}};

// The 27 member states of the European Union since 2020-02-01, sorted.
constexpr std::array<std::string_view, 27> k_eu_countries = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
  "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
};

// A two-letter code list as a 26 x 26 table: one look-up per cell of a roster
// instead of a search.
class TwoLetterSet {
public:
  template <std::size_t N>
  TwoLetterSet(const std::array<std::string_view, N>& codes, char first_letter)
    : m_first_letter(first_letter)
  {
    for (const auto code : codes) {
      m_members[index(code[0], code[1])] = true;
    }
  }

  bool contains(std::string_view code) const
  {
    if (code.size() != 2) {
      return false;
    }
    const int a = code[0] - m_first_letter;
    const int b = code[1] - m_first_letter;
    return a >= 0 && a < 26 && b >= 0 && b < 26 && m_members[index(code[0], code[1])];
  }

private:
  std::size_t index(char a, char b) const
  {
    return static_cast<std::size_t>((a - m_first_letter) * 26 + (b - m_first_letter));
  }

  char m_first_letter;
  std::array<bool, 26 * 26> m_members{};
};

const TwoLetterSet& country_codes()
{
  static const TwoLetterSet set(k_country_codes, 'A');
  return set;
}

const TwoLetterSet& language_codes()
{
  static const TwoLetterSet set(k_language_codes, 'a');
  return set;
}

const TwoLetterSet& eu_countries()
{
  static const TwoLetterSet set(k_eu_countries, 'A');
  return set;
}

} // namespace

bool is_country_code(std::string_view text)
{
  return country_codes().contains(text);
}

bool is_language_code(std::string_view text)
{
  return language_codes().contains(text);
}

std::string_view language_name(std::string_view code)
{
  const auto found = std::lower_bound(k_language_names.begin(), k_language_names.end(), code,
                                      [](const auto& entry, std::string_view key) { return entry.first < key; });
  return found != k_language_names.end() && found->first == code ? found->second : code;
}

bool is_message_language(std::string_view code)
{
  return code == "en" || code == "fi" || code == "sv";
}

bool is_eu_country(std::string_view code)
{
  return eu_countries().contains(code);
}

} // namespace tandem::model
