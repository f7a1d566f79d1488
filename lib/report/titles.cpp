#include "report/titles.hpp"

#include <array>
#include <utility>

namespace tandem::report {

namespace {

using Title = std::pair<std::string_view, std::string_view>;

constexpr std::array k_indicators{
  Title{"participants_total", "Participants (entering in the period)"},
  Title{"participants_complete", "Participants with complete records (gender, age, employment status, education)"},
  Title{"participants_active", "Participants active in the period (project figure)"},
  Title{"participants_by_group", "Participants by target group (project figure)"},
  Title{"participants_by_gender", "Participants by gender"},
  Title{"participants_by_age", "Participants by age on entry"},
  Title{"participants_by_employment_status", "Participants by labour market status on entry"},
  Title{"participants_by_education", "Participants by education on entry"},
  Title{"participants_third_country_nationals", "Third-country nationals"},
  Title{"participants_minorities", "Minorities (including marginalised communities such as the Roma)"},
  Title{"participants_with_disability", "Participants with disabilities"},
  Title{"companies_total", "Companies taking part, by Business ID (project figure)"},
  Title{"companies_by_size", "Companies taking part by size (project figure)"},
  Title{"supported_smes", "Number of supported micro, small and medium-sized enterprises"},
  Title{"placements_tandem", "Tandem placements started (project figure)"},
  Title{"placements_solo", "Solo placements started (project figure)"},
  Title{"placements_completed", "Placements completed (project figure)"},
  Title{"events_by_kind", "Events held, by kind (project figure)"},
  Title{"event_attendances", "Event attendances (project figure)"},
  Title{"participants_leaving", "Participants leaving (complete records)"},
  Title{"results_upon_leaving", "Results upon leaving (within four weeks)"},
  Title{"results_six_months", "Results six months after leaving"},
  Title{"employed_after_placement", "Employed within six months of a completed placement (project figure)"},
  Title{"hired_by_placement_company", "Hired by their placement company (project figure)"},
};

using CellTitle = std::array<std::string_view, 3>; // indicator, cell, title

constexpr std::array k_cells{
  CellTitle{"participants_by_group", "international", "International students"},
  CellTitle{"participants_by_group", "domestic", "Domestic students"},
  CellTitle{"participants_by_gender", "female", "Women"},
  CellTitle{"participants_by_gender", "women", "Women"},
  CellTitle{"participants_by_gender", "male", "Men"},
  CellTitle{"participants_by_gender", "men", "Men"},
  CellTitle{"participants_by_gender", "other", "Other"},
  CellTitle{"participants_by_gender", "non_binary", "Non-binary"},
  CellTitle{"participants_by_gender", "undisclosed", "Not disclosed"},
  CellTitle{"participants_by_age", "under_25", "Participants below 25 years of age"},
  CellTitle{"participants_by_age", "25_54", "Participants aged 25 to 54"},
  CellTitle{"participants_by_age", "over_54", "Participants above 54 years of age"},
  CellTitle{"participants_by_age", "under_18", "Participants below 18 years of age"},
  CellTitle{"participants_by_age", "18_29", "Participants aged 18 to 29"},
  CellTitle{"participants_by_age", "30_54", "Participants aged 30 to 54"},
  CellTitle{"participants_by_age", "55_and_over", "Participants aged 55 and over"},
  CellTitle{"participants_by_employment_status", "employed", "Employed, including self-employed"},
  CellTitle{"participants_by_employment_status", "unemployed", "Unemployed, not long-term"},
  CellTitle{"participants_by_employment_status", "long_term_unemployed", "Long-term unemployed"},
  CellTitle{"participants_by_employment_status", "inactive", "Inactive"},
  CellTitle{"participants_by_education", "isced1-2", "With primary (ISCED 1) or lower secondary education (ISCED 2)"},
  CellTitle{"participants_by_education", "isced0-2", "With lower secondary education or less (ISCED 0 to 2)"},
  CellTitle{"participants_by_education", "isced3-4", "With upper secondary (ISCED 3) or post-secondary non-tertiary education (ISCED 4)"},
  CellTitle{"participants_by_education", "isced5-8", "With tertiary education (ISCED 5 to 8)"},
  CellTitle{"companies_by_size", "micro", "Micro"},
  CellTitle{"companies_by_size", "small", "Small"},
  CellTitle{"companies_by_size", "medium", "Medium-sized"},
  CellTitle{"companies_by_size", "large", "Large"},
  CellTitle{"companies_by_size", "unknown", "Size not known"},
  CellTitle{"events_by_kind", "workshop", "Workshops"},
  CellTitle{"events_by_kind", "seminar", "Seminars"},
  CellTitle{"events_by_kind", "recruitment_event", "Recruitment events"},
  CellTitle{"events_by_kind", "info_session", "Info sessions"},
  CellTitle{"events_by_kind", "other", "Other events"},
  CellTitle{"results_upon_leaving", "employed", "Participants in employment, including self-employment, upon leaving"},
  CellTitle{"results_upon_leaving", "in_education", "Participants in education or training upon leaving"},
  CellTitle{"results_upon_leaving", "job_seeking", "Inactive participants engaged in job searching upon leaving"},
  CellTitle{"results_upon_leaving", "qualified", "Participants gaining a qualification upon leaving"},
  CellTitle{"results_six_months", "employed", "Participants in employment, including self-employment, six months after leaving"},
  CellTitle{"results_six_months", "known", "Participants whose situation six months after leaving is known"},
};

} // namespace

std::string_view indicator_title(model::IndicatorSet set, std::string_view key)
{
  if (key == "participants_foreign_background") {
    return set == model::IndicatorSet::esf2014
             ? "Migrants, participants with a foreign background, minorities (including marginalised "
               "communities such as the Roma)"
             : "Participants with a foreign background";
  }
  for (const auto& [name, title] : k_indicators) {
    if (name == key) {
      return title;
    }
  }
  return key;
}

std::string_view cell_title(std::string_view indicator, std::string_view cell)
{
  for (const auto& [name, cell_key, title] : k_cells) {
    if (name == indicator && cell_key == cell) {
      return title;
    }
  }
  return cell;
}

} // namespace tandem::report
