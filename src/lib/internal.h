/*
 * internal.h: private declarations shared by the files of liborgraph.
 * Cross-file private names start with og_i_; nothing here is installed.
 */
#ifndef ORGRAPH_INTERNAL_H
#define ORGRAPH_INTERNAL_H

#include "orgraph.h"

#include <stdarg.h>
#include <stdint.h>

/* ---- string arena: many small immutable strings, freed all at once ---- */

typedef struct og_i_arena_block og_i_arena_block;
typedef struct og_i_arena {
    og_i_arena_block *head;
    char *cur;
    size_t left;
} og_i_arena;

void og_i_arena_init(og_i_arena *arena);
void og_i_arena_free(og_i_arena *arena);
/* Copies n bytes and a terminating NUL; NULL when out of memory. */
char *og_i_arena_strndup(og_i_arena *arena, const char *s, size_t n);
char *og_i_arena_strdup(og_i_arena *arena, const char *s);

/* ---- open-addressing hash of strings to dense indices ---- */

/* One 8-byte slot: the key's hash and its index + 1 (0 = empty), so a probe
 * touches one cache line. Holds at most 2^32 - 2 keys. */
typedef struct og_i_slot {
    uint32_t hash;
    uint32_t index1;
} og_i_slot;

typedef struct og_i_strmap {
    og_i_slot *slots;
    size_t cap;          /* power of two */
    size_t size;
} og_i_strmap;

uint32_t og_i_hash(const char *s, size_t n);
void og_i_strmap_init(og_i_strmap *map);
void og_i_strmap_free(og_i_strmap *map);
/* Makes room for `more` further keys without rehashing. */
og_status og_i_strmap_reserve(og_i_strmap *map, size_t more);
/* Looks key up; keys[] maps an index back to its string. Returns the index or
 * -1. */
int64_t og_i_strmap_get(const og_i_strmap *map, const char *const *keys,
                        const char *key);
/* Looks key up and, when absent, leaves in *slot and *hash where it would go
 * (valid until the next insertion); call og_i_strmap_reserve(map, 1) first.
 * Returns the index or -1. One probe sequence for a find-or-insert. */
int64_t og_i_strmap_probe(const og_i_strmap *map, const char *const *keys,
                          const char *key, size_t *slot, uint32_t *hash);
/* og_i_strmap_probe for a key whose hash h = og_i_hash(key) is known. */
int64_t og_i_strmap_probe_h(const og_i_strmap *map, const char *const *keys,
                            const char *key, uint32_t h, size_t *slot);
/* Asks for the slot where a key of hash h starts its probe, so that a later
 * probe finds it in the cache. */
static inline void og_i_strmap_prefetch(const og_i_strmap *map, uint32_t h)
{
    if (map->cap)
        __builtin_prefetch(&map->slots[h & (map->cap - 1)], 1);
}
/* Looks up n keys at once (NULL entries give -1), prefetching the slots of
 * a chunk of keys before probing them, so that the cache misses of
 * neighbouring look-ups overlap. */
void og_i_strmap_get_batch(const og_i_strmap *map, const char *const *keys,
                           const char *const *query, size_t n, int64_t *out);
/* Fills the slot found by og_i_strmap_probe. */
void og_i_strmap_fill(og_i_strmap *map, size_t slot, uint32_t hash,
                      int64_t index);
/* Inserts key -> index (key must be absent). Returns OG_ENOMEM on failure. */
og_status og_i_strmap_put(og_i_strmap *map, const char *const *keys,
                          const char *key, int64_t index);

/* ---- a small interned vocabulary (kinds, levels, attribute names) ---- */

typedef struct og_i_vocab {
    char **names;
    size_t count, cap;
    og_i_strmap map;
} og_i_vocab;

void og_i_vocab_init(og_i_vocab *vocab);
void og_i_vocab_free(og_i_vocab *vocab);
/* Returns the index of name, adding it if new; -1 when out of memory. */
long og_i_vocab_intern(og_i_vocab *vocab, const char *name);
long og_i_vocab_find(const og_i_vocab *vocab, const char *name);

/* Appends s escaped for XML and HTML text and attribute values (& < > " ');
 * with `whitespace`, also CR, tab and LF as character references (io.c). */
void og_i_markup_text(og_buf *b, const char *s, int whitespace);

/* ---- files ---- */

/* Reads a whole file into a malloc'd, NUL-terminated buffer. */
og_status og_i_read_file(const char *path, char **data, size_t *size,
                         og_diags *diags);
/* 1 if path is an existing directory. */
int og_i_is_dir(const char *path);
/* Writes n files (names[i] holding sizes[i] bytes of data[i]) as the
 * directory `path`, replacing it as a whole: the files are written and
 * fsync'd in a fresh directory beside it, which is renamed into place or,
 * when `path` exists, swapped with it in one step (renameat2
 * RENAME_EXCHANGE); then the old copy is removed. Other files of an
 * existing directory are carried over (hard links); anything else in it
 * (a subdirectory...) is refused before anything is written. On any
 * failure the directory is left as it was and no temporary is left.
 * Where the swap cannot be done (no RENAME_EXCHANGE, a mount point, the
 * working directory, a parent we may not write in) each file is replaced
 * on its own. Reasons go to diags. */
og_status og_i_write_dir_atomic(const char *path, const char *const *names,
                                const char *const *data, const size_t *sizes,
                                size_t n, og_diags *diags);
/* Fault injection, for the unit tests only: og_i_fault_no_exchange makes
 * og_i_write_dir_atomic behave as on a system without RENAME_EXCHANGE;
 * og_i_fault_write = N makes the Nth file it writes fail with EIO. */
extern int og_i_fault_no_exchange;
extern int og_i_fault_write;
/* Joins dir and name with one '/'; malloc'd. */
char *og_i_path_join(const char *dir, const char *name);

/* Scans bytes for NUL bytes and invalid UTF-8; appends one error per bad line
 * (at most `max` errors, then a summary). Returns the number of bad lines. */
/* Replaces, in place, every NUL byte and invalid UTF-8 byte with '?'; returns
 * the new size (never larger). */
size_t og_i_sanitize_utf8(char *data, size_t size);
size_t og_i_check_encoding(const char *data, size_t size, const char *file,
                           og_diags *diags, size_t max);
/* 1 when the n bytes at s are valid UTF-8. */
int og_i_utf8_valid(const char *s, size_t n);
/* The length of s[0..n) without a multi-byte sequence cut short at its end
 * (UTF-8 input cut at n stays UTF-8). */
size_t og_i_utf8_cut(const char *s, size_t n);
/* vsnprintf into out[size]; output that does not fit is cut at a character
 * boundary and ends in "..." (a message that quotes input stays UTF-8). */
void og_i_vformat_cut(char *out, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* ---- loaders (each appends problems to diags; see og_model_load). The
 * CSV loaders parse in place: data must be writable and NUL-terminated. */

og_status og_i_load_csv_dir(const char *dir, og_model **model, og_diags *diags);
og_status og_i_load_csv_units(og_model *model, char *data, size_t size,
                              const char *file, int allow_links,
                              og_diags *diags);
og_status og_i_load_csv_links(og_model *model, char *data, size_t size,
                              const char *file, og_diags *diags);
og_status og_i_load_csv_meta(og_model *model, char *data, size_t size,
                             const char *file, og_diags *diags);
og_status og_i_load_dot(const char *data, size_t size, const char *file,
                        og_model **model, og_diags *diags);
og_status og_i_load_graphml(const char *data, size_t size, const char *file,
                            og_model **model, og_diags *diags);

/* Reads a CSV buffer in place (writable, NUL-terminated), calling fn once
 * per record with its fields and the line it started on; fn returns non-zero
 * to stop. Malformed records are reported to diags and skipped. O(size). */
typedef int (*og_i_record_fn)(void *ctx, char **fields, size_t n, long line);
og_status og_i_csv_read(char *data, size_t size, const char *file,
                        og_diags *diags, og_i_record_fn fn, void *ctx);

/* ---- transitions (transition.c) ---- */

/* og_transition_load on a buffer in memory (writable, NUL-terminated, parsed
 * in place), as if read from `name`; for og_transition_load and fuzzing. */
og_status og_i_transition_parse(char *data, size_t size, const char *name,
                                og_transition **transition, og_diags *diags);

/* ---- writers ---- */

og_status og_i_write_dot(const og_model *model, og_buf *out);
og_status og_i_write_csv_units(const og_model *model, og_buf *out);
og_status og_i_write_csv_links(const og_model *model, og_buf *out);
og_status og_i_write_csv_meta(const og_model *model, og_buf *out);
og_status og_i_write_graphml(og_model *model, og_buf *out);

/* ---- model internals used by loaders ---- */

/* Makes room for `units` more units without reallocating. */
og_status og_i_model_reserve(og_model *model, igraph_integer_t units);
og_status og_i_model_reserve_links(og_model *model, igraph_integer_t links);
/* Tells the model that about `links` more links will follow the ones the
 * next og_i_model_reserve_links makes room for (a CSV directory's links.csv
 * after units.csv's parents), so that one allocation holds both instead of
 * growing, and copying, the link columns in between. 0 when done. */
void og_i_model_links_ahead(og_model *model, igraph_integer_t links);
/* og_model_add_unit for an id whose hash og_i_hash(id) is known. */
og_status og_i_model_add_unit_h(og_model *model, const char *id, uint32_t hash,
                                const char *name, const char *kind,
                                const char *level, igraph_integer_t *unit);
/* Asks for the id hash's slot of an id of this hash (see
 * og_i_strmap_prefetch). */
void og_i_model_prefetch_id(const og_model *model, uint32_t hash);
/* The links' endpoints, interleaved (from0, to0, from1, to1, ...), and
 * their lines: the columns behind og_link_from, og_link_to and og_link_line,
 * for loops over every link. Valid until the next link is added. */
const igraph_integer_t *og_i_model_link_ends(const og_model *model);
const unsigned char *og_i_model_link_lines(const og_model *model);
/* The kind and level index of every unit (og_unit_kind_index, ...). */
const int32_t *og_i_model_unit_kinds(const og_model *model);
const int32_t *og_i_model_unit_levels(const og_model *model);
/* For each unit u from first on with sup[u - first] >= 0, adds the command
 * link sup[u - first] -> u, its origin the file and u's line. The same as
 * og_model_add_link and og_model_set_origin for each, in one pass. */
og_status og_i_model_add_superior_links(og_model *model, igraph_integer_t first,
                                        const igraph_integer_t *sup,
                                        const char *file);
/* og_model_find for n ids at once (see og_i_strmap_get_batch). */
void og_i_model_find_batch(const og_model *model, const char *const *ids,
                           size_t n, igraph_integer_t *out);
/* Interns a file name in the model, returning a stable pointer. */
const char *og_i_model_file(og_model *model, const char *file);
void og_i_model_set_path(og_model *model, const char *path);
/* The column of an attribute, created (empty) if new; -1 when out of memory. */
long og_i_model_attr_column(og_model *model, og_object object, const char *key);
/* Sets one cell of an attribute column (no checks; for loaders). */
og_status og_i_model_set_attr_column(og_model *model, og_object object,
                                     igraph_integer_t index, size_t column,
                                     const char *value);

/* ---- error capture (util.c, load_dot.c) ---- */

/* Installs cgraph's error function (called once by og_init). */
void og_i_cgraph_init(void);

/* The message of the last igraph error seen by the library's handler. */
const char *og_i_igraph_last_error(void);
/* Maps an igraph error code to a status. */
og_status og_i_from_igraph(igraph_error_t err);

/* ---- JSON documents (info.c): jansson, keys in insertion order ---- */

struct json_t;
/* Sets obj[key] = value, taking the reference; -1 when value is NULL (out
 * of memory) or the set fails, else 0. */
int og_i_json_set(struct json_t *obj, const char *key, struct json_t *value);
/* A JSON string, or null for NULL. */
struct json_t *og_i_json_str(const char *s);
/* Appends the document, indented, plus a newline; frees it. */
og_status og_i_json_dump(struct json_t *doc, og_buf *buf);

#define OG_I_UNUSED(x) ((void)(x))

#endif /* ORGRAPH_INTERNAL_H */
