/*
 * check_info.c: summary figures: counts by kind, level and line, apexes per
 * line, and the published figures of the bundled police snapshots.
 */
#include "helpers.h"

#include <string.h>

static igraph_integer_t count_of(const og_count *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].name, name) == 0)
            return list[i].count;
    return 0;
}

START_TEST(test_one_unit_organization_is_its_own_command_apex)
{
    og_diags *d;
    og_model *m = load_text("id,name,kind,level,parent\nsolo,Solo,team,1,\n",
                            OG_FORMAT_CSV_FILE, "one.csv", &d, NULL);
    og_info info;
    ck_assert_int_eq(og_info_compute(m, &info), OG_OK);
    ck_assert_int_eq(info.units, 1);
    ck_assert_int_eq(info.n_apexes[OG_LINE_COMMAND], 1);
    ck_assert_int_eq(info.n_apexes[OG_LINE_PARTY], 0);
    og_info_destroy(&info);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_empty_organization_has_no_apex)
{
    og_diags *d;
    og_model *m = load_text("id,parent\n", OG_FORMAT_CSV_FILE, "e.csv", &d, NULL);
    og_info info;
    ck_assert_int_eq(og_info_compute(m, &info), OG_OK);
    ck_assert_int_eq(info.units, 0);
    ck_assert_int_eq(info.n_kinds, 0);
    ck_assert_int_eq(info.n_apexes[OG_LINE_COMMAND], 0);
    og_info_destroy(&info);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_party_only_units_are_not_command_apexes)
{
    og_model *m = og_model_new();
    igraph_integer_t s, p, c;
    og_model_add_unit(m, "state", "", "ministry", "central", &s);
    og_model_add_unit(m, "party", "", "party-committee", "central", &p);
    og_model_add_unit(m, "cell", "", "party-cell", "central", &c);
    og_model_add_link(m, p, s, OG_LINE_PARTY, NULL);
    og_model_add_link(m, p, c, OG_LINE_PARTY, NULL);
    og_model_add_link(m, s, c, OG_LINE_COMMAND, NULL);
    og_info info;
    ck_assert_int_eq(og_info_compute(m, &info), OG_OK);
    ck_assert_int_eq(info.n_apexes[OG_LINE_COMMAND], 1);
    ck_assert_int_eq(info.apexes[OG_LINE_COMMAND][0], s);
    ck_assert_int_eq(info.n_apexes[OG_LINE_PARTY], 1);
    ck_assert_int_eq(info.apexes[OG_LINE_PARTY][0], p);
    ck_assert_int_eq(info.lines[OG_LINE_PARTY].count, 2);
    og_info_destroy(&info);
    og_model_free(m);
}
END_TEST

/* The figures the issue names, from the bundled files. */
static void assert_police(const char *path, igraph_integer_t gd,
                          igraph_integer_t pp, igraph_integer_t dp,
                          igraph_integer_t cp)
{
    og_model *m = load_path(path);
    og_info info;
    ck_assert_int_eq(og_info_compute(m, &info), OG_OK);
    ck_assert_int_eq(count_of(info.kinds, info.n_kinds, "general-department"), gd);
    ck_assert_int_eq(count_of(info.kinds, info.n_kinds, "provincial-police"), pp);
    ck_assert_int_eq(count_of(info.kinds, info.n_kinds, "district-police"), dp);
    ck_assert_int_eq(count_of(info.kinds, info.n_kinds, "commune-police"), cp);
    ck_assert_int_eq(info.n_apexes[OG_LINE_COMMAND], 1);
    ck_assert_str_eq(og_unit_id(m, info.apexes[OG_LINE_COMMAND][0]), "mps");
    og_info_destroy(&info);
    og_model_free(m);
}

START_TEST(test_police_snapshots_reproduce_the_published_counts)
{
    assert_police("models/vn-police/2017", 6, 63, 696, 10047);
    assert_police("models/vn-police/2018", 0, 63, 696, 10047);
    assert_police("models/vn-police/2025-03", 0, 63, 0, 10047);
    assert_police("models/vn-police/2025-07", 0, 34, 0, 3321);
}
END_TEST

START_TEST(test_info_json_escapes_names_and_lists_apexes)
{
    og_model *m = og_model_new();
    og_model_add_unit(m, "<a\"", "", "k\n", "l", NULL);
    og_model_add_meta(m, "title", "T \"quoted\"");
    og_info info;
    og_info_compute(m, &info);
    og_buf b;
    og_buf_init(&b);
    ck_assert_int_eq(og_info_json(&info, m, &b), OG_OK);
    ck_assert_ptr_nonnull(strstr(b.data, "\"title\": \"T \\\"quoted\\\"\""));
    ck_assert_ptr_nonnull(strstr(b.data, "\"k\\n\": 1"));
    ck_assert_ptr_nonnull(strstr(b.data, "\"command\": [\n      \"<a\\\"\"\n    ]"));
    og_buf_free(&b);
    og_info_destroy(&info);
    og_model_free(m);
}
END_TEST

Suite *info_suite(void)
{
    Suite *s = suite_create("info");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_one_unit_organization_is_its_own_command_apex);
    tcase_add_test(tc, test_empty_organization_has_no_apex);
    tcase_add_test(tc, test_party_only_units_are_not_command_apexes);
    tcase_add_test(tc, test_police_snapshots_reproduce_the_published_counts);
    tcase_add_test(tc, test_info_json_escapes_names_and_lists_apexes);
    suite_add_tcase(s, tc);
    return s;
}
