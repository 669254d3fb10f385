/*
 * check_check.c: structural checks: cycles printed as chains, units that
 * reach no apex, self-links, repeated links, isolated units; and the scale
 * cases (a 200,000-unit cycle, a million-deep chain, a million-wide span)
 * that must pass without recursion.
 */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

static og_diags *check_text(const char *text, og_model **out)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text(text, OG_FORMAT_CSV_FILE, "c.csv", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_model_check(m, d), OG_OK);
    og_diags_sort(d);
    if (out)
        *out = m;
    else
        og_model_free(m);
    return d;
}

START_TEST(test_a_clean_tree_has_no_problems)
{
    og_diags *d = check_text("id,parent\na,\nb,a\nc,a\nd,b\n", NULL);
    ck_assert_int_eq(og_diags_count(d), 0);
    og_diags_free(d);
}
END_TEST

START_TEST(test_empty_and_one_unit_organizations_are_clean)
{
    og_diags *d = check_text("id,parent\n", NULL);
    ck_assert_int_eq(og_diags_count(d), 0);
    og_diags_free(d);
    d = check_text("id,parent\nalone,\n", NULL);
    ck_assert_int_eq(og_diags_count(d), 0);
    og_diags_free(d);
}
END_TEST

START_TEST(test_cycle_is_printed_superior_to_subordinate_from_its_first_unit)
{
    /* a -> b -> c -> a (b reports to a, c to b, a to c) with d below */
    og_diags *d = check_text("id,parent\nroot,\na,c\nb,a\nc,b\nd,c\n", NULL);
    const og_diag *c = find_diag(d, "cycle");
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->line, 3);
    ck_assert_ptr_nonnull(strstr(c->message, ": a -> b -> c -> a"));
    ck_assert_ptr_nonnull(strstr(c->message, "command line (3 units"));
    const og_diag *n = find_diag(d, "no-apex");
    ck_assert_ptr_nonnull(n);
    ck_assert_ptr_nonnull(strstr(n->message, "1 unit below a cycle on the command line reaches no apex: d"));
    ck_assert_int_eq(count_diag(d, "cycle"), 1);
    og_diags_free(d);
}
END_TEST

START_TEST(test_two_separate_cycles_are_both_reported)
{
    og_diags *d = check_text("id,parent\na,b\nb,a\nc,d\nd,c\n", NULL);
    ck_assert_int_eq(count_diag(d, "cycle"), 2);
    og_diags_free(d);
}
END_TEST

START_TEST(test_self_link_is_an_error_at_the_row)
{
    og_diags *d = check_text("id,parent\na,\nb,b\n", NULL);
    const og_diag *s = find_diag(d, "self-link");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(s->line, 3);
    ck_assert_int_eq(s->severity, OG_ERROR);
    og_diags_free(d);
}
END_TEST

START_TEST(test_unit_with_a_second_superior_in_a_cycle_still_reaches_an_apex)
{
    /* u answers to root (fine) and to x, which sits on a cycle */
    og_model *m;
    og_diags *d = check_text("id,parent\nroot,\nx,y\ny,x\nu,root\n", &m);
    og_diags_free(d);
    igraph_integer_t u = og_model_find(m, "u"), x = og_model_find(m, "x");
    d = og_diags_new();
    og_model_add_link(m, x, u, OG_LINE_COMMAND, NULL);
    og_model_check(m, d);
    ck_assert_int_eq(count_diag(d, "cycle"), 1);
    ck_assert_ptr_null(find_diag(d, "no-apex"));
    og_diags_free(d);
    og_model_free(m);
}
END_TEST

START_TEST(test_repeated_links_and_isolated_units_are_warnings)
{
    og_model *m = og_model_new();
    igraph_integer_t a, b, c;
    og_model_add_unit(m, "a", "", "", "", &a);
    og_model_add_unit(m, "b", "", "", "", &b);
    og_model_add_unit(m, "c", "", "", "", &c);
    og_model_add_link(m, a, b, OG_LINE_COMMAND, NULL);
    og_model_add_link(m, a, b, OG_LINE_COMMAND, NULL);
    og_model_add_link(m, a, b, OG_LINE_COORDINATION, NULL);
    og_model_add_link(m, b, a, OG_LINE_COORDINATION, NULL);
    og_diags *d = og_diags_new();
    og_model_check(m, d);
    ck_assert_int_eq(count_diag(d, "repeated-link"), 2);
    const og_diag *i = find_diag(d, "isolated-unit");
    ck_assert_ptr_nonnull(i);
    ck_assert_int_eq(i->severity, OG_WARNING);
    ck_assert_int_eq(og_diags_count_severity(d, OG_ERROR), 0);
    og_diags_free(d);
    og_model_free(m);
}
END_TEST

START_TEST(test_cycles_on_the_party_line_are_reported_by_line)
{
    og_model *m = og_model_new();
    igraph_integer_t a, b;
    og_model_add_unit(m, "a", "", "", "", &a);
    og_model_add_unit(m, "b", "", "", "", &b);
    og_model_add_link(m, a, b, OG_LINE_PARTY, NULL);
    og_model_add_link(m, b, a, OG_LINE_PARTY, NULL);
    og_diags *d = og_diags_new();
    og_model_check(m, d);
    ck_assert_ptr_nonnull(strstr(find_diag(d, "cycle")->message, "party line"));
    og_diags_free(d);
    og_model_free(m);
}
END_TEST

/* Builds a units table text: a chain (wide = 0) or a star (wide = 1) of n
 * units, or a cycle of n units (cycle = 1). */
static char *shape_text(int n, int wide, int cycle)
{
    char *t = malloc((size_t)n * 24 + 32), *p = t;
    p += sprintf(p, "id,parent\n");
    for (int i = 0; i < n; i++) {
        if (cycle)
            p += sprintf(p, "u%d,u%d\n", i, (i + n - 1) % n);
        else if (i == 0)
            p += sprintf(p, "u0,\n");
        else
            p += sprintf(p, "u%d,u%d\n", i, wide ? 0 : i - 1);
    }
    return t;
}

START_TEST(test_a_200000_unit_cycle_is_one_error_with_an_abridged_chain)
{
    char *t = shape_text(200000, 0, 1);
    og_diags *d = check_text(t, NULL);
    ck_assert_int_eq(count_diag(d, "cycle"), 1);
    const og_diag *c = find_diag(d, "cycle");
    ck_assert_ptr_nonnull(strstr(c->message, "200000 units"));
    ck_assert_ptr_nonnull(strstr(c->message, "(199989 more)"));
    ck_assert_uint_lt(strlen(c->message), 400);
    og_diags_free(d);
    free(t);
}
END_TEST

START_TEST(test_a_million_deep_chain_and_a_million_wide_span_check_clean)
{
    for (int wide = 0; wide <= 1; wide++) {
        char *t = shape_text(1000000, wide, 0);
        og_diags *d = check_text(t, NULL);
        ck_assert_int_eq(og_diags_count(d), 0);
        og_diags_free(d);
        free(t);
    }
}
END_TEST

START_TEST(test_bundled_snapshots_check_clean)
{
    const char *paths[] = {"models/vn-police/2017", "models/vn-police/2018",
                           "models/vn-police/2025-03", "models/vn-police/2025-07",
                           "models/tour/org.dot"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        og_model *m = load_path(paths[i]);
        og_diags *d = og_diags_new();
        ck_assert_int_eq(og_model_check(m, d), OG_OK);
        ck_assert_msg(og_diags_count(d) == 0, "%s: %s", paths[i],
                      og_diags_count(d) ? og_diags_get(d, 0)->message : "");
        og_diags_free(d);
        og_model_free(m);
    }
}
END_TEST

Suite *check_suite(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_a_clean_tree_has_no_problems);
    tcase_add_test(tc, test_empty_and_one_unit_organizations_are_clean);
    tcase_add_test(tc, test_cycle_is_printed_superior_to_subordinate_from_its_first_unit);
    tcase_add_test(tc, test_two_separate_cycles_are_both_reported);
    tcase_add_test(tc, test_self_link_is_an_error_at_the_row);
    tcase_add_test(tc, test_unit_with_a_second_superior_in_a_cycle_still_reaches_an_apex);
    tcase_add_test(tc, test_repeated_links_and_isolated_units_are_warnings);
    tcase_add_test(tc, test_cycles_on_the_party_line_are_reported_by_line);
    tcase_add_test(tc, test_a_200000_unit_cycle_is_one_error_with_an_abridged_chain);
    tcase_add_test(tc, test_a_million_deep_chain_and_a_million_wide_span_check_clean);
    tcase_add_test(tc, test_bundled_snapshots_check_clean);
    suite_add_tcase(s, tc);
    return s;
}
