/*
 * util.c: the small machinery every other file leans on: a string arena, a
 * string-to-index hash, interned vocabularies, and the library's start-up
 * (error handlers of igraph and cgraph).
 *
 * Why our own hash: C has none, and the model needs id -> unit lookups in
 * constant time over a million ids; an open-addressing table over indices
 * (8+4 bytes a slot, keys kept in the model's own arrays) is about 40 lines
 * and keeps the memory budget (see docs/performance.md).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ arena */

struct og_i_arena_block {
    og_i_arena_block *next;
    char data[];
};

#define ARENA_BLOCK (1u << 20)

void og_i_arena_init(og_i_arena *arena) { memset(arena, 0, sizeof *arena); }

void og_i_arena_free(og_i_arena *arena)
{
    og_i_arena_block *b = arena->head;
    while (b) {
        og_i_arena_block *next = b->next;
        free(b);
        b = next;
    }
    memset(arena, 0, sizeof *arena);
}

char *og_i_arena_strndup(og_i_arena *arena, const char *s, size_t n)
{
    if (n + 1 > arena->left) {
        size_t want = n + 1 > ARENA_BLOCK / 4 ? n + 1 : ARENA_BLOCK;
        og_i_arena_block *b = malloc(sizeof *b + want);
        if (!b)
            return NULL;
        if (want == n + 1 && arena->head) {
            /* a large string gets a block of its own, kept behind the head so
             * the current block's free space is not wasted */
            b->next = arena->head->next;
            arena->head->next = b;
            memcpy(b->data, s, n);
            b->data[n] = '\0';
            return b->data;
        }
        b->next = arena->head;
        arena->head = b;
        arena->cur = b->data;
        arena->left = want;
    }
    char *p = arena->cur;
    memcpy(p, s, n);
    p[n] = '\0';
    arena->cur += n + 1;
    arena->left -= n + 1;
    return p;
}

char *og_i_arena_strdup(og_i_arena *arena, const char *s)
{
    return og_i_arena_strndup(arena, s, strlen(s));
}

/* ------------------------------------------------------------------- hash */

/* FNV-1a: simple, and fast enough that hashing is a small share of a load. */
uint32_t og_i_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void og_i_strmap_init(og_i_strmap *map) { memset(map, 0, sizeof *map); }

void og_i_strmap_free(og_i_strmap *map)
{
    free(map->slots);
    memset(map, 0, sizeof *map);
}

int64_t og_i_strmap_probe(const og_i_strmap *map, const char *const *keys,
                          const char *key, size_t *slot, uint32_t *hash)
{
    *hash = og_i_hash(key, strlen(key));
    return og_i_strmap_probe_h(map, keys, key, *hash, slot);
}

int64_t og_i_strmap_probe_h(const og_i_strmap *map, const char *const *keys,
                            const char *key, uint32_t h, size_t *slot)
{
    *slot = 0;
    if (map->cap == 0)
        return -1;
    size_t mask = map->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const og_i_slot *s = &map->slots[i];
        if (s->index1 == 0) {
            *slot = i;
            return -1;
        }
        if (s->hash == h && strcmp(keys[s->index1 - 1], key) == 0)
            return (int64_t)s->index1 - 1;
    }
}

int64_t og_i_strmap_get(const og_i_strmap *map, const char *const *keys,
                        const char *key)
{
    size_t slot;
    uint32_t hash;
    return og_i_strmap_probe(map, keys, key, &slot, &hash);
}

void og_i_strmap_get_batch(const og_i_strmap *map, const char *const *keys,
                           const char *const *query, size_t n, int64_t *out)
{
    enum { CHUNK = 64 };
    uint32_t hash[CHUNK];
    size_t mask = map->cap ? map->cap - 1 : 0;
    for (size_t base = 0; base < n; base += CHUNK) {
        size_t k = n - base < CHUNK ? n - base : CHUNK;
        /* first hash the chunk and ask for its slots, so that the memory
         * waits overlap instead of following one another */
        for (size_t i = 0; i < k; i++) {
            const char *q = query[base + i];
            hash[i] = q ? og_i_hash(q, strlen(q)) : 0;
            if (q && map->cap)
                __builtin_prefetch(&map->slots[hash[i] & mask]);
        }
        for (size_t i = 0; i < k; i++) {
            const char *q = query[base + i];
            out[base + i] = -1;
            if (!q || !map->cap)
                continue;
            for (size_t j = hash[i] & mask;; j = (j + 1) & mask) {
                const og_i_slot *s = &map->slots[j];
                if (s->index1 == 0)
                    break;
                if (s->hash == hash[i] && strcmp(keys[s->index1 - 1], q) == 0) {
                    out[base + i] = (int64_t)s->index1 - 1;
                    break;
                }
            }
        }
    }
}

static og_status strmap_grow(og_i_strmap *map, size_t cap)
{
    og_i_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return OG_ENOMEM;
    size_t mask = cap - 1;
    for (size_t j = 0; j < map->cap; j++) {
        if (map->slots[j].index1 == 0)
            continue;
        size_t i = map->slots[j].hash & mask;
        while (slots[i].index1 != 0)
            i = (i + 1) & mask;
        slots[i] = map->slots[j];
    }
    free(map->slots);
    map->slots = slots;
    map->cap = cap;
    return OG_OK;
}

og_status og_i_strmap_reserve(og_i_strmap *map, size_t more)
{
    /* load factor at most one half keeps probe sequences short */
    size_t want = (map->size + more) * 2;
    if (want <= map->cap)
        return OG_OK;
    size_t cap = map->cap ? map->cap : 64;
    while (cap < want)
        cap *= 2;
    return strmap_grow(map, cap);
}

void og_i_strmap_fill(og_i_strmap *map, size_t slot, uint32_t hash,
                      int64_t index)
{
    map->slots[slot].hash = hash;
    map->slots[slot].index1 = (uint32_t)(index + 1);
    map->size++;
}

og_status og_i_strmap_put(og_i_strmap *map, const char *const *keys,
                          const char *key, int64_t index)
{
    og_status st = og_i_strmap_reserve(map, 1);
    if (st != OG_OK)
        return st;
    size_t slot;
    uint32_t hash;
    og_i_strmap_probe(map, keys, key, &slot, &hash);
    og_i_strmap_fill(map, slot, hash, index);
    return OG_OK;
}

/* ------------------------------------------------------------------ vocab */

void og_i_vocab_init(og_i_vocab *vocab)
{
    memset(vocab, 0, sizeof *vocab);
    og_i_strmap_init(&vocab->map);
}

void og_i_vocab_free(og_i_vocab *vocab)
{
    for (size_t i = 0; i < vocab->count; i++)
        free(vocab->names[i]);
    free(vocab->names);
    og_i_strmap_free(&vocab->map);
    memset(vocab, 0, sizeof *vocab);
}

long og_i_vocab_find(const og_i_vocab *vocab, const char *name)
{
    return (long)og_i_strmap_get(&vocab->map, (const char *const *)vocab->names,
                                 name);
}

long og_i_vocab_intern(og_i_vocab *vocab, const char *name)
{
    long i = og_i_vocab_find(vocab, name);
    if (i >= 0)
        return i;
    if (vocab->count == vocab->cap) {
        size_t cap = vocab->cap ? vocab->cap * 2 : 16;
        char **names = realloc(vocab->names, cap * sizeof *names);
        if (!names)
            return -1;
        vocab->names = names;
        vocab->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return -1;
    vocab->names[vocab->count] = copy;
    if (og_i_strmap_put(&vocab->map, (const char *const *)vocab->names, copy,
                        (int64_t)vocab->count) != OG_OK) {
        free(copy);
        return -1;
    }
    return (long)vocab->count++;
}

/* ----------------------------------------------------------------- status */

const char *og_status_string(og_status status)
{
    switch (status) {
    case OG_OK: return "ok";
    case OG_ENOMEM: return "out of memory";
    case OG_EIO: return "input/output error";
    case OG_EFORMAT: return "input is not a model";
    case OG_EINVAL: return "invalid argument";
    case OG_EINTERNAL: return "internal error";
    }
    return "unknown status";
}

/* ------------------------------------------------------------ error hooks */

/* igraph reports errors through a handler that, by default, aborts. Ours
 * keeps the message for the caller and frees igraph's cleanup stack, so the
 * failing igraph call returns its error code to us. */
static char igraph_message[512];

static void igraph_error_capture(const char *reason, const char *file,
                                 int line, igraph_error_t err)
{
    (void)file;
    (void)line;
    snprintf(igraph_message, sizeof igraph_message, "%s (%s)",
             reason ? reason : "igraph error", igraph_strerror(err));
    IGRAPH_FINALLY_FREE();
}

static void igraph_warning_ignore(const char *reason, const char *file,
                                  int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

const char *og_i_igraph_last_error(void) { return igraph_message; }

og_status og_i_from_igraph(igraph_error_t err)
{
    switch (err) {
    case IGRAPH_SUCCESS: return OG_OK;
    case IGRAPH_ENOMEM: return OG_ENOMEM;
    case IGRAPH_PARSEERROR: return OG_EFORMAT;
    case IGRAPH_EFILE: return OG_EIO;
    default: return OG_EINTERNAL;
    }
}

void og_i_cgraph_init(void);

void og_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    igraph_set_error_handler(igraph_error_capture);
    igraph_set_warning_handler(igraph_warning_ignore);
    og_i_cgraph_init();
}
