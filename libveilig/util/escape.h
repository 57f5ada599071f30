/*
 * libveilig internals: a document's text written so that each output format
 * can only read it as text (docs/security.md). Every rendering, the HTML
 * report, the SVG charts and veilig_escape (which the tool uses) write the
 * strings of a document through these functions, and through nothing else.
 *
 * - Terminal text (text tables, prose, one-line fields): control characters
 *   (C0, DEL, C1), the bidirectional embeddings, overrides and isolates
 *   (U+202A..U+202E, U+2066..U+2069) and bytes that are not UTF-8 are written
 *   as visible escapes: \x1b, \u009b, \u202e, \xff. A backslash stays as it
 *   is. Widths are counted as a terminal shows the escaped text.
 * - Markdown: inline text whose every character reads as itself: HTML's
 *   & < > as entities, Markdown's punctuation backslash-escaped, | as an
 *   entity, line breaks as spaces, control characters as for the terminal.
 * - CSV: a field of RFC 4180 with the formula guard (vg_csv_needs_guard).
 * - XML (HTML and SVG): & < > " ' as entities, characters XML does not
 *   allow left out.
 * Nothing here is exported; the public entry point is veilig_escape. Part of
 * the private utility layer (libveilig/util); it writes into vg_buf
 * (util/buf.h) and uses the library (its JSON writer, UTF-8 helpers), so it
 * is compiled into the library only.
 */
#ifndef VG_ESCAPE_H
#define VG_ESCAPE_H

#include "../internal.h"

/* ---- CSV ---- */

/* Whether a CSV cell with the text s needs the formula guard: s begins with
   one of = + - @ TAB CR or '. The guard is one leading ' added to the cell
   (a spreadsheet then reads it as text). An importer strips one leading '
   exactly when the character after it is one of these same seven: that gives
   the original string back in every case, since every string that begins
   with ' is guarded too. NULL and "" need none. */
int vg_csv_needs_guard(const char *s);

/* Appends s as one CSV field (RFC 4180: quoted when it holds a comma, a
   quote, CR or LF; quotes inside doubled), with the formula guard when guard
   is set and s needs it. NULL writes nothing (an empty field). */
void vg_csv_field(vg_buf *b, const char *s, int guard);
/* The same with another separator (';' or a tab, as the sheets may use). */
void vg_csv_field_sep(vg_buf *b, const char *s, char sep, int guard);

/* ---- terminal text ---- */

/* What vg_term_put does with line breaks and tabs. */
enum {
    VG_TERM_LINE = 0,   /* LF, CR and TAB escaped too (\n, \r, \t): one line, exactly */
    VG_TERM_SPACES = 1, /* LF, CR and TAB written as one space each (table cells, prose) */
    VG_TERM_KEEP = 2    /* LF and TAB kept, CR escaped (layout that allows them) */
};

/* Appends s[0..len) for a terminal, with mode one of VG_TERM_*. */
void vg_term_put(vg_buf *b, const char *s, size_t len, int mode);
/* The same for a NUL-terminated string (NULL writes nothing). */
void vg_term_puts(vg_buf *b, const char *s, int mode);
/* The columns s[0..len) takes in a terminal when written with vg_term_put
   in VG_TERM_SPACES (a line break or tab one column): escapes count their characters, combining
   marks and zero-width characters none, East Asian wide characters and emoji
   two, every other character one. Near enough: terminals differ a little. */
size_t vg_term_width(const char *s, size_t len);
/* The same for a NUL-terminated string (NULL: 0). */
size_t vg_term_widths(const char *s);

/* ---- Markdown ---- */

/* Appends s as inline Markdown text that reads as s (see above);
   line_start: s begins a line, so a leading - or + or an ordered list
   number is escaped too (# > | are escaped everywhere). NULL writes nothing. */
void vg_md_put(vg_buf *b, const char *s, int line_start);
/* Appends s as a Markdown code span (`s`), fenced with more backticks than
   s holds in a row; control characters escaped as for the terminal, line
   breaks as spaces. */
void vg_md_code(vg_buf *b, const char *s);
/* Appends url as a Markdown autolink (<url>) when it is a plain http or https
   address (printable ASCII without space, quote, backslash, backtick, < or >),
   else as text (vg_md_put). */
void vg_md_url(vg_buf *b, const char *url);

/* ---- XML: HTML and SVG ---- */

/* Appends s escaped for XML text and attribute values (& < > " '), leaving
   out the characters XML 1.0 does not allow (C0 controls other than tab,
   line feed and carriage return; DEL; U+FFFE and U+FFFF). NULL writes
   nothing. */
void vg_xml_escape(vg_buf *b, const char *s);
/* The same for at most max characters (code points) of s, ending in "…"
   when s is longer; returns 1 when it cut s. */
int vg_xml_escape_cut(vg_buf *b, const char *s, size_t max);

/* ---- characters ---- */

/* The first character of s[0..len) a document should not hold: a control
   character other than TAB, LF and CR (C0, DEL, C1) or a bidirectional
   embedding, override or isolate (U+202A..U+202E, U+2066..U+2069). Returns
   its code point and puts its index in characters (code points) into *at;
   -1 when there is none. */
long vg_find_control(const char *s, size_t len, size_t *at);

/* The byte length of the UTF-8 character at s (1 for a stray byte), never
   past the NUL. */
size_t vg_char_len(const char *s);

#endif
