/*
 * check_chart.c: og_chart_render: which units a chart shows (root, depth,
 * lines, collapsed level), how lines are drawn (coordination never ranks),
 * the level schema of a bundled snapshot, the compact layout on a wide span
 * and on a very deep chain, safety (no model attribute reaches Graphviz),
 * escaping of names, and byte-for-byte determinism.
 *
 * Most tests render to "dot" and read the result back with cgraph, so that
 * they assert on the drawing's own nodes, edges and attributes.
 */
#include "helpers.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BIT(line) (1u << (line))

/* Renders and returns the status; the output is in *out (initialized here)
 * and problems in *diags (a new list the caller frees). */
static og_status render(og_model *m, const og_chart_options *o,
                        const char *format, og_buf *out, og_diags **diags)
{
    og_buf_init(out);
    *diags = og_diags_new();
    return og_chart_render(m, o, format, out, *diags);
}

/* Renders and fails the test unless it succeeded without an error. */
static void render_ok(og_model *m, const og_chart_options *o,
                      const char *format, og_buf *out)
{
    og_diags *d;
    og_status st = render(m, o, format, out, &d);
    ck_assert_msg(st == OG_OK, "render %s: %s (%s)", format,
                  og_status_string(st),
                  og_diags_count(d) ? og_diags_get(d, 0)->message : "");
    ck_assert_int_eq(og_diags_count_severity(d, OG_ERROR), 0);
    ck_assert_ptr_nonnull(out->data);
    ck_assert_uint_gt(out->len, 0);
    ck_assert_uint_eq(strlen(out->data), out->len);
    og_diags_free(d);
}

/* Renders to DOT and reads the drawing back. */
static Agraph_t *render_graph(og_model *m, const og_chart_options *o)
{
    og_buf b;
    render_ok(m, o, "dot", &b);
    Agraph_t *g = agmemread(b.data);
    ck_assert_msg(g != NULL, "the chart's DOT does not parse:\n%s", b.data);
    og_buf_free(&b);
    return g;
}

/* The legend is the one plaintext node; every other node is a unit or a
 * summary of units. */
static int is_legend(Agraph_t *g, Agnode_t *v)
{
    const char *shape = agget(v, "shape");
    (void)g;
    return shape && strcmp(shape, "plaintext") == 0;
}

static int unit_nodes(Agraph_t *g)
{
    int n = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
        n += !is_legend(g, v);
    return n;
}

static int has_node(Agraph_t *g, const char *id)
{
    return agnode(g, (char *)id, 0) != NULL;
}

/* Asserts that the chart's unit nodes are exactly ids[0..n). */
static void assert_nodes_are(Agraph_t *g, const char *const *ids, int n)
{
    for (int i = 0; i < n; i++)
        ck_assert_msg(has_node(g, ids[i]), "unit %s missing", ids[i]);
    ck_assert_int_eq(unit_nodes(g), n);
}

static const char *attr(void *obj, const char *name)
{
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

/* "x,y!" of the compact layout. */
static void node_pos(Agnode_t *v, double *x, double *y)
{
    const char *pos = agget(v, "pos");
    ck_assert_msg(pos && sscanf(pos, "%lf,%lf", x, y) == 2,
                  "node %s has no position", agnameof(v));
}

static og_model *add(og_model *m, const char *id, const char *kind,
                     const char *level)
{
    ck_assert_int_eq(og_model_add_unit(m, id, "", kind, level, NULL), OG_OK);
    return m;
}

static void link_ids(og_model *m, const char *from, const char *to, og_line line)
{
    igraph_integer_t a = og_model_find(m, from), b = og_model_find(m, to);
    ck_assert(a >= 0 && b >= 0);
    ck_assert_int_eq(og_model_add_link(m, a, b, line, NULL), OG_OK);
}

/* top -> a -> a1 -> a2, top -> b -> b1; x has no link; on the command line. */
static og_model *small_tree(void)
{
    og_model *m = og_model_new();
    const char *ids[] = {"top", "a", "b", "a1", "a2", "b1", "x"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        add(m, ids[i], "department", "l");
    link_ids(m, "top", "a", OG_LINE_COMMAND);
    link_ids(m, "top", "b", OG_LINE_COMMAND);
    link_ids(m, "a", "a1", OG_LINE_COMMAND);
    link_ids(m, "a1", "a2", OG_LINE_COMMAND);
    link_ids(m, "b", "b1", OG_LINE_COMMAND);
    return m;
}

/* ------------------------------------------------------- small models */

START_TEST(test_empty_organization_renders_a_chart_with_no_unit)
{
    og_diags *d;
    og_model *m = load_text("id,parent\n", OG_FORMAT_CSV_FILE, "e.csv", &d, NULL);
    ck_assert_ptr_nonnull(m);
    og_chart_options o;
    og_chart_options_init(&o);
    Agraph_t *g = render_graph(m, &o);
    ck_assert_int_eq(unit_nodes(g), 0);
    ck_assert_int_eq(agnedges(g), 0);
    agclose(g);
    og_buf b;
    render_ok(m, &o, "svg", &b);
    ck_assert_ptr_nonnull(strstr(b.data, "</svg>"));
    og_buf_free(&b);
    o.layout = OG_LAYOUT_COMPACT;
    render_ok(m, &o, "svg", &b);
    ck_assert_ptr_nonnull(strstr(b.data, "</svg>"));
    og_buf_free(&b);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_one_unit_organization_shows_that_unit)
{
    og_diags *d;
    og_model *m = load_text("id,name,kind,level,parent\nsolo,Solo Unit,team,1,\n",
                            OG_FORMAT_CSV_FILE, "one.csv", &d, NULL);
    og_chart_options o;
    og_chart_options_init(&o);
    Agraph_t *g = render_graph(m, &o);
    const char *ids[] = {"solo"};
    assert_nodes_are(g, ids, 1);
    ck_assert_str_eq(attr(agnode(g, "solo", 0), "label"), "Solo Unit");
    agclose(g);
    og_buf b;
    render_ok(m, &o, "svg", &b);
    ck_assert_ptr_nonnull(strstr(b.data, "<title>solo</title>"));
    ck_assert_ptr_nonnull(strstr(b.data, ">Solo Unit</text>"));
    og_buf_free(&b);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

/* --------------------------------------------------------- selection */

START_TEST(test_root_keeps_exactly_its_subtree)
{
    og_model *m = small_tree();
    og_chart_options o;
    og_chart_options_init(&o);
    o.root = "a";
    Agraph_t *g = render_graph(m, &o);
    const char *sub_a[] = {"a", "a1", "a2"};
    assert_nodes_are(g, sub_a, 3);
    ck_assert_int_eq(agnedges(g), 2);
    agclose(g);

    o.root = "b1"; /* a leaf is a subtree of one */
    g = render_graph(m, &o);
    const char *leaf[] = {"b1"};
    assert_nodes_are(g, leaf, 1);
    agclose(g);

    og_chart_options_init(&o); /* no root: everything, the lone unit too */
    g = render_graph(m, &o);
    const char *all[] = {"top", "a", "b", "a1", "a2", "b1", "x"};
    assert_nodes_are(g, all, 7);
    agclose(g);
    og_model_free(m);
}
END_TEST

START_TEST(test_unknown_root_is_an_error_with_no_output)
{
    og_model *m = small_tree();
    og_chart_options o;
    og_chart_options_init(&o);
    o.root = "nobody";
    og_buf b;
    og_diags *d;
    ck_assert_int_eq(render(m, &o, "svg", &b, &d), OG_EINVAL);
    ck_assert_uint_eq(b.len, 0);
    const og_diag *diag = find_diag(d, "unknown-unit");
    ck_assert_ptr_nonnull(diag);
    ck_assert_int_eq(diag->severity, OG_ERROR);
    ck_assert_ptr_nonnull(strstr(diag->message, "nobody"));
    og_buf_free(&b);
    og_diags_free(d);
    og_model_free(m);
}
END_TEST

START_TEST(test_unknown_level_or_format_is_an_error_with_no_output)
{
    og_model *m = small_tree();
    og_chart_options o;
    og_chart_options_init(&o);
    o.collapse = "galaxy";
    og_buf b;
    og_diags *d;
    ck_assert_int_eq(render(m, &o, "dot", &b, &d), OG_EINVAL);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_ptr_nonnull(find_diag(d, "unknown-level"));
    og_buf_free(&b);
    og_diags_free(d);

    og_chart_options_init(&o);
    ck_assert_int_eq(render(m, &o, "bmp", &b, &d), OG_EINVAL);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_ptr_nonnull(find_diag(d, "chart-format"));
    og_buf_free(&b);
    og_diags_free(d);
    og_model_free(m);
}
END_TEST

START_TEST(test_depth_keeps_exactly_the_units_within_n_hops)
{
    og_model *m = small_tree();
    og_chart_options o;
    og_chart_options_init(&o);
    o.depth = 0;
    Agraph_t *g = render_graph(m, &o);
    const char *d0[] = {"top", "x"}; /* x is an apex of its own, at hop 0 */
    assert_nodes_are(g, d0, 2);
    agclose(g);

    o.depth = 1;
    g = render_graph(m, &o);
    const char *d1[] = {"top", "x", "a", "b"};
    assert_nodes_are(g, d1, 4);
    agclose(g);

    o.depth = 2;
    g = render_graph(m, &o);
    const char *d2[] = {"top", "x", "a", "b", "a1", "b1"};
    assert_nodes_are(g, d2, 6);
    agclose(g);

    o.root = "a"; /* counted from the root */
    o.depth = 1;
    g = render_graph(m, &o);
    const char *r1[] = {"a", "a1"};
    assert_nodes_are(g, r1, 2);
    agclose(g);
    og_model_free(m);
}
END_TEST

START_TEST(test_chosen_lines_leave_out_units_linked_only_on_others)
{
    og_model *m = small_tree();
    add(m, "cell", "party-cell", "l");
    link_ids(m, "a", "cell", OG_LINE_PARTY);
    og_chart_options o;
    og_chart_options_init(&o);
    o.lines = BIT(OG_LINE_COMMAND);
    Agraph_t *g = render_graph(m, &o);
    ck_assert(!has_node(g, "cell"));
    ck_assert(has_node(g, "a2"));
    agclose(g);
    o.lines = 0; /* every line */
    g = render_graph(m, &o);
    ck_assert(has_node(g, "cell"));
    ck_assert_ptr_nonnull(agedge(g, agnode(g, "a", 0), agnode(g, "cell", 0), NULL, 0));
    agclose(g);
    og_model_free(m);
}
END_TEST

/* ------------------------------------------------------------- lines */

/* Rank of each unit once dot has laid out the chart: 0 for the top layer. */
static void dot_ranks(og_model *m, const char *const *ids, int n, int *rank)
{
    og_chart_options o;
    og_chart_options_init(&o);
    o.layout = OG_LAYOUT_DOT;
    Agraph_t *g = render_graph(m, &o);
    /* kept for the whole run, as the library keeps its own: Graphviz 2.42's
     * pango plugin reads the font table of the last context after it is
     * freed (see render() in src/lib/chart.c) */
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    ck_assert_int_eq(gvLayout(gvc, g, "dot"), 0);
    double y[16];
    ck_assert_int_le(n, 16);
    for (int i = 0; i < n; i++) {
        Agnode_t *v = agnode(g, (char *)ids[i], 0);
        ck_assert_ptr_nonnull(v);
        y[i] = ND_coord(v).y;
    }
    for (int i = 0; i < n; i++) { /* distinct heights above mine */
        rank[i] = 0;
        for (int j = 0; j < n; j++) {
            int seen = 0;
            for (int k = 0; k < j; k++)
                seen |= y[k] == y[j];
            rank[i] += !seen && y[j] > y[i];
        }
    }
    gvFreeLayout(gvc, g);
    agclose(g);
}

START_TEST(test_coordination_link_never_changes_rank)
{
    const char *ids[] = {"top", "a", "b", "a1", "a2", "b1"};
    int plain[6], coord[6], guided[6];
    og_model *m = small_tree();
    dot_ranks(m, ids, 6, plain);
    ck_assert_int_eq(plain[0], 0);
    ck_assert_int_eq(plain[2], 1); /* b */
    ck_assert_int_eq(plain[4], 3); /* a2 */
    /* a deep unit coordinates with a high one */
    link_ids(m, "a2", "b", OG_LINE_COORDINATION);
    dot_ranks(m, ids, 6, coord);
    for (int i = 0; i < 6; i++)
        ck_assert_msg(coord[i] == plain[i], "%s moved from rank %d to %d",
                      ids[i], plain[i], coord[i]);
    og_model_free(m);

    /* control: the same link on a ranking line does push b below a2 */
    m = small_tree();
    link_ids(m, "a2", "b", OG_LINE_GUIDANCE);
    dot_ranks(m, ids, 6, guided);
    ck_assert_int_gt(guided[2], guided[4]);
    og_model_free(m);
}
END_TEST

START_TEST(test_each_line_has_its_own_style)
{
    og_model *m = og_model_new();
    const char *ids[] = {"s", "c", "p", "g", "k"};
    for (size_t i = 0; i < 5; i++)
        add(m, ids[i], "department", "l");
    link_ids(m, "s", "c", OG_LINE_COMMAND);
    link_ids(m, "s", "p", OG_LINE_PARTY);
    link_ids(m, "s", "g", OG_LINE_GUIDANCE);
    link_ids(m, "c", "k", OG_LINE_COMMAND);
    link_ids(m, "p", "k", OG_LINE_COORDINATION);
    og_chart_options o;
    og_chart_options_init(&o);
    Agraph_t *g = render_graph(m, &o);
    Agedge_t *command = agedge(g, agnode(g, "s", 0), agnode(g, "c", 0), NULL, 0);
    Agedge_t *party = agedge(g, agnode(g, "s", 0), agnode(g, "p", 0), NULL, 0);
    Agedge_t *guidance = agedge(g, agnode(g, "s", 0), agnode(g, "g", 0), NULL, 0);
    Agedge_t *coord = agedge(g, agnode(g, "p", 0), agnode(g, "k", 0), NULL, 0);
    ck_assert(command && party && guidance && coord);
    ck_assert_int_eq(agnedges(g), 5);

    ck_assert_str_eq(attr(command, "style"), "solid");
    ck_assert_str_eq(attr(party, "style"), "solid");
    ck_assert_str_eq(attr(party, "color"), "#c0392b"); /* Party red */
    ck_assert_str_ne(attr(command, "color"), attr(party, "color"));
    ck_assert_str_eq(attr(guidance, "style"), "dotted");
    ck_assert_str_eq(attr(coord, "style"), "dashed");
    ck_assert_str_eq(attr(coord, "constraint"), "false");
    ck_assert_str_eq(attr(coord, "dir"), "none");
    ck_assert_str_ne(attr(command, "constraint"), "false");
    ck_assert_str_ne(attr(guidance, "constraint"), "false");
    agclose(g);
    og_model_free(m);
}
END_TEST

/* ---------------------------------------------------------- collapse */

/* A label with its line breaks (wrapping) turned back into spaces. */
static int same_text(const char *label, const char *text)
{
    for (; *text; text++, label++) {
        if (*text == ' ' && label[0] == '\\' && label[1] == 'n')
            label++;
        else if (*label != *text)
            return 0;
    }
    return *label == '\0';
}

/* The chart node under `parent` whose label reads `text`, or NULL; fails the
 * test if there are several. */
static Agnode_t *child_labelled(Agraph_t *g, const char *parent, const char *text)
{
    Agnode_t *p = agnode(g, (char *)parent, 0), *found = NULL;
    ck_assert_ptr_nonnull(p);
    for (Agedge_t *e = agfstout(g, p); e; e = agnxtout(g, e))
        if (same_text(attr(aghead(e), "label"), text)) {
            ck_assert_msg(!found, "two children of %s labelled %s", parent, text);
            found = aghead(e);
        }
    return found;
}

START_TEST(test_collapse_makes_one_summary_per_parent_and_kind)
{
    og_model *m = og_model_new();
    add(m, "top", "ministry", "central");
    add(m, "p1", "provincial-police", "province");
    add(m, "p2", "provincial-police", "province");
    link_ids(m, "top", "p1", OG_LINE_COMMAND);
    link_ids(m, "top", "p2", OG_LINE_COMMAND);
    char id[16];
    for (int i = 0; i < 3; i++) {
        snprintf(id, sizeof id, "c%d", i);
        add(m, id, "commune-police", "commune");
        link_ids(m, "p1", id, OG_LINE_COMMAND);
    }
    for (int i = 0; i < 5; i++) {
        snprintf(id, sizeof id, "d%d", i);
        add(m, id, "commune-police", "commune");
        link_ids(m, "p2", id, OG_LINE_COMMAND);
    }
    for (int i = 0; i < 2; i++) {
        snprintf(id, sizeof id, "s%d", i);
        add(m, id, "police-station", "commune");
        link_ids(m, "p2", id, OG_LINE_COMMAND);
    }
    link_ids(m, "c0", "d0", OG_LINE_COORDINATION); /* between collapsed units */
    /* p1 reaches d1 on guidance before p2 (a later unit) reaches it on
     * command: d1 still belongs to its command superior's summary */
    link_ids(m, "p1", "d1", OG_LINE_GUIDANCE);

    og_chart_options o;
    og_chart_options_init(&o);
    o.collapse = "commune";
    Agraph_t *g = render_graph(m, &o);
    ck_assert_int_eq(unit_nodes(g), 6); /* top, p1, p2 and three summaries */
    ck_assert(!has_node(g, "c0") && !has_node(g, "d0") && !has_node(g, "s0"));
    Agnode_t *s1 = child_labelled(g, "p1", "3 commune-police units (commune level)");
    Agnode_t *s2 = child_labelled(g, "p2", "5 commune-police units (commune level)");
    Agnode_t *s3 = child_labelled(g, "p2", "2 police-station units (commune level)");
    ck_assert(s1 && s2 && s3);
    ck_assert_int_eq(agdegree(g, s1, 1, 1), 1);
    ck_assert_int_eq(agdegree(g, s2, 1, 1), 1);
    ck_assert_int_eq(agdegree(g, s3, 1, 1), 1);
    ck_assert_ptr_nonnull(strstr(attr(s1, "style"), "dashed"));
    ck_assert_int_eq(agnedges(g), 5); /* 2 command + 3 to summaries */
    ck_assert_ptr_nonnull(strstr(attr(g, "label"), "commune level collapsed"));
    ck_assert_ptr_nonnull(strstr(attr(g, "label"), "; 13 units"));
    agclose(g);
    og_model_free(m);
}
END_TEST

/* ------------------------------------------------------------ schema */

static long edge_count_label(Agedge_t *e)
{
    char *end;
    const char *label = attr(e, "label");
    long n = strtol(label, &end, 10);
    ck_assert_msg(*label && *end == '\0', "arrow label '%s' is not a count", label);
    return n;
}

START_TEST(test_schema_of_2025_07_counts_units_and_links)
{
    og_model *m = load_path("models/vn-police/2025-07");
    og_chart_options o;
    og_chart_options_init(&o);
    o.view = OG_CHART_SCHEMA;
    Agraph_t *g = render_graph(m, &o);

    /* one node per (level, kind) present in the model */
    size_t nk = og_model_kind_count(m), nl = og_model_level_count(m);
    unsigned char *pair = calloc(nk * nl, 1);
    int pairs = 0;
    for (igraph_integer_t u = 0; u < og_model_unit_count(m); u++) {
        size_t k = og_unit_level_index(m, u) * nk + og_unit_kind_index(m, u);
        pairs += !pair[k];
        pair[k] = 1;
    }
    free(pair);
    ck_assert_int_eq(unit_nodes(g), pairs);

    Agnode_t *pp = NULL, *cp = NULL;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        const char *label = attr(v, "label");
        if (strcmp(label, "provincial-police\\nprovince level\\n34 units") == 0)
            pp = v;
        if (strcmp(label, "commune-police\\ncommune level\\n3321 units") == 0)
            cp = v;
    }
    ck_assert_msg(pp && cp, "no provincial-police (34) or commune-police (3321) node");

    /* the command arrow between them carries one per commune police */
    Agedge_t *e = agedge(g, pp, cp, NULL, 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(edge_count_label(e), 3321);
    /* and every link of the model is counted on exactly one arrow */
    long links = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
        for (e = agfstout(g, v); e; e = agnxtout(g, e))
            links += edge_count_label(e);
    ck_assert_int_eq(links, og_model_link_count(m));
    agclose(g);
    og_model_free(m);
}
END_TEST

/* ----------------------------------------------------------- compact */

static double node_width_pt(Agraph_t *g)
{
    Agsym_t *w = agattr(g, AGNODE, "width", NULL);
    ck_assert_ptr_nonnull(w);
    return atof(w->defval) * 72.0;
}

START_TEST(test_span_of_a_thousand_stays_narrow)
{
    og_model *m = og_model_new();
    add(m, "boss", "provincial-police", "province");
    char id[16];
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "u%d", i);
        add(m, id, "commune-police", "commune");
        link_ids(m, "boss", id, OG_LINE_COMMAND);
    }
    og_chart_options o;
    og_chart_options_init(&o); /* auto picks the compact layout */
    Agraph_t *g = render_graph(m, &o);
    ck_assert_int_eq(unit_nodes(g), 1001);
    double node_w = node_width_pt(g), lo = 1e300, hi = -1e300, top = -1e300, bottom = 1e300;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        if (is_legend(g, v))
            continue;
        double x, y;
        node_pos(v, &x, &y);
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
        top = y > top ? y : top;
        bottom = y < bottom ? y : bottom;
    }
    double width = hi - lo + node_w;
    ck_assert_msg(width < 1000 * node_w / 20, "span of 1000 is %.0f pt wide", width);
    /* columns, not one column either: neither much taller than wide */
    ck_assert_msg(top - bottom < 4 * width, "%.0f pt tall, %.0f pt wide",
                  top - bottom, width);
    double bx, by;
    node_pos(agnode(g, "boss", 0), &bx, &by);
    ck_assert(by == top); /* the parent sits above its children */
    agclose(g);
    og_model_free(m);
}
END_TEST

START_TEST(test_chain_100000_deep_lays_out_without_recursion)
{
    enum { DEPTH = 100000 };
    og_model *m = og_model_new();
    char id[16], prev[16];
    for (int i = 0; i < DEPTH; i++) {
        snprintf(id, sizeof id, "c%d", i);
        add(m, id, "department", "l");
        if (i > 0)
            link_ids(m, prev, id, OG_LINE_COMMAND);
        memcpy(prev, id, sizeof id);
    }
    og_chart_options o;
    og_chart_options_init(&o);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    og_buf b;
    render_ok(m, &o, "dot", &b);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_msg(secs < 30, "a chain of %d took %.1f s", DEPTH, secs);

    Agraph_t *g = agmemread(b.data);
    og_buf_free(&b);
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(unit_nodes(g), DEPTH);
    ck_assert_int_eq(agnedges(g), DEPTH - 1);
    /* each unit below the one before, the drawing one box wide */
    double node_w = node_width_pt(g), x0, y0, x, y, lo, hi;
    node_pos(agnode(g, "c0", 0), &x0, &y0);
    lo = hi = x0;
    double last = y0;
    for (int i = 1; i < DEPTH; i++) {
        snprintf(id, sizeof id, "c%d", i);
        node_pos(agnode(g, id, 0), &x, &y);
        ck_assert_msg(y < last, "%s is not below its superior", id);
        last = y;
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
    }
    ck_assert_double_lt(hi - lo + node_w, 3 * node_w);
    agclose(g);
    og_model_free(m);
}
END_TEST

/* ------------------------------------------------------------ safety */

START_TEST(test_model_attributes_that_read_files_never_reach_graphviz)
{
    static const char model[] =
        "digraph {\n"
        "  graph [imagepath=\"/etc\", fontpath=\"/etc\"];\n"
        "  a [label=\"A\", kind=\"department\", image=\"/etc/passwd\",\n"
        "     shapefile=\"/etc/passwd\", fontpath=\"/etc\", imagepath=\"/etc\",\n"
        "     URL=\"http://evil.example/\", shape=\"custom\"];\n"
        "  b [label=\"B\", image=\"/etc/passwd\", fontname=\"/etc/passwd\"];\n"
        "  a -> b [labelfontname=\"/etc/passwd\", headURL=\"file:///etc/passwd\"];\n"
        "}\n";
    og_diags *d;
    og_model *m = load_text(model, OG_FORMAT_DOT, "evil.dot", &d, NULL);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(og_model_unit_count(m), 2);
    /* the loader kept them as attributes: they are there to be leaked */
    ck_assert_int_ge(og_model_attr_find(m, OG_UNIT, "image"), 0);
    static const char *const bad[] = {"passwd", "/etc", "image", "shapefile",
                                      "fontpath", "imagepath", "evil.example",
                                      "custom", "URL", "href"};
    static const char *const formats[] = {"svg", "dot"};
    for (int f = 0; f < 2; f++)
        for (int layout = OG_LAYOUT_DOT; layout <= OG_LAYOUT_COMPACT; layout++) {
            og_chart_options o;
            og_chart_options_init(&o);
            o.layout = (og_chart_layout)layout;
            og_buf b;
            render_ok(m, &o, formats[f], &b);
            ck_assert(strstr(b.data, ">A</text>") || strstr(b.data, "label=A"));
            for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
                ck_assert_msg(strstr(b.data, bad[i]) == NULL, "%s (%s layout) contains '%s'",
                              formats[f], layout == OG_LAYOUT_DOT ? "dot" : "compact", bad[i]);
            og_buf_free(&b);
        }
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_markup_in_names_is_escaped_in_svg)
{
    og_model *m = og_model_new();
    igraph_integer_t a, b, c;
    ck_assert_int_eq(og_model_add_unit(m, "<x>", "<script>alert(1)</script>",
                                       "<b>kind</b>", "l", &a), OG_OK);
    ck_assert_int_eq(og_model_add_unit(m, "q", "Tom \"T\" & Jerry", "k", "l", &b), OG_OK);
    ck_assert_int_eq(og_model_add_unit(m, "bs", "back\\slash \\N", "k", "l", &c), OG_OK);
    og_model_add_link(m, a, b, OG_LINE_COMMAND, NULL);
    og_model_add_link(m, a, c, OG_LINE_COMMAND, NULL);
    og_model_add_meta(m, "title", "<img src=x onerror=alert(2)>");
    og_chart_options o;
    og_chart_options_init(&o);
    for (int layout = OG_LAYOUT_DOT; layout <= OG_LAYOUT_COMPACT; layout++) {
        o.layout = (og_chart_layout)layout;
        og_buf svg;
        render_ok(m, &o, "svg", &svg);
        ck_assert_ptr_null(strstr(svg.data, "<script"));
        ck_assert_ptr_null(strstr(svg.data, "<img"));
        ck_assert_ptr_null(strstr(svg.data, "<b>"));
        ck_assert_ptr_null(strstr(svg.data, "<x>"));
        ck_assert_ptr_nonnull(strstr(svg.data, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        ck_assert_ptr_nonnull(strstr(svg.data, "&lt;x&gt;"));
        ck_assert_ptr_nonnull(strstr(svg.data, "&quot;T&quot; &amp; Jerry"));
        ck_assert_ptr_nonnull(strstr(svg.data, "&lt;b&gt;kind&lt;/b&gt;"));
        ck_assert_ptr_nonnull(strstr(svg.data, ">back\\slash \\N</text>"));
        og_buf_free(&svg);
    }
    /* the DOT output reads back to the very same names */
    o.layout = OG_LAYOUT_AUTO;
    Agraph_t *g = render_graph(m, &o);
    ck_assert_str_eq(attr(agnode(g, "<x>", 0), "label"), "<script>alert(1)</script>");
    ck_assert_str_eq(attr(agnode(g, "q", 0), "label"), "Tom \"T\" & Jerry");
    ck_assert_str_eq(attr(agnode(g, "bs", 0), "label"), "back\\\\slash \\\\N");
    agclose(g);
    og_model_free(m);
}
END_TEST

/* ------------------------------------------------------ determinism */

static void assert_same_bytes_twice(og_model *m, const og_chart_options *o,
                                    const char *format)
{
    og_buf one, two;
    render_ok(m, o, format, &one);
    render_ok(m, o, format, &two);
    ck_assert_uint_eq(one.len, two.len);
    ck_assert_msg(memcmp(one.data, two.data, one.len) == 0,
                  "two %s renderings differ", format);
    og_buf_free(&one);
    og_buf_free(&two);
}

START_TEST(test_same_model_gives_the_same_bytes)
{
    og_model *m = load_path("models/tour/org.dot");
    og_chart_options o;
    og_chart_options_init(&o);
    assert_same_bytes_twice(m, &o, "svg");
    assert_same_bytes_twice(m, &o, "dot");
    o.layout = OG_LAYOUT_COMPACT;
    assert_same_bytes_twice(m, &o, "svg");
    assert_same_bytes_twice(m, &o, "dot");
    og_model_free(m);

    m = load_path("models/vn-police/2025-07");
    og_chart_options_init(&o);
    o.lines = BIT(OG_LINE_COMMAND);
    o.collapse = "commune";
    assert_same_bytes_twice(m, &o, "svg");
    og_chart_options_init(&o);
    o.view = OG_CHART_SCHEMA;
    assert_same_bytes_twice(m, &o, "svg");
    assert_same_bytes_twice(m, &o, "dot");
    og_model_free(m);
}
END_TEST

Suite *chart_suite(void)
{
    Suite *s = suite_create("chart");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_empty_organization_renders_a_chart_with_no_unit);
    tcase_add_test(tc, test_one_unit_organization_shows_that_unit);
    tcase_add_test(tc, test_root_keeps_exactly_its_subtree);
    tcase_add_test(tc, test_unknown_root_is_an_error_with_no_output);
    tcase_add_test(tc, test_unknown_level_or_format_is_an_error_with_no_output);
    tcase_add_test(tc, test_depth_keeps_exactly_the_units_within_n_hops);
    tcase_add_test(tc, test_chosen_lines_leave_out_units_linked_only_on_others);
    tcase_add_test(tc, test_coordination_link_never_changes_rank);
    tcase_add_test(tc, test_each_line_has_its_own_style);
    tcase_add_test(tc, test_collapse_makes_one_summary_per_parent_and_kind);
    tcase_add_test(tc, test_schema_of_2025_07_counts_units_and_links);
    tcase_add_test(tc, test_span_of_a_thousand_stays_narrow);
    tcase_add_test(tc, test_chain_100000_deep_lays_out_without_recursion);
    tcase_add_test(tc, test_model_attributes_that_read_files_never_reach_graphviz);
    tcase_add_test(tc, test_markup_in_names_is_escaped_in_svg);
    tcase_add_test(tc, test_same_model_gives_the_same_bytes);
    suite_add_tcase(s, tc);
    return s;
}
