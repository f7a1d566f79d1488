#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tandem::model {

enum class Group { international, domestic };
enum class Field { business, engineering, other };
enum class OpeningField { business, engineering, any };
enum class StudyStatus { student, graduated };
enum class Gender { female, male, other, undisclosed };
enum class EmploymentStatus { employed, unemployed, long_term_unemployed, inactive };
enum class Education { isced1_2, isced3_4, isced5_8 };
// A sensitive yes/no question that a person may decline to answer (disability,
// foreign background, minority).
enum class Answer { yes, no, undisclosed };
enum class CompanySize { micro, small, medium, large };
enum class OpeningKind { tandem, solo, either };
enum class EventKind { workshop, seminar, recruitment_event, info_session, other };
enum class Audience { international, domestic, students, companies, all };
enum class PlacementStatus { proposed, confirmed, started, completed, cancelled };
enum class OutcomeStatus { employed, self_employed, in_education, job_seeking, inactive, qualified };
enum class IndicatorSet { esf2014, esf2021 };
enum class FollowUpKind { check_in, deadline };
enum class FollowUpAnchor { start, middle, end };
enum class RecipientRole { students, company, staff };
enum class FeedbackRole { international, domestic, company };

// The spelling of each enum value in the workspace files: one table per enum
// serves both parsing and writing.
template <typename Enum>
struct EnumName {
  Enum value;
  std::string_view name;
};

template <typename Enum>
std::span<const EnumName<Enum>> enum_names();

// Parses the exact (case-insensitive) spelling; std::nullopt when unknown.
template <typename Enum>
std::optional<Enum> parse_enum(std::string_view text);

template <typename Enum>
std::string_view to_string(Enum value);

// "a, b or c": for messages that say what was expected.
template <typename Enum>
std::string enum_choices();

} // namespace tandem::model
