/*
 * check.c: structural checks of a loaded model, and the per-line adjacency
 * (superiors and subordinates in compressed rows) they and the analyses use.
 *
 * Every check is linear in units and links and uses no recursion, so a chain
 * a million deep or a span a million wide costs what a short one does.
 */
#include "internal.h"
#include "lineview.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- line view */

void og_i_lineview_free(og_i_lineview *v)
{
    free(v->sup_start);
    free(v->sup);
    free(v->sub_start);
    free(v->sub);
    free(v->sup_link);
    free(v->sub_link);
    memset(v, 0, sizeof *v);
}

/* Builds superiors and subordinates of every unit on one line, leaving out
 * self-links (a unit is not its own superior). For coordination, each link
 * counts in both directions. Two passes over the links: counts, then each
 * entry at its row's cursor (start[u], which the fill moves one row on and
 * a final shift puts back). O(n + m). */
static og_status lineview_build(const og_model *m, og_line line, int with_links,
                                og_i_lineview *v)
{
    memset(v, 0, sizeof *v);
    igraph_integer_t n = og_model_unit_count(m), nl = og_model_link_count(m);
    const igraph_integer_t *ends = og_i_model_link_ends(m);
    const unsigned char *lines = og_i_model_link_lines(m);
    int sym = !og_line_ranks(line);
    v->n = n;
    if (n >= INT32_MAX || nl >= INT32_MAX)
        return OG_ENOMEM;
    v->sup_start = calloc((size_t)n + 2, sizeof *v->sup_start);
    v->sub_start = calloc((size_t)n + 2, sizeof *v->sub_start);
    if (!v->sup_start || !v->sub_start)
        goto oom;
    /* counts at u + 2, so that after the sums start[u + 1] is u's start and
     * the fill can use it as u's cursor */
    int32_t *sub_at = v->sub_start + 2, *sup_at = v->sup_start + 2;
    igraph_integer_t total = 0;
    for (igraph_integer_t e = 0; e < nl; e++) {
        igraph_integer_t a = ends[2 * e], b = ends[2 * e + 1];
        if (lines[e] != (unsigned char)line || a == b)
            continue;
        sub_at[a]++;
        sup_at[b]++;
        if (sym) {
            sub_at[b]++;
            sup_at[a]++;
        }
        v->links++;
    }
    total = sym ? 2 * v->links : v->links;
    if (total >= INT32_MAX)
        goto oom;
    for (igraph_integer_t u = 2; u <= n; u++) {
        v->sub_start[u] += v->sub_start[u - 1];
        v->sup_start[u] += v->sup_start[u - 1];
    }
    size_t cells = total ? (size_t)total : 1;
    v->sub = malloc(cells * sizeof *v->sub);
    v->sup = malloc(cells * sizeof *v->sup);
    if (with_links) {
        v->sub_link = malloc(cells * sizeof *v->sub_link);
        v->sup_link = malloc(cells * sizeof *v->sup_link);
    }
    if (!v->sub || !v->sup || (with_links && (!v->sub_link || !v->sup_link)))
        goto oom;
    int32_t *sub_cur = v->sub_start + 1, *sup_cur = v->sup_start + 1;
    for (igraph_integer_t e = 0; e < nl; e++) {
        igraph_integer_t a = ends[2 * e], b = ends[2 * e + 1];
        if (lines[e] != (unsigned char)line || a == b)
            continue;
        int32_t i = sub_cur[a]++, j = sup_cur[b]++;
        v->sub[i] = (int32_t)b;
        v->sup[j] = (int32_t)a;
        if (with_links) {
            v->sub_link[i] = (int32_t)e;
            v->sup_link[j] = (int32_t)e;
        }
        if (sym) {
            i = sub_cur[b]++;
            j = sup_cur[a]++;
            v->sub[i] = (int32_t)a;
            v->sup[j] = (int32_t)b;
            if (with_links) {
                v->sub_link[i] = (int32_t)e;
                v->sup_link[j] = (int32_t)e;
            }
        }
    }
    /* the cursors now hold each row's end, which is the next row's start */
    return OG_OK;
oom:
    og_i_lineview_free(v);
    return OG_ENOMEM;
}

og_status og_i_lineview_build(const og_model *m, og_line line, og_i_lineview *v)
{
    return lineview_build(m, line, 0, v);
}

og_status og_i_lineview_build_links(const og_model *m, og_line line,
                                    og_i_lineview *v)
{
    return lineview_build(m, line, 1, v);
}

/* Marks the units reachable downward from the apexes of a ranking line
 * (Kahn's algorithm): reached[u] = 1 when every chain above u ends at an apex.
 * Units left unmarked sit on a cycle or below one. Returns how many. */
igraph_integer_t og_i_lineview_unreached(const og_i_lineview *v,
                                         unsigned char *reached)
{
    igraph_integer_t n = v->n;
    igraph_integer_t *indeg = malloc(((size_t)n + 1) * sizeof *indeg);
    igraph_integer_t *queue = malloc(((size_t)n + 1) * sizeof *queue);
    if (!indeg || !queue) {
        free(indeg);
        free(queue);
        return -1;
    }
    igraph_integer_t head = 0, tail = 0;
    for (igraph_integer_t u = 0; u < n; u++) {
        indeg[u] = v->sup_start[u + 1] - v->sup_start[u];
        reached[u] = 0;
        if (indeg[u] == 0)
            queue[tail++] = u;
    }
    while (head < tail) {
        igraph_integer_t u = queue[head++];
        reached[u] = 1;
        for (igraph_integer_t k = v->sub_start[u]; k < v->sub_start[u + 1]; k++)
            if (--indeg[v->sub[k]] == 0)
                queue[tail++] = v->sub[k];
    }
    free(indeg);
    free(queue);
    return n - tail;
}

/* Marks in reach[] the units that some chain joins to an apex (a downward
 * breadth-first search from every unit with no superior). Returns how many
 * are not reached, or -1 when out of memory. */
igraph_integer_t og_i_lineview_reach(const og_i_lineview *v,
                                     unsigned char *reach)
{
    igraph_integer_t n = v->n, head = 0, tail = 0;
    igraph_integer_t *queue = malloc(((size_t)n + 1) * sizeof *queue);
    if (!queue)
        return -1;
    for (igraph_integer_t u = 0; u < n; u++) {
        reach[u] = v->sup_start[u + 1] == v->sup_start[u];
        if (reach[u])
            queue[tail++] = u;
    }
    while (head < tail) {
        igraph_integer_t u = queue[head++];
        for (igraph_integer_t k = v->sub_start[u]; k < v->sub_start[u + 1]; k++)
            if (!reach[v->sub[k]]) {
                reach[v->sub[k]] = 1;
                queue[tail++] = v->sub[k];
            }
    }
    free(queue);
    return n - tail;
}

/* ----------------------------------------------------------------- check */

#define CYCLE_SHOWN 12   /* units printed of a long cycle */

static og_status report_cycle(og_model *m, og_line line,
                              const igraph_integer_t *cyc, igraph_integer_t len,
                              og_diags *diags)
{
    /* start at the unit added first, so the text does not depend on where
     * the walk happened to begin */
    igraph_integer_t start = 0;
    for (igraph_integer_t i = 1; i < len; i++)
        if (cyc[i] < cyc[start])
            start = i;
    og_buf b;
    og_buf_init(&b);
    igraph_integer_t shown = len <= CYCLE_SHOWN ? len : CYCLE_SHOWN - 2;
    for (igraph_integer_t i = 0; i < shown; i++) {
        og_buf_puts(&b, og_unit_id(m, cyc[(start + i) % len]));
        og_buf_puts(&b, " -> ");
    }
    if (shown < len) {
        og_buf_printf(&b, "... (%ld more) -> ", (long)(len - shown - 1));
        og_buf_puts(&b, og_unit_id(m, cyc[(start + len - 1) % len]));
        og_buf_puts(&b, " -> ");
    }
    og_buf_puts(&b, og_unit_id(m, cyc[start]));
    if (b.failed) {
        og_buf_free(&b);
        return OG_ENOMEM;
    }
    const char *file;
    long fline;
    og_model_origin(m, OG_UNIT, cyc[start], &file, &fline);
    og_status st = og_diags_add(
        diags, OG_ERROR, file, fline, "cycle", 0,
        "cycle on the %s line (%ld unit%s, each its own superior's superior; "
        "none reaches an apex): %s", og_line_name(line), (long)len,
        len == 1 ? "" : "s", b.data);
    og_buf_free(&b);
    return st;
}

/* Finds cycles among the units Kahn's algorithm could not reach: walking up
 * from any of them through unreached superiors must come back to a unit
 * already on the walk. Each walk stops at units seen by an earlier walk, so
 * the whole search is O(n + m) and reports each cycle it meets once; units
 * on a reported cycle are marked in on_cycle. */
static og_status find_cycles(og_model *m, og_line line, const og_i_lineview *v,
                             const unsigned char *reached, og_diags *diags,
                             unsigned char *on_cycle)
{
    igraph_integer_t n = v->n;
    igraph_integer_t *stamp = calloc((size_t)n + 1, sizeof *stamp);
    igraph_integer_t *pos = malloc(((size_t)n + 1) * sizeof *pos);
    igraph_integer_t *walk = malloc(((size_t)n + 1) * sizeof *walk);
    og_status st = OG_OK;
    if (!stamp || !pos || !walk) {
        st = OG_ENOMEM;
        goto out;
    }
    for (igraph_integer_t s = 0; s < n && st == OG_OK; s++) {
        if (reached[s] || stamp[s])
            continue;
        igraph_integer_t len = 0, u = s, id = s + 1;
        int stuck = 0;
        while (!stamp[u]) {
            stamp[u] = id;
            pos[u] = len;
            walk[len++] = u;
            igraph_integer_t up = -1;
            for (igraph_integer_t k = v->sup_start[u]; k < v->sup_start[u + 1]; k++)
                if (!reached[v->sup[k]]) {
                    up = v->sup[k];
                    break;
                }
            if (up < 0) {
                stuck = 1; /* impossible for an unreached unit; be safe */
                break;
            }
            u = up;
        }
        if (stuck || stamp[u] != id)
            continue; /* joined an earlier walk: nothing new */
        /* walk[pos[u]] .. walk[len-1] is the cycle, walked upward; print it
         * downward, superior -> subordinate */
        igraph_integer_t clen = len - pos[u];
        igraph_integer_t *cyc = malloc((size_t)clen * sizeof *cyc);
        if (!cyc) {
            st = OG_ENOMEM;
            break;
        }
        for (igraph_integer_t i = 0; i < clen; i++) {
            cyc[i] = walk[len - 1 - i];
            on_cycle[cyc[i]] = 1;
        }
        st = report_cycle(m, line, cyc, clen, diags);
        free(cyc);
    }
out:
    free(stamp);
    free(pos);
    free(walk);
    return st;
}

static og_status check_line(og_model *m, og_line line, const og_i_lineview *vp,
                            og_diags *diags)
{
    og_i_lineview v = *vp;
    og_status st = OG_OK;
    igraph_integer_t n = v.n;
    unsigned char *reached = malloc((size_t)n + 1);
    unsigned char *on_cycle = calloc((size_t)n + 1, 1);
    igraph_integer_t unreached = -1;
    if (reached && on_cycle)
        unreached = og_i_lineview_unreached(&v, reached);
    if (unreached < 0) {
        st = OG_ENOMEM;
    } else if (unreached > 0) {
        st = find_cycles(m, line, &v, reached, diags, on_cycle);
        /* units no chain joins to an apex, not on a cycle themselves (those
         * were named with it): name the first few. reached[] is reused. */
        if (st == OG_OK && og_i_lineview_reach(&v, reached) < 0)
            st = OG_ENOMEM;
        og_buf b;
        og_buf_init(&b);
        igraph_integer_t below = 0, first = -1;
        for (igraph_integer_t u = 0; u < n && st == OG_OK; u++) {
            if (reached[u] || on_cycle[u])
                continue;
            if (below < 5) {
                og_buf_puts(&b, below ? ", " : "");
                og_buf_puts(&b, og_unit_id(m, u));
            }
            if (first < 0)
                first = u;
            below++;
        }
        if (st == OG_OK && below > 0) {
            const char *file;
            long fline;
            og_model_origin(m, OG_UNIT, first, &file, &fline);
            st = og_diags_add(diags, OG_ERROR, file, fline, "no-apex", 0,
                              "%ld unit%s below a cycle on the %s line reach%s "
                              "no apex: %s%s", (long)below,
                              below == 1 ? "" : "s", og_line_name(line),
                              below == 1 ? "es" : "", b.data ? b.data : "",
                              below > 5 ? ", ..." : "");
        }
        og_buf_free(&b);
    }
    free(reached);
    free(on_cycle);
    return st;
}

/* Links repeated with the same endpoints on one line (either order, for
 * coordination): one pass over each unit's links with a stamp per unit,
 * O(n + m). seen and first are scratch arrays of n entries. */
static og_status check_repeats(og_model *m, og_line l, const og_i_lineview *v,
                               igraph_integer_t *seen, igraph_integer_t *first,
                               og_diags *diags)
{
    og_status st = OG_OK;
    igraph_integer_t n = v->n;
    int sym = !og_line_ranks(l);
    for (igraph_integer_t u = 0; u < n; u++)
        seen[u] = -1;
    for (igraph_integer_t u = 0; u < n && st == OG_OK; u++) {
        /* a unit's own links first, then (coordination) those naming it
         * second, so a pair listed both ways is caught as a repeat */
        for (int pass = 0; pass < 1 + sym && st == OG_OK; pass++) {
            for (igraph_integer_t k = v->sub_start[u]; k < v->sub_start[u + 1]; k++) {
                igraph_integer_t w = v->sub[k], e = v->sub_link[k];
                if (sym && (og_link_from(m, e) == u) != (pass == 0))
                    continue;
                if (seen[w] != u) {
                    seen[w] = u;
                    first[w] = e;
                    continue;
                }
                /* a second pass sees links naming u from the other side:
                 * only a reverse of u's own link, met later, is a repeat */
                if (pass == 1 && (og_link_from(m, first[w]) != u || e < first[w]))
                    continue;
                const char *file, *ffile;
                long line, fline;
                og_model_origin(m, OG_LINK, e, &file, &line);
                og_model_origin(m, OG_LINK, first[w], &ffile, &fline);
                st = og_diags_add(diags, OG_WARNING, file, line, "repeated-link", 0,
                                  "%s link '%s' -> '%s' repeats the one at line %ld%s",
                                  og_line_name(l), og_unit_id(m, og_link_from(m, e)),
                                  og_unit_id(m, og_link_to(m, e)), fline,
                                  sym ? " (coordination is symmetric)" : "");
            }
        }
    }
    return st;
}

/* Self-links, and units with no link at all. */
static og_status check_links(og_model *m, og_diags *diags)
{
    igraph_integer_t n = og_model_unit_count(m), nl = og_model_link_count(m);
    og_status st = OG_OK;
    for (igraph_integer_t e = 0; e < nl && st == OG_OK; e++) {
        if (og_link_from(m, e) != og_link_to(m, e))
            continue;
        const char *file;
        long line;
        og_model_origin(m, OG_LINK, e, &file, &line);
        st = og_diags_add(diags, OG_ERROR, file, line, "self-link", 0,
                          "unit '%s' is linked to itself on the %s line",
                          og_unit_id(m, og_link_from(m, e)),
                          og_line_name(og_link_line(m, e)));
    }
    if (st != OG_OK || n < 2)
        return st;
    /* units with no link at all: legal, but usually a forgotten parent */
    unsigned char *linked = calloc((size_t)n, 1);
    if (!linked)
        return OG_ENOMEM;
    for (igraph_integer_t e = 0; e < nl; e++) {
        linked[og_link_from(m, e)] = 1;
        linked[og_link_to(m, e)] = 1;
    }
    for (igraph_integer_t u = 0; u < n && st == OG_OK; u++) {
        if (linked[u])
            continue;
        const char *file;
        long line;
        og_model_origin(m, OG_UNIT, u, &file, &line);
        st = og_diags_add(diags, OG_WARNING, file, line, "isolated-unit", 0,
                          "unit '%s' has no link to any other unit (a second "
                          "apex: is its parent missing?)", og_unit_id(m, u));
    }
    free(linked);
    return st;
}

og_status og_model_check(og_model *m, og_diags *diags)
{
    igraph_integer_t n = og_model_unit_count(m);
    igraph_integer_t *seen = malloc(((size_t)n + 1) * sizeof *seen);
    igraph_integer_t *first = malloc(((size_t)n + 1) * sizeof *first);
    og_status st = seen && first ? OG_OK : OG_ENOMEM;
    /* each line's view is built once and serves every check on that line */
    for (int l = 0; l < OG_LINE_COUNT && st == OG_OK; l++) {
        og_i_lineview v;
        st = og_i_lineview_build_links(m, (og_line)l, &v);
        if (st != OG_OK)
            break;
        if (og_line_ranks((og_line)l))
            st = check_line(m, (og_line)l, &v, diags);
        if (st == OG_OK)
            st = check_repeats(m, (og_line)l, &v, seen, first, diags);
        og_i_lineview_free(&v);
    }
    free(seen);
    free(first);
    if (st == OG_OK)
        st = check_links(m, diags);
    return st;
}
