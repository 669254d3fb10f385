/*
 * check_model.c: the model's storage contract: ids, lookups, attributes,
 * metadata, the empty and the one-unit organization.
 */
#include "helpers.h"

#include <stdlib.h>

START_TEST(test_empty_model_has_no_units_and_a_valid_graph)
{
    og_model *m = og_model_new();
    ck_assert_int_eq(og_model_unit_count(m), 0);
    ck_assert_int_eq(og_model_link_count(m), 0);
    const igraph_t *g = og_model_graph(m);
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(igraph_vcount(g), 0);
    ck_assert_int_eq(og_model_find(m, "x"), -1);
    og_model_free(m);
}
END_TEST

START_TEST(test_units_get_dense_indices_and_are_found_by_id)
{
    og_model *m = og_model_new();
    igraph_integer_t a, b;
    ck_assert_int_eq(og_model_add_unit(m, "mps", "Bộ Công an", "ministry", "central", &a), OG_OK);
    ck_assert_int_eq(og_model_add_unit(m, "pp-01", NULL, "provincial-police", "province", &b), OG_OK);
    ck_assert_int_eq(a, 0);
    ck_assert_int_eq(b, 1);
    ck_assert_int_eq(og_model_find(m, "pp-01"), 1);
    ck_assert_str_eq(og_unit_name(m, 0), "Bộ Công an");
    ck_assert_str_eq(og_unit_name(m, 1), "");
    ck_assert_str_eq(og_unit_kind(m, 1), "provincial-police");
    ck_assert_str_eq(og_unit_level(m, 0), "central");
    og_model_free(m);
}
END_TEST

START_TEST(test_duplicate_and_empty_ids_are_refused)
{
    og_model *m = og_model_new();
    ck_assert_int_eq(og_model_add_unit(m, "a", "A", "k", "l", NULL), OG_OK);
    ck_assert_int_eq(og_model_add_unit(m, "a", "A2", "k", "l", NULL), OG_EINVAL);
    ck_assert_int_eq(og_model_add_unit(m, "", "E", "k", "l", NULL), OG_EINVAL);
    ck_assert_int_eq(og_model_unit_count(m), 1);
    og_model_free(m);
}
END_TEST

START_TEST(test_links_become_igraph_edges_superior_to_subordinate)
{
    og_model *m = og_model_new();
    igraph_integer_t a, b, e;
    og_model_add_unit(m, "a", "", "", "", &a);
    og_model_add_unit(m, "b", "", "", "", &b);
    ck_assert_int_eq(og_model_add_link(m, a, b, OG_LINE_PARTY, &e), OG_OK);
    ck_assert_int_eq(og_model_add_link(m, a, 7, OG_LINE_PARTY, NULL), OG_EINVAL);
    const igraph_t *g = og_model_graph(m);
    ck_assert_int_eq(igraph_ecount(g), 1);
    ck_assert_int_eq(IGRAPH_FROM(g, 0), a);
    ck_assert_int_eq(IGRAPH_TO(g, 0), b);
    ck_assert_int_eq(og_link_line(m, e), OG_LINE_PARTY);
    /* the cached graph follows later changes */
    og_model_add_link(m, b, a, OG_LINE_COORDINATION, NULL);
    ck_assert_int_eq(igraph_ecount(og_model_graph(m)), 2);
    og_model_free(m);
}
END_TEST

START_TEST(test_attributes_are_columns_and_fields_are_reserved)
{
    og_model *m = og_model_new();
    igraph_integer_t u;
    og_model_add_unit(m, "a", "", "", "", &u);
    og_model_add_unit(m, "b", "", "", "", NULL);
    ck_assert_int_eq(og_model_set_attr(m, OG_UNIT, u, "headcount", "120"), OG_OK);
    ck_assert_int_eq(og_model_set_attr(m, OG_UNIT, u, "kind", "x"), OG_EINVAL);
    ck_assert_int_eq(og_model_attr_count(m, OG_UNIT), 1);
    long c = og_model_attr_find(m, OG_UNIT, "headcount");
    ck_assert_int_eq(c, 0);
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, 0, (size_t)c), "120");
    ck_assert_ptr_null(og_model_attr(m, OG_UNIT, 1, (size_t)c));
    /* a column survives growth of the unit arrays */
    char id[16];
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "u%d", i);
        ck_assert_int_eq(og_model_add_unit(m, id, "", "", "", NULL), OG_OK);
    }
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, 0, (size_t)c), "120");
    ck_assert_ptr_null(og_model_attr(m, OG_UNIT, 1001, (size_t)c));
    og_model_free(m);
}
END_TEST

START_TEST(test_metadata_keys_may_repeat)
{
    og_model *m = og_model_new();
    og_model_add_meta(m, "source", "A");
    og_model_add_meta(m, "source", "B");
    ck_assert_int_eq(og_model_meta_count(m), 2);
    ck_assert_str_eq(og_model_meta_get(m, "source"), "A");
    ck_assert_ptr_null(og_model_meta_get(m, "title"));
    og_model_free(m);
}
END_TEST

START_TEST(test_lines_parse_and_only_coordination_does_not_rank)
{
    ck_assert_int_eq(og_line_parse("command"), OG_LINE_COMMAND);
    ck_assert_int_eq(og_line_parse("coordination"), OG_LINE_COORDINATION);
    ck_assert_int_eq(og_line_parse("Command"), -1);
    ck_assert(og_line_ranks(OG_LINE_PARTY));
    ck_assert(!og_line_ranks(OG_LINE_COORDINATION));
}
END_TEST

START_TEST(test_a_million_ids_are_found_in_constant_time)
{
    og_model *m = og_model_new();
    char id[32];
    for (int i = 0; i < 1000000; i++) {
        snprintf(id, sizeof id, "unit-%d", (int)((long long)i * 7919 % 1000003));
        ck_assert_int_eq(og_model_add_unit(m, id, NULL, NULL, NULL, NULL), OG_OK);
    }
    snprintf(id, sizeof id, "unit-%d", (int)(999999LL * 7919 % 1000003));
    ck_assert_int_eq(og_model_find(m, id), 999999);
    ck_assert_int_eq(og_model_find(m, "unit-x"), -1);
    og_model_free(m);
}
END_TEST

Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_empty_model_has_no_units_and_a_valid_graph);
    tcase_add_test(tc, test_units_get_dense_indices_and_are_found_by_id);
    tcase_add_test(tc, test_duplicate_and_empty_ids_are_refused);
    tcase_add_test(tc, test_links_become_igraph_edges_superior_to_subordinate);
    tcase_add_test(tc, test_attributes_are_columns_and_fields_are_reserved);
    tcase_add_test(tc, test_metadata_keys_may_repeat);
    tcase_add_test(tc, test_lines_parse_and_only_coordination_does_not_rank);
    tcase_add_test(tc, test_a_million_ids_are_found_in_constant_time);
    suite_add_tcase(s, tc);
    return s;
}
