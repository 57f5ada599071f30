/*
 * Writes the HTML reports the html_* tests check: the programme report and
 * Enschede's report of the bundled dataset, in Dutch and English, into the
 * folder given as the only argument:
 *
 *   programme-nl.html  programme-en.html  enschede-nl.html  enschede-en.html
 *
 * and the reports of a built-in sample document that exercises what the
 * bundled dataset does not: indicators, unknown codes, text that needs
 * escaping (markup, quotes, control characters, a javascript: address),
 * schedules by daypart, budgets, a long name and an empty municipality:
 *
 *   sample-programme-nl.html  sample-GM9001-nl.html  ...  (and -en)
 *
 * With a second argument (a veilig document), also that registry's programme
 * report and the report of each of its municipalities (extra-*.html).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <veilig.h>

/* The sample document; ' stands for ". */
static const char sample[] =
    "{'format':'veilig','version':1,"
    "'programme':{'name':'Voorbeeldprogramma <Veilig> & \\u0027Samen\\u0027',"
    "'operator':'Testbureau','contact':{'role':'contact_point','name':'Servicedesk',"
    "'phone':'010 - 123 45 67','email':'info@example.org'},"
    "'sources':[{'title':'Programmapagina','publisher':'Testbureau',"
    "'url':'https://example.org/programma?a=1&b=\\u0022x\\u0022','retrieved':'2024-03-05'},"
    "{'title':'Niet te volgen','url':'javascript:alert(1)'}]},"
    "'municipalities':["
    "{'code':'GM9001','name':'Voorbeeldstad & <Omgeving>','official_name':'Gemeente "
    "Voorbeeldstad','province':'NL-ZH','membership':{'joined':'2022-09-01','status':'active',"
    "'period':{'start':'2022','end':'2025'}},"
    "'summary':'Een \\u0001samenvatting met <markup> en \\u0022aanhalingstekens\\u0022.',"
    "'ambition':'Iedereen veilig, overal & altijd.',"
    "'scope':{'target_groups':['women_girls','lgbtiq','skaters'],'settings':['nightlife',"
    "'public_space']},'focus':['prevention','signalling'],"
    "'excluded':[{'approach':'enforcement','reason':'Nog niet.'}],"
    "'policy_links':[{'name':'Veiligheidsplan','kind':'policy','relation':'embedded_in'}],"
    "'stakeholders':[{'id':'team','name':'Team Veiligheid','kind':'municipal_department',"
    "'roles':['executing']},{'id':'horeca','name':'Horeca Voorbeeldstad','kind':'business',"
    "'roles':['partner']},{'id':'x','name':'Buurtvaders','kind':'neighbourhood_fathers',"
    "'parent':'team'}],"
    "'contacts':[{'stakeholder':'team','role':'contact_point','name':'Team Veiligheid',"
    "'email':'veilig@example.org'},{'name':'Piet Persoon','phone':'06 0000 0000',"
    "'personal':true}],"
    "'measures':["
    "{'id':'hosts','name':'Uitgaanshosts','category':'nightlife','target_groups':"
    "['nightlife_visitors'],'partners':[{'stakeholder':'horeca','role':'executing'}],"
    "'schedule':[{'days':['thu','fri','sat'],'from':'23:00','to':'05:00'}],"
    "'budget':{'amount':12500.5,'currency':'EUR'},'evidence':'well_described',"
    "'indicators':['meldingen']},"
    "{'id':'app','name':'Meld-app','category':'reporting','status':'active',"
    "'schedule':[{'dayparts':['evening','night']}],'indicators':['meldingen']},"
    "{'id':'graffiti','name':'Graffiti weg','category':'graffiti_removal',"
    "'approach':'mediation','status':'planned'},"
    "{'id':'wandeling','name':'Veiligheidswandelingen','category':'public_space',"
    "'schedule':[{'days':['sun','funday'],'dayparts':['afternoon']}],"
    "'budget':{'amount':800,'currency':'USD'}},"
    "{'id':'training','name':'Omstanderstraining','category':'bystander','status':'ended',"
    "'period':{'start':'2021','end':'2022'}}],"
    "'indicators':["
    "{'id':'meldingen','name':'Meldingen van straatintimidatie','level':'output',"
    "'unit':'count','direction':'increase','baseline':{'date':'2021','value':120},"
    "'target':{'date':'2025','value':300},'observations':[{'date':'2022','value':170},"
    "{'date':'2023','value':230}]},"
    "{'id':'onveilig','name':'Voelt zich onveilig in het uitgaansgebied','level':'outcome',"
    "'unit':'percent','direction':'decrease','baseline':{'date':'2021','value':38.5},"
    "'target':{'date':'2025','value':25},'observations':[{'date':'2023','value':37}]},"
    "{'id':'budget','name':'Besteed budget','unit':'euro','baseline':{'date':'2022',"
    "'value':0},'target':{'date':'2023','value':10000},'observations':[{'date':'2023-12',"
    "'value':12345.67}]},"
    "{'id':'kwaliteit','name':'Kwaliteit van de samenwerking met een heel lange naam die "
    "niet in de grafiek past','level':'impact'}],"
    "'sources':[{'title':'Aanpak Voorbeeldstad','url':'https://example.org/voorbeeldstad'}]},"
    "{'code':'GM9002','name':'Gemeente Sint-Michielsgestel-Boxtel-Haaren-Vught-Oisterwijk-"
    "Tilburg-Goirle','province':'NL-NB','membership':{'status':'former'}},"
    "{'code':'GM9003','name':'Leegdorp'}]}";

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

    char *json = malloc(sizeof sample);
    if (!json)
        return 1;
    memcpy(json, sample, sizeof sample);
    for (char *p = json; *p; p++)
        if (*p == '\'')
            *p = '"';
    int rc = veilig_registry_load_string(&reg, json, strlen(json), NULL, &err);
    free(json);
    if (rc != VEILIG_OK) {
        fprintf(stderr, "write_reports: sample: %d:%d: %s\n", err.line, err.column, err.message);
        return 1;
    }
    for (int l = 0; l < 2; l++) {
        snprintf(name, sizeof name, "sample-programme-%s.html", langs[l]);
        bad |= report(argv[1], name, reg, NULL, langs[l]);
        for (size_t i = 0; i < veilig_registry_count(reg); i++) {
            const veilig_municipality *m = veilig_registry_get(reg, i);
            snprintf(name, sizeof name, "sample-%s-%s.html", veilig_municipality_code(m), langs[l]);
            bad |= report(argv[1], name, reg, m, langs[l]);
        }
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
