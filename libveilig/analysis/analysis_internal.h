/* libveilig internals shared by the analyses. */
#ifndef VG_ANALYSIS_INTERNAL_H
#define VG_ANALYSIS_INTERNAL_H

#include "../model_internal.h"

/* Starts a JSON rendering into b (pretty, canonical layout). */
void vg_render_begin(vg_jwriter *w, vg_buf *b);
/* Ends it with a newline and hands the text to *out (VEILIG_ENOMEM if the buffer failed). */
int vg_render_finish(char **out, size_t *len, vg_buf *b);

/* veilig_peers with k peers (k > 0), its pairs compared in parts, each but
   the first in a thread of its own (parts 1: none): the same result. For
   the website, whose writers wait for the peers. */
int vg_peers_in_parts(veilig_peers_result **out, const veilig_registry *reg,
                      const veilig_municipality *m, size_t k, size_t parts);

/* The enum value of a term of a known vocabulary, 0 for unknown codes and absent. */
#define VG_KNOWN(t) ((int)vg_term_known(t))

/* Writes "key": code, with the code of a term (null when absent). */
void vg_render_term(vg_jwriter *w, const char *key, const veilig_registry *reg, veilig_vocab vocab,
                    vg_term t);

#endif
