/*
 * chart_diff.c: the diff chart of two snapshots. Units are matched as
 * og_compare matches them; each unit (or level-schema group) is filled with
 * the colour of its change, and a legend names the colours. Two scales: the
 * level schema of both snapshots (always readable), or one subtree with its
 * units one by one (--root), where units that are gone stay drawn with a
 * dashed arrow to where they went.
 */
#include "chart.h"
#include "compare.h"
#include "lineview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Display states, in legend order; a group takes the first it has units of. */
enum { ST_REMOVED, ST_ADDED, ST_MERGED, ST_SPLIT, ST_MOVED, ST_RENAMED, ST_KEPT, ST_N };

static const char *const st_name[ST_N] = {"removed", "added", "merged", "split",
                                          "moved", "renamed", "kept"};
static const char *const st_fill[ST_N] = {"#f4a6a6", "#a6dba0", "#fdc086", "#cab2d6",
                                          "#9ecae1", "#ffff99", "#eeeeee"};

/* The display state of a before unit. */
static int before_state(const og_comparison *c, igraph_integer_t u)
{
    unsigned f = c->flags[u];
    return f & OG_I_CH_REMOVED ? ST_REMOVED : f & OG_I_CH_MERGED ? ST_MERGED
         : f & OG_I_CH_SPLIT ? ST_SPLIT : f & OG_I_CH_MOVED ? ST_MOVED
         : f & OG_I_CH_RENAMED ? ST_RENAMED : ST_KEPT;
}

/* The display state of each after unit: added, else the strongest state of
 * the before units that went into it. */
static unsigned char *after_states(const og_comparison *c)
{
    igraph_integer_t na = og_model_unit_count(c->m[1]), nb = og_model_unit_count(c->m[0]);
    unsigned char *s = malloc((size_t)na + 1);
    if (!s)
        return NULL;
    for (igraph_integer_t j = 0; j < na; j++)
        s[j] = c->added[j] ? ST_ADDED : ST_KEPT;
    for (igraph_integer_t i = 0; i < nb; i++)
        for (igraph_integer_t k = c->img_start[i]; k < c->img_start[i + 1]; k++) {
            int st = before_state(c, i);
            if (st < s[c->img[k]])
                s[c->img[k]] = (unsigned char)st;
        }
    return s;
}

static void fill_node(Agnode_t *v, int state)
{
    agsafeset(v, "fillcolor", (char *)st_fill[state], "white");
    agsafeset(v, "style", "filled", "filled");
    if (state == ST_REMOVED)
        agsafeset(v, "style", "filled,dashed", "filled");
}

/* Appends a model's date (or "?") with backslashes doubled, for a label. */
static void date_text(og_buf *b, const og_model *m)
{
    const char *d = og_model_meta_get(m, "date");
    for (d = d ? d : "?"; *d; d++) {
        if (*d == '\\')
            og_buf_puts(b, "\\");
        og_buf_append(b, d, 1);
    }
}

static og_status diff_legend(Agraph_t *g, const og_comparison *c, const char *what)
{
    og_buf b;
    og_buf_init(&b);
    date_text(&b, c->m[0]);
    og_buf_puts(&b, " -> ");
    date_text(&b, c->m[1]);
    og_buf_printf(&b, "\\n%s", what);
    agsafeset(g, "label", b.failed ? "" : b.data, "");
    b.len = 0;
    og_buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"3\"><TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
    for (int s = 0; s < ST_N; s++)
        og_buf_printf(&b, "<TR><TD BGCOLOR=\"%s\"> </TD><TD ALIGN=\"LEFT\">%s</TD></TR>",
                      st_fill[s], st_name[s]);
    og_buf_puts(&b, "<TR><TD>- - &gt;</TD><TD ALIGN=\"LEFT\">subtree: went into / was under</TD></TR>"
                    "<TR><TD><FONT COLOR=\"#bbbbbb\">&#8594;</FONT></TD>"
                    "<TD ALIGN=\"LEFT\">schema: links that are gone</TD></TR></TABLE>");
    Agnode_t *v = b.failed ? NULL : og_i_chart_new_node(g, "legend");
    if (v) {
        char *html = agstrdup_html(g, b.data);
        agxset(v, agattr(g, AGNODE, "label", NULL), html);
        agstrfree(g, html);
        agsafeset(v, "shape", "plaintext", "box");
        agsafeset(v, "style", "solid", "filled");
    }
    og_buf_free(&b);
    return v ? OG_OK : OG_ENOMEM;
}

/* ------------------------------------------------------------ schema scale */

typedef struct dgroup {
    const char *level, *kind;
    igraph_integer_t units[2];
    igraph_integer_t by_state[ST_N];
    Agnode_t *node;
} dgroup;

typedef struct dschema {
    dgroup *g;
    size_t n, cap;
    igraph_integer_t *of[2];   /* unit -> group, per snapshot */
} dschema;

static long group_of(dschema *d, const char *level, const char *kind)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->g[i].level, level) && !strcmp(d->g[i].kind, kind))
            return (long)i;
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 16;
        dgroup *g = realloc(d->g, cap * sizeof *g);
        if (!g)
            return -1;
        d->g = g;
        d->cap = cap;
    }
    memset(&d->g[d->n], 0, sizeof d->g[d->n]);
    d->g[d->n].level = level;
    d->g[d->n].kind = kind;
    return (long)d->n++;
}

/* Groups of both snapshots, by (level, kind) names, levels in order of
 * first appearance (before's, then after's). */
static og_status schema_groups(const og_comparison *c, dschema *d, const unsigned char *ast)
{
    for (int s = 0; s < 2; s++) {
        const og_model *m = c->m[s];
        igraph_integer_t n = og_model_unit_count(m);
        d->of[s] = malloc(((size_t)n + 1) * sizeof *d->of[s]);
        if (!d->of[s])
            return OG_ENOMEM;
        for (igraph_integer_t u = 0; u < n; u++) {
            long g = group_of(d, og_unit_level(m, u), og_unit_kind(m, u));
            if (g < 0)
                return OG_ENOMEM;
            d->of[s][u] = g;
            d->g[g].units[s]++;
            int st = s ? ast[u] : before_state(c, u);
            if (s == 0 || st == ST_ADDED)
                d->g[g].by_state[st]++;
        }
    }
    return OG_OK;
}

static og_status schema_node(Agraph_t *g, dgroup *grp)
{
    og_buf b;
    og_buf_init(&b);
    og_buf_printf(&b, "%s/%s", grp->level, grp->kind);
    Agnode_t *v = b.failed ? NULL : og_i_chart_new_node(g, b.data);
    b.len = 0;
    og_buf_printf(&b, "%s\\n%s level\\n%ld -> %ld units", *grp->kind ? grp->kind : "(no kind)",
                  *grp->level ? grp->level : "(no)", (long)grp->units[0], (long)grp->units[1]);
    int state = ST_KEPT; /* the change with the most units, if any */
    for (int s = 0; s < ST_KEPT; s++)
        if (grp->by_state[s] && (state == ST_KEPT || grp->by_state[s] > grp->by_state[state]))
            state = s;
    for (int s = 0; s < ST_KEPT; s++)
        if (grp->by_state[s])
            og_buf_printf(&b, "\\n%ld %s", (long)grp->by_state[s], st_name[s]);
    if (!v || b.failed) {
        og_buf_free(&b);
        return OG_ENOMEM;
    }
    agsafeset(v, "label", b.data, "");
    fill_node(v, state);
    grp->node = v;
    og_buf_free(&b);
    return OG_OK;
}

/* One arrow per (group, group, line) with links before -> after. */
static og_status schema_arrows(const og_comparison *c, dschema *d, Agraph_t *g)
{
    size_t ng = d->n, cells = ng * ng * OG_LINE_COUNT;
    igraph_integer_t *count = calloc(2 * cells + 1, sizeof *count);
    if (!count)
        return OG_ENOMEM;
    for (int s = 0; s < 2; s++)
        for (igraph_integer_t e = 0; e < og_model_link_count(c->m[s]); e++) {
            size_t a = (size_t)d->of[s][og_link_from(c->m[s], e)];
            size_t b = (size_t)d->of[s][og_link_to(c->m[s], e)];
            count[s * cells + (a * ng + b) * OG_LINE_COUNT + og_link_line(c->m[s], e)]++;
        }
    og_status st = OG_OK;
    for (size_t k = 0; k < cells && st == OG_OK; k++) {
        if (!count[k] && !count[cells + k])
            continue;
        size_t a = k / OG_LINE_COUNT / ng, b = k / OG_LINE_COUNT % ng;
        Agedge_t *e = agedge(g, d->g[a].node, d->g[b].node, NULL, 1);
        char label[64];
        snprintf(label, sizeof label, "%ld -> %ld", (long)count[k], (long)count[cells + k]);
        if (!e) {
            st = OG_ENOMEM;
            break;
        }
        agsafeset(e, "label", label, "");
        og_i_chart_style_edge(e, (og_line)(k % OG_LINE_COUNT));
        if (!count[cells + k]) { /* links that are gone */
            agsafeset(e, "color", "#bbbbbb", "black");
            agsafeset(e, "fontcolor", "#999999", "black");
        }
    }
    free(count);
    return st;
}

static og_status diff_schema(const og_comparison *c, const unsigned char *ast, Agraph_t *g)
{
    dschema d;
    memset(&d, 0, sizeof d);
    og_status st = schema_groups(c, &d, ast);
    for (size_t i = 0; st == OG_OK && i < d.n; i++)
        st = schema_node(g, &d.g[i]);
    if (st == OG_OK)
        st = schema_arrows(c, &d, g);
    free(d.g), free(d.of[0]), free(d.of[1]);
    return st;
}

/* ----------------------------------------------------------- subtree scale */

/* Marks in shown[] root and the units under it on the command line, to
 * depth layers (-1: all); breadth first, no recursion. */
static og_status mark_subtree(const og_model *m, igraph_integer_t root, int depth,
                              unsigned char *shown)
{
    og_i_lineview v;
    og_status st = og_i_lineview_build(m, OG_LINE_COMMAND, &v);
    igraph_integer_t n = og_model_unit_count(m);
    igraph_integer_t *queue = malloc(((size_t)n + 1) * sizeof *queue);
    igraph_integer_t *layer = malloc(((size_t)n + 1) * sizeof *layer);
    if (st == OG_OK && (!queue || !layer))
        st = OG_ENOMEM;
    igraph_integer_t head = 0, tail = 0;
    if (st == OG_OK && root >= 0) {
        queue[tail++] = root;
        layer[root] = 0;
        shown[root] = 1;
    }
    while (st == OG_OK && head < tail) {
        igraph_integer_t u = queue[head++];
        if (depth >= 0 && layer[u] >= depth)
            continue;
        for (igraph_integer_t k = v.sub_start[u]; k < v.sub_start[u + 1]; k++)
            if (!shown[v.sub[k]]) {
                shown[v.sub[k]] = 1;
                layer[v.sub[k]] = layer[u] + 1;
                queue[tail++] = v.sub[k];
            }
    }
    free(queue), free(layer);
    og_i_lineview_free(&v);
    return st;
}

static Agnode_t *unit_node(Agraph_t *g, const og_model *m, igraph_integer_t u, int state)
{
    Agnode_t *v = og_i_chart_new_node(g, og_unit_id(m, u));
    if (!v)
        return NULL;
    og_buf b;
    og_buf_init(&b);
    og_buf_printf(&b, "%s\n%s\n(%s)", og_unit_name(m, u), og_unit_id(m, u), st_name[state]);
    og_i_chart_style_node(v, og_unit_kind(m, u), b.failed ? "" : b.data, 24);
    fill_node(v, state);
    og_buf_free(&b);
    return v;
}

typedef struct dsub {
    const og_comparison *c;
    Agraph_t *g;
    unsigned char *shown[2];
    Agnode_t **node[2];
} dsub;

/* After units of the subtree, their command links, and the before units of
 * the old subtree that have no unit of their own any more. */
static og_status sub_nodes(dsub *d, const unsigned char *ast)
{
    for (int s = 0; s < 2; s++)
        for (igraph_integer_t u = 0; u < og_model_unit_count(d->c->m[s]); u++) {
            int gone = s == 0 && d->c->flags[u] & (OG_I_CH_REMOVED | OG_I_CH_MERGED | OG_I_CH_SPLIT);
            if (!d->shown[s][u] || (s == 0 && !gone))
                continue;
            d->node[s][u] = unit_node(d->g, d->c->m[s], u, s ? ast[u] : before_state(d->c, u));
            if (!d->node[s][u])
                return OG_ENOMEM;
        }
    return OG_OK;
}

static og_status sub_edge(Agraph_t *g, Agnode_t *a, Agnode_t *b, int dashed)
{
    Agedge_t *e = agedge(g, a, b, NULL, 1);
    if (!e)
        return OG_ENOMEM;
    og_i_chart_style_edge(e, OG_LINE_COMMAND);
    if (dashed) {
        agsafeset(e, "style", "dashed", "solid");
        agsafeset(e, "color", "#777777", "black");
    }
    return OG_OK;
}

/* The node of before unit u: its own when it is gone, else its first
 * image's; NULL when not drawn. */
static Agnode_t *before_node(const dsub *d, igraph_integer_t u)
{
    const og_comparison *c = d->c;
    if (d->node[0][u])
        return d->node[0][u];
    return c->img_start[u + 1] > c->img_start[u] ? d->node[1][c->img[c->img_start[u]]] : NULL;
}

/* Solid: command links of the after snapshot. Dashed: old command links
 * that touch a gone unit, and each gone unit to where it went. */
static og_status sub_edges(dsub *d)
{
    const og_comparison *c = d->c;
    og_status st = OG_OK;
    for (int s = 0; s < 2 && st == OG_OK; s++) {
        const og_model *m = c->m[s];
        for (igraph_integer_t e = 0; e < og_model_link_count(m) && st == OG_OK; e++) {
            igraph_integer_t a = og_link_from(m, e), b = og_link_to(m, e);
            if (og_link_line(m, e) != OG_LINE_COMMAND || (s == 0 && !d->node[0][a] && !d->node[0][b]))
                continue;
            Agnode_t *up = s ? d->node[1][a] : before_node(d, a);
            Agnode_t *down = s ? d->node[1][b] : before_node(d, b);
            if (up && down && up != down)
                st = sub_edge(d->g, up, down, s == 0);
        }
    }
    for (igraph_integer_t i = 0; st == OG_OK && i < og_model_unit_count(c->m[0]); i++)
        for (igraph_integer_t k = c->img_start[i]; d->node[0][i] && k < c->img_start[i + 1]; k++)
            if (d->node[1][c->img[k]])
                st = sub_edge(d->g, d->node[0][i], d->node[1][c->img[k]], 1);
    return st;
}

static og_status diff_subtree(const og_comparison *c, const unsigned char *ast,
                              const og_chart_options *o, Agraph_t *g, og_diags *diags)
{
    dsub d = {c, g, {NULL, NULL}, {NULL, NULL}};
    igraph_integer_t root[2] = {og_model_find(c->m[0], o->root), og_model_find(c->m[1], o->root)};
    if (root[0] < 0 && root[1] < 0)
        return og_diags_add(diags, OG_ERROR, NULL, 0, "unknown-unit", 0,
                            "no unit has id '%s' in either snapshot", o->root), OG_EINVAL;
    og_status st = OG_OK;
    for (int s = 0; s < 2 && st == OG_OK; s++) {
        igraph_integer_t n = og_model_unit_count(c->m[s]);
        d.shown[s] = calloc((size_t)n + 1, 1);
        d.node[s] = calloc((size_t)n + 1, sizeof *d.node[s]);
        st = d.shown[s] && d.node[s] ? mark_subtree(c->m[s], root[s], o->depth, d.shown[s])
                                     : OG_ENOMEM;
    }
    /* where the old subtree's units went is drawn too */
    for (igraph_integer_t i = 0; st == OG_OK && i < og_model_unit_count(c->m[0]); i++)
        for (igraph_integer_t k = c->img_start[i]; d.shown[0][i] && k < c->img_start[i + 1]; k++)
            d.shown[1][c->img[k]] = 1;
    if (st == OG_OK)
        st = sub_nodes(&d, ast);
    if (st == OG_OK)
        st = sub_edges(&d);
    for (int s = 0; s < 2; s++)
        free(d.shown[s]), free(d.node[s]);
    return st;
}

/* ------------------------------------------------------------------- API */

og_status og_i_chart_diff(const og_comparison *c, const og_chart_options *options,
                          const char *format, og_buf *out, og_diags *diags)
{
    og_status st = og_i_chart_format(format, diags);
    if (st != OG_OK)
        return st;
    unsigned char *ast = after_states(c);
    Agraph_t *g = ast ? og_i_chart_graph("diff") : NULL;
    if (!g)
        st = OG_ENOMEM;
    if (st == OG_OK)
        st = options->root ? diff_subtree(c, ast, options, g, diags) : diff_schema(c, ast, g);
    if (st == OG_OK)
        st = diff_legend(g, c, options->root
                                       ? "changes in the subtree (command line)"
                                       : "changes by level and kind: units and links before -> after");
    if (st == OG_OK) {
        agsafeset(g, "nodesep", "0.3", "");
        agsafeset(g, "ranksep", "0.6", "");
        st = og_i_chart_output(g, format, out, diags);
    }
    if (g)
        agclose(g);
    free(ast);
    return st;
}

og_status og_chart_render_diff(og_model *before, og_model *after,
                               const og_transition *transition,
                               const og_chart_options *options,
                               const char *format, og_buf *out, og_diags *diags)
{
    og_init();
    og_comparison *c = NULL;
    og_status st = og_i_chart_format(format, diags); /* before the comparison's work */
    if (st == OG_OK)
        st = og_compare(before, after, transition, &c, diags);
    if (st == OG_OK)
        st = og_i_chart_diff(c, options, format, out, diags);
    og_comparison_free(c);
    return st;
}
