/* libveilig: the sheets of a document and their columns (docs/spreadsheets.md). */
#include <string.h>

#include "sheet_internal.h"

#define R    VG_COL_REQUIRED
#define O    (VG_COL_REQUIRED | VG_COL_IN_OBJECT)
#define V(x) VEILIG_VOCAB_##x

/* The link to the row's municipality, the first column of every sheet below the document. */
#define MUNI(help_nl, help_en)                                                                     \
    { "municipality", NULL, VG_C_MUNI, 0, R, "Gemeente", "Municipality", help_nl, help_en }
#define MUNI_OF(what_nl, what_en)                                                                  \
    MUNI("CBS-code van de gemeente van " what_nl " (GM0153).",                                     \
         "CBS code of the municipality of " what_en " (GM0153).")

static const vg_column programme_cols[] = {
    {"name", "name", VG_C_TEXT, 0, 0, "Naam", "Name", "Naam van het programma.",
     "Name of the programme."},
    {"operator", "operator", VG_C_TEXT, 0, 0, "Uitvoerder", "Operator",
     "Organisatie die het programma uitvoert.", "Organisation that runs the programme."},
    {"contact_stakeholder", "contact.stakeholder", VG_C_TEXT, 0, 0, "Contact partij",
     "Contact stakeholder", "Id van de partij van het contact.",
     "Id of the contact's stakeholder."},
    {"contact_role", "contact.role", VG_C_CODE, V(ROLE), 0, "Contact rol", "Contact role",
     "Rol van het contact (aanspreekpunt).", "Role of the contact (contact point)."},
    {"contact_name", "contact.name", VG_C_TEXT, 0, 0, "Contact naam", "Contact name",
     "Naam van team of persoon.", "Name of the team or person."},
    {"contact_phone", "contact.phone", VG_C_TEXT, 0, 0, "Contact telefoon", "Contact phone",
     "Telefoonnummer.", "Phone number."},
    {"contact_email", "contact.email", VG_C_TEXT, 0, 0, "Contact e-mail", "Contact e-mail",
     "E-mailadres.", "E-mail address."},
    {"contact_personal", "contact.personal", VG_C_BOOL, 0, 0, "Contact persoonsgegevens",
     "Contact personal", "ja als het om een persoon gaat.", "yes when it is about a person."}};

static const vg_column municipality_cols[] = {
    {"code", "code", VG_C_KEY, 0, R, "Code", "Code", "CBS-gemeentecode: GM en vier cijfers.",
     "CBS municipality code: GM and four digits."},
    {"name", "name", VG_C_TEXT, 0, R, "Naam", "Name", "Naam van de gemeente (Enschede).",
     "Name of the municipality (Enschede)."},
    {"official_name", "official_name", VG_C_TEXT, 0, 0, "Officiële naam", "Official name",
     "Officiële naam (Gemeente Enschede).", "Official name (Gemeente Enschede)."},
    {"province", "province", VG_C_PROVINCE, 0, 0, "Provincie", "Province",
     "Provincie: code (NL-OV) of naam (Overijssel).", "Province: code (NL-OV) or name."},
    {"membership_joined", "membership.joined", VG_C_DATE, 0, 0, "Lid sinds", "Joined",
     "Wanneer de gemeente meedoet aan het programma.", "When it joined the programme."},
    {"membership_start", "membership.period.start", VG_C_DATE, 0, 0, "Deelname start",
     "Membership start", "Begin van de deelname.", "Start of the membership."},
    {"membership_end", "membership.period.end", VG_C_DATE, 0, 0, "Deelname einde", "Membership end",
     "Einde van de deelname.", "End of the membership."},
    {"membership_status", "membership.status", VG_C_CODE, V(MEMBERSHIP_STATUS), 0,
     "Deelname status", "Membership status", "Actief, voormalig of onbekend.",
     "Active, former or unknown."},
    {"membership_note", "membership.note", VG_C_TEXT, 0, 0, "Deelname opmerking", "Membership note",
     "Opmerking over de deelname.", "A note about the membership."},
    {"summary", "summary", VG_C_TEXT, 0, 0, "Samenvatting", "Summary", "De aanpak in één regel.",
     "The approach in one line."},
    {"ambition", "ambition", VG_C_TEXT, 0, 0, "Ambitie", "Ambition", "De ambitie van de gemeente.",
     "The municipality's ambition."},
    {"target_groups", "scope.target_groups", VG_C_CODES, V(TARGET_GROUP), 0, "Doelgroepen",
     "Target groups", "Voor wie de aanpak is; meerdere gescheiden door ;.",
     "Who the approach is for; several separated by ;."},
    {"settings", "scope.settings", VG_C_CODES, V(SETTING), 0, "Domeinen", "Settings",
     "Waar: openbare ruimte, uitgaan, online, onderwijs, werk.",
     "Where: public space, nightlife, online, education, work."},
    {"focus", "focus", VG_C_CODES, V(APPROACH), 0, "Focus", "Focus",
     "De aanpakken die voorop staan (preventie, ...).", "The approaches put first."}};

static const vg_column exclusion_cols[] = {
    MUNI_OF("de uitsluiting", "the exclusion"),
    {"approach", "approach", VG_C_CODE, V(APPROACH), R, "Aanpak", "Approach",
     "De aanpak die de gemeente nu niet volgt.", "The approach it does not pursue now."},
    {"reason", "reason", VG_C_TEXT, 0, 0, "Reden", "Reason", "Waarom niet.", "Why not."}};

static const vg_column policy_link_cols[] = {
    MUNI_OF("de koppeling", "the link"),
    {"name", "name", VG_C_TEXT, 0, R, "Naam", "Name", "Naam van beleid, programma, netwerk of wet.",
     "Name of the policy, programme, network or law."},
    {"kind", "kind", VG_C_CODE, V(LINK_KIND), 0, "Soort", "Kind",
     "Beleid, programma, netwerk of wet.", "Policy, programme, network or law."},
    {"relation", "relation", VG_C_CODE, V(LINK_RELATION), 0, "Relatie", "Relation",
     "Ingebed in, sluit aan bij of bouwt voort op.", "Embedded in, aligned with or builds on."},
    {"note", "note", VG_C_TEXT, 0, 0, "Opmerking", "Note", "Een opmerking.", "A note."}};

static const vg_column stakeholder_cols[] = {
    MUNI_OF("de partij", "the stakeholder"),
    {"id", "id", VG_C_KEY, 0, R, "Id", "Id", "Korte unieke naam: letters, cijfers en -.",
     "Short unique name: letters, digits and -."},
    {"name", "name", VG_C_TEXT, 0, R, "Naam", "Name", "Naam van de partij.",
     "Name of the stakeholder."},
    {"kind", "kind", VG_C_CODE, V(STAKEHOLDER_TYPE), 0, "Soort", "Kind",
     "Soort partij (politie, ...).", "Kind of party (police, ...)."},
    {"roles", "roles", VG_C_CODES, V(ROLE), 0, "Rollen", "Roles",
     "Rollen in de aanpak; meerdere gescheiden door ;.", "Roles in the approach; separated by ;."},
    {"parent", "parent", VG_C_TEXT, 0, 0, "Onderdeel van", "Part of",
     "Id van de partij waar deze onder valt.", "Id of the stakeholder it is part of."},
    {"note", "note", VG_C_TEXT, 0, 0, "Opmerking", "Note", "Een opmerking.", "A note."}};

static const vg_column contact_cols[] = {
    MUNI_OF("het contact", "the contact"),
    {"stakeholder", "stakeholder", VG_C_TEXT, 0, 0, "Partij", "Stakeholder",
     "Id van de partij van het contact.", "Id of the contact's stakeholder."},
    {"role", "role", VG_C_CODE, V(ROLE), 0, "Rol", "Role", "Rol, meestal aanspreekpunt.",
     "Role, usually contact point."},
    {"name", "name", VG_C_TEXT, 0, 0, "Naam", "Name", "Naam van team of persoon.",
     "Name of the team or person."},
    {"phone", "phone", VG_C_TEXT, 0, 0, "Telefoon", "Phone", "Telefoonnummer.", "Phone number."},
    {"email", "email", VG_C_TEXT, 0, 0, "E-mail", "E-mail", "E-mailadres.", "E-mail address."},
    {"personal", "personal", VG_C_BOOL, 0, 0, "Persoonsgegevens", "Personal",
     "ja als het om een persoon gaat (dan nooit in rapporten).",
     "yes when it is about a person (then never in reports)."}};

static const vg_column measure_cols[] = {
    MUNI_OF("de maatregel", "the measure"),
    {"id", "id", VG_C_KEY, 0, R, "Id", "Id", "Korte unieke naam: a-z, 0-9 en - (pub-ploeg).",
     "Short unique name: a-z, 0-9 and - (pub-ploeg)."},
    {"name", "name", VG_C_TEXT, 0, R, "Maatregel", "Measure", "Naam van de maatregel.",
     "Name of the measure."},
    {"description", "description", VG_C_TEXT, 0, 0, "Beschrijving", "Description",
     "Wat de maatregel is en doet.", "What it is and does."},
    {"category", "category", VG_C_CODE, V(CATEGORY), R, "Categorie", "Category",
     "Soort maatregel (omstanders, toezicht, ...).", "Kind of measure (bystander, ...)."},
    {"approach", "approach", VG_C_CODE, V(APPROACH), 0, "Aanpak", "Approach",
     "Leeg: de gebruikelijke aanpak van de categorie.", "Empty: the category's usual approach."},
    {"target_groups", "target_groups", VG_C_CODES, V(TARGET_GROUP), 0, "Doelgroepen",
     "Target groups", "Voor wie; meerdere gescheiden door ;.", "Who for; separated by ;."},
    {"settings", "settings", VG_C_CODES, V(SETTING), 0, "Domeinen", "Settings",
     "Waar de maatregel werkt.", "Where it works."},
    {"area_name", "area.name", VG_C_TEXT, 0, 0, "Gebied", "Area", "Het gebied (Binnenstad).",
     "The area (city centre)."},
    {"area_note", "area.note", VG_C_TEXT, 0, 0, "Gebied opmerking", "Area note",
     "Welke straten, bijvoorbeeld.", "Which streets, say."},
    {"status", "status", VG_C_CODE, V(MEASURE_STATE), 0, "Status", "Status",
     "Gepland, actief, beëindigd of onbekend.", "Planned, active, ended or unknown."},
    {"start", "period.start", VG_C_DATE, 0, 0, "Start", "Start",
     "Begonnen: 2022, 2022-03 of nov 2021.", "Started: 2022, 2022-03 or Nov 2021."},
    {"end", "period.end", VG_C_DATE, 0, 0, "Einde", "End", "Eindigt of geëindigd.",
     "Ends or ended."},
    {"budget_amount", "budget.amount", VG_C_AMOUNT, 0, O, "Budget", "Budget",
     "Bedrag, hoogstens twee decimalen (€ 12.500,50).", "Amount, at most two decimals."},
    {"budget_currency", "budget.currency", VG_C_TEXT, 0, 0, "Valuta", "Currency",
     "Valutacode: EUR.", "Currency code: EUR."},
    {"budget_start", "budget.period.start", VG_C_DATE, 0, 0, "Budget start", "Budget start",
     "Begin van de periode van het budget.", "Start of the budget's period."},
    {"budget_end", "budget.period.end", VG_C_DATE, 0, 0, "Budget einde", "Budget end",
     "Einde van de periode van het budget.", "End of the budget's period."},
    {"evidence", "evidence", VG_C_CODE, V(EVIDENCE), 0, "Bewijskracht", "Evidence",
     "Erkenningsniveau (goed beschreven, ...).", "Recognition level (well described, ...)."},
    {"indicators", "indicators", VG_C_IDS, 0, 0, "Indicatoren", "Indicators",
     "Ids van de indicatoren die de maatregel dient.", "Ids of the indicators it serves."}};

static const vg_column schedule_cols[] = {
    MUNI_OF("de maatregel", "the measure"),
    {"measure", NULL, VG_C_PARENT, 0, R, "Maatregel", "Measure", "Id van de maatregel.",
     "Id of the measure."},
    {"days", "days", VG_C_CODES, V(DAY), 0, "Dagen", "Days", "Dagen (vrijdag; zaterdag).",
     "Days (Friday; Saturday)."},
    {"dayparts", "dayparts", VG_C_CODES, V(DAYPART), 0, "Dagdelen", "Dayparts",
     "Dagdelen (avond; nacht).", "Parts of the day (evening; night)."},
    {"from", "from", VG_C_TIME, 0, 0, "Van", "From", "Begintijd (22:00).", "Start time (22:00)."},
    {"to", "to", VG_C_TIME, 0, 0, "Tot", "To", "Eindtijd (04:00: de volgende dag).",
     "End time (04:00: the next day)."},
    {"note", "note", VG_C_TEXT, 0, 0, "Opmerking", "Note", "Een opmerking.", "A note."}};

static const vg_column partner_cols[] = {
    MUNI_OF("de maatregel", "the measure"),
    {"measure", NULL, VG_C_PARENT, 0, R, "Maatregel", "Measure", "Id van de maatregel.",
     "Id of the measure."},
    {"stakeholder", "stakeholder", VG_C_TEXT, 0, R, "Partij", "Stakeholder",
     "Id van de partij (blad partijen).", "Id of the stakeholder (sheet stakeholders)."},
    {"role", "role", VG_C_CODE, V(ROLE), 0, "Rol", "Role", "Rol in deze maatregel.",
     "Role in this measure."},
    {"note", "note", VG_C_TEXT, 0, 0, "Opmerking", "Note", "Een opmerking.", "A note."}};

static const vg_column indicator_cols[] = {
    MUNI_OF("de indicator", "the indicator"),
    {"id", "id", VG_C_KEY, 0, R, "Id", "Id", "Korte unieke naam.", "Short unique name."},
    {"name", "name", VG_C_TEXT, 0, R, "Indicator", "Indicator", "Wat de indicator meet.",
     "What it measures."},
    {"level", "level", VG_C_CODE, V(RESULT_LEVEL), 0, "Niveau", "Level",
     "Output, uitkomst of impact.", "Output, outcome or impact."},
    {"unit", "unit", VG_C_CODE, V(UNIT), 0, "Eenheid", "Unit", "Aantal, percentage, ...",
     "Count, percent, ..."},
    {"direction", "direction", VG_C_CODE, V(DIRECTION), 0, "Richting", "Direction",
     "Stijgen of dalen is beter.", "Increase or decrease is better."},
    {"baseline_date", "baseline.date", VG_C_DATE, 0, 0, "Datum nulmeting", "Baseline date",
     "Wanneer de nulmeting was.", "When the baseline was measured."},
    {"baseline_value", "baseline.value", VG_C_NUMBER, 0, 0, "Nulmeting", "Baseline",
     "Waarde van de nulmeting.", "Baseline value."},
    {"baseline_note", "baseline.note", VG_C_TEXT, 0, 0, "Nulmeting opmerking", "Baseline note",
     "Bron of vraag van de nulmeting.", "Source or question of the baseline."},
    {"target_date", "target.date", VG_C_DATE, 0, 0, "Datum doel", "Target date",
     "Wanneer het doel bereikt moet zijn.", "When the target is due."},
    {"target_value", "target.value", VG_C_NUMBER, 0, 0, "Doel", "Target",
     "De waarde die bereikt moet worden.", "The value to reach."}};

static const vg_column observation_cols[] = {
    MUNI_OF("de indicator", "the indicator"),
    {"indicator", NULL, VG_C_PARENT, 0, R, "Indicator", "Indicator", "Id van de indicator.",
     "Id of the indicator."},
    {"date", "date", VG_C_DATE, 0, R, "Datum", "Date", "Wanneer gemeten.", "When measured."},
    {"value", "value", VG_C_NUMBER, 0, R, "Waarde", "Value", "De gemeten waarde.",
     "The value measured."},
    {"source", "source", VG_C_TEXT, 0, 0, "Bron", "Source", "Waar de waarde vandaan komt.",
     "Where the value comes from."},
    {"note", "note", VG_C_TEXT, 0, 0, "Opmerking", "Note", "Een opmerking.", "A note."}};

static const vg_column source_cols[] = {
    {"municipality", NULL, VG_C_MUNI, 0, 0, "Gemeente", "Municipality",
     "CBS-code van de gemeente; leeg: een bron van het programma.",
     "CBS code of the municipality; empty: a source of the programme."},
    {"title", "title", VG_C_TEXT, 0, R, "Titel", "Title", "Titel van pagina of document.",
     "Title of the page or document."},
    {"publisher", "publisher", VG_C_TEXT, 0, 0, "Uitgever", "Publisher", "Wie het publiceerde.",
     "Who published it."},
    {"url", "url", VG_C_TEXT, 0, 0, "Adres", "URL", "Waar het staat.", "Where it is."},
    {"retrieved", "retrieved", VG_C_DATE, 0, 0, "Geraadpleegd", "Retrieved", "Wanneer gelezen.",
     "When it was read."}};

#define COLS(a) a, sizeof a / sizeof *a

/* Indexed by veilig_sheet. */
static const vg_sheet_def sheets[VG_NSHEETS + 1] = {
    {NULL, NULL, NULL, NULL, 0, -1, -1, -1, NULL, 0},
    {"programme", "programma", "programme", "programme", 0, -1, -1, -1, COLS(programme_cols)},
    {"municipalities", "gemeenten", "municipalities", "municipalities", 0, 0, -1, -1,
     COLS(municipality_cols)},
    {"exclusions", "uitgesloten", "exclusions", "excluded", VEILIG_SHEET_MUNICIPALITIES, -1, 0, -1,
     COLS(exclusion_cols)},
    {"policy_links", "beleid", "policy links", "policy_links", VEILIG_SHEET_MUNICIPALITIES, -1, 0,
     -1, COLS(policy_link_cols)},
    {"stakeholders", "partijen", "stakeholders", "stakeholders", VEILIG_SHEET_MUNICIPALITIES, 1, 0,
     -1, COLS(stakeholder_cols)},
    {"contacts", "contacten", "contacts", "contacts", VEILIG_SHEET_MUNICIPALITIES, -1, 0, -1,
     COLS(contact_cols)},
    {"measures", "maatregelen", "measures", "measures", VEILIG_SHEET_MUNICIPALITIES, 1, 0, -1,
     COLS(measure_cols)},
    {"schedule", "rooster", "schedule", "schedule", VEILIG_SHEET_MEASURES, -1, 0, 1,
     COLS(schedule_cols)},
    {"partners", "uitvoering", "partners", "partners", VEILIG_SHEET_MEASURES, -1, 0, 1,
     COLS(partner_cols)},
    {"indicators", "indicatoren", "indicators", "indicators", VEILIG_SHEET_MUNICIPALITIES, 1, 0, -1,
     COLS(indicator_cols)},
    {"observations", "metingen", "observations", "observations", VEILIG_SHEET_INDICATORS, -1, 0, 1,
     COLS(observation_cols)},
    {"sources", "bronnen", "sources", "sources", VEILIG_SHEET_MUNICIPALITIES, -1, 0, -1,
     COLS(source_cols)}};

const vg_sheet_def *vg_sheet_def_get(int sheet) {
    return sheet >= 1 && sheet <= VG_NSHEETS ? &sheets[sheet] : NULL;
}

static int vg_lang_ok(const char *lang) {
    return !lang || strcmp(lang, "nl") == 0 || strcmp(lang, "en") == 0;
}

int veilig_sheet_count(void) {
    return VG_NSHEETS;
}

const char *veilig_sheet_name(veilig_sheet sheet, const char *lang) {
    const vg_sheet_def *d = vg_sheet_def_get((int)sheet);
    if (!d || !vg_lang_ok(lang))
        return NULL;
    return !lang ? d->name : lang[0] == 'n' ? d->nl : d->en;
}

size_t vg_sheet_norm(char *buf, size_t size, const char *s, size_t len) {
    /* fold into a buffer on the stack (no allocation: nothing here can run out of memory);
       folding never grows a text, and headers and codes are short */
    char tmp[512];
    vg_buf b;
    vg_buf_init_fixed(&b, tmp, sizeof tmp);
    if (len > sizeof tmp - 1)
        len = sizeof tmp - 1;
    while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
        len--; /* cut at a character */
    vg_fold(&b, s, len);
    size_t n = 0;
    for (size_t i = 0; i < b.len && n + 1 < size; i++) {
        unsigned char c = (unsigned char)b.data[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            buf[n++] = (char)c;
        else if (c >= 'A' && c <= 'Z')
            buf[n++] = (char)(c - 'A' + 'a');
    }
    if (size)
        buf[n] = '\0';
    return n;
}

veilig_sheet veilig_sheet_from_name(const char *name) {
    if (!name)
        return (veilig_sheet)0;
    char want[64], have[64];
    vg_sheet_norm(want, sizeof want, name, strlen(name));
    for (int i = 1; i <= VG_NSHEETS; i++) {
        const char *names[3] = {sheets[i].name, sheets[i].nl, sheets[i].en};
        for (int k = 0; k < 3; k++) {
            vg_sheet_norm(have, sizeof have, names[k], strlen(names[k]));
            if (want[0] && strcmp(want, have) == 0)
                return (veilig_sheet)i;
        }
    }
    return (veilig_sheet)0;
}

size_t veilig_sheet_column_count(veilig_sheet sheet) {
    const vg_sheet_def *d = vg_sheet_def_get((int)sheet);
    return d ? d->ncols : 0;
}

static const vg_column *vg_col(veilig_sheet sheet, size_t index) {
    const vg_sheet_def *d = vg_sheet_def_get((int)sheet);
    return d && index < d->ncols ? &d->cols[index] : NULL;
}

const char *veilig_sheet_column_name(veilig_sheet sheet, size_t index, const char *lang) {
    const vg_column *c = vg_col(sheet, index);
    if (!c || !vg_lang_ok(lang))
        return NULL;
    return !lang ? c->key : lang[0] == 'n' ? c->nl : c->en;
}

const char *veilig_sheet_column_help(veilig_sheet sheet, size_t index, const char *lang) {
    const vg_column *c = vg_col(sheet, index);
    if (!c || !vg_lang_ok(lang))
        return NULL;
    return lang && lang[0] == 'e' ? c->help_en : c->help_nl;
}

veilig_vocab veilig_sheet_column_vocab(veilig_sheet sheet, size_t index) {
    const vg_column *c = vg_col(sheet, index);
    return c ? (veilig_vocab)c->vocab : (veilig_vocab)0;
}

int veilig_sheet_options_init(veilig_sheet_options *opts, unsigned version) {
    if (!opts)
        return VEILIG_EINVAL;
    if (version != VEILIG_SHEET_OPTIONS_VERSION)
        return VEILIG_EVERSION;
    veilig_sheet_options init = VEILIG_SHEET_OPTIONS_INIT;
    *opts = init;
    return VEILIG_OK;
}
