#include "import/import.hpp"

#include "import/identity_code.hpp"
#include "import/normalise.hpp"
#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/error.hpp"
#include "io/yaml.hpp"
#include "schedule/items.hpp"
#include "workspace/load.hpp"
#include "workspace/readers.hpp"
#include "workspace/writer.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace tandem::import {

namespace {

namespace fs = std::filesystem;
namespace names = workspace::file_names;

// --- reading the export -----------------------------------------------------

std::string read_export_text(const ImportOptions& options, ImportReport& report)
{
  const std::string display = options.file.string();
  std::error_code error;
  if (!fs::is_regular_file(options.file, error)) {
    throw Error(fmt::format("{}: no such file", display));
  }
  const std::string raw = io::read_file(options.file, display);
  if (options.encoding == io::Encoding::latin1) {
    // Non-ASCII text that is already valid UTF-8 is almost never Latin-1:
    // converting it again would turn "ä" into "Ã¤".
    const bool ascii = std::all_of(raw.begin(), raw.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii && io::is_valid_utf8(io::without_bom(raw))) {
      report.warnings.push_back(fmt::format(
        "{} looks like UTF-8 text; with --encoding latin1 its letters such as ä may be "
        "garbled (check the result, or import without the flag)",
        display));
    }
    return io::windows1252_to_utf8(raw);
  }
  const std::string_view text = io::without_bom(raw);
  if (!io::is_valid_utf8(text)) {
    throw Error(fmt::format("{}: the file is not UTF-8 text; a spreadsheet that saved it in "
                            "Latin-1 or Windows-1252 needs --encoding latin1",
                            display));
  }
  return std::string(text);
}

std::string problems_text(const io::Diagnostics& diagnostics)
{
  std::ostringstream out;
  diagnostics.print(out);
  std::string text = out.str();
  if (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

ColumnMap load_column_map(const ImportOptions& options)
{
  ColumnMap map = ColumnMap::built_in(options.kind);
  if (options.map_file) {
    const std::string display = options.map_file->string();
    io::Diagnostics diagnostics;
    map.add_file(io::read_file(*options.map_file, display), display, diagnostics);
    if (diagnostics.has_errors()) {
      throw Error(fmt::format("the column map cannot be used:\n{}", problems_text(diagnostics)));
    }
  }
  return map;
}

char delimiter_char(Delimiter delimiter, std::string_view text)
{
  switch (delimiter) {
  case Delimiter::comma:
    return ',';
  case Delimiter::semicolon:
    return ';';
  case Delimiter::tab:
    return '\t';
  case Delimiter::automatic:
    break;
  }
  return io::detect_delimiter(text);
}

// An export's columns, each mapped to a contract column, dropped, or kept as an
// extra column under its own name.
struct MappedExport {
  std::vector<std::string> headers;
  std::vector<std::optional<std::string>> targets; // "" = dropped, nullopt = extra
  std::vector<io::CsvRecord> rows;

  std::optional<std::size_t> column_of(std::string_view target) const
  {
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (targets[i] && *targets[i] == target) {
        return i;
      }
    }
    return std::nullopt;
  }
};

// A column named like the code, or whose filled cells are mostly valid codes.
bool holds_identity_codes(const std::string& header, const std::vector<io::CsvRecord>& rows, std::size_t column)
{
  if (is_identity_code_header(header)) {
    return true;
  }
  std::size_t filled = 0;
  std::size_t codes = 0;
  for (const auto& row : rows) {
    if (column < row.fields.size() && !io::trim(row.fields[column]).empty()) {
      ++filled;
      codes += is_identity_code(io::trim(row.fields[column])) ? 1 : 0;
    }
  }
  return codes > 0 && codes * 2 >= filled;
}

MappedExport map_export(const std::string& text, const std::string& display, char delimiter,
                        const ColumnMap& map, ImportReport& report)
{
  auto reader = io::CsvReader::from_memory(display, text, delimiter);
  io::CsvTable table;
  try {
    table = io::read_csv_table(reader);
  } catch (const io::ProblemError& e) {
    throw Error(e.problem().to_string());
  }
  if (table.header.size() == 0) {
    throw Error(fmt::format("{}: the file is empty: expected a header row and data rows", display));
  }
  MappedExport mapped;
  mapped.headers = table.header.names();
  std::map<std::string, std::string> first_header_of;
  for (std::size_t column = 0; column < mapped.headers.size(); ++column) {
    const auto& header = mapped.headers[column];
    auto target = map.target(header);
    if (holds_identity_codes(header, table.rows, column)) {
      // Never stored, even when a map file names a column for it.
      report.identity_code_columns.push_back(header);
      mapped.targets.emplace_back("");
      continue;
    }
    if (target && !target->empty()) {
      const auto [it, inserted] = first_header_of.emplace(*target, header);
      if (!inserted) {
        throw Error(fmt::format("{}:1: the columns \"{}\" and \"{}\" both map to {}; drop one "
                                "in a --map file (\"{}\": \"\")",
                                display, it->second, header, *target, header));
      }
    } else if (target) {
      report.dropped_columns.push_back(header);
    } else if (!io::trim(header).empty()) {
      report.extra_columns.push_back(header);
    }
    mapped.targets.push_back(std::move(target));
  }
  // A row with more fields than the header has lost its alignment (often an
  // unquoted delimiter in a value): every value after it would land in the wrong column.
  for (auto& row : table.rows) {
    const bool extra_values = std::any_of(
      row.fields.begin() + static_cast<std::ptrdiff_t>(std::min(row.fields.size(), mapped.headers.size())),
      row.fields.end(), [](const std::string& field) { return !io::trim(field).empty(); });
    if (extra_values) {
      report.rejected.push_back(
        {row.line, io::too_many_fields_message(row.fields.size(), mapped.headers.size(), delimiter)});
    } else {
      mapped.rows.push_back(std::move(row));
    }
  }
  return mapped;
}

// The export column that holds `column`; throws when there is none, since rows
// cannot be merged without it.
std::size_t require_column(const MappedExport& mapped, std::string_view column,
                           std::string_view what, std::string_view examples,
                           const std::string& source)
{
  const auto index = mapped.column_of(column);
  if (!index) {
    throw Error(fmt::format("{}:1: no column holds the {} (expected a header such as {}, or "
                            "a --map file)",
                            source, what, examples));
  }
  return *index;
}

std::string mapped_value(const ColumnMap& map, std::string_view column, std::string_view raw)
{
  if (auto translated = map.translate(column, io::trim(raw))) {
    return *translated;
  }
  return normalise_value(column, raw);
}

std::string field_or_empty(const io::CsvRecord& record, std::optional<std::size_t> index)
{
  return index && *index < record.fields.size() ? record.fields[*index] : std::string();
}

// The errors in one line; `explained` lists the problems already worded, whose
// columns' own errors are left out.
std::string reasons(const io::Diagnostics& diagnostics, const std::vector<std::string>& explained = {})
{
  std::string text;
  for (const auto& explanation : explained) {
    text += text.empty() ? explanation : "; " + explanation;
  }
  const auto already_explained = [&](const std::string& message) {
    const auto column = message.substr(0, message.find(':') + 1);
    return std::any_of(explained.begin(), explained.end(),
                       [&](const std::string& explanation) { return explanation.rfind(column, 0) == 0; });
  };
  for (const auto& problem : diagnostics.sorted()) {
    if (problem.severity == io::Severity::error && !already_explained(problem.message)) {
      text += text.empty() ? problem.message : "; " + problem.message;
    }
  }
  return text;
}

// --- CSV workspace files ----------------------------------------------------

// A workspace CSV file in memory, with columns added as the export needs them.
class EditableTable {
public:
  EditableTable(const workspace::WorkspacePaths& paths, std::string_view name,
                const workspace::CsvSchema& schema, bool required)
  {
    std::optional<io::CsvTable> table;
    try {
      table = workspace::read_for_rewrite(paths, name);
    } catch (const io::ProblemError& e) {
      throw Error(e.problem().to_string() + " (fix the workspace file first)");
    }
    if (table) {
      m_table = std::move(*table);
    } else if (required) {
      throw Error(fmt::format("{}: this required file is missing (`tandem init` creates a "
                              "workspace)",
                              paths.display(name)));
    }
    if (m_table.header.size() == 0) {
      m_table.header = io::CsvHeader({schema.columns.begin(), schema.columns.end()});
    }
  }

  // Adds the columns that are missing, at the end, and pads every row.
  void add_columns(const std::vector<std::string>& wanted)
  {
    std::vector<std::string> names = m_table.header.names();
    std::unordered_set<std::string> added;
    for (const auto& name : wanted) {
      if (!m_table.header.find(name) && added.insert(io::header_key(name)).second) {
        names.push_back(name);
      }
    }
    m_table.header = io::CsvHeader(std::move(names));
    for (auto& row : m_table.rows) {
      row.fields.resize(std::max(row.fields.size(), m_table.header.size()));
    }
  }

  std::size_t column(std::string_view name) const { return *m_table.header.find(name); }
  const io::CsvHeader& header() const { return m_table.header; }
  std::vector<io::CsvRecord>& rows() { return m_table.rows; }
  std::string text() const { return io::format_csv_table(m_table); }

private:
  io::CsvTable m_table;
};

std::vector<std::string> wanted_columns(const MappedExport& mapped)
{
  std::vector<std::string> wanted;
  for (std::size_t i = 0; i < mapped.headers.size(); ++i) {
    if (!mapped.targets[i]) {
      if (!io::trim(mapped.headers[i]).empty()) {
        wanted.emplace_back(io::trim(mapped.headers[i]));
      }
    } else if (!mapped.targets[i]->empty()) {
      wanted.push_back(*mapped.targets[i]);
    }
  }
  return wanted;
}

void import_students(const MappedExport& mapped, const ColumnMap& map, EditableTable& table,
                     const std::string& display, ImportReport& report)
{
  const std::size_t id_source = require_column(mapped, "id", "student id",
                                               "id, Opiskelijanumero or Student number", display);
  // The required columns first: a row must not pass for lack of a column to check.
  const auto& required = workspace::students_schema().required;
  table.add_columns({required.begin(), required.end()});
  table.add_columns(wanted_columns(mapped));
  const std::size_t id_column = table.column("id");
  std::unordered_map<std::string, std::size_t> existing;
  for (std::size_t i = 0; i < table.rows().size(); ++i) {
    existing.try_emplace(std::string(io::trim(table.rows()[i].fields[id_column])), i);
  }
  std::unordered_map<std::string, const io::CsvRecord*> seen_in_export; // id -> its first row

  for (const auto& record : mapped.rows) {
    const std::string id = mapped_value(map, "id", field_or_empty(record, id_source));
    if (id.empty()) {
      report.rejected.push_back({record.line, "id: a value is required"});
      continue;
    }
    if (const auto [it, inserted] = seen_in_export.emplace(id, &record); !inserted) {
      // The same row twice (a register's export joined twice) is one row; two
      // different rows with one id are an error naming both.
      if (it->second->fields == record.fields) {
        report.identical_rows.push_back(record.line);
      } else {
        report.rejected.push_back(
          {record.line, fmt::format("id {} appears again, with other values (first on line {} of the export)", id,
                                    it->second->line)});
      }
      continue;
    }
    const auto found = existing.find(id);
    io::CsvRecord candidate{record.line, found != existing.end()
                                           ? table.rows()[found->second].fields
                                           : std::vector<std::string>(table.header().size())};
    std::vector<std::string> unknown_words; // worded here: the validator cannot list the words tandem takes
    for (std::size_t i = 0; i < mapped.headers.size() && i < record.fields.size(); ++i) {
      const auto& target = mapped.targets[i];
      if (target && target->empty()) {
        continue;
      }
      const std::string column = target ? *target : std::string(io::trim(mapped.headers[i]));
      if (column.empty()) {
        continue;
      }
      std::string value(io::trim(record.fields[i]));
      if (target) {
        if (auto translated = map.translate(column, value)) {
          value = std::move(*translated);
        } else {
          value = normalise_value(column, value);
          if (auto problem = unknown_word(column, record.fields[i], value)) {
            unknown_words.push_back(std::move(*problem));
          }
        }
      }
      // An empty cell never erases what the workspace knows.
      if (!value.empty()) {
        candidate.fields[table.column(column)] = value;
      }
    }
    io::Diagnostics problems;
    workspace::read_student_row(table.header(), candidate, display, problems);
    if (problems.has_errors() || !unknown_words.empty()) {
      report.rejected.push_back({record.line, reasons(problems, unknown_words)});
      continue;
    }
    if (found == existing.end()) {
      table.rows().push_back(std::move(candidate));
      report.added.push_back(id);
      continue;
    }
    auto& current = table.rows()[found->second].fields;
    ChangedRow change{id, {}};
    for (std::size_t c = 0; c < current.size(); ++c) {
      if (current[c] != candidate.fields[c]) {
        change.fields.push_back(table.header().names()[c]);
      }
    }
    if (change.fields.empty()) {
      ++report.unchanged;
    } else {
      current = std::move(candidate.fields);
      report.changed.push_back(std::move(change));
    }
  }
}

// The workspace's people by e-mail address, compared without case: students,
// and companies by their contact's address. Attendance, outcomes and feedback
// exports often name people only so.
class EmailDirectory {
public:
  explicit EmailDirectory(const workspace::Workspace& workspace)
  {
    for (const auto& student : workspace.students) {
      m_students.try_emplace(io::to_lower_ascii(student.email), student.id);
    }
    for (const auto& company : workspace.companies) {
      if (!company.contact.email.empty()) {
        m_companies.try_emplace(io::to_lower_ascii(company.contact.email), company.id);
      }
    }
  }

  // The id of the student with this address, if any.
  std::optional<std::string> student(const std::string& email) const { return find(m_students, email); }
  // The id of the company whose contact has this address, if any.
  std::optional<std::string> company(const std::string& email) const { return find(m_companies, email); }
  // A student's id, else a company's: who answered a survey.
  std::optional<std::string> anyone(const std::string& email) const
  {
    auto found = student(email);
    return found ? found : company(email);
  }

private:
  static std::optional<std::string> find(const std::unordered_map<std::string, std::string>& ids,
                                         const std::string& email)
  {
    const auto found = ids.find(io::to_lower_ascii(email));
    return found == ids.end() ? std::nullopt : std::optional(found->second);
  }

  std::unordered_map<std::string, std::string> m_students;
  std::unordered_map<std::string, std::string> m_companies;
};

void import_attendance(const MappedExport& mapped, const ColumnMap& map, EditableTable& table,
                       const workspace::Workspace& workspace, ImportReport& report)
{
  const std::size_t event_source =
    require_column(mapped, "event_id", "event id", "event_id or Tapahtuma", report.source);
  const auto student_source = mapped.column_of("student_id");
  const auto company_source = mapped.column_of("company_id");
  const auto email_source = mapped.column_of("email");
  if (!student_source && !company_source && !email_source) {
    throw Error(fmt::format("{}:1: no column names the attendee (student_id, company_id or "
                            "email)",
                            report.source));
  }
  const EmailDirectory people(workspace);
  table.add_columns({"event_id", "student_id", "company_id"});
  // Export columns the map does not know are kept under their own names, as the
  // summary says (the e-mail address, used to find the person, is not kept).
  std::vector<std::string> extra_names;
  std::vector<std::size_t> extra_sources;
  for (std::size_t i = 0; i < mapped.headers.size(); ++i) {
    if (!mapped.targets[i] && !io::trim(mapped.headers[i]).empty()) {
      extra_names.emplace_back(io::trim(mapped.headers[i]));
      extra_sources.push_back(i);
    }
  }
  table.add_columns(extra_names);
  const std::size_t event_column = table.column("event_id");
  const std::size_t student_column = table.column("student_id");
  const std::size_t company_column = table.column("company_id");
  using Key = std::tuple<std::string, std::string, std::string>;
  std::set<Key> present;
  for (const auto& row : table.rows()) {
    present.emplace(io::trim(row.fields[event_column]), io::trim(row.fields[student_column]),
                    io::trim(row.fields[company_column]));
  }

  for (const auto& record : mapped.rows) {
    const std::string event = mapped_value(map, "event_id", field_or_empty(record, event_source));
    std::string student = mapped_value(map, "student_id", field_or_empty(record, student_source));
    std::string company = mapped_value(map, "company_id", field_or_empty(record, company_source));
    const std::string email = io::to_lower_ascii(io::trim(field_or_empty(record, email_source)));
    std::vector<std::string> problems;
    if (student.empty() && company.empty() && !email.empty()) {
      if (auto found_student = people.student(email)) {
        student = std::move(*found_student);
      } else if (auto found_company = people.company(email)) {
        company = std::move(*found_company);
      } else {
        problems.push_back("email: no student or company contact has this address");
      }
    }
    if (event.empty()) {
      problems.push_back("event_id: a value is required");
    } else if (workspace.find_event(event) == nullptr) {
      problems.push_back(fmt::format("event_id: no event \"{}\" in {}", event, names::events));
    }
    if (problems.empty() && student.empty() == company.empty()) {
      problems.push_back("exactly one of student_id and company_id must be filled");
    }
    if (!student.empty() && workspace.student_index.count(student) == 0) {
      problems.push_back(fmt::format("student_id: no student \"{}\" in {}", student, names::students));
    }
    if (!company.empty() && workspace.find_company(company) == nullptr) {
      problems.push_back(fmt::format("company_id: no company \"{}\" in {}", company, names::companies));
    }
    if (!problems.empty()) {
      report.rejected.push_back({record.line, fmt::format("{}", fmt::join(problems, "; "))});
      continue;
    }
    if (!present.emplace(event, student, company).second) {
      ++report.unchanged;
      continue;
    }
    io::CsvRecord row{record.line, std::vector<std::string>(table.header().size())};
    row.fields[event_column] = event;
    row.fields[student_column] = student;
    row.fields[company_column] = company;
    for (std::size_t extra = 0; extra < extra_names.size(); ++extra) {
      row.fields[table.column(extra_names[extra])] = io::trim(field_or_empty(record, extra_sources[extra]));
    }
    table.rows().push_back(std::move(row));
    report.added.push_back(fmt::format("{} {}", event, student.empty() ? company : student));
  }
}

// --- outcomes.csv -----------------------------------------------------------

// A survey tool's or register's export of where students are: merged by
// (student, date), the later answer for a day replacing the earlier.
void import_outcomes(const MappedExport& mapped, const ColumnMap& map, EditableTable& table,
                     const workspace::Workspace& workspace, ImportReport& report)
{
  const std::size_t date_source =
    require_column(mapped, "date", "date of the answer", "date, Päivämäärä or Vastauspäivä", report.source);
  const std::size_t status_source =
    require_column(mapped, "status", "status", "status, Tilanne or Current situation", report.source);
  const auto student_source = mapped.column_of("student_id");
  const auto email_source = mapped.column_of("email");
  if (!student_source && !email_source) {
    throw Error(fmt::format("{}:1: no column names the student (student_id, Opiskelijanumero or an e-mail "
                            "address)",
                            report.source));
  }
  const auto employer_source = mapped.column_of("employer");
  const auto note_source = mapped.column_of("note");
  const EmailDirectory people(workspace);
  // An employer written as a company's name is that company (hired_by_placement_company reads ids).
  std::unordered_map<std::string, std::string> company_by_name;
  for (const auto& company : workspace.companies) {
    company_by_name.try_emplace(alias_key(company.name), company.id);
  }
  table.add_columns({"student_id", "date", "status", "employer", "note"});
  const std::size_t student_column = table.column("student_id");
  const std::size_t date_column = table.column("date");
  const std::size_t status_column = table.column("status");
  const std::size_t employer_column = table.column("employer");
  const std::size_t note_column = table.column("note");
  std::map<std::pair<std::string, std::string>, std::size_t> row_of; // (student, date) -> the last such row
  for (std::size_t row = 0; row < table.rows().size(); ++row) {
    const auto& fields = table.rows()[row].fields;
    row_of[{std::string(io::trim(fields[student_column])), std::string(io::trim(fields[date_column]))}] = row;
  }

  for (const auto& record : mapped.rows) {
    std::string student = mapped_value(map, "student_id", field_or_empty(record, student_source));
    const std::string email = io::to_lower_ascii(io::trim(field_or_empty(record, email_source)));
    // A survey's timestamp (`20.7.2025 14.05.33`) gives its day.
    const std::string stamp(io::trim(field_or_empty(record, date_source)));
    const std::string date = mapped_value(map, "date", stamp.substr(0, stamp.find(' ')));
    const std::string raw_status(io::trim(field_or_empty(record, status_source)));
    const std::string status =
      map.translate("status", raw_status).value_or(normalise_value("outcome_status", raw_status));
    std::vector<std::string> problems;
    if (student.empty() && !email.empty()) {
      if (auto found = people.student(email)) {
        student = std::move(*found);
      } else {
        problems.push_back("email: no student has this address");
      }
    }
    if (student.empty() && problems.empty()) {
      problems.push_back("student_id: a value is required");
    } else if (!student.empty() && workspace.student_index.count(student) == 0) {
      problems.push_back(fmt::format("student_id: no student \"{}\" in {}", student, names::students));
    }
    if (!model::parse_date(date)) {
      problems.push_back(fmt::format("date: expected a date such as 2026-09-01 or 1.9.2026, got \"{}\"", date));
    }
    if (!model::parse_enum<model::OutcomeStatus>(status)) {
      problems.push_back(fmt::format("status: \"{}\" is not a status tandem knows: use employed, self_employed, "
                                     "in_education, job_seeking, inactive or qualified, or a word of a --map file",
                                     raw_status));
    }
    if (!problems.empty()) {
      report.rejected.push_back({record.line, fmt::format("{}", fmt::join(problems, "; "))});
      continue;
    }
    std::string employer = mapped_value(map, "employer", field_or_empty(record, employer_source));
    if (const auto company = company_by_name.find(alias_key(employer)); company != company_by_name.end()) {
      employer = company->second;
    }
    const std::string note(io::trim(field_or_empty(record, note_source)));
    const std::string id = fmt::format("{} {}", student, date);
    const auto found = row_of.find({student, date});
    if (found == row_of.end()) {
      io::CsvRecord row{record.line, std::vector<std::string>(table.header().size())};
      row.fields[student_column] = student;
      row.fields[date_column] = date;
      row.fields[status_column] = status;
      row.fields[employer_column] = employer;
      row.fields[note_column] = note;
      row_of[{student, date}] = table.rows().size();
      table.rows().push_back(std::move(row));
      report.added.push_back(id);
      continue;
    }
    auto& fields = table.rows()[found->second].fields;
    ChangedRow change{id, {}};
    // An empty cell never erases what the workspace knows.
    for (const auto& [column, value] : {std::pair{status_column, status}, std::pair{employer_column, employer},
                                        std::pair{note_column, note}}) {
      if (!value.empty() && io::trim(fields[column]) != value) {
        fields[column] = value;
        change.fields.push_back(table.header().names()[column]);
      }
    }
    if (change.fields.empty()) {
      ++report.unchanged;
    } else {
      report.changed.push_back(std::move(change));
    }
  }
}

// --- feedback.csv -----------------------------------------------------------

// Who answered, and for which placement: the respondent by id or e-mail (a
// student, or a company by its contact's address); the placement as the export
// says, else the respondent's real placement that ended last on or before the
// answer (the request goes out on a placement's last day).
class FeedbackRespondents {
public:
  explicit FeedbackRespondents(const workspace::Workspace& workspace) : m_workspace(workspace), m_people(workspace) {}

  std::optional<std::string> by_email(const std::string& email) const { return m_people.anyone(email); }

  // The role of `respondent` on `placement`, if they are on it.
  std::optional<model::FeedbackRole> role_on(const model::Placement& placement, const std::string& respondent) const
  {
    const auto* company = m_workspace.company_of(placement);
    if (respondent == placement.international_id) {
      return model::FeedbackRole::international;
    }
    if (!placement.domestic_id.empty() && respondent == placement.domestic_id) {
      return model::FeedbackRole::domestic;
    }
    if (company != nullptr && respondent == company->id) {
      return model::FeedbackRole::company;
    }
    return std::nullopt;
  }

  const model::Placement* placement_of(const std::string& respondent, model::Date answered) const
  {
    const model::Placement* best = nullptr;
    std::optional<model::Date> best_end;
    for (const auto& placement : m_workspace.placements) {
      const auto span = schedule::placement_days(m_workspace, placement);
      if (!placement.is_real() || !span.last || *span.last > answered || !role_on(placement, respondent)) {
        continue;
      }
      if (!best_end || *span.last > *best_end) {
        best = &placement;
        best_end = span.last;
      }
    }
    return best;
  }

private:
  const workspace::Workspace& m_workspace;
  EmailDirectory m_people;
};

// A rating as survey tools export it: "4", "4 - hyvä", "4/5"; empty when not answered.
std::optional<std::string> rating_of(std::string_view cell, std::string& problem, std::string_view column)
{
  const auto text = io::trim(cell);
  if (text.empty()) {
    return std::string();
  }
  if (text[0] >= '1' && text[0] <= '5' && (text.size() == 1 || !std::isdigit(static_cast<unsigned char>(text[1])))) {
    return std::string(1, text[0]);
  }
  problem = fmt::format("{}: expected a rating from 1 to 5, got \"{}\"", column, text);
  return std::nullopt;
}

void import_feedback(const MappedExport& mapped, const ColumnMap& map, EditableTable& table,
                     const workspace::Workspace& workspace, ImportReport& report)
{
  const std::size_t date_source =
    require_column(mapped, "date", "date of the answer", "date, Aikaleima or Completion time", report.source);
  const auto respondent_source = mapped.column_of("respondent_id");
  const auto email_source = mapped.column_of("email");
  if (!respondent_source && !email_source) {
    throw Error(fmt::format("{}:1: no column names the respondent (respondent_id or an e-mail address)",
                            report.source));
  }
  const auto placement_source = mapped.column_of("placement_id");
  const auto role_source = mapped.column_of("role");
  const FeedbackRespondents respondents(workspace);
  const auto& columns = workspace::feedback_schema().columns;
  table.add_columns({columns.begin(), columns.end()});
  std::map<std::pair<std::string, std::string>, std::size_t> row_of; // (placement, respondent) -> row
  for (std::size_t row = 0; row < table.rows().size(); ++row) {
    const auto& fields = table.rows()[row].fields;
    row_of[{std::string(io::trim(fields[table.column("placement_id")])),
            std::string(io::trim(fields[table.column("respondent_id")]))}] = row;
  }

  for (const auto& record : mapped.rows) {
    std::vector<std::string> problems;
    std::string respondent = mapped_value(map, "respondent_id", field_or_empty(record, respondent_source));
    const std::string email(io::trim(field_or_empty(record, email_source)));
    if (respondent.empty() && !email.empty()) {
      respondent = respondents.by_email(email).value_or("");
      if (respondent.empty()) {
        problems.push_back("email: no student or company contact has this address");
      }
    }
    const std::string stamp(io::trim(field_or_empty(record, date_source)));
    const std::string date = mapped_value(map, "date", stamp.substr(0, stamp.find(' ')));
    const auto day = model::parse_date(date);
    if (!day) {
      problems.push_back(fmt::format("date: expected a date such as 2026-09-01 or 1.9.2026, got \"{}\"", date));
    }
    const model::Placement* placement = nullptr;
    const std::string placement_id = mapped_value(map, "placement_id", field_or_empty(record, placement_source));
    if (!placement_id.empty()) {
      placement = workspace.find_placement(placement_id);
      if (placement == nullptr) {
        problems.push_back(fmt::format("placement_id: no placement \"{}\" in {}", placement_id, names::placements));
      }
    } else if (!respondent.empty() && day) {
      placement = respondents.placement_of(respondent, *day);
      if (placement == nullptr) {
        problems.push_back(fmt::format("{} has no placement that ended by {}: add a placement_id column", respondent,
                                       date));
      }
    }
    if (respondent.empty() && problems.empty()) {
      problems.push_back("respondent_id: a value is required");
    }
    std::optional<model::FeedbackRole> role;
    if (placement != nullptr && !respondent.empty()) {
      role = respondents.role_on(*placement, respondent);
      const std::string given = mapped_value(map, "role", field_or_empty(record, role_source));
      if (!role) {
        problems.push_back(fmt::format("respondent_id: {} is not on placement {}", respondent, placement->id));
      } else if (!given.empty() && model::parse_enum<model::FeedbackRole>(given) != role) {
        problems.push_back(fmt::format("role: \"{}\", but {} is the {} of placement {}", given, respondent,
                                       model::to_string(*role), placement->id));
      }
    }
    std::map<std::string, std::string> values;
    for (const auto* column : {"overall", "learning", "pair_work"}) {
      std::string problem;
      const auto rating = rating_of(mapped_value(map, column, field_or_empty(record, mapped.column_of(column))), problem,
                                    column);
      if (rating) {
        values[column] = *rating;
      } else {
        problems.push_back(problem);
      }
    }
    const std::string repeat = mapped_value(map, "would_repeat", field_or_empty(record, mapped.column_of("would_repeat")));
    if (!repeat.empty() && repeat != "yes" && repeat != "no") {
      problems.push_back(fmt::format("would_repeat: expected yes or no (kyllä, ei, ja, nej), got \"{}\"", repeat));
    }
    if (!problems.empty()) {
      report.rejected.push_back({record.line, fmt::format("{}", fmt::join(problems, "; "))});
      continue;
    }
    values["would_repeat"] = repeat;
    values["comment"] = io::trim(field_or_empty(record, mapped.column_of("comment")));
    values["date"] = date;
    const std::string id = fmt::format("{} {}", placement->id, respondent);
    const auto found = row_of.find({placement->id, respondent});
    if (found == row_of.end()) {
      io::CsvRecord row{record.line, std::vector<std::string>(table.header().size())};
      row.fields[table.column("placement_id")] = placement->id;
      row.fields[table.column("respondent_id")] = respondent;
      row.fields[table.column("role")] = std::string(model::to_string(*role));
      for (const auto& [column, value] : values) {
        row.fields[table.column(column)] = value;
      }
      row_of[{placement->id, respondent}] = table.rows().size();
      table.rows().push_back(std::move(row));
      report.added.push_back(id);
      continue;
    }
    auto& fields = table.rows()[found->second].fields;
    ChangedRow change{id, {}};
    for (const auto& [column, value] : values) { // an empty cell never erases what the workspace knows
      auto& cell = fields[table.column(column)];
      if (!value.empty() && io::trim(cell) != value) {
        cell = value;
        change.fields.push_back(column);
      }
    }
    if (change.fields.empty()) {
      ++report.unchanged;
    } else {
      report.changed.push_back(std::move(change));
    }
  }
}

// --- the CSV files merged against the workspace (attendance, outcomes, feedback) ---

struct ExportText {
  const workspace::WorkspacePaths& paths;
  const std::string& text;
  char delimiter;
  const ColumnMap& map;
};

using TableImporter = void (*)(const MappedExport&, const ColumnMap&, EditableTable&, const workspace::Workspace&,
                               ImportReport&);

// Maps the export, loads the workspace its rows are checked against, merges
// them into the file `name`; returns the file's new text.
std::string import_into_table(const ExportText& source, std::string_view name, const workspace::CsvSchema& schema,
                              TableImporter importer, ImportReport& report)
{
  report.delimiter = source.delimiter;
  const MappedExport mapped = map_export(source.text, report.source, source.delimiter, source.map, report);
  io::Diagnostics ignored; // `tandem check` reports the workspace's own problems
  const auto workspace = workspace::load_workspace(source.paths, ignored);
  EditableTable table(source.paths, name, schema, false);
  importer(mapped, source.map, table, workspace, report);
  return table.text();
}

// --- companies.yaml ---------------------------------------------------------

// An id from a company name, for exports without ids: "Öja Automation Oy" ->
// "oja-automation-oy".
std::string id_from_name(std::string_view name)
{
  std::string id;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      const char* folded = (next == 0xA4 || next == 0x84 || next == 0xA5 || next == 0x85) ? "a"
                           : (next == 0xB6 || next == 0x96)                                ? "o"
                                                                                            : "";
      id += folded;
      ++i;
    } else if (std::isalnum(c)) {
      id += static_cast<char>(std::tolower(c));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') {
    id.pop_back();
  }
  return id;
}

YAML::Node list_node(const std::string& cell, std::string_view column, const ColumnMap& map)
{
  YAML::Node list(YAML::NodeType::Sequence);
  const char separator = cell.find(';') != std::string::npos ? ';' : ',';
  for (const auto& item : io::split_list(cell, separator)) {
    list.push_back(mapped_value(map, column, item));
  }
  return list;
}

// One company of a CSV export, in the shape of a companies.yaml entry.
YAML::Node company_from_row(const MappedExport& mapped, const io::CsvRecord& record,
                            const ColumnMap& map)
{
  YAML::Node company(YAML::NodeType::Map);
  for (std::size_t i = 0; i < mapped.headers.size() && i < record.fields.size(); ++i) {
    const auto& target = mapped.targets[i];
    const std::string key = target ? *target : std::string(io::trim(mapped.headers[i]));
    const std::string raw(io::trim(record.fields[i]));
    if (key.empty() || raw.empty()) {
      continue;
    }
    if (key == "target_markets" || key == "working_languages") {
      company[key] = list_node(raw, key, map);
    } else if (key.rfind("contact_", 0) == 0) {
      company["contact"][key.substr(8)] = mapped_value(map, key, raw);
    } else {
      company[key] = target ? mapped_value(map, key, raw) : raw;
    }
  }
  return company;
}

// Normalises the scalar values of a YAML export's company as a CSV one's are.
void normalise_company(YAML::Node company, const ColumnMap& map)
{
  for (auto entry : company) {
    const std::string key = entry.first.Scalar();
    if (io::is_scalar(entry.second)) {
      entry.second = mapped_value(map, key, entry.second.Scalar());
    } else if (io::is_sequence(entry.second) && (key == "target_markets" || key == "working_languages")) {
      for (std::size_t i = 0; i < entry.second.size(); ++i) {
        if (io::is_scalar(entry.second[i])) {
          entry.second[i] = mapped_value(map, key, entry.second[i].Scalar());
        }
      }
    }
  }
}

struct IncomingCompany {
  std::size_t line;
  YAML::Node node;
};

std::vector<IncomingCompany> read_incoming_companies(const std::string& text,
                                                     const std::string& display, char delimiter,
                                                     const ColumnMap& map, ImportReport& report)
{
  std::vector<IncomingCompany> incoming;
  const auto extension = io::to_lower_ascii(fs::path(display).extension().string());
  if (extension == ".yaml" || extension == ".yml") {
    io::Diagnostics problems;
    const auto root = io::parse_yaml(text, display, problems);
    if (!root) {
      throw Error(problems_text(problems));
    }
    const YAML::Node list = root->IsMap() ? (*root)["companies"] : *root;
    if (!io::is_sequence(list)) {
      throw Error(fmt::format("{}: expected a list of companies (or a companies: list)", display));
    }
    for (const auto& item : list) {
      if (!io::is_map(item)) {
        report.rejected.push_back({io::yaml_line(item), "expected a mapping of company keys"});
        continue;
      }
      YAML::Node company = YAML::Clone(item);
      normalise_company(company, map);
      incoming.push_back({io::yaml_line(item), company});
    }
    return incoming;
  }
  report.delimiter = delimiter;
  const MappedExport mapped = map_export(text, display, delimiter, map, report);
  if (!mapped.column_of("id") && !mapped.column_of("name")) {
    throw Error(fmt::format("{}:1: no column holds the company id or name", display));
  }
  for (const auto& record : mapped.rows) {
    incoming.push_back({record.line, company_from_row(mapped, record, map)});
  }
  return incoming;
}

std::string dump(const YAML::Node& node)
{
  if (!node.IsDefined()) {
    return "";
  }
  YAML::Emitter out;
  out << node;
  return out.c_str();
}

// Whether two YAML values say the same, whatever their style (flow or block, quoted or plain).
bool same_value(const YAML::Node& a, const YAML::Node& b)
{
  if (!a.IsDefined() || !b.IsDefined()) {
    return a.IsDefined() == b.IsDefined();
  }
  if (a.Type() != b.Type()) {
    return false;
  }
  if (a.IsScalar()) {
    return a.Scalar() == b.Scalar();
  }
  if (a.size() != b.size()) {
    return false;
  }
  if (a.IsSequence()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_value(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  for (const auto& entry : a) {
    if (!same_value(entry.second, b[entry.first.Scalar()])) {
      return false;
    }
  }
  return true;
}

// Copies the keys of `incoming` onto `merged`: contact details key by key,
// openings by opening id, everything else whole.
void merge_company(YAML::Node merged, const YAML::Node& incoming)
{
  for (const auto& entry : incoming) {
    const std::string key = entry.first.Scalar();
    if (key == "contact" && io::is_map(entry.second) && io::is_map(merged["contact"])) {
      for (const auto& detail : entry.second) {
        merged["contact"][detail.first.Scalar()] = YAML::Clone(detail.second);
      }
    } else if (key == "openings" && io::is_sequence(entry.second) && io::is_sequence(merged["openings"])) {
      YAML::Node openings = merged["openings"];
      for (const auto& opening : entry.second) {
        bool replaced = false;
        for (std::size_t i = 0; i < openings.size() && io::is_map(opening); ++i) {
          if (io::is_map(openings[i]) && dump(openings[i]["id"]) == dump(opening["id"])) {
            openings[i] = YAML::Clone(opening);
            replaced = true;
          }
        }
        if (!replaced) {
          openings.push_back(YAML::Clone(opening));
        }
      }
    } else {
      merged[key] = YAML::Clone(entry.second);
    }
  }
}

void import_companies(const std::vector<IncomingCompany>& incoming, YAML::Node root,
                      const std::string& display, ImportReport& report)
{
  YAML::Node companies = root["companies"];
  if (!io::is_sequence(companies)) {
    companies = YAML::Node(YAML::NodeType::Sequence);
    root["companies"] = companies;
  }
  std::unordered_map<std::string, std::size_t> position;
  std::map<std::string, std::vector<std::string>> ids_of_business_id; // the entries of each Business ID
  const auto business_id_of = [](const YAML::Node& company) {
    return io::is_scalar(company["business_id"]) ? io::to_upper_ascii(io::trim(company["business_id"].Scalar()))
                                                 : std::string();
  };
  for (std::size_t i = 0; i < companies.size(); ++i) {
    if (io::is_map(companies[i]) && io::is_scalar(companies[i]["id"])) {
      position.try_emplace(companies[i]["id"].Scalar(), i);
      if (const auto business_id = business_id_of(companies[i]); !business_id.empty()) {
        ids_of_business_id[business_id].push_back(companies[i]["id"].Scalar());
      }
    }
  }
  std::map<std::string, std::size_t> seen_in_export;
  for (const auto& [line, node] : incoming) {
    std::string id = io::is_scalar(node["id"]) ? std::string(io::trim(node["id"].Scalar())) : "";
    if (id.empty() && io::is_scalar(node["name"])) {
      id = id_from_name(node["name"].Scalar());
    }
    if (id.empty()) {
      report.rejected.push_back({line, "id: a value (or a name to make one from) is required"});
      continue;
    }
    // Business ID first: a CRM's `kalvian-kala-oy` is the workspace's `kalvian-kala`
    // when only that entry has its Business ID (two sites sharing one stay matched by id).
    if (const auto owners = ids_of_business_id.find(business_id_of(node));
        owners != ids_of_business_id.end() && owners->second.size() == 1 && owners->second.front() != id) {
      report.warnings.push_back(fmt::format("{}:{}: {} has the Business ID {} of {} in {}: it updates {}",
                                            report.source, line, id, owners->first, owners->second.front(),
                                            names::companies, owners->second.front()));
      id = owners->second.front();
    }
    if (const auto [it, inserted] = seen_in_export.emplace(id, line); !inserted) {
      report.rejected.push_back(
        {line, fmt::format("id {} appears again (first on line {} of the export)", id, it->second)});
      continue;
    }
    const auto found = position.find(id);
    YAML::Node merged(YAML::NodeType::Map);
    if (found != position.end()) {
      merged = YAML::Clone(companies[found->second]);
    } else {
      merged["id"] = id;
      merged["openings"] = YAML::Node(YAML::NodeType::Sequence);
    }
    merge_company(merged, node);
    merged["id"] = id;

    // The merged entry must pass the same checks as companies.yaml itself, and its
    // opening ids must not clash with another company's.
    YAML::Node document;
    document["companies"].push_back(merged);
    io::Diagnostics problems;
    workspace::read_companies(dump(document), display, problems);
    std::vector<std::string> clashes;
    for (const auto& opening : merged["openings"]) {
      for (std::size_t i = 0; i < companies.size(); ++i) {
        if (found != position.end() && i == found->second) {
          continue;
        }
        for (const auto& other : companies[i]["openings"]) {
          if (dump(other["id"]) == dump(opening["id"])) {
            clashes.push_back(fmt::format("openings: opening id {} is already used by {}",
                                          dump(opening["id"]), dump(companies[i]["id"])));
          }
        }
      }
    }
    if (problems.has_errors() || !clashes.empty()) {
      std::string reason = reasons(problems);
      for (const auto& clash : clashes) {
        reason += reason.empty() ? clash : "; " + clash;
      }
      report.rejected.push_back({line, reason});
      continue;
    }
    if (found == position.end()) {
      position.emplace(id, companies.size());
      companies.push_back(merged);
      report.added.push_back(id);
      continue;
    }
    const YAML::Node current = companies[found->second];
    ChangedRow change{id, {}};
    std::set<std::string> keys;
    for (const auto& entry : current) {
      keys.insert(entry.first.Scalar());
    }
    for (const auto& entry : merged) {
      keys.insert(entry.first.Scalar());
    }
    for (const auto& key : keys) {
      if (!same_value(current[key], merged[key])) {
        change.fields.push_back(key);
      }
    }
    if (change.fields.empty()) {
      ++report.unchanged;
    } else {
      companies[found->second] = merged;
      report.changed.push_back(std::move(change));
    }
  }
}

std::string yaml_text(const YAML::Node& root, std::string_view header_comment)
{
  return fmt::format("{}{}\n", header_comment, io::format_yaml(root));
}

} // namespace

ImportReport import_file(const workspace::WorkspacePaths& paths, const ImportOptions& options)
{
  paths.require_folder();
  const ColumnMap map = load_column_map(options);
  ImportReport report;
  report.source = options.file.string();
  const std::string text = read_export_text(options, report);
  const char delimiter = delimiter_char(options.delimiter, text);

  // From here on no other run may change the workspace until this one has written.
  // A dry run writes nothing, not even the lock file; reads are safe without it
  // because every write is an atomic rename.
  std::optional<workspace::WorkspaceWriter> writer;
  if (!options.dry_run) {
    writer.emplace(paths);
  }
  std::string_view target_name;
  std::string new_contents;
  switch (options.kind) {
  case ImportKind::students: {
    target_name = names::students;
    report.delimiter = delimiter;
    const MappedExport mapped = map_export(text, report.source, delimiter, map, report);
    EditableTable table(paths, names::students, workspace::students_schema(), true);
    import_students(mapped, map, table, report.source, report);
    new_contents = table.text();
    break;
  }
  case ImportKind::attendance:
    target_name = names::attendance;
    new_contents = import_into_table({paths, text, delimiter, map}, names::attendance, workspace::attendance_schema(), import_attendance, report);
    break;
  case ImportKind::feedback:
    target_name = names::feedback;
    new_contents = import_into_table({paths, text, delimiter, map}, names::feedback, workspace::feedback_schema(), import_feedback, report);
    break;
  case ImportKind::outcomes:
    target_name = names::outcomes;
    new_contents = import_into_table({paths, text, delimiter, map}, names::outcomes, workspace::outcomes_schema(), import_outcomes, report);
    break;
  case ImportKind::companies: {
    target_name = names::companies;
    const auto incoming = read_incoming_companies(text, report.source, delimiter, map, report);
    const auto current = io::read_file_if_exists(paths.file(names::companies), paths.display(names::companies));
    if (!current) {
      throw Error(fmt::format("{}: this required file is missing (`tandem init` creates a "
                              "workspace)",
                              paths.display(names::companies)));
    }
    io::Diagnostics problems;
    auto root = io::parse_yaml(*current, paths.display(names::companies), problems);
    if (!root || !root->IsMap()) {
      throw Error(fmt::format("{}: the workspace file is not a valid companies: list; fix it "
                              "first (tandem check)",
                              paths.display(names::companies)));
    }
    import_companies(incoming, *root, report.source, report);
    new_contents = yaml_text(*root, "# Rewritten by `tandem import companies`; the previous "
                                    "version is in .tandem/backup/companies.yaml/\n");
    break;
  }
  }
  report.target = paths.display(target_name);
  std::sort(report.rejected.begin(), report.rejected.end(),
            [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
  if (writer && (!report.added.empty() || !report.changed.empty())) {
    writer->replace(target_name, new_contents);
    report.written = true;
  }
  return report;
}

} // namespace tandem::import
