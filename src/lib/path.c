/*
 * path.c: the chain between two units. On each ranking line: up from the
 * first unit to the nearest common superior, then down to the second (two
 * upward breadth-first searches over the line's compressed rows). Across all
 * lines: igraph's shortest path over every link, in either direction.
 */
#include "internal.h"
#include "lineview.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Breadth-first search upward from src: dist[u] hops (or -1), via[u] the
 * subordinate it was reached from. O(n + m). */
static og_status bfs_up(const og_i_lineview *v, igraph_integer_t src,
                        igraph_integer_t *dist, igraph_integer_t *via)
{
    igraph_integer_t *queue = malloc(((size_t)v->n + 1) * sizeof *queue);
    if (!queue)
        return OG_ENOMEM;
    for (igraph_integer_t u = 0; u < v->n; u++)
        dist[u] = via[u] = -1;
    igraph_integer_t head = 0, tail = 0;
    dist[src] = 0;
    queue[tail++] = src;
    while (head < tail) {
        igraph_integer_t u = queue[head++];
        for (igraph_integer_t k = v->sup_start[u]; k < v->sup_start[u + 1]; k++)
            if (dist[v->sup[k]] < 0) {
                dist[v->sup[k]] = dist[u] + 1;
                via[v->sup[k]] = u;
                queue[tail++] = v->sup[k];
            }
    }
    free(queue);
    return OG_OK;
}

/* The chain from -> top -> to from the two searches. */
static og_status build_chain(og_path *p, og_line l, igraph_integer_t top,
                             const igraph_integer_t *dist_a, const igraph_integer_t *via_a,
                             const igraph_integer_t *dist_b, const igraph_integer_t *via_b)
{
    igraph_integer_t len = dist_a[top] + dist_b[top] + 1;
    igraph_integer_t *chain = malloc((size_t)len * sizeof *chain);
    if (!chain)
        return OG_ENOMEM;
    igraph_integer_t i = dist_a[top];
    for (igraph_integer_t u = top; u >= 0; u = via_a[u])
        chain[i--] = u;            /* from .. top, filled backwards */
    i = dist_a[top];
    for (igraph_integer_t u = top; u >= 0; u = via_b[u])
        chain[i++] = u;            /* top .. to */
    p->chain[l] = chain;
    p->chain_len[l] = len;
    p->top[l] = dist_a[top];
    return OG_OK;
}

static og_status path_on_line(og_model *m, og_line l, og_path *p)
{
    og_i_lineview v;
    og_status st = og_i_lineview_build(m, l, &v);
    if (st != OG_OK)
        return st;
    igraph_integer_t n = v.n;
    igraph_integer_t *buf = malloc(((size_t)n + 1) * 4 * sizeof *buf);
    if (!buf) {
        og_i_lineview_free(&v);
        return OG_ENOMEM;
    }
    igraph_integer_t *dist_a = buf, *via_a = buf + n + 1, *dist_b = buf + 2 * (n + 1),
                     *via_b = buf + 3 * (n + 1);
    st = bfs_up(&v, p->from, dist_a, via_a);
    if (st == OG_OK)
        st = bfs_up(&v, p->to, dist_b, via_b);
    igraph_integer_t top = -1;
    for (igraph_integer_t u = 0; st == OG_OK && u < n; u++)
        if (dist_a[u] >= 0 && dist_b[u] >= 0 &&
            (top < 0 || dist_a[u] + dist_b[u] < dist_a[top] + dist_b[top]))
            top = u;
    if (st == OG_OK && top >= 0)
        st = build_chain(p, l, top, dist_a, via_a, dist_b, via_b);
    free(buf);
    og_i_lineview_free(&v);
    return st;
}

/* Shortest route over every link, either direction (igraph BFS). */
static og_status route_all_lines(og_model *m, og_path *p)
{
    const igraph_t *g = og_model_graph(m);
    if (!g)
        return OG_ENOMEM;
    igraph_vector_int_t vs, es;
    if (igraph_vector_int_init(&vs, 0) != IGRAPH_SUCCESS)
        return OG_ENOMEM;
    if (igraph_vector_int_init(&es, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&vs);
        return OG_ENOMEM;
    }
    igraph_error_t err = igraph_get_shortest_path(g, &vs, &es, p->from, p->to, IGRAPH_ALL);
    og_status st = og_i_from_igraph(err);
    igraph_integer_t len = igraph_vector_int_size(&vs);
    if (st == OG_OK && len > 0) {
        p->route = malloc((size_t)len * sizeof *p->route);
        p->route_link = malloc((size_t)len * sizeof *p->route_link);
        if (!p->route || !p->route_link) {
            st = OG_ENOMEM;
        } else {
            p->route_len = len;
            for (igraph_integer_t i = 0; i < len; i++)
                p->route[i] = VECTOR(vs)[i];
            for (igraph_integer_t i = 0; i + 1 < len; i++)
                p->route_link[i] = VECTOR(es)[i];
        }
    }
    igraph_vector_int_destroy(&vs);
    igraph_vector_int_destroy(&es);
    return st;
}

og_status og_path_find(og_model *m, igraph_integer_t from, igraph_integer_t to,
                       unsigned lines, og_path *p)
{
    og_init();
    memset(p, 0, sizeof *p);
    igraph_integer_t n = og_model_unit_count(m);
    if (from < 0 || from >= n || to < 0 || to >= n || (lines & ~7u))
        return OG_EINVAL;
    p->from = from;
    p->to = to;
    p->lines = lines;
    og_status st = OG_OK;
    for (int l = 0; l < OG_LINE_COUNT && st == OG_OK; l++)
        if (lines & (1u << l))
            st = path_on_line(m, (og_line)l, p);
    if (st == OG_OK)
        st = route_all_lines(m, p);
    if (st != OG_OK)
        og_path_destroy(p);
    return st;
}

void og_path_destroy(og_path *p)
{
    for (int l = 0; l < OG_LINE_COUNT; l++)
        free(p->chain[l]);
    free(p->route);
    free(p->route_link);
    memset(p, 0, sizeof *p);
}

/* ------------------------------------------------------------------ JSON */

static json_t *ids_json(const og_model *m, const igraph_integer_t *u,
                        igraph_integer_t from, igraph_integer_t to)
{
    json_t *list = json_array();
    int bad = !list;
    for (igraph_integer_t i = from; !bad && i < to; i++)
        bad |= json_array_append_new(list, json_string(og_unit_id(m, u[i])));
    if (bad) {
        json_decref(list);
        return NULL;
    }
    return list;
}

static json_t *chain_json(const og_path *p, const og_model *m, og_line l)
{
    json_t *o = json_object();
    int bad = !o, found = p->chain[l] != NULL;
    bad |= og_i_json_set(o, "line", json_string(og_line_name(l)));
    bad |= og_i_json_set(o, "found", json_boolean(found));
    if (found) {
        bad |= og_i_json_set(o, "common_superior", json_string(og_unit_id(m, p->chain[l][p->top[l]])));
        bad |= og_i_json_set(o, "up", json_integer(p->top[l]));
        bad |= og_i_json_set(o, "down", json_integer(p->chain_len[l] - 1 - p->top[l]));
        bad |= og_i_json_set(o, "units", ids_json(m, p->chain[l], 0, p->chain_len[l]));
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* O(1). */
const char *og_path_step_direction(const og_path *p, const og_model *m,
                                   igraph_integer_t step)
{
    igraph_integer_t link = p->route_link[step];
    if (og_link_line(m, link) == OG_LINE_COORDINATION)
        return "across";
    return og_link_from(m, link) == p->route[step] ? "down" : "up";
}

static json_t *route_json(const og_path *p, const og_model *m)
{
    if (!p->route)
        return json_null();
    json_t *o = json_object(), *steps = json_array();
    int bad = !o || !steps;
    bad |= og_i_json_set(o, "hops", json_integer(p->route_len - 1));
    for (igraph_integer_t i = 0; !bad && i + 1 < p->route_len; i++) {
        json_t *s = json_object();
        igraph_integer_t e = p->route_link[i];
        bad |= !s;
        bad |= og_i_json_set(s, "from", json_string(og_unit_id(m, p->route[i])));
        bad |= og_i_json_set(s, "to", json_string(og_unit_id(m, p->route[i + 1])));
        bad |= og_i_json_set(s, "line", json_string(og_line_name(og_link_line(m, e))));
        bad |= og_i_json_set(s, "direction", json_string(og_path_step_direction(p, m, i)));
        bad |= json_array_append_new(steps, s);
    }
    bad |= og_i_json_set(o, "steps", steps);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

og_status og_path_json(const og_path *p, const og_model *m, og_buf *buf)
{
    json_t *doc = json_object(), *chains = json_array();
    int bad = !doc || !chains;
    bad |= og_i_json_set(doc, "from", json_string(og_unit_id(m, p->from)));
    bad |= og_i_json_set(doc, "to", json_string(og_unit_id(m, p->to)));
    for (int l = 0; !bad && l < OG_LINE_COUNT; l++)
        if (p->lines & (1u << l))
            bad |= json_array_append_new(chains, chain_json(p, m, (og_line)l));
    bad |= og_i_json_set(doc, "chains", chains);
    bad |= og_i_json_set(doc, "shortest_route", route_json(p, m));
    if (bad) {
        json_decref(doc);
        return OG_ENOMEM;
    }
    return og_i_json_dump(doc, buf);
}
