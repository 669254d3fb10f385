/*
 * lineview.h: one line of authority as compressed rows: for every unit, its
 * superiors and its subordinates on that line (self-links left out). Built
 * in O(n + m) by check.c; the checks and the analyses walk it.
 */
#ifndef ORGRAPH_LINEVIEW_H
#define ORGRAPH_LINEVIEW_H

#include "internal.h"

/* Units and link indices are held in 32 bits: half the memory and cache
 * traffic of igraph_integer_t (a million-unit view was 64 MB, now 16 MB
 * without the link columns). A line with 2^31 - 1 or more entries is
 * refused (OG_ENOMEM); its model would need tens of gigabytes anyway. */
typedef struct og_i_lineview {
    igraph_integer_t n;          /* units */
    igraph_integer_t links;      /* links on the line, self-links excluded */
    int32_t *sup_start;          /* superiors of u: sup[sup_start[u] .. sup_start[u+1]) */
    int32_t *sup;
    int32_t *sup_link;           /* the link behind each entry of sup; NULL
                                  * unless built by og_i_lineview_build_links */
    int32_t *sub_start;          /* subordinates, likewise */
    int32_t *sub;
    int32_t *sub_link;
} og_i_lineview;

/* The view without the link columns (sup_link and sub_link stay NULL). */
og_status og_i_lineview_build(const og_model *m, og_line line, og_i_lineview *v);
/* The view with the link behind every entry. */
og_status og_i_lineview_build_links(const og_model *m, og_line line,
                                    og_i_lineview *v);
void og_i_lineview_free(og_i_lineview *v);
/* Marks in reached[] the units whose every chain up ends at an apex; returns
 * how many are not (on or below a cycle), or -1 when out of memory. */
igraph_integer_t og_i_lineview_unreached(const og_i_lineview *v,
                                         unsigned char *reached);

/* Marks in reach[] the units some chain joins to an apex; returns how many
 * are not, or -1 when out of memory. */
igraph_integer_t og_i_lineview_reach(const og_i_lineview *v,
                                     unsigned char *reach);

#endif
