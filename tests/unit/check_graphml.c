/*
 * check_graphml.c: GraphML through igraph's reader: the schema, typed data
 * keys turned to text, and broken files reported.
 */
#include "helpers.h"

#include <string.h>

static const char doc[] =
    "<?xml version=\"1.0\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    " <key id=\"k1\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    " <key id=\"k2\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    " <key id=\"k3\" for=\"node\" attr.name=\"headcount\" attr.type=\"double\"/>\n"
    " <key id=\"k4\" for=\"edge\" attr.name=\"line\" attr.type=\"string\"/>\n"
    " <key id=\"k5\" for=\"graph\" attr.name=\"label\" attr.type=\"string\"/>\n"
    " <graph edgedefault=\"directed\">\n"
    "  <data key=\"k5\">Example</data>\n"
    "  <node id=\"hq\"><data key=\"k1\">Head office</data><data key=\"k2\">ministry</data>"
    "<data key=\"k3\">40</data></node>\n"
    "  <node id=\"north\"/>\n"
    "  <edge source=\"hq\" target=\"north\"><data key=\"k4\">party</data></edge>\n"
    "  <edge source=\"hq\" target=\"north\"/>\n"
    " </graph>\n"
    "</graphml>\n";

START_TEST(test_graphml_node_ids_names_kinds_and_lines_load)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text(doc, OG_FORMAT_GRAPHML, "g.graphml", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_diags_count(d), 0);
    ck_assert_int_eq(og_model_unit_count(m), 2);
    igraph_integer_t hq = og_model_find(m, "hq");
    ck_assert_str_eq(og_unit_name(m, hq), "Head office");
    ck_assert_str_eq(og_unit_kind(m, hq), "ministry");
    long c = og_model_attr_find(m, OG_UNIT, "headcount");
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, hq, (size_t)c), "40");
    ck_assert_int_eq(og_link_line(m, 0), OG_LINE_PARTY);
    ck_assert_int_eq(og_link_line(m, 1), OG_LINE_COMMAND);
    ck_assert_str_eq(og_model_meta_get(m, "title"), "Example");
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_broken_graphml_is_not_a_model)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("<graphml><graph><node id=", OG_FORMAT_GRAPHML,
                            "b.graphml", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(find_diag(d, "graphml"));
    og_diags_free(d);
    m = load_text("", OG_FORMAT_GRAPHML, "e.graphml", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    og_diags_free(d);
}
END_TEST

Suite *graphml_suite(void)
{
    Suite *s = suite_create("graphml");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_graphml_node_ids_names_kinds_and_lines_load);
    tcase_add_test(tc, test_broken_graphml_is_not_a_model);
    suite_add_tcase(s, tc);
    return s;
}
