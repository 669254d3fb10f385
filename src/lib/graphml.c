/*
 * graphml.c: GraphML models. Reading goes through igraph's GraphML reader
 * (libxml2 underneath) with igraph's C attribute handler switched on for the
 * duration; writing is a small XML writer of our own, since igraph's writer
 * names nodes n0, n1, ... and would lose the unit ids.
 *
 * Schema: node id = unit id; data keys name (or label), kind, level; edge
 * data key line (command when absent); graph data keys are metadata (a key
 * "key.N", N >= 2, is the Nth value of a repeated key). Other keys are kept.
 */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Reads attribute `name` of vertex/edge/graph `i` as text. */
static const char *attr_text(const igraph_t *g, igraph_attribute_elemtype_t
                             where, igraph_attribute_type_t type,
                             const char *name, igraph_integer_t i, char *tmp,
                             size_t size)
{
    if (type == IGRAPH_ATTRIBUTE_STRING) {
        switch (where) {
        case IGRAPH_ATTRIBUTE_VERTEX: return VAS(g, name, i);
        case IGRAPH_ATTRIBUTE_EDGE: return EAS(g, name, i);
        default: return GAS(g, name);
        }
    }
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        igraph_real_t x = where == IGRAPH_ATTRIBUTE_VERTEX ? VAN(g, name, i)
                          : where == IGRAPH_ATTRIBUTE_EDGE ? EAN(g, name, i)
                                                           : GAN(g, name);
        if (x != x)
            return ""; /* NaN: a missing value */
        snprintf(tmp, size, "%.17g", x);
        return tmp;
    }
    if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
        igraph_bool_t x = where == IGRAPH_ATTRIBUTE_VERTEX ? VAB(g, name, i)
                          : where == IGRAPH_ATTRIBUTE_EDGE ? EAB(g, name, i)
                                                           : GAB(g, name);
        return x ? "true" : "false";
    }
    return "";
}

/* libxml2's SAX2 interface, as igraph 0.10 drives it, hands attribute values
 * (node ids) over with each '&' written as "&#38;"; undo that in place. A
 * literal "&#38;" in an id arrives as "&#38;#38;" and so also comes back
 * right. */
static void undo_amp(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        if (strncmp(r, "&#38;", 5) == 0) {
            *w++ = '&';
            r += 5;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

static long find_name(const igraph_strvector_t *names, const char *name)
{
    for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++)
        if (strcmp(igraph_strvector_get(names, i), name) == 0)
            return (long)i;
    return -1;
}

static og_status build(const igraph_t *g, const char *file, og_model *m,
                       og_diags *diags)
{
    igraph_strvector_t gn, vn, en;
    igraph_vector_int_t gt, vt, et;
    og_status st = OG_OK;
    if (igraph_strvector_init(&gn, 0) || igraph_strvector_init(&vn, 0) ||
        igraph_strvector_init(&en, 0) || igraph_vector_int_init(&gt, 0) ||
        igraph_vector_int_init(&vt, 0) || igraph_vector_int_init(&et, 0))
        return OG_ENOMEM; /* small leak on this path is igraph-owned memory */
    if (igraph_cattribute_list(g, &gn, &gt, &vn, &vt, &en, &et) != IGRAPH_SUCCESS) {
        st = OG_ENOMEM;
        goto out;
    }
    char tmp[64];
    for (igraph_integer_t i = 0; i < igraph_strvector_size(&gn) && st == OG_OK; i++) {
        const char *name = igraph_strvector_get(&gn, i);
        const char *v = attr_text(g, IGRAPH_ATTRIBUTE_GRAPH,
                                  (igraph_attribute_type_t)VECTOR(gt)[i], name,
                                  0, tmp, sizeof tmp);
        if (!v || !*v)
            continue;
        char key[256];
        snprintf(key, sizeof key, "%s", name);
        char *dot = strrchr(key, '.');
        if (dot && dot != key && dot[1] && atoi(dot + 1) >= 2) {
            char *q = dot + 1;
            while (*q && isdigit((unsigned char)*q))
                q++;
            if (!*q)
                *dot = '\0';
        }
        st = og_model_add_meta(m, strcmp(key, "label") == 0 ? "title" : key, v);
    }
    long c_id = find_name(&vn, "id"), c_name = find_name(&vn, "name");
    long c_label = find_name(&vn, "label"), c_kind = find_name(&vn, "kind");
    long c_level = find_name(&vn, "level");
    if (c_name < 0)
        c_name = c_label;
    igraph_integer_t n = igraph_vcount(g);
    igraph_integer_t *unit = malloc((n ? (size_t)n : 1) * sizeof *unit);
    if (!unit) {
        st = OG_ENOMEM;
        goto out;
    }
    char t1[64], t2[64], t3[64], t4[64];
#define VTEXT(col, v, buf)                                                    \
    ((col) < 0 ? "" : attr_text(g, IGRAPH_ATTRIBUTE_VERTEX,                   \
                                (igraph_attribute_type_t)VECTOR(vt)[col],     \
                                igraph_strvector_get(&vn, col), v, buf,       \
                                sizeof buf))
    for (igraph_integer_t v = 0; v < n && st == OG_OK; v++) {
        unit[v] = -1;
        const char *raw = VTEXT(c_id, v, t1);
        char *id = raw ? strdup(raw) : NULL;
        if (raw && !id) {
            st = OG_ENOMEM;
            break;
        }
        if (id)
            undo_amp(id);
        if (!id || !*id) {
            free(id);
            og_diags_add(diags, OG_ERROR, file, 0, "empty-id", 1,
                         "node %ld has no id", (long)v + 1);
            continue;
        }
        if (og_model_find(m, id) >= 0) {
            og_diags_add(diags, OG_ERROR, file, 0, "duplicate-id", 1,
                         "duplicate unit id '%s'; the second node is left out",
                         id);
            free(id);
            continue;
        }
        st = og_model_add_unit(m, id, VTEXT(c_name, v, t2), VTEXT(c_kind, v, t3),
                               VTEXT(c_level, v, t4), &unit[v]);
        free(id);
        if (st == OG_OK)
            st = og_model_set_origin(m, OG_UNIT, unit[v], file, 0);
        for (igraph_integer_t a = 0; a < igraph_strvector_size(&vn) && st == OG_OK; a++) {
            if (a == c_id || a == c_name || a == c_kind || a == c_level)
                continue;
            const char *an = igraph_strvector_get(&vn, a);
            if (a == c_label && c_name == c_label)
                continue;
            const char *val = VTEXT((long)a, v, t1);
            if (val && *val && !strcmp(an, "parent"))
                og_diags_add(diags, OG_WARNING, file, 0, "reserved-attribute", 1,
                             "attribute 'parent' of unit '%s' is left out: a superior "
                             "is an edge",
                             og_unit_id(m, unit[v]));
            else if (val && *val)
                st = og_model_set_attr(m, OG_UNIT, unit[v], an, val);
        }
    }
#undef VTEXT
    long c_line = find_name(&en, "line");
    for (igraph_integer_t e = 0; e < igraph_ecount(g) && st == OG_OK; e++) {
        igraph_integer_t a = unit[IGRAPH_FROM(g, e)], b = unit[IGRAPH_TO(g, e)];
        if (a < 0 || b < 0)
            continue;
        const char *lname = c_line < 0 ? "" :
            attr_text(g, IGRAPH_ATTRIBUTE_EDGE,
                      (igraph_attribute_type_t)VECTOR(et)[c_line], "line", e,
                      tmp, sizeof tmp);
        int ln = lname && *lname ? og_line_parse(lname) : OG_LINE_COMMAND;
        if (ln < 0) {
            og_diags_add(diags, OG_ERROR, file, 0, "unknown-line", 1,
                         "link '%s' -> '%s' has unknown line '%s'",
                         og_unit_id(m, a), og_unit_id(m, b), lname);
            continue;
        }
        igraph_integer_t l;
        st = og_model_add_link(m, a, b, (og_line)ln, &l);
        if (st == OG_OK)
            st = og_model_set_origin(m, OG_LINK, l, file, 0);
        for (igraph_integer_t k = 0; k < igraph_strvector_size(&en) && st == OG_OK; k++) {
            if (k == c_line)
                continue;
            const char *an = igraph_strvector_get(&en, k);
            const char *val = attr_text(g, IGRAPH_ATTRIBUTE_EDGE,
                                        (igraph_attribute_type_t)VECTOR(et)[k],
                                        an, e, tmp, sizeof tmp);
            if (val && *val)
                st = og_model_set_attr(m, OG_LINK, l, an, val);
        }
    }
    free(unit);
out:
    igraph_strvector_destroy(&gn);
    igraph_strvector_destroy(&vn);
    igraph_strvector_destroy(&en);
    igraph_vector_int_destroy(&gt);
    igraph_vector_int_destroy(&vt);
    igraph_vector_int_destroy(&et);
    return st;
}

og_status og_i_load_graphml(const char *data, size_t size, const char *file,
                            og_model **model, og_diags *diags)
{
    if (size == 0) {
        og_diags_add(diags, OG_ERROR, file, 1, "graphml", 1, "empty file");
        return OG_EFORMAT;
    }
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return OG_ENOMEM;
    /* igraph's attribute handler is global: switch it on for this read only */
    igraph_attribute_table_t *prev =
        igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t g;
    igraph_error_t err = igraph_read_graph_graphml(&g, f, 0);
    fclose(f);
    og_status st;
    if (err != IGRAPH_SUCCESS) {
        og_diags_add(diags, OG_ERROR, file, 0, "graphml", 1,
                     "not a readable GraphML file: %s", og_i_igraph_last_error());
        st = err == IGRAPH_ENOMEM ? OG_ENOMEM : OG_EFORMAT;
    } else {
        og_model *m = og_model_new();
        st = m ? build(&g, og_i_model_file(m, file), m, diags) : OG_ENOMEM;
        igraph_destroy(&g);
        if (st == OG_OK)
            *model = m;
        else
            og_model_free(m);
    }
    igraph_set_attribute_table(prev);
    return st;
}

/* ----------------------------------------------------------------- write */

/* Attribute values keep their line breaks and tabs through a round trip. */
static void xml_text(og_buf *b, const char *s) { og_i_markup_text(b, s, 1); }

static void data(og_buf *b, const char *indent, const char *key, const char *v)
{
    og_buf_printf(b, "%s<data key=\"%s\">", indent, key);
    xml_text(b, v);
    og_buf_puts(b, "</data>\n");
}

og_status og_i_write_graphml(og_model *m, og_buf *b)
{
    og_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    /* keys: graph metadata, then unit fields and attributes, then links' */
    size_t nmeta = og_model_meta_count(m);
    char **gkeys = calloc(nmeta ? nmeta : 1, sizeof *gkeys);
    if (!gkeys)
        return OG_ENOMEM;
    for (size_t i = 0; i < nmeta; i++) {
        const char *key = og_model_meta_key(m, i);
        size_t nth = 1;
        for (size_t j = 0; j < i; j++)
            nth += strcmp(og_model_meta_key(m, j), key) == 0;
        const char *gk = strcmp(key, "title") == 0 ? "label" : key;
        size_t len = strlen(gk) + 24;
        gkeys[i] = malloc(len);
        if (!gkeys[i])
            continue;
        if (nth == 1)
            snprintf(gkeys[i], len, "%s", gk);
        else
            snprintf(gkeys[i], len, "%s.%zu", gk, nth);
        og_buf_printf(b, "  <key id=\"g%zu\" for=\"graph\" attr.name=\"", i);
        xml_text(b, gkeys[i]);
        og_buf_puts(b, "\" attr.type=\"string\"/>\n");
    }
    og_buf_puts(b, "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                   "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                   "  <key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n");
    for (size_t c = 0; c < og_model_attr_count(m, OG_UNIT); c++) {
        og_buf_printf(b, "  <key id=\"u%zu\" for=\"node\" attr.name=\"", c);
        xml_text(b, og_model_attr_name(m, OG_UNIT, c));
        og_buf_puts(b, "\" attr.type=\"string\"/>\n");
    }
    og_buf_puts(b, "  <key id=\"line\" for=\"edge\" attr.name=\"line\" attr.type=\"string\"/>\n");
    for (size_t c = 0; c < og_model_attr_count(m, OG_LINK); c++) {
        og_buf_printf(b, "  <key id=\"l%zu\" for=\"edge\" attr.name=\"", c);
        xml_text(b, og_model_attr_name(m, OG_LINK, c));
        og_buf_puts(b, "\" attr.type=\"string\"/>\n");
    }
    og_buf_puts(b, "  <graph id=\"G\" edgedefault=\"directed\">\n");
    for (size_t i = 0; i < nmeta; i++) {
        char key[32];
        snprintf(key, sizeof key, "g%zu", i);
        data(b, "    ", key, og_model_meta_value(m, i));
        free(gkeys[i]);
    }
    free(gkeys);
    igraph_integer_t n = og_model_unit_count(m);
    for (igraph_integer_t u = 0; u < n; u++) {
        og_buf_puts(b, "    <node id=\"");
        xml_text(b, og_unit_id(m, u));
        og_buf_puts(b, "\">\n");
        data(b, "      ", "name", og_unit_name(m, u));
        data(b, "      ", "kind", og_unit_kind(m, u));
        data(b, "      ", "level", og_unit_level(m, u));
        for (size_t c = 0; c < og_model_attr_count(m, OG_UNIT); c++) {
            const char *v = og_model_attr(m, OG_UNIT, u, c);
            if (!v)
                continue;
            char key[32];
            snprintf(key, sizeof key, "u%zu", c);
            data(b, "      ", key, v);
        }
        og_buf_puts(b, "    </node>\n");
    }
    for (igraph_integer_t e = 0; e < og_model_link_count(m); e++) {
        og_buf_puts(b, "    <edge source=\"");
        xml_text(b, og_unit_id(m, og_link_from(m, e)));
        og_buf_puts(b, "\" target=\"");
        xml_text(b, og_unit_id(m, og_link_to(m, e)));
        og_buf_puts(b, "\">\n");
        data(b, "      ", "line", og_line_name(og_link_line(m, e)));
        for (size_t c = 0; c < og_model_attr_count(m, OG_LINK); c++) {
            const char *v = og_model_attr(m, OG_LINK, e, c);
            if (!v)
                continue;
            char key[32];
            snprintf(key, sizeof key, "l%zu", c);
            data(b, "      ", key, v);
        }
        og_buf_puts(b, "    </edge>\n");
    }
    og_buf_puts(b, "  </graph>\n</graphml>\n");
    return b->failed ? OG_ENOMEM : OG_OK;
}
