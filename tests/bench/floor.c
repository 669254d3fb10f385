/*
 * floor.c: the floor for the analysis job of scripts/bench.sh: the least
 * any tool must do to answer it from a units.csv. It
 *   1. read()s the whole file into memory once,
 *   2. counts the lines and splits each on commas (naively: no quotes,
 *      no validation; the generated files need none),
 *   3. gives each id an index with one probe of an open-addressing hash
 *      and looks each parent up (ids are text, so any tool must),
 *   4. builds the child lists and does one BFS from each apex: the chain
 *      of every unit, units per layer and the span bands.
 * It keeps no name, kind or level and reads no links.csv: a lower bound,
 * not a tool. scripts/bench.sh reports orgraph's time over this one.
 * usage: bench_floor UNITS.csv
 * prints the same small JSON summary as scripts/bench/nx_analyze.py, and
 * the time of each step on stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "bench_floor: out of memory\n");
        exit(1);
    }
    return p;
}

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_floor UNITS.csv\n");
        return 2;
    }
    double t0 = now();
    /* 1. read the file once */
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(argv[1]);
        return 1;
    }
    size_t size = (size_t)st.st_size;
    char *buf = xmalloc(size + 1);
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, buf + got, size - got);
        if (r <= 0) {
            perror(argv[1]);
            return 1;
        }
        got += (size_t)r;
    }
    close(fd);
    buf[size] = '\n';
    double t1 = now();

    /* 2. count lines, find the id and parent columns, split */
    size_t lines = 0;
    for (char *p = buf; (p = memchr(p, '\n', (size_t)(buf + size - p))); p++)
        lines++;
    if (lines < 1)
        return 1;
    int idcol = -1, pcol = -1, col = 0;
    char *p = buf;
    for (char *f = p;; p++) {
        if (*p == ',' || *p == '\n') {
            if ((size_t)(p - f) == 2 && !memcmp(f, "id", 2))
                idcol = col;
            if ((size_t)(p - f) == 6 && !memcmp(f, "parent", 6))
                pcol = col;
            col++;
            f = p + 1;
            if (*p == '\n')
                break;
        }
    }
    p++;
    if (idcol < 0) {
        fprintf(stderr, "bench_floor: no id column\n");
        return 1;
    }
    size_t cap = lines;
    const char **id = xmalloc(cap * sizeof *id), **par = xmalloc(cap * sizeof *par);
    uint32_t *idn = xmalloc(cap * 4), *parn = xmalloc(cap * 4);
    size_t n = 0;
    char *end = buf + size;
    while (p < end) {
        char *f = p;
        col = 0;
        id[n] = par[n] = NULL;
        idn[n] = parn[n] = 0;
        for (;; p++) {
            if (*p == ',' || *p == '\n' || *p == '\r') {
                if (col == idcol) {
                    id[n] = f;
                    idn[n] = (uint32_t)(p - f);
                } else if (col == pcol) {
                    par[n] = f;
                    parn[n] = (uint32_t)(p - f);
                }
                col++;
                f = p + 1;
                if (*p != ',')
                    break;
            }
        }
        while (p < end && (*p == '\r' || *p == '\n'))
            p++;
        if (id[n])
            n++;
    }
    double t2 = now();

    /* 3. ids to indices (one probe each), then parents */
    size_t tcap = 1;
    while (tcap < 2 * n)
        tcap <<= 1;
    uint64_t *slot = calloc(tcap, 8); /* hash << 32 | (index + 1) */
    uint32_t *parent = xmalloc(n * 4 + 4);
    if (!slot)
        return 1;
    for (size_t i = 0; i < n; i++) {
        uint32_t h = hash(id[i], idn[i]);
        size_t s = h & (tcap - 1);
        while (slot[s])
            s = (s + 1) & (tcap - 1);
        slot[s] = (uint64_t)h << 32 | (uint32_t)(i + 1);
    }
    for (size_t i = 0; i < n; i++) {
        parent[i] = UINT32_MAX;
        if (!par[i] || !parn[i])
            continue;
        uint32_t h = hash(par[i], parn[i]);
        for (size_t s = h & (tcap - 1); slot[s]; s = (s + 1) & (tcap - 1)) {
            uint32_t j = (uint32_t)slot[s] - 1;
            if ((uint32_t)(slot[s] >> 32) == h && idn[j] == parn[i] &&
                !memcmp(id[j], par[i], parn[i])) {
                parent[i] = j;
                break;
            }
        }
    }
    double t3 = now();

    /* 4. child lists (CSR), one BFS from each apex */
    uint32_t *start = calloc(n + 1, 4), *child = xmalloc(n * 4 + 4);
    uint32_t *queue = xmalloc(n * 4 + 4), *depth = xmalloc(n * 4 + 4);
    if (!start)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (parent[i] != UINT32_MAX)
            start[parent[i] + 1]++;
    for (size_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    uint32_t *fill = xmalloc(n * 4 + 4);
    memcpy(fill, start, n * 4);
    for (size_t i = 0; i < n; i++)
        if (parent[i] != UINT32_MAX)
            child[fill[parent[i]]++] = (uint32_t)i;
    size_t head = 0, tail = 0, apexes = 0;
    for (size_t i = 0; i < n; i++) {
        depth[i] = UINT32_MAX;
        if (parent[i] == UINT32_MAX && start[i + 1] > start[i]) {
            queue[tail++] = (uint32_t)i;
            depth[i] = 0;
            apexes++;
        }
    }
    while (head < tail) {
        uint32_t u = queue[head++];
        for (uint32_t k = start[u]; k < start[u + 1]; k++) {
            depth[child[k]] = depth[u] + 1;
            queue[tail++] = child[k];
        }
    }
    size_t per_layer[64] = {0}, bands[6] = {0}, chained = 0, sum = 0;
    uint32_t maxd = 0;
    for (size_t i = 0; i < n; i++) {
        if (depth[i] != UINT32_MAX) {
            chained++;
            sum += depth[i];
            if (depth[i] > maxd)
                maxd = depth[i];
            if (depth[i] < 64)
                per_layer[depth[i]]++;
        }
        uint32_t s = start[i + 1] - start[i];
        if (s)
            bands[s == 1 ? 0 : s <= 3 ? 1 : s <= 7 ? 2 : s <= 12 ? 3 : s <= 16 ? 4 : 5]++;
    }
    double t4 = now();

    printf("{\"tool\": \"floor\", \"units\": %zu, \"apexes\": %zu, \"units_per_layer\": [",
           n, apexes);
    for (uint32_t d = 0; d <= maxd && d < 64; d++)
        printf("%s%zu", d ? ", " : "", per_layer[d]);
    printf("], \"chain_max\": %u, \"chain_mean\": %.5f, \"span_bands\": {\"1\": %zu, "
           "\"2-3\": %zu, \"4-7\": %zu, \"8-12\": %zu, \"13-16\": %zu, \"17+\": %zu}}\n",
           maxd, chained ? (double)sum / (double)chained : 0.0, bands[0], bands[1],
           bands[2], bands[3], bands[4], bands[5]);
    fprintf(stderr, "floor: read %.3f s, split %.3f s, ids %.3f s, bfs %.3f s, total %.3f s\n",
            t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0);
    return 0;
}
