#include "model/enums.hpp"

#include "io/text.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace tandem::model {

namespace {

template <typename Enum, std::size_t N>
using Names = std::array<EnumName<Enum>, N>;

constexpr Names<Group, 2> k_groups{{{Group::international, "international"},
                                    {Group::domestic, "domestic"}}};
constexpr Names<Field, 3> k_fields{{{Field::business, "business"},
                                    {Field::engineering, "engineering"},
                                    {Field::other, "other"}}};
constexpr Names<OpeningField, 3> k_opening_fields{{{OpeningField::business, "business"},
                                                   {OpeningField::engineering, "engineering"},
                                                   {OpeningField::any, "any"}}};
constexpr Names<StudyStatus, 2> k_study_statuses{{{StudyStatus::student, "student"},
                                                  {StudyStatus::graduated, "graduated"}}};
constexpr Names<Gender, 4> k_genders{{{Gender::female, "female"},
                                      {Gender::male, "male"},
                                      {Gender::other, "other"},
                                      {Gender::undisclosed, "undisclosed"}}};
constexpr Names<EmploymentStatus, 4> k_employment_statuses{
  {{EmploymentStatus::employed, "employed"},
   {EmploymentStatus::unemployed, "unemployed"},
   {EmploymentStatus::long_term_unemployed, "long_term_unemployed"},
   {EmploymentStatus::inactive, "inactive"}}};
constexpr Names<Education, 3> k_educations{{{Education::isced1_2, "isced1-2"},
                                            {Education::isced3_4, "isced3-4"},
                                            {Education::isced5_8, "isced5-8"}}};
constexpr Names<Answer, 3> k_answers{{{Answer::yes, "yes"},
                                     {Answer::no, "no"},
                                     {Answer::undisclosed, "undisclosed"}}};
constexpr Names<CompanySize, 4> k_company_sizes{{{CompanySize::micro, "micro"},
                                                 {CompanySize::small, "small"},
                                                 {CompanySize::medium, "medium"},
                                                 {CompanySize::large, "large"}}};
constexpr Names<OpeningKind, 3> k_opening_kinds{{{OpeningKind::tandem, "tandem"},
                                                 {OpeningKind::solo, "solo"},
                                                 {OpeningKind::either, "either"}}};
constexpr Names<EventKind, 5> k_event_kinds{{{EventKind::workshop, "workshop"},
                                             {EventKind::seminar, "seminar"},
                                             {EventKind::recruitment_event, "recruitment_event"},
                                             {EventKind::info_session, "info_session"},
                                             {EventKind::other, "other"}}};
constexpr Names<Audience, 5> k_audiences{{{Audience::international, "international"},
                                          {Audience::domestic, "domestic"},
                                          {Audience::students, "students"},
                                          {Audience::companies, "companies"},
                                          {Audience::all, "all"}}};
constexpr Names<PlacementStatus, 5> k_placement_statuses{
  {{PlacementStatus::proposed, "proposed"},
   {PlacementStatus::confirmed, "confirmed"},
   {PlacementStatus::started, "started"},
   {PlacementStatus::completed, "completed"},
   {PlacementStatus::cancelled, "cancelled"}}};
constexpr Names<OutcomeStatus, 6> k_outcome_statuses{
  {{OutcomeStatus::employed, "employed"},
   {OutcomeStatus::self_employed, "self_employed"},
   {OutcomeStatus::in_education, "in_education"},
   {OutcomeStatus::job_seeking, "job_seeking"},
   {OutcomeStatus::inactive, "inactive"},
   {OutcomeStatus::qualified, "qualified"}}};
constexpr Names<IndicatorSet, 2> k_indicator_sets{{{IndicatorSet::esf2014, "esf2014"},
                                                   {IndicatorSet::esf2021, "esf2021"}}};
constexpr Names<FollowUpKind, 2> k_follow_up_kinds{{{FollowUpKind::check_in, "check_in"},
                                                    {FollowUpKind::deadline, "deadline"}}};
constexpr Names<FollowUpAnchor, 3> k_follow_up_anchors{{{FollowUpAnchor::start, "start"},
                                                        {FollowUpAnchor::middle, "middle"},
                                                        {FollowUpAnchor::end, "end"}}};
constexpr Names<RecipientRole, 3> k_recipient_roles{{{RecipientRole::students, "students"},
                                                     {RecipientRole::company, "company"},
                                                     {RecipientRole::staff, "staff"}}};

} // namespace

#define TANDEM_ENUM_NAMES(Enum, table)                                                 \
  template <>                                                                          \
  std::span<const EnumName<Enum>> enum_names<Enum>()                                   \
  {                                                                                    \
    return table;                                                                      \
  }                                                                                    \
  template std::optional<Enum> parse_enum<Enum>(std::string_view);                     \
  template std::string_view to_string<Enum>(Enum);                                     \
  template std::string enum_choices<Enum>();

template <typename Enum>
std::optional<Enum> parse_enum(std::string_view text)
{
  text = io::trim(text);
  for (const auto& entry : enum_names<Enum>()) {
    if (io::equal_ignoring_case(entry.name, text)) {
      return entry.value;
    }
  }
  return std::nullopt;
}

template <typename Enum>
std::string_view to_string(Enum value)
{
  for (const auto& entry : enum_names<Enum>()) {
    if (entry.value == value) {
      return entry.name;
    }
  }
  throw std::logic_error("enum value without a name");
}

template <typename Enum>
std::string enum_choices()
{
  const auto names = enum_names<Enum>();
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      text += i + 1 == names.size() ? " or " : ", ";
    }
    text += names[i].name;
  }
  return text;
}

TANDEM_ENUM_NAMES(Group, k_groups)
TANDEM_ENUM_NAMES(Field, k_fields)
TANDEM_ENUM_NAMES(OpeningField, k_opening_fields)
TANDEM_ENUM_NAMES(StudyStatus, k_study_statuses)
constexpr Names<FeedbackRole, 3> k_feedback_roles{{{FeedbackRole::international, "international"},
                                                   {FeedbackRole::domestic, "domestic"},
                                                   {FeedbackRole::company, "company"}}};
TANDEM_ENUM_NAMES(Gender, k_genders)
TANDEM_ENUM_NAMES(EmploymentStatus, k_employment_statuses)
TANDEM_ENUM_NAMES(Education, k_educations)
TANDEM_ENUM_NAMES(Answer, k_answers)
TANDEM_ENUM_NAMES(CompanySize, k_company_sizes)
TANDEM_ENUM_NAMES(OpeningKind, k_opening_kinds)
TANDEM_ENUM_NAMES(EventKind, k_event_kinds)
TANDEM_ENUM_NAMES(Audience, k_audiences)
TANDEM_ENUM_NAMES(PlacementStatus, k_placement_statuses)
TANDEM_ENUM_NAMES(OutcomeStatus, k_outcome_statuses)
TANDEM_ENUM_NAMES(IndicatorSet, k_indicator_sets)
TANDEM_ENUM_NAMES(FollowUpKind, k_follow_up_kinds)
TANDEM_ENUM_NAMES(FollowUpAnchor, k_follow_up_anchors)
TANDEM_ENUM_NAMES(RecipientRole, k_recipient_roles)
TANDEM_ENUM_NAMES(FeedbackRole, k_feedback_roles)

} // namespace tandem::model
