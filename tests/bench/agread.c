/*
 * agread.c: the floor for loading a DOT file: cgraph's agread alone, timed.
 * scripts/bench-load.sh compares `orgraph check FILE.dot` against it.
 * usage: bench_agread FILE.dot     prints "agread S s, agclose S s, N nodes"
 */
#define _POSIX_C_SOURCE 200809L
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_agread FILE.dot\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    double t0 = now();
    Agraph_t *g = agread(f, NULL);
    double t1 = now();
    fclose(f);
    if (!g) {
        fprintf(stderr, "bench_agread: cannot read %s\n", argv[1]);
        return 1;
    }
    int n = agnnodes(g);
    agclose(g);
    double t2 = now();
    printf("agread %.2f s, agclose %.2f s, %d nodes\n", t1 - t0, t2 - t1, n);
    return 0;
}
