/*
 * Writes the HTML reports the html_* tests check: the programme report and
 * Enschede's report of the bundled dataset, in Dutch and English, into the
 * folder given as the only argument:
 *
 *   programme-nl.html  programme-en.html  enschede-nl.html  enschede-en.html
 *
 * With a second argument (a veilig document), also that registry's programme
 * report and the report of each of its municipalities (extra-*.html).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <veilig.h>

static int write_file(const char *dir, const char *name, const char *text, size_t len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "write_reports: cannot open %s\n", path);
        return 1;
    }
    int bad = fwrite(text, 1, len, f) != len;
    bad |= fclose(f) != 0;
    if (bad)
        fprintf(stderr, "write_reports: cannot write %s\n", path);
    return bad;
}

static int report(const char *dir, const char *name, const veilig_registry *reg,
                  const veilig_municipality *m, const char *lang) {
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    char *html = NULL;
    size_t len = 0;
    o.lang = lang;
    int rc = veilig_report_html(&html, &len, reg, m, &o);
    if (rc != VEILIG_OK) {
        fprintf(stderr, "write_reports: %s: %s\n", name, veilig_strerror(rc));
        return 1;
    }
    int bad = write_file(dir, name, html, len);
    veilig_free(html);
    return bad;
}

int main(int argc, char **argv) {
    static const char *const langs[] = {"nl", "en"};
    veilig_registry *reg = NULL;
    veilig_error err;
    int bad = 0;
    char name[256];
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: write_reports DIR [DOCUMENT]\n");
        return 2;
    }
    if (veilig_registry_load_builtin(&reg, &err) != VEILIG_OK) {
        fprintf(stderr, "write_reports: bundled dataset: %s\n", err.message);
        return 1;
    }
    const veilig_municipality *enschede = veilig_registry_find(reg, "GM0153");
    if (!enschede) {
        fprintf(stderr, "write_reports: Enschede (GM0153) is not in the bundled dataset\n");
        veilig_registry_free(reg);
        return 1;
    }
    for (int l = 0; l < 2; l++) {
        snprintf(name, sizeof name, "programme-%s.html", langs[l]);
        bad |= report(argv[1], name, reg, NULL, langs[l]);
        snprintf(name, sizeof name, "enschede-%s.html", langs[l]);
        bad |= report(argv[1], name, reg, enschede, langs[l]);
    }
    veilig_registry_free(reg);
    if (argc == 3) {
        if (veilig_registry_load_file(&reg, argv[2], NULL, &err) != VEILIG_OK) {
            fprintf(stderr, "write_reports: %s:%d:%d: %s\n", argv[2], err.line, err.column,
                    err.message);
            return 1;
        }
        for (int l = 0; l < 2; l++) {
            snprintf(name, sizeof name, "extra-programme-%s.html", langs[l]);
            bad |= report(argv[1], name, reg, NULL, langs[l]);
            for (size_t i = 0; i < veilig_registry_count(reg); i++) {
                const veilig_municipality *m = veilig_registry_get(reg, i);
                snprintf(name, sizeof name, "extra-%s-%s.html", veilig_municipality_code(m),
                         langs[l]);
                bad |= report(argv[1], name, reg, m, langs[l]);
            }
        }
        veilig_registry_free(reg);
    }
    return bad ? 1 : 0;
}
