// tandem-docgen: writes the manual pages and the bash completion from the same
// command definitions `tandem` parses (add_commands), so `man tandem-report`,
// `tandem report --help` and completion never disagree. Run at build time:
//   tandem-docgen OUT_DIR   ->  OUT_DIR/man1/tandem*.1, OUT_DIR/completion/tandem
#include "app.hpp"

#include "io/atomic_file.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using tandem::cli::Session;

// Text as roff reads it: backslashes and hyphens escaped, no line taken for a request.
std::string roff(std::string_view text)
{
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// An option's value as --help shows it, without CLI11's kind prefix: "ENUM:a|b" -> "a|b",
// "TEXT:DATE" -> "DATE".
std::string value_name(const CLI::Option& option)
{
  const std::string type = option.get_type_name();
  return type.substr(type.rfind(':') + 1);
}

// "a|b|c" choices an option takes (accept_names shows them as its type), else none.
std::vector<std::string> choices_of(const CLI::Option& option)
{
  const std::string type = value_name(option);
  if (type.find('|') == std::string::npos) {
    return {};
  }
  std::vector<std::string> words;
  std::istringstream parts(type);
  for (std::string word; std::getline(parts, word, '|');) {
    words.push_back(word);
  }
  return words;
}

// The command's words from `tandem`: "tandem placement list".
std::string full_name(const CLI::App& command)
{
  return command.get_parent() == nullptr ? command.get_name()
                                         : full_name(*command.get_parent()) + " " + command.get_name();
}

std::string page_name(const CLI::App& command)
{
  std::string name = full_name(command);
  std::replace(name.begin(), name.end(), ' ', '-');
  return name;
}

std::string synopsis(const CLI::App& command)
{
  std::string line = fmt::format(".B {}\n[\\fIOPTIONS\\fR]", roff(full_name(command)));
  for (const auto* option : command.get_options()) {
    if (!option->nonpositional()) {
      const auto name = option->get_name(true);
      line += option->get_required() ? fmt::format(" \\fI{}\\fR", roff(name)) : fmt::format(" [\\fI{}\\fR]", roff(name));
    }
  }
  if (!command.get_subcommands({}).empty()) {
    line += command.get_require_subcommand_min() > 0 ? " \\fICOMMAND\\fR" : " [\\fICOMMAND\\fR]";
  }
  return line + "\n";
}

std::string options_section(const CLI::App& command, const std::string& title)
{
  std::string out;
  for (const auto* option : command.get_options()) {
    if (out.empty()) {
      out = fmt::format(".SH {}\n", title);
    }
    std::string label = option->nonpositional() ? option->get_name(false, true) : option->get_name(true);
    if (option->nonpositional() && option->get_type_size() != 0) {
      label += " " + value_name(*option);
    }
    out += fmt::format(".TP\n.B {}\n{}\n", roff(label), roff(option->get_description()));
  }
  return out;
}

std::string manual_page(const CLI::App& command, const std::string& extra_sections)
{
  std::string out = fmt::format(".TH {} 1 \"\" \"tandem {}\" \"tandem manual\"\n", roff(page_name(command)),
                                TANDEM_VERSION);
  out += fmt::format(".SH NAME\n{} \\- {}\n", roff(page_name(command)), roff(command.get_description()));
  out += ".SH SYNOPSIS\n" + synopsis(command);
  out += fmt::format(".SH DESCRIPTION\n{}\n", roff(command.get_description()));
  out += options_section(command, command.get_parent() == nullptr ? "GLOBAL OPTIONS" : "OPTIONS");
  const auto subcommands = command.get_subcommands({});
  if (!subcommands.empty()) {
    out += ".SH COMMANDS\n";
    for (const auto* sub : subcommands) {
      out += fmt::format(".TP\n.B {}\n{}; see \\fB{}\\fR(1).\n", roff(sub->get_name()), roff(sub->get_description()),
                         roff(page_name(*sub)));
    }
  }
  if (const auto& footer = command.get_footer(); !footer.empty()) {
    // Every footer ends with "Example:" and its lines (cli/*.cpp).
    const auto example = footer.find("Example:\n");
    if (example > 0 && example != std::string::npos) {
      out += fmt::format(".SH NOTES\n{}\n", roff(footer.substr(0, example)));
    }
    if (example != std::string::npos) {
      out += ".SH EXAMPLE\n.nf\n" + roff(footer.substr(example + 9)) + "\n.fi\n";
    }
  }
  out += extra_sections;
  out += ".SH SEE ALSO\n\\fBtandem\\fR(1); the guides in /usr/share/doc/tandem/ (user-guide.md, commands.md, "
         "file-formats.md)\n";
  return out;
}

const char* const k_main_page_sections = R"(.SH ENVIRONMENT
.TP
.B TANDEM_WORKSPACE
the workspace folder when \-C is not given (else the current folder)
.TP
.B TANDEM_LOCK_WAIT_SECONDS
how long a command waits for another one's workspace lock (0\-86400, default 10)
.TP
.B NO_COLOR
no colour in any output (there is none when the output is not a terminal either)
.SH EXIT STATUS
.TP
.B 0
success
.TP
.B 1
bad data, an unreadable file or an impossible request; the messages name file, line and what was expected
.TP
.B 2
a usage error: an unknown command, option or value
.TP
.B 75
try again later: the workspace lock is held, or the mail transport refused
.SH FILES
A workspace is a folder of tandem.yaml, students.csv, companies.yaml, events.yaml,
placements.csv, attendance.csv, outcomes.csv and feedback.csv, with tandem's own
state in .tandem/ (see file\-formats.md).
)";

void write_pages(const CLI::App& command, const fs::path& folder)
{
  const bool top = command.get_parent() == nullptr;
  tandem::io::write_file_atomically(folder / (page_name(command) + ".1"),
                                    manual_page(command, top ? k_main_page_sections : ""));
  for (const auto* sub : command.get_subcommands({})) {
    write_pages(*sub, folder);
  }
}

// One `case` branch of the completion per command path, offering its
// subcommands and options (with those of the commands above it, which follow a
// subcommand too: `report participants --term`); the choices of an option after
// it; term ids read from the workspace's tandem.yaml after --term.
void completion_cases(const CLI::App& command, const std::string& path, std::vector<const CLI::Option*> inherited,
                      std::string& cases, std::string& values)
{
  std::vector<std::string> words;
  for (const auto* sub : command.get_subcommands({})) {
    words.push_back(sub->get_name());
  }
  for (const auto* option : command.get_options()) {
    if (!option->nonpositional()) {
      // A positional of fixed words (import's KIND): offered where a word is expected.
      const auto choices = choices_of(*option);
      words.insert(words.end(), choices.begin(), choices.end());
    } else if (command.get_parent() == nullptr) { // global: the script offers them after any command
      for (const auto& name : option->get_lnames()) {
        words.push_back("--" + name);
      }
    } else {
      inherited.push_back(option);
    }
  }
  for (const auto* option : inherited) {
    const auto choices = choices_of(*option);
    for (const auto& name : option->get_lnames()) {
      if (std::find(words.begin(), words.end(), "--" + name) == words.end()) {
        words.push_back("--" + name);
      }
      if (!choices.empty()) {
        values += fmt::format("    \"{}--{}\") words=\"{}\" ;;\n", path, name, fmt::join(choices, " "));
      }
    }
  }
  cases += fmt::format("    \"{}\") words=\"{}\" ;;\n", path, fmt::join(words, " "));
  for (const auto* sub : command.get_subcommands({})) {
    completion_cases(*sub, path + sub->get_name() + " ", inherited, cases, values);
  }
}

std::string completion_script(const CLI::App& app)
{
  std::string cases;
  std::string values;
  completion_cases(app, "", {}, cases, values);
  std::vector<std::string> globals; // those that may follow a command (--help is the command's own)
  for (const auto* option : app.get_options()) {
    const auto& name = option->get_lnames().front();
    if (name != "help" && name != "version") {
      globals.push_back("--" + name);
    }
  }
  std::vector<std::string> commands;
  const std::function<void(const CLI::App&)> collect = [&](const CLI::App& command) {
    for (const auto* sub : command.get_subcommands({})) {
      commands.push_back(sub->get_name());
      collect(*sub);
    }
  };
  collect(app);
  return fmt::format(R"BASH(# bash completion for tandem (generated by tandem-docgen from the command definitions)

# The term ids of the workspace's tandem.yaml (-C DIR, else $TANDEM_WORKSPACE, else here).
_tandem_terms()
{{
  local workspace="${{TANDEM_WORKSPACE:-.}}" i
  for ((i = 1; i < ${{#COMP_WORDS[@]}} - 1; i++)); do
    case "${{COMP_WORDS[i]}}" in
      -C|--workspace) workspace="${{COMP_WORDS[i+1]}}" ;;
    esac
  done
  [ -r "$workspace/tandem.yaml" ] || return
  awk '/^terms:/ {{ in_terms = 1; next }}
       /^[^ #-]/ {{ in_terms = 0 }}
       in_terms {{ while (match($0, /id: *[^ ,}}#]+/)) {{
                    id = substr($0, RSTART, RLENGTH); sub(/id: */, "", id); print id
                    $0 = substr($0, RSTART + RLENGTH) }} }}' "$workspace/tandem.yaml"
}}

_tandem()
{{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" path="" word words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${{COMP_WORDS[i]}}"
    case "$word" in
      -C|--workspace) ((i++)) ;;
      {commands}) case " $(_tandem_words "$path") " in *" $word "*) path="$path$word " ;; esac ;;
    esac
  done
  case "$prev" in
    --term) COMPREPLY=($(compgen -W "$(_tandem_terms)" -- "$cur")); return ;;
    -C|--workspace|--output|--map|--outbox|--scores|--scores-in) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  case "$path$prev" in
{values}  esac
  if [ -n "$words" ]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return
  fi
  words="$(_tandem_words "$path")"
  [ -z "$path" ] || words="$words {globals}"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  [ ${{#COMPREPLY[@]}} -gt 0 ] || COMPREPLY=($(compgen -f -- "$cur"))
}}

# The subcommands and options of a command path ("placement ").
_tandem_words()
{{
  local words=""
  case "$1" in
{cases}  esac
  echo "$words"
}}

complete -F _tandem tandem
)BASH",
                     fmt::arg("commands", fmt::format("{}", fmt::join(commands, "|"))), fmt::arg("values", values),
                     fmt::arg("cases", cases), fmt::arg("globals", fmt::join(globals, " ")));
}

} // namespace

int main(int argc, char** argv)
{
  if (argc != 2) {
    std::cerr << "usage: tandem-docgen OUT_DIR\n";
    return 2;
  }
  try {
    CLI::App app;
    Session session;
    tandem::cli::add_commands(app, session);
    const fs::path out = argv[1];
    fs::create_directories(out / "man1");
    fs::create_directories(out / "completion");
    write_pages(app, out / "man1");
    tandem::io::write_file_atomically(out / "completion" / "tandem", completion_script(app));
  } catch (const std::exception& e) {
    std::cerr << "tandem-docgen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
