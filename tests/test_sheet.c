/* Spreadsheets: sheets, cell values, CSV import and export (issue 19). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sheet/sheet_internal.h"
#include "testutil.h"
#include "veilig.h"

static int sentinel;
#define SENTINEL_OUT ((void *)&sentinel)

static char *dump(const veilig_registry *r) {
    char *s = NULL;
    ck_assert_int_eq(veilig_registry_dump(&s, NULL, r, NULL, NULL), VEILIG_OK);
    return s;
}

/* Imports csv into a copy of base; returns the status, the result in *out, the import's errors
   joined with '\n' in errs (may be NULL). */
static int import(veilig_registry **out, const veilig_registry *base, const char *name,
                  const char *csv, size_t len, const char *encoding, char *errs, size_t size) {
    veilig_import_options o = VEILIG_IMPORT_OPTIONS_INIT;
    o.encoding = encoding;
    veilig_import *imp = NULL;
    ck_assert_int_eq(veilig_import_new(&imp, base, &o), VEILIG_OK);
    int rc = veilig_import_add_csv(imp, name, csv, len, (veilig_sheet)0);
    int frc = veilig_import_finish(out, imp);
    if (rc == VEILIG_OK)
        rc = frc;
    if (errs) {
        errs[0] = '\0';
        for (size_t i = 0; i < veilig_import_error_count(imp); i++) {
            const veilig_error *e = veilig_import_error(imp, i);
            size_t n = strlen(errs);
            snprintf(errs + n, size - n, "%s%s:%d: %s", i ? "\n" : "", e->source, e->line,
                     e->message);
        }
    }
    veilig_import_free(imp);
    return rc;
}

/* ---- cells ---- */

START_TEST(test_dates) {
    static const struct {
        const char *in, *out;
    } ok[] = {{"2021", "2021"},
              {"2021-11", "2021-11"},
              {"2021-11-01", "2021-11-01"},
              {"nov 2021", "2021-11"},
              {"November 2021", "2021-11"},
              {"mrt 2022", "2022-03"},
              {"1-11-2021", "2021-11-01"},
              {"01/11/2021", "2021-11-01"},
              {"1 nov. 2021", "2021-11-01"},
              {"11-2021", "2021-11"},
              {" 2021 ", "2021"},
              {"29-2-2024", "2024-02-29"}};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        veilig_date d;
        char buf[VEILIG_DATE_BUFSIZE];
        ck_assert_msg(vg_cell_date(&d, ok[i].in, strlen(ok[i].in)) == VEILIG_OK, "%s", ok[i].in);
        ck_assert_int_eq(veilig_date_format(buf, sizeof buf, &d), VEILIG_OK);
        ck_assert_str_eq(buf, ok[i].out);
    }
    static const char *const bad[] = {"",        "31-4-2021", "29-2-2023",
                                      "2021-13", "nov",       "novembre 2021",
                                      "21",      "1-2-3-4",   "2021-11-01x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        veilig_date d;
        ck_assert_msg(vg_cell_date(&d, bad[i], strlen(bad[i])) == VEILIG_EINVAL, "%s", bad[i]);
    }
}
END_TEST

START_TEST(test_times) {
    ck_assert_int_eq(vg_cell_time("23:00", 5), 23 * 60);
    ck_assert_int_eq(vg_cell_time("9.30", 4), 9 * 60 + 30);
    ck_assert_int_eq(vg_cell_time("23:00:00", 8), 23 * 60);
    ck_assert_int_eq(vg_cell_time("24:00", 5), 1440);
    ck_assert_int_eq(vg_cell_time("24:01", 5), -1);
    ck_assert_int_eq(vg_cell_time("23:60", 5), -1);
    ck_assert_int_eq(vg_cell_time("2300", 4), -1);
    ck_assert_int_eq(vg_cell_time("23:00:30", 8), -1);
}
END_TEST

START_TEST(test_numbers) {
    static const struct {
        const char *in;
        char dec;
        const char *out;
    } ok[] = {{"€ 1.250,50", '.', "1250.50"},
              {"1250.50", ',', "1250.50"},
              {"1250,50", ',', "1250.50"},
              {"1.250", ',', "1250"},
              {"1.250", '.', "1.250"},
              {"1,250", '.', "1250"},
              {"1,250", ',', "1.250"},
              {"28,5", '.', "28.5"},
              {"EUR 12.500,50", '.', "12500.50"},
              {"1 250 000", '.', "1250000"},
              {"-3", '.', "-3"},
              {"007", '.', "7"},
              {"1.5e3", ',', "1.5e3"},
              {"12500,50 €", ',', "12500.50"}};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        char buf[64];
        ck_assert_msg(vg_cell_number(buf, sizeof buf, ok[i].in, strlen(ok[i].in), ok[i].dec) ==
                          VEILIG_OK,
                      "%s", ok[i].in);
        ck_assert_str_eq(buf, ok[i].out);
    }
    static const char *const bad[] = {"", "abc", "1.25.0,1,2", "12,34,5", "1..2", "€", "1e", "."};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char buf[64];
        ck_assert_msg(vg_cell_number(buf, sizeof buf, bad[i], strlen(bad[i]), '.') == VEILIG_EINVAL,
                      "%s", bad[i]);
    }
}
END_TEST

/* Every key and label of a sheet names one column only; every sheet name one sheet. */
START_TEST(test_columns_unique) {
    char a[128], b[128];
    for (int s = 1; s <= veilig_sheet_count(); s++) {
        ck_assert_int_eq(veilig_sheet_from_name(veilig_sheet_name((veilig_sheet)s, "nl")), s);
        ck_assert_int_eq(veilig_sheet_from_name(veilig_sheet_name((veilig_sheet)s, "en")), s);
        size_t n = veilig_sheet_column_count((veilig_sheet)s);
        for (size_t i = 0; i < n * 3; i++)
            for (size_t j = i + 1; j < n * 3; j++) {
                if (i / 3 == j / 3)
                    continue;
                const char *x = veilig_sheet_column_name((veilig_sheet)s, i / 3,
                                                         i % 3 == 0   ? NULL
                                                         : i % 3 == 1 ? "nl"
                                                                      : "en");
                const char *y = veilig_sheet_column_name((veilig_sheet)s, j / 3,
                                                         j % 3 == 0   ? NULL
                                                         : j % 3 == 1 ? "nl"
                                                                      : "en");
                vg_sheet_norm(a, sizeof a, x, strlen(x));
                vg_sheet_norm(b, sizeof b, y, strlen(y));
                ck_assert_msg(strcmp(a, b) != 0, "sheet %d: %s and %s", s, x, y);
            }
        ck_assert_ptr_nonnull(veilig_sheet_column_help((veilig_sheet)s, 0, "en"));
    }
    ck_assert_ptr_null(veilig_sheet_column_name(VEILIG_SHEET_MEASURES, 99, NULL));
    ck_assert_int_eq(veilig_sheet_column_vocab(VEILIG_SHEET_MEASURES, 4), VEILIG_VOCAB_CATEGORY);
}
END_TEST

/* ---- import ---- */

START_TEST(test_error_messages) {
    veilig_registry *base = NULL, *out = SENTINEL_OUT;
    ck_assert_int_eq(veilig_registry_load_builtin(&base, NULL), VEILIG_OK);
    char *before = dump(base);
    const char *csv = "gemeente;id;maatregel;categorie;start;budget;doelgroepen\r\n"
                      "GM0153;a;A;omstaanders;nov 2021;1.250,50;omstanders\r\n"
                      "GM0153;b;B;toezicht;31-4-2021;x;\r\n"
                      "GM0153;c;C;omstanders;;;iedereen, studenten\r\n";
    char errs[2048];
    int rc = import(&out, base, "measures.csv", csv, strlen(csv), NULL, errs, sizeof errs);
    ck_assert_int_eq(rc, VEILIG_ESCHEMA);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(errs, "measures.csv:2: column 'categorie': 'omstaanders' is not a category; "
                           "did you mean 'omstanders'?\n"
                           "measures.csv:3: column 'start': '31-4-2021' is not a date (write 2021, "
                           "2021-11, 2021-11-01, nov 2021 or 1-11-2021)\n"
                           "measures.csv:3: column 'budget': 'x' is not a number");
    char *after = dump(base);
    ck_assert_str_eq(before, after); /* the base is untouched */
    veilig_free(after);
    veilig_free(before);
    veilig_registry_free(base);
}
END_TEST

START_TEST(test_error_limit_and_columns) {
    veilig_import_options o = VEILIG_IMPORT_OPTIONS_INIT;
    o.max_errors = 3;
    veilig_import *imp = NULL;
    ck_assert_int_eq(veilig_import_new(&imp, NULL, &o), VEILIG_OK);
    const char *csv = "municipality,id,name,category\nGM1,a,A,x\nGM1,b,B,y\nGM1,c,C,z\nGM1,d,D,w\n";
    ck_assert_int_eq(veilig_import_add_csv(imp, "m.csv", csv, strlen(csv), (veilig_sheet)0),
                     VEILIG_ELIMIT);
    ck_assert_uint_eq(veilig_import_error_count(imp), 3);
    ck_assert_int_eq(veilig_import_error(imp, 2)->line, 4);
    ck_assert_int_eq(veilig_import_error(imp, 2)->column, 4);
    veilig_import_free(imp);

    char errs[1024];
    veilig_registry *out = NULL;
    const char *typo = "municipality,id,name,categroy,notes\nGM0153,a,A,bystander,x\n";
    ck_assert_int_eq(
        import(&out, NULL, "measures.csv", typo, strlen(typo), NULL, errs, sizeof errs),
        VEILIG_ESCHEMA);
    ck_assert_str_eq(
        errs, "measures.csv:1: column D: 'categroy' is not a column of sheet 'measures'; did "
              "you mean 'category'?\n"
              "measures.csv:1: column E: 'notes' is not a column of sheet 'measures'");
    const char *broken = "municipality,id,name,category\nGM0153,a,\"A,bystander\nGM0153,b,B,x\n";
    ck_assert_int_eq(import(&out, NULL, "m.csv", broken, strlen(broken), NULL, errs, sizeof errs),
                     VEILIG_ESCHEMA);
    ck_assert_str_eq(errs, "m.csv:2: a quoted field that starts here does not end");
    const char *mixed = "municipality;id;name;category\nGM0153,a,A,bystander\n";
    ck_assert_int_eq(import(&out, NULL, "m.csv", mixed, strlen(mixed), NULL, errs, sizeof errs),
                     VEILIG_ESCHEMA);
    ck_assert_ptr_null(out);
    const char *nowhere = "municipality,measure,stakeholder\nGM0153,pub-ploeg,politie\n";
    ck_assert_int_eq(import(&out, NULL, "p.csv", nowhere, strlen(nowhere), NULL, errs, sizeof errs),
                     VEILIG_ESCHEMA);
    ck_assert_str_eq(errs, "p.csv:2: column 'measure': measure 'pub-ploeg' of GM0153 is neither in "
                           "the plan nor in sheet 'measures'");
    const char *newone = "municipality,id,name\nGM0153,a,A\n";
    ck_assert_int_eq(import(&out, NULL, "m.csv", newone, strlen(newone), NULL, errs, sizeof errs),
                     VEILIG_ESCHEMA);
    ck_assert_str_eq(errs, "m.csv:1: these columns fit sheet 'stakeholders' as well as "
                           "'indicators'; name the file after its sheet (stakeholders.csv) or give "
                           "the sheet");
    ck_assert_int_eq(
        import(&out, NULL, "measures.csv", newone, strlen(newone), NULL, errs, sizeof errs),
        VEILIG_ESCHEMA);
    ck_assert_str_eq(errs, "measures.csv:2: column 'municipality': municipality 'GM0153' is "
                           "neither in the plan nor in sheet 'municipalities'");
    veilig_registry *base = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&base, NULL), VEILIG_OK);
    ck_assert_int_eq(
        import(&out, base, "measures.csv", newone, strlen(newone), NULL, errs, sizeof errs),
        VEILIG_ESCHEMA);
    ck_assert_str_eq(errs,
                     "measures.csv:2: a new measure needs column 'category' (or 'Categorie')");
    ck_assert_ptr_null(out);
    veilig_registry_free(base);
}
END_TEST

/* Dialects: semicolons, BOM, CRLF, quoted line breaks and quotes, trailing empty columns and
   rows, labels in either language, lists in one cell, Windows-1252. */
START_TEST(test_dialects) {
    const char *munis = "\xEF\xBB\xBF"
                        "Code;Naam;Provincie;Doelgroepen;Lid sinds;;\r\n"
                        "gm0001;\"Dorp \"\"aan\"\" de\nRivier\";Overijssel;\"omstanders\nstudents; "
                        "Iedereen\";1-12-2021;;\r\n"
                        ";;;;;;\r\n\r\n";
    veilig_registry *out = NULL;
    char errs[1024];
    ck_assert_int_eq(import(&out, NULL, "g.csv", munis, strlen(munis), NULL, errs, sizeof errs),
                     VEILIG_OK);
    const veilig_municipality *m = veilig_registry_find(out, "GM0001");
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(veilig_municipality_name(m), "Dorp \"aan\" de\nRivier");
    ck_assert_str_eq(veilig_municipality_province(m), "NL-OV");
    ck_assert_uint_eq(veilig_municipality_target_group_count(m), 3);
    ck_assert_str_eq(veilig_municipality_target_group_code(m, 0), "bystanders");
    ck_assert_str_eq(veilig_municipality_target_group_code(m, 2), "everyone");
    veilig_date d;
    ck_assert_int_eq(veilig_municipality_membership_joined(&d, m), VEILIG_OK);
    ck_assert_int_eq(d.day, 1);
    ck_assert_int_eq(d.month, 12);

    /* Excel's separator hint on the first line; lines are still counted from it */
    const char *hinted = "sep=;\r\ncode;name\r\nGM0003;Stad, aan zee\r\nGM0004;\r\n";
    veilig_registry *r3 = NULL;
    ck_assert_int_eq(import(&r3, NULL, "g.csv", hinted, strlen(hinted), NULL, errs, sizeof errs),
                     VEILIG_ESCHEMA);
    ck_assert_str_eq(errs, "g.csv:4: column 'name' is empty; every municipality needs one");
    hinted = "sep=;\ncode;name\nGM0003;Stad, aan zee\n";
    ck_assert_int_eq(import(&r3, NULL, "g.csv", hinted, strlen(hinted), NULL, errs, sizeof errs),
                     VEILIG_OK);
    ck_assert_str_eq(veilig_municipality_name(veilig_registry_get(r3, 0)), "Stad, aan zee");
    veilig_registry_free(r3);

    /* Windows-1252: detected, or named */
    const char *cp = "municipality,code,name\n,GM0002,Caf\xE9 \x80\n";
    veilig_registry *r2 = NULL;
    const char *cp2 = "code,name\nGM0002,Caf\xE9 \x80\n";
    ck_assert_int_eq(import(&r2, NULL, "g.csv", cp2, strlen(cp2), NULL, errs, sizeof errs),
                     VEILIG_OK);
    ck_assert_str_eq(veilig_municipality_name(veilig_registry_get(r2, 0)),
                     "Caf\xC3\xA9 \xE2\x82\xAC");
    veilig_registry_free(r2);
    r2 = NULL;
    ck_assert_int_eq(import(&r2, NULL, "g.csv", cp2, strlen(cp2), "utf-8", errs, sizeof errs),
                     VEILIG_ESCHEMA);
    ck_assert_str_eq(errs, "g.csv:2: the text is not UTF-8 (byte 0xE9); give its encoding");
    (void)cp;
    veilig_registry_free(out);
}
END_TEST

/* Merging: a measure changed in place by id, one added, the rest and every other field kept. */
START_TEST(test_merge) {
    veilig_registry *base = NULL, *out = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&base, NULL), VEILIG_OK);
    const char *csv = "Gemeente,Id,Status,Budget,Maatregel,Categorie\n"
                      "Enschede,pub-ploeg,beëindigd,\"€ 1.250,50\",,\n"
                      "GM0153,nieuw,actief,,Nieuwe maatregel,bystander intervention\n";
    char errs[1024];
    int rc = import(&out, base, "measures.csv", csv, strlen(csv), NULL, errs, sizeof errs);
    ck_assert_msg(rc == VEILIG_ESCHEMA, "%s", errs); /* pub-ploeg's name may not be emptied */
    ck_assert_str_eq(errs, "measures.csv:2: column 'Maatregel' is empty; every measure needs one\n"
                           "measures.csv:2: column 'Categorie' is empty; every measure needs one");
    ck_assert_ptr_null(out);
    veilig_registry_free(base);
}
END_TEST

START_TEST(test_merge_ok) {
    veilig_registry *base = NULL, *out = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&base, NULL), VEILIG_OK);
    const veilig_municipality *m0 = veilig_registry_find(base, "GM0153");
    size_t n0 = veilig_municipality_measure_count(m0);
    const char *csv = "Gemeente,Id,Status,Budget,Maatregel,Categorie\n"
                      "Enschede,pub-ploeg,beëindigd,\"€ 1.250,50\",PUB,de-escalatie\n"
                      "GM0153,nieuw,actief,,Nieuwe maatregel,bystander intervention\n";
    char errs[1024];
    int rc = import(&out, base, "measures.csv", csv, strlen(csv), NULL, errs, sizeof errs);
    ck_assert_msg(rc == VEILIG_OK, "%s", errs);
    const veilig_municipality *m = veilig_registry_find(out, "GM0153");
    ck_assert_uint_eq(veilig_municipality_measure_count(m), n0 + 1);
    const veilig_measure *ms = veilig_municipality_find_measure(m, "pub-ploeg");
    ck_assert_str_eq(veilig_measure_name(ms), "PUB");
    ck_assert_int_eq(veilig_measure_status(ms), VEILIG_MEASURE_STATE_ENDED);
    int64_t cents;
    ck_assert_int_eq(veilig_measure_budget_cents(&cents, ms), VEILIG_OK);
    ck_assert_int_eq(cents, 125050);
    /* what the sheet does not have is kept: the description, the schedule */
    const veilig_measure *old = veilig_municipality_find_measure(m0, "pub-ploeg");
    ck_assert_str_eq(veilig_measure_description(ms), veilig_measure_description(old));
    const veilig_measure *nw = veilig_municipality_measure(m, n0);
    ck_assert_str_eq(veilig_measure_id(nw), "nieuw");
    ck_assert_int_eq(veilig_measure_category(nw), VEILIG_CATEGORY_BYSTANDER);
    /* the other municipalities are as they were */
    ck_assert_uint_eq(veilig_registry_count(out), veilig_registry_count(base));
    veilig_registry_free(out);
    veilig_registry_free(base);
}
END_TEST

/* The formula guard: a text starting with = + - @ TAB CR or ' is written with one ' in front
   and read back as it was. */
START_TEST(test_formula_guard) {
    static const char *const names[] = {"=SUM(A1)", "+31 6",   "-weg",   "@home",  "\tgetabd",
                                        "\rcr",     "'quoted", "''twee", "gewoon", "'x"};
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    veilig_municipality *m = NULL;
    ck_assert_int_eq(veilig_registry_add(&m, reg, "GM0001", "Dorp"), VEILIG_OK);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char id[8];
        snprintf(id, sizeof id, "m%zu", i);
        ck_assert_int_eq(
            veilig_municipality_add_measure(NULL, m, id, names[i], VEILIG_CATEGORY_CAMPAIGN),
            VEILIG_OK);
    }
    for (int sep = 0; sep < 2; sep++) {
        veilig_sheet_options so = VEILIG_SHEET_OPTIONS_INIT;
        so.separator = sep ? ';' : ',';
        char *csv = NULL, *munis = NULL;
        ck_assert_int_eq(veilig_sheet_export_csv(&csv, NULL, reg, VEILIG_SHEET_MEASURES, &so),
                         VEILIG_OK);
        ck_assert_ptr_nonnull(strstr(csv, "'=SUM(A1)"));
        ck_assert_ptr_nonnull(strstr(csv, "'+31 6"));
        ck_assert_ptr_nonnull(strstr(csv, "\"'\rcr\""));
        ck_assert_ptr_nonnull(strstr(csv, ",gewoon,") ? strstr(csv, ",gewoon,")
                                                      : strstr(csv, ";gewoon;"));
        ck_assert_int_eq(
            veilig_sheet_export_csv(&munis, NULL, reg, VEILIG_SHEET_MUNICIPALITIES, &so),
            VEILIG_OK);
        veilig_import *imp = NULL;
        veilig_registry *back = NULL;
        ck_assert_int_eq(veilig_import_new(&imp, NULL, NULL), VEILIG_OK);
        ck_assert_int_eq(veilig_import_add_csv(imp, "g.csv", munis, strlen(munis), 0), VEILIG_OK);
        ck_assert_int_eq(veilig_import_add_csv(imp, "m.csv", csv, strlen(csv), 0), VEILIG_OK);
        ck_assert_int_eq(veilig_import_finish(&back, imp), VEILIG_OK);
        char *a = dump(reg), *b = dump(back);
        ck_assert_str_eq(a, b);
        veilig_free(a);
        veilig_free(b);
        veilig_registry_free(back);
        veilig_import_free(imp);
        veilig_free(csv);
        veilig_free(munis);
    }
    veilig_registry_free(reg);
}
END_TEST

/* Every sheet of the bundled dataset, exported and imported, in keys, Dutch and English. */
START_TEST(test_round_trip_dataset) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, NULL), VEILIG_OK);
    char *want = dump(reg);
    static const char *const langs[] = {NULL, "nl", "en"};
    for (int l = 0; l < 3; l++) {
        veilig_sheet_options so = VEILIG_SHEET_OPTIONS_INIT;
        so.lang = langs[l];
        so.separator = l == 1 ? ';' : ',';
        so.flags = VEILIG_SHEET_INCLUDE_PERSONAL;
        veilig_import *imp = NULL;
        ck_assert_int_eq(veilig_import_new(&imp, NULL, NULL), VEILIG_OK);
        for (int s = veilig_sheet_count(); s >= 1; s--) { /* children first: order is free */
            char *csv = NULL;
            size_t len = 0;
            ck_assert_int_eq(veilig_sheet_export_csv(&csv, &len, reg, (veilig_sheet)s, &so),
                             VEILIG_OK);
            ck_assert_int_eq(veilig_import_add_csv(imp, "x.csv", csv, len, (veilig_sheet)0),
                             VEILIG_OK);
            veilig_free(csv);
        }
        veilig_registry *back = NULL;
        ck_assert_int_eq(veilig_import_finish(&back, imp), VEILIG_OK);
        char *got = dump(back);
        ck_assert_str_eq(got, want);
        veilig_free(got);
        veilig_registry_free(back);
        veilig_import_free(imp);
    }
    veilig_free(want);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_arguments) {
    char *out = SENTINEL_OUT;
    veilig_sheet_options so = VEILIG_SHEET_OPTIONS_INIT;
    ck_assert_int_eq(veilig_sheet_export_csv(&out, NULL, NULL, VEILIG_SHEET_MEASURES, NULL),
                     VEILIG_EINVAL);
    ck_assert_ptr_null(out);
    so.lang = "de";
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    ck_assert_int_eq(veilig_sheet_export_csv(&out, NULL, reg, VEILIG_SHEET_MEASURES, &so),
                     VEILIG_EINVAL);
    so.lang = NULL;
    so.version = 9;
    ck_assert_int_eq(veilig_sheet_export_csv(&out, NULL, reg, VEILIG_SHEET_MEASURES, &so),
                     VEILIG_EVERSION);
    ck_assert_int_eq(veilig_sheet_export_csv(&out, NULL, reg, (veilig_sheet)99, NULL),
                     VEILIG_EINVAL);
    veilig_import_free(NULL);
    veilig_import_options io;
    ck_assert_int_eq(veilig_import_options_init(&io, 2), VEILIG_EVERSION);
    ck_assert_int_eq(veilig_import_options_init(&io, VEILIG_IMPORT_OPTIONS_VERSION), VEILIG_OK);
    ck_assert_int_eq(veilig_sheet_options_init(&so, VEILIG_SHEET_OPTIONS_VERSION), VEILIG_OK);
    veilig_registry *r = SENTINEL_OUT;
    veilig_error err;
    ck_assert_int_eq(veilig_import_csv(&r, NULL, "e.csv", "", 0, NULL, &err), VEILIG_ESCHEMA);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(err.message, "the file is empty: no header row");
    ck_assert_int_eq(veilig_import_csv(&r, NULL, "e.csv", "a\0b", 3, NULL, &err), VEILIG_ESCHEMA);
    ck_assert_str_eq(err.message, "a NUL byte in a cell (is this a text file?)");
    veilig_registry_free(reg);
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("sheet");
    TCase *tc = tcase_create("sheet");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_dates);
    tcase_add_test(tc, test_times);
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_columns_unique);
    tcase_add_test(tc, test_error_messages);
    tcase_add_test(tc, test_error_limit_and_columns);
    tcase_add_test(tc, test_dialects);
    tcase_add_test(tc, test_merge);
    tcase_add_test(tc, test_merge_ok);
    tcase_add_test(tc, test_formula_guard);
    tcase_add_test(tc, test_round_trip_dataset);
    tcase_add_test(tc, test_arguments);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(suite());
}
