/*
 * check_report.c: the HTML report: the empty and one-unit organizations, key
 * figures and changes of a small hand-checked pair, the search index (read
 * back with jansson: chains and the units a unit went into), escaping of
 * hostile names, determinism, og_transition_fit, and the bundled police
 * snapshots (figures tested elsewhere must reach the page).
 */
#include "helpers.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* hq over regions a and b; offices under them; a Party organ over a. */
static const char *const before_dot =
    "digraph t {\n"
    "  hq [label=\"HQ\", kind=hq, level=top];\n"
    "  p [label=\"Party\", kind=party, level=top];\n"
    "  a [label=\"Region A\", kind=region, level=mid];\n"
    "  b [label=\"Region B\", kind=region, level=mid];\n"
    "  a1 [label=\"Office A1\", kind=office, level=low];\n"
    "  a2 [label=\"Office A2\", kind=office, level=low];\n"
    "  b1 [label=\"Hòn Tre office\", kind=office, level=low];\n"
    "  hq -> a; hq -> b; a -> a1; a -> a2; b -> b1;\n"
    "  p -> a [line=party];\n"
    "}\n";

/* Regions merged into ab (new id), offices now directly under it. */
static const char *const after_dot =
    "digraph t {\n"
    "  hq [label=\"HQ\", kind=hq, level=top];\n"
    "  p [label=\"Party\", kind=party, level=top];\n"
    "  ab [label=\"Region AB\", kind=region, level=mid];\n"
    "  a1 [label=\"Office A1\", kind=office, level=low];\n"
    "  a2 [label=\"Office A2\", kind=office, level=low];\n"
    "  b1 [label=\"Hòn Tre office\", kind=office, level=low];\n"
    "  hq -> ab; ab -> a1; ab -> a2; ab -> b1;\n"
    "  p -> ab [line=party];\n"
    "}\n";

typedef struct page {
    og_model *m[4];
    og_transition *t[4];
    og_buf html;
    og_diags *d;
    og_status st;
} page;

static og_model *dot(const char *text, const char *name)
{
    og_diags *d;
    og_model *m = load_text(text, OG_FORMAT_DOT, name, &d, NULL);
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(og_diags_count_severity(d, OG_ERROR), 0);
    og_diags_free(d);
    return m;
}

static void render(page *p, size_t n)
{
    og_buf_init(&p->html);
    p->d = og_diags_new();
    p->st = og_report_html(p->m, n, (const og_transition *const *)p->t, NULL, &p->html, p->d);
    og_buf_append(&p->html, "", 1);
    p->html.len--;
}

static void page_free(page *p)
{
    for (int i = 0; i < 4; i++)
        og_model_free(p->m[i]), og_transition_free(p->t[i]);
    og_buf_free(&p->html);
    og_diags_free(p->d);
}

static size_t occurrences(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The row of the key figures that starts with `head`, up to its </tr>, with
 * the title attributes (the change from the previous snapshot, on hover)
 * left out; "" when there is no such row. Static storage. */
static const char *row(const char *html, const char *head)
{
    static char out[4096];
    const char *at = strstr(html, head), *end = at ? strstr(at, "</tr>") : NULL;
    size_t n = 0;
    for (const char *p = at; p && p < end && n + 1 < sizeof out;) {
        if (!strncmp(p, " title=\"", 8)) {
            p = strchr(p + 8, '"') + 1;
            continue;
        }
        out[n++] = *p++;
    }
    out[n] = 0;
    return out;
}

/* The search index of a page, parsed. */
static json_t *index_of(const page *p)
{
    const char *open = "<script type=\"application/json\" id=\"og-data\">";
    const char *at = strstr(p->html.data, open);
    ck_assert_ptr_nonnull(at);
    at += strlen(open);
    const char *end = strstr(at, "</script>");
    ck_assert_ptr_nonnull(end);
    json_error_t err;
    json_t *j = json_loadb(at, (size_t)(end - at), 0, &err);
    ck_assert_msg(j != NULL, "index is not JSON: %s (col %d)", err.text, err.column);
    return j;
}

static const char *jstr(json_t *idx, json_t *ref)
{
    return json_string_value(json_array_get(json_object_get(idx, "strings"),
                                            (size_t)json_integer_value(ref)));
}

/* Unit u of snapshot k's name and the names up its chain on line l. */
static void chain_of(json_t *idx, size_t k, int l, json_int_t u, char *out, size_t size)
{
    json_t *snap = json_array_get(json_object_get(idx, "snaps"), k);
    json_t *up = json_array_get(json_object_get(snap, "up"), (size_t)l);
    out[0] = 0;
    for (int guard = 0; u >= 0 && guard < 100; guard++) {
        if (out[0])
            strncat(out, " > ", size - strlen(out) - 1);
        strncat(out, jstr(idx, json_array_get(json_object_get(snap, "name"), (size_t)u)),
                size - strlen(out) - 1);
        u = json_integer_value(json_array_get(up, (size_t)u));
    }
}

static json_int_t unit_of(json_t *idx, size_t k, const char *id)
{
    json_t *ids = json_object_get(json_array_get(json_object_get(idx, "snaps"), k), "id");
    for (size_t u = 0; u < json_array_size(ids); u++)
        if (!strcmp(jstr(idx, json_array_get(ids, u)), id))
            return (json_int_t)u;
    return -1;
}

START_TEST(empty_and_one_unit)
{
    page p = {0};
    og_diags *d;
    p.m[0] = load_text("id,name\n", OG_FORMAT_CSV_FILE, "empty.csv", &d, NULL);
    og_diags_free(d);
    ck_assert_ptr_nonnull(p.m[0]);
    render(&p, 1);
    ck_assert_int_eq(p.st, OG_OK);
    ck_assert_ptr_nonnull(strstr(p.html.data, "<!DOCTYPE html>"));
    ck_assert_ptr_nonnull(strstr(p.html.data, "id=\"table-figures\""));
    ck_assert_ptr_nonnull(strstr(p.html.data, "id=\"chart-schema-after\""));
    /* one snapshot: no change column, no diff chart, no changes table */
    ck_assert_ptr_null(strstr(p.html.data, "<th>change</th>"));
    ck_assert_ptr_null(strstr(p.html.data, "id=\"chart-diff\""));
    ck_assert_ptr_null(strstr(p.html.data, "id=\"table-changes\""));
    json_t *idx = index_of(&p);
    ck_assert_uint_eq(json_array_size(json_object_get(
                          json_array_get(json_object_get(idx, "snaps"), 0), "id")),
                      0);
    json_decref(idx);
    page_free(&p);

    page q = {0};
    q.m[0] = load_text("id,name\nhq,The Only Unit\n", OG_FORMAT_CSV_FILE, "one.csv", &d, NULL);
    og_diags_free(d);
    q.m[1] = load_text("id,name\nhq,The Only Unit\n", OG_FORMAT_CSV_FILE, "one.csv", &d, NULL);
    og_diags_free(d);
    render(&q, 2);
    ck_assert_int_eq(q.st, OG_OK);
    /* same labels are told apart */
    ck_assert_ptr_nonnull(strstr(q.html.data, "<th>one.csv</th><th>one.csv (2)</th>"));
    idx = index_of(&q);
    char c[256];
    chain_of(idx, 1, 0, 0, c, sizeof c);
    ck_assert_str_eq(c, "The Only Unit");
    json_decref(idx);
    page_free(&q);
}
END_TEST

START_TEST(figures_and_changes)
{
    page p = {0};
    p.m[0] = dot(before_dot, "before.dot");
    p.m[1] = dot(after_dot, "after.dot");
    p.t[0] = og_transition_new();
    og_transition_add(p.t[0], "a", "ab", "merge", "full", 2);
    og_transition_add(p.t[0], "b", "ab", "merge", "full", 3);
    render(&p, 2);
    ck_assert_int_eq(p.st, OG_OK);
    const char *h = p.html.data;
    /* units 7 -> 6; command layers 3 -> 3; the mean span of regions 1.5 -> 3 */
    ck_assert_ptr_nonnull(strstr(h, "<td class=\"num\" title=\"\xe2\x88\x92" "1 from before.dot\">"));
    ck_assert_str_eq(row(h, "<th scope=\"row\">units</th>"),
                                    "<th scope=\"row\">units</th>"
                                    "<td class=\"num\">7</td><td class=\"num\">6</td>"
                                    "<td class=\"num change down\">\xe2\x88\x92" "1 "
                                    "<span class=\"pct\">(\xe2\x88\x92" "14%)</span></td>");
    ck_assert_str_eq(row(h, "<th scope=\"row\">mean span of region</th>"),
                     "<th scope=\"row\">mean span of region</th>"
                     "<td class=\"num\">1.50</td><td class=\"num\">3.00</td>"
                     "<td class=\"num change up\">+1.50 <span class=\"pct\">(+100%)</span></td>");
    /* changes of regions: 2 before, none kept, renamed or moved, 2 merged;
     * b1 is kept: its superior b went into its new superior ab */
    ck_assert_ptr_nonnull(strstr(h, "<tr><th scope=\"row\">region</th><td class=\"num\">2</td>"
                                    "<td class=\"num\">0</td><td class=\"num\">0</td>"
                                    "<td class=\"num\">0</td><td class=\"num\">2</td>"));
    ck_assert_ptr_nonnull(strstr(h, "through the transition"));
    ck_assert_ptr_nonnull(strstr(h, "id=\"chart-diff\""));
    ck_assert_uint_eq(occurrences(h, "<svg class=\"plot\""), 6);
    ck_assert_uint_eq(occurrences(h, "class=\"graphviz\""), 3);

    /* the index: b1's chains before and after, and where a went */
    json_t *idx = index_of(&p);
    char c[512];
    chain_of(idx, 0, OG_LINE_COMMAND, unit_of(idx, 0, "b1"), c, sizeof c);
    ck_assert_str_eq(c, "Hòn Tre office > Region B > HQ");
    chain_of(idx, 1, OG_LINE_COMMAND, unit_of(idx, 1, "b1"), c, sizeof c);
    ck_assert_str_eq(c, "Hòn Tre office > Region AB > HQ");
    /* a1 is not on the party line: -2; a is, under p */
    json_t *up = json_array_get(json_object_get(json_array_get(json_object_get(idx, "snaps"), 0), "up"),
                                OG_LINE_PARTY);
    ck_assert_int_eq(json_integer_value(json_array_get(up, (size_t)unit_of(idx, 0, "a1"))), -2);
    ck_assert_int_eq(json_integer_value(json_array_get(up, (size_t)unit_of(idx, 0, "a"))),
                     unit_of(idx, 0, "p"));
    /* moves: a and b went into ab (u, 1, ab), nothing else listed */
    json_t *moves = json_array_get(json_object_get(idx, "moves"), 0);
    json_int_t ab = unit_of(idx, 1, "ab");
    ck_assert_uint_eq(json_array_size(moves), 6);
    ck_assert_int_eq(json_integer_value(json_array_get(moves, 0)), unit_of(idx, 0, "a"));
    ck_assert_int_eq(json_integer_value(json_array_get(moves, 2)), ab);
    ck_assert_int_eq(json_integer_value(json_array_get(moves, 3)), unit_of(idx, 0, "b"));
    ck_assert_int_eq(json_integer_value(json_array_get(moves, 5)), ab);
    json_decref(idx);
    page_free(&p);
}
END_TEST

START_TEST(followed_through_three_snapshots)
{
    /* before -> before (by id) -> after (transition): a's images compose */
    page p = {0};
    p.m[0] = dot(before_dot, "one.dot");
    p.m[1] = dot(before_dot, "two.dot");
    p.m[2] = dot(after_dot, "three.dot");
    p.t[1] = og_transition_new();
    og_transition_add(p.t[1], "a", "ab", "merge", "full", 2);
    og_transition_add(p.t[1], "b", "ab", "merge", "full", 3);
    render(&p, 3);
    ck_assert_int_eq(p.st, OG_OK);
    /* the first against the last: two regions merged */
    ck_assert_ptr_nonnull(strstr(p.html.data, "<tr class=\"total\"><th scope=\"row\">all units"
                                              "</th><td class=\"num\">7</td><td class=\"num\">5"
                                              "</td>"));
    ck_assert_ptr_nonnull(strstr(p.html.data, "id=\"plot-timeline\""));
    json_t *idx = index_of(&p);
    ck_assert_uint_eq(json_array_size(json_array_get(json_object_get(idx, "moves"), 0)), 0);
    ck_assert_uint_eq(json_array_size(json_array_get(json_object_get(idx, "moves"), 1)), 6);
    json_decref(idx);
    page_free(&p);
}
END_TEST

START_TEST(hostile_names_are_text)
{
    const char *evil =
        "digraph t {\n"
        "  \"<script>alert(1)</script>\" [label=\"<script>alert(1)</script>\", "
        "kind=\"<img src=x onerror=alert(2)>\", level=\"\\\"><svg onload=alert(3)>\"];\n"
        "  x [label=\"</script><script>alert(4)</script>\", kind=\"a&b\", level=\"<!--\"];\n"
        "  \"<script>alert(1)</script>\" -> x;\n"
        "  title=\"<b>title</b>\";\n"
        "}\n";
    page p = {0};
    og_diags *d;
    p.m[0] = load_text(evil, OG_FORMAT_DOT, "evil.dot", &d, NULL);
    og_diags_free(d);
    ck_assert_ptr_nonnull(p.m[0]);
    p.m[1] = load_text(evil, OG_FORMAT_DOT, "evil2.dot", &d, NULL);
    og_diags_free(d);
    render(&p, 2);
    ck_assert_int_eq(p.st, OG_OK);
    const char *h = p.html.data;
    /* our two script elements, and no other markup from the names */
    ck_assert_uint_eq(occurrences(h, "<script"), 2);
    ck_assert_uint_eq(occurrences(h, "</script"), 2);
    ck_assert_ptr_null(strstr(h, "<img"));
    ck_assert_ptr_null(strstr(h, "<svg onload"));
    ck_assert_ptr_null(strstr(h, "<!--"));
    ck_assert_ptr_nonnull(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    ck_assert_ptr_nonnull(strstr(h, "Content-Security-Policy"));
    /* the index reads back the names exactly */
    json_t *idx = index_of(&p);
    ck_assert_int_ge(unit_of(idx, 0, "<script>alert(1)</script>"), 0);
    json_decref(idx);
    page_free(&p);
}
END_TEST

START_TEST(search_left_out_above_the_limit)
{
    page p = {0};
    p.m[0] = dot(before_dot, "before.dot");
    p.m[1] = dot(after_dot, "after.dot");
    og_report_options o = {NULL, NULL, 12};
    og_buf_init(&p.html);
    p.d = og_diags_new();
    ck_assert_int_eq(og_report_html(p.m, 2, NULL, &o, &p.html, p.d), OG_OK);
    og_buf_append(&p.html, "", 1);
    ck_assert_ptr_null(strstr(p.html.data, "id=\"search\""));
    ck_assert_ptr_nonnull(strstr(p.html.data, "more than 12 units in all"));
    ck_assert_ptr_nonnull(strstr(p.html.data, "id=\"og-data\">null</script>"));
    ck_assert_ptr_nonnull(find_diag(p.d, "report-search"));
    /* 13 units: within the limit */
    og_buf_free(&p.html);
    og_buf_init(&p.html);
    o.search_max = 13;
    ck_assert_int_eq(og_report_html(p.m, 2, NULL, &o, &p.html, p.d), OG_OK);
    og_buf_append(&p.html, "", 1);
    ck_assert_ptr_nonnull(strstr(p.html.data, "id=\"search\""));
    page_free(&p);
}
END_TEST

START_TEST(same_input_same_bytes)
{
    page p = {0}, q = {0};
    p.m[0] = dot(before_dot, "before.dot"), p.m[1] = dot(after_dot, "after.dot");
    q.m[0] = dot(before_dot, "before.dot"), q.m[1] = dot(after_dot, "after.dot");
    render(&p, 2);
    render(&q, 2);
    ck_assert_uint_eq(p.html.len, q.html.len);
    ck_assert(memcmp(p.html.data, q.html.data, p.html.len) == 0);
    page_free(&p);
    page_free(&q);
}
END_TEST

START_TEST(transition_fit)
{
    og_model *b = dot(before_dot, "b.dot"), *a = dot(after_dot, "a.dot");
    og_transition *t = og_transition_new();
    og_transition_add(t, "a", "ab", "merge", "full", 2);
    og_transition_add(t, "b", "ab", "merge", "full", 3);
    og_transition_add(t, "", "a1", "add", "", 4);
    og_transition_add(t, "zz", "", "remove", "", 5);
    ck_assert_uint_eq(og_transition_fit(t, b, a), 3);
    ck_assert_uint_eq(og_transition_fit(t, a, b), 1); /* only the row adding a1 */
    ck_assert_uint_eq(og_transition_fit(t, b, b), 1);
    og_transition_free(t);
    og_model_free(b);
    og_model_free(a);
}
END_TEST

START_TEST(police_snapshots)
{
    page p = {0};
    p.m[0] = load_path("models/vn-police/2018");
    p.m[1] = load_path("models/vn-police/2025-03");
    p.m[2] = load_path("models/vn-police/2025-07");
    og_diags *d = og_diags_new();
    ck_assert_int_eq(og_transition_load(OG_SOURCE_DIR "/models/vn-police/transition-2025-07.csv",
                                        &p.t[1], d),
                     OG_OK);
    og_diags_free(d);
    render(&p, 3);
    ck_assert_int_eq(p.st, OG_OK);
    const char *h = p.html.data;
    /* the spans of provincial police (tested in check_analyze) reach the page */
    ck_assert_str_eq(row(h, "<th scope=\"row\">mean span of provincial-police</th>"),
                     "<th scope=\"row\">mean span of provincial-police</th>"
                     "<td class=\"num\">11.05</td><td class=\"num\">159.56</td>"
                     "<td class=\"num\">97.68</td>"
                     "<td class=\"num change up\">+86.63 <span class=\"pct\">(+784%)</span></td>");
    ck_assert_str_eq(row(h, "<th scope=\"row\">at district level</th>"),
                     "<th scope=\"row\">at district level</th>"
                     "<td class=\"num\">2,088</td><td class=\"num\">696</td>"
                     "<td class=\"num\">0</td><td class=\"num change down\">\xe2\x88\x92"
                     "2,088 <span class=\"pct\">(\xe2\x88\x92" "100%)</span></td>");
    /* Hòn Tre commune police: three links up in 2018; in 2025-07 the unit it
     * went into (the Kiên Hải special zone), under An Giang */
    json_t *idx = index_of(&p);
    char c[1024];
    chain_of(idx, 0, OG_LINE_COMMAND, unit_of(idx, 0, "cp-31108"), c, sizeof c);
    ck_assert_str_eq(c, "Công an xã Hòn Tre > Công an huyện Kiên Hải > Công an tỉnh Kiên Giang "
                        "> Ministry of Public Security");
    json_t *moves = json_array_get(json_object_get(idx, "moves"), 1);
    json_int_t u = unit_of(idx, 1, "cp-31108"), into = -1;
    for (size_t i = 0; i < json_array_size(moves);) {
        json_int_t k = json_integer_value(json_array_get(moves, i + 1));
        if (json_integer_value(json_array_get(moves, i)) == u && k == 1)
            into = json_integer_value(json_array_get(moves, i + 2));
        i += 2 + (size_t)k;
    }
    ck_assert_int_ge(into, 0);
    chain_of(idx, 2, OG_LINE_COMMAND, into, c, sizeof c);
    ck_assert_str_eq(c, "Công an đặc khu Kiên Hải > Công an tỉnh An Giang > "
                        "Ministry of Public Security");
    json_decref(idx);
    page_free(&p);
}
END_TEST

Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, empty_and_one_unit);
    tcase_add_test(tc, figures_and_changes);
    tcase_add_test(tc, followed_through_three_snapshots);
    tcase_add_test(tc, hostile_names_are_text);
    tcase_add_test(tc, search_left_out_above_the_limit);
    tcase_add_test(tc, same_input_same_bytes);
    tcase_add_test(tc, transition_fit);
    tcase_add_test(tc, police_snapshots);
    suite_add_tcase(s, tc);
    return s;
}
