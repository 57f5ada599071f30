/*
 * Unit tests of the standalone HTML reports (veilig_report_html,
 * include/veilig/report.h): the programme report and every municipality's
 * report of the bundled dataset and of the analysis fixture, in Dutch and
 * English, are self-contained (no script, no external resource, addresses
 * only in the sources), deterministic, in the right language, with the
 * charts they promise; personal data only on request; unknown codes, empty
 * and large registries, hostile text and failing allocations handled.
 *
 * The well-formedness of the markup (an XML parser and html.parser) and the
 * rendering in a browser are checked by tests/html (html_wellformed,
 * html_render).
 *
 * Inline documents use single quotes for readability; load() turns every '
 * into " before loading.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"
#include "report/html.h"
#include "analysis_fixture.h"
#include "testutil.h"

#define OK(x)       ck_assert_int_eq((x), VEILIG_OK)
#define RC(x, code) ck_assert_int_eq((x), (code))

#define PERSONAL_EMAIL "p.tebrake@enschede.nl"
#define PERSONAL_PHONE "06 1329 4445"

/* What a test allocates; freed by the teardown, also after a failed assertion. */
static veilig_registry *reg, *reg2;
static char *html, *html2;
static char *scratch;

static void teardown(void) {
    veilig_free(html);
    veilig_free(html2);
    html = html2 = NULL;
    free(scratch);
    scratch = NULL;
    veilig_registry_free(reg);
    veilig_registry_free(reg2);
    reg = reg2 = NULL;
}

/* Loads an inline document (single quotes for double quotes). */
static veilig_registry *load(const char *doc) {
    veilig_registry *r = NULL;
    veilig_error err;
    size_t n = strlen(doc);
    char *json = malloc(n + 1);
    ck_assert_ptr_nonnull(json);
    for (size_t i = 0; i <= n; i++)
        json[i] = doc[i] == '\'' ? '"' : doc[i];
    int rc = veilig_registry_load_string(&r, json, n, NULL, &err);
    free(json);
    ck_assert_msg(rc == VEILIG_OK, "load: %d:%d %s", err.line, err.column, err.message);
    return r;
}

static veilig_registry *builtin(void) {
    veilig_registry *r = NULL;
    veilig_error err;
    ck_assert_msg(veilig_registry_load_builtin(&r, &err) == VEILIG_OK, "builtin: %s", err.message);
    return r;
}

/* ---- text helpers ---- */

static size_t count(const char *hay, const char *needle) {
    size_t n = 0, len = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
        n++;
    return n;
}

/* Case-insensitive strstr (ASCII). */
static const char *find_ci(const char *hay, const char *needle) {
    size_t len = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < len && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == len)
            return hay;
    }
    return NULL;
}

/* The part of s inside <section id="sources"> ... </section> (new, malloc),
   and s without it in *rest (new, malloc). */
static char *split_sources(const char *s, char **rest) {
    const char *a = strstr(s, "<section id=\"sources\">");
    const char *b = a ? strstr(a, "</section>") : NULL;
    size_t n = strlen(s);
    if (!a || !b) {
        *rest = strdup(s);
        return strdup("");
    }
    b += strlen("</section>");
    char *in = strndup(a, (size_t)(b - a));
    char *out = malloc(n + 1);
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(out);
    memcpy(out, s, (size_t)(a - s));
    strcpy(out + (a - s), b);
    *rest = out;
    return in;
}

/* The number of charts a report promises: programme 3 (coverage heat map,
   measures per approach, per category); municipality 3 (per approach, per
   category, week grid) and one more (progress) when it has indicators. */
static size_t charts(const veilig_municipality *m) {
    if (!m)
        return 3;
    return 3 + (veilig_municipality_indicator_count(m) > 0);
}

/* Renders a report twice and checks everything that holds for every report.
   Leaves it in html. */
static void check_report(const veilig_registry *r, const veilig_municipality *m, const char *lang,
                         unsigned flags) {
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    size_t len = 0, len2 = 0;
    char want_lang[32];
    const char *what = m ? veilig_municipality_code(m) : "programme";
    o.lang = lang;
    o.flags = flags;
    veilig_free(html);
    veilig_free(html2);
    html = html2 = NULL;
    OK(veilig_report_html(&html, &len, r, m, &o));
    ck_assert_ptr_nonnull(html);
    ck_assert_uint_eq(len, strlen(html));
    /* deterministic: the same bytes again */
    OK(veilig_report_html(&html2, &len2, r, m, &o));
    ck_assert_uint_eq(len, len2);
    ck_assert_msg(memcmp(html, html2, len) == 0, "%s %s: two calls differ", what, lang);

    ck_assert_msg(strncmp(html, "<!DOCTYPE html>\n", 16) == 0, "%s: no doctype", what);
    snprintf(want_lang, sizeof want_lang, "<html lang=\"%s\">", lang ? lang : "nl");
    ck_assert_msg(strstr(html, want_lang) != NULL, "%s: no %s", what, want_lang);
    ck_assert_uint_eq(count(html, "<html"), 1);
    ck_assert_ptr_nonnull(strstr(html, "<meta charset=\"utf-8\" />"));
    /* the page's title comes first, in the head */
    ck_assert_ptr_nonnull(strstr(html, "<title>"));
    ck_assert_ptr_nonnull(strstr(html, "</head>"));
    ck_assert(strstr(html, "<title>") < strstr(html, "</head>"));
    ck_assert_uint_eq(count(html, "<style>"), 1);
    ck_assert_msg(len >= 8 && strcmp(html + len - 8, "</html>\n") == 0, "%s: bad ending", what);

    /* the charts, each one <svg> with a viewBox, each closed */
    ck_assert_msg(count(html, "<svg") == charts(m), "%s %s: %zu charts, want %zu", what,
                  lang ? lang : "nl", count(html, "<svg"), charts(m));
    ck_assert_uint_eq(count(html, "</svg>"), charts(m));
    ck_assert_uint_eq(count(html, " viewBox=\""), charts(m));
    ck_assert_uint_eq(count(html, "<section"), count(html, "</section>"));
    ck_assert_uint_eq(count(html, "<table"), count(html, "</table>"));
    ck_assert_uint_eq(count(html, "<figure"), count(html, "</figure>"));

    /* self-contained: no script, no resource; addresses only in the sources */
    ck_assert_ptr_null(find_ci(html, "<script"));
    ck_assert_ptr_null(find_ci(html, "src="));
    ck_assert_ptr_null(find_ci(html, "<link"));
    ck_assert_ptr_null(find_ci(html, "<img"));
    ck_assert_ptr_null(find_ci(html, "url("));
    ck_assert_ptr_null(find_ci(html, "@import"));
    ck_assert_ptr_null(find_ci(html, "href=\"javascript"));
    char *rest = NULL;
    char *sources = split_sources(html, &rest);
    ck_assert_msg(find_ci(rest, "http") == NULL, "%s: an address outside the sources: %.60s", what,
                  find_ci(rest, "http"));
    for (const char *p = strstr(rest, "href=\""); p; p = strstr(p + 1, "href=\""))
        ck_assert_msg(p[6] == '#', "%s: a link outside the sources: %.60s", what, p);
    for (const char *p = strstr(sources, "href=\""); p; p = strstr(p + 1, "href=\"")) {
        ck_assert_msg(p - sources >= 3 && strncmp(p - 3, "<a ", 3) == 0, "%s: href not on <a>",
                      what);
        ck_assert_msg(strncmp(p + 6, "http://", 7) == 0 || strncmp(p + 6, "https://", 8) == 0,
                      "%s: a source link that is not http(s): %.60s", what, p);
    }
    free(sources);
    free(rest);

    /* no personal data unless asked */
    if (!(flags & VEILIG_REPORT_INCLUDE_PERSONAL)) {
        ck_assert_ptr_null(strstr(html, PERSONAL_EMAIL));
        ck_assert_ptr_null(strstr(html, PERSONAL_PHONE));
    }
    /* the report's language */
    if (lang && strcmp(lang, "en") == 0) {
        ck_assert_ptr_null(strstr(html, "<h2>Bronnen</h2>"));
        ck_assert_ptr_nonnull(strstr(html, "<h2>Sources</h2>"));
    } else {
        ck_assert_ptr_null(strstr(html, "<h2>Sources</h2>"));
        ck_assert_ptr_nonnull(strstr(html, "<h2>Bronnen</h2>"));
    }
}

/* Every report of a registry, in both languages. */
static void check_all(const veilig_registry *r) {
    static const char *const langs[] = {NULL, "nl", "en"};
    for (size_t l = 0; l < 3; l++) {
        check_report(r, NULL, langs[l], 0);
        for (size_t i = 0; i < veilig_registry_count(r); i++)
            check_report(r, veilig_registry_get(r, i), langs[l], 0);
    }
}

/* ---- the bundled dataset and the fixture ---- */

START_TEST(test_builtin_reports) {
    reg = builtin();
    ck_assert_uint_ge(veilig_registry_count(reg), 19);
    check_all(reg);
}
END_TEST

START_TEST(test_fixture_reports) {
    reg = vg_fixture();
    check_all(reg);
}
END_TEST

START_TEST(test_programme_content) {
    reg = builtin();
    check_report(reg, NULL, "nl", 0);
    ck_assert_ptr_nonnull(
        strstr(html, "<title>Veilige Steden \xE2\x80\x94 programmarapport</title>"));
    ck_assert_ptr_nonnull(strstr(html, "<h1>Veilige Steden</h1>"));
    ck_assert_ptr_nonnull(strstr(html, "Uitgevoerd door Movisie"));
    ck_assert_ptr_nonnull(strstr(html, "<h2>Kerncijfers</h2>"));
    /* the heat map names every municipality and category */
    ck_assert_ptr_nonnull(strstr(html, "class=\"chart heatmap\""));
    for (size_t i = 0; i < veilig_registry_count(reg); i++)
        ck_assert_ptr_nonnull(strstr(html, veilig_municipality_name(veilig_registry_get(reg, i))));
    ck_assert_ptr_nonnull(strstr(html, ">de-escalatie</text>"));
    ck_assert_ptr_nonnull(strstr(html, ">onderzoek en monitoring</text>"));
    ck_assert_uint_eq(count(html, "class=\"chart bars\""), 2);
    /* membership in words, provinces by name */
    ck_assert_ptr_nonnull(strstr(html, "Aangesloten sinds januari 2022"));
    ck_assert_ptr_nonnull(strstr(html, "Overijssel"));
    /* sources once per address, with the number of municipalities citing it */
    ck_assert_uint_eq(count(html, "href=\"https://www.programmaveiligesteden.nl/gemeenten/"
                                  "gemeente-enschede/\""),
                      1);
    ck_assert_ptr_nonnull(strstr(html, "(bron voor 19 gemeenten)"));
    /* the programme's public contact */
    ck_assert_ptr_nonnull(strstr(html, "veiligesteden@movisie.nl"));
    ck_assert_ptr_nonnull(strstr(html, "030 - 78 92 083"));
    /* no date of creation, the library's version */
    ck_assert_ptr_nonnull(strstr(html, veilig_version()));

    check_report(reg, NULL, "en", 0);
    ck_assert_ptr_nonnull(
        strstr(html, "<title>Veilige Steden \xE2\x80\x94 programme report</title>"));
    ck_assert_ptr_nonnull(strstr(html, "<h2>Key figures</h2>"));
    ck_assert_ptr_nonnull(strstr(html, "Joined in January 2022"));
    ck_assert_ptr_nonnull(strstr(html, ">de-escalation</text>"));
    ck_assert_ptr_null(strstr(html, "<h2>Kerncijfers</h2>"));
}
END_TEST

START_TEST(test_municipality_content) {
    reg = builtin();
    const veilig_municipality *m = veilig_registry_find(reg, "Enschede");
    ck_assert_ptr_nonnull(m);
    check_report(reg, m, NULL, 0);
    ck_assert_ptr_nonnull(strstr(html, "<h1>Enschede</h1>"));
    ck_assert_ptr_nonnull(strstr(html, "GM0153"));
    ck_assert_ptr_nonnull(strstr(html, "Overijssel"));
    ck_assert_ptr_nonnull(strstr(html, "Aangesloten sinds 2021"));
    ck_assert_ptr_nonnull(strstr(html, "hecht veel waarde aan een veilige woon- en leefomgeving"));
    /* focus and what it excludes, with the reason */
    ck_assert_ptr_nonnull(strstr(html, "handhaving en repressie"));
    ck_assert_ptr_nonnull(strstr(html, "strafrechtelijk nog niet mogelijk"));
    ck_assert_ptr_nonnull(strstr(html, "Integrale Veiligheidsbeleid gemeente Enschede"));
    /* the nightlife window in words: the PUB-ploeg covers Fri and Sat 18:00-06:00 */
    ck_assert_ptr_nonnull(strstr(html, "100% van het uitgaansvenster vr/za 22:00-04:00 is gedekt"));
    ck_assert_ptr_nonnull(strstr(html, "class=\"chart week\""));
    /* no indicators: a sentence instead of the chart */
    ck_assert_ptr_nonnull(strstr(html, "geen indicatoren vastgelegd"));
    ck_assert_ptr_null(strstr(html, "class=\"chart progress\""));
    /* measures, stakeholders, gaps, peers */
    ck_assert_ptr_nonnull(strstr(html, "Preventie Unit Binnenstad (PUB-ploeg)"));
    ck_assert_ptr_nonnull(strstr(html, "Kennisinstellingen"));
    ck_assert_ptr_nonnull(strstr(html, "samenwerkingspartner"));
    ck_assert_ptr_nonnull(strstr(html, "Categorie\xC3\xABn zonder maatregel (6)"));
    ck_assert_ptr_nonnull(strstr(html, "Maatregelen zonder indicator (9)"));
    /* no peers (no other municipality has measures), 11 stakeholders (measures) */
    ck_assert_uint_eq(count(html, "<td class=\"num\">"), 11);
    ck_assert_ptr_nonnull(strstr(html, "geen andere gemeenten met maatregelen"));
    /* the public contact, not the personal one */
    ck_assert_ptr_nonnull(strstr(html, "Team Veiligheid"));
    ck_assert_ptr_null(strstr(html, "Patrick te Brake"));
    ck_assert_ptr_nonnull(strstr(html, "weggelaten"));

    check_report(reg, m, "en", 0);
    ck_assert_ptr_nonnull(
        strstr(html, "100% of the nightlife window Fri/Sat 22:00-04:00 is covered"));
    ck_assert_ptr_nonnull(strstr(html, "<h2>Similar municipalities and suggestions</h2>"));
    ck_assert_ptr_nonnull(strstr(html, "Categories without a measure (6)"));
    ck_assert_ptr_nonnull(strstr(html, "has recorded no indicators"));
    ck_assert_ptr_nonnull(strstr(html, "enforcement and repression"));
    ck_assert_ptr_null(strstr(html, "Aandachtspunten"));
}
END_TEST

/* The bundled dataset with the analysis fixture's municipalities added: Aastad
   and Beedorp have measures, Ceestad none. */
static veilig_registry *builtin_with_fixture(void) {
    veilig_registry *r = builtin(), *fx = NULL;
    OK(veilig_registry_load_file(&fx, vg_test_data("analysis/fixture.json"), NULL, NULL));
    for (size_t i = 0; i < veilig_registry_count(fx); i++) {
        char *json = NULL;
        size_t len = 0;
        OK(veilig_municipality_to_json(&json, &len, veilig_registry_get(fx, i), NULL, NULL));
        OK(veilig_registry_add_json(NULL, r, json, len, 0, NULL));
        veilig_free(json);
    }
    veilig_registry_free(fx);
    return r;
}

START_TEST(test_peers_option) {
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    reg = builtin_with_fixture();
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    OK(veilig_report_html(&html, NULL, reg, m, &o));
    /* the two others with measures (rank and similarity), 11 stakeholders */
    ck_assert_uint_eq(count(html, "<td class=\"num\">"), 2 * 2 + 11);
    ck_assert_ptr_nonnull(strstr(html, "Beedorp"));
    veilig_free(html);
    o.peers = 1;
    OK(veilig_report_html(&html, NULL, reg, m, &o));
    /* rank 1 only */
    ck_assert_uint_eq(count(html, "<td class=\"num\">"), 1 * 2 + 11);
    veilig_free(html);
    /* Ceestad has no measures: no basis, said so */
    OK(veilig_report_html(&html, NULL, reg, veilig_registry_find(reg, "GM0003"), &o));
    ck_assert_ptr_nonnull(strstr(html, "er is geen basis"));
}
END_TEST

START_TEST(test_personal_on_request) {
    reg = builtin();
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    check_report(reg, m, "nl", VEILIG_REPORT_INCLUDE_PERSONAL);
    ck_assert_ptr_nonnull(strstr(html, PERSONAL_EMAIL));
    ck_assert_ptr_nonnull(strstr(html, PERSONAL_PHONE));
    ck_assert_ptr_nonnull(strstr(html, "Patrick te Brake"));
    ck_assert_ptr_nonnull(strstr(html, "op verzoek opgenomen"));
    check_report(reg, m, "en", VEILIG_REPORT_INCLUDE_PERSONAL);
    ck_assert_ptr_nonnull(strstr(html, PERSONAL_EMAIL));
    ck_assert_ptr_nonnull(strstr(html, PERSONAL_PHONE));
    /* nobody else's report has them */
    check_report(reg, NULL, "nl", VEILIG_REPORT_INCLUDE_PERSONAL);
    ck_assert_ptr_null(strstr(html, PERSONAL_EMAIL));
    check_report(reg, veilig_registry_find(reg, "Almelo"), "nl", VEILIG_REPORT_INCLUDE_PERSONAL);
    ck_assert_ptr_null(strstr(html, PERSONAL_PHONE));
}
END_TEST

START_TEST(test_personal_programme_contact) {
    reg = load("{'format':'veilig','version':1,'programme':{'name':'P','contact':{'name':"
               "'Jan Jansen','email':'jan@example.org','personal':true}},'municipalities':[]}");
    check_report(reg, NULL, "nl", 0);
    ck_assert_ptr_null(strstr(html, "jan@example.org"));
    ck_assert_ptr_null(strstr(html, "Jan Jansen"));
    check_report(reg, NULL, "nl", VEILIG_REPORT_INCLUDE_PERSONAL);
    ck_assert_ptr_nonnull(strstr(html, "jan@example.org"));
}
END_TEST

/* ---- unknown codes, empty and large registries, hostile text ---- */

#define UNKNOWN_DOC                                                                                \
    "{'format':'veilig','version':1,'municipalities':[{'code':'GM0001','name':'Aastad',"           \
    "'stakeholders':[{'id':'x','name':'Buurtvaders','kind':'neighbourhood_fathers',"               \
    "'roles':['night_watch']}],"                                                                   \
    "'measures':[{'id':'m1','name':'Graffiti weg','category':'graffiti_removal'},"                 \
    "{'id':'m2','name':'Straatcoaches','category':'deescalation','approach':'mediation',"          \
    "'target_groups':['skaters'],'schedule':[{'days':['fri','funday'],'from':'22:00',"             \
    "'to':'02:00'}]}]},{'code':'GM0002','name':'Beedorp'}]}"

START_TEST(test_unknown_codes) {
    reg = load(UNKNOWN_DOC);
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    static const char *const langs[] = {"nl", "en"};
    for (int l = 0; l < 2; l++) {
        check_report(reg, m, langs[l], 0);
        /* in the measures table and in the category chart's other bar */
        ck_assert_uint_ge(count(html, "graffiti_removal"), 2);
        ck_assert_ptr_nonnull(strstr(html, "mediation"));
        ck_assert_ptr_nonnull(strstr(html, "skaters"));
        ck_assert_ptr_nonnull(strstr(html, "neighbourhood_fathers"));
        ck_assert_ptr_nonnull(strstr(html, "night_watch"));
        ck_assert_ptr_nonnull(strstr(html, "funday"));
        check_report(reg, NULL, langs[l], 0);
        /* the heat map's other column and the category chart */
        ck_assert_uint_ge(count(html, "graffiti_removal"), 2);
    }
}
END_TEST

START_TEST(test_empty_registry) {
    OK(veilig_registry_new(&reg));
    check_report(reg, NULL, "nl", 0);
    ck_assert_ptr_nonnull(strstr(html, "Het register bevat geen gemeenten."));
    ck_assert_ptr_nonnull(strstr(html, "Er zijn geen bronnen vastgelegd."));
    check_report(reg, NULL, "en", 0);
    ck_assert_ptr_nonnull(strstr(html, "The registry holds no municipalities."));
}
END_TEST

START_TEST(test_bare_municipality) {
    veilig_municipality *m = NULL;
    OK(veilig_registry_new(&reg));
    OK(veilig_registry_add(&m, reg, "GM0001", "Leegstad"));
    check_report(reg, NULL, "nl", 0);
    check_report(reg, m, "nl", 0);
    ck_assert_ptr_nonnull(strstr(html, "nog geen maatregelen vastgelegd"));
    ck_assert_ptr_nonnull(strstr(html, "er is geen basis"));
    ck_assert_ptr_nonnull(strstr(html, "0% van het uitgaansvenster"));
    ck_assert_ptr_nonnull(strstr(html, "Geen gegevens"));
    check_report(reg, m, "en", 0);
    ck_assert_ptr_nonnull(strstr(html, "No measures are recorded"));
}
END_TEST

#define INDICATOR_DOC                                                                              \
    "{'format':'veilig','version':1,'municipalities':[{'code':'GM0001','name':'Meetstad',"         \
    "'measures':[{'id':'m1','name':'Training','category':'bystander','indicators':['tr']}],"       \
    "'indicators':["                                                                               \
    "{'id':'tr','name':'Getrainde omstanders','unit':'count','direction':'increase',"              \
    "'baseline':{'date':'2020','value':0},'target':{'date':'2024','value':400},"                   \
    "'observations':[{'date':'2021','value':100},{'date':'2022','value':240}]},"                   \
    "{'id':'on','name':'Voelt zich onveilig','unit':'percent','direction':'decrease',"             \
    "'baseline':{'date':'2019','value':40},'target':{'date':'2025','value':30},"                   \
    "'observations':[{'date':'2021','value':39},{'date':'2023','value':38.5}]},"                   \
    "{'id':'bu','name':'Budget besteed','unit':'euro','target':{'date':'2022','value':1000},"      \
    "'baseline':{'date':'2020','value':0},'observations':[{'date':'2022-06','value':1250.5}]},"    \
    "{'id':'kw','name':'Kwaliteit','level':'outcome'}]}]}"

START_TEST(test_indicators) {
    reg = load(INDICATOR_DOC);
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    check_report(reg, m, "nl", 0);
    ck_assert_ptr_nonnull(strstr(html, "class=\"chart progress\""));
    /* 240 of 400: 60 %, on track (the line through 0, 100, 240 reaches 473 in 2024) */
    ck_assert_ptr_nonnull(strstr(html, "60% \xC2\xB7 op koers"));
    /* 40 -> 38.5 of the way to 30: 15 %, off track */
    ck_assert_ptr_nonnull(strstr(html, "15% \xC2\xB7 niet op koers"));
    ck_assert_ptr_nonnull(strstr(html, "38,5%"));
    /* euro, Dutch notation */
    ck_assert_ptr_nonnull(strstr(html, "\xE2\x82\xAC\xC2\xA0"
                                       "1.250,50"));
    ck_assert_ptr_nonnull(strstr(html, "doel bereikt"));
    ck_assert_ptr_nonnull(strstr(html, "geen voortgang \xC2\xB7 onbekend"));
    ck_assert_ptr_nonnull(strstr(html, "juni 2022"));
    check_report(reg, m, "en", 0);
    ck_assert_ptr_nonnull(strstr(html, "60% \xC2\xB7 on track"));
    ck_assert_ptr_nonnull(strstr(html, "38.5%"));
    ck_assert_ptr_nonnull(strstr(html, "\xE2\x82\xAC"
                                       "1,250.50"));
    ck_assert_ptr_nonnull(strstr(html, "target reached"));
    ck_assert_ptr_nonnull(strstr(html, "June 2022"));
}
END_TEST

START_TEST(test_escaping) {
    reg =
        load("{'format':'veilig','version':1,'programme':{'name':'<b>P&amp;</b>',"
             "'sources':[{'title':'Evil','url':'javascript:alert(1)'},"
             "{'title':'Quote \\u0022 and \\u0027','url':'https://example.org/?a=1&b=\\u0022x'}]},"
             "'municipalities':[{'code':'GM0001','name':'<script>alert(1)</script>',"
             "'summary':'a\\u0001b\\u001fc & d','ambition':'x < y > z',"
             "'measures':[{'id':'m1','name':'<svg onload=x>','category':'campaign'}]}]}");
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    check_report(reg, NULL, "nl", 0);
    ck_assert_ptr_nonnull(strstr(html, "&lt;b&gt;P&amp;amp;&lt;/b&gt;"));
    ck_assert_ptr_nonnull(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    /* control characters XML does not allow are left out */
    ck_assert_ptr_nonnull(strstr(html, "abc &amp; d"));
    ck_assert_ptr_null(strchr(html, '\x01'));
    /* a javascript: address is shown, never linked; quotes in addresses escaped */
    ck_assert_ptr_null(strstr(html, "href=\"javascript"));
    ck_assert_ptr_nonnull(strstr(html, "href=\"https://example.org/?a=1&amp;b=&quot;x\""));
    ck_assert_ptr_nonnull(strstr(html, "Quote &quot; and &#39;"));
    check_report(reg, m, "en", 0);
    ck_assert_ptr_nonnull(strstr(html, "x &lt; y &gt; z"));
    ck_assert_ptr_nonnull(strstr(html, "&lt;svg onload=x&gt;"));
}
END_TEST

/* A long name, cut in the charts (with the whole name as a tooltip). */
#define LONG_NAME                                                                                  \
    "Gemeente Sint-Michielsgestel-Boxtel-Haaren-Vught-Oisterwijk-Tilburg-Goirle-Hilvarenbeek"

START_TEST(test_large_registry) {
    char code[16], name[160];
    OK(veilig_registry_new(&reg));
    for (int i = 1; i <= 342; i++) {
        veilig_municipality *m = NULL;
        snprintf(code, sizeof code, "GM%04d", i);
        if (i % 50 == 0)
            snprintf(name, sizeof name, "%s %d", LONG_NAME, i);
        else
            snprintf(name, sizeof name, "Gemeente %d", i);
        OK(veilig_registry_add(&m, reg, code, name));
        for (int k = 0; k < i % 7; k++) {
            char id[16];
            snprintf(id, sizeof id, "m%d", k);
            OK(veilig_municipality_add_measure(NULL, m, id, "Maatregel",
                                               (veilig_category)(1 + (i + k) % 13)));
        }
    }
    check_report(reg, NULL, "nl", 0);
    ck_assert_uint_ge(count(html, "Gemeente 341"), 2); /* heat map and table */
    /* the long names are cut in the heat map, whole in the table and the tooltip */
    ck_assert_ptr_nonnull(strstr(html, "\xE2\x80\xA6</text>"));
    ck_assert_uint_eq(count(html, LONG_NAME " 50<"), 2);
    /* the SVG grows with the rows: 342 rows of 24 pixels */
    const char *vb = strstr(html, "class=\"chart heatmap\"");
    ck_assert_ptr_nonnull(vb);
    vb = strstr(vb, "viewBox=\"0 0 ");
    ck_assert_ptr_nonnull(vb);
    int w = 0, h = 0;
    ck_assert_int_eq(sscanf(vb, "viewBox=\"0 0 %d %d\"", &w, &h), 2);
    ck_assert_int_gt(h, 342 * 24);
    ck_assert_int_lt(w, 1200);
    check_report(reg, veilig_registry_get(reg, 49), "en", 0);
    ck_assert_ptr_nonnull(strstr(html, LONG_NAME " 50"));
}
END_TEST

/* ---- errors ---- */

START_TEST(test_errors) {
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    size_t len = 7;
    reg = builtin();
    reg2 = vg_fixture();
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    const veilig_municipality *other = veilig_registry_get(reg2, 0);

    RC(veilig_report_html(NULL, &len, reg, NULL, NULL), VEILIG_EINVAL);
    html = (char *)&len;
    RC(veilig_report_html(&html, &len, NULL, NULL, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(html);
    ck_assert_uint_eq(len, 0);
    /* m must be a municipality of reg */
    html = (char *)&len;
    RC(veilig_report_html(&html, NULL, reg, other, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(html);
    RC(veilig_report_html(&html, NULL, reg2, m, NULL), VEILIG_EINVAL);
    /* languages other than nl and en */
    o.lang = "de";
    RC(veilig_report_html(&html, NULL, reg, NULL, &o), VEILIG_EINVAL);
    o.lang = "";
    RC(veilig_report_html(&html, NULL, reg, m, &o), VEILIG_EINVAL);
    o.lang = "NL";
    RC(veilig_report_html(&html, NULL, reg, m, &o), VEILIG_EINVAL);
    ck_assert_ptr_null(html);
    /* the options' version */
    o.lang = NULL;
    o.version = VEILIG_REPORT_OPTIONS_VERSION + 1;
    RC(veilig_report_html(&html, NULL, reg, NULL, &o), VEILIG_EVERSION);
    o.version = 0;
    RC(veilig_report_html(&html, NULL, reg, m, &o), VEILIG_EVERSION);
    ck_assert_ptr_null(html);
    /* the format is ignored: always HTML */
    o.version = VEILIG_REPORT_OPTIONS_VERSION;
    o.format = VEILIG_FORMAT_CSV;
    OK(veilig_report_html(&html, &len, reg, m, &o));
    ck_assert_int_eq(strncmp(html, "<!DOCTYPE html>", 15), 0);
    veilig_free(html);
    html = NULL;
    o.format = (veilig_format)99;
    OK(veilig_report_html(&html, NULL, reg, NULL, &o));
    /* NULL options: Dutch defaults, the same as nl */
    OK(veilig_report_html(&html2, NULL, reg, NULL, NULL));
    ck_assert_str_eq(html, html2);
}
END_TEST

/* ---- allocation failures ---- */

static long alloc_calls, alloc_fail_at, alloc_live;
static int alloc_failed;

typedef union alloc_header {
    size_t size;
    long double align_ld;
    void *align_p;
} alloc_header;

static void *t_malloc(size_t size) {
    alloc_calls++;
    if (alloc_fail_at && alloc_calls == alloc_fail_at) {
        alloc_failed = 1;
        return NULL;
    }
    alloc_header *h = malloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    alloc_live++;
    return h + 1;
}

static void t_free(void *p) {
    if (!p)
        return;
    alloc_live--;
    free((alloc_header *)p - 1);
}

static void *t_realloc(void *p, size_t size) {
    if (!p)
        return t_malloc(size);
    alloc_calls++;
    if (alloc_fail_at && alloc_calls == alloc_fail_at) {
        alloc_failed = 1;
        return NULL;
    }
    alloc_header *h = realloc((alloc_header *)p - 1, sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    return h + 1;
}

/* Fails every allocation of a report in turn: each run gives VEILIG_ENOMEM
   with *out NULL, or the whole report; nothing leaks. */
static void fail_each(const veilig_registry *r, const veilig_municipality *m) {
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    char *want = NULL;
    o.lang = "en";
    alloc_fail_at = 0;
    OK(veilig_report_html(&want, NULL, r, m, &o));
    long n;
    for (n = 1;; n++) {
        long live = alloc_live;
        char *got = (char *)&live;
        alloc_calls = 0;
        alloc_failed = 0;
        alloc_fail_at = n;
        int rc = veilig_report_html(&got, NULL, r, m, &o);
        alloc_fail_at = 0;
        if (rc == VEILIG_OK) {
            ck_assert_str_eq(got, want);
            veilig_free(got);
            if (!alloc_failed)
                break;
        } else {
            ck_assert_int_eq(rc, VEILIG_ENOMEM);
            ck_assert_ptr_null(got);
        }
        ck_assert_int_eq(alloc_live, live);
    }
    ck_assert_int_gt(n, 10); /* a report allocates, and every allocation was failed once */
    veilig_free(want);
}

START_TEST(test_allocation_failures) {
    OK(veilig_set_allocator(t_malloc, t_realloc, t_free));
    reg = builtin();
    reg2 = load(INDICATOR_DOC);
    fail_each(reg, NULL);
    fail_each(reg, veilig_registry_find(reg, "GM0153"));
    fail_each(reg2, veilig_registry_get(reg2, 0));
    veilig_registry_free(reg);
    veilig_registry_free(reg2);
    reg = reg2 = NULL;
    ck_assert_int_eq(alloc_live, 0);
    OK(veilig_set_allocator(NULL, NULL, NULL));
}
END_TEST

/* Issue 18 point 5: the five policy links of Enschede that share one
   explanation show it once, over their rows. */
START_TEST(test_shared_link_note_once) {
    static const char note[] = "Dit doen we door slim samen te werken";
    reg = builtin();
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    ck_assert_ptr_nonnull(m);
    for (int en = 0; en < 2; en++) {
        check_report(reg, m, en ? "en" : "nl", 0);
        ck_assert_uint_eq(count(html, note), 1);
        ck_assert_uint_eq(count(html, "<td class=\"small\" rowspan=\"5\">"), 1);
        /* every link keeps its row */
        for (size_t i = 0; i < veilig_municipality_policy_link_count(m); i++)
            ck_assert_ptr_nonnull(
                strstr(html, veilig_policy_link_name(veilig_municipality_policy_link(m, i))));
    }
}
END_TEST

/* One money convention for text, Markdown and HTML: the euro as a sign, in
   Dutch "€ 1.000,00" (a non-breaking space in HTML), in English "€1,000.00",
   always with the cents; another currency by its code. */
START_TEST(test_money_one_convention) {
    veilig_error err;
    OK(veilig_registry_load_file(&reg, vg_test_data("valid/numbers.json"), NULL, &err));
    const veilig_municipality *m = veilig_registry_find(reg, "GM0518");
    ck_assert_ptr_nonnull(m);
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    check_report(reg, m, "nl", 0);
    ck_assert_ptr_nonnull(strstr(html, "budget \xE2\x82\xAC\xC2\xA0"
                                       "0,00"));
    ck_assert_ptr_nonnull(strstr(html, "USD\xC2\xA0"
                                       "1.000.000,00"));
    veilig_free(html2); /* check_report left its second render there */
    OK(veilig_render_municipality(&html2, NULL, m, &o));
    ck_assert_ptr_nonnull(strstr(html2, "\xE2\x82\xAC 0,00"));
    ck_assert_ptr_nonnull(strstr(html2, "USD 1.000.000,00"));
    veilig_free(html2);
    html2 = NULL;
    check_report(reg, m, "en", 0);
    ck_assert_ptr_nonnull(strstr(html, "budget \xE2\x82\xAC"
                                       "0.00"));
    o.lang = "en";
    o.format = VEILIG_FORMAT_MARKDOWN;
    veilig_free(html2);
    OK(veilig_render_municipality(&html2, NULL, m, &o));
    ck_assert_ptr_nonnull(strstr(html2, "\xE2\x82\xAC"
                                        "0.10"));
    ck_assert_ptr_null(strstr(html2, "EUR "));
    ck_assert_ptr_nonnull(strstr(html2, "USD 1,000,000.00"));
}
END_TEST

/* ---- the pieces of report/html.h (the site is written from them) ---- */

/* Finishes h into scratch (a NUL-terminated string). */
static const char *finish(vg_html *h) {
    free(scratch);
    scratch = vg_buf_finish(&h->b, NULL);
    ck_assert_ptr_nonnull(scratch);
    return scratch;
}

static void html_init(vg_html *h, const veilig_registry *r, int en) {
    vg_ropts o;
    veilig_report_options opts = VEILIG_REPORT_OPTIONS_INIT;
    opts.lang = en ? "en" : "nl";
    opts.format = VEILIG_FORMAT_HTML;
    ck_assert_int_eq(vg_ropts_get(&o, &opts), VEILIG_OK);
    vg_html_init(h, r, &o);
}

START_TEST(test_style_sheet_embedded) {
    char path[4096];
    snprintf(path, sizeof path, "%s/libveilig/report/style.css", VG_SOURCE_DIR);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    scratch = malloc(vg_html_css_len + 2);
    ck_assert_ptr_nonnull(scratch);
    size_t n = fread(scratch, 1, vg_html_css_len + 1, f);
    fclose(f);
    ck_assert_uint_eq(n, vg_html_css_len);
    ck_assert_int_eq(memcmp(scratch, vg_html_css, n), 0);
    ck_assert_uint_eq(strlen(vg_html_css), vg_html_css_len);
}
END_TEST

START_TEST(test_page_linked_style_sheet) {
    vg_html h;
    vg_html_page page = {0};
    reg = builtin();
    html_init(&h, reg, 0);
    page.title = "A <b>";
    page.stylesheet = "../style.css?a=1&b=\"2\"";
    page.csp = 1;
    vg_html_page_begin(&h, &page);
    vg_html_page_end(&h, 0);
    const char *s = finish(&h);
    ck_assert_ptr_nonnull(
        strstr(s, "<link rel=\"stylesheet\" href=\"../style.css?a=1&amp;b=&quot;2&quot;\" />"));
    ck_assert_ptr_null(strstr(s, "<style>"));
    ck_assert_ptr_nonnull(strstr(s, "<title>A &lt;b&gt;</title>"));
    ck_assert_ptr_nonnull(strstr(s, "<meta http-equiv=\"Content-Security-Policy\" "
                                    "content=\"default-src 'none'; style-src 'self';"));
    ck_assert_ptr_nonnull(strstr(s, "<html lang=\"nl\">"));
    /* inline: the whole sheet, and a policy that lets only inline style in */
    html_init(&h, reg, 1);
    page.stylesheet = NULL;
    vg_html_page_begin(&h, &page);
    s = finish(&h);
    ck_assert_ptr_nonnull(strstr(s, vg_html_css));
    ck_assert_ptr_nonnull(strstr(s, "default-src 'none'; style-src 'unsafe-inline';"));
    ck_assert_ptr_nonnull(strstr(s, "<html lang=\"en\">"));
    /* the reports have no policy meta (yet): csp 0 writes none */
    html_init(&h, reg, 0);
    page.csp = 0;
    vg_html_page_begin(&h, &page);
    ck_assert_ptr_null(strstr(finish(&h), "Content-Security-Policy"));
}
END_TEST

START_TEST(test_sections_on_their_own) {
    vg_html h;
    reg = builtin();
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    ck_assert_ptr_nonnull(m);
    /* contacts: personal ones only with the flag, whatever the writer's flags */
    html_init(&h, reg, 0);
    ck_assert_int_eq(vg_html_mun_contacts(&h, m, 0), 1);
    const char *s = finish(&h);
    ck_assert_ptr_null(strstr(s, PERSONAL_EMAIL));
    ck_assert_ptr_nonnull(strstr(s, "<section id=\"contacts\">"));
    html_init(&h, reg, 0);
    ck_assert_int_eq(vg_html_mun_contacts(&h, m, 1), 0);
    ck_assert_ptr_nonnull(strstr(finish(&h), PERSONAL_EMAIL));
    /* every section alone is one balanced <section> with its id */
    static const char *const ids[] = {"overview", "approach",     "measures",
                                      "schedule", "indicators",   "gaps",
                                      "peers",    "stakeholders", "sources"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        html_init(&h, reg, (int)(i % 2));
        int rc = VEILIG_OK;
        switch (i) {
            case 0:
                rc = vg_html_mun_overview(&h, m);
                break;
            case 1:
                vg_html_mun_approach(&h, m);
                break;
            case 2:
                rc = vg_html_mun_measures(&h, m);
                break;
            case 3:
                rc = vg_html_mun_schedule(&h, m);
                break;
            case 4:
                rc = vg_html_mun_progress(&h, m);
                break;
            case 5:
                rc = vg_html_mun_gaps(&h, m);
                break;
            case 6:
                rc = vg_html_mun_peers(&h, m);
                break;
            case 7:
                rc = vg_html_mun_stakeholders(&h, m);
                break;
            default:
                rc = vg_html_mun_sources(&h, m);
                break;
        }
        ck_assert_int_eq(rc, VEILIG_OK);
        s = finish(&h);
        char open[64];
        snprintf(open, sizeof open, "<section id=\"%s\">", ids[i]);
        ck_assert_msg(strncmp(s, open, strlen(open)) == 0, "%s: %.40s", ids[i], s);
        ck_assert_uint_eq(count(s, "<section"), 1);
        ck_assert_uint_eq(count(s, "</section>"), 1);
    }
    /* the programme's sections, with links to municipality pages */
    html_init(&h, reg, 0);
    h.href_prefix = "gemeenten/";
    h.href_suffix = ".html";
    ck_assert_int_eq(vg_html_prog_figures(&h), VEILIG_OK);
    ck_assert_int_eq(vg_html_prog_coverage(&h), VEILIG_OK);
    ck_assert_int_eq(vg_html_prog_measures(&h), VEILIG_OK);
    vg_html_prog_municipalities(&h);
    ck_assert_int_eq(vg_html_prog_sources(&h), VEILIG_OK);
    int had_personal = 0;
    vg_html_prog_contact(&h, 0, &had_personal);
    s = finish(&h);
    ck_assert_uint_eq(count(s, "<section"), 6);
    ck_assert_ptr_nonnull(strstr(s, "<a href=\"gemeenten/GM0153.html\">Enschede</a>"));
    ck_assert_uint_eq(count(s, "<a href=\"gemeenten/"), veilig_registry_count(reg));
}
END_TEST

static Suite *report_suite(void) {
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("html");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_builtin_reports);
    tcase_add_test(tc, test_fixture_reports);
    tcase_add_test(tc, test_programme_content);
    tcase_add_test(tc, test_municipality_content);
    tcase_add_test(tc, test_peers_option);
    tcase_add_test(tc, test_personal_on_request);
    tcase_add_test(tc, test_personal_programme_contact);
    tcase_add_test(tc, test_unknown_codes);
    tcase_add_test(tc, test_empty_registry);
    tcase_add_test(tc, test_bare_municipality);
    tcase_add_test(tc, test_indicators);
    tcase_add_test(tc, test_escaping);
    tcase_add_test(tc, test_large_registry);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_allocation_failures);
    tcase_add_test(tc, test_style_sheet_embedded);
    tcase_add_test(tc, test_money_one_convention);
    tcase_add_test(tc, test_shared_link_note_once);
    tcase_add_test(tc, test_page_linked_style_sheet);
    tcase_add_test(tc, test_sections_on_their_own);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(report_suite());
}
