/*
 * report.c: og_report_html, one self-contained HTML page about one or more
 * snapshots of an organization: key figures side by side with the change
 * from the first to the last, the level schemas and the diff chart (inline
 * SVG from chart.c), plots (report_plot.c), the dual subordination,
 * bottleneck and widest-span tables, the sources, and a search over every
 * unit (report_data.c's index, read by report/report.js).
 *
 * Every name from a model goes through og_i_html (text) or
 * og_buf_json_string (which escapes <, > and &); the page's
 * Content-Security-Policy allows no fetch at all and only its own script
 * (by hash), so a name that slipped through could still not run.
 */
#include "compare.h"
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const og_line ranking[3] = {OG_LINE_COMMAND, OG_LINE_PARTY, OG_LINE_GUIDANCE};
#define RANKING ((1u << OG_LINE_COMMAND) | (1u << OG_LINE_PARTY) | (1u << OG_LINE_GUIDANCE))
#define TOP_ROWS 5           /* rows per line in the bottleneck and span tables */
#define DUAL_ROWS 60         /* patterns listed in the dual subordination table */
#define DUAL_PATTERNS 1000   /* patterns told apart; more are counted as "other" */

/* The report being written. */
typedef struct rp {
    og_i_rsnap *s;
    size_t n;
    igraph_integer_t **start, **img;   /* images from snapshot p to p + 1 */
    const og_transition *const *tr;    /* transitions[p]: snapshot p to p + 1 */
    og_transition *composed;           /* first -> last, for compare and diff */
    og_comparison *cmp;                /* first against last (n >= 2) */
    const og_report_options *opt;
    const char **kinds, **levels;      /* over all snapshots, first seen first */
    size_t nk, nl;
    og_diags *diags;
    og_buf *b;
} rp;

/* ------------------------------------------------------------ helpers */

static char *label_of(og_model *m, size_t k)
{
    const char *d = og_model_meta_get(m, "date");
    if (d && *d)
        return strdup(d);
    const char *p = og_model_path(m);
    if (p && *p) {
        size_t len = strlen(p);
        while (len > 1 && p[len - 1] == '/')
            len--;
        size_t at = len;
        while (at > 0 && p[at - 1] != '/')
            at--;
        return strndup(p + at, len - at);
    }
    char buf[32];
    snprintf(buf, sizeof buf, "snapshot %zu", k + 1);
    return strdup(buf);
}

/* Makes labels distinct by appending " (2)", " (3)"... */
static og_status unique_labels(rp *r)
{
    for (size_t k = 1; k < r->n; k++) {
        size_t same = 1;
        for (size_t j = 0; j < k; j++)
            same += !strcmp(r->s[j].label, r->s[k].label);
        if (same == 1)
            continue;
        size_t len = strlen(r->s[k].label) + 24;
        char *l = malloc(len);
        if (!l)
            return OG_ENOMEM;
        snprintf(l, len, "%s (%zu)", r->s[k].label, k + 1);
        free(r->s[k].label);
        r->s[k].label = l;
    }
    return OG_OK;
}

static void tag_text(og_buf *b, const char *tag, const char *s)
{
    og_buf_printf(b, "<%s>", tag);
    og_i_html(b, s);
    og_buf_printf(b, "</%s>", tag);
}

static void cell_num(og_buf *b, double v)
{
    og_buf_puts(b, "<td class=\"num\">");
    og_i_html_num(b, v);
    og_buf_puts(b, "</td>");
}

/* A mean: always two decimals, so that a column reads evenly. */
static void cell_mean(og_buf *b, double v)
{
    og_buf_puts(b, "<td class=\"num\">");
    if (!isnan(v) && v == floor(v))
        og_buf_printf(b, "%.2f", v);
    else
        og_i_html_num(b, v);
    og_buf_puts(b, "</td>");
}

/* A change from a to b: "+1,234 (+12%)". */
static void cell_change(og_buf *b, double a, double v)
{
    if (isnan(a) || isnan(v)) {
        og_buf_puts(b, "<td class=\"num change\"></td>");
        return;
    }
    double d = v - a;
    og_buf_printf(b, "<td class=\"num change %s\">", d > 0 ? "up" : d < 0 ? "down" : "same");
    if (d == 0) {
        og_buf_puts(b, "0</td>");
        return;
    }
    og_buf_puts(b, d > 0 ? "+" : "");
    og_i_html_num(b, d);
    if (a != 0)
        og_buf_printf(b, " <span class=\"pct\">(%s%.0f%%)</span>",
                      d > 0 ? "+" : "\xe2\x88\x92", fabs(100.0 * d / a));
    og_buf_puts(b, "</td>");
}

/* One row of the key figures: a label, one value a snapshot, the change. */
static void fig_row(rp *r, const char *cls, int mean, const char *label, const double *v)
{
    og_buf *b = r->b;
    og_buf_printf(b, "<tr class=\"%s\"><th scope=\"row\">", cls);
    og_i_html(b, label);
    og_buf_puts(b, "</th>");
    for (size_t k = 0; k < r->n; k++) {
        if (k == 0 || isnan(v[k]) || isnan(v[k - 1])) {
            (mean ? cell_mean : cell_num)(b, v[k]);
            continue;
        }
        /* the change from the snapshot before, on hover */
        double d = v[k] - v[k - 1];
        og_buf_puts(b, "<td class=\"num\" title=\"");
        if (d == 0)
            og_buf_puts(b, "no change");
        else {
            og_buf_puts(b, d > 0 ? "+" : "");
            og_i_html_num(b, d);
        }
        og_buf_puts(b, " from ");
        og_i_html(b, r->s[k - 1].label);
        og_buf_puts(b, "\">");
        if (mean && v[k] == floor(v[k]))
            og_buf_printf(b, "%.2f", v[k]);
        else
            og_i_html_num(b, v[k]);
        og_buf_puts(b, "</td>");
    }
    if (r->n > 1)
        cell_change(b, v[0], v[r->n - 1]);
    og_buf_puts(b, "</tr>\n");
}

static const og_group_figures *group_named(og_group_figures *g, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (g[i].name && !strcmp(g[i].name, name))
            return &g[i];
    return NULL;
}

/* Distinct names over the snapshots (kinds or levels), in order of first
 * appearance; returns the count, or (size_t)-1 when out of memory. */
static size_t union_names(rp *r, int levels, const char ***out)
{
    size_t n = 0, cap = 0;
    const char **names = NULL;
    for (size_t k = 0; k < r->n; k++) {
        og_model *m = r->s[k].m;
        size_t c = levels ? og_model_level_count(m) : og_model_kind_count(m);
        for (size_t i = 0; i < c; i++) {
            const char *name = levels ? og_model_level_name(m, i) : og_model_kind_name(m, i);
            size_t j = 0;
            while (j < n && strcmp(names[j], name))
                j++;
            if (j < n)
                continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 16;
                const char **grown = realloc(names, cap * sizeof *grown);
                if (!grown) {
                    free(names);
                    return (size_t)-1;
                }
                names = grown;
            }
            names[n++] = name;
        }
    }
    *out = names;
    return n;
}

static double count_named(const og_count *c, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(c[i].name, name))
            return (double)c[i].count;
    return 0;
}

/* ------------------------------------------------------------ matching */

static og_status push(igraph_integer_t **v, size_t *len, size_t *cap, igraph_integer_t x)
{
    if (*len == *cap) {
        size_t c = *cap ? 2 * *cap : 1024;
        igraph_integer_t *g = realloc(*v, c * sizeof *g);
        if (!g)
            return OG_ENOMEM;
        *v = g, *cap = c;
    }
    (*v)[(*len)++] = x;
    return OG_OK;
}

/* The units of the last snapshot that each unit of the first went into,
 * through every snapshot between, as a transition for og_compare. */
static og_status compose(rp *r)
{
    igraph_integer_t n0 = og_model_unit_count(r->s[0].m);
    size_t len = 0, cap = 0, nlen, ncap;
    igraph_integer_t *cur = NULL, *next = NULL, *stamp = NULL;
    igraph_integer_t *cs = malloc(((size_t)n0 + 1) * sizeof *cs);
    igraph_integer_t *ns = malloc(((size_t)n0 + 1) * sizeof *ns);
    og_status st = cs && ns ? OG_OK : OG_ENOMEM;
    for (igraph_integer_t i = 0; i < n0 && st == OG_OK; i++)
        cs[i] = i, st = push(&cur, &len, &cap, i);
    if (st == OG_OK)
        cs[n0] = n0;
    for (size_t p = 0; p + 1 < r->n && st == OG_OK; p++) {
        igraph_integer_t nb = og_model_unit_count(r->s[p + 1].m);
        free(stamp);
        stamp = malloc(((size_t)nb + 1) * sizeof *stamp);
        if (!stamp) {
            st = OG_ENOMEM;
            break;
        }
        for (igraph_integer_t j = 0; j < nb; j++)
            stamp[j] = -1;
        nlen = 0, ncap = 0, next = NULL;
        for (igraph_integer_t i = 0; i < n0 && st == OG_OK; i++) {
            ns[i] = (igraph_integer_t)nlen;
            for (igraph_integer_t c = cs[i]; c < cs[i + 1] && st == OG_OK; c++)
                for (igraph_integer_t q = r->start[p][cur[c]];
                     q < r->start[p][cur[c] + 1] && st == OG_OK; q++) {
                    igraph_integer_t v = r->img[p][q];
                    if (stamp[v] != i)
                        stamp[v] = i, st = push(&next, &nlen, &ncap, v);
                }
        }
        ns[n0] = (igraph_integer_t)nlen;
        free(cur);
        cur = next, len = nlen, cap = ncap;
        igraph_integer_t *t = cs;
        cs = ns, ns = t;
    }
    if (st == OG_OK) {
        r->composed = og_transition_new();
        st = r->composed ? OG_OK : OG_ENOMEM;
    }
    og_model *first = r->s[0].m, *last = r->s[r->n - 1].m;
    for (igraph_integer_t i = 0; i < n0 && st == OG_OK; i++) {
        if (cs[i] == cs[i + 1])
            st = og_transition_add(r->composed, og_unit_id(first, i), "", "remove", "", 0);
        for (igraph_integer_t c = cs[i]; c < cs[i + 1] && st == OG_OK; c++)
            st = og_transition_add(r->composed, og_unit_id(first, i),
                                   og_unit_id(last, cur[c]), "transfer", "full", 0);
    }
    free(cur), free(stamp), free(cs), free(ns);
    return st;
}

/* ------------------------------------------------------------ header */

/* A heading and a list of the values of a metadata key, when it has any. */
static void meta_values(og_buf *b, og_model *m, const char *heading, const char *key)
{
    int any = 0;
    for (size_t i = 0; i < og_model_meta_count(m); i++) {
        if (strcmp(og_model_meta_key(m, i), key))
            continue;
        if (!any)
            og_buf_printf(b, "<h4>%s</h4><ul>", heading);
        tag_text(b, "li", og_model_meta_value(m, i));
        any = 1;
    }
    if (any)
        og_buf_puts(b, "</ul>");
}

static void header(rp *r)
{
    og_buf *b = r->b;
    og_buf_puts(b, "<header>\n<h1>");
    og_i_html(b, r->opt && r->opt->title ? r->opt->title
                 : r->s[r->n - 1].info.title ? r->s[r->n - 1].info.title
                                             : "Organization report");
    og_buf_puts(b, "</h1>\n<table id=\"table-snapshots\"><thead><tr><th>snapshot</th>"
                   "<th>title</th><th>read from</th><th>units</th><th>links</th>"
                   "</tr></thead><tbody>\n");
    for (size_t k = 0; k < r->n; k++) {
        og_i_rsnap *s = &r->s[k];
        og_buf_printf(b, "<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:%s\">"
                         "</span>",
                      og_i_plot_colour(k));
        og_i_html(b, s->label);
        og_buf_puts(b, "</th>");
        tag_text(b, "td", s->info.title ? s->info.title : "");
        og_buf_puts(b, "<td><code>");
        og_i_html(b, s->info.path ? s->info.path : "");
        og_buf_puts(b, "</code></td>");
        cell_num(b, (double)s->info.units);
        cell_num(b, (double)s->info.links);
        og_buf_puts(b, "</tr>\n");
    }
    og_buf_puts(b, "</tbody></table>\n");
    if (r->n > 1) {
        og_buf_puts(b, "<p class=\"matching\">Units are followed from one snapshot to the next ");
        int any = 0;
        for (size_t p = 0; p + 1 < r->n; p++) {
            if (!r->tr || !r->tr[p])
                continue;
            const char *t = r->opt && r->opt->transitions ? r->opt->transitions[p] : NULL;
            og_buf_puts(b, any ? "; " : "through the transition ");
            og_buf_puts(b, t ? "<code>" : "given");
            og_i_html(b, t);
            og_buf_puts(b, t ? "</code> (" : " (");
            og_i_html(b, r->s[p].label);
            og_buf_puts(b, " \xe2\x86\x92 ");
            og_i_html(b, r->s[p + 1].label);
            og_buf_puts(b, ")");
            any = 1;
        }
        og_buf_puts(b, any ? " and otherwise by id.</p>\n" : "by id.</p>\n");
    }
    og_buf_puts(b, "<nav><a href=\"#find\">Find a unit</a> <a href=\"#figures\">Key figures</a>");
    if (r->n > 1)
        og_buf_puts(b, " <a href=\"#changes\">Changes</a>");
    og_buf_puts(b, " <a href=\"#charts\">Charts</a> <a href=\"#plots\">Plots</a>"
                   " <a href=\"#tables\">Tables</a> <a href=\"#sources\">Sources</a></nav>\n"
                   "</header>\n");
}

static void search_box(rp *r, long limit)
{
    og_buf *b = r->b;
    og_buf_puts(b, "<section id=\"find\"><h2>Find a unit</h2>\n");
    if (limit) {
        og_buf_printf(b, "<p class=\"note\">The search is left out: the snapshots hold more "
                         "than %ld units in all (see <code>--search-max</code>).</p>"
                         "</section>\n",
                      limit);
        return;
    }
    og_buf_puts(b, "<p>Type part of a name or an id; accents are optional (<kbd>Hon Tre</kbd> "
                   "finds <q>Hòn Tre</q>). Each match shows its chain of command up to the top, "
                   "on every line of authority, in every snapshot; where a unit was merged or "
                   "split, the units it went into.</p>\n"
                   "<input id=\"search\" type=\"search\" placeholder=\"a commune, ward or unit\" "
                   "autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"search-status\">\n"
                   "<p id=\"search-status\" aria-live=\"polite\"></p>\n<div id=\"results\"></div>\n"
                   "<noscript><p class=\"note\">The search needs JavaScript.</p></noscript>\n"
                   "</section>\n");
}

/* ------------------------------------------------------------ figures */

static og_status figures(rp *r)
{
    og_buf *b = r->b;
    size_t n = r->n;
    double *v = calloc(n, sizeof *v);
    const char **levels = r->levels, **kinds = r->kinds;
    size_t nl = r->nl, nk = r->nk;
    if (!v)
        return OG_ENOMEM;
    og_buf_puts(b, "<section id=\"figures\"><h2>Key figures</h2>\n"
                   "<table id=\"table-figures\" class=\"figures\"><thead><tr><th></th>");
    for (size_t k = 0; k < n; k++)
        tag_text(b, "th", r->s[k].label);
    if (n > 1)
        og_buf_puts(b, "<th>change</th>");
    og_buf_puts(b, "</tr></thead><tbody>\n");
#define ROW(cls, mean, label, expr)                                                \
    do {                                                                        \
        for (size_t k = 0; k < n; k++) {                                        \
            const og_i_rsnap *s = &r->s[k];                                     \
            (void)s;                                                            \
            v[k] = (expr);                                                      \
        }                                                                       \
        fig_row(r, cls, mean, label, v);                                        \
    } while (0)
    char label[256];
    ROW("head", 0, "units", (double)s->info.units);
    for (size_t l = 0; l < nl; l++) {
        snprintf(label, sizeof label, "at %s level", levels[l]);
        ROW("sub", 0, label, count_named(s->info.levels, s->info.n_levels, levels[l]));
    }
    ROW("head", 0, "links", (double)s->info.links);
    for (int l = 0; l < OG_LINE_COUNT; l++)
        ROW("sub", 0, og_line_name((og_line)l), (double)s->info.lines[l].count);
    for (int i = 0; i < 3; i++) {
        og_line l = ranking[i];
        snprintf(label, sizeof label, "%s line", og_line_name(l));
        og_buf_puts(b, "<tr class=\"part\"><th colspan=\"99\">");
        og_i_html(b, label);
        og_buf_puts(b, "</th></tr>\n");
        ROW("sub", 0, "layers", (double)s->an.line[l].layers);
        ROW("sub", 0, "longest chain (links to the top)",
            s->an.line[l].overall.chain_max < 0 ? NAN : (double)s->an.line[l].overall.chain_max);
        ROW("sub", 1, "mean chain",
            s->an.line[l].overall.chained ? s->an.line[l].overall.chain_mean : NAN);
        ROW("sub", 0, "managers (units with a subordinate)", (double)s->an.line[l].overall.managers);
        ROW("sub", 1, "mean span of control",
            s->an.line[l].overall.managers
                ? (double)s->an.line[l].overall.subordinates / (double)s->an.line[l].overall.managers
                : NAN);
        ROW("sub", 0, "widest span", (double)s->an.line[l].overall.span_max);
        if (l != OG_LINE_COMMAND)
            continue;
        for (size_t kk = 0; kk < nk; kk++) {
            int any = 0;
            for (size_t k = 0; k < n; k++) {
                const og_group_figures *g = group_named(r->s[k].an.line[l].by_kind,
                                                        r->s[k].an.line[l].n_kinds, kinds[kk]);
                any |= g && g->managers > 0;
            }
            if (!any)
                continue;
            snprintf(label, sizeof label, "mean span of %s", kinds[kk]);
            for (size_t k = 0; k < n; k++) {
                const og_group_figures *g = group_named(r->s[k].an.line[l].by_kind,
                                                        r->s[k].an.line[l].n_kinds, kinds[kk]);
                v[k] = g && g->managers ? (double)g->subordinates / (double)g->managers : NAN;
            }
            fig_row(r, "sub", 1, label, v);
        }
    }
    og_buf_puts(b, "<tr class=\"part\"><th colspan=\"99\">dual subordination</th></tr>\n");
    ROW("sub", 0, "units with superiors on two or more lines", (double)s->an.n_dual_across);
    ROW("sub", 0, "units with two or more superiors on one line", (double)s->an.n_dual_within);
#undef ROW
    og_buf_puts(b, "</tbody></table>\n<p class=\"note\">A chain is counted in links from a "
                   "unit up to the top of its line; layers = longest chain + 1. Spans count "
                   "direct subordinates of units that have any. Figures: "
                   "<code>orgraph analyze</code> and <code>orgraph info</code>.</p>\n"
                   "</section>\n");
    free(v);
    return OG_OK;
}

static og_status changes(rp *r)
{
    if (r->n < 2)
        return OG_OK;
    og_buf *b = r->b;
    const char **kinds = r->kinds;
    size_t nk = r->nk;
    static const og_change cols[] = {OG_CHANGE_KEEP,   OG_CHANGE_RENAMED, OG_CHANGE_MOVED,
                                     OG_CHANGE_MERGED, OG_CHANGE_SPLIT,   OG_CHANGE_REMOVED,
                                     OG_CHANGE_ADDED};
    og_buf_puts(b, "<section id=\"changes\"><h2>Changes from ");
    og_i_html(b, r->s[0].label);
    og_buf_puts(b, " to ");
    og_i_html(b, r->s[r->n - 1].label);
    og_buf_puts(b, "</h2>\n<table id=\"table-changes\"><thead><tr><th>kind</th><th>before</th>");
    for (size_t c = 0; c < sizeof cols / sizeof *cols; c++)
        tag_text(b, "th", og_change_name(cols[c]));
    og_buf_puts(b, "<th>after</th></tr></thead><tbody>\n");
    for (size_t kk = 0; kk <= nk; kk++) {
        const char *kind = kk < nk ? kinds[kk] : NULL;
        og_buf_puts(b, kind ? "<tr><th scope=\"row\">" : "<tr class=\"total\"><th scope=\"row\">");
        og_i_html(b, kind ? kind : "all units");
        og_buf_puts(b, "</th>");
        og_info *ib = &r->s[0].info, *ia = &r->s[r->n - 1].info;
        cell_num(b, kind ? count_named(ib->kinds, ib->n_kinds, kind) : (double)ib->units);
        for (size_t c = 0; c < sizeof cols / sizeof *cols; c++)
            cell_num(b, (double)og_comparison_changed(r->cmp, cols[c], kind));
        cell_num(b, kind ? count_named(ia->kinds, ia->n_kinds, kind) : (double)ia->units);
        og_buf_puts(b, "</tr>\n");
    }
    og_buf_puts(b, "</tbody></table>\n<p class=\"note\">Each unit of the first snapshot is "
                   "kept, renamed, moved (its command superior is not where its old superior "
                   "went), merged (with others into one unit), split (into several) or removed; "
                   "a unit of the last snapshot that no unit went into is added. Renamed and "
                   "moved can apply to the same unit. Details: <code>orgraph compare</code>."
                   "</p>\n</section>\n");
    return OG_OK;
}

/* ------------------------------------------------------------ charts */

/* Appends Graphviz's SVG as an inline element: no prolog, no comments,
 * sized by the page, its ids prefixed so that several charts can share
 * the page. */
static void embed_svg(og_buf *b, const og_buf *svg, const char *prefix)
{
    const char *p = svg->data, *end = svg->data + svg->len;
    const char *at = p ? strstr(p, "<svg") : NULL;
    if (!at)
        return;
    int root = 1;
    for (p = at; p < end;) {
        if (!strncmp(p, "<!--", 4)) {
            const char *e = strstr(p + 4, "-->");
            p = e ? e + 3 : end;
            while (p < end && *p == '\n')
                p++;
            continue;
        }
        if (root && *p == '>') {
            og_buf_printf(b, " class=\"graphviz\" preserveAspectRatio=\"xMidYMid meet\">");
            root = 0, p++;
            continue;
        }
        if (root && (!strncmp(p, "width=\"", 7) || !strncmp(p, "height=\"", 8))) {
            const char *q = strchr(p, '"');
            q = q ? strchr(q + 1, '"') : NULL;
            p = q ? q + 1 : end;
            continue;
        }
        if (!strncmp(p, " id=\"", 5)) {
            og_buf_printf(b, " id=\"%s-", prefix);
            p += 5;
            continue;
        }
        og_buf_append(b, p, 1);
        p++;
    }
}

static void chart_figure(rp *r, const char *id, const char *caption, og_status st,
                         const og_buf *svg)
{
    og_buf *b = r->b;
    og_buf_puts(b, "<figure class=\"chart\" id=\"");
    og_buf_puts(b, id);
    og_buf_puts(b, "\"><figcaption>");
    og_i_html(b, caption);
    og_buf_puts(b, "</figcaption>\n");
    if (st == OG_OK && svg->len) {
        og_buf_puts(b, "<div class=\"zoom\" tabindex=\"0\" aria-label=\"chart: scroll or use + "
                       "and - to zoom, drag to pan, 0 to reset\">");
        embed_svg(b, svg, id);
        og_buf_puts(b, "</div><div class=\"zoom-buttons\"><button type=\"button\" "
                       "data-zoom=\"in\">+</button><button type=\"button\" "
                       "data-zoom=\"out\">\xe2\x88\x92</button><button type=\"button\" "
                       "data-zoom=\"reset\">reset</button></div>\n");
    } else {
        og_buf_printf(b, "<p class=\"note\">Not drawn: %s.</p>\n", og_status_string(st));
    }
    og_buf_puts(b, "</figure>\n");
}

static void charts(rp *r)
{
    og_buf *b = r->b;
    og_chart_options o;
    og_chart_options_init(&o);
    o.view = OG_CHART_SCHEMA;
    og_buf_puts(b, "<section id=\"charts\"><h2>Charts</h2>\n<p>The level schema draws one box "
                   "per level and kind, with its number of units, and one arrow per line "
                   "between them, with its number of links. Scroll or pinch to zoom, drag to "
                   "pan.</p>\n<div class=\"pair\">\n");
    for (int side = 0; side < (r->n > 1 ? 2 : 1); side++) {
        og_i_rsnap *s = &r->s[side ? r->n - 1 : 0];
        og_buf svg;
        og_buf_init(&svg);
        og_status st = og_chart_render(s->m, &o, "svg", &svg, r->diags);
        char caption[512];
        snprintf(caption, sizeof caption, "Level schema, %s", s->label);
        chart_figure(r, side || r->n == 1 ? "chart-schema-after" : "chart-schema-before",
                     caption, st, &svg);
        og_buf_free(&svg);
    }
    og_buf_puts(b, "</div>\n");
    if (r->n > 1) {
        og_chart_options_init(&o);
        og_buf svg;
        og_buf_init(&svg);
        og_status st = og_i_chart_diff(r->cmp, &o, "svg", &svg, r->diags);
        char caption[512];
        snprintf(caption, sizeof caption, "What changed from %s to %s", r->s[0].label,
                 r->s[r->n - 1].label);
        chart_figure(r, "chart-diff", caption, st, &svg);
        og_buf_free(&svg);
    }
    og_buf_puts(b, "</section>\n");
}

/* ------------------------------------------------------------ plots */

static og_status plots(rp *r)
{
    og_buf *b = r->b;
    size_t n = r->n;
    const char **series = malloc(n * sizeof *series);
    if (!series)
        return OG_ENOMEM;
    for (size_t k = 0; k < n; k++)
        series[k] = r->s[k].label;
    og_status st = OG_OK;
    og_buf_puts(b, "<section id=\"plots\"><h2>Plots</h2>\n<div class=\"pair\">\n"
                   "<figure class=\"plot\" id=\"plot-chains\"><figcaption>Chain lengths: units "
                   "by links to the top of their line</figcaption>\n");
    for (int i = 0; i < 2 && st == OG_OK; i++) {
        og_line l = ranking[i];
        igraph_integer_t max = 0;
        for (size_t k = 0; k < n; k++)
            if (r->s[k].an.line[l].overall.chain_max > max)
                max = r->s[k].an.line[l].overall.chain_max;
        size_t nx = (size_t)max + 1;
        double *v = calloc(nx * n, sizeof *v);
        char (*names)[24] = calloc(nx, sizeof *names);
        const char **x = calloc(nx, sizeof *x);
        if (!v || !names || !x)
            st = OG_ENOMEM;
        for (size_t c = 0; st == OG_OK && c < nx; c++)
            snprintf(names[c], sizeof names[c], "%zu", c), x[c] = names[c];
        for (size_t k = 0; st == OG_OK && k < n; k++)
            for (igraph_integer_t u = 0; u < og_model_unit_count(r->s[k].m); u++) {
                igraph_integer_t c = r->s[k].an.line[l].chain_min[u];
                if (c >= 0 && c <= max)
                    v[k * nx + (size_t)c] += 1;
            }
        char title[64];
        snprintf(title, sizeof title, "%s line", og_line_name(l));
        og_i_plot p = {NULL, title, "links to the top", "units", x, nx, series, n, v, 0, 0};
        if (st == OG_OK)
            og_i_plot_svg(b, &p);
        free(v), free(names), free(x);
    }
    og_buf_puts(b, "</figure>\n<figure class=\"plot\" id=\"plot-spans\"><figcaption>Spans of "
                   "control: managers by number of direct subordinates</figcaption>\n");
    for (int i = 0; i < 2 && st == OG_OK; i++) {
        og_line l = ranking[i];
        double *v = calloc(OG_SPAN_BANDS * n, sizeof *v);
        const char *x[OG_SPAN_BANDS];
        if (!v) {
            st = OG_ENOMEM;
            break;
        }
        for (int band = 0; band < OG_SPAN_BANDS; band++) {
            x[band] = og_span_band_name(band);
            for (size_t k = 0; k < n; k++)
                v[k * OG_SPAN_BANDS + (size_t)band] =
                    (double)r->s[k].an.line[l].overall.bands[band];
        }
        char title[64];
        snprintf(title, sizeof title, "%s line", og_line_name(l));
        og_i_plot p = {NULL, title, "direct subordinates", "managers", x, OG_SPAN_BANDS,
                       series, n, v, 1, 0};
        og_i_plot_svg(b, &p);
        free(v);
    }
    og_buf_puts(b, "</figure>\n</div>\n");
    /* the timeline */
    const char **levels = r->levels;
    size_t nl = r->nl;
    double *v = st == OG_OK ? calloc((nl + 3) * n, sizeof *v) : NULL;
    if (st == OG_OK && !v)
        st = OG_ENOMEM;
    if (st == OG_OK) {
        for (size_t l = 0; l < nl; l++)
            for (size_t k = 0; k < n; k++)
                v[l * n + k] = count_named(r->s[k].info.levels, r->s[k].info.n_levels, levels[l]);
        og_buf_puts(b, "<figure class=\"plot wide\" id=\"plot-timeline\"><figcaption>Timeline, "
                       "snapshots in the order given</figcaption>\n<div class=\"pair\">");
        og_i_plot p = {NULL, "units by level", NULL, "units (log scale)", series, n,
                       levels, nl, v, 1, 1};
        og_i_plot_svg(b, &p);
        const char *lines[3];
        for (int i = 0; i < 3; i++) {
            lines[i] = og_line_name(ranking[i]);
            for (size_t k = 0; k < n; k++)
                v[(size_t)i * n + k] = (double)r->s[k].an.line[ranking[i]].layers;
        }
        og_i_plot q = {NULL, "layers by line", NULL, "layers", series, n, lines, 3, v, 0, 1};
        og_i_plot_svg(b, &q);
        og_buf_puts(b, "</div></figure>\n</section>\n");
    }
    free(v), free(series);
    return st;
}

/* ------------------------------------------------------------ tables */

typedef struct dual_pattern {
    char *kind, *pattern;
    double *count;              /* per snapshot */
    size_t example_snap;
    igraph_integer_t example;
} dual_pattern;

/* "command ← ministry; party ← party-committee ×2" for dual unit j. */
static void dual_signature(og_buf *b, const og_i_rsnap *s, igraph_integer_t j)
{
    const og_analysis *a = &s->an;
    int first = 1;
    for (igraph_integer_t q = a->dual_start[j]; q < a->dual_start[j + 1];) {
        og_line l = (og_line)a->dual_line[q];
        og_buf_printf(b, "%s%s \xe2\x86\x90 ", first ? "" : "; ", og_line_name(l));
        first = 0;
        int first_kind = 1;
        while (q < a->dual_start[j + 1] && a->dual_line[q] == l) {
            const char *kind = og_unit_kind(s->m, a->dual_sup[q]);
            igraph_integer_t same = 0;
            while (q < a->dual_start[j + 1] && a->dual_line[q] == l &&
                   !strcmp(og_unit_kind(s->m, a->dual_sup[q]), kind))
                same++, q++;
            og_buf_printf(b, "%s%s", first_kind ? "" : ", ", kind);
            if (same > 1)
                og_buf_printf(b, " \xc3\x97%" IGRAPH_PRId, same);
            first_kind = 0;
        }
    }
}

static og_status dual_table(rp *r)
{
    og_buf *b = r->b;
    size_t n = r->n, np = 0, cap = 0;
    dual_pattern *pat = NULL;
    double *other = calloc(n, sizeof *other);
    og_buf sig;
    og_buf_init(&sig);
    og_status st = other ? OG_OK : OG_ENOMEM;
    for (size_t k = 0; k < n && st == OG_OK; k++) {
        const og_i_rsnap *s = &r->s[k];
        for (igraph_integer_t j = 0; j < s->an.n_dual && st == OG_OK; j++) {
            igraph_integer_t u = s->an.dual[j];
            sig.len = 0;
            dual_signature(&sig, s, j);
            og_buf_append(&sig, "", 1);
            if (sig.failed) {
                st = OG_ENOMEM;
                break;
            }
            const char *kind = og_unit_kind(s->m, u);
            size_t i = 0;
            while (i < np && (strcmp(pat[i].kind, kind) || strcmp(pat[i].pattern, sig.data)))
                i++;
            if (i == np && np == DUAL_PATTERNS) {
                other[k] += 1;
                continue;
            }
            if (i == np) {
                if (np == cap) {
                    cap = cap ? 2 * cap : 16;
                    dual_pattern *g = realloc(pat, cap * sizeof *g);
                    if (!g) {
                        st = OG_ENOMEM;
                        break;
                    }
                    pat = g;
                }
                dual_pattern *d = &pat[np];
                d->kind = strdup(kind);
                d->pattern = strdup(sig.data);
                d->count = calloc(n, sizeof *d->count);
                np++;
                if (!d->kind || !d->pattern || !d->count) {
                    st = OG_ENOMEM;
                    break;
                }
            }
            pat[i].count[k] += 1;
            pat[i].example_snap = k, pat[i].example = u;
        }
    }
    og_buf_free(&sig);
    if (st == OG_OK) {
        /* by units in the last snapshot, then the first (insertion sort: few rows) */
        for (size_t i = 1; i < np; i++)
            for (size_t j = i; j > 0; j--) {
                dual_pattern *x = &pat[j - 1], *y = &pat[j];
                double kx = x->count[n - 1] * 1e9 + x->count[0], ky = y->count[n - 1] * 1e9 + y->count[0];
                if (kx >= ky)
                    break;
                dual_pattern t = *x;
                *x = *y, *y = t;
            }
        og_buf_puts(b, "<h3>Dual subordination</h3>\n<p>Units with superiors on two or more "
                       "lines, or two or more superiors on one line, grouped by their kind and "
                       "the kinds of their superiors.</p>\n<table id=\"table-dual\"><thead><tr>"
                       "<th>kind</th><th>superiors</th>");
        for (size_t k = 0; k < n; k++)
            tag_text(b, "th", r->s[k].label);
        og_buf_puts(b, "<th>for example</th></tr></thead><tbody>\n");
        for (size_t i = 0; i < np && i < DUAL_ROWS; i++) {
            og_buf_puts(b, "<tr>");
            tag_text(b, "td", pat[i].kind);
            tag_text(b, "td", pat[i].pattern);
            for (size_t k = 0; k < n; k++)
                cell_num(b, pat[i].count[k]);
            tag_text(b, "td", og_unit_name(r->s[pat[i].example_snap].m, pat[i].example));
            og_buf_puts(b, "</tr>\n");
        }
        if (np > DUAL_ROWS || np == DUAL_PATTERNS) {
            for (size_t i = DUAL_ROWS; i < np; i++)
                for (size_t k = 0; k < n; k++)
                    other[k] += pat[i].count[k];
            og_buf_puts(b, "<tr class=\"total\"><td colspan=\"2\">other patterns</td>");
            for (size_t k = 0; k < n; k++)
                cell_num(b, other[k]);
            og_buf_puts(b, "<td></td></tr>\n");
        }
        if (!np)
            og_buf_printf(b, "<tr><td colspan=\"%zu\">none</td></tr>\n", n + 3);
        og_buf_puts(b, "</tbody></table>\n");
    }
    for (size_t i = 0; i < np; i++)
        free(pat[i].kind), free(pat[i].pattern), free(pat[i].count);
    free(pat), free(other);
    return st;
}

/* The bottleneck or widest-span table: per ranking line, the top units of
 * the first and the last snapshot side by side. */
static void top_table(rp *r, int widest)
{
    og_buf *b = r->b;
    size_t sides = r->n > 1 ? 2 : 1;
    og_buf_printf(b, "<table id=\"%s\"><thead><tr><th>line</th><th>#</th>",
                  widest ? "table-widest" : "table-bottlenecks");
    for (size_t side = 0; side < sides; side++) {
        og_buf_puts(b, "<th>");
        og_i_html(b, r->s[side ? r->n - 1 : 0].label);
        og_buf_printf(b, "</th><th>%s</th>", widest ? "span" : "units carried");
    }
    og_buf_puts(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < 3; i++) {
        og_line l = ranking[i];
        for (size_t row = 0; row < TOP_ROWS; row++) {
            int any = 0;
            for (size_t side = 0; side < sides; side++) {
                const og_line_analysis *la = &r->s[side ? r->n - 1 : 0].an.line[l];
                any |= row < (widest ? la->n_widest : la->n_bottlenecks);
            }
            if (!any)
                break;
            og_buf_printf(b, "<tr><td>%s</td><td class=\"num\">%zu</td>", og_line_name(l),
                          row + 1);
            for (size_t side = 0; side < sides; side++) {
                const og_i_rsnap *s = &r->s[side ? r->n - 1 : 0];
                const og_line_analysis *la = &s->an.line[l];
                const og_ranked *rk = widest ? la->widest : la->bottlenecks;
                if (row >= (widest ? la->n_widest : la->n_bottlenecks)) {
                    og_buf_puts(b, "<td></td><td></td>");
                    continue;
                }
                og_buf_puts(b, "<td>");
                og_i_html(b, og_unit_name(s->m, rk[row].unit));
                og_buf_puts(b, " <span class=\"kind\">");
                og_i_html(b, og_unit_kind(s->m, rk[row].unit));
                og_buf_puts(b, "</span></td>");
                cell_num(b, rk[row].value);
            }
            og_buf_puts(b, "</tr>\n");
        }
    }
    og_buf_puts(b, "</tbody></table>\n");
}

static og_status tables(rp *r)
{
    og_buf *b = r->b;
    og_buf_puts(b, "<section id=\"tables\"><h2>Tables</h2>\n");
    og_status st = dual_table(r);
    og_buf_puts(b, "<h3>Bottlenecks</h3>\n<p>The units through which the most units reach the "
                   "top of their line: every chain up from those units passes through the "
                   "bottleneck (it dominates them).</p>\n");
    top_table(r, 0);
    og_buf_puts(b, "<h3>Widest spans of control</h3>\n");
    top_table(r, 1);
    og_buf_puts(b, "</section>\n");
    return st;
}

static void sources(rp *r)
{
    og_buf *b = r->b;
    og_buf_puts(b, "<section id=\"sources\"><h2>Sources and notes</h2>\n");
    for (size_t k = 0; k < r->n; k++) {
        og_model *m = r->s[k].m;
        og_buf_printf(b, "<details%s><summary>", k + 1 == r->n ? " open" : "");
        og_i_html(b, r->s[k].label);
        if (r->s[k].info.title) {
            og_buf_puts(b, ": ");
            og_i_html(b, r->s[k].info.title);
        }
        og_buf_puts(b, "</summary>\n");
        const char *d = og_model_meta_get(m, "description");
        if (d)
            tag_text(b, "p", d);
        meta_values(b, m, "Sources", "source");
        meta_values(b, m, "Notes", "note");
        if (!og_model_meta_get(m, "source") && !og_model_meta_get(m, "note") && !d)
            og_buf_puts(b, "<p class=\"note\">The model gives no description, source or "
                           "note.</p>");
        og_buf_puts(b, "</details>\n");
    }
    og_buf_puts(b, "</section>\n");
}

/* ------------------------------------------------------------ the page */

size_t og_transition_fit(const og_transition *t, const og_model *before,
                         const og_model *after)
{
    size_t fit = 0;
    for (size_t i = 0; i < og_transition_count(t); i++) {
        const og_transition_row *row = og_transition_get(t, i);
        fit += (!*row->old_id || og_model_find(before, row->old_id) >= 0) &&
               (!*row->new_id || og_model_find(after, row->new_id) >= 0);
    }
    return fit;
}

og_status og_report_html(og_model *const *models, size_t n,
                         const og_transition *const *transitions,
                         const og_report_options *options, og_buf *out, og_diags *diags)
{
    og_init();
    if (n == 0) {
        og_diags_add(diags, OG_ERROR, NULL, 0, "usage", 0, "a report needs a snapshot");
        return OG_EINVAL;
    }
    rp r = {0};
    r.n = n, r.opt = options, r.diags = diags, r.b = out, r.tr = transitions;
    r.s = calloc(n, sizeof *r.s);
    r.start = calloc(n, sizeof *r.start);
    r.img = calloc(n, sizeof *r.img);
    og_status st = r.s && r.start && r.img ? OG_OK : OG_ENOMEM;
    igraph_integer_t total = 0;
    for (size_t k = 0; k < n && st == OG_OK; k++) {
        r.s[k].m = models[k];
        r.s[k].label = label_of(models[k], k);
        st = r.s[k].label ? OG_OK : OG_ENOMEM;
        total += og_model_unit_count(models[k]);
    }
    if (st == OG_OK)
        st = unique_labels(&r);
    if (st == OG_OK && ((r.nk = union_names(&r, 0, &r.kinds)) == (size_t)-1 ||
                        (r.nl = union_names(&r, 1, &r.levels)) == (size_t)-1))
        st = OG_ENOMEM;
    for (size_t p = 0; p + 1 < n && st == OG_OK; p++)
        st = og_i_match_images(models[p], models[p + 1], transitions ? transitions[p] : NULL,
                               &r.start[p], &r.img[p], diags);
    if (st == OG_OK && n > 1)
        st = compose(&r);
    if (st == OG_OK && n > 1)
        st = og_compare(models[0], models[n - 1], r.composed, &r.cmp, diags);
    /* the figures of the first and the last snapshot are the comparison's */
    for (size_t k = 0; k < n && st == OG_OK; k++) {
        int side = n > 1 && k == n - 1;
        if (n > 1 && (k == 0 || side)) {
            r.s[k].info = r.cmp->info[side];
            r.s[k].an = r.cmp->an[side];
            r.s[k].borrowed = 1;
            continue;
        }
        st = og_info_compute(models[k], &r.s[k].info);
        if (st == OG_OK)
            st = og_analyze(models[k], RANKING, &r.s[k].an);
    }
    long limit = options && options->search_max ? options->search_max : OG_REPORT_SEARCH_MAX;
    int indexed = limit < 0 || total <= limit;
    if (st == OG_OK && !indexed)
        og_diags_add(diags, OG_NOTE, NULL, 0, "report-search", 0,
                     "the report has no search: the snapshots hold %" IGRAPH_PRId
                     " units, more than %ld",
                     total, limit);
    if (st == OG_OK) {
        og_buf *b = out;
        og_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                       "'none'; style-src 'unsafe-inline'; script-src '");
        og_buf_puts(b, og_i_report_js_hash);
        og_buf_puts(b, "'\">\n<meta name=\"generator\" content=\"orgraph " OG_VERSION "\">\n"
                       "<title>");
        og_i_html(b, options && options->title ? options->title
                     : r.s[n - 1].info.title ? r.s[n - 1].info.title
                                             : "Organization report");
        og_buf_puts(b, "</title>\n<style>\n");
        og_buf_puts(b, og_i_report_css);
        og_buf_puts(b, "</style>\n</head>\n<body>\n");
        header(&r);
        search_box(&r, indexed ? 0 : limit);
        st = figures(&r);
        if (st == OG_OK)
            st = changes(&r);
        if (st == OG_OK)
            charts(&r);
        if (st == OG_OK)
            st = plots(&r);
        if (st == OG_OK)
            st = tables(&r);
        if (st == OG_OK) {
            sources(&r);
            og_buf_puts(b, "<footer>Made with orgraph " OG_VERSION ". This page is one file "
                           "and fetches nothing.</footer>\n");
            og_buf_puts(b, "<script type=\"application/json\" id=\"og-data\">");
            st = indexed ? og_i_report_data(b, r.s, n, r.start, r.img)
                         : (og_buf_puts(b, "null"), OG_OK);
            og_buf_puts(b, "</script>\n<script>");
            og_buf_puts(b, og_i_report_js);
            og_buf_puts(b, "</script>\n</body>\n</html>\n");
        }
        if (st == OG_OK && b->failed)
            st = OG_ENOMEM;
    }
    for (size_t k = 0; r.s && k < n; k++) {
        free(r.s[k].label);
        if (!r.s[k].borrowed) {
            og_info_destroy(&r.s[k].info);
            og_analysis_destroy(&r.s[k].an);
        }
    }
    for (size_t p = 0; r.start && r.img && p < n; p++)
        free(r.start[p]), free(r.img[p]);
    og_comparison_free(r.cmp);
    og_transition_free(r.composed);
    free(r.s), free(r.start), free(r.img), free(r.kinds), free(r.levels);
    return st;
}
