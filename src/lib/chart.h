/*
 * chart.h: private declarations shared by the chart files: the Graphviz
 * graph under construction with its styles (chart.c), the linear compact
 * tree layout (layout_compact.c) and the level schema (schema.c).
 */
#ifndef ORGRAPH_CHART_H
#define ORGRAPH_CHART_H

#include "internal.h"

#include <graphviz/cgraph.h>

/* ---- the compact layout (layout_compact.c) ---- */

/* Box size and gaps of the compact layout, in points. */
typedef struct og_i_compact_params {
    double node_w, node_h; /* every box */
    double gap_x, gap_y;   /* between subtrees and between layers */
    double leaf_gap;       /* between stacked leaves */
    double indent;         /* room left of a leaf column for its trunk */
} og_i_compact_params;

#define OG_I_PATH_POINTS 6

/* Lays out a forest of n nodes (parent[i] = -1 for a root; parent[] must be
 * acyclic) as an org chart: box centres in x[], y[] (points, y downward,
 * origin top left) and, for every node with a parent, the connector from its
 * parent as OG_I_PATH_POINTS points in path[2 * OG_I_PATH_POINTS * i ..].
 * Children keep index order. Iterative, O(n) time and memory. */
og_status og_i_layout_compact(igraph_integer_t n, const igraph_integer_t *parent,
                              const og_i_compact_params *params, double *x,
                              double *y, double *path, double *width,
                              double *height);

/* ---- drawing helpers (chart_style.c) ---- */

/* A graph under construction, with the settings every chart shares. */
Agraph_t *og_i_chart_graph(const char *name);
/* A node named `base`, or base followed by primes when that name is taken,
 * so that a made-up node never merges with a unit's node. */
Agnode_t *og_i_chart_new_node(Agraph_t *g, const char *base);
/* Styles a node as a unit of `kind` (fixed table, or a colour derived from
 * the kind string) with a label made from `text` (wrapped, escaped). */
void og_i_chart_style_node(Agnode_t *v, const char *kind, const char *text,
                           int wrap);
/* Styles an edge as a link on `line`. */
void og_i_chart_style_edge(Agedge_t *e, og_line line);
/* Adds the title (meta title and date, and `what`) and the legend node (the
 * kinds in kinds[], the lines in the `lines` bit set), returned in *legend. */
og_status og_i_chart_title_legend(Agraph_t *g, const og_model *m,
                                  const char *what, const char *const *kinds,
                                  size_t n_kinds, unsigned lines,
                                  Agnode_t **legend);

/* OG_OK for a chart format (svg, png, pdf, dot); else a diagnostic and
 * OG_EINVAL. */
og_status og_i_chart_format(const char *format, og_diags *diags);

/* Lays out g with dot and renders it in format (or writes it as DOT). */
og_status og_i_chart_output(Agraph_t *g, const char *format, og_buf *out,
                            og_diags *diags);
/* Appends text to b escaped for an HTML-like Graphviz label. */
void og_i_chart_html_text(og_buf *b, const char *s);

/* ---- the level schema (schema.c) ---- */

/* Builds the level schema of the units with shown[u] set, counting the
 * links on the lines in `lines` between them. O((n + m) log(n + m)). */
og_status og_i_schema_graph(og_model *m, const unsigned char *shown,
                            unsigned lines, Agraph_t **graph);

#endif
