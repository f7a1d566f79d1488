#include "model/values.hpp"

#include "io/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace tandem::model {

namespace {

constexpr std::array<std::string_view, 7> k_level_names = {"A1", "A2", "B1", "B2",
                                                           "C1", "C2", "native"};

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text)
{
  for (const char c : text) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return !text.empty();
}

int to_number(std::string_view digits)
{
  int value = 0;
  for (const char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// HH:MM or HH:MM:SS; minutes since midnight.
std::optional<std::chrono::minutes> parse_time(std::string_view text)
{
  if ((text.size() != 5 && text.size() != 8) || text[2] != ':'
      || !all_digits(text.substr(0, 2)) || !all_digits(text.substr(3, 2))) {
    return std::nullopt;
  }
  const int hours = to_number(text.substr(0, 2));
  const int minutes = to_number(text.substr(3, 2));
  if (text.size() == 8 && (text[5] != ':' || !all_digits(text.substr(6, 2))
                           || to_number(text.substr(6, 2)) > 59)) {
    return std::nullopt;
  }
  if (hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  return std::chrono::minutes(hours * 60 + minutes);
}

// Z, +HH:MM or -HH:MM; minutes east of UTC.
std::optional<std::chrono::minutes> parse_offset(std::string_view text)
{
  if (text == "Z") {
    return std::chrono::minutes(0);
  }
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-')) {
    return std::nullopt;
  }
  const auto magnitude = parse_time(text.substr(1));
  if (!magnitude || *magnitude > std::chrono::minutes(14 * 60)) {
    return std::nullopt;
  }
  return text[0] == '-' ? -*magnitude : *magnitude;
}

} // namespace

std::optional<Level> parse_level(std::string_view text)
{
  for (std::size_t i = 0; i < k_level_names.size(); ++i) {
    if (io::equal_ignoring_case(k_level_names[i], text)) {
      return static_cast<Level>(i);
    }
  }
  return std::nullopt;
}

std::string_view to_string(Level level)
{
  return k_level_names[static_cast<std::size_t>(level)];
}

std::optional<Date> parse_finnish_date(std::string_view text)
{
  const auto first = text.find('.');
  const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
  if (second == std::string_view::npos || text.size() - second - 1 != 4) {
    return std::nullopt;
  }
  const auto day = parse_int(text.substr(0, first), 1, 31);
  const auto month = parse_int(text.substr(first + 1, second - first - 1), 1, 12);
  const auto year = parse_int(text.substr(second + 1), 1900, 2100);
  if (!day || !month || !year) {
    return std::nullopt;
  }
  const Date date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                  std::chrono::day(static_cast<unsigned>(*day))};
  return date.ok() ? std::optional(date) : std::nullopt;
}

std::optional<Date> parse_date(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4))
      || !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  const Date date{std::chrono::year(to_number(text.substr(0, 4))),
                  std::chrono::month(static_cast<unsigned>(to_number(text.substr(5, 2)))),
                  std::chrono::day(static_cast<unsigned>(to_number(text.substr(8, 2))))};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::string format_date(Date date)
{
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string format_time(std::chrono::minutes time_of_day)
{
  return fmt::format("{:02}:{:02}", time_of_day.count() / 60, time_of_day.count() % 60);
}

bool writes_finnish_style(std::string_view language) { return language == "fi" || language == "sv"; }

std::string format_date_in(Date date, std::string_view language)
{
  if (!writes_finnish_style(language)) {
    return format_date(date);
  }
  return fmt::format("{}.{}.{}", static_cast<unsigned>(date.day()), static_cast<unsigned>(date.month()),
                     static_cast<int>(date.year()));
}

std::string format_time_in(std::chrono::minutes time_of_day, std::string_view language)
{
  const char separator = writes_finnish_style(language) ? '.' : ':';
  return fmt::format("{:02}{}{:02}", time_of_day.count() / 60, separator, time_of_day.count() % 60);
}

std::optional<DateTime> parse_date_time(std::string_view text)
{
  const auto date = parse_date(text.substr(0, 10));
  if (!date) {
    return std::nullopt;
  }
  DateTime result;
  result.date = *date;
  if (text.size() == 10) {
    return result;
  }
  if (text[10] != 'T' && text[10] != ' ') {
    return std::nullopt;
  }
  std::string_view rest = text.substr(11);
  const auto offset_start = rest.find_first_of("Z+-");
  const auto time = parse_time(rest.substr(0, offset_start));
  if (!time) {
    return std::nullopt;
  }
  result.time_of_day = *time;
  result.has_time = true;
  if (offset_start != std::string_view::npos) {
    result.utc_offset = parse_offset(rest.substr(offset_start));
    if (!result.utc_offset) {
      return std::nullopt;
    }
  }
  return result;
}

Date plus_days(Date date, long count)
{
  return Date{std::chrono::sys_days(date) + std::chrono::days(count)};
}

long days_between(Date from, Date to)
{
  return (std::chrono::sys_days(to) - std::chrono::sys_days(from)).count();
}

bool is_valid_id(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    const bool allowed = is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                         || c == '-' || c == '_' || c == '.';
    if (!allowed) {
      return false;
    }
  }
  return true;
}

bool has_control_character(std::string_view text)
{
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

bool is_email_address(std::string_view text)
{
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (const char c : text) {
    if (static_cast<unsigned char>(c) <= ' ' || c == ',' || c == ';' || c == '<' || c == '>'
        || c == '"') {
      return false;
    }
  }
  const std::string_view domain = text.substr(at + 1);
  const auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size()
         && domain.find("..") == std::string_view::npos && domain.front() != '.';
}

bool is_valid_business_id(std::string_view text)
{
  if (text.size() != 9 || text[7] != '-' || !all_digits(text.substr(0, 7)) || !is_digit(text[8])) {
    return false;
  }
  constexpr std::array<int, 7> weights = {7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    sum += (text[i] - '0') * weights[i];
  }
  // Remainder 1 would need the check digit 10: no ID with it is valid.
  const int remainder = sum % 11;
  const int check = remainder == 0 ? 0 : 11 - remainder;
  return check == text[8] - '0';
}

std::optional<int> parse_int(std::string_view text, int min, int max)
{
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

} // namespace tandem::model
