/*
 * layout_compact.c: an org-chart layout linear in the number of units.
 *
 * Graphviz dot and igraph's Reingold-Tilford are quadratic on org trees (a
 * national police force of 10k units takes dot 15 s), so large charts are
 * laid out here and Graphviz only draws them from fixed positions.
 *
 * The shape: a parent's box sits over its children. Children that are
 * leaves are stacked in a block of columns (about three times as tall as
 * wide), so a span of 160 is eight columns, not 160 boxes side by side; the
 * leaf block and the subtrees of the other children are packed left to right
 * in rows, and a row wraps once it is wider than 1.4 times the square root
 * of the area of what it holds, so the chart stays near landscape proportions
 * at every size. Connectors are elbows: down from the parent to a bus, along
 * a trunk to the child's row or leaf column, then into the child.
 *
 * Two passes over a breadth-first order, no recursion: sizes bottom up
 * (reverse order), positions top down. A chain a million deep costs what a
 * bush does.
 */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct layout {
    const og_i_compact_params *p;
    igraph_integer_t n;
    igraph_integer_t *start, *kids; /* children of u: kids[start[u]..start[u+1]) */
    igraph_integer_t *order;        /* breadth-first, roots first */
    double *w, *h;                  /* subtree extent */
    double *ox, *oy;                /* subtree origin, relative to the parent's */
    double *trunk, *bus;            /* connector: trunk x, bus y (parent frame) */
    unsigned char *leafy;           /* 1 when stacked in a leaf column */
    igraph_integer_t *items;        /* scratch: the items of one parent */
    double *row_w, *row_h;          /* scratch: per row of one parent */
    igraph_integer_t *row_of;       /* scratch: row of each item */
} layout;

static void layout_free(layout *L)
{
    free(L->start);
    free(L->kids);
    free(L->order);
    free(L->w);
    free(L->h);
    free(L->ox);
    free(L->oy);
    free(L->trunk);
    free(L->bus);
    free(L->leafy);
    free(L->items);
    free(L->row_w);
    free(L->row_h);
    free(L->row_of);
}

static og_status layout_alloc(layout *L, igraph_integer_t n)
{
    size_t k = (size_t)n + 2;
    L->n = n;
    L->start = calloc(k, sizeof *L->start);
    L->kids = malloc(k * sizeof *L->kids);
    L->order = malloc(k * sizeof *L->order);
    L->w = malloc(k * sizeof *L->w);
    L->h = malloc(k * sizeof *L->h);
    L->ox = calloc(k, sizeof *L->ox);
    L->oy = calloc(k, sizeof *L->oy);
    L->trunk = calloc(k, sizeof *L->trunk);
    L->bus = calloc(k, sizeof *L->bus);
    L->leafy = calloc(k, 1);
    L->items = malloc(k * sizeof *L->items);
    L->row_w = malloc(k * sizeof *L->row_w);
    L->row_h = malloc(k * sizeof *L->row_h);
    L->row_of = malloc(k * sizeof *L->row_of);
    if (!L->start || !L->kids || !L->order || !L->w || !L->h || !L->ox ||
        !L->oy || !L->trunk || !L->bus || !L->leafy || !L->items ||
        !L->row_w || !L->row_h || !L->row_of)
        return OG_ENOMEM;
    return OG_OK;
}

/* Children in compressed rows (index order), roots as the children of a
 * virtual node n, and a breadth-first order from the roots. */
static void build_tree(layout *L, const igraph_integer_t *parent)
{
    igraph_integer_t n = L->n;
    for (igraph_integer_t u = 0; u < n; u++)
        L->start[(parent[u] < 0 ? n : parent[u]) + 1]++;
    for (igraph_integer_t u = 0; u <= n; u++)
        L->start[u + 1] += L->start[u];
    igraph_integer_t *fill = L->items; /* borrowed: free until packing */
    memcpy(fill, L->start, ((size_t)n + 1) * sizeof *fill);
    for (igraph_integer_t u = 0; u < n; u++)
        L->kids[fill[parent[u] < 0 ? n : parent[u]]++] = u;
    igraph_integer_t tail = 0;
    for (igraph_integer_t k = L->start[n]; k < L->start[n + 1]; k++)
        L->order[tail++] = L->kids[k];
    for (igraph_integer_t head = 0; head < tail; head++) {
        igraph_integer_t u = L->order[head];
        for (igraph_integer_t k = L->start[u]; k < L->start[u + 1]; k++)
            L->order[tail++] = L->kids[k];
    }
}

static int is_leaf(const layout *L, igraph_integer_t u)
{
    return u < L->n && L->start[u] == L->start[u + 1];
}

/* Places the leaf children of u in a block of columns at (bx, by) of u's
 * frame; returns the block's width and sets *bh to its height. */
static double place_leaves(layout *L, igraph_integer_t u, double bx, double by,
                           double *bh)
{
    const og_i_compact_params *p = L->p;
    igraph_integer_t nl = 0, cols = 1;
    for (igraph_integer_t k = L->start[u]; k < L->start[u + 1]; k++)
        nl += is_leaf(L, L->kids[k]);
    while (cols * cols * 3 < nl)
        cols++;
    igraph_integer_t rows = (nl + cols - 1) / cols, i = 0;
    double col_w = p->indent + p->node_w + p->gap_x / 2;
    for (igraph_integer_t k = L->start[u]; k < L->start[u + 1]; k++) {
        igraph_integer_t c = L->kids[k];
        if (!is_leaf(L, c))
            continue;
        L->ox[c] = bx + (double)(i / rows) * col_w + p->indent;
        L->oy[c] = by + (double)(i % rows) * (p->node_h + p->leaf_gap);
        L->trunk[c] = L->ox[c] - p->indent / 2;
        L->leafy[c] = 1;
        i++;
    }
    *bh = (double)rows * (p->node_h + p->leaf_gap) - p->leaf_gap;
    return (double)cols * col_w - p->gap_x / 2;
}

/* Packs items[0..k) (a leaf block marked by index L->n + 1, then subtrees)
 * in rows; sets rows, their sizes and each item's row. Returns the width of
 * the widest row. */
static double pack_rows(layout *L, igraph_integer_t k, double block_w,
                        double block_h, igraph_integer_t *n_rows)
{
    double area = 0, widest = 0, gx = L->p->gap_x;
    for (igraph_integer_t i = 0; i < k; i++) {
        igraph_integer_t c = L->items[i];
        double w = c > L->n ? block_w : L->w[c], h = c > L->n ? block_h : L->h[c];
        area += (w + gx) * (h + L->p->gap_y);
        widest = w > widest ? w : widest;
    }
    double target = fmax(widest, 1.4 * sqrt(area)), max_w = 0;
    igraph_integer_t r = 0;
    L->row_w[0] = L->row_h[0] = 0;
    for (igraph_integer_t i = 0; i < k; i++) {
        igraph_integer_t c = L->items[i];
        double w = c > L->n ? block_w : L->w[c], h = c > L->n ? block_h : L->h[c];
        if (L->row_w[r] > 0 && L->row_w[r] + gx + w > target) {
            r++;
            L->row_w[r] = L->row_h[r] = 0;
        }
        L->row_w[r] += (L->row_w[r] > 0 ? gx : 0) + w;
        L->row_h[r] = fmax(L->row_h[r], h);
        L->row_of[i] = r;
        max_w = fmax(max_w, L->row_w[r]);
    }
    *n_rows = k ? r + 1 : 0;
    return max_w;
}

/* Sizes the subtree of u (u == L->n: the virtual root over the roots, with
 * no box) and places its children in its frame. */
static void size_subtree(layout *L, igraph_integer_t u)
{
    const og_i_compact_params *p = L->p;
    double box_h = u < L->n ? p->node_h + p->gap_y : 0, block_w = 0, block_h = 0;
    igraph_integer_t k = 0, rows;
    int has_leaves = 0;
    for (igraph_integer_t j = L->start[u]; j < L->start[u + 1]; j++)
        has_leaves |= is_leaf(L, L->kids[j]);
    if (has_leaves)
        L->items[k++] = L->n + 1;
    for (igraph_integer_t j = L->start[u]; j < L->start[u + 1]; j++)
        if (!is_leaf(L, L->kids[j]))
            L->items[k++] = L->kids[j];
    if (has_leaves)
        block_w = place_leaves(L, u, 0, 0, &block_h);
    double width = fmax(u < L->n ? p->node_w : 0, pack_rows(L, k, block_w, block_h, &rows));
    double top = box_h, left = width, x = 0, cx = width / 2;
    igraph_integer_t r = -1;
    for (igraph_integer_t i = 0; i < k; i++) {
        if (L->row_of[i] != r) {
            if (r >= 0)
                top += L->row_h[r] + p->gap_y;
            r = L->row_of[i];
            x = (width - L->row_w[r]) / 2;
            left = fmin(left, x);
        }
        igraph_integer_t c = L->items[i];
        if (c > L->n) {
            for (igraph_integer_t j = L->start[u]; j < L->start[u + 1]; j++)
                if (L->leafy[L->kids[j]]) {
                    L->ox[L->kids[j]] += x, L->oy[L->kids[j]] += top;
                    L->trunk[L->kids[j]] += x;
                    L->bus[L->kids[j]] = box_h - p->gap_y / 2;
                }
            x += block_w + p->gap_x;
            continue;
        }
        L->ox[c] = x;
        L->oy[c] = top;
        L->trunk[c] = r == 0 ? cx : -1; /* -1: the left trunk, set below */
        L->bus[c] = top - p->gap_y / 2;
        x += L->w[c] + p->gap_x;
    }
    for (igraph_integer_t i = 0; i < k; i++)
        if (L->items[i] < L->n && L->trunk[L->items[i]] < 0)
            L->trunk[L->items[i]] = left - p->gap_x / 2;
    L->w[u] = width;
    L->h[u] = k ? top + L->row_h[r] : (u < L->n ? p->node_h : 0);
}

/* The connector of c, absolute: from the bottom of its parent's box down to
 * the parent's bus, along to the trunk, down to the child's row (or to the
 * leaf's middle), across and into the child. */
static void connector(const layout *L, igraph_integer_t c, double px, double py,
                      double fx, double fy, double cxc, double cyc, double *pt)
{
    const og_i_compact_params *p = L->p;
    double bus0 = fy + p->node_h + p->gap_y / 2, trunk = fx + L->trunk[c];
    double pts[OG_I_PATH_POINTS][2] = {
        {px, py + p->node_h / 2}, {px, bus0}, {trunk, bus0}};
    if (L->leafy[c]) {
        pts[3][0] = trunk, pts[3][1] = cyc;
        pts[4][0] = pts[5][0] = cxc - p->node_w / 2, pts[4][1] = pts[5][1] = cyc;
    } else {
        double bus = fy + L->bus[c];
        pts[3][0] = trunk, pts[3][1] = bus;
        pts[4][0] = cxc, pts[4][1] = bus;
        pts[5][0] = cxc, pts[5][1] = cyc - p->node_h / 2;
    }
    memcpy(pt, pts, sizeof pts);
}

og_status og_i_layout_compact(igraph_integer_t n, const igraph_integer_t *parent,
                              const og_i_compact_params *params, double *x,
                              double *y, double *path, double *width,
                              double *height)
{
    layout L;
    memset(&L, 0, sizeof L);
    L.p = params;
    og_status st = layout_alloc(&L, n);
    if (st != OG_OK)
        goto out;
    build_tree(&L, parent);
    for (igraph_integer_t i = n - 1; i >= 0; i--)
        size_subtree(&L, L.order[i]);
    size_subtree(&L, n);
    /* top down: frames become absolute (ox, oy), then centres and paths */
    for (igraph_integer_t i = 0; i < n; i++) {
        igraph_integer_t u = L.order[i], pu = parent[u];
        if (pu >= 0) {
            L.ox[u] += L.ox[pu];
            L.oy[u] += L.oy[pu];
        }
        x[u] = L.ox[u] + (L.leafy[u] ? params->node_w / 2 : L.w[u] / 2);
        y[u] = L.oy[u] + params->node_h / 2;
        if (pu >= 0)
            connector(&L, u, x[pu], y[pu], L.ox[pu], L.oy[pu], x[u], y[u],
                      path + 2 * OG_I_PATH_POINTS * u);
    }
    *width = L.w[n];
    *height = L.h[n];
out:
    layout_free(&L);
    return st;
}
