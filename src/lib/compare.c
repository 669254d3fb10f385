/*
 * compare.c: what a restructuring changed between two snapshots. Units are
 * matched by a transition where it names them, else by id; from the matches
 * follow the changes (removed, added, merged, split, moved, renamed) and the
 * chain of every old unit against the chain of the unit it went into. The
 * figures of each snapshot come from og_info and og_analyze; nothing here is
 * recomputed. O(n + m) per snapshot plus O(rows), and a sort of the chain
 * shifts.
 */
#include "compare.h"
#include "lineview.h"

#include <stdlib.h>
#include <string.h>

#define RANKING_LINES ((1u << OG_LINE_COMMAND) | (1u << OG_LINE_PARTY) | (1u << OG_LINE_GUIDANCE))

static const char *const change_names[OG_CHANGE_COUNT] = {
    "kept", "added", "removed", "merged", "split", "moved", "renamed"};

const char *og_change_name(og_change change)
{
    return (unsigned)change < OG_CHANGE_COUNT ? change_names[change] : "?";
}

int og_i_change_has(unsigned flags, og_change c)
{
    return c == OG_CHANGE_KEEP ? flags == 0 : (flags >> c) & 1u;
}

/* ------------------------------------------------------------ matching */

og_status og_i_match_images(const og_model *b, const og_model *a,
                            const og_transition *t, igraph_integer_t **start,
                            igraph_integer_t **images, og_diags *diags)
{
    igraph_integer_t nb = og_model_unit_count(b), nt = (igraph_integer_t)og_transition_count(t);
    igraph_integer_t *row_old = malloc(((size_t)nt + 1) * sizeof *row_old);
    igraph_integer_t *row_new = malloc(((size_t)nt + 1) * sizeof *row_new);
    igraph_integer_t *img_start = calloc((size_t)nb + 2, sizeof *img_start), *img = NULL;
    *start = *images = NULL;
    if (!row_old || !row_new || !img_start) {
        free(row_old), free(row_new), free(img_start);
        return OG_ENOMEM;
    }
    unsigned char *in_table = calloc((size_t)nb + 1, 1);
    for (igraph_integer_t r = 0; in_table && r < nt; r++) {
        const og_transition_row *row = og_transition_get(t, (size_t)r);
        row_old[r] = *row->old_id ? og_model_find(b, row->old_id) : -1;
        row_new[r] = *row->new_id ? og_model_find(a, row->new_id) : -1;
        if (*row->old_id && row_old[r] < 0)
            og_diags_add(diags, OG_WARNING, NULL, row->line, "unknown-unit", 0,
                         "transition row: unit '%s' is not in the before snapshot",
                         row->old_id);
        if (*row->new_id && row_new[r] < 0)
            og_diags_add(diags, OG_WARNING, NULL, row->line, "unknown-unit", 0,
                         "transition row: unit '%s' is not in the after snapshot",
                         row->new_id);
        if (row_old[r] >= 0) {
            in_table[row_old[r]] = 1;
            img_start[row_old[r] + 1] += row_new[r] >= 0;
        }
    }
    for (igraph_integer_t i = 0; in_table && i < nb; i++)
        if (!in_table[i])
            img_start[i + 1] += og_model_find(a, og_unit_id(b, i)) >= 0;
    for (igraph_integer_t i = 0; i < nb; i++)
        img_start[i + 1] += img_start[i];
    img = malloc(((size_t)img_start[nb] + 1) * sizeof *img);
    igraph_integer_t *fill = malloc(((size_t)nb + 1) * sizeof *fill);
    og_status st = in_table && img && fill ? OG_OK : OG_ENOMEM;
    if (st == OG_OK) {
        memcpy(fill, img_start, (size_t)nb * sizeof *fill);
        for (igraph_integer_t r = 0; r < nt; r++)
            if (row_old[r] >= 0 && row_new[r] >= 0)
                img[fill[row_old[r]]++] = row_new[r];
        for (igraph_integer_t i = 0; i < nb; i++) {
            igraph_integer_t j = in_table[i] ? -1 : og_model_find(a, og_unit_id(b, i));
            if (j >= 0)
                img[fill[i]++] = j;
        }
    }
    free(fill), free(in_table), free(row_old), free(row_new);
    if (st == OG_OK) {
        *start = img_start;
        *images = img;
    } else {
        free(img_start), free(img);
    }
    return st;
}

/* 1 when some command superior of after unit j is an image of a command
 * superior of before unit i, or neither has one. */
static int same_superiors(const og_comparison *c, const og_i_lineview *vb,
                          const og_i_lineview *va, igraph_integer_t i,
                          igraph_integer_t j)
{
    igraph_integer_t nb_sup = vb->sup_start[i + 1] - vb->sup_start[i];
    igraph_integer_t na_sup = va->sup_start[j + 1] - va->sup_start[j];
    if (!nb_sup || !na_sup)
        return nb_sup == na_sup;
    for (igraph_integer_t s = vb->sup_start[i]; s < vb->sup_start[i + 1]; s++) {
        igraph_integer_t old = vb->sup[s];
        for (igraph_integer_t k = c->img_start[old]; k < c->img_start[old + 1]; k++)
            for (igraph_integer_t q = va->sup_start[j]; q < va->sup_start[j + 1]; q++)
                if (va->sup[q] == c->img[k])
                    return 1;
    }
    return 0;
}

static og_status classify(og_comparison *c)
{
    og_model *b = c->m[0], *a = c->m[1];
    igraph_integer_t nb = og_model_unit_count(b), na = og_model_unit_count(a);
    igraph_integer_t *preds = calloc((size_t)na + 1, sizeof *preds);
    c->flags = calloc((size_t)nb + 1, 1);
    c->added = calloc((size_t)na + 1, 1);
    og_i_lineview vb, va;
    memset(&vb, 0, sizeof vb), memset(&va, 0, sizeof va);
    og_status st = preds && c->flags && c->added ? OG_OK : OG_ENOMEM;
    if (st == OG_OK)
        st = og_i_lineview_build(b, OG_LINE_COMMAND, &vb);
    if (st == OG_OK)
        st = og_i_lineview_build(a, OG_LINE_COMMAND, &va);
    for (igraph_integer_t k = 0; st == OG_OK && k < c->img_start[nb]; k++)
        preds[c->img[k]]++;
    for (igraph_integer_t i = 0; st == OG_OK && i < nb; i++) {
        igraph_integer_t n = c->img_start[i + 1] - c->img_start[i];
        igraph_integer_t j = n ? c->img[c->img_start[i]] : -1;
        unsigned f = 0;
        if (n == 0)
            f = OG_I_CH_REMOVED;
        else if (n > 1)
            f = OG_I_CH_SPLIT;
        else if (preds[j] > 1)
            f = OG_I_CH_MERGED;
        else {
            if (!same_superiors(c, &vb, &va, i, j))
                f |= OG_I_CH_MOVED;
            if (strcmp(og_unit_name(b, i), og_unit_name(a, j)))
                f |= OG_I_CH_RENAMED;
        }
        c->flags[i] = (unsigned char)f;
    }
    for (igraph_integer_t j = 0; st == OG_OK && j < na; j++)
        c->added[j] = preds[j] == 0;
    og_i_lineview_free(&vb);
    og_i_lineview_free(&va);
    free(preds);
    return st;
}

/* ------------------------------------------------------- chain shifts */

static int shift_cmp(const void *x, const void *y)
{
    const og_i_chain_shift *p = x, *q = y;
    if (p->kind != q->kind)
        return p->kind < q->kind ? -1 : 1;
    if (p->before != q->before)
        return p->before < q->before ? -1 : 1;
    return p->after < q->after ? -1 : p->after > q->after;
}

/* The chain (command line, shortest) of every matched old unit against that
 * of its first image, counted by kind, before and after chain. */
static og_status chain_shifts(og_comparison *c)
{
    igraph_integer_t nb = og_model_unit_count(c->m[0]), n = 0;
    const igraph_integer_t *cb = c->an[0].line[OG_LINE_COMMAND].chain_min;
    const igraph_integer_t *ca = c->an[1].line[OG_LINE_COMMAND].chain_min;
    og_i_chain_shift *s = malloc(((size_t)nb + 1) * sizeof *s);
    if (!s)
        return OG_ENOMEM;
    for (igraph_integer_t i = 0; i < nb; i++)
        if (c->img_start[i + 1] > c->img_start[i]
            && (cb[i] >= 0 || ca[c->img[c->img_start[i]]] >= 0))
            s[n++] = (og_i_chain_shift){og_unit_kind_index(c->m[0], i), cb[i],
                                        ca[c->img[c->img_start[i]]], 1};
    qsort(s, (size_t)n, sizeof *s, shift_cmp);
    size_t k = 0;
    for (igraph_integer_t i = 0; i < n; i++) {
        if (k && !shift_cmp(&s[k - 1], &s[i]))
            s[k - 1].units++;
        else
            s[k++] = s[i];
    }
    c->shifts = s;
    c->n_shifts = k;
    return OG_OK;
}

/* ---------------------------------------------------------------- API */

og_status og_compare(og_model *before, og_model *after,
                     const og_transition *transition, og_comparison **out,
                     og_diags *diags)
{
    og_init();
    *out = NULL;
    og_comparison *c = calloc(1, sizeof *c);
    if (!c)
        return OG_ENOMEM;
    c->m[0] = before;
    c->m[1] = after;
    c->by_transition = transition != NULL;
    og_status st = OG_OK;
    for (int s = 0; s < 2 && st == OG_OK; s++) {
        st = og_info_compute(c->m[s], &c->info[s]);
        if (st == OG_OK)
            st = og_analyze(c->m[s], RANKING_LINES, &c->an[s]);
    }
    if (st == OG_OK)
        st = og_i_match_images(before, after, transition, &c->img_start,
                               &c->img, diags);
    if (st == OG_OK)
        st = classify(c);
    if (st == OG_OK)
        st = chain_shifts(c);
    if (st != OG_OK)
        og_comparison_free(c);
    else
        *out = c;
    return st;
}

void og_comparison_free(og_comparison *c)
{
    if (!c)
        return;
    for (int s = 0; s < 2; s++) {
        og_info_destroy(&c->info[s]);
        og_analysis_destroy(&c->an[s]);
    }
    free(c->img_start), free(c->img), free(c->flags), free(c->added), free(c->shifts);
    free(c);
}

igraph_integer_t og_comparison_changed(const og_comparison *c, og_change change,
                                       const char *kind)
{
    igraph_integer_t n = 0;
    int side = change == OG_CHANGE_ADDED;
    const og_model *m = c->m[side];
    for (igraph_integer_t i = 0; i < og_model_unit_count(m); i++) {
        int hit = side ? c->added[i] : og_i_change_has(c->flags[i], change);
        n += hit && (!kind || !strcmp(og_unit_kind(m, i), kind));
    }
    return n;
}
