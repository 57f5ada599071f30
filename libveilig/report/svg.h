/*
 * libveilig internals: the small SVG charts of the HTML reports, drawn by the
 * library itself: a horizontal bar chart, a heat map, a 7 x 24 week grid and
 * progress bars with a target marker.
 *
 * Every chart writes one <svg> element (with a viewBox, role="img", an
 * aria-label and a <title>) into a buffer, escaping all text. Geometry is in
 * whole pixels and every number is written from an integer, so the output
 * does not depend on the process locale and is the same on every run. The
 * markup is XML-compatible (every element closed, attributes quoted) and has
 * no xmlns attribute: inline SVG in HTML does not need one, and the reports
 * name no external address other than their sources.
 */
#ifndef VG_SVG_H
#define VG_SVG_H

#include "../util/escape.h"

/* ---- text ---- */

/* Text is escaped with vg_xml_escape and vg_xml_escape_cut (escape.h). */
/* An estimate of the width of s in pixels, set in a sans-serif face at
   font_px, when cut to max characters (with "…"). */
int vg_text_width(const char *s, size_t max, int font_px);

/* ---- colours: one sequential scale for counts (0, 1, 2, 3, 4-5, 6+) ---- */

#define VG_SVG_LEVELS 6
/* The level of a count: 0..5. */
int vg_svg_level(unsigned count);
/* The fill of a level, and a text colour readable on it. */
const char *vg_svg_fill(int level);
const char *vg_svg_ink(int level);

/* ---- charts ---- */

/* A bar of a bar chart; muted bars (unknown codes) are drawn in grey. */
typedef struct vg_svg_bar {
    const char *label;
    unsigned value;
    int muted;
} vg_svg_bar;

/* A horizontal bar chart: one row per bar, the label left, the value at the
   end of the bar. title names the chart for screen readers. */
void vg_svg_bars(vg_buf *b, const char *title, const vg_svg_bar *bars, size_t n);

/* A heat map: rows x cols cells of counts, row labels left, column labels
   on top (slanted), the row totals right and the column totals below (when
   total_label is set), a legend of the colour scale under it. */
typedef struct vg_svg_heatmap {
    const char *title;
    size_t rows, cols;
    const char *const *row_labels; /* rows */
    const char *const *col_labels; /* cols */
    const unsigned *cells;         /* rows * cols, row by row */
    const char *total_label;       /* label of the totals; NULL: no totals */
    const char *legend_label;      /* what the numbers count */
    const char *empty_text;        /* shown when there are no rows */
} vg_svg_heatmap;

void vg_svg_heatmap_write(vg_buf *b, const vg_svg_heatmap *h);

/* A week grid: 7 rows (Monday first) x 24 hours, each slot coloured by its
   count (with the number in it); slots with marked[slot] set are outlined
   together (the nightlife window), explained by marked_label in the
   legend. */
typedef struct vg_svg_week {
    const char *title;
    const char *day_labels[7];
    const unsigned *slots;       /* 7 * 24: day * 24 + hour */
    const unsigned char *marked; /* 7 * 24, or NULL */
    const char *marked_label;
    const char *legend_label; /* what the numbers count */
} vg_svg_week;

void vg_svg_week_write(vg_buf *b, const vg_svg_week *w);

/* Tones of progress bars. */
enum {
    VG_TONE_NEUTRAL = 0, /* unknown */
    VG_TONE_GOOD,        /* achieved */
    VG_TONE_ON,          /* on track */
    VG_TONE_OFF          /* off track */
};

/* A progress bar: permille of the way from baseline (0) to target (1000),
   or none (has_value 0); value_text is written after the bar. */
typedef struct vg_svg_progress_row {
    const char *label;
    int has_value;
    long permille;
    int tone;
    const char *value_text;
} vg_svg_progress_row;

/* Progress bars on one scale (0 % to at least 125 %, at most 200 %), with
   the target (100 %) marked by a line labelled target_label. */
void vg_svg_progress(vg_buf *b, const char *title, const char *target_label,
                     const vg_svg_progress_row *rows, size_t n);

#endif
