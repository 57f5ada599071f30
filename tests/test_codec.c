/* Unit tests of reading and writing documents (include/veilig/codec.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "veilig.h"
#include "testutil.h"

#define OK(x)       ck_assert_int_eq((x), VEILIG_OK)
#define RC(x, code) ck_assert_int_eq((x), (code))

/* A pointer value no function of the library hands out: "*out is NULL on failure". */
#define SENTINEL ((void *)&sentinel_target)
static int sentinel_target;

static veilig_date mkdate(int y, int m, int d) {
    veilig_date r = {y, m, d};
    return r;
}

/* ---- helpers ---- */

/* Every text the library writes must be JSON for jansson too (cross-check). */
static json_t *jansson_parse(const char *text, size_t len) {
    json_error_t jerr;
    json_t *j = json_loadb(text, len, JSON_DECODE_ANY, &jerr);
    ck_assert_msg(j != NULL, "jansson rejects the output: %s (line %d column %d)", jerr.text,
                  jerr.line, jerr.column);
    return j;
}

static void jansson_check(const char *text, size_t len) {
    json_decref(jansson_parse(text, len));
}

/* Dumps reg with flags (checked by jansson unless no_jansson); the caller frees with veilig_free.
 */
static char *dump_flags(const veilig_registry *reg, unsigned flags, size_t *len, int no_jansson) {
    veilig_save_options opts = VEILIG_SAVE_OPTIONS_INIT;
    opts.flags = flags;
    char *out = SENTINEL;
    size_t n = 0;
    veilig_error err;
    int rc = veilig_registry_dump(&out, &n, reg, &opts, &err);
    ck_assert_msg(rc == VEILIG_OK, "dump: %s", err.message);
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_ne(out, SENTINEL);
    ck_assert_uint_eq(strlen(out), n);
    if (!no_jansson)
        jansson_check(out, n);
    if (len)
        *len = n;
    return out;
}

static char *dump(const veilig_registry *reg, size_t *len) {
    return dump_flags(reg, 0, len, 0);
}

static veilig_registry *load_text(const char *text, size_t len) {
    veilig_registry *reg = SENTINEL;
    veilig_error err;
    int rc = veilig_registry_load_string(&reg, text, len, NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "load: %s (%s %d:%d %s)", err.message, veilig_strerror(rc),
                  err.line, err.column, err.pointer);
    ck_assert_ptr_nonnull(reg);
    ck_assert_ptr_ne(reg, SENTINEL);
    return reg;
}

static veilig_registry *load_str(const char *text) {
    return load_text(text, strlen(text));
}

static char *canonical_text(size_t *len) {
    return vg_test_read_file(vg_test_data("canonical.json"), len);
}

static int starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The end of the JSON value that starts at s. */
static const char *value_end(const char *s) {
    if (*s == '"') {
        for (s++; *s != '"'; s++)
            if (*s == '\\')
                s++;
        return s + 1;
    }
    if (*s == '{' || *s == '[') {
        int depth = 0;
        do {
            if (*s == '"') {
                s = value_end(s);
                continue;
            }
            if (*s == '{' || *s == '[')
                depth++;
            else if (*s == '}' || *s == ']')
                depth--;
            s++;
        } while (depth > 0);
        return s;
    }
    while (*s && !strchr(",}] \n\t\r", *s))
        s++;
    return s;
}

/* A copy of s[0..n) without the whitespace outside strings (free()). */
static char *squeeze(const char *s, size_t n) {
    char *out = malloc(n + 1);
    ck_assert_ptr_nonnull(out);
    size_t k = 0;
    int in_string = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_string) {
            out[k++] = c;
            if (c == '\\' && i + 1 < n)
                out[k++] = s[++i];
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
            out[k++] = c;
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            out[k++] = c;
        }
    }
    out[k] = '\0';
    return out;
}

/* Where the value at pointer starts in text (byte offset); fails the test when there is none. */
static size_t locate(const char *text, const char *pointer) {
    veilig_error err;
    memset(&err, 0, sizeof err);
    int rc = veilig_json_locate(&err, text, strlen(text), pointer);
    ck_assert_msg(rc == VEILIG_OK, "locate %s: %s", pointer, veilig_strerror(rc));
    return err.position;
}

/* The value at pointer in text, without whitespace (free()). */
static char *value_at(const char *text, const char *pointer) {
    size_t pos = locate(text, pointer);
    const char *start = text + pos;
    return squeeze(start, (size_t)(value_end(start) - start));
}

static void assert_value_at(const char *text, const char *pointer, const char *expect) {
    char *v = value_at(text, pointer);
    ck_assert_msg(strcmp(v, expect) == 0, "value at %s: %s, expected %s", pointer, v, expect);
    free(v);
}

/* ---- the document of canonical.json, built with the builder ---- */

static veilig_registry *build_canonical(void) {
    veilig_registry *reg = NULL;
    OK(veilig_registry_new(&reg));
    veilig_programme *p = NULL;
    OK(veilig_registry_set_programme(&p, reg));
    OK(veilig_programme_set_name(p, "Veilige Steden"));
    OK(veilig_programme_set_operator(p, "Movisie"));
    veilig_contact *c = NULL;
    OK(veilig_programme_set_contact(&c, p));
    OK(veilig_contact_set_role(c, VEILIG_ROLE_CONTACT_POINT));
    OK(veilig_contact_set_name(c, "Programmateam Veilige Steden"));
    OK(veilig_contact_set_email(c, "veiligesteden@example.nl"));
    veilig_source *src = NULL;
    OK(veilig_programme_add_source(&src, p, "Veilige Steden"));
    OK(veilig_source_set_publisher(src, "Movisie"));
    OK(veilig_source_set_url(src, "https://www.movisie.nl/veilige-steden"));
    veilig_date d = mkdate(2024, 5, 1);
    OK(veilig_source_set_retrieved(src, &d));

    veilig_municipality *m = NULL;
    OK(veilig_registry_add(&m, reg, "GM0153", "Enschede"));
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
    OK(veilig_municipality_set_summary(m, "Enschede pakt straatintimidatie aan met de PUB-ploeg."));
    OK(veilig_municipality_set_ambition(
        m, "Iedereen moet zich veilig voelen in de binnenstad, ook \xe2\x80\x99s nachts."));
    OK(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_WOMEN_GIRLS));
    OK(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_LGBTIQ));
    OK(veilig_municipality_add_setting(m, VEILIG_SETTING_PUBLIC_SPACE));
    OK(veilig_municipality_add_setting(m, VEILIG_SETTING_NIGHTLIFE));
    OK(veilig_municipality_add_focus(m, VEILIG_APPROACH_PREVENTION));
    OK(veilig_municipality_add_focus(m, VEILIG_APPROACH_SIGNALLING));
    OK(veilig_municipality_add_exclusion(NULL, m, VEILIG_APPROACH_ENFORCEMENT,
                                         "Strafrechtelijk nog niet mogelijk"));
    veilig_policy_link *l = NULL;
    OK(veilig_municipality_add_policy_link(&l, m, "Integraal Veiligheidsbeleid"));
    OK(veilig_policy_link_set_kind(l, VEILIG_LINK_KIND_POLICY));
    OK(veilig_policy_link_set_relation(l, VEILIG_LINK_RELATION_EMBEDDED_IN));
    OK(veilig_policy_link_set_note(l, "Straatintimidatie bij de High Impact Crimes"));
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
    OK(veilig_stakeholder_set_note(s, "Co\xc3\xb6rdineert de aanpak \xf0\x9f\x8c\x88"));
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

    veilig_measure *ms = NULL;
    OK(veilig_municipality_add_measure(&ms, m, "pub-ploeg", "PUB-ploeg",
                                       VEILIG_CATEGORY_DEESCALATION));
    OK(veilig_measure_set_description(
        ms, "Een team dat de-escaleert.\n\"Rustig aan\", zegt de ploeg\t(\\o/)."));
    OK(veilig_measure_set_approach(ms, VEILIG_APPROACH_PREVENTION));
    OK(veilig_measure_add_target_group(ms, VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS));
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
    OK(veilig_measure_add_window(&w, ms));
    OK(veilig_window_add_day(w, VEILIG_DAY_THU));
    OK(veilig_window_set_hours(w, 18 * 60 + 30, 24 * 60));
    veilig_partner *pa = NULL;
    OK(veilig_measure_add_partner(&pa, ms, "team-veiligheid", VEILIG_ROLE_EXECUTING));
    OK(veilig_partner_set_note(pa, "met boa's"));
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
    OK(veilig_municipality_add_measure(&ms, m, "meldpunt", "Meldpunt straatintimidatie",
                                       VEILIG_CATEGORY_REPORTING));
    OK(veilig_measure_set_budget(ms, 7, NULL));

    veilig_indicator *ind = NULL;
    OK(veilig_municipality_add_indicator(&ind, m, "meldingen", "Aantal meldingen"));
    OK(veilig_indicator_set_level(ind, VEILIG_RESULT_LEVEL_OUTPUT));
    OK(veilig_indicator_set_unit(ind, VEILIG_UNIT_COUNT));
    OK(veilig_indicator_set_direction(ind, VEILIG_DIRECTION_INCREASE));
    d = mkdate(2021, 0, 0);
    OK(veilig_indicator_set_baseline_date(ind, &d));
    OK(veilig_indicator_set_baseline_value(ind, 12));
    OK(veilig_indicator_set_baseline_note(ind, "eerste meting"));
    d = mkdate(2025, 0, 0);
    OK(veilig_indicator_set_target_date(ind, &d));
    OK(veilig_indicator_set_target_value(ind, 40.5));
    veilig_observation *o = NULL;
    d = mkdate(2022, 6, 0);
    OK(veilig_indicator_add_observation(&o, ind, &d, 18));
    OK(veilig_observation_set_source(o, "Meldpunt"));
    OK(veilig_observation_set_note(o, "halfjaar"));
    d = mkdate(2023, 6, 30);
    OK(veilig_indicator_add_observation(NULL, ind, &d, 0.25));
    OK(veilig_municipality_add_source(&src, m, "Veilige Steden: Enschede"));
    OK(veilig_source_set_publisher(src, "Movisie"));
    OK(veilig_source_set_url(src, "https://www.movisie.nl/enschede"));
    d = mkdate(2024, 5, 2);
    OK(veilig_source_set_retrieved(src, &d));

    OK(veilig_registry_add(&m, reg, "GM0363", "Amsterdam"));
    OK(veilig_municipality_set_membership_status(m, VEILIG_MEMBERSHIP_STATUS_FORMER));
    OK(veilig_municipality_add_measure(&ms, m, "campagne", "Campagne", VEILIG_CATEGORY_CAMPAIGN));
    OK(veilig_measure_set_budget(ms, 30000, "USD"));
    return reg;
}

/* ---- (a) canonical output ---- */

START_TEST(test_canonical_golden) {
    size_t glen = 0;
    char *golden = canonical_text(&glen);
    ck_assert_int_gt((int)glen, 0);
    ck_assert_int_eq(golden[glen - 1], '\n');

    veilig_registry *built = build_canonical();
    size_t len = 0;
    char *text = dump(built, &len);
    ck_assert_msg(len == glen && memcmp(text, golden, glen) == 0,
                  "the dump of the built document differs from canonical.json:\n%s", text);
    /* two dumps of the same registry are byte-identical */
    size_t len2 = 0;
    char *text2 = dump(built, &len2);
    ck_assert_uint_eq(len2, len);
    ck_assert_mem_eq(text2, text, len);
    veilig_free(text2);

    /* load the dump, dump again: the same bytes */
    veilig_registry *again = load_text(text, len);
    char *text3 = dump(again, &len2);
    ck_assert_uint_eq(len2, len);
    ck_assert_mem_eq(text3, text, len);
    veilig_free(text3);
    veilig_registry_free(again);

    /* the committed file itself loads and dumps to itself */
    veilig_registry *fromfile = NULL;
    veilig_error err;
    int rc = veilig_registry_load_file(&fromfile, vg_test_data("canonical.json"), NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "load canonical.json: %s at %d:%d %s", err.message, err.line,
                  err.column, err.pointer);
    char *text4 = dump(fromfile, &len2);
    ck_assert_uint_eq(len2, glen);
    ck_assert_mem_eq(text4, golden, glen);
    veilig_free(text4);

    /* what was read is what was built */
    const veilig_municipality *m = veilig_registry_find(fromfile, "GM0153");
    ck_assert_ptr_nonnull(m);
    const veilig_measure *ms = veilig_municipality_find_measure(m, "pub-ploeg");
    ck_assert_str_eq(veilig_measure_description(ms),
                     "Een team dat de-escaleert.\n\"Rustig aan\", zegt de ploeg\t(\\o/).");
    int64_t cents = 0;
    OK(veilig_measure_budget_cents(&cents, ms));
    ck_assert_int_eq(cents, 1250050);
    ck_assert_int_eq(veilig_window_from(veilig_measure_window(ms, 0)), 22 * 60);
    ck_assert_int_eq(veilig_window_to(veilig_measure_window(ms, 0)), 4 * 60);
    ck_assert_int_eq(veilig_window_from(veilig_measure_window(ms, 2)), 18 * 60 + 30);
    ck_assert_int_eq(veilig_window_to(veilig_measure_window(ms, 2)), 24 * 60);
    OK(veilig_measure_budget_cents(&cents, veilig_municipality_find_measure(m, "meldpunt")));
    ck_assert_int_eq(cents, 7);
    ck_assert_int_eq(veilig_measure_approach(veilig_municipality_find_measure(m, "meldpunt")),
                     VEILIG_APPROACH_SIGNALLING);
    ck_assert_ptr_null(
        veilig_measure_approach_code(veilig_municipality_find_measure(m, "meldpunt")));
    ck_assert_str_eq(veilig_stakeholder_note(veilig_municipality_stakeholder(m, 1)),
                     "Co\xc3\xb6rdineert de aanpak \xf0\x9f\x8c\x88");
    ck_assert_int_eq(veilig_contact_personal(veilig_municipality_contact(m, 0)), 1);
    const veilig_municipality *a = veilig_registry_get(fromfile, 1);
    OK(veilig_measure_budget_cents(&cents, veilig_municipality_measure(a, 0)));
    ck_assert_int_eq(cents, 30000);
    ck_assert_str_eq(veilig_measure_budget_currency(veilig_municipality_measure(a, 0)), "USD");
    veilig_registry_free(fromfile);

    /* dump without a len pointer, and with opts NULL */
    char *text5 = SENTINEL;
    OK(veilig_registry_dump(&text5, NULL, built, NULL, NULL));
    ck_assert_str_eq(text5, golden);
    veilig_free(text5);

    veilig_free(text);
    veilig_registry_free(built);
    free(golden);
}
END_TEST

START_TEST(test_empty_registry_dump) {
    veilig_registry *reg = NULL;
    OK(veilig_registry_new(&reg));
    size_t len = 0;
    char *text = dump(reg, &len);
    ck_assert_str_eq(text, "{\n  \"format\": \"veilig\",\n  \"version\": 1\n}\n");
    veilig_free(text);
    /* an empty programme block */
    OK(veilig_registry_set_programme(NULL, reg));
    text = dump(reg, &len);
    ck_assert_str_eq(text,
                     "{\n  \"format\": \"veilig\",\n  \"version\": 1,\n  \"programme\": {}\n}\n");
    veilig_free(text);
    veilig_registry_free(reg);
}
END_TEST

/* ---- (b) lossless ---- */

static const char lossless_doc[] =
    "{\n"
    "  \"x_top_first\": \"before format\",\n"
    "  \"format\": \"veilig\",\n"
    "  \"version\": 1,\n"
    "  \"programme\": {\n"
    "    \"x_programme\": {\"nested\": [1, 2, {\"deep\": null}]},\n"
    "    \"name\": \"P\",\n"
    "    \"contact\": {\"x_contact\": true, \"role\": \"x_role_contact\"},\n"
    "    \"sources\": [{\"x_source\": false, \"title\": \"S\"}]\n"
    "  },\n"
    "  \"municipalities\": [\n"
    "    {\n"
    "      \"x_municipality\": [1.50, -0, 1e400, 2E-3, 0.1e1],\n"
    "      \"code\": \"GM0001\",\n"
    "      \"name\": \"Testdorp\",\n"
    "      \"membership\": {\"x_membership\": \"m\", \"joined\": \"2020\",\n"
    "        \"period\": {\"x_membership_period\": 1, \"start\": \"2020\"},\n"
    "        \"status\": \"x_status_membership\"},\n"
    "      \"scope\": {\"x_scope\": {}, \"target_groups\": [\"x_tg_m\", \"youth\"],\n"
    "        \"settings\": [\"x_setting_m\"]},\n"
    "      \"focus\": [\"x_focus\", \"prevention\"],\n"
    "      \"excluded\": [{\"x_exclusion\": [], \"approach\": \"x_approach_excl\", \"reason\": "
    "\"r\"}],\n"
    "      \"policy_links\": [{\"x_policy_link\": \"\\u00e9\\u20ac\\ud83c\\udf08 \\\"q\\\" \\\\ "
    "\\/ \\b\\f\\n\\r\\t \\u0001\",\n"
    "        \"name\": \"L\", \"kind\": \"x_kind\", \"relation\": \"x_relation\"}],\n"
    "      \"stakeholders\": [{\"x_stakeholder\": null, \"id\": \"s\", \"name\": \"S\",\n"
    "        \"kind\": \"x_stype\", \"roles\": [\"x_role_s\", \"partner\"]}],\n"
    "      \"contacts\": [{\"x_contact\": 12345678901234567890123, \"role\": \"x_role_c\"}],\n"
    "      \"measures\": [{\n"
    "        \"x_measure\": {\"a\": {\"b\": {\"c\": [[], {}]}}},\n"
    "        \"id\": \"m1\", \"name\": \"M\", \"category\": \"x_category\", \"approach\": "
    "\"x_approach\",\n"
    "        \"target_groups\": [\"x_tg\"], \"settings\": [\"x_setting\"],\n"
    "        \"area\": {\"x_area\": 0, \"name\": \"A\"},\n"
    "        \"schedule\": [{\"x_window\": \"w\", \"days\": [\"x_day\", \"mon\"], \"dayparts\": "
    "[\"x_daypart\"]}],\n"
    "        \"partners\": [{\"x_partner\": -1.0e+10, \"stakeholder\": \"s\", \"role\": "
    "\"x_role_p\"}],\n"
    "        \"status\": \"x_status\",\n"
    "        \"period\": {\"x_period\": \"p\", \"start\": \"2021\"},\n"
    "        \"budget\": {\"x_budget\": \"b\", \"amount\": 1,\n"
    "          \"period\": {\"x_budget_period\": \"bp\", \"end\": \"2022\"}},\n"
    "        \"evidence\": \"x_evidence\"\n"
    "      }],\n"
    "      \"indicators\": [{\"x_indicator\": \"ind\", \"id\": \"i\", \"name\": \"I\", "
    "\"level\": \"x_level\",\n"
    "        \"unit\": \"x_unit\", \"direction\": \"x_direction\",\n"
    "        \"baseline\": {\"x_baseline\": \"bl\", \"value\": 1},\n"
    "        \"target\": {\"x_target\": \"tg\", \"value\": 2},\n"
    "        \"observations\": [{\"x_observation\": \"ob\", \"date\": \"2021\", \"value\": 3}]}],\n"
    "      \"sources\": [{\"x_source_m\": \"src\", \"title\": \"T\"}]\n"
    "    }\n"
    "  ],\n"
    "  \"x_top_last\": {\"z\": 1, \"a\": 2}\n"
    "}\n";

/* Where each unknown key must be, the last known key before it, and its value as written. */
static const struct {
    const char *object;
    const char *last_known;
    const char *unknown;
    const char *value;
} lossless_keys[] = {
    {"", "municipalities", "x_top_first", "\"before format\""},
    {"", "x_top_first", "x_top_last", "{\"z\":1,\"a\":2}"},
    {"/programme", "sources", "x_programme", "{\"nested\":[1,2,{\"deep\":null}]}"},
    {"/programme/contact", "role", "x_contact", "true"},
    {"/programme/sources/0", "title", "x_source", "false"},
    {"/municipalities/0", "sources", "x_municipality", "[1.50,-0,1e400,2E-3,0.1e1]"},
    {"/municipalities/0/membership", "status", "x_membership", "\"m\""},
    {"/municipalities/0/membership/period", "start", "x_membership_period", "1"},
    {"/municipalities/0/scope", "settings", "x_scope", "{}"},
    {"/municipalities/0/excluded/0", "reason", "x_exclusion", "[]"},
    {"/municipalities/0/policy_links/0", "relation", "x_policy_link",
     "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x8c\x88 \\\"q\\\" \\\\ / \\b\\f\\n\\r\\t \\u0001\""},
    {"/municipalities/0/stakeholders/0", "roles", "x_stakeholder", "null"},
    {"/municipalities/0/contacts/0", "role", "x_contact", "12345678901234567890123"},
    {"/municipalities/0/measures/0", "evidence", "x_measure", "{\"a\":{\"b\":{\"c\":[[],{}]}}}"},
    {"/municipalities/0/measures/0/area", "name", "x_area", "0"},
    {"/municipalities/0/measures/0/schedule/0", "dayparts", "x_window", "\"w\""},
    {"/municipalities/0/measures/0/partners/0", "role", "x_partner", "-1.0e+10"},
    {"/municipalities/0/measures/0/period", "start", "x_period", "\"p\""},
    {"/municipalities/0/measures/0/budget", "period", "x_budget", "\"b\""},
    {"/municipalities/0/measures/0/budget/period", "end", "x_budget_period", "\"bp\""},
    {"/municipalities/0/indicators/0", "observations", "x_indicator", "\"ind\""},
    {"/municipalities/0/indicators/0/baseline", "value", "x_baseline", "\"bl\""},
    {"/municipalities/0/indicators/0/target", "value", "x_target", "\"tg\""},
    {"/municipalities/0/indicators/0/observations/0", "value", "x_observation", "\"ob\""},
    {"/municipalities/0/sources/0", "title", "x_source_m", "\"src\""},
};

/* The unknown codes, readable through the _code getters, with _OTHER enums. */
static void check_unknown_codes(const veilig_registry *reg) {
    const veilig_programme *p = veilig_registry_programme(reg);
    ck_assert_str_eq(veilig_contact_role_code(veilig_programme_contact(p)), "x_role_contact");
    ck_assert_int_eq(veilig_contact_role(veilig_programme_contact(p)), VEILIG_ROLE_OTHER);
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    ck_assert_str_eq(veilig_municipality_membership_status_code(m), "x_status_membership");
    ck_assert_int_eq(veilig_municipality_membership_status(m), VEILIG_MEMBERSHIP_STATUS_OTHER);
    ck_assert_str_eq(veilig_municipality_target_group_code(m, 0), "x_tg_m");
    ck_assert_int_eq(veilig_municipality_target_group(m, 0), VEILIG_TARGET_GROUP_OTHER);
    ck_assert_str_eq(veilig_municipality_target_group_code(m, 1), "youth");
    ck_assert_int_eq(veilig_municipality_target_group(m, 1), VEILIG_TARGET_GROUP_YOUTH);
    ck_assert_str_eq(veilig_municipality_setting_code(m, 0), "x_setting_m");
    ck_assert_int_eq(veilig_municipality_setting(m, 0), VEILIG_SETTING_OTHER);
    ck_assert_str_eq(veilig_municipality_focus_code(m, 0), "x_focus");
    ck_assert_int_eq(veilig_municipality_focus(m, 0), VEILIG_APPROACH_OTHER);
    ck_assert_int_eq(veilig_municipality_focus(m, 1), VEILIG_APPROACH_PREVENTION);
    const veilig_exclusion *x = veilig_municipality_exclusion(m, 0);
    ck_assert_str_eq(veilig_exclusion_approach_code(x), "x_approach_excl");
    ck_assert_int_eq(veilig_exclusion_approach(x), VEILIG_APPROACH_OTHER);
    const veilig_policy_link *l = veilig_municipality_policy_link(m, 0);
    ck_assert_str_eq(veilig_policy_link_kind_code(l), "x_kind");
    ck_assert_int_eq(veilig_policy_link_kind(l), VEILIG_LINK_KIND_OTHER);
    ck_assert_str_eq(veilig_policy_link_relation_code(l), "x_relation");
    ck_assert_int_eq(veilig_policy_link_relation(l), VEILIG_LINK_RELATION_OTHER);
    const veilig_stakeholder *s = veilig_municipality_stakeholder(m, 0);
    ck_assert_str_eq(veilig_stakeholder_kind_code(s), "x_stype");
    ck_assert_int_eq(veilig_stakeholder_kind(s), VEILIG_STAKEHOLDER_TYPE_OTHER);
    ck_assert_str_eq(veilig_stakeholder_role_code(s, 0), "x_role_s");
    ck_assert_int_eq(veilig_stakeholder_role(s, 0), VEILIG_ROLE_OTHER);
    ck_assert_int_eq(veilig_stakeholder_role(s, 1), VEILIG_ROLE_PARTNER);
    const veilig_contact *c = veilig_municipality_contact(m, 0);
    ck_assert_str_eq(veilig_contact_role_code(c), "x_role_c");
    ck_assert_int_eq(veilig_contact_role(c), VEILIG_ROLE_OTHER);
    const veilig_measure *ms = veilig_municipality_measure(m, 0);
    ck_assert_str_eq(veilig_measure_category_code(ms), "x_category");
    ck_assert_int_eq(veilig_measure_category(ms), VEILIG_CATEGORY_OTHER);
    ck_assert_str_eq(veilig_measure_approach_code(ms), "x_approach");
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_OTHER);
    ck_assert_str_eq(veilig_measure_target_group_code(ms, 0), "x_tg");
    ck_assert_int_eq(veilig_measure_target_group(ms, 0), VEILIG_TARGET_GROUP_OTHER);
    ck_assert_str_eq(veilig_measure_setting_code(ms, 0), "x_setting");
    ck_assert_int_eq(veilig_measure_setting(ms, 0), VEILIG_SETTING_OTHER);
    const veilig_window *w = veilig_measure_window(ms, 0);
    ck_assert_str_eq(veilig_window_day_code(w, 0), "x_day");
    ck_assert_int_eq(veilig_window_day(w, 0), VEILIG_DAY_OTHER);
    ck_assert_int_eq(veilig_window_day(w, 1), VEILIG_DAY_MON);
    ck_assert_str_eq(veilig_window_daypart_code(w, 0), "x_daypart");
    ck_assert_int_eq(veilig_window_daypart(w, 0), VEILIG_DAYPART_OTHER);
    const veilig_partner *pa = veilig_measure_partner(ms, 0);
    ck_assert_str_eq(veilig_partner_role_code(pa), "x_role_p");
    ck_assert_int_eq(veilig_partner_role(pa), VEILIG_ROLE_OTHER);
    ck_assert_str_eq(veilig_measure_status_code(ms), "x_status");
    ck_assert_int_eq(veilig_measure_status(ms), VEILIG_MEASURE_STATE_OTHER);
    ck_assert_str_eq(veilig_measure_evidence_code(ms), "x_evidence");
    ck_assert_int_eq(veilig_measure_evidence(ms), VEILIG_EVIDENCE_OTHER);
    int64_t cents = 0;
    OK(veilig_measure_budget_cents(&cents, ms));
    ck_assert_int_eq(cents, 100);
    const veilig_indicator *ind = veilig_municipality_indicator(m, 0);
    ck_assert_str_eq(veilig_indicator_level_code(ind), "x_level");
    ck_assert_int_eq(veilig_indicator_level(ind), VEILIG_RESULT_LEVEL_OTHER);
    ck_assert_str_eq(veilig_indicator_unit_code(ind), "x_unit");
    ck_assert_int_eq(veilig_indicator_unit(ind), VEILIG_UNIT_OTHER);
    ck_assert_str_eq(veilig_indicator_direction_code(ind), "x_direction");
    ck_assert_int_eq(veilig_indicator_direction(ind), VEILIG_DIRECTION_OTHER);
}

START_TEST(test_lossless) {
    veilig_registry *reg = load_str(lossless_doc);
    check_unknown_codes(reg);
    size_t len1 = 0, len2 = 0;
    /* 1e400 is out of jansson's range: no jansson cross-check of this one */
    char *text1 = dump_flags(reg, 0, &len1, 1);
    veilig_registry *reg2 = load_text(text1, len1);
    check_unknown_codes(reg2);
    char *text2 = dump_flags(reg2, 0, &len2, 1);
    ck_assert_uint_eq(len2, len1);
    ck_assert_mem_eq(text2, text1, len1);

    for (size_t k = 0; k < sizeof lossless_keys / sizeof lossless_keys[0]; k++) {
        char known[512], unknown[512];
        snprintf(known, sizeof known, "%s/%s", lossless_keys[k].object,
                 lossless_keys[k].last_known);
        snprintf(unknown, sizeof unknown, "%s/%s", lossless_keys[k].object,
                 lossless_keys[k].unknown);
        size_t pk = locate(text1, known), pu = locate(text1, unknown);
        ck_assert_msg(pu > pk, "%s is not after %s", unknown, known);
        assert_value_at(text1, unknown, lossless_keys[k].value);
    }
    /* unknown keys keep the order they came in, after the known ones */
    ck_assert_int_lt((int)locate(text1, "/x_top_first"), (int)locate(text1, "/x_top_last"));
    /* unknown codes are written back as they were */
    assert_value_at(text1, "/municipalities/0/measures/0/category", "\"x_category\"");
    assert_value_at(text1, "/municipalities/0/measures/0/schedule/0/days", "[\"x_day\",\"mon\"]");
    assert_value_at(text1, "/municipalities/0/scope/target_groups", "[\"x_tg_m\",\"youth\"]");
    assert_value_at(text1, "/municipalities/0/indicators/0/direction", "\"x_direction\"");
    assert_value_at(text1, "/programme/contact/role", "\"x_role_contact\"");
    /* the whole municipality, squeezed: known keys in canonical order, then the unknown */
    assert_value_at(text1, "/municipalities/0/measures/0/budget",
                    "{\"amount\":1,\"period\":{\"end\":\"2022\",\"x_budget_period\":\"bp\"},"
                    "\"x_budget\":\"b\"}");
    assert_value_at(text1, "/municipalities/0/membership",
                    "{\"joined\":\"2020\",\"period\":{\"start\":\"2020\",\"x_membership_period\":"
                    "1},\"status\":\"x_status_membership\",\"x_membership\":\"m\"}");

    /* one municipality or measure as JSON keeps them too */
    char *frag = NULL;
    OK(veilig_municipality_to_json(&frag, NULL, veilig_registry_get(reg, 0), NULL, NULL));
    assert_value_at(frag, "/x_municipality", "[1.50,-0,1e400,2E-3,0.1e1]");
    assert_value_at(frag, "/focus", "[\"x_focus\",\"prevention\"]");
    veilig_free(frag);
    OK(veilig_measure_to_json(
        &frag, NULL, veilig_municipality_measure(veilig_registry_get(reg, 0), 0), NULL, NULL));
    assert_value_at(frag, "/category", "\"x_category\"");
    assert_value_at(frag, "/x_measure", "{\"a\":{\"b\":{\"c\":[[],{}]}}}");
    assert_value_at(frag, "/budget/period/x_budget_period", "\"bp\"");
    veilig_free(frag);

    /* the library writes a second, changed registry with its unknown parts kept */
    veilig_municipality *m = veilig_registry_get_mut(reg2, 0);
    OK(veilig_municipality_set_summary(m, "Nieuw"));
    char *text3 = dump_flags(reg2, 0, NULL, 1);
    assert_value_at(text3, "/municipalities/0/x_municipality", "[1.50,-0,1e400,2E-3,0.1e1]");
    assert_value_at(text3, "/municipalities/0/summary", "\"Nieuw\"");
    veilig_free(text3);

    veilig_free(text1);
    veilig_free(text2);
    veilig_registry_free(reg);
    veilig_registry_free(reg2);
}
END_TEST

/* ---- (c) errors ---- */

typedef struct error_case {
    const char *name;
    const char *text;
    int code;
    int line, column;
    const char *pointer;
    size_t max_depth, max_municipalities, max_string;
} error_case;

#define DOC_HEAD "{\"format\": \"veilig\", \"version\": 1, "
/* A document with one municipality whose body follows. */
#define MUNI_HEAD "{\"format\": \"veilig\", \"version\": 1,\n\"municipalities\": [\n"

static const error_case error_cases[] = {
    /* not JSON */
    {"double comma", "{\n  \"format\": \"veilig\",\n  \"version\": 1,,\n}", VEILIG_EPARSE, 3, 16,
     "", 0, 0, 0},
    {"bare word", "{\"format\": veilig}", VEILIG_EPARSE, 1, 12, "", 0, 0, 0},
    {"column in characters", "{\"naam\": \"\xc3\xa9\", x}", VEILIG_EPARSE, 1, 15, "", 0, 0, 0},
    {"trailing garbage", "{\"format\": \"veilig\", \"version\": 1}\n  x", VEILIG_EPARSE, 2, 3, "",
     0, 0, 0},
    {"empty", "", VEILIG_EPARSE, 1, 1, "", 0, 0, 0},
    {"only spaces", "  \n  ", VEILIG_EPARSE, 2, 3, "", 0, 0, 0},
    {"missing colon", "{\n\"format\" \"veilig\"}", VEILIG_EPARSE, 2, 10, "", 0, 0, 0},
    {"single quotes", "{'format': 1}", VEILIG_EPARSE, 1, 2, "", 0, 0, 0},
    {"invalid utf-8", "{\"format\": \"\xff\"}", VEILIG_EPARSE, 1, 13, "", 0, 0, 0},
    {"control character", "{\"format\": \"a\tb\"}", VEILIG_EPARSE, 1, 14, "", 0, 0, 0},
    /* not a veilig document */
    {"top level array", "[1, 2]", VEILIG_ESCHEMA, 1, 1, "", 0, 0, 0},
    {"top level string", "\n  \"veilig\"", VEILIG_ESCHEMA, 2, 3, "", 0, 0, 0},
    {"top level null", "null", VEILIG_ESCHEMA, 1, 1, "", 0, 0, 0},
    {"missing format", "{\"version\": 1}", VEILIG_ESCHEMA, 1, 1, "", 0, 0, 0},
    {"missing version", "  {\"format\": \"veilig\"}", VEILIG_ESCHEMA, 1, 3, "", 0, 0, 0},
    {"format other", "{\"format\": \"other\", \"version\": 1}", VEILIG_EVERSION, 1, 12, "/format",
     0, 0, 0},
    {"format not a string", "{\"format\": 1, \"version\": 1}", VEILIG_ESCHEMA, 1, 12, "/format", 0,
     0, 0},
    {"version 2", "{\"format\": \"veilig\", \"version\": 2}", VEILIG_EVERSION, 1, 33, "/version", 0,
     0, 0},
    {"version 1.5", "{\"format\": \"veilig\",\n \"version\": 1.5}", VEILIG_EVERSION, 2, 13,
     "/version", 0, 0, 0},
    {"version a string", "{\"format\": \"veilig\", \"version\": \"1\"}", VEILIG_ESCHEMA, 1, 33,
     "/version", 0, 0, 0},
    /* wrong types at several depths */
    {"category a number",
     "{\n  \"format\": \"veilig\",\n  \"version\": 1,\n  \"municipalities\": [\n    {\n"
     "      \"code\": \"GM0001\",\n      \"name\": \"X\",\n      \"measures\": [\n"
     "        {\"id\": \"a\", \"name\": \"A\", \"category\": \"campaign\"},\n"
     "        {\"id\": \"b\", \"name\": \"B\", \"category\": 7}\n      ]\n    }\n  ]\n}\n",
     VEILIG_ESCHEMA, 10, 46, "/municipalities/0/measures/1/category", 0, 0, 0},
    {"municipalities an object", DOC_HEAD "\"municipalities\": {}}", VEILIG_ESCHEMA, 1, 54,
     "/municipalities", 0, 0, 0},
    {"programme a string", DOC_HEAD "\"programme\": \"P\"}", VEILIG_ESCHEMA, 1, 49, "/programme", 0,
     0, 0},
    {"municipality a number", MUNI_HEAD "42]}", VEILIG_ESCHEMA, 3, 1, "/municipalities/0", 0, 0, 0},
    {"source title an array",
     "{\"format\":\"veilig\",\"version\":1,\"programme\":{\"sources\":[{\"title\":[]}]}}",
     VEILIG_ESCHEMA, 1, 65, "/programme/sources/0/title", 0, 0, 0},
    {"name a number", MUNI_HEAD "{\"code\": \"GM0001\", \"name\": 5}]}", VEILIG_ESCHEMA, 3, 28,
     "/municipalities/0/name", 0, 0, 0},
    {"target group a number",
     MUNI_HEAD
     "{\"code\": \"GM0001\", \"name\": \"X\",\n \"scope\": {\"target_groups\": [\"youth\", "
     "3]}}]}",
     VEILIG_ESCHEMA, 4, 39, "/municipalities/0/scope/target_groups/1", 0, 0, 0},
    {"personal a string",
     MUNI_HEAD
     "{\"code\": \"GM0001\", \"name\": \"X\",\n\"contacts\": [{\"personal\": \"yes\"}]}]}",
     VEILIG_ESCHEMA, 4, 27, "/municipalities/0/contacts/0/personal", 0, 0, 0},
    {"baseline value a string",
     MUNI_HEAD
     "{\"code\": \"GM0001\", \"name\": \"X\",\n\"indicators\": [{\"id\": \"i\", \"name\": "
     "\"I\", \"baseline\": {\"value\": \"12\"}}]}]}",
     VEILIG_ESCHEMA, 4, 63, "/municipalities/0/indicators/0/baseline/value", 0, 0, 0},
    {"schedule an object",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\",\n\"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\", \"schedule\": {}}]}]}",
     VEILIG_ESCHEMA, 4, 75, "/municipalities/0/measures/0/schedule", 0, 0, 0},
    {"period start a boolean",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"membership\": {\"period\": {\"start\": "
               "true}}}]}",
     VEILIG_ESCHEMA, 3, 68, "/municipalities/0/membership/period/start", 0, 0, 0},
    /* missing required keys: the pointer of the object */
    {"municipality without code", MUNI_HEAD "  {\"name\": \"X\"}]}", VEILIG_ESCHEMA, 3, 3,
     "/municipalities/0", 0, 0, 0},
    {"measure without category",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\",\n\"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\"}]}]}",
     VEILIG_ESCHEMA, 4, 14, "/municipalities/0/measures/0", 0, 0, 0},
    {"budget without amount",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\",\n\"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\", \"budget\": {\"currency\": \"EUR\"}}]}]}",
     VEILIG_ESCHEMA, 4, 73, "/municipalities/0/measures/0/budget", 0, 0, 0},
    {"source without title", DOC_HEAD "\"programme\": {\"sources\": [{\"url\": \"u\"}]}}",
     VEILIG_ESCHEMA, 1, 62, "/programme/sources/0", 0, 0, 0},
    {"observation without value",
     MUNI_HEAD
     "{\"code\": \"GM0001\", \"name\": \"X\",\n\"indicators\": [{\"id\": \"i\", \"name\": "
     "\"I\", \"observations\": [{\"date\": \"2021\"}]}]}]}",
     VEILIG_ESCHEMA, 4, 58, "/municipalities/0/indicators/0/observations/0", 0, 0, 0},
    {"exclusion without approach",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"excluded\": [{\"reason\": \"r\"}]}]}",
     VEILIG_ESCHEMA, 3, 46, "/municipalities/0/excluded/0", 0, 0, 0},
    {"empty required string", MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"\"}]}", VEILIG_ESCHEMA,
     3, 28, "/municipalities/0/name", 0, 0, 0},
    /* values */
    {"bad date",
     MUNI_HEAD
     "{\"code\": \"GM0001\", \"name\": \"X\",\n  \"membership\": {\"joined\": \"2021-13\"}}]}",
     VEILIG_ESCHEMA, 4, 28, "/municipalities/0/membership/joined", 0, 0, 0},
    {"29 February 2021",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"sources\": [{\"title\": \"T\", "
               "\"retrieved\": \"2021-02-29\"}]}]}",
     VEILIG_ESCHEMA, 3, 73, "/municipalities/0/sources/0/retrieved", 0, 0, 0},
    {"bad time",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"schedule\": [{\"from\": \"25:00\", \"to\": "
               "\"02:00\"}]}]}]}",
     VEILIG_ESCHEMA, 4, 23, "/municipalities/0/measures/0/schedule/0/from", 0, 0, 0},
    {"24:00 as a start",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"schedule\": [{\"from\": \"24:00\", \"to\": "
               "\"02:00\"}]}]}]}",
     VEILIG_ESCHEMA, 4, 23, "/municipalities/0/measures/0/schedule/0/from", 0, 0, 0},
    {"minutes 60",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"schedule\": [{\"from\": \"20:00\", \"to\": "
               "\"22:60\"}]}]}]}",
     VEILIG_ESCHEMA, 4, 38, "/municipalities/0/measures/0/schedule/0/to", 0, 0, 0},
    {"window without to",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"schedule\": [{\"days\": [\"fri\"], \"from\": "
               "\"22:00\"}]}]}]}",
     VEILIG_ESCHEMA, 4, 14, "/municipalities/0/measures/0/schedule/0", 0, 0, 0},
    {"budget three decimals",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"budget\": {\"amount\": 12.345}}]}]}",
     VEILIG_ESCHEMA, 4, 22, "/municipalities/0/measures/0/budget/amount", 0, 0, 0},
    {"budget negative",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"budget\": {\"amount\": -5}}]}]}",
     VEILIG_ESCHEMA, 4, 22, "/municipalities/0/measures/0/budget/amount", 0, 0, 0},
    {"budget a string",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"budget\": {\"amount\": \"12\"}}]}]}",
     VEILIG_ESCHEMA, 4, 22, "/municipalities/0/measures/0/budget/amount", 0, 0, 0},
    {"duplicate key", "{\"format\": \"veilig\", \"version\": 1,\n  \"format\": \"veilig\"}",
     VEILIG_ESCHEMA, 2, 13, "/format", 0, 0, 0},
    {"duplicate key in a measure",
     MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", \"name\": "
               "\"A\", \"category\": \"campaign\",\n\"id\": \"b\"}]}]}",
     VEILIG_ESCHEMA, 4, 7, "/municipalities/0/measures/0/id", 0, 0, 0},
    {"NUL in a string", MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"a\\u0000b\"}]}",
     VEILIG_ESCHEMA, 3, 28, "/municipalities/0/name", 0, 0, 0},
    /* limits: the pointer names the value that goes too deep or is too long */
    {"too deep", DOC_HEAD "\"x\": [[[[1]]]]}", VEILIG_ELIMIT, 1, 44, "/x/0/0/0", 4, 0, 0},
    {"too deep by default",
     DOC_HEAD "\"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
              "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
     VEILIG_ELIMIT, 1, 104,
     "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/"
     "0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
     0, 0, 0},
    {"too many municipalities", DOC_HEAD "\"municipalities\": [{}, {}, {}]}", VEILIG_ELIMIT, 1, 54,
     "/municipalities", 0, 2, 0},
    {"too long a string", DOC_HEAD "\"x\": \"abcdefghij\"}", VEILIG_ELIMIT, 1, 41, "/x", 0, 0, 9},
};

START_TEST(test_load_errors) {
    const error_case *c = &error_cases[_i];
    veilig_load_options opts;
    OK(veilig_load_options_init(&opts, VEILIG_LOAD_OPTIONS_VERSION));
    opts.max_depth = c->max_depth;
    opts.max_municipalities = c->max_municipalities;
    opts.max_string = c->max_string;
    veilig_registry *reg = SENTINEL;
    veilig_error err;
    memset(&err, 0x55, sizeof err);
    int rc = veilig_registry_load_string(&reg, c->text, strlen(c->text), &opts, &err);
    ck_assert_msg(rc == c->code, "%s: %s (%d), expected %s: %s", c->name, veilig_strerror(rc), rc,
                  veilig_strerror(c->code), err.message);
    ck_assert_msg(reg == NULL, "%s: *out is not NULL", c->name);
    ck_assert_int_eq(err.code, rc);
    ck_assert_msg(strcmp(err.pointer, c->pointer) == 0, "%s: pointer \"%s\", expected \"%s\"",
                  c->name, err.pointer, c->pointer);
    ck_assert_msg(err.line == c->line && err.column == c->column,
                  "%s: at %d:%d, expected %d:%d (%s)", c->name, err.line, err.column, c->line,
                  c->column, err.message);
    ck_assert_str_eq(err.source, "<string>");
    ck_assert_int_gt((int)strlen(err.message), 0);
    /* position is the byte offset of line:column */
    size_t line = 1, col = 1;
    for (size_t i = 0; i < err.position; i++) {
        unsigned char ch = (unsigned char)c->text[i];
        if (ch == '\n') {
            line++;
            col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            col++;
        }
    }
    ck_assert_msg((int)line == err.line && (int)col == err.column,
                  "%s: position %zu is %zu:%zu, not %d:%d", c->name, err.position, line, col,
                  err.line, err.column);
    /* the same without an error record */
    reg = SENTINEL;
    RC(veilig_registry_load_string(&reg, c->text, strlen(c->text), &opts, NULL), c->code);
    ck_assert_ptr_null(reg);
}
END_TEST

/* A required key that is missing beside a key a letter or two off: the error says which. */
START_TEST(test_missing_key_typo) {
    static const char doc[] = "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": "
                              "[{\"code\": \"GM0153\", \"name\": \"Enschede\", \"measures\": "
                              "[{\"id\": \"a\", \"name\": \"A\", \"categorie\": \"campaign\"}]}]}";
    veilig_registry *reg = NULL;
    veilig_error err;
    RC(veilig_registry_load_string(&reg, doc, sizeof doc - 1, NULL, &err), VEILIG_ESCHEMA);
    ck_assert_str_eq(err.pointer, "/municipalities/0/measures/0");
    ck_assert_msg(strstr(err.message, "needs \"category\" (missing; did you mean it by "
                                      "\"categorie\"?)") != NULL,
                  "%s", err.message);
    /* a key that is not close says nothing more */
    static const char far[] = "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": "
                              "[{\"code\": \"GM0153\", \"titel\": \"Enschede\"}]}";
    RC(veilig_registry_load_string(&reg, far, sizeof far - 1, NULL, &err), VEILIG_ESCHEMA);
    ck_assert_msg(strstr(err.message, "needs \"name\" (missing)") != NULL, "%s", err.message);
}
END_TEST

/* One below each limit loads. */
START_TEST(test_limits_boundaries) {
    veilig_load_options opts;
    OK(veilig_load_options_init(&opts, VEILIG_LOAD_OPTIONS_VERSION));
    opts.max_depth = 5;
    opts.max_municipalities = 3;
    opts.max_string = 16;
    veilig_registry *reg = NULL;
    veilig_error err;
    const char *deep = DOC_HEAD "\"x\": [[[[1]]]]}";
    int rc = veilig_registry_load_string(&reg, deep, strlen(deep), &opts, &err);
    ck_assert_msg(rc == VEILIG_OK, "depth 5 with max_depth 5: %s", err.message);
    veilig_registry_free(reg);
    const char *three = DOC_HEAD "\"municipalities\": [{\"code\": \"GM0001\", \"name\": \"A\"}, "
                                 "{\"code\": \"GM0002\", \"name\": \"B\"}, {\"code\": \"GM0003\", "
                                 "\"name\": \"C\"}]}";
    OK(veilig_registry_load_string(&reg, three, strlen(three), &opts, &err));
    ck_assert_uint_eq(veilig_registry_count(reg), 3);
    veilig_registry_free(reg);
    const char *str10 = DOC_HEAD "\"x\": \"abcdefghijklmnop\"}"; /* 16 bytes */
    OK(veilig_registry_load_string(&reg, str10, strlen(str10), &opts, &err));
    veilig_registry_free(reg);
    /* 63 nested arrays inside the top object: 64 levels, the default limit */
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%s\"x\": ", DOC_HEAD);
    for (int i = 0; i < 63; i++)
        buf[n++] = '[';
    for (int i = 0; i < 63; i++)
        buf[n++] = ']';
    buf[n++] = '}';
    buf[n] = '\0';
    rc = veilig_registry_load_string(&reg, buf, (size_t)n, NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "depth 64: %s", err.message);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_amounts) {
    static const struct {
        const char *amount;
        int64_t cents;
    } ok[] = {
        {"1e2", 10000},  {"12.5", 1250},  {"0.10", 10},    {"0", 0},
        {"1.000", 100},  {"12.50", 1250}, {"1E+2", 10000}, {"0.5e1", 500},
        {"125e-2", 125}, {"0.01", 1},     {"99", 9900},    {"1.0e-2", 1},
    };
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
        char doc[512];
        snprintf(doc, sizeof doc,
                 MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", "
                           "\"name\": \"A\", \"category\": \"campaign\", \"budget\": {\"amount\": "
                           "%s}}]}]}",
                 ok[k].amount);
        veilig_registry *reg = load_str(doc);
        int64_t cents = -1;
        OK(veilig_measure_budget_cents(
            &cents, veilig_municipality_measure(veilig_registry_get(reg, 0), 0)));
        ck_assert_msg(cents == ok[k].cents, "amount %s: %lld cents, expected %lld", ok[k].amount,
                      (long long)cents, (long long)ok[k].cents);
        veilig_registry_free(reg);
    }
    static const char *const bad[] = {
        "12.345", "-5", "1.5e-2", "0.001", "-0.5", "1e-3", "99999999999999999999"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        char doc[512];
        snprintf(doc, sizeof doc,
                 MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", "
                           "\"name\": \"A\", \"category\": \"campaign\", \"budget\": {\"amount\": "
                           "%s}}]}]}",
                 bad[k]);
        veilig_registry *reg = SENTINEL;
        veilig_error err;
        int rc = veilig_registry_load_string(&reg, doc, strlen(doc), NULL, &err);
        ck_assert_msg(rc == VEILIG_ESCHEMA, "amount %s: %s", bad[k], veilig_strerror(rc));
        ck_assert_ptr_null(reg);
        ck_assert_str_eq(err.pointer, "/municipalities/0/measures/0/budget/amount");
    }
}
END_TEST

START_TEST(test_load_string_arguments) {
    veilig_error err;
    veilig_registry *reg = SENTINEL;
    /* the source name */
    veilig_load_options opts = VEILIG_LOAD_OPTIONS_INIT;
    opts.source = "mijn-document.json";
    RC(veilig_registry_load_string(&reg, "[]", 2, &opts, &err), VEILIG_ESCHEMA);
    ck_assert_str_eq(err.source, "mijn-document.json");
    ck_assert_ptr_null(reg);
    /* an unknown options version */
    opts.version = 99;
    reg = SENTINEL;
    RC(veilig_registry_load_string(&reg, "{}", 2, &opts, &err), VEILIG_EVERSION);
    ck_assert_ptr_null(reg);
    veilig_load_options o2;
    RC(veilig_load_options_init(&o2, 99), VEILIG_EVERSION);
    RC(veilig_load_options_init(NULL, VEILIG_LOAD_OPTIONS_VERSION), VEILIG_EINVAL);
    OK(veilig_load_options_init(&o2, VEILIG_LOAD_OPTIONS_VERSION));
    ck_assert_uint_eq(o2.version, VEILIG_LOAD_OPTIONS_VERSION);
    ck_assert_uint_eq(o2.flags, 0);
    ck_assert_ptr_null(o2.source);
    veilig_save_options s2;
    RC(veilig_save_options_init(&s2, 99), VEILIG_EVERSION);
    RC(veilig_save_options_init(NULL, VEILIG_SAVE_OPTIONS_VERSION), VEILIG_EINVAL);
    OK(veilig_save_options_init(&s2, VEILIG_SAVE_OPTIONS_VERSION));
    ck_assert_uint_eq(s2.flags, 0);
    /* NULL out, NULL text */
    RC(veilig_registry_load_string(NULL, "{}", 2, NULL, &err), VEILIG_EINVAL);
    reg = SENTINEL;
    RC(veilig_registry_load_string(&reg, NULL, 5, NULL, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(reg);
    /* len, not the NUL, ends the text */
    const char *doc = "{\"format\": \"veilig\", \"version\": 1}garbage";
    reg = NULL;
    OK(veilig_registry_load_string(&reg, doc, strlen(doc) - 7, NULL, &err));
    veilig_registry_free(reg);
    /* a NUL byte inside is an error */
    const char nul[] = "{\"format\": \"veilig\", \"version\": 1}\0";
    reg = SENTINEL;
    ck_assert_int_ne(veilig_registry_load_string(&reg, nul, sizeof nul - 1, NULL, &err), VEILIG_OK);
    ck_assert_ptr_null(reg);
    const char nul2[] = "{\"format\": \"veilig\", \"ver\0sion\": 1}";
    reg = SENTINEL;
    ck_assert_int_ne(veilig_registry_load_string(&reg, nul2, sizeof nul2 - 1, NULL, &err),
                     VEILIG_OK);
    ck_assert_ptr_null(reg);
    /* a byte order mark is skipped */
    const char *bom = "\xef\xbb\xbf{\"format\": \"veilig\", \"version\": 1}";
    reg = NULL;
    OK(veilig_registry_load_string(&reg, bom, strlen(bom), NULL, &err));
    veilig_registry_free(reg);
    /* "1.0" and "1e0" are version 1 */
    const char *v10 = "{\"format\": \"veilig\", \"version\": 1.0}";
    reg = NULL;
    OK(veilig_registry_load_string(&reg, v10, strlen(v10), NULL, &err));
    veilig_registry_free(reg);
}
END_TEST

/* Pointers of errors deep inside values the library does not know, with
   keys that need escaping (RFC 6901: "~" is "~0", "/" is "~1"). */
START_TEST(test_error_pointers) {
    static const struct {
        const char *text;
        int code;
        const char *pointer;
    } cases[] = {
        {DOC_HEAD "\"x\": {\"a\": {\"b\": 1, \"b\": 2}}}", VEILIG_ESCHEMA, "/x/a/b"},
        {DOC_HEAD "\"x\": [0, \"a\\u0000\"]}", VEILIG_ESCHEMA, "/x/1"},
        {DOC_HEAD "\"x\": {\"a/b~c\": 1, \"a/b~c\": 2}}", VEILIG_ESCHEMA, "/x/a~1b~0c"},
        {DOC_HEAD "\"x\": {\"\": 1, \"\": 2}}", VEILIG_ESCHEMA, "/x/"},
        {DOC_HEAD "\"programme\": {\"name\": \"P\", \"name\": \"Q\"}}", VEILIG_ESCHEMA,
         "/programme/name"},
        {MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"focus\": [\"prevention\", 1]}]}",
         VEILIG_ESCHEMA, "/municipalities/0/focus/1"},
        {MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", "
                   "\"name\": \"A\", \"category\": \"campaign\", \"schedule\": [{\"days\": "
                   "[\"mon\", null]}]}]}]}",
         VEILIG_ESCHEMA, "/municipalities/0/measures/0/schedule/0/days/1"},
        {MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", "
                   "\"name\": \"A\", \"category\": \"campaign\", \"indicators\": [\"\"]}]}]}",
         VEILIG_ESCHEMA, "/municipalities/0/measures/0/indicators/0"},
        {MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"measures\": [{\"id\": \"a\", "
                   "\"name\": \"A\", \"category\": \"\"}]}]}",
         VEILIG_ESCHEMA, "/municipalities/0/measures/0/category"},
        {MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"contacts\": [{\"x~/\": [1, {\"k\": "
                   "\"\\u0000\"}]}]}]}",
         VEILIG_ESCHEMA, "/municipalities/0/contacts/0/x~0~1/1/k"},
        {DOC_HEAD "\"programme\": null}", VEILIG_ESCHEMA, "/programme"},
        {DOC_HEAD "\"municipalities\": [null]}", VEILIG_ESCHEMA, "/municipalities/0"},
        {MUNI_HEAD "{\"code\": \"GM0001\", \"name\": \"X\", \"summary\": null}]}", VEILIG_ESCHEMA,
         "/municipalities/0/summary"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        veilig_registry *reg = SENTINEL;
        veilig_error err;
        int rc =
            veilig_registry_load_string(&reg, cases[k].text, strlen(cases[k].text), NULL, &err);
        ck_assert_msg(rc == cases[k].code, "%s: %s", cases[k].text, veilig_strerror(rc));
        ck_assert_ptr_null(reg);
        ck_assert_msg(strcmp(err.pointer, cases[k].pointer) == 0,
                      "%s: pointer \"%s\", expected \"%s\"", cases[k].text, err.pointer,
                      cases[k].pointer);
        ck_assert_int_ge(err.line, 1);
        ck_assert_int_ge(err.column, 1);
    }
    /* a path deeper than any known object: 40 arrays inside an unknown key */
    char text[512], expect[256];
    int n = snprintf(text, sizeof text, "%s\"x\": ", DOC_HEAD);
    int e = snprintf(expect, sizeof expect, "/x");
    for (int i = 0; i < 40; i++) {
        text[n++] = '[';
        e += snprintf(expect + e, sizeof expect - (size_t)e, "/0");
    }
    n += snprintf(text + n, sizeof text - (size_t)n, "{\"k\": 1, \"k\": 2}");
    snprintf(expect + e, sizeof expect - (size_t)e, "/k");
    for (int i = 0; i < 40; i++)
        text[n++] = ']';
    text[n++] = '}';
    text[n] = '\0';
    veilig_registry *reg = SENTINEL;
    veilig_error err;
    RC(veilig_registry_load_string(&reg, text, (size_t)n, NULL, &err), VEILIG_ESCHEMA);
    ck_assert_ptr_null(reg);
    ck_assert_str_eq(err.pointer, expect);
}
END_TEST

/* 1 when s is valid UTF-8 (enough for these tests: no overlong check). */
static int utf8_ok(const char *str) {
    const unsigned char *s = (const unsigned char *)str;
    while (*s) {
        int n = *s < 0x80             ? 0
                : (*s & 0xE0) == 0xC0 ? 1
                : (*s & 0xF0) == 0xE0 ? 2
                : (*s & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0)
            return 0;
        s++;
        for (int i = 0; i < n; i++, s++)
            if ((*s & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* Overlong texts in the error record are cut at a character boundary. */
START_TEST(test_error_record_cut) {
    /* a duplicate key of 300 two-byte characters: its pointer does not fit */
    char key[700];
    size_t k = 0;
    for (int i = 0; i < 300; i++) {
        key[k++] = '\xc3';
        key[k++] = '\xa9';
    }
    key[k] = '\0';
    char *text = malloc(2000);
    ck_assert_ptr_nonnull(text);
    int n = snprintf(text, 2000, "%s\"%s\": 1, \"%s\": 2}", DOC_HEAD, key, key);
    veilig_registry *reg = SENTINEL;
    veilig_error err;
    RC(veilig_registry_load_string(&reg, text, (size_t)n, NULL, &err), VEILIG_ESCHEMA);
    ck_assert_ptr_null(reg);
    size_t plen = strlen(err.pointer);
    ck_assert_uint_lt(plen, VEILIG_ERROR_POINTER_LENGTH);
    ck_assert_uint_ge(plen, VEILIG_ERROR_POINTER_LENGTH - 4);
    ck_assert_msg(utf8_ok(err.pointer), "the pointer is cut inside a character");
    ck_assert_int_eq(err.pointer[0], '/');
    ck_assert_mem_eq(err.pointer + 1, key, plen - 1);
    ck_assert_uint_lt(strlen(err.message), VEILIG_ERROR_MESSAGE_LENGTH);
    ck_assert_msg(utf8_ok(err.message), "the message is cut inside a character");
    free(text);

    /* a long file name */
    char path[1200];
    n = snprintf(path, sizeof path, "/nonexistent-vg-dir/");
    for (int i = 0; i < 150; i++)
        n += snprintf(path + n, sizeof path - (size_t)n, "\xc3\xa9");
    n += snprintf(path + n, sizeof path - (size_t)n, "/");
    for (int i = 0; i < 150; i++)
        n += snprintf(path + n, sizeof path - (size_t)n, "\xe2\x82\xac");
    snprintf(path + n, sizeof path - (size_t)n, ".json");
    reg = SENTINEL;
    RC(veilig_registry_load_file(&reg, path, NULL, &err), VEILIG_EIO);
    ck_assert_ptr_null(reg);
    size_t slen = strlen(err.source);
    ck_assert_uint_lt(slen, VEILIG_ERROR_SOURCE_LENGTH);
    ck_assert_uint_ge(slen, VEILIG_ERROR_SOURCE_LENGTH - 4);
    ck_assert_msg(utf8_ok(err.source), "the source is cut inside a character");
    ck_assert_mem_eq(err.source, path, slen);
    ck_assert_uint_lt(strlen(err.message), VEILIG_ERROR_MESSAGE_LENGTH);
    ck_assert_msg(utf8_ok(err.message), "the message is cut inside a character");
}
END_TEST

/* What the builder accepts, the writer writes and the reader reads back. */
START_TEST(test_roundtrip_extremes) {
    static const int64_t budgets[] = {0,
                                      1,
                                      10,
                                      99,
                                      100,
                                      INT64_C(999999999999999999),
                                      INT64_C(1000000000000000000),
                                      INT64_C(1234567890123456789),
                                      INT64_MAX};
    for (size_t k = 0; k < sizeof budgets / sizeof budgets[0]; k++) {
        veilig_registry *reg = NULL;
        OK(veilig_registry_new(&reg));
        veilig_municipality *m = NULL;
        OK(veilig_registry_add(&m, reg, "GM0001", "X"));
        veilig_measure *ms = NULL;
        OK(veilig_municipality_add_measure(&ms, m, "a", "A", VEILIG_CATEGORY_CAMPAIGN));
        if (veilig_measure_set_budget(ms, budgets[k], "EUR") != VEILIG_OK) {
            veilig_registry_free(reg);
            continue; /* refused by the builder: nothing to write */
        }
        size_t len = 0;
        char *text = dump(reg, &len);
        veilig_registry *back = NULL;
        veilig_error err;
        int rc = veilig_registry_load_string(&back, text, len, NULL, &err);
        ck_assert_msg(rc == VEILIG_OK,
                      "budget of %lld cents: accepted by veilig_measure_set_budget, written, "
                      "but not read back: %s",
                      (long long)budgets[k], err.message);
        int64_t cents = -1;
        OK(veilig_measure_budget_cents(
            &cents, veilig_municipality_measure(veilig_registry_get(back, 0), 0)));
        ck_assert_int_eq(cents, budgets[k]);
        char *again = dump(back, NULL);
        ck_assert_str_eq(again, text);
        veilig_free(again);
        veilig_free(text);
        veilig_registry_free(back);
        veilig_registry_free(reg);
    }

    /* the deepest document allowed loads and saves; deeper limits are refused */
    static char deep[1024];
    int n = snprintf(deep, sizeof deep, "%s\"x\": ", DOC_HEAD);
    for (int i = 0; i < 255; i++)
        deep[n++] = '[';
    for (int i = 0; i < 255; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = '\0';
    veilig_load_options opts = VEILIG_LOAD_OPTIONS_INIT;
    opts.max_depth = 256;
    veilig_registry *reg = NULL;
    veilig_error err;
    OK(veilig_registry_load_string(&reg, deep, (size_t)n, &opts, &err));
    size_t len = 0;
    char *text = dump(reg, &len);
    veilig_registry *back = NULL;
    OK(veilig_registry_load_string(&back, text, len, &opts, &err));
    char *again = dump(back, NULL);
    ck_assert_str_eq(again, text);
    veilig_free(again);
    veilig_free(text);
    veilig_registry_free(back);
    veilig_registry_free(reg);
    opts.max_depth = 257;
    reg = SENTINEL;
    RC(veilig_registry_load_string(&reg, deep, (size_t)n, &opts, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(reg);
}
END_TEST

/* ---- (d) load_file ---- */

static char tmpdir_path[256];

static const char *make_tmpdir(void) {
    snprintf(tmpdir_path, sizeof tmpdir_path, "/tmp/vg-test-codec-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir_path));
    return tmpdir_path;
}

static void write_file(const char *path, const char *text, size_t len) {
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

/* Names in dir (other than . and ..), sorted, joined with ' '. */
static void list_dir(char *out, size_t size, const char *dir) {
    char names[32][256];
    int n = 0;
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        ck_assert_int_lt(n, 32);
        snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    closedir(d);
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char t[256];
            memcpy(t, names[j], sizeof t);
            memcpy(names[j], names[j - 1], sizeof t);
            memcpy(names[j - 1], t, sizeof t);
        }
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        int w = snprintf(out + used, size - used, "%s%s", i ? " " : "", names[i]);
        ck_assert_int_ge(w, 0);
        used += (size_t)w;
    }
    ck_assert_uint_lt(used, size);
}

static void remove_tree(const char *dir) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* ---- bounded reading: no further than can be a document ---- */

/* A child that writes text to fd over and over until the reader goes away. */
static pid_t endless_writer(int fd, const char *text) {
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        size_t n = strlen(text);
        for (;;)
            if (write(fd, text, n) < 0)
                _exit(0);
    }
    return pid;
}

static void stop_writer(pid_t pid, int *fds) {
    close(fds[0]);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    close(fds[1]);
}

START_TEST(test_load_bounded) {
    veilig_error err;
    veilig_registry *reg = SENTINEL;
    /* /dev/zero: no JSON text starts with a NUL: at once, at 1:1 */
    RC(veilig_registry_load_file(&reg, "/dev/zero", NULL, &err), VEILIG_EPARSE);
    ck_assert_ptr_null(reg);
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 1);

    /* an endless pipe of what no document starts with ("y\n", as yes(1)) */
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = endless_writer(fds[1], "y\n");
    char *text = SENTINEL;
    size_t len = 99;
    RC(veilig_document_read_fd(&text, &len, fds[0], NULL, &err), VEILIG_EPARSE);
    ck_assert_ptr_null(text);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 1);
    ck_assert_str_eq(err.source, "<fd>");
    stop_writer(pid, fds);

    /* an endless pipe of what could go on for ever: max_size stops it */
    ck_assert_int_eq(pipe(fds), 0);
    pid = endless_writer(fds[1], "[[[1, 2, 3], ");
    veilig_load_options opts = VEILIG_LOAD_OPTIONS_INIT;
    opts.max_size = 1 << 20;
    opts.source = "pipe";
    text = SENTINEL;
    RC(veilig_document_read_fd(&text, &len, fds[0], &opts, &err), VEILIG_ELIMIT);
    ck_assert_ptr_null(text);
    ck_assert_str_eq(err.source, "pipe");
    ck_assert_msg(strstr(err.message, "1048576") != NULL, "no limit in \"%s\"", err.message);
    stop_writer(pid, fds);

    /* a file larger than max_size: refused before it is read */
    const char *dir = make_tmpdir();
    char path[512];
    size_t blen = 0;
    const char *builtin = veilig_builtin_json(&blen);
    snprintf(path, sizeof path, "%s/d.json", dir);
    write_file(path, builtin, blen);
    opts.max_size = blen - 1;
    opts.source = NULL;
    reg = SENTINEL;
    RC(veilig_registry_load_file(&reg, path, &opts, &err), VEILIG_ELIMIT);
    ck_assert_ptr_null(reg);
    opts.max_size = blen;
    RC(veilig_registry_load_file(&reg, path, &opts, &err), VEILIG_OK);
    veilig_registry_free(reg);

    /* a bad byte in the middle: the same error as reading it all */
    char *copy = malloc(blen + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, builtin, blen);
    size_t at = blen / 2;
    while (copy[at] != ' ')
        at++;
    copy[at] = '\x01';
    write_file(path, copy, blen);
    veilig_error whole;
    reg = SENTINEL;
    RC(veilig_registry_load_string(&reg, copy, blen, NULL, &whole), VEILIG_EPARSE);
    RC(veilig_registry_load_file(&reg, path, NULL, &err), VEILIG_EPARSE);
    ck_assert_int_eq(err.line, whole.line);
    ck_assert_int_eq(err.column, whole.column);
    ck_assert_uint_eq(err.position, whole.position);
    ck_assert_str_eq(err.message, whole.message);
    /* and the descriptor is read from where it stands; the text is NUL-terminated */
    write_file(path, builtin, blen);
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    RC(veilig_document_read_fd(&text, &len, fd, NULL, &err), VEILIG_OK);
    ck_assert_uint_eq(len, blen);
    ck_assert_int_eq(memcmp(text, builtin, blen), 0);
    ck_assert_int_eq(text[len], '\0');
    veilig_free(text);
    close(fd);
    RC(veilig_document_read_fd(NULL, &len, 0, NULL, &err), VEILIG_EINVAL);
    RC(veilig_document_read_fd(&text, &len, -1, NULL, &err), VEILIG_EINVAL);
    free(copy);
    remove_tree(dir);
}
END_TEST

/* A caller built against version 1 of the load options (no max_size) keeps
   working: init writes only what that version has, and loading reads only it. */
START_TEST(test_load_options_v1) {
    struct {
        veilig_load_options o;
        char canary[sizeof(size_t)];
    } v;
    memset(&v, 0x5a, sizeof v);
    size_t v1 = offsetof(veilig_load_options, max_size);
    RC(veilig_load_options_init(&v.o, 1), VEILIG_OK);
    ck_assert_uint_eq(v.o.version, 1);
    for (size_t i = v1; i < sizeof v.o; i++)
        ck_assert_int_eq(((unsigned char *)&v.o)[i], 0x5a);
    veilig_registry *reg = NULL;
    veilig_error err;
    size_t blen = 0;
    const char *builtin = veilig_builtin_json(&blen);
    /* max_size holds garbage (0x5a5a...): version 1 does not read it */
    v.o.max_size = 1;
    RC(veilig_registry_load_string(&reg, builtin, blen, &v.o, &err), VEILIG_OK);
    veilig_registry_free(reg);
    v.o.version = 2; /* the same bytes as version 2: max_size counts */
    RC(veilig_registry_load_string(&reg, builtin, blen, &v.o, &err), VEILIG_ELIMIT);
    ck_assert_ptr_null(reg);
    memset(&v, 0x5a, sizeof v);
    RC(veilig_load_options_init(&v.o, 2), VEILIG_OK);
    ck_assert_uint_eq(v.o.max_size, 0);
    /* version 2 leaves the fields of version 3 alone and does not read them */
    for (size_t i = offsetof(veilig_load_options, errors); i < sizeof v; i++)
        ck_assert_int_eq(((unsigned char *)&v)[i], 0x5a);
    RC(veilig_registry_load_string(&reg, "{}", 2, &v.o, &err), VEILIG_ESCHEMA);
    RC(veilig_load_options_init(&v.o, 3), VEILIG_OK);
    ck_assert_ptr_null(v.o.errors);
    ck_assert_ptr_null(v.o.error_count);
    ck_assert_uint_eq(v.o.max_errors, 0);
    for (size_t i = 0; i < sizeof v.canary; i++)
        ck_assert_int_eq((unsigned char)v.canary[i], 0x5a);
    RC(veilig_load_options_init(&v.o, 4), VEILIG_EVERSION);
    v.o.version = 4;
    RC(veilig_registry_load_string(&reg, builtin, blen, &v.o, &err), VEILIG_EVERSION);
}
END_TEST

/* A document with four schema errors in different places, line by line. */
static const char four_errors[] =
    "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": [\n"
    " {\"code\": \"GM0153\", \"name\": 5, \"province\": \"Overijssel\", \"measures\": [\n"
    "  {\"id\": \"a\", \"category\": \"bystander\"},\n"
    "  {\"id\": \"b\", \"name\": \"B\", \"category\": \"bystander\", \"budget\": {\"amount\": "
    "-3}},\n"
    "  {\"id\": \"c\", \"name\": \"C\", \"category\": \"bystander\",\n"
    "   \"schedule\": [{\"days\": [\"monday\"], \"from\": \"25:00\", \"to\": \"02:00\"}]}]},\n"
    " \"not a municipality\"]}\n";

/* Load options version 3: every schema error, not only the first. */
START_TEST(test_load_every_error) {
    veilig_load_options o = VEILIG_LOAD_OPTIONS_INIT;
    veilig_error err, errs[8];
    size_t n = 99;
    veilig_registry *reg = SENTINEL;
    size_t len = strlen(four_errors);
    static const struct {
        int line;
        const char *pointer, *message;
    } want[] = {
        {2, "/municipalities/0/name", "expected a string, found a number"},
        {3, "/municipalities/0/measures/0", "a measure needs \"name\" (missing)"},
        {4, "/municipalities/0/measures/1/budget/amount", "an amount must not be negative"},
        {6, "/municipalities/0/measures/2/schedule/0/from", "bad time \"25:00\""},
        {7, "/municipalities/1", "expected an object"},
    };
    size_t nwant = sizeof want / sizeof want[0];

    /* without the list: the first error only, as ever */
    RC(veilig_registry_load_string(&reg, four_errors, len, &o, &err), VEILIG_ESCHEMA);
    ck_assert_ptr_null(reg);
    ck_assert_str_eq(err.pointer, want[0].pointer);

    o.errors = errs;
    o.max_errors = sizeof errs / sizeof errs[0];
    o.error_count = &n;
    o.source = "plan.json";
    memset(errs, 0x5a, sizeof errs);
    RC(veilig_registry_load_string(&reg, four_errors, len, &o, &err), VEILIG_ESCHEMA);
    ck_assert_ptr_null(reg);
    ck_assert_uint_eq(n, nwant);
    for (size_t i = 0; i < nwant; i++) {
        ck_assert_int_eq(errs[i].code, VEILIG_ESCHEMA);
        ck_assert_int_eq(errs[i].line, want[i].line);
        ck_assert_int_gt(errs[i].column, 0);
        ck_assert_str_eq(errs[i].source, "plan.json");
        ck_assert_str_eq(errs[i].pointer, want[i].pointer);
        ck_assert_msg(strstr(errs[i].message, want[i].message), "%zu: %s", i, errs[i].message);
    }
    /* err holds the first, as without the list */
    ck_assert_int_eq(memcmp(&err, &errs[0], sizeof err), 0);
    /* without an err record as well */
    n = 0;
    RC(veilig_registry_load_string(&reg, four_errors, len, &o, NULL), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, nwant);
    ck_assert_str_eq(errs[3].source, "plan.json");

    /* the limit: the load stops at the max_errors-th */
    o.max_errors = 2;
    RC(veilig_registry_load_string(&reg, four_errors, len, &o, &err), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(errs[1].pointer, want[1].pointer);
    o.max_errors = 1;
    RC(veilig_registry_load_string(&reg, four_errors, len, &o, &err), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, 1);

    /* a failure of another kind: err says it, and no schema error is counted */
    o.max_errors = 8;
    n = 7;
    RC(veilig_registry_load_string(&reg, "{\"format\": ", 12, &o, &err), VEILIG_EPARSE);
    ck_assert_uint_eq(n, 0);
    n = 7;
    RC(veilig_registry_load_string(&reg, "{\"format\": \"veilig\", \"version\": 2}", 34, &o, &err),
       VEILIG_EVERSION);
    ck_assert_uint_eq(n, 0);
    /* a schema error the parser finds (a duplicate key) is listed as well */
    n = 7;
    static const char dup[] = "{\"format\": \"veilig\", \"version\": 1, \"format\": \"veilig\"}";
    RC(veilig_registry_load_string(&reg, dup, strlen(dup), &o, &err), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(errs[0].message, err.message);
    ck_assert_int_eq(errs[0].line, 1);
    n = 7;
    RC(veilig_registry_load_string(&reg, dup, strlen(dup), &o, NULL), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(errs[0].source, "plan.json");
    /* a missing key and a bad value in one object: both, and no word of the
       bad value's field as missing */
    static const char two[] = "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": "
                              "[{\"code\": 7, \"province\": \"Utrecht\"}]}";
    RC(veilig_registry_load_string(&reg, two, strlen(two), &o, &err), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(errs[0].pointer, "/municipalities/0/code");
    ck_assert_ptr_nonnull(strstr(errs[1].message, "needs \"name\""));
    /* success: 0, and the same registry as without the list */
    const char *builtin = veilig_builtin_json(&len);
    n = 7;
    OK(veilig_registry_load_string(&reg, builtin, len, &o, &err));
    ck_assert_uint_eq(n, 0);
    veilig_registry_free(reg);
    /* the records must be there when room is asked for */
    o.errors = NULL;
    RC(veilig_registry_load_string(&reg, builtin, len, &o, &err), VEILIG_EINVAL);
    /* the file loader collects as well (the jansson bridge: test_jansson) */
    const char *dir = make_tmpdir();
    char path[512];
    snprintf(path, sizeof path, "%s/four.json", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(four_errors, f);
    fclose(f);
    o.errors = errs;
    o.source = NULL;
    RC(veilig_registry_load_file(&reg, path, &o, &err), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, nwant);
    ck_assert_str_eq(errs[4].source, path);
    /* the records name the file without an err record too */
    memset(errs, 0, sizeof errs);
    RC(veilig_registry_load_file(&reg, path, &o, NULL), VEILIG_ESCHEMA);
    ck_assert_uint_eq(n, nwant);
    ck_assert_str_eq(errs[0].source, path);
    ck_assert_str_eq(errs[4].source, path);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_load_file_errors) {
    const char *dir = make_tmpdir();
    char path[512];
    veilig_error err;
    veilig_registry *reg = SENTINEL;

    snprintf(path, sizeof path, "%s/missing.json", dir);
    RC(veilig_registry_load_file(&reg, path, NULL, &err), VEILIG_EIO);
    ck_assert_ptr_null(reg);
    ck_assert_int_eq(err.code, VEILIG_EIO);
    ck_assert_str_eq(err.source, path);
    ck_assert_msg(strstr(err.message, strerror(ENOENT)) != NULL, "no OS reason in \"%s\"",
                  err.message);

    reg = SENTINEL;
    RC(veilig_registry_load_file(&reg, dir, NULL, &err), VEILIG_EIO);
    ck_assert_ptr_null(reg);
    ck_assert_str_eq(err.source, dir);
    ck_assert_msg(strstr(err.message, strerror(EISDIR)) != NULL, "no OS reason in \"%s\"",
                  err.message);

    /* an error inside a file names the file */
    snprintf(path, sizeof path, "%s/bad.json", dir);
    const char *bad = "{\"format\": \"veilig\",\n \"version\": 1,\n \"municipalities\": 3}\n";
    write_file(path, bad, strlen(bad));
    reg = SENTINEL;
    RC(veilig_registry_load_file(&reg, path, NULL, &err), VEILIG_ESCHEMA);
    ck_assert_ptr_null(reg);
    ck_assert_str_eq(err.source, path);
    ck_assert_str_eq(err.pointer, "/municipalities");
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 20);
    const char *notjson = "{\n  \"format\": \"veilig\",\n  ]\n";
    write_file(path, notjson, strlen(notjson));
    reg = SENTINEL;
    RC(veilig_registry_load_file(&reg, path, NULL, &err), VEILIG_EPARSE);
    ck_assert_ptr_null(reg);
    ck_assert_str_eq(err.source, path);
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 3);
    /* opts.source wins */
    veilig_load_options opts = VEILIG_LOAD_OPTIONS_INIT;
    opts.source = "named";
    RC(veilig_registry_load_file(&reg, path, &opts, &err), VEILIG_EPARSE);
    ck_assert_str_eq(err.source, "named");
    /* an empty file */
    write_file(path, "", 0);
    reg = SENTINEL;
    RC(veilig_registry_load_file(&reg, path, NULL, &err), VEILIG_EPARSE);
    ck_assert_ptr_null(reg);
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 1);

    RC(veilig_registry_load_file(NULL, path, NULL, &err), VEILIG_EINVAL);
    reg = SENTINEL;
    RC(veilig_registry_load_file(&reg, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(reg);

    /* a good file; a big one that needs more than one read */
    snprintf(path, sizeof path, "%s/big.json", dir);
    size_t cap = 300000, n = 0;
    char *big = malloc(cap);
    ck_assert_ptr_nonnull(big);
    n += (size_t)snprintf(big, cap, "%s\"x\": \"", DOC_HEAD);
    while (n < cap - 100)
        big[n++] = 'a';
    n += (size_t)snprintf(big + n, cap - n, "\"}");
    write_file(path, big, n);
    reg = NULL;
    OK(veilig_registry_load_file(&reg, path, NULL, &err));
    size_t len = 0;
    char *text = dump(reg, &len);
    ck_assert_uint_gt(len, 299000);
    veilig_free(text);
    veilig_registry_free(reg);
    free(big);
    remove_tree(dir);
}
END_TEST

/* ---- (e) save_file ---- */

/* veilig_save_text: any text, written as veilig_registry_save_file writes a document. */
START_TEST(test_save_text) {
    const char *dir = make_tmpdir();
    char path[512], listing[1024];
    veilig_error err;
    snprintf(path, sizeof path, "%s/report.html", dir);
    OK(veilig_save_text(path, "<p>one</p>\n", 11, &err));
    size_t len = 0;
    char *back = vg_test_read_file(path, &len);
    ck_assert_str_eq(back, "<p>one</p>\n");
    free(back);
    /* an existing file keeps its mode; nothing else is left in the folder */
    ck_assert_int_eq(chmod(path, 0600), 0);
    OK(veilig_save_text(path, "two", 3, &err));
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    back = vg_test_read_file(path, &len);
    ck_assert_str_eq(back, "two");
    free(back);
    list_dir(listing, sizeof listing, dir);
    ck_assert_str_eq(listing, "report.html");
    /* a folder that is not there: EIO, the target named, the OS's reason */
    snprintf(path, sizeof path, "%s/nowhere/report.html", dir);
    RC(veilig_save_text(path, "x", 1, &err), VEILIG_EIO);
    ck_assert_str_eq(err.source, path);
    ck_assert_ptr_nonnull(strstr(err.message, strerror(ENOENT)));
    RC(veilig_save_text(NULL, "x", 1, &err), VEILIG_EINVAL);
    RC(veilig_save_text(path, NULL, 1, &err), VEILIG_EINVAL);
    remove_tree(dir);
}
END_TEST

START_TEST(test_save_file) {
    const char *dir = make_tmpdir();
    char path[512], listing[1024];
    size_t glen = 0;
    char *golden = canonical_text(&glen);
    veilig_registry *reg = build_canonical();
    veilig_error err;

    /* a new file: the canonical dump, mode 0666 less the umask */
    mode_t old_mask = umask(022);
    snprintf(path, sizeof path, "%s/doc.json", dir);
    OK(veilig_registry_save_file(reg, path, NULL, &err));
    umask(old_mask);
    size_t len = 0;
    char *back = vg_test_read_file(path, &len);
    ck_assert_uint_eq(len, glen);
    ck_assert_mem_eq(back, golden, glen);
    free(back);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0644);
    list_dir(listing, sizeof listing, dir);
    ck_assert_str_eq(listing, "doc.json");

    /* an existing file keeps its mode */
    ck_assert_int_eq(chmod(path, 0640), 0);
    write_file(path, "old\n", 4);
    OK(veilig_registry_save_file(reg, path, NULL, &err));
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
    back = vg_test_read_file(path, &len);
    ck_assert_uint_eq(len, glen);
    ck_assert_mem_eq(back, golden, glen);
    free(back);
    list_dir(listing, sizeof listing, dir);
    ck_assert_str_eq(listing, "doc.json");

    /* options reach the file */
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = VEILIG_SAVE_OMIT_PERSONAL;
    snprintf(path, sizeof path, "%s/public.json", dir);
    OK(veilig_registry_save_file(reg, path, &so, &err));
    back = vg_test_read_file(path, &len);
    ck_assert_ptr_null(strstr(back, "J. Jansen"));
    ck_assert_ptr_nonnull(strstr(back, "Publieksbalie"));
    free(back);
    ck_assert_int_eq(unlink(path), 0);

    /* failures leave the old file as it was, and no temporary file */
    snprintf(path, sizeof path, "%s/doc.json", dir);
    write_file(path, "old content\n", 12);
    if (geteuid() != 0) {
        /* a read-only folder */
        ck_assert_int_eq(chmod(dir, 0555), 0);
        RC(veilig_registry_save_file(reg, path, NULL, &err), VEILIG_EIO);
        ck_assert_int_eq(chmod(dir, 0755), 0);
        ck_assert_str_eq(err.source, path);
        ck_assert_msg(strstr(err.message, strerror(EACCES)) != NULL, "no OS reason in \"%s\"",
                      err.message);
        back = vg_test_read_file(path, &len);
        ck_assert_str_eq(back, "old content\n");
        free(back);
        list_dir(listing, sizeof listing, dir);
        ck_assert_str_eq(listing, "doc.json");
    }
    /* root writes anywhere: make the write itself fail (a file size limit) */
    struct rlimit saved;
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &saved), 0);
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = saved;
    small.rlim_cur = 100;
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
    int rc = veilig_registry_save_file(reg, path, NULL, &err);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &saved), 0);
    signal(SIGXFSZ, old_handler);
    RC(rc, VEILIG_EIO);
    ck_assert_str_eq(err.source, path);
    ck_assert_int_gt((int)strlen(err.message), 0);
    back = vg_test_read_file(path, &len);
    ck_assert_str_eq(back, "old content\n");
    free(back);
    list_dir(listing, sizeof listing, dir);
    ck_assert_str_eq(listing, "doc.json");

    /* a folder that does not exist */
    char missing[600];
    snprintf(missing, sizeof missing, "%s/no-such-dir/doc.json", dir);
    RC(veilig_registry_save_file(reg, missing, NULL, &err), VEILIG_EIO);
    ck_assert_str_eq(err.source, missing);
    ck_assert_msg(strstr(err.message, strerror(ENOENT)) != NULL, "no OS reason in \"%s\"",
                  err.message);
    list_dir(listing, sizeof listing, dir);
    ck_assert_str_eq(listing, "doc.json");

    /* a directory in the way: the rename fails, the directory stays */
    char sub[600];
    snprintf(sub, sizeof sub, "%s/sub.json", dir);
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    RC(veilig_registry_save_file(reg, sub, NULL, &err), VEILIG_EIO);
    ck_assert_int_eq(stat(sub, &st), 0);
    ck_assert(S_ISDIR(st.st_mode));
    list_dir(listing, sizeof listing, dir);
    ck_assert_str_eq(listing, "doc.json sub.json");
    list_dir(listing, sizeof listing, sub);
    ck_assert_str_eq(listing, "");

    /* arguments */
    RC(veilig_registry_save_file(NULL, path, NULL, &err), VEILIG_EINVAL);
    RC(veilig_registry_save_file(reg, NULL, NULL, &err), VEILIG_EINVAL);
    RC(veilig_registry_save_file(reg, "", NULL, &err), VEILIG_EINVAL);
    so.version = 77;
    RC(veilig_registry_save_file(reg, path, &so, &err), VEILIG_EVERSION);
    back = vg_test_read_file(path, &len);
    ck_assert_str_eq(back, "old content\n");
    free(back);
    list_dir(listing, sizeof listing, dir);
    ck_assert_str_eq(listing, "doc.json sub.json");

    veilig_registry_free(reg);
    free(golden);
    remove_tree(dir);
}
END_TEST

/* ---- (f) add_json ---- */

START_TEST(test_add_json) {
    size_t glen = 0;
    char *golden = canonical_text(&glen);
    veilig_registry *reg = load_text(golden, glen);
    veilig_error err;
    const char *frag = "{\"code\": \"GM0599\", \"name\": \"Rotterdam\", \"measures\": [{\"id\": "
                       "\"a\", \"name\": \"A\", \"category\": \"bystander\"}]}";
    veilig_municipality *m = NULL;
    OK(veilig_registry_add_json(&m, reg, frag, strlen(frag), 0, &err));
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(veilig_registry_count(reg), 3);
    ck_assert_ptr_eq(veilig_registry_get(reg, 2), m);
    ck_assert_ptr_eq(veilig_registry_find(reg, "rotterdam"), m);
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0599"), m);
    ck_assert_ptr_eq(veilig_municipality_registry(m), reg);
    ck_assert_int_eq(veilig_measure_category(veilig_municipality_find_measure(m, "a")),
                     VEILIG_CATEGORY_BYSTANDER);

    size_t len_before = 0, len_after = 0;
    char *before = dump(reg, &len_before);

    /* the same code again, without VEILIG_ADD_REPLACE */
    veilig_municipality *m2 = NULL;
    const char *frag2 = "{\"code\": \"gm0153\", \"name\": \"Enschede (nieuw)\"}";
    RC(veilig_registry_add_json(&m2, reg, frag2, strlen(frag2), 0, &err), VEILIG_EEXISTS);
    ck_assert_ptr_null(m2);
    ck_assert_int_eq(err.code, VEILIG_EEXISTS);
    ck_assert_uint_eq(veilig_registry_count(reg), 3);
    char *after = dump(reg, &len_after);
    ck_assert_uint_eq(len_after, len_before);
    ck_assert_mem_eq(after, before, len_before);
    veilig_free(after);

    /* errors in a fragment: positions and pointers in the fragment, source "<string>" */
    {
        const char *bf = "{\"code\": \"GM0700\",\n \"name\": 5}";
        RC(veilig_registry_add_json(NULL, reg, bf, strlen(bf), 0, &err), VEILIG_ESCHEMA);
        ck_assert_str_eq(err.pointer, "/name");
        ck_assert_str_eq(err.source, "<string>");
        ck_assert_int_eq(err.line, 2);
        ck_assert_int_eq(err.column, 10);
        ck_assert_uint_eq(err.position, 28);
    }

    /* bad fragments leave the registry as it was */
    static const struct {
        const char *text;
        int code;
        const char *pointer;
    } bad[] = {
        {"{\"code\": \"GM0700\", \"name\": 5}", VEILIG_ESCHEMA, "/name"},
        {"{\"code\": \"GM0700\"", VEILIG_EPARSE, ""},
        {"[1]", VEILIG_ESCHEMA, ""},
        {"{\"name\": \"N\"}", VEILIG_ESCHEMA, ""},
        {"{\"code\": \"GM0700\", \"name\": \"N\", \"focus\": [\"x_new_focus\"], \"measures\": "
         "[{\"id\": \"a\", \"category\": \"x_new_category\"}]}",
         VEILIG_ESCHEMA, "/measures/0"},
        {"{\"code\": \"GM0153\", \"name\": \"N\", \"code\": \"GM0154\"}", VEILIG_ESCHEMA, "/code"},
        {"", VEILIG_EPARSE, ""},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        for (unsigned flags = 0; flags <= VEILIG_ADD_REPLACE; flags++) {
            m2 = NULL;
            int rc = veilig_registry_add_json(&m2, reg, bad[k].text, strlen(bad[k].text),
                                              flags | VEILIG_ADD_AS_LOADED, &err);
            ck_assert_msg(rc == bad[k].code, "fragment %s: %s", bad[k].text, veilig_strerror(rc));
            ck_assert_ptr_null(m2);
            ck_assert_str_eq(err.pointer, bad[k].pointer);
            ck_assert_uint_eq(veilig_registry_count(reg), 3);
            after = dump(reg, &len_after);
            ck_assert_uint_eq(len_after, len_before);
            ck_assert_mem_eq(after, before, len_before);
            veilig_free(after);
        }
    }

    /* replace in place */
    m2 = NULL;
    /* "gm0153" is no CBS code: building refuses it; as loaded, it replaces */
    RC(veilig_registry_add_json(&m2, reg, frag2, strlen(frag2), VEILIG_ADD_REPLACE, &err),
       VEILIG_EINVAL);
    OK(veilig_registry_add_json(&m2, reg, frag2, strlen(frag2),
                                VEILIG_ADD_REPLACE | VEILIG_ADD_AS_LOADED, &err));
    ck_assert_ptr_nonnull(m2);
    ck_assert_uint_eq(veilig_registry_count(reg), 3);
    ck_assert_uint_eq(veilig_registry_index_of(reg, m2), 0);
    ck_assert_ptr_eq(veilig_registry_get(reg, 0), m2);
    ck_assert_str_eq(veilig_municipality_name(m2), "Enschede (nieuw)");
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0153"), m2);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Enschede (nieuw)"), m2);
    ck_assert_ptr_null(veilig_registry_find(reg, "Enschede"));
    ck_assert_ptr_null(veilig_registry_find(reg, "Gemeente Enschede"));
    ck_assert_uint_eq(veilig_municipality_measure_count(m2), 0);
    ck_assert_ptr_eq(veilig_registry_find(reg, "Amsterdam"), veilig_registry_get(reg, 1));
    ck_assert_ptr_eq(veilig_registry_find(reg, "Rotterdam"), veilig_registry_get(reg, 2));
    /* with REPLACE and a new code: appended */
    const char *frag3 = "{\"code\": \"GM0014\", \"name\": \"Groningen\"}";
    OK(veilig_registry_add_json(&m2, reg, frag3, strlen(frag3), VEILIG_ADD_REPLACE, &err));
    ck_assert_uint_eq(veilig_registry_index_of(reg, m2), 3);
    veilig_free(before);

    /* measures */
    m = veilig_registry_get_mut(reg, 1);
    before = dump(reg, &len_before);
    const char *mf = "{\"id\": \"nieuw\", \"name\": \"Nieuw\", \"category\": \"education\"}";
    veilig_measure *ms = NULL;
    OK(veilig_municipality_add_measure_json(&ms, m, mf, strlen(mf), 0, &err));
    ck_assert_ptr_nonnull(ms);
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
    ck_assert_ptr_eq(veilig_municipality_measure(m, 1), ms);
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "nieuw"), ms);
    ck_assert_ptr_eq(veilig_measure_municipality(ms), m);
    ck_assert_int_eq(veilig_measure_approach(ms), VEILIG_APPROACH_PREVENTION);
    veilig_free(before);
    before = dump(reg, &len_before);
    veilig_measure *ms2 = NULL;
    RC(veilig_municipality_add_measure_json(&ms2, m, mf, strlen(mf), 0, &err), VEILIG_EEXISTS);
    ck_assert_ptr_null(ms2);
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
    after = dump(reg, &len_after);
    ck_assert_uint_eq(len_after, len_before);
    ck_assert_mem_eq(after, before, len_before);
    veilig_free(after);
    static const struct {
        const char *text;
        int code;
        const char *pointer;
    } badm[] = {
        {"{\"id\": \"x\", \"name\": \"X\", \"category\": 1}", VEILIG_ESCHEMA, "/category"},
        {"{\"id\": \"x\", \"name\": \"X\"}", VEILIG_ESCHEMA, ""},
        {"{\"id\": \"x\", \"name\": \"X\", \"category\": \"campaign\", \"schedule\": [{\"from\": "
         "\"25:00\", \"to\": \"01:00\"}]}",
         VEILIG_ESCHEMA, "/schedule/0/from"},
        {"{\"id\": \"nieuw\", \"name\": \"X\", \"category\": \"x_unknown_cat\", \"budget\": "
         "{\"amount\": -1}}",
         VEILIG_ESCHEMA, "/budget/amount"},
        {"{\"id\": ", VEILIG_EPARSE, ""},
        {"\"measure\"", VEILIG_ESCHEMA, ""},
    };
    for (size_t k = 0; k < sizeof badm / sizeof badm[0]; k++) {
        for (unsigned flags = 0; flags <= VEILIG_ADD_REPLACE; flags++) {
            ms2 = NULL;
            int rc = veilig_municipality_add_measure_json(
                &ms2, m, badm[k].text, strlen(badm[k].text), flags | VEILIG_ADD_AS_LOADED, &err);
            ck_assert_msg(rc == badm[k].code, "fragment %s: %s", badm[k].text, veilig_strerror(rc));
            ck_assert_ptr_null(ms2);
            ck_assert_str_eq(err.pointer, badm[k].pointer);
            ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
            after = dump(reg, &len_after);
            ck_assert_uint_eq(len_after, len_before);
            ck_assert_mem_eq(after, before, len_before);
            veilig_free(after);
        }
    }
    /* replace a measure in place */
    const char *mr = "{\"id\": \"campagne\", \"name\": \"Campagne 2\", \"category\": \"campaign\"}";
    OK(veilig_municipality_add_measure_json(&ms2, m, mr, strlen(mr), VEILIG_ADD_REPLACE, &err));
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 2);
    ck_assert_ptr_eq(veilig_municipality_measure(m, 0), ms2);
    ck_assert_str_eq(veilig_measure_name(veilig_municipality_measure(m, 0)), "Campagne 2");
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "campagne"), ms2);
    ck_assert_ptr_eq(veilig_municipality_find_measure(m, "nieuw"), ms);
    int64_t cents = 0;
    RC(veilig_measure_budget_cents(&cents, ms2), VEILIG_ENOTFOUND);

    RC(veilig_registry_add_json(NULL, NULL, frag, strlen(frag), 0, &err), VEILIG_EINVAL);
    RC(veilig_municipality_add_measure_json(NULL, NULL, mf, strlen(mf), 0, &err), VEILIG_EINVAL);
    veilig_free(before);
    veilig_registry_free(reg);
    free(golden);
}
END_TEST

/* ---- (g) to_json and the save flags ---- */

START_TEST(test_to_json_and_flags) {
    size_t glen = 0;
    char *golden = canonical_text(&glen);
    veilig_registry *reg = load_text(golden, glen);
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    veilig_error err;

    char *mj = SENTINEL;
    size_t mlen = 0;
    OK(veilig_municipality_to_json(&mj, &mlen, m, NULL, &err));
    ck_assert_uint_eq(strlen(mj), mlen);
    ck_assert_int_eq(mj[0], '{');
    ck_assert_int_eq(mj[mlen - 1], '\n');
    ck_assert_int_eq(mj[mlen - 2], '}');
    ck_assert(starts_with(mj, "{\n  \"code\": \"GM0153\",\n  \"name\": \"Enschede\",\n"));
    jansson_check(mj, mlen);
    char *a = squeeze(mj, mlen);
    char *b = value_at(golden, "/municipalities/0");
    ck_assert_str_eq(a, b);
    free(a);
    free(b);

    char *msj = SENTINEL;
    size_t mslen = 0;
    OK(veilig_measure_to_json(&msj, &mslen, veilig_municipality_measure(m, 0), NULL, &err));
    ck_assert(starts_with(msj, "{\n  \"id\": \"pub-ploeg\",\n  \"name\": \"PUB-ploeg\",\n"));
    jansson_check(msj, mslen);
    a = squeeze(msj, mslen);
    b = value_at(golden, "/municipalities/0/measures/0");
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    /* the fragment is what add_json takes */
    veilig_registry *other = NULL;
    OK(veilig_registry_new(&other));
    veilig_municipality *copy = NULL;
    OK(veilig_registry_add_json(&copy, other, mj, mlen, 0, &err));
    char *mj2 = NULL;
    OK(veilig_municipality_to_json(&mj2, NULL, copy, NULL, &err));
    ck_assert_str_eq(mj2, mj);
    veilig_free(mj2);
    veilig_registry_free(other);
    veilig_free(mj);
    veilig_free(msj);

    /* omit personal */
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = VEILIG_SAVE_OMIT_PERSONAL;
    OK(veilig_municipality_to_json(&mj, &mlen, m, &so, &err));
    ck_assert_ptr_null(strstr(mj, "J. Jansen"));
    ck_assert_ptr_null(strstr(mj, "personal"));
    veilig_free(mj);
    size_t len = 0;
    char *pub = dump_flags(reg, VEILIG_SAVE_OMIT_PERSONAL, &len, 0);
    ck_assert_ptr_null(strstr(pub, "J. Jansen"));
    ck_assert_ptr_null(strstr(pub, "j.jansen@example.nl"));
    ck_assert_ptr_nonnull(strstr(pub, "Publieksbalie"));
    json_t *j = jansson_parse(pub, len);
    json_t *contacts =
        json_object_get(json_array_get(json_object_get(j, "municipalities"), 0), "contacts");
    ck_assert_uint_eq(json_array_size(contacts), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(contacts, 0), "name")),
                     "Publieksbalie");
    json_decref(j);
    veilig_registry *pubreg = load_text(pub, len);
    ck_assert_uint_eq(veilig_municipality_contact_count(veilig_registry_get(pubreg, 0)), 1);
    veilig_registry_free(pubreg);
    veilig_free(pub);
    /* a personal programme contact is left out too; the programme stays */
    veilig_registry *r2 = load_text(golden, glen);
    OK(veilig_contact_set_personal(veilig_programme_contact_mut(veilig_registry_programme_mut(r2)),
                                   1));
    pub = dump_flags(r2, VEILIG_SAVE_OMIT_PERSONAL, &len, 0);
    ck_assert_ptr_null(strstr(pub, "Programmateam Veilige Steden"));
    ck_assert_ptr_nonnull(strstr(pub, "\"operator\": \"Movisie\""));
    veilig_free(pub);
    veilig_registry_free(r2);

    /* compact */
    char *compact = dump_flags(reg, VEILIG_SAVE_COMPACT, &len, 0);
    ck_assert_int_eq(compact[len - 1], '\n');
    ck_assert_ptr_eq(strchr(compact, '\n'), compact + len - 1);
    ck_assert(
        starts_with(compact, "{\"format\":\"veilig\",\"version\":1,\"programme\":{\"name\":"));
    json_t *jc = jansson_parse(compact, len);
    json_t *jg = jansson_parse(golden, glen);
    ck_assert(json_equal(jc, jg));
    json_decref(jc);
    a = squeeze(golden, glen);
    ck_assert_uint_eq(strlen(a) + 1, len);
    ck_assert_mem_eq(compact, a, len - 1);
    free(a);
    veilig_free(compact);

    /* ASCII */
    char *ascii = dump_flags(reg, VEILIG_SAVE_ASCII, &len, 0);
    for (size_t i = 0; i < len; i++)
        ck_assert_msg((unsigned char)ascii[i] < 0x80, "byte %zu is not ASCII", i);
    ck_assert_ptr_nonnull(strstr(ascii, "ook \\u2019s nachts"));
    ck_assert_ptr_nonnull(strstr(ascii, "Co\\u00f6rdineert de aanpak \\ud83c\\udf08"));
    json_t *ja = jansson_parse(ascii, len);
    ck_assert(json_equal(ja, jg));
    json_decref(ja);
    veilig_registry *back = load_text(ascii, len);
    char *again = dump(back, &len);
    ck_assert_uint_eq(len, glen);
    ck_assert_mem_eq(again, golden, glen);
    ck_assert_str_eq(
        veilig_stakeholder_note(veilig_municipality_stakeholder(veilig_registry_get(back, 0), 1)),
        "Co\xc3\xb6rdineert de aanpak \xf0\x9f\x8c\x88");
    veilig_free(again);
    veilig_registry_free(back);
    veilig_free(ascii);
    /* non-ASCII in unknown keys and values, escaped too */
    {
        const char *doc = DOC_HEAD "\"x_\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\": "
                                   "[\"\xe2\x82\xac\", {\"\xf0\x9f\x8c\x88\": true}]}";
        veilig_registry *u = load_str(doc);
        size_t ulen = 0, alen = 0;
        char *canon = dump(u, &ulen);
        char *asc = dump_flags(u, VEILIG_SAVE_ASCII, &alen, 0);
        for (size_t i = 0; i < alen; i++)
            ck_assert((unsigned char)asc[i] < 0x80);
        ck_assert_ptr_nonnull(strstr(asc, "\"x_\\u043a\\u043b\\u044e\\u0447\": ["));
        ck_assert_ptr_nonnull(strstr(asc, "\"\\ud83c\\udf08\": true"));
        veilig_registry *u2 = load_text(asc, alen);
        char *canon2 = dump(u2, NULL);
        ck_assert_str_eq(canon2, canon);
        veilig_free(canon2);
        veilig_free(asc);
        veilig_free(canon);
        veilig_registry_free(u2);
        veilig_registry_free(u);
    }
    /* all flags at once */
    char *all = dump_flags(reg, VEILIG_SAVE_ASCII | VEILIG_SAVE_COMPACT | VEILIG_SAVE_OMIT_PERSONAL,
                           &len, 0);
    ck_assert_ptr_eq(strchr(all, '\n'), all + len - 1);
    ck_assert_ptr_null(strstr(all, "J. Jansen"));
    for (size_t i = 0; i < len; i++)
        ck_assert((unsigned char)all[i] < 0x80);
    veilig_free(all);
    json_decref(jg);

    /* errors */
    char *out = SENTINEL;
    so.version = 2;
    RC(veilig_registry_dump(&out, &len, reg, &so, &err), VEILIG_EVERSION);
    ck_assert_ptr_null(out);
    out = SENTINEL;
    RC(veilig_registry_dump(&out, &len, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(out);
    RC(veilig_registry_dump(NULL, &len, reg, NULL, &err), VEILIG_EINVAL);
    out = SENTINEL;
    RC(veilig_municipality_to_json(&out, &len, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(out);
    out = SENTINEL;
    RC(veilig_measure_to_json(&out, &len, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(out);
    out = SENTINEL;
    RC(veilig_measure_to_json(&out, &len, veilig_municipality_measure(m, 0), &so, &err),
       VEILIG_EVERSION);
    ck_assert_ptr_null(out);

    veilig_registry_free(reg);
    free(golden);
}
END_TEST

/* ---- (h) jansson cross-check of odd strings and numbers ---- */

START_TEST(test_dumps_parse_with_jansson) {
    veilig_registry *reg = NULL;
    OK(veilig_registry_new(&reg));
    veilig_municipality *m = NULL;
    OK(veilig_registry_add(&m, reg, "GM0001", "Control \x01\x02\x1f and \x7f \"quotes\" \\ /"));
    OK(veilig_municipality_set_summary(m, "\xe2\x80\xa8 line separator, \xef\xbb\xbf BOM, "
                                          "\xf4\x8f\xbf\xbf max"));
    veilig_indicator *ind = NULL;
    OK(veilig_municipality_add_indicator(&ind, m, "i", "I"));
    OK(veilig_indicator_set_baseline_value(ind, 0.1));
    OK(veilig_indicator_set_target_value(ind, 1e300));
    veilig_date d = mkdate(2020, 0, 0);
    OK(veilig_indicator_add_observation(NULL, ind, &d, -1.0 / 3.0));
    OK(veilig_indicator_add_observation(NULL, ind, &d, 5e-324));
    OK(veilig_indicator_add_observation(NULL, ind, &d, 9007199254740993.0));
    OK(veilig_indicator_add_observation(NULL, ind, &d, -0.0));
    OK(veilig_indicator_add_observation(NULL, ind, &d, 123456789.125));
    unsigned flag_sets[] = {0, VEILIG_SAVE_COMPACT, VEILIG_SAVE_ASCII,
                            VEILIG_SAVE_COMPACT | VEILIG_SAVE_ASCII};
    for (size_t k = 0; k < sizeof flag_sets / sizeof flag_sets[0]; k++) {
        size_t len = 0;
        char *text = dump_flags(reg, flag_sets[k], &len, 0);
        json_t *j = jansson_parse(text, len);
        json_t *jm = json_array_get(json_object_get(j, "municipalities"), 0);
        ck_assert_str_eq(json_string_value(json_object_get(jm, "name")),
                         "Control \x01\x02\x1f and \x7f \"quotes\" \\ /");
        ck_assert_str_eq(json_string_value(json_object_get(jm, "summary")),
                         "\xe2\x80\xa8 line separator, \xef\xbb\xbf BOM, \xf4\x8f\xbf\xbf max");
        json_t *ji = json_array_get(json_object_get(jm, "indicators"), 0);
        ck_assert_double_eq(
            json_number_value(json_object_get(json_object_get(ji, "baseline"), "value")), 0.1);
        ck_assert_double_eq(
            json_number_value(json_object_get(json_object_get(ji, "target"), "value")), 1e300);
        json_t *obs = json_object_get(ji, "observations");
        ck_assert_double_eq(json_number_value(json_object_get(json_array_get(obs, 0), "value")),
                            -1.0 / 3.0);
        ck_assert_double_eq(json_number_value(json_object_get(json_array_get(obs, 1), "value")),
                            5e-324);
        ck_assert_double_eq(json_number_value(json_object_get(json_array_get(obs, 2), "value")),
                            9007199254740992.0);
        ck_assert_double_eq(json_number_value(json_object_get(json_array_get(obs, 4), "value")),
                            123456789.125);
        json_decref(j);
        /* and it reads back to the same numbers and strings */
        veilig_registry *back = load_text(text, len);
        const veilig_municipality *bm = veilig_registry_get(back, 0);
        ck_assert_str_eq(veilig_municipality_name(bm), veilig_municipality_name(m));
        ck_assert_str_eq(veilig_municipality_summary(bm), veilig_municipality_summary(m));
        const veilig_indicator *bi = veilig_municipality_indicator(bm, 0);
        double v = 0;
        OK(veilig_observation_value(&v, veilig_indicator_observation(bi, 0)));
        ck_assert_double_eq(v, -1.0 / 3.0);
        OK(veilig_observation_value(&v, veilig_indicator_observation(bi, 1)));
        ck_assert_double_eq(v, 5e-324);
        OK(veilig_indicator_target_value(&v, bi));
        ck_assert_double_eq(v, 1e300);
        veilig_registry_free(back);
        veilig_free(text);
    }
    veilig_registry_free(reg);
}
END_TEST

/* ---- (i) veilig_json_locate ---- */

START_TEST(test_json_locate) {
    const char *text = "{\n"
                       "  \"a\": [1, {\"b\": \"x\"}],\n"
                       "  \"c~d\": {\"e/f\": null},\n"
                       "  \"\xc3\xa9\": true,\n"
                       "  \"\": {\"\": 5}\n"
                       "}\n";
    size_t len = strlen(text);
    static const struct {
        const char *pointer;
        int line, column;
        const char *at;
    } ok[] = {
        {"", 1, 1, "{"},
        {"/a", 2, 8, "[1,"},
        {"/a/0", 2, 9, "1,"},
        {"/a/1", 2, 12, "{\"b\""},
        {"/a/1/b", 2, 18, "\"x\""},
        {"/c~0d", 3, 10, "{\"e/f\""},
        {"/c~0d/e~1f", 3, 18, "null"},
        {"/\xc3\xa9", 4, 8, "true"},
        {"/", 5, 7, "{\"\": 5}"},
        {"//", 5, 12, "5}"},
    };
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
        veilig_error err;
        memset(&err, 0, sizeof err);
        err.code = 1234;
        snprintf(err.message, sizeof err.message, "keep");
        snprintf(err.pointer, sizeof err.pointer, "/keep");
        int rc = veilig_json_locate(&err, text, len, ok[k].pointer);
        ck_assert_msg(rc == VEILIG_OK, "locate \"%s\": %s", ok[k].pointer, veilig_strerror(rc));
        ck_assert_msg(err.line == ok[k].line && err.column == ok[k].column,
                      "locate \"%s\": %d:%d, expected %d:%d", ok[k].pointer, err.line, err.column,
                      ok[k].line, ok[k].column);
        ck_assert_uint_eq(err.position, (size_t)(strstr(text, ok[k].at) - text));
        /* nothing else is touched */
        ck_assert_int_eq(err.code, 1234);
        ck_assert_str_eq(err.message, "keep");
        ck_assert_str_eq(err.pointer, "/keep");
    }
    static const char *const missing[] = {"/zz",  "/a/2",  "/a/01",   "/a/-",   "a",
                                          "/a/b", "/c~1d", "/a/1/c",  "/a/0/x", "/c~0d/e~1f/g",
                                          "/A",   "/a/-1", "/a/1/b/0"};
    for (size_t k = 0; k < sizeof missing / sizeof missing[0]; k++) {
        veilig_error err;
        memset(&err, 0, sizeof err);
        int rc = veilig_json_locate(&err, text, len, missing[k]);
        ck_assert_msg(rc == VEILIG_ENOTFOUND, "locate \"%s\": %s", missing[k], veilig_strerror(rc));
    }
    veilig_error err;
    /* member names are compared decoded; "~01" is the key "~1" */
    RC(veilig_json_locate(&err, "{\"a\\u0062\": 1}", 14, "/ab"), VEILIG_OK);
    ck_assert_uint_eq(err.position, 12);
    RC(veilig_json_locate(&err, "{\"~1\": 1, \"/\": 2}", 17, "/~01"), VEILIG_OK);
    ck_assert_uint_eq(err.position, 7);
    RC(veilig_json_locate(&err, "{\"~1\": 1, \"/\": 2}", 17, "/~1"), VEILIG_OK);
    ck_assert_uint_eq(err.position, 15);
    /* brackets and braces inside strings are skipped over */
    RC(veilig_json_locate(&err, "{\"b\": [\"]\", {\"}\": 1}], \"a\": 5}", 30, "/a"), VEILIG_OK);
    ck_assert_uint_eq(err.position, 28);
    RC(veilig_json_locate(&err, "[0,1,2,3,4,5,6,7,8,9,10]", 24, "/10"), VEILIG_OK);
    ck_assert_uint_eq(err.position, 21);
    RC(veilig_json_locate(&err, "{\"a\":1}", 7, "/a/"), VEILIG_ENOTFOUND);
    RC(veilig_json_locate(&err, "{", 1, "/a"), VEILIG_EPARSE);
    RC(veilig_json_locate(&err, "", 0, ""), VEILIG_EPARSE);
    RC(veilig_json_locate(&err, "{\"a\": [1, 2", 11, "/a/1"), VEILIG_OK);
    ck_assert_uint_eq(err.position, 10);
    RC(veilig_json_locate(NULL, text, len, ""), VEILIG_EINVAL);
    RC(veilig_json_locate(&err, NULL, len, ""), VEILIG_EINVAL);
    RC(veilig_json_locate(&err, text, len, NULL), VEILIG_EINVAL);
    /* len ends the text */
    RC(veilig_json_locate(&err, "[1, 2][3]", 6, "/1"), VEILIG_OK);
    ck_assert_uint_eq(err.position, 4);
    RC(veilig_json_locate(&err, "[1, 2][3]", 6, "/2"), VEILIG_ENOTFOUND);
}
END_TEST

/* ---- (j) the bundled dataset ---- */

START_TEST(test_builtin) {
    veilig_registry *reg = SENTINEL;
    veilig_error err;
    int rc = veilig_registry_load_builtin(&reg, &err);
    ck_assert_msg(rc == VEILIG_OK, "load_builtin: %s at %d:%d %s", err.message, err.line,
                  err.column, err.pointer);
    ck_assert_ptr_nonnull(reg);
    ck_assert_ptr_ne(reg, SENTINEL);
    size_t blen = 0;
    const char *json = veilig_builtin_json(&blen);
    ck_assert_ptr_nonnull(json);
    ck_assert_uint_gt(blen, 0);
    ck_assert_ptr_eq(veilig_builtin_json(NULL), json);
    jansson_check(json, blen);
    veilig_registry *reg2 = load_text(json, blen);
    size_t l1 = 0, l2 = 0;
    char *t1 = dump(reg, &l1);
    char *t2 = dump(reg2, &l2);
    ck_assert_uint_eq(l1, l2);
    ck_assert_mem_eq(t1, t2, l1);
    ck_assert_uint_eq(veilig_registry_count(reg), veilig_registry_count(reg2));
    /* the dataset file of the source tree is what is compiled in */
    size_t flen = 0;
    char *file = vg_test_read_file(VG_SOURCE_DIR "/data/veilige-steden.json", &flen);
    ck_assert_uint_eq(flen, blen);
    ck_assert_mem_eq(file, json, blen);
    free(file);
    veilig_free(t1);
    veilig_free(t2);
    veilig_registry_free(reg);
    veilig_registry_free(reg2);
}
END_TEST

static Suite *codec_suite(void) {
    Suite *s = suite_create("codec");
    TCase *tc = tcase_create("write");
    tcase_add_test(tc, test_canonical_golden);
    tcase_add_test(tc, test_empty_registry_dump);
    tcase_add_test(tc, test_lossless);
    tcase_add_test(tc, test_to_json_and_flags);
    tcase_add_test(tc, test_dumps_parse_with_jansson);
    suite_add_tcase(s, tc);
    tc = tcase_create("read");
    tcase_add_loop_test(tc, test_load_errors, 0, (int)(sizeof error_cases / sizeof error_cases[0]));
    tcase_add_test(tc, test_limits_boundaries);
    tcase_add_test(tc, test_error_pointers);
    tcase_add_test(tc, test_error_record_cut);
    tcase_add_test(tc, test_roundtrip_extremes);
    tcase_add_test(tc, test_amounts);
    tcase_add_test(tc, test_load_string_arguments);
    tcase_add_test(tc, test_json_locate);
    tcase_add_test(tc, test_builtin);
    suite_add_tcase(s, tc);
    tc = tcase_create("files");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_load_file_errors);
    tcase_add_test(tc, test_load_bounded);
    tcase_add_test(tc, test_load_options_v1);
    tcase_add_test(tc, test_load_every_error);
    tcase_add_test(tc, test_save_file);
    tcase_add_test(tc, test_save_text);
    tcase_add_test(tc, test_missing_key_typo);
    suite_add_tcase(s, tc);
    tc = tcase_create("fragments");
    tcase_add_test(tc, test_add_json);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(codec_suite());
}
