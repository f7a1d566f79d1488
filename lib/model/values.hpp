#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tandem::model {

using Date = std::chrono::year_month_day;

// CEFR levels in order; `native` ranks above C2.
enum class Level { A1, A2, B1, B2, C1, C2, native };

std::optional<Level> parse_level(std::string_view text);
std::string_view to_string(Level level);

// A local date-time as written in the workspace (`2024-05-06T14:00`), with an
// optional UTC offset in minutes when the text carries one (`Z`, `+02:00`).
struct DateTime {
  Date date;
  std::chrono::minutes time_of_day{0};
  bool has_time = false;
  std::optional<std::chrono::minutes> utc_offset;
};

// ISO 8601 calendar date, YYYY-MM-DD, a real date of the calendar.
std::optional<Date> parse_date(std::string_view text);
// A date as Finnish and Swedish spreadsheets write it: d.m.yyyy (`1.9.2026`, `01.09.2026`).
std::optional<Date> parse_finnish_date(std::string_view text);
std::string format_date(Date date);
// A time of day as HH:MM.
std::string format_time(std::chrono::minutes time_of_day);
// Whether readers of `language` (an ISO 639-1 code) write dates and times the
// Finnish way: Finnish and Swedish do.
bool writes_finnish_style(std::string_view language);
// As a reader of `language` writes them: d.m.yyyy and HH.MM in Finnish and
// Swedish, ISO 8601 (YYYY-MM-DD, HH:MM) otherwise.
std::string format_date_in(Date date, std::string_view language);
std::string format_time_in(std::chrono::minutes time_of_day, std::string_view language);
// A date, or a date and time (`T` then HH:MM or HH:MM:SS, optional offset).
std::optional<DateTime> parse_date_time(std::string_view text);

// The day `count` days after `date` (before it when negative).
Date plus_days(Date date, long count);
// Days from `from` to `to` (negative when `to` is earlier).
long days_between(Date from, Date to);

// Letters, digits, '-', '_' and '.'; not empty.
bool is_valid_id(std::string_view text);
// A line break, a tab or another control character (C0 or DEL): text that may
// reach a mail header must have none (a CR LF would start a header of its own).
bool has_control_character(std::string_view text);
// local@domain.tld with no spaces: the shape, not deliverability.
bool is_email_address(std::string_view text);
// Finnish Business ID (Y-tunnus): NNNNNNN-C with the mod-11 check digit.
bool is_valid_business_id(std::string_view text);
// ISO 639-1 two-letter language code, lower case.
bool is_language_code(std::string_view text);
// The language's English name ("es" -> "Spanish"); the code itself when unknown.
std::string_view language_name(std::string_view code);
// A language tandem writes messages in: en, fi or sv (docs/messages.md).
bool is_message_language(std::string_view code);
// ISO 3166-1 alpha-2 country code, upper case.
bool is_country_code(std::string_view text);
// A member state of the European Union (ESF+ third-country nationals).
bool is_eu_country(std::string_view code);

// A whole number in [min, max]; std::nullopt otherwise.
std::optional<int> parse_int(std::string_view text, int min, int max);

} // namespace tandem::model
