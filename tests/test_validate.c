/*
 * Unit tests of validation (include/veilig/validate.h): every rule V001..V024
 * with a document that triggers it and a near-identical one that does not,
 * the order of diagnostics, their JSON form and the rule table.
 *
 * The documents are written inline with single quotes for readability;
 * doc_text() turns every ' into " before loading, so they hold no
 * apostrophes. Names, phone numbers and e-mail addresses of persons in
 * them are made up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "veilig/codec.h"
#include "veilig/model.h"
#include "veilig/validate.h"
#include "testutil.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* ---- helpers ---- */

/* A document with the given municipalities. */
#define DOC(ms) "{'format':'veilig','version':1,'municipalities':[" ms "]}"
/* Enschede's code and name, the start of most municipalities below. */
#define ENS "'code':'GM0153','name':'Enschede'"
/* A stakeholder that executes the approach: without one, every measure gets V014. */
#define TEAM                                                                                       \
    "{'id':'team-veiligheid','name':'Team Veiligheid','kind':'municipal_department','roles':["     \
    "'executing']}"
#define POLITIE "{'id':'politie','name':'Politie','kind':'police','roles':['sounding_board']}"
/* A measure with an id, a name and a category, followed by more keys. */
#define PUB "'id':'pub-ploeg','name':'PUB-ploeg','category':'deescalation'"

/* The JSON text of a single-quoted document: new, free(). */
static char *doc_text(const char *squoted) {
    char *s = strdup(squoted);
    ck_assert_ptr_nonnull(s);
    for (char *p = s; *p; p++)
        if (*p == '\'')
            *p = '"';
    return s;
}

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

/* Frees a kept p now. */
static void drop(void *p) {
    for (size_t i = ngarbage; i-- > 0;)
        if (garbage[i].p == p) {
            free_fn fn = garbage[i].fn;
            memmove(&garbage[i], &garbage[i + 1], (ngarbage - i - 1) * sizeof *garbage);
            ngarbage--;
            fn(p);
            return;
        }
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

/* A document loaded and validated. */
typedef struct checked {
    char *text;
    veilig_registry *reg;
    veilig_diagnostics *d;
} checked;

static void checked_free(void *p) {
    checked *c = p;
    veilig_diagnostics_free(c->d);
    veilig_registry_free(c->reg);
    free(c->text);
    free(c);
}

/* Loads and validates a single-quoted document; kept. */
static checked *check_doc(const char *squoted) {
    checked *c = keep(calloc(1, sizeof *c), checked_free);
    ck_assert_ptr_nonnull(c);
    veilig_error err;
    c->text = doc_text(squoted);
    int rc = veilig_registry_load_string(&c->reg, c->text, strlen(c->text), NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "load failed (%d): %s at \"%s\" in %s", rc, err.message,
                  err.pointer, c->text);
    rc = veilig_validate(&c->d, c->reg);
    ck_assert_int_eq(rc, VEILIG_OK);
    ck_assert_ptr_nonnull(c->d);
    return c;
}

/* All diagnostics as text, for failure messages: a static buffer. */
static const char *describe(const veilig_diagnostics *d) {
    static char buf[8192];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < veilig_diagnostics_count(d); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        int n = snprintf(buf + used, sizeof buf - used, "\n  %s %s %s: %s", x->rule,
                         veilig_severity_name(x->severity), x->pointer, x->message);
        if (n < 0 || (size_t)n >= sizeof buf - used)
            break;
        used += (size_t)n;
    }
    return used ? buf : " (none)";
}

static size_t count_rule(const veilig_diagnostics *d, const char *rule) {
    size_t n = 0;
    for (size_t i = 0; i < veilig_diagnostics_count(d); i++)
        n += strcmp(veilig_diagnostics_get(d, i)->rule, rule) == 0;
    return n;
}

/* The first diagnostic of rule at pointer, or NULL. */
static const veilig_diagnostic *find_diag(const veilig_diagnostics *d, const char *rule,
                                          const char *pointer) {
    for (size_t i = 0; i < veilig_diagnostics_count(d); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        if (strcmp(x->rule, rule) == 0 && strcmp(x->pointer, pointer) == 0)
            return x;
    }
    return NULL;
}

/* The index of rule in the rule table, or -1. */
static int rule_index(const char *rule) {
    for (size_t i = 0; i < veilig_rule_count(); i++)
        if (strcmp(veilig_rule_id(i), rule) == 0)
            return (int)i;
    return -1;
}

/* Where the value at pointer starts in text (byte offset); fails the test when it is not there. */
static size_t position_of(const char *text, const char *pointer) {
    veilig_error loc;
    int rc = veilig_json_locate(&loc, text, strlen(text), pointer);
    ck_assert_msg(rc == VEILIG_OK, "pointer \"%s\" names no value of the document (%d)", pointer,
                  rc);
    return loc.position;
}

/*
 * Asserts that the diagnostics are in document order: by the position of the
 * value their pointer names in text (a document in canonical key order), then
 * by rule.
 */
static void assert_document_order(const veilig_diagnostics *d, const char *text) {
    for (size_t i = 1; i < veilig_diagnostics_count(d); i++) {
        const veilig_diagnostic *a = veilig_diagnostics_get(d, i - 1);
        const veilig_diagnostic *b = veilig_diagnostics_get(d, i);
        size_t pa = position_of(text, a->pointer), pb = position_of(text, b->pointer);
        ck_assert_msg(pa < pb || (pa == pb && strcmp(a->rule, b->rule) <= 0),
                      "diagnostic %zu (%s %s, at byte %zu) comes after %zu (%s %s, at byte %zu), "
                      "against document order:%s",
                      i, b->rule, b->pointer, pb, i - 1, a->rule, a->pointer, pa, describe(d));
    }
}

/* ---- every rule: a document that triggers it, and one that does not ---- */

typedef struct rule_case {
    const char *rule;
    veilig_severity severity;
    const char *pointer; /* of the one diagnostic bad gives */
    const char *message; /* a part of its message */
    const char *bad;     /* gives exactly that one diagnostic */
    const char *good;    /* near-identical, gives none at all */
} rule_case;

#define E VEILIG_SEVERITY_ERROR
#define W VEILIG_SEVERITY_WARNING

static const rule_case rule_cases[] = {
    /* V001: two municipalities with one code */
    {"V001", E, "/municipalities/1/code", "code GM0153 is used twice",
     DOC("{'code':'GM0153','name':'Enschede'},{'code':'GM0153','name':'Hengelo'}"),
     DOC("{'code':'GM0153','name':'Enschede'},{'code':'GM0164','name':'Hengelo'}")},
    /* V002: not GM and four digits */
    {"V002", E, "/municipalities/0/code", "\"GM153\" is not a CBS municipality code",
     DOC("{'code':'GM153','name':'Enschede'}"), DOC("{'code':'GM0153','name':'Enschede'}")},
    /* V003: two measures with one id */
    {"V003", E, "/municipalities/0/measures/1/id", "measure id \"pub-ploeg\" is used twice",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB "},{'id':'pub-ploeg','name':"
         "'Cameratoezicht','category':'camera_surveillance'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB "},{'id':'cameratoezicht','name':"
         "'Cameratoezicht','category':'camera_surveillance'}]}")},
    /* V004: two stakeholders with one id */
    {"V004", E, "/municipalities/0/stakeholders/1/id",
     "stakeholder id \"team-veiligheid\" is used twice",
     DOC("{" ENS ",'stakeholders':[" TEAM ",{'id':'team-veiligheid','name':'Politie','kind':"
         "'police'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM ",{'id':'politie','name':'Politie','kind':'police'}]}")},
    /* V005: two indicators with one id */
    {"V005", E, "/municipalities/0/indicators/1/id", "indicator id \"meldingen\" is used twice",
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen'},{'id':'meldingen','name':"
         "'Veiligheidsgevoel'}]}"),
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen'},{'id':'"
         "veiligheidsgevoel','name':'Veiligheidsgevoel'}]}")},
    /* V006: a measure id with capitals */
    {"V006", E, "/municipalities/0/measures/0/id", "may hold only the letters a-z, digits and -",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'PUB-ploeg','name':'PUB-ploeg',"
         "'category':'deescalation'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'pub-ploeg','name':'PUB-ploeg',"
         "'category':'deescalation'}]}")},
    /* V007: a partner that is no stakeholder */
    {"V007", E, "/municipalities/0/measures/1/partners/0/stakeholder",
     "partner \"politie\" is not among the stakeholders of Enschede",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB "},{'id':'cameratoezicht',"
         "'name':'Cameratoezicht','category':'camera_surveillance','partners':[{'stakeholder':"
         "'politie','role':'partner'}]}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "," POLITIE "],'measures':[{" PUB "},{'id':"
         "'cameratoezicht','name':'Cameratoezicht','category':'camera_surveillance','partners':"
         "[{'stakeholder':'politie','role':'partner'}]}]}")},
    /* V008: a parent that does not exist */
    {"V008", E, "/municipalities/0/stakeholders/1/parent",
     "parent \"gemeenten\" is not among the stakeholders of Enschede",
     DOC("{" ENS ",'stakeholders':[{'id':'gemeente','name':'Gemeente Enschede'},{'id':"
         "'sociaal-domein','name':'Sociaal Domein','parent':'gemeenten'}]}"),
     DOC("{" ENS ",'stakeholders':[{'id':'gemeente','name':'Gemeente Enschede'},{'id':"
         "'sociaal-domein','name':'Sociaal Domein','parent':'gemeente'}]}")},
    /* V008: a stakeholder that is its own parent */
    {"V008", E, "/municipalities/0/stakeholders/1/parent",
     "stakeholder \"sociaal-domein\" is its own parent",
     DOC("{" ENS ",'stakeholders':[{'id':'gemeente','name':'Gemeente Enschede'},{'id':"
         "'sociaal-domein','name':'Sociaal Domein','parent':'sociaal-domein'}]}"),
     DOC("{" ENS ",'stakeholders':[{'id':'gemeente','name':'Gemeente Enschede'},{'id':"
         "'sociaal-domein','name':'Sociaal Domein','parent':'gemeente'}]}")},
    /* V009: a contact of a stakeholder that does not exist */
    {"V009", E, "/municipalities/0/contacts/0/stakeholder",
     "stakeholder \"team-veilgheid\" is not among the stakeholders of Enschede",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'contacts':[{'stakeholder':'team-veilgheid','role':"
         "'contact_point','name':'Team Veiligheid'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'contacts':[{'stakeholder':'team-veiligheid','role':"
         "'contact_point','name':'Team Veiligheid'}]}")},
    /* V010: a measure serves an indicator that does not exist */
    {"V010", E, "/municipalities/0/measures/0/indicators/0",
     "indicator \"meldingen\" is not defined in Enschede",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'indicators':['meldingen']}],"
         "'indicators':[{'id':'melding','name':'Meldingen'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'indicators':['meldingen']}],"
         "'indicators':[{'id':'meldingen','name':'Meldingen'}]}")},
    /* V011: a membership period that ends before it starts */
    {"V011", E, "/municipalities/0/membership/period/end",
     "the period ends (2021-04) before it starts (2021-05)",
     DOC("{" ENS ",'membership':{'period':{'start':'2021-05','end':'2021-04'}}}"),
     DOC("{" ENS ",'membership':{'period':{'start':'2021-05','end':'2021-05'}}}")},
    /* V011: a measure period */
    {"V011", E, "/municipalities/0/measures/0/period/end",
     "the period ends (2021) before it starts (2022)",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'period':{'start':'2022',"
         "'end':'2021'}}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'period':{'start':'2022',"
         "'end':'2023'}}]}")},
    /* V011: a budget period */
    {"V011", E, "/municipalities/0/measures/0/budget/period/end",
     "the period ends (2021-12) before it starts (2022)",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'budget':{'amount':12500.5,"
         "'currency':'EUR','period':{'start':'2022','end':'2021-12'}}}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'budget':{'amount':12500.5,"
         "'currency':'EUR','period':{'start':'2022','end':'2022-12'}}}]}")},
    /* V011: an indicator whose target date lies before its baseline date */
    {"V011", E, "/municipalities/0/indicators/0/target/date",
     "the target date lies before the baseline date",
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','direction':'decrease',"
         "'baseline':{'date':'2022','value':40},'target':{'date':'2021','value':30}}]}"),
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','direction':'decrease',"
         "'baseline':{'date':'2022','value':40},'target':{'date':'2024','value':30}}]}")},
    /* V012: a window that starts when it ends */
    {"V012", E, "/municipalities/0/measures/0/schedule/0/to",
     "the window starts and ends at the same time",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'days':['fri',"
         "'sat'],'from':'22:00','to':'22:00'}]}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'days':['fri',"
         "'sat'],'from':'22:00','to':'04:00'}]}]}")},
    /* V013: a category this version does not know */
    {"V013", W, "/municipalities/0/measures/0/category", "\"flyeren\" is not a known category",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'flyers','name':'Flyers',"
         "'category':'flyeren'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'flyers','name':'Flyers',"
         "'category':'campaign'}]}")},
    /* V013: a typo says what it meant (the Dutch label, a letter off) */
    {"V013", W, "/municipalities/0/measures/0/category",
     "\"campagne\" is not a known category; did you mean \"campaign\"?",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'flyers','name':'Flyers',"
         "'category':'campagne'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'flyers','name':'Flyers',"
         "'category':'campaign'}]}")},
    {"V013", W, "/municipalities/0/measures/0/target_groups/0",
     "\"studnets\" is not a known target group; did you mean \"students\"?",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'flyers','name':'Flyers',"
         "'category':'campaign','target_groups':['studnets']}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'flyers','name':'Flyers',"
         "'category':'campaign','target_groups':['students']}]}")},
    /* V013: the role of the programme's contact */
    {"V013", W, "/programme/contact/role", "\"helpdesk\" is not a known role",
     "{'format':'veilig','version':1,'programme':{'name':'Veilige Steden','contact':{'role':"
     "'helpdesk','name':'Programma Veilige Steden','email':'info@example.nl'}},"
     "'municipalities':[]}",
     "{'format':'veilig','version':1,'programme':{'name':'Veilige Steden','contact':{'role':"
     "'contact_point','name':'Programma Veilige Steden','email':'info@example.nl'}},"
     "'municipalities':[]}"},
    /* V014: no partner executes the measure, and no stakeholder executes the approach */
    {"V014", W, "/municipalities/0/measures/0", "measure \"PUB-ploeg\" has no executing party",
     DOC("{" ENS ",'stakeholders':[" POLITIE "],'measures':[{" PUB ",'partners':[{'stakeholder':"
         "'politie','role':'partner'}]}]}"),
     DOC("{" ENS ",'stakeholders':[" POLITIE "],'measures':[{" PUB ",'partners':[{'stakeholder':"
         "'politie','role':'executing'}]}]}")},
    /* V015: a target group of the scope that no measure serves */
    {"V015", W, "/municipalities/0/scope/target_groups/1",
     "target group \"nightlife_visitors\" is in the scope, but no measure names it",
     DOC("{" ENS
         ",'scope':{'target_groups':['students','nightlife_visitors']},'stakeholders':[" TEAM
         "],'measures':[{" PUB ",'target_groups':['students']}]}"),
     DOC("{" ENS
         ",'scope':{'target_groups':['students','nightlife_visitors']},'stakeholders':[" TEAM
         "],'measures':[{" PUB ",'target_groups':['students','nightlife_visitors']}]}")},
    /* V016: a target above the baseline of an indicator that should decrease */
    {"V016", W, "/municipalities/0/indicators/0/target/value",
     "the target (50) lies above the baseline (40), but the indicator should decrease",
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','direction':'decrease',"
         "'baseline':{'date':'2021','value':40},'target':{'date':'2024','value':50}}]}"),
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','direction':'decrease',"
         "'baseline':{'date':'2021','value':40},'target':{'date':'2024','value':30}}]}")},
    /* V016: a target below the baseline of an indicator that should increase */
    {"V016", W, "/municipalities/0/indicators/0/target/value",
     "the target (30) lies below the baseline (40), but the indicator should increase",
     DOC("{" ENS ",'indicators':[{'id':'veilig','name':'Voelt zich veilig','direction':"
         "'increase','baseline':{'date':'2021','value':40},'target':{'date':'2024','value':30}}]}"),
     DOC("{" ENS ",'indicators':[{'id':'veilig','name':'Voelt zich veilig','direction':"
         "'increase','baseline':{'date':'2021','value':40},'target':{'date':'2024','value':50}}]"
         "}")},
    /* V017: a person's name and phone in a contact not marked personal */
    {"V017", W, "/municipalities/0/contacts/0", "\"Jan de Vries\" looks like a person's name",
     DOC("{" ENS ",'contacts':[{'role':'contact_point','name':'Jan de Vries','phone':"
         "'06 1234 5678','email':'j.devries@example.nl'}]}"),
     DOC("{" ENS ",'contacts':[{'role':'contact_point','name':'Jan de Vries','phone':"
         "'06 1234 5678','email':'j.devries@example.nl','personal':true}]}")},
    /* V017: the same in the programme's contact */
    {"V017", W, "/programme/contact", "\"Jan de Vries\" looks like a person's name",
     "{'format':'veilig','version':1,'programme':{'name':'Veilige Steden','contact':{'name':"
     "'Jan de Vries','email':'j.devries@example.nl'}},'municipalities':[]}",
     "{'format':'veilig','version':1,'programme':{'name':'Veilige Steden','contact':{'name':"
     "'Jan de Vries','email':'j.devries@example.nl','personal':true}},'municipalities':[]}"},
    /* V018: a province by name instead of its code */
    {"V018", W, "/municipalities/0/province", "\"Overijssel\" is not a Dutch province code",
     DOC("{" ENS ",'province':'Overijssel'}"), DOC("{" ENS ",'province':'NL-OV'}")},
    /* V019: a window with days only */
    {"V019", W, "/municipalities/0/measures/0/schedule/0",
     "the window has no hours (from, to) and no dayparts",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'days':['fri',"
         "'sat'],'note':'in de weekenden'}]}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'days':['fri',"
         "'sat'],'dayparts':['evening','night'],'note':'in de weekenden'}]}]}")},
    /* V020: an observation before the baseline */
    {"V020", W, "/municipalities/0/indicators/0/observations/1/date",
     "the observation is dated before the baseline",
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','baseline':{'date':"
         "'2021-06','value':40},'observations':[{'date':'2022','value':35},{'date':'2021-01',"
         "'value':45}]}]}"),
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','baseline':{'date':"
         "'2021-06','value':40},'observations':[{'date':'2022','value':35},{'date':'2021-07',"
         "'value':45}]}]}")},
    /* V021: a code twice in one list */
    {"V021", W, "/municipalities/0/scope/target_groups/2", "\"students\" is in target_groups twice",
     DOC("{" ENS ",'scope':{'target_groups':['students','youth','students']}}"),
     DOC("{" ENS ",'scope':{'target_groups':['students','youth']}}")},
    /* V022: a currency in small letters */
    {"V022", W, "/municipalities/0/measures/0/budget/currency",
     "currency \"eur\" is not an ISO 4217 code",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'budget':{'amount':12500.5,"
         "'currency':'eur'}}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'budget':{'amount':12500.5,"
         "'currency':'EUR'}}]}")},
    /* V025: a window that runs past noon of the next day: from and to swapped */
    {"V025", W, "/municipalities/0/measures/0/schedule/0/to",
     "the window runs from 23:00 past midnight to 21:00 the next day, 22 hours: are from and to "
     "swapped?",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'days':['fri',"
         "'sat'],'from':'23:00','to':'21:00'}]}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'days':['fri',"
         "'sat'],'from':'21:00','to':'23:00'}]}]}")},
    /* V026: a key a letter or two off a known one, in every kind of object; the
       near-identical document spells it right (and may hold keys of its own) */
    {"V026", W, "/municipalities/0/measures/0/descripton",
     "a measure has no key \"descripton\"; did you mean \"description\"?",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'descripton':'Ploeg'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'description':'Ploeg',"
         "'x_intern':'eigen veld'}]}")},
    /* the required key present beside its misspelling */
    {"V026", W, "/municipalities/0/measures/0/categroy",
     "a measure has no key \"categroy\"; did you mean \"category\"?",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'categroy':'campaign'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB "}]}")},
    {"V026", W, "/municipalities/0/provnce",
     "a municipality has no key \"provnce\"; did you mean \"province\"?",
     DOC("{" ENS ",'provnce':'NL-OV'}"), DOC("{" ENS ",'province':'NL-OV'}")},
    {"V026", W, "/municipalities/0/stakeholders/1/knd",
     "a stakeholder has no key \"knd\"; did you mean \"kind\"?",
     DOC("{" ENS ",'stakeholders':[" TEAM ",{'id':'politie','name':'Politie','knd':'police'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM ",{'id':'politie','name':'Politie','kind':'police'}]}")},
    {"V026", W, "/municipalities/0/measures/0/schedule/0/dayz", "did you mean \"days\"?",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'dayz':['fri'],"
         "'dayparts':['night']}]}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB ",'schedule':[{'days':['fri'],"
         "'dayparts':['night']}]}]}")},
    {"V026", W, "/municipalities/0/indicators/0/observations/0/vallue", "did you mean \"value\"?",
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','observations':[{'date':"
         "'2022','value':35,'vallue':36}]}]}"),
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','observations':[{'date':"
         "'2022','value':35}]}]}")},
    {"V026", W, "/municipalities/0/indicators/0/directon", "did you mean \"direction\"?",
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','directon':'decrease'}]}"),
     DOC("{" ENS ",'indicators':[{'id':'meldingen','name':'Meldingen','direction':'decrease'}]}")},
    {"V026", W, "/programme/contact/emial", "did you mean \"email\"?",
     "{'format':'veilig','version':1,'programme':{'name':'Veilige Steden','contact':{'role':"
     "'contact_point','name':'Programma Veilige Steden','emial':'info@example.nl'}},"
     "'municipalities':[]}",
     "{'format':'veilig','version':1,'programme':{'name':'Veilige Steden','contact':{'role':"
     "'contact_point','name':'Programma Veilige Steden','email':'info@example.nl'}},"
     "'municipalities':[]}"},
    {"V026", W, "/municipalities/0/sources/0/retreived", "did you mean \"retrieved\"?",
     DOC("{" ENS ",'sources':[{'title':'Aanpak','retreived':'2024'}]}"),
     DOC("{" ENS ",'sources':[{'title':'Aanpak','retrieved':'2024'}]}")},
    /* V023: an approach both in focus and excluded */
    {"V023", W, "/municipalities/0/excluded/0/approach",
     "\"enforcement\" is excluded, but also in focus",
     DOC("{" ENS ",'focus':['prevention','enforcement'],'excluded':[{'approach':'enforcement',"
         "'reason':'strafrechtelijk nog niet mogelijk'}]}"),
     DOC("{" ENS ",'focus':['prevention'],'excluded':[{'approach':'enforcement','reason':"
         "'strafrechtelijk nog niet mogelijk'}]}")},
    /* V024: a control character in a text (an escape sequence that clears a terminal) */
    {"V024", W, "/municipalities/0/measures/0/name", "control character U+001B (character 5)",
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'pub-ploeg','name':"
         "'PUB-\\u001b[2Jploeg','category':'deescalation'}]}"),
     DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'pub-ploeg','name':"
         "'PUB-[2Jploeg','category':'deescalation'}]}")},
};

START_TEST(test_rule_case_triggers) {
    const rule_case *rc = &rule_cases[_i];
    checked *c = check_doc(rc->bad);
    ck_assert_msg(veilig_diagnostics_count(c->d) == 1,
                  "case %d (%s at %s): expected exactly one diagnostic, got:%s", _i, rc->rule,
                  rc->pointer, describe(c->d));
    const veilig_diagnostic *x = veilig_diagnostics_get(c->d, 0);
    ck_assert_str_eq(x->rule, rc->rule);
    ck_assert_int_eq(x->severity, rc->severity);
    ck_assert_str_eq(x->pointer, rc->pointer);
    ck_assert_msg(strstr(x->message, rc->message) != NULL,
                  "case %d (%s): message \"%s\" lacks \"%s\"", _i, rc->rule, x->message,
                  rc->message);
    /* the pointer names a value of the document the diagnostic is about */
    (void)position_of(c->text, x->pointer);
    drop(c);
}
END_TEST

START_TEST(test_rule_case_passes) {
    const rule_case *rc = &rule_cases[_i];
    checked *c = check_doc(rc->good);
    ck_assert_msg(count_rule(c->d, rc->rule) == 0, "case %d: near-identical document gives %s:%s",
                  _i, rc->rule, describe(c->d));
    ck_assert_msg(veilig_diagnostics_count(c->d) == 0,
                  "case %d (%s): the near-identical document should give no diagnostics:%s", _i,
                  rc->rule, describe(c->d));
    drop(c);
}
END_TEST

START_TEST(test_every_rule_has_cases) {
    for (size_t r = 0; r < veilig_rule_count(); r++) {
        const char *id = veilig_rule_id(r);
        int found = 0;
        for (size_t i = 0; i < N(rule_cases); i++)
            if (strcmp(rule_cases[i].rule, id) == 0) {
                found = 1;
                ck_assert_msg(rule_cases[i].severity == veilig_rule_severity(r),
                              "case %zu: %s has severity %d in the rule table", i, id,
                              (int)veilig_rule_severity(r));
            }
        ck_assert_msg(found, "rule %s has no test case", id);
    }
    for (size_t i = 0; i < N(rule_cases); i++)
        ck_assert_msg(rule_index(rule_cases[i].rule) >= 0, "case %zu: rule %s is not in the table",
                      i, rule_cases[i].rule);
}
END_TEST

/* ---- more about single rules ---- */

START_TEST(test_v001_codes_without_case) {
    /* codes compare without case, as veilig_registry_find does; the lower-case
       one is also no CBS code (two diagnostics, one pointer, in rule order) */
    checked *c =
        check_doc(DOC("{'code':'GM0153','name':'Enschede'},{'code':'gm0153','name':'Hengelo'}"));
    ck_assert_msg(veilig_diagnostics_count(c->d) == 2, "%s", describe(c->d));
    ck_assert_str_eq(veilig_diagnostics_get(c->d, 0)->rule, "V001");
    ck_assert_str_eq(veilig_diagnostics_get(c->d, 1)->rule, "V002");
    ck_assert_str_eq(veilig_diagnostics_get(c->d, 0)->pointer, "/municipalities/1/code");
    ck_assert_str_eq(veilig_diagnostics_get(c->d, 1)->pointer, "/municipalities/1/code");
    drop(c);
}
END_TEST

START_TEST(test_v002_codes) {
    static const char *const bad[] = {"GM153", "GM01530", "gm0153", "GMabcd",
                                      "0153",  "NL0153",  "GM 153"};
    static const char *const good[] = {"GM0153", "GM0000", "GM9999"};
    char doc[256];
    for (size_t i = 0; i < N(bad) + N(good); i++) {
        int is_bad = i < N(bad);
        const char *code = is_bad ? bad[i] : good[i - N(bad)];
        snprintf(doc, sizeof doc, DOC("{'code':'%s','name':'X'}"), code);
        checked *c = check_doc(doc);
        ck_assert_msg(count_rule(c->d, "V002") == (size_t)is_bad, "code \"%s\":%s", code,
                      describe(c->d));
        drop(c);
    }
}
END_TEST

START_TEST(test_v006_ids) {
    static const char *const bad[] = {"PUB-ploeg", "pub_ploeg", "pub ploeg", "pub.ploeg",
                                      "p\\u00fcb"};
    static const char *const good[] = {"pub-ploeg", "a", "0", "-", "pub-ploeg-2"};
    char doc[512];
    for (size_t i = 0; i < N(bad) + N(good); i++) {
        int is_bad = i < N(bad);
        const char *id = is_bad ? bad[i] : good[i - N(bad)];
        snprintf(doc, sizeof doc,
                 DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{'id':'%s','name':'M',"
                     "'category':'campaign'}]}"),
                 id);
        checked *c = check_doc(doc);
        ck_assert_msg(count_rule(c->d, "V006") == (size_t)is_bad, "id \"%s\":%s", id,
                      describe(c->d));
        drop(c);
    }
}
END_TEST

START_TEST(test_v013_every_vocabulary_field) {
    /* an unknown code in every field that holds a code; the set of pointers
       is checked here (the order in test_document_order) */
    static const char *const expected[] = {
        "/programme/contact/role",
        "/municipalities/0/membership/status",
        "/municipalities/0/scope/target_groups/0",
        "/municipalities/0/scope/settings/0",
        "/municipalities/0/focus/0",
        "/municipalities/0/excluded/0/approach",
        "/municipalities/0/policy_links/0/kind",
        "/municipalities/0/policy_links/0/relation",
        "/municipalities/0/stakeholders/0/kind",
        "/municipalities/0/stakeholders/0/roles/0",
        "/municipalities/0/contacts/0/role",
        "/municipalities/0/measures/0/category",
        "/municipalities/0/measures/0/approach",
        "/municipalities/0/measures/0/target_groups/0",
        "/municipalities/0/measures/0/settings/0",
        "/municipalities/0/measures/0/schedule/0/days/0",
        "/municipalities/0/measures/0/schedule/0/dayparts/0",
        "/municipalities/0/measures/0/partners/0/role",
        "/municipalities/0/measures/0/status",
        "/municipalities/0/measures/0/evidence",
        "/municipalities/0/indicators/0/level",
        "/municipalities/0/indicators/0/unit",
        "/municipalities/0/indicators/0/direction",
    };
    checked *c = check_doc(
        "{'format':'veilig','version':1,'programme':{'contact':{'role':'x-role','name':"
        "'Veilige Steden'}},'municipalities':[{" ENS ",'membership':{'status':'x-status'},"
        "'scope':{'target_groups':['x-group'],'settings':['x-setting']},'focus':["
        "'x-approach'],'excluded':[{'approach':'x-approach-2'}],'policy_links':[{'name':"
        "'P','kind':'x-kind','relation':'x-relation'}],'stakeholders':[{'id':'team','name':"
        "'Team','kind':'x-type','roles':['x-role-2','executing']}],'contacts':[{'role':"
        "'x-role-3','name':'Team'}],'measures':[{'id':'m','name':'M','category':"
        "'x-category','approach':'x-approach-3','target_groups':['x-group'],'settings':["
        "'x-setting-2'],'schedule':[{'days':['x-day'],'dayparts':['x-daypart']}],"
        "'partners':[{'stakeholder':'team','role':'x-role-4'}],'status':'x-state',"
        "'evidence':'x-evidence'}],'indicators':[{'id':'i','name':'I','level':'x-level',"
        "'unit':'x-unit','direction':'x-direction'}]}]}");
    for (size_t i = 0; i < N(expected); i++)
        ck_assert_msg(find_diag(c->d, "V013", expected[i]) != NULL, "no V013 at %s:%s", expected[i],
                      describe(c->d));
    ck_assert_msg(veilig_diagnostics_count(c->d) == N(expected), "expected %zu diagnostics:%s",
                  N(expected), describe(c->d));
    for (size_t i = 0; i < veilig_diagnostics_count(c->d); i++)
        ck_assert_int_eq(veilig_diagnostics_get(c->d, i)->severity, VEILIG_SEVERITY_WARNING);
    drop(c);
}
END_TEST

START_TEST(test_v014_executing_stakeholder) {
    /* a stakeholder that executes the approach carries measures without partners */
    checked *c = check_doc(DOC("{" ENS ",'stakeholders':[" TEAM "],'measures':[{" PUB "}]}"));
    ck_assert_msg(count_rule(c->d, "V014") == 0, "%s", describe(c->d));
    drop(c);
    c = check_doc(DOC("{" ENS ",'stakeholders':[" POLITIE "],'measures':[{" PUB "}]}"));
    ck_assert_msg(count_rule(c->d, "V014") == 1, "%s", describe(c->d));
    drop(c);
}
END_TEST

START_TEST(test_v015_without_measures) {
    /* a municipality with no measures yet (a summary only) has no gaps to show */
    checked *c = check_doc(DOC("{" ENS ",'scope':{'target_groups':['women_girls','lgbtiq']}}"));
    ck_assert_msg(veilig_diagnostics_count(c->d) == 0, "%s", describe(c->d));
    drop(c);
}
END_TEST

START_TEST(test_v017_names) {
    /* desks and single words are no persons; without phone or e-mail nothing is personal */
    static const struct {
        const char *contact;
        int personal;
    } cases[] = {
        {"{'name':'Team Veiligheid','phone':'053 481 81 81'}", 0},
        {"{'name':'Meldpunt Straatintimidatie','email':'meldpunt@example.nl'}", 0},
        {"{'name':'Jan','phone':'06 1234 5678'}", 0},
        {"{'name':'Jan de Vries'}", 0},
        {"{'name':'Jan de Vries','email':'j.devries@example.nl'}", 1},
        {"{'name':'Fatima El Amrani','phone':'06 1234 5678'}", 1},
    };
    char doc[512];
    for (size_t i = 0; i < N(cases); i++) {
        snprintf(doc, sizeof doc, DOC("{" ENS ",'contacts':[%s]}"), cases[i].contact);
        checked *c = check_doc(doc);
        ck_assert_msg(count_rule(c->d, "V017") == (size_t)cases[i].personal, "contact %s:%s",
                      cases[i].contact, describe(c->d));
        drop(c);
    }
}
END_TEST

START_TEST(test_v023_once) {
    /* an approach twice in focus and once excluded: one V023 (and one V021) */
    checked *c =
        check_doc(DOC("{" ENS ",'focus':['enforcement','enforcement'],'excluded':[{'approach':"
                      "'enforcement'}]}"));
    ck_assert_msg(count_rule(c->d, "V021") == 1, "%s", describe(c->d));
    ck_assert_msg(count_rule(c->d, "V023") == 1, "one finding, one diagnostic:%s", describe(c->d));
    drop(c);
}
END_TEST

/* ---- periods: a partial date covers its whole year or month ---- */

START_TEST(test_period_semantics) {
    static const struct {
        const char *start, *end;
        int reversed;
    } cases[] = {
        {"2021", "2021", 0},          {"2021-05", "2021-04", 1},    {"2021-05", "2021-05", 0},
        {"2021", "2020", 1},          {"2021-12", "2021", 0},       {"2021", "2021-01", 0},
        {"2022", "2021-12", 1},       {"2021-04-15", "2021-04", 0}, {"2021-04-15", "2021-04-14", 1},
        {"2021-04-30", "2021-04", 0}, {"2021-05-01", "2021-04", 1}, {"2020-02-29", "2020-02", 0},
    };
    char doc[256];
    for (size_t i = 0; i < N(cases); i++) {
        snprintf(doc, sizeof doc,
                 DOC("{" ENS ",'membership':{'period':{'start':'%s','end':'%s'}}}"), cases[i].start,
                 cases[i].end);
        checked *c = check_doc(doc);
        ck_assert_msg(count_rule(c->d, "V011") == (size_t)cases[i].reversed,
                      "%s to %s should %sbe reversed:%s", cases[i].start, cases[i].end,
                      cases[i].reversed ? "" : "not ", describe(c->d));
        drop(c);
    }
}
END_TEST

START_TEST(test_target_date_semantics) {
    /* baseline to target is a period too (V011): a target "2021" runs to the
       end of 2021, so it does not lie before a baseline of June 2021 */
    static const struct {
        const char *baseline, *target;
        int before;
    } cases[] = {
        {"2021", "2021", 0},    {"2021-06", "2021", 0},          {"2021-06-15", "2021-06", 0},
        {"2022", "2021-12", 1}, {"2021-06-15", "2021-06-14", 1}, {"2021-06", "2021-05", 1},
    };
    char doc[512];
    for (size_t i = 0; i < N(cases); i++) {
        snprintf(doc, sizeof doc,
                 DOC("{" ENS ",'indicators':[{'id':'i','name':'I','baseline':{'date':'%s'},"
                     "'target':{'date':'%s'}}]}"),
                 cases[i].baseline, cases[i].target);
        checked *c = check_doc(doc);
        ck_assert_msg(count_rule(c->d, "V011") == (size_t)cases[i].before,
                      "baseline %s, target %s: the target should %slie before the baseline:%s",
                      cases[i].baseline, cases[i].target, cases[i].before ? "" : "not ",
                      describe(c->d));
        drop(c);
    }
}
END_TEST

/* ---- the diagnostics as a whole ---- */

START_TEST(test_empty_registry) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    keep(reg, free_registry);
    veilig_diagnostics *d = NULL;
    ck_assert_int_eq(veilig_validate(&d, reg), VEILIG_OK);
    keep(d, free_diagnostics);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(veilig_diagnostics_count(d), 0);
    ck_assert_ptr_null(veilig_diagnostics_get(d, 0));
    ck_assert_uint_eq(veilig_diagnostics_count_severity(d, VEILIG_SEVERITY_ERROR), 0);
    char *json = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_diagnostics_to_json(&json, &len, d), VEILIG_OK);
    keep(json, veilig_free);
    ck_assert_str_eq(json, "[]\n");
    ck_assert_uint_eq(len, 3);
    drop(json);
    drop(d);
    drop(reg);

    checked *c = check_doc("{'format':'veilig','version':1}");
    ck_assert_uint_eq(veilig_diagnostics_count(c->d), 0);
    drop(c);
    c = check_doc(DOC(""));
    ck_assert_uint_eq(veilig_diagnostics_count(c->d), 0);
    drop(c);
}
END_TEST

START_TEST(test_validate_einval) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    keep(reg, free_registry);
    ck_assert_int_eq(veilig_validate(NULL, reg), VEILIG_EINVAL);
    static char dummy;
    veilig_diagnostics *d = (veilig_diagnostics *)(void *)&dummy; /* must be cleared */
    ck_assert_int_eq(veilig_validate(&d, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(veilig_validate(NULL, NULL), VEILIG_EINVAL);
    drop(reg);

    static char x[] = "x";
    char *json = x; /* must be cleared */
    ck_assert_int_eq(veilig_diagnostics_to_json(&json, NULL, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(json);
    ck_assert_int_eq(veilig_diagnostics_to_json(NULL, NULL, NULL), VEILIG_EINVAL);
    ck_assert_uint_eq(veilig_diagnostics_count(NULL), 0);
    ck_assert_ptr_null(veilig_diagnostics_get(NULL, 0));
    ck_assert_uint_eq(veilig_diagnostics_count_severity(NULL, VEILIG_SEVERITY_WARNING), 0);
    veilig_diagnostics_free(NULL);
}
END_TEST

/* A document with nineteen findings, in canonical key order, and the
   findings in document order. */
static const char order_doc[] =
    "{'format':'veilig','version':1,"
    "'programme':{'name':'Veilige Steden','contact':{'role':'contact_point','name':"
    "'Jan de Vries','email':'j.devries@example.nl'}},"
    "'municipalities':[{'code':'GM0153','name':'Enschede','province':'Overijssel',"
    "'membership':{'period':{'start':'2022','end':'2021'},'status':'lid'},"
    "'scope':{'target_groups':['youth']},'focus':['prevention'],"
    "'excluded':[{'approach':'prevention'}],"
    "'stakeholders':[{'id':'team','name':'Team','kind':'afdeling'},{'id':'team','name':'Team 2'}],"
    "'contacts':[{'stakeholder':'teem','name':'Piet de Boer','phone':'06 1234 5678'}],"
    "'measures':[{'id':'a','name':'A','category':'campaign','schedule':[{'days':['fri']}],"
    "'partners':[{'stakeholder':'politie'}],'status':'lopend'},"
    "{'id':'a','name':'B','category':'campaign'}],"
    "'indicators':[{'id':'i','name':'I','direction':'decrease','baseline':{'date':'2022',"
    "'value':1},'target':{'date':'2021','value':2}}]},"
    "{'code':'GM0153','name':'Enschede 2'}]}";

static const struct {
    const char *rule, *pointer;
} order_expected[] = {
    {"V017", "/programme/contact"},
    {"V018", "/municipalities/0/province"},
    {"V011", "/municipalities/0/membership/period/end"},
    {"V013", "/municipalities/0/membership/status"},
    {"V015", "/municipalities/0/scope/target_groups/0"},
    {"V023", "/municipalities/0/excluded/0/approach"},
    {"V013", "/municipalities/0/stakeholders/0/kind"},
    {"V004", "/municipalities/0/stakeholders/1/id"},
    {"V017", "/municipalities/0/contacts/0"},
    {"V009", "/municipalities/0/contacts/0/stakeholder"},
    {"V014", "/municipalities/0/measures/0"},
    {"V019", "/municipalities/0/measures/0/schedule/0"},
    {"V007", "/municipalities/0/measures/0/partners/0/stakeholder"},
    {"V013", "/municipalities/0/measures/0/status"},
    {"V014", "/municipalities/0/measures/1"},
    {"V003", "/municipalities/0/measures/1/id"},
    {"V011", "/municipalities/0/indicators/0/target/date"},
    {"V016", "/municipalities/0/indicators/0/target/value"},
    {"V001", "/municipalities/1/code"},
};

START_TEST(test_document_order) {
    checked *c = check_doc(order_doc);
    /* the findings themselves */
    for (size_t i = 0; i < N(order_expected); i++)
        ck_assert_msg(find_diag(c->d, order_expected[i].rule, order_expected[i].pointer) != NULL,
                      "no %s at %s:%s", order_expected[i].rule, order_expected[i].pointer,
                      describe(c->d));
    ck_assert_msg(veilig_diagnostics_count(c->d) == N(order_expected), "expected %zu:%s",
                  N(order_expected), describe(c->d));
    /* their order: by position in the document (of the text, and of its canonical dump) */
    assert_document_order(c->d, c->text);
    char *dump = NULL;
    ck_assert_int_eq(veilig_registry_dump(&dump, NULL, c->reg, NULL, NULL), VEILIG_OK);
    keep(dump, veilig_free);
    assert_document_order(c->d, dump);
    drop(dump);
    for (size_t i = 0; i < N(order_expected); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(c->d, i);
        ck_assert_msg(strcmp(x->rule, order_expected[i].rule) == 0 &&
                          strcmp(x->pointer, order_expected[i].pointer) == 0,
                      "diagnostic %zu is %s %s, expected %s %s", i, x->rule, x->pointer,
                      order_expected[i].rule, order_expected[i].pointer);
    }
    drop(c);
}
END_TEST

START_TEST(test_order_of_municipalities) {
    /* findings of one municipality come before those of the next */
    checked *c =
        check_doc(DOC("{'code':'GM01','name':'A','province':'OV'},{'code':'GM02','name':'B',"
                      "'province':'GE'},{'code':'GM03','name':'C','province':'NL-GE'}"));
    static const char *const expected[][2] = {
        {"V002", "/municipalities/0/code"}, {"V018", "/municipalities/0/province"},
        {"V002", "/municipalities/1/code"}, {"V018", "/municipalities/1/province"},
        {"V002", "/municipalities/2/code"},
    };
    ck_assert_msg(veilig_diagnostics_count(c->d) == N(expected), "%s", describe(c->d));
    for (size_t i = 0; i < N(expected); i++) {
        ck_assert_str_eq(veilig_diagnostics_get(c->d, i)->rule, expected[i][0]);
        ck_assert_str_eq(veilig_diagnostics_get(c->d, i)->pointer, expected[i][1]);
    }
    assert_document_order(c->d, c->text);
    drop(c);
}
END_TEST

START_TEST(test_count_severity) {
    /* two errors (V002, V007), three warnings (V018, V013, V022) */
    checked *c = check_doc(
        DOC("{'code':'GM153','name':'Enschede','province':'Overijssel','stakeholders':[" TEAM
            "],'measures':[{" PUB ",'approach':'x-approach','partners':[{"
            "'stakeholder':'politie'}],'budget':{'amount':100,'currency':'euro'}}]}"));
    ck_assert_msg(veilig_diagnostics_count(c->d) == 5, "%s", describe(c->d));
    ck_assert_uint_eq(veilig_diagnostics_count_severity(c->d, VEILIG_SEVERITY_ERROR), 2);
    ck_assert_uint_eq(veilig_diagnostics_count_severity(c->d, VEILIG_SEVERITY_WARNING), 3);
    ck_assert_uint_eq(veilig_diagnostics_count_severity(c->d, VEILIG_SEVERITY_INFO), 0);
    ck_assert_uint_eq(veilig_diagnostics_count_severity(c->d, (veilig_severity)0), 0);
    ck_assert_uint_eq(veilig_diagnostics_count_severity(c->d, (veilig_severity)4), 0);
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < veilig_diagnostics_count(c->d); i++) {
        veilig_severity s = veilig_diagnostics_get(c->d, i)->severity;
        errors += s == VEILIG_SEVERITY_ERROR;
        warnings += s == VEILIG_SEVERITY_WARNING;
    }
    ck_assert_uint_eq(errors, 2);
    ck_assert_uint_eq(warnings, 3);
    ck_assert_ptr_null(veilig_diagnostics_get(c->d, 5));
    ck_assert_ptr_null(veilig_diagnostics_get(c->d, (size_t)-1));
    drop(c);
}
END_TEST

/* Asserts that json is the JSON form of d: an array of objects with exactly
   the four keys, holding what the diagnostics hold. */
static void assert_json_form(const char *json, size_t len, const veilig_diagnostics *d) {
    ck_assert_uint_eq(strlen(json), len);
    ck_assert_msg(len > 0 && json[len - 1] == '\n', "no final newline");
    json_error_t je;
    json_t *root = keep(json_loadb(json, len, 0, &je), free_json);
    ck_assert_msg(root != NULL, "not JSON: %s (line %d, column %d)", je.text, je.line, je.column);
    ck_assert(json_is_array(root));
    ck_assert_uint_eq(json_array_size(root), veilig_diagnostics_count(d));
    for (size_t i = 0; i < json_array_size(root); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        json_t *o = json_array_get(root, i);
        ck_assert(json_is_object(o));
        ck_assert_uint_eq(json_object_size(o), 4);
        static const char *const keys[] = {"severity", "rule", "pointer", "message"};
        for (size_t k = 0; k < N(keys); k++)
            ck_assert_msg(json_is_string(json_object_get(o, keys[k])),
                          "object %zu: no string \"%s\"", i, keys[k]);
        ck_assert_str_eq(json_string_value(json_object_get(o, "severity")),
                         veilig_severity_name(x->severity));
        ck_assert_str_eq(json_string_value(json_object_get(o, "rule")), x->rule);
        ck_assert_str_eq(json_string_value(json_object_get(o, "pointer")), x->pointer);
        ck_assert_str_eq(json_string_value(json_object_get(o, "message")), x->message);
    }
    drop(root);
}

START_TEST(test_to_json) {
    checked *c = check_doc(order_doc);
    char *json = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_diagnostics_to_json(&json, &len, c->d), VEILIG_OK);
    keep(json, veilig_free);
    assert_json_form(json, len, c->d);
    /* len may be NULL */
    char *again = NULL;
    ck_assert_int_eq(veilig_diagnostics_to_json(&again, NULL, c->d), VEILIG_OK);
    keep(again, veilig_free);
    ck_assert_str_eq(again, json);
    drop(again);
    drop(json);
    drop(c);
}
END_TEST

START_TEST(test_to_json_escapes) {
    /* quotes, a backslash, a control character and non-ASCII text in messages */
    static const char doc[] =
        "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":\"GM0153\","
        "\"name\":\"Enschede\",\"stakeholders\":[{\"id\":\"t\",\"name\":\"T\",\"roles\":["
        "\"executing\"]}],\"measures\":[{\"id\":\"a\",\"name\":\"A\",\"category\":"
        "\"a\\\"b\\\\c\\u0001d\\tcaf\\u00e9 \\u2019s avonds \\ud83d\\ude00\"}]}]}";
    veilig_registry *reg = NULL;
    veilig_error err;
    ck_assert_int_eq(veilig_registry_load_string(&reg, doc, strlen(doc), NULL, &err), VEILIG_OK);
    keep(reg, free_registry);
    veilig_diagnostics *d = NULL;
    ck_assert_int_eq(veilig_validate(&d, reg), VEILIG_OK);
    keep(d, free_diagnostics);
    /* the unknown code (V013), and its control character (V024) */
    ck_assert_msg(veilig_diagnostics_count(d) == 2, "%s", describe(d));
    ck_assert_str_eq(veilig_diagnostics_get(d, 1)->rule, "V024");
    const char *msg = veilig_diagnostics_get(d, 0)->message;
    ck_assert_msg(
        strstr(msg, "\"a\"b\\c\001d\tcaf\xc3\xa9 \xe2\x80\x99s avonds \xf0\x9f\x98\x80\"") != NULL,
        "message: %s", msg);
    char *json = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_diagnostics_to_json(&json, &len, d), VEILIG_OK);
    keep(json, veilig_free);
    assert_json_form(json, len, d);
    drop(json);
    drop(d);
    drop(reg);
}
END_TEST

/* Whether s is valid UTF-8. */
static int valid_utf8(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80             ? 0
                : (*p & 0xE0) == 0xC0 ? 1
                : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0)
            return 0;
        p++;
        for (int k = 0; k < n; k++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

START_TEST(test_long_message_utf8) {
    /* a long unknown code of two-byte characters, one byte out of step: a
       message that is cut must be cut between characters, and its JSON form
       must still be UTF-8 */
    size_t n = 700;
    char *code = keep(malloc(2 * n + 2), free);
    ck_assert_ptr_nonnull(code);
    code[0] = 'x';
    for (size_t i = 0; i < n; i++) {
        code[1 + 2 * i] = '\xc3';
        code[2 + 2 * i] = '\xa9';
    }
    code[1 + 2 * n] = '\0';
    size_t cap = strlen(code) + 512;
    char *doc = keep(malloc(cap), free);
    ck_assert_ptr_nonnull(doc);
    for (int shift = 0; shift < 2; shift++) {
        snprintf(doc, cap,
                 "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":\"GM0153\","
                 "\"name\":\"Enschede\",\"stakeholders\":[{\"id\":\"t\",\"name\":\"T\",\"roles\":"
                 "[\"executing\"]}],\"measures\":[{\"id\":\"a\",\"name\":\"A\",\"category\":"
                 "\"%s\"}]}]}",
                 code + shift);
        veilig_registry *reg = NULL;
        veilig_error err;
        ck_assert_int_eq(veilig_registry_load_string(&reg, doc, strlen(doc), NULL, &err),
                         VEILIG_OK);
        keep(reg, free_registry);
        veilig_diagnostics *d = NULL;
        ck_assert_int_eq(veilig_validate(&d, reg), VEILIG_OK);
        keep(d, free_diagnostics);
        ck_assert_uint_eq(veilig_diagnostics_count(d), 1);
        const char *msg = veilig_diagnostics_get(d, 0)->message;
        ck_assert_msg(valid_utf8(msg),
                      "shift %d: the message is not UTF-8 (cut inside a "
                      "character?), %zu bytes",
                      shift, strlen(msg));
        char *json = NULL;
        size_t len = 0;
        ck_assert_int_eq(veilig_diagnostics_to_json(&json, &len, d), VEILIG_OK);
        keep(json, veilig_free);
        assert_json_form(json, len, d);
        drop(json);
        drop(d);
        drop(reg);
    }
    drop(doc);
    drop(code);
}
END_TEST

START_TEST(test_validate_is_read_only) {
    /* validating twice gives the same findings, and leaves the registry as it was */
    checked *c = check_doc(order_doc);
    char *before = NULL, *after = NULL;
    ck_assert_int_eq(veilig_registry_dump(&before, NULL, c->reg, NULL, NULL), VEILIG_OK);
    keep(before, veilig_free);
    veilig_diagnostics *d2 = NULL;
    ck_assert_int_eq(veilig_validate(&d2, c->reg), VEILIG_OK);
    keep(d2, free_diagnostics);
    ck_assert_int_eq(veilig_registry_dump(&after, NULL, c->reg, NULL, NULL), VEILIG_OK);
    keep(after, veilig_free);
    ck_assert_str_eq(before, after);
    ck_assert_uint_eq(veilig_diagnostics_count(d2), veilig_diagnostics_count(c->d));
    for (size_t i = 0; i < veilig_diagnostics_count(d2); i++) {
        const veilig_diagnostic *a = veilig_diagnostics_get(c->d, i);
        const veilig_diagnostic *b = veilig_diagnostics_get(d2, i);
        ck_assert_str_eq(a->rule, b->rule);
        ck_assert_str_eq(a->pointer, b->pointer);
        ck_assert_str_eq(a->message, b->message);
        ck_assert_int_eq(a->severity, b->severity);
    }
    drop(d2);
    drop(before);
    drop(after);
    drop(c);
}
END_TEST

/* V024 looks at every string and key, and only at the characters it names. */
START_TEST(test_control_characters) {
    checked *c = check_doc(
        "{'format':'veilig','version':1,'programme':{'name':'Veilige\\u0007Steden'},"
        "'municipalities':[{'code':'GM0153','name':'Enschede','summary':'regel 1\\nregel "
        "2\\r\\n\\tmet tab','ambition':'abc\\u202edcb \\u202e','x-notitie\\u0085':'ok',"
        "'sources':[{'title':'Plan \\u2067isolaat\\u2069','url':'https://example.nl/?a=1&b=2'}],"
        "'membership':{'note':'DEL \\u007f'}}]}");
    static const struct {
        const char *pointer, *message;
    } expected[] = {
        {"/programme/name", "the text holds the control character U+0007 (character 8)"},
        {"/municipalities/0/ambition",
         "the text holds the bidirectional control U+202E (character 4) (right-to-left override)"},
        {"/municipalities/0/membership/note", "the control character U+007F (character 5)"},
        {"/municipalities/0/sources/0/title", "the bidirectional control U+2067 (character 6)"},
        {"/municipalities/0/x-notitie\xc2\x85", "the key holds the control character U+0085"},
    };
    for (size_t i = 0; i < N(expected); i++) {
        const veilig_diagnostic *x = find_diag(c->d, "V024", expected[i].pointer);
        ck_assert_msg(x != NULL, "no V024 at %s:%s", expected[i].pointer, describe(c->d));
        ck_assert_msg(strstr(x->message, expected[i].message) != NULL, "%s: \"%s\" lacks \"%s\"",
                      expected[i].pointer, x->message, expected[i].message);
        ck_assert_int_eq(x->severity, VEILIG_SEVERITY_WARNING);
    }
    /* one finding a string (two overrides in the ambition), none for the
       line breaks and the tab of the summary */
    ck_assert_msg(count_rule(c->d, "V024") == N(expected), "%s", describe(c->d));
    char *dump = NULL; /* in the order of the canonical document, as every rule */
    ck_assert_int_eq(veilig_registry_dump(&dump, NULL, c->reg, NULL, NULL), VEILIG_OK);
    keep(dump, veilig_free);
    assert_document_order(c->d, dump);
    drop(dump);
    drop(c);
}
END_TEST

/* ---- the rule table ---- */

START_TEST(test_rule_table) {
    ck_assert_uint_eq(veilig_rule_count(), 26);
    for (size_t i = 0; i < veilig_rule_count(); i++) {
        char id[32];
        snprintf(id, sizeof id, "V%03zu", i + 1);
        ck_assert_ptr_nonnull(veilig_rule_id(i));
        ck_assert_str_eq(veilig_rule_id(i), id);
        for (size_t k = 0; k < i; k++)
            ck_assert_str_ne(veilig_rule_id(k), veilig_rule_id(i));
        veilig_severity s = veilig_rule_severity(i);
        ck_assert_msg(s == VEILIG_SEVERITY_ERROR || s == VEILIG_SEVERITY_WARNING ||
                          s == VEILIG_SEVERITY_INFO,
                      "%s: severity %d", id, (int)s);
        const char *summary = veilig_rule_summary(i);
        ck_assert_ptr_nonnull(summary);
        ck_assert_uint_gt(strlen(summary), 10);
    }
    /* errors first: V001..V012 are errors, V013..V026 warnings */
    for (size_t i = 0; i < veilig_rule_count(); i++)
        ck_assert_int_eq(veilig_rule_severity(i),
                         i < 12 ? VEILIG_SEVERITY_ERROR : VEILIG_SEVERITY_WARNING);
    ck_assert_ptr_null(veilig_rule_id(26));
    ck_assert_ptr_null(veilig_rule_summary(26));
    ck_assert_int_eq(veilig_rule_severity(26), 0);
    ck_assert_ptr_null(veilig_rule_id((size_t)-1));
    ck_assert_str_eq(veilig_severity_name(VEILIG_SEVERITY_ERROR), "error");
    ck_assert_str_eq(veilig_severity_name(VEILIG_SEVERITY_WARNING), "warning");
    ck_assert_str_eq(veilig_severity_name(VEILIG_SEVERITY_INFO), "info");
    ck_assert_ptr_null(veilig_severity_name((veilig_severity)0));
    ck_assert_ptr_null(veilig_severity_name((veilig_severity)4));
}
END_TEST

START_TEST(test_rule_ids_of_diagnostics) {
    /* every diagnostic carries an id and severity of the table (the same static string) */
    checked *c = check_doc(order_doc);
    for (size_t i = 0; i < veilig_diagnostics_count(c->d); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(c->d, i);
        int r = rule_index(x->rule);
        ck_assert_msg(r >= 0, "unknown rule %s", x->rule);
        ck_assert_int_eq(x->severity, veilig_rule_severity((size_t)r));
        ck_assert_ptr_eq(x->rule, veilig_rule_id((size_t)r));
        ck_assert_uint_gt(strlen(x->message), 0);
    }
    drop(c);
}
END_TEST

static Suite *validate_suite(void) {
    Suite *s = suite_create("validate");
    TCase *tc = tcase_create("rules");
    tcase_add_checked_fixture(tc, NULL, free_garbage);
    tcase_add_loop_test(tc, test_rule_case_triggers, 0, (int)N(rule_cases));
    tcase_add_loop_test(tc, test_rule_case_passes, 0, (int)N(rule_cases));
    tcase_add_test(tc, test_every_rule_has_cases);
    tcase_add_test(tc, test_v001_codes_without_case);
    tcase_add_test(tc, test_v002_codes);
    tcase_add_test(tc, test_v006_ids);
    tcase_add_test(tc, test_v013_every_vocabulary_field);
    tcase_add_test(tc, test_v014_executing_stakeholder);
    tcase_add_test(tc, test_v015_without_measures);
    tcase_add_test(tc, test_v017_names);
    tcase_add_test(tc, test_v023_once);
    tcase_add_test(tc, test_period_semantics);
    tcase_add_test(tc, test_target_date_semantics);
    suite_add_tcase(s, tc);

    tc = tcase_create("diagnostics");
    tcase_add_checked_fixture(tc, NULL, free_garbage);
    tcase_add_test(tc, test_empty_registry);
    tcase_add_test(tc, test_validate_einval);
    tcase_add_test(tc, test_document_order);
    tcase_add_test(tc, test_order_of_municipalities);
    tcase_add_test(tc, test_count_severity);
    tcase_add_test(tc, test_to_json);
    tcase_add_test(tc, test_to_json_escapes);
    tcase_add_test(tc, test_control_characters);
    tcase_add_test(tc, test_long_message_utf8);
    tcase_add_test(tc, test_validate_is_read_only);
    suite_add_tcase(s, tc);

    tc = tcase_create("table");
    tcase_add_checked_fixture(tc, NULL, free_garbage);
    tcase_add_test(tc, test_rule_table);
    tcase_add_test(tc, test_rule_ids_of_diagnostics);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(validate_suite());
}
