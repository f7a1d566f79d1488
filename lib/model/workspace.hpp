#pragma once

#include "model/enums.hpp"
#include "model/values.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tandem::model {

// Where a record came from, for messages: the physical line of a CSV record or
// the line and column of a YAML node (1-based).
struct Origin {
  std::size_t line = 0;
  std::size_t column = 0;
};

struct Term {
  Origin origin;
  std::string id;
  Date start;
  Date end;
};

struct MatchingSettings {
  double weight_markets = 3;
  double weight_languages = 2;
  double weight_field = 2;
  double weight_skills = 1;
  double weight_preferences = 2;
  double weight_location = 1;
  double weight_complementarity = 1;
  Level common_language = Level::B2;
  int min_overlap_days = 28;
};

struct ReminderSettings {
  std::string from;
  std::vector<std::string> staff;
  std::string sendmail = "/usr/sbin/sendmail -t -i";
  std::vector<std::string> event_offsets = {"7d", "1d"};
  int catch_up_days = 3;
  // The language of the messages to staff, and to students and companies that
  // name none (`language` in students.csv, a contact's `language`): en, fi or sv.
  std::string language = "en";
  // A mail command still running after this long is killed: a temporary failure.
  int send_timeout_seconds = 60;
  // A run still sending after this long leaves the rest for the next run, so that
  // a slow mail system cannot hold the cron job and the lock for hours.
  int run_timeout_seconds = 1800;
  // Where students and companies answer the feedback round (a survey's address);
  // empty: they answer by replying. An addition to the contract.
  std::string feedback_url;
  // Placement reminders (start, follow-ups) go this many working days before the item.
  int placement_notice_days = 2;
};

// One item in the rhythm of every placement: a check-in or a deadline, a number
// of working days from the placement's start, middle or end.
struct FollowUp {
  std::string id;
  std::string title;
  FollowUpKind kind = FollowUpKind::check_in;
  FollowUpAnchor anchor = FollowUpAnchor::start;
  int working_days = 0;
  std::vector<RecipientRole> recipients;
};

// The defaults of tandem.yaml `schedule.follow_ups` (docs/schedule.md says why).
std::vector<FollowUp> default_follow_ups();

struct ScheduleSettings {
  std::vector<FollowUp> follow_ups = default_follow_ups();
  std::vector<Date> closed_days; // sorted
};

struct ReportingSettings {
  IndicatorSet indicators = IndicatorSet::esf2014;
  int suppress_below = 5;
};

// tandem.yaml
struct Project {
  std::string name;
  std::string code;
  std::string organisation;
  Date start;
  Date end;
  std::string timezone = "Europe/Helsinki";
  std::optional<int> target_companies;
  std::optional<int> target_participants;
  std::vector<Term> terms;
  MatchingSettings matching;
  ReminderSettings reminders;
  ScheduleSettings schedule;
  ReportingSettings reporting;
};

struct LanguageSkill {
  std::string code;
  Level level = Level::A1;
};

struct Student {
  Origin origin;
  std::string id;
  std::string first_name;
  std::string last_name;
  std::string email;
  Group group = Group::international;
  Field field = Field::other;
  std::string programme;
  std::optional<int> study_year;
  StudyStatus status = StudyStatus::student;
  Gender gender = Gender::undisclosed;
  std::optional<int> birth_year;
  std::optional<Date> birth_date; // wins over birth_year
  std::vector<LanguageSkill> languages;
  std::optional<Level> finnish_certified;
  std::string home_country;
  std::string citizenship; // a country code, "stateless" or "undetermined" (empty: not recorded)
  std::vector<std::string> markets;
  std::vector<std::string> skills;
  std::string municipality;
  std::optional<Date> available_from;
  std::optional<Date> available_to;
  std::vector<std::string> preferences;
  EmploymentStatus employment_status = EmploymentStatus::inactive;
  std::optional<Education> education;
  // Sensitive data: empty (not recorded) is std::nullopt, never a default answer.
  std::optional<Answer> foreign_background;
  std::optional<Answer> minority;
  Answer disability = Answer::undisclosed;
  std::optional<Date> joined;
  std::optional<Date> left;
  bool share_profile = false;
  // `matching: hold` in students.csv: staff leave the student out of every match
  // until they clear it (an addition to the contract).
  bool on_hold = false;
  // `language` in students.csv: the language of the messages they get (en, fi,
  // sv; empty: tandem.yaml reminders.language). An addition to the contract.
  std::string message_language;

  // The student's level in a language; for Finnish the higher of the `fi`
  // entry and `finnish_certified` (data contract, matching rule 5).
  std::optional<Level> level_in(std::string_view language) const;
  // "Anna Weber (i1)": the student as staff find them in students.csv, for
  // every sentence a person reads.
  std::string display_name() const;
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
  std::string message_language; // `language`: of the messages to the contact (en, fi, sv; empty: reminders.language)
};

struct Opening {
  Origin origin;
  std::string id;
  std::string company_id;
  std::string title;
  OpeningKind kind = OpeningKind::either;
  OpeningField field = OpeningField::any;
  std::vector<std::string> skills;
  std::vector<LanguageSkill> languages;
  std::optional<Level> finnish;
  std::vector<std::string> markets;
  Date start;
  Date end;
  int slots = 1;
};

struct Company {
  Origin origin;
  std::string id;
  std::string name;
  std::string business_id;
  std::string municipality;
  std::optional<CompanySize> size;
  std::string sector;
  Contact contact;
  std::vector<std::string> target_markets;
  std::vector<std::string> working_languages;
  std::optional<Date> joined;
  std::vector<std::string> preferences;
  std::vector<std::string> avoid;
  std::vector<Opening> openings;
};

struct Event {
  Origin origin;
  std::string id;
  EventKind kind = EventKind::other;
  std::string title;
  DateTime start;
  std::optional<DateTime> end;
  std::string location;
  Audience audience = Audience::all;
  std::optional<std::vector<std::string>> reminders;
};

struct Attendance {
  Origin origin;
  std::string event_id;
  std::string student_id;
  std::string company_id;
};

struct Placement {
  Origin origin;
  std::string id;
  std::string opening_id;
  std::string company_id;
  std::string international_id;
  std::string domestic_id;
  std::optional<Date> start;
  std::optional<Date> end;
  PlacementStatus status = PlacementStatus::proposed;
  std::optional<double> score;
  std::string note;
  // `locked: yes`: a proposed placement the next match keeps as it is (an addition).
  bool locked = false;

  // confirmed, started or completed (cli.md: "a placement is real").
  bool is_real() const;
};

struct Outcome {
  Origin origin;
  std::string student_id;
  Date date;
  OutcomeStatus status = OutcomeStatus::inactive;
  std::string employer;
  std::string note;
};

// One answer of a feedback round (feedback.csv, an addition to the contract):
// a student of a placement or its company, rating it 1-5.
struct Feedback {
  Origin origin;
  std::string placement_id;
  std::string respondent_id; // the student's id, or the company's for role company
  FeedbackRole role = FeedbackRole::international;
  Date date;
  std::optional<int> overall;
  std::optional<int> learning;
  std::optional<int> pair_work;
  std::optional<bool> would_repeat; // a company: would take an international intern again
  std::string comment;              // never in a report
};

} // namespace tandem::model
