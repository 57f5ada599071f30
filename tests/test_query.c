/* Query: filters over the analysis fixture; the expected matches are worked
   out by hand from tests/data/analysis/fixture.json:
   GM0001 Aastad (NL-OV): m1 deescalation active, partner s-police (police);
     m2 bystander ended, "LHBTI+" in its description; m3 campaign with
     approach enforcement, period 2020-2021.
   GM0002 Beedorp (NL-GE): b1 deescalation (partner s-police, police), b2 reporting.
   GM0003 Ceestad: no measures. */
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "internal.h"

/* Runs a query given as name/value pairs and returns the matches as
   "GM0001:m1 GM0002:b1" (static buffer). */
static const char *vg_run(veilig_registry *reg, const char *const *pairs) {
    static char buf[512];
    veilig_query *q = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    for (size_t i = 0; pairs[i]; i += 2) {
        veilig_filter f = veilig_filter_from_name(pairs[i]);
        ck_assert_msg(f != 0, "filter %s", pairs[i]);
        ck_assert_int_eq(veilig_query_add(q, f, pairs[i + 1]), VEILIG_OK);
    }
    veilig_query_result *r = NULL;
    ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
    buf[0] = '\0';
    for (size_t i = 0; i < veilig_query_result_count(r); i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, veilig_municipality_code(veilig_query_result_municipality(r, i)));
        strcat(buf, ":");
        strcat(buf, veilig_measure_id(veilig_query_result_measure(r, i)));
    }
    veilig_query_result_free(r);
    veilig_query_free(q);
    return buf;
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
    /* an unknown code is allowed: it matches nothing here */
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_CATEGORY, "juggling"), VEILIG_OK);
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

START_TEST(test_unknown_code_matches) {
    const char *doc = "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":"
                      "\"GM0009\",\"name\":\"X\",\"measures\":[{\"id\":\"a\",\"name\":\"A\","
                      "\"category\":\"juggling\"},{\"id\":\"b\",\"name\":\"B\",\"category\":"
                      "\"campaign\"}]}]}";
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_string(&reg, doc, strlen(doc), NULL, NULL), VEILIG_OK);
    ck_assert_str_eq(Q("category", "juggling"), "GM0009:a");
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
    static const char *const pieces[] = {
        "t", "T", "o", "O", "e", "z", "s", "S", "i", "j", " ", "-", "toe", "TOEZICHT", "\xc3\x9f",
        "\xc3\xa6", "\xc3\x86", "\xc4\xb3", "\xc3\xa9", "\xc3\x89", "\xc3\xab", "\xc3\x97",
        "\xe2\x82\xac", "\xce\xb1", "\xc3", "\xc5\x93", "\xc5\xbe"};
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
    tcase_add_test(tc, test_unknown_code_matches);
    tcase_add_test(tc, test_json);
    tcase_add_test(tc, test_is_active);
    tcase_add_test(tc, test_fold_contains);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
