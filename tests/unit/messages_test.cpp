#include "schedule/messages.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using schedule::MessageKind;

namespace {

model::Date day(int y, unsigned m, unsigned d)
{
  return std::chrono::year{y} / m / d;
}

schedule::Message render(MessageKind kind, std::string_view language, const schedule::MessageFields& fields,
                         std::string_view name = "")
{
  return schedule::MessageTemplates::built_in().render(kind, language, fields, name);
}

} // namespace

TEST_CASE("messages: days, times and names as each language writes them")
{
  using std::chrono::hours;
  using std::chrono::minutes;
  // Tuesday 14 March 2028, 14:00 to 16:30, Kokkola campus.
  const schedule::MessageFields fields{
    {{"event", std::string("CV workshop")},
     {"when", schedule::When{day(2028, 3, 14), std::nullopt, minutes(hours(14)), minutes(16 * 60 + 30)}},
     {"where", std::string("Kokkola campus B210")}},
    {}};
  CHECK(render(MessageKind::event, "en", fields).subject
        == "Reminder: CV workshop, Tue 14 March 2028, 14:00-16:30, Kokkola campus B210");
  CHECK(render(MessageKind::event, "fi", fields).subject
        == "Muistutus: CV workshop, ti 14.3.2028 klo 14.00\u201316.30, Kokkola campus B210");
  CHECK(render(MessageKind::event, "sv", fields).subject
        == "Påminnelse: CV workshop, tis 14.3.2028 kl. 14.00\u201316.30, Kokkola campus B210");
  // A language tandem has no templates for gets English.
  CHECK(render(MessageKind::event, "de", fields).subject.starts_with("Reminder: "));

  // Without a place the line is left out, not left empty.
  schedule::MessageFields nowhere = fields;
  nowhere.values.erase("where");
  CHECK(render(MessageKind::event, "en", nowhere, "Linh Tran").body
        == "Hello Linh Tran,\n\nThis is a reminder of CV workshop.\n\nWhen: Tue 14 March 2028, 14:00-16:30\n\n"
           "Welcome!\n\n-- \n\nReplies to this message reach .\n");

  // A deadline reads as one; three names are joined as the language joins them.
  const schedule::MessageFields deadline{
    {{"follow_up", schedule::Phrase{{{"en", "Placement agreement"}, {"fi", "Harjoittelusopimus"}}}},
     {"deadline", true},
     {"date", schedule::When{day(2028, 8, 31), std::nullopt, std::nullopt, std::nullopt}},
     {"students", schedule::NameList{{"Linh Tran", "Aino Korhonen", "Sami Niemi"}}},
     {"company", std::string("Acme Export Oy")}},
    {}};
  CHECK(render(MessageKind::follow_up, "en", deadline).subject
        == "Placement agreement due by Thu 31 August 2028: Linh Tran, Aino Korhonen and Sami Niemi at Acme Export Oy");
  CHECK(render(MessageKind::follow_up, "fi", deadline).subject
        == "Harjoittelusopimus: määräaika to 31.8.2028: Linh Tran, Aino Korhonen ja Sami Niemi, Acme Export Oy");
  // A phrase without Swedish falls back to English.
  CHECK(render(MessageKind::follow_up, "sv", deadline).subject
        == "Placement agreement: senast tors 31.8.2028: Linh Tran, Aino Korhonen och Sami Niemi, Acme Export Oy");
}

TEST_CASE("messages: a template that does not parse is an error at its line and column")
{
  io::Diagnostics diagnostics;
  CHECK_FALSE(schedule::check_template("Hello {{name}}\n", MessageKind::event, "t.txt", diagnostics));
  CHECK_FALSE(schedule::check_template("Subject: x\n\n{{#where}}\nWhere\n", MessageKind::event, "u.txt", diagnostics));
  CHECK_FALSE(schedule::check_template("Subject: x\n\nab {{event\n", MessageKind::event, "v.txt", diagnostics));
  CHECK(schedule::check_template("Subject: {{event}}\n{{#leavers}}{{/leavers}}\n", MessageKind::event, "w.txt",
                                 diagnostics));
  const auto problems = diagnostics.sorted();
  for (const auto& problem : problems) {
    UNSCOPED_INFO(problem.to_string());
  }
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].to_string() == "t.txt:1:1: error: the first line must be the subject: Subject: ...");
  CHECK(problems[1].to_string() == "u.txt:3:1: error: the template does not parse: Unclosed section \"where\" "
                                   "(Mustache: {{field}}, {{#section}}...{{/section}})");
  CHECK(problems[2].to_string() == "v.txt:3:4: error: the template does not parse: Unclosed tag (Mustache: "
                                   "{{field}}, {{#section}}...{{/section}})");
  CHECK(problems[3].severity == io::Severity::warning);
  CHECK(problems[3].line == 2);
}

TEST_CASE("messages: every built-in template passes its own check")
{
  io::Diagnostics diagnostics;
  const auto files = schedule::MessageTemplates::default_files();
  CHECK(files.size() == 21); // 7 kinds in en, fi and sv
  for (const auto kind : {MessageKind::event, MessageKind::placement_start, MessageKind::follow_up,
                          MessageKind::status_lag, MessageKind::outcomes, MessageKind::digest,
                          MessageKind::feedback}) {
    for (const auto& [name, text] : files) {
      if (name.starts_with(std::string(schedule::template_name(kind)) + ".")) {
        CHECK(schedule::check_template(text, kind, name, diagnostics));
      }
    }
  }
  CHECK(diagnostics.sorted().empty());
}
