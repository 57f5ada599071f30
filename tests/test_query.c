/* Query: filters over the analysis fixture; the expected matches are worked
   out by hand from tests/data/analysis/fixture.json:
   GM0001 Aastad (NL-OV): m1 deescalation active, partner s-police (police);
     m2 bystander ended, "LHBTI+" in its description; m3 campaign with
     approach enforcement, period 2020-2021.
   GM0002 Beedorp (NL-GE): b1 deescalation (partner s-police, police), b2 reporting.
   GM0003 Ceestad: no measures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "model_internal.h"

/* Runs q on reg, frees q and returns the matches as "GM0001:m1 GM0002:b1"
   (with_code) or "m1 b1" (static buffer). */
static const char *vg_matches(veilig_registry *reg, veilig_query *q, int with_code) {
    static char buf[512];
    veilig_query_result *r = NULL;
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    buf[0] = '\0';
    for (size_t i = 0; i < veilig_query_result_count(r); i++) {
        if (i)
            strcat(buf, " ");
        if (with_code) {
            strcat(buf, veilig_municipality_code(veilig_query_result_municipality(r, i)));
            strcat(buf, ":");
        }
        strcat(buf, veilig_measure_id(veilig_query_result_measure(r, i)));
    }
    veilig_query_result_free(r);
    veilig_query_free(q);
    return buf;
}

/* Runs a query given as name/value pairs and returns the matches as
   "GM0001:m1 GM0002:b1" (static buffer). */
static const char *vg_run(veilig_registry *reg, const char *const *pairs) {
    veilig_query *q = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    for (size_t i = 0; pairs[i]; i += 2) {
        veilig_filter f = veilig_filter_from_name(pairs[i]);
        ck_assert_msg(f != 0, "filter %s", pairs[i]);
        ck_assert_int_eq(veilig_query_add(q, f, pairs[i + 1]), VEILIG_OK);
    }
    return vg_matches(reg, q, 1);
}

#define Q(...) vg_run(reg, (const char *const[]){__VA_ARGS__, NULL})

START_TEST(test_filters) {
    veilig_registry *reg = vg_fixture();
    ck_assert_str_eq(Q("category", "deescalation"), "GM0001:m1 GM0002:b1");
    ck_assert_str_eq(Q("category", "campaign", "category", "reporting"), "GM0001:m3 GM0002:b2");
    ck_assert_str_eq(Q("approach", "enforcement"), "GM0001:m3");
    ck_assert_str_eq(Q("approach", "signalling"), "GM0002:b2");
    ck_assert_str_eq(Q("target_group", "lgbtiq"), "GM0001:m2");
    ck_assert_str_eq(Q("setting", "nightlife"), "GM0001:m1");
    ck_assert_str_eq(Q("stakeholder_kind", "police"), "GM0001:m1 GM0002:b1");
    ck_assert_str_eq(Q("stakeholder", "politie beedorp"), "GM0002:b1");
    ck_assert_str_eq(Q("status", "ended"), "GM0001:m2");
    ck_assert_str_eq(Q("status", "unknown"), "GM0001:m3 GM0002:b1 GM0002:b2");
    ck_assert_str_eq(Q("evidence", "unknown"), "");
    ck_assert_str_eq(Q("province", "nl-ov", "category", "campaign"), "GM0001:m3");
    ck_assert_str_eq(Q("active_on", "2022-06-01"), "GM0001:m1 GM0002:b1 GM0002:b2");
    ck_assert_str_eq(Q("active_on", "2021-12"), "GM0001:m1 GM0001:m3 GM0002:b1 GM0002:b2");
    ck_assert_str_eq(Q("municipality", "Beedorp", "target_group", "women_girls"),
                     "GM0002:b1 GM0002:b2");
    ck_assert_str_eq(Q("municipality", "gm0003"), "");
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_text) {
    veilig_registry *reg = vg_fixture();
    /* case- and accent-insensitive; labels of the category count too */
    ck_assert_str_eq(Q("text", "lhbti"), "GM0001:m2");
    ck_assert_str_eq(Q("text", "OMSTANDERS"), "GM0001:m2");
    ck_assert_str_eq(Q("text", "meldpunt"), "GM0002:b2");
    ck_assert_str_eq(Q("text", "de-escalatie"), "GM0001:m1 GM0002:b1");
    ck_assert_str_eq(Q("text", "nothing like it"), "");
    char *f = NULL;
    ck_assert_int_eq(veilig_text_fold(&f, "Geïntensiveerde ÆSTHETIEK Straße"), VEILIG_OK);
    ck_assert_str_eq(f, "geintensiveerde aesthetiek strasse");
    veilig_free(f);
    /* every ASCII character (eight at a time in the folder) at every offset,
       and beside two-byte characters: A-Z lower case, the rest as it is */
    char text[160], want[160];
    for (size_t shift = 0; shift < 9; shift++) {
        size_t n = 0;
        for (; n < shift; n++)
            text[n] = want[n] = '.';
        for (int c = 1; c < 128; c++, n++) {
            text[n] = (char)c;
            want[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        memcpy(text + n, "\xC3\x89N", 4); /* É, then N */
        memcpy(want + n, "en", 3);
        ck_assert_int_eq(veilig_text_fold(&f, text), VEILIG_OK);
        ck_assert_str_eq(f, want);
        veilig_free(f);
    }
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_empty_and_errors) {
    veilig_registry *reg = vg_fixture();
    const char *const none[] = {NULL};
    ck_assert_str_eq(vg_run(reg, none), "GM0001:m1 GM0001:m2 GM0001:m3 GM0002:b1 GM0002:b2");
    veilig_query *q = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(q, (veilig_filter)99, "x"), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_CATEGORY, ""), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_ACTIVE_ON, "2021-13"), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_EVIDENCE, "great"), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_CATEGORY, "\xff"), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_CATEGORY, "research"), VEILIG_OK);
    veilig_query_result *r = NULL;
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    ck_assert_uint_eq(veilig_query_result_count(r), 0);
    ck_assert_ptr_null(veilig_query_result_measure(r, 0));
    char *json = NULL;
    ck_assert_int_eq(veilig_query_result_to_json(&json, NULL, r), VEILIG_OK);
    ck_assert_str_eq(json, "[]\n");
    veilig_free(json);
    veilig_query_result_free(r);
    ck_assert_int_eq(veilig_query_run(&r, NULL, reg), VEILIG_EINVAL);
    ck_assert_ptr_null(r);
    veilig_query_free(q);
    veilig_query_free(NULL);
    veilig_query_result_free(NULL);
    ck_assert_str_eq(veilig_filter_name(VEILIG_FILTER_TARGET_GROUP), "target_group");
    ck_assert_int_eq(veilig_filter_from_name("nope"), 0);
    veilig_registry_free(reg);
}
END_TEST

/* An unknown code in a filter is refused, with the known codes and what was
   meant; filter values are checked in C as the evidence filter always was. */
START_TEST(test_unknown_code_refused) {
    veilig_query *q = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    veilig_error_clear();
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_CATEGORY, "bystandr"), VEILIG_EINVAL);
    const veilig_error *e = veilig_error_last();
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_nonnull(strstr(e->message, "unknown category \"bystandr\""));
    ck_assert_ptr_nonnull(strstr(e->message, "did you mean \"bystander\"?"));
    ck_assert_ptr_nonnull(strstr(e->message, "(known: deescalation, "));
    /* a label, without case or accents, is what it meant too */
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_TARGET_GROUP, "LHBTI"), VEILIG_EINVAL);
    ck_assert_ptr_nonnull(strstr(veilig_error_last()->message, "did you mean \"lgbtiq\"?"));
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_SETTING, "juggling"), VEILIG_EINVAL);
    ck_assert_ptr_null(strstr(veilig_error_last()->message, "did you mean"));
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_STAKEHOLDER_KIND, "polce"), VEILIG_EINVAL);
    ck_assert_ptr_nonnull(strstr(veilig_error_last()->message, "did you mean \"police\"?"));
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_STATUS, "activ"), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_PROVINCE, "NL-OX"), VEILIG_EINVAL);
    ck_assert_ptr_nonnull(strstr(veilig_error_last()->message, "unknown province \"NL-OX\""));
    ck_assert_ptr_nonnull(strstr(veilig_error_last()->message, "(known: NL-"));
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_PROVINCE, "nl-ov"), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_STATUS, "unknown"), VEILIG_OK);
    veilig_query_free(q);
    ck_assert_str_eq(veilig_vocab_suggest(VEILIG_VOCAB_CATEGORY, "Omstanders"), "bystander");
    ck_assert_str_eq(veilig_vocab_suggest(VEILIG_VOCAB_CATEGORY, "deescalaton"), "deescalation");
    ck_assert_ptr_null(veilig_vocab_suggest(VEILIG_VOCAB_CATEGORY, "bystander"));
    ck_assert_ptr_null(veilig_vocab_suggest(VEILIG_VOCAB_CATEGORY, "xyz"));
    ck_assert_ptr_null(veilig_vocab_suggest((veilig_vocab)0, "xyz"));
}
END_TEST

/* OR across filters: groups of filters, a measure in any; document order, once each. */
START_TEST(test_or_groups) {
    veilig_registry *reg = vg_fixture();
    veilig_query *q = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_or(q), VEILIG_EINVAL); /* nothing before it */
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_CATEGORY, "reporting"), VEILIG_OK);
    ck_assert_int_eq(veilig_query_or(q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_or(q), VEILIG_EINVAL); /* an empty group */
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_APPROACH, "enforcement"), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_PROVINCE, "NL-OV"), VEILIG_OK);
    ck_assert_int_eq(veilig_query_or(q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_CATEGORY, "deescalation"), VEILIG_OK);
    veilig_query_result *r = NULL;
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    /* b2 reporting; m3 enforcement in NL-OV; m1 and b1 deescalation: in document order */
    const char *want[] = {"m1", "m3", "b1", "b2"};
    ck_assert_uint_eq(veilig_query_result_count(r), 4);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(veilig_measure_id(veilig_query_result_measure(r, i)), want[i]);
    veilig_query_result_free(r);
    /* a trailing OR adds nothing */
    ck_assert_int_eq(veilig_query_or(q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    ck_assert_uint_eq(veilig_query_result_count(r), 4);
    veilig_query_result_free(r);
    veilig_query_free(q);
    ck_assert_int_eq(veilig_query_or(NULL), VEILIG_EINVAL);
    veilig_registry_free(reg);
}
END_TEST

/* The expression language, and its errors with a column. */
static const char *vg_parsed(veilig_registry *reg, const char *text) {
    veilig_query *q = NULL;
    veilig_error err;
    int rc = veilig_query_parse(&q, text, &err);
    ck_assert_msg(rc == VEILIG_OK, "%s: %s", text, err.message);
    return vg_matches(reg, q, 0);
}

static void vg_parse_fails(const char *text, int code, int column, const char *needle) {
    veilig_query *q = NULL;
    veilig_error err;
    ck_assert_int_eq(veilig_query_parse(&q, text, &err), code);
    ck_assert_ptr_null(q);
    ck_assert_int_eq(err.code, code);
    ck_assert_int_eq(err.column, column);
    ck_assert_str_eq(err.source, "<query>");
    ck_assert_msg(strstr(err.message, needle) != NULL, "%s: \"%s\" lacks \"%s\"", text, err.message,
                  needle);
}

START_TEST(test_parse) {
    veilig_registry *reg = vg_fixture();
    ck_assert_str_eq(vg_parsed(reg, "category=bystander OR approach=signalling"), "m2 b2");
    ck_assert_str_eq(vg_parsed(reg, "category=deescalation province=NL-GE or category=campaign"),
                     "m3 b1");
    ck_assert_str_eq(vg_parsed(reg, "  category:deescalation AND municipality=Aastad "), "m1");
    ck_assert_str_eq(vg_parsed(reg, "text=\"LHBTI+\" OR target-group=women_girls"), "m1 m2 b1 b2");
    ck_assert_str_eq(vg_parsed(reg, "text=\"Boetes campagne\""), "m3");
    vg_parse_fails("", VEILIG_EPARSE, 1, "empty");
    vg_parse_fails("OR category=campaign", VEILIG_EPARSE, 1, "OR needs a filter before it");
    vg_parse_fails("category=campaign OR", VEILIG_EPARSE, 21, "ends after AND or OR");
    vg_parse_fails("category=campaign AND AND x=y", VEILIG_EPARSE, 23, "AND needs a filter");
    vg_parse_fails("campaign", VEILIG_EPARSE, 1, "expected a filter and a value");
    vg_parse_fails("category=", VEILIG_EPARSE, 10, "category has no value");
    vg_parse_fails("text=\"open", VEILIG_EPARSE, 6, "not closed");
    vg_parse_fails("categroy=campaign", VEILIG_EINVAL, 1, "did you mean \"category\"?");
    vg_parse_fails("approach=signalling OR category=bystandr", VEILIG_EINVAL, 33,
                   "did you mean \"bystander\"?");
    ck_assert_int_eq(veilig_query_parse(NULL, "category=campaign", NULL), VEILIG_EINVAL);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_json) {
    veilig_registry *reg = vg_fixture();
    veilig_query *q = NULL;
    veilig_query_new(&q);
    veilig_query_add(q, VEILIG_FILTER_APPROACH, "enforcement");
    veilig_query_result *r = NULL;
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    char *json = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_query_result_to_json(&json, &len, r), VEILIG_OK);
    ck_assert_str_eq(json, "[\n  {\n    \"municipality\": \"GM0001\",\n"
                           "    \"municipality_name\": \"Aastad\",\n    \"measure\": \"m3\",\n"
                           "    \"name\": \"Boetes campagne\",\n    \"category\": \"campaign\",\n"
                           "    \"approach\": \"enforcement\"\n  }\n]\n");
    ck_assert_uint_eq(len, strlen(json));
    veilig_free(json);
    veilig_query_result_free(r);
    veilig_query_free(q);
    veilig_registry_free(reg);
}
END_TEST

/* vg_fold_contains (text.c), which the text filter uses, against what it
   stands for: strstr over vg_fold's output. Random texts of pieces chosen to
   hit every path: ASCII in both cases, letters that fold to two ("ß", "æ",
   "ĳ"), accents, characters folding keeps ("×", "€", "α"), a lone lead byte;
   needles cut from the folded text (so most are found), from the middle of a
   two-letter fold, and made up (so most are not). Texts of up to 90 bytes go
   through the 16-byte scan and the byte-by-byte end. */
START_TEST(test_fold_contains) {
    static const char *const pieces[] = {"t",
                                         "T",
                                         "o",
                                         "O",
                                         "e",
                                         "z",
                                         "s",
                                         "S",
                                         "i",
                                         "j",
                                         " ",
                                         "-",
                                         "toe",
                                         "TOEZICHT",
                                         "\xc3\x9f",
                                         "\xc3\xa6",
                                         "\xc3\x86",
                                         "\xc4\xb3",
                                         "\xc3\xa9",
                                         "\xc3\x89",
                                         "\xc3\xab",
                                         "\xc3\x97",
                                         "\xe2\x82\xac",
                                         "\xce\xb1",
                                         "\xc3",
                                         "\xc5\x93",
                                         "\xc5\xbe"};
    const size_t npieces = sizeof pieces / sizeof *pieces;
    unsigned seed = 12345;
    size_t found = 0, tried = 0;
    for (int round = 0; round < 20000; round++) {
        char text[128] = "";
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        size_t count = (seed >> 16) % 40;
        for (size_t k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % npieces];
            if (len + strlen(piece) >= 100)
                break;
            memcpy(text + len, piece, strlen(piece));
            len += strlen(piece);
        }
        text[len] = '\0';
        vg_buf folded;
        vg_buf_init(&folded);
        vg_fold(&folded, text, len);
        vg_buf_putc(&folded, '\0');
        ck_assert(!folded.failed);
        for (int t = 0; t < 6; t++) {
            char needle[64];
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            size_t flen = folded.len - 1;
            if (t < 4 && flen) { /* a piece of the folded text: from anywhere, 1 to 12 bytes */
                size_t at = r % flen, n = 1 + (r / 7) % 12;
                if (n > flen - at)
                    n = flen - at;
                memcpy(needle, folded.data + at, n);
                needle[n] = '\0';
            } else { /* made up, then folded as a query's value is */
                vg_buf b;
                vg_buf_init(&b);
                const char *a = pieces[r % npieces], *c = pieces[(r / 31) % npieces];
                vg_fold(&b, a, strlen(a));
                vg_fold(&b, c, strlen(c));
                ck_assert_uint_lt(b.len, sizeof needle);
                memcpy(needle, b.data, b.len);
                needle[b.len] = '\0';
                vg_buf_free(&b);
            }
            int want = strstr(folded.data, needle) != NULL;
            int got = vg_fold_contains(text, len, needle, strlen(needle));
            ck_assert_msg(got == want, "\"%s\" in \"%s\": %d, not %d", needle, text, got, want);
            found += (size_t)want;
            tried++;
        }
        vg_buf_free(&folded);
    }
    /* both answers were put to the test many times */
    ck_assert_uint_gt(found, tried / 4);
    ck_assert_uint_lt(found, tried - tried / 10);
    ck_assert(vg_fold_contains("abc", 3, "", 0));
    ck_assert(!vg_fold_contains("", 0, "a", 1));
}
END_TEST

/* ---- the text filter against a brute-force reading of the model ---- */

static int vg_folded_has(const char *text, const char *folded_needle) {
    if (!text)
        return 0;
    char *f = NULL;
    ck_assert_int_eq(veilig_text_fold(&f, text), VEILIG_OK);
    int hit = strstr(f, folded_needle) != NULL;
    veilig_free(f);
    return hit;
}

static int vg_term_has(veilig_vocab vocab, int v, const char *code, const char *needle) {
    if (v)
        return vg_folded_has(veilig_vocab_code(vocab, v), needle) ||
               vg_folded_has(veilig_vocab_label(vocab, v, "nl"), needle) ||
               vg_folded_has(veilig_vocab_label(vocab, v, "en"), needle);
    return vg_folded_has(code, needle); /* an unknown code, or none */
}

/* What the text filter promises (query.h), read with the public getters. */
static int vg_text_reference(const veilig_municipality *m, const veilig_measure *ms,
                             const char *needle) {
    if (vg_folded_has(veilig_measure_id(ms), needle) ||
        vg_folded_has(veilig_measure_name(ms), needle) ||
        vg_folded_has(veilig_measure_description(ms), needle) ||
        vg_folded_has(veilig_measure_area_name(ms), needle) ||
        vg_folded_has(veilig_measure_area_note(ms), needle) ||
        vg_term_has(VEILIG_VOCAB_CATEGORY, (int)veilig_measure_category(ms),
                    veilig_measure_category_code(ms), needle) ||
        (veilig_measure_approach_code(ms) &&
         vg_term_has(
             VEILIG_VOCAB_APPROACH,
             veilig_vocab_from_code(VEILIG_VOCAB_APPROACH, veilig_measure_approach_code(ms)),
             veilig_measure_approach_code(ms), needle)))
        return 1;
    for (size_t i = 0; i < veilig_measure_target_group_count(ms); i++)
        if (vg_term_has(VEILIG_VOCAB_TARGET_GROUP, (int)veilig_measure_target_group(ms, i),
                        veilig_measure_target_group_code(ms, i), needle))
            return 1;
    for (size_t i = 0; i < veilig_measure_window_count(ms); i++)
        if (vg_folded_has(veilig_window_note(veilig_measure_window(ms, i)), needle))
            return 1;
    for (size_t i = 0; i < veilig_measure_partner_count(ms); i++) {
        const char *ref = veilig_partner_stakeholder(veilig_measure_partner(ms, i));
        const veilig_stakeholder *s = veilig_municipality_find_stakeholder(m, ref);
        if (vg_folded_has(ref, needle) || (s && vg_folded_has(veilig_stakeholder_name(s), needle)))
            return 1;
    }
    return 0;
}

/* Whether a list of codes (count, get) holds code. */
static int vg_codes_have(size_t n, const char *(*get)(const veilig_measure *, size_t),
                         const veilig_measure *ms, const char *code) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(get(ms, i), code) == 0)
            return 1;
    return 0;
}

/* What the vocabulary and date filters promise (query.h), read with the getters. */
static int vg_filter_reference(const veilig_measure *ms, veilig_filter filter, const char *value) {
    const char *code;
    switch (filter) {
        case VEILIG_FILTER_CATEGORY:
            code = veilig_measure_category_code(ms);
            return code && strcmp(code, value) == 0;
        case VEILIG_FILTER_APPROACH:
            code = veilig_measure_approach_code(ms);
            if (!code)
                code = veilig_vocab_code(VEILIG_VOCAB_APPROACH, (int)veilig_measure_approach(ms));
            return code && strcmp(code, value) == 0;
        case VEILIG_FILTER_TARGET_GROUP:
            return vg_codes_have(veilig_measure_target_group_count(ms),
                                 veilig_measure_target_group_code, ms, value);
        case VEILIG_FILTER_SETTING:
            return vg_codes_have(veilig_measure_setting_count(ms), veilig_measure_setting_code, ms,
                                 value);
        case VEILIG_FILTER_STATUS:
            code = veilig_measure_status_code(ms);
            return strcmp(code ? code : "unknown", value) == 0;
        case VEILIG_FILTER_ACTIVE_ON: {
            veilig_date on;
            ck_assert_int_eq(veilig_date_parse(&on, value), VEILIG_OK);
            return veilig_measure_is_active(ms, &on);
        }
        default:
            ck_abort_msg("no reference for filter %d", (int)filter);
            return 0;
    }
}

/* Runs one filter (text, or another) on reg and compares every measure's
   answer with the reference's. */
static void vg_check_filter(const veilig_registry *reg, const char *step, veilig_filter filter,
                            const char *value) {
    char *folded = NULL;
    ck_assert_int_eq(veilig_text_fold(&folded, value), VEILIG_OK);
    veilig_query *q = NULL;
    veilig_query_result *r = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(q, filter, value), VEILIG_OK);
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    size_t at = 0;
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        for (size_t k = 0; k < veilig_municipality_measure_count(m); k++) {
            const veilig_measure *ms = veilig_municipality_measure(m, k);
            int want = filter == VEILIG_FILTER_TEXT ? vg_text_reference(m, ms, folded)
                                                    : vg_filter_reference(ms, filter, value);
            int got = at < veilig_query_result_count(r) && veilig_query_result_measure(r, at) == ms;
            ck_assert_msg(got == want, "%s: %s=\"%s\" in %s/%s: %d, not %d", step,
                          veilig_filter_name(filter), value, veilig_municipality_code(m),
                          veilig_measure_id(ms), got, want);
            at += (size_t)got;
        }
    }
    ck_assert_uint_eq(at, veilig_query_result_count(r));
    veilig_query_result_free(r);
    veilig_query_free(q);
    veilig_free(folded);
}

static void vg_check_text(const veilig_registry *reg, const char *step) {
    static const struct {
        veilig_filter filter;
        const char *value;
    } others[] = {
        {VEILIG_FILTER_CATEGORY, "supervision"}, {VEILIG_FILTER_CATEGORY, "campaign"},
        {VEILIG_FILTER_APPROACH, "enforcement"}, {VEILIG_FILTER_APPROACH, "prevention"},
        {VEILIG_FILTER_TARGET_GROUP, "youth"},   {VEILIG_FILTER_TARGET_GROUP, "women_girls"},
        {VEILIG_FILTER_TARGET_GROUP, "lgbtiq"},  {VEILIG_FILTER_SETTING, "nightlife"},
        {VEILIG_FILTER_SETTING, "public_space"}, {VEILIG_FILTER_STATUS, "ended"},
        {VEILIG_FILTER_STATUS, "unknown"},       {VEILIG_FILTER_ACTIVE_ON, "2021-06-01"},
        {VEILIG_FILTER_ACTIVE_ON, "2030-01-01"}};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        vg_check_filter(reg, step, others[i].filter, others[i].value);
    static const char *const needles[] = {"toezicht", "Politie", "CAFE",     "ae", "nacht",
                                          "straat",   "camera",  "s-p",      "x",  "jongeren",
                                          "escalat",  "melden",  "repressie"};
    for (size_t n = 0; n < sizeof needles / sizeof *needles; n++)
        vg_check_filter(reg, step, VEILIG_FILTER_TEXT, needles[n]);
}

/* The text filter reads a folded copy of each measure's text that the
   library keeps next to the measures: every way of changing what it holds
   (the measure's strings, windows, partners, the stakeholders partners name,
   measures added, replaced and removed) must keep it true. Random changes,
   each followed by a comparison with the reference. */
START_TEST(test_text_follows_changes) {
    static const char *const words[] = {"Toezicht", "politie", "Café",   "ÆDEL", "nacht",
                                        "straat",   "x",       "Straße", "bij",  NULL};
    veilig_registry *reg = vg_fixture();
    veilig_municipality *m = veilig_registry_find_mut(reg, "GM0001");
    ck_assert_int_eq(m->text_ok, VG_TEXT_NONE); /* a load does not fold: the first query does */
    vg_check_text(reg, "loaded");
    ck_assert_int_eq(m->text_ok, VG_TEXT_READY);
    unsigned seed = 7;
    char text[512], step[64];
    veilig_error err;
    for (int round = 0; round < 400; round++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = seed >> 16;
        size_t nms = veilig_municipality_measure_count(m);
        veilig_measure *ms = nms ? veilig_municipality_measure_mut(m, r % nms) : NULL;
        /* a text of one to three random words, sometimes padded to a long
           one (so that what changes leave behind is worth compacting) */
        size_t len = 0, count = 1 + (r / 13) % 3;
        for (size_t w = 0; w < count; w++) {
            const char *word = words[(r / 7 + w * 5) % 9];
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", w ? " " : "", word);
        }
        for (size_t pad = (r / 5) % 4 == 0 ? 40 : 0; pad > 0; pad--)
            len += (size_t)snprintf(text + len, sizeof text - len, " lorem");
        const char *value = (r / 3) % 11 == 0 ? NULL : text;
        int op = (int)((r / 17) % 16);
        if ((r / 11) % 3 == 0)
            op = 10; /* the brief's fields, more often */
        snprintf(step, sizeof step, "round %d, change %d", round, op);
        if (!ms && op < 12)
            op = 12;
        switch (op) {
            case 0:
                ck_assert_int_eq(veilig_measure_set_name(ms, text), VEILIG_OK);
                break;
            case 1:
                ck_assert_int_eq(veilig_measure_set_description(ms, value), VEILIG_OK);
                break;
            case 2:
                ck_assert_int_eq(veilig_measure_set_area_name(ms, value), VEILIG_OK);
                break;
            case 3:
                ck_assert_int_eq(veilig_measure_set_area_note(ms, value), VEILIG_OK);
                break;
            case 4: {
                veilig_window *w = NULL;
                ck_assert_int_eq(veilig_measure_add_window(&w, ms), VEILIG_OK);
                ck_assert_int_eq(veilig_window_set_note(w, value), VEILIG_OK);
                break;
            }
            case 5:
                if (veilig_measure_window_count(ms))
                    ck_assert_int_eq(
                        veilig_window_set_note(veilig_measure_window_mut(ms, 0), value), VEILIG_OK);
                else
                    ck_assert_int_eq(veilig_measure_remove_window(ms, 0), VEILIG_ENOTFOUND);
                break;
            case 6:
                if (veilig_measure_window_count(ms))
                    ck_assert_int_eq(veilig_measure_remove_window(ms, 0), VEILIG_OK);
                break;
            case 7: { /* a partner naming a stakeholder that may not exist */
                char id[32];
                snprintf(id, sizeof id, "s-%s", (r & 1) ? "police" : words[r % 9]);
                ck_assert_int_eq(veilig_measure_add_partner(NULL, ms, id, VEILIG_ROLE_EXECUTING),
                                 VEILIG_OK);
                break;
            }
            case 8:
                if (veilig_measure_partner_count(ms))
                    ck_assert_int_eq(veilig_partner_set_stakeholder(
                                         veilig_measure_partner_mut(ms, 0), "s-nacht"),
                                     VEILIG_OK);
                break;
            case 9:
                if (veilig_measure_partner_count(ms))
                    ck_assert_int_eq(veilig_measure_remove_partner(ms, 0), VEILIG_OK);
                break;
            case 10: { /* what the brief holds, one at a time */
                veilig_date start = {(int16_t)(2019 + r % 4), 0, 0}, end = {2022, 6, 0};
                switch ((r / 3) % 7) {
                    case 0:
                        ck_assert_int_eq(
                            veilig_measure_set_category(ms, (veilig_category)(1 + r % 13)),
                            VEILIG_OK);
                        break;
                    case 1:
                        ck_assert_int_eq(veilig_measure_set_approach(ms, (veilig_approach)(r % 3)),
                                         VEILIG_OK);
                        break;
                    case 2:
                        if (veilig_measure_target_group_count(ms) && (r & 1))
                            ck_assert_int_eq(veilig_measure_remove_target_group(ms, 0), VEILIG_OK);
                        else
                            veilig_measure_add_target_group(
                                ms, (veilig_target_group)(1 + (r / 5) % 16));
                        break;
                    case 3:
                        if (veilig_measure_setting_count(ms) && (r & 1))
                            ck_assert_int_eq(veilig_measure_remove_setting(ms, 0), VEILIG_OK);
                        else
                            veilig_measure_add_setting(ms, (veilig_setting)(1 + (r / 5) % 5));
                        break;
                    case 4:
                        ck_assert_int_eq(
                            veilig_measure_set_status(ms, (veilig_measure_state)(r % 5)),
                            VEILIG_OK);
                        break;
                    case 5:
                        ck_assert_int_eq(
                            veilig_measure_set_period_start(ms, (r & 4) ? &start : NULL),
                            VEILIG_OK);
                        break;
                    default:
                        ck_assert_int_eq(veilig_measure_set_period_end(ms, (r & 8) ? &end : NULL),
                                         VEILIG_OK);
                        break;
                }
                break;
            }
            case 11: {
                char id[32];
                snprintf(id, sizeof id, "id-%s-%d", words[r % 9], round);
                ck_assert_int_eq(veilig_measure_set_id(ms, id), VEILIG_OK);
                break;
            }
            case 12: { /* stakeholders: renamed, added, removed, their id changed */
                size_t ns = veilig_municipality_stakeholder_count(m);
                char id[32];
                snprintf(id, sizeof id, "s-%s", words[r % 9]);
                if (r % 4 == 0 && ns)
                    ck_assert_int_eq(veilig_stakeholder_set_name(
                                         veilig_municipality_stakeholder_mut(m, r % ns), text),
                                     VEILIG_OK);
                else if (r % 4 == 1 && !veilig_municipality_find_stakeholder(m, id))
                    ck_assert_int_eq(veilig_municipality_add_stakeholder(
                                         NULL, m, id, text, VEILIG_STAKEHOLDER_TYPE_POLICE),
                                     VEILIG_OK);
                else if (r % 4 == 2 && ns)
                    ck_assert_int_eq(veilig_municipality_remove_stakeholder(m, r % ns), VEILIG_OK);
                else if (ns && !veilig_municipality_find_stakeholder(m, id))
                    ck_assert_int_eq(veilig_stakeholder_set_id(
                                         veilig_municipality_stakeholder_mut(m, r % ns), id),
                                     VEILIG_OK);
                break;
            }
            case 13: {
                char id[32];
                snprintf(id, sizeof id, "new-%d", round);
                ck_assert_int_eq(veilig_municipality_add_measure(
                                     NULL, m, id, text, VEILIG_CATEGORY_CAMERA_SURVEILLANCE),
                                 VEILIG_OK);
                break;
            }
            case 14:
                if (nms)
                    ck_assert_int_eq(veilig_municipality_remove_measure(m, r % nms), VEILIG_OK);
                break;
            default: { /* from JSON: replacing a measure, or adding one */
                char json[700];
                const char *id = nms && (r & 1) ? veilig_measure_id(ms) : "from-json";
                snprintf(json, sizeof json,
                         "{\"id\": \"%s\", \"name\": \"%s\", \"category\": \"%s\", "
                         "\"target_groups\": [\"tourists\", \"youth\"], \"settings\": [\"%s\"], "
                         "\"partners\": [{\"stakeholder\": \"s-police\"}]}",
                         id, text, (r & 2) ? "graffiti" : "supervision",
                         (r & 4) ? "stations" : "online");
                veilig_municipality_add_measure_json(NULL, m, json, strlen(json),
                                                     VEILIG_ADD_REPLACE, &err);
                break;
            }
        }
        vg_check_text(reg, step);
        /* what changes leave behind stays bounded; the queries folded it */
        ck_assert_uint_le(m->text.len, 2 * m->text_live + 4096);
        ck_assert(m->text_ok == VG_TEXT_READY || veilig_municipality_measure_count(m) == 0);
    }
    /* the same answers where the folded text is off (as when memory ran out
       while folding it): the filter folds as it goes */
    for (size_t i = 0; i < veilig_registry_count(reg); i++)
        veilig_registry_get_mut(reg, i)->text_ok = VG_TEXT_FAILED;
    vg_check_text(reg, "text off");
    ck_assert_int_eq(m->text_ok, VG_TEXT_FAILED); /* not tried again without a change */
    veilig_registry_free(reg);
}
END_TEST

/* How many measures of reg the text filter finds for text. */
static size_t vg_text_count(const veilig_registry *reg, const char *text) {
    veilig_query *q = NULL;
    veilig_query_result *r = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_TEXT, text), VEILIG_OK);
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    size_t n = veilig_query_result_count(r);
    veilig_query_result_free(r);
    veilig_query_free(q);
    return n;
}

/* A partner's stakeholder is found by its name too: the stakeholder's
   changes reach the measures that name it. And a measure changed many times
   leaves its old text behind, which is dropped as it grows. */
START_TEST(test_text_stakeholders_and_compaction) {
    veilig_registry *reg = vg_fixture();
    veilig_municipality *m = veilig_registry_find_mut(reg, "GM0003"); /* no measures */
    veilig_measure *ms = NULL;
    ck_assert_int_eq(
        veilig_municipality_add_measure(&ms, m, "z1", "Oversteek", VEILIG_CATEGORY_NIGHTLIFE),
        VEILIG_OK);
    ck_assert_int_eq(veilig_measure_add_partner(NULL, ms, "s-zz", VEILIG_ROLE_EXECUTING),
                     VEILIG_OK);
    ck_assert_uint_eq(vg_text_count(reg, "zebra"), 0);
    veilig_stakeholder *s = NULL;
    ck_assert_int_eq(veilig_municipality_add_stakeholder(&s, m, "s-zz", "Zebrapad",
                                                         VEILIG_STAKEHOLDER_TYPE_COUNCIL),
                     VEILIG_OK);
    ck_assert_uint_eq(vg_text_count(reg, "zebra"), 1); /* added: the partner names it */
    ck_assert_int_eq(veilig_stakeholder_set_name(s, "Kruispunt"), VEILIG_OK);
    ck_assert_uint_eq(vg_text_count(reg, "zebra"), 0); /* renamed */
    ck_assert_uint_eq(vg_text_count(reg, "kruis"), 1);
    ck_assert_int_eq(veilig_stakeholder_set_id(s, "s-yy"), VEILIG_OK);
    ck_assert_uint_eq(vg_text_count(reg, "kruis"), 0); /* the partner names no one now */
    ck_assert_uint_eq(vg_text_count(reg, "s-zz"), 1);
    ck_assert_int_eq(veilig_partner_set_stakeholder(veilig_measure_partner_mut(ms, 0), "s-yy"),
                     VEILIG_OK);
    ck_assert_uint_eq(vg_text_count(reg, "kruis"), 1);
    size_t at = veilig_municipality_stakeholder_count(m) - 1; /* the last one added */
    ck_assert_ptr_eq(veilig_municipality_stakeholder(m, at), s);
    ck_assert_int_eq(veilig_municipality_remove_stakeholder(m, at), VEILIG_OK);
    ck_assert_uint_eq(vg_text_count(reg, "kruis"), 0); /* removed */

    /* the same measure's description, 300 times over, each longer than the last */
    char text[400];
    for (int i = 0; i < 300; i++) {
        snprintf(text, sizeof text, "%0*d versie %d", 1 + i, 0, i);
        ck_assert_int_eq(veilig_measure_set_description(ms, text), VEILIG_OK);
        ck_assert_uint_le(m->text.len, 2 * m->text_live + 4096);
    }
    ck_assert_uint_eq(vg_text_count(reg, "versie 299"), 1);
    ck_assert_uint_eq(vg_text_count(reg, "versie 298"), 0);
    ck_assert_uint_eq(vg_text_count(reg, "oversteek"), 1);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_is_active) {
    veilig_registry *reg = vg_fixture();
    const veilig_municipality *a = veilig_registry_find(reg, "GM0001");
    const veilig_measure *m2 = veilig_municipality_find_measure(a, "m2");
    const veilig_measure *m3 = veilig_municipality_find_measure(a, "m3");
    ck_assert_int_eq(veilig_measure_is_active(m2, NULL), 0);
    ck_assert_int_eq(veilig_measure_is_active(m3, NULL), 1);
    veilig_date d = {2021, 12, 31};
    ck_assert_int_eq(veilig_measure_is_active(m3, &d), 1);
    veilig_date e = {2022, 1, 1};
    ck_assert_int_eq(veilig_measure_is_active(m3, &e), 0);
    veilig_date s = {2019, 0, 0};
    ck_assert_int_eq(veilig_measure_is_active(m3, &s), 0);
    ck_assert_int_eq(veilig_measure_is_active(NULL, NULL), 0);
    veilig_registry_free(reg);
}
END_TEST

int main(void) {
    Suite *s = suite_create("query");
    TCase *tc = tcase_create("query");
    tcase_add_test(tc, test_filters);
    tcase_add_test(tc, test_text);
    tcase_add_test(tc, test_empty_and_errors);
    tcase_add_test(tc, test_unknown_code_refused);
    tcase_add_test(tc, test_or_groups);
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_json);
    tcase_add_test(tc, test_is_active);
    tcase_add_test(tc, test_fold_contains);
    tcase_add_test(tc, test_text_follows_changes);
    tcase_add_test(tc, test_text_stakeholders_and_compaction);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
