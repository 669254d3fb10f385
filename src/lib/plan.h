/*
 * plan.h: a parsed restructuring plan, shared by plan.c (parsing) and
 * plan_apply.c (applying it to a model). Every string lives in the plan's
 * arena.
 */
#ifndef ORGRAPH_PLAN_H
#define ORGRAPH_PLAN_H

#include "internal.h"

#include <stddef.h>

typedef enum og_i_opkind {
    OG_I_OP_ABOLISH, OG_I_OP_MERGE, OG_I_OP_SPLIT, OG_I_OP_TRANSFER,
    OG_I_OP_RENAME, OG_I_OP_ADD, OG_I_OP_REMOVE, OG_I_OP_LINK,
    OG_I_OP_UNLINK, OG_I_OP_SET, OG_I_OP_META, OG_I_OP_UNSET,
    OG_I_OP_TRANSITION
} og_i_opkind;

/* key=value; a list is immutable once built, so units can share tails. */
typedef struct og_i_kv {
    const char *key, *value;
    const struct og_i_kv *next;
} og_i_kv;

/* A new unit named by an operation: merge's N, split's parts, add's unit. */
typedef struct og_i_target {
    const char *id, *name;   /* name NULL: inherit */
    const og_i_kv *kv;       /* kind=, level= and attributes */
} og_i_target;

typedef struct og_i_op {
    og_i_opkind kind;
    long line;
    const char **ids;  size_t n_ids;          /* units the op acts on */
    og_i_target *targets; size_t n_targets;   /* new units */
    const char *ref;       /* transfer's Y, add's P, link/unlink's B */
    const char *text;      /* rename's name; set/meta/unset's key */
    const char *value;     /* set/meta's value; transition's file */
    int line_set;          /* line= given */
    og_line on;            /* line= (default command) */
    const og_i_kv *kv;     /* rename/link attributes; abolish selectors;
                              transition's level= and prefix pairs */
    int place;             /* add: 0 none, -1 before, 1 after */
    const char *place_ref;
} og_i_op;

/* Reads a transition table named by a plan (the path resolved against the
 * plan's directory) into a malloc'd, writable, NUL-terminated buffer; the
 * CSV reader parses it in place. og_i_read_file unless a test or a fuzz
 * target installs another, so that it never reads a file it names. */
typedef og_status (*og_i_table_reader)(void *ctx, const char *path,
                                       char **data, size_t *size,
                                       og_diags *diags);

/* A block of memory owned by a plan. */
typedef struct og_i_block {
    struct og_i_block *next;
    max_align_t data[];
} og_i_block;

struct og_plan {
    og_i_op *ops;
    size_t n, cap;
    const char *path;     /* as given */
    const char *dir;      /* directory of the plan, for relative files */
    og_i_arena strings;
    og_i_block *blocks;
    og_i_table_reader read_table;   /* set by og_plan_parse */
    void *read_ctx;
};

/* The value of key in a list (first match), or NULL. */
const char *og_i_kv_get(const og_i_kv *kv, const char *key);

#endif
