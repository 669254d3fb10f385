/*
 * lineview.h: one line of authority as compressed rows: for every unit, its
 * superiors and its subordinates on that line (self-links left out). Built
 * in O(n + m) by check.c; the checks and the analyses walk it.
 */
#ifndef ORGRAPH_LINEVIEW_H
#define ORGRAPH_LINEVIEW_H

#include "internal.h"

typedef struct og_i_lineview {
    igraph_integer_t n;          /* units */
    igraph_integer_t links;      /* links on the line, self-links excluded */
    igraph_integer_t *sup_start; /* superiors of u: sup[sup_start[u] .. sup_start[u+1]) */
    igraph_integer_t *sup;
    igraph_integer_t *sup_link;  /* the link behind each entry of sup */
    igraph_integer_t *sub_start; /* subordinates, likewise */
    igraph_integer_t *sub;
    igraph_integer_t *sub_link;
} og_i_lineview;

og_status og_i_lineview_build(const og_model *m, og_line line, og_i_lineview *v);
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
