/*
 * Tests of the bundled dataset (data/veilige-steden.json, compiled into the
 * library): that it is canonical and the same as the built-in copy, that it
 * says what its sources say (the programme's page and the reference table of
 * municipalities, data/sources/) and nothing they do not, and
 * that it validates with exactly the warnings it is known to have.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "veilig/codec.h"
#include "veilig/model.h"
#include "veilig/validate.h"
#include "testutil.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

#define DATASET_PATH VG_SOURCE_DIR "/data/veilige-steden.json"
#define SEED_PATH    VG_SOURCE_DIR "/data/sources/enschede-veilige-steden.txt"
#define TSV_PATH     VG_SOURCE_DIR "/data/sources/municipalities.tsv"
#define SOURCE_URL   "https://www.programmaveiligesteden.nl/gemeenten/gemeente-enschede/"

/* ---- helpers ---- */

/*
 * What a test allocates is kept here and freed after the test (a checked
 * fixture), also when an assertion fails half-way: so valgrind shows the
 * library's leaks only, never a failed test's.
 */
typedef void (*free_fn)(void *);
static struct {
    void *p;
    free_fn fn;
} * garbage;
static size_t ngarbage, garbage_cap;

/* Keeps p (may be NULL) to be freed with fn after the test; returns p. */
static void *keep(void *p, free_fn fn) {
    if (!p)
        return p;
    if (ngarbage == garbage_cap) {
        size_t cap = garbage_cap ? 2 * garbage_cap : 64;
        void *g = realloc(garbage, cap * sizeof *garbage);
        ck_assert_ptr_nonnull(g);
        garbage = g;
        garbage_cap = cap;
    }
    garbage[ngarbage].p = p;
    garbage[ngarbage].fn = fn;
    ngarbage++;
    return p;
}

static void free_garbage(void) {
    while (ngarbage > 0) {
        ngarbage--;
        garbage[ngarbage].fn(garbage[ngarbage].p);
    }
    free(garbage);
    garbage = NULL;
    garbage_cap = 0;
}

static void free_registry(void *p) {
    veilig_registry_free(p);
}

static void free_diagnostics(void *p) {
    veilig_diagnostics_free(p);
}

static void free_json(void *p) {
    json_decref(p);
}

/* The seed page's text; kept. */
static const char *seed(void) {
    return keep(vg_test_read_file(SEED_PATH, NULL), free);
}

/* The built-in dataset, loaded; kept. */
static veilig_registry *builtin(void) {
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_builtin(&reg, &err);
    ck_assert_msg(rc == VEILIG_OK, "the built-in dataset does not load (%d): %s at %s", rc,
                  err.message, err.pointer);
    return keep(reg, free_registry);
}

static const veilig_municipality *enschede(const veilig_registry *reg) {
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    ck_assert_msg(m != NULL, "no GM0153 in the dataset");
    ck_assert_str_eq(veilig_municipality_name(m), "Enschede");
    return m;
}

/* Whether needle occurs in hay, ASCII letters compared without case. */
static int contains_nocase(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return n == 0;
}

/* Asserts that text (what) occurs verbatim in the seed page. */
static void assert_in_seed(const char *page, const char *text, const char *what) {
    ck_assert_msg(text != NULL, "%s is missing", what);
    ck_assert_msg(*text != '\0', "%s is empty", what);
    ck_assert_msg(strstr(page, text) != NULL, "%s does not occur in the seed: \"%s\"", what, text);
}

/* ---- the file and the built-in copy ---- */

START_TEST(test_file_is_builtin_and_canonical) {
    size_t file_len = 0;
    char *file = keep(vg_test_read_file(DATASET_PATH, &file_len), free);
    size_t builtin_len = 0;
    const char *text = veilig_builtin_json(&builtin_len);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(builtin_len, strlen(text));
    ck_assert_msg(builtin_len == file_len && memcmp(text, file, file_len) == 0,
                  "data/veilige-steden.json (%zu bytes) differs from veilig_builtin_json (%zu "
                  "bytes): rebuild the library",
                  file_len, builtin_len);

    /* the file loads, and dumps to its own bytes */
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_file(&reg, DATASET_PATH, NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "%s does not load (%d): %s at %s (line %d)", DATASET_PATH, rc,
                  err.message, err.pointer, err.line);
    keep(reg, free_registry);
    char *dump = NULL;
    size_t dump_len = 0;
    ck_assert_int_eq(veilig_registry_dump(&dump, &dump_len, reg, NULL, NULL), VEILIG_OK);
    keep(dump, veilig_free);
    if (dump_len != file_len || memcmp(dump, file, file_len) != 0) {
        size_t i = 0;
        while (i < dump_len && i < file_len && dump[i] == file[i])
            i++;
        ck_abort_msg("the dataset is not canonical: its dump differs at byte %zu (\"%.40s\" "
                     "instead of \"%.40s\")",
                     i, dump + i, file + i);
    }

    /* so does the built-in copy */
    veilig_registry *b = builtin();
    char *bdump = NULL;
    ck_assert_int_eq(veilig_registry_dump(&bdump, NULL, b, NULL, NULL), VEILIG_OK);
    keep(bdump, veilig_free);
    ck_assert_str_eq(bdump, file);

    /* and the file is plain JSON */
    json_error_t je;
    json_t *root = keep(json_loadb(file, file_len, 0, &je), free_json);
    ck_assert_msg(root != NULL, "not JSON: %s (line %d)", je.text, je.line);
}
END_TEST

/* ---- the municipalities of the reference table ---- */

typedef struct tsv_row {
    char *code, *name, *official_name, *province;
} tsv_row;

/* Reads the reference table into rows (at most max); returns their number. */
static size_t read_tsv(tsv_row *rows, size_t max) {
    char *text = keep(vg_test_read_file(TSV_PATH, NULL), free);
    size_t n = 0;
    int header = 1;
    char *save_line = NULL;
    for (char *line = strtok_r(text, "\n", &save_line); line;
         line = strtok_r(NULL, "\n", &save_line)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        if (header) {
            ck_assert_msg(strncmp(line, "code\tname\tofficial_name\tprovince\t", 33) == 0,
                          "unexpected header of %s: %s", TSV_PATH, line);
            header = 0;
            continue;
        }
        if (!*line)
            continue;
        ck_assert_uint_lt(n, max);
        char *fields[4] = {NULL, NULL, NULL, NULL};
        char *p = line;
        for (int f = 0; f < 4; f++) {
            fields[f] = p;
            char *tab = strchr(p, '\t');
            ck_assert_msg(tab != NULL || f == 3, "short row in %s: %s", TSV_PATH, line);
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        rows[n].code = fields[0];
        rows[n].name = fields[1];
        rows[n].official_name = fields[2];
        rows[n].province = fields[3];
        n++;
    }
    return n;
}

START_TEST(test_municipalities_of_reference) {
    tsv_row rows[64];
    size_t n = read_tsv(rows, N(rows));
    ck_assert_uint_eq(n, 19);
    veilig_registry *reg = builtin();
    ck_assert_uint_eq(veilig_registry_count(reg), n);
    for (size_t i = 0; i < n; i++) {
        const veilig_municipality *m = veilig_registry_find(reg, rows[i].code);
        ck_assert_msg(m != NULL, "%s (%s) is not in the dataset", rows[i].code, rows[i].name);
        ck_assert_str_eq(veilig_municipality_code(m), rows[i].code);
        ck_assert_str_eq(veilig_municipality_name(m), rows[i].name);
        ck_assert_pstr_eq(veilig_municipality_official_name(m), rows[i].official_name);
        ck_assert_pstr_eq(veilig_municipality_province(m), rows[i].province);
    }
    /* and nothing else: every municipality of the dataset is a row */
    for (size_t k = 0; k < veilig_registry_count(reg); k++) {
        const char *code = veilig_municipality_code(veilig_registry_get(reg, k));
        int found = 0;
        for (size_t i = 0; i < n && !found; i++)
            found = strcmp(rows[i].code, code) == 0;
        ck_assert_msg(found, "%s is in the dataset but not in the reference table", code);
    }
}
END_TEST

START_TEST(test_summaries_and_notes_from_seed) {
    const char *page = seed();
    veilig_registry *reg = builtin();
    char what[128];
    for (size_t k = 0; k < veilig_registry_count(reg); k++) {
        const veilig_municipality *m = veilig_registry_get(reg, k);
        snprintf(what, sizeof what, "the summary of %s", veilig_municipality_name(m));
        assert_in_seed(page, veilig_municipality_summary(m), what);
        const char *note = veilig_municipality_membership_note(m);
        if (note) {
            snprintf(what, sizeof what, "the membership note of %s", veilig_municipality_name(m));
            assert_in_seed(page, note, what);
        }
    }
}
END_TEST

START_TEST(test_sources) {
    veilig_registry *reg = builtin();
    for (size_t k = 0; k < veilig_registry_count(reg); k++) {
        const veilig_municipality *m = veilig_registry_get(reg, k);
        int found = 0;
        for (size_t i = 0; i < veilig_municipality_source_count(m); i++) {
            const char *url = veilig_source_url(veilig_municipality_source(m, i));
            found |= url && strcmp(url, SOURCE_URL) == 0;
        }
        ck_assert_msg(found, "%s has no source %s", veilig_municipality_name(m), SOURCE_URL);
    }
}
END_TEST

START_TEST(test_programme) {
    veilig_registry *reg = builtin();
    const veilig_programme *p = veilig_registry_programme(reg);
    ck_assert_ptr_nonnull(p);
    ck_assert_pstr_eq(veilig_programme_name(p), "Veilige Steden");
    ck_assert_pstr_eq(veilig_programme_operator(p), "Movisie");
    const veilig_contact *c = veilig_programme_contact(p);
    ck_assert_ptr_nonnull(c);
    ck_assert_pstr_eq(veilig_contact_email(c), "veiligesteden@movisie.nl");
    /* a desk, not a person */
    ck_assert_int_eq(veilig_contact_personal(c), 0);
    assert_in_seed(seed(), veilig_contact_email(c), "the programme's e-mail address");
}
END_TEST

/* ---- Enschede: the approach of the seed page ---- */

START_TEST(test_enschede_membership_and_ambition) {
    const char *page = seed();
    const veilig_municipality *m = enschede(builtin());
    veilig_date joined;
    ck_assert_int_eq(veilig_municipality_membership_joined(&joined, m), VEILIG_OK);
    ck_assert_int_eq(joined.year, 2021);
    /* "sinds eind 2021": no day is given */
    ck_assert_int_eq(joined.day, 0);
    assert_in_seed(page, veilig_municipality_ambition(m), "Enschede's ambition");
    ck_assert_pstr_eq(veilig_municipality_province(m), "NL-OV");
}
END_TEST

START_TEST(test_enschede_scope_and_focus) {
    const char *page = seed();
    const veilig_municipality *m = enschede(builtin());
    static const veilig_target_group groups[] = {VEILIG_TARGET_GROUP_WOMEN_GIRLS,
                                                 VEILIG_TARGET_GROUP_LGBTIQ,
                                                 VEILIG_TARGET_GROUP_DISABILITY};
    for (size_t g = 0; g < N(groups); g++) {
        int found = 0;
        for (size_t i = 0; i < veilig_municipality_target_group_count(m); i++)
            found |= veilig_municipality_target_group(m, i) == groups[g];
        ck_assert_msg(found, "the scope lacks %s", veilig_target_group_code(groups[g]));
    }
    int prevention = 0;
    for (size_t i = 0; i < veilig_municipality_focus_count(m); i++)
        prevention |= veilig_municipality_focus(m, i) == VEILIG_APPROACH_PREVENTION;
    ck_assert_msg(prevention, "the focus lacks prevention");

    /* repression: "strafrechtelijk nog niet mogelijk" */
    int excluded = 0;
    for (size_t i = 0; i < veilig_municipality_exclusion_count(m); i++) {
        const veilig_exclusion *x = veilig_municipality_exclusion(m, i);
        if (veilig_exclusion_approach(x) != VEILIG_APPROACH_ENFORCEMENT)
            continue;
        excluded = 1;
        assert_in_seed(page, veilig_exclusion_reason(x), "the reason to exclude enforcement");
    }
    ck_assert_msg(excluded, "enforcement is not excluded");
}
END_TEST

START_TEST(test_enschede_policy_links) {
    const veilig_municipality *m = enschede(builtin());
    static const char *const names[] = {
        "integrale veiligheidsbeleid", "regenboogsteden", "inclusie",
        "onlinecriminaliteit",         "veilig uitgaan",  "kenniscentrum mensenhandel"};
    for (size_t k = 0; k < N(names); k++) {
        const veilig_policy_link *found = NULL;
        for (size_t i = 0; i < veilig_municipality_policy_link_count(m) && !found; i++) {
            const veilig_policy_link *l = veilig_municipality_policy_link(m, i);
            if (contains_nocase(veilig_policy_link_name(l), names[k]))
                found = l;
        }
        ck_assert_msg(found != NULL, "no policy link named like \"%s\"", names[k]);
        /* street harassment is added to the High Impact Crimes of the integral safety policy */
        if (k == 0)
            ck_assert_int_eq(veilig_policy_link_relation(found), VEILIG_LINK_RELATION_EMBEDDED_IN);
    }
}
END_TEST

START_TEST(test_enschede_measures) {
    const char *page = seed();
    const veilig_municipality *m = enschede(builtin());
    static const veilig_category categories[] = {VEILIG_CATEGORY_DEESCALATION,
                                                 VEILIG_CATEGORY_SUPERVISION,
                                                 VEILIG_CATEGORY_CAMERA_SURVEILLANCE,
                                                 VEILIG_CATEGORY_LGBTI,
                                                 VEILIG_CATEGORY_CAMPAIGN,
                                                 VEILIG_CATEGORY_EDUCATION,
                                                 VEILIG_CATEGORY_BYSTANDER};
    for (size_t c = 0; c < N(categories); c++) {
        int found = 0;
        for (size_t i = 0; i < veilig_municipality_measure_count(m); i++)
            found |= veilig_measure_category(veilig_municipality_measure(m, i)) == categories[c];
        ck_assert_msg(found, "no measure of category %s", veilig_category_code(categories[c]));
    }

    /* the PUB-ploeg: "in de weekenden 's avonds en 's nachts" */
    const veilig_measure *pub = NULL;
    for (size_t i = 0; i < veilig_municipality_measure_count(m) && !pub; i++)
        if (contains_nocase(veilig_measure_name(veilig_municipality_measure(m, i)), "PUB-ploeg"))
            pub = veilig_municipality_measure(m, i);
    ck_assert_msg(pub != NULL, "no PUB-ploeg");
    ck_assert_int_eq(veilig_measure_category(pub), VEILIG_CATEGORY_DEESCALATION);
    int weekend = 0;
    for (size_t i = 0; i < veilig_measure_window_count(pub); i++) {
        const char *note = veilig_window_note(veilig_measure_window(pub, i));
        weekend |= note && strstr(note, "in de weekenden") != NULL;
    }
    ck_assert_msg(weekend, "the PUB-ploeg has no window with a note \"in de weekenden ...\"");

    /* every description is the page's own words; one activity of the page
       that the dataset splits in two says so, after the page's sentence */
    for (size_t i = 0; i < veilig_municipality_measure_count(m); i++) {
        const veilig_measure *ms = veilig_municipality_measure(m, i);
        const char *d = veilig_measure_description(ms);
        if (!d)
            continue;
        char what[160];
        snprintf(what, sizeof what, "the description of measure %s", veilig_measure_id(ms));
        if (!strstr(d, "gesplitst")) {
            assert_in_seed(page, d, what);
            continue;
        }
        const char *end = strstr(d, ". ");
        ck_assert_msg(end != NULL, "%s marks a split but has no first sentence", what);
        size_t len = (size_t)(end - d);
        char *first = keep(malloc(len + 1), free);
        ck_assert_ptr_nonnull(first);
        memcpy(first, d, len);
        first[len] = '\0';
        assert_in_seed(page, first, what);
    }
}
END_TEST

START_TEST(test_enschede_stakeholders) {
    const veilig_municipality *m = enschede(builtin());
    static const veilig_stakeholder_type kinds[] = {VEILIG_STAKEHOLDER_TYPE_POLICE,
                                                    VEILIG_STAKEHOLDER_TYPE_PUBLIC_HEALTH,
                                                    VEILIG_STAKEHOLDER_TYPE_KNOWLEDGE_INSTITUTION,
                                                    VEILIG_STAKEHOLDER_TYPE_COUNCIL,
                                                    VEILIG_STAKEHOLDER_TYPE_SCHOOL,
                                                    VEILIG_STAKEHOLDER_TYPE_BUSINESS,
                                                    VEILIG_STAKEHOLDER_TYPE_CIVIL_SOCIETY,
                                                    VEILIG_STAKEHOLDER_TYPE_EXPERTISE_CENTRE,
                                                    VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT};
    for (size_t k = 0; k < N(kinds); k++) {
        int found = 0;
        for (size_t i = 0; i < veilig_municipality_stakeholder_count(m); i++)
            found |= veilig_stakeholder_kind(veilig_municipality_stakeholder(m, i)) == kinds[k];
        ck_assert_msg(found, "no stakeholder of kind %s", veilig_stakeholder_type_code(kinds[k]));
    }

    /* the sounding board ("klankbordgroep") as the page lists it */
    static const char *const board[] = {"kennisinstellingen",
                                        "GGD",
                                        "politie",
                                        "raadsleden",
                                        "diversity officers van diverse scholen",
                                        "binnenstadsondernemers",
                                        "COC",
                                        "Kenniscentrum mensenhandel"};
    for (size_t b = 0; b < N(board); b++) {
        const veilig_stakeholder *s = NULL;
        for (size_t i = 0; i < veilig_municipality_stakeholder_count(m) && !s; i++)
            if (contains_nocase(veilig_stakeholder_name(veilig_municipality_stakeholder(m, i)),
                                board[b]))
                s = veilig_municipality_stakeholder(m, i);
        ck_assert_msg(s != NULL, "no stakeholder for \"%s\" of the sounding board", board[b]);
        int role = 0;
        for (size_t r = 0; r < veilig_stakeholder_role_count(s); r++)
            role |= veilig_stakeholder_role(s, r) == VEILIG_ROLE_SOUNDING_BOARD;
        ck_assert_msg(role, "%s has no role sounding_board", veilig_stakeholder_name(s));
    }

    /* Team Veiligheid carries the policy and its execution */
    int executing = 0;
    for (size_t i = 0; i < veilig_municipality_stakeholder_count(m); i++) {
        const veilig_stakeholder *s = veilig_municipality_stakeholder(m, i);
        for (size_t r = 0; r < veilig_stakeholder_role_count(s); r++)
            executing |= veilig_stakeholder_role(s, r) == VEILIG_ROLE_EXECUTING;
    }
    ck_assert_msg(executing, "no stakeholder has the role executing");
}
END_TEST

/* ---- personal data: the contact person is marked, and only there ---- */

#define PERSON_NAME  "Patrick te Brake"
#define PERSON_PHONE "06 1329 4445"
#define PERSON_EMAIL "p.tebrake@enschede.nl"

START_TEST(test_enschede_contact_person) {
    const veilig_municipality *m = enschede(builtin());
    const veilig_contact *person = NULL;
    for (size_t i = 0; i < veilig_municipality_contact_count(m) && !person; i++) {
        const char *name = veilig_contact_name(veilig_municipality_contact(m, i));
        if (name && strcmp(name, PERSON_NAME) == 0)
            person = veilig_municipality_contact(m, i);
    }
    ck_assert_msg(person != NULL, "no contact " PERSON_NAME);
    ck_assert_pstr_eq(veilig_contact_phone(person), PERSON_PHONE);
    ck_assert_pstr_eq(veilig_contact_email(person), PERSON_EMAIL);
    ck_assert_int_eq(veilig_contact_personal(person), 1);
}
END_TEST

typedef struct found {
    size_t phone, email, name;
    char phone_key[64], email_key[64];
} found;

/* Counts the strings under j that hold the person's phone (in any spacing), e-mail or name. */
static void find_person(const json_t *j, const char *key, found *f) {
    if (json_is_object(j)) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)j, k, v) {
            ck_assert_msg(!contains_nocase(k, "tebrake"), "a key holds the e-mail address");
            find_person(v, k, f);
        }
    } else if (json_is_array(j)) {
        for (size_t i = 0; i < json_array_size(j); i++)
            find_person(json_array_get(j, i), key, f);
    } else if (json_is_string(j)) {
        const char *s = json_string_value(j);
        char digits[1024];
        size_t n = 0;
        for (const char *p = s; *p && n + 1 < sizeof digits; p++)
            if (*p >= '0' && *p <= '9')
                digits[n++] = *p;
        digits[n] = '\0';
        if (strstr(digits, "13294445")) {
            f->phone++;
            snprintf(f->phone_key, sizeof f->phone_key, "%s", key ? key : "");
        }
        if (contains_nocase(s, "tebrake@") || contains_nocase(s, "tebrake @")) {
            f->email++;
            snprintf(f->email_key, sizeof f->email_key, "%s", key ? key : "");
        }
        f->name += contains_nocase(s, "te Brake");
    }
}

START_TEST(test_personal_data_only_in_contact) {
    json_error_t je;
    json_t *root = keep(json_load_file(DATASET_PATH, 0, &je), free_json);
    ck_assert_msg(root != NULL, "%s: %s", DATASET_PATH, je.text);
    found f;
    memset(&f, 0, sizeof f);
    find_person(root, NULL, &f);
    ck_assert_msg(f.phone == 1, "the phone number is in %zu fields, not 1", f.phone);
    ck_assert_str_eq(f.phone_key, "phone");
    ck_assert_msg(f.email == 1, "the e-mail address is in %zu fields, not 1", f.email);
    ck_assert_str_eq(f.email_key, "email");
    ck_assert_msg(f.name == 1, "the name is in %zu fields, not 1", f.name);

    /* so that leaving out personal contacts leaves out all of it */
    veilig_registry *reg = builtin();
    veilig_save_options opts = VEILIG_SAVE_OPTIONS_INIT;
    opts.flags = VEILIG_SAVE_OMIT_PERSONAL;
    char *dump = NULL;
    ck_assert_int_eq(veilig_registry_dump(&dump, NULL, reg, &opts, NULL), VEILIG_OK);
    keep(dump, veilig_free);
    ck_assert_ptr_null(strstr(dump, "1329"));
    ck_assert_ptr_null(strstr(dump, "tebrake"));
    ck_assert_ptr_null(strstr(dump, "te Brake"));
}
END_TEST

/* ---- what the seed does not give, the dataset does not invent ---- */

static void assert_no_key(const json_t *obj, const char *key, const char *where) {
    ck_assert_msg(json_object_get(obj, key) == NULL, "%s has \"%s\", which the seed never gives",
                  where, key);
}

START_TEST(test_measures_invent_nothing) {
    veilig_registry *reg = builtin();
    for (size_t k = 0; k < veilig_registry_count(reg); k++) {
        const veilig_municipality *m = veilig_registry_get(reg, k);
        for (size_t i = 0; i < veilig_municipality_measure_count(m); i++) {
            const veilig_measure *ms = veilig_municipality_measure(m, i);
            int64_t cents = 0;
            ck_assert_msg(veilig_measure_budget_cents(&cents, ms) == VEILIG_ENOTFOUND,
                          "measure %s has a budget", veilig_measure_id(ms));
            ck_assert_msg(veilig_measure_indicator_count(ms) == 0, "measure %s has indicators",
                          veilig_measure_id(ms));
            ck_assert_msg(veilig_measure_evidence_code(ms) == NULL, "measure %s has evidence",
                          veilig_measure_id(ms));
            ck_assert_msg(veilig_measure_status_code(ms) == NULL, "measure %s has a status",
                          veilig_measure_id(ms));
        }
    }
    /* nor as keys the model might not read */
    json_error_t je;
    json_t *root = keep(json_load_file(DATASET_PATH, 0, &je), free_json);
    ck_assert_ptr_nonnull(root);
    json_t *ms = json_object_get(root, "municipalities");
    for (size_t k = 0; k < json_array_size(ms); k++) {
        json_t *measures = json_object_get(json_array_get(ms, k), "measures");
        for (size_t i = 0; i < json_array_size(measures); i++) {
            json_t *x = json_array_get(measures, i);
            char where[96];
            snprintf(where, sizeof where, "/municipalities/%zu/measures/%zu", k, i);
            assert_no_key(x, "budget", where);
            assert_no_key(x, "indicators", where);
            assert_no_key(x, "evidence", where);
            assert_no_key(x, "status", where);
        }
    }
}
END_TEST

/* ---- validation ---- */

START_TEST(test_validation) {
    veilig_registry *reg = builtin();
    veilig_diagnostics *d = NULL;
    ck_assert_int_eq(veilig_validate(&d, reg), VEILIG_OK);
    keep(d, free_diagnostics);
    char *json = NULL;
    ck_assert_int_eq(veilig_diagnostics_to_json(&json, NULL, d), VEILIG_OK);
    keep(json, veilig_free);
    ck_assert_msg(veilig_diagnostics_count_severity(d, VEILIG_SEVERITY_ERROR) == 0,
                  "the dataset has errors: %s", json);

    /*
     * The known warnings, and why they are expected: the page names women
     * and girls ("Naast vrouwen en meisjes ...") and people with a
     * disability ("... mensen met een beperking") in its ambition, so both
     * are in Enschede's scope; but none of the activities it lists names
     * either group, so no measure serves them (V015). The dataset keeps to
     * the page rather than invent a link, and the warnings show the gap.
     */
    static const struct {
        const char *rule, *pointer, *group;
    } expected[] = {
        {"V015", "/municipalities/0/scope/target_groups/0", "women_girls"},
        {"V015", "/municipalities/0/scope/target_groups/2", "disability"},
    };
    ck_assert_msg(veilig_diagnostics_count(d) == N(expected),
                  "expected exactly %zu warnings, got %zu: %s", N(expected),
                  veilig_diagnostics_count(d), json);
    const veilig_municipality *m = enschede(reg);
    ck_assert_ptr_eq(veilig_registry_get(reg, 0), m);
    for (size_t i = 0; i < N(expected); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        ck_assert_str_eq(x->rule, expected[i].rule);
        ck_assert_int_eq(x->severity, VEILIG_SEVERITY_WARNING);
        ck_assert_str_eq(x->pointer, expected[i].pointer);
        ck_assert_msg(strstr(x->message, expected[i].group) != NULL, "message: %s", x->message);
        size_t index = (size_t)atoi(strrchr(x->pointer, '/') + 1);
        ck_assert_pstr_eq(veilig_municipality_target_group_code(m, index), expected[i].group);
    }
}
END_TEST

static Suite *dataset_suite(void) {
    Suite *s = suite_create("dataset");
    TCase *tc = tcase_create("file");
    tcase_add_checked_fixture(tc, NULL, free_garbage);
    tcase_add_test(tc, test_file_is_builtin_and_canonical);
    suite_add_tcase(s, tc);

    tc = tcase_create("seed");
    tcase_add_checked_fixture(tc, NULL, free_garbage);
    tcase_add_test(tc, test_municipalities_of_reference);
    tcase_add_test(tc, test_summaries_and_notes_from_seed);
    tcase_add_test(tc, test_sources);
    tcase_add_test(tc, test_programme);
    tcase_add_test(tc, test_enschede_membership_and_ambition);
    tcase_add_test(tc, test_enschede_scope_and_focus);
    tcase_add_test(tc, test_enschede_policy_links);
    tcase_add_test(tc, test_enschede_measures);
    tcase_add_test(tc, test_enschede_stakeholders);
    tcase_add_test(tc, test_enschede_contact_person);
    tcase_add_test(tc, test_personal_data_only_in_contact);
    tcase_add_test(tc, test_measures_invent_nothing);
    suite_add_tcase(s, tc);

    tc = tcase_create("validation");
    tcase_add_checked_fixture(tc, NULL, free_garbage);
    tcase_add_test(tc, test_validation);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(dataset_suite());
}
