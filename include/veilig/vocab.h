/**
 * @file
 * libveilig: controlled vocabularies.
 *
 * Every vocabulary of the document format is an enum veilig_<vocab> whose
 * known values run from 1 to veilig_vocab_size(); 0 (VEILIG_<VOCAB>_OTHER)
 * stands for a value that is absent or that this version of the library does
 * not know. An unknown code read from a document is kept as its string: every
 * enum-valued getter of the model has a _code twin that returns it.
 *
 * Labels: lang "nl" (or NULL) gives the Dutch label the reports use, "en" the
 * English one; any other language gives NULL. All strings returned here are
 * static; none needs freeing.
 *
 * Errors: the lookups here do not fail; they return 0 or NULL for what they
 * do not know. veilig_error_last() (common.h) is for the functions that fail.
 */
#ifndef VEILIG_VOCAB_H
#define VEILIG_VOCAB_H

#include "veilig/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The vocabularies themselves, for generic code (bindings, reports). */
typedef enum veilig_vocab {
    VEILIG_VOCAB_APPROACH = 1,
    VEILIG_VOCAB_CATEGORY = 2,
    VEILIG_VOCAB_TARGET_GROUP = 3,
    VEILIG_VOCAB_SETTING = 4,
    VEILIG_VOCAB_STAKEHOLDER_TYPE = 5,
    VEILIG_VOCAB_ROLE = 6,
    VEILIG_VOCAB_LINK_KIND = 7,
    VEILIG_VOCAB_LINK_RELATION = 8,
    VEILIG_VOCAB_MEMBERSHIP_STATUS = 9,
    VEILIG_VOCAB_MEASURE_STATE = 10,
    VEILIG_VOCAB_EVIDENCE = 11,
    VEILIG_VOCAB_RESULT_LEVEL = 12,
    VEILIG_VOCAB_UNIT = 13,
    VEILIG_VOCAB_DIRECTION = 14,
    VEILIG_VOCAB_DAY = 15,
    VEILIG_VOCAB_DAYPART = 16
} veilig_vocab;

/** Approaches: how a measure works. */
typedef enum veilig_approach {
    VEILIG_APPROACH_OTHER = 0,       /**< absent, or a code this version does not know */
    VEILIG_APPROACH_PREVENTION = 1,  /**< "prevention": preventie */
    VEILIG_APPROACH_ENFORCEMENT = 2, /**< "enforcement": handhaving en repressie */
    VEILIG_APPROACH_SUPPORT = 3,     /**< "support": opvang en hulp */
    VEILIG_APPROACH_SIGNALLING = 4   /**< "signalling": signalering en melden */
} veilig_approach;

/** Categories of measures. */
typedef enum veilig_category {
    VEILIG_CATEGORY_OTHER = 0,               /**< absent, or a code this version does not know */
    VEILIG_CATEGORY_DEESCALATION = 1,        /**< "deescalation": de-escalatie */
    VEILIG_CATEGORY_SUPERVISION = 2,         /**< "supervision": toezicht */
    VEILIG_CATEGORY_CAMERA_SURVEILLANCE = 3, /**< "camera_surveillance": cameratoezicht */
    VEILIG_CATEGORY_CAMPAIGN = 4,            /**< "campaign": campagne */
    VEILIG_CATEGORY_EDUCATION = 5, /**< "education": voorlichting en deskundigheidsbevordering */
    VEILIG_CATEGORY_BYSTANDER = 6, /**< "bystander": omstanders */
    VEILIG_CATEGORY_VICTIM_SUPPORT = 7, /**< "victim_support": slachtofferhulp */
    VEILIG_CATEGORY_REPORTING = 8,      /**< "reporting": melden */
    VEILIG_CATEGORY_ENFORCEMENT = 9,    /**< "enforcement": handhaving */
    VEILIG_CATEGORY_LGBTI = 10,         /**< "lgbti": LHBTI+-aanpak */
    VEILIG_CATEGORY_PUBLIC_SPACE = 11,  /**< "public_space": inrichting openbare ruimte */
    VEILIG_CATEGORY_NIGHTLIFE = 12,     /**< "nightlife": uitgaan */
    VEILIG_CATEGORY_RESEARCH = 13       /**< "research": onderzoek en monitoring */
} veilig_category;

/** Target groups. */
typedef enum veilig_target_group {
    VEILIG_TARGET_GROUP_OTHER = 0,              /**< absent, or a code this version does not know */
    VEILIG_TARGET_GROUP_EVERYONE = 1,           /**< "everyone": iedereen */
    VEILIG_TARGET_GROUP_WOMEN_GIRLS = 2,        /**< "women_girls": vrouwen en meisjes */
    VEILIG_TARGET_GROUP_LGBTIQ = 3,             /**< "lgbtiq": LHBTIQ+ */
    VEILIG_TARGET_GROUP_DISABILITY = 4,         /**< "disability": mensen met een beperking */
    VEILIG_TARGET_GROUP_STUDENTS = 5,           /**< "students": studenten */
    VEILIG_TARGET_GROUP_YOUTH = 6,              /**< "youth": jongeren */
    VEILIG_TARGET_GROUP_PUPILS = 7,             /**< "pupils": scholieren */
    VEILIG_TARGET_GROUP_NIGHTLIFE_VISITORS = 8, /**< "nightlife_visitors": uitgaanspubliek */
    VEILIG_TARGET_GROUP_RESIDENTS = 9,          /**< "residents": inwoners */
    VEILIG_TARGET_GROUP_VISITORS = 10,          /**< "visitors": bezoekers */
    VEILIG_TARGET_GROUP_WORKERS = 11,           /**< "workers": werknemers */
    VEILIG_TARGET_GROUP_BYSTANDERS = 12,        /**< "bystanders": omstanders */
    VEILIG_TARGET_GROUP_PERPETRATORS = 13,      /**< "perpetrators": plegers */
    VEILIG_TARGET_GROUP_MEN_BOYS = 14,          /**< "men_boys": mannen en jongens */
    VEILIG_TARGET_GROUP_PROFESSIONALS = 15,     /**< "professionals": professionals */
    VEILIG_TARGET_GROUP_ENTREPRENEURS = 16      /**< "entrepreneurs": ondernemers */
} veilig_target_group;

/** Settings. */
typedef enum veilig_setting {
    VEILIG_SETTING_OTHER = 0,        /**< absent, or a code this version does not know */
    VEILIG_SETTING_PUBLIC_SPACE = 1, /**< "public_space": openbare ruimte */
    VEILIG_SETTING_NIGHTLIFE = 2,    /**< "nightlife": uitgaan */
    VEILIG_SETTING_ONLINE = 3,       /**< "online": online */
    VEILIG_SETTING_EDUCATION = 4,    /**< "education": onderwijs */
    VEILIG_SETTING_WORK = 5          /**< "work": werk */
} veilig_setting;

/** Kinds of stakeholders (the "kind" of a stakeholder). */
typedef enum veilig_stakeholder_type {
    VEILIG_STAKEHOLDER_TYPE_OTHER = 0, /**< absent, or a code this version does not know */
    VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT =
        1,                              /**< "municipal_department": gemeentelijke afdeling */
    VEILIG_STAKEHOLDER_TYPE_POLICE = 2, /**< "police": politie */
    VEILIG_STAKEHOLDER_TYPE_PUBLIC_HEALTH = 3, /**< "public_health": GGD en gezondheid */
    VEILIG_STAKEHOLDER_TYPE_KNOWLEDGE_INSTITUTION =
        4,                                     /**< "knowledge_institution": kennisinstelling */
    VEILIG_STAKEHOLDER_TYPE_SCHOOL = 5,        /**< "school": school */
    VEILIG_STAKEHOLDER_TYPE_CIVIL_SOCIETY = 6, /**< "civil_society": maatschappelijke organisatie */
    VEILIG_STAKEHOLDER_TYPE_BUSINESS = 7,      /**< "business": ondernemers */
    VEILIG_STAKEHOLDER_TYPE_STUDENT_ASSOCIATION =
        8,                                      /**< "student_association": studentenvereniging */
    VEILIG_STAKEHOLDER_TYPE_COUNCIL = 9,        /**< "council": gemeenteraad */
    VEILIG_STAKEHOLDER_TYPE_NATIONAL_BODY = 10, /**< "national_body": landelijke organisatie */
    VEILIG_STAKEHOLDER_TYPE_EXPERTISE_CENTRE = 11, /**< "expertise_centre": kenniscentrum */
    VEILIG_STAKEHOLDER_TYPE_OTHER_KIND = 12        /**< "other": overig */
} veilig_stakeholder_type;

/** Roles of stakeholders. */
typedef enum veilig_role {
    VEILIG_ROLE_OTHER = 0,          /**< absent, or a code this version does not know */
    VEILIG_ROLE_EXECUTING = 1,      /**< "executing": uitvoerend */
    VEILIG_ROLE_CONTACT_POINT = 2,  /**< "contact_point": aanspreekpunt */
    VEILIG_ROLE_SOUNDING_BOARD = 3, /**< "sounding_board": klankbordgroep */
    VEILIG_ROLE_PARTNER = 4,        /**< "partner": samenwerkingspartner */
    VEILIG_ROLE_FUNDING = 5,        /**< "funding": financier */
    VEILIG_ROLE_ACCOUNTABLE = 6,    /**< "accountable": verantwoordelijk */
    VEILIG_ROLE_INVOLVED = 7        /**< "involved": betrokken */
} veilig_role;

/** Kinds of policy links. */
typedef enum veilig_link_kind {
    VEILIG_LINK_KIND_OTHER = 0,     /**< absent, or a code this version does not know */
    VEILIG_LINK_KIND_POLICY = 1,    /**< "policy": beleid */
    VEILIG_LINK_KIND_PROGRAMME = 2, /**< "programme": programma */
    VEILIG_LINK_KIND_NETWORK = 3,   /**< "network": netwerk */
    VEILIG_LINK_KIND_LAW = 4        /**< "law": wet */
} veilig_link_kind;

/** Relations of policy links. */
typedef enum veilig_link_relation {
    VEILIG_LINK_RELATION_OTHER = 0,        /**< absent, or a code this version does not know */
    VEILIG_LINK_RELATION_EMBEDDED_IN = 1,  /**< "embedded_in": ingebed in */
    VEILIG_LINK_RELATION_ALIGNED_WITH = 2, /**< "aligned_with": sluit aan bij */
    VEILIG_LINK_RELATION_BUILDS_ON = 3     /**< "builds_on": bouwt voort op */
} veilig_link_relation;

/** Programme membership states. */
typedef enum veilig_membership_status {
    VEILIG_MEMBERSHIP_STATUS_OTHER = 0,  /**< absent, or a code this version does not know */
    VEILIG_MEMBERSHIP_STATUS_ACTIVE = 1, /**< "active": actief */
    VEILIG_MEMBERSHIP_STATUS_FORMER = 2, /**< "former": voormalig */
    VEILIG_MEMBERSHIP_STATUS_UNKNOWN = 3 /**< "unknown": onbekend */
} veilig_membership_status;

/** States of measures (the "status" of a measure). */
typedef enum veilig_measure_state {
    VEILIG_MEASURE_STATE_OTHER = 0,   /**< absent, or a code this version does not know */
    VEILIG_MEASURE_STATE_PLANNED = 1, /**< "planned": gepland */
    VEILIG_MEASURE_STATE_ACTIVE = 2,  /**< "active": actief */
    VEILIG_MEASURE_STATE_ENDED = 3,   /**< "ended": beëindigd */
    VEILIG_MEASURE_STATE_UNKNOWN = 4  /**< "unknown": onbekend */
} veilig_measure_state;

/** Evidence levels (the Dutch recognition levels for interventions). */
typedef enum veilig_evidence {
    VEILIG_EVIDENCE_OTHER = 0,          /**< absent, or a code this version does not know */
    VEILIG_EVIDENCE_UNKNOWN = 1,        /**< "unknown": onbekend */
    VEILIG_EVIDENCE_WELL_DESCRIBED = 2, /**< "well_described": goed beschreven */
    VEILIG_EVIDENCE_WELL_FOUNDED = 3,   /**< "well_founded": goed onderbouwd */
    VEILIG_EVIDENCE_EFFECTIVE_FIRST =
        4, /**< "effective_first": effectief volgens eerste aanwijzingen */
    VEILIG_EVIDENCE_EFFECTIVE_GOOD =
        5, /**< "effective_good": effectief volgens goede aanwijzingen */
    VEILIG_EVIDENCE_EFFECTIVE_STRONG =
        6 /**< "effective_strong": effectief volgens sterke aanwijzingen */
} veilig_evidence;

/** Levels of indicators, after the IATI results model (the "level" of an indicator). */
typedef enum veilig_result_level {
    VEILIG_RESULT_LEVEL_OTHER = 0,   /**< absent, or a code this version does not know */
    VEILIG_RESULT_LEVEL_OUTPUT = 1,  /**< "output": output */
    VEILIG_RESULT_LEVEL_OUTCOME = 2, /**< "outcome": uitkomst */
    VEILIG_RESULT_LEVEL_IMPACT = 3   /**< "impact": impact */
} veilig_result_level;

/** Units of indicators. */
typedef enum veilig_unit {
    VEILIG_UNIT_OTHER = 0,      /**< absent, or a code this version does not know */
    VEILIG_UNIT_COUNT = 1,      /**< "count": aantal */
    VEILIG_UNIT_PERCENT = 2,    /**< "percent": percentage */
    VEILIG_UNIT_SCORE = 3,      /**< "score": score */
    VEILIG_UNIT_EURO = 4,       /**< "euro": euro */
    VEILIG_UNIT_QUALITATIVE = 5 /**< "qualitative": kwalitatief */
} veilig_unit;

/** Which way an indicator is better. */
typedef enum veilig_direction {
    VEILIG_DIRECTION_OTHER = 0,    /**< absent, or a code this version does not know */
    VEILIG_DIRECTION_INCREASE = 1, /**< "increase": stijgen */
    VEILIG_DIRECTION_DECREASE = 2  /**< "decrease": dalen */
} veilig_direction;

/** Days of the week. */
typedef enum veilig_day {
    VEILIG_DAY_OTHER = 0, /**< absent, or a code this version does not know */
    VEILIG_DAY_MON = 1,   /**< "mon": maandag */
    VEILIG_DAY_TUE = 2,   /**< "tue": dinsdag */
    VEILIG_DAY_WED = 3,   /**< "wed": woensdag */
    VEILIG_DAY_THU = 4,   /**< "thu": donderdag */
    VEILIG_DAY_FRI = 5,   /**< "fri": vrijdag */
    VEILIG_DAY_SAT = 6,   /**< "sat": zaterdag */
    VEILIG_DAY_SUN = 7    /**< "sun": zondag */
} veilig_day;

/** Parts of the day (morning 06-12, afternoon 12-18, evening 18-24, night 00-06). */
typedef enum veilig_daypart {
    VEILIG_DAYPART_OTHER = 0,     /**< absent, or a code this version does not know */
    VEILIG_DAYPART_MORNING = 1,   /**< "morning": ochtend */
    VEILIG_DAYPART_AFTERNOON = 2, /**< "afternoon": middag */
    VEILIG_DAYPART_EVENING = 3,   /**< "evening": avond */
    VEILIG_DAYPART_NIGHT = 4      /**< "night": nacht */
} veilig_daypart;

/**
 * The vocabulary's name as used in the format reference ("target_group"), or NULL.
 *
 * @param vocab  the vocabulary.
 * @return the name (static); NULL for a value that is no vocabulary.
 */
VEILIG_API const char *veilig_vocab_name(veilig_vocab vocab);

/**
 * Looks a vocabulary up by name; 0 when there is none of that name.
 *
 * @param name  the name, as veilig_vocab_name() gives it (borrowed), or NULL.
 * @return the vocabulary; 0 when name is NULL or no vocabulary's name.
 */
VEILIG_API veilig_vocab veilig_vocab_from_name(const char *name);

/**
 * The number of known values of a vocabulary (they are 1..size), or 0 for an unknown vocabulary.
 *
 * @param vocab  the vocabulary.
 * @return the number of known values; 0 for a value that is no vocabulary.
 */
VEILIG_API int veilig_vocab_size(veilig_vocab vocab);

/**
 * The code of a value ("deescalation"), or NULL for 0 and values out of range.
 *
 * @param vocab  the vocabulary.
 * @param value  the value, 1 to veilig_vocab_size(vocab).
 * @return the code (static); NULL for 0, a value out of range and an unknown vocabulary.
 */
VEILIG_API const char *veilig_vocab_code(veilig_vocab vocab, int value);

/**
 * The label of a value in "nl" (or NULL) or "en"; NULL for other languages and values out of
 * range.
 *
 * @param vocab  the vocabulary.
 * @param value  the value, 1 to veilig_vocab_size(vocab).
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for 0, a value out
 *         of range and an unknown vocabulary.
 */
VEILIG_API const char *veilig_vocab_label(veilig_vocab vocab, int value, const char *lang);

/**
 * The value of a code (exact, case-sensitive match); 0 (_OTHER) when the code is NULL or unknown.
 *
 * @param vocab  the vocabulary.
 * @param code   the code (borrowed), or NULL.
 * @return the value, 1 to veilig_vocab_size(vocab); 0 when code is NULL or
 *         unknown, or vocab is no vocabulary.
 */
VEILIG_API int veilig_vocab_from_code(veilig_vocab vocab, const char *code);

/*
 * The same, typed, one set per vocabulary:
 *   veilig_<vocab>_code(value)         the code, or NULL for _OTHER
 *   veilig_<vocab>_label(value, lang)  the label in "nl" (NULL) or "en"
 *   veilig_<vocab>_from_code(code)     the value, or _OTHER
 */
/**
 * The code of a approach value: veilig_vocab_code() of VEILIG_VOCAB_APPROACH.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_APPROACH_OTHER and values out of range.
 */
VEILIG_API const char *veilig_approach_code(veilig_approach value);
/**
 * The label of a approach value: veilig_vocab_label() of VEILIG_VOCAB_APPROACH.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_APPROACH_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_approach_label(veilig_approach value, const char *lang);
/**
 * The approach value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_APPROACH.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_APPROACH_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_approach veilig_approach_from_code(const char *code);
/**
 * The code of a category value: veilig_vocab_code() of VEILIG_VOCAB_CATEGORY.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_CATEGORY_OTHER and values out of range.
 */
VEILIG_API const char *veilig_category_code(veilig_category value);
/**
 * The label of a category value: veilig_vocab_label() of VEILIG_VOCAB_CATEGORY.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_CATEGORY_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_category_label(veilig_category value, const char *lang);
/**
 * The category value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_CATEGORY.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_CATEGORY_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_category veilig_category_from_code(const char *code);
/**
 * The code of a target_group value: veilig_vocab_code() of VEILIG_VOCAB_TARGET_GROUP.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_TARGET_GROUP_OTHER and values out of range.
 */
VEILIG_API const char *veilig_target_group_code(veilig_target_group value);
/**
 * The label of a target_group value: veilig_vocab_label() of VEILIG_VOCAB_TARGET_GROUP.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_TARGET_GROUP_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_target_group_label(veilig_target_group value, const char *lang);
/**
 * The target_group value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_TARGET_GROUP.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_TARGET_GROUP_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_target_group veilig_target_group_from_code(const char *code);
/**
 * The code of a setting value: veilig_vocab_code() of VEILIG_VOCAB_SETTING.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_SETTING_OTHER and values out of range.
 */
VEILIG_API const char *veilig_setting_code(veilig_setting value);
/**
 * The label of a setting value: veilig_vocab_label() of VEILIG_VOCAB_SETTING.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_SETTING_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_setting_label(veilig_setting value, const char *lang);
/**
 * The setting value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_SETTING.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_SETTING_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_setting veilig_setting_from_code(const char *code);
/**
 * The code of a stakeholder_type value: veilig_vocab_code() of VEILIG_VOCAB_STAKEHOLDER_TYPE.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_STAKEHOLDER_TYPE_OTHER and values out of range.
 */
VEILIG_API const char *veilig_stakeholder_type_code(veilig_stakeholder_type value);
/**
 * The label of a stakeholder_type value: veilig_vocab_label() of VEILIG_VOCAB_STAKEHOLDER_TYPE.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_STAKEHOLDER_TYPE_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_stakeholder_type_label(veilig_stakeholder_type value,
                                                     const char *lang);
/**
 * The stakeholder_type value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_STAKEHOLDER_TYPE.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_STAKEHOLDER_TYPE_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_stakeholder_type veilig_stakeholder_type_from_code(const char *code);
/**
 * The code of a role value: veilig_vocab_code() of VEILIG_VOCAB_ROLE.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_ROLE_OTHER and values out of range.
 */
VEILIG_API const char *veilig_role_code(veilig_role value);
/**
 * The label of a role value: veilig_vocab_label() of VEILIG_VOCAB_ROLE.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_ROLE_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_role_label(veilig_role value, const char *lang);
/**
 * The role value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_ROLE.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_ROLE_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_role veilig_role_from_code(const char *code);
/**
 * The code of a link_kind value: veilig_vocab_code() of VEILIG_VOCAB_LINK_KIND.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_LINK_KIND_OTHER and values out of range.
 */
VEILIG_API const char *veilig_link_kind_code(veilig_link_kind value);
/**
 * The label of a link_kind value: veilig_vocab_label() of VEILIG_VOCAB_LINK_KIND.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_LINK_KIND_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_link_kind_label(veilig_link_kind value, const char *lang);
/**
 * The link_kind value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_LINK_KIND.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_LINK_KIND_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_link_kind veilig_link_kind_from_code(const char *code);
/**
 * The code of a link_relation value: veilig_vocab_code() of VEILIG_VOCAB_LINK_RELATION.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_LINK_RELATION_OTHER and values out of range.
 */
VEILIG_API const char *veilig_link_relation_code(veilig_link_relation value);
/**
 * The label of a link_relation value: veilig_vocab_label() of VEILIG_VOCAB_LINK_RELATION.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_LINK_RELATION_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_link_relation_label(veilig_link_relation value, const char *lang);
/**
 * The link_relation value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_LINK_RELATION.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_LINK_RELATION_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_link_relation veilig_link_relation_from_code(const char *code);
/**
 * The code of a membership_status value: veilig_vocab_code() of VEILIG_VOCAB_MEMBERSHIP_STATUS.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_MEMBERSHIP_STATUS_OTHER and values out of range.
 */
VEILIG_API const char *veilig_membership_status_code(veilig_membership_status value);
/**
 * The label of a membership_status value: veilig_vocab_label() of VEILIG_VOCAB_MEMBERSHIP_STATUS.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_MEMBERSHIP_STATUS_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_membership_status_label(veilig_membership_status value,
                                                      const char *lang);
/**
 * The membership_status value of a code: veilig_vocab_from_code() of
 * VEILIG_VOCAB_MEMBERSHIP_STATUS.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_MEMBERSHIP_STATUS_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_membership_status veilig_membership_status_from_code(const char *code);
/**
 * The code of a measure_state value: veilig_vocab_code() of VEILIG_VOCAB_MEASURE_STATE.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_MEASURE_STATE_OTHER and values out of range.
 */
VEILIG_API const char *veilig_measure_state_code(veilig_measure_state value);
/**
 * The label of a measure_state value: veilig_vocab_label() of VEILIG_VOCAB_MEASURE_STATE.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_MEASURE_STATE_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_measure_state_label(veilig_measure_state value, const char *lang);
/**
 * The measure_state value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_MEASURE_STATE.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_MEASURE_STATE_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_measure_state veilig_measure_state_from_code(const char *code);
/**
 * The code of a evidence value: veilig_vocab_code() of VEILIG_VOCAB_EVIDENCE.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_EVIDENCE_OTHER and values out of range.
 */
VEILIG_API const char *veilig_evidence_code(veilig_evidence value);
/**
 * The label of a evidence value: veilig_vocab_label() of VEILIG_VOCAB_EVIDENCE.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_EVIDENCE_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_evidence_label(veilig_evidence value, const char *lang);
/**
 * The evidence value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_EVIDENCE.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_EVIDENCE_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_evidence veilig_evidence_from_code(const char *code);
/**
 * The code of a result_level value: veilig_vocab_code() of VEILIG_VOCAB_RESULT_LEVEL.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_RESULT_LEVEL_OTHER and values out of range.
 */
VEILIG_API const char *veilig_result_level_code(veilig_result_level value);
/**
 * The label of a result_level value: veilig_vocab_label() of VEILIG_VOCAB_RESULT_LEVEL.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_RESULT_LEVEL_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_result_level_label(veilig_result_level value, const char *lang);
/**
 * The result_level value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_RESULT_LEVEL.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_RESULT_LEVEL_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_result_level veilig_result_level_from_code(const char *code);
/**
 * The code of a unit value: veilig_vocab_code() of VEILIG_VOCAB_UNIT.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_UNIT_OTHER and values out of range.
 */
VEILIG_API const char *veilig_unit_code(veilig_unit value);
/**
 * The label of a unit value: veilig_vocab_label() of VEILIG_VOCAB_UNIT.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_UNIT_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_unit_label(veilig_unit value, const char *lang);
/**
 * The unit value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_UNIT.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_UNIT_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_unit veilig_unit_from_code(const char *code);
/**
 * The code of a direction value: veilig_vocab_code() of VEILIG_VOCAB_DIRECTION.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_DIRECTION_OTHER and values out of range.
 */
VEILIG_API const char *veilig_direction_code(veilig_direction value);
/**
 * The label of a direction value: veilig_vocab_label() of VEILIG_VOCAB_DIRECTION.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_DIRECTION_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_direction_label(veilig_direction value, const char *lang);
/**
 * The direction value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_DIRECTION.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_DIRECTION_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_direction veilig_direction_from_code(const char *code);
/**
 * The code of a day value: veilig_vocab_code() of VEILIG_VOCAB_DAY.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_DAY_OTHER and values out of range.
 */
VEILIG_API const char *veilig_day_code(veilig_day value);
/**
 * The label of a day value: veilig_vocab_label() of VEILIG_VOCAB_DAY.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_DAY_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_day_label(veilig_day value, const char *lang);
/**
 * The day value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_DAY.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_DAY_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_day veilig_day_from_code(const char *code);
/**
 * The code of a daypart value: veilig_vocab_code() of VEILIG_VOCAB_DAYPART.
 *
 * @param value  the value.
 * @return the code (static); NULL for VEILIG_DAYPART_OTHER and values out of range.
 */
VEILIG_API const char *veilig_daypart_code(veilig_daypart value);
/**
 * The label of a daypart value: veilig_vocab_label() of VEILIG_VOCAB_DAYPART.
 *
 * @param value  the value.
 * @param lang   "nl", "en", or NULL for "nl" (borrowed).
 * @return the label (static); NULL for another language, for VEILIG_DAYPART_OTHER and
 *         values out of range.
 */
VEILIG_API const char *veilig_daypart_label(veilig_daypart value, const char *lang);
/**
 * The daypart value of a code: veilig_vocab_from_code() of VEILIG_VOCAB_DAYPART.
 *
 * @param code  the code (borrowed; exact, case-sensitive), or NULL.
 * @return the value; VEILIG_DAYPART_OTHER when code is NULL or unknown.
 */
VEILIG_API veilig_daypart veilig_daypart_from_code(const char *code);

/**
 * The code of vocab that text most likely meant, for a "did you mean": a code
 * or a Dutch or English label equal to text without case and accents
 * ("Omstanders" -> "bystander"), one that starts with text or that text
 * starts with (4 characters at least), or the code nearest by edit distance
 * (at most a third of its length, and 2).
 *
 * @param vocab  the vocabulary.
 * @param text   what was given (borrowed), UTF-8.
 * @return the code (static); NULL when none is that close, for a known code
 *         itself, and for an unknown vocabulary.
 */
VEILIG_API const char *veilig_vocab_suggest(veilig_vocab vocab, const char *text);

/**
 * Of n candidates, the one text most likely meant, for a "did you mean" over
 * names that are no vocabulary (commands, keys, options): the nearest by edit
 * distance (in bytes), when that is 1 or 2; the first such when several are
 * as near.
 *
 * @param text        what was given (borrowed); NULL gives NULL.
 * @param candidates  n names (borrowed); NULL entries are skipped.
 * @param n           how many.
 * @return one of candidates (borrowed from them); NULL when none is that
 *         close, when text is one of them, or when text or a candidate is
 *         longer than 63 bytes.
 */
VEILIG_API const char *veilig_suggest(const char *text, const char *const *candidates, size_t n);

/**
 * Provinces (ISO 3166-2:NL): the twelve provinces and the three special
 * municipalities of the Caribbean Netherlands (NL-BQ1 Bonaire, NL-BQ2 Saba,
 * NL-BQ3 Sint Eustatius). veilig_province_count() of them, in code order;
 * veilig_province_code(i) gives the i-th code; veilig_province_name(code,
 * lang) the name in "nl" (NULL) or "en", or NULL when code is not one of
 * them (or lang is another language). Static strings.
 *
 * @return the number of provinces and special municipalities (15).
 */
VEILIG_API size_t veilig_province_count(void);
/**
 * The code of a province ("NL-UT").
 *
 * @param index  the province, from 0 to veilig_province_count() - 1, in code order.
 * @return the code (static); NULL when index is out of range.
 */
VEILIG_API const char *veilig_province_code(size_t index);
/**
 * The name of a province in "nl" (NULL) or "en".
 *
 * @param code  the ISO 3166-2:NL code (borrowed; exact match), or NULL.
 * @param lang  "nl", "en", or NULL for "nl" (borrowed).
 * @return the name (static); NULL when code is NULL or not one of them, or
 *         lang is another language.
 */
VEILIG_API const char *veilig_province_name(const char *code, const char *lang);

/**
 * The usual approach of a category (a measure without an explicit approach
 * has its category's): deescalation is prevention, victim_support support,
 * and so on. VEILIG_APPROACH_OTHER for VEILIG_CATEGORY_OTHER.
 *
 * @param category  the category.
 * @return the approach; VEILIG_APPROACH_OTHER for VEILIG_CATEGORY_OTHER (and
 *         VEILIG_APPROACH_PREVENTION, the most common, for a value that is no category).
 */
VEILIG_API veilig_approach veilig_category_approach(veilig_category category);

#ifdef __cplusplus
}
#endif

#endif
