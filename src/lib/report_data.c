/*
 * report_data.c: the search index of the HTML report, one JSON document read
 * by report.js. Ids and names are stored once in "strings" (most of them
 * repeat from one snapshot to the next) and referred to by index:
 *
 *   {"labels": [snapshot label...], "lines": ["command","party","guidance"],
 *    "kinds": [...], "levels": [...], "strings": [...],
 *    "snaps": [{"id": [s...], "name": [s...], "kind": [k...], "level": [l...],
 *               "up": [[u...] per line]}...],
 *    "moves": [[u, k, v1..vk, ...] per pair of consecutive snapshots]}
 *
 * Strings are listed in order of first use; a unit that keeps its id (and
 * name) from the previous snapshot refers to the same entries.
 * up[l][u] is the superior of unit u on its shortest chain on line l, or -1
 * for an apex, -2 when u is not on the line, -3 when u has no chain (on or
 * below a cycle). moves[p] lists the units of snapshot p whose images in
 * snapshot p + 1 are not simply the unit with the same id: u, the count k,
 * then the k units it went into (k = 0: removed). report.js matches every
 * other unit by id, as og_compare does.
 */
#include "report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const og_line lines[3] = {OG_LINE_COMMAND, OG_LINE_PARTY, OG_LINE_GUIDANCE};

/* Appends v in decimal: the index is millions of numbers, and printf's
 * format parsing was a tenth of a 1M-unit report in perf. */
static void put_int(og_buf *b, igraph_integer_t v)
{
    char digits[24], *p = digits + sizeof digits;
    uint64_t x = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do
        *--p = (char)('0' + x % 10);
    while (x /= 10);
    if (v < 0)
        *--p = '-';
    og_buf_append(b, p, (size_t)(digits + sizeof digits - p));
}

static void int_list(og_buf *b, const igraph_integer_t *v, igraph_integer_t n)
{
    og_buf_puts(b, "[");
    for (igraph_integer_t i = 0; i < n; i++) {
        if (i)
            og_buf_append(b, ",", 1);
        put_int(b, v[i]);
    }
    og_buf_puts(b, "]");
}

static void string_list(og_buf *b, const char *const *v, size_t n)
{
    og_buf_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            og_buf_puts(b, ",");
        og_buf_json_string(b, v[i]);
    }
    og_buf_puts(b, "]");
}

/* The superior of every unit on its shortest chain on one line. */
static void superiors(const og_i_rsnap *s, og_line line, igraph_integer_t *up)
{
    igraph_integer_t n = og_model_unit_count(s->m);
    const og_line_analysis *la = &s->an.line[line];
    for (igraph_integer_t u = 0; u < n; u++)
        up[u] = la->position[u] == OG_POS_OFF_LINE ? -2
                : la->position[u] == OG_POS_NO_CHAIN ? -3
                                                     : -1;
    for (igraph_integer_t k = 0; k < og_model_link_count(s->m); k++) {
        if (og_link_line(s->m, k) != line)
            continue;
        igraph_integer_t f = og_link_from(s->m, k), t = og_link_to(s->m, k);
        if (f != t && up[t] == -1 && la->chain_min[t] > 0 &&
            la->chain_min[f] == la->chain_min[t] - 1)
            up[t] = f;
    }
}

/* The strings of the index: ids and names, each stored once where a unit
 * keeps its id and name from one snapshot to the next (the id is looked up
 * in the previous snapshot: one probe of its hash, no hash of our own). */
typedef struct strings {
    const char **v;
    size_t n, cap;
} strings;

static igraph_integer_t add_string(strings *t, const char *s)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 1024;
        const char **v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return -1;
        t->v = v, t->cap = cap;
    }
    t->v[t->n] = s;
    return (igraph_integer_t)t->n++;
}

og_status og_i_report_data(og_buf *b, const og_i_rsnap *s, size_t n,
                           igraph_integer_t *const *start,
                           igraph_integer_t *const *images)
{
    strings str = {0};
    og_i_vocab kinds, levels;
    og_i_vocab_init(&kinds), og_i_vocab_init(&levels);
    igraph_integer_t max = 1, total = 0;
    for (size_t k = 0; k < n; k++) {
        igraph_integer_t un = og_model_unit_count(s[k].m);
        total += un;
        max = un > max ? un : max;
    }
    igraph_integer_t *v = malloc((size_t)max * sizeof *v);
    igraph_integer_t *ids = malloc(((size_t)total + 1) * sizeof *ids);
    igraph_integer_t *names = malloc(((size_t)total + 1) * sizeof *names);
    igraph_integer_t *kind = malloc(((size_t)total + 1) * sizeof *kind);
    igraph_integer_t *level = malloc(((size_t)total + 1) * sizeof *level);
    long *kmap = NULL, *lmap = NULL;
    og_status st = v && ids && names && kind && level ? OG_OK : OG_ENOMEM;
    igraph_integer_t at = 0, prev = 0;
    for (size_t k = 0; k < n && st == OG_OK; k++) {
        og_model *m = s[k].m;
        size_t nk = og_model_kind_count(m), nl = og_model_level_count(m);
        free(kmap), free(lmap);
        kmap = malloc((nk + 1) * sizeof *kmap);
        lmap = malloc((nl + 1) * sizeof *lmap);
        if (!kmap || !lmap) {
            st = OG_ENOMEM;
            break;
        }
        for (size_t i = 0; i < nk; i++)
            if ((kmap[i] = og_i_vocab_intern(&kinds, og_model_kind_name(m, i))) < 0)
                st = OG_ENOMEM;
        for (size_t i = 0; i < nl; i++)
            if ((lmap[i] = og_i_vocab_intern(&levels, og_model_level_name(m, i))) < 0)
                st = OG_ENOMEM;
        igraph_integer_t here = at;
        for (igraph_integer_t u = 0; u < og_model_unit_count(m) && st == OG_OK; u++, at++) {
            const char *id = og_unit_id(m, u), *name = og_unit_name(m, u);
            igraph_integer_t j = k ? og_model_find(s[k - 1].m, id) : -1;
            ids[at] = j >= 0 ? ids[prev + j] : add_string(&str, id);
            names[at] = j >= 0 && !strcmp(name, og_unit_name(s[k - 1].m, j))
                            ? names[prev + j]
                            : add_string(&str, name);
            kind[at] = kmap[og_unit_kind_index(m, u)];
            level[at] = lmap[og_unit_level_index(m, u)];
            if (ids[at] < 0 || names[at] < 0)
                st = OG_ENOMEM;
        }
        prev = here;
    }
    if (st == OG_OK) {
        og_buf_puts(b, "{\"labels\":[");
        for (size_t k = 0; k < n; k++) {
            if (k)
                og_buf_puts(b, ",");
            og_buf_json_string(b, s[k].label);
        }
        og_buf_puts(b, "],\n\"lines\":[\"command\",\"party\",\"guidance\"],\n\"kinds\":");
        string_list(b, (const char *const *)kinds.names, kinds.count);
        og_buf_puts(b, ",\n\"levels\":");
        string_list(b, (const char *const *)levels.names, levels.count);
        og_buf_puts(b, ",\n\"strings\":");
        string_list(b, str.v, str.n);
        og_buf_puts(b, ",\n\"snaps\":[");
        at = 0;
        for (size_t k = 0; k < n; k++) {
            igraph_integer_t un = og_model_unit_count(s[k].m);
            og_buf_puts(b, k ? ",\n{\"id\":" : "\n{\"id\":");
            int_list(b, ids + at, un);
            og_buf_puts(b, ",\n\"name\":");
            int_list(b, names + at, un);
            og_buf_puts(b, ",\n\"kind\":");
            int_list(b, kind + at, un);
            og_buf_puts(b, ",\n\"level\":");
            int_list(b, level + at, un);
            og_buf_puts(b, ",\n\"up\":[");
            for (int l = 0; l < 3; l++) {
                superiors(&s[k], lines[l], v);
                og_buf_puts(b, l ? ",\n" : "");
                int_list(b, v, un);
            }
            og_buf_puts(b, "]}");
            at += un;
        }
        og_buf_puts(b, "],\n\"moves\":[");
        for (size_t p = 0; p + 1 < n; p++) {
            og_buf_puts(b, p ? ",\n[" : "\n[");
            int first = 1;
            for (igraph_integer_t u = 0; u < og_model_unit_count(s[p].m); u++) {
                igraph_integer_t same = og_model_find(s[p + 1].m, og_unit_id(s[p].m, u));
                igraph_integer_t k = start[p][u + 1] - start[p][u];
                if ((same < 0 && k == 0) || (k == 1 && images[p][start[p][u]] == same))
                    continue;
                if (!first)
                    og_buf_append(b, ",", 1);
                put_int(b, u);
                og_buf_append(b, ",", 1);
                put_int(b, k);
                for (igraph_integer_t q = start[p][u]; q < start[p][u + 1]; q++) {
                    og_buf_append(b, ",", 1);
                    put_int(b, images[p][q]);
                }
                first = 0;
            }
            og_buf_puts(b, "]");
        }
        og_buf_puts(b, "]}");
    }
    free(v), free(ids), free(names), free(kind), free(level), free(kmap), free(lmap);
    free(str.v);
    og_i_vocab_free(&kinds), og_i_vocab_free(&levels);
    return st;
}
