/*
 * check_analyze.c: the analyses (og_analyze) and the path between units
 * (og_path_find) on small organizations computed by hand, on the empty and
 * one-unit organizations, and on the bundled Viet Nam police snapshots.
 */
#include "orgraph.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#ifndef OG_TEST_SOURCE_DIR
#define OG_TEST_SOURCE_DIR OG_SOURCE_DIR
#endif
#ifndef OG_TEST_SOURCE_DIR
#define OG_TEST_SOURCE_DIR "."
#endif

#define COMMAND (1u << OG_LINE_COMMAND)
#define PARTY (1u << OG_LINE_PARTY)

/* Loads a model from text (DOT or a units CSV); fails the test on error. */
static og_model *load(const char *text, og_format format)
{
    og_diags *diags = og_diags_new();
    og_model *m = NULL;
    const char *name = format == OG_FORMAT_DOT ? "t.dot" : "t.csv";
    og_status st = og_model_load_buffer(text, strlen(text), format, name, &m, diags);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_ptr_nonnull(m);
    og_diags_free(diags);
    return m;
}

static og_model *load_snapshot(const char *date)
{
    char path[512];
    snprintf(path, sizeof path, "%s/models/vn-police/%s", OG_TEST_SOURCE_DIR, date);
    og_diags *diags = og_diags_new();
    og_model *m = NULL;
    ck_assert_int_eq(og_model_load(path, &m, diags), OG_OK);
    og_diags_free(diags);
    return m;
}

static igraph_integer_t unit(const og_model *m, const char *id)
{
    igraph_integer_t u = og_model_find(m, id);
    ck_assert_msg(u >= 0, "no unit '%s'", id);
    return u;
}

static const og_group_figures *group(const og_group_figures *g, size_t n,
                                     const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(g[i].name, name) == 0)
            return &g[i];
    ck_abort_msg("no group '%s'", name);
    return NULL;
}

/* a > b, c; b > d, e, f; d > g */
static const char tree_csv[] =
    "id,name,kind,level,parent\n"
    "a,A,ministry,central,\n"
    "b,B,department,central,a\n"
    "c,C,department,central,a\n"
    "d,D,office,local,b\n"
    "e,E,office,local,b\n"
    "f,F,office,local,b\n"
    "g,G,post,local,d\n";

/* d under b and under e: a-b-d (2 hops) and a-c-e-d (3 hops) */
static const char dag_dot[] =
    "digraph { a -> b; a -> c; b -> d; c -> e; e -> d; }\n";

/* ------------------------------------------------------------ chains */

START_TEST(test_chain_length_counts_hops_not_units)
{
    og_model *m = load(tree_csv, OG_FORMAT_CSV_FILE);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->chain_min[unit(m, "a")], 0);
    ck_assert_int_eq(la->chain_min[unit(m, "b")], 1);
    ck_assert_int_eq(la->chain_min[unit(m, "f")], 2);
    ck_assert_int_eq(la->chain_max[unit(m, "g")], 3);
    ck_assert_int_eq(la->layers, 4);
    igraph_integer_t pyramid[] = {1, 2, 3, 1};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(la->per_layer[i], pyramid[i]);
    ck_assert_int_eq(la->n_apexes, 1);
    ck_assert_int_eq(la->n_no_chain, 0);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_tree_spans_fall_in_bands_over_managers_only)
{
    og_model *m = load(tree_csv, OG_FORMAT_CSV_FILE);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->overall.managers, 3);       /* a, b, d */
    ck_assert_int_eq(la->overall.subordinates, 6);
    ck_assert_int_eq(la->overall.bands[0], 1);       /* d: 1 */
    ck_assert_int_eq(la->overall.bands[1], 2);       /* a: 2, b: 3 */
    ck_assert_int_eq(la->widest[0].unit, unit(m, "b"));
    ck_assert_int_eq((int)la->widest[0].value, 3);
    const og_group_figures *local = group(la->by_level, la->n_levels, "local");
    ck_assert_int_eq(local->units, 4);
    ck_assert_int_eq(local->managers, 1);
    ck_assert(local->chain_mean > 2.24 && local->chain_mean < 2.26); /* (2+2+2+3)/4 */
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_tree_dominators_carry_their_subtrees)
{
    og_model *m = load(tree_csv, OG_FORMAT_CSV_FILE);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->carries[unit(m, "a")], 6);
    ck_assert_int_eq(la->carries[unit(m, "b")], 4);
    ck_assert_int_eq(la->carries[unit(m, "d")], 1);
    ck_assert_int_eq(la->carries[unit(m, "g")], 0);
    ck_assert_int_eq(la->n_bottlenecks, 3);
    ck_assert_int_eq(la->bottlenecks[0].unit, unit(m, "a"));
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_multi_parent_unit_has_shortest_and_longest_chain)
{
    og_model *m = load(dag_dot, OG_FORMAT_DOT);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    igraph_integer_t d = unit(m, "d");
    ck_assert_int_eq(la->chain_min[d], 2);
    ck_assert_int_eq(la->chain_max[d], 3);
    ck_assert_int_eq(la->layers, 4);                 /* d sits below e */
    ck_assert_int_eq(la->superiors[d], 2);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_dominator_of_a_multi_parent_unit_is_common_to_all_chains)
{
    og_model *m = load(dag_dot, OG_FORMAT_DOT);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->carries[unit(m, "a")], 4);
    ck_assert_int_eq(la->carries[unit(m, "c")], 1); /* e only: d is also under b */
    ck_assert_int_eq(la->carries[unit(m, "b")], 0);
    ck_assert_int_eq(la->carries[unit(m, "e")], 0);
    ck_assert_int_eq(a.n_dual, 1);
    ck_assert_int_eq(a.dual[0], unit(m, "d"));
    ck_assert_int_eq(a.n_dual_within, 1);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_several_apexes_each_head_a_pyramid)
{
    og_model *m = load("digraph { a -> b; x -> y; y -> z; }\n", OG_FORMAT_DOT);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->n_apexes, 2);
    ck_assert_int_eq(la->apexes[0], unit(m, "a"));
    ck_assert_int_eq(la->apexes[1], unit(m, "x"));
    ck_assert_int_eq(la->layers, 3);
    ck_assert_int_eq(la->per_layer[0], 2);
    ck_assert_int_eq(la->per_layer[1], 2);
    ck_assert_int_eq(la->per_layer[2], 1);
    ck_assert_int_eq(la->carries[unit(m, "x")], 2);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_units_on_or_below_a_cycle_are_listed_without_chain)
{
    og_model *m = load("digraph { a -> b; c -> d; d -> c; d -> e; }\n", OG_FORMAT_DOT);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->units, 5);
    ck_assert_int_eq(la->n_no_chain, 3);
    ck_assert_int_eq(la->no_chain[0], unit(m, "c"));
    ck_assert_int_eq(la->no_chain[2], unit(m, "e"));
    ck_assert_int_eq(la->position[unit(m, "e")], OG_POS_NO_CHAIN);
    ck_assert_int_eq(la->chain_min[unit(m, "e")], -1);
    ck_assert_int_eq(la->carries[unit(m, "c")], -1);
    ck_assert_int_eq(la->layers, 2);
    ck_assert_int_eq(la->overall.chained, 2);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_empty_organization_has_no_layer)
{
    og_model *m = load("id,name,kind,level,parent\n", OG_FORMAT_CSV_FILE);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, 7u, &a), OG_OK);
    ck_assert_int_eq(a.units, 0);
    ck_assert_int_eq(a.line[OG_LINE_COMMAND].layers, 0);
    ck_assert_int_eq(a.line[OG_LINE_COMMAND].n_apexes, 0);
    ck_assert_int_eq(a.n_dual, 0);
    ck_assert_int_eq(a.n_central, 0);
    og_buf b;
    og_buf_init(&b);
    ck_assert_int_eq(og_analysis_json(&a, m, &b), OG_OK);
    ck_assert_int_eq(og_analysis_units_csv(&a, m, &b), OG_OK);
    og_buf_free(&b);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_one_unit_organization_is_its_own_apex)
{
    og_model *m = load("id,name,kind,level,parent\nsolo,Solo,office,local,\n",
                       OG_FORMAT_CSV_FILE);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->units, 1);
    ck_assert_int_eq(la->n_apexes, 1);
    ck_assert_int_eq(la->layers, 1);
    ck_assert_int_eq(la->chain_min[0], 0);
    ck_assert_int_eq(la->overall.managers, 0);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

START_TEST(test_coordination_is_not_a_line_to_analyse)
{
    og_model *m = load(tree_csv, OG_FORMAT_CSV_FILE);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, 1u << OG_LINE_COORDINATION, &a), OG_EINVAL);
    og_model_free(m);
}
END_TEST

START_TEST(test_span_bands_follow_the_usual_cut_points)
{
    ck_assert_int_eq(og_span_band(0), -1);
    ck_assert_int_eq(og_span_band(1), 0);
    ck_assert_int_eq(og_span_band(3), 1);
    ck_assert_int_eq(og_span_band(4), 2);
    ck_assert_int_eq(og_span_band(12), 3);
    ck_assert_int_eq(og_span_band(13), 4);
    ck_assert_int_eq(og_span_band(16), 4);
    ck_assert_int_eq(og_span_band(17), 5);
    ck_assert_int_eq(og_span_band(100000), 5);
    ck_assert_str_eq(og_span_band_name(5), "17+");
}
END_TEST

START_TEST(test_hub_of_a_coordination_star_is_most_central)
{
    og_model *m = load("digraph { h -> p [line=coordination]; h -> q [line=coordination];"
                       " h -> r [line=coordination]; }\n", OG_FORMAT_DOT);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    ck_assert_int_eq(a.coord_units, 4);
    ck_assert_int_eq(a.n_central, 1);
    ck_assert_int_eq(a.central[0].unit, unit(m, "h"));
    ck_assert(a.central[0].value == 3.0);  /* pairs pq, pr, qr */
    ck_assert_int_eq(a.betweenness_cutoff, 0);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

/* -------------------------------------------------------------- path */

START_TEST(test_path_climbs_to_the_nearest_common_superior)
{
    og_model *m = load(tree_csv, OG_FORMAT_CSV_FILE);
    og_path p;
    ck_assert_int_eq(og_path_find(m, unit(m, "g"), unit(m, "e"), COMMAND, &p), OG_OK);
    ck_assert_ptr_nonnull(p.chain[OG_LINE_COMMAND]);
    ck_assert_int_eq(p.chain_len[OG_LINE_COMMAND], 4);  /* g d b e */
    ck_assert_int_eq(p.top[OG_LINE_COMMAND], 2);
    ck_assert_int_eq(p.chain[OG_LINE_COMMAND][2], unit(m, "b"));
    ck_assert_int_eq(p.route_len, 4);
    og_path_destroy(&p);
    og_model_free(m);
}
END_TEST

START_TEST(test_path_reports_none_between_separate_organizations)
{
    og_model *m = load("digraph { a -> b; x -> y; }\n", OG_FORMAT_DOT);
    og_path p;
    ck_assert_int_eq(og_path_find(m, unit(m, "b"), unit(m, "y"), 7u, &p), OG_OK);
    ck_assert_ptr_null(p.chain[OG_LINE_COMMAND]);
    ck_assert_ptr_null(p.route);
    og_path_destroy(&p);
    og_model_free(m);
}
END_TEST

START_TEST(test_shortest_route_may_cross_lines)
{
    og_model *m = load("digraph { a -> b; x -> y; b -> y [line=coordination]; }\n",
                       OG_FORMAT_DOT);
    og_path p;
    ck_assert_int_eq(og_path_find(m, unit(m, "a"), unit(m, "x"), COMMAND, &p), OG_OK);
    ck_assert_ptr_null(p.chain[OG_LINE_COMMAND]);
    ck_assert_int_eq(p.route_len, 4);                   /* a b y x */
    ck_assert_str_eq(og_path_step_direction(&p, m, 0), "down");
    ck_assert_str_eq(og_path_step_direction(&p, m, 1), "across");
    ck_assert_str_eq(og_path_step_direction(&p, m, 2), "up");
    og_path_destroy(&p);
    og_model_free(m);
}
END_TEST

/* ------------------------------------------------ bundled snapshots */

/* Every commune police unit sits `chain` hops below the Ministry; the
 * provincial police have `subordinates` direct subordinates in all. */
static void check_snapshot(const char *date, igraph_integer_t chain,
                           igraph_integer_t layers, igraph_integer_t provinces,
                           igraph_integer_t subordinates)
{
    og_model *m = load_snapshot(date);
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    const og_line_analysis *la = &a.line[OG_LINE_COMMAND];
    ck_assert_int_eq(la->layers, layers);
    ck_assert_int_eq(la->n_apexes, 1);
    ck_assert_int_eq(la->apexes[0], unit(m, "mps"));
    const og_group_figures *cp = group(la->by_kind, la->n_kinds, "commune-police");
    ck_assert_int_eq(cp->chained, cp->units);
    ck_assert_int_eq(cp->chain_max, chain);
    ck_assert(cp->chain_mean == (double)chain);       /* every one, exactly */
    const og_group_figures *pp = group(la->by_kind, la->n_kinds, "provincial-police");
    ck_assert_int_eq(pp->managers, provinces);
    ck_assert_int_eq(pp->subordinates, subordinates);
    og_analysis_destroy(&a);
    og_model_free(m);
}

START_TEST(test_police_2017_four_layers_eleven_districts_a_province)
{
    check_snapshot("2017", 3, 4, 63, 696);   /* 11.05 a province */
}
END_TEST

START_TEST(test_police_2018_four_layers_eleven_districts_a_province)
{
    check_snapshot("2018", 3, 4, 63, 696);
}
END_TEST

START_TEST(test_police_2025_03_three_layers_160_communes_a_province)
{
    check_snapshot("2025-03", 2, 3, 63, 10052);  /* 10,047 communes + 5 stations: 159.6 */
}
END_TEST

START_TEST(test_police_2025_07_three_layers_98_communes_a_province)
{
    check_snapshot("2025-07", 2, 3, 34, 3321);   /* 97.7 a province */
}
END_TEST

START_TEST(test_provincial_police_answer_to_two_party_committees)
{
    og_model *m = load_snapshot("2018");
    og_analysis a;
    ck_assert_int_eq(og_analyze(m, COMMAND, &a), OG_OK);
    igraph_integer_t pp = unit(m, "pp-01"), k = 0;
    while (k < a.n_dual && a.dual[k] != pp)
        k++;
    ck_assert_int_lt(k, a.n_dual);
    int command = 0, party = 0;
    for (igraph_integer_t i = a.dual_start[k]; i < a.dual_start[k + 1]; i++) {
        igraph_integer_t s = a.dual_sup[i];
        command += a.dual_line[i] == OG_LINE_COMMAND && s == unit(m, "mps");
        party += a.dual_line[i] == OG_LINE_PARTY &&
                 (s == unit(m, "pppc-01") || s == unit(m, "ppc-01"));
    }
    ck_assert_int_eq(command, 1);
    ck_assert_int_eq(party, 2);
    og_analysis_destroy(&a);
    og_model_free(m);
}
END_TEST

Suite *analyze_suite(void);
Suite *analyze_suite(void)
{
    Suite *s = suite_create("analyze");
    TCase *tc = tcase_create("hand-computed");
    tcase_add_test(tc, test_chain_length_counts_hops_not_units);
    tcase_add_test(tc, test_tree_spans_fall_in_bands_over_managers_only);
    tcase_add_test(tc, test_tree_dominators_carry_their_subtrees);
    tcase_add_test(tc, test_multi_parent_unit_has_shortest_and_longest_chain);
    tcase_add_test(tc, test_dominator_of_a_multi_parent_unit_is_common_to_all_chains);
    tcase_add_test(tc, test_several_apexes_each_head_a_pyramid);
    tcase_add_test(tc, test_units_on_or_below_a_cycle_are_listed_without_chain);
    tcase_add_test(tc, test_empty_organization_has_no_layer);
    tcase_add_test(tc, test_one_unit_organization_is_its_own_apex);
    tcase_add_test(tc, test_coordination_is_not_a_line_to_analyse);
    tcase_add_test(tc, test_span_bands_follow_the_usual_cut_points);
    tcase_add_test(tc, test_hub_of_a_coordination_star_is_most_central);
    tcase_add_test(tc, test_path_climbs_to_the_nearest_common_superior);
    tcase_add_test(tc, test_path_reports_none_between_separate_organizations);
    tcase_add_test(tc, test_shortest_route_may_cross_lines);
    suite_add_tcase(s, tc);
    TCase *police = tcase_create("vn-police");
    tcase_set_timeout(police, 60);
    tcase_add_test(police, test_police_2017_four_layers_eleven_districts_a_province);
    tcase_add_test(police, test_police_2018_four_layers_eleven_districts_a_province);
    tcase_add_test(police, test_police_2025_03_three_layers_160_communes_a_province);
    tcase_add_test(police, test_police_2025_07_three_layers_98_communes_a_province);
    tcase_add_test(police, test_provincial_police_answer_to_two_party_committees);
    suite_add_tcase(s, police);
    return s;
}
