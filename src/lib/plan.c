/*
 * plan.c: parsing a restructuring plan: a line-oriented text file, one
 * operation a line, '#' comments, names in double quotes (grammar in
 * docs/restructure.md). Every syntax error is reported with PLAN:LINE and
 * parsing goes on, so one run lists them all. Applying a plan is in
 * plan_apply.c.
 */
#include "plan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A token of a line: its text (quotes removed), whether it was one quoted
 * string, and where its first unquoted '=' is (-1 when none). */
typedef struct tok {
    const char *s;
    int quoted;
    long eq;
} tok;

#define MAX_TOKENS 4096

typedef struct pstate {
    og_plan *plan;
    og_diags *diags;
    const char *file;
    long line;
    tok t[MAX_TOKENS];
    size_t n;
    int errors;
    og_status st;
} pstate;

const char *og_i_kv_get(const og_i_kv *kv, const char *key)
{
    for (; kv; kv = kv->next)
        if (strcmp(kv->key, key) == 0)
            return kv->value;
    return NULL;
}

static void perr(pstate *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void perr(pstate *p, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    og_i_vformat_cut(msg, sizeof msg, fmt, ap);  /* a long word: cut whole */
    va_end(ap);
    if (og_diags_add(p->diags, OG_ERROR, p->file, p->line, "plan-syntax", 0,
                     "%s", msg) != OG_OK)
        p->st = OG_ENOMEM;
    p->errors++;
}

/* Zeroed memory owned by the plan (freed by og_plan_free), aligned for any
 * object; the arena only holds strings. */
static void *palloc(pstate *p, size_t size)
{
    og_i_block *b = calloc(1, sizeof *b + size);
    if (!b) {
        p->st = OG_ENOMEM;
        return NULL;
    }
    b->next = p->plan->blocks;
    p->plan->blocks = b;
    return b->data;
}

/* ------------------------------------------------------------ tokenizer */

/* Splits one line (NUL-terminated, writable) into tokens, writing their
 * text into `out` (room for twice the line). Returns 0 on a syntax error. */
static int tokenize(pstate *p, char *s, char *out)
{
    p->n = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#')
            return 1;
        if (p->n == MAX_TOKENS) {
            perr(p, "more than %d words on one line", MAX_TOKENS);
            return 0;
        }
        tok *t = &p->t[p->n++];
        t->s = out;
        t->eq = -1;
        t->quoted = *s == '"';
        if (*s == ',') {
            *out++ = *s++;
            *out++ = '\0';
            continue;
        }
        long len = 0;
        while (*s && *s != ' ' && *s != '\t' && *s != ',') {
            if (*s != '"') {
                if (*s == '=' && t->eq < 0)
                    t->eq = len;
                out[len++] = *s++;
                continue;
            }
            for (s++; *s && *s != '"'; s++) {
                if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
                    s++;
                out[len++] = *s;
            }
            if (!*s) {
                perr(p, "a quoted name is never closed");
                return 0;
            }
            s++;
            if (t->quoted && *s && *s != ' ' && *s != '\t' && *s != ',')
                t->quoted = 0;
        }
        out[len] = '\0';
        out += len + 1;
    }
}

/* ------------------------------------------------------------- helpers */

static int is_word(const tok *t, const char *w)
{
    return !t->quoted && strcmp(t->s, w) == 0;
}

/* A token usable as a unit id: a bare word, not a separator, no '='
 * (a quoted token is a name). */
static int is_id(const tok *t)
{
    return t->s[0] && !t->quoted && t->eq < 0 && !is_word(t, "->") && !is_word(t, ",");
}

static const char *dup(pstate *p, const char *s, size_t n)
{
    const char *c = og_i_arena_strndup(&p->plan->strings, s, n);
    if (!c)
        p->st = OG_ENOMEM;
    return c;
}

/* Prepends key=value of token t to *list. */
static int push_kv(pstate *p, const tok *t, const og_i_kv **list)
{
    og_i_kv *kv = palloc(p, sizeof *kv);
    if (!kv)
        return 0;
    kv->key = dup(p, t->s, (size_t)t->eq);
    kv->value = dup(p, t->s + t->eq + 1, strlen(t->s + t->eq + 1));
    kv->next = *list;
    *list = kv;
    if (!kv->key[0]) {
        perr(p, "'%s': expected key=value", t->s);
        return 0;
    }
    return 1;
}

/* Reads ids from token *i until a non-id; returns how many. */
static size_t read_ids(pstate *p, size_t *i, og_i_op *op, const char *stop)
{
    size_t from = *i;
    while (*i < p->n && is_id(&p->t[*i]) && !(stop && is_word(&p->t[*i], stop)))
        (*i)++;
    op->n_ids = *i - from;
    op->ids = palloc(p, (op->n_ids ? op->n_ids : 1) * sizeof *op->ids);
    for (size_t k = 0; op->ids && k < op->n_ids; k++)
        op->ids[k] = dup(p, p->t[from + k].s, strlen(p->t[from + k].s));
    return op->n_ids;
}

/* line=NAME in an op's list: sets op->on; 0 on an unknown line. */
static int take_line(pstate *p, og_i_op *op, const og_i_kv *kv)
{
    const char *v = og_i_kv_get(kv, "line");
    if (!v)
        return 1;
    int l = og_line_parse(v);
    if (l < 0) {
        perr(p, "unknown line '%s' (command, party, guidance or coordination)", v);
        return 0;
    }
    op->on = (og_line)l;
    op->line_set = 1;
    return 1;
}

/* Reads one target: ID ["Name"] [key=value...]; stops at ',' or the end. */
static int read_target(pstate *p, size_t *i, og_i_target *tg)
{
    if (*i >= p->n || !is_id(&p->t[*i]) || p->t[*i].quoted) {
        perr(p, "expected the id of a new unit");
        return 0;
    }
    tg->id = dup(p, p->t[*i].s, strlen(p->t[*i].s));
    (*i)++;
    if (*i < p->n && p->t[*i].quoted) {
        tg->name = dup(p, p->t[*i].s, strlen(p->t[*i].s));
        (*i)++;
    }
    for (; *i < p->n && p->t[*i].eq >= 0; (*i)++)
        if (!push_kv(p, &p->t[*i], &tg->kv))
            return 0;
    return 1;
}

static int trailing(pstate *p, size_t i)
{
    if (i < p->n) {
        perr(p, "unexpected '%s'", p->t[i].s);
        return 0;
    }
    return 1;
}

/* ---------------------------------------------------------- operations */

static int parse_abolish(pstate *p, og_i_op *op)
{
    static const char *const sel[] = {"kind", "level", "id"};
    size_t i = 1;
    while (i + 1 < p->n) {
        int k = -1;
        for (int s = 0; s < 3; s++)
            if (is_word(&p->t[i], sel[s]))
                k = s;
        if (k < 0)
            break;
        og_i_kv *kv = palloc(p, sizeof *kv);
        if (!kv)
            return 0;
        kv->key = sel[k];
        kv->value = dup(p, p->t[i + 1].s, strlen(p->t[i + 1].s));
        kv->next = op->kv;
        op->kv = kv;
        i += 2;
    }
    if (op->kv)
        return trailing(p, i);
    if (!read_ids(p, &i, op, NULL)) {
        perr(p, "abolish: expected unit ids, id globs, or kind K / level L / id GLOB");
        return 0;
    }
    return trailing(p, i);
}

static int parse_merge(pstate *p, og_i_op *op)
{
    size_t i = 1;
    if (!read_ids(p, &i, op, NULL) || i >= p->n || !is_word(&p->t[i], "->")) {
        perr(p, "merge: expected 'merge A B ... -> N \"Name\" [key=value...]'");
        return 0;
    }
    i++;
    op->n_targets = 1;
    op->targets = palloc(p, sizeof *op->targets);
    return op->targets && read_target(p, &i, op->targets) && trailing(p, i);
}

static int parse_split(pstate *p, og_i_op *op)
{
    size_t i = 1;
    if (read_ids(p, &i, op, NULL) != 1 || i >= p->n || !is_word(&p->t[i], "->")) {
        perr(p, "split: expected 'split X -> A \"Name A\", B \"Name B\" ...'");
        return 0;
    }
    i++;
    op->targets = palloc(p, p->n * sizeof *op->targets);
    if (!op->targets)
        return 0;
    for (;;) {
        if (!read_target(p, &i, &op->targets[op->n_targets++]))
            return 0;
        if (i >= p->n)
            return 1;
        if (!is_word(&p->t[i], ","))
            return trailing(p, i);
        i++;
    }
}

static int parse_transfer(pstate *p, og_i_op *op)
{
    size_t i = 1;
    if (!read_ids(p, &i, op, "to") || i + 1 >= p->n || !is_word(&p->t[i], "to")
        || !is_id(&p->t[i + 1])) {
        perr(p, "transfer: expected 'transfer X [Y...] to SUPERIOR [line=L]'");
        return 0;
    }
    op->ref = dup(p, p->t[i + 1].s, strlen(p->t[i + 1].s));
    for (i += 2; i < p->n && p->t[i].eq >= 0; i++)
        if (!push_kv(p, &p->t[i], &op->kv))
            return 0;
    return take_line(p, op, op->kv) && trailing(p, i);
}

static int parse_rename(pstate *p, og_i_op *op)
{
    size_t i = 1;
    if (read_ids(p, &i, op, NULL) != 1 || i >= p->n || !p->t[i].quoted) {
        perr(p, "rename: expected 'rename X \"New name\" [key=value...]'");
        return 0;
    }
    op->text = dup(p, p->t[i].s, strlen(p->t[i].s));
    for (i++; i < p->n && p->t[i].eq >= 0; i++)
        if (!push_kv(p, &p->t[i], &op->kv))
            return 0;
    return trailing(p, i);
}

static int parse_attr(pstate *p, og_i_op *op)
{
    size_t i = 1;
    if (read_ids(p, &i, op, NULL) != 1 || i >= p->n) {
        perr(p, "attr: expected 'attr X key=value...'");
        return 0;
    }
    for (; i < p->n && p->t[i].eq >= 0; i++)
        if (!push_kv(p, &p->t[i], &op->kv))
            return 0;
    return trailing(p, i);
}

static int parse_add(pstate *p, og_i_op *op)
{
    size_t i = 1;
    op->n_targets = 1;
    op->targets = palloc(p, sizeof *op->targets);
    if (!op->targets || !read_target(p, &i, op->targets))
        return 0;
    while (i + 1 < p->n) {
        const tok *w = &p->t[i];
        if (is_word(w, "under"))
            op->ref = dup(p, p->t[i + 1].s, strlen(p->t[i + 1].s));
        else if (is_word(w, "before") || is_word(w, "after")) {
            op->place = is_word(w, "before") ? -1 : 1;
            op->place_ref = dup(p, p->t[i + 1].s, strlen(p->t[i + 1].s));
        } else
            break;
        for (i += 2; i < p->n && p->t[i].eq >= 0; i++)
            if (!push_kv(p, &p->t[i], &op->targets->kv))
                return 0;
    }
    return take_line(p, op, op->targets->kv) && trailing(p, i);
}

static int parse_link(pstate *p, og_i_op *op)
{
    size_t i = 1;
    if (read_ids(p, &i, op, NULL) != 1 || i + 1 >= p->n || !is_word(&p->t[i], "->")
        || !is_id(&p->t[i + 1])) {
        perr(p, "%s: expected '%s A -> B [line=L]'", p->t[0].s, p->t[0].s);
        return 0;
    }
    op->ref = dup(p, p->t[i + 1].s, strlen(p->t[i + 1].s));
    for (i += 2; i < p->n && p->t[i].eq >= 0; i++)
        if (!push_kv(p, &p->t[i], &op->kv))
            return 0;
    return take_line(p, op, op->kv) && trailing(p, i);
}

static int parse_meta(pstate *p, og_i_op *op)
{
    size_t want = op->kind == OG_I_OP_UNSET ? 2 : 3;
    if (p->n != want || !is_id(&p->t[1])) {
        perr(p, op->kind == OG_I_OP_UNSET ? "unset: expected 'unset KEY'"
                                          : "%s: expected '%s KEY \"value\"'",
             p->t[0].s, p->t[0].s);
        return 0;
    }
    op->text = dup(p, p->t[1].s, strlen(p->t[1].s));
    if (want == 3)
        op->value = dup(p, p->t[2].s, strlen(p->t[2].s));
    return 1;
}

static int parse_transition(pstate *p, og_i_op *op)
{
    size_t i = 2;
    if (p->n < 2 || p->t[1].eq >= 0) {
        perr(p, "transition: expected 'transition FILE.csv level=L OLD-PREFIX=NEW-PREFIX...'");
        return 0;
    }
    op->value = dup(p, p->t[1].s, strlen(p->t[1].s));
    size_t pairs = 0;
    for (; i < p->n && p->t[i].eq >= 0; i++) {
        if (!push_kv(p, &p->t[i], &op->kv))
            return 0;
        pairs += strcmp(op->kv->key, "level") != 0;
    }
    if (!og_i_kv_get(op->kv, "level") || !pairs) {
        perr(p, "transition: expected level=L and at least one OLD-PREFIX=NEW-PREFIX");
        return 0;
    }
    return trailing(p, i);
}

/* Keys a key=value list may not hold: what a model file keeps in a column
 * of its own (written as an attribute, the snapshot would not read back,
 * or the model would refuse it), and options an operation does not take.
 * Found by fuzzing: `attr X parent=Y` wrote a units.csv with two 'parent'
 * columns, `link A -> B from=C` failed with no message. Reports the first
 * one written; returns 0 when there is one. */
static int check_keys(pstate *p, const og_i_kv *kv, og_object object,
                      int takes_line, const char *only_line)
{
    const char *bad = NULL, *bad_why = NULL;
    for (; kv; kv = kv->next) {   /* newest first: report the first written */
        const char *k = kv->key, *why = NULL;
        if (!strcmp(k, "line")) {
            if (!takes_line)
                why = "is an option of add, transfer, link and unlink only";
        } else if (only_line)
            why = only_line;
        else if (object == OG_UNIT && !strcmp(k, "id"))
            why = "is not an attribute: a unit's id is the word before its name";
        else if (object == OG_UNIT && !strcmp(k, "name"))
            why = "is not an attribute: give the name in quotes";
        else if (object == OG_UNIT && !strcmp(k, "parent"))
            why = "is not an attribute: move a unit with transfer";
        else if (object == OG_LINK && (!strcmp(k, "from") || !strcmp(k, "to")))
            why = "is not an attribute: a link's units are the ids around '->'";
        if (why) {
            bad = k;
            bad_why = why;
        }
    }
    if (bad)
        perr(p, "'%s=' %s", bad, bad_why);
    return !bad;
}

/* The keys of a parsed operation (see check_keys). */
static int check_op_keys(pstate *p, const og_i_op *op)
{
    switch (op->kind) {
    case OG_I_OP_MERGE:
    case OG_I_OP_SPLIT:
    case OG_I_OP_ADD:
        for (size_t k = 0; k < op->n_targets; k++)
            if (!check_keys(p, op->targets[k].kv, OG_UNIT,
                            op->kind == OG_I_OP_ADD, NULL))
                return 0;
        return 1;
    case OG_I_OP_RENAME:
        return check_keys(p, op->kv, OG_UNIT, 0, NULL);
    case OG_I_OP_LINK:
        return check_keys(p, op->kv, OG_LINK, 1, NULL);
    case OG_I_OP_UNLINK:
        return check_keys(p, op->kv, OG_LINK, 1, "is not an option of unlink "
                          "(only line=)");
    case OG_I_OP_TRANSFER:
        return check_keys(p, op->kv, OG_LINK, 1, "is not an option of transfer "
                          "(only line=)");
    default:
        return 1;
    }
}

typedef struct verb {
    const char *name;
    og_i_opkind kind;
    int (*parse)(pstate *p, og_i_op *op);
} verb;

static const verb verbs[] = {
    {"abolish", OG_I_OP_ABOLISH, parse_abolish},
    {"merge", OG_I_OP_MERGE, parse_merge},
    {"split", OG_I_OP_SPLIT, parse_split},
    {"transfer", OG_I_OP_TRANSFER, parse_transfer},
    {"rename", OG_I_OP_RENAME, parse_rename},
    {"attr", OG_I_OP_RENAME, parse_attr},
    {"add", OG_I_OP_ADD, parse_add},
    {"remove", OG_I_OP_REMOVE, NULL},
    {"link", OG_I_OP_LINK, parse_link},
    {"unlink", OG_I_OP_UNLINK, parse_link},
    {"set", OG_I_OP_SET, parse_meta},
    {"meta", OG_I_OP_META, parse_meta},
    {"unset", OG_I_OP_UNSET, parse_meta},
    {"transition", OG_I_OP_TRANSITION, parse_transition},
    {NULL, 0, NULL}};

static int parse_remove(pstate *p, og_i_op *op)
{
    size_t i = 1;
    if (!read_ids(p, &i, op, NULL)) {
        perr(p, "remove: expected unit ids");
        return 0;
    }
    return trailing(p, i);
}

static void parse_line(pstate *p)
{
    const verb *v = verbs;
    while (v->name && !is_word(&p->t[0], v->name))
        v++;
    if (!v->name) {
        perr(p, "unknown operation '%s'", p->t[0].s);
        return;
    }
    og_i_op op;
    memset(&op, 0, sizeof op);
    op.kind = v->kind;
    op.line = p->line;
    op.on = OG_LINE_COMMAND;
    int ok = v->parse ? v->parse(p, &op) : parse_remove(p, &op);
    if (ok && p->st == OG_OK)
        ok = check_op_keys(p, &op);
    if (!ok || p->st != OG_OK)
        return;
    og_plan *plan = p->plan;
    if (plan->n == plan->cap) {
        size_t cap = plan->cap ? 2 * plan->cap : 32;
        og_i_op *ops = realloc(plan->ops, cap * sizeof *ops);
        if (!ops) {
            p->st = OG_ENOMEM;
            return;
        }
        plan->ops = ops;
        plan->cap = cap;
    }
    plan->ops[plan->n++] = op;
}

/* ---------------------------------------------------------------- API */

static og_status read_table_file(void *ctx, const char *path, char **data,
                                 size_t *size, og_diags *diags)
{
    OG_I_UNUSED(ctx);
    return og_i_read_file(path, data, size, diags);
}

static og_plan *plan_new(const char *name)
{
    og_plan *plan = calloc(1, sizeof *plan);
    if (!plan)
        return NULL;
    og_i_arena_init(&plan->strings);
    plan->read_table = read_table_file;
    const char *slash = strrchr(name, '/');
    plan->path = og_i_arena_strdup(&plan->strings, name);
    plan->dir = slash ? og_i_arena_strndup(&plan->strings, name, (size_t)(slash - name))
                      : og_i_arena_strdup(&plan->strings, ".");
    if (!plan->path || !plan->dir) {
        og_plan_free(plan);
        return NULL;
    }
    return plan;
}

og_status og_plan_parse(const char *text, size_t size, const char *name,
                        og_plan **out, og_diags *diags)
{
    *out = NULL;
    pstate *p = calloc(1, sizeof *p);
    char *line = malloc(size + 1), *store = malloc(2 * size + 2);
    og_plan *plan = plan_new(name);
    if (!p || !line || !store || !plan) {
        free(p), free(line), free(store), og_plan_free(plan);
        return OG_ENOMEM;
    }
    p->plan = plan;
    p->diags = diags;
    p->file = name;
    size_t bad = og_i_check_encoding(text, size, name, diags, 20);
    for (size_t at = 0; !bad && at < size && p->st == OG_OK;) {
        const char *nl = memchr(text + at, '\n', size - at);
        size_t len = (nl ? (size_t)(nl - text) : size) - at;
        memcpy(line, text + at, len);
        line[len - (len && line[len - 1] == '\r')] = '\0';
        p->line++;
        if (tokenize(p, line, store) && p->n)
            parse_line(p);
        at += len + 1;
    }
    og_status st = p->st;
    if (st == OG_OK && (bad || p->errors))
        st = OG_EFORMAT;
    free(p), free(line), free(store);
    if (st != OG_OK && st != OG_EFORMAT)
        og_plan_free(plan);
    else
        *out = plan;
    return st;
}

og_status og_plan_load(const char *path, og_plan **plan, og_diags *diags)
{
    *plan = NULL;
    char *data;
    size_t size;
    og_status st = og_i_read_file(path, &data, &size, diags);
    if (st != OG_OK)
        return st;
    st = og_plan_parse(data, size, path, plan, diags);
    free(data);
    return st;
}

void og_plan_free(og_plan *plan)
{
    if (!plan)
        return;
    og_i_arena_free(&plan->strings);
    while (plan->blocks) {
        og_i_block *next = plan->blocks->next;
        free(plan->blocks);
        plan->blocks = next;
    }
    free(plan->ops);
    free(plan);
}

size_t og_plan_count(const og_plan *plan)
{
    return plan ? plan->n : 0;
}
