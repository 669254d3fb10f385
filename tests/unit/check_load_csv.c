/*
 * check_load_csv.c: the CSV loader: quoting, CRLF, byte-order marks, extra
 * columns, and every input problem reported with its line.
 */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

START_TEST(test_units_table_loads_with_parents_resolved_in_any_order)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("id,name,kind,level,parent\n"
                            "c,C,team,3,b\n"
                            "a,A,org,1,\n"
                            "b,B,dept,2,a\n",
                            OG_FORMAT_CSV_FILE, "t.csv", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_diags_count(d), 0);
    ck_assert_int_eq(og_model_unit_count(m), 3);
    ck_assert_int_eq(og_model_link_count(m), 2);
    /* c's parent link comes first: links follow the rows */
    ck_assert_str_eq(og_unit_id(m, og_link_from(m, 0)), "b");
    ck_assert_str_eq(og_unit_id(m, og_link_to(m, 0)), "c");
    const char *file;
    long line;
    og_model_origin(m, OG_LINK, 1, &file, &line);
    ck_assert_str_eq(file, "t.csv");
    ck_assert_int_eq(line, 4);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_quoting_crlf_and_bom_are_accepted)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("\xEF\xBB\xBFid,name,kind,level,parent\r\n"
                            "a,\"Công an, tỉnh \"\"Hà Nội\"\"\",k,l,\r\n"
                            "b,\"two\r\nlines\",k,l,a\r\n"
                            "c, spaced ,k,l,a\r\n",
                            OG_FORMAT_CSV_FILE, "q.csv", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_diags_count(d), 0);
    ck_assert_str_eq(og_unit_name(m, 0), "Công an, tỉnh \"Hà Nội\"");
    ck_assert_str_eq(og_unit_name(m, 1), "two\r\nlines");
    ck_assert_str_eq(og_unit_name(m, 2), " spaced ");
    const char *file;
    long line;
    og_model_origin(m, OG_UNIT, 2, &file, &line);
    ck_assert_int_eq(line, 5); /* the quoted newline counts */
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_extra_columns_become_attributes_in_header_order)
{
    og_diags *d;
    og_model *m = load_text("id,source,name,kind,level,parent,headcount\n"
                            "a,Decree 01,A,k,l,,\n"
                            "b,,B,k,l,a,12\n",
                            OG_FORMAT_CSV_FILE, "x.csv", &d, NULL);
    ck_assert_int_eq(og_model_attr_count(m, OG_UNIT), 2);
    ck_assert_str_eq(og_model_attr_name(m, OG_UNIT, 0), "source");
    ck_assert_str_eq(og_model_attr_name(m, OG_UNIT, 1), "headcount");
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, 0, 0), "Decree 01");
    ck_assert_ptr_null(og_model_attr(m, OG_UNIT, 0, 1));
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, 1, 1), "12");
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_every_row_problem_is_reported_with_its_line)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("id,name,kind,level,parent\n"   /* 1 */
                            "a,A,k,l,\n"                    /* 2 */
                            "a,A again,k,l,\n"              /* 3 duplicate */
                            ",nameless,k,l,a\n"             /* 4 empty id */
                            "b,B,k,l,zz\n"                  /* 5 unknown parent */
                            "c,C,k\n"                       /* 6 missing fields */
                            "d,D,k,l,a,extra\n"             /* 7 extra field */
                            "e,E\"x,k,l,a\n"                /* 8 bad quoting */
                            "f,F,k,l,a\n",                  /* 9 fine */
                            OG_FORMAT_CSV_FILE, "bad.csv", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(find_diag(d, "duplicate-id")->line, 3);
    ck_assert_int_eq(find_diag(d, "empty-id")->line, 4);
    const og_diag *u = find_diag(d, "unknown-unit");
    ck_assert_int_eq(u->line, 5);
    ck_assert_str_eq(u->message, "unit 'b' reports to unknown unit 'zz'");
    ck_assert_int_eq(find_diag(d, "csv-missing-fields")->line, 6);
    ck_assert_int_eq(find_diag(d, "csv-extra-fields")->line, 7);
    ck_assert_int_eq(find_diag(d, "csv-quoting")->line, 8);
    ck_assert_int_eq(og_diags_lossy(d), 6);
    /* the good row after the bad one still loads */
    ck_assert_int_ge(og_model_find(m, "f"), 0);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_unbalanced_quote_is_reported_at_its_opening_line)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("id,name,kind,level,parent\n"
                            "a,A,k,l,\n"
                            "b,\"never closed,k,l,a\n"
                            "c,C,k,l,a\n",
                            OG_FORMAT_CSV_FILE, "u.csv", &d, &st);
    const og_diag *q = find_diag(d, "csv-quoting");
    ck_assert_ptr_nonnull(q);
    ck_assert_int_eq(q->line, 3);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_empty_file_and_missing_id_column_are_not_models)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("", OG_FORMAT_CSV_FILE, "e.csv", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(find_diag(d, "csv-empty"));
    og_diags_free(d);
    m = load_text("name,parent\nA,\n", OG_FORMAT_CSV_FILE, "n.csv", &d, &st);
    ck_assert_int_eq(st, OG_EFORMAT);
    ck_assert_int_eq(find_diag(d, "csv-header")->line, 1);
    og_diags_free(d);
}
END_TEST

START_TEST(test_header_only_is_the_empty_organization)
{
    og_diags *d;
    og_status st;
    og_model *m = load_text("id,name,kind,level,parent\n", OG_FORMAT_CSV_FILE,
                            "h.csv", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(og_model_unit_count(m), 0);
    ck_assert_int_eq(og_diags_count(d), 0);
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_invalid_utf8_and_nul_bytes_are_reported_per_line)
{
    og_diags *d;
    og_status st;
    const char text[] = "id,name,kind,level,parent\na,\xC3\x28,k,l,\nb,B\0x,k,l,a\n";
    og_model *m = NULL;
    d = og_diags_new();
    st = og_model_load_buffer(text, sizeof text - 1, OG_FORMAT_CSV_FILE, "enc.csv", &m, d);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_int_eq(find_diag(d, "invalid-utf8")->line, 2);
    ck_assert_int_eq(find_diag(d, "nul-byte")->line, 3);
    /* the bad bytes became '?' so the rest of the file still loads */
    ck_assert_str_eq(og_unit_name(m, 0), "?(");
    ck_assert_str_eq(og_unit_name(m, 1), "B?x");
    og_model_free(m);
    og_diags_free(d);
}
END_TEST

START_TEST(test_links_table_needs_known_units_and_lines)
{
    char dir[] = "/tmp/og-csvdir-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/units.csv", dir);
    FILE *f = fopen(path, "w");
    fputs("id,name,kind,level,parent\na,A,k,l,\nb,B,k,l,a\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/links.csv", dir);
    f = fopen(path, "w");
    fputs("from,to,line,source\na,b,party,Decision 90\na,q,party,\nb,a,friendship,\n", f);
    fclose(f);
    og_diags *d = og_diags_new();
    og_model *m;
    ck_assert_int_eq(og_model_load(dir, &m, d), OG_OK);
    ck_assert_int_eq(og_model_link_count(m), 2);
    ck_assert_int_eq(og_link_line(m, 1), OG_LINE_PARTY);
    ck_assert_str_eq(og_model_attr(m, OG_LINK, 1, 0), "Decision 90");
    const og_diag *u = find_diag(d, "unknown-unit");
    ck_assert_int_eq(u->line, 3);
    ck_assert_ptr_nonnull(strstr(u->file, "links.csv"));
    ck_assert_int_eq(find_diag(d, "unknown-line")->line, 4);
    og_model_free(m);
    og_diags_free(d);
    snprintf(path, sizeof path, "rm -rf %s", dir);
    ck_assert_int_eq(system(path), 0);
}
END_TEST

START_TEST(test_missing_units_file_is_an_io_error_naming_the_path)
{
    og_diags *d = og_diags_new();
    og_model *m;
    ck_assert_int_eq(og_model_load("/tmp", &m, d), OG_EIO);
    ck_assert_ptr_nonnull(strstr(og_diags_get(d, 0)->file, "/tmp/units.csv"));
    og_diags_free(d);
    d = og_diags_new();
    ck_assert_int_eq(og_model_load("/nonexistent/x.csv", &m, d), OG_EIO);
    og_diags_free(d);
}
END_TEST

START_TEST(test_a_ten_megabyte_field_loads)
{
    size_t n = 10u << 20;
    char *text = malloc(n + 64);
    strcpy(text, "id,name\na,");
    size_t k = strlen(text);
    memset(text + k, 'x', n);
    strcpy(text + k + n, "\n");
    og_diags *d;
    og_status st;
    og_model *m = load_text(text, OG_FORMAT_CSV_FILE, "big.csv", &d, &st);
    ck_assert_int_eq(st, OG_OK);
    ck_assert_uint_eq(strlen(og_unit_name(m, 0)), n);
    og_model_free(m);
    og_diags_free(d);
    free(text);
}
END_TEST

Suite *load_csv_suite(void)
{
    Suite *s = suite_create("load_csv");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_units_table_loads_with_parents_resolved_in_any_order);
    tcase_add_test(tc, test_quoting_crlf_and_bom_are_accepted);
    tcase_add_test(tc, test_extra_columns_become_attributes_in_header_order);
    tcase_add_test(tc, test_every_row_problem_is_reported_with_its_line);
    tcase_add_test(tc, test_unbalanced_quote_is_reported_at_its_opening_line);
    tcase_add_test(tc, test_empty_file_and_missing_id_column_are_not_models);
    tcase_add_test(tc, test_header_only_is_the_empty_organization);
    tcase_add_test(tc, test_invalid_utf8_and_nul_bytes_are_reported_per_line);
    tcase_add_test(tc, test_links_table_needs_known_units_and_lines);
    tcase_add_test(tc, test_missing_units_file_is_an_io_error_naming_the_path);
    tcase_add_test(tc, test_a_ten_megabyte_field_loads);
    suite_add_tcase(s, tc);
    return s;
}
