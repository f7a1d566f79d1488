#include "workspace/check.hpp"

#include "match/rules.hpp"
#include "report/participation_check.hpp"
#include "schedule/messages.hpp"
#include "schedule/schedule.hpp"
#include "workspace/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_set>

namespace tandem::workspace {

namespace {

using model::Date;
using model::format_date;

class LinkChecker {
public:
  LinkChecker(const Workspace& workspace, const WorkspacePaths& paths, io::Diagnostics& diagnostics,
              bool warnings)
    : m_workspace(workspace), m_paths(paths), m_diagnostics(diagnostics), m_warnings(warnings)
  {
  }

  void run()
  {
    check_placements();
    check_attendance();
    check_outcomes();
    check_feedback();
    if (m_warnings) {
      check_capacity_and_overlaps();
      check_repeated_attendees();
      check_preferences();
    }
  }

private:
  void error(std::string_view file, const model::Origin& origin, std::string message)
  {
    m_diagnostics.error(m_paths.display(file), origin.line, std::move(message), origin.column);
  }
  void warning(std::string_view file, const model::Origin& origin, std::string message)
  {
    m_diagnostics.warning(m_paths.display(file), origin.line, std::move(message), origin.column);
  }

  // A placement's student must exist and be of the group its column names.
  const StudentSummary* placed_student(const model::Placement& placement, const std::string& id,
                                       std::string_view column, model::Group group)
  {
    const auto it = m_workspace.student_index.find(id);
    if (it == m_workspace.student_index.end()) {
      error(file_names::placements, placement.origin,
            fmt::format("{}: no student {} in {}", column, quote_value(id), file_names::students));
      return nullptr;
    }
    if (it->second.group != group) {
      error(file_names::placements, placement.origin,
            fmt::format("{}: student {} is {}, not {}", column, quote_value(id),
                        model::to_string(it->second.group), model::to_string(group)));
    }
    return &it->second;
  }

  void check_student_dates(const model::Placement& placement, const std::string& id,
                           const StudentSummary& student, const Date& start)
  {
    if (student.joined && start < *student.joined) {
      warning(file_names::placements, placement.origin,
              fmt::format("the placement starts {}, before student {} joined the project ({})",
                          format_date(start), id, format_date(*student.joined)));
    }
    if (student.left && start > *student.left) {
      warning(file_names::placements, placement.origin,
              fmt::format("the placement starts {}, after student {} left the project ({})",
                          format_date(start), id, format_date(*student.left)));
    }
  }

  void check_placements()
  {
    for (const auto& placement : m_workspace.placements) {
      const model::Opening* opening = m_workspace.find_opening(placement.opening_id);
      if (!placement.opening_id.empty() && opening == nullptr) {
        error(file_names::placements, placement.origin,
              fmt::format("opening_id: no opening {} in {}", quote_value(placement.opening_id),
                          file_names::companies));
      }
      if (!placement.company_id.empty()) {
        if (m_workspace.find_company(placement.company_id) == nullptr) {
          error(file_names::placements, placement.origin,
                fmt::format("company_id: no company {} in {}", quote_value(placement.company_id),
                            file_names::companies));
        } else if (opening != nullptr && opening->company_id != placement.company_id) {
          error(file_names::placements, placement.origin,
                fmt::format("company_id: opening {} belongs to {}, not {}", opening->id,
                            opening->company_id, placement.company_id));
        }
      }
      const StudentSummary* international =
        placement.international_id.empty()
          ? nullptr
          : placed_student(placement, placement.international_id, "international_id",
                           model::Group::international);
      const StudentSummary* domestic =
        placement.domestic_id.empty()
          ? nullptr
          : placed_student(placement, placement.domestic_id, "domestic_id", model::Group::domestic);
      if (!m_warnings || opening == nullptr || placement.status == model::PlacementStatus::cancelled) {
        continue;
      }
      const Date start = placement.start.value_or(opening->start);
      if (international != nullptr) {
        check_student_dates(placement, placement.international_id, *international, start);
      }
      if (domestic != nullptr) {
        check_student_dates(placement, placement.domestic_id, *domestic, start);
      }
      if (placement.is_real()) {
        check_rules(placement, *opening);
      }
    }
  }

  void check_rules(const model::Placement& placement, const model::Opening& opening)
  {
    const model::Student* international = m_workspace.find_student(placement.international_id);
    const model::Student* domestic = m_workspace.find_student(placement.domestic_id);
    const model::Company* company = m_workspace.find_company(opening.company_id);
    if (international == nullptr || company == nullptr || !m_workspace.project
        || (!placement.domestic_id.empty() && domestic == nullptr)) {
      return; // a broken link, reported above
    }
    for (const auto& breach : match::check_candidate(opening, *company, *international, domestic,
                                                     m_workspace.project->matching)) {
      warning(file_names::placements, placement.origin,
              fmt::format("{} placement breaks matching rule {}: {}",
                          model::to_string(placement.status), static_cast<int>(breach.rule),
                          breach.explanation));
    }
  }

  // Rules 8 and 9 over the real placements: a student in two placements at once,
  // an opening with more placements than slots at once.
  void check_capacity_and_overlaps()
  {
    struct Span {
      Date start;
      Date end;
      const model::Placement* placement;
    };
    std::map<std::string, std::vector<Span>> by_student;
    std::map<std::string, std::vector<Span>> by_opening;
    for (const auto& placement : m_workspace.placements) {
      const model::Opening* opening = m_workspace.find_opening(placement.opening_id);
      if (!placement.is_real() || opening == nullptr) {
        continue;
      }
      const Span span{placement.start.value_or(opening->start), placement.end.value_or(opening->end),
                      &placement};
      by_student[placement.international_id].push_back(span);
      if (!placement.domestic_id.empty()) {
        by_student[placement.domestic_id].push_back(span);
      }
      by_opening[placement.opening_id].push_back(span);
    }
    const auto overlaps = [](const Span& a, const Span& b) {
      return a.start <= b.end && b.start <= a.end;
    };
    for (const auto& [student, spans] : by_student) {
      for (std::size_t i = 0; i < spans.size(); ++i) {
        for (std::size_t k = 0; k < i; ++k) {
          if (overlaps(spans[i], spans[k])) {
            warning(file_names::placements, spans[i].placement->origin,
                    fmt::format("student {} is also in placement {} (line {}) at the same time "
                                "(matching rule 8)",
                                student, spans[k].placement->id, spans[k].placement->origin.line));
          }
        }
      }
    }
    for (const auto& [opening_id, spans] : by_opening) {
      const model::Opening* opening = m_workspace.find_opening(opening_id);
      for (const auto& span : spans) {
        const auto at_once = std::count_if(spans.begin(), spans.end(), [&](const Span& other) {
          return overlaps(span, other);
        });
        if (at_once > opening->slots) {
          warning(file_names::placements, span.placement->origin,
                  fmt::format("opening {} has {} slot(s) but {} real placements at once "
                              "(matching rule 9)",
                              opening_id, opening->slots, at_once));
        }
      }
    }
  }

  void check_attendance()
  {
    const auto& rows = m_workspace.attendance;
    const auto& links = m_workspace.attendance_links;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& row = rows[i];
      if (!row.event_id.empty() && links[i].event == nullptr) {
        error(file_names::attendance, row.origin,
              fmt::format("event_id: no event {} in {}", quote_value(row.event_id), file_names::events));
      }
      if (!row.student_id.empty() && links[i].student == nullptr) {
        error(file_names::attendance, row.origin,
              fmt::format("student_id: no student {} in {}", quote_value(row.student_id),
                          file_names::students));
      }
      if (!row.company_id.empty() && links[i].company == nullptr) {
        error(file_names::attendance, row.origin,
              fmt::format("company_id: no company {} in {}", quote_value(row.company_id),
                          file_names::companies));
      }
    }
  }

  void check_repeated_attendees()
  {
    const auto& rows = m_workspace.attendance;
    const auto& links = m_workspace.attendance_links;
    // The same attendee twice for one event. Rows whose ids resolve sort by a
    // number made of what they name (millions of rows sort fast); the few others
    // by their text.
    const std::uint64_t attendees = m_workspace.student_index.size() + m_workspace.companies.size();
    std::vector<std::pair<std::uint64_t, std::size_t>> resolved; // (event and attendee, row)
    std::vector<std::size_t> unresolved;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& link = links[i];
      if (link.event == nullptr || (link.student == nullptr && link.company == nullptr)) {
        unresolved.push_back(i);
        continue;
      }
      const std::uint64_t attendee =
        link.student != nullptr ? link.student->ordinal
                                : m_workspace.student_index.size()
                                    + static_cast<std::uint64_t>(link.company - m_workspace.companies.data());
      const auto event = static_cast<std::uint64_t>(link.event - m_workspace.events.data());
      resolved.emplace_back(event * attendees + attendee, i);
    }
    std::sort(resolved.begin(), resolved.end());
    for (std::size_t k = 1, first = 0; k < resolved.size(); ++k) {
      if (resolved[k].first != resolved[k - 1].first) {
        first = k;
      } else {
        warn_repeated_attendee(rows[resolved[k].second], rows[resolved[first].second]);
      }
    }
    const auto text = [&](std::size_t i) {
      return std::tie(rows[i].event_id, rows[i].student_id, rows[i].company_id, rows[i].origin.line);
    };
    std::sort(unresolved.begin(), unresolved.end(), [&](std::size_t a, std::size_t b) { return text(a) < text(b); });
    for (std::size_t k = 1, first = 0; k < unresolved.size(); ++k) {
      const auto& row = rows[unresolved[k]];
      const auto& previous = rows[unresolved[k - 1]];
      if (std::tie(row.event_id, row.student_id, row.company_id)
          != std::tie(previous.event_id, previous.student_id, previous.company_id)) {
        first = k;
      } else {
        warn_repeated_attendee(row, rows[unresolved[first]]);
      }
    }
  }

  void warn_repeated_attendee(const model::Attendance& row, const model::Attendance& first)
  {
    warning(file_names::attendance, row.origin,
            fmt::format("the same attendee is already on line {}; reports count each row", first.origin.line));
  }

  void check_outcomes()
  {
    for (std::size_t i = 0; i < m_workspace.outcomes.size(); ++i) {
      const auto& outcome = m_workspace.outcomes[i];
      if (!outcome.student_id.empty() && m_workspace.outcome_students[i] == nullptr) {
        error(file_names::outcomes, outcome.origin,
              fmt::format("student_id: no student {} in {}", quote_value(outcome.student_id),
                          file_names::students));
      }
    }
  }

  // Each answer belongs to a placement and to one of its people, once.
  void check_feedback()
  {
    std::map<std::pair<std::string, std::string>, std::size_t> first_line;
    for (const auto& row : m_workspace.feedback) {
      const auto* placement = m_workspace.find_placement(row.placement_id);
      if (placement == nullptr) {
        error(file_names::feedback, row.origin,
              fmt::format("placement_id: no placement {} in {}", quote_value(row.placement_id), file_names::placements));
        continue;
      }
      const auto* company = m_workspace.company_of(*placement);
      const std::string& expected = row.role == model::FeedbackRole::international ? placement->international_id
                                    : row.role == model::FeedbackRole::domestic    ? placement->domestic_id
                                    : company != nullptr                          ? company->id
                                                                                   : placement->company_id;
      if (row.respondent_id != expected) {
        error(file_names::feedback, row.origin,
              expected.empty()
                ? fmt::format("role: placement {} has no {} student (a solo placement)", placement->id,
                              model::to_string(row.role))
                : fmt::format("respondent_id: {} is not the {} of placement {} (that is {})",
                              quote_value(row.respondent_id), model::to_string(row.role), placement->id, expected));
        continue;
      }
      const auto [seen, first] = first_line.try_emplace({row.placement_id, row.respondent_id}, row.origin.line);
      if (!first) {
        error(file_names::feedback, row.origin,
              fmt::format("{} already answered for placement {} on line {}: one row per respondent and placement",
                          row.respondent_id, row.placement_id, seen->second));
      }
      if (row.role != model::FeedbackRole::company && row.would_repeat) {
        warning(file_names::feedback, row.origin,
                "would_repeat is a company's answer (would take an international intern again); a student's is "
                "not counted");
      }
    }
  }

  // Preference and avoid lists that name nobody are likely typos: warnings.
  void check_preferences()
  {
    for (const auto& company : m_workspace.companies) {
      for (const auto* list : {&company.preferences, &company.avoid}) {
        for (const auto& id : *list) {
          if (m_workspace.student_index.count(id) == 0) {
            warning(file_names::companies, company.origin,
                    fmt::format("company {} names student {}, who is not in {}", company.id,
                                quote_value(id), file_names::students));
          }
        }
      }
    }
    for (const auto& [student_id, student] : m_workspace.student_index) {
      for (const auto& id : student.preferences) {
        if (m_workspace.find_opening(id) == nullptr && m_workspace.find_company(id) == nullptr) {
          warning(file_names::students, {student.line, 0},
                  fmt::format("preferences: {} is neither an opening nor a company", quote_value(id)));
        }
      }
    }
  }

  const Workspace& m_workspace;
  const WorkspacePaths& m_paths;
  io::Diagnostics& m_diagnostics;
  bool m_warnings;
};

} // namespace

void check_links(const Workspace& workspace, const WorkspacePaths& paths, io::Diagnostics& diagnostics,
                 const LinkCheck& what)
{
  LinkChecker(workspace, paths, diagnostics, what.warnings).run();
  report::check_participation(workspace, paths, what, diagnostics);
}

CheckSummary check_workspace(const WorkspacePaths& paths, std::optional<model::Date> today, io::ProgressSink* progress,
                             io::Diagnostics& diagnostics)
{
  paths.require_folder();
  const Workspace workspace = load_workspace(paths, diagnostics, KeepStudents::placed_students_only, progress);
  if (progress != nullptr) {
    progress->report("checking the links between the files", "");
  }
  if (!workspace.project) {
    check_links(workspace, paths, diagnostics);
  } else {
    const schedule::ProjectZone zone(workspace.project->timezone);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    check_links(workspace, paths, diagnostics, {true, today.value_or(zone.wall_time(now).date)});
    // What only the calendar sees (an event at a local time that never happens),
    // so that `check` finds it before `schedule` or the cron job does.
    schedule::load_calendar(workspace, paths, zone, diagnostics);
    schedule::MessageTemplates::load(paths, diagnostics); // a broken template is found before the cron job meets it
  }
  CheckSummary summary;
  summary.students = workspace.student_index.size();
  summary.companies = workspace.companies.size();
  std::unordered_set<std::string> business_ids;
  for (const auto& company : workspace.companies) {
    summary.openings += company.openings.size();
    business_ids.insert(company.business_id);
  }
  summary.business_ids = business_ids.size();
  summary.events = workspace.events.size();
  summary.placements = workspace.placements.size();
  return summary;
}

} // namespace tandem::workspace
