/* Unit tests of the JSON reader, locator and writer (libveilig/json.c). */
#include <dirent.h>
#include <float.h>
#include <inttypes.h>
#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "testutil.h"

#define CORPUS_DIR VG_JSONTESTSUITE

static vg_arena arena;
static veilig_error err;

static void setup(void) {
    vg_arena_init(&arena, 4096);
    vg_error_clear(&err);
}

static void teardown(void) {
    vg_arena_free(&arena);
}

static int parse_n(const char *text, size_t len, const vg_jlimits *lim, vg_jnode **out) {
    vg_error_clear(&err);
    return vg_json_parse(out, &arena, text, len, lim, &err);
}

/* Parses a NUL-terminated text that must be valid. */
static vg_jnode *parse_ok(const char *text) {
    vg_jnode *root = NULL;
    int rc = parse_n(text, strlen(text), NULL, &root);
    ck_assert_msg(rc == VEILIG_OK, "parse of <%s> failed: %d %s (line %d column %d)", text, rc,
                  err.message, err.line, err.column);
    ck_assert_ptr_nonnull(root);
    return root;
}

/* Parses text (len bytes) that must fail with code, a message containing
   what, at line and column (0: not checked). */
static void check_error_n(const char *text, size_t len, const vg_jlimits *lim, int code,
                          const char *what, int line, int column) {
    vg_jnode *root = (vg_jnode *)&root; /* must be reset to NULL */
    int rc = parse_n(text, len, lim, &root);
    size_t full = len;
    if (len > 200)
        len = 200; /* what the messages show */
    ck_assert_msg(rc == code, "<%.*s>: expected %d, got %d (%s)", (int)len, text, code, rc,
                  err.message);
    ck_assert_ptr_null(root);
    ck_assert_int_eq(err.code, code);
    ck_assert_msg(strstr(err.message, what) != NULL, "<%.*s>: message \"%s\" lacks \"%s\"",
                  (int)len, text, err.message, what);
    if (line) {
        ck_assert_msg(err.line == line && err.column == column,
                      "<%.*s> (%s): expected %d:%d, got %d:%d", (int)len, text, err.message, line,
                      column, err.line, err.column);
    }
    ck_assert_int_ge(err.line, 1);
    ck_assert_int_ge(err.column, 1);
    ck_assert_uint_le(err.position, full);
}

static void check_error(const char *text, int code, const char *what, int line, int column) {
    check_error_n(text, strlen(text), NULL, code, what, line, column);
}

/* ---- values ---- */

START_TEST(test_scalars) {
    vg_jnode *n = parse_ok("null");
    ck_assert_int_eq(n->type, VG_JNULL);
    ck_assert_uint_eq(n->pos, 0);
    n = parse_ok("  true ");
    ck_assert_int_eq(n->type, VG_JTRUE);
    ck_assert_uint_eq(n->pos, 2);
    n = parse_ok("\n\tfalse\r\n");
    ck_assert_int_eq(n->type, VG_JFALSE);
    ck_assert_uint_eq(n->pos, 2);
    n = parse_ok("\"abc\"");
    ck_assert_int_eq(n->type, VG_JSTRING);
    ck_assert_uint_eq(n->len, 3);
    ck_assert_str_eq(n->u.str, "abc");
    n = parse_ok("\"\"");
    ck_assert_int_eq(n->type, VG_JSTRING);
    ck_assert_uint_eq(n->len, 0);
    ck_assert_str_eq(n->u.str, "");
}
END_TEST

START_TEST(test_numbers) {
    static const char *const valid[] = {"0",
                                        "-0",
                                        "1",
                                        "-1",
                                        "12.50",
                                        "1e5",
                                        "1E+5",
                                        "1.5e-10",
                                        "0.0",
                                        "-0.0",
                                        "1E-0",
                                        "0e0",
                                        "123456789012345678901234567890",
                                        "1.0e+28",
                                        "9",
                                        "10",
                                        "-12.34E+056"};
    for (size_t i = 0; i < sizeof valid / sizeof *valid; i++) {
        vg_jnode *n = parse_ok(valid[i]);
        ck_assert_int_eq(n->type, VG_JNUMBER);
        ck_assert_str_eq(n->u.str, valid[i]);
        ck_assert_uint_eq(n->len, strlen(valid[i]));
    }
    vg_jnode *n = parse_ok("[ -3.25e2 ]");
    ck_assert_int_eq(n->u.items[0].type, VG_JNUMBER);
    ck_assert_str_eq(n->u.items[0].u.str, "-3.25e2");
    ck_assert_uint_eq(n->u.items[0].pos, 2);
    ck_assert(vg_json_number_to_double(n->u.items[0].u.str, n->u.items[0].len) == -325.0);
    ck_assert(vg_json_number_to_double("0.1", 3) == 0.1);
    ck_assert(vg_json_number_to_double("1e400", 5) == HUGE_VAL);
    ck_assert(vg_json_number_to_double("-1e400", 6) == -HUGE_VAL);
    ck_assert(vg_json_number_to_double("1e-400", 6) == 0.0);
    ck_assert(vg_json_number_to_double("12345xyz", 2) == 12.0); /* only len bytes */
    /* a literal longer than the small buffer */
    char big[301];
    memset(big, '1', 300);
    big[300] = '\0';
    ck_assert(vg_json_number_to_double(big, 300) == strtod(big, NULL));
}
END_TEST

START_TEST(test_containers) {
    const char *text = "{\"a\": 1, \"b\": [true, \"x\", null, [], {}],\n \"c\": {\"d\": \"e\"}}";
    vg_jnode *n = parse_ok(text);
    ck_assert_int_eq(n->type, VG_JOBJECT);
    ck_assert_uint_eq(n->len, 3);
    const vg_jmember *m = n->u.members;
    ck_assert_str_eq(m[0].key, "a");
    ck_assert_uint_eq(m[0].key_len, 1);
    ck_assert_uint_eq(m[0].key_pos, 1);
    ck_assert_uint_eq(m[0].value.pos, 6);
    ck_assert_str_eq(m[1].key, "b");
    ck_assert_uint_eq(m[1].key_pos, 9);
    const vg_jnode *b = &m[1].value;
    ck_assert_int_eq(b->type, VG_JARRAY);
    ck_assert_uint_eq(b->pos, 14);
    ck_assert_uint_eq(b->len, 5);
    ck_assert_int_eq(b->u.items[0].type, VG_JTRUE);
    ck_assert_uint_eq(b->u.items[0].pos, 15);
    ck_assert_int_eq(b->u.items[1].type, VG_JSTRING);
    ck_assert_uint_eq(b->u.items[1].pos, 21);
    ck_assert_int_eq(b->u.items[2].type, VG_JNULL);
    ck_assert_int_eq(b->u.items[3].type, VG_JARRAY);
    ck_assert_uint_eq(b->u.items[3].len, 0);
    ck_assert_ptr_null(b->u.items[3].u.items);
    ck_assert_int_eq(b->u.items[4].type, VG_JOBJECT);
    ck_assert_uint_eq(b->u.items[4].len, 0);
    ck_assert_uint_eq(b->u.items[4].pos, 36);
    ck_assert_str_eq(m[2].key, "c");
    ck_assert_uint_eq(m[2].key_pos, (size_t)(strstr(text, "\"c\"") - text));
    const vg_jnode *c = &m[2].value;
    ck_assert_int_eq(c->type, VG_JOBJECT);
    ck_assert_str_eq(c->u.members[0].key, "d");
    ck_assert_str_eq(c->u.members[0].value.u.str, "e");
    ck_assert_uint_eq(c->u.members[0].value.pos, (size_t)(strstr(text, "\"e\"") - text));

    /* members keep document order */
    n = parse_ok("{\"z\":1,\"a\":2,\"m\":3,\"b\":4}");
    ck_assert_str_eq(n->u.members[0].key, "z");
    ck_assert_str_eq(n->u.members[1].key, "a");
    ck_assert_str_eq(n->u.members[2].key, "m");
    ck_assert_str_eq(n->u.members[3].key, "b");

    n = parse_ok("[]");
    ck_assert_int_eq(n->type, VG_JARRAY);
    ck_assert_uint_eq(n->len, 0);
    n = parse_ok(" { } ");
    ck_assert_int_eq(n->type, VG_JOBJECT);
    ck_assert_uint_eq(n->len, 0);
    ck_assert_uint_eq(n->pos, 1);
}
END_TEST

/* Big and deeply interleaved containers: the scratch stack grows while
   outer containers still hold children on it. */
START_TEST(test_big_containers) {
    vg_buf b;
    vg_buf_init(&b);
    vg_buf_puts(&b, "{");
    for (int i = 0; i < 3000; i++) {
        vg_buf_printf(&b, "%s\"k%d\": [%d, {\"x\": [", i ? "," : "", i, i);
        for (int j = 0; j < i % 7; j++)
            vg_buf_printf(&b, "%s%d", j ? "," : "", j);
        vg_buf_puts(&b, "]}]");
    }
    vg_buf_puts(&b, "}");
    ck_assert(!b.failed);
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n(b.data, b.len, NULL, &n), VEILIG_OK);
    ck_assert_uint_eq(n->len, 3000);
    for (int i = 0; i < 3000; i++) {
        char key[16];
        snprintf(key, sizeof key, "k%d", i);
        const vg_jmember *m = &n->u.members[i];
        ck_assert_str_eq(m->key, key);
        ck_assert_ptr_eq(vg_json_get(n, key), m);
        ck_assert_uint_eq(m->value.len, 2);
        ck_assert_int_eq(atoi(m->value.u.items[0].u.str), i);
        const vg_jnode *x = &m->value.u.items[1].u.members[0].value;
        ck_assert_uint_eq(x->len, (unsigned)(i % 7));
        for (int j = 0; j < i % 7; j++)
            ck_assert_int_eq(atoi(x->u.items[j].u.str), j);
    }
    vg_buf_free(&b);
}
END_TEST

START_TEST(test_string_escapes) {
    vg_jnode *n = parse_ok("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\"");
    ck_assert_str_eq(n->u.str, "q\" b\\ s/ \b\f\n\r\t end");
    ck_assert_uint_eq(n->len, strlen("q\" b\\ s/ \b\f\n\r\t end"));
    n = parse_ok("\"\\u0041\\u00e9\\u00E9\\u20AC\\u07ff\\u0800\\uffff\"");
    ck_assert_str_eq(n->u.str, "A\xC3\xA9\xC3\xA9\xE2\x82\xAC\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF");
    /* surrogate pairs */
    n = parse_ok("\"\\uD834\\uDD1E\"");
    ck_assert_str_eq(n->u.str, "\xF0\x9D\x84\x9E");
    ck_assert_uint_eq(n->len, 4);
    n = parse_ok("\"a\\ud83d\\ude00b\"");
    ck_assert_str_eq(n->u.str, "a\xF0\x9F\x98\x80"
                               "b");
    n = parse_ok("\"\\uDBFF\\uDFFF\\uD800\\uDC00\"");
    ck_assert_str_eq(n->u.str, "\xF4\x8F\xBF\xBF\xF0\x90\x80\x80");
    /* raw UTF-8 passes through, DEL is allowed */
    n = parse_ok("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F\"");
    ck_assert_str_eq(n->u.str, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F");
    /* an escaped backslash followed by u0000 is no NUL */
    n = parse_ok("[\"\\\\u0000\"]");
    ck_assert_str_eq(n->u.items[0].u.str, "\\u0000");
    /* long strings, with and without escapes, across the 8-byte scan */
    char text[1100];
    text[0] = '"';
    for (int i = 1; i <= 1000; i++)
        text[i] = (char)('a' + i % 26);
    text[1001] = '"';
    text[1002] = '\0';
    n = parse_ok(text);
    ck_assert_uint_eq(n->len, 1000);
    ck_assert_mem_eq(n->u.str, text + 1, 1000);
    memcpy(text + 500, "\\n", 2);
    n = parse_ok(text);
    ck_assert_uint_eq(n->len, 999);
    ck_assert_int_eq(n->u.str[499], '\n');
    ck_assert_int_eq(n->u.str[500], text[502]);
    /* keys are decoded the same way */
    n = parse_ok("{\"\\u00e9t\\u00e9\": 1}");
    ck_assert_str_eq(n->u.members[0].key, "\xC3\xA9t\xC3\xA9");
    ck_assert_uint_eq(n->u.members[0].key_len, 5);
}
END_TEST

/* Keys repeat across objects; each member still has its own key text. */
START_TEST(test_repeated_keys) {
    char longkey[101];
    memset(longkey, 'L', 100);
    longkey[100] = '\0';
    vg_buf b;
    vg_buf_init(&b);
    vg_buf_puts(&b, "[");
    for (int i = 0; i < 700; i++)
        vg_buf_printf(&b, "%s{\"id\":%d,\"k%d\":1,\"%s\":2,\"e\\u0301\":3,\"name\":\"n\"}",
                      i ? "," : "", i, i, longkey);
    vg_buf_puts(&b, "]");
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n(b.data, b.len, NULL, &n), VEILIG_OK);
    ck_assert_uint_eq(n->len, 700);
    for (int i = 0; i < 700; i++) {
        const vg_jnode *o = &n->u.items[i];
        char k[16];
        snprintf(k, sizeof k, "k%d", i);
        ck_assert_uint_eq(o->len, 5);
        ck_assert_str_eq(o->u.members[0].key, "id");
        ck_assert_str_eq(o->u.members[1].key, k);
        ck_assert_uint_eq(o->u.members[1].key_len, strlen(k));
        ck_assert_str_eq(o->u.members[2].key, longkey);
        ck_assert_str_eq(o->u.members[3].key, "e\xCC\x81");
        ck_assert_str_eq(o->u.members[4].key, "name");
        ck_assert_str_eq(o->u.members[4].value.u.str, "n");
        ck_assert_ptr_nonnull(vg_json_get(o, k));
        ck_assert_int_eq(atoi(vg_json_get(o, "id")->value.u.str), i);
        ck_assert_uint_eq(o->u.members[0].key_pos, (size_t)(o->pos + 1));
    }
    vg_buf_free(&b);
}
END_TEST

START_TEST(test_bom) {
    vg_jnode *n = parse_ok("\xEF\xBB\xBF{\"a\": 1}");
    ck_assert_int_eq(n->type, VG_JOBJECT);
    ck_assert_uint_eq(n->pos, 3);
    ck_assert_uint_eq(n->u.members[0].key_pos, 4);
    n = parse_ok("\xEF\xBB\xBF 7");
    ck_assert_str_eq(n->u.str, "7");
    check_error("\xEF\xBB\xBF", VEILIG_EPARSE, "empty document", 0, 0);
    check_error("\xEF\xBB\xBF  ", VEILIG_EPARSE, "empty document", 0, 0);
    /* only at the very start */
    check_error(" \xEF\xBB\xBF{}", VEILIG_EPARSE, "expected a value", 1, 2);
    check_error("\xEF\xBB\xBF\xEF\xBB\xBF{}", VEILIG_EPARSE, "expected a value", 0, 0);
    check_error("\xEF\xBB{}", VEILIG_EPARSE, "invalid UTF-8 byte 0xEF", 1, 1);
}
END_TEST

START_TEST(test_tree_helpers) {
    vg_jnode *n = parse_ok("{\"a\": [1, \"two\", {\"b\": null}], \"c~/\": true, \"\": 0}");
    ck_assert_ptr_null(vg_json_get(n, "x"));
    ck_assert_ptr_null(vg_json_get(n, NULL));
    ck_assert_ptr_null(vg_json_get(&n->u.members[0].value, "a"));
    ck_assert_ptr_eq(vg_json_get(n, "a"), &n->u.members[0]);
    ck_assert_ptr_eq(vg_json_get(n, "c~/"), &n->u.members[1]);
    ck_assert_ptr_eq(vg_json_get(n, ""), &n->u.members[2]);

    vg_arena other;
    vg_arena_init(&other, 256);
    vg_jnode *copy = vg_json_copy(&other, n);
    ck_assert_ptr_nonnull(copy);
    ck_assert_ptr_ne(copy, n);
    vg_arena_free(&arena); /* the copy must not point into the old arena */
    vg_arena_init(&arena, 4096);
    ck_assert_int_eq(copy->type, VG_JOBJECT);
    ck_assert_uint_eq(copy->len, 3);
    ck_assert_str_eq(copy->u.members[1].key, "c~/");
    ck_assert_uint_eq(copy->u.members[1].key_pos, 31);
    const vg_jnode *a = &copy->u.members[0].value;
    ck_assert_uint_eq(a->pos, 6);
    ck_assert_str_eq(a->u.items[0].u.str, "1");
    ck_assert_str_eq(a->u.items[1].u.str, "two");
    ck_assert_int_eq(a->u.items[2].u.members[0].value.type, VG_JNULL);
    ck_assert_ptr_null(vg_json_copy(&other, NULL));
    vg_arena_free(&other);

    vg_buf b;
    vg_buf_init(&b);
    vg_json_pointer_append(&b, "a", 1);
    vg_json_pointer_append(&b, "x/y~z~/", 7);
    vg_json_pointer_append(&b, "", 0);
    vg_json_pointer_append(&b, "plain", 5);
    char *s = vg_buf_finish(&b, NULL);
    ck_assert_str_eq(s, "/a/x~1y~0z~0~1//plain");
    vg_free(s);
}
END_TEST

/* ---- errors ---- */

START_TEST(test_syntax_errors) {
    check_error("", VEILIG_EPARSE, "empty document", 1, 1);
    check_error("  \n ", VEILIG_EPARSE, "empty document", 2, 2);
    check_error("[1,]", VEILIG_EPARSE, "expected a value, found ']'", 1, 4);
    check_error("[,1]", VEILIG_EPARSE, "expected a value, found ','", 1, 2);
    check_error("[1 2]", VEILIG_EPARSE, "expected ',' or ']' after array item, found '2'", 1, 4);
    check_error("[1", VEILIG_EPARSE, "expected ',' or ']' after array item, found end of text", 1,
                3);
    check_error("[", VEILIG_EPARSE, "expected a value, found end of text", 1, 2);
    check_error("{", VEILIG_EPARSE, "expected a key or '}', found end of text", 1, 2);
    check_error("{\"a\":1,}", VEILIG_EPARSE, "expected a key after ',', found '}'", 1, 8);
    check_error("{1:2}", VEILIG_EPARSE, "expected a key or '}', found '1'", 1, 2);
    check_error("{'a':2}", VEILIG_EPARSE, "found '''", 1, 2);
    check_error("{\"a\" 1}", VEILIG_EPARSE, "expected ':' after object key, found '1'", 1, 6);
    check_error("{\"a\"", VEILIG_EPARSE, "expected ':' after object key, found end of text", 1, 5);
    check_error("{\"a\":}", VEILIG_EPARSE, "expected a value, found '}'", 1, 6);
    check_error("{\"a\":1x}", VEILIG_EPARSE, "expected ',' or '}' after object member, found 'x'",
                1, 7);
    check_error("{\n  \"a\": 1\n  \"b\": 2\n}", VEILIG_EPARSE,
                "expected ',' or '}' after object member, found '\"'", 3, 3);
    check_error("{\n  \"a\": [\n    @\n  ]\n}", VEILIG_EPARSE, "expected a value, found '@'", 3, 5);
    check_error("[1] x", VEILIG_EPARSE, "trailing characters after the document", 1, 5);
    check_error("{} {}", VEILIG_EPARSE, "trailing characters after the document", 1, 4);
    check_error("1 2", VEILIG_EPARSE, "trailing characters after the document", 1, 3);
    check_error("]", VEILIG_EPARSE, "expected a value, found ']'", 1, 1);
    check_error("[1]]", VEILIG_EPARSE, "trailing characters", 1, 4);
    check_error("[\f1]", VEILIG_EPARSE, "expected a value, found U+000C", 1, 2);
    check_error("[\v1]", VEILIG_EPARSE, "found U+000B", 1, 2);
    check_error("/* c */ 1", VEILIG_EPARSE, "found '/'", 1, 1);
    check_error("\xC2\xA0"
                "1",
                VEILIG_EPARSE, "found '\xC2\xA0' (U+00A0)", 1, 1);
    check_error("\xE2\x81\xA0[]", VEILIG_EPARSE, "(U+2060)", 1, 1);
    check_error("[\xFF]", VEILIG_EPARSE, "invalid UTF-8 byte 0xFF", 1, 2);
    /* columns count characters, not bytes */
    check_error("[\"\xC3\xA9\xE2\x82\xAC\", x]", VEILIG_EPARSE, "found 'x'", 1, 8);
    ck_assert_uint_eq(err.position, 10);
    /* CR LF counts one line */
    check_error("[\r\n1,\r\n?]", VEILIG_EPARSE, "found '?'", 3, 1);
    /* NUL bytes are just invalid characters */
    check_error_n("[1,\0]", 5, NULL, VEILIG_EPARSE, "expected a value, found U+0000", 1, 4);
    check_error_n("\"a\"\0", 4, NULL, VEILIG_EPARSE, "trailing characters", 1, 4);
    check_error_n("\0", 1, NULL, VEILIG_EPARSE, "found U+0000", 1, 1);
    check_error_n("[\"a\0\"]", 6, NULL, VEILIG_EPARSE, "control character U+0000", 1, 4);
    /* a text that is not NUL-terminated: only len bytes count */
    check_error_n("[1]]", 2, NULL, VEILIG_EPARSE, "found end of text", 1, 3);
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n("[12]garbage", 4, NULL, &n), VEILIG_OK);
    ck_assert_str_eq(n->u.items[0].u.str, "12");
}
END_TEST

START_TEST(test_literal_errors) {
    check_error("tru", VEILIG_EPARSE, "invalid literal: expected 'true', found end of text", 1, 4);
    check_error("[nul]", VEILIG_EPARSE, "invalid literal: expected 'null', found ']'", 1, 5);
    check_error("[fals e]", VEILIG_EPARSE, "expected 'false', found ' '", 1, 6);
    check_error("True", VEILIG_EPARSE, "expected a value, found 'T'", 1, 1);
    check_error("[truex]", VEILIG_EPARSE, "expected ',' or ']' after array item, found 'x'", 1, 6);
    check_error("nan", VEILIG_EPARSE, "invalid literal: expected 'null', found 'a'", 1, 2);
    check_error("NaN", VEILIG_EPARSE, "expected a value, found 'N'", 1, 1);
}
END_TEST

START_TEST(test_number_errors) {
    check_error("[01]", VEILIG_EPARSE, "invalid number: leading zero", 1, 2);
    check_error("-012", VEILIG_EPARSE, "leading zero", 1, 2);
    check_error("[-]", VEILIG_EPARSE, "expected a digit after '-', found ']'", 1, 3);
    check_error("-", VEILIG_EPARSE, "expected a digit after '-', found end of text", 1, 2);
    check_error("[- 1]", VEILIG_EPARSE, "expected a digit after '-', found ' '", 1, 3);
    check_error("-Infinity", VEILIG_EPARSE, "found 'I'", 1, 2);
    check_error("[1.]", VEILIG_EPARSE, "expected a digit after '.', found ']'", 1, 4);
    check_error("1.e5", VEILIG_EPARSE, "expected a digit after '.', found 'e'", 1, 3);
    check_error("[1e]", VEILIG_EPARSE, "expected a digit in the exponent, found ']'", 1, 4);
    check_error("[1.5e+]", VEILIG_EPARSE, "expected a digit in the exponent", 1, 7);
    check_error("1E-", VEILIG_EPARSE, "expected a digit in the exponent, found end of text", 1, 4);
    check_error("[.5]", VEILIG_EPARSE, "expected a value, found '.'", 1, 2);
    check_error("[+1]", VEILIG_EPARSE, "expected a value, found '+'", 1, 2);
    check_error("[0x10]", VEILIG_EPARSE, "found 'x'", 1, 3);
    check_error("[1.0.1]", VEILIG_EPARSE, "found '.'", 1, 5);
    check_error("[1eE2]", VEILIG_EPARSE, "exponent", 1, 4);
    check_error("[1,000]", VEILIG_EPARSE, "leading zero", 1, 4);
}
END_TEST

START_TEST(test_string_errors) {
    check_error("\"abc", VEILIG_EPARSE, "unterminated string", 1, 1);
    check_error("[1, \"abc\\\"]", VEILIG_EPARSE, "unterminated string", 1, 5);
    check_error("\"abc\\", VEILIG_EPARSE, "unterminated string", 1, 1);
    check_error("[\"a\\qb\"]", VEILIG_EPARSE, "invalid escape '\\q' in string", 1, 4);
    check_error("[\"a\\'\"]", VEILIG_EPARSE, "invalid escape '\\''", 1, 4);
    check_error("[\"\\x41\"]", VEILIG_EPARSE, "invalid escape '\\x'", 1, 3);
    check_error("[\"\\U0041\"]", VEILIG_EPARSE, "invalid escape '\\U'", 1, 3);
    check_error("[\"\\\xC3\xA9\"]", VEILIG_EPARSE, "invalid escape: '\\' followed by '\xC3\xA9'", 1,
                3);
    check_error("[\"\\\t\"]", VEILIG_EPARSE, "followed by U+0009", 1, 3);
    check_error("\"\\u12G4\"", VEILIG_EPARSE, "invalid \\u escape", 1, 2);
    check_error("\"\\u12\"", VEILIG_EPARSE, "invalid \\u escape", 1, 2);
    check_error("\"\\u", VEILIG_EPARSE, "invalid \\u escape", 1, 2);
    check_error("\"\\uD800\"", VEILIG_EPARSE, "lone surrogate \\uD800", 1, 2);
    check_error("\"\\udbff\"", VEILIG_EPARSE, "lone surrogate \\udbff", 1, 2);
    check_error("\"\\uDC00\"", VEILIG_EPARSE, "lone surrogate \\uDC00", 1, 2);
    check_error("\"x\\uDFFF\\uD800\"", VEILIG_EPARSE, "lone surrogate \\uDFFF", 1, 3);
    check_error("\"\\uD800\\u0041\"", VEILIG_EPARSE, "lone surrogate \\uD800", 1, 2);
    check_error("\"\\uD800\\uD800\"", VEILIG_EPARSE, "lone surrogate \\uD800", 1, 2);
    check_error("\"\\uD800x\"", VEILIG_EPARSE, "lone surrogate \\uD800", 1, 2);
    check_error("\"\\uD800\\n\"", VEILIG_EPARSE, "lone surrogate \\uD800", 1, 2);
    check_error("\"\\uD800\\u12\"", VEILIG_EPARSE, "invalid \\u escape", 1, 8);
    check_error("\"a\nb\"", VEILIG_EPARSE, "control character U+000A in string (write \\n)", 1, 3);
    check_error("{\n  \"k\": \"a\tb\"\n}", VEILIG_EPARSE,
                "control character U+0009 in string (write \\t)", 2, 10);
    check_error("\"\x01\"", VEILIG_EPARSE, "control character U+0001 in string (write \\u0001)", 1,
                2);
    check_error("\"\x1f\"", VEILIG_EPARSE, "(write \\u001f)", 1, 2);
    check_error("{\"a\rb\":1}", VEILIG_EPARSE, "U+000D in string (write \\r)", 1, 4);
    /* invalid UTF-8 */
    check_error("\"\xC3\x28\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"ab\xC0\xAF\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 4);
    check_error("\"\xC1\xBF\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xE0\x80\xAF\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xF0\x80\x80\xAF\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xED\xA0\x80\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xED\xBF\xBF\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xF4\x90\x80\x80\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xF5\x80\x80\x80\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\x80\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xFE\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xE2\x82\"", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("\"\xE2\x82", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 2);
    check_error("{\"k\xFF\":1}", VEILIG_EPARSE, "invalid UTF-8 in string", 1, 4);
    /* the same problems past the first eight bytes (the fast scan) */
    check_error("\"abcdefghijklmnopq\xFF\"", VEILIG_EPARSE, "invalid UTF-8", 1, 19);
    check_error("\"abcdefghijklmnopq\x01rstuvwxyz\"", VEILIG_EPARSE, "U+0001", 1, 19);
    check_error("\"abcdefghijklmnopqrstuvwxyz", VEILIG_EPARSE, "unterminated string", 1, 1);
    /* the longest valid sequences pass */
    vg_jnode *n = parse_ok("\"\xF4\x8F\xBF\xBF\xED\x9F\xBF\xEE\x80\x80\"");
    ck_assert_uint_eq(n->len, 10);
}
END_TEST

START_TEST(test_error_record) {
    /* err may be NULL */
    vg_jnode *n = (vg_jnode *)&n;
    ck_assert_int_eq(vg_json_parse(&n, &arena, "[1,", 3, NULL, NULL), VEILIG_EPARSE);
    ck_assert_ptr_null(n);
    ck_assert_int_eq(vg_json_parse(&n, &arena, "{\"a\":1,\"a\":2}", 13, NULL, NULL),
                     VEILIG_ESCHEMA);
    ck_assert_int_eq(vg_json_parse(&n, &arena, "[[[1]]]", 7, &(vg_jlimits){2, 10}, NULL),
                     VEILIG_ELIMIT);
    ck_assert_int_eq(vg_json_parse(&n, &arena, "[1]", 3, NULL, NULL), VEILIG_OK);
    ck_assert_ptr_nonnull(n);
    /* the source is left alone; a stale pointer is cleared */
    vg_error_clear(&err);
    vg_error_set_source(&err, "file.json");
    snprintf(err.pointer, sizeof err.pointer, "/stale");
    ck_assert_int_eq(vg_json_parse(&n, &arena, "[1,]", 4, NULL, &err), VEILIG_EPARSE);
    ck_assert_str_eq(err.source, "file.json");
    ck_assert_str_eq(err.pointer, "");
    ck_assert_int_eq(err.code, VEILIG_EPARSE);
    ck_assert_uint_eq(err.position, 3);
    /* arguments */
    ck_assert_int_eq(vg_json_parse(NULL, &arena, "1", 1, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(vg_json_parse(&n, NULL, "1", 1, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(vg_json_parse(&n, &arena, NULL, 1, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(vg_json_parse(&n, &arena, NULL, 0, NULL, &err), VEILIG_EPARSE);
    ck_assert(strstr(err.message, "empty document"));
    /* messages are short and lower case */
    check_error("{\"a\" 1}", VEILIG_EPARSE, "expected", 0, 0);
    ck_assert(err.message[0] >= 'a' && err.message[0] <= 'z');
}
END_TEST

/* ---- schema errors: duplicate keys and NUL characters ---- */

static void check_schema(const char *text, const char *what, const char *pointer, size_t pos) {
    check_error(text, VEILIG_ESCHEMA, what, 0, 0);
    ck_assert_msg(strcmp(err.pointer, pointer) == 0, "<%s>: pointer \"%s\", expected \"%s\"", text,
                  err.pointer, pointer);
    ck_assert_msg(err.position == pos, "<%s>: position %zu, expected %zu", text, err.position, pos);
}

START_TEST(test_duplicate_keys) {
    /* reported where the second value starts */
    check_schema("{\"a\":1,\"b\":2,\"a\":3}", "duplicate key \"a\"", "/a", 17);
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 18);
    const char *doc = "{\n  \"municipalities\": [\n    {\"name\": \"x\", \"code\": 1},\n"
                      "    {\"name\": \"y\",\n     \"name\": \"z\"}\n  ]\n}";
    check_schema(doc, "duplicate key \"name\"", "/municipalities/1/name",
                 (size_t)(strstr(doc, "\"z\"") - doc));
    ck_assert_int_eq(err.line, 5);
    ck_assert_int_eq(err.column, 14);
    /* keys with ~ and / in the pointer */
    check_schema("{\"x/y\":[{\"a/b~c\":1,\"a/b~c\":2}]}", "duplicate key \"a/b~c\"",
                 "/x~1y/0/a~1b~0c", 27);
    check_schema("{\"~\":{\"/\":0,\"/\":0}}", "duplicate key \"/\"", "/~0/~1", 16);
    /* equal after decoding */
    check_schema("{\"a\\u00e9\":1,\"a\xC3\xA9\":2}", "duplicate key \"a\xC3\xA9\"", "/a\xC3\xA9",
                 19);
    check_schema("{\"\":1,\"\":2}", "duplicate key \"\"", "/", 9);
    /* the same key in different objects is fine */
    vg_jnode *n = parse_ok("{\"a\":{\"a\":1},\"b\":{\"a\":2},\"c\":[{\"a\":1},{\"a\":2}]}");
    ck_assert_uint_eq(n->len, 3);
    /* prefixes are not duplicates */
    parse_ok("{\"ab\":1,\"a\":2,\"abc\":3,\"b\":4}");
    /* a long key is cut in the message */
    char big[420];
    char key[201];
    memset(key, 'k', 200);
    key[200] = '\0';
    snprintf(big, sizeof big, "{\"%s\":1,\"%s\":2}", key, key);
    check_error(big, VEILIG_ESCHEMA, "duplicate key \"kkkk", 0, 0);
    ck_assert(strstr(err.message, "...\""));
    ck_assert_uint_lt(strlen(err.message), 100);
}
END_TEST

/* Objects beyond the linear scan use a hash set. */
START_TEST(test_duplicate_keys_big) {
    vg_buf b;
    vg_buf_init(&b);
    vg_buf_puts(&b, "{");
    for (int i = 0; i < 5000; i++)
        vg_buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", i, i);
    size_t unique_len = b.len;
    vg_buf_puts(&b, "}");
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n(b.data, b.len, NULL, &n), VEILIG_OK);
    ck_assert_uint_eq(n->len, 5000);
    for (int dup = 0; dup < 5000; dup += 499) {
        b.len = unique_len;
        vg_buf_printf(&b, ",\"k%d\":0}", dup);
        ck_assert_int_eq(parse_n(b.data, b.len, NULL, &n), VEILIG_ESCHEMA);
        char ptr[32], msg[64];
        snprintf(ptr, sizeof ptr, "/k%d", dup);
        snprintf(msg, sizeof msg, "duplicate key \"k%d\"", dup);
        ck_assert_str_eq(err.pointer, ptr);
        ck_assert_str_eq(err.message, msg);
        /* the value: past the comma, the quoted key and the colon */
        ck_assert_uint_eq(err.position, unique_len + 1 + strlen(ptr + 1) + 3);
    }
    /* a duplicate of an early key found just past the linear scan */
    for (int members = 8; members <= 40; members++) {
        b.len = 0;
        vg_buf_puts(&b, "{\"x\":[");
        vg_buf_puts(&b, "{");
        for (int i = 0; i < members; i++)
            vg_buf_printf(&b, "\"m%d\":[%d],", i, i);
        vg_buf_printf(&b, "\"m%d\":0}]}", members % 3);
        ck_assert_int_eq(parse_n(b.data, b.len, NULL, &n), VEILIG_ESCHEMA);
        char ptr[32];
        snprintf(ptr, sizeof ptr, "/x/0/m%d", members % 3);
        ck_assert_str_eq(err.pointer, ptr);
    }
    vg_buf_free(&b);
}
END_TEST

START_TEST(test_nul_escapes) {
    /* reported where the value starts (for a key: where its value starts) */
    check_schema("{\"a\":[\"x\",\"b\\u0000c\"]}", "NUL character", "/a/1", 10);
    ck_assert(strstr(err.message, "in string"));
    check_schema("\"\\u0000\"", "NUL character", "", 0);
    check_schema("{\"a\":{\"k\\u0000\":1}}", "NUL character", "/a/k\\u0000", 16);
    ck_assert(strstr(err.message, "in key"));
    check_schema("[{\"x~\":\"\\u0000\"}]", "NUL", "/0/x~0", 7);
    /* the first schema problem wins */
    check_schema("[{\"a\":1,\"a\":\"\\u0000\"}]", "duplicate key", "/0/a", 12);
    check_schema("[\"\\u0000\",{\"a\":1,\"a\":2}]", "NUL", "/0", 1);
}
END_TEST

/* A schema problem is only reported for valid JSON: a syntax error after it
   wins. */
START_TEST(test_schema_then_syntax) {
    check_error("{\"a\":1,\"a\":2,", VEILIG_EPARSE, "expected a key after ','", 1, 14);
    ck_assert_str_eq(err.pointer, "");
    check_error("[\"\\u0000\", 01]", VEILIG_EPARSE, "leading zero", 1, 12);
    ck_assert_str_eq(err.pointer, "");
    vg_jlimits lim = {2, 100};
    check_error_n("[\"\\u0000\", [[1]]]", 17, &lim, VEILIG_ELIMIT, "nesting", 1, 13);
}
END_TEST

/* ---- limits ---- */

START_TEST(test_depth_limit) {
    char text[300];
    /* 64 levels pass by default, 65 do not */
    memset(text, '[', 64);
    memset(text + 64, ']', 64);
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n(text, 128, NULL, &n), VEILIG_OK);
    memset(text, '[', 65);
    memset(text + 65, ']', 65);
    check_error_n(text, 130, NULL, VEILIG_ELIMIT, "nesting deeper than 64 levels", 1, 65);
    ck_assert_uint_eq(err.position, 64);
    /* objects count the same */
    vg_jlimits lim = {3, 100};
    const char *ok = "{\"a\":[{\"b\":1}]}";
    ck_assert_int_eq(parse_n(ok, strlen(ok), &lim, &n), VEILIG_OK);
    const char *deep = "{\"a\":[{\"b\":{}}]}";
    check_error_n(deep, strlen(deep), &lim, VEILIG_ELIMIT, "nesting deeper than 3 levels", 1, 12);
    check_error_n("[[[[1]]]]", 9, &lim, VEILIG_ELIMIT, "nesting", 1, 4);
    /* scalars do not nest */
    lim.max_depth = 1;
    ck_assert_int_eq(parse_n("[1,\"a\",true]", 12, &lim, &n), VEILIG_OK);
    check_error_n("[[]]", 4, &lim, VEILIG_ELIMIT, "nesting deeper than 1 levels", 1, 2);
    /* zero means the default */
    lim.max_depth = 0;
    ck_assert_int_eq(parse_n(text, 128 - 2, &lim, &n), VEILIG_ELIMIT); /* 65 '[', 61 ']' */
    ck_assert(strstr(err.message, "nesting"));
}
END_TEST

START_TEST(test_depth_hostile) {
    size_t len = 100000;
    char *text = malloc(2 * len);
    ck_assert_ptr_nonnull(text);
    memset(text, '[', len);
    check_error_n(text, len, NULL, VEILIG_ELIMIT, "nesting deeper than 64 levels", 1, 65);
    memset(text + len, ']', len);
    check_error_n(text, 2 * len, NULL, VEILIG_ELIMIT, "nesting", 1, 65);
    for (size_t i = 0; i + 6 <= len; i += 6)
        memcpy(text + i, "{\"a\":[", 6);
    check_error_n(text, len, NULL, VEILIG_ELIMIT, "nesting", 1, 6 * 32 + 1);
    /* a generous limit still parses a deep but sane document */
    vg_jlimits lim = {2000, 100};
    memset(text, '[', 2000);
    memset(text + 2000, ']', 2000);
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n(text, 4000, &lim, &n), VEILIG_OK);
    for (int i = 0; i < 1999; i++) {
        ck_assert_int_eq(n->type, VG_JARRAY);
        ck_assert_uint_eq(n->len, 1);
        n = n->u.items;
    }
    ck_assert_uint_eq(n->len, 0);
    free(text);
}
END_TEST

START_TEST(test_string_limit) {
    vg_jlimits lim = {64, 5};
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n("\"abcde\"", 7, &lim, &n), VEILIG_OK);
    check_error_n("[\"abcdef\"]", 10, &lim, VEILIG_ELIMIT, "string longer than 5 bytes", 1, 2);
    /* decoded bytes count: six escapes of one byte each are 6 */
    const char *esc = "\"\\n\\n\\n\\n\\n\"";
    ck_assert_int_eq(parse_n(esc, strlen(esc), &lim, &n), VEILIG_OK);
    ck_assert_uint_eq(n->len, 5);
    esc = "\"\\u00e9\\u00e9\\u00e9\"";
    check_error_n(esc, strlen(esc), &lim, VEILIG_ELIMIT, "longer than 5", 1, 1);
    esc = "\"\\u00e9\\u00e9\"";
    ck_assert_int_eq(parse_n(esc, strlen(esc), &lim, &n), VEILIG_OK);
    /* keys too */
    check_error_n("{\"abcdefg\":1}", 13, &lim, VEILIG_ELIMIT, "string longer", 1, 2);
    /* default: 16 MiB */
    size_t big = ((size_t)1 << 24) + 1;
    char *text = malloc(big + 2);
    ck_assert_ptr_nonnull(text);
    text[0] = '"';
    memset(text + 1, 'x', big);
    text[big + 1] = '"';
    check_error_n(text, big + 2, NULL, VEILIG_ELIMIT, "string longer than 16777216 bytes", 1, 1);
    text[big] = '"';
    ck_assert_int_eq(parse_n(text, big + 1, NULL, &n), VEILIG_OK);
    ck_assert_uint_eq(n->len, big - 1);
    free(text);
}
END_TEST

/* ---- writer ---- */

static char *write_doc(unsigned flags, void (*fn)(vg_jwriter *)) {
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, flags);
    fn(&w);
    ck_assert_int_eq(w.depth, 0);
    ck_assert(!b.failed);
    return vg_buf_finish(&b, NULL);
}

static void example(vg_jwriter *w) {
    vg_jw_begin_object(w);
    vg_jw_key(w, "a");
    vg_jw_int(w, 1);
    vg_jw_key(w, "b");
    vg_jw_begin_array(w);
    vg_jw_cstring(w, "x");
    vg_jw_begin_object(w);
    vg_jw_end_object(w);
    vg_jw_end_array(w);
    vg_jw_key(w, "c");
    vg_jw_begin_array(w);
    vg_jw_end_array(w);
    vg_jw_end_object(w);
}

static void scalars(vg_jwriter *w) {
    vg_jw_begin_array(w);
    vg_jw_null(w);
    vg_jw_bool(w, 1);
    vg_jw_bool(w, 0);
    vg_jw_cstring(w, NULL);
    vg_jw_string(w, "ab\0c", 4);
    vg_jw_number_literal(w, "1.50", 4);
    vg_jw_int(w, INT64_MIN);
    vg_jw_int(w, INT64_MAX);
    vg_jw_int(w, 0);
    vg_jw_int(w, -3);
    vg_jw_double(w, 2.5);
    vg_jw_begin_array(w);
    vg_jw_begin_object(w);
    vg_jw_key(w, "k");
    vg_jw_begin_object(w);
    vg_jw_end_object(w);
    vg_jw_end_object(w);
    vg_jw_end_array(w);
    vg_jw_end_array(w);
}

static void top_object(vg_jwriter *w) {
    vg_jw_begin_object(w);
    vg_jw_end_object(w);
}

static void top_string(vg_jwriter *w) {
    vg_jw_cstring(w, "s");
}

START_TEST(test_writer_layout) {
    char *s = write_doc(0, example);
    ck_assert_str_eq(s, "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    {}\n  ],\n  \"c\": []\n}");
    vg_free(s);
    s = write_doc(VG_JW_COMPACT, example);
    ck_assert_str_eq(s, "{\"a\":1,\"b\":[\"x\",{}],\"c\":[]}");
    vg_free(s);
    s = write_doc(0, scalars);
    ck_assert_str_eq(s, "[\n  null,\n  true,\n  false,\n  null,\n  \"ab\\u0000c\",\n  1.50,\n"
                        "  -9223372036854775808,\n  9223372036854775807,\n  0,\n  -3,\n  2.5,\n"
                        "  [\n    {\n      \"k\": {}\n    }\n  ]\n]");
    vg_free(s);
    s = write_doc(VG_JW_COMPACT, scalars);
    ck_assert_str_eq(s, "[null,true,false,null,\"ab\\u0000c\",1.50,-9223372036854775808,"
                        "9223372036854775807,0,-3,2.5,[{\"k\":{}}]]");
    vg_free(s);
    s = write_doc(0, top_object);
    ck_assert_str_eq(s, "{}");
    vg_free(s);
    s = write_doc(0, top_string);
    ck_assert_str_eq(s, "\"s\"");
    vg_free(s);
}
END_TEST

static char *write_string(unsigned flags, const char *str, size_t len) {
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, flags);
    vg_jw_string(&w, str, len);
    return vg_buf_finish(&b, NULL);
}

START_TEST(test_writer_escapes) {
    const char in[] = "q\" b\\ \b\f\n\r\t \x01\x1f\x7f / \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    char *s = write_string(0, in, sizeof in - 1);
    ck_assert_str_eq(s, "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f\x7f / "
                        "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"");
    vg_free(s);
    s = write_string(VG_JW_ASCII, in, sizeof in - 1);
    ck_assert_str_eq(s, "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f\x7f / "
                        "\\u00e9\\u20ac\\ud83d\\ude00\"");
    vg_free(s);
    s = write_string(VG_JW_ASCII | VG_JW_COMPACT, "\xF4\x8F\xBF\xBF\xDF\xBF", 6);
    ck_assert_str_eq(s, "\"\\udbff\\udfff\\u07ff\"");
    vg_free(s);
    /* long runs around escapes (the 8-byte scan) */
    char longs[200];
    for (int i = 0; i < 199; i++)
        longs[i] = (char)('a' + i % 26);
    longs[199] = '\0';
    longs[77] = '"';
    longs[150] = '\n';
    s = write_string(0, longs, 199);
    ck_assert_uint_eq(strlen(s), 199 + 2 + 2);
    vg_jnode *n = parse_ok(s);
    ck_assert_str_eq(n->u.str, longs);
    vg_free(s);
    /* every control character, and round trips through the parser */
    char ctl[32];
    for (int i = 0; i < 32; i++)
        ctl[i] = (char)i;
    s = write_string(0, ctl, 32);
    ck_assert_str_eq(s, "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n"
                        "\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015"
                        "\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
    vg_free(s);
    /* keys are escaped the same way */
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, VG_JW_COMPACT | VG_JW_ASCII);
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "k\"\xC3\xA9");
    vg_jw_null(&w);
    vg_jw_key(&w, NULL);
    vg_jw_null(&w);
    vg_jw_end_object(&w);
    s = vg_buf_finish(&b, NULL);
    ck_assert_str_eq(s, "{\"k\\\"\\u00e9\":null,\"\":null}");
    vg_free(s);
}
END_TEST

static char *write_double(double v) {
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, 0);
    vg_jw_double(&w, v);
    return vg_buf_finish(&b, NULL);
}

static void check_double(double v, const char *expect) {
    char *s = write_double(v);
    if (expect)
        ck_assert_str_eq(s, expect);
    /* it is a JSON number and reads back as the same double */
    vg_jnode *n = parse_ok(s);
    ck_assert_int_eq(n->type, VG_JNUMBER);
    ck_assert_msg(vg_json_number_to_double(n->u.str, n->len) == v, "%s does not read back", s);
    vg_free(s);
}

START_TEST(test_writer_doubles) {
    check_double(0.1, "0.1");
    check_double(1e300, "1e+300");
    check_double(5e-324, NULL);
    check_double(12.0, "12");
    check_double(-3.0, "-3");
    check_double(0.0, "0");
    check_double(-0.0, "0");
    check_double(1.5, "1.5");
    check_double(-1.5, "-1.5");
    check_double(1e15, "1000000000000000");
    check_double(9007199254740991.0, "9007199254740991");
    check_double(9007199254740992.0, "9007199254740992");
    check_double(0.30000000000000004, "0.30000000000000004");
    check_double(1.0 / 3.0, "0.3333333333333333");
    check_double(2.2250738585072014e-308, "2.2250738585072014e-308");
    check_double(1.7976931348623157e308, "1.7976931348623157e+308");
    check_double(123456.789, "123456.789");
    check_double(-1e-7, "-1e-07");
    check_double(4.35, "4.35");
    /* the shortest of %.15g, %.16g, %.17g */
    char *s = write_double(5e-324);
    ck_assert_str_eq(s, "4.94065645841247e-324");
    vg_free(s);
    s = write_double(NAN);
    ck_assert_str_eq(s, "null");
    vg_free(s);
    s = write_double(HUGE_VAL);
    ck_assert_str_eq(s, "null");
    vg_free(s);
    s = write_double(-HUGE_VAL);
    ck_assert_str_eq(s, "null");
    vg_free(s);
    /* many values read back */
    double v = 1.0;
    for (int i = 0; i < 2000; i++) {
        v = v * 1.37 + 0.1;
        if (v > 1e200)
            v = 1e-200 * (double)i;
        check_double(v, NULL);
        check_double(-v / 7.0, NULL);
    }
}
END_TEST

/* What vg_jw_double wrote before its fast path, and must still write: the
   shortest of "%.15g", "%.16g", "%.17g" that reads back as v (C locale). */
static void reference_double(char *buf, size_t size, double v, locale_t c) {
    locale_t old = uselocale(c);
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    uselocale(old);
}

static void check_against_reference(double v, locale_t c) {
    if (v != v || v > DBL_MAX || v < -DBL_MAX)
        return;
    char want[48];
    if (v > -9007199254740992.0 && v < 9007199254740992.0 && (double)(int64_t)v == v)
        snprintf(want, sizeof want, "%" PRId64, (int64_t)v); /* integers: as integers */
    else
        reference_double(want, sizeof want, v, c);
    char *got = write_double(v);
    ck_assert_msg(strcmp(got, want) == 0, "%.17g: wrote %s, not %s", v, got, want);
    vg_free(got);
}

/* The writer's fast path for numbers with up to three decimals, against the
   printf loop it replaces, on numbers of that kind and on numbers of every
   other kind around them. */
START_TEST(test_writer_doubles_fast_path) {
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    ck_assert_ptr_nonnull(c);
    static const double fixed[] = {0.1 + 0.2,
                                   2.675,
                                   1.005,
                                   1e-5,
                                   0.001,
                                   0.0005,
                                   -0.001,
                                   12.5,
                                   999999999999.999,
                                   -999999999999.999,
                                   999999999999.9995,
                                   1e12 - 0.5,
                                   1e12,
                                   1e12 + 0.5,
                                   123456789012.345,
                                   0.125,
                                   4503599627370495.5,
                                   1.0 / 3.0,
                                   2.0 / 3.0,
                                   100.01,
                                   0.7};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        check_against_reference(fixed[i], c);
        check_against_reference(-fixed[i], c);
    }
    uint64_t x = 88172645463325252u; /* xorshift64 */
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        static const double scale[] = {1.0, 10.0, 100.0, 1000.0, 10000.0, 8.0, 1024.0};
        double v;
        switch (i % 4) {
            case 0: /* a decimal with up to four places, of any size below 10^13 */
                v = (double)(int64_t)(x % 20000000000000000u - 10000000000000000u) /
                    scale[(x >> 60) % 5];
                break;
            case 1: /* a small one, the kind indicators hold */
                v = (double)(int64_t)(x % 2000000u - 1000000u) / scale[(x >> 60) % 7];
                break;
            case 2: { /* any double at all */
                memcpy(&v, &x, sizeof v);
                break;
            }
            default: /* a neighbour of a short decimal */
                v = nextafter((double)(int64_t)(x % 2000000u) / 1000.0, (x & 1) ? 1e300 : -1e300);
                break;
        }
        check_against_reference(v, c);
    }
    freelocale(c);
}
END_TEST

/* Numbers do not follow the process's LC_NUMERIC. */
START_TEST(test_writer_locale) {
    static const char *const names[] = {"de_DE.UTF-8", "nl_NL.UTF-8", "fr_FR.UTF-8", "de_DE",
                                        "nl_NL"};
    const char *set = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !set; i++)
        set = setlocale(LC_NUMERIC, names[i]);
    if (!set)
        return; /* no locale with a decimal comma here: nothing to show */
    char *s = write_double(1.5);
    double back = vg_json_number_to_double("0.25", 4);
    setlocale(LC_NUMERIC, "C");
    ck_assert_str_eq(s, "1.5");
    ck_assert(back == 0.25);
    vg_free(s);
}
END_TEST

static void deep_arrays(vg_jwriter *w, int levels) {
    for (int i = 0; i < levels; i++)
        vg_jw_begin_array(w);
    vg_jw_int(w, 1);
    for (int i = 0; i < levels; i++)
        vg_jw_end_array(w);
}

START_TEST(test_writer_depth) {
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, VG_JW_COMPACT);
    deep_arrays(&w, VG_JW_MAX_DEPTH);
    ck_assert(!b.failed);
    ck_assert_uint_eq(b.len, 2 * VG_JW_MAX_DEPTH + 1);
    vg_buf_free(&b);
    vg_jw_init(&w, &b, 0);
    deep_arrays(&w, VG_JW_MAX_DEPTH + 1);
    ck_assert(b.failed);
    ck_assert_int_eq(w.depth, 0);
    vg_buf_free(&b);
    /* closing what is not open */
    vg_jw_init(&w, &b, 0);
    vg_jw_end_object(&w);
    ck_assert(b.failed);
    vg_buf_free(&b);
    /* a parsed tree deeper than the writer allows */
    vg_jlimits lim = {1000, 100};
    char text[1000];
    memset(text, '[', 500);
    memset(text + 500, ']', 500);
    vg_jnode *n = NULL;
    ck_assert_int_eq(parse_n(text, 1000, &lim, &n), VEILIG_OK);
    vg_jw_init(&w, &b, 0);
    vg_jw_node(&w, n);
    ck_assert(b.failed);
    vg_buf_free(&b);
}
END_TEST

/* Structural equality of two trees (positions aside). */
static int same_tree(const vg_jnode *a, const vg_jnode *b) {
    if (a->type != b->type || a->len != b->len)
        return 0;
    switch (a->type) {
        case VG_JNUMBER:
        case VG_JSTRING:
            return memcmp(a->u.str, b->u.str, a->len + 1) == 0;
        case VG_JARRAY:
            for (uint32_t i = 0; i < a->len; i++)
                if (!same_tree(&a->u.items[i], &b->u.items[i]))
                    return 0;
            return 1;
        case VG_JOBJECT:
            for (uint32_t i = 0; i < a->len; i++) {
                const vg_jmember *x = &a->u.members[i], *y = &b->u.members[i];
                if (x->key_len != y->key_len || memcmp(x->key, y->key, x->key_len + 1) != 0 ||
                    !same_tree(&x->value, &y->value))
                    return 0;
            }
            return 1;
        default:
            return 1;
    }
}

static char *write_tree(const vg_jnode *n, unsigned flags, size_t *len) {
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, flags);
    vg_jw_node(&w, n);
    ck_assert(!b.failed);
    ck_assert_int_eq(w.depth, 0);
    return vg_buf_finish(&b, len);
}

/* Writes n in every layout, parses the text again and compares. */
static void check_round_trip(const vg_jnode *n) {
    static const unsigned flags[] = {0, VG_JW_COMPACT, VG_JW_ASCII, VG_JW_ASCII | VG_JW_COMPACT};
    char *first = NULL;
    for (size_t i = 0; i < 4; i++) {
        size_t len;
        char *s = write_tree(n, flags[i], &len);
        vg_jnode *again = NULL;
        int rc = parse_n(s, len, NULL, &again);
        ck_assert_msg(rc == VEILIG_OK, "re-parse failed: %s in <%s>", err.message, s);
        ck_assert_msg(same_tree(n, again), "round trip changed <%s>", s);
        if (i == 0) {
            /* the canonical form is a fixed point */
            char *s2 = write_tree(again, 0, NULL);
            ck_assert_str_eq(s, s2);
            vg_free(s2);
            first = s;
        } else {
            vg_free(s);
        }
    }
    vg_free(first);
}

START_TEST(test_writer_round_trip) {
    const char *doc = "{\"name\": \"Zw\\u00f6lle \\\"centrum\\\"\", \"n\": [1, -0.5, 1E+3, 0], "
                      "\"o\": {\"e\": {}, \"a\": [], \"t\": true, \"f\": false, \"z\": null}, "
                      "\"s\": \"\\ud834\\udd1e \\/ \\t\\u001b\"}";
    vg_jnode *n = parse_ok(doc);
    check_round_trip(n);
    char *s = write_tree(n, 0, NULL);
    ck_assert_str_eq(s, "{\n  \"name\": \"Zw\xC3\xB6lle \\\"centrum\\\"\",\n  \"n\": [\n    1,\n"
                        "    -0.5,\n    1E+3,\n    0\n  ],\n  \"o\": {\n    \"e\": {},\n"
                        "    \"a\": [],\n    \"t\": true,\n    \"f\": false,\n    \"z\": null\n"
                        "  },\n  \"s\": \"\xF0\x9D\x84\x9E / \\t\\u001b\"\n}");
    vg_free(s);
    /* a writer-built value inside a node: nodes mix with the other calls */
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, VG_JW_COMPACT);
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "doc");
    vg_jw_node(&w, &n->u.members[1].value);
    vg_jw_key(&w, "x");
    vg_jw_node(&w, NULL);
    vg_jw_end_object(&w);
    s = vg_buf_finish(&b, NULL);
    ck_assert_str_eq(s, "{\"doc\":[1,-0.5,1E+3,0],\"x\":null}");
    vg_free(s);
}
END_TEST

/* ---- locating pointers ---- */

static const char locate_doc[] = "{\n"
                                 "  \"a\": {\"b\": [10, 20, {\"c\": \"d\"}]},\n"
                                 "  \"x/y\": 1, \"m~n\": 2, \"\": 3,\n"
                                 "  \"esc\\u0061ped\": [true],\n"
                                 "  \"k\\/\\u007e1\": null,\n"
                                 "  \"\\u00e9\": \"\xC3\xA9\", \"\\ud834\\udd1e\": 5,\n"
                                 "  \"dup\": 1, \"dup\": 2\n"
                                 "}";

static int locate(const char *pointer, size_t *pos) {
    return vg_json_locate(pos, locate_doc, sizeof locate_doc - 1, pointer);
}

static void check_locate(const char *pointer, const char *at) {
    size_t pos = 12345;
    int rc = locate(pointer, &pos);
    ck_assert_msg(rc == VEILIG_OK, "%s: %d", pointer, rc);
    const char *want = strstr(locate_doc, at);
    ck_assert_ptr_nonnull(want);
    ck_assert_msg(pos == (size_t)(want - locate_doc), "%s: %zu, expected %zu", pointer, pos,
                  (size_t)(want - locate_doc));
}

START_TEST(test_locate) {
    size_t pos;
    ck_assert_int_eq(locate("", &pos), VEILIG_OK);
    ck_assert_uint_eq(pos, 0);
    check_locate("/a", "{\"b\"");
    check_locate("/a/b", "[10");
    check_locate("/a/b/0", "10");
    check_locate("/a/b/1", "20");
    check_locate("/a/b/2", "{\"c\"");
    check_locate("/a/b/2/c", "\"d\"");
    check_locate("/x~1y", "1, \"m");
    check_locate("/m~0n", "2, \"\"");
    check_locate("/", "3,\n");
    check_locate("/escaped", "[true]");
    check_locate("/escaped/0", "true]");
    check_locate("/k~1~01", "null");
    check_locate("/\xC3\xA9", "\"\xC3\xA9\"");
    check_locate("/\xF0\x9D\x84\x9E", "5,");
    check_locate("/dup", "1, \"dup\""); /* the first one */
    /* not there */
    static const char *const missing[] = {"/b",
                                          "/a/c",
                                          "/a/b/3",
                                          "/a/b/01",
                                          "/a/b/-",
                                          "/a/b/x",
                                          "/a/b/1/x",
                                          "/a/b/",
                                          "/a/b/2/d",
                                          "a",
                                          "/x/y",
                                          "/m~n",
                                          "/k~1~0",
                                          "/escaped/00",
                                          "/esc",
                                          "/a~",
                                          "/a/b/-1",
                                          "/e",
                                          "/a/b/99999999999999999999999999"};
    for (size_t i = 0; i < sizeof missing / sizeof *missing; i++) {
        pos = 12345;
        ck_assert_msg(locate(missing[i], &pos) == VEILIG_ENOTFOUND, "%s", missing[i]);
        ck_assert_uint_lt(pos, sizeof locate_doc);
    }
    /* ENOTFOUND says which value lacks it */
    ck_assert_int_eq(locate("/a/b/7", &pos), VEILIG_ENOTFOUND);
    ck_assert_uint_eq(pos, (size_t)(strstr(locate_doc, "[10") - locate_doc));
    /* empty containers and scalars */
    ck_assert_int_eq(vg_json_locate(&pos, "[]", 2, "/0"), VEILIG_ENOTFOUND);
    ck_assert_int_eq(vg_json_locate(&pos, " {} ", 4, "/a"), VEILIG_ENOTFOUND);
    ck_assert_uint_eq(pos, 1);
    ck_assert_int_eq(vg_json_locate(&pos, "7", 1, "/a"), VEILIG_ENOTFOUND);
    ck_assert_int_eq(vg_json_locate(&pos, "\xEF\xBB\xBF [1]", 7, "/0"), VEILIG_OK);
    ck_assert_uint_eq(pos, 5);
    ck_assert_int_eq(vg_json_locate(&pos, "\xEF\xBB\xBF [1]", 7, ""), VEILIG_OK);
    ck_assert_uint_eq(pos, 4);
    /* values are skipped, whatever they hold */
    const char *skip = "[{\"a\":[1,{\"b\":\"]}\\\"\"}],\"c\":[[],{}]},\"x\\\\\",-1.5e3,false,null,"
                       "{\"k\":[[[[[]]]]]},\"last\"]";
    ck_assert_int_eq(vg_json_locate(&pos, skip, strlen(skip), "/6"), VEILIG_OK);
    ck_assert_uint_eq(pos, strlen(skip) - 7);
    ck_assert_int_eq(vg_json_locate(&pos, skip, strlen(skip), "/0/c/1"), VEILIG_OK);
    ck_assert_uint_eq(pos, (size_t)(strstr(skip, "{}]}") - skip));
    ck_assert_int_eq(vg_json_locate(&pos, skip, strlen(skip), "/7"), VEILIG_ENOTFOUND);
    ck_assert_int_eq(vg_json_locate(&pos, skip, strlen(skip), "/0/a/1/b"), VEILIG_OK);
    ck_assert_uint_eq(pos, (size_t)(strstr(skip, "\"]}") - skip));
}
END_TEST

START_TEST(test_locate_broken) {
    size_t pos;
    /* broken on the way */
    ck_assert_int_eq(vg_json_locate(&pos, "", 0, ""), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "   ", 3, "/a"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "{\"a\" 1}", 7, "/a"), VEILIG_EPARSE);
    ck_assert_uint_eq(pos, 5);
    ck_assert_int_eq(vg_json_locate(&pos, "{\"b\": tru, \"a\": 1}", 18, "/a"), VEILIG_EPARSE);
    ck_assert_uint_eq(pos, 6);
    ck_assert_int_eq(vg_json_locate(&pos, "{\"a\": [1, 2", 11, "/a/5"), VEILIG_EPARSE);
    ck_assert_uint_eq(pos, 11);
    ck_assert_int_eq(vg_json_locate(&pos, "[01, 2]", 7, "/1"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "[\"a\nb\", 2]", 10, "/1"), VEILIG_EPARSE);
    ck_assert_uint_eq(pos, 3);
    ck_assert_int_eq(vg_json_locate(&pos, "[\"\\uD800\", 2]", 13, "/1"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "[[1}, 2]", 8, "/1"), VEILIG_EPARSE);
    ck_assert_uint_eq(pos, 3);
    ck_assert_int_eq(vg_json_locate(&pos, "[{\"a\":1]}, 2]", 13, "/1"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "[{1:2}, 2]", 10, "/1"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "{\"a\":1,}", 8, "/b"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "{\"a\\q\":1}", 9, "/a"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "[1,]", 4, "/1"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "[1,", 3, "/1"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "{\"a\":", 5, "/a"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "{\"a\": x}", 8, "/a"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "xyz", 3, "/a"), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "?", 1, ""), VEILIG_EPARSE);
    ck_assert_int_eq(vg_json_locate(&pos, "[\0]", 3, "/0"), VEILIG_EPARSE);
    /* what comes after the value found is not looked at */
    ck_assert_int_eq(vg_json_locate(&pos, "{\"a\": 1, \"b\": tru", 17, "/a"), VEILIG_OK);
    ck_assert_uint_eq(pos, 6);
    /* hostile nesting while skipping */
    size_t len = 100000;
    char *text = malloc(len + 2);
    ck_assert_ptr_nonnull(text);
    text[0] = '[';
    memset(text + 1, '[', len);
    text[len + 1] = ']';
    ck_assert_int_eq(vg_json_locate(&pos, text, len + 2, "/1"), VEILIG_EPARSE);
    free(text);
    /* arguments */
    ck_assert_int_eq(vg_json_locate(NULL, "1", 1, ""), VEILIG_EINVAL);
    ck_assert_int_eq(vg_json_locate(&pos, NULL, 1, ""), VEILIG_EINVAL);
    ck_assert_int_eq(vg_json_locate(&pos, "1", 1, NULL), VEILIG_EINVAL);
}
END_TEST

START_TEST(test_locate_public) {
    const char *doc = "{\n  \"a\": [\n    1,\n    {\"b\": \"\xC3\xA9\", \"c\": 2}\n  ]\n}";
    veilig_error e;
    vg_error_clear(&e);
    snprintf(e.message, sizeof e.message, "keep me");
    snprintf(e.pointer, sizeof e.pointer, "/keep");
    ck_assert_int_eq(veilig_json_locate(&e, doc, strlen(doc), "/a/1/c"), VEILIG_OK);
    ck_assert_int_eq(e.line, 4);
    ck_assert_int_eq(e.column, 21);
    ck_assert_uint_eq(e.position, (size_t)(strstr(doc, "2}") - doc));
    ck_assert_str_eq(e.message, "keep me");
    ck_assert_str_eq(e.pointer, "/keep");
    ck_assert_int_eq(e.code, VEILIG_OK);
    ck_assert_int_eq(veilig_json_locate(&e, doc, strlen(doc), "/a/0"), VEILIG_OK);
    ck_assert_int_eq(e.line, 3);
    ck_assert_int_eq(e.column, 5);
    ck_assert_int_eq(veilig_json_locate(&e, doc, strlen(doc), "/a/2"), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_json_locate(&e, "[1, }", 5, "/1"), VEILIG_EPARSE);
    ck_assert_int_eq(e.line, 1);
    ck_assert_int_eq(e.column, 5);
    ck_assert_int_eq(veilig_json_locate(NULL, doc, strlen(doc), ""), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_json_locate(&e, NULL, 0, ""), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_json_locate(&e, doc, strlen(doc), NULL), VEILIG_EINVAL);
}
END_TEST

/* Every value of a parsed tree is found again by its pointer. */
static void check_locate_tree(const char *text, size_t len, const vg_jnode *n, vg_buf *path) {
    ck_assert(!path->failed);
    path->data[path->len] = '\0';
    size_t pos = 0;
    int rc = vg_json_locate(&pos, text, len, path->data);
    ck_assert_msg(rc == VEILIG_OK && pos == n->pos, "pointer \"%s\": rc %d pos %zu, expected %zu",
                  path->data, rc, pos, n->pos);
    size_t keep = path->len;
    if (n->type == VG_JARRAY) {
        for (uint32_t i = 0; i < n->len; i++) {
            vg_buf_printf(path, "/%u", (unsigned)i);
            check_locate_tree(text, len, &n->u.items[i], path);
            path->len = keep;
        }
    } else if (n->type == VG_JOBJECT) {
        for (uint32_t i = 0; i < n->len; i++) {
            vg_json_pointer_append(path, n->u.members[i].key, n->u.members[i].key_len);
            vg_buf_reserve(path, 1);
            check_locate_tree(text, len, &n->u.members[i].value, path);
            path->len = keep;
        }
    }
}

static void check_locate_all(const char *text, size_t len, const vg_jnode *root) {
    vg_buf path;
    vg_buf_init(&path);
    vg_buf_reserve(&path, 64);
    check_locate_tree(text, len, root, &path);
    vg_buf_free(&path);
}

START_TEST(test_locate_every_value) {
    const char *doc = "{\"a\": [1, {\"b/c\": [[], {}, \"x\"], \"~\": {\"\\u00e9\": -1e5}}], "
                      "\"\\ud83d\\ude00\": {\"\": [null, true, false]}, \"k\\\"q\": \"v\"}";
    vg_jnode *n = parse_ok(doc);
    check_locate_all(doc, strlen(doc), n);
}
END_TEST

/* Collects the pointer of every value of a tree (new strings into list). */
static void collect_pointers(const vg_jnode *n, vg_buf *path, char ***list, size_t *count) {
    ck_assert(!path->failed);
    path->data[path->len] = '\0';
    *list = realloc(*list, (*count + 1) * sizeof **list);
    ck_assert_ptr_nonnull(*list);
    (*list)[(*count)++] = strdup(path->data);
    size_t keep = path->len;
    for (uint32_t i = 0; i < n->len && (n->type == VG_JARRAY || n->type == VG_JOBJECT); i++) {
        if (n->type == VG_JARRAY)
            vg_buf_printf(path, "/%u", (unsigned)i);
        else
            vg_json_pointer_append(path, n->u.members[i].key, n->u.members[i].key_len);
        vg_buf_reserve(path, 1);
        collect_pointers(n->type == VG_JARRAY ? &n->u.items[i] : &n->u.members[i].value, path, list,
                         count);
        path->len = keep;
    }
}

/* veilig_json_locate_many gives what veilig_json_locate gives for each of the
   pointers (in reverse document order, with misses between them). */
static void check_locate_many(const char *text, size_t len) {
    vg_arena a;
    vg_arena_init(&a, 1024);
    vg_jnode *root = NULL;
    ck_assert_int_eq(vg_json_parse(&root, &a, text, len, NULL, NULL), VEILIG_OK);
    vg_buf path;
    vg_buf_init(&path);
    vg_buf_reserve(&path, 64);
    char **list = NULL;
    size_t n = 0;
    collect_pointers(root, &path, &list, &n);
    size_t total = 2 * n;
    const char **ptrs = calloc(total, sizeof *ptrs);
    char **misses = calloc(n, sizeof *misses);
    veilig_error *errs = calloc(total, sizeof *errs);
    ck_assert(ptrs && misses && errs);
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(list[i]);
        misses[i] = malloc(l + 8);
        ck_assert_ptr_nonnull(misses[i]);
        snprintf(misses[i], l + 8, "%s/%s", list[i], i % 2 ? "999" : "nope");
        ptrs[2 * i] = list[n - 1 - i];
        ptrs[2 * i + 1] = misses[i];
    }
    ck_assert_int_eq(veilig_json_locate_many(errs, text, len, ptrs, total), VEILIG_OK);
    for (size_t i = 0; i < total; i++) {
        veilig_error one;
        memset(&one, 0, sizeof one);
        int rc = veilig_json_locate(&one, text, len, ptrs[i]);
        if (rc == VEILIG_OK) {
            ck_assert_msg(errs[i].line == one.line && errs[i].column == one.column &&
                              errs[i].position == one.position,
                          "\"%s\": %d:%d@%zu, one at a time %d:%d@%zu", ptrs[i], errs[i].line,
                          errs[i].column, errs[i].position, one.line, one.column, one.position);
        } else {
            ck_assert_int_eq(rc, VEILIG_ENOTFOUND);
            ck_assert_msg(errs[i].line == 0 && errs[i].column == 0 && errs[i].position == 0,
                          "\"%s\" names no value but got %d:%d", ptrs[i], errs[i].line,
                          errs[i].column);
        }
    }
    for (size_t i = 0; i < n; i++) {
        free(list[i]);
        free(misses[i]);
    }
    free(list);
    free(misses);
    free(ptrs);
    free(errs);
    vg_buf_free(&path);
    vg_arena_free(&a);
}

START_TEST(test_locate_many) {
    const char *doc =
        "\xEF\xBB\xBF{\"a\": [1, {\"b/c\": [[], {}, \"x\"], \"~\": {\"\\u00e9\": -1e5}}],\n"
        "\"\\ud83d\\ude00\": {\"\": [null, true,\n false]}, \"k\\\"q\": \"v\xC3\xA9\"}";
    check_locate_many(doc, strlen(doc));
    /* keys that sort around '/' and '~' (each value's pointers stand together) */
    const char *keys =
        "{\"a\": 1, \"a!\": 2, \"ab\": {\"x\": 3, \"\": [4]}, \"a/b\": [5], \"a~\": 6, "
        "\"m\": [0,1,2,3,4,5,6,7,8,9,10,11,[12,[13]]], \"a \": {\"a\": {\"a\": 7}}}";
    check_locate_many(keys, strlen(keys));
    size_t len = 0;
    const char *builtin = veilig_builtin_json(&len);
    check_locate_many(builtin, len);
    /* the same pointer twice, an index with a leading zero */
    {
        const char *twice[4] = {"/m/10", "/m/010", "/m/10", "/a~1b/0"};
        veilig_error t[4];
        ck_assert_int_eq(veilig_json_locate_many(t, keys, strlen(keys), twice, 4), VEILIG_OK);
        ck_assert_int_gt(t[0].column, 0);
        ck_assert_int_eq(t[1].column, 0);
        ck_assert_int_eq(t[2].column, t[0].column);
        ck_assert_int_gt(t[3].column, 0);
    }
    /* a key given twice (still JSON): the first value, as veilig_json_locate */
    {
        const char *dup = "{\"a\": {\"b\": 1}, \"a\": {\"b\": 2}}";
        const char *both[2] = {"/a", "/a/b"};
        veilig_error t[2];
        ck_assert_int_eq(veilig_json_locate_many(t, dup, strlen(dup), both, 2), VEILIG_OK);
        ck_assert_uint_eq(t[0].position, 6);
        ck_assert_uint_eq(t[1].position, 12);
        for (size_t i = 0; i < 2; i++) {
            veilig_error one;
            ck_assert_int_eq(veilig_json_locate(&one, dup, strlen(dup), both[i]), VEILIG_OK);
            ck_assert_uint_eq(t[i].position, one.position);
        }
    }
    /* nesting: 256 levels are read, 257 are VEILIG_ELIMIT as a parse says */
    {
        char deep[2 * 257 + 1];
        const char *root[1] = {""}, *inner[1] = {"/0/0"};
        veilig_error t[1];
        for (size_t levels = 256; levels <= 257; levels++) {
            memset(deep, '[', levels);
            memset(deep + levels, ']', levels);
            int want = levels <= 256 ? VEILIG_OK : VEILIG_ELIMIT;
            ck_assert_int_eq(veilig_json_locate_many(t, deep, 2 * levels, root, 1), want);
            ck_assert_int_eq(veilig_json_locate_many(t, deep, 2 * levels, inner, 1), want);
        }
    }
    /* no pointers; not JSON; arguments */
    veilig_error e[2];
    const char *ptrs[2] = {"", "/a"};
    ck_assert_int_eq(veilig_json_locate_many(NULL, "{}", 2, NULL, 0), VEILIG_OK);
    ck_assert_int_eq(veilig_json_locate_many(e, "[1, }", 5, ptrs, 2), VEILIG_EPARSE);
    ck_assert_int_eq(veilig_json_locate_many(NULL, "{}", 2, ptrs, 2), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_json_locate_many(e, NULL, 0, ptrs, 2), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_json_locate_many(e, "{}", 2, NULL, 2), VEILIG_EINVAL);
    ptrs[1] = NULL;
    ck_assert_int_eq(veilig_json_locate_many(e, "{}", 2, ptrs, 2), VEILIG_EINVAL);
    /* a pointer that does not start with '/' names nothing */
    ptrs[1] = "a";
    ck_assert_int_eq(veilig_json_locate_many(e, "{\"a\": 1}", 8, ptrs, 2), VEILIG_OK);
    ck_assert_int_eq(e[0].line, 1);
    ck_assert_int_eq(e[1].line, 0);
}
END_TEST

/* ---- running out of memory ---- */

static long alloc_budget; /* allocations left before they fail; < 0: no limit */

static void *failing_malloc(size_t size) {
    if (alloc_budget == 0)
        return NULL;
    if (alloc_budget > 0)
        alloc_budget--;
    return malloc(size);
}

static void *failing_realloc(void *ptr, size_t size) {
    if (alloc_budget == 0)
        return NULL;
    if (alloc_budget > 0)
        alloc_budget--;
    return realloc(ptr, size);
}

/* vg_json_parse_insitu: the same tree as vg_json_parse, the strings without
   escapes left in the text, and errors at the same place, also when the
   text is located again afterwards */
START_TEST(test_insitu) {
    const char *doc = "{\"name\": \"plain\",\n \"esc\": \"a\\nb\", \"n\": -1.5e3,\n"
                      " \"list\": [\"x\", \"caf\\u00e9\", \"\"], \"k\\u0061y\": \"v\"}";
    size_t len = strlen(doc);
    char *text = strdup(doc);
    ck_assert_ptr_nonnull(text);
    vg_jnode *root = NULL;
    ck_assert_int_eq(vg_json_parse_insitu(&root, &arena, text, len, NULL, &err), VEILIG_OK);
    const vg_jnode *name = &vg_json_get(root, "name")->value;
    ck_assert_str_eq(name->u.str, "plain");
    ck_assert_uint_eq(name->len, 5);
    ck_assert(name->u.str > text && name->u.str < text + len); /* not copied */
    const vg_jnode *esc = &vg_json_get(root, "esc")->value;
    ck_assert_str_eq(esc->u.str, "a\nb");
    ck_assert(esc->u.str < text || esc->u.str >= text + len); /* decoded: a copy */
    ck_assert_str_eq(vg_json_get(root, "n")->value.u.str, "-1.5e3");
    const vg_jnode *list = &vg_json_get(root, "list")->value;
    ck_assert_uint_eq(list->len, 3);
    ck_assert_str_eq(list->u.items[0].u.str, "x");
    ck_assert_str_eq(list->u.items[1].u.str, "caf\xc3\xa9");
    ck_assert_str_eq(list->u.items[2].u.str, "");
    ck_assert_uint_eq(list->u.items[2].pos, (size_t)(strstr(doc, "\"\"]") - doc));
    ck_assert_str_eq(vg_json_get(root, "kay")->value.u.str, "v");
    /* the keys are copies: the text changed only where a value's string ended */
    for (size_t i = 0; i < len; i++)
        ck_assert(text[i] == doc[i] || (doc[i] == '"' && text[i] == '\0'));
    /* every node's position still finds its line and column in the text */
    vg_error_set_position(&err, text, len, list->u.items[2].pos);
    int line = err.line, column = err.column;
    vg_error_set_position(&err, doc, len, list->u.items[2].pos);
    ck_assert_int_eq(err.line, line);
    ck_assert_int_eq(err.column, column);
    ck_assert_int_eq(line, 3);
    free(text);

    /* an error after strings were left in place: where vg_json_parse says */
    const char *bad = "[\"one\", \"two\",\n \"three\", tru]";
    len = strlen(bad);
    text = strdup(bad);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(parse_n(bad, len, NULL, &root), VEILIG_EPARSE);
    veilig_error copied = err;
    vg_error_clear(&err);
    ck_assert_int_eq(vg_json_parse_insitu(&root, &arena, text, len, NULL, &err), VEILIG_EPARSE);
    ck_assert_str_eq(err.message, copied.message);
    ck_assert_int_eq(err.line, copied.line);
    ck_assert_int_eq(err.column, copied.column);
    ck_assert_uint_eq(err.position, copied.position);
    free(text);
}
END_TEST

START_TEST(test_out_of_memory) {
    vg_buf doc;
    vg_buf_init(&doc);
    vg_buf_puts(&doc, "{\"list\": [");
    for (int i = 0; i < 300; i++)
        vg_buf_printf(&doc, "%s{\"id\": %d, \"name\": \"n\\u00e9%d\", \"tags\": [\"a\", \"b\"]}",
                      i ? ", " : "", i, i);
    vg_buf_puts(&doc, "], \"big\": {");
    for (int i = 0; i < 100; i++)
        vg_buf_printf(&doc, "%s\"k%d\": [%d]", i ? ", " : "", i, i);
    vg_buf_puts(&doc, "}}");
    ck_assert(!doc.failed);
    vg_arena_free(&arena);
    ck_assert_int_eq(veilig_set_allocator(failing_malloc, failing_realloc, free), VEILIG_OK);
    int done = 0;
    for (long budget = 0; !done && budget < 100000; budget++) {
        vg_arena a;
        vg_arena_init(&a, 256);
        alloc_budget = budget;
        vg_jnode *n = NULL;
        vg_error_clear(&err);
        int rc = vg_json_parse(&n, &a, doc.data, doc.len, NULL, &err);
        if (rc == VEILIG_OK) {
            done = 1;
            ck_assert_uint_eq(n->len, 2);
            /* copies fail cleanly too */
            for (long b2 = 0;; b2++) {
                vg_arena c;
                vg_arena_init(&c, 256);
                alloc_budget = b2;
                vg_jnode *copy = vg_json_copy(&c, n);
                alloc_budget = -1;
                int ok = copy != NULL;
                if (ok)
                    ck_assert(same_tree(n, copy));
                vg_arena_free(&c);
                if (ok)
                    break;
            }
        } else {
            ck_assert_int_eq(rc, VEILIG_ENOMEM);
            ck_assert_int_eq(err.code, VEILIG_ENOMEM);
            ck_assert_ptr_null(n);
        }
        alloc_budget = -1;
        vg_arena_free(&a);
    }
    ck_assert(done);
    /* the writer's failures stick */
    vg_buf b;
    vg_buf_init(&b);
    vg_jwriter w;
    vg_jw_init(&w, &b, 0);
    alloc_budget = 0;
    vg_jw_begin_array(&w);
    vg_jw_cstring(&w, "x");
    vg_jw_double(&w, 0.5);
    vg_jw_end_array(&w);
    alloc_budget = -1;
    ck_assert(b.failed);
    ck_assert_ptr_null(vg_buf_finish(&b, NULL));
    ck_assert_int_eq(veilig_set_allocator(NULL, NULL, NULL), VEILIG_OK);
    vg_buf_free(&doc);
    vg_arena_init(&arena, 4096);
}
END_TEST

/* ---- the JSONTestSuite corpus ---- */

/* Whether a jansson tree holds a NUL in a string or key. */
static int jansson_has_nul(json_t *j) {
    if (json_is_string(j))
        return memchr(json_string_value(j), '\0', json_string_length(j)) != NULL;
    if (json_is_array(j)) {
        for (size_t i = 0; i < json_array_size(j); i++)
            if (jansson_has_nul(json_array_get(j, i)))
                return 1;
        return 0;
    }
    if (json_is_object(j)) {
        const char *key;
        size_t key_len;
        json_t *v;
        json_object_keylen_foreach(j, key, key_len, v) {
            if (memchr(key, '\0', key_len) || jansson_has_nul(v))
                return 1;
        }
    }
    return 0;
}

/* Structural equality with jansson's reading of the same text. */
static int same_as_jansson(const vg_jnode *n, json_t *j) {
    switch (n->type) {
        case VG_JNULL:
            return json_is_null(j);
        case VG_JTRUE:
            return json_is_true(j);
        case VG_JFALSE:
            return json_is_false(j);
        case VG_JNUMBER:
            return json_is_number(j) &&
                   vg_json_number_to_double(n->u.str, n->len) == json_number_value(j);
        case VG_JSTRING:
            return json_is_string(j) && json_string_length(j) == n->len &&
                   memcmp(json_string_value(j), n->u.str, n->len) == 0;
        case VG_JARRAY:
            if (!json_is_array(j) || json_array_size(j) != n->len)
                return 0;
            for (uint32_t i = 0; i < n->len; i++)
                if (!same_as_jansson(&n->u.items[i], json_array_get(j, i)))
                    return 0;
            return 1;
        case VG_JOBJECT:
            if (!json_is_object(j) || json_object_size(j) != n->len)
                return 0;
            for (uint32_t i = 0; i < n->len; i++) {
                json_t *v = json_object_getn(j, n->u.members[i].key, n->u.members[i].key_len);
                if (!v || !same_as_jansson(&n->u.members[i].value, v))
                    return 0;
            }
            return 1;
        default:
            return 0;
    }
}

/* What jansson says a y_ file must give: VEILIG_ESCHEMA for duplicate keys
   or a NUL, else VEILIG_OK. */
static int expected_for_valid(const char *text, size_t len) {
    json_error_t jerr;
    json_t *j =
        json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!j)
        return strstr(jerr.text, "duplicate") || strstr(jerr.text, "NUL") ? VEILIG_ESCHEMA
                                                                          : VEILIG_OK;
    int nul = jansson_has_nul(j);
    json_decref(j);
    return nul ? VEILIG_ESCHEMA : VEILIG_OK;
}

/* Parses every prefix of a text: never a crash, an error always placed. */
static void check_prefixes(const char *text, size_t len) {
    for (size_t cut = 0; cut < len; cut++) {
        vg_jnode *n = NULL;
        int rc = parse_n(text, cut, NULL, &n);
        if (rc != VEILIG_OK) {
            ck_assert(rc == VEILIG_EPARSE || rc == VEILIG_ELIMIT || rc == VEILIG_ESCHEMA);
            ck_assert_int_ge(err.line, 1);
            ck_assert_uint_le(err.position, cut);
        }
        size_t pos;
        rc = vg_json_locate(&pos, text, cut, "/0");
        ck_assert(rc == VEILIG_OK || rc == VEILIG_ENOTFOUND || rc == VEILIG_EPARSE);
    }
}

START_TEST(test_corpus) {
    DIR *dir = opendir(CORPUS_DIR);
    ck_assert_msg(dir != NULL, "cannot open %s", CORPUS_DIR);
    struct dirent *de;
    int counts[3] = {0, 0, 0}, schema = 0, compared = 0;
    char path[4096];
    while ((de = readdir(dir)) != NULL) {
        const char *name = de->d_name;
        if ((name[0] != 'y' && name[0] != 'n' && name[0] != 'i') || name[1] != '_')
            continue;
        snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, name);
        size_t len;
        char *text = vg_test_read_file(path, &len);
        vg_arena_free(&arena);
        vg_arena_init(&arena, 4096);
        vg_jnode *n = NULL;
        int rc = parse_n(text, len, NULL, &n);
        if (rc != VEILIG_OK) {
            ck_assert_msg(err.line >= 1 && err.column >= 1 && err.message[0], "%s: %s (%d:%d)",
                          name, err.message, err.line, err.column);
            ck_assert_uint_le(err.position, len);
            ck_assert_ptr_null(n);
        }
        if (name[0] == 'n') {
            counts[0]++;
            ck_assert_msg(rc == VEILIG_EPARSE || rc == VEILIG_ELIMIT, "%s: %d", name, rc);
        } else if (name[0] == 'y') {
            counts[1]++;
            int want = expected_for_valid(text, len);
            ck_assert_msg(rc == want, "%s: %d (%s at %d:%d), expected %d", name, rc, err.message,
                          err.line, err.column, want);
            if (rc == VEILIG_ESCHEMA) {
                schema++;
                ck_assert(strstr(err.message, "duplicate key") ||
                          strstr(err.message, "NUL character"));
            }
        } else {
            counts[2]++;
            ck_assert(rc == VEILIG_OK || rc == VEILIG_EPARSE || rc == VEILIG_ELIMIT ||
                      rc == VEILIG_ESCHEMA);
        }
        if (rc == VEILIG_OK) {
            /* the same tree as jansson's (which may fail on huge numbers) */
            json_error_t jerr;
            json_t *j = json_loadb(text, len, JSON_DECODE_ANY, &jerr);
            if (j) {
                ck_assert_msg(same_as_jansson(n, j), "%s differs from jansson", name);
                compared++;
                json_decref(j);
            } else {
                ck_assert_msg(name[0] == 'i' || strstr(name, "number"),
                              "%s: jansson fails (%s) where we do not", name, jerr.text);
            }
            check_round_trip(n);
            check_locate_all(text, len, n);
        }
        if (name[0] == 'y' && len < 4096)
            check_prefixes(text, len);
        {
            /* locating (no tree) refuses what a parse at its limits refuses */
            vg_arena tmp;
            vg_arena_init(&tmp, 4096);
            vg_jnode *root = NULL;
            vg_jlimits lim = {VG_JW_MAX_DEPTH, (size_t)-1};
            int want = vg_json_parse(&root, &tmp, text, len, &lim, NULL);
            vg_arena_free(&tmp);
            const char *ptrs[2] = {"", "/0"};
            veilig_error where[2];
            int got = veilig_json_locate_many(where, text, len, ptrs, 2);
            ck_assert_msg(got == (want == VEILIG_ESCHEMA ? VEILIG_OK : want),
                          "%s: locate_many %d, parse %d", name, got, want);
        }
        free(text);
    }
    closedir(dir);
    ck_assert_int_gt(counts[0], 150);
    ck_assert_int_gt(counts[1], 90);
    ck_assert_int_gt(counts[2], 30);
    ck_assert_int_eq(schema, 4); /* two duplicate-key files and two with \u0000 */
    ck_assert_int_gt(compared, 90);
}
END_TEST

/* Known files give the documented codes. */
START_TEST(test_corpus_known) {
    static const struct {
        const char *name;
        int code;
    } known[] = {
        {"y_object_duplicated_key.json", VEILIG_ESCHEMA},
        {"y_object_duplicated_key_and_value.json", VEILIG_ESCHEMA},
        {"y_string_null_escape.json", VEILIG_ESCHEMA},
        {"y_object_escaped_null_in_key.json", VEILIG_ESCHEMA},
        {"y_string_backslash_and_u_escaped_zero.json", VEILIG_OK},
        {"n_structure_100000_opening_arrays.json", VEILIG_ELIMIT},
        {"n_structure_open_array_object.json", VEILIG_ELIMIT},
        {"i_structure_500_nested_arrays.json", VEILIG_ELIMIT},
        {"i_structure_UTF-8_BOM_empty_object.json", VEILIG_OK},
        {"i_string_UTF-16LE_with_BOM.json", VEILIG_EPARSE},
        {"i_number_huge_exp.json", VEILIG_OK},
        {"i_string_lone_second_surrogate.json", VEILIG_EPARSE},
        {"n_structure_UTF8_BOM_no_data.json", VEILIG_EPARSE},
        {"n_structure_null-byte-outside-string.json", VEILIG_EPARSE},
    };
    char path[4096];
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, known[i].name);
        size_t len;
        char *text = vg_test_read_file(path, &len);
        vg_jnode *n = NULL;
        int rc = parse_n(text, len, NULL, &n);
        ck_assert_msg(rc == known[i].code, "%s: %d (%s)", known[i].name, rc, err.message);
        free(text);
    }
}
END_TEST

static Suite *json_suite(void) {
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("values");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_scalars);
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_containers);
    tcase_add_test(tc, test_big_containers);
    tcase_add_test(tc, test_string_escapes);
    tcase_add_test(tc, test_repeated_keys);
    tcase_add_test(tc, test_bom);
    tcase_add_test(tc, test_insitu);
    tcase_add_test(tc, test_tree_helpers);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_syntax_errors);
    tcase_add_test(tc, test_literal_errors);
    tcase_add_test(tc, test_number_errors);
    tcase_add_test(tc, test_string_errors);
    tcase_add_test(tc, test_error_record);
    suite_add_tcase(s, tc);

    tc = tcase_create("schema");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_duplicate_keys);
    tcase_add_test(tc, test_duplicate_keys_big);
    tcase_add_test(tc, test_nul_escapes);
    tcase_add_test(tc, test_schema_then_syntax);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_depth_limit);
    tcase_add_test(tc, test_depth_hostile);
    tcase_add_test(tc, test_string_limit);
    suite_add_tcase(s, tc);

    tc = tcase_create("writer");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_writer_layout);
    tcase_add_test(tc, test_writer_escapes);
    tcase_add_test(tc, test_writer_doubles);
    tcase_add_test(tc, test_writer_doubles_fast_path);
    tcase_add_test(tc, test_writer_locale);
    tcase_add_test(tc, test_writer_depth);
    tcase_add_test(tc, test_writer_round_trip);
    suite_add_tcase(s, tc);

    tc = tcase_create("memory");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_out_of_memory);
    suite_add_tcase(s, tc);

    tc = tcase_create("locate");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_locate);
    tcase_add_test(tc, test_locate_broken);
    tcase_add_test(tc, test_locate_public);
    tcase_add_test(tc, test_locate_every_value);
    tcase_add_test(tc, test_locate_many);
    suite_add_tcase(s, tc);

    tc = tcase_create("corpus");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_corpus);
    tcase_add_test(tc, test_corpus_known);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(json_suite());
}
