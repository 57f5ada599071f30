/* Unit tests of the model and its builder API (include/veilig/model.h, common.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"
#include "testutil.h"

#define OK(x)       ck_assert_int_eq((x), VEILIG_OK)
#define RC(x, code) ck_assert_int_eq((x), (code))

#define ASSERT_DATE(getter, obj, y, mo, d)                                                         \
    do {                                                                                           \
        veilig_date dt_ = {-1, -1, -1};                                                            \
        ck_assert_int_eq(getter(&dt_, obj), VEILIG_OK);                                            \
        ck_assert_int_eq(dt_.year, (y));                                                           \
        ck_assert_int_eq(dt_.month, (mo));                                                         \
        ck_assert_int_eq(dt_.day, (d));                                                            \
    } while (0)

#define ASSERT_NO_DATE(getter, obj)                                                                \
    do {                                                                                           \
        veilig_date dt_ = {-1, -1, -1};                                                            \
        ck_assert_int_eq(getter(&dt_, obj), VEILIG_ENOTFOUND);                                     \
    } while (0)

#define ASSERT_NUM(getter, obj, v)                                                                 \
    do {                                                                                           \
        double n_ = -12345.0;                                                                      \
        ck_assert_int_eq(getter(&n_, obj), VEILIG_OK);                                             \
        ck_assert_double_eq(n_, (v));                                                              \
    } while (0)

static veilig_date mkdate(int y, int m, int d) {
    veilig_date r = {y, m, d};
    return r;
}

/* ---- the whole document, built with the builder API only ---- */

static veilig_registry *build_full(void) {
    veilig_registry *reg = NULL;
    OK(veilig_registry_new(&reg));
    ck_assert_ptr_nonnull(reg);

    /* programme with contact and sources */
    veilig_programme *p = NULL;
    OK(veilig_registry_set_programme(&p, reg));
    ck_assert_ptr_nonnull(p);
    OK(veilig_programme_set_name(p, "Veilige Steden"));
    OK(veilig_programme_set_operator(p, "Movisie"));
    veilig_contact *pc = NULL;
    OK(veilig_programme_set_contact(&pc, p));
    ck_assert_ptr_nonnull(pc);
    OK(veilig_contact_set_role(pc, VEILIG_ROLE_CONTACT_POINT));
    OK(veilig_contact_set_name(pc, "Programmateam"));
    OK(veilig_contact_set_email(pc, "veiligesteden@example.nl"));
    OK(veilig_contact_set_phone(pc, "030 000 0000"));
    veilig_source *ps = NULL;
    OK(veilig_programme_add_source(&ps, p, "Veilige Steden"));
    OK(veilig_source_set_publisher(ps, "Movisie"));
    OK(veilig_source_set_url(ps, "https://www.movisie.nl/veilige-steden"));
    veilig_date d = mkdate(2024, 5, 1);
    OK(veilig_source_set_retrieved(ps, &d));
    OK(veilig_programme_add_source(NULL, p, "Tweede bron"));

    /* the municipality with every field */
    veilig_municipality *m = NULL;
    OK(veilig_registry_add(&m, reg, "GM0153", "Enschede"));
    ck_assert_ptr_nonnull(m);
    OK(veilig_municipality_set_official_name(m, "Gemeente Enschede"));
    OK(veilig_municipality_set_province(m, "NL-OV"));
    d = mkdate(2021, 10, 0);
    OK(veilig_municipality_set_membership_joined(m, &d));
    d = mkdate(2021, 0, 0);
    OK(veilig_municipality_set_membership_start(m, &d));
    d = mkdate(2024, 12, 31);
    OK(veilig_municipality_set_membership_end(m, &d));
    OK(veilig_municipality_set_membership_status(m, VEILIG_MEMBERSHIP_STATUS_ACTIVE));
    OK(veilig_municipality_set_membership_note(m, "Een van de eerste steden"));
    OK(veilig_municipality_set_summary(m, "Enschede pakt straatintimidatie aan."));
    OK(veilig_municipality_set_ambition(m, "Iedereen veilig, ook \xe2\x80\x99s nachts."));
    OK(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_WOMEN_GIRLS));
    OK(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_LGBTIQ));
    OK(veilig_municipality_add_setting(m, VEILIG_SETTING_PUBLIC_SPACE));
    OK(veilig_municipality_add_setting(m, VEILIG_SETTING_NIGHTLIFE));
    OK(veilig_municipality_add_focus(m, VEILIG_APPROACH_PREVENTION));
    OK(veilig_municipality_add_focus(m, VEILIG_APPROACH_SIGNALLING));
    veilig_exclusion *x = NULL;
    OK(veilig_municipality_add_exclusion(&x, m, VEILIG_APPROACH_ENFORCEMENT,
                                         "Strafrechtelijk nog niet mogelijk"));
    ck_assert_ptr_nonnull(x);
    veilig_policy_link *l = NULL;
    OK(veilig_municipality_add_policy_link(&l, m, "Integraal Veiligheidsbeleid"));
    OK(veilig_policy_link_set_kind(l, VEILIG_LINK_KIND_POLICY));
    OK(veilig_policy_link_set_relation(l, VEILIG_LINK_RELATION_EMBEDDED_IN));
    OK(veilig_policy_link_set_note(l, "High Impact Crimes"));
    OK(veilig_municipality_add_policy_link(&l, m, "Regenboogsteden"));
    OK(veilig_policy_link_set_kind(l, VEILIG_LINK_KIND_NETWORK));
    OK(veilig_policy_link_set_relation(l, VEILIG_LINK_RELATION_ALIGNED_WITH));

    veilig_stakeholder *s = NULL;
    OK(veilig_municipality_add_stakeholder(&s, m, "gemeente", "Gemeente Enschede",
                                           VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT));
    OK(veilig_stakeholder_add_role(s, VEILIG_ROLE_ACCOUNTABLE));
    OK(veilig_stakeholder_add_role(s, VEILIG_ROLE_FUNDING));
    OK(veilig_municipality_add_stakeholder(&s, m, "team-veiligheid", "Team Veiligheid",
                                           VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT));
    OK(veilig_stakeholder_add_role(s, VEILIG_ROLE_EXECUTING));
    OK(veilig_stakeholder_set_parent(s, "gemeente"));
    OK(veilig_stakeholder_set_note(s, "Co\xc3\xb6rdineert de aanpak"));
    OK(veilig_municipality_add_stakeholder(&s, m, "politie", "Politie Oost-Nederland",
                                           VEILIG_STAKEHOLDER_TYPE_POLICE));
    OK(veilig_stakeholder_add_role(s, VEILIG_ROLE_PARTNER));

    veilig_contact *c = NULL;
    OK(veilig_municipality_add_contact(&c, m));
    OK(veilig_contact_set_stakeholder(c, "team-veiligheid"));
    OK(veilig_contact_set_role(c, VEILIG_ROLE_CONTACT_POINT));
    OK(veilig_contact_set_name(c, "J. Jansen"));
    OK(veilig_contact_set_phone(c, "+31 53 000 0000"));
    OK(veilig_contact_set_email(c, "j.jansen@example.nl"));
    OK(veilig_contact_set_personal(c, 1));
    OK(veilig_municipality_add_contact(&c, m));
    OK(veilig_contact_set_stakeholder(c, "gemeente"));
    OK(veilig_contact_set_name(c, "Publieksbalie"));
    OK(veilig_contact_set_phone(c, "14 053"));

    /* a measure with every field */
    veilig_measure *ms = NULL;
    OK(veilig_municipality_add_measure(&ms, m, "pub-ploeg", "PUB-ploeg",
                                       VEILIG_CATEGORY_DEESCALATION));
    OK(veilig_measure_set_description(ms, "Een team dat de-escaleert."));
    OK(veilig_measure_set_approach(ms, VEILIG_APPROACH_PREVENTION));
    OK(veilig_measure_add_target_group(ms, VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS));
    OK(veilig_measure_add_target_group(ms, VEILIG_TARGET_GROUP_BYSTANDERS));
    OK(veilig_measure_add_setting(ms, VEILIG_SETTING_NIGHTLIFE));
    OK(veilig_measure_set_area_name(ms, "binnenstad"));
    OK(veilig_measure_set_area_note(ms, "rond de Oude Markt"));
    veilig_window *w = NULL;
    OK(veilig_measure_add_window(&w, ms));
    OK(veilig_window_add_day(w, VEILIG_DAY_FRI));
    OK(veilig_window_add_day(w, VEILIG_DAY_SAT));
    OK(veilig_window_set_hours(w, 22 * 60, 4 * 60));
    OK(veilig_window_set_note(w, "in de weekenden"));
    OK(veilig_measure_add_window(&w, ms));
    OK(veilig_window_add_day(w, VEILIG_DAY_SUN));
    OK(veilig_window_add_daypart(w, VEILIG_DAYPART_EVENING));
    OK(veilig_window_add_daypart(w, VEILIG_DAYPART_NIGHT));
    veilig_partner *pa = NULL;
    OK(veilig_measure_add_partner(&pa, ms, "team-veiligheid", VEILIG_ROLE_EXECUTING));
    OK(veilig_partner_set_note(pa, "met boa's"));
    OK(veilig_measure_add_partner(&pa, ms, "politie", VEILIG_ROLE_PARTNER));
    OK(veilig_measure_set_status(ms, VEILIG_MEASURE_STATE_ACTIVE));
    d = mkdate(2022, 3, 0);
    OK(veilig_measure_set_period_start(ms, &d));
    d = mkdate(2025, 0, 0);
    OK(veilig_measure_set_period_end(ms, &d));
    OK(veilig_measure_set_budget(ms, 1250050, "EUR"));
    veilig_date bs = mkdate(2023, 0, 0), be = mkdate(2023, 12, 31);
    OK(veilig_measure_set_budget_period(ms, &bs, &be));
    OK(veilig_measure_set_evidence(ms, VEILIG_EVIDENCE_WELL_DESCRIBED));
    OK(veilig_measure_add_indicator(ms, "meldingen"));
    OK(veilig_measure_add_indicator(ms, "veiligheidsgevoel"));

    /* a second, small measure; its approach defaults to its category's */
    OK(veilig_municipality_add_measure(NULL, m, "meldpunt", "Meldpunt", VEILIG_CATEGORY_REPORTING));

    /* indicators with baseline, target, observations */
    veilig_indicator *ind = NULL;
    OK(veilig_municipality_add_indicator(&ind, m, "meldingen", "Aantal meldingen"));
    OK(veilig_indicator_set_level(ind, VEILIG_RESULT_LEVEL_OUTPUT));
    OK(veilig_indicator_set_unit(ind, VEILIG_UNIT_COUNT));
    OK(veilig_indicator_set_direction(ind, VEILIG_DIRECTION_INCREASE));
    d = mkdate(2021, 0, 0);
    OK(veilig_indicator_set_baseline_date(ind, &d));
    OK(veilig_indicator_set_baseline_value(ind, 12.0));
    OK(veilig_indicator_set_baseline_note(ind, "eerste meting"));
    d = mkdate(2025, 0, 0);
    OK(veilig_indicator_set_target_date(ind, &d));
    OK(veilig_indicator_set_target_value(ind, 40.5));
    veilig_observation *o = NULL;
    d = mkdate(2022, 6, 0);
    OK(veilig_indicator_add_observation(&o, ind, &d, 18.0));
    OK(veilig_observation_set_source(o, "Meldpunt"));
    OK(veilig_observation_set_note(o, "halfjaar"));
    d = mkdate(2023, 6, 30);
    OK(veilig_indicator_add_observation(NULL, ind, &d, 0.25));
    OK(veilig_municipality_add_indicator(&ind, m, "veiligheidsgevoel", "Veiligheidsgevoel"));
    OK(veilig_indicator_set_unit(ind, VEILIG_UNIT_PERCENT));
    OK(veilig_indicator_set_direction(ind, VEILIG_DIRECTION_DECREASE));
    OK(veilig_indicator_set_level(ind, VEILIG_RESULT_LEVEL_OUTCOME));

    /* sources */
    veilig_source *src = NULL;
    OK(veilig_municipality_add_source(&src, m, "Veilige Steden: Enschede"));
    OK(veilig_source_set_publisher(src, "Movisie"));
    OK(veilig_source_set_url(src, "https://www.movisie.nl/enschede"));
    d = mkdate(2024, 5, 2);
    OK(veilig_source_set_retrieved(src, &d));

    /* a second municipality */
    veilig_municipality *m2 = NULL;
    OK(veilig_registry_add(&m2, reg, "GM0363", "Amsterdam"));
    OK(veilig_municipality_set_official_name(m2, "Gemeente Amsterdam"));
    OK(veilig_municipality_set_membership_status(m2, VEILIG_MEMBERSHIP_STATUS_FORMER));
    return reg;
}

/* Reads every field of build_full's document back through the getters. */
static void check_full(const veilig_registry *reg) {
    ck_assert_int_eq(veilig_registry_version(reg), 1);
    ck_assert_uint_eq(veilig_registry_count(reg), 2);

    const veilig_programme *p = veilig_registry_programme(reg);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(veilig_programme_name(p), "Veilige Steden");
    ck_assert_str_eq(veilig_programme_operator(p), "Movisie");
    const veilig_contact *pc = veilig_programme_contact(p);
    ck_assert_ptr_nonnull(pc);
    ck_assert_int_eq(veilig_contact_role(pc), VEILIG_ROLE_CONTACT_POINT);
    ck_assert_str_eq(veilig_contact_role_code(pc), "contact_point");
    ck_assert_str_eq(veilig_contact_name(pc), "Programmateam");
    ck_assert_str_eq(veilig_contact_email(pc), "veiligesteden@example.nl");
    ck_assert_str_eq(veilig_contact_phone(pc), "030 000 0000");
    ck_assert_ptr_null(veilig_contact_stakeholder(pc));
    ck_assert_int_eq(veilig_contact_personal(pc), 0);
    ck_assert_uint_eq(veilig_programme_source_count(p), 2);
    const veilig_source *ps = veilig_programme_source(p, 0);
    ck_assert_str_eq(veilig_source_title(ps), "Veilige Steden");
    ck_assert_str_eq(veilig_source_publisher(ps), "Movisie");
    ck_assert_str_eq(veilig_source_url(ps), "https://www.movisie.nl/veilige-steden");
    ASSERT_DATE(veilig_source_retrieved, ps, 2024, 5, 1);
    ps = veilig_programme_source(p, 1);
    ck_assert_str_eq(veilig_source_title(ps), "Tweede bron");
    ck_assert_ptr_null(veilig_source_publisher(ps));
    ck_assert_ptr_null(veilig_source_url(ps));
    ASSERT_NO_DATE(veilig_source_retrieved, ps);
    ck_assert_ptr_null(veilig_programme_source(p, 2));

    const veilig_municipality *m = veilig_registry_get(reg, 0);
    ck_assert_ptr_nonnull(m);
    ck_assert_ptr_eq(veilig_municipality_registry(m), reg);
    ck_assert_str_eq(veilig_municipality_code(m), "GM0153");
    ck_assert_str_eq(veilig_municipality_name(m), "Enschede");
    ck_assert_str_eq(veilig_municipality_official_name(m), "Gemeente Enschede");
    ck_assert_str_eq(veilig_municipality_province(m), "NL-OV");
    ASSERT_DATE(veilig_municipality_membership_joined, m, 2021, 10, 0);
    ASSERT_DATE(veilig_municipality_membership_start, m, 2021, 0, 0);
    ASSERT_DATE(veilig_municipality_membership_end, m, 2024, 12, 31);
    ck_assert_int_eq(veilig_municipality_membership_status(m), VEILIG_MEMBERSHIP_STATUS_ACTIVE);
    ck_assert_str_eq(veilig_municipality_membership_status_code(m), "active");
    ck_assert_str_eq(veilig_municipality_membership_note(m), "Een van de eerste steden");
    ck_assert_str_eq(veilig_municipality_summary(m), "Enschede pakt straatintimidatie aan.");
    ck_assert_str_eq(veilig_municipality_ambition(m), "Iedereen veilig, ook \xe2\x80\x99s nachts.");
    ck_assert_uint_eq(veilig_municipality_target_group_count(m), 2);
    ck_assert_int_eq(veilig_municipality_target_group(m, 0), VEILIG_TARGET_GROUP_WOMEN_GIRLS);
    ck_assert_int_eq(veilig_municipality_target_group(m, 1), VEILIG_TARGET_GROUP_LGBTIQ);
    ck_assert_str_eq(veilig_municipality_target_group_code(m, 0), "women_girls");
    ck_assert_str_eq(veilig_municipality_target_group_code(m, 1), "lgbtiq");
    ck_assert_int_eq(veilig_municipality_target_group(m, 2), VEILIG_TARGET_GROUP_OTHER);
    ck_assert_ptr_null(veilig_municipality_target_group_code(m, 2));
    ck_assert_uint_eq(veilig_municipality_setting_count(m), 2);
    ck_assert_int_eq(veilig_municipality_setting(m, 0), VEILIG_SETTING_PUBLIC_SPACE);
    ck_assert_int_eq(veilig_municipality_setting(m, 1), VEILIG_SETTING_NIGHTLIFE);
    ck_assert_str_eq(veilig_municipality_setting_code(m, 1), "nightlife");
    ck_assert_uint_eq(veilig_municipality_focus_count(m), 2);
    ck_assert_int_eq(veilig_municipality_focus(m, 0), VEILIG_APPROACH_PREVENTION);
    ck_assert_int_eq(veilig_municipality_focus(m, 1), VEILIG_APPROACH_SIGNALLING);
    ck_assert_str_eq(veilig_municipality_focus_code(m, 0), "prevention");
    ck_assert_str_eq(veilig_municipality_focus_code(m, 1), "signalling");

    ck_assert_uint_eq(veilig_municipality_exclusion_count(m), 1);
    const veilig_exclusion *x = veilig_municipality_exclusion(m, 0);
    ck_assert_int_eq(veilig_exclusion_approach(x), VEILIG_APPROACH_ENFORCEMENT);
    ck_assert_str_eq(veilig_exclusion_approach_code(x), "enforcement");
    ck_assert_str_eq(veilig_exclusion_reason(x), "Strafrechtelijk nog niet mogelijk");
    ck_assert_ptr_null(veilig_municipality_exclusion(m, 1));

    ck_assert_uint_eq(veilig_municipality_policy_link_count(m), 2);
    const veilig_policy_link *l = veilig_municipality_policy_link(m, 0);
    ck_assert_str_eq(veilig_policy_link_name(l), "Integraal Veiligheidsbeleid");
    ck_assert_int_eq(veilig_policy_link_kind(l), VEILIG_LINK_KIND_POLICY);
    ck_assert_str_eq(veilig_policy_link_kind_code(l), "policy");
    ck_assert_int_eq(veilig_policy_link_relation(l), VEILIG_LINK_RELATION_EMBEDDED_IN);
    ck_assert_str_eq(veilig_policy_link_relation_code(l), "embedded_in");
    ck_assert_str_eq(veilig_policy_link_note(l), "High Impact Crimes");
    l = veilig_municipality_policy_link(m, 1);
    ck_assert_str_eq(veilig_policy_link_name(l), "Regenboogsteden");
    ck_assert_int_eq(veilig_policy_link_kind(l), VEILIG_LINK_KIND_NETWORK);
    ck_assert_int_eq(veilig_policy_link_relation(l), VEILIG_LINK_RELATION_ALIGNED_WITH);
    ck_assert_ptr_null(veilig_policy_link_note(l));

    ck_assert_uint_eq(veilig_municipality_stakeholder_count(m), 3);
    const veilig_stakeholder *s = veilig_municipality_stakeholder(m, 0);
    ck_assert_ptr_eq(veilig_stakeholder_municipality(s), m);
    ck_assert_str_eq(veilig_stakeholder_id(s), "gemeente");
    ck_assert_str_eq(veilig_stakeholder_name(s), "Gemeente Enschede");
    ck_assert_int_eq(veilig_stakeholder_kind(s), VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT);
    ck_assert_str_eq(veilig_stakeholder_kind_code(s), "municipal_department");
    ck_assert_uint_eq(veilig_stakeholder_role_count(s), 2);
    ck_assert_int_eq(veilig_stakeholder_role(s, 0), VEILIG_ROLE_ACCOUNTABLE);
    ck_assert_int_eq(veilig_stakeholder_role(s, 1), VEILIG_ROLE_FUNDING);
    ck_assert_str_eq(veilig_stakeholder_role_code(s, 0), "accountable");
    ck_assert_str_eq(veilig_stakeholder_role_code(s, 1), "funding");
    ck_assert_ptr_null(veilig_stakeholder_parent(s));
    ck_assert_ptr_null(veilig_stakeholder_note(s));
    s = veilig_municipality_stakeholder(m, 1);
    ck_assert_str_eq(veilig_stakeholder_id(s), "team-veiligheid");
    ck_assert_str_eq(veilig_stakeholder_name(s), "Team Veiligheid");
    ck_assert_uint_eq(veilig_stakeholder_role_count(s), 1);
    ck_assert_int_eq(veilig_stakeholder_role(s, 0), VEILIG_ROLE_EXECUTING);
    ck_assert_str_eq(veilig_stakeholder_parent(s), "gemeente");
    ck_assert_str_eq(veilig_stakeholder_note(s), "Co\xc3\xb6rdineert de aanpak");
    ck_assert_ptr_eq(veilig_municipality_find_stakeholder(m, "team-veiligheid"), s);
    s = veilig_municipality_stakeholder(m, 2);
    ck_assert_str_eq(veilig_stakeholder_id(s), "politie");
    ck_assert_int_eq(veilig_stakeholder_kind(s), VEILIG_STAKEHOLDER_TYPE_POLICE);
    ck_assert_ptr_eq(veilig_municipality_find_stakeholder(m, "politie"), s);
    ck_assert_ptr_eq(veilig_municipality_find_stakeholder(m, "gemeente"),
                     veilig_municipality_stakeholder(m, 0));
    ck_assert_ptr_null(veilig_municipality_find_stakeholder(m, "Gemeente"));

    ck_assert_uint_eq(veilig_municipality_contact_count(m), 2);
    const veilig_contact *c = veilig_municipality_contact(m, 0);
    ck_assert_str_eq(veilig_contact_stakeholder(c), "team-veiligheid");
    ck_assert_int_eq(veilig_contact_role(c), VEILIG_ROLE_CONTACT_POINT);
    ck_assert_str_eq(veilig_contact_name(c), "J. Jansen");
    ck_assert_str_eq(veilig_contact_phone(c), "+31 53 000 0000");
    ck_assert_str_eq(veilig_contact_email(c), "j.jansen@example.nl");
    ck_assert_int_eq(veilig_contact_personal(c), 1);
    c = veilig_municipality_contact(m, 1);
    ck_assert_str_eq(veilig_contact_stakeholder(c), "gemeente");
    ck_assert_int_eq(veilig_contact_role(c), VEILIG_ROLE_OTHER);
    ck_assert_ptr_null(veilig_contact_role_code(c));
    ck_assert_str_eq(veilig_contact_name(c), "Publieksbalie");
    ck_assert_str_eq(veilig_contact_phone(c), "14 053");
    ck_assert_ptr_null(veilig_contact_email(c));
    ck_assert_int_eq(veilig_contact_personal(c), 0);

    ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
    const veilig_measure *ms = veilig_municipality_measure(m, 0);
    ck_assert_ptr_eq(veilig_measure_municipality(ms), m);
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "pub-ploeg"), ms);
    ck_assert_str_eq(veilig_measure_id(ms), "pub-ploeg");
    ck_assert_str_eq(veilig_measure_name(ms), "PUB-ploeg");
    ck_assert_str_eq(veilig_measure_description(ms), "Een team dat de-escaleert.");
    ck_assert_int_eq(veilig_measure_category(ms), VEILIG_CATEGORY_DEESCALATION);
    ck_assert_str_eq(veilig_measure_category_code(ms), "deescalation");
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_PREVENTION);
    ck_assert_str_eq(veilig_measure_approach_code(ms), "prevention");
    ck_assert_uint_eq(veilig_measure_target_group_count(ms), 2);
    ck_assert_int_eq(veilig_measure_target_group(ms, 0), VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS);
    ck_assert_int_eq(veilig_measure_target_group(ms, 1), VEILIG_TARGET_GROUP_BYSTANDERS);
    ck_assert_str_eq(veilig_measure_target_group_code(ms, 0), "nightlife_visitors");
    ck_assert_uint_eq(veilig_measure_setting_count(ms), 1);
    ck_assert_int_eq(veilig_measure_setting(ms, 0), VEILIG_SETTING_NIGHTLIFE);
    ck_assert_str_eq(veilig_measure_setting_code(ms, 0), "nightlife");
    ck_assert_str_eq(veilig_measure_area_name(ms), "binnenstad");
    ck_assert_str_eq(veilig_measure_area_note(ms), "rond de Oude Markt");

    ck_assert_uint_eq(veilig_measure_window_count(ms), 2);
    const veilig_window *w = veilig_measure_window(ms, 0);
    ck_assert_uint_eq(veilig_window_day_count(w), 2);
    ck_assert_int_eq(veilig_window_day(w, 0), VEILIG_DAY_FRI);
    ck_assert_int_eq(veilig_window_day(w, 1), VEILIG_DAY_SAT);
    ck_assert_str_eq(veilig_window_day_code(w, 0), "fri");
    ck_assert_str_eq(veilig_window_day_code(w, 1), "sat");
    ck_assert_uint_eq(veilig_window_daypart_count(w), 0);
    ck_assert_int_eq(veilig_window_from(w), 22 * 60);
    ck_assert_int_eq(veilig_window_to(w), 4 * 60);
    ck_assert_str_eq(veilig_window_note(w), "in de weekenden");
    w = veilig_measure_window(ms, 1);
    ck_assert_uint_eq(veilig_window_day_count(w), 1);
    ck_assert_int_eq(veilig_window_day(w, 0), VEILIG_DAY_SUN);
    ck_assert_uint_eq(veilig_window_daypart_count(w), 2);
    ck_assert_int_eq(veilig_window_daypart(w, 0), VEILIG_DAYPART_EVENING);
    ck_assert_int_eq(veilig_window_daypart(w, 1), VEILIG_DAYPART_NIGHT);
    ck_assert_str_eq(veilig_window_daypart_code(w, 0), "evening");
    ck_assert_str_eq(veilig_window_daypart_code(w, 1), "night");
    ck_assert_int_eq(veilig_window_from(w), -1);
    ck_assert_int_eq(veilig_window_to(w), -1);
    ck_assert_ptr_null(veilig_window_note(w));
    ck_assert_ptr_null(veilig_measure_window(ms, 2));

    ck_assert_uint_eq(veilig_measure_partner_count(ms), 2);
    const veilig_partner *pa = veilig_measure_partner(ms, 0);
    ck_assert_str_eq(veilig_partner_stakeholder(pa), "team-veiligheid");
    ck_assert_int_eq(veilig_partner_role(pa), VEILIG_ROLE_EXECUTING);
    ck_assert_str_eq(veilig_partner_role_code(pa), "executing");
    ck_assert_str_eq(veilig_partner_note(pa), "met boa's");
    pa = veilig_measure_partner(ms, 1);
    ck_assert_str_eq(veilig_partner_stakeholder(pa), "politie");
    ck_assert_int_eq(veilig_partner_role(pa), VEILIG_ROLE_PARTNER);
    ck_assert_ptr_null(veilig_partner_note(pa));

    ck_assert_int_eq(veilig_measure_status(ms), VEILIG_MEASURE_STATE_ACTIVE);
    ck_assert_str_eq(veilig_measure_status_code(ms), "active");
    ASSERT_DATE(veilig_measure_period_start, ms, 2022, 3, 0);
    ASSERT_DATE(veilig_measure_period_end, ms, 2025, 0, 0);
    int64_t cents = -1;
    OK(veilig_measure_budget_cents(&cents, ms));
    ck_assert_int_eq(cents, 1250050);
    ck_assert_str_eq(veilig_measure_budget_currency(ms), "EUR");
    ASSERT_DATE(veilig_measure_budget_start, ms, 2023, 0, 0);
    ASSERT_DATE(veilig_measure_budget_end, ms, 2023, 12, 31);
    ck_assert_int_eq(veilig_measure_evidence(ms), VEILIG_EVIDENCE_WELL_DESCRIBED);
    ck_assert_str_eq(veilig_measure_evidence_code(ms), "well_described");
    ck_assert_uint_eq(veilig_measure_indicator_count(ms), 2);
    ck_assert_str_eq(veilig_measure_indicator(ms, 0), "meldingen");
    ck_assert_str_eq(veilig_measure_indicator(ms, 1), "veiligheidsgevoel");
    ck_assert_ptr_null(veilig_measure_indicator(ms, 2));

    ms = veilig_municipality_measure(m, 1);
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "meldpunt"), ms);
    ck_assert_str_eq(veilig_measure_id(ms), "meldpunt");
    ck_assert_str_eq(veilig_measure_name(ms), "Meldpunt");
    ck_assert_ptr_null(veilig_measure_description(ms));
    ck_assert_int_eq(veilig_measure_category(ms), VEILIG_CATEGORY_REPORTING);
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_SIGNALLING);
    ck_assert_ptr_null(veilig_measure_approach_code(ms));
    ck_assert_uint_eq(veilig_measure_target_group_count(ms), 0);
    ck_assert_uint_eq(veilig_measure_window_count(ms), 0);
    ck_assert_uint_eq(veilig_measure_partner_count(ms), 0);
    ck_assert_int_eq(veilig_measure_status(ms), VEILIG_MEASURE_STATE_OTHER);
    ck_assert_ptr_null(veilig_measure_status_code(ms));
    ASSERT_NO_DATE(veilig_measure_period_start, ms);
    ck_assert_int_eq(veilig_measure_budget_cents(&cents, ms), VEILIG_ENOTFOUND);
    ck_assert_ptr_null(veilig_measure_budget_currency(ms));
    ASSERT_NO_DATE(veilig_measure_budget_start, ms);
    ck_assert_int_eq(veilig_measure_evidence(ms), VEILIG_EVIDENCE_OTHER);
    ck_assert_ptr_null(veilig_measure_area_name(ms));

    ck_assert_uint_eq(veilig_municipality_indicator_count(m), 2);
    const veilig_indicator *ind = veilig_municipality_indicator(m, 0);
    ck_assert_ptr_eq(veilig_indicator_municipality(ind), m);
    ck_assert_ptr_eq(veilig_municipality_find_indicator(m, "meldingen"), ind);
    ck_assert_str_eq(veilig_indicator_id(ind), "meldingen");
    ck_assert_str_eq(veilig_indicator_name(ind), "Aantal meldingen");
    ck_assert_int_eq(veilig_indicator_level(ind), VEILIG_RESULT_LEVEL_OUTPUT);
    ck_assert_str_eq(veilig_indicator_level_code(ind), "output");
    ck_assert_int_eq(veilig_indicator_unit(ind), VEILIG_UNIT_COUNT);
    ck_assert_str_eq(veilig_indicator_unit_code(ind), "count");
    ck_assert_int_eq(veilig_indicator_direction(ind), VEILIG_DIRECTION_INCREASE);
    ck_assert_str_eq(veilig_indicator_direction_code(ind), "increase");
    ASSERT_DATE(veilig_indicator_baseline_date, ind, 2021, 0, 0);
    ASSERT_NUM(veilig_indicator_baseline_value, ind, 12.0);
    ck_assert_str_eq(veilig_indicator_baseline_note(ind), "eerste meting");
    ASSERT_DATE(veilig_indicator_target_date, ind, 2025, 0, 0);
    ASSERT_NUM(veilig_indicator_target_value, ind, 40.5);
    ck_assert_uint_eq(veilig_indicator_observation_count(ind), 2);
    const veilig_observation *o = veilig_indicator_observation(ind, 0);
    ASSERT_DATE(veilig_observation_date, o, 2022, 6, 0);
    ASSERT_NUM(veilig_observation_value, o, 18.0);
    ck_assert_str_eq(veilig_observation_source(o), "Meldpunt");
    ck_assert_str_eq(veilig_observation_note(o), "halfjaar");
    o = veilig_indicator_observation(ind, 1);
    ASSERT_DATE(veilig_observation_date, o, 2023, 6, 30);
    ASSERT_NUM(veilig_observation_value, o, 0.25);
    ck_assert_ptr_null(veilig_observation_source(o));
    ck_assert_ptr_null(veilig_observation_note(o));
    ck_assert_ptr_null(veilig_indicator_observation(ind, 2));
    ind = veilig_municipality_indicator(m, 1);
    ck_assert_str_eq(veilig_indicator_id(ind), "veiligheidsgevoel");
    ck_assert_int_eq(veilig_indicator_unit(ind), VEILIG_UNIT_PERCENT);
    ck_assert_int_eq(veilig_indicator_direction(ind), VEILIG_DIRECTION_DECREASE);
    ck_assert_int_eq(veilig_indicator_level(ind), VEILIG_RESULT_LEVEL_OUTCOME);
    double v = -1;
    ck_assert_int_eq(veilig_indicator_baseline_value(&v, ind), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_indicator_target_value(&v, ind), VEILIG_ENOTFOUND);
    ASSERT_NO_DATE(veilig_indicator_baseline_date, ind);
    ck_assert_ptr_null(veilig_indicator_baseline_note(ind));
    ck_assert_uint_eq(veilig_indicator_observation_count(ind), 0);

    ck_assert_uint_eq(veilig_municipality_source_count(m), 1);
    const veilig_source *src = veilig_municipality_source(m, 0);
    ck_assert_str_eq(veilig_source_title(src), "Veilige Steden: Enschede");
    ck_assert_str_eq(veilig_source_publisher(src), "Movisie");
    ck_assert_str_eq(veilig_source_url(src), "https://www.movisie.nl/enschede");
    ASSERT_DATE(veilig_source_retrieved, src, 2024, 5, 2);

    const veilig_municipality *m2 = veilig_registry_get(reg, 1);
    ck_assert_str_eq(veilig_municipality_code(m2), "GM0363");
    ck_assert_str_eq(veilig_municipality_name(m2), "Amsterdam");
    ck_assert_str_eq(veilig_municipality_official_name(m2), "Gemeente Amsterdam");
    ck_assert_int_eq(veilig_municipality_membership_status(m2), VEILIG_MEMBERSHIP_STATUS_FORMER);
    ck_assert_ptr_null(veilig_municipality_province(m2));
    ck_assert_ptr_null(veilig_municipality_summary(m2));
    ck_assert_uint_eq(veilig_municipality_measure_count(m2), 0);
    ASSERT_NO_DATE(veilig_municipality_membership_joined, m2);
    ck_assert_ptr_null(veilig_registry_get(reg, 2));
}

START_TEST(test_build_and_read_back) {
    veilig_registry *reg = build_full();
    check_full(reg);
    /* the _mut getters give the same objects */
    veilig_municipality *m = veilig_registry_get_mut(reg, 0);
    ck_assert_ptr_eq(m, veilig_registry_get(reg, 0));
    ck_assert_ptr_eq(veilig_municipality_measure_mut(m, 0), veilig_municipality_measure(m, 0));
    ck_assert_ptr_eq(veilig_municipality_stakeholder_mut(m, 1),
                     veilig_municipality_stakeholder(m, 1));
    ck_assert_ptr_eq(veilig_municipality_indicator_mut(m, 0), veilig_municipality_indicator(m, 0));
    ck_assert_ptr_eq(veilig_municipality_contact_mut(m, 0), veilig_municipality_contact(m, 0));
    ck_assert_ptr_eq(veilig_municipality_source_mut(m, 0), veilig_municipality_source(m, 0));
    ck_assert_ptr_eq(veilig_municipality_exclusion_mut(m, 0), veilig_municipality_exclusion(m, 0));
    ck_assert_ptr_eq(veilig_municipality_policy_link_mut(m, 1),
                     veilig_municipality_policy_link(m, 1));
    ck_assert_ptr_null(veilig_municipality_measure_mut(m, 2));
    veilig_measure *ms = veilig_municipality_measure_mut(m, 0);
    ck_assert_ptr_eq(veilig_measure_window_mut(ms, 1), veilig_measure_window(ms, 1));
    ck_assert_ptr_eq(veilig_measure_partner_mut(ms, 0), veilig_measure_partner(ms, 0));
    veilig_programme *p = veilig_registry_programme_mut(reg);
    ck_assert_ptr_eq(p, veilig_registry_programme(reg));
    ck_assert_ptr_eq(veilig_programme_contact_mut(p), veilig_programme_contact(p));
    ck_assert_ptr_eq(veilig_programme_source_mut(p, 0), veilig_programme_source(p, 0));
    veilig_indicator *ind = veilig_municipality_indicator_mut(m, 0);
    ck_assert_ptr_eq(veilig_indicator_observation_mut(ind, 1),
                     veilig_indicator_observation(ind, 1));
    ck_assert_ptr_eq(veilig_registry_find_mut(reg, "GM0363"), veilig_registry_get(reg, 1));
    /* set_programme on a registry that has one gives the existing one */
    veilig_programme *p2 = NULL;
    OK(veilig_registry_set_programme(&p2, reg));
    ck_assert_ptr_eq(p2, p);
    ck_assert_str_eq(veilig_programme_name(p2), "Veilige Steden");
    veilig_registry_free(reg);
}
END_TEST

/* Changing values: a second set replaces, NULL removes optional values. */
START_TEST(test_change_values) {
    veilig_registry *reg = build_full();
    veilig_municipality *m = veilig_registry_get_mut(reg, 0);
    OK(veilig_municipality_set_summary(m, "Nieuw"));
    ck_assert_str_eq(veilig_municipality_summary(m), "Nieuw");
    OK(veilig_municipality_set_summary(m, NULL));
    ck_assert_ptr_null(veilig_municipality_summary(m));
    OK(veilig_municipality_set_province(m, NULL));
    ck_assert_ptr_null(veilig_municipality_province(m));
    OK(veilig_municipality_set_membership_joined(m, NULL));
    ASSERT_NO_DATE(veilig_municipality_membership_joined, m);
    OK(veilig_municipality_set_membership_status(m, VEILIG_MEMBERSHIP_STATUS_OTHER));
    ck_assert_ptr_null(veilig_municipality_membership_status_code(m));
    RC(veilig_municipality_set_membership_status(m, (veilig_membership_status)4), VEILIG_EINVAL);
    RC(veilig_municipality_set_membership_status(m, (veilig_membership_status)-1), VEILIG_EINVAL);
    ck_assert_ptr_null(veilig_municipality_membership_status_code(m));

    /* enum lists: duplicates, _OTHER and out-of-range values are refused */
    RC(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_LGBTIQ), VEILIG_EEXISTS);
    RC(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_OTHER), VEILIG_EINVAL);
    RC(veilig_municipality_add_target_group(m, (veilig_target_group)17), VEILIG_EINVAL);
    RC(veilig_municipality_add_setting(m, VEILIG_SETTING_NIGHTLIFE), VEILIG_EEXISTS);
    RC(veilig_municipality_add_focus(m, VEILIG_APPROACH_PREVENTION), VEILIG_EEXISTS);
    RC(veilig_municipality_add_focus(m, (veilig_approach)5), VEILIG_EINVAL);
    ck_assert_uint_eq(veilig_municipality_target_group_count(m), 2);
    OK(veilig_municipality_remove_target_group(m, 0));
    ck_assert_uint_eq(veilig_municipality_target_group_count(m), 1);
    ck_assert_int_eq(veilig_municipality_target_group(m, 0), VEILIG_TARGET_GROUP_LGBTIQ);
    RC(veilig_municipality_remove_target_group(m, 1), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_setting(m, 1));
    ck_assert_int_eq(veilig_municipality_setting(m, 0), VEILIG_SETTING_PUBLIC_SPACE);
    RC(veilig_municipality_remove_focus(m, 5), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_focus(m, 1));
    ck_assert_uint_eq(veilig_municipality_focus_count(m), 1);

    veilig_measure *ms = veilig_municipality_measure_mut(m, 0);
    veilig_window *w = veilig_measure_window_mut(ms, 0);
    RC(veilig_window_add_day(w, VEILIG_DAY_FRI), VEILIG_EEXISTS);
    RC(veilig_window_add_day(w, (veilig_day)8), VEILIG_EINVAL);
    RC(veilig_window_add_daypart(w, VEILIG_DAYPART_OTHER), VEILIG_EINVAL);
    OK(veilig_window_remove_day(w, 0));
    ck_assert_int_eq(veilig_window_day(w, 0), VEILIG_DAY_SAT);
    RC(veilig_window_remove_daypart(w, 0), VEILIG_ENOTFOUND);
    OK(veilig_window_set_note(w, NULL));
    ck_assert_ptr_null(veilig_window_note(w));
    veilig_stakeholder *s = veilig_municipality_stakeholder_mut(m, 0);
    RC(veilig_stakeholder_add_role(s, VEILIG_ROLE_FUNDING), VEILIG_EEXISTS);
    OK(veilig_stakeholder_remove_role(s, 0));
    ck_assert_int_eq(veilig_stakeholder_role(s, 0), VEILIG_ROLE_FUNDING);
    RC(veilig_stakeholder_remove_role(s, 1), VEILIG_ENOTFOUND);
    OK(veilig_stakeholder_set_kind(s, VEILIG_STAKEHOLDER_TYPE_OTHER_KIND));
    ck_assert_str_eq(veilig_stakeholder_kind_code(s), "other");
    OK(veilig_stakeholder_set_kind(s, VEILIG_STAKEHOLDER_TYPE_OTHER));
    ck_assert_ptr_null(veilig_stakeholder_kind_code(s));

    RC(veilig_measure_add_indicator(ms, "meldingen"), VEILIG_EEXISTS);
    RC(veilig_measure_add_indicator(ms, ""), VEILIG_EINVAL);
    RC(veilig_measure_add_indicator(ms, NULL), VEILIG_EINVAL);
    OK(veilig_measure_remove_indicator(ms, 0));
    ck_assert_str_eq(veilig_measure_indicator(ms, 0), "veiligheidsgevoel");
    RC(veilig_measure_remove_indicator(ms, 1), VEILIG_ENOTFOUND);

    /* the budget */
    OK(veilig_measure_set_budget(ms, 0, NULL));
    int64_t cents = -1;
    OK(veilig_measure_budget_cents(&cents, ms));
    ck_assert_int_eq(cents, 0);
    ck_assert_str_eq(veilig_measure_budget_currency(ms), "EUR");
    /* the budget period is kept */
    ASSERT_DATE(veilig_measure_budget_start, ms, 2023, 0, 0);
    OK(veilig_measure_set_budget(ms, 99, "USD"));
    ck_assert_str_eq(veilig_measure_budget_currency(ms), "USD");
    OK(veilig_measure_set_budget_period(ms, NULL, NULL));
    ASSERT_NO_DATE(veilig_measure_budget_start, ms);
    ASSERT_NO_DATE(veilig_measure_budget_end, ms);
    veilig_measure_clear_budget(ms);
    RC(veilig_measure_budget_cents(&cents, ms), VEILIG_ENOTFOUND);
    ck_assert_ptr_null(veilig_measure_budget_currency(ms));
    veilig_date d = mkdate(2024, 0, 0);
    RC(veilig_measure_set_budget_period(ms, &d, NULL), VEILIG_ENOTFOUND);

    /* numbers */
    veilig_indicator *ind = veilig_municipality_indicator_mut(m, 0);
    RC(veilig_indicator_set_baseline_value(ind, NAN), VEILIG_EINVAL);
    RC(veilig_indicator_set_target_value(ind, INFINITY), VEILIG_EINVAL);
    RC(veilig_indicator_set_target_value(ind, -INFINITY), VEILIG_EINVAL);
    ASSERT_NUM(veilig_indicator_baseline_value, ind, 12.0);
    ASSERT_NUM(veilig_indicator_target_value, ind, 40.5);
    veilig_indicator_clear_baseline_value(ind);
    double v = 0;
    RC(veilig_indicator_baseline_value(&v, ind), VEILIG_ENOTFOUND);
    veilig_indicator_clear_target_value(ind);
    RC(veilig_indicator_target_value(&v, ind), VEILIG_ENOTFOUND);
    OK(veilig_indicator_set_baseline_value(ind, -0.5));
    ASSERT_NUM(veilig_indicator_baseline_value, ind, -0.5);
    veilig_observation *o = veilig_indicator_observation_mut(ind, 0);
    RC(veilig_observation_set_value(o, NAN), VEILIG_EINVAL);
    ASSERT_NUM(veilig_observation_value, o, 18.0);
    OK(veilig_observation_set_value(o, 19.5));
    ASSERT_NUM(veilig_observation_value, o, 19.5);
    RC(veilig_observation_set_date(o, NULL), VEILIG_EINVAL);
    ASSERT_DATE(veilig_observation_date, o, 2022, 6, 0);
    d = mkdate(2022, 7, 1);
    OK(veilig_observation_set_date(o, &d));
    ASSERT_DATE(veilig_observation_date, o, 2022, 7, 1);
    RC(veilig_indicator_add_observation(NULL, ind, NULL, 1.0), VEILIG_EINVAL);
    RC(veilig_indicator_add_observation(NULL, ind, &d, NAN), VEILIG_EINVAL);
    d = mkdate(2022, 2, 30);
    RC(veilig_indicator_add_observation(NULL, ind, &d, 1.0), VEILIG_EINVAL);
    ck_assert_uint_eq(veilig_indicator_observation_count(ind), 2);
    OK(veilig_indicator_remove_observation(ind, 0));
    ck_assert_uint_eq(veilig_indicator_observation_count(ind), 1);
    ASSERT_NUM(veilig_observation_value, veilig_indicator_observation(ind, 0), 0.25);
    RC(veilig_indicator_remove_observation(ind, 1), VEILIG_ENOTFOUND);

    /* contact personal: any nonzero is 1, 0 removes */
    veilig_contact *c = veilig_municipality_contact_mut(m, 1);
    OK(veilig_contact_set_personal(c, 5));
    ck_assert_int_eq(veilig_contact_personal(c), 1);
    OK(veilig_contact_set_personal(c, 0));
    ck_assert_int_eq(veilig_contact_personal(c), 0);

    /* programme: clear the contact, then the whole block */
    veilig_programme *p = veilig_registry_programme_mut(reg);
    veilig_programme_clear_contact(p);
    ck_assert_ptr_null(veilig_programme_contact(p));
    OK(veilig_programme_remove_source(p, 0));
    ck_assert_str_eq(veilig_source_title(veilig_programme_source(p, 0)), "Tweede bron");
    RC(veilig_programme_remove_source(p, 1), VEILIG_ENOTFOUND);
    veilig_registry_clear_programme(reg);
    ck_assert_ptr_null(veilig_registry_programme(reg));
    veilig_registry_free(reg);
}
END_TEST

/* ---- errors ---- */

START_TEST(test_null_objects) {
    veilig_date d = mkdate(2021, 0, 0);
    double v = 0;
    int64_t cents = 0;
    RC(veilig_registry_new(NULL), VEILIG_EINVAL);
    ck_assert_uint_eq(veilig_registry_count(NULL), 0);
    ck_assert_ptr_null(veilig_registry_get(NULL, 0));
    ck_assert_ptr_null(veilig_registry_find(NULL, "GM0153"));
    ck_assert_ptr_null(veilig_registry_programme(NULL));
    ck_assert_uint_eq(veilig_registry_index_of(NULL, NULL), (size_t)-1);
    RC(veilig_registry_add(NULL, NULL, "GM0001", "X"), VEILIG_EINVAL);
    RC(veilig_registry_remove(NULL, 0), VEILIG_EINVAL);
    RC(veilig_registry_set_programme(NULL, NULL), VEILIG_EINVAL);
    veilig_registry_clear_programme(NULL);

    ck_assert_ptr_null(veilig_municipality_code(NULL));
    ck_assert_ptr_null(veilig_municipality_name(NULL));
    ck_assert_ptr_null(veilig_municipality_summary(NULL));
    ck_assert_uint_eq(veilig_municipality_measure_count(NULL), 0);
    ck_assert_ptr_null(veilig_municipality_measure(NULL, 0));
    ck_assert_uint_eq(veilig_municipality_target_group_count(NULL), 0);
    ck_assert_int_eq(veilig_municipality_target_group(NULL, 0), VEILIG_TARGET_GROUP_OTHER);
    ck_assert_ptr_null(veilig_municipality_target_group_code(NULL, 0));
    ck_assert_int_eq(veilig_municipality_membership_status(NULL), VEILIG_MEMBERSHIP_STATUS_OTHER);
    ck_assert_ptr_null(veilig_municipality_membership_status_code(NULL));
    RC(veilig_municipality_membership_joined(&d, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(veilig_municipality_registry(NULL));
    ck_assert_ptr_null(veilig_municipality_find_measure(NULL, "x"));
    ck_assert_ptr_null(veilig_municipality_find_stakeholder(NULL, "x"));
    ck_assert_ptr_null(veilig_municipality_find_indicator(NULL, "x"));
    RC(veilig_municipality_set_code(NULL, "GM0001"), VEILIG_EINVAL);
    RC(veilig_municipality_set_name(NULL, "X"), VEILIG_EINVAL);
    RC(veilig_municipality_set_summary(NULL, "X"), VEILIG_EINVAL);
    RC(veilig_municipality_set_membership_joined(NULL, &d), VEILIG_EINVAL);
    RC(veilig_municipality_set_membership_status(NULL, VEILIG_MEMBERSHIP_STATUS_ACTIVE),
       VEILIG_EINVAL);
    RC(veilig_municipality_add_target_group(NULL, VEILIG_TARGET_GROUP_YOUTH), VEILIG_EINVAL);
    RC(veilig_municipality_remove_target_group(NULL, 0), VEILIG_EINVAL);
    RC(veilig_municipality_add_measure(NULL, NULL, "a", "A", VEILIG_CATEGORY_CAMPAIGN),
       VEILIG_EINVAL);
    RC(veilig_municipality_remove_measure(NULL, 0), VEILIG_EINVAL);
    RC(veilig_municipality_add_stakeholder(NULL, NULL, "a", "A", VEILIG_STAKEHOLDER_TYPE_POLICE),
       VEILIG_EINVAL);
    RC(veilig_municipality_add_indicator(NULL, NULL, "a", "A"), VEILIG_EINVAL);
    RC(veilig_municipality_add_contact(NULL, NULL), VEILIG_EINVAL);
    RC(veilig_municipality_add_source(NULL, NULL, "A"), VEILIG_EINVAL);
    RC(veilig_municipality_add_exclusion(NULL, NULL, VEILIG_APPROACH_SUPPORT, NULL), VEILIG_EINVAL);
    RC(veilig_municipality_add_policy_link(NULL, NULL, "A"), VEILIG_EINVAL);

    ck_assert_ptr_null(veilig_measure_id(NULL));
    ck_assert_ptr_null(veilig_measure_name(NULL));
    ck_assert_int_eq(veilig_measure_category(NULL), VEILIG_CATEGORY_OTHER);
    ck_assert_ptr_null(veilig_measure_category_code(NULL));
    ck_assert_int_eq(veilig_measure_approach(NULL), VEILIG_APPROACH_OTHER);
    ck_assert_ptr_null(veilig_measure_approach_code(NULL));
    ck_assert_uint_eq(veilig_measure_window_count(NULL), 0);
    ck_assert_uint_eq(veilig_measure_indicator_count(NULL), 0);
    ck_assert_ptr_null(veilig_measure_indicator(NULL, 0));
    RC(veilig_measure_budget_cents(&cents, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(veilig_measure_budget_currency(NULL));
    RC(veilig_measure_budget_start(&d, NULL), VEILIG_EINVAL);
    RC(veilig_measure_period_start(&d, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(veilig_measure_municipality(NULL));
    RC(veilig_measure_set_id(NULL, "x"), VEILIG_EINVAL);
    RC(veilig_measure_set_name(NULL, "x"), VEILIG_EINVAL);
    RC(veilig_measure_set_category(NULL, VEILIG_CATEGORY_CAMPAIGN), VEILIG_EINVAL);
    RC(veilig_measure_set_approach(NULL, VEILIG_APPROACH_SUPPORT), VEILIG_EINVAL);
    RC(veilig_measure_set_budget(NULL, 1, "EUR"), VEILIG_EINVAL);
    RC(veilig_measure_set_budget_period(NULL, &d, &d), VEILIG_EINVAL);
    veilig_measure_clear_budget(NULL);
    RC(veilig_measure_add_window(NULL, NULL), VEILIG_EINVAL);
    RC(veilig_measure_add_partner(NULL, NULL, "x", VEILIG_ROLE_PARTNER), VEILIG_EINVAL);
    RC(veilig_measure_add_indicator(NULL, "x"), VEILIG_EINVAL);
    RC(veilig_measure_remove_indicator(NULL, 0), VEILIG_EINVAL);

    ck_assert_int_eq(veilig_window_from(NULL), -1);
    ck_assert_int_eq(veilig_window_to(NULL), -1);
    ck_assert_uint_eq(veilig_window_day_count(NULL), 0);
    ck_assert_int_eq(veilig_window_day(NULL, 0), VEILIG_DAY_OTHER);
    RC(veilig_window_set_hours(NULL, 0, 60), VEILIG_EINVAL);
    RC(veilig_window_add_day(NULL, VEILIG_DAY_MON), VEILIG_EINVAL);

    ck_assert_ptr_null(veilig_stakeholder_id(NULL));
    ck_assert_int_eq(veilig_stakeholder_kind(NULL), VEILIG_STAKEHOLDER_TYPE_OTHER);
    ck_assert_uint_eq(veilig_stakeholder_role_count(NULL), 0);
    ck_assert_ptr_null(veilig_stakeholder_municipality(NULL));
    RC(veilig_stakeholder_set_id(NULL, "x"), VEILIG_EINVAL);
    RC(veilig_stakeholder_set_parent(NULL, "x"), VEILIG_EINVAL);

    ck_assert_ptr_null(veilig_indicator_id(NULL));
    ck_assert_ptr_null(veilig_indicator_municipality(NULL));
    RC(veilig_indicator_baseline_value(&v, NULL), VEILIG_EINVAL);
    RC(veilig_indicator_set_id(NULL, "x"), VEILIG_EINVAL);
    RC(veilig_indicator_set_baseline_value(NULL, 1.0), VEILIG_EINVAL);
    veilig_indicator_clear_baseline_value(NULL);
    veilig_indicator_clear_target_value(NULL);
    RC(veilig_indicator_add_observation(NULL, NULL, &d, 1.0), VEILIG_EINVAL);
    RC(veilig_observation_value(&v, NULL), VEILIG_EINVAL);
    RC(veilig_observation_date(&d, NULL), VEILIG_EINVAL);

    ck_assert_ptr_null(veilig_contact_name(NULL));
    ck_assert_int_eq(veilig_contact_personal(NULL), 0);
    ck_assert_int_eq(veilig_contact_role(NULL), VEILIG_ROLE_OTHER);
    RC(veilig_contact_set_personal(NULL, 1), VEILIG_EINVAL);
    RC(veilig_contact_set_name(NULL, "x"), VEILIG_EINVAL);
    ck_assert_ptr_null(veilig_source_title(NULL));
    RC(veilig_source_retrieved(&d, NULL), VEILIG_EINVAL);
    RC(veilig_source_set_title(NULL, "x"), VEILIG_EINVAL);
    ck_assert_ptr_null(veilig_partner_stakeholder(NULL));
    ck_assert_int_eq(veilig_partner_role(NULL), VEILIG_ROLE_OTHER);
    ck_assert_ptr_null(veilig_policy_link_name(NULL));
    ck_assert_int_eq(veilig_policy_link_kind(NULL), VEILIG_LINK_KIND_OTHER);
    ck_assert_int_eq(veilig_exclusion_approach(NULL), VEILIG_APPROACH_OTHER);
    ck_assert_ptr_null(veilig_exclusion_reason(NULL));
    ck_assert_ptr_null(veilig_programme_name(NULL));
    ck_assert_ptr_null(veilig_programme_contact(NULL));
    ck_assert_uint_eq(veilig_programme_source_count(NULL), 0);
    RC(veilig_programme_set_name(NULL, "x"), VEILIG_EINVAL);
    RC(veilig_programme_set_contact(NULL, NULL), VEILIG_EINVAL);
    RC(veilig_programme_add_source(NULL, NULL, "x"), VEILIG_EINVAL);
    veilig_programme_clear_contact(NULL);

    /* NULL out-parameters of the typed getters */
    veilig_registry *reg = build_full();
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    const veilig_measure *ms = veilig_municipality_measure(m, 0);
    RC(veilig_measure_budget_cents(NULL, ms), VEILIG_EINVAL);
    RC(veilig_measure_period_start(NULL, ms), VEILIG_EINVAL);
    RC(veilig_municipality_membership_joined(NULL, m), VEILIG_EINVAL);
    RC(veilig_indicator_baseline_value(NULL, veilig_municipality_indicator(m, 0)), VEILIG_EINVAL);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_required_strings) {
    veilig_registry *reg = build_full();
    veilig_municipality *m = NULL;
    RC(veilig_registry_add(&m, reg, "", "Naam"), VEILIG_EINVAL);
    RC(veilig_registry_add(&m, reg, NULL, "Naam"), VEILIG_EINVAL);
    RC(veilig_registry_add(&m, reg, "GM0001", ""), VEILIG_EINVAL);
    RC(veilig_registry_add(&m, reg, "GM0001", NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(m);
    ck_assert_uint_eq(veilig_registry_count(reg), 2);

    m = veilig_registry_get_mut(reg, 0);
    RC(veilig_municipality_set_code(m, ""), VEILIG_EINVAL);
    RC(veilig_municipality_set_code(m, NULL), VEILIG_EINVAL);
    RC(veilig_municipality_set_name(m, ""), VEILIG_EINVAL);
    RC(veilig_municipality_set_name(m, NULL), VEILIG_EINVAL);
    ck_assert_str_eq(veilig_municipality_code(m), "GM0153");
    ck_assert_str_eq(veilig_municipality_name(m), "Enschede");

    veilig_measure *ms = NULL;
    RC(veilig_municipality_add_measure(&ms, m, "", "X", VEILIG_CATEGORY_CAMPAIGN), VEILIG_EINVAL);
    RC(veilig_municipality_add_measure(&ms, m, "x", "", VEILIG_CATEGORY_CAMPAIGN), VEILIG_EINVAL);
    RC(veilig_municipality_add_measure(&ms, m, NULL, "X", VEILIG_CATEGORY_CAMPAIGN), VEILIG_EINVAL);
    RC(veilig_municipality_add_measure(&ms, m, "x", "X", VEILIG_CATEGORY_OTHER), VEILIG_EINVAL);
    RC(veilig_municipality_add_measure(&ms, m, "x", "X", (veilig_category)14), VEILIG_EINVAL);
    ck_assert_ptr_null(ms);
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
    veilig_stakeholder *s = NULL;
    RC(veilig_municipality_add_stakeholder(&s, m, "", "X", VEILIG_STAKEHOLDER_TYPE_POLICE),
       VEILIG_EINVAL);
    RC(veilig_municipality_add_stakeholder(&s, m, "x", "", VEILIG_STAKEHOLDER_TYPE_POLICE),
       VEILIG_EINVAL);
    RC(veilig_municipality_add_stakeholder(&s, m, "x", "X", (veilig_stakeholder_type)13),
       VEILIG_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(veilig_municipality_stakeholder_count(m), 3);
    veilig_indicator *ind = NULL;
    RC(veilig_municipality_add_indicator(&ind, m, "", "X"), VEILIG_EINVAL);
    RC(veilig_municipality_add_indicator(&ind, m, "x", ""), VEILIG_EINVAL);
    RC(veilig_municipality_add_indicator(&ind, m, "x", NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(ind);
    ck_assert_uint_eq(veilig_municipality_indicator_count(m), 2);
    veilig_source *src = NULL;
    RC(veilig_municipality_add_source(&src, m, ""), VEILIG_EINVAL);
    RC(veilig_municipality_add_source(&src, m, NULL), VEILIG_EINVAL);
    RC(veilig_programme_add_source(&src, veilig_registry_programme_mut(reg), ""), VEILIG_EINVAL);
    ck_assert_ptr_null(src);
    ck_assert_uint_eq(veilig_municipality_source_count(m), 1);
    veilig_policy_link *l = NULL;
    RC(veilig_municipality_add_policy_link(&l, m, ""), VEILIG_EINVAL);
    RC(veilig_municipality_add_policy_link(&l, m, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(l);
    ck_assert_uint_eq(veilig_municipality_policy_link_count(m), 2);
    veilig_exclusion *x = NULL;
    RC(veilig_municipality_add_exclusion(&x, m, VEILIG_APPROACH_OTHER, "r"), VEILIG_EINVAL);
    RC(veilig_municipality_add_exclusion(&x, m, (veilig_approach)5, "r"), VEILIG_EINVAL);
    ck_assert_ptr_null(x);
    ck_assert_uint_eq(veilig_municipality_exclusion_count(m), 1);

    ms = veilig_municipality_measure_mut(m, 0);
    RC(veilig_measure_set_id(ms, ""), VEILIG_EINVAL);
    RC(veilig_measure_set_id(ms, NULL), VEILIG_EINVAL);
    RC(veilig_measure_set_name(ms, ""), VEILIG_EINVAL);
    ck_assert_str_eq(veilig_measure_id(ms), "pub-ploeg");
    ck_assert_str_eq(veilig_measure_name(ms), "PUB-ploeg");
    veilig_partner *pa = NULL;
    RC(veilig_measure_add_partner(&pa, ms, "", VEILIG_ROLE_PARTNER), VEILIG_EINVAL);
    RC(veilig_measure_add_partner(&pa, ms, NULL, VEILIG_ROLE_PARTNER), VEILIG_EINVAL);
    ck_assert_ptr_null(pa);
    ck_assert_uint_eq(veilig_measure_partner_count(ms), 2);
    RC(veilig_partner_set_stakeholder(veilig_measure_partner_mut(ms, 0), ""), VEILIG_EINVAL);
    ck_assert_str_eq(veilig_partner_stakeholder(veilig_measure_partner(ms, 0)), "team-veiligheid");
    RC(veilig_stakeholder_set_id(veilig_municipality_stakeholder_mut(m, 0), ""), VEILIG_EINVAL);
    RC(veilig_stakeholder_set_name(veilig_municipality_stakeholder_mut(m, 0), ""), VEILIG_EINVAL);
    RC(veilig_indicator_set_id(veilig_municipality_indicator_mut(m, 0), ""), VEILIG_EINVAL);
    RC(veilig_indicator_set_name(veilig_municipality_indicator_mut(m, 0), NULL), VEILIG_EINVAL);
    RC(veilig_source_set_title(veilig_municipality_source_mut(m, 0), ""), VEILIG_EINVAL);
    RC(veilig_policy_link_set_name(veilig_municipality_policy_link_mut(m, 0), ""), VEILIG_EINVAL);
    ck_assert_str_eq(veilig_stakeholder_id(veilig_municipality_stakeholder(m, 0)), "gemeente");
    ck_assert_str_eq(veilig_indicator_name(veilig_municipality_indicator(m, 0)),
                     "Aantal meldingen");
    ck_assert_str_eq(veilig_source_title(veilig_municipality_source(m, 0)),
                     "Veilige Steden: Enschede");
    ck_assert_str_eq(veilig_policy_link_name(veilig_municipality_policy_link(m, 0)),
                     "Integraal Veiligheidsbeleid");
    /* an empty optional string is allowed */
    OK(veilig_municipality_set_summary(m, ""));
    ck_assert_str_eq(veilig_municipality_summary(m), "");
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_invalid_utf8) {
    static const char *const bad[] = {
        "\xff",              /* never valid */
        "abc\xc3\x28",       /* broken two-byte sequence */
        "\xc0\xaf",          /* overlong '/' */
        "\xe0\x80\xaf",      /* overlong, three bytes */
        "\xed\xa0\x80",      /* a surrogate */
        "\xf4\x90\x80\x80",  /* above U+10FFFF */
        "caf\xc3",           /* cut short */
        "\x80 continuation", /* lone continuation byte */
    };
    veilig_registry *reg = build_full();
    veilig_municipality *m = veilig_registry_get_mut(reg, 0);
    veilig_measure *ms = veilig_municipality_measure_mut(m, 0);
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        RC(veilig_municipality_set_summary(m, bad[k]), VEILIG_EINVAL);
        RC(veilig_municipality_set_name(m, bad[k]), VEILIG_EINVAL);
        RC(veilig_municipality_set_official_name(m, bad[k]), VEILIG_EINVAL);
        RC(veilig_measure_set_description(ms, bad[k]), VEILIG_EINVAL);
        RC(veilig_measure_set_name(ms, bad[k]), VEILIG_EINVAL);
        RC(veilig_measure_set_id(ms, bad[k]), VEILIG_EINVAL);
        RC(veilig_measure_add_indicator(ms, bad[k]), VEILIG_EINVAL);
        RC(veilig_registry_add(NULL, reg, "GM0999", bad[k]), VEILIG_EINVAL);
        RC(veilig_municipality_add_measure(NULL, m, "nieuw", bad[k], VEILIG_CATEGORY_CAMPAIGN),
           VEILIG_EINVAL);
        RC(veilig_contact_set_email(veilig_municipality_contact_mut(m, 0), bad[k]), VEILIG_EINVAL);
        RC(veilig_window_set_note(veilig_measure_window_mut(ms, 0), bad[k]), VEILIG_EINVAL);
    }
    /* nothing changed */
    ck_assert_str_eq(veilig_municipality_summary(m), "Enschede pakt straatintimidatie aan.");
    ck_assert_str_eq(veilig_municipality_name(m), "Enschede");
    ck_assert_str_eq(veilig_municipality_official_name(m), "Gemeente Enschede");
    ck_assert_str_eq(veilig_measure_description(ms), "Een team dat de-escaleert.");
    ck_assert_str_eq(veilig_measure_id(ms), "pub-ploeg");
    ck_assert_uint_eq(veilig_measure_indicator_count(ms), 2);
    ck_assert_uint_eq(veilig_registry_count(reg), 2);
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
    ck_assert_ptr_null(veilig_municipality_find_measure(m, "nieuw"));
    ck_assert_ptr_null(veilig_registry_find(reg, "GM0999"));
    ck_assert_str_eq(veilig_contact_email(veilig_municipality_contact(m, 0)),
                     "j.jansen@example.nl");
    /* valid multi-byte text is fine: 2, 3 and 4 byte sequences */
    OK(veilig_municipality_set_summary(m, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8c\x88"));
    ck_assert_str_eq(veilig_municipality_summary(m), "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8c\x88");
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_bad_dates) {
    veilig_registry *reg = build_full();
    veilig_municipality *m = veilig_registry_get_mut(reg, 0);
    veilig_measure *ms = veilig_municipality_measure_mut(m, 0);
    static const veilig_date bad[] = {
        {2021, 13, 0}, {2021, 2, 29}, {2021, 4, 31}, {2021, 0, 5},  {0, 0, 0},  {10000, 1, 1},
        {2021, -1, 0}, {2021, 1, -1}, {2021, 1, 32}, {1900, 2, 29}, {-5, 0, 0}, {2021, 12, 32},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        RC(veilig_municipality_set_membership_joined(m, &bad[k]), VEILIG_EINVAL);
        RC(veilig_municipality_set_membership_start(m, &bad[k]), VEILIG_EINVAL);
        RC(veilig_measure_set_period_end(ms, &bad[k]), VEILIG_EINVAL);
        RC(veilig_measure_set_budget_period(ms, &bad[k], NULL), VEILIG_EINVAL);
        RC(veilig_measure_set_budget_period(ms, NULL, &bad[k]), VEILIG_EINVAL);
        RC(veilig_source_set_retrieved(veilig_municipality_source_mut(m, 0), &bad[k]),
           VEILIG_EINVAL);
        RC(veilig_indicator_set_target_date(veilig_municipality_indicator_mut(m, 0), &bad[k]),
           VEILIG_EINVAL);
        char buf[VEILIG_DATE_BUFSIZE];
        RC(veilig_date_format(buf, sizeof buf, &bad[k]), VEILIG_EINVAL);
    }
    /* unchanged */
    ASSERT_DATE(veilig_municipality_membership_joined, m, 2021, 10, 0);
    ASSERT_DATE(veilig_municipality_membership_start, m, 2021, 0, 0);
    ASSERT_DATE(veilig_measure_period_end, ms, 2025, 0, 0);
    ASSERT_DATE(veilig_measure_budget_start, ms, 2023, 0, 0);
    ASSERT_DATE(veilig_measure_budget_end, ms, 2023, 12, 31);
    ASSERT_DATE(veilig_source_retrieved, veilig_municipality_source(m, 0), 2024, 5, 2);
    ASSERT_DATE(veilig_indicator_target_date, veilig_municipality_indicator(m, 0), 2025, 0, 0);
    /* leap days */
    veilig_date leap = {2020, 2, 29};
    OK(veilig_municipality_set_membership_joined(m, &leap));
    ASSERT_DATE(veilig_municipality_membership_joined, m, 2020, 2, 29);
    leap.year = 2000;
    OK(veilig_measure_set_period_start(ms, &leap));
    ASSERT_DATE(veilig_measure_period_start, ms, 2000, 2, 29);
    veilig_date edge = {9999, 12, 31};
    OK(veilig_measure_set_period_end(ms, &edge));
    edge = mkdate(1, 1, 1);
    OK(veilig_municipality_set_membership_end(m, &edge));
    ASSERT_DATE(veilig_municipality_membership_end, m, 1, 1, 1);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_window_hours) {
    veilig_registry *reg = build_full();
    veilig_measure *ms = veilig_municipality_measure_mut(veilig_registry_get_mut(reg, 0), 0);
    veilig_window *w = veilig_measure_window_mut(ms, 0);
    static const int bad[][2] = {{1440, 60}, {-2, 10},  {0, 1441}, {10, -1},    {-1, 10},
                                 {0, -2},    {2000, 0}, {0, 9999}, {-100, -100}};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        RC(veilig_window_set_hours(w, bad[k][0], bad[k][1]), VEILIG_EINVAL);
        ck_assert_int_eq(veilig_window_from(w), 22 * 60);
        ck_assert_int_eq(veilig_window_to(w), 4 * 60);
    }
    OK(veilig_window_set_hours(w, 0, 1440));
    ck_assert_int_eq(veilig_window_from(w), 0);
    ck_assert_int_eq(veilig_window_to(w), 1440);
    OK(veilig_window_set_hours(w, 1439, 0));
    ck_assert_int_eq(veilig_window_from(w), 1439);
    ck_assert_int_eq(veilig_window_to(w), 0);
    OK(veilig_window_set_hours(w, -1, -1));
    ck_assert_int_eq(veilig_window_from(w), -1);
    ck_assert_int_eq(veilig_window_to(w), -1);
    /* a new window has no hours */
    veilig_window *w2 = NULL;
    OK(veilig_measure_add_window(&w2, ms));
    ck_assert_int_eq(veilig_window_from(w2), -1);
    ck_assert_int_eq(veilig_window_to(w2), -1);
    ck_assert_uint_eq(veilig_window_day_count(w2), 0);
    ck_assert_uint_eq(veilig_measure_window_count(ms), 3);
    OK(veilig_measure_remove_window(ms, 0));
    ck_assert_ptr_eq(veilig_measure_window(ms, 1), w2);
    RC(veilig_measure_remove_window(ms, 2), VEILIG_ENOTFOUND);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_budget_errors) {
    veilig_registry *reg = build_full();
    veilig_measure *ms = veilig_municipality_measure_mut(veilig_registry_get_mut(reg, 0), 0);
    static const char *const bad_currency[] = {"eur", "EURO", "EU", "", "E1R", "E R", "\xc3\x89UR"};
    RC(veilig_measure_set_budget(ms, -1, "EUR"), VEILIG_EINVAL);
    RC(veilig_measure_set_budget(ms, INT64_MIN, NULL), VEILIG_EINVAL);
    for (size_t k = 0; k < sizeof bad_currency / sizeof bad_currency[0]; k++)
        RC(veilig_measure_set_budget(ms, 100, bad_currency[k]), VEILIG_EINVAL);
    int64_t cents = 0;
    OK(veilig_measure_budget_cents(&cents, ms));
    ck_assert_int_eq(cents, 1250050);
    ck_assert_str_eq(veilig_measure_budget_currency(ms), "EUR");
    OK(veilig_measure_set_budget(ms, INT64_C(99999999999999), "GBP"));
    OK(veilig_measure_budget_cents(&cents, ms));
    ck_assert_int_eq(cents, INT64_C(99999999999999));
    ck_assert_str_eq(veilig_measure_budget_currency(ms), "GBP");
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_duplicates) {
    veilig_registry *reg = build_full();
    veilig_municipality *m = veilig_registry_get_mut(reg, 0);
    veilig_municipality *out = NULL;
    RC(veilig_registry_add(&out, reg, "GM0153", "Ander"), VEILIG_EEXISTS);
    RC(veilig_registry_add(&out, reg, "gm0153", "Ander"), VEILIG_EEXISTS);
    RC(veilig_registry_add(&out, reg, "GM0363", "Ander"), VEILIG_EEXISTS);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(veilig_registry_count(reg), 2);
    ck_assert_str_eq(veilig_municipality_name(veilig_registry_find(reg, "GM0153")), "Enschede");

    veilig_measure *ms = NULL;
    RC(veilig_municipality_add_measure(&ms, m, "pub-ploeg", "X", VEILIG_CATEGORY_CAMPAIGN),
       VEILIG_EEXISTS);
    ck_assert_ptr_null(ms);
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
    veilig_stakeholder *s = NULL;
    RC(veilig_municipality_add_stakeholder(&s, m, "gemeente", "X", VEILIG_STAKEHOLDER_TYPE_POLICE),
       VEILIG_EEXISTS);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(veilig_municipality_stakeholder_count(m), 3);
    veilig_indicator *ind = NULL;
    RC(veilig_municipality_add_indicator(&ind, m, "meldingen", "X"), VEILIG_EEXISTS);
    ck_assert_ptr_null(ind);
    ck_assert_uint_eq(veilig_municipality_indicator_count(m), 2);

    /* set_code / set_id onto an existing one */
    veilig_municipality *m2 = veilig_registry_get_mut(reg, 1);
    RC(veilig_municipality_set_code(m2, "GM0153"), VEILIG_EEXISTS);
    RC(veilig_municipality_set_code(m2, "gm0153"), VEILIG_EEXISTS);
    ck_assert_str_eq(veilig_municipality_code(m2), "GM0363");
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0153"), m);
    OK(veilig_municipality_set_code(m, "GM0153")); /* its own code */
    ck_assert_str_eq(veilig_municipality_code(m), "GM0153");
    veilig_measure *ms0 = veilig_municipality_measure_mut(m, 0);
    veilig_measure *ms1 = veilig_municipality_measure_mut(m, 1);
    RC(veilig_measure_set_id(ms1, "pub-ploeg"), VEILIG_EEXISTS);
    ck_assert_str_eq(veilig_measure_id(ms1), "meldpunt");
    OK(veilig_measure_set_id(ms0, "pub-ploeg")); /* its own id */
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "pub-ploeg"), ms0);
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "meldpunt"), ms1);
    veilig_stakeholder *s1 = veilig_municipality_stakeholder_mut(m, 1);
    RC(veilig_stakeholder_set_id(s1, "gemeente"), VEILIG_EEXISTS);
    ck_assert_str_eq(veilig_stakeholder_id(s1), "team-veiligheid");
    ck_assert_ptr_eq(veilig_municipality_find_stakeholder(m, "team-veiligheid"), s1);
    veilig_indicator *i1 = veilig_municipality_indicator_mut(m, 1);
    RC(veilig_indicator_set_id(i1, "meldingen"), VEILIG_EEXISTS);
    ck_assert_str_eq(veilig_indicator_id(i1), "veiligheidsgevoel");

    /* renames move the index along */
    OK(veilig_measure_set_id(ms1, "meldpunt-app"));
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "meldpunt-app"), ms1);
    ck_assert_ptr_null(veilig_municipality_find_measure(m, "meldpunt"));
    OK(veilig_stakeholder_set_id(s1, "team-vhh"));
    ck_assert_ptr_eq(veilig_municipality_find_stakeholder(m, "team-vhh"), s1);
    ck_assert_ptr_null(veilig_municipality_find_stakeholder(m, "team-veiligheid"));
    OK(veilig_indicator_set_id(i1, "gevoel"));
    ck_assert_ptr_eq(veilig_municipality_find_indicator(m, "gevoel"), i1);
    ck_assert_ptr_null(veilig_municipality_find_indicator(m, "veiligheidsgevoel"));
    /* the old id is free again */
    OK(veilig_municipality_add_measure(&ms, m, "meldpunt", "Weer", VEILIG_CATEGORY_REPORTING));
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "meldpunt"), ms);
    OK(veilig_municipality_set_code(m2, "GM0344"));
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0344"), m2);
    ck_assert_ptr_null(veilig_registry_find(reg, "GM0363"));
    OK(veilig_registry_add(&out, reg, "GM0363", "Amsterdam-Nieuw"));
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0363"), out);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_remove) {
    veilig_registry *reg = build_full();
    veilig_municipality *m3 = NULL;
    OK(veilig_registry_add(&m3, reg, "GM0599", "Rotterdam"));
    OK(veilig_municipality_set_official_name(m3, "Gemeente Rotterdam"));
    ck_assert_uint_eq(veilig_registry_count(reg), 3);
    RC(veilig_registry_remove(reg, 3), VEILIG_ENOTFOUND);
    RC(veilig_registry_remove(reg, (size_t)-1), VEILIG_ENOTFOUND);
    OK(veilig_registry_remove(reg, 0));
    ck_assert_uint_eq(veilig_registry_count(reg), 2);
    ck_assert_ptr_null(veilig_registry_find(reg, "GM0153"));
    ck_assert_ptr_null(veilig_registry_find(reg, "Enschede"));
    ck_assert_ptr_null(veilig_registry_find(reg, "Gemeente Enschede"));
    const veilig_municipality *a = veilig_registry_find(reg, "GM0363");
    ck_assert_ptr_eq(a, veilig_registry_get(reg, 0));
    ck_assert_ptr_eq(veilig_registry_find(reg, "amsterdam"), a);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Gemeente Amsterdam"), a);
    ck_assert_ptr_eq(veilig_registry_find(reg, "gm0599"), m3);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Rotterdam"), m3);
    ck_assert_ptr_eq(veilig_registry_find(reg, "GEMEENTE ROTTERDAM"), m3);
    ck_assert_uint_eq(veilig_registry_index_of(reg, a), 0);
    ck_assert_uint_eq(veilig_registry_index_of(reg, m3), 1);
    /* the code is free again */
    veilig_municipality *again = NULL;
    OK(veilig_registry_add(&again, reg, "GM0153", "Enschede"));
    ck_assert_uint_eq(veilig_registry_index_of(reg, again), 2);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Enschede"), again);
    OK(veilig_registry_remove(reg, 1));
    ck_assert_ptr_null(veilig_registry_find(reg, "GM0599"));
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0153"), again);
    ck_assert_uint_eq(veilig_registry_index_of(reg, again), 1);
    veilig_registry_free(reg);

    /* children of a municipality */
    reg = build_full();
    veilig_municipality *m = veilig_registry_get_mut(reg, 0);
    const veilig_measure *second = veilig_municipality_measure(m, 1);
    RC(veilig_municipality_remove_measure(m, 2), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_measure(m, 0));
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 1);
    ck_assert_ptr_eq(veilig_municipality_measure(m, 0), second);
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "meldpunt"), second);
    ck_assert_ptr_null(veilig_municipality_find_measure(m, "pub-ploeg"));
    const veilig_stakeholder *pol = veilig_municipality_stakeholder(m, 2);
    const veilig_stakeholder *team = veilig_municipality_stakeholder(m, 1);
    RC(veilig_municipality_remove_stakeholder(m, 3), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_stakeholder(m, 0));
    ck_assert_ptr_null(veilig_municipality_find_stakeholder(m, "gemeente"));
    ck_assert_ptr_eq(veilig_municipality_find_stakeholder(m, "team-veiligheid"), team);
    ck_assert_ptr_eq(veilig_municipality_find_stakeholder(m, "politie"), pol);
    ck_assert_ptr_eq(veilig_municipality_stakeholder(m, 1), pol);
    const veilig_indicator *gevoel = veilig_municipality_indicator(m, 1);
    RC(veilig_municipality_remove_indicator(m, 2), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_indicator(m, 0));
    ck_assert_ptr_null(veilig_municipality_find_indicator(m, "meldingen"));
    ck_assert_ptr_eq(veilig_municipality_find_indicator(m, "veiligheidsgevoel"), gevoel);
    RC(veilig_municipality_remove_contact(m, 2), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_contact(m, 0));
    ck_assert_str_eq(veilig_contact_name(veilig_municipality_contact(m, 0)), "Publieksbalie");
    RC(veilig_municipality_remove_source(m, 1), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_source(m, 0));
    ck_assert_uint_eq(veilig_municipality_source_count(m), 0);
    RC(veilig_municipality_remove_source(m, 0), VEILIG_ENOTFOUND);
    RC(veilig_municipality_remove_exclusion(m, 1), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_exclusion(m, 0));
    ck_assert_uint_eq(veilig_municipality_exclusion_count(m), 0);
    RC(veilig_municipality_remove_policy_link(m, 2), VEILIG_ENOTFOUND);
    OK(veilig_municipality_remove_policy_link(m, 0));
    ck_assert_str_eq(veilig_policy_link_name(veilig_municipality_policy_link(m, 0)),
                     "Regenboogsteden");
    veilig_measure *ms = veilig_municipality_measure_mut(m, 0);
    OK(veilig_municipality_remove_measure(m, 0));
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 0);
    ck_assert_ptr_null(veilig_municipality_find_measure(m, "meldpunt"));
    (void)ms;
    /* ids of removed objects can be used again */
    veilig_measure *fresh = NULL;
    OK(veilig_municipality_add_measure(&fresh, m, "pub-ploeg", "Terug", VEILIG_CATEGORY_NIGHTLIFE));
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "pub-ploeg"), fresh);
    OK(veilig_municipality_add_stakeholder(NULL, m, "gemeente", "Gemeente",
                                           VEILIG_STAKEHOLDER_TYPE_COUNCIL));
    ck_assert_str_eq(veilig_stakeholder_name(veilig_municipality_find_stakeholder(m, "gemeente")),
                     "Gemeente");
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_find) {
    veilig_registry *reg = build_full();
    const veilig_municipality *e = veilig_registry_get(reg, 0);
    const veilig_municipality *a = veilig_registry_get(reg, 1);
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0153"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "gm0153"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Gm0153"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Enschede"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "ENSCHEDE"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "enschede"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Gemeente Enschede"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "gemeente enschede"), e);
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0363"), a);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Amsterdam"), a);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Gemeente Amsterdam"), a);
    ck_assert_ptr_null(veilig_registry_find(reg, "GM0154"));
    ck_assert_ptr_null(veilig_registry_find(reg, "Enschede "));
    ck_assert_ptr_null(veilig_registry_find(reg, ""));
    ck_assert_ptr_null(veilig_registry_find(reg, NULL));
    /* a code beats a name: a municipality named like another's code */
    veilig_municipality *odd = NULL;
    OK(veilig_registry_add(&odd, reg, "GM9999", "GM0363"));
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0363"), a);
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM9999"), odd);
    /* renames are found at once */
    veilig_municipality *em = veilig_registry_get_mut(reg, 0);
    OK(veilig_municipality_set_name(em, "Enschede-Stad"));
    ck_assert_ptr_eq(veilig_registry_find(reg, "enschede-stad"), e);
    ck_assert_ptr_null(veilig_registry_find(reg, "Enschede"));
    OK(veilig_municipality_set_official_name(em, NULL));
    ck_assert_ptr_null(veilig_registry_find(reg, "Gemeente Enschede"));
    OK(veilig_municipality_set_official_name(em, "Gemeente Enschede-Stad"));
    ck_assert_ptr_eq(veilig_registry_find(reg, "GEMEENTE ENSCHEDE-STAD"), e);
    OK(veilig_municipality_set_code(em, "GM0888"));
    ck_assert_ptr_eq(veilig_registry_find(reg, "gm0888"), e);
    ck_assert_ptr_null(veilig_registry_find(reg, "GM0153"));

    /* index_of */
    ck_assert_uint_eq(veilig_registry_index_of(reg, e), 0);
    ck_assert_uint_eq(veilig_registry_index_of(reg, a), 1);
    ck_assert_uint_eq(veilig_registry_index_of(reg, odd), 2);
    ck_assert_uint_eq(veilig_registry_index_of(reg, NULL), (size_t)-1);
    veilig_registry *other = build_full();
    ck_assert_uint_eq(veilig_registry_index_of(reg, veilig_registry_get(other, 0)), (size_t)-1);
    ck_assert_uint_eq(veilig_registry_index_of(other, e), (size_t)-1);
    veilig_registry_free(other);

    /* find of children: exact ids */
    ck_assert_ptr_null(veilig_municipality_find_measure(e, "PUB-PLOEG"));
    ck_assert_ptr_null(veilig_municipality_find_measure(e, NULL));
    ck_assert_ptr_null(veilig_municipality_find_indicator(e, "x"));
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_measure_approach_default) {
    veilig_registry *reg = NULL;
    OK(veilig_registry_new(&reg));
    veilig_municipality *m = NULL;
    OK(veilig_registry_add(&m, reg, "GM0001", "Testdorp"));
    for (int c = 1; c <= veilig_vocab_size(VEILIG_VOCAB_CATEGORY); c++) {
        char id[16];
        snprintf(id, sizeof id, "m-%d", c);
        veilig_measure *ms = NULL;
        OK(veilig_municipality_add_measure(&ms, m, id, "Maatregel", (veilig_category)c));
        ck_assert_int_eq(veilig_measure_category(ms), c);
        ck_assert_str_eq(veilig_measure_category_code(ms),
                         veilig_category_code((veilig_category)c));
        ck_assert_int_eq(veilig_measure_approach(ms), veilig_category_approach((veilig_category)c));
        ck_assert_ptr_null(veilig_measure_approach_code(ms));
    }
    veilig_measure *ms = veilig_municipality_measure_mut(m, VEILIG_CATEGORY_VICTIM_SUPPORT - 1);
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_SUPPORT);
    OK(veilig_measure_set_approach(ms, VEILIG_APPROACH_ENFORCEMENT));
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_ENFORCEMENT);
    ck_assert_str_eq(veilig_measure_approach_code(ms), "enforcement");
    RC(veilig_measure_set_approach(ms, (veilig_approach)5), VEILIG_EINVAL);
    RC(veilig_measure_set_approach(ms, (veilig_approach)-1), VEILIG_EINVAL);
    ck_assert_str_eq(veilig_measure_approach_code(ms), "enforcement");
    OK(veilig_measure_set_approach(ms, VEILIG_APPROACH_OTHER));
    ck_assert_ptr_null(veilig_measure_approach_code(ms));
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_SUPPORT);
    /* the default follows the category */
    OK(veilig_measure_set_category(ms, VEILIG_CATEGORY_RESEARCH));
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_SIGNALLING);
    RC(veilig_measure_set_category(ms, (veilig_category)14), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_measure_category(ms), VEILIG_CATEGORY_RESEARCH);
    OK(veilig_measure_set_category(ms, VEILIG_CATEGORY_OTHER));
    ck_assert_ptr_null(veilig_measure_category_code(ms));
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_OTHER);
    veilig_registry_free(reg);
}
END_TEST

/* ---- dates, status names, versions ---- */

static void check_parse(const char *text, int y, int m, int d) {
    veilig_date out = {-7, -7, -7};
    ck_assert_msg(veilig_date_parse(&out, text) == VEILIG_OK, "parse \"%s\"", text);
    ck_assert_int_eq(out.year, y);
    ck_assert_int_eq(out.month, m);
    ck_assert_int_eq(out.day, d);
    char buf[VEILIG_DATE_BUFSIZE];
    OK(veilig_date_format(buf, sizeof buf, &out));
    ck_assert_str_eq(buf, text);
}

START_TEST(test_date_parse_format) {
    check_parse("2021", 2021, 0, 0);
    check_parse("2021-12", 2021, 12, 0);
    check_parse("2021-12-01", 2021, 12, 1);
    check_parse("2020-02-29", 2020, 2, 29);
    check_parse("2000-02-29", 2000, 2, 29);
    check_parse("0001-01-01", 1, 1, 1);
    check_parse("9999-12-31", 9999, 12, 31);
    check_parse("2021-04-30", 2021, 4, 30);
    static const char *const bad[] = {
        "2021-13",    "2021-02-29",  "1900-02-29", "2021-04-31", "2021-00", "2021-12-00",
        "2021-12-32", "0000",        "21",         "202",        "20211",   "2021-1",
        "2021-12-1",  "2021/12",     "2021-12/01", "",           " 2021",   "2021 ",
        "2021-",      "2021-12-",    "abcd",       "2021-1a",    "+202",    "2021-12-01T00",
        "-2021",      "2021-12-01 ", "２０２１"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        veilig_date out = {7, 7, 7};
        ck_assert_msg(veilig_date_parse(&out, bad[k]) == VEILIG_EINVAL, "parse \"%s\"", bad[k]);
        /* out untouched */
        ck_assert_int_eq(out.year, 7);
        ck_assert_int_eq(out.month, 7);
        ck_assert_int_eq(out.day, 7);
    }
    veilig_date out = {7, 7, 7};
    RC(veilig_date_parse(&out, NULL), VEILIG_EINVAL);
    RC(veilig_date_parse(NULL, "2021"), VEILIG_EINVAL);

    char buf[VEILIG_DATE_BUFSIZE];
    veilig_date d = {5, 1, 2};
    OK(veilig_date_format(buf, sizeof buf, &d));
    ck_assert_str_eq(buf, "0005-01-02");
    /* every month and day of some years (leap and not), against printf, and back */
    static const int years[] = {1, 9, 10, 99, 100, 999, 1000, 1900, 2000, 2023, 2024, 9999};
    for (size_t y = 0; y < sizeof years / sizeof *years; y++)
        for (int month = 0; month <= 13; month++)
            for (int day = 0; day <= 32; day++) {
                veilig_date x = {years[y], month, day}, back;
                char want[32];
                int valid = month == 0 ? day == 0 : month <= 12 && day <= 31;
                if (valid && month == 0)
                    snprintf(want, sizeof want, "%04d", years[y]);
                else if (valid && day == 0)
                    snprintf(want, sizeof want, "%04d-%02d", years[y], month);
                else
                    snprintf(want, sizeof want, "%04d-%02d-%02d", years[y], month, day);
                if (valid && day > 0) { /* the days of the month, worked out here */
                    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
                    int leap = years[y] % 400 == 0 || (years[y] % 4 == 0 && years[y] % 100 != 0);
                    valid = day <= mdays[month - 1] + (month == 2 && leap);
                }
                if (!valid) {
                    RC(veilig_date_format(buf, sizeof buf, &x), VEILIG_EINVAL);
                    continue;
                }
                OK(veilig_date_format(buf, sizeof buf, &x));
                ck_assert_str_eq(buf, want);
                OK(veilig_date_parse(&back, buf));
                ck_assert_int_eq(veilig_date_compare(&back, &x), 0);
            }
    d = mkdate(2021, 3, 0);
    OK(veilig_date_format(buf, sizeof buf, &d));
    ck_assert_str_eq(buf, "2021-03");
    char small[5];
    RC(veilig_date_format(small, sizeof small, &d), VEILIG_EINVAL);
    RC(veilig_date_format(NULL, 11, &d), VEILIG_EINVAL);
    RC(veilig_date_format(buf, sizeof buf, NULL), VEILIG_EINVAL);
    char five[5];
    d = mkdate(2021, 0, 0);
    OK(veilig_date_format(five, sizeof five, &d));
    ck_assert_str_eq(five, "2021");
    d = mkdate(2021, 3, 0);
    char exact[8];
    OK(veilig_date_format(exact, sizeof exact, &d));
    ck_assert_str_eq(exact, "2021-03");
}
END_TEST

START_TEST(test_date_compare) {
    veilig_date y = mkdate(2021, 0, 0), ym = mkdate(2021, 1, 0), ymd = mkdate(2021, 1, 1);
    veilig_date feb = mkdate(2021, 2, 0), dec31 = mkdate(2021, 12, 31), dec = mkdate(2021, 12, 0);
    veilig_date next = mkdate(2022, 0, 0), early = mkdate(1999, 12, 31);
    ck_assert_int_eq(veilig_date_compare(&y, &ym), 0);
    ck_assert_int_eq(veilig_date_compare(&y, &ymd), 0);
    ck_assert_int_eq(veilig_date_compare(&ym, &ymd), 0);
    ck_assert_int_eq(veilig_date_compare(&y, &y), 0);
    ck_assert_int_lt(veilig_date_compare(&y, &feb), 0);
    ck_assert_int_gt(veilig_date_compare(&feb, &y), 0);
    ck_assert_int_gt(veilig_date_compare(&dec31, &dec), 0);
    ck_assert_int_lt(veilig_date_compare(&dec, &dec31), 0);
    ck_assert_int_lt(veilig_date_compare(&dec31, &next), 0);
    ck_assert_int_gt(veilig_date_compare(&next, &dec31), 0);
    ck_assert_int_lt(veilig_date_compare(&early, &y), 0);
    ck_assert_int_gt(veilig_date_compare(&y, &early), 0);
    ck_assert_int_eq(veilig_date_compare(NULL, NULL), 0);
    ck_assert_int_ne(veilig_date_compare(&y, NULL), 0);
    ck_assert_int_ne(veilig_date_compare(NULL, &y), 0);
    ck_assert_int_eq(veilig_date_compare(&y, NULL) > 0, veilig_date_compare(NULL, &y) < 0);
}
END_TEST

START_TEST(test_strerror) {
    static const int codes[] = {VEILIG_OK,       VEILIG_ENOMEM, VEILIG_EIO,       VEILIG_EPARSE,
                                VEILIG_ESCHEMA,  VEILIG_EINVAL, VEILIG_ENOTFOUND, VEILIG_EEXISTS,
                                VEILIG_EVERSION, VEILIG_ELIMIT};
    const size_t n = sizeof codes / sizeof codes[0];
    ck_assert_int_eq(VEILIG_OK, 0);
    ck_assert_int_eq(VEILIG_ENOMEM, -1);
    ck_assert_int_eq(VEILIG_ELIMIT, -9);
    for (size_t k = 0; k < n; k++) {
        const char *s = veilig_strerror(codes[k]);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_gt((int)strlen(s), 0);
        ck_assert_str_ne(s, "unknown error");
        for (size_t j = 0; j < k; j++)
            ck_assert_str_ne(s, veilig_strerror(codes[j]));
        ck_assert_ptr_eq(veilig_strerror(codes[k]), s); /* static storage */
    }
    ck_assert_str_eq(veilig_strerror(VEILIG_ENOMEM), "out of memory");
    ck_assert_str_eq(veilig_strerror(1), "unknown error");
    ck_assert_str_eq(veilig_strerror(-10), "unknown error");
    ck_assert_str_eq(veilig_strerror(-100000), "unknown error");
    ck_assert_str_eq(veilig_strerror(12345), "unknown error");
}
END_TEST

START_TEST(test_version) {
    ck_assert_str_eq(veilig_version(), VEILIG_VERSION_STRING);
    ck_assert_uint_eq(veilig_version_number(), VEILIG_VERSION_HEX);
    ck_assert_int_eq(veilig_abi_version(), VEILIG_ABI_VERSION);
    int major = -1, minor = -1, patch = -1;
    ck_assert_int_eq(sscanf(veilig_version(), "%d.%d.%d", &major, &minor, &patch), 3);
    ck_assert_int_eq(major, VEILIG_VERSION_MAJOR);
    ck_assert_int_eq(minor, VEILIG_VERSION_MINOR);
    ck_assert_int_eq(patch, VEILIG_VERSION_PATCH);
    ck_assert_uint_eq(veilig_version_number(),
                      ((unsigned)major << 16) | ((unsigned)minor << 8) | (unsigned)patch);
    char again[32];
    snprintf(again, sizeof again, "%d.%d.%d", major, minor, patch);
    ck_assert_str_eq(again, veilig_version());
}
END_TEST

START_TEST(test_free_null) {
    veilig_registry_free(NULL);
    veilig_free(NULL);
    /* a new registry is empty and frees cleanly */
    veilig_registry *reg = NULL;
    OK(veilig_registry_new(&reg));
    ck_assert_uint_eq(veilig_registry_count(reg), 0);
    ck_assert_ptr_null(veilig_registry_programme(reg));
    ck_assert_ptr_null(veilig_registry_get(reg, 0));
    ck_assert_int_eq(veilig_registry_version(reg), 1);
    veilig_registry_free(reg);
}
END_TEST

static Suite *model_suite(void) {
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("builder");
    tcase_add_test(tc, test_build_and_read_back);
    tcase_add_test(tc, test_change_values);
    tcase_add_test(tc, test_measure_approach_default);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_null_objects);
    tcase_add_test(tc, test_required_strings);
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_bad_dates);
    tcase_add_test(tc, test_window_hours);
    tcase_add_test(tc, test_budget_errors);
    tcase_add_test(tc, test_duplicates);
    tcase_add_test(tc, test_remove);
    tcase_add_test(tc, test_find);
    suite_add_tcase(s, tc);
    tc = tcase_create("common");
    tcase_add_test(tc, test_date_parse_format);
    tcase_add_test(tc, test_date_compare);
    tcase_add_test(tc, test_strerror);
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_free_null);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(model_suite());
}
