/*
 * compare.h: a comparison of two snapshots, shared by compare.c (matching
 * units and computing figures) and compare_out.c (text, JSON, CSV).
 */
#ifndef ORGRAPH_COMPARE_H
#define ORGRAPH_COMPARE_H

#include "internal.h"

/* Change flags of a before unit (moved and renamed can combine). */
#define OG_I_CH_REMOVED (1u << OG_CHANGE_REMOVED)
#define OG_I_CH_MERGED (1u << OG_CHANGE_MERGED)
#define OG_I_CH_SPLIT (1u << OG_CHANGE_SPLIT)
#define OG_I_CH_MOVED (1u << OG_CHANGE_MOVED)
#define OG_I_CH_RENAMED (1u << OG_CHANGE_RENAMED)

/* How many old units of a kind went from one chain length to another. */
typedef struct og_i_chain_shift {
    size_t kind;                  /* kind index in the before model */
    igraph_integer_t before, after, units;
} og_i_chain_shift;

struct og_comparison {
    og_model *m[2];               /* before, after (borrowed) */
    int by_transition;            /* a transition was given */
    og_info info[2];
    og_analysis an[2];            /* command, party and guidance lines */
    igraph_integer_t *img_start, *img; /* images of before unit i */
    unsigned char *flags;         /* per before unit: OG_I_CH_* */
    unsigned char *added;         /* per after unit: 1 when no before unit went in */
    og_i_chain_shift *shifts;  size_t n_shifts;
};

/* The images of every unit of `before`: the units of `after` that the rows
 * of transition t (may be NULL) name for it, or else the unit of `after`
 * with its id. Unit i's images are images[start[i] .. start[i+1]) (both
 * arrays malloc'd; free them). Rows naming units not in their snapshot are
 * warnings in diags. O(n + rows). */
og_status og_i_match_images(const og_model *before, const og_model *after,
                            const og_transition *t, igraph_integer_t **start,
                            igraph_integer_t **images, og_diags *diags);

/* og_chart_render_diff of a comparison already made (chart_diff.c). */
og_status og_i_chart_diff(const og_comparison *c, const og_chart_options *options,
                          const char *format, og_buf *out, og_diags *diags);

/* 1 when change c applies to a before unit with flags f (OG_CHANGE_KEEP: none). */
int og_i_change_has(unsigned flags, og_change c);

#endif
