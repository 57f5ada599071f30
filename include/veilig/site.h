/**
 * @file
 * libveilig: the programme as a static website.
 *
 * veilig_site_write() writes a complete website of a registry into a
 * folder, to be opened from disk (file://) or put on any web server: a start
 * page (the programme in figures, every municipality, the coverage matrix),
 * a page per municipality at a stable address by CBS code
 * (gemeenten/GM0153.html), a catalogue of every measure with filters that
 * run in the browser (maatregelen.html; complete without script), a page per
 * category (categorieen/bystander.html) and comparison pages of each
 * municipality with its nearest peers (vergelijk/GM0153-GM0164.html). The
 * pages are built from the same section renderers and the same style sheet
 * as the HTML reports (veilig_report_html()).
 *
 * Standalone and safe: relative links only, one style sheet (style.css) and
 * one script (site.js, the catalogue's filters) beside the pages, and on
 * every page a Content-Security-Policy that forbids every other request
 * (docs/site.md). Text from the document is escaped everywhere; personal
 * contact data is left out unless VEILIG_SITE_INCLUDE_PERSONAL is set.
 *
 * Each page is made in memory and written to a temporary file renamed into
 * place, so memory is bounded by the registry (a page per writing thread)
 * and an interrupted run leaves every page whole (old or new). The pages
 * are made by as many threads as the machine has processors, unless
 * veilig_site_options.threads says otherwise; the bytes do not depend on
 * it. veilig_site_write_file() loads a document and writes its site at
 * once, beginning the pages while the document still loads.
 */
#ifndef VEILIG_SITE_H
#define VEILIG_SITE_H

#include "veilig/common.h"
#include "veilig/codec.h"
#include "veilig/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of veilig_site_options. */
enum {
    VEILIG_SITE_INCLUDE_PERSONAL = 1u << 0, /**< show contacts marked personal: true */
    /** Write into a folder that is not empty and holds no previous site
        (without it, veilig_site_write() refuses such a folder). */
    VEILIG_SITE_FORCE = 1u << 1
};

/** Version of veilig_site_options this header knows (2 added threads). */
#define VEILIG_SITE_OPTIONS_VERSION 2

/** Options of veilig_site_write(). */
typedef struct veilig_site_options {
    unsigned version; /**< VEILIG_SITE_OPTIONS_VERSION */
    /** "nl", "en" or "both" (NULL: "both"): with both, the Dutch pages are at
        the top of the folder and the English ones under en/, each page
        linking to its translation. */
    const char *lang;
    unsigned flags; /**< VEILIG_SITE_* flags */
    size_t peers;   /**< peers (and comparison pages) per municipality; 0: 3 */
    /** Version 2: how many threads make the pages: 0 (the default) one per
        online processor; 1 only the calling thread; at most 16 in any case
        (and no more than there are pages). The pages
        are the same bytes whatever the number. With more than one, the
        allocator set with veilig_set_allocator() is called from each of
        them (it must be thread-safe), and which error is reported when two
        pages fail at once is the first one met. */
    unsigned threads;
} veilig_site_options;

/** The defaults of veilig_site_options, as an initialiser. */
#define VEILIG_SITE_OPTIONS_INIT                                                                   \
    { VEILIG_SITE_OPTIONS_VERSION, NULL, 0u, 0, 0u }

/**
 * Fills opts with the defaults (VEILIG_SITE_OPTIONS_INIT); only the fields of
 * the version given are written.
 *
 * @param opts     the options to fill (caller-allocated).
 * @param version  the version the caller's header was written for
 *                 (VEILIG_SITE_OPTIONS_VERSION): 1, or 2 (added threads).
 * @return VEILIG_OK, VEILIG_EINVAL when opts is NULL, VEILIG_EVERSION for a
 *         version this library does not know.
 */
VEILIG_API int veilig_site_options_init(veilig_site_options *opts, unsigned version);

/**
 * Writes the website of reg into the folder dir (created when missing, with
 * its parents). A folder that is not empty is written into only when it
 * holds a previous site (the file .veilig-site that every site has) or with
 * VEILIG_SITE_FORCE; pages of a previous site that the new one lacks are
 * left as they were. Same registry and options, same bytes.
 *
 * @param reg    the registry (borrowed).
 * @param dir    the folder (borrowed).
 * @param opts   the options; NULL for the defaults.
 * @param error  receives what went wrong and where (the file in source), or NULL.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL reg or dir or an unknown
 *         language; VEILIG_EVERSION for an unknown options version;
 *         VEILIG_EIO when a folder or file cannot be made or written, or dir is
 *         a non-empty folder without a previous site (and no VEILIG_SITE_FORCE);
 *         VEILIG_ENOMEM.
 */
VEILIG_API int veilig_site_write(const veilig_registry *reg, const char *dir,
                                 const veilig_site_options *opts, veilig_error *error);

/**
 * Loads the document at path (as veilig_registry_load_file() with
 * load_opts) and writes its website into dir (as veilig_site_write() with
 * opts): the same pages, in less time. While the document loads, another
 * thread begins each municipality's page as soon as the municipality is
 * read (everything but its peers, which need the whole registry), so that
 * after the load only the rest is left. With opts->threads 1 the pages wait
 * for the load.
 *
 * Nothing of the site is visible before the document has loaded: when it
 * does not load, the pages begun are removed, and the folders made for them,
 * and *out stays NULL; error then says what and where, as
 * veilig_registry_load_file() does (load_opts' list of errors too).
 *
 * @param out        receives the registry (new; veilig_registry_free())
 *                   when the document loaded, whether or not the site could
 *                   then be written; NULL to have it freed.
 * @param path       the document (borrowed).
 * @param load_opts  the load's options; NULL for the defaults.
 * @param dir        the folder (borrowed), as for veilig_site_write().
 * @param opts       the site's options; NULL for the defaults.
 * @param error      receives what went wrong and where, or NULL.
 * @return VEILIG_OK; VEILIG_EINVAL for a NULL path or dir, an unknown
 *         language, VEILIG_EVERSION for an unknown options version (before
 *         anything is read); what veilig_registry_load_file() returns when
 *         the document does not load (*out NULL); else what
 *         veilig_site_write() returns (*out set).
 */
VEILIG_API int veilig_site_write_file(veilig_registry **out, const char *path,
                                      const veilig_load_options *load_opts, const char *dir,
                                      const veilig_site_options *opts, veilig_error *error);

#ifdef __cplusplus
}
#endif

#endif
