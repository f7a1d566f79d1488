#pragma once

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/yaml_document.hpp"
#include "model/workspace.hpp"


#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tandem::workspace {

// One record of an input file, a CSV row or a YAML mapping, seen as named fields.
// The two file kinds differ only here: how a field is found, how a list is
// written, and where a problem is located.
class FieldSource {
public:
  virtual ~FieldSource() = default;
  // The trimmed text of a field, valid while the record is; std::nullopt when
  // absent or empty. A view, not a copy: a roster has millions of cells.
  virtual std::optional<std::string_view> scalar(std::string_view key) const = 0;
  using ItemVisitor = std::function<void(std::string_view item)>;
  using PairVisitor = std::function<void(std::string_view code, std::string_view value)>;
  // The items of a list field: `a;b` in CSV, a sequence in YAML (a `;`- or
  // `,`-separated scalar too). Views valid during the call: nothing is copied.
  virtual void for_each_item(std::string_view key, const ItemVisitor& visit) const = 0;
  // The entries of a code:value field: `fi:B1;en:C1` in CSV, a mapping in YAML.
  virtual void for_each_pair(std::string_view key, const PairVisitor& visit) const = 0;
  // The items of a list field as strings.
  std::vector<std::string> list(std::string_view key) const;
  virtual void report(std::string_view key, io::Severity severity, std::string message) const = 0;
  // True when the record could hold a value for `key` and holds none: so that a
  // column the CSV header lacks (reported once for the file) and a YAML value of
  // the wrong shape (reported by scalar()) are not also reported as missing.
  virtual bool lacks(std::string_view key) const = 0;
  // The origin of the record, for links reported later.
  virtual model::Origin origin() const = 0;
  // A date in a form other than ISO that this kind of file may hold; none by default.
  virtual std::optional<model::Date> other_date_form(std::string_view) const { return std::nullopt; }
};

// A problem in a CSV row at the column named `key` (no column when the header
// lacks it): the one way CSV problems are located.
io::Problem csv_problem(const std::string& file, const io::CsvHeader& header, std::size_t line,
                        std::string_view key, io::Severity severity, std::string message);

// A CSV row; keys are column names.
class CsvFieldSource final : public FieldSource {
public:
  CsvFieldSource(const std::string& file, const io::CsvHeader& header,
                 io::Diagnostics& diagnostics);
  void set_record(const io::CsvRecord& record) { m_record = &record; }

  std::optional<std::string_view> scalar(std::string_view key) const override;
  void for_each_item(std::string_view key, const ItemVisitor& visit) const override;
  void for_each_pair(std::string_view key, const PairVisitor& visit) const override;
  void report(std::string_view key, io::Severity severity, std::string message) const override;
  bool lacks(std::string_view key) const override;
  model::Origin origin() const override;
  // d.m.yyyy, as Excel in a Finnish or Swedish locale saves dates: read, with one
  // warning for the file (per batch of rows; the diagnostics drop repeats).
  std::optional<model::Date> other_date_form(std::string_view text) const override;

private:
  const std::string* field(std::string_view key) const;
  std::optional<std::size_t> column(std::string_view key) const;

  const std::string& m_file;
  const io::CsvHeader& m_header;
  io::Diagnostics& m_diagnostics;
  const io::CsvRecord* m_record = nullptr;
  // Column positions of the keys asked so far, in the order they were first asked:
  // every row asks for the same keys in the same order, so the next one is
  // usually the entry after the last hit.
  mutable std::vector<std::pair<std::string, std::optional<std::size_t>>> m_columns;
  mutable std::size_t m_next_column = 0;
  mutable bool m_warned_date_form = false;
};

// A YAML mapping; `path` names it in messages (`companies[2].openings[0]`).
class YamlFieldSource final : public FieldSource {
public:
  // `node` must outlive the source.
  YamlFieldSource(const std::string& file, const io::YamlNode& node, std::string path,
                  io::Diagnostics& diagnostics);

  std::optional<std::string_view> scalar(std::string_view key) const override;
  void for_each_item(std::string_view key, const ItemVisitor& visit) const override;
  void for_each_pair(std::string_view key, const PairVisitor& visit) const override;
  void report(std::string_view key, io::Severity severity, std::string message) const override;
  bool lacks(std::string_view key) const override;
  model::Origin origin() const override;

  const io::YamlNode& node() const { return m_node; }
  const std::string& path() const { return m_path; }

private:
  const io::YamlNode& child(std::string_view key) const { return m_node[key]; }

  const std::string& m_file;
  const io::YamlNode& m_node;
  std::string m_path;
  io::Diagnostics& m_diagnostics;
};

// Typed, validated access to the fields of one record. Every problem is reported
// through the source (with its file, line and key) and the field then takes its
// default, so that reading goes on and all problems of a file are found.
class RecordReader {
public:
  explicit RecordReader(const FieldSource& source) : m_source(source) {}

  std::optional<std::string> text(std::string_view key) const;
  // Text that may reach a mail header (names, titles): one line, no control
  // characters, or an error at its place.
  std::optional<std::string> line(std::string_view key, bool required = false) const;
  std::string required_id(std::string_view key) const;
  std::string optional_id(std::string_view key) const;
  std::string email(std::string_view key, bool required) const;
  std::string business_id(std::string_view key) const;
  std::optional<model::Date> date(std::string_view key, bool required = false) const;
  std::optional<model::DateTime> date_time(std::string_view key, bool required = false) const;
  std::optional<model::Level> level(std::string_view key) const;
  // A language tandem writes messages in (model::message_languages); empty when not given.
  std::string message_language(std::string_view key) const;
  std::optional<int> integer(std::string_view key, int min, int max) const;
  std::optional<double> number(std::string_view key) const;
  std::optional<bool> yes_no(std::string_view key) const;
  std::string country(std::string_view key) const;
  // A country code, or `stateless` / `undetermined` (Reg. 2021/1057 Art. 2).
  std::string citizenship(std::string_view key) const;
  std::vector<std::string> countries(std::string_view key) const;
  std::vector<std::string> language_codes(std::string_view key) const;
  std::vector<model::LanguageSkill> language_levels(std::string_view key) const;
  std::vector<std::string> tags(std::string_view key) const;
  std::vector<std::string> ids(std::string_view key) const;

  template <typename Enum>
  std::optional<Enum> enumeration(std::string_view key, bool required = false) const;

  void error(std::string_view key, std::string message) const;
  void warning(std::string_view key, std::string message) const;

private:
  std::optional<std::string_view> required(std::string_view key, bool required) const;

  const FieldSource& m_source;
};

// Quotes a value for a message, cut short so that a wrong column does not flood
// the terminal with a whole cell of personal data.
std::string quote_value(std::string_view value);

template <typename Enum>
std::optional<Enum> RecordReader::enumeration(std::string_view key, bool is_required) const
{
  const auto value = required(key, is_required);
  if (!value) {
    return std::nullopt;
  }
  const auto parsed = model::parse_enum<Enum>(*value);
  if (!parsed) {
    error(key, "expected " + model::enum_choices<Enum>() + ", got " + quote_value(*value));
  }
  return parsed;
}

} // namespace tandem::workspace
