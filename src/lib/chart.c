/*
 * chart.c: og_chart_render: which units a chart shows (the whole model, a
 * subtree, a depth limit, chosen lines, a collapsed level), the Graphviz
 * graph built from them, the choice of layout, and rendering in-process with
 * gvc (never by running `dot`).
 *
 * The selection walks the chosen ranking lines downward breadth first from
 * the root (or from every apex), command before party before guidance; the
 * unit that first reaches another is its *tree parent*. The compact layout
 * lays out that tree; links off the tree are drawn as straight lines.
 */
#include "chart.h"
#include "lineview.h"

#include <graphviz/gvc.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The units a chart shows and the tree among them. */
typedef struct selection {
    igraph_integer_t n;
    unsigned char *shown;     /* drawn as its own node */
    unsigned char *collapsed; /* folded into a summary node */
    igraph_integer_t *parent; /* tree parent (unit), or -1 */
    igraph_integer_t *parent_link;
    igraph_integer_t *depth;  /* hops from a root, -1 when unreached */
    igraph_integer_t *order;  /* reached units, breadth first */
    igraph_integer_t n_order;
} selection;

/* A chart node: a unit, or a summary of collapsed units. */
typedef struct chart {
    og_model *m;
    const og_chart_options *o;
    unsigned lines;
    selection s;
    Agraph_t *g;
    igraph_integer_t n_nodes;
    Agnode_t **node;           /* by chart node */
    igraph_integer_t *node_of; /* unit -> chart node, or -1 */
    igraph_integer_t *cparent; /* chart node -> tree parent chart node */
    Agedge_t **tree_edge;      /* chart node -> edge from its tree parent */
    Agnode_t *legend;
    size_t legend_rows;
    unsigned drawn_lines;
} chart;

void og_chart_options_init(og_chart_options *options)
{
    memset(options, 0, sizeof *options);
    options->depth = -1;
}

static void selection_free(selection *s)
{
    free(s->shown);
    free(s->collapsed);
    free(s->parent);
    free(s->parent_link);
    free(s->depth);
    free(s->order);
}

static og_status selection_alloc(selection *s, igraph_integer_t n)
{
    size_t k = (size_t)n + 1;
    s->n = n;
    s->shown = calloc(k, 1);
    s->collapsed = calloc(k, 1);
    s->parent = malloc(k * sizeof *s->parent);
    s->parent_link = malloc(k * sizeof *s->parent_link);
    s->depth = malloc(k * sizeof *s->depth);
    s->order = malloc(k * sizeof *s->order);
    if (!s->shown || !s->collapsed || !s->parent || !s->parent_link ||
        !s->depth || !s->order)
        return OG_ENOMEM;
    for (igraph_integer_t u = 0; u < n; u++)
        s->parent[u] = s->parent_link[u] = s->depth[u] = -1;
    return OG_OK;
}

/* eligible[u]: u has a link on a chosen line, or no link at all. */
static og_status eligible_units(const og_model *m, unsigned lines,
                                unsigned char **out)
{
    igraph_integer_t n = og_model_unit_count(m), nl = og_model_link_count(m);
    unsigned char *any = calloc((size_t)n + 1, 1), *el = calloc((size_t)n + 1, 1);
    if (!any || !el) {
        free(any);
        free(el);
        return OG_ENOMEM;
    }
    for (igraph_integer_t e = 0; e < nl; e++) {
        igraph_integer_t a = og_link_from(m, e), b = og_link_to(m, e);
        any[a] = any[b] = 1;
        if (lines & (1u << og_link_line(m, e)))
            el[a] = el[b] = 1;
    }
    for (igraph_integer_t u = 0; u < n; u++)
        el[u] |= !any[u];
    free(any);
    *out = el;
    return OG_OK;
}

/* Breadth first down the chosen ranking lines from the queued roots, one
 * layer at a time and, within a layer, command before party before guidance:
 * a unit reached at the same depth by a command and a guidance superior has
 * its command superior as tree parent, whatever the order of the units. */
static void walk_down(selection *s, const og_i_lineview *views, int n_views,
                      const unsigned char *eligible, int max_depth)
{
    for (igraph_integer_t begin = 0, end; begin < s->n_order; begin = end) {
        end = s->n_order; /* the layer: order[begin..end), one depth */
        if (max_depth >= 0 && s->depth[s->order[begin]] >= max_depth)
            break;
        for (int l = 0; l < n_views; l++) {
            const og_i_lineview *v = &views[l];
            for (igraph_integer_t i = begin; i < end; i++) {
                igraph_integer_t u = s->order[i];
                for (igraph_integer_t k = v->sub_start[u]; k < v->sub_start[u + 1]; k++) {
                    igraph_integer_t c = v->sub[k];
                    if (s->depth[c] >= 0 || !eligible[c])
                        continue;
                    s->depth[c] = s->depth[u] + 1;
                    s->parent[c] = u;
                    s->parent_link[c] = v->sub_link[k];
                    s->order[s->n_order++] = c;
                }
            }
        }
    }
}

static int has_superior(const og_i_lineview *views, int n_views, igraph_integer_t u)
{
    for (int l = 0; l < n_views; l++)
        if (views[l].sup_start[u] < views[l].sup_start[u + 1])
            return 1;
    return 0;
}

/* Queues the roots, walks down, and decides which units are shown. */
static og_status select_units(chart *c, igraph_integer_t root,
                              const unsigned char *eligible)
{
    selection *s = &c->s;
    og_i_lineview views[OG_LINE_COUNT];
    int n_views = 0;
    og_status st = OG_OK;
    for (int l = 0; l < OG_LINE_COUNT && st == OG_OK; l++)
        if (og_line_ranks((og_line)l) && (c->lines & (1u << l)))
            st = og_i_lineview_build_links(c->m, (og_line)l, &views[n_views++]);
    if (st != OG_OK)
        n_views--;
    for (igraph_integer_t u = 0; u < s->n && st == OG_OK; u++) {
        if (root >= 0 ? u != root : !eligible[u] || has_superior(views, n_views, u))
            continue;
        s->depth[u] = 0;
        s->order[s->n_order++] = u;
    }
    if (st == OG_OK)
        walk_down(s, views, n_views, eligible, c->o->depth);
    for (igraph_integer_t u = 0; u < s->n; u++)
        s->shown[u] = root >= 0 ? s->depth[u] >= 0
                                : eligible[u] && (s->depth[u] >= 0 || c->o->depth < 0);
    for (int l = 0; l < n_views; l++)
        og_i_lineview_free(&views[l]);
    return st;
}

/* Folds the shown units at level `level` under a shown tree parent into
 * summaries, and hides every unit whose tree parent is not shown. */
static void collapse_level(selection *s, const og_model *m, long level)
{
    for (igraph_integer_t i = 0; i < s->n_order; i++) {
        igraph_integer_t u = s->order[i], p = s->parent[u];
        if (p < 0 || !s->shown[u])
            continue;
        if (!s->shown[p])
            s->shown[u] = 0;
        else if ((long)og_unit_level_index(m, u) == level)
            s->shown[u] = 0, s->collapsed[u] = 1;
    }
}

static og_status chart_alloc(chart *c, igraph_integer_t cap)
{
    size_t k = (size_t)cap + 1;
    c->node = calloc(k, sizeof *c->node);
    c->cparent = malloc(k * sizeof *c->cparent);
    c->tree_edge = calloc(k, sizeof *c->tree_edge);
    c->node_of = malloc(((size_t)c->s.n + 1) * sizeof *c->node_of);
    return c->node && c->cparent && c->tree_edge && c->node_of ? OG_OK : OG_ENOMEM;
}

static void chart_free(chart *c)
{
    free(c->node);
    free(c->cparent);
    free(c->tree_edge);
    free(c->node_of);
    selection_free(&c->s);
    if (c->g)
        agclose(c->g);
}

/* Auto: dot for small charts with narrow spans; compact for large charts
 * and for any span wider than OG_CHART_SPAN_MAX, which dot would draw as one
 * very wide row. */
static int compact_wanted(const chart *c)
{
    if (c->o->layout != OG_LAYOUT_AUTO)
        return c->o->layout == OG_LAYOUT_COMPACT;
    if (c->n_nodes > OG_CHART_DOT_MAX)
        return 1;
    igraph_integer_t *span = calloc((size_t)c->n_nodes + 1, sizeof *span), widest = 0;
    if (!span)
        return 1;
    for (igraph_integer_t i = 0; i < c->n_nodes; i++)
        if (c->cparent[i] >= 0 && ++span[c->cparent[i]] > widest)
            widest = span[c->cparent[i]];
    free(span);
    return widest > OG_CHART_SPAN_MAX;
}

/* One chart node per shown unit, in unit order. */
static og_status add_unit_nodes(chart *c, int wrap)
{
    const og_model *m = c->m;
    for (igraph_integer_t u = 0; u < c->s.n; u++) {
        c->node_of[u] = -1;
        if (!c->s.shown[u])
            continue;
        Agnode_t *v = agnode(c->g, (char *)og_unit_id(m, u), 1);
        if (!v)
            return OG_ENOMEM;
        const char *name = og_unit_name(m, u);
        og_i_chart_style_node(v, og_unit_kind(m, u), *name ? name : og_unit_id(m, u), wrap);
        c->node_of[u] = c->n_nodes;
        c->cparent[c->n_nodes] = -1;
        c->node[c->n_nodes++] = v;
    }
    return OG_OK;
}

typedef struct fold {
    igraph_integer_t parent, kind, unit;
} fold;

static int fold_cmp(const void *a, const void *b)
{
    const fold *x = a, *y = b;
    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return (x->unit > y->unit) - (x->unit < y->unit);
}

/* A summary node for a run of folds with one parent and kind. */
static og_status add_summary(chart *c, const fold *f, igraph_integer_t count, int wrap)
{
    const og_model *m = c->m;
    const char *kind = og_unit_kind(m, f->unit);
    char text[128];
    snprintf(text, sizeof text, "%ld %s units (%s level)", (long)count,
             *kind ? kind : "(no kind)", og_unit_level(m, f->unit));
    og_buf name;
    og_buf_init(&name);
    og_buf_printf(&name, "%s/%s*", og_unit_id(m, f->parent), kind);
    Agnode_t *v = name.failed ? NULL : og_i_chart_new_node(c->g, name.data);
    og_buf_free(&name);
    if (!v)
        return OG_ENOMEM;
    og_i_chart_style_node(v, kind, text, wrap);
    agsafeset(v, "style", "filled,dashed", "filled");
    for (igraph_integer_t i = 0; i < count; i++)
        c->node_of[f[i].unit] = c->n_nodes;
    c->cparent[c->n_nodes] = -1;
    c->node[c->n_nodes++] = v;
    return OG_OK;
}

static og_status add_summary_nodes(chart *c, int wrap)
{
    igraph_integer_t k = 0;
    for (igraph_integer_t u = 0; u < c->s.n; u++)
        k += c->s.collapsed[u];
    fold *f = malloc(((size_t)k + 1) * sizeof *f);
    if (!f)
        return OG_ENOMEM;
    k = 0;
    for (igraph_integer_t u = 0; u < c->s.n; u++)
        if (c->s.collapsed[u])
            f[k++] = (fold){c->s.parent[u], (igraph_integer_t)og_unit_kind_index(c->m, u), u};
    qsort(f, (size_t)k, sizeof *f, fold_cmp);
    og_status st = OG_OK;
    for (igraph_integer_t i = 0, j; i < k && st == OG_OK; i = j) {
        for (j = i; j < k && f[j].parent == f[i].parent && f[j].kind == f[i].kind; j++)
            ;
        st = add_summary(c, f + i, j - i, wrap);
    }
    free(f);
    return st;
}

/* Draws link e if both ends are drawn; a tree link into a collapsed unit
 * becomes one edge to its summary. */
static og_status add_link(chart *c, igraph_integer_t e)
{
    const og_model *m = c->m;
    og_line line = og_link_line(m, e);
    igraph_integer_t a = og_link_from(m, e), b = og_link_to(m, e);
    if (!(c->lines & (1u << line)) || a == b || !c->s.shown[a])
        return OG_OK;
    int tree = c->s.parent_link[b] == e;
    if (!c->s.shown[b] && !(c->s.collapsed[b] && tree))
        return OG_OK;
    igraph_integer_t ca = c->node_of[a], cb = c->node_of[b];
    if (tree && c->tree_edge[cb])
        return OG_OK; /* a summary's edge is drawn once */
    Agedge_t *edge = agedge(c->g, c->node[ca], c->node[cb], NULL, 1);
    if (!edge)
        return OG_ENOMEM;
    og_i_chart_style_edge(edge, line);
    c->drawn_lines |= 1u << line;
    if (tree) {
        c->tree_edge[cb] = edge;
        c->cparent[cb] = ca;
    }
    return OG_OK;
}

/* "lines: command, party; subtree of X; 2 layer(s) below the top; commune
 * level collapsed; N units" */
static void describe(const chart *c, og_buf *b)
{
    const char *sep = "lines: ";
    if (c->lines == (1u << OG_LINE_COUNT) - 1)
        og_buf_puts(b, "all lines");
    for (int l = 0; l < OG_LINE_COUNT && c->lines != (1u << OG_LINE_COUNT) - 1; l++)
        if (c->lines & (1u << l)) {
            og_buf_printf(b, "%s%s", sep, og_line_name((og_line)l));
            sep = ", ";
        }
    if (c->o->root)
        og_buf_printf(b, "; subtree of %s", c->o->root);
    if (c->o->depth >= 0)
        og_buf_printf(b, "; %d layer(s) below the top", c->o->depth);
    if (c->o->collapse)
        og_buf_printf(b, "; %s level collapsed", c->o->collapse);
    igraph_integer_t units = 0;
    for (igraph_integer_t u = 0; u < c->s.n; u++)
        units += c->s.shown[u] || c->s.collapsed[u];
    og_buf_printf(b, "; %ld units", (long)units);
}

/* Kinds of the drawn nodes, in the model's order of kinds. */
static og_status legend(chart *c)
{
    size_t nk = og_model_kind_count(c->m), k = 0;
    unsigned char *used = calloc(nk + 1, 1);
    const char **kinds = malloc((nk + 1) * sizeof *kinds);
    og_buf what;
    og_buf_init(&what);
    describe(c, &what);
    og_status st = OG_ENOMEM;
    if (used && kinds && !what.failed) {
        for (igraph_integer_t u = 0; u < c->s.n; u++)
            if (c->s.shown[u] || c->s.collapsed[u])
                used[og_unit_kind_index(c->m, u)] = 1;
        for (size_t i = 0; i < nk; i++)
            if (used[i])
                kinds[k++] = og_model_kind_name(c->m, i);
        st = og_i_chart_title_legend(c->g, c->m, what.data, kinds, k,
                                     c->drawn_lines, &c->legend);
        c->legend_rows = k + 1 + (size_t)__builtin_popcount(c->drawn_lines);
    }
    og_buf_free(&what);
    free(used);
    free(kinds);
    return st;
}

static og_status build_full(chart *c)
{
    int wrap = 28;
    og_status st = add_unit_nodes(c, wrap);
    if (st == OG_OK)
        st = add_summary_nodes(c, wrap);
    for (igraph_integer_t e = 0; e < og_model_link_count(c->m) && st == OG_OK; e++)
        st = add_link(c, e);
    if (st == OG_OK)
        st = legend(c);
    return st;
}

/* ------------------------------------------------------------- compact */

static const og_i_compact_params compact_params = {
    150, 30, 24, 36, 6, 14};

/* Positions are whole points: plenty for a chart, and integers print and
 * parse several times faster than decimals, which shows at 100k units. */
static void set_pos(void *obj, double x, double y)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%ld,%ld!", lround(x), lround(y));
    agsafeset(obj, "pos", buf, "");
}

static void set_path(Agedge_t *e, const double *p, double height)
{
    long pts[OG_I_PATH_POINTS][2];
    int k = 0;
    for (int i = 0; i < OG_I_PATH_POINTS; i++) {
        long x = lround(p[2 * i]), y = lround(height - p[2 * i + 1]);
        if (k == 0 || x != pts[k - 1][0] || y != pts[k - 1][1])
            pts[k][0] = x, pts[k++][1] = y;
    }
    char buf[OG_I_PATH_POINTS * 3 * 24], *q = buf;
    /* a polyline as a cubic B-spline: every inner corner three times */
    for (int i = 0; i < k; i++)
        for (int r = (i == 0 || i == k - 1) ? 2 : 3; r > 0; r--)
            q += snprintf(q, 24, "%s%ld,%ld", q == buf ? "" : " ", pts[i][0], pts[i][1]);
    agsafeset(e, "pos", buf, "");
    agsafeset(e, "dir", "none", "");
}

/* The title and legend grow with the chart, so that they stay legible when
 * a large chart is viewed whole; the legend goes above its top left corner. */
static void place_legend(chart *c, double w, double h)
{
    double scale = fmax(1.0, w / 1500.0), font = 10 * scale;
    double lh = (double)c->legend_rows * font * 1.9, lw = font * 22;
    char buf[32];
    snprintf(buf, sizeof buf, "%.1f", font);
    agsafeset(c->legend, "fontsize", buf, "10");
    snprintf(buf, sizeof buf, "%.1f", 14 * scale);
    agsafeset(c->g, "fontsize", buf, "14");
    set_pos(c->legend, lw / 2, h + lh / 2 + 20 * scale);
    agsafeset(c->g, "splines", "line", "");
}

/* Positions every node and tree edge (pos attributes, points, y up). */
static og_status place_compact(chart *c)
{
    igraph_integer_t n = c->n_nodes;
    double *x = malloc(((size_t)n + 1) * sizeof *x), *y = malloc(((size_t)n + 1) * sizeof *y);
    double *path = malloc(((size_t)n + 1) * 2 * OG_I_PATH_POINTS * sizeof *path);
    double w, h;
    og_status st = x && y && path ? og_i_layout_compact(n, c->cparent, &compact_params,
                                                        x, y, path, &w, &h)
                                  : OG_ENOMEM;
    for (igraph_integer_t i = 0; i < n && st == OG_OK; i++) {
        set_pos(c->node[i], x[i], h - y[i]);
        if (c->tree_edge[i])
            set_path(c->tree_edge[i], path + 2 * OG_I_PATH_POINTS * i, h);
    }
    if (st == OG_OK)
        place_legend(c, w, h);
    free(x);
    free(y);
    free(path);
    return st;
}

/* Every box the same size, so that positions can be fixed in advance. */
static void compact_defaults(chart *c)
{
    Agraph_t *g = c->g;
    char buf[32];
    snprintf(buf, sizeof buf, "%.4f", compact_params.node_w / 72);
    agattr(g, AGNODE, "width", buf);
    snprintf(buf, sizeof buf, "%.4f", compact_params.node_h / 72);
    agattr(g, AGNODE, "height", buf);
    agattr(g, AGNODE, "fixedsize", "true");
    for (igraph_integer_t i = 0; i < c->n_nodes; i++)
        agsafeset(c->node[i], "fontsize", "8", "10");
    agsafeset(c->legend, "fixedsize", "false", "true");
}

/* ------------------------------------------------------------- output */

static og_status write_dot(Agraph_t *g, og_buf *out)
{
    char *data = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&data, &size);
    if (!f)
        return OG_ENOMEM;
    int rc = agwrite(g, f);
    if (fclose(f) != 0 || rc != 0) {
        free(data);
        return OG_EINTERNAL;
    }
    og_buf_append(out, data, size);
    free(data);
    return out->failed ? OG_ENOMEM : OG_OK;
}

/* cairo stamps PDFs with the time of day; give every PDF the same date. */
static void fix_pdf_date(char *data, size_t size)
{
    static const char key[] = "/CreationDate (D:";
    size_t k = sizeof key - 1;
    for (size_t i = 0; i + k < size; i++) {
        if (memcmp(data + i, key, k) != 0)
            continue;
        for (size_t j = i + k; j < size && data[j] != ')'; j++)
            if (data[j] >= '0' && data[j] <= '9')
                data[j] = j - (i + k) < 4 ? "2000"[j - (i + k)] : '0';
    }
}

/* PNG is for looking at a chart whole: its longer side is held to
 * PNG_MAX_PIXELS (cairo cannot make images over 32767 pixels a side, and a
 * larger picture is no easier to read); SVG and PDF keep every detail. */
#define PNG_MAX_PIXELS 6000.0

static void limit_png(Agraph_t *g)
{
    double w = GD_bb(g).UR.x - GD_bb(g).LL.x, h = GD_bb(g).UR.y - GD_bb(g).LL.y;
    double inches = PNG_MAX_PIXELS / 96.0;
    if (fmax(w, h) / 72.0 * 96.0 <= PNG_MAX_PIXELS)
        return;
    /* the layout has already read the size attribute: set what it read */
    GD_drawing(g)->size.x = GD_drawing(g)->size.y = inches * 72.0;
}

/* One Graphviz context for the life of the process, never freed. Graphviz
 * 2.42's pango plugin keeps the last font name as a pointer into the
 * context's font table (a static in its text layout), so a second context
 * made after gvFreeContext reads freed memory: AddressSanitizer finds a
 * heap-use-after-free in textspan_size on the second chart rendered in one
 * process. Graphviz is not thread-safe in any case. */
static GVC_t *graphviz(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

static og_status render_now(Agraph_t *g, const char *engine,
                            const char *format, og_buf *out, og_diags *diags)
{
    GVC_t *gvc = graphviz();
    if (!gvc)
        return OG_ENOMEM;
    char *data = NULL;
    og_status st = OG_OK;
    if (gvLayout(gvc, g, engine) != 0) {
        st = OG_EINTERNAL;
        og_diags_add(diags, OG_ERROR, NULL, 0, "graphviz", 0,
                     "graphviz could not lay out the chart");
    } else {
        if (strcmp(format, "png") == 0)
            limit_png(g);
        /* not gvRenderData: Graphviz 2.42 grows its buffer a page at a
         * time, and with the CLI's high mmap threshold every growth of a
         * 60 MB SVG copied it to a fresh place in the heap (a 120,000-unit
         * chart peaked at 13 GB). A memory stream doubles its buffer. */
        size_t size = 0;
        FILE *mem = open_memstream(&data, &size);
        int bad = !mem || gvRender(gvc, g, format, mem) != 0;
        if (mem && fclose(mem) != 0)
            bad = 1;
        if (bad || !data) {
            st = OG_EINTERNAL;
            og_diags_add(diags, OG_ERROR, NULL, 0, "graphviz", 0,
                         "graphviz could not render '%s'", format);
        } else {

            if (strcmp(format, "pdf") == 0)
                fix_pdf_date(data, size);
            og_buf_append(out, data, size);
        }
        free(data);
        gvFreeLayout(gvc, g);
    }
    return st == OG_OK && out->failed ? OG_ENOMEM : st;
}

/* Graphviz recurses where we cannot change it: libcdt's dtsize walks a
 * node's edge set recursively, about 128 bytes of stack an edge, so a span
 * of a million overflows the usual 8 MB stack (found by scripts/limits.sh).
 * Layout and rendering therefore run on a thread with a large stack, enough
 * for a span of OG_CHART_MAX_UNITS with room to spare: the address space is
 * reserved, and only the pages a deep walk touches are ever committed. */
#define RENDER_STACK ((size_t)64 << 20) /* spans of about 500,000 */

typedef struct render_job {
    Agraph_t *g;
    const char *engine, *format;
    og_buf *out;
    og_diags *diags;
    og_status st;
} render_job;

static void *render_main(void *arg)
{
    render_job *j = arg;
    j->st = render_now(j->g, j->engine, j->format, j->out, j->diags);
    return NULL;
}

static og_status render(Agraph_t *g, const char *engine, const char *format,
                        og_buf *out, og_diags *diags)
{
    render_job job = {g, engine, format, out, diags, OG_OK};
    pthread_attr_t attr;
    pthread_t thread;
    int started = 0;
    if (pthread_attr_init(&attr) == 0) {
        started = pthread_attr_setstacksize(&attr, RENDER_STACK) == 0 &&
                  pthread_create(&thread, &attr, render_main, &job) == 0;
        pthread_attr_destroy(&attr);
    }
    if (!started) /* no room for the stack: small charts still render */
        return render_now(g, engine, format, out, diags);
    pthread_join(thread, NULL);
    return job.st;
}

static og_status emit(chart *c, const char *format, og_buf *out,
                      og_diags *diags)
{
    int compact = compact_wanted(c);
    if (compact)
        compact_defaults(c);
    else {
        agsafeset(c->g, "nodesep", "0.25", "");
        agsafeset(c->g, "ranksep", "0.45", "");
    }
    og_status st = compact ? place_compact(c) : OG_OK;
    if (st != OG_OK)
        return st;
    if (strcmp(format, "dot") == 0)
        return write_dot(c->g, out);
    return render(c->g, compact ? "nop2" : "dot", format, out, diags);
}

og_status og_i_chart_format(const char *format, og_diags *diags)
{
    static const char *const formats[] = {"svg", "png", "pdf", "dot"};
    for (size_t i = 0; i < 4; i++)
        if (strcmp(format, formats[i]) == 0)
            return OG_OK;
    og_diags_add(diags, OG_ERROR, NULL, 0, "chart-format", 0,
                 "unknown chart format '%s' (svg, png, pdf or dot)", format);
    return OG_EINVAL;
}

static og_status check_options(og_model *m, const og_chart_options *o,
                               const char *format, igraph_integer_t *root,
                               long *level, og_diags *diags)
{
    if (og_i_chart_format(format, diags) != OG_OK)
        return OG_EINVAL;
    *root = o->root ? og_model_find(m, o->root) : -1;
    if (o->root && *root < 0)
        return og_diags_add(diags, OG_ERROR, NULL, 0, "unknown-unit", 0,
                            "no unit has id '%s'", o->root), OG_EINVAL;
    *level = -1;
    for (size_t i = 0; o->collapse && i < og_model_level_count(m); i++)
        if (strcmp(og_model_level_name(m, i), o->collapse) == 0)
            *level = (long)i;
    if (o->collapse && *level < 0)
        return og_diags_add(diags, OG_ERROR, NULL, 0, "unknown-level", 0,
                            "no unit has level '%s'", o->collapse), OG_EINVAL;
    return OG_OK;
}

og_status og_i_chart_output(Agraph_t *g, const char *format, og_buf *out,
                            og_diags *diags)
{
    if (strcmp(format, "dot") == 0)
        return write_dot(g, out);
    return render(g, "dot", format, out, diags);
}

static og_status build_schema(chart *c, const char *format, og_buf *out,
                              og_diags *diags)
{
    og_status st = og_i_schema_graph(c->m, c->s.shown, c->lines, &c->g);
    if (st != OG_OK)
        return st;
    return og_i_chart_output(c->g, format, out, diags);
}

og_status og_chart_render(og_model *model, const og_chart_options *options,
                          const char *format, og_buf *out, og_diags *diags)
{
    og_init();
    chart c;
    memset(&c, 0, sizeof c);
    c.m = model;
    c.o = options;
    c.lines = options->lines ? options->lines : (1u << OG_LINE_COUNT) - 1;
    igraph_integer_t root;
    long level;
    unsigned char *eligible = NULL;
    og_status st = check_options(model, options, format, &root, &level, diags);
    if (st == OG_OK)
        st = selection_alloc(&c.s, og_model_unit_count(model));
    if (st == OG_OK)
        st = eligible_units(model, c.lines, &eligible);
    if (st == OG_OK)
        st = select_units(&c, root, eligible);
    if (st == OG_OK && options->view == OG_CHART_SCHEMA) {
        st = build_schema(&c, format, out, diags);
        goto out;
    }
    if (st == OG_OK && level >= 0)
        collapse_level(&c.s, model, level);
    if (st == OG_OK) {
        igraph_integer_t shown = 0;
        for (igraph_integer_t u = 0; u < c.s.n; u++)
            shown += c.s.shown[u] != 0;
        if (shown > OG_CHART_MAX_UNITS) {
            og_diags_add(diags, OG_ERROR, NULL, 0, "chart-too-large", 0,
                         "a chart of %" IGRAPH_PRId " units is too large to "
                         "draw (at most %d): draw part of it with --root, "
                         "--depth or --collapse, or the levels with --schema",
                         shown, OG_CHART_MAX_UNITS);
            st = OG_EINVAL;
        }
    }
    if (st == OG_OK)
        st = chart_alloc(&c, c.s.n + 1);
    if (st == OG_OK && !(c.g = og_i_chart_graph("chart")))
        st = OG_ENOMEM;
    if (st == OG_OK)
        st = build_full(&c);
    if (st == OG_OK)
        st = emit(&c, format, out, diags);
out:
    free(eligible);
    chart_free(&c);
    return st;
}
