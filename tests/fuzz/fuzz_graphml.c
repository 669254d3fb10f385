/*
 * fuzz_graphml.c: libFuzzer target for the GraphML loader (igraph's reader
 * on libxml2, then our model builder). Run by scripts/fuzz.sh; replayed on
 * tests/fuzz/regressions/graphml by the replay test.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_load(data, size, OG_FORMAT_GRAPHML, "fuzz.graphml");
}
