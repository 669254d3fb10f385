/*
 * plan_ops.c: the operations of a restructuring plan, one function each,
 * applied to the working organization of plan_apply.c. An operation that
 * names a unit that does not exist reports it (with the plan's line) and
 * does nothing, so that the rest of the plan is still checked.
 * Semantics are in docs/restructure.md.
 */
#include "plan_work.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

static int is_glob(const char *s)
{
    return strpbrk(s, "*?[") != NULL;
}

static const char *kv_or(const og_i_kv *kv, const char *key, const char *dflt)
{
    const char *v = og_i_kv_get(kv, key);
    return v ? v : dflt;
}

/* ------------------------------------------------------------- abolish */

/* Re-attaches x's subordinates on each ranking line to each of x's
 * superiors on that line, and its coordination links to its first command
 * superior; then x goes. */
static void abolish_unit(og_i_work *w, igraph_integer_t x)
{
    igraph_integer_t boss = -1;
    OG_I_EACH_IN(w, x, a)
        if (w->l[a].alive && w->l[a].line == OG_LINE_COMMAND && boss < 0)
            boss = w->l[a].from;
    OG_I_EACH_OUT(w, x, b) {
        og_i_wlink sub = w->l[b];
        if (!sub.alive || sub.line == OG_LINE_COORDINATION)
            continue;
        int placed = 0;
        OG_I_EACH_IN(w, x, a)
            if (w->l[a].alive && w->l[a].line == sub.line) {
                og_i_work_link(w, w->l[a].from, sub.to, sub.line, sub.src, sub.kv);
                placed = 1;
            }
        w->dropped += !placed;
    }
    for (int side = 0; side < 2; side++)
        for (igraph_integer_t e = side ? w->u[x].in_head : w->u[x].out_head; e >= 0;
             e = side ? w->l[e].next_in : w->l[e].next_out) {
            og_i_wlink c = w->l[e];
            if (!c.alive || c.line != OG_LINE_COORDINATION)
                continue;
            igraph_integer_t peer = side ? c.from : c.to;
            if (boss >= 0 && boss != peer)
                og_i_work_link(w, boss, peer, c.line, c.src, c.kv);
            else
                w->dropped++;
        }
    og_i_work_kill(w, x, FATE_ABOLISH);
}

/* 1 when live unit x matches every selector of an abolish. */
static int selected(const og_i_work *w, igraph_integer_t x, const og_i_kv *sel)
{
    for (; sel; sel = sel->next) {
        const char *v = !strcmp(sel->key, "kind")    ? w->u[x].kind
                        : !strcmp(sel->key, "level") ? w->u[x].level
                                                     : w->ids[x];
        if (fnmatch(sel->value, v, 0) != 0)
            return 0;
    }
    return 1;
}

/* Collects into w->queue the live units an abolish or remove names: ids,
 * id globs or selectors. Returns how many, reporting names that match none. */
static igraph_integer_t select_units(og_i_work *w, const og_i_op *op,
                                     const og_i_kv *selectors)
{
    igraph_integer_t n = 0, gen = og_i_work_generation(w);
    for (size_t k = 0; k < op->n_ids; k++) {
        const char *id = op->ids[k];
        if (!is_glob(id)) {
            igraph_integer_t x = og_i_work_find(w, id, 1);
            if (x >= 0 && w->mark[x] != gen) {
                w->mark[x] = gen;
                w->queue[n++] = x;
            }
            continue;
        }
        igraph_integer_t before = n;
        for (igraph_integer_t x = w->head; x >= 0; x = w->u[x].next)
            if (w->mark[x] != gen && fnmatch(id, w->ids[x], 0) == 0) {
                w->mark[x] = gen;
                w->queue[n++] = x;
            }
        if (n == before)
            og_i_work_error(w, "'%s' matches no unit", id);
    }
    if (selectors) {
        for (igraph_integer_t x = w->head; x >= 0; x = w->u[x].next)
            if (selected(w, x, selectors))
                w->queue[n++] = x;
        if (n == 0)
            og_i_work_error(w, "the selection matches no unit");
    }
    return n;
}

static void op_abolish(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t n = select_units(w, op, op->kv);
    igraph_integer_t *list = malloc(((size_t)n + 1) * sizeof *list);
    if (!list) {
        w->st = OG_ENOMEM;
        return;
    }
    memcpy(list, w->queue, (size_t)n * sizeof *list);
    for (igraph_integer_t k = 0; k < n; k++)
        abolish_unit(w, list[k]);
    free(list);
    if (w->dropped)
        og_i_work_note(w, "%ld link%s of abolished units had no superior to go to; "
                       "their subordinates are apexes now", w->dropped,
                       w->dropped == 1 ? "" : "s");
}

static void op_remove(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t n = select_units(w, op, op->kv);
    long orphans = 0;
    for (igraph_integer_t k = 0; k < n; k++) {
        igraph_integer_t x = w->queue[k];
        OG_I_EACH_OUT(w, x, e)
            orphans += w->l[e].alive && w->l[e].line == OG_LINE_COMMAND;
        og_i_work_kill(w, x, FATE_REMOVE);
    }
    if (orphans)
        og_i_work_note(w, "%ld command link%s to subordinates went with the removed "
                       "unit%s", orphans, orphans == 1 ? "" : "s", n == 1 ? "" : "s");
}

/* ------------------------------------------------------- new units */

/* A copy of list whose last node leads on to tail (lists are shared, so
 * never changed in place). */
static const og_i_kv *kv_chain(og_i_work *w, const og_i_kv *list,
                               const og_i_kv *tail)
{
    size_t n = 0;
    for (const og_i_kv *k = list; k; k = k->next)
        n++;
    og_i_kv *c = n ? og_i_work_alloc(w, n * sizeof *c) : NULL;
    if (!c)
        return tail;
    size_t i = 0;
    for (const og_i_kv *k = list; k; k = k->next, i++) {
        c[i].key = k->key;
        c[i].value = k->value;
        c[i].next = i + 1 < n ? &c[i + 1] : tail;
    }
    return c;
}

/* A new unit from a target, fields defaulting to proto's (-1: none),
 * placed before proto (or at the end). */
static igraph_integer_t make_unit(og_i_work *w, const og_i_target *t,
                                  igraph_integer_t proto)
{
    const og_i_wunit *p = proto >= 0 ? &w->u[proto] : NULL;
    if (og_i_work_find(w, t->id, 0) >= 0) {
        og_i_work_error(w, "unit '%s' already exists", t->id);
        return -1;
    }
    igraph_integer_t x = og_i_work_unit(
        w, t->id, t->name ? t->name : p ? p->name : "",
        kv_or(t->kv, "kind", p ? p->kind : ""), kv_or(t->kv, "level", p ? p->level : ""),
        p ? p->src : -1, NULL);
    if (x < 0) {
        if (w->st == OG_OK)
            og_i_work_error(w, "id '%s' was used by a unit gone at an earlier line", t->id);
        return -1;
    }
    w->u[x].kv = kv_chain(w, t->kv, proto >= 0 ? w->u[proto].kv : NULL);
    og_i_work_place(w, x, -1, proto);
    return x;
}

/* Applies a target's name, fields and attributes to an existing unit. */
static void update_unit(og_i_work *w, igraph_integer_t x, const og_i_target *t)
{
    og_i_wunit *u = &w->u[x];
    if (t->name && strcmp(t->name, u->name)) {
        u->name = t->name;
        u->renamed = 1;
    }
    u->kind = kv_or(t->kv, "kind", u->kind);
    u->level = kv_or(t->kv, "level", u->level);
    u->kv = kv_chain(w, t->kv, u->kv);
}

/* Resolves op->ids to live units in w->queue; 0 when any is missing. */
static igraph_integer_t resolve_ids(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t n = 0, gen = og_i_work_generation(w);
    int missing = 0;
    for (size_t k = 0; k < op->n_ids; k++) {
        igraph_integer_t x = og_i_work_find(w, op->ids[k], 1);
        if (x < 0)
            missing = 1;
        else if (w->mark[x] != gen) {
            w->mark[x] = gen;
            w->queue[n++] = x;
        }
    }
    return missing ? 0 : n;
}

static void op_merge(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t n = resolve_ids(w, op);
    if (!n)
        return;
    const og_i_target *t = op->targets;
    igraph_integer_t to = og_i_work_find(w, t->id, 0);
    if (to >= 0 && w->mark[to] != w->gen) {
        og_i_work_error(w, "unit '%s' already exists and is not merged", t->id);
        return;
    }
    if (to < 0)
        to = make_unit(w, t, w->queue[0]);
    else
        update_unit(w, to, t);
    if (to < 0)
        return;
    for (igraph_integer_t k = 0; k < n; k++) {
        igraph_integer_t x = w->queue[k];
        if (x == to)
            continue;
        og_i_work_redirect(w, x, to);
        og_i_work_kill(w, x, FATE_MERGE);
        og_i_work_fwd(w, x, to, "full");
    }
    if (w->dropped)
        og_i_work_note(w, "%ld link%s between the merged units became internal and "
                       "%s dropped", w->dropped, w->dropped == 1 ? "" : "s",
                       w->dropped == 1 ? "was" : "were");
}

static void op_split(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t x = og_i_work_find(w, op->ids[0], 1);
    if (x < 0)
        return;
    igraph_integer_t *parts = calloc(op->n_targets + 1, sizeof *parts);
    if (!parts) {
        w->st = OG_ENOMEM;
        return;
    }
    int keeps = 0;
    for (size_t k = 0; k < op->n_targets; k++) {
        const og_i_target *t = &op->targets[k];
        parts[k] = strcmp(t->id, w->ids[x]) ? make_unit(w, t, x) : x;
        if (parts[k] == x) {
            update_unit(w, x, t);
            keeps = 1;
        }
        if (parts[k] < 0)
            goto out;
    }
    /* every part answers to x's superiors; x's subordinates and peers go to
     * the first part */
    for (size_t k = 0; k < op->n_targets; k++)
        if (parts[k] != x)
            OG_I_EACH_IN(w, x, e)
                if (w->l[e].alive && w->l[e].line != OG_LINE_COORDINATION)
                    og_i_work_link(w, w->l[e].from, parts[k], w->l[e].line,
                                   w->l[e].src, w->l[e].kv);
    if (parts[0] != x) {
        OG_I_EACH_OUT(w, x, e)
            if (w->l[e].alive)
                og_i_work_link(w, parts[0], w->l[e].to, w->l[e].line, w->l[e].src, w->l[e].kv);
        OG_I_EACH_IN(w, x, e)
            if (w->l[e].alive && w->l[e].line == OG_LINE_COORDINATION)
                og_i_work_link(w, w->l[e].from, parts[0], w->l[e].line, w->l[e].src, w->l[e].kv);
    }
    if (!keeps)
        og_i_work_kill(w, x, FATE_SPLIT);
    for (size_t k = 0; k < op->n_targets; k++)
        if (parts[k] != x)
            og_i_work_fwd(w, x, parts[k], "partial");
out:
    free(parts);
}

/* --------------------------------------------------- moves and names */

/* 1 when `below` is `top` or under it on `line` (walks up from below). */
static int reaches(og_i_work *w, igraph_integer_t below, igraph_integer_t top,
                   int line)
{
    igraph_integer_t gen = og_i_work_generation(w), head = 0, tail = 0;
    w->queue[tail++] = below;
    w->mark[below] = gen;
    while (head < tail) {
        igraph_integer_t x = w->queue[head++];
        if (x == top)
            return 1;
        OG_I_EACH_IN(w, x, e)
            if (w->l[e].alive && w->l[e].line == line && w->mark[w->l[e].from] != gen) {
                w->mark[w->l[e].from] = gen;
                w->queue[tail++] = w->l[e].from;
            }
    }
    return 0;
}

static void op_transfer(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t to = og_i_work_find(w, op->ref, 1);
    for (size_t k = 0; k < op->n_ids; k++) {
        igraph_integer_t x = og_i_work_find(w, op->ids[k], 1);
        if (x < 0 || to < 0)
            continue;
        if (reaches(w, to, x, op->on)) {
            og_i_work_error(w, "transferring '%s' to '%s' would make a cycle on the "
                            "%s line", op->ids[k], op->ref, og_line_name(op->on));
            continue;
        }
        OG_I_EACH_IN(w, x, e)
            if (w->l[e].line == (int)op->on)
                w->l[e].alive = 0;
        og_i_work_link(w, to, x, op->on, -1, NULL);
        w->u[x].moved = 1;
    }
}

/* rename X "Name" [key=value...]; attr X|GLOB key=value... */
static void op_rename(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t n = select_units(w, op, NULL);
    for (igraph_integer_t k = 0; k < n; k++) {
        og_i_target t = {w->ids[w->queue[k]], op->text, op->kv};
        update_unit(w, w->queue[k], &t);
    }
}

static void op_add(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t boss = op->ref ? og_i_work_find(w, op->ref, 1) : -1;
    igraph_integer_t at = op->place ? og_i_work_find(w, op->place_ref, 1) : -1;
    if ((op->ref && boss < 0) || (op->place && at < 0))
        return;
    igraph_integer_t x = make_unit(w, op->targets, -1);
    if (x < 0)
        return;
    if (op->place)
        og_i_work_place(w, x, op->place, at);
    if (boss >= 0)
        og_i_work_link(w, boss, x, op->on, -1, NULL);
}

/* ---------------------------------------------------------------- links */

static void op_link(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t a = og_i_work_find(w, op->ids[0], 1);
    igraph_integer_t b = og_i_work_find(w, op->ref, 1);
    if (a < 0 || b < 0)
        return;
    if (a == b) {
        og_i_work_error(w, "a link from '%s' to itself", op->ref);
        return;
    }
    const og_i_kv *kv = kv_chain(w, op->kv, NULL);
    if (!og_i_work_link(w, a, b, op->on, -1, kv) && w->st == OG_OK)
        og_i_work_error(w, "the %s link '%s' -> '%s' exists already",
                        og_line_name(op->on), op->ids[0], op->ref);
}

static void op_unlink(og_i_work *w, const og_i_op *op)
{
    igraph_integer_t a = og_i_work_find(w, op->ids[0], 1);
    igraph_integer_t b = og_i_work_find(w, op->ref, 1);
    if (a < 0 || b < 0)
        return;
    int found = 0;
    OG_I_EACH_IN(w, b, e) {
        og_i_wlink *l = &w->l[e];
        if (l->alive && l->from == a && (!op->line_set || l->line == (int)op->on)) {
            l->alive = 0;
            found = 1;
        }
    }
    if (!found)
        og_i_work_error(w, "there is no %s%slink '%s' -> '%s'",
                        op->line_set ? og_line_name(op->on) : "",
                        op->line_set ? " " : "", op->ids[0], op->ref);
}

/* ----------------------------------------------------------- metadata */

static void op_meta(og_i_work *w, const og_i_op *op)
{
    size_t first = w->nm;
    if (op->kind != OG_I_OP_META)
        for (size_t i = 0; i < w->nm; i++)
            if (w->mkey[i] && !strcmp(w->mkey[i], op->text)) {
                if (first == w->nm && op->kind == OG_I_OP_SET)
                    first = i;
                else
                    w->mkey[i] = NULL;
            }
    if (op->kind == OG_I_OP_UNSET)
        return;
    if (first == w->nm) {
        if (w->nm == w->capm) {
            size_t cap = w->capm ? 2 * w->capm : 16;
            const char **k = realloc(w->mkey, cap * sizeof *k);
            if (k)
                w->mkey = k;
            const char **v = k ? realloc(w->mval, cap * sizeof *v) : NULL;
            if (!v) {
                w->st = OG_ENOMEM;
                return;
            }
            w->mval = v;
            w->capm = cap;
        }
        w->nm++;
    }
    w->mkey[first] = op->text;
    w->mval[first] = op->value;
}

/* ---------------------------------------------------------- transition */

/* One row of a transition table at the chosen level. */
typedef struct trow {
    const char *old_code, *new_code, *share;
    long line;
} trow;

/* One old unit -> one new unit of a transition operation. */
typedef struct tmap {
    igraph_integer_t old, img;
    const char *new_id, *code, *share;   /* code: the row's new_code */
    size_t order;
    long line;                           /* the row's line in the table */
} tmap;

typedef struct tread {
    const char *file, *level;
    og_diags *diags;
    long col[4];  /* level, old_code, new_code, share */
    int have_header;
    trow *rows;
    size_t n, cap;
    int errors;
} tread;

static int tread_record(void *vctx, char **f, size_t n, long line)
{
    static const char *const names[4] = {"level", "old_code", "new_code", "share"};
    tread *c = vctx;
    if (!c->have_header) {
        c->have_header = 1;
        for (int k = 0; k < 4; k++) {
            c->col[k] = -1;
            for (size_t i = 0; i < n; i++)
                if (!strcmp(f[i], names[k]))
                    c->col[k] = (long)i;
        }
        if (c->col[0] < 0 || c->col[1] < 0 || c->col[2] < 0) {
            og_diags_add(c->diags, OG_ERROR, c->file, line, "csv-header", 1,
                         "expected the header level,old_code,new_code,share");
            c->errors++;
            return 1;
        }
        return 0;
    }
    const char *v[4];
    for (int k = 0; k < 4; k++)
        v[k] = c->col[k] >= 0 && (size_t)c->col[k] < n ? f[c->col[k]] : "";
    if (strcmp(v[0], c->level))
        return 0;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 256;
        trow *r = realloc(c->rows, cap * sizeof *r);
        if (!r)
            return 1;
        c->rows = r;
        c->cap = cap;
    }
    c->rows[c->n++] = (trow){v[1], v[2], *v[3] ? v[3] : "full", line};
    return 0;
}

static int tmap_cmp(const void *a, const void *b)
{
    const tmap *x = a, *y = b;
    if (x->old != y->old)
        return x->old < y->old ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Prefix pairs of a transition operation, in the order written; pairs has
 * room for all of them. */
static size_t prefix_pairs(const og_i_op *op, const og_i_kv **pairs)
{
    size_t n = 0;
    for (const og_i_kv *k = op->kv; k; k = k->next)
        if (strcmp(k->key, "level"))
            pairs[n++] = k;
    for (size_t i = 0; i < n / 2; i++) {
        const og_i_kv *t = pairs[i];
        pairs[i] = pairs[n - 1 - i];
        pairs[n - 1 - i] = t;
    }
    return n;
}

/* The id prefix+code, in the work's arena. */
static const char *join_id(og_i_work *w, const char *prefix, const char *code)
{
    size_t a = strlen(prefix), b = strlen(code);
    char small[256], *tmp = a + b < sizeof small ? small : malloc(a + b + 1);
    const char *s = NULL;
    if (tmp) {
        memcpy(tmp, prefix, a);
        memcpy(tmp + a, code, b + 1);
        s = og_i_arena_strndup(&w->strings, tmp, a + b);
        if (tmp != small)
            free(tmp);
    }
    if (!s)
        w->st = OG_ENOMEM;
    return s ? s : "";
}

/* Resolves the rows into old -> new pairs, making the new units; returns
 * how many, or 0 after reporting problems. */
static size_t transition_map(og_i_work *w, const og_i_op *op, const tread *rd,
                             tmap *map, igraph_integer_t g_old, igraph_integer_t g_new)
{
    size_t count = 0;
    for (const og_i_kv *k = op->kv; k; k = k->next)
        count++;
    /* every pair (more than 64 were dropped silently before) */
    const og_i_kv **pairs = malloc((count + 1) * sizeof *pairs);
    if (!pairs) {
        w->st = OG_ENOMEM;
        return 0;
    }
    size_t np = prefix_pairs(op, pairs), n = 0;
    int bad = 0;
    for (size_t f = 0; f < np; f++)
        for (size_t r = 0; r < rd->n; r++) {
            const char *id = join_id(w, pairs[f]->key, rd->rows[r].old_code);
            igraph_integer_t x = og_i_work_find(w, id, 0);
            if (x < 0) {
                og_i_work_error(w, "unit '%s' does not exist (%s:%ld)", id, rd->file,
                                rd->rows[r].line);
                bad = 1;
                continue;
            }
            w->mark[x] = g_old;
            /* the table's text is freed after this operation; the forward
             * edges keep the share */
            const char *share = !strcmp(rd->rows[r].share, "full")
                                    ? "full" : join_id(w, "", rd->rows[r].share);
            map[n] = (tmap){x, -1, join_id(w, pairs[f]->value, rd->rows[r].new_code),
                            rd->rows[r].new_code, share, n, rd->rows[r].line};
            n++;
        }
    for (size_t k = 0; !bad && k < n; k++) {
        const char *id = map[k].new_id;
        igraph_integer_t x = og_i_work_find(w, id, 0);
        if (x >= 0 && w->mark[x] != g_old && w->mark[x] != g_new) {
            og_i_work_error(w, "unit '%s' already exists", id);
            bad = 1;
        } else if (x < 0) {
            const og_i_wunit *p = &w->u[map[k].old];
            x = og_i_work_unit(w, id, p->name, p->kind, p->level, p->src, p->kv);
            if (x < 0) {
                og_i_work_error(w, "id '%s' was used by a unit gone at an earlier line", id);
                bad = 1;
                continue;
            }
            og_i_work_place(w, x, -1, map[k].old);
            w->mark[x] = g_new;
        }
        map[k].img = x;
    }
    free(pairs);
    return bad ? 0 : n;
}

static igraph_integer_t primary(const tmap *g, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(g[k].share, "full"))
            return g[k].img;
    return g[0].img;
}

/* Links between two old units of the operation: image to image with the same
 * new code, else from o's primary image to every image of p. */
static void pair_links(og_i_work *w, const tmap *go, size_t no, const tmap *gp,
                       size_t np, const og_i_wlink *l)
{
    int paired = 0;
    for (size_t a = 0; a < no; a++)
        for (size_t b = 0; b < np; b++)
            if (!strcmp(go[a].code, gp[b].code)) {
                og_i_work_link(w, go[a].img, gp[b].img, l->line, l->src, l->kv);
                paired = 1;
            }
    for (size_t b = 0; !paired && b < np; b++)
        og_i_work_link(w, primary(go, no), gp[b].img, l->line, l->src, l->kv);
}

/* Re-attaches the links of one old unit (its group g of n pairs) to its
 * images; out0/in0 are its list heads before the operation added links. */
static void move_links(og_i_work *w, const tmap *map, const tmap *g, size_t n,
                       igraph_integer_t out0, igraph_integer_t in0,
                       igraph_integer_t g_old)
{
    igraph_integer_t o = g[0].old, first = primary(g, n);
    for (igraph_integer_t e = out0; e >= 0; e = w->l[e].next_out) {
        og_i_wlink l = w->l[e];
        if (!l.alive)
            continue;
        if (w->mark[l.to] == g_old && l.to != o) {
            size_t at = (size_t)w->queue[l.to], np = 1;
            while (map[at + np].old == l.to)
                np++;
            pair_links(w, g, n, &map[at], np, &l);
        } else
            og_i_work_link(w, first, l.to, l.line, l.src, l.kv);
    }
    for (igraph_integer_t e = in0; e >= 0; e = w->l[e].next_in) {
        og_i_wlink l = w->l[e];
        if (!l.alive || (w->mark[l.from] == g_old && l.from != o))
            continue;
        for (size_t k = 0; k < n; k++)
            if (l.line != OG_LINE_COORDINATION || g[k].img == first)
                og_i_work_link(w, l.from, g[k].img, l.line, l.src, l.kv);
    }
}

static void apply_map(og_i_work *w, tmap *map, size_t n, igraph_integer_t g_old,
                      const char *file)
{
    qsort(map, n, sizeof *map, tmap_cmp);
    map[n].old = -1; /* sentinel */
    for (size_t k = 0; k < n; k++)
        if (k == 0 || map[k].old != map[k - 1].old)
            w->queue[map[k].old] = (igraph_integer_t)k;
    /* An image that is an old unit of this operation must stay (map to
     * itself, as 08 -> 08): else what goes into it would go with it. With
     * the same prefix on both sides (cp-=cp-), rows 23716 -> 23710 and
     * 23710 -> 23737 made cp-23716's links vanish silently and its
     * transition name cp-23737. */
    int chained = 0;
    for (size_t k = 0; k < n; k++) {
        igraph_integer_t y = map[k].img;
        if (y == map[k].old || w->mark[y] != g_old)
            continue;
        int stays = 0;
        for (size_t j = (size_t)w->queue[y]; map[j].old == y; j++)
            stays |= map[j].img == y;
        if (!stays) {
            og_i_work_error(w, "'%s' would go into '%s' (%s:%ld), which this "
                            "table maps away as an old unit: give the new "
                            "units ids of their own (a prefix pair such as "
                            "cp-=cp-n)", w->ids[map[k].old], w->ids[y], file,
                            map[k].line);
            chained = 1;
        }
    }
    if (chained)
        return;
    igraph_integer_t *heads = malloc((2 * n + 1) * sizeof *heads);
    if (!heads) {
        w->st = OG_ENOMEM;
        return;
    }
    for (size_t k = 0; k < n; k++) {
        heads[2 * k] = w->u[map[k].old].out_head;
        heads[2 * k + 1] = w->u[map[k].old].in_head;
    }
    for (size_t k = 0, end; k < n; k = end) {
        for (end = k + 1; map[end].old == map[k].old; end++)
            ;
        move_links(w, map, &map[k], end - k, heads[2 * k], heads[2 * k + 1], g_old);
    }
    for (size_t k = 0, end; k < n; k = end) {
        int stays = 0;
        for (end = k; map[end].old == map[k].old; end++) {
            stays |= map[end].img == map[k].old;
            if (map[end].img != map[k].old)
                og_i_work_fwd(w, map[k].old, map[end].img, map[end].share);
        }
        if (!stays)
            og_i_work_kill(w, map[k].old, FATE_MAP);
    }
    free(heads);
}

static void op_transition(og_i_work *w, const og_i_op *op)
{
    char *path = op->value[0] == '/' || !strcmp(w->plan->dir, ".")
                     ? strdup(op->value) : og_i_path_join(w->plan->dir, op->value);
    char *data = NULL;
    size_t size = 0;
    tread rd = {0};
    rd.file = path;
    rd.level = og_i_kv_get(op->kv, "level");
    rd.diags = w->diags;
    if (!path || w->plan->read_table(w->plan->read_ctx, path, &data, &size,
                                     w->diags) != OG_OK) {
        og_i_work_error(w, "cannot read the transition table '%s'", op->value);
        goto out;
    }
    /* the table's codes become ids: NUL bytes and invalid UTF-8 are refused
     * as in a model file (found by fuzzing) */
    if (og_i_check_encoding(data, size, path, w->diags, 20) != 0) {
        w->errors++;
        goto out;
    }
    size_t before = og_diags_count_severity(w->diags, OG_ERROR);
    if (og_i_csv_read(data, size, path, w->diags, tread_record, &rd) != OG_OK)
        w->st = OG_ENOMEM;
    if (rd.errors || og_diags_count_severity(w->diags, OG_ERROR) > before) {
        w->errors++;
        goto out;
    }
    size_t pairs = 0;
    for (const og_i_kv *k = op->kv; k; k = k->next)
        pairs += strcmp(k->key, "level") != 0;
    tmap *map = malloc((rd.n * pairs + 1) * sizeof *map);
    if (!map) {
        w->st = OG_ENOMEM;
        goto out;
    }
    igraph_integer_t g_old = og_i_work_generation(w), g_new = og_i_work_generation(w);
    size_t n = transition_map(w, op, &rd, map, g_old, g_new);
    if (n)
        apply_map(w, map, n, g_old, rd.file);
    else if (!rd.n)
        og_i_work_error(w, "'%s' has no row at level '%s'", op->value, rd.level);
    free(map);
out:
    free(rd.rows);
    free(data);
    free(path);
}

/* ------------------------------------------------------------- dispatch */

void og_i_apply_op(og_i_work *w, const og_i_op *op)
{
    switch (op->kind) {
    case OG_I_OP_ABOLISH: op_abolish(w, op); break;
    case OG_I_OP_MERGE: op_merge(w, op); break;
    case OG_I_OP_SPLIT: op_split(w, op); break;
    case OG_I_OP_TRANSFER: op_transfer(w, op); break;
    case OG_I_OP_RENAME: op_rename(w, op); break;
    case OG_I_OP_ADD: op_add(w, op); break;
    case OG_I_OP_REMOVE: op_remove(w, op); break;
    case OG_I_OP_LINK: op_link(w, op); break;
    case OG_I_OP_UNLINK: op_unlink(w, op); break;
    case OG_I_OP_SET:
    case OG_I_OP_META:
    case OG_I_OP_UNSET: op_meta(w, op); break;
    case OG_I_OP_TRANSITION: op_transition(w, op); break;
    }
}
