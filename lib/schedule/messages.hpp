#pragma once

#include "io/diagnostics.hpp"
#include "model/values.hpp"
#include "workspace/paths.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// The messages of `schedule remind` as Mustache templates that staff can edit
// (templates/NAME.LANG.txt in the workspace; docs/messages.md), in English,
// Finnish and Swedish, each recipient in their own language. The values a
// template reads are kept free of any language (a day, a list of names) and
// written out in the recipient's language when the message is made.
namespace tandem::schedule {

enum class MessageKind { event, placement_start, follow_up, status_lag, outcomes, digest, feedback };

// The template's name: `event`, `placement-start`, `follow-up`, `status-lag`,
// `outcomes`, `digest`, `feedback`.
std::string_view template_name(MessageKind kind);

// A day, a span of days, or a day with times, as the recipient's language writes
// it ("Tue 14 May 2025, 14:00-16:00", "ti 14.5.2025 klo 14.00–16.00").
struct When {
  model::Date first;
  std::optional<model::Date> last;
  std::optional<std::chrono::minutes> start;
  std::optional<std::chrono::minutes> end;
};

// A text given in several languages; "en" is the one used for any other.
struct Phrase {
  std::map<std::string, std::string, std::less<>> by_language;

  // The text in `language`, else in English.
  const std::string& in(std::string_view language) const
  {
    const auto found = by_language.find(language);
    return found != by_language.end() ? found->second : by_language.at("en");
  }
};

// People's names, joined as the language joins them ("Linh Tran and Aino Korhonen").
struct NameList {
  std::vector<std::string> names;
};

using FieldValue = std::variant<std::string, bool, When, Phrase, NameList>;
using FieldMap = std::map<std::string, FieldValue, std::less<>>;

struct MessageFields {
  FieldMap values;
  std::map<std::string, std::vector<FieldMap>, std::less<>> lists; // sections that repeat (outcomes: leavers)
};

struct Message {
  std::string subject; // one line
  std::string body;    // lines ending in \n
};

class MessageTemplates {
public:
  // tandem's own templates: what `tandem init` writes and what a workspace
  // without a templates/ folder uses.
  static MessageTemplates built_in();
  // The built-in templates with the workspace's templates/NAME.LANG.txt over
  // them. A template that cannot be used is an error at its line and column; a
  // field the template does not know, or a file name tandem does not use, is a
  // warning. Templates with errors are left out (the built-in one is used).
  static MessageTemplates load(const workspace::WorkspacePaths& paths, io::Diagnostics& diagnostics);

  // The message of `kind` in `language` for a recipient named `recipient_name`
  // (empty: a greeting without a name). Every kind exists in en, fi and sv.
  Message render(MessageKind kind, std::string_view language, const MessageFields& fields,
                 std::string_view recipient_name) const;

  // The built-in templates as files: `event.en.txt` and its text, for `init`.
  static std::vector<std::pair<std::string, std::string>> default_files();

private:
  std::map<std::string, std::string, std::less<>> m_texts; // "event.fi" -> template text
};

// The folder of the workspace's templates.
inline constexpr std::string_view k_templates_folder = "templates";

// Checks one template's text (problems at `display`:LINE:COL): the first line
// is `Subject: ...`, the Mustache parses, every field is one `kind` offers.
// True when the template can be used.
bool check_template(std::string_view text, MessageKind kind, const std::string& display,
                    io::Diagnostics& diagnostics);

} // namespace tandem::schedule
