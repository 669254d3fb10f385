/*
 * suites.h: the list of Check suites, one SUITE(name) line each. CMake reads
 * these lines to make one ctest test per suite; main.c includes this file
 * twice, once to declare `Suite *name_suite(void)` and once to list them.
 * No include guard, on purpose.
 */
SUITE(model)
SUITE(load_csv)
SUITE(load_dot)
SUITE(graphml)
SUITE(check)
SUITE(info)
SUITE(roundtrip)
SUITE(analyze)
SUITE(chart)
SUITE(restructure)
SUITE(report)
