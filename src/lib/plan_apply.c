/*
 * plan_apply.c: applying a plan: the working organization (a copy of the
 * before model whose units and links can die), og_plan_apply, and building
 * the after model and its transition from what is left. The operations
 * themselves are in plan_ops.c. Nothing here recurses on depth; every look-up
 * by id is a hash probe.
 */
#include "plan_work.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((format(printf, 3, 0)))
static void work_diag(og_i_work *w, og_severity sev, const char *fmt, va_list ap)
{
    char msg[1024];
    og_i_vformat_cut(msg, sizeof msg, fmt, ap);
    if (og_diags_add(w->diags, sev, w->plan->path, w->line, "plan", 0, "%s",
                     msg) != OG_OK)
        w->st = OG_ENOMEM;
}

void og_i_work_error(og_i_work *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    work_diag(w, OG_ERROR, fmt, ap);
    va_end(ap);
    w->errors++;
}

void og_i_work_note(og_i_work *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    work_diag(w, OG_NOTE, fmt, ap);
    va_end(ap);
}

/* Grows an array to hold `want` items of `size` bytes. */
static int grow(og_i_work *w, void **arr, igraph_integer_t *cap,
                igraph_integer_t want, size_t size)
{
    if (want <= *cap)
        return 1;
    igraph_integer_t c = *cap ? *cap : 64;
    while (c < want)
        c *= 2;
    void *p = realloc(*arr, (size_t)c * size);
    if (!p) {
        w->st = OG_ENOMEM;
        return 0;
    }
    *arr = p;
    *cap = c;
    return 1;
}

void *og_i_work_alloc(og_i_work *w, size_t size)
{
    og_i_block *b = calloc(1, sizeof *b + size);
    if (!b) {
        w->st = OG_ENOMEM;
        return NULL;
    }
    b->next = w->blocks;
    w->blocks = b;
    return b->data;
}

igraph_integer_t og_i_work_generation(og_i_work *w)
{
    return ++w->gen;
}

igraph_integer_t og_i_work_find(og_i_work *w, const char *id, int report)
{
    int64_t x = og_i_strmap_get(&w->map, w->ids, id);
    if (x >= 0 && w->u[x].alive)
        return (igraph_integer_t)x;
    if (report)
        og_i_work_error(w, x >= 0 ? "unit '%s' no longer exists (gone at an "
                                    "earlier line)"
                                  : "unit '%s' does not exist", id);
    return -1;
}

static int units_grow(og_i_work *w, igraph_integer_t want)
{
    igraph_integer_t cap = w->cap, cap2 = w->cap, cap3 = w->cap;
    return grow(w, (void **)&w->u, &cap, want, sizeof *w->u)
        && grow(w, (void **)&w->ids, &cap2, want, sizeof *w->ids)
        && grow(w, (void **)&w->mark, &cap3, want, sizeof *w->mark)
        && grow(w, (void **)&w->queue, &w->cap, want, sizeof *w->queue);
}

igraph_integer_t og_i_work_unit(og_i_work *w, const char *id, const char *name,
                                const char *kind, const char *level,
                                igraph_integer_t src, const og_i_kv *kv)
{
    if (og_i_strmap_get(&w->map, w->ids, id) >= 0 || !units_grow(w, w->n + 1)
        || og_i_strmap_reserve(&w->map, 1) != OG_OK) {
        if (w->st == OG_OK && og_i_strmap_get(&w->map, w->ids, id) < 0)
            w->st = OG_ENOMEM;
        return -1;
    }
    igraph_integer_t x = w->n++;
    og_i_wunit *u = &w->u[x];
    memset(u, 0, sizeof *u);
    u->name = name ? name : "";
    u->kind = kind ? kind : "";
    u->level = level ? level : "";
    u->src = src;
    u->kv = kv;
    u->prev = u->next = u->out_head = u->in_head = u->fwd = -1;
    u->alive = 1;
    w->ids[x] = id;
    w->mark[x] = 0;
    if (og_i_strmap_put(&w->map, w->ids, id, x) != OG_OK)
        w->st = OG_ENOMEM;
    return x;
}

static void order_unlink(og_i_work *w, igraph_integer_t x)
{
    og_i_wunit *u = &w->u[x];
    if (u->prev >= 0)
        w->u[u->prev].next = u->next;
    else if (w->head == x)
        w->head = u->next;
    if (u->next >= 0)
        w->u[u->next].prev = u->prev;
    else if (w->tail == x)
        w->tail = u->prev;
    u->prev = u->next = -1;
}

void og_i_work_place(og_i_work *w, igraph_integer_t x, int where,
                     igraph_integer_t ref)
{
    order_unlink(w, x);
    if (ref < 0) {
        where = 1;
        ref = w->tail;
    }
    igraph_integer_t before = where < 0 ? (ref >= 0 ? w->u[ref].prev : -1) : ref;
    igraph_integer_t after = before >= 0 ? w->u[before].next : w->head;
    w->u[x].prev = before;
    w->u[x].next = after;
    if (before >= 0)
        w->u[before].next = x;
    else
        w->head = x;
    if (after >= 0)
        w->u[after].prev = x;
    else
        w->tail = x;
}

/* 1 when a live link from -> to on line exists (either way on coordination). */
static int link_exists(og_i_work *w, igraph_integer_t from, igraph_integer_t to,
                       int line)
{
    OG_I_EACH_IN(w, to, e)
        if (w->l[e].alive && w->l[e].from == from && w->l[e].line == line)
            return 1;
    if (line == OG_LINE_COORDINATION)
        OG_I_EACH_IN(w, from, e)
            if (w->l[e].alive && w->l[e].from == to && w->l[e].line == line)
                return 1;
    return 0;
}

int og_i_work_link(og_i_work *w, igraph_integer_t from, igraph_integer_t to,
                   int line, igraph_integer_t src, const og_i_kv *kv)
{
    if (from == to || link_exists(w, from, to, line)
        || !grow(w, (void **)&w->l, &w->capl, w->nl + 1, sizeof *w->l))
        return 0;
    igraph_integer_t e = w->nl++;
    og_i_wlink *k = &w->l[e];
    k->from = from;
    k->to = to;
    k->src = src;
    k->kv = kv;
    k->line = (unsigned char)line;
    k->alive = 1;
    k->next_out = w->u[from].out_head;
    k->next_in = w->u[to].in_head;
    w->u[from].out_head = e;
    w->u[to].in_head = e;
    return 1;
}

void og_i_work_kill(og_i_work *w, igraph_integer_t x, int fate)
{
    OG_I_EACH_OUT(w, x, e)
        w->l[e].alive = 0;
    OG_I_EACH_IN(w, x, e)
        w->l[e].alive = 0;
    w->u[x].alive = 0;
    w->u[x].fate = (unsigned char)fate;
    order_unlink(w, x);
}

void og_i_work_fwd(og_i_work *w, igraph_integer_t x, igraph_integer_t to,
                   const char *share)
{
    if (!grow(w, (void **)&w->f, &w->capf, w->nf + 1, sizeof *w->f))
        return;
    w->f[w->nf] = (og_i_wfwd){to, w->u[x].fwd, share};
    w->u[x].fwd = w->nf++;
}

void og_i_work_redirect(og_i_work *w, igraph_integer_t from, igraph_integer_t to)
{
    OG_I_EACH_OUT(w, from, e)
        if (w->l[e].alive) {
            w->dropped += w->l[e].to == to;
            og_i_work_link(w, to, w->l[e].to, w->l[e].line, w->l[e].src, w->l[e].kv);
        }
    OG_I_EACH_IN(w, from, e)
        if (w->l[e].alive) {
            w->dropped += w->l[e].from == to;
            og_i_work_link(w, w->l[e].from, to, w->l[e].line, w->l[e].src, w->l[e].kv);
        }
}

/* --------------------------------------------------------- set-up */

static og_status work_init(og_i_work *w, const og_plan *plan,
                           const og_model *b, og_diags *diags)
{
    memset(w, 0, sizeof *w);
    w->before = b;
    w->plan = plan;
    w->diags = diags;
    w->head = w->tail = -1;
    og_i_strmap_init(&w->map);
    og_i_arena_init(&w->strings);
    igraph_integer_t n = og_model_unit_count(b), m = og_model_link_count(b);
    if (!units_grow(w, n) || og_i_strmap_reserve(&w->map, (size_t)n) != OG_OK
        || !grow(w, (void **)&w->l, &w->capl, m, sizeof *w->l))
        return OG_ENOMEM;
    for (igraph_integer_t i = 0; i < n && w->st == OG_OK; i++) {
        og_i_work_unit(w, og_unit_id(b, i), og_unit_name(b, i), og_unit_kind(b, i),
                       og_unit_level(b, i), i, NULL);
        og_i_work_place(w, i, 1, -1);
    }
    for (igraph_integer_t e = 0; e < m && w->st == OG_OK; e++) {
        /* repeats and self-links of the before model are kept as they are */
        igraph_integer_t f = og_link_from(b, e), t = og_link_to(b, e);
        og_i_wlink *k = &w->l[w->nl++];
        *k = (og_i_wlink){f, t, e, w->u[f].out_head, w->u[t].in_head, NULL,
                          (unsigned char)og_link_line(b, e), 1};
        w->u[f].out_head = w->u[t].in_head = e;
    }
    for (size_t i = 0; i < og_model_meta_count(b) && w->st == OG_OK; i++) {
        igraph_integer_t cap = (igraph_integer_t)w->capm, cap2 = cap;
        if (!grow(w, (void **)&w->mkey, &cap, (igraph_integer_t)i + 1, sizeof *w->mkey)
            || !grow(w, (void **)&w->mval, &cap2, (igraph_integer_t)i + 1, sizeof *w->mval))
            break;
        w->capm = (size_t)cap;
        w->mkey[i] = og_model_meta_key(b, i);
        w->mval[i] = og_model_meta_value(b, i);
        w->nm = i + 1;
    }
    return w->st;
}

static void work_free(og_i_work *w)
{
    free(w->u), free(w->ids), free(w->l), free(w->f);
    free(w->mkey), free(w->mval), free(w->mark), free(w->queue);
    og_i_strmap_free(&w->map);
    og_i_arena_free(&w->strings);
    while (w->blocks) {
        og_i_block *next = w->blocks->next;
        free(w->blocks);
        w->blocks = next;
    }
}

/* ------------------------------------------------------ the after model */

/* Keys of a key=value list that are not attributes: a unit's fields and
 * add's line= option; a link's line= (the parser refuses the others). */
static int is_field(og_object obj, const char *key)
{
    return !strcmp(key, "line")
        || (obj == OG_UNIT && (!strcmp(key, "kind") || !strcmp(key, "level")));
}

/* Sets attributes: those of before's object src, then the overrides, the
 * oldest first so that the newest wins. */
static og_status copy_attrs(og_i_work *w, og_model *a, og_object obj,
                            igraph_integer_t idx, igraph_integer_t src,
                            const og_i_kv *kv)
{
    og_status st = OG_OK;
    const og_model *b = w->before;
    for (size_t c = 0; src >= 0 && st == OG_OK && c < og_model_attr_count(b, obj); c++) {
        const char *v = og_model_attr(b, obj, src, c);
        if (v && *v)
            st = og_i_model_set_attr_column(a, obj, idx, c, v);
    }
    /* the list is newest first: apply it from its end (every override, not
     * only the newest 64: more were dropped silently before) */
    const og_i_kv *small[64], **stack = small;
    size_t n = 0, total = 0;
    for (const og_i_kv *k = kv; k; k = k->next)
        total += !is_field(obj, k->key);
    if (total > 64 && !(stack = malloc(total * sizeof *stack)))
        return OG_ENOMEM;
    for (; kv; kv = kv->next)
        if (!is_field(obj, kv->key))
            stack[n++] = kv;
    while (st == OG_OK && n > 0) {
        n--;
        st = og_model_set_attr(a, obj, idx, stack[n]->key, stack[n]->value);
    }
    if (stack != small)
        free(stack);
    return st;
}

static og_status build_after(og_i_work *w, og_model **out)
{
    og_model *a = og_model_new();
    const og_model *b = w->before;
    og_status st = a ? OG_OK : OG_ENOMEM;
    for (int o = 0; st == OG_OK && o < 2; o++)   /* keep before's column order */
        for (size_t c = 0; c < og_model_attr_count(b, (og_object)o); c++)
            if (og_i_model_attr_column(a, (og_object)o, og_model_attr_name(b, (og_object)o, c)) < 0)
                st = OG_ENOMEM;
    igraph_integer_t *index = st == OG_OK ? malloc(((size_t)w->n + 1) * sizeof *index) : NULL;
    if (st == OG_OK && !index)
        st = OG_ENOMEM;
    igraph_integer_t k = 0;
    for (igraph_integer_t x = w->head; st == OG_OK && x >= 0; x = w->u[x].next) {
        const og_i_wunit *u = &w->u[x];
        index[x] = k;
        st = og_model_add_unit(a, w->ids[x], u->name, u->kind, u->level, NULL);
        if (st == OG_OK)
            st = copy_attrs(w, a, OG_UNIT, k, u->src, u->kv);
        k++;
    }
    for (igraph_integer_t e = 0; st == OG_OK && e < w->nl; e++) {
        const og_i_wlink *l = &w->l[e];
        if (!l->alive)
            continue;
        igraph_integer_t j;
        st = og_model_add_link(a, index[l->from], index[l->to], (og_line)l->line, &j);
        if (st == OG_OK)
            st = copy_attrs(w, a, OG_LINK, j, l->src, l->kv);
    }
    for (size_t i = 0; st == OG_OK && i < w->nm; i++)
        if (w->mkey[i])
            st = og_model_add_meta(a, w->mkey[i], w->mval[i]);
    free(index);
    if (st != OG_OK) {
        og_model_free(a);
        a = NULL;
    }
    *out = a;
    return st;
}

/* ------------------------------------------------------ the transition */

/* Follows forward edges from before unit i to the live units it went into,
 * appending them (once each) to w->queue[0..]; shares[] gets the first
 * share other than "full" met on the way, or "full". Returns how many. */
static igraph_integer_t images(og_i_work *w, igraph_integer_t i,
                               const char **shares, igraph_integer_t *stack,
                               const char **stack_share)
{
    igraph_integer_t gen = og_i_work_generation(w), n = 0, top = 0;
    stack[top] = i;
    stack_share[top++] = "full";
    w->mark[i] = gen;
    while (top > 0) {
        top--;
        igraph_integer_t x = stack[top];
        const char *share = stack_share[top];
        if (w->u[x].alive) {
            w->queue[n] = x;
            shares[n++] = share;
        }
        for (igraph_integer_t f = w->u[x].fwd; f >= 0; f = w->f[f].next) {
            igraph_integer_t y = w->f[f].to;
            if (w->mark[y] == gen)
                continue;
            w->mark[y] = gen;
            stack[top] = y;
            stack_share[top++] = strcmp(share, "full") ? share : w->f[f].share;
        }
    }
    return n;
}

static const char *operation(const og_i_work *w, igraph_integer_t i,
                             igraph_integer_t n_img, igraph_integer_t img,
                             const igraph_integer_t *preds)
{
    if (n_img == 0)
        return w->u[i].fate == FATE_REMOVE ? "remove" : "abolish";
    if (n_img > 1)
        return "split";
    if (preds[img] > 1)
        return "merge";
    if (w->u[img].moved)
        return "transfer";
    return strcmp(og_unit_name(w->before, i), w->u[img].name) ? "rename" : "keep";
}

static og_status build_transition(og_i_work *w, og_transition **out)
{
    igraph_integer_t nb = og_model_unit_count(w->before);
    og_transition *t = og_transition_new();
    igraph_integer_t *preds = calloc((size_t)w->n + 1, sizeof *preds);
    igraph_integer_t *stack = malloc(((size_t)w->n + 1) * sizeof *stack);
    const char **shares = malloc(((size_t)w->n + 1) * sizeof *shares);
    const char **stack_share = malloc(((size_t)w->n + 1) * sizeof *stack_share);
    og_status st = t && preds && stack && shares && stack_share ? OG_OK : OG_ENOMEM;
    for (int pass = 0; st == OG_OK && pass < 2; pass++)
        for (igraph_integer_t i = 0; st == OG_OK && i < nb; i++) {
            igraph_integer_t n = images(w, i, shares, stack, stack_share);
            for (igraph_integer_t k = 0; pass == 0 && k < n; k++)
                preds[w->queue[k]]++;
            if (pass == 0)
                continue;
            const char *op = operation(w, i, n, n ? w->queue[0] : -1, preds);
            if (n == 0)
                st = og_transition_add(t, w->ids[i], "", op, "", 0);
            for (igraph_integer_t k = 0; st == OG_OK && k < n; k++)
                st = og_transition_add(t, w->ids[i], w->ids[w->queue[k]], op,
                                       n > 1 && !strcmp(shares[k], "full") ? "partial" : shares[k], 0);
        }
    for (igraph_integer_t x = w->head; st == OG_OK && x >= 0; x = w->u[x].next)
        if (!preds[x])
            st = og_transition_add(t, "", w->ids[x], "add", "", 0);
    free(preds), free(stack), free(shares), free(stack_share);
    if (st != OG_OK) {
        og_transition_free(t);
        t = NULL;
    }
    *out = t;
    return st;
}

og_status og_plan_apply(const og_plan *plan, const og_model *before,
                        og_model **after, og_transition **transition,
                        og_diags *diags)
{
    og_init();
    *after = NULL;
    *transition = NULL;
    og_i_work w;
    og_status st = work_init(&w, plan, before, diags);
    for (size_t i = 0; st == OG_OK && i < plan->n; i++) {
        w.line = plan->ops[i].line;
        w.dropped = 0;
        og_i_apply_op(&w, &plan->ops[i]);
        st = w.st;
    }
    if (st == OG_OK && w.errors)
        st = OG_EFORMAT;
    if (st == OG_OK)
        st = build_after(&w, after);
    if (st == OG_OK)
        st = build_transition(&w, transition);
    if (st != OG_OK) {
        og_model_free(*after);
        *after = NULL;
    }
    work_free(&w);
    return st;
}
