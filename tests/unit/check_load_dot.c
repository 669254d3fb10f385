/*
 * check_load_dot.c: the DOT loader: the schema, line numbers for units and
 * links, syntax errors with their line, and the inputs that crash or
 * exhaust cgraph 2.42 (reads after an error, deep nesting).
 */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

static const char tour[] =
    "digraph org {\n"                                   /* 1 */
    "  label=\"Example\"; date=\"2025-07-01\";\n"         /* 2 */
    "  source=\"A\"; \"source.2\"=\"B\";\n"              /* 3 */
    "  hq [label=\"Head office\", kind=ministry, level=central, headcount=40];\n" /* 4 */
    "  /* a comment\n   over two lines */\n"            /* 5-6 */
    "  hq -> north\n"                                   /* 7 */
    "  hq -> south [line=guidance, source=\"memo 3\"];\n" /* 8 */
    "  north -> \"south\" [line=coordination]\n"        /* 9 */
    "}\n";

START_TEST(test_dot_schema_maps_label_kind_level_and_line)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text(tour, OG_FORMAT_DOT, "t.dot", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_diags_count(d), 0);
    ck_assert_int_eq(og_model_unit_count(m), 3);
    igraph_integer_t hq = og_model_find(m, "hq");
    ck_assert_str_eq(og_unit_name(m, hq), "Head office");
    ck_assert_str_eq(og_unit_kind(m, hq), "ministry");
    ck_assert_str_eq(og_unit_name(m, og_model_find(m, "north")), "");
    long c = og_model_attr_find(m, OG_UNIT, "headcount");
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, hq, (size_t)c), "40");
    ck_assert_int_eq(og_link_line(m, 0), OG_LINE_COMMAND);
    ck_assert_int_eq(og_link_line(m, 1), OG_LINE_GUIDANCE);
    ck_assert_int_eq(og_link_line(m, 2), OG_LINE_COORDINATION);
    ck_assert_str_eq(og_model_meta_get(m, "title"), "Example");
    ck_assert_str_eq(og_model_meta_get(m, "date"), "2025-07-01");
    /* "source.2" folds back into a second "source" */
    int sources = 0;
    for (size_t i = 0; i < og_model_meta_count(m); i++)
        sources += strcmp(og_model_meta_key(m, i), "source") == 0;
    ck_assert_int_eq(sources, 2);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_dot_units_and_links_carry_their_lines)
{
    og_diags *d;
    og_model *m = load_text(tour, OG_FORMAT_DOT, "t.dot", &d, NULL);
    const char *file;
    long line;
    og_model_origin(m, OG_UNIT, og_model_find(m, "hq"), &file, &line);
    ck_assert_str_eq(file, "t.dot");
    ck_assert_int_eq(line, 4);
    og_model_origin(m, OG_UNIT, og_model_find(m, "north"), &file, &line);
    ck_assert_int_eq(line, 7);
    og_model_origin(m, OG_LINK, 1, &file, &line);
    ck_assert_int_eq(line, 8);
    og_model_origin(m, OG_LINK, 2, &file, &line);
    ck_assert_int_eq(line, 9);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_dot_syntax_error_names_its_line_and_later_reads_work)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("digraph {\n  a -> b\n  c d ]\n}\n", OG_FORMAT_DOT,
                            "bad.dot", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    ck_assert_ptr_null(m);
    const og_diag *e = find_diag(d, "dot-syntax");
    ck_assert_int_eq(e->line, 3);
    ck_assert_ptr_nonnull(strstr(e->message, "near ']'"));
    og_diags_free(d);
    /* cgraph 2.42 corrupts its heap on the read after a syntax error; the
     * recogniser keeps bad input away from it, so these reads are fine */
    for (int i = 0; i < 3; i++) {
        m = load_text("digraph { a -> b -> c }", OG_FORMAT_DOT, "ok.dot", &d, &st);
        ck_assert_int_eq(st, OG_OK);
        ck_assert_int_eq(og_model_link_count(m), 2);
        og_model_free(m);
        og_diags_free(d);
        m = load_text("digraph { a -> }", OG_FORMAT_DOT, "bad.dot", &d, &st);
        ck_assert_int_eq(st, OG_EFORMAT);
        og_diags_free(d);
    }
}
END_TEST

START_TEST(test_dot_unclosed_string_and_comment_are_syntax_errors)
{
    og_diags *d;
    og_status st;
    load_text("digraph {\n a [label=\"open\n]\n}\n", OG_FORMAT_DOT, "s.dot", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    ck_assert_int_eq(find_diag(d, "dot-syntax")->line, 2);
    og_diags_free(d);
    load_text("digraph {\n a\n /* open\n}\n", OG_FORMAT_DOT, "c.dot", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    ck_assert_int_eq(find_diag(d, "dot-syntax")->line, 3);
    og_diags_free(d);
    load_text("", OG_FORMAT_DOT, "e.dot", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    og_diags_free(d);
}
END_TEST

START_TEST(test_dot_deeply_nested_subgraphs_are_refused_not_recursed)
{
    size_t depth = 100000;
    char *text = malloc(depth * 2 + 64);
    strcpy(text, "digraph {");
    size_t k = strlen(text);
    memset(text + k, '{', depth);
    memset(text + k + depth, '}', depth);
    strcpy(text + k + 2 * depth, "}");
    og_diags *d;
    og_status st;
    og_model *m = load_text(text, OG_FORMAT_DOT, "deep.dot", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(strstr(find_diag(d, "dot-syntax")->message, "nested"));
    og_diags_free(d);
    free(text);
}
END_TEST

START_TEST(test_dot_subgraph_edges_and_ports_load)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("strict digraph {\n  a:p1:n -> {b c}\n  subgraph s { d }\n  x = y\n}\n",
                            OG_FORMAT_DOT, "sg.dot", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_model_unit_count(m), 4);
    ck_assert_int_eq(og_model_link_count(m), 2);
    const char *file;
    long line;
    og_model_origin(m, OG_LINK, 1, &file, &line);
    ck_assert_int_eq(line, 2);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_dot_unknown_line_is_an_error_on_its_line)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("digraph {\n a -> b\n a -> c [line=friendship]\n}\n",
                            OG_FORMAT_DOT, "l.dot", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(find_diag(d, "unknown-line")->line, 3);
    ck_assert_int_eq(og_model_link_count(m), 1);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_dot_graphviz_file_attributes_are_kept_as_data)
{
    og_diags *d;
    og_model *m = load_text("digraph { a [image=\"/etc/passwd\", shapefile=\"/x\"] }",
                            OG_FORMAT_DOT, "i.dot", &d, NULL);
    long c = og_model_attr_find(m, OG_UNIT, "image");
    ck_assert_int_ge(c, 0);
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, 0, (size_t)c), "/etc/passwd");
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

/* cgraph keeps its scanner's buffer across reads: a comment after the graph
 * that its 8 KB buffer cut in two used to swallow the start of the next
 * file (found by fuzzing). */
START_TEST(test_dot_trailing_comment_does_not_leak_into_the_next_load)
{
    size_t pad = 20000;
    char *first = malloc(pad + 64);
    ck_assert_ptr_nonnull(first);
    strcpy(first, "digraph{a}\n/*");
    memset(first + strlen(first), 'x', pad);
    strcpy(first + strlen("digraph{a}\n/*") + pad, "*/\n");
    og_diags *d;
    og_status st;
    og_model *m = load_text(first, OG_FORMAT_DOT, "a.dot", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    og_model_free(m);
    og_diags_free(d);
    free(first);
    m = load_text("digraph{\n  b -> c\n  \"d\" -> e\n}\n", OG_FORMAT_DOT,
                  "b.dot", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_diags_count(d), 0);
    ck_assert_int_eq(og_model_unit_count(m), 4);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

/* What cgraph refuses, the recogniser refuses first, with the line. */
START_TEST(test_dot_recogniser_refuses_what_cgraph_refuses)
{
    static const char *const bad[] = {
        "digraph {\n a -- b }", "graph {\n a -> b }", "digraph {\n a [x] }",
        "digraph {\n subgraph s; }", "digraph {\n a\f-> b }",
        "digraph {\n \"%a\" }"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        og_diags *d;
        og_status st;
        og_model *m = load_text(bad[i], OG_FORMAT_DOT, "t.dot", &d, &st);
        ck_assert_int_eq(st, OG_EFORMAT);
        ck_assert_ptr_null(m);
        ck_assert_int_eq(og_diags_get(d, 0)->line, 2);
        og_diags_free(d);
    }
}
END_TEST

Suite *load_dot_suite(void)
{
    Suite *s = suite_create("load_dot");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_dot_schema_maps_label_kind_level_and_line);
    tcase_add_test(tc, test_dot_units_and_links_carry_their_lines);
    tcase_add_test(tc, test_dot_syntax_error_names_its_line_and_later_reads_work);
    tcase_add_test(tc, test_dot_unclosed_string_and_comment_are_syntax_errors);
    tcase_add_test(tc, test_dot_deeply_nested_subgraphs_are_refused_not_recursed);
    tcase_add_test(tc, test_dot_subgraph_edges_and_ports_load);
    tcase_add_test(tc, test_dot_unknown_line_is_an_error_on_its_line);
    tcase_add_test(tc, test_dot_graphviz_file_attributes_are_kept_as_data);
    tcase_add_test(tc, test_dot_trailing_comment_does_not_leak_into_the_next_load);
    tcase_add_test(tc, test_dot_recogniser_refuses_what_cgraph_refuses);
    suite_add_tcase(s, tc);
    return s;
}
