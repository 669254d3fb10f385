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
 * up[l][u] is the superior of unit u on its shortest chain on line l, or -1
 * for an apex, -2 when u is not on the line, -3 when u has no chain (on or
 * below a cycle). moves[p] lists the units of snapshot p whose images in
 * snapshot p + 1 are not simply the unit with the same id: u, the count k,
 * then the k units it went into (k = 0: removed). report.js matches every
 * other unit by id, as og_compare does.
 */
#include "report.h"

#include <stdlib.h>

static const og_line lines[3] = {OG_LINE_COMMAND, OG_LINE_PARTY, OG_LINE_GUIDANCE};

static void int_list(og_buf *b, const igraph_integer_t *v, igraph_integer_t n)
{
    og_buf_puts(b, "[");
    for (igraph_integer_t i = 0; i < n; i++)
        og_buf_printf(b, i ? ",%" IGRAPH_PRId : "%" IGRAPH_PRId, v[i]);
    og_buf_puts(b, "]");
}

static void vocab_list(og_buf *b, const og_i_vocab *v)
{
    og_buf_puts(b, "[");
    for (size_t i = 0; i < v->count; i++) {
        if (i)
            og_buf_puts(b, ",");
        og_buf_json_string(b, v->names[i]);
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

og_status og_i_report_data(og_buf *b, const og_i_rsnap *s, size_t n,
                           igraph_integer_t *const *start,
                           igraph_integer_t *const *images)
{
    og_i_vocab strings, kinds, levels;
    og_i_vocab_init(&strings), og_i_vocab_init(&kinds), og_i_vocab_init(&levels);
    igraph_integer_t max = 1;
    for (size_t k = 0; k < n; k++)
        if (og_model_unit_count(s[k].m) > max)
            max = og_model_unit_count(s[k].m);
    igraph_integer_t *v = malloc((size_t)max * sizeof *v);
    og_status st = v ? OG_OK : OG_ENOMEM;
    /* intern every string first, so that "strings" can come before "snaps" */
    igraph_integer_t *ids = NULL, *names = NULL, *kind = NULL, *level = NULL;
    igraph_integer_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += og_model_unit_count(s[k].m);
    if (st == OG_OK) {
        ids = malloc(((size_t)total + 1) * sizeof *ids);
        names = malloc(((size_t)total + 1) * sizeof *names);
        kind = malloc(((size_t)total + 1) * sizeof *kind);
        level = malloc(((size_t)total + 1) * sizeof *level);
        st = ids && names && kind && level ? OG_OK : OG_ENOMEM;
    }
    igraph_integer_t at = 0;
    for (size_t k = 0; k < n && st == OG_OK; k++)
        for (igraph_integer_t u = 0; u < og_model_unit_count(s[k].m) && st == OG_OK; u++, at++) {
            ids[at] = og_i_vocab_intern(&strings, og_unit_id(s[k].m, u));
            names[at] = og_i_vocab_intern(&strings, og_unit_name(s[k].m, u));
            kind[at] = og_i_vocab_intern(&kinds, og_unit_kind(s[k].m, u));
            level[at] = og_i_vocab_intern(&levels, og_unit_level(s[k].m, u));
            if (ids[at] < 0 || names[at] < 0 || kind[at] < 0 || level[at] < 0)
                st = OG_ENOMEM;
        }
    if (st == OG_OK) {
        og_buf_puts(b, "{\"labels\":[");
        for (size_t k = 0; k < n; k++) {
            if (k)
                og_buf_puts(b, ",");
            og_buf_json_string(b, s[k].label);
        }
        og_buf_puts(b, "],\n\"lines\":[\"command\",\"party\",\"guidance\"],\n\"kinds\":");
        vocab_list(b, &kinds);
        og_buf_puts(b, ",\n\"levels\":");
        vocab_list(b, &levels);
        og_buf_puts(b, ",\n\"strings\":");
        vocab_list(b, &strings);
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
                og_buf_printf(b, first ? "%" IGRAPH_PRId ",%" IGRAPH_PRId
                                       : ",%" IGRAPH_PRId ",%" IGRAPH_PRId,
                              u, k);
                for (igraph_integer_t q = start[p][u]; q < start[p][u + 1]; q++)
                    og_buf_printf(b, ",%" IGRAPH_PRId, images[p][q]);
                first = 0;
            }
            og_buf_puts(b, "]");
        }
        og_buf_puts(b, "]}");
    }
    free(v), free(ids), free(names), free(kind), free(level);
    og_i_vocab_free(&strings), og_i_vocab_free(&kinds), og_i_vocab_free(&levels);
    return st;
}
