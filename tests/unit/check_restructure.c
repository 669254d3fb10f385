/*
 * check_restructure.c: restructuring plans (parsing, every operation, the
 * transition they derive, errors with the plan's line and nothing built),
 * the bundled 2018 -> 2025-03 plan giving the bundled 2025-03 snapshot, and
 * the comparison figures of the bundled snapshots.
 */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* hq over regions a and b, offices under them; a Party organ over a; a and b
 * coordinate. */
static const char *const small_org =
    "digraph t {\n"
    "  hq [label=\"HQ\", kind=hq, level=top];\n"
    "  p [label=\"Party\", kind=party, level=top];\n"
    "  a [label=\"A\", kind=region, level=mid]; b [label=\"B\", kind=region, level=mid];\n"
    "  a1 [label=\"A1\", kind=office, level=low]; a2 [label=\"A2\", kind=office, level=low];\n"
    "  b1 [label=\"B1\", kind=office, level=low];\n"
    "  hq -> a; hq -> b; a -> a1; a -> a2; b -> b1;\n"
    "  p -> a [line=party]; a -> b [line=coordination];\n"
    "}\n";

typedef struct applied {
    og_model *before, *after;
    og_transition *t;
    og_diags *d;
    og_status st;
} applied;

static applied apply_text(const char *model_dot, const char *plan_text)
{
    applied r = {0};
    og_diags *ld;
    r.before = load_text(model_dot, OG_FORMAT_DOT, "t.dot", &ld, NULL);
    og_diags_free(ld);
    ck_assert_ptr_nonnull(r.before);
    r.d = og_diags_new();
    og_plan *plan = NULL;
    r.st = og_plan_parse(plan_text, strlen(plan_text), "t.plan", &plan, r.d);
    if (r.st == OG_OK)
        r.st = og_plan_apply(plan, r.before, &r.after, &r.t, r.d);
    og_plan_free(plan);
    return r;
}

static void applied_free(applied *r)
{
    og_model_free(r->before);
    og_model_free(r->after);
    og_transition_free(r->t);
    og_diags_free(r->d);
}

/* The id of unit `id`'s first superior on a line, or NULL. */
static const char *superior(const og_model *m, const char *id, og_line line)
{
    igraph_integer_t u = og_model_find(m, id);
    for (igraph_integer_t e = 0; u >= 0 && e < og_model_link_count(m); e++)
        if (og_link_to(m, e) == u && og_link_line(m, e) == line)
            return og_unit_id(m, og_link_from(m, e));
    return NULL;
}

static igraph_integer_t links_on(const og_model *m, og_line line)
{
    igraph_integer_t n = 0;
    for (igraph_integer_t e = 0; e < og_model_link_count(m); e++)
        n += og_link_line(m, e) == line;
    return n;
}

/* The operation of the transition row old -> new ("" new: none). */
static const char *row_op(const og_transition *t, const char *old_id, const char *new_id)
{
    for (size_t i = 0; i < og_transition_count(t); i++) {
        const og_transition_row *r = og_transition_get(t, i);
        if (!strcmp(r->old_id, old_id) && !strcmp(r->new_id, new_id))
            return r->operation;
    }
    return NULL;
}

START_TEST(test_abolish_level_reattaches_subordinates_to_the_superior)
{
    applied r = apply_text(small_org, "abolish level mid\n");
    ck_assert_int_eq(r.st, OG_OK);
    ck_assert_int_eq(og_model_unit_count(r.after), 5);
    ck_assert_str_eq(superior(r.after, "a1", OG_LINE_COMMAND), "hq");
    ck_assert_str_eq(superior(r.after, "b1", OG_LINE_COMMAND), "hq");
    ck_assert_int_eq(links_on(r.after, OG_LINE_COMMAND), 3);
    ck_assert_str_eq(row_op(r.t, "a", ""), "abolish");
    ck_assert_str_eq(row_op(r.t, "a1", "a1"), "keep");
    /* the coordination link a-b had nowhere to go once both went: a note */
    ck_assert_uint_ge(og_diags_count_severity(r.d, OG_NOTE), 1);
    applied_free(&r);
}
END_TEST

START_TEST(test_abolish_by_kind_and_glob)
{
    applied r = apply_text(small_org, "abolish kind office id a*\n");
    ck_assert_int_eq(r.st, OG_OK);
    ck_assert_int_eq(og_model_find(r.after, "a1"), -1);
    ck_assert_int_eq(og_model_find(r.after, "a2"), -1);
    ck_assert_int_ge(og_model_find(r.after, "b1"), 0);
    applied_free(&r);
    r = apply_text(small_org, "abolish b*\n");
    ck_assert_int_eq(r.st, OG_OK);
    ck_assert_int_eq(og_model_unit_count(r.after), 5);
    applied_free(&r);
}
END_TEST

START_TEST(test_unknown_unit_fails_with_the_plan_line_and_builds_nothing)
{
    applied r = apply_text(small_org, "# comment\n\nabolish nowhere\nrename a \"A\"\n"
                                      "transfer a1 to ghost\n");
    ck_assert_int_eq(r.st, OG_EFORMAT);
    ck_assert_ptr_null(r.after);
    ck_assert_ptr_null(r.t);
    ck_assert_uint_eq(og_diags_count_severity(r.d, OG_ERROR), 2);
    const og_diag *e = og_diags_get(r.d, 0);
    ck_assert_str_eq(e->file, "t.plan");
    ck_assert_int_eq(e->line, 3);
    ck_assert_str_eq(e->message, "unit 'nowhere' does not exist");
    ck_assert_int_eq(og_diags_get(r.d, 1)->line, 5);
    applied_free(&r);
}
END_TEST

START_TEST(test_syntax_errors_are_all_reported_with_lines)
{
    applied r = apply_text(small_org, "frobnicate a\nmerge a b\nrename a \"open\n"
                                      "link a -> b line=sideways\n");
    ck_assert_int_eq(r.st, OG_EFORMAT);
    ck_assert_uint_eq(og_diags_count_severity(r.d, OG_ERROR), 4);
    for (long i = 0; i < 4; i++)
        ck_assert_int_eq(og_diags_get(r.d, (size_t)i)->line, i + 1);
    ck_assert_str_eq(og_diags_get(r.d, 0)->message, "unknown operation 'frobnicate'");
    applied_free(&r);
}
END_TEST

START_TEST(test_merge_takes_every_link_once_and_the_new_name)
{
    applied r = apply_text(small_org, "merge a b -> ab \"A and B\" kind=area\n");
    ck_assert_int_eq(r.st, OG_OK);
    igraph_integer_t ab = og_model_find(r.after, "ab");
    ck_assert_int_ge(ab, 0);
    ck_assert_str_eq(og_unit_name(r.after, ab), "A and B");
    ck_assert_str_eq(og_unit_kind(r.after, ab), "area");
    ck_assert_str_eq(og_unit_level(r.after, ab), "mid");
    ck_assert_str_eq(superior(r.after, "b1", OG_LINE_COMMAND), "ab");
    ck_assert_str_eq(superior(r.after, "ab", OG_LINE_PARTY), "p");
    ck_assert_int_eq(links_on(r.after, OG_LINE_COMMAND), 4); /* hq->ab once */
    ck_assert_int_eq(links_on(r.after, OG_LINE_COORDINATION), 0);
    ck_assert_str_eq(row_op(r.t, "a", "ab"), "merge");
    ck_assert_str_eq(row_op(r.t, "b", "ab"), "merge");
    applied_free(&r);
}
END_TEST

START_TEST(test_split_gives_each_part_the_superiors_and_the_first_the_subordinates)
{
    applied r = apply_text(small_org, "split a -> a-e \"East\", a-w \"West\"\n");
    ck_assert_int_eq(r.st, OG_OK);
    ck_assert_int_eq(og_model_find(r.after, "a"), -1);
    ck_assert_str_eq(superior(r.after, "a-e", OG_LINE_COMMAND), "hq");
    ck_assert_str_eq(superior(r.after, "a-w", OG_LINE_COMMAND), "hq");
    ck_assert_str_eq(superior(r.after, "a-w", OG_LINE_PARTY), "p");
    ck_assert_str_eq(superior(r.after, "a1", OG_LINE_COMMAND), "a-e");
    ck_assert_str_eq(row_op(r.t, "a", "a-w"), "split");
    applied_free(&r);
}
END_TEST

START_TEST(test_transfer_moves_the_subtree_and_refuses_a_cycle)
{
    applied r = apply_text(small_org, "transfer a to b\n");
    ck_assert_int_eq(r.st, OG_OK);
    ck_assert_str_eq(superior(r.after, "a", OG_LINE_COMMAND), "b");
    ck_assert_str_eq(superior(r.after, "a1", OG_LINE_COMMAND), "a");
    ck_assert_str_eq(row_op(r.t, "a", "a"), "transfer");
    applied_free(&r);
    r = apply_text(small_org, "transfer hq to a1\n");
    ck_assert_int_eq(r.st, OG_EFORMAT);
    ck_assert_ptr_nonnull(strstr(og_diags_get(r.d, 0)->message, "cycle"));
    applied_free(&r);
}
END_TEST

START_TEST(test_rename_add_remove_link_unlink_and_metadata)
{
    applied r = apply_text(small_org,
                           "rename a \"Region A\" note=renamed\n"
                           "add c \"C\" kind=region level=mid under hq before b\n"
                           "add c1 \"C1\" kind=office level=low under c\n"
                           "remove b1\n"
                           "link p -> c line=party source=\"a decision\"\n"
                           "unlink a -> b line=coordination\n"
                           "set title \"New\"\nmeta source \"s1\"\nunset source\nmeta note \"n\"\n");
    ck_assert_int_eq(r.st, OG_OK);
    og_model *m = r.after;
    igraph_integer_t a = og_model_find(m, "a"), c = og_model_find(m, "c");
    ck_assert_str_eq(og_unit_name(m, a), "Region A");
    ck_assert_str_eq(og_model_attr(m, OG_UNIT, a, (size_t)og_model_attr_find(m, OG_UNIT, "note")),
                     "renamed");
    ck_assert_int_eq(c + 1, og_model_find(m, "b")); /* placed before b */
    ck_assert_str_eq(superior(m, "c1", OG_LINE_COMMAND), "c");
    ck_assert_str_eq(superior(m, "c", OG_LINE_PARTY), "p");
    ck_assert_int_eq(og_model_find(m, "b1"), -1);
    ck_assert_int_eq(links_on(m, OG_LINE_COORDINATION), 0);
    ck_assert_str_eq(og_model_meta_get(m, "title"), "New");
    ck_assert_ptr_null(og_model_meta_get(m, "source"));
    ck_assert_str_eq(og_model_meta_get(m, "note"), "n");
    ck_assert_str_eq(row_op(r.t, "a", "a"), "rename");
    ck_assert_str_eq(row_op(r.t, "b1", ""), "remove");
    ck_assert_str_eq(row_op(r.t, "", "c"), "add");
    applied_free(&r);
}
END_TEST

START_TEST(test_keys_that_are_no_attributes_are_refused_and_none_is_dropped)
{
    /* fields of a model file's own columns: the snapshot would not read back
     * (attr a parent=x wrote units.csv with two 'parent' columns) or the
     * model refused them with no message (link ... from=x) */
    static const char *const refused[][2] = {
        {"attr a parent=hq\n", "t.plan:1: 'parent=' is not an attribute"},
        {"add c \"C\" id=x\n", "t.plan:1: 'id=' is not an attribute"},
        {"merge a b -> ab name=\"AB\"\n", "t.plan:1: 'name=' is not an attribute"},
        {"link p -> b line=party from=hq\n", "t.plan:1: 'from=' is not an attribute"},
        {"rename a \"A\" line=party\n", "t.plan:1: 'line=' is an option"},
        {"transfer a1 to b note=x\n", "t.plan:1: 'note=' is not an option of transfer"},
        {"unlink hq -> a note=x\n", "t.plan:1: 'note=' is not an option of unlink"}};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        applied r = apply_text(small_org, refused[i][0]);
        ck_assert_int_eq(r.st, OG_EFORMAT);
        ck_assert_uint_eq(og_diags_count(r.d), 1);
        const og_diag *d = og_diags_get(r.d, 0);
        char where[600];
        snprintf(where, sizeof where, "%s:%ld: %s", d->file, d->line, d->message);
        ck_assert_msg(strncmp(where, refused[i][1], strlen(refused[i][1])) == 0,
                      "'%s' gave '%s'", refused[i][0], where);
        applied_free(&r);
    }
    /* 70 attributes on a new unit, and kind= on a link: all kept (only the
     * newest 64 overrides were applied before) */
    char plan[2048] = "add c \"C\" under hq";
    for (int k = 0; k < 70; k++)
        snprintf(plan + strlen(plan), sizeof plan - strlen(plan), " k%d=%d", k, k);
    strcat(plan, "\nlink p -> b line=party kind=dual\n");
    applied r = apply_text(small_org, plan);
    ck_assert_int_eq(r.st, OG_OK);
    igraph_integer_t c = og_model_find(r.after, "c");
    for (int k = 0; k < 70; k++) {
        char key[8], value[8];
        snprintf(key, sizeof key, "k%d", k);
        snprintf(value, sizeof value, "%d", k);
        long col = og_model_attr_find(r.after, OG_UNIT, key);
        ck_assert_msg(col >= 0, "attribute %s dropped", key);
        ck_assert_str_eq(og_model_attr(r.after, OG_UNIT, c, (size_t)col), value);
    }
    ck_assert_int_ge(og_model_attr_find(r.after, OG_LINK, "kind"), 0);
    applied_free(&r);
}
END_TEST

START_TEST(test_a_transition_table_that_maps_into_an_old_unit_it_maps_away_is_refused)
{
    /* with the same prefix on both sides, a1 -> a2 and a2 -> b1 made a1's
     * links vanish with a2, silently, and named b1 as where a1 went */
    char dir[] = "/tmp/og-tr-XXXXXX", path[600];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.csv", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("level,old_code,new_code,share\nlow,1,2,full\nlow,2,3,full\n", f);
    fclose(f);
    og_diags *ld;
    og_model *before = load_text(small_org, OG_FORMAT_DOT, "t.dot", &ld, NULL);
    og_diags_free(ld);
    snprintf(path, sizeof path, "%s/t.plan", dir);
    static const char plan_text[] = "transition t.csv level=low a=a\n";
    og_diags *d = og_diags_new();
    og_plan *plan = NULL;
    ck_assert_int_eq(og_plan_parse(plan_text, strlen(plan_text), path, &plan, d), OG_OK);
    og_model *after = NULL;
    og_transition *t = NULL;
    ck_assert_int_eq(og_plan_apply(plan, before, &after, &t, d), OG_EFORMAT);
    ck_assert_ptr_null(after);
    ck_assert_uint_eq(og_diags_count(d), 1);
    ck_assert_ptr_nonnull(strstr(og_diags_get(d, 0)->message,
                                 "'a1' would go into 'a2' ("));
    ck_assert_ptr_nonnull(strstr(og_diags_get(d, 0)->message,
                                 "t.csv:2), which this table maps away"));
    og_plan_free(plan);
    og_diags_free(d);
    og_model_free(before);
    snprintf(path, sizeof path, "rm -rf %s", dir);
    ck_assert_int_eq(system(path), 0);
}
END_TEST

START_TEST(test_empty_and_one_unit_organizations)
{
    applied r = apply_text("digraph e {}\n", "set title \"Nothing\"\n");
    ck_assert_int_eq(r.st, OG_OK);
    ck_assert_int_eq(og_model_unit_count(r.after), 0);
    ck_assert_uint_eq(og_transition_count(r.t), 0);
    applied_free(&r);
    r = apply_text("digraph o { solo [kind=team]; }\n", "abolish solo\n");
    ck_assert_int_eq(r.st, OG_OK);
    ck_assert_int_eq(og_model_unit_count(r.after), 0);
    ck_assert_str_eq(row_op(r.t, "solo", ""), "abolish");
    applied_free(&r);
}
END_TEST

/* ------------------------------------------------------- bundled models */

static char *info_json(og_model *m)
{
    og_info info;
    og_buf b;
    og_buf_init(&b);
    ck_assert_int_eq(og_info_compute(m, &info), OG_OK);
    info.path = NULL;
    ck_assert_int_eq(og_info_json(&info, m, &b), OG_OK);
    og_info_destroy(&info);
    og_buf_append(&b, "", 1);
    return b.data;
}

static og_model *apply_bundled(const char *before, const char *plan_rel, og_transition **t)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", OG_SOURCE_DIR, plan_rel);
    og_model *b = load_path(before), *a = NULL;
    og_diags *d = og_diags_new();
    og_plan *plan = NULL;
    ck_assert_int_eq(og_plan_load(path, &plan, d), OG_OK);
    og_status st = og_plan_apply(plan, b, &a, t, d);
    ck_assert_msg(st == OG_OK, "%s", og_diags_count(d) ? og_diags_get(d, 0)->message : "");
    og_plan_free(plan);
    og_diags_free(d);
    og_model_free(b);
    return a;
}

START_TEST(test_2018_plan_gives_exactly_the_2025_03_snapshot)
{
    og_transition *t;
    og_model *a = apply_bundled("models/vn-police/2018",
                                "models/vn-police/plans/2018-to-2025-03.plan", &t);
    og_model *want = load_path("models/vn-police/2025-03");
    char *ja = info_json(a), *jw = info_json(want);
    ck_assert_str_eq(ja, jw);
    /* every unit the same, in the same order, with the same attributes */
    ck_assert_int_eq(og_model_unit_count(a), og_model_unit_count(want));
    for (igraph_integer_t u = 0; u < og_model_unit_count(a); u++) {
        ck_assert_str_eq(og_unit_id(a, u), og_unit_id(want, u));
        ck_assert_str_eq(og_unit_name(a, u), og_unit_name(want, u));
        for (size_t c = 0; c < og_model_attr_count(want, OG_UNIT); c++) {
            const char *x = og_model_attr(a, OG_UNIT, u, c), *y = og_model_attr(want, OG_UNIT, u, c);
            ck_assert_str_eq(x ? x : "", y ? y : "");
        }
    }
    for (size_t i = 0; i < og_model_meta_count(want); i++)
        ck_assert_str_eq(og_model_meta_value(a, i), og_model_meta_value(want, i));
    ck_assert_str_eq(row_op(t, "dp-001", ""), "abolish");
    free(ja), free(jw);
    og_transition_free(t);
    og_model_free(a);
    og_model_free(want);
}
END_TEST

START_TEST(test_2025_03_plan_gives_the_2025_07_figures_and_transition)
{
    og_transition *t;
    og_model *a = apply_bundled("models/vn-police/2025-03",
                                "models/vn-police/plans/2025-03-to-2025-07.plan", &t);
    og_model *want = load_path("models/vn-police/2025-07");
    char *ja = info_json(a), *jw = info_json(want);
    ck_assert_str_eq(ja, jw);
    ck_assert_str_eq(row_op(t, "pp-01", "pp-n01"), "keep");
    ck_assert_str_eq(row_op(t, "ps-318", "cp-n11948"), "keep");
    free(ja), free(jw);
    og_transition_free(t);
    og_model_free(a);
    og_model_free(want);
}
END_TEST

static char *compare_csv(const char *before, const char *after)
{
    og_model *b = load_path(before), *a = load_path(after);
    og_comparison *c;
    og_diags *d = og_diags_new();
    ck_assert_int_eq(og_compare(b, a, NULL, &c, d), OG_OK);
    og_buf buf;
    og_buf_init(&buf);
    ck_assert_int_eq(og_comparison_csv(c, &buf), OG_OK);
    og_buf_append(&buf, "", 1);
    og_comparison_free(c);
    og_diags_free(d);
    og_model_free(b);
    og_model_free(a);
    return buf.data;
}

START_TEST(test_compare_2018_with_2025_07_gives_the_published_figures)
{
    char *csv = compare_csv("models/vn-police/2018", "models/vn-police/2025-07");
    ck_assert_ptr_nonnull(strstr(csv, "\nlayers,command,layers,4,3,\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nremoved,kind,district-police,,,696\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nunits,kind,provincial-police,63,34,\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nunits,kind,commune-police,10047,3321,\n"));
    free(csv);
}
END_TEST

START_TEST(test_compare_2018_with_2025_03_shows_shorter_chains_and_wider_spans)
{
    char *csv = compare_csv("models/vn-police/2018", "models/vn-police/2025-03");
    ck_assert_ptr_nonnull(strstr(csv, "\nchains,commune-police,hops,3,2,10047\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nmoved,kind,commune-police,,,10047\n"));
    ck_assert_ptr_nonnull(strstr(csv, "\nspans_by_kind,provincial-police,mean,11.048,159.556,\n"));
    free(csv);
}
END_TEST

START_TEST(test_compare_through_the_transition_counts_merges_and_splits)
{
    og_model *b = load_path("models/vn-police/2025-03"), *a = load_path("models/vn-police/2025-07");
    char path[4096];
    snprintf(path, sizeof path, "%s/models/vn-police/transition-2025-07.csv", OG_SOURCE_DIR);
    og_diags *d = og_diags_new();
    og_transition *t;
    ck_assert_int_eq(og_transition_load(path, &t, d), OG_OK);
    og_comparison *c;
    ck_assert_int_eq(og_compare(b, a, t, &c, d), OG_OK);
    /* 63 provincial police went into 34: 11 kept alone, 52 merged */
    ck_assert_int_eq(og_comparison_changed(c, OG_CHANGE_MERGED, "provincial-police"), 52);
    ck_assert_int_eq(og_comparison_changed(c, OG_CHANGE_SPLIT, "commune-police"), 460);
    ck_assert_int_eq(og_comparison_changed(c, OG_CHANGE_ADDED, "party-cell"), 5);
    ck_assert_int_eq(og_comparison_changed(c, OG_CHANGE_REMOVED, NULL), 691);
    og_comparison_free(c);
    og_transition_free(t);
    og_diags_free(d);
    og_model_free(b);
    og_model_free(a);
}
END_TEST

START_TEST(test_diff_chart_colours_changes_and_has_a_legend)
{
    applied r = apply_text(small_org, "merge a b -> ab \"A and B\"\nadd c \"C\" kind=office "
                                      "level=low under ab\n");
    ck_assert_int_eq(r.st, OG_OK);
    og_chart_options o;
    og_chart_options_init(&o);
    og_buf buf;
    og_buf_init(&buf);
    ck_assert_int_eq(og_chart_render_diff(r.before, r.after, r.t, &o, "dot", &buf, r.d), OG_OK);
    og_buf_append(&buf, "", 1);
    ck_assert_ptr_nonnull(strstr(buf.data, "2 merged"));     /* mid/region group */
    ck_assert_ptr_nonnull(strstr(buf.data, "1 added"));      /* low/office group */
    ck_assert_ptr_nonnull(strstr(buf.data, "Legend"));
    og_buf_free(&buf);
    og_buf_init(&buf);
    o.root = "a"; /* a subtree whose root is gone */
    ck_assert_int_eq(og_chart_render_diff(r.before, r.after, r.t, &o, "dot", &buf, r.d), OG_OK);
    og_buf_append(&buf, "", 1);
    ck_assert_ptr_nonnull(strstr(buf.data, "(merged)"));
    ck_assert_ptr_nonnull(strstr(buf.data, "a -> ab"));
    og_buf_free(&buf);
    o.root = "nowhere";
    og_buf_init(&buf);
    ck_assert_int_eq(og_chart_render_diff(r.before, r.after, r.t, &o, "dot", &buf, r.d), OG_EINVAL);
    og_buf_free(&buf);
    applied_free(&r);
}
END_TEST

Suite *restructure_suite(void)
{
    Suite *s = suite_create("restructure");
    TCase *ops = tcase_create("operations");
    tcase_add_test(ops, test_abolish_level_reattaches_subordinates_to_the_superior);
    tcase_add_test(ops, test_abolish_by_kind_and_glob);
    tcase_add_test(ops, test_unknown_unit_fails_with_the_plan_line_and_builds_nothing);
    tcase_add_test(ops, test_syntax_errors_are_all_reported_with_lines);
    tcase_add_test(ops, test_merge_takes_every_link_once_and_the_new_name);
    tcase_add_test(ops, test_split_gives_each_part_the_superiors_and_the_first_the_subordinates);
    tcase_add_test(ops, test_transfer_moves_the_subtree_and_refuses_a_cycle);
    tcase_add_test(ops, test_rename_add_remove_link_unlink_and_metadata);
    tcase_add_test(ops, test_empty_and_one_unit_organizations);
    tcase_add_test(ops, test_keys_that_are_no_attributes_are_refused_and_none_is_dropped);
    tcase_add_test(ops, test_a_transition_table_that_maps_into_an_old_unit_it_maps_away_is_refused);
    tcase_add_test(ops, test_diff_chart_colours_changes_and_has_a_legend);
    suite_add_tcase(s, ops);
    TCase *real = tcase_create("bundled");
    tcase_set_timeout(real, 60);
    tcase_add_test(real, test_2018_plan_gives_exactly_the_2025_03_snapshot);
    tcase_add_test(real, test_2025_03_plan_gives_the_2025_07_figures_and_transition);
    tcase_add_test(real, test_compare_2018_with_2025_07_gives_the_published_figures);
    tcase_add_test(real, test_compare_2018_with_2025_03_shows_shorter_chains_and_wider_spans);
    tcase_add_test(real, test_compare_through_the_transition_counts_merges_and_splits);
    suite_add_tcase(s, real);
    return s;
}
