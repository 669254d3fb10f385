/*
 * check_roundtrip.c: converting a model A -> B -> A keeps every unit, link,
 * attribute and metadata entry, for every format pair and every bundled
 * model; a failed write leaves the old file in place; and a CSV directory
 * is replaced as a whole.
 */
#include "helpers.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int strcmp_ptr(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Asserts that two models hold the same units, links (as a multiset, in
 * order), attribute values and metadata. */
static void assert_same(og_model *a, og_model *b, const char *what)
{
    ck_assert_msg(og_model_unit_count(a) == og_model_unit_count(b), "%s: units", what);
    ck_assert_msg(og_model_link_count(a) == og_model_link_count(b), "%s: links", what);
    for (igraph_integer_t u = 0; u < og_model_unit_count(a); u++) {
        igraph_integer_t v = og_model_find(b, og_unit_id(a, u));
        ck_assert_msg(v >= 0, "%s: unit %s lost", what, og_unit_id(a, u));
        ck_assert_str_eq(og_unit_name(a, u), og_unit_name(b, v));
        ck_assert_str_eq(og_unit_kind(a, u), og_unit_kind(b, v));
        ck_assert_str_eq(og_unit_level(a, u), og_unit_level(b, v));
        for (size_t c = 0; c < og_model_attr_count(a, OG_UNIT); c++) {
            const char *name = og_model_attr_name(a, OG_UNIT, c);
            const char *x = og_model_attr(a, OG_UNIT, u, c);
            long cb = og_model_attr_find(b, OG_UNIT, name);
            const char *y = cb >= 0 ? og_model_attr(b, OG_UNIT, v, (size_t)cb) : NULL;
            ck_assert_msg((!x && !y) || (x && y && !strcmp(x, y)),
                          "%s: unit %s attribute %s: '%s' vs '%s'", what,
                          og_unit_id(a, u), name, x ? x : "(unset)", y ? y : "(unset)");
        }
    }
    /* links: compare as sorted lists of "from\tto\tline\tattrs" */
    igraph_integer_t n = og_model_link_count(a);
    {
        char **la = malloc((size_t)(n ? n : 1) * sizeof *la);
        char **lb = malloc((size_t)(n ? n : 1) * sizeof *lb);
        og_model *ms[2] = {a, b};
        char **ls[2] = {la, lb};
        for (int k = 0; k < 2; k++) {
            og_model *m = ms[k];
            for (igraph_integer_t e = 0; e < n; e++) {
                og_buf buf;
                og_buf_init(&buf);
                og_buf_printf(&buf, "%s\t%s\t%s", og_unit_id(m, og_link_from(m, e)),
                              og_unit_id(m, og_link_to(m, e)),
                              og_line_name(og_link_line(m, e)));
                /* attributes in the first model's column order */
                for (size_t c = 0; c < og_model_attr_count(a, OG_LINK); c++) {
                    long cc = og_model_attr_find(m, OG_LINK, og_model_attr_name(a, OG_LINK, c));
                    const char *v = cc >= 0 ? og_model_attr(m, OG_LINK, e, (size_t)cc) : NULL;
                    og_buf_printf(&buf, "\t%s", v ? v : "");
                }
                ls[k][e] = buf.data ? buf.data : strdup("");
            }
            qsort(ls[k], (size_t)n, sizeof(char *), strcmp_ptr);
        }
        for (igraph_integer_t e = 0; e < n; e++) {
            ck_assert_msg(!strcmp(la[e], lb[e]), "%s: link '%s' vs '%s'", what, la[e], lb[e]);
            free(la[e]);
            free(lb[e]);
        }
        free(la);
        free(lb);
    }
    /* metadata: the same entries, and each key's values in the same order
     * (DOT returns distinct keys alphabetically) */
    ck_assert_int_eq(og_model_meta_count(a), og_model_meta_count(b));
    for (size_t i = 0; i < og_model_meta_count(a); i++) {
        const char *key = og_model_meta_key(a, i);
        size_t nth = 0, j, seen = 0;
        for (j = 0; j < i; j++)
            nth += strcmp(og_model_meta_key(a, j), key) == 0;
        for (j = 0; j < og_model_meta_count(b); j++)
            if (strcmp(og_model_meta_key(b, j), key) == 0 && seen++ == nth)
                break;
        ck_assert_msg(j < og_model_meta_count(b), "%s: metadata %s lost", what, key);
        ck_assert_str_eq(og_model_meta_value(a, i), og_model_meta_value(b, j));
    }
}

static og_model *reload(og_model *m, const char *path, og_format format)
{
    og_diags *d = og_diags_new();
    ck_assert_int_eq(og_model_save(m, path, format, d), OG_OK);
    og_model *r = NULL;
    og_status st = og_model_load(path, &r, d);
    ck_assert_msg(st == OG_OK && og_diags_count(d) == 0, "reloading %s: %s", path,
                  og_diags_count(d) ? og_diags_get(d, 0)->message : og_status_string(st));
    og_diags_free(d);
    return r;
}

/* original -> each format -> back to the original's format */
static void round_trip(const char *relpath, og_format home)
{
    og_model *a = load_path(relpath);
    char dir[] = "/tmp/og-rt-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    static const struct { og_format f; const char *name; } out[] = {
        {OG_FORMAT_DOT, "m.dot"}, {OG_FORMAT_CSV_DIR, "m-dir"},
        {OG_FORMAT_GRAPHML, "m.graphml"}};
    const char *home_name = home == OG_FORMAT_DOT ? "back.dot" : "back-dir";
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        char path[512], back[512], what[600];
        snprintf(path, sizeof path, "%s/%s", dir, out[i].name);
        snprintf(back, sizeof back, "%s/%zu-%s", dir, i, home_name);
        snprintf(what, sizeof what, "%s via %s", relpath, out[i].name);
        og_model *b = reload(a, path, out[i].f);
        assert_same(a, b, what);
        og_model *c = reload(b, back, home);
        assert_same(a, c, what);
        og_model_free(b);
        og_model_free(c);
    }
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
    og_model_free(a);
}

START_TEST(test_tour_model_round_trips_through_every_format)
{
    round_trip("models/tour/org.dot", OG_FORMAT_DOT);
}
END_TEST

START_TEST(test_police_snapshots_round_trip_through_every_format)
{
    static const char *const snaps[] = {"models/vn-police/2017", "models/vn-police/2018",
                                        "models/vn-police/2025-03", "models/vn-police/2025-07"};
    round_trip(snaps[_i], OG_FORMAT_CSV_DIR);
}
END_TEST

START_TEST(test_awkward_strings_survive_dot_and_graphml)
{
    og_model *m = og_model_new();
    igraph_integer_t a, b, e;
    og_model_add_unit(m, "q\"x", "ends with backslash \\", "k,1", "l\nl", &a);
    og_model_add_unit(m, "<b>&", "tab\there", "", "", &b);
    og_model_add_link(m, a, b, OG_LINE_GUIDANCE, &e);
    og_model_set_attr(m, OG_LINK, e, "note", "a \"quoted\" note");
    og_model_set_attr(m, OG_UNIT, a, "x.y", "1");
    og_model_add_meta(m, "title", "T");
    og_model_add_meta(m, "note", "n1");
    og_model_add_meta(m, "note", "n2");
    char dir[] = "/tmp/og-rt-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[512];
    static const char *const names[] = {"a.dot", "a.graphml", "a-dir"};
    static const og_format formats[] = {OG_FORMAT_DOT, OG_FORMAT_GRAPHML, OG_FORMAT_CSV_DIR};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        og_model *r = reload(m, path, formats[i]);
        assert_same(m, r, names[i]);
        og_model_free(r);
    }
    snprintf(path, sizeof path, "rm -rf %s", dir);
    ck_assert_int_eq(system(path), 0);
    og_model_free(m);
}
END_TEST

START_TEST(test_a_failed_write_leaves_the_existing_output_untouched)
{
    char dir[] = "/tmp/og-rt-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char target[512], cmd[600];
    /* a directory where the file should go: the final rename must fail */
    snprintf(target, sizeof target, "%s/out.dot", dir);
    ck_assert_int_eq(mkdir(target, 0755), 0);
    og_model *m = og_model_new();
    og_model_add_unit(m, "a", "", "", "", NULL);
    og_diags *d = og_diags_new();
    ck_assert_int_eq(og_model_save(m, target, OG_FORMAT_DOT, d), OG_EIO);
    struct stat st;
    ck_assert_int_eq(stat(target, &st), 0);
    ck_assert(S_ISDIR(st.st_mode));
    /* and no temporary file is left behind */
    snprintf(cmd, sizeof cmd, "test $(ls -A %s | wc -l) -eq 1", dir);
    ck_assert_int_eq(system(cmd), 0);
    og_diags_free(d);
    og_model_free(m);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* ---- a CSV directory is replaced as a whole (og_i_write_dir_atomic) ---- */

/* The names in a directory, sorted, joined by spaces, into out. */
static void list_dir(const char *path, char *out, size_t size)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -A %s | tr '\\n' ' '", path);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t n = fread(out, 1, size - 1, p);
    out[n] = '\0';
    pclose(p);
}

static char *slurp(const char *dir, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *data;
    size_t size;
    ck_assert_int_eq(og_i_read_file(path, &data, &size, NULL), OG_OK);
    return data;
}

static og_model *small_model(const char *name, const char *note)
{
    og_model *m = og_model_new();
    igraph_integer_t a, b, l;
    og_model_add_unit(m, "a", name, "office", "top", &a);
    og_model_add_unit(m, "b", "B", "desk", "low", &b);
    og_model_add_link(m, a, b, OG_LINE_PARTY, &l);
    og_model_add_meta(m, "note", note);
    return m;
}

static const char *const parts[] = {"units.csv", "links.csv", "meta.csv"};

START_TEST(test_a_csv_directory_is_replaced_as_a_whole)
{
    /* _i: 0 the swap; 1 no RENAME_EXCHANGE (file by file); 2-4 the 1st,
     * 2nd or 3rd file fails; 5 a subdirectory is in the way */
    char dir[] = "/tmp/og-rt-XXXXXX", out[600], cmd[700], names[600];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(out, sizeof out, "%s/out", dir);
    og_model *old = small_model("Old", "old"), *m = small_model("New", "new");
    og_diags *d = og_diags_new();
    ck_assert_int_eq(og_model_save(old, out, OG_FORMAT_CSV_DIR, d), OG_OK);
    snprintf(cmd, sizeof cmd, "echo mine > %s/README", out);
    ck_assert_int_eq(system(cmd), 0);
    if (_i == 5) {
        snprintf(cmd, sizeof cmd, "mkdir %s/sub", out);
        ck_assert_int_eq(system(cmd), 0);
    }
    char *before[3];
    for (int k = 0; k < 3; k++)
        before[k] = slurp(out, parts[k]);
    struct stat st0, st1;
    ck_assert_int_eq(stat(out, &st0), 0);
    og_i_fault_no_exchange = _i == 1;
    og_i_fault_write = _i >= 2 && _i <= 4 ? _i - 1 : 0;
    og_status st = og_model_save(m, out, OG_FORMAT_CSV_DIR, d);
    og_i_fault_no_exchange = og_i_fault_write = 0;
    ck_assert_int_eq(stat(out, &st1), 0);
    list_dir(dir, names, sizeof names);
    ck_assert_str_eq(names, "out ");   /* no temporary directory left */
    list_dir(out, names, sizeof names);
    if (_i <= 1) {
        ck_assert_int_eq(st, OG_OK);
        ck_assert_str_eq(names, "README links.csv meta.csv units.csv ");
        char *u = slurp(out, "units.csv"), *r = slurp(out, "README");
        ck_assert_ptr_nonnull(strstr(u, "a,New,"));
        ck_assert_str_eq(r, "mine\n");
        /* swapped: another directory; file by file: the same one */
        ck_assert(_i == 0 ? st1.st_ino != st0.st_ino : st1.st_ino == st0.st_ino);
        free(u);
        free(r);
    } else {
        ck_assert_int_eq(st, OG_EIO);
        ck_assert_str_eq(names, _i == 5 ? "README links.csv meta.csv sub units.csv "
                                        : "README links.csv meta.csv units.csv ");
        ck_assert(st1.st_ino == st0.st_ino);
        for (int k = 0; k < 3; k++) {
            char *now = slurp(out, parts[k]);
            ck_assert_str_eq(now, before[k]);   /* untouched */
            free(now);
        }
        ck_assert_uint_ge(og_diags_count_severity(d, OG_ERROR), 1);
    }
    for (int k = 0; k < 3; k++)
        free(before[k]);
    og_diags_free(d);
    og_model_free(old);
    og_model_free(m);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

Suite *roundtrip_suite(void)
{
    Suite *s = suite_create("roundtrip");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_tour_model_round_trips_through_every_format);
    tcase_add_loop_test(tc, test_police_snapshots_round_trip_through_every_format, 0, 4);
    tcase_add_test(tc, test_awkward_strings_survive_dot_and_graphml);
    tcase_add_test(tc, test_a_failed_write_leaves_the_existing_output_untouched);
    tcase_add_loop_test(tc, test_a_csv_directory_is_replaced_as_a_whole, 0, 6);
    suite_add_tcase(s, tc);
    return s;
}
