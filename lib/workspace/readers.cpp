#include "workspace/readers.hpp"

#include "io/encoding.hpp"
#include "io/yaml_document.hpp"
#include "workspace/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <future>
#include <thread>
#include <unordered_map>

namespace tandem::workspace {

namespace {

using model::Date;

std::string duplicate_id_message(const std::string& id, std::size_t first_line)
{
  return fmt::format("duplicate id {}: first used on line {}", quote_value(id), first_line);
}

// Reports an id met before, at its later occurrence, naming the earlier line.
class IdRegistry {
public:
  void add(const std::string& id, const RecordReader& reader, std::string_view key,
           std::size_t line)
  {
    if (id.empty()) {
      return;
    }
    const auto [it, inserted] = m_lines.emplace(id, line);
    if (!inserted) {
      reader.error(key, duplicate_id_message(id, it->second));
    }
  }

private:
  std::unordered_map<std::string, std::size_t> m_lines;
};

void check_order(const RecordReader& reader, std::string_view end_key,
                 const std::optional<Date>& start, const std::optional<Date>& end,
                 std::string_view start_key)
{
  if (start && end && *end < *start) {
    reader.error(end_key, fmt::format("{} is before {} {}", model::format_date(*end), start_key,
                                      model::format_date(*start)));
  }
}

// The header of a CSV file of the contract; reports missing required columns.
// std::nullopt for an empty file (no rows yet).
std::optional<io::CsvHeader> read_header(io::CsvReader& reader, const CsvSchema& schema,
                                         io::Diagnostics& diagnostics)
{
  io::CsvRecord record;
  if (!reader.next(record)) {
    return std::nullopt;
  }
  io::CsvHeader header(std::move(record.fields));
  // Say what the header was read as: a missing column is often a header that
  // split wrongly (another delimiter, a merged cell).
  const char delimiter = reader.delimiter();
  constexpr std::size_t shown = 8;
  std::vector<std::string> first_names;
  for (std::size_t i = 0; i < header.size() && i < shown; ++i) {
    first_names.push_back(quote_value(header.names()[i]));
  }
  const std::string found = fmt::format("the header splits on {} into {} column{}: {}{}",
                                        delimiter == '\t' ? "tabs" : fmt::format("'{}'", delimiter),
                                        header.size(), header.size() == 1 ? "" : "s", fmt::join(first_names, ", "),
                                        header.size() > shown ? ", ..." : "");
  for (const auto column : schema.required) {
    if (!header.find(column)) {
      diagnostics.error(reader.display_name(), record.line,
                        fmt::format("missing required column \"{}\" ({})", column, found));
    }
  }
  // A contract column twice (`email`, `Email`): only the first would be read.
  const auto& names = header.names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto first = header.find(names[i]);
    const auto key = io::header_key(names[i]);
    const auto listed = [&](const std::vector<std::string_view>& list) {
      return std::find(list.begin(), list.end(), key) != list.end();
    };
    const bool contract = listed(schema.columns) || listed(schema.additions);
    if (contract && first && *first < i) {
      diagnostics.error(reader.display_name(), record.line,
                        fmt::format("the column \"{}\" is there twice (columns {} and {}): keep one", names[i],
                                    *first + 1, i + 1),
                        i + 1);
    }
  }
  return header;
}

// The checks of a record's shape: too many fields (reported, the row is still
// read) and text that is not UTF-8 (reported, the row is skipped: false).
bool readable_record(const io::CsvRecord& record, std::size_t columns, const std::string& file,
                     io::Diagnostics& diagnostics)
{
  if (record.fields.size() > columns) {
    diagnostics.error(file, record.line, io::too_many_fields_message(record.fields.size(), columns, ','));
  }
  const bool valid_text = std::all_of(record.fields.begin(), record.fields.end(),
                                      [](const std::string& f) { return io::is_valid_utf8(f); });
  if (!valid_text) {
    diagnostics.error(file, record.line,
                      "not valid UTF-8 text: save the file as UTF-8 (or bring it in with "
                      "`tandem import --encoding latin1`)");
  }
  return valid_text;
}

// Reads the rows of a CSV file of the contract in batches: this thread reads and
// splits records, worker threads check them and turn each into an Item with
// `parse` (which sees only its own row, so it must only read shared data), and
// `take` gets the items in file order on this thread, for whatever needs order
// (the first of two equal ids wins). An unclosed quote ends the file as a
// problem; the rows before it are still read. A small file takes no thread.
template <typename Item, typename Parse, typename Take>
void read_csv_rows(io::CsvReader& reader, const CsvSchema& schema, io::Diagnostics& diagnostics,
                   bool required, const Parse& parse, const Take& take)
{
  constexpr std::size_t batch_rows = 8192;
  struct Batch {
    std::vector<io::CsvRecord> records; // handed back for reuse: strings keep their capacity
    std::vector<Item> items;
    io::Diagnostics diagnostics;
  };
  const std::string& file = reader.display_name();
  std::optional<io::CsvHeader> header;
  std::optional<io::Problem> ending_problem;
  try {
    header = read_header(reader, schema, diagnostics);
  } catch (const io::ProblemError& e) {
    ending_problem = e.problem();
  }
  if (!header && !ending_problem && required) {
    diagnostics.error(file, 1, fmt::format("the file is empty: expected a header row such as {}",
                                           fmt::join(schema.required, ",")));
  }
  const auto parse_batch = [&](std::vector<io::CsvRecord> records) {
    Batch batch;
    batch.records = std::move(records);
    batch.items.reserve(batch.records.size());
    CsvFieldSource source(file, *header, batch.diagnostics);
    for (const auto& record : batch.records) {
      if (readable_record(record, header->size(), file, batch.diagnostics)) {
        source.set_record(record);
        if (auto item = parse(RecordReader(source), record.line)) {
          batch.items.push_back(std::move(*item));
        }
      }
    }
    return batch;
  };
  std::vector<std::vector<io::CsvRecord>> spare_buffers;
  const auto take_batch = [&](Batch&& batch) {
    diagnostics.append(std::move(batch.diagnostics));
    for (auto& item : batch.items) {
      take(std::move(item), *header);
    }
    spare_buffers.push_back(std::move(batch.records));
  };
  // Declared after everything the threads read: the futures wait for their
  // threads when destroyed.
  std::deque<std::future<Batch>> pending;
  const std::size_t max_pending = std::max(1U, std::thread::hardware_concurrency());
  bool at_end = !header;
  while (!at_end) {
    std::vector<io::CsvRecord> records;
    if (!spare_buffers.empty()) {
      records = std::move(spare_buffers.back());
      spare_buffers.pop_back();
    }
    records.resize(batch_rows);
    std::size_t count = 0;
    try {
      while (count < records.size() && reader.next(records[count])) {
        ++count;
      }
    } catch (const io::ProblemError& e) {
      ending_problem = e.problem();
    }
    at_end = count < records.size();
    records.resize(count);
    if (at_end && pending.empty()) {
      take_batch(parse_batch(std::move(records)));
      break;
    }
    pending.push_back(std::async(std::launch::async, parse_batch, std::move(records)));
    while (pending.size() > max_pending || (at_end && !pending.empty())) {
      take_batch(pending.front().get());
      pending.pop_front();
    }
  }
  if (ending_problem) {
    diagnostics.add(std::move(*ending_problem));
  }
}

// Reports an id already taken, at its later line (CSV files read in batches).
void register_id(std::unordered_map<std::string, std::size_t>& lines, const std::string& id,
                 std::size_t line, const std::string& file, const io::CsvHeader& header,
                 io::Diagnostics& diagnostics)
{
  if (id.empty()) {
    return;
  }
  const auto [it, inserted] = lines.try_emplace(id, line);
  if (!inserted) {
    diagnostics.add(csv_problem(file, header, line, "id", io::Severity::error,
                                duplicate_id_message(id, it->second)));
  }
}

// The mappings under a top-level key of a YAML file (`companies:`, `events:`),
// each with its path for messages (`companies[2]`, counting every item).
std::vector<std::pair<std::string, const io::YamlNode*>> top_level_list(
  const io::YamlNode& root, std::string_view key, const std::string& file,
  io::Diagnostics& diagnostics)
{
  if (root.is_absent()) {
    return {};
  }
  if (!root.is_mapping()) {
    diagnostics.error(file, root.line(),
                      fmt::format("expected a mapping with the key \"{}:\" at the top", key),
                      root.column());
    return {};
  }
  const io::YamlNode& list = root[key];
  if (list.is_absent()) {
    return {};
  }
  if (!list.is_sequence()) {
    diagnostics.error(file, list.line(), fmt::format("{}: expected a list", key), list.column());
    return {};
  }
  std::vector<std::pair<std::string, const io::YamlNode*>> items;
  std::size_t index = 0;
  for (const auto& item : list.items()) {
    std::string path = fmt::format("{}[{}]", key, index++);
    if (!item.is_mapping()) {
      diagnostics.error(file, item.line(), path + ": expected a mapping of keys", item.column());
    } else {
      items.emplace_back(std::move(path), &item);
    }
  }
  return items;
}

// A nested mapping such as `project:` or `matching:`; a missing node (no keys)
// when absent or not a mapping (reported).
const io::YamlNode& sub_mapping(const YamlFieldSource& parent, std::string_view key,
                                io::Diagnostics& diagnostics, const std::string& file)
{
  const io::YamlNode& child = parent.node()[key];
  if (!child.is_absent() && !child.is_mapping()) {
    const std::string path = parent.path().empty() ? std::string(key) : parent.path() + "." + std::string(key);
    diagnostics.error(file, child.line(), path + ": expected a mapping of keys", child.column());
    return io::YamlNode::missing();
  }
  return child;
}

bool is_offset(std::string_view text)
{
  if (text.size() < 2 || (text.back() != 'd' && text.back() != 'w')) {
    return false;
  }
  return model::parse_int(text.substr(0, text.size() - 1), 0, 3650).has_value();
}

std::vector<std::string> reminder_offsets(const RecordReader& reader, const FieldSource& source,
                                          std::string_view key)
{
  std::vector<std::string> offsets = source.list(key);
  for (const auto& offset : offsets) {
    if (!is_offset(offset)) {
      reader.error(key, "expected offsets such as 7d or 2w, got " + quote_value(offset));
    }
  }
  return offsets;
}

// "Career Services <career@example.fi>" or a bare address.
bool is_mailbox(std::string_view text)
{
  if (model::has_control_character(text)) {
    return false; // a line break would let the name add headers of its own (Bcc:)
  }
  const auto open = text.rfind('<');
  if (open != std::string_view::npos && !text.empty() && text.back() == '>') {
    return model::is_email_address(text.substr(open + 1, text.size() - open - 2));
  }
  return model::is_email_address(text);
}

void read_matching(const YamlFieldSource& source, model::MatchingSettings& matching,
                   io::Diagnostics& diagnostics, const std::string& file)
{
  const RecordReader reader(source);
  YamlFieldSource weights_source(file, sub_mapping(source, "weights", diagnostics, file),
                                 source.path() + ".weights", diagnostics);
  const RecordReader weights(weights_source);
  const std::pair<std::string_view, double*> weight_keys[] = {
    {"markets", &matching.weight_markets},         {"languages", &matching.weight_languages},
    {"field", &matching.weight_field},             {"skills", &matching.weight_skills},
    {"preferences", &matching.weight_preferences}, {"location", &matching.weight_location},
    {"complementarity", &matching.weight_complementarity}};
  for (const auto& [key, target] : weight_keys) {
    if (const auto value = weights.number(key)) {
      if (!(*value >= 0) || !std::isfinite(*value)) { // NaN fails the first test
        weights.error(key, "a weight is a number of 0 or more");
      } else {
        *target = *value;
      }
    }
  }
  matching.common_language = reader.level("common_language").value_or(matching.common_language);
  matching.min_overlap_days =
    reader.integer("min_overlap_days", 0, 3650).value_or(matching.min_overlap_days);
}

void read_reminders(const YamlFieldSource& source, model::ReminderSettings& reminders)
{
  const RecordReader reader(source);
  if (const auto from = reader.text("from")) {
    if (!is_mailbox(*from)) {
      reader.error("from", "expected an address such as \"Career Services <career@example.fi>\"");
    }
    reminders.from = *from;
  }
  for (const auto& address : source.list("staff")) {
    if (!model::is_email_address(address)) {
      reader.error("staff", "expected e-mail addresses, got " + quote_value(address));
    }
    reminders.staff.push_back(address);
  }
  reminders.sendmail = reader.text("sendmail").value_or(reminders.sendmail);
  reminders.feedback_url = reader.line("feedback_url").value_or("");
  if (!source.node()["event_offsets"].is_missing()) {
    reminders.event_offsets = reminder_offsets(reader, source, "event_offsets");
  }
  reminders.catch_up_days = reader.integer("catch_up_days", 0, 365).value_or(reminders.catch_up_days);
  if (const auto language = reader.message_language("language"); !language.empty()) {
    reminders.language = language;
  }
  reminders.send_timeout_seconds =
    reader.integer("send_timeout", 1, 3600).value_or(reminders.send_timeout_seconds);
  reminders.run_timeout_seconds =
    reader.integer("run_timeout", 1, 86400).value_or(reminders.run_timeout_seconds);
  reminders.placement_notice_days =
    reader.integer("placement_notice_days", 0, 60).value_or(reminders.placement_notice_days);
}

model::FollowUp read_follow_up(const YamlFieldSource& source, IdRegistry& ids)
{
  const RecordReader reader(source);
  model::FollowUp follow_up;
  follow_up.id = reader.required_id("id");
  ids.add(follow_up.id, reader, "id", source.origin().line);
  follow_up.title = reader.line("title").value_or(follow_up.id);
  follow_up.kind = reader.enumeration<model::FollowUpKind>("kind").value_or(follow_up.kind);
  follow_up.anchor = reader.enumeration<model::FollowUpAnchor>("from", true).value_or(follow_up.anchor);
  follow_up.working_days = reader.integer("working_days", -250, 250).value_or(0);
  for (const auto& role : source.list("to")) {
    if (const auto parsed = model::parse_enum<model::RecipientRole>(role)) {
      follow_up.recipients.push_back(*parsed);
    } else {
      reader.error("to", "expected " + model::enum_choices<model::RecipientRole>() + ", got "
                           + quote_value(role));
    }
  }
  if (source.node()["to"].is_missing()) {
    follow_up.recipients = {model::RecipientRole::students, model::RecipientRole::company,
                            model::RecipientRole::staff};
  }
  return follow_up;
}

void read_schedule(const YamlFieldSource& source, model::ScheduleSettings& schedule,
                   io::Diagnostics& diagnostics, const std::string& file)
{
  const RecordReader reader(source);
  for (const auto& text : source.list("closed_days")) {
    if (const auto day = model::parse_date(text)) {
      schedule.closed_days.push_back(*day);
    } else {
      reader.error("closed_days", "expected dates YYYY-MM-DD, got " + quote_value(text));
    }
  }
  std::sort(schedule.closed_days.begin(), schedule.closed_days.end());
  const io::YamlNode& list = source.node()["follow_ups"];
  if (list.is_missing()) {
    return;
  }
  schedule.follow_ups.clear();
  IdRegistry ids;
  for (const auto& [path, node] : top_level_list(source.node(), "follow_ups", file, diagnostics)) {
    schedule.follow_ups.push_back(
      read_follow_up(YamlFieldSource(file, *node, "schedule." + path, diagnostics), ids));
  }
}

bool time_zone_exists(std::string_view name)
{
  // IANA names only: no path tricks.
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) {
    return false;
  }
  std::error_code ignored;
  return std::filesystem::is_regular_file(
    std::filesystem::path("/usr/share/zoneinfo") / std::string(name), ignored);
}

model::Opening read_opening(const YamlFieldSource& source, const std::string& company_id)
{
  const RecordReader reader(source);
  model::Opening opening;
  opening.origin = source.origin();
  opening.company_id = company_id;
  opening.id = reader.required_id("id");
  opening.title = reader.text("title").value_or("");
  opening.kind = reader.enumeration<model::OpeningKind>("kind", true).value_or(opening.kind);
  opening.field = reader.enumeration<model::OpeningField>("field").value_or(opening.field);
  opening.skills = reader.tags("skills");
  opening.languages = reader.language_levels("languages");
  opening.finnish = reader.level("finnish");
  opening.markets = reader.countries("markets");
  const auto start = reader.date("start", true);
  const auto end = reader.date("end", true);
  check_order(reader, "end", start, end, "start");
  opening.start = start.value_or(Date{});
  opening.end = end.value_or(opening.start);
  opening.slots = reader.integer("slots", 0, 1000).value_or(1); // 0: closed for now
  return opening;
}

} // namespace

const CsvSchema& students_schema()
{
  static const CsvSchema schema{
    {"id", "first_name", "last_name", "email", "group", "field", "programme", "study_year",
     "status", "gender", "birth_year", "birth_date", "languages", "finnish_certified", "home_country",
     "citizenship", "markets", "skills", "municipality", "available_from", "available_to",
     "preferences", "employment_status", "education", "foreign_background", "disability",
     "minority", "joined", "left", "share_profile"},
    {"id", "first_name", "last_name", "email", "group", "field"},
    {"matching", "language"}};
  return schema;
}

const CsvSchema& attendance_schema()
{
  static const CsvSchema schema{{"event_id", "student_id", "company_id"},
                                {"event_id", "student_id", "company_id"},
                                {}};
  return schema;
}

const CsvSchema& placements_schema()
{
  static const CsvSchema schema{{"id", "opening_id", "company_id", "international_id",
                                 "domestic_id", "start", "end", "status", "score", "note"},
                                {"id", "opening_id", "international_id", "status"},
                                {"locked"}};
  return schema;
}

const CsvSchema& score_table_schema()
{
  static const CsvSchema schema{{"international_id", "domestic_id", "opening_id", "score"},
                                {"international_id", "opening_id", "score"},
                                {}};
  return schema;
}

const CsvSchema& feedback_schema()
{
  static const CsvSchema schema{
    {"placement_id", "respondent_id", "role", "date", "overall", "learning", "pair_work", "would_repeat", "comment"},
    {"placement_id", "respondent_id", "role", "date"},
    {}};
  return schema;
}

const CsvSchema& outcomes_schema()
{
  static const CsvSchema schema{{"student_id", "date", "status", "employer", "note"},
                                {"student_id", "date", "status"},
                                {}};
  return schema;
}

std::optional<model::Project> read_project(std::string_view text, const std::string& file,
                                           io::Diagnostics& diagnostics)
{
  const auto root = io::read_yaml(text, file, diagnostics);
  if (!root) {
    return std::nullopt;
  }
  if (!root->is_mapping()) {
    diagnostics.error(file, root->line(), "expected a mapping with the keys project:, targets:, terms: ...",
                      root->column());
    return std::nullopt;
  }
  const YamlFieldSource top(file, *root, "", diagnostics);
  if (!(*root)["project"].is_mapping()) {
    const io::YamlNode& project = (*root)["project"];
    const io::YamlNode& at = project.is_missing() ? *root : project;
    diagnostics.error(file, at.line(), "project: the project section (name, start, end) is required",
                      at.column());
    return std::nullopt;
  }
  model::Project project;
  const YamlFieldSource project_source(file, sub_mapping(top, "project", diagnostics, file),
                                       "project", diagnostics);
  const RecordReader reader(project_source);
  project.name = reader.line("name", true).value_or("");
  project.code = reader.text("code").value_or("");
  project.organisation = reader.text("organisation").value_or("");
  const auto start = reader.date("start", true);
  const auto end = reader.date("end", true);
  check_order(reader, "end", start, end, "start");
  project.start = start.value_or(Date{});
  project.end = end.value_or(project.start);
  if (const auto zone = reader.text("timezone")) {
    if (!time_zone_exists(*zone)) {
      reader.error("timezone", "expected an IANA time zone such as Europe/Helsinki, got "
                                 + quote_value(*zone));
    } else {
      project.timezone = *zone;
    }
  }

  const YamlFieldSource targets_source(file, sub_mapping(top, "targets", diagnostics, file),
                                       "targets", diagnostics);
  const RecordReader targets(targets_source);
  project.target_companies = targets.integer("companies", 0, 10'000'000);
  project.target_participants = targets.integer("participants", 0, 10'000'000);

  IdRegistry term_ids;
  for (const auto& [path, node] : top_level_list(*root, "terms", file, diagnostics)) {
    const YamlFieldSource term_source(file, *node, path, diagnostics);
    const RecordReader term_reader(term_source);
    model::Term term;
    term.origin = term_source.origin();
    term.id = term_reader.required_id("id");
    term_ids.add(term.id, term_reader, "id", term.origin.line);
    const auto term_start = term_reader.date("start", true);
    const auto term_end = term_reader.date("end", true);
    check_order(term_reader, "end", term_start, term_end, "start");
    term.start = term_start.value_or(Date{});
    term.end = term_end.value_or(term.start);
    project.terms.push_back(std::move(term));
  }

  read_matching(YamlFieldSource(file, sub_mapping(top, "matching", diagnostics, file), "matching",
                                diagnostics),
                project.matching, diagnostics, file);
  read_reminders(YamlFieldSource(file, sub_mapping(top, "reminders", diagnostics, file),
                                 "reminders", diagnostics),
                 project.reminders);
  read_schedule(YamlFieldSource(file, sub_mapping(top, "schedule", diagnostics, file), "schedule",
                                diagnostics),
                project.schedule, diagnostics, file);

  const YamlFieldSource reporting_source(file, sub_mapping(top, "reporting", diagnostics, file),
                                         "reporting", diagnostics);
  const RecordReader reporting(reporting_source);
  project.reporting.indicators =
    reporting.enumeration<model::IndicatorSet>("indicators").value_or(project.reporting.indicators);
  project.reporting.suppress_below =
    reporting.integer("suppress_below", 1, 1000).value_or(project.reporting.suppress_below);
  return project;
}

std::vector<model::Company> read_companies(std::string_view text, const std::string& file,
                                           io::Diagnostics& diagnostics)
{
  const auto root = io::read_yaml(text, file, diagnostics);
  if (!root) {
    return {};
  }
  std::vector<model::Company> companies;
  IdRegistry company_ids;
  IdRegistry opening_ids;
  for (const auto& [path, node] : top_level_list(*root, "companies", file, diagnostics)) {
    const YamlFieldSource source(file, *node, path, diagnostics);
    const RecordReader reader(source);
    model::Company company;
    company.origin = source.origin();
    company.id = reader.required_id("id");
    company_ids.add(company.id, reader, "id", company.origin.line);
    company.name = reader.line("name", true).value_or("");
    company.business_id = reader.business_id("business_id");
    company.municipality = reader.text("municipality").value_or("");
    company.size = reader.enumeration<model::CompanySize>("size");
    company.sector = reader.text("sector").value_or("");
    const YamlFieldSource contact_source(file, sub_mapping(source, "contact", diagnostics, file),
                                         source.path() + ".contact", diagnostics);
    const RecordReader contact(contact_source);
    company.contact = {contact.line("name").value_or(""), contact.email("email", false),
                       contact.text("phone").value_or(""), contact.message_language("language")};
    company.target_markets = reader.countries("target_markets");
    company.working_languages = reader.language_codes("working_languages");
    company.joined = reader.date("joined");
    company.preferences = reader.ids("preferences");
    company.avoid = reader.ids("avoid");

    const io::YamlNode& openings = (*node)["openings"];
    if (!openings.is_absent() && !openings.is_sequence()) {
      reader.error("openings", "expected a list of openings (or [] for none)");
    } else if (openings.is_sequence()) {
      std::size_t opening_index = 0;
      for (const auto& opening_node : openings.items()) {
        const std::string opening_path =
          fmt::format("{}.openings[{}]", source.path(), opening_index++);
        if (!opening_node.is_mapping()) {
          diagnostics.error(file, opening_node.line(), opening_path + ": expected a mapping of keys",
                            opening_node.column());
          continue;
        }
        const YamlFieldSource opening_source(file, opening_node, opening_path, diagnostics);
        auto opening = read_opening(opening_source, company.id);
        opening_ids.add(opening.id, RecordReader(opening_source), "id", opening.origin.line);
        company.openings.push_back(std::move(opening));
      }
    }
    companies.push_back(std::move(company));
  }
  return companies;
}

std::vector<model::Event> read_events(std::string_view text, const std::string& file,
                                      io::Diagnostics& diagnostics)
{
  const auto root = io::read_yaml(text, file, diagnostics);
  if (!root) {
    return {};
  }
  std::vector<model::Event> events;
  IdRegistry event_ids;
  for (const auto& [path, node] : top_level_list(*root, "events", file, diagnostics)) {
    const YamlFieldSource source(file, *node, path, diagnostics);
    const RecordReader reader(source);
    model::Event event;
    event.origin = source.origin();
    event.id = reader.required_id("id");
    event_ids.add(event.id, reader, "id", event.origin.line);
    event.kind = reader.enumeration<model::EventKind>("kind", true).value_or(event.kind);
    event.title = reader.line("title").value_or("");
    const auto start = reader.date_time("start", true);
    event.start = start.value_or(model::DateTime{});
    event.end = reader.date_time("end");
    if (start && event.end
        && std::tie(event.end->date, event.end->time_of_day)
             < std::tie(start->date, start->time_of_day)) {
      reader.error("end", "the event ends before it starts");
    }
    event.location = reader.text("location").value_or("");
    event.audience = reader.enumeration<model::Audience>("audience").value_or(event.audience);
    if (!(*node)["reminders"].is_missing()) {
      event.reminders = reminder_offsets(reader, source, "reminders");
    }
    events.push_back(std::move(event));
  }
  return events;
}

namespace {

model::Student parse_student(const RecordReader& reader, std::size_t line)
{
  model::Student student;
  student.origin = {line, 0};
  student.id = reader.required_id("id");
  student.first_name = reader.line("first_name", true).value_or("");
  student.last_name = reader.line("last_name", true).value_or("");
  student.email = reader.email("email", true);
  student.group = reader.enumeration<model::Group>("group", true).value_or(student.group);
  student.field = reader.enumeration<model::Field>("field", true).value_or(student.field);
  student.programme = reader.text("programme").value_or("");
  student.study_year = reader.integer("study_year", 1, 5);
  student.status = reader.enumeration<model::StudyStatus>("status").value_or(student.status);
  student.gender = reader.enumeration<model::Gender>("gender").value_or(student.gender);
  student.birth_year = reader.integer("birth_year", 1900, 2100);
  student.birth_date = reader.date("birth_date");
  student.languages = reader.language_levels("languages");
  student.finnish_certified = reader.level("finnish_certified");
  student.home_country = reader.country("home_country");
  student.citizenship = reader.citizenship("citizenship");
  student.markets = reader.countries("markets");
  student.skills = reader.tags("skills");
  student.municipality = reader.text("municipality").value_or("");
  student.available_from = reader.date("available_from");
  student.available_to = reader.date("available_to");
  check_order(reader, "available_to", student.available_from, student.available_to,
              "available_from");
  student.preferences = reader.ids("preferences");
  student.employment_status = reader.enumeration<model::EmploymentStatus>("employment_status")
                                .value_or(student.employment_status);
  student.education = reader.enumeration<model::Education>("education");
  student.foreign_background = reader.enumeration<model::Answer>("foreign_background");
  student.minority = reader.enumeration<model::Answer>("minority");
  student.disability = reader.enumeration<model::Answer>("disability").value_or(student.disability);
  student.joined = reader.date("joined");
  student.left = reader.date("left");
  check_order(reader, "left", student.joined, student.left, "joined");
  student.share_profile = reader.yes_no("share_profile").value_or(false);
  student.message_language = reader.message_language("language");
  if (const auto matching = reader.text("matching"); matching && !matching->empty()) {
    student.on_hold = *matching == "hold";
    if (!student.on_hold) {
      reader.error("matching", "expected hold (leave out of match) or nothing, got " + quote_value(*matching));
    }
  }
  return student;
}

} // namespace

model::Student read_student_row(const io::CsvHeader& header, const io::CsvRecord& record,
                                const std::string& file, io::Diagnostics& diagnostics)
{
  CsvFieldSource source(file, header, diagnostics);
  source.set_record(record);
  return parse_student(RecordReader(source), record.line);
}

StudentSummary summary_of(const model::Student& student)
{
  return {student.origin.line, student.group, student.joined, student.left, student.preferences,
          StudentSummary::no_record};
}

void read_students(io::CsvReader& reader, io::Diagnostics& diagnostics, StudentIndex& index,
                   const StudentFilter& keep, const StudentSink& sink)
{
  // Students not kept are dropped on the worker threads, where they were made.
  struct StudentRow {
    std::string id;
    StudentSummary summary;
    std::optional<model::Student> kept;
  };
  const std::string& file = reader.display_name();
  read_csv_rows<StudentRow>(
    reader, students_schema(), diagnostics, true,
    [&](const RecordReader& row, std::size_t line) {
      model::Student student = parse_student(row, line);
      StudentRow result{student.id, summary_of(student), std::nullopt};
      if (keep(student)) {
        result.kept = std::move(student);
      }
      return std::optional<StudentRow>(std::move(result));
    },
    [&](StudentRow&& row, const io::CsvHeader& header) {
      if (!row.id.empty()) {
        const std::size_t line = row.summary.line;
        const auto [it, inserted] = index.try_emplace(std::move(row.id), std::move(row.summary));
        if (inserted) {
          it->second.ordinal = index.size() - 1;
        } else {
          diagnostics.add(csv_problem(file, header, line, "id", io::Severity::error,
                                      duplicate_id_message(it->first, it->second.line)));
        }
      }
      if (row.kept) {
        sink(std::move(*row.kept));
      }
    });
}

std::vector<model::Attendance> read_attendance(io::CsvReader& reader, io::Diagnostics& diagnostics)
{
  std::vector<model::Attendance> rows;
  read_csv_rows<model::Attendance>(
    reader, attendance_schema(), diagnostics, false,
    [](const RecordReader& row, std::size_t line) {
      model::Attendance attendance;
      attendance.origin = {line, 0};
      attendance.event_id = row.required_id("event_id");
      attendance.student_id = row.optional_id("student_id");
      attendance.company_id = row.optional_id("company_id");
      if (attendance.student_id.empty() == attendance.company_id.empty()) {
        row.error("student_id", "exactly one of student_id and company_id must be filled");
      }
      return std::optional(std::move(attendance));
    },
    [&](model::Attendance&& attendance, const io::CsvHeader&) { rows.push_back(std::move(attendance)); });
  return rows;
}

std::vector<model::Placement> read_placements(io::CsvReader& reader, io::Diagnostics& diagnostics)
{
  std::vector<model::Placement> rows;
  std::unordered_map<std::string, std::size_t> ids;
  read_csv_rows<model::Placement>(
    reader, placements_schema(), diagnostics, false,
    [](const RecordReader& row, std::size_t line) {
      model::Placement placement;
      placement.origin = {line, 0};
      placement.id = row.required_id("id");
      placement.opening_id = row.required_id("opening_id");
      placement.company_id = row.optional_id("company_id");
      placement.international_id = row.required_id("international_id");
      placement.domestic_id = row.optional_id("domestic_id");
      placement.start = row.date("start");
      placement.end = row.date("end");
      check_order(row, "end", placement.start, placement.end, "start");
      placement.status =
        row.enumeration<model::PlacementStatus>("status", true).value_or(placement.status);
      placement.score = row.number("score");
      placement.note = row.text("note").value_or("");
      placement.locked = row.yes_no("locked").value_or(false);
      if (placement.locked && placement.status != model::PlacementStatus::proposed) {
        row.warning("locked", "only a proposed placement needs a lock: later ones are never changed by match");
      }
      return std::optional(std::move(placement));
    },
    [&](model::Placement&& placement, const io::CsvHeader& header) {
      register_id(ids, placement.id, placement.origin.line, reader.display_name(), header, diagnostics);
      rows.push_back(std::move(placement));
    });
  return rows;
}

std::vector<model::Outcome> read_outcomes(io::CsvReader& reader, io::Diagnostics& diagnostics)
{
  std::vector<model::Outcome> rows;
  read_csv_rows<model::Outcome>(
    reader, outcomes_schema(), diagnostics, false,
    [](const RecordReader& row, std::size_t line) {
      model::Outcome outcome;
      outcome.origin = {line, 0};
      outcome.student_id = row.required_id("student_id");
      outcome.date = row.date("date", true).value_or(Date{});
      outcome.status = row.enumeration<model::OutcomeStatus>("status", true).value_or(outcome.status);
      outcome.employer = row.text("employer").value_or("");
      outcome.note = row.text("note").value_or("");
      return std::optional(std::move(outcome));
    },
    [&](model::Outcome&& outcome, const io::CsvHeader&) { rows.push_back(std::move(outcome)); });
  return rows;
}

std::vector<model::Feedback> read_feedback(io::CsvReader& reader, io::Diagnostics& diagnostics)
{
  std::vector<model::Feedback> rows;
  read_csv_rows<model::Feedback>(
    reader, feedback_schema(), diagnostics, false,
    [](const RecordReader& row, std::size_t line) {
      model::Feedback feedback;
      feedback.origin = {line, 0};
      feedback.placement_id = row.required_id("placement_id");
      feedback.respondent_id = row.required_id("respondent_id");
      feedback.role = row.enumeration<model::FeedbackRole>("role", true).value_or(feedback.role);
      feedback.date = row.date("date", true).value_or(Date{});
      feedback.overall = row.integer("overall", 1, 5);
      feedback.learning = row.integer("learning", 1, 5);
      feedback.pair_work = row.integer("pair_work", 1, 5);
      feedback.would_repeat = row.yes_no("would_repeat");
      feedback.comment = row.text("comment").value_or("");
      return std::optional(std::move(feedback));
    },
    [&](model::Feedback&& feedback, const io::CsvHeader&) { rows.push_back(std::move(feedback)); });
  return rows;
}

} // namespace tandem::workspace

namespace tandem::workspace {

std::vector<ScoreRow> read_score_table(io::CsvReader& reader, io::Diagnostics& diagnostics)
{
  std::vector<ScoreRow> rows;
  read_csv_rows<ScoreRow>(
    reader, score_table_schema(), diagnostics, true,
    [](const RecordReader& row, std::size_t line) {
      ScoreRow score_row;
      score_row.origin = {line, 0};
      score_row.international_id = row.required_id("international_id");
      score_row.domestic_id = row.optional_id("domestic_id");
      score_row.opening_id = row.required_id("opening_id");
      const auto score = row.number("score");
      if (score && !std::isfinite(*score)) {
        row.error("score", "expected a finite number");
      } else if (!score && !row.text("score")) {
        row.error("score", "expected a number, got nothing");
      }
      score_row.score = score && std::isfinite(*score) ? *score : 0.0;
      return std::optional(std::move(score_row));
    },
    [&](ScoreRow&& score_row, const io::CsvHeader&) { rows.push_back(std::move(score_row)); });
  return rows;
}

} // namespace tandem::workspace
