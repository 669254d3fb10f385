/*
 * model.c: the organization model. Units and links live in column arrays
 * (ids, names, kind and level indices, origins, extra attributes), links'
 * endpoints in one interleaved vector that becomes an igraph_t on demand.
 *
 * Why columns beside the igraph_t rather than igraph's attribute handler:
 * the C attribute handler keeps strings in igraph_strvector_t and finds an
 * attribute by name with a linear scan on every access; our analyses touch
 * kind and level of every unit, and a million-unit model must load in well
 * under a second (docs/performance.md). The igraph_t carries structure only.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct attr_table {
    og_i_vocab names;        /* column names */
    const char ***columns;   /* columns[c][index], NULL = unset */
    size_t cap;              /* rows allocated in every column */
} attr_table;

struct og_model {
    og_i_arena strings;
    og_i_vocab files;
    const char *last_file;   /* the file named last to set_origin, and its index */
    long last_file_index;
    long last_kind, last_level; /* the kind and level of the unit added last */

    igraph_integer_t n_units, cap_units;
    const char **ids, **names;
    int32_t *kind, *level;
    int32_t *ufile;          /* index into files, -1 unknown */
    long *uline;
    og_i_strmap idmap;
    og_i_vocab kinds, levels;

    igraph_integer_t n_links, cap_links;
    igraph_integer_t links_ahead; /* links a loader expects to add later */
    igraph_vector_int_t edges;   /* from0, to0, from1, to1, ... */
    unsigned char *line;
    int32_t *lfile;
    long *lline;

    attr_table attrs[2];

    char **meta_keys, **meta_values;
    size_t n_meta, cap_meta;

    char *path;
    igraph_t graph;
    int graph_valid;
};

static const char *const reserved_unit[] = {"id", "name", "kind", "level", "parent", NULL};
static const char *const reserved_link[] = {"from", "to", "line", NULL};

og_model *og_model_new(void)
{
    og_init();
    og_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    og_i_arena_init(&m->strings);
    og_i_vocab_init(&m->files);
    og_i_strmap_init(&m->idmap);
    og_i_vocab_init(&m->kinds);
    og_i_vocab_init(&m->levels);
    m->last_kind = m->last_level = -1;
    og_i_vocab_init(&m->attrs[0].names);
    og_i_vocab_init(&m->attrs[1].names);
    if (igraph_vector_int_init(&m->edges, 0) != IGRAPH_SUCCESS) {
        free(m);
        return NULL;
    }
    return m;
}

static void attr_table_free(attr_table *t)
{
    for (size_t c = 0; c < t->names.count; c++)
        free(t->columns[c]);
    free(t->columns);
    og_i_vocab_free(&t->names);
}

void og_model_free(og_model *m)
{
    if (!m)
        return;
    og_i_arena_free(&m->strings);
    og_i_vocab_free(&m->files);
    free(m->ids);
    free(m->names);
    free(m->kind);
    free(m->level);
    free(m->ufile);
    free(m->uline);
    og_i_strmap_free(&m->idmap);
    og_i_vocab_free(&m->kinds);
    og_i_vocab_free(&m->levels);
    igraph_vector_int_destroy(&m->edges);
    free(m->line);
    free(m->lfile);
    free(m->lline);
    attr_table_free(&m->attrs[0]);
    attr_table_free(&m->attrs[1]);
    for (size_t i = 0; i < m->n_meta; i++) {
        free(m->meta_keys[i]);
        free(m->meta_values[i]);
    }
    free(m->meta_keys);
    free(m->meta_values);
    free(m->path);
    if (m->graph_valid)
        igraph_destroy(&m->graph);
    free(m);
}

static void invalidate(og_model *m)
{
    if (m->graph_valid) {
        igraph_destroy(&m->graph);
        m->graph_valid = 0;
    }
}

igraph_integer_t og_model_unit_count(const og_model *m) { return m->n_units; }
igraph_integer_t og_model_link_count(const og_model *m) { return m->n_links; }

#define GROW(ptr, cap)                                                        \
    do {                                                                      \
        void *p_ = realloc((ptr), (size_t)(cap) * sizeof *(ptr));             \
        if (!p_)                                                              \
            return OG_ENOMEM;                                                 \
        (ptr) = p_;                                                           \
    } while (0)

static og_status attr_table_grow(attr_table *t, size_t cap)
{
    for (size_t c = 0; c < t->names.count; c++) {
        const char **col = realloc(t->columns[c], cap * sizeof *col);
        if (!col)
            return OG_ENOMEM;
        memset(col + t->cap, 0, (cap - t->cap) * sizeof *col);
        t->columns[c] = col;
    }
    t->cap = cap;
    return OG_OK;
}

static og_status units_reserve(og_model *m, igraph_integer_t want)
{
    if (want <= m->cap_units)
        return OG_OK;
    igraph_integer_t cap = m->cap_units ? m->cap_units : 64;
    while (cap < want)
        cap *= 2;
    GROW(m->ids, cap);
    GROW(m->names, cap);
    GROW(m->kind, cap);
    GROW(m->level, cap);
    GROW(m->ufile, cap);
    GROW(m->uline, cap);
    og_status st = attr_table_grow(&m->attrs[OG_UNIT], (size_t)cap);
    if (st != OG_OK)
        return st;
    m->cap_units = cap;
    return OG_OK;
}

static og_status links_reserve(og_model *m, igraph_integer_t want)
{
    if (want <= m->cap_links)
        return OG_OK;
    igraph_integer_t cap = m->cap_links ? m->cap_links : 64;
    while (cap < want)
        cap *= 2;
    GROW(m->line, cap);
    GROW(m->lfile, cap);
    GROW(m->lline, cap);
    if (igraph_vector_int_reserve(&m->edges, 2 * cap) != IGRAPH_SUCCESS)
        return OG_ENOMEM;
    og_status st = attr_table_grow(&m->attrs[OG_LINK], (size_t)cap);
    if (st != OG_OK)
        return st;
    m->cap_links = cap;
    return OG_OK;
}

og_status og_i_model_reserve(og_model *m, igraph_integer_t units)
{
    og_status st = og_i_strmap_reserve(&m->idmap, (size_t)units);
    if (st == OG_OK)
        st = units_reserve(m, m->n_units + units);
    return st;
}

og_status og_i_model_reserve_links(og_model *m, igraph_integer_t links)
{
    return links_reserve(m, m->n_links + links + m->links_ahead);
}

void og_i_model_links_ahead(og_model *m, igraph_integer_t links)
{
    m->links_ahead = links;
}

void og_i_model_find_batch(const og_model *m, const char *const *ids,
                           size_t n, igraph_integer_t *out)
{
    og_i_strmap_get_batch(&m->idmap, m->ids, ids, n, out);
}

/* og_i_vocab_intern, trying the name interned last first: in most models a
 * run of units shares a kind or a level, and one strcmp is cheaper than a
 * hash and a probe. */
static long intern_again(og_i_vocab *vocab, long *last, const char *name)
{
    if (*last >= 0 && strcmp(vocab->names[*last], name) == 0)
        return *last;
    long i = og_i_vocab_intern(vocab, name);
    if (i >= 0)
        *last = i;
    return i;
}

void og_i_model_prefetch_id(const og_model *m, uint32_t hash)
{
    og_i_strmap_prefetch(&m->idmap, hash);
}

og_status og_model_add_unit(og_model *m, const char *id, const char *name,
                            const char *kind, const char *level,
                            igraph_integer_t *unit)
{
    if (!id)
        return OG_EINVAL;
    return og_i_model_add_unit_h(m, id, og_i_hash(id, strlen(id)), name, kind,
                                 level, unit);
}

og_status og_i_model_add_unit_h(og_model *m, const char *id, uint32_t hash,
                                const char *name, const char *kind,
                                const char *level, igraph_integer_t *unit)
{
    if (!id || !*id || m->n_units >= (igraph_integer_t)UINT32_MAX - 1)
        return OG_EINVAL;
    og_status st = og_i_strmap_reserve(&m->idmap, 1);
    if (st != OG_OK)
        return st;
    size_t slot;
    if (og_i_strmap_probe_h(&m->idmap, m->ids, id, hash, &slot) >= 0)
        return OG_EINVAL;
    st = units_reserve(m, m->n_units + 1);
    if (st != OG_OK)
        return st;
    long k = intern_again(&m->kinds, &m->last_kind, kind ? kind : "");
    long l = intern_again(&m->levels, &m->last_level, level ? level : "");
    const char *cid = og_i_arena_strdup(&m->strings, id);
    const char *cname = og_i_arena_strdup(&m->strings, name ? name : "");
    if (k < 0 || l < 0 || !cid || !cname)
        return OG_ENOMEM;
    igraph_integer_t u = m->n_units;
    m->ids[u] = cid;
    m->names[u] = cname;
    m->kind[u] = (int32_t)k;
    m->level[u] = (int32_t)l;
    m->ufile[u] = -1;
    m->uline[u] = 0;
    og_i_strmap_fill(&m->idmap, slot, hash, u);
    m->n_units++;
    invalidate(m);
    if (unit)
        *unit = u;
    return OG_OK;
}

og_status og_model_add_link(og_model *m, igraph_integer_t from,
                            igraph_integer_t to, og_line line,
                            igraph_integer_t *link)
{
    if (from < 0 || from >= m->n_units || to < 0 || to >= m->n_units ||
        (int)line < 0 || (int)line >= OG_LINE_COUNT)
        return OG_EINVAL;
    og_status st = links_reserve(m, m->n_links + 1);
    if (st != OG_OK)
        return st;
    igraph_integer_t e = m->n_links;
    /* reserved above, so these cannot fail */
    igraph_vector_int_push_back(&m->edges, from);
    igraph_vector_int_push_back(&m->edges, to);
    m->line[e] = (unsigned char)line;
    m->lfile[e] = -1;
    m->lline[e] = 0;
    m->n_links++;
    invalidate(m);
    if (link)
        *link = e;
    return OG_OK;
}

og_status og_i_model_add_superior_links(og_model *m, igraph_integer_t first,
                                        const igraph_integer_t *sup,
                                        const char *file)
{
    igraph_integer_t n = m->n_units, add = 0;
    for (igraph_integer_t u = first; u < n; u++)
        add += sup[u - first] >= 0;
    if (add == 0)
        return OG_OK;
    long f = -1;
    if (file && (f = og_i_vocab_intern(&m->files, file)) < 0)
        return OG_ENOMEM;
    og_status st = links_reserve(m, m->n_links + add);
    if (st != OG_OK)
        return st;
    igraph_integer_t e = m->n_links;
    /* reserved above, so this cannot fail */
    igraph_vector_int_resize(&m->edges, 2 * (e + add));
    igraph_integer_t *ends = VECTOR(m->edges);
    for (igraph_integer_t u = first; u < n; u++) {
        igraph_integer_t p = sup[u - first];
        if (p < 0)
            continue;
        ends[2 * e] = p;
        ends[2 * e + 1] = u;
        m->line[e] = OG_LINE_COMMAND;
        m->lfile[e] = (int32_t)f;
        m->lline[e] = m->uline[u];
        e++;
    }
    m->n_links = e;
    invalidate(m);
    return OG_OK;
}

static int is_reserved(og_object object, const char *key)
{
    const char *const *r = object == OG_UNIT ? reserved_unit : reserved_link;
    for (; *r; r++)
        if (strcmp(*r, key) == 0)
            return 1;
    return 0;
}

long og_i_model_attr_column(og_model *m, og_object object, const char *key)
{
    attr_table *t = &m->attrs[object];
    long c = og_i_vocab_find(&t->names, key);
    if (c >= 0)
        return c;
    const char ***cols = realloc(t->columns, (t->names.count + 1) * sizeof *cols);
    if (!cols)
        return -1;
    t->columns = cols;
    const char **col = calloc(t->cap ? t->cap : 1, sizeof *col);
    if (!col)
        return -1;
    c = og_i_vocab_intern(&t->names, key);
    if (c < 0) {
        free(col);
        return -1;
    }
    cols[c] = col;
    return c;
}

og_status og_i_model_set_attr_column(og_model *m, og_object object,
                                     igraph_integer_t index, size_t column,
                                     const char *value)
{
    const char *v = NULL;
    if (value) {
        v = og_i_arena_strdup(&m->strings, value);
        if (!v)
            return OG_ENOMEM;
    }
    m->attrs[object].columns[column][index] = v;
    return OG_OK;
}

og_status og_model_set_attr(og_model *m, og_object object,
                            igraph_integer_t index, const char *key,
                            const char *value)
{
    igraph_integer_t n = object == OG_UNIT ? m->n_units : m->n_links;
    if (index < 0 || index >= n || !key || !*key || is_reserved(object, key))
        return OG_EINVAL;
    long c = og_i_model_attr_column(m, object, key);
    if (c < 0)
        return OG_ENOMEM;
    return og_i_model_set_attr_column(m, object, index, (size_t)c, value);
}

const char *og_i_model_file(og_model *m, const char *file)
{
    long f = og_i_vocab_intern(&m->files, file);
    return f < 0 ? NULL : m->files.names[f];
}

og_status og_model_set_origin(og_model *m, og_object object,
                              igraph_integer_t index, const char *file,
                              long line)
{
    igraph_integer_t n = object == OG_UNIT ? m->n_units : m->n_links;
    if (index < 0 || index >= n)
        return OG_EINVAL;
    long f = -1;
    if (file && m->last_file && file == m->files.names[m->last_file_index]) {
        /* the model's own copy, which never changes (loaders pass the
         * pointer og_i_model_file gave them): no need to compare */
        f = m->last_file_index;
    } else if (file && file == m->last_file &&
               strcmp(file, m->files.names[m->last_file_index]) == 0) {
        /* loaders name the same file row after row: skip the hash */
        f = m->last_file_index;
    } else if (file) {
        f = og_i_vocab_intern(&m->files, file);
        if (f < 0)
            return OG_ENOMEM;
        m->last_file = file;
        m->last_file_index = f;
    }
    if (object == OG_UNIT) {
        m->ufile[index] = (int32_t)f;
        m->uline[index] = line;
    } else {
        m->lfile[index] = (int32_t)f;
        m->lline[index] = line;
    }
    return OG_OK;
}

void og_model_origin(const og_model *m, og_object object,
                     igraph_integer_t index, const char **file, long *line)
{
    int32_t f = object == OG_UNIT ? m->ufile[index] : m->lfile[index];
    *file = f >= 0 ? m->files.names[f] : NULL;
    *line = object == OG_UNIT ? m->uline[index] : m->lline[index];
}

og_status og_model_add_meta(og_model *m, const char *key, const char *value)
{
    if (!key || !*key)
        return OG_EINVAL;
    if (m->n_meta == m->cap_meta) {
        size_t cap = m->cap_meta ? m->cap_meta * 2 : 8;
        GROW(m->meta_keys, cap);
        GROW(m->meta_values, cap);
        m->cap_meta = cap;
    }
    char *k = strdup(key), *v = strdup(value ? value : "");
    if (!k || !v) {
        free(k);
        free(v);
        return OG_ENOMEM;
    }
    m->meta_keys[m->n_meta] = k;
    m->meta_values[m->n_meta] = v;
    m->n_meta++;
    return OG_OK;
}

igraph_integer_t og_model_find(const og_model *m, const char *id)
{
    return id ? og_i_strmap_get(&m->idmap, m->ids, id) : -1;
}

const char *og_unit_id(const og_model *m, igraph_integer_t u) { return m->ids[u]; }
const char *og_unit_name(const og_model *m, igraph_integer_t u) { return m->names[u]; }
const char *og_unit_kind(const og_model *m, igraph_integer_t u)
{
    return m->kinds.names[m->kind[u]];
}
const char *og_unit_level(const og_model *m, igraph_integer_t u)
{
    return m->levels.names[m->level[u]];
}

igraph_integer_t og_link_from(const og_model *m, igraph_integer_t e)
{
    return VECTOR(m->edges)[2 * e];
}
igraph_integer_t og_link_to(const og_model *m, igraph_integer_t e)
{
    return VECTOR(m->edges)[2 * e + 1];
}
og_line og_link_line(const og_model *m, igraph_integer_t e)
{
    return (og_line)m->line[e];
}

const igraph_integer_t *og_i_model_link_ends(const og_model *m)
{
    return VECTOR(m->edges);
}
const unsigned char *og_i_model_link_lines(const og_model *m) { return m->line; }
const int32_t *og_i_model_unit_kinds(const og_model *m) { return m->kind; }
const int32_t *og_i_model_unit_levels(const og_model *m) { return m->level; }

size_t og_model_attr_count(const og_model *m, og_object object)
{
    return m->attrs[object].names.count;
}
const char *og_model_attr_name(const og_model *m, og_object object, size_t c)
{
    return m->attrs[object].names.names[c];
}
long og_model_attr_find(const og_model *m, og_object object, const char *key)
{
    return og_i_vocab_find(&m->attrs[object].names, key);
}
const char *og_model_attr(const og_model *m, og_object object,
                          igraph_integer_t index, size_t c)
{
    return m->attrs[object].columns[c][index];
}

size_t og_model_meta_count(const og_model *m) { return m->n_meta; }
const char *og_model_meta_key(const og_model *m, size_t i) { return m->meta_keys[i]; }
const char *og_model_meta_value(const og_model *m, size_t i) { return m->meta_values[i]; }
const char *og_model_meta_get(const og_model *m, const char *key)
{
    for (size_t i = 0; i < m->n_meta; i++)
        if (strcmp(m->meta_keys[i], key) == 0)
            return m->meta_values[i];
    return NULL;
}

size_t og_model_kind_count(const og_model *m) { return m->kinds.count; }
const char *og_model_kind_name(const og_model *m, size_t k) { return m->kinds.names[k]; }
size_t og_unit_kind_index(const og_model *m, igraph_integer_t u) { return (size_t)m->kind[u]; }
size_t og_model_level_count(const og_model *m) { return m->levels.count; }
const char *og_model_level_name(const og_model *m, size_t l) { return m->levels.names[l]; }
size_t og_unit_level_index(const og_model *m, igraph_integer_t u) { return (size_t)m->level[u]; }

const igraph_t *og_model_graph(og_model *m)
{
    if (m->graph_valid)
        return &m->graph;
    if (igraph_create(&m->graph, &m->edges, m->n_units, IGRAPH_DIRECTED) !=
        IGRAPH_SUCCESS)
        return NULL;
    m->graph_valid = 1;
    return &m->graph;
}

const char *og_model_path(const og_model *m) { return m->path; }

void og_i_model_set_path(og_model *m, const char *path)
{
    free(m->path);
    m->path = path ? strdup(path) : NULL;
}

/* ------------------------------------------------------------------ lines */

static const char *const line_names[OG_LINE_COUNT] = {
    "command", "party", "guidance", "coordination"};

const char *og_line_name(og_line line)
{
    return (int)line >= 0 && (int)line < OG_LINE_COUNT ? line_names[line] : "?";
}

int og_line_parse(const char *name)
{
    for (int i = 0; i < OG_LINE_COUNT; i++)
        if (strcmp(name, line_names[i]) == 0)
            return i;
    return -1;
}

int og_line_ranks(og_line line) { return line != OG_LINE_COORDINATION; }
