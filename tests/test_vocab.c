/* Unit tests of the vocabularies (include/veilig/vocab.h). */
#include <stdio.h>
#include <string.h>

#include "veilig.h"
#include "testutil.h"

/* The codes of each vocabulary as docs/DESIGN.md lists them, in enum order. */
static const char *const approach_codes[] = {"prevention", "enforcement", "support", "signalling"};
static const char *const category_codes[] = {
    "deescalation",   "supervision", "camera_surveillance", "campaign", "education",    "bystander",
    "victim_support", "reporting",   "enforcement",         "lgbti",    "public_space", "nightlife",
    "research"};
static const char *const target_group_codes[] = {
    "everyone",     "women_girls",        "lgbtiq",        "disability",   "students", "youth",
    "pupils",       "nightlife_visitors", "residents",     "visitors",     "workers",  "bystanders",
    "perpetrators", "men_boys",           "professionals", "entrepreneurs"};
static const char *const setting_codes[] = {"public_space", "nightlife", "online", "education",
                                            "work"};
static const char *const stakeholder_type_codes[] = {"municipal_department",
                                                     "police",
                                                     "public_health",
                                                     "knowledge_institution",
                                                     "school",
                                                     "civil_society",
                                                     "business",
                                                     "student_association",
                                                     "council",
                                                     "national_body",
                                                     "expertise_centre",
                                                     "other"};
static const char *const role_codes[] = {"executing", "contact_point", "sounding_board", "partner",
                                         "funding",   "accountable",   "involved"};
static const char *const link_kind_codes[] = {"policy", "programme", "network", "law"};
static const char *const link_relation_codes[] = {"embedded_in", "aligned_with", "builds_on"};
static const char *const membership_status_codes[] = {"active", "former", "unknown"};
static const char *const measure_state_codes[] = {"planned", "active", "ended", "unknown"};
static const char *const evidence_codes[] = {"unknown",        "well_described",
                                             "well_founded",   "effective_first",
                                             "effective_good", "effective_strong"};
static const char *const result_level_codes[] = {"output", "outcome", "impact"};
static const char *const unit_codes[] = {"count", "percent", "score", "euro", "qualitative"};
static const char *const direction_codes[] = {"increase", "decrease"};
static const char *const day_codes[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const daypart_codes[] = {"morning", "afternoon", "evening", "night"};

#define N(a) ((int)(sizeof(a) / sizeof(a)[0]))

typedef struct vocab_case {
    veilig_vocab vocab;
    const char *name;
    const char *const *codes;
    int size;
} vocab_case;

static const vocab_case vocab_cases[] = {
    {VEILIG_VOCAB_APPROACH, "approach", approach_codes, N(approach_codes)},
    {VEILIG_VOCAB_CATEGORY, "category", category_codes, N(category_codes)},
    {VEILIG_VOCAB_TARGET_GROUP, "target_group", target_group_codes, N(target_group_codes)},
    {VEILIG_VOCAB_SETTING, "setting", setting_codes, N(setting_codes)},
    {VEILIG_VOCAB_STAKEHOLDER_TYPE, "stakeholder_type", stakeholder_type_codes,
     N(stakeholder_type_codes)},
    {VEILIG_VOCAB_ROLE, "role", role_codes, N(role_codes)},
    {VEILIG_VOCAB_LINK_KIND, "link_kind", link_kind_codes, N(link_kind_codes)},
    {VEILIG_VOCAB_LINK_RELATION, "link_relation", link_relation_codes, N(link_relation_codes)},
    {VEILIG_VOCAB_MEMBERSHIP_STATUS, "membership_status", membership_status_codes,
     N(membership_status_codes)},
    {VEILIG_VOCAB_MEASURE_STATE, "measure_state", measure_state_codes, N(measure_state_codes)},
    {VEILIG_VOCAB_EVIDENCE, "evidence", evidence_codes, N(evidence_codes)},
    {VEILIG_VOCAB_RESULT_LEVEL, "result_level", result_level_codes, N(result_level_codes)},
    {VEILIG_VOCAB_UNIT, "unit", unit_codes, N(unit_codes)},
    {VEILIG_VOCAB_DIRECTION, "direction", direction_codes, N(direction_codes)},
    {VEILIG_VOCAB_DAY, "day", day_codes, N(day_codes)},
    {VEILIG_VOCAB_DAYPART, "daypart", daypart_codes, N(daypart_codes)},
};

#define NVOCABS N(vocab_cases)

START_TEST(test_vocab_sizes) {
    ck_assert_int_eq(NVOCABS, 16);
    const vocab_case *c = &vocab_cases[_i];
    ck_assert_int_eq((int)c->vocab, _i + 1);
    ck_assert_int_eq(veilig_vocab_size(c->vocab), c->size);
    ck_assert_pstr_eq(veilig_vocab_name(c->vocab), c->name);
    ck_assert_int_eq((int)veilig_vocab_from_name(c->name), (int)c->vocab);
}
END_TEST

START_TEST(test_vocab_codes_and_labels) {
    const vocab_case *c = &vocab_cases[_i];
    for (int v = 1; v <= c->size; v++) {
        const char *code = veilig_vocab_code(c->vocab, v);
        ck_assert_pstr_eq(code, c->codes[v - 1]);
        /* round trip */
        ck_assert_int_eq(veilig_vocab_from_code(c->vocab, code), v);
        ck_assert_int_eq(veilig_vocab_from_code(c->vocab, c->codes[v - 1]), v);
        /* labels: non-empty, NULL is Dutch, other languages give NULL */
        const char *nl = veilig_vocab_label(c->vocab, v, "nl");
        const char *en = veilig_vocab_label(c->vocab, v, "en");
        ck_assert_ptr_nonnull(nl);
        ck_assert_ptr_nonnull(en);
        ck_assert_int_gt((int)strlen(nl), 0);
        ck_assert_int_gt((int)strlen(en), 0);
        ck_assert_pstr_eq(veilig_vocab_label(c->vocab, v, NULL), nl);
        ck_assert_ptr_null(veilig_vocab_label(c->vocab, v, "de"));
        ck_assert_ptr_null(veilig_vocab_label(c->vocab, v, ""));
        ck_assert_ptr_null(veilig_vocab_label(c->vocab, v, "english"));
    }
    /* codes are unique within a vocabulary */
    for (int a = 1; a <= c->size; a++)
        for (int b = a + 1; b <= c->size; b++)
            ck_assert_str_ne(veilig_vocab_code(c->vocab, a), veilig_vocab_code(c->vocab, b));
}
END_TEST

START_TEST(test_vocab_unknown_and_out_of_range) {
    const vocab_case *c = &vocab_cases[_i];
    ck_assert_int_eq(veilig_vocab_from_code(c->vocab, "no_such_code"), 0);
    ck_assert_int_eq(veilig_vocab_from_code(c->vocab, ""), 0);
    ck_assert_int_eq(veilig_vocab_from_code(c->vocab, NULL), 0);
    /* exact, case-sensitive match */
    char upper[64];
    snprintf(upper, sizeof upper, "%s", c->codes[0]);
    upper[0] = (char)(upper[0] - 'a' + 'A');
    ck_assert_int_eq(veilig_vocab_from_code(c->vocab, upper), 0);
    char longer[80];
    snprintf(longer, sizeof longer, "%s ", c->codes[0]);
    ck_assert_int_eq(veilig_vocab_from_code(c->vocab, longer), 0);
    /* value 0 (_OTHER) and values out of range have no code or label */
    const int bad[] = {0, -1, c->size + 1, c->size + 100, 0x7fff, -0x7fff};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        ck_assert_ptr_null(veilig_vocab_code(c->vocab, bad[k]));
        ck_assert_ptr_null(veilig_vocab_label(c->vocab, bad[k], "nl"));
        ck_assert_ptr_null(veilig_vocab_label(c->vocab, bad[k], "en"));
        ck_assert_ptr_null(veilig_vocab_label(c->vocab, bad[k], NULL));
    }
}
END_TEST

START_TEST(test_vocab_unknown_vocabulary) {
    const veilig_vocab bad[] = {(veilig_vocab)0, (veilig_vocab)17, (veilig_vocab)-1,
                                (veilig_vocab)1000};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        ck_assert_int_eq(veilig_vocab_size(bad[k]), 0);
        ck_assert_ptr_null(veilig_vocab_name(bad[k]));
        ck_assert_ptr_null(veilig_vocab_code(bad[k], 1));
        ck_assert_ptr_null(veilig_vocab_label(bad[k], 1, "nl"));
        ck_assert_int_eq(veilig_vocab_from_code(bad[k], "prevention"), 0);
    }
    ck_assert_int_eq((int)veilig_vocab_from_name("no_such_vocab"), 0);
    ck_assert_int_eq((int)veilig_vocab_from_name(""), 0);
    ck_assert_int_eq((int)veilig_vocab_from_name(NULL), 0);
    ck_assert_int_eq((int)veilig_vocab_from_name("Approach"), 0);
}
END_TEST

/* The Dutch labels docs/DESIGN.md gives for the approaches (the reports use them). */
START_TEST(test_vocab_approach_labels) {
    ck_assert_str_eq(veilig_approach_label(VEILIG_APPROACH_PREVENTION, NULL), "preventie");
    ck_assert_str_eq(veilig_approach_label(VEILIG_APPROACH_ENFORCEMENT, "nl"),
                     "handhaving en repressie");
    ck_assert_str_eq(veilig_approach_label(VEILIG_APPROACH_SUPPORT, "nl"), "opvang en hulp");
    ck_assert_str_eq(veilig_approach_label(VEILIG_APPROACH_SIGNALLING, "nl"),
                     "signalering en melden");
    ck_assert_str_eq(veilig_approach_label(VEILIG_APPROACH_PREVENTION, "en"), "prevention");
}
END_TEST

/* The typed wrappers agree with the generic functions for every value,
   including 0 and one past the end. */
#define CHECK_TYPED(type, V)                                                                       \
    do {                                                                                           \
        int size_ = veilig_vocab_size(VEILIG_VOCAB_##V);                                           \
        ck_assert_int_gt(size_, 0);                                                                \
        for (int v_ = -1; v_ <= size_ + 1; v_++) {                                                 \
            ck_assert_pstr_eq(veilig_##type##_code((veilig_##type)v_),                             \
                              veilig_vocab_code(VEILIG_VOCAB_##V, v_));                            \
            ck_assert_pstr_eq(veilig_##type##_label((veilig_##type)v_, NULL),                      \
                              veilig_vocab_label(VEILIG_VOCAB_##V, v_, NULL));                     \
            ck_assert_pstr_eq(veilig_##type##_label((veilig_##type)v_, "nl"),                      \
                              veilig_vocab_label(VEILIG_VOCAB_##V, v_, "nl"));                     \
            ck_assert_pstr_eq(veilig_##type##_label((veilig_##type)v_, "en"),                      \
                              veilig_vocab_label(VEILIG_VOCAB_##V, v_, "en"));                     \
            ck_assert_ptr_null(veilig_##type##_label((veilig_##type)v_, "fr"));                    \
            const char *code_ = veilig_vocab_code(VEILIG_VOCAB_##V, v_);                           \
            if (code_)                                                                             \
                ck_assert_int_eq((int)veilig_##type##_from_code(code_), v_);                       \
        }                                                                                          \
        ck_assert_int_eq((int)veilig_##type##_from_code("zzz_unknown"), 0);                        \
        ck_assert_int_eq((int)veilig_##type##_from_code(NULL), 0);                                 \
        ck_assert_int_eq((int)veilig_##type##_from_code(""), 0);                                   \
    } while (0)

START_TEST(test_vocab_typed_wrappers) {
    CHECK_TYPED(approach, APPROACH);
    CHECK_TYPED(category, CATEGORY);
    CHECK_TYPED(target_group, TARGET_GROUP);
    CHECK_TYPED(setting, SETTING);
    CHECK_TYPED(stakeholder_type, STAKEHOLDER_TYPE);
    CHECK_TYPED(role, ROLE);
    CHECK_TYPED(link_kind, LINK_KIND);
    CHECK_TYPED(link_relation, LINK_RELATION);
    CHECK_TYPED(membership_status, MEMBERSHIP_STATUS);
    CHECK_TYPED(measure_state, MEASURE_STATE);
    CHECK_TYPED(evidence, EVIDENCE);
    CHECK_TYPED(result_level, RESULT_LEVEL);
    CHECK_TYPED(unit, UNIT);
    CHECK_TYPED(direction, DIRECTION);
    CHECK_TYPED(day, DAY);
    CHECK_TYPED(daypart, DAYPART);
    /* a few fixed points */
    ck_assert_str_eq(veilig_category_code(VEILIG_CATEGORY_DEESCALATION), "deescalation");
    ck_assert_int_eq(veilig_target_group_from_code("lgbtiq"), VEILIG_TARGET_GROUP_LGBTIQ);
    ck_assert_str_eq(veilig_stakeholder_type_code(VEILIG_STAKEHOLDER_TYPE_OTHER_KIND), "other");
    ck_assert_ptr_null(veilig_stakeholder_type_code(VEILIG_STAKEHOLDER_TYPE_OTHER));
    ck_assert_int_eq(veilig_stakeholder_type_from_code("other"),
                     VEILIG_STAKEHOLDER_TYPE_OTHER_KIND);
    ck_assert_str_eq(veilig_day_label(VEILIG_DAY_FRI, "nl"), "vrijdag");
    ck_assert_str_eq(veilig_day_label(VEILIG_DAY_FRI, "en"), "Friday");
    ck_assert_int_eq(veilig_evidence_from_code("unknown"), VEILIG_EVIDENCE_UNKNOWN);
    ck_assert_int_eq(veilig_measure_state_from_code("unknown"), VEILIG_MEASURE_STATE_UNKNOWN);
}
END_TEST

/* Each category's usual approach, as docs/DESIGN.md lists it. */
START_TEST(test_vocab_category_approach) {
    static const struct {
        veilig_category category;
        veilig_approach approach;
    } expect[] = {
        {VEILIG_CATEGORY_OTHER, VEILIG_APPROACH_OTHER},
        {VEILIG_CATEGORY_DEESCALATION, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_SUPERVISION, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_CAMERA_SURVEILLANCE, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_CAMPAIGN, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_EDUCATION, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_BYSTANDER, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_VICTIM_SUPPORT, VEILIG_APPROACH_SUPPORT},
        {VEILIG_CATEGORY_REPORTING, VEILIG_APPROACH_SIGNALLING},
        {VEILIG_CATEGORY_ENFORCEMENT, VEILIG_APPROACH_ENFORCEMENT},
        {VEILIG_CATEGORY_LGBTI, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_PUBLIC_SPACE, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_NIGHTLIFE, VEILIG_APPROACH_PREVENTION},
        {VEILIG_CATEGORY_RESEARCH, VEILIG_APPROACH_SIGNALLING},
    };
    ck_assert_int_eq((int)(sizeof expect / sizeof expect[0]),
                     veilig_vocab_size(VEILIG_VOCAB_CATEGORY) + 1);
    for (size_t k = 0; k < sizeof expect / sizeof expect[0]; k++) {
        ck_assert_int_eq((int)expect[k].category, (int)k);
        ck_assert_int_eq(veilig_category_approach(expect[k].category), expect[k].approach);
    }
}
END_TEST

/* vocab.def, the one table, against the public enums: every enum constant maps
   to its code, the values run 1..size in order, and the labels match. */
START_TEST(test_vocab_def_matches_enums) {
    int vocabs = 0, terms = 0;
#define VG_VOCAB(P, type, name)                                                                    \
    {                                                                                              \
        int n_ = 0;                                                                                \
        vocabs++;                                                                                  \
        ck_assert_pstr_eq(veilig_vocab_name(VEILIG_VOCAB_##P), name);
#define VG_TERM(P, C, code, nl, en)                                                                \
    n_++;                                                                                          \
    terms++;                                                                                       \
    ck_assert_int_eq((int)VEILIG_##P##_##C, n_);                                                   \
    ck_assert_pstr_eq(veilig_vocab_code(VEILIG_VOCAB_##P, VEILIG_##P##_##C), code);                \
    ck_assert_int_eq(veilig_vocab_from_code(VEILIG_VOCAB_##P, code), (int)VEILIG_##P##_##C);       \
    ck_assert_pstr_eq(veilig_vocab_label(VEILIG_VOCAB_##P, VEILIG_##P##_##C, "nl"), nl);           \
    ck_assert_pstr_eq(veilig_vocab_label(VEILIG_VOCAB_##P, VEILIG_##P##_##C, "en"), en);
#define VG_END(P)                                                                                  \
    ck_assert_int_eq(veilig_vocab_size(VEILIG_VOCAB_##P), n_);                                     \
    ck_assert_int_eq((int)VEILIG_##P##_OTHER, 0);                                                  \
    }
#include "vocab.def"
#undef VG_VOCAB
#undef VG_TERM
#undef VG_END
    ck_assert_int_eq(vocabs, 16);
    int total = 0;
    for (int k = 0; k < NVOCABS; k++)
        total += vocab_cases[k].size;
    ck_assert_int_eq(terms, total);
}
END_TEST

/* veilig_suggest: the nearest of any names, 1 or 2 edits away (the tool's
   "did you mean" for a command). */
START_TEST(test_suggest) {
    static const char *const names[] = {"validate", "report", NULL, "import", "export"};
    ck_assert_str_eq(veilig_suggest("valdate", names, 5), "validate");
    ck_assert_str_eq(veilig_suggest("exprot", names, 5), "export");
    ck_assert_str_eq(veilig_suggest("imprt", names, 5), "import");
    ck_assert_str_eq(veilig_suggest("rapport", names, 5), "report"); /* 2 edits */
    ck_assert_ptr_eq(veilig_suggest("reprt0x", names, 5), NULL);     /* 3 */
    ck_assert_ptr_eq(veilig_suggest("report", names, 5), NULL);      /* itself */
    ck_assert_ptr_eq(veilig_suggest(NULL, names, 5), NULL);
    ck_assert_ptr_eq(veilig_suggest("x", NULL, 5), NULL);
    ck_assert_ptr_eq(veilig_suggest("valdate", names, 0), NULL);
}
END_TEST

START_TEST(test_provinces) {
    ck_assert_uint_eq(veilig_province_count(), 15);
    ck_assert_str_eq(veilig_province_name("NL-OV", NULL), "Overijssel");
    ck_assert_str_eq(veilig_province_name("NL-FR", "nl"), "Fryslân");
    ck_assert_str_eq(veilig_province_name("NL-FR", "en"), "Friesland");
    ck_assert_str_eq(veilig_province_name("NL-BQ2", "en"), "Saba");
    ck_assert_ptr_null(veilig_province_name("NL-XX", NULL));
    ck_assert_ptr_null(veilig_province_name("nl-ov", NULL)); /* codes are exact */
    ck_assert_ptr_null(veilig_province_name("NL-OV", "fr"));
    ck_assert_ptr_null(veilig_province_name(NULL, NULL));
    ck_assert_ptr_null(veilig_province_code(15));
    /* every code has a name in both languages, in code order */
    for (size_t i = 0; i < veilig_province_count(); i++) {
        const char *code = veilig_province_code(i);
        ck_assert_ptr_nonnull(veilig_province_name(code, "nl"));
        ck_assert_ptr_nonnull(veilig_province_name(code, "en"));
        if (i)
            ck_assert_int_lt(strcmp(veilig_province_code(i - 1), code), 0);
    }
}
END_TEST

static Suite *vocab_suite(void) {
    Suite *s = suite_create("vocab");
    TCase *tc = tcase_create("vocab");
    tcase_add_loop_test(tc, test_vocab_sizes, 0, NVOCABS);
    tcase_add_loop_test(tc, test_vocab_codes_and_labels, 0, NVOCABS);
    tcase_add_loop_test(tc, test_vocab_unknown_and_out_of_range, 0, NVOCABS);
    tcase_add_test(tc, test_vocab_unknown_vocabulary);
    tcase_add_test(tc, test_vocab_approach_labels);
    tcase_add_test(tc, test_vocab_typed_wrappers);
    tcase_add_test(tc, test_vocab_category_approach);
    tcase_add_test(tc, test_vocab_def_matches_enums);
    tcase_add_test(tc, test_provinces);
    tcase_add_test(tc, test_suggest);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(vocab_suite());
}
