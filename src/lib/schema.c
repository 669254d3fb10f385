/*
 * schema.c: the level schema of a model: one node per (level, kind) with its
 * count of units, one arrow per (group, group, line) with its count of
 * links. The one-page picture of an apparatus: what a restructuring
 * abolished or merged shows as a node that disappears or a count that drops.
 *
 * Groups are found by sorting, so the cost is O((n + m) log(n + m)) whatever
 * the number of kinds and levels. Nodes are ordered by level, then kind, in
 * the model's order of first appearance. Levels are not forced onto shared
 * ranks (rank=same): with labelled flat edges that makes Graphviz 2.42's dot
 * free memory twice in gvFreeLayout; the links rank the groups well enough.
 */
#include "chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct triple {
    igraph_integer_t a, b, c; /* sort key; c breaks ties or carries a line */
} triple;

static int triple_cmp(const void *x, const void *y)
{
    const triple *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->c > q->c) - (p->c < q->c);
}

typedef struct schema {
    og_model *m;
    Agraph_t *g;
    igraph_integer_t *group; /* unit -> group, or -1 when not shown */
    Agnode_t **node;         /* group -> node */
    igraph_integer_t n_groups;
} schema;

static og_status add_group(schema *s, const triple *first, igraph_integer_t count)
{
    const og_model *m = s->m;
    const char *level = og_model_level_name(m, (size_t)first->a);
    const char *kind = og_model_kind_name(m, (size_t)first->b);
    og_buf b;
    og_buf_init(&b);
    og_buf_printf(&b, "%s/%s", level, kind);
    Agnode_t *v = b.failed ? NULL : og_i_chart_new_node(s->g, b.data);
    b.len = 0;
    og_buf_printf(&b, "%s\n%s level\n%ld unit%s", *kind ? kind : "(no kind)",
                  *level ? level : "(no)", (long)count, count == 1 ? "" : "s");
    if (!v || b.failed) {
        og_buf_free(&b);
        return OG_ENOMEM;
    }
    og_i_chart_style_node(v, kind, b.data, 0);
    og_buf_free(&b);
    s->node[s->n_groups++] = v;
    return OG_OK;
}

/* Sorts the shown units by (level, kind) and makes one node per run. */
static og_status add_groups(schema *s, const unsigned char *shown)
{
    igraph_integer_t n = og_model_unit_count(s->m), k = 0;
    triple *t = malloc(((size_t)n + 1) * sizeof *t);
    if (!t)
        return OG_ENOMEM;
    for (igraph_integer_t u = 0; u < n; u++) {
        s->group[u] = -1;
        if (shown[u])
            t[k++] = (triple){(igraph_integer_t)og_unit_level_index(s->m, u),
                              (igraph_integer_t)og_unit_kind_index(s->m, u), u};
    }
    qsort(t, (size_t)k, sizeof *t, triple_cmp);
    og_status st = OG_OK;
    for (igraph_integer_t i = 0, j; i < k && st == OG_OK; i = j) {
        for (j = i; j < k && t[j].a == t[i].a && t[j].b == t[i].b; j++)
            s->group[t[j].c] = s->n_groups;
        st = add_group(s, t + i, j - i);
    }
    free(t);
    return st;
}

static og_status add_arrow(schema *s, const triple *t, igraph_integer_t count)
{
    Agedge_t *e = agedge(s->g, s->node[t->a], s->node[t->b], NULL, 1);
    if (!e)
        return OG_ENOMEM;
    char label[32];
    snprintf(label, sizeof label, "%ld", (long)count);
    agsafeset(e, "label", label, "");
    og_i_chart_style_edge(e, (og_line)t->c);
    if (t->a == t->b && t->c == OG_LINE_COORDINATION)
        agsafeset(e, "dir", "none", "");
    return OG_OK;
}

/* Counts links per (group, group, line) by sorting them. */
static og_status add_arrows(schema *s, unsigned lines, unsigned *drawn)
{
    igraph_integer_t nl = og_model_link_count(s->m), k = 0;
    triple *t = malloc(((size_t)nl + 1) * sizeof *t);
    if (!t)
        return OG_ENOMEM;
    for (igraph_integer_t e = 0; e < nl; e++) {
        igraph_integer_t a = s->group[og_link_from(s->m, e)];
        igraph_integer_t b = s->group[og_link_to(s->m, e)];
        og_line line = og_link_line(s->m, e);
        if (a >= 0 && b >= 0 && (lines & (1u << line)))
            t[k++] = (triple){a, b, line};
    }
    qsort(t, (size_t)k, sizeof *t, triple_cmp);
    og_status st = OG_OK;
    for (igraph_integer_t i = 0, j; i < k && st == OG_OK; i = j) {
        for (j = i; j < k && triple_cmp(t + i, t + j) == 0; j++)
            ;
        *drawn |= 1u << t[i].c;
        st = add_arrow(s, t + i, j - i);
    }
    free(t);
    return st;
}

static og_status add_legend(schema *s, const unsigned char *shown, unsigned drawn)
{
    size_t nk = og_model_kind_count(s->m), k = 0;
    unsigned char *used = calloc(nk + 1, 1);
    const char **kinds = malloc((nk + 1) * sizeof *kinds);
    og_status st = OG_ENOMEM;
    if (used && kinds) {
        for (igraph_integer_t u = 0; u < og_model_unit_count(s->m); u++)
            if (shown[u])
                used[og_unit_kind_index(s->m, u)] = 1;
        for (size_t i = 0; i < nk; i++)
            if (used[i])
                kinds[k++] = og_model_kind_name(s->m, i);
        Agnode_t *legend;
        st = og_i_chart_title_legend(s->g, s->m,
                                     "level schema: units by level and kind, "
                                     "links by line", kinds, k, drawn, &legend);
    }
    free(used);
    free(kinds);
    return st;
}

og_status og_i_schema_graph(og_model *m, const unsigned char *shown,
                            unsigned lines, Agraph_t **graph)
{
    schema s;
    memset(&s, 0, sizeof s);
    s.m = m;
    igraph_integer_t n = og_model_unit_count(m);
    unsigned drawn = 0;
    s.group = malloc(((size_t)n + 1) * sizeof *s.group);
    s.node = malloc(((size_t)n + 1) * sizeof *s.node);
    s.g = og_i_chart_graph("schema");
    og_status st = s.group && s.node && s.g ? add_groups(&s, shown) : OG_ENOMEM;
    if (st == OG_OK)
        st = add_arrows(&s, lines, &drawn);
    if (st == OG_OK)
        st = add_legend(&s, shown, drawn);
    if (st == OG_OK) {
        agsafeset(s.g, "nodesep", "0.4", "");
        agsafeset(s.g, "ranksep", "0.8", "");
    }
    free(s.group);
    free(s.node);
    if (st != OG_OK && s.g)
        agclose(s.g);
    *graph = st == OG_OK ? s.g : NULL;
    return st;
}
