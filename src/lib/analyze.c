/*
 * analyze.c: the analyses of a model: chains of command and layers, spans of
 * control, dual subordination, bottlenecks (dominators) and the most central
 * units of the coordination network (betweenness).
 *
 * Everything but betweenness is linear in units and links: chains come from
 * one pass of Kahn's order over the line's compressed rows (lineview.h),
 * dominators from igraph_dominator_tree (Lengauer-Tarjan) on the line with a
 * virtual root above every apex. Betweenness runs on the coordination
 * network only, exactly when it is small, with a path-length cutoff when not.
 */
#include "internal.h"
#include "lineview.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ small parts */

static const igraph_integer_t band_low[OG_SPAN_BANDS] = {1, 2, 4, 8, 13, 17};
static const char *const band_names[OG_SPAN_BANDS] = {"1", "2-3", "4-7", "8-12",
                                                      "13-16", "17+"};

/* O(1). */
int og_span_band(igraph_integer_t span)
{
    int b = -1;
    while (b + 1 < OG_SPAN_BANDS && span >= band_low[b + 1])
        b++;
    return b;
}

/* O(1); NULL for a band out of range. */
const char *og_span_band_name(int band)
{
    return band >= 0 && band < OG_SPAN_BANDS ? band_names[band] : NULL;
}

/* O(1). */
const char *og_position_name(og_position position)
{
    static const char *const names[] = {"off-line", "apex", "chained", "no-chain"};
    return (unsigned)position < 4 ? names[position] : "off-line";
}

/* Keeps top[0..*n) sorted by value descending, then unit ascending, holding
 * at most OG_ANALYSIS_TOP entries. Units must be offered in ascending order,
 * so a later unit with an equal value never displaces an earlier one. */
static void top_offer(og_ranked *top, size_t *n, igraph_integer_t unit,
                      double value)
{
    size_t i = *n;
    if (i == OG_ANALYSIS_TOP) {
        if (value <= top[i - 1].value)
            return;
        i--;
    } else {
        (*n)++;
    }
    while (i > 0 && top[i - 1].value < value) {
        top[i] = top[i - 1];
        i--;
    }
    top[i].unit = unit;
    top[i].value = value;
}

static void *alloc_units(igraph_integer_t n, size_t size, int zero)
{
    return zero ? calloc((size_t)n + 1, size) : malloc(((size_t)n + 1) * size);
}

/* ----------------------------------------------------------------- chains */

/* Which units take part in a line: those with a link on it, and for the
 * command line also those with no link at all. */
static void mark_positions(const og_model *m, const og_i_lineview *v,
                           const unsigned char *linked, og_line_analysis *la)
{
    for (igraph_integer_t u = 0; u < v->n; u++) {
        int has_sup = v->sup_start[u + 1] > v->sup_start[u];
        int on = has_sup || v->sub_start[u + 1] > v->sub_start[u] ||
                 (la->line == OG_LINE_COMMAND && !linked[u]);
        la->position[u] = !on ? OG_POS_OFF_LINE
                          : has_sup ? OG_POS_CHAINED : OG_POS_APEX;
        la->units += on;
        la->span[u] = v->sub_start[u + 1] - v->sub_start[u];
        la->superiors[u] = v->sup_start[u + 1] - v->sup_start[u];
    }
    OG_I_UNUSED(m);
}

/* Shortest and longest chain of every unit in one pass of Kahn's order:
 * a unit is taken once all its superiors are, so both are final by then.
 * Units never taken are on or below a cycle. order[] receives the units
 * taken, in order; *taken how many. la->carries, not yet computed, holds
 * the superiors left to take of each unit meanwhile. O(n + m). */
static og_status compute_chains(const og_i_lineview *v, og_line_analysis *la,
                                igraph_integer_t *order, igraph_integer_t *taken)
{
    igraph_integer_t n = v->n, head = 0, tail = 0;
    igraph_integer_t *left = la->carries;
    for (igraph_integer_t u = 0; u < n; u++) {
        left[u] = la->superiors[u];
        la->chain_min[u] = la->chain_max[u] = -1;
        if (la->position[u] == OG_POS_APEX) {
            la->chain_min[u] = la->chain_max[u] = 0;
            order[tail++] = u;
        }
    }
    while (head < tail) {
        igraph_integer_t u = order[head++], up = la->chain_min[u] + 1,
                         upmax = la->chain_max[u] + 1;
        for (igraph_integer_t k = v->sub_start[u]; k < v->sub_start[u + 1]; k++) {
            igraph_integer_t w = v->sub[k];
            if (la->chain_min[w] < 0 || up < la->chain_min[w])
                la->chain_min[w] = up;
            if (upmax > la->chain_max[w])
                la->chain_max[w] = upmax;
            if (--left[w] == 0)
                order[tail++] = w;
        }
    }
    *taken = tail;
    for (igraph_integer_t u = 0; u < n; u++)
        la->n_no_chain += left[u] > 0;
    la->no_chain = malloc(((size_t)la->n_no_chain + 1) * sizeof *la->no_chain);
    if (!la->no_chain)
        return OG_ENOMEM;
    for (igraph_integer_t u = 0, k = 0; la->n_no_chain && u < n; u++)
        if (left[u] > 0) {
            la->chain_min[u] = la->chain_max[u] = -1;
            la->position[u] = OG_POS_NO_CHAIN;
            la->no_chain[k++] = u;
        }
    return OG_OK;
}

/* compute_chains for a line where no unit has two superiors, the common
 * case: Kahn's order is then a breadth-first order, one layer after
 * another, so a unit's chain is its layer, known without reading the
 * superior's, and its shortest and longest chains are equal. Each unit costs
 * one write at a scattered place instead of five. order[] is as
 * compute_chains leaves it; kids[h] is where in order[] the subordinates of
 * order[h] end (they were queued together, right after those of
 * order[h - 1]; the first come after the apexes). O(n + m). */
static og_status chains_forest(const og_i_lineview *v, og_line_analysis *la,
                               int32_t *order, int32_t *kids,
                               igraph_integer_t *taken, igraph_integer_t *apexes)
{
    igraph_integer_t n = v->n, tail = 0;
    for (igraph_integer_t u = 0; u < n; u++) {
        la->chain_max[u] = -1;
        if (la->position[u] == OG_POS_APEX) {
            la->chain_max[u] = 0;
            order[tail++] = (int32_t)u;
        }
    }
    *apexes = tail;
    igraph_integer_t depth = 0, layer_end = tail;
    for (igraph_integer_t head = 0; head < tail; head++) {
        if (head == layer_end) {
            depth++;
            layer_end = tail;
        }
        if (head + 16 < tail)
            __builtin_prefetch(&v->sub_start[order[head + 16]]);
        int32_t u = order[head];
        for (int32_t k = v->sub_start[u]; k < v->sub_start[u + 1]; k++) {
            int32_t w = v->sub[k];
            la->chain_max[w] = depth + 1;
            order[tail++] = w;
        }
        kids[head] = (int32_t)tail;
    }
    *taken = tail;
    memcpy(la->chain_min, la->chain_max, (size_t)n * sizeof *la->chain_min);
    for (igraph_integer_t u = 0; u < n; u++)
        la->n_no_chain += la->superiors[u] > 0 && la->chain_max[u] < 0;
    la->no_chain = malloc(((size_t)la->n_no_chain + 1) * sizeof *la->no_chain);
    if (!la->no_chain)
        return OG_ENOMEM;
    for (igraph_integer_t u = 0, k = 0; la->n_no_chain && u < n; u++)
        if (la->superiors[u] > 0 && la->chain_max[u] < 0) {
            la->position[u] = OG_POS_NO_CHAIN;
            la->no_chain[k++] = u;
        }
    return OG_OK;
}

/* Apexes, units per layer, and the ranked widest spans. O(n). */
static og_status layers_and_lists(og_line_analysis *la, igraph_integer_t n)
{
    igraph_integer_t deepest = -1;
    for (igraph_integer_t u = 0; u < n; u++) {
        if (la->chain_max[u] > deepest)
            deepest = la->chain_max[u];
        la->n_apexes += la->position[u] == OG_POS_APEX;
    }
    la->layers = deepest + 1;
    la->per_layer = calloc((size_t)la->layers + 1, sizeof *la->per_layer);
    la->apexes = malloc(((size_t)la->n_apexes + 1) * sizeof *la->apexes);
    if (!la->per_layer || !la->apexes)
        return OG_ENOMEM;
    igraph_integer_t k = 0;
    for (igraph_integer_t u = 0; u < n; u++) {
        if (la->chain_max[u] >= 0)
            la->per_layer[la->chain_max[u]]++;
        if (la->position[u] == OG_POS_APEX)
            la->apexes[k++] = u;
        if (la->position[u] != OG_POS_OFF_LINE && la->span[u] > 0)
            top_offer(la->widest, &la->n_widest, u, (double)la->span[u]);
    }
    return OG_OK;
}

/* ------------------------------------------------------- group figures */

static void group_add(og_group_figures *g, const og_line_analysis *la,
                      igraph_integer_t u)
{
    g->units++;
    if (la->chain_min[u] >= 0) {
        g->chained++;
        g->chain_mean += (double)la->chain_min[u]; /* a sum until finished */
        if (la->chain_max[u] > g->chain_max)
            g->chain_max = la->chain_max[u];
    }
    igraph_integer_t s = la->span[u];
    if (s > 0) {
        g->managers++;
        g->subordinates += s;
        g->bands[og_span_band(s)]++;
        if (s > g->span_max)
            g->span_max = s;
    }
}

static void group_finish(og_group_figures *g)
{
    g->chain_mean = g->chained ? g->chain_mean / (double)g->chained : 0.0;
}

/* The groups of a vocabulary (kinds or levels), named. */
static og_group_figures *groups_new(const og_model *m, int by_kind, size_t *ng)
{
    *ng = by_kind ? og_model_kind_count(m) : og_model_level_count(m);
    og_group_figures *g = calloc(*ng + 1, sizeof *g);
    for (size_t i = 0; g && i < *ng; i++) {
        g[i].name = by_kind ? og_model_kind_name(m, i) : og_model_level_name(m, i);
        g[i].chain_max = -1;
    }
    return g;
}

/* Finishes the groups and leaves out those with no unit on the line. */
static void groups_finish(og_group_figures *g, size_t ng, og_group_figures **out,
                          size_t *n_out)
{
    size_t k = 0;
    for (size_t i = 0; i < ng; i++)
        if (g[i].units) {
            group_finish(&g[i]);
            g[k++] = g[i];
        }
    *out = g;
    *n_out = k;
}

/* Figures over all units on the line, by kind and by level, in one pass
 * over the units. O(n + groups). */
static og_status compute_groups(const og_model *m, og_line_analysis *la)
{
    og_group_figures *all = &la->overall;
    all->chain_max = -1;
    size_t nk, nv;
    og_group_figures *gk = groups_new(m, 1, &nk), *gv = groups_new(m, 0, &nv);
    if (!gk || !gv) {
        free(gk);
        free(gv);
        return OG_ENOMEM;
    }
    const int32_t *kind = og_i_model_unit_kinds(m), *level = og_i_model_unit_levels(m);
    igraph_integer_t n = og_model_unit_count(m);
    for (igraph_integer_t u = 0; u < n; u++)
        if (la->position[u] != OG_POS_OFF_LINE) {
            group_add(all, la, u);
            group_add(&gk[kind[u]], la, u);
            group_add(&gv[level[u]], la, u);
        }
    group_finish(all);
    groups_finish(gk, nk, &la->by_kind, &la->n_kinds);
    groups_finish(gv, nv, &la->by_level, &la->n_levels);
    return OG_OK;
}

/* ------------------------------------------------------------ dominators */

/* Sizes of the subtrees of the dominator tree: children in compressed rows,
 * a breadth-first order from the root, sizes summed in reverse. O(n). */
static og_status subtree_sizes(const igraph_vector_int_t *dom, igraph_integer_t n,
                               igraph_integer_t root, igraph_integer_t *carries)
{
    igraph_integer_t *start = calloc((size_t)n + 2, sizeof *start);
    igraph_integer_t *kids = alloc_units(n, sizeof *kids, 0);
    igraph_integer_t *order = alloc_units(n, sizeof *order, 0);
    igraph_integer_t *size = alloc_units(n, sizeof *size, 0);
    og_status st = OG_ENOMEM;
    if (!start || !kids || !order || !size)
        goto out;
    for (igraph_integer_t u = 0; u < n; u++)
        if (VECTOR(*dom)[u] >= 0)
            start[VECTOR(*dom)[u] + 1]++;
    for (igraph_integer_t u = 0; u <= n; u++)
        start[u + 1] += start[u];
    for (igraph_integer_t u = 0; u < n; u++)
        if (VECTOR(*dom)[u] >= 0)
            kids[start[VECTOR(*dom)[u]]++] = u;
    for (igraph_integer_t u = n; u > 0; u--)  /* start[] was shifted by the fill */
        start[u] = start[u - 1];
    start[0] = 0;
    igraph_integer_t head = 0, tail = 0;
    order[tail++] = root;
    while (head < tail) {
        igraph_integer_t u = order[head++];
        size[u] = 1;
        for (igraph_integer_t k = start[u]; k < start[u + 1]; k++)
            order[tail++] = kids[k];
    }
    for (igraph_integer_t i = tail - 1; i > 0; i--)
        size[VECTOR(*dom)[order[i]]] += size[order[i]];
    for (igraph_integer_t u = 0; u < root; u++)
        carries[u] = -1;
    for (igraph_integer_t i = 1; i < tail; i++)
        carries[order[i]] = size[order[i]] - 1;
    st = OG_OK;
out:
    free(start);
    free(kids);
    free(order);
    free(size);
    return st;
}

/* The line as an igraph graph with a virtual root (vertex n) above every
 * apex, and its dominator tree: every chain of a unit passes through each
 * of its dominators. carries[u] = units u dominates, itself excluded. */
static og_status dominators_igraph(const og_i_lineview *v, og_line_analysis *la)
{
    igraph_integer_t n = v->n, e = 0;
    igraph_vector_int_t edges, dom;
    igraph_t g;
    if (igraph_vector_int_init(&edges, 2 * (v->links + la->n_apexes)) != IGRAPH_SUCCESS)
        return OG_ENOMEM;
    for (igraph_integer_t i = 0; i < la->n_apexes; i++) {
        VECTOR(edges)[e++] = n;
        VECTOR(edges)[e++] = la->apexes[i];
    }
    for (igraph_integer_t u = 0; u < n; u++)
        for (igraph_integer_t k = v->sup_start[u]; k < v->sup_start[u + 1]; k++) {
            VECTOR(edges)[e++] = v->sup[k];
            VECTOR(edges)[e++] = u;
        }
    igraph_error_t err = igraph_create(&g, &edges, n + 1, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&edges);
    if (err != IGRAPH_SUCCESS)
        return og_i_from_igraph(err);
    og_status st = OG_ENOMEM;
    if (igraph_vector_int_init(&dom, 0) == IGRAPH_SUCCESS) {
        err = igraph_dominator_tree(&g, n, &dom, NULL, NULL, IGRAPH_OUT);
        st = err != IGRAPH_SUCCESS ? og_i_from_igraph(err)
                                   : subtree_sizes(&dom, n, n, la->carries);
        igraph_vector_int_destroy(&dom);
    }
    igraph_destroy(&g);
    return st;
}

/* When no unit has two superiors, the line is a forest and is its own
 * dominator tree: a unit's dominators are the units above it, and it
 * carries the units of its subtree. Subtree sizes come from the breadth-
 * first order of chains_forest read backwards, where every unit's
 * subordinates are a run of positions (kids[]), so the sums read memory in
 * order, with no graph to build. On a 1,000,000-unit tree igraph_create
 * plus igraph_dominator_tree took 0.9 s (docs/analyses.md). Going
 * backwards, order[h] is replaced by the size of its subtree once read, so
 * order[] holds sizes from h on: the subordinates of order[h] sit after h.
 * O(n). */
static void dominators_forest(og_line_analysis *la, igraph_integer_t n,
                              int32_t *order, const int32_t *kids,
                              igraph_integer_t taken, igraph_integer_t apexes)
{
    for (igraph_integer_t u = 0; u < n; u++)
        la->carries[u] = -1;
    for (igraph_integer_t h = taken - 1; h >= 0; h--) {
        int32_t size = 0;
        for (int32_t j = h ? kids[h - 1] : (int32_t)apexes; j < kids[h]; j++)
            size += order[j] + 1;
        la->carries[order[h]] = size;
        order[h] = size;
    }
}

/* Units that carry others, ranked. */
static void rank_bottlenecks(og_line_analysis *la, igraph_integer_t n)
{
    for (igraph_integer_t u = 0; u < n; u++)
        if (la->carries[u] > 0)
            top_offer(la->bottlenecks, &la->n_bottlenecks, u, (double)la->carries[u]);
}

/* --------------------------------------------------------------- one line */

static og_status analyze_line(og_model *m, og_line line, const unsigned char *linked,
                              og_line_analysis *la)
{
    igraph_integer_t n = og_model_unit_count(m);
    og_i_lineview v;
    la->line = line;
    og_status st = og_i_lineview_build(m, line, &v);
    if (st != OG_OK)
        return st;
    la->position = alloc_units(n, 1, 1);
    la->chain_min = alloc_units(n, sizeof *la->chain_min, 0);
    la->chain_max = alloc_units(n, sizeof *la->chain_max, 0);
    la->span = alloc_units(n, sizeof *la->span, 0);
    la->superiors = alloc_units(n, sizeof *la->superiors, 0);
    la->carries = alloc_units(n, sizeof *la->carries, 0);
    if (!la->position || !la->chain_min || !la->chain_max || !la->span ||
        !la->superiors || !la->carries) {
        og_i_lineview_free(&v);
        return OG_ENOMEM;
    }
    mark_positions(m, &v, linked, la);
    int forest = 1;
    for (igraph_integer_t u = 0; forest && u < n; u++)
        forest = la->superiors[u] <= 1;
    igraph_integer_t taken = 0, apexes = 0;
    int32_t *order = NULL, *kids = NULL;
    if (forest) {
        order = alloc_units(n, sizeof *order, 0);
        kids = alloc_units(n, sizeof *kids, 0);
        st = order && kids ? chains_forest(&v, la, order, kids, &taken, &apexes)
                           : OG_ENOMEM;
    } else {
        igraph_integer_t *korder = alloc_units(n, sizeof *korder, 0);
        st = korder ? compute_chains(&v, la, korder, &taken) : OG_ENOMEM;
        free(korder);
    }
    if (st == OG_OK)
        st = layers_and_lists(la, n);
    if (st == OG_OK)
        st = compute_groups(m, la);
    if (st == OG_OK && forest)
        dominators_forest(la, n, order, kids, taken, apexes);
    else if (st == OG_OK)
        st = dominators_igraph(&v, la);
    if (st == OG_OK)
        rank_bottlenecks(la, n);
    free(order);
    free(kids);
    og_i_lineview_free(&v);
    return st;
}

static void line_destroy(og_line_analysis *la)
{
    free(la->position);
    free(la->chain_min);
    free(la->chain_max);
    free(la->span);
    free(la->superiors);
    free(la->carries);
    free(la->apexes);
    free(la->no_chain);
    free(la->per_layer);
    free(la->by_kind);
    free(la->by_level);
    memset(la, 0, sizeof *la);
}

/* --------------------------------------------------- dual subordination */

/* Units with superiors on two or more ranking lines or two or more on one,
 * and their superiors in compressed rows. One pass over the links, and one
 * per ranking line when some unit has two superiors. O(n + m). */
static og_status compute_dual(const og_model *m, og_analysis *a)
{
    igraph_integer_t n = a->units, nl = og_model_link_count(m);
    const igraph_integer_t *ends = og_i_model_link_ends(m);
    const unsigned char *lines = og_i_model_link_lines(m);
    unsigned char *mask = alloc_units(n, 1, 1);
    igraph_integer_t *count = alloc_units(n, sizeof *count, 1);
    og_status st = OG_ENOMEM;
    if (!mask || !count)
        goto out;
    for (igraph_integer_t e = 0; e < nl; e++) {
        og_line l = (og_line)lines[e];
        igraph_integer_t b = ends[2 * e + 1];
        if (!og_line_ranks(l) || ends[2 * e] == b)
            continue;
        mask[b] |= (unsigned char)(1u << l);
        count[b]++;
    }
    for (igraph_integer_t u = 0; u < n; u++) {
        int lines_u = (mask[u] & 1) + (mask[u] >> 1 & 1) + (mask[u] >> 2 & 1);
        int across = lines_u > 1, within = count[u] > lines_u;
        a->n_dual += across || within;
        a->n_dual_across += across;
        a->n_dual_within += within;
    }
    a->dual = malloc(((size_t)a->n_dual + 1) * sizeof *a->dual);
    a->dual_start = calloc((size_t)a->n_dual + 2, sizeof *a->dual_start);
    if (!a->dual || !a->dual_start)
        goto out;
    if (a->n_dual == 0) {
        a->dual_sup = malloc(sizeof *a->dual_sup);
        a->dual_line = malloc(1);
        st = a->dual_sup && a->dual_line ? OG_OK : OG_ENOMEM;
        goto out;
    }
    igraph_integer_t k = 0, total = 0;
    for (igraph_integer_t u = 0; u < n; u++) {
        int lines_u = (mask[u] & 1) + (mask[u] >> 1 & 1) + (mask[u] >> 2 & 1);
        if (lines_u > 1 || count[u] > lines_u) {
            a->dual[k] = u;
            a->dual_start[k + 1] = total += count[u];
            count[u] = k++;  /* from here on: u's row */
        } else {
            count[u] = -1;
        }
    }
    a->dual_sup = malloc(((size_t)total + 1) * sizeof *a->dual_sup);
    a->dual_line = malloc((size_t)total + 1);
    igraph_integer_t *fill = malloc(((size_t)k + 1) * sizeof *fill);
    if (!a->dual_sup || !a->dual_line || !fill) {
        free(fill);
        goto out;
    }
    memcpy(fill, a->dual_start, ((size_t)k + 1) * sizeof *fill);
    for (int l = 0; l < OG_LINE_COUNT; l++) {  /* by line, then link order */
        if (!og_line_ranks((og_line)l))
            continue;
        for (igraph_integer_t e = 0; e < nl; e++) {
            igraph_integer_t b = ends[2 * e + 1];
            if (lines[e] != (unsigned char)l || ends[2 * e] == b || count[b] < 0)
                continue;
            a->dual_line[fill[count[b]]] = (unsigned char)l;
            a->dual_sup[fill[count[b]]++] = ends[2 * e];
        }
    }
    free(fill);
    st = OG_OK;
out:
    free(mask);
    free(count);
    return st;
}

/* ------------------------------------------------------------ betweenness */

/* Union-find root of i, halving the path on the way. */
static int32_t uf_find(int32_t *up, int32_t i)
{
    while (up[i] != i) {
        up[i] = up[up[i]];
        i = up[i];
    }
    return i;
}

/* Betweenness of the units in the coordination network (units with at least
 * one coordination link), exact up to OG_BETWEENNESS_EXACT_MAX units, with
 * paths cut at OG_BETWEENNESS_CUTOFF hops above.
 *
 * Components of two units are left out of igraph's computation: no shortest
 * path has an inner unit there, so their betweenness is 0, and a unit's
 * betweenness sums over sources in its own component only. The units kept
 * are renumbered in their order, which keeps igraph's neighbour order,
 * visiting order and order of summation, so every kept unit's figure is the
 * same double as over the whole network. In a national model most
 * coordination links join two units that have no other (docs/performance.md). */
static og_status compute_central(const og_model *m, og_analysis *a)
{
    igraph_integer_t n = a->units, nl = og_model_link_count(m), nc = 0, e2 = 0;
    const igraph_integer_t *ends = og_i_model_link_ends(m);
    const unsigned char *lines = og_i_model_link_lines(m);
    /* local[u]: u's vertex in the network, -1 for none */
    int32_t *local = alloc_units(n, sizeof *local, 0);
    int32_t *up = NULL, *size = NULL;
    igraph_integer_t *global = NULL;
    igraph_vector_int_t edges;
    og_status st = OG_ENOMEM;
    if (!local || n >= INT32_MAX)
        goto out;
    for (igraph_integer_t u = 0; u < n; u++)
        local[u] = -1;
    for (igraph_integer_t e = 0; e < nl; e++)
        if (lines[e] == OG_LINE_COORDINATION && ends[2 * e] != ends[2 * e + 1]) {
            local[ends[2 * e]] = local[ends[2 * e + 1]] = 0;
            a->coord_links++;
        }
    for (igraph_integer_t u = 0; u < n; u++)
        if (local[u] == 0)
            local[u] = (int32_t)nc++;
    a->coord_units = nc;
    a->betweenness_cutoff = nc > OG_BETWEENNESS_EXACT_MAX ? OG_BETWEENNESS_CUTOFF : 0;
    /* components, and their sizes */
    up = malloc(((size_t)nc + 1) * sizeof *up);
    size = calloc((size_t)nc + 1, sizeof *size);
    if (!up || !size)
        goto out;
    for (igraph_integer_t i = 0; i < nc; i++)
        up[i] = (int32_t)i;
    for (igraph_integer_t e = 0; e < nl; e++)
        if (lines[e] == OG_LINE_COORDINATION && ends[2 * e] != ends[2 * e + 1]) {
            int32_t x = uf_find(up, local[ends[2 * e]]);
            int32_t y = uf_find(up, local[ends[2 * e + 1]]);
            if (x != y)
                up[x < y ? y : x] = x < y ? x : y;
        }
    for (igraph_integer_t i = 0; i < nc; i++) {
        up[i] = uf_find(up, (int32_t)i); /* now every unit points at its root */
        size[up[i]]++;
    }
    /* the kept units, renumbered in order (up[] is reused for the number) */
    igraph_integer_t nk = 0, ek = 0;
    for (igraph_integer_t i = 0; i < nc; i++)
        up[i] = size[up[i]] > 2 ? 0 : -1;
    free(size);
    size = NULL;
    global = malloc(((size_t)nc + 1) * sizeof *global);
    if (!global)
        goto out;
    for (igraph_integer_t u = 0; u < n; u++)
        if (local[u] >= 0 && up[local[u]] == 0) {
            up[local[u]] = (int32_t)nk;
            global[nk++] = u;
        }
    for (igraph_integer_t e = 0; e < nl; e++)
        if (lines[e] == OG_LINE_COORDINATION && ends[2 * e] != ends[2 * e + 1] &&
            up[local[ends[2 * e]]] >= 0)
            ek++;
    if (igraph_vector_int_init(&edges, 2 * ek) != IGRAPH_SUCCESS)
        goto out;
    for (igraph_integer_t e = 0; e < nl; e++)
        if (lines[e] == OG_LINE_COORDINATION && ends[2 * e] != ends[2 * e + 1] &&
            up[local[ends[2 * e]]] >= 0) {
            VECTOR(edges)[e2++] = up[local[ends[2 * e]]];
            VECTOR(edges)[e2++] = up[local[ends[2 * e + 1]]];
        }
    igraph_t g;
    igraph_vector_t res;
    igraph_error_t err = igraph_create(&g, &edges, nk, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (err != IGRAPH_SUCCESS) {
        st = og_i_from_igraph(err);
        goto out;
    }
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        igraph_destroy(&g);
        goto out;
    }
    err = a->betweenness_cutoff
              ? igraph_betweenness_cutoff(&g, &res, igraph_vss_all(), 0, NULL,
                                          a->betweenness_cutoff)
              : igraph_betweenness(&g, &res, igraph_vss_all(), 0, NULL);
    st = og_i_from_igraph(err);
    for (igraph_integer_t i = 0; st == OG_OK && i < nk; i++)
        if (VECTOR(res)[i] > 0)
            top_offer(a->central, &a->n_central, global[i], VECTOR(res)[i]);
    igraph_vector_destroy(&res);
    igraph_destroy(&g);
out:
    free(local);
    free(up);
    free(size);
    free(global);
    return st;
}

/* ------------------------------------------------------------------ whole */

og_status og_analyze(og_model *m, unsigned lines, og_analysis *a)
{
    og_init();
    memset(a, 0, sizeof *a);
    if (!lines || (lines & ~7u))
        return OG_EINVAL;
    a->units = og_model_unit_count(m);
    a->lines = lines;
    igraph_integer_t nl = og_model_link_count(m);
    const igraph_integer_t *ends = og_i_model_link_ends(m);
    unsigned char *linked = alloc_units(a->units, 1, 1);
    if (!linked)
        return OG_ENOMEM;
    for (igraph_integer_t e = 0; e < 2 * nl; e++)
        linked[ends[e]] = 1;
    og_status st = OG_OK;
    for (int l = 0; l < OG_LINE_COUNT && st == OG_OK; l++)
        if (lines & (1u << l))
            st = analyze_line(m, (og_line)l, linked, &a->line[l]);
    free(linked);
    if (st == OG_OK)
        st = compute_dual(m, a);
    if (st == OG_OK)
        st = compute_central(m, a);
    if (st != OG_OK)
        og_analysis_destroy(a);
    return st;
}

void og_analysis_destroy(og_analysis *a)
{
    for (int l = 0; l < OG_LINE_COUNT; l++)
        line_destroy(&a->line[l]);
    free(a->dual);
    free(a->dual_start);
    free(a->dual_sup);
    free(a->dual_line);
    memset(a, 0, sizeof *a);
}
