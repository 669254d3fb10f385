/*
 * plan_work.h: the working organization a plan is applied to (plan_apply.c
 * and plan_ops.c): units and links that can die, lists of each unit's links,
 * an output order, and forward edges that record where dead units went, so
 * that the transition can be derived at the end.
 */
#ifndef ORGRAPH_PLAN_WORK_H
#define ORGRAPH_PLAN_WORK_H

#include "plan.h"

/* Why a unit died; FATE_NONE while alive. */
enum { FATE_NONE, FATE_ABOLISH, FATE_REMOVE, FATE_MERGE, FATE_SPLIT, FATE_MAP };

typedef struct og_i_wunit {
    const char *name, *kind, *level;
    igraph_integer_t src;          /* before unit it inherits attributes from */
    const og_i_kv *kv;             /* attribute overrides, newest first */
    igraph_integer_t prev, next;   /* output order */
    igraph_integer_t out_head, in_head; /* its links as superior / subordinate */
    igraph_integer_t fwd;          /* first forward edge, -1 none */
    unsigned char alive, fate, renamed, moved;
} og_i_wunit;

typedef struct og_i_wlink {
    igraph_integer_t from, to, src;  /* src: before link, -1 new */
    igraph_integer_t next_out, next_in;
    const og_i_kv *kv;
    unsigned char line, alive;
} og_i_wlink;

typedef struct og_i_wfwd {
    igraph_integer_t to, next;
    const char *share;
} og_i_wfwd;

typedef struct og_i_work {
    const og_model *before;
    const og_plan *plan;
    og_diags *diags;
    og_i_wunit *u;  const char **ids;  igraph_integer_t n, cap;
    og_i_wlink *l;  igraph_integer_t nl, capl;
    og_i_wfwd *f;   igraph_integer_t nf, capf;
    og_i_strmap map;
    igraph_integer_t head, tail;
    const char **mkey, **mval;  size_t nm, capm;   /* meta; key NULL: dead */
    igraph_integer_t *mark;     /* per unit, generation stamps */
    igraph_integer_t gen;
    igraph_integer_t *queue;    /* scratch, one entry a unit */
    og_i_arena strings;
    og_i_block *blocks;         /* override lists made while applying */
    long line;                  /* line of the operation being applied */
    long dropped;               /* links with nowhere to go, this operation */
    int errors;
    og_status st;
} og_i_work;

#define OG_I_EACH_OUT(w, x, e) \
    for (igraph_integer_t e = (w)->u[x].out_head; e >= 0; e = (w)->l[e].next_out)
#define OG_I_EACH_IN(w, x, e) \
    for (igraph_integer_t e = (w)->u[x].in_head; e >= 0; e = (w)->l[e].next_in)

/* plan_apply.c: the working organization */
void og_i_work_error(og_i_work *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void og_i_work_note(og_i_work *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Zeroed memory freed with the work; NULL (and w->st set) when out of memory. */
void *og_i_work_alloc(og_i_work *w, size_t size);
/* The live unit with this id, or -1 (reported as an error when `report`). */
igraph_integer_t og_i_work_find(og_i_work *w, const char *id, int report);
/* A new unit, not yet in the output order; -1 when the id was ever used. */
igraph_integer_t og_i_work_unit(og_i_work *w, const char *id, const char *name,
                                const char *kind, const char *level,
                                igraph_integer_t src, const og_i_kv *kv);
/* Places x just before (where < 0) or after ref, or at the end (ref < 0). */
void og_i_work_place(og_i_work *w, igraph_integer_t x, int where,
                     igraph_integer_t ref);
/* Adds a live link unless it is a self-link or repeats a live one (on
 * coordination, in either direction); returns 1 added, 0 not. */
int og_i_work_link(og_i_work *w, igraph_integer_t from, igraph_integer_t to,
                   int line, igraph_integer_t src, const og_i_kv *kv);
void og_i_work_kill(og_i_work *w, igraph_integer_t x, int fate);
void og_i_work_fwd(og_i_work *w, igraph_integer_t x, igraph_integer_t to,
                   const char *share);
/* Copies every live link of `from` to `to` (repeats merged; links between
 * the two, which would become self-links, are dropped and counted in
 * w->dropped). The caller kills `from`. */
void og_i_work_redirect(og_i_work *w, igraph_integer_t from, igraph_integer_t to);
/* A new generation of w->mark (marks of older generations are stale). */
igraph_integer_t og_i_work_generation(og_i_work *w);

/* plan_ops.c: one function per operation */
void og_i_apply_op(og_i_work *w, const og_i_op *op);

#endif
