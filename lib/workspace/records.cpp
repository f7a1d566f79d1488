#include "workspace/records.hpp"


#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <charconv>

namespace tandem::workspace {

namespace {

// "code:value" items (a missing ':' gives an empty value).
void split_pair(std::string_view item, const FieldSource::PairVisitor& visit)
{
  const auto colon = item.find(':');
  if (colon == std::string_view::npos) {
    visit(item, "");
  } else {
    visit(io::trim(item.substr(0, colon)), io::trim(item.substr(colon + 1)));
  }
}

} // namespace

std::string quote_value(std::string_view value)
{
  constexpr std::size_t limit = 40;
  if (value.size() <= limit) {
    return fmt::format("\"{}\"", value);
  }
  // Cut at a UTF-8 character boundary.
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return fmt::format("\"{}...\"", value.substr(0, cut));
}

std::vector<std::string> FieldSource::list(std::string_view key) const
{
  std::vector<std::string> items;
  for_each_item(key, [&](std::string_view item) { items.emplace_back(item); });
  return items;
}

// --- CSV --------------------------------------------------------------------

CsvFieldSource::CsvFieldSource(const std::string& file, const io::CsvHeader& header,
                               io::Diagnostics& diagnostics)
  : m_file(file), m_header(header), m_diagnostics(diagnostics)
{
}

std::optional<std::size_t> CsvFieldSource::column(std::string_view key) const
{
  if (m_next_column < m_columns.size() && m_columns[m_next_column].first == key) {
    return m_columns[m_next_column++].second;
  }
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    if (m_columns[i].first == key) {
      m_next_column = i + 1;
      return m_columns[i].second;
    }
  }
  m_columns.emplace_back(key, m_header.find(key));
  m_next_column = m_columns.size();
  return m_columns.back().second;
}

const std::string* CsvFieldSource::field(std::string_view key) const
{
  const auto index = column(key);
  if (!index || *index >= m_record->fields.size()) {
    return nullptr;
  }
  return &m_record->fields[*index];
}

std::optional<std::string_view> CsvFieldSource::scalar(std::string_view key) const
{
  const std::string* value = field(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  const auto trimmed = io::trim(*value);
  if (trimmed.empty()) {
    return std::nullopt;
  }
  return trimmed;
}

void CsvFieldSource::for_each_item(std::string_view key, const ItemVisitor& visit) const
{
  if (const std::string* value = field(key)) {
    io::for_each_list_item(*value, ';', visit);
  }
}

void CsvFieldSource::for_each_pair(std::string_view key, const PairVisitor& visit) const
{
  for_each_item(key, [&](std::string_view item) { split_pair(item, visit); });
}

io::Problem csv_problem(const std::string& file, const io::CsvHeader& header, std::size_t line,
                        std::string_view key, io::Severity severity, std::string message)
{
  const auto index = header.find(key);
  return {file, line, index ? *index + 1 : 0, severity, fmt::format("{}: {}", key, message)};
}

void CsvFieldSource::report(std::string_view key, io::Severity severity, std::string message) const
{
  m_diagnostics.add(csv_problem(m_file, m_header, m_record->line, key, severity, std::move(message)));
}

std::optional<model::Date> CsvFieldSource::other_date_form(std::string_view text) const
{
  const auto date = model::parse_finnish_date(text);
  if (date && !m_warned_date_form) {
    m_warned_date_form = true;
    m_diagnostics.warning(m_file, 0, "dates written as d.m.yyyy (as a spreadsheet in a Finnish or Swedish "
                                     "locale saves them) are read as such; tandem writes YYYY-MM-DD when it "
                                     "next rewrites the file");
  }
  return date;
}

bool CsvFieldSource::lacks(std::string_view key) const
{
  const std::string* value = field(key);
  return column(key).has_value() && (value == nullptr || io::trim(*value).empty());
}

model::Origin CsvFieldSource::origin() const
{
  return {m_record->line, 0};
}

// --- YAML -------------------------------------------------------------------

YamlFieldSource::YamlFieldSource(const std::string& file, const io::YamlNode& node,
                                 std::string path, io::Diagnostics& diagnostics)
  : m_file(file), m_node(node), m_path(std::move(path)), m_diagnostics(diagnostics)
{
}

std::optional<std::string_view> YamlFieldSource::scalar(std::string_view key) const
{
  const io::YamlNode& value = child(key);
  if (value.is_absent()) {
    return std::nullopt;
  }
  if (!value.is_scalar()) {
    report(key, io::Severity::error, "expected a single value, not a list or mapping");
    return std::nullopt;
  }
  const auto trimmed = io::trim(value.scalar());
  if (trimmed.empty()) {
    return std::nullopt;
  }
  return trimmed;
}

void YamlFieldSource::for_each_item(std::string_view key, const ItemVisitor& visit) const
{
  const io::YamlNode& value = child(key);
  if (value.is_absent()) {
    return;
  }
  if (value.is_scalar()) {
    const std::string& text = value.scalar();
    io::for_each_list_item(text, text.find(';') != std::string::npos ? ';' : ',', visit);
    return;
  }
  if (!value.is_sequence()) {
    report(key, io::Severity::error, "expected a list such as [a, b]");
    return;
  }
  for (const auto& item : value.items()) {
    if (item.is_null()) {
      continue;
    }
    if (!item.is_scalar()) {
      report(key, io::Severity::error, "expected a list of single values");
      return;
    }
    const auto trimmed = io::trim(item.scalar());
    if (!trimmed.empty()) {
      visit(trimmed);
    }
  }
}

void YamlFieldSource::for_each_pair(std::string_view key, const PairVisitor& visit) const
{
  const io::YamlNode& value = child(key);
  if (value.is_absent()) {
    return;
  }
  if (!value.is_mapping()) {
    for_each_item(key, [&](std::string_view item) { split_pair(item, visit); });
    return;
  }
  for (const auto& [code, level] : value.entries()) {
    if (!level.is_scalar()) {
      report(key, io::Severity::error, "expected code: LEVEL entries such as {de: B2}");
      return;
    }
    visit(io::trim(code), io::trim(level.scalar()));
  }
}

void YamlFieldSource::report(std::string_view key, io::Severity severity, std::string message) const
{
  const io::YamlNode& value = child(key);
  const io::YamlNode& at = value.is_missing() ? m_node : value;
  const std::string path = m_path.empty() ? std::string(key) : fmt::format("{}.{}", m_path, key);
  m_diagnostics.add({m_file, at.line(), at.column(), severity, fmt::format("{}: {}", path, message)});
}

bool YamlFieldSource::lacks(std::string_view key) const
{
  const io::YamlNode& value = child(key);
  return value.is_absent() || (value.is_scalar() && io::trim(value.scalar()).empty());
}

model::Origin YamlFieldSource::origin() const
{
  return {m_node.line(), m_node.column()};
}

// --- typed access -----------------------------------------------------------

void RecordReader::error(std::string_view key, std::string message) const
{
  m_source.report(key, io::Severity::error, std::move(message));
}

void RecordReader::warning(std::string_view key, std::string message) const
{
  m_source.report(key, io::Severity::warning, std::move(message));
}

std::optional<std::string> RecordReader::text(std::string_view key) const
{
  const auto value = m_source.scalar(key);
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

std::optional<std::string_view> RecordReader::required(std::string_view key, bool is_required) const
{
  auto value = m_source.scalar(key);
  if (!value && is_required && m_source.lacks(key)) {
    error(key, "a value is required");
  }
  return value;
}

std::optional<std::string> RecordReader::line(std::string_view key, bool is_required) const
{
  const auto value = required(key, is_required);
  if (value && model::has_control_character(*value)) {
    error(key, "expected text on one line, with no line break or control character: it may go into the "
               "header of a reminder e-mail");
    return std::string(value->substr(0, std::min(value->find_first_of("\r\n"), value->size())));
  }
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

std::string RecordReader::required_id(std::string_view key) const
{
  const auto value = required(key, true);
  if (value && !model::is_valid_id(*value)) {
    error(key, "expected an id of letters, digits, '-', '_' and '.', got " + quote_value(*value));
  }
  return std::string(value.value_or(""));
}

std::string RecordReader::optional_id(std::string_view key) const
{
  const auto value = m_source.scalar(key);
  if (value && !model::is_valid_id(*value)) {
    error(key, "expected an id of letters, digits, '-', '_' and '.', got " + quote_value(*value));
  }
  return std::string(value.value_or(""));
}

std::string RecordReader::email(std::string_view key, bool is_required) const
{
  const auto value = required(key, is_required);
  if (value && !model::is_email_address(*value)) {
    error(key, "expected an e-mail address such as name@example.fi, got " + quote_value(*value));
  }
  return std::string(value.value_or(""));
}

std::string RecordReader::business_id(std::string_view key) const
{
  const auto value = required(key, true);
  if (value && !model::is_valid_business_id(*value)) {
    error(key, "expected a Finnish Business ID (1234567-8) with a valid check digit, got "
                 + quote_value(*value));
  }
  return std::string(value.value_or(""));
}

std::optional<model::Date> RecordReader::date(std::string_view key, bool is_required) const
{
  const auto value = required(key, is_required);
  if (!value) {
    return std::nullopt;
  }
  auto parsed = model::parse_date(*value);
  if (!parsed) {
    parsed = m_source.other_date_form(*value);
  }
  if (!parsed) {
    error(key, "expected a real calendar date as YYYY-MM-DD, got " + quote_value(*value));
  }
  return parsed;
}

std::optional<model::DateTime> RecordReader::date_time(std::string_view key, bool is_required) const
{
  const auto value = required(key, is_required);
  if (!value) {
    return std::nullopt;
  }
  const auto parsed = model::parse_date_time(*value);
  if (!parsed) {
    error(key, "expected a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM, got "
                 + quote_value(*value));
  }
  return parsed;
}

std::optional<model::Level> RecordReader::level(std::string_view key) const
{
  const auto value = m_source.scalar(key);
  if (!value) {
    return std::nullopt;
  }
  const auto parsed = model::parse_level(*value);
  if (!parsed) {
    error(key, "expected a CEFR level A1, A2, B1, B2, C1, C2 or native, got " + quote_value(*value));
  }
  return parsed;
}

std::optional<int> RecordReader::integer(std::string_view key, int min, int max) const
{
  const auto value = m_source.scalar(key);
  if (!value) {
    return std::nullopt;
  }
  const auto parsed = model::parse_int(*value, min, max);
  if (!parsed) {
    error(key, fmt::format("expected a whole number from {} to {}, got {}", min, max, quote_value(*value)));
  }
  return parsed;
}

std::optional<double> RecordReader::number(std::string_view key) const
{
  const auto value = m_source.scalar(key);
  if (!value) {
    return std::nullopt;
  }
  // A Finnish spreadsheet writes a decimal comma: 12,5 is 12.5.
  std::string text(*value);
  if (text.find('.') == std::string::npos) {
    std::replace(text.begin(), text.end(), ',', '.');
  }
  double parsed = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  // from_chars reads "nan" and "inf" too: no score or weight is either.
  if (problem != std::errc{} || end != text.data() + text.size() || !std::isfinite(parsed)) {
    error(key, "expected a number such as 12.5, got " + quote_value(*value));
    return std::nullopt;
  }
  return parsed;
}

std::optional<bool> RecordReader::yes_no(std::string_view key) const
{
  const auto value = m_source.scalar(key);
  if (!value) {
    return std::nullopt;
  }
  const std::string lower = io::to_lower_ascii(*value);
  if (lower == "yes") {
    return true;
  }
  if (lower == "no") {
    return false;
  }
  error(key, "expected yes or no, got " + quote_value(*value));
  return std::nullopt;
}

std::string RecordReader::country(std::string_view key) const
{
  const auto value = m_source.scalar(key);
  if (!value) {
    return "";
  }
  const std::string code = io::to_upper_ascii(*value);
  if (!model::is_country_code(code)) {
    error(key, "expected an ISO 3166-1 alpha-2 country code such as FI, got " + quote_value(*value));
    return "";
  }
  return code;
}

std::string RecordReader::citizenship(std::string_view key) const
{
  const auto value = m_source.scalar(key);
  if (!value) {
    return "";
  }
  const std::string lower = io::to_lower_ascii(*value);
  if (lower == "stateless" || lower == "undetermined") {
    return lower;
  }
  const std::string code = io::to_upper_ascii(*value);
  if (!model::is_country_code(code)) {
    error(key, "expected an ISO 3166-1 alpha-2 country code such as FI, stateless or undetermined, got "
                 + quote_value(*value));
    return "";
  }
  return code;
}

std::vector<std::string> RecordReader::countries(std::string_view key) const
{
  std::vector<std::string> result;
  m_source.for_each_item(key, [&](std::string_view item) {
    std::string code = io::to_upper_ascii(item);
    if (model::is_country_code(code)) {
      result.push_back(std::move(code));
    } else {
      error(key, "expected ISO 3166-1 alpha-2 country codes such as SE, got " + quote_value(item));
    }
  });
  return result;
}

std::string RecordReader::message_language(std::string_view key) const
{
  const auto value = text(key);
  if (!value || value->empty()) {
    return "";
  }
  const std::string code = io::to_lower_ascii(*value);
  if (!model::is_message_language(code)) {
    error(key, "expected a language tandem writes messages in: en, fi or sv, got " + quote_value(*value));
    return "";
  }
  return code;
}

std::vector<std::string> RecordReader::language_codes(std::string_view key) const
{
  std::vector<std::string> result;
  m_source.for_each_item(key, [&](std::string_view item) {
    std::string code = io::to_lower_ascii(item);
    if (model::is_language_code(code)) {
      result.push_back(std::move(code));
    } else {
      error(key, "expected ISO 639-1 language codes such as fi, got " + quote_value(item));
    }
  });
  return result;
}

std::vector<model::LanguageSkill> RecordReader::language_levels(std::string_view key) const
{
  std::vector<model::LanguageSkill> result;
  m_source.for_each_pair(key, [&](std::string_view raw_code, std::string_view raw_level) {
    std::string code = io::to_lower_ascii(raw_code);
    const auto level = model::parse_level(raw_level);
    if (!model::is_language_code(code)) {
      error(key, "expected an ISO 639-1 language code before ':' (such as fi:B1), got "
                   + quote_value(raw_code));
    } else if (!level) {
      error(key, fmt::format("expected a level A1, A2, B1, B2, C1, C2 or native for {}, got {}",
                             code, quote_value(raw_level)));
    } else {
      result.push_back({std::move(code), *level});
    }
  });
  return result;
}

std::vector<std::string> RecordReader::tags(std::string_view key) const
{
  std::vector<std::string> result;
  m_source.for_each_item(key, [&](std::string_view item) { result.push_back(io::to_lower_ascii(item)); });
  return result;
}

std::vector<std::string> RecordReader::ids(std::string_view key) const
{
  std::vector<std::string> result;
  m_source.for_each_item(key, [&](std::string_view item) {
    if (model::is_valid_id(item)) {
      result.emplace_back(item);
    } else {
      error(key, "expected ids of letters, digits, '-', '_' and '.', got " + quote_value(item));
    }
  });
  return result;
}

} // namespace tandem::workspace
