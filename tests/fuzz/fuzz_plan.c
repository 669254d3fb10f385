/*
 * fuzz_plan.c: libFuzzer target for restructuring plans: the plan parser
 * (og_plan_parse), applying a plan (og_plan_apply) and everything that
 * consumes the result, and the reader of transition files
 * (og_transition_load's CSV parser). Run by scripts/fuzz.sh; replayed on
 * tests/fuzz/regressions/plan by the replay test.
 *
 * The input is up to three parts split at form feeds ('\f'):
 *   PLAN [\f TABLE [\f TRANSITION]]
 *  - PLAN is parsed as "fuzz.plan" and applied to two small organizations
 *    built once, in memory: a police force of four levels with the ids,
 *    kinds, Party and guidance lines and coordination links of the bundled
 *    models (so that the bundled plans, globs and selectors find units),
 *    and a few units built through the API with what no loader lets in
 *    (a cycle, a self-link, a repeated link, glob characters in an id).
 *  - TABLE is what every `transition FILE.csv` line of the plan reads
 *    (level,old_code,new_code,share); without it, a small compiled-in
 *    table. The target never opens a file: the plan's table reader is
 *    replaced by one that serves these bytes for any name ending in .csv
 *    and fails for any other.
 *  - TRANSITION is read as a transition file (old_id,new_id,operation,
 *    share) and compares the snapshots through it.
 *
 * When a plan applies, the new snapshot is checked, analysed and written
 * in every format into memory (fuzz_exercise), compared with the old one
 * (with and without the transition), and its transition written. Besides
 * crashes the target aborts when a promise is broken:
 *  - a plan or an application that fails says why (an error diagnostic),
 *    and fails only with OG_EFORMAT (or OG_ENOMEM);
 *  - the transition has a row for every old unit and every new unit, and
 *    names only units of the two snapshots;
 *  - the police snapshot written as a CSV directory reads back whole, with
 *    the same units, links and metadata (what `orgraph restructure` writes
 *    must load);
 *  - every diagnostic is valid UTF-8, and every JSON document written
 *    (diagnostics, comparison, timeline) is too.
 * FUZZ_PLAN_VERBOSE=1 in the environment prints the diagnostics.
 */
#include "fuzz_common.h"
#include "plan.h"

#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ------------------------------------------------------- the police force */

static const char police_units[] =
    "id,name,kind,level,parent,name_en,code,note\n"
    "politburo,Bộ Chính trị,party-organ,central,,Politburo,,\n"
    "cpspc,Đảng ủy Công an Trung ương,party-committee,central,,"
    "Central Public Security Party Committee,,\n"
    "mps,Bộ Công an,ministry,central,,Ministry of Public Security,,\n"
    "dept-01,Văn phòng Cơ quan Cảnh sát điều tra,department,central,mps,"
    "Office of the Investigation Police Agency,,\n"
    "dept-02,Cục Cảnh sát hình sự,department,central,mps,"
    "Criminal Police Department,,\n"
    "dept-03,Trung tâm An ninh hàng không quốc gia,department,central,mps,"
    "National Aviation Security Center,,\"named in 2025, \"\"illustrative\"\"\"\n"
    "pp-01,Công an thành phố Hà Nội,provincial-police,province,mps,"
    "Hà Nội police,01,\n"
    "ppc-01,Thành ủy Hà Nội,party-committee,province,,,01,\n"
    "pppc-01,Đảng ủy Công an thành phố Hà Nội,party-committee,province,,,01,\n"
    "pp-02,Công an tỉnh Hà Giang,provincial-police,province,mps,,02,\n"
    "ppc-02,Tỉnh ủy Hà Giang,party-committee,province,,,02,\n"
    "pppc-02,Đảng ủy Công an tỉnh Hà Giang,party-committee,province,,,02,\n"
    "pp-08,Công an tỉnh Tuyên Quang,provincial-police,province,mps,,08,\n"
    "ppc-08,Tỉnh ủy Tuyên Quang,party-committee,province,,,08,\n"
    "pppc-08,Đảng ủy Công an tỉnh Tuyên Quang,party-committee,province,,,08,\n"
    "dp-001,Công an quận Ba Đình,district-police,district,pp-01,,001,\n"
    "dpc-001,Quận ủy Ba Đình,party-committee,district,,,001,\n"
    "dppc-001,Đảng ủy Công an quận Ba Đình,party-committee,district,,,001,\n"
    "dp-024,Công an thành phố Hà Giang,district-police,district,pp-02,,024,\n"
    "dpc-024,Thành ủy Hà Giang,party-committee,district,,,024,\n"
    "dppc-024,Đảng ủy Công an thành phố Hà Giang,party-committee,district,,,024,\n"
    "dp-070,Công an thành phố Tuyên Quang,district-police,district,pp-08,,070,\n"
    "dpc-070,Thành ủy Tuyên Quang,party-committee,district,,,070,\n"
    "dppc-070,Đảng ủy Công an thành phố Tuyên Quang,party-committee,district,,,070,\n"
    "ps-106,Đồn Công an Bạch Long Vĩ,police-station,district,pp-08,,106,"
    "island district\n"
    "dpc-106,Huyện ủy Bạch Long Vĩ,party-committee,district,,,106,\n"
    "cp-00001,Công an phường Phúc Xá,commune-police,commune,dp-001,,00001,\n"
    "cpc-00001,Đảng ủy phường Phúc Xá,party-committee,commune,,,00001,\n"
    "cpcell-00001,Chi bộ Công an phường Phúc Xá,party-cell,commune,,,00001,\n"
    "cp-00004,Công an phường Trúc Bạch,commune-police,commune,dp-001,,00004,\n"
    "cpc-00004,Đảng ủy phường Trúc Bạch,party-committee,commune,,,00004,\n"
    "cpcell-00004,Chi bộ Công an phường Trúc Bạch,party-cell,commune,,,00004,\n"
    "cp-00688,Công an phường Quang Trung,commune-police,commune,dp-024,,00688,\n"
    "cpc-00688,Đảng ủy phường Quang Trung,party-committee,commune,,,00688,\n"
    "cpcell-00688,Chi bộ Công an phường Quang Trung,party-cell,commune,,,00688,\n"
    "cp-02101,Công an phường Phan Thiết,commune-police,commune,dp-070,,02101,\n"
    "cpc-02101,Đảng ủy phường Phan Thiết,party-committee,commune,,,02101,\n"
    "cpcell-02101,Chi bộ Công an phường Phan Thiết,party-cell,commune,,,02101,\n";

static const char police_links[] =
    "from,to,line,note\n"
    "politburo,cpspc,party,\n"
    "cpspc,mps,party,\n"
    "politburo,ppc-01,party,province Party committees\n"
    "politburo,ppc-02,party,province Party committees\n"
    "politburo,ppc-08,party,province Party committees\n"
    "cpspc,pppc-01,party,\n"
    "cpspc,pppc-02,party,\n"
    "cpspc,pppc-08,party,\n"
    "pppc-01,pp-01,party,\n"
    "ppc-01,pp-01,party,dual leadership\n"
    "pppc-02,pp-02,party,\n"
    "ppc-02,pp-02,party,dual leadership\n"
    "pppc-08,pp-08,party,\n"
    "ppc-08,pp-08,party,dual leadership\n"
    "ppc-01,dpc-001,party,\n"
    "ppc-02,dpc-024,party,\n"
    "ppc-08,dpc-070,party,\n"
    "ppc-08,dpc-106,party,\n"
    "pppc-01,dppc-001,party,\n"
    "pppc-02,dppc-024,party,\n"
    "pppc-08,dppc-070,party,\n"
    "dppc-001,dp-001,party,\n"
    "dppc-024,dp-024,party,\n"
    "dppc-070,dp-070,party,\n"
    "dpc-001,cpc-00001,party,\n"
    "dpc-001,cpc-00004,party,\n"
    "dpc-024,cpc-00688,party,\n"
    "dpc-070,cpc-02101,party,\n"
    "dppc-001,cpcell-00001,party,\n"
    "dppc-001,cpcell-00004,party,\n"
    "dppc-024,cpcell-00688,party,\n"
    "dppc-070,cpcell-02101,party,\n"
    "cpcell-00001,cp-00001,party,\n"
    "cpcell-00004,cp-00004,party,\n"
    "cpcell-00688,cp-00688,party,\n"
    "cpcell-02101,cp-02101,party,\n"
    "cpc-00001,cpcell-00001,party,\n"
    "dept-01,pp-01,guidance,illustrative\n"
    "dept-02,pp-02,guidance,illustrative\n"
    "dept-02,pp-08,guidance,illustrative\n"
    "dept-03,ps-106,command,a second command superior\n"
    "dept-01,dept-02,coordination,\n"
    "pp-01,pp-08,coordination,\n"
    "dp-001,dp-024,coordination,\n"
    "cp-00001,cp-00004,coordination,neighbouring wards\n";

static const char police_meta[] =
    "key,value\n"
    "title,\"A small police force, for fuzzing\"\n"
    "date,2018-08-06\n"
    "source,Decree 01/2018/ND-CP\n"
    "source,\"Law on People's Public Security 2018, Art. 17\"\n"
    "note,illustrative\n";

/* What `transition FILE.csv` reads when the input has no table. */
static const char default_table[] =
    "level,old_code,new_code,share\n"
    "province,01,01,full\n"
    "province,02,08,full\n"
    "province,08,08,full\n"
    "district,106,02103,\n"
    "commune,00001,00001,full\n"
    "commune,00004,00001,full\n"
    "commune,00688,00688,partial\n"
    "commune,00688,00689,partial\n"
    "commune,02101,02101,full\n";

typedef og_status (*part_fn)(og_model *, char *, size_t, const char *,
                             og_diags *);

static og_status units_part(og_model *m, char *d, size_t n, const char *f,
                            og_diags *g)
{
    return og_i_load_csv_units(m, d, n, f, 1, g);
}

/* Loads a CSV directory from three buffers, as load.c does (the same calls
 * in the same order, after the same encoding scan). */
static og_model *load_csv_parts(const char *const parts[3],
                                const size_t sizes[3], og_diags *diags)
{
    static const char *const names[] = {"units.csv", "links.csv", "meta.csv"};
    static const part_fn fns[] = {units_part, og_i_load_csv_links,
                                  og_i_load_csv_meta};
    og_model *m = og_model_new();
    og_status st = m ? OG_OK : OG_ENOMEM;
    for (int i = 0; i < 3 && st == OG_OK; i++) {
        char *copy = malloc(sizes[i] + 1);
        if (!copy) {
            st = OG_ENOMEM;
            break;
        }
        memcpy(copy, parts[i], sizes[i]);
        copy[sizes[i]] = '\0';
        size_t n = sizes[i];
        if (og_i_check_encoding(copy, n, names[i], diags, 100) != 0)
            n = og_i_sanitize_utf8(copy, n);
        st = fns[i](m, copy, n, names[i], diags);
        free(copy);
    }
    if (st != OG_OK) {
        og_model_free(m);
        return NULL;
    }
    return m;
}

static og_model *police;

/* ------------------------------------------------------ the other model */

/* Units and links no loader accepts (a self-link, a repeated link) or that
 * check reports (a cycle), and ids with glob and CSV characters. */
static og_model *odd;

static og_model *build_odd(void)
{
    static const char *const ids[][4] = {
        {"a", "Alpha", "office", "top"},
        {"b", "Beta \"B\"", "office", "mid"},
        {"c", "Gamma, C", "desk", "mid"},
        {"d", "Delta", "desk", "low"},
        {"x*[1]", "Star", "desk", "low"},
        {"e-1", "=cmd|' /C calc'!A0", "", ""}};
    static const struct { int from, to; og_line line; } links[] = {
        {0, 1, OG_LINE_COMMAND}, {1, 2, OG_LINE_COMMAND},
        {2, 0, OG_LINE_COMMAND},  /* a cycle */
        {3, 3, OG_LINE_COMMAND},  /* a self-link */
        {0, 3, OG_LINE_COMMAND}, {0, 3, OG_LINE_COMMAND}, /* repeated */
        {1, 3, OG_LINE_PARTY}, {3, 1, OG_LINE_COORDINATION},
        {1, 3, OG_LINE_COORDINATION}, {0, 4, OG_LINE_GUIDANCE},
        {4, 5, OG_LINE_COMMAND}};
    og_model *m = og_model_new();
    if (!m)
        return NULL;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        igraph_integer_t u;
        if (og_model_add_unit(m, ids[i][0], ids[i][1], ids[i][2], ids[i][3],
                              &u) != OG_OK)
            abort();
        if (i % 2 == 0 && og_model_set_attr(m, OG_UNIT, u, "code",
                                            ids[i][0]) != OG_OK)
            abort();
    }
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        igraph_integer_t e;
        if (og_model_add_link(m, links[i].from, links[i].to, links[i].line,
                              &e) != OG_OK)
            abort();
        if (i % 3 == 0 && og_model_set_attr(m, OG_LINK, e, "note",
                                            "from the API") != OG_OK)
            abort();
    }
    if (og_model_add_meta(m, "title", "Odd units") != OG_OK)
        abort();
    return m;
}

static void setup(void)
{
    if (police)
        return;
    og_init();
    og_diags *diags = og_diags_new();
    const char *parts[3] = {police_units, police_links, police_meta};
    const size_t sizes[3] = {sizeof police_units - 1, sizeof police_links - 1,
                             sizeof police_meta - 1};
    police = load_csv_parts(parts, sizes, diags);
    if (!police || og_diags_count(diags) != 0) {
        fprintf(stderr, "fuzz_plan: the built-in police model does not load "
                        "cleanly\n");
        abort();
    }
    og_diags_free(diags);
    odd = build_odd();
    if (!odd)
        abort();
}

/* ---------------------------------------------------------- the oracles */

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_plan: %s\n", what);
    abort();
}

static void must_be_utf8(const og_buf *b, const char *what)
{
    if (b->len && !og_i_utf8_valid(b->data, b->len)) {
        fprintf(stderr, "fuzz_plan: %s is not valid UTF-8\n", what);
        abort();
    }
}

static size_t errors(const og_diags *diags)
{
    return og_diags_count_severity(diags, OG_ERROR);
}

/* A status of a call that failed on bad input must say why. */
static void check_status(og_status st, size_t errors_before,
                         const og_diags *diags, const char *what)
{
    if (st == OG_OK || st == OG_ENOMEM) {
        if (st == OG_OK && errors(diags) != errors_before) {
            fprintf(stderr, "fuzz_plan: %s succeeded with an error\n", what);
            abort();
        }
        return;
    }
    if (st != OG_EFORMAT) {
        fprintf(stderr, "fuzz_plan: %s failed with '%s'\n", what,
                og_status_string(st));
        abort();
    }
    if (errors(diags) == errors_before) {
        fprintf(stderr, "fuzz_plan: %s failed with no error\n", what);
        abort();
    }
}

/* Every old unit and every new unit has a row; rows name only units of the
 * two snapshots. */
static void check_transition(const og_transition *t, const og_model *before,
                             const og_model *after)
{
    igraph_integer_t nb = og_model_unit_count(before);
    igraph_integer_t na = og_model_unit_count(after);
    unsigned char *seen_old = calloc((size_t)nb + 1, 1);
    unsigned char *seen_new = calloc((size_t)na + 1, 1);
    if (!seen_old || !seen_new)
        abort();
    for (size_t r = 0; r < og_transition_count(t); r++) {
        const og_transition_row *row = og_transition_get(t, r);
        if (!*row->old_id && !*row->new_id)
            fail("a transition row names no unit");
        if (*row->old_id) {
            igraph_integer_t i = og_model_find(before, row->old_id);
            if (i < 0)
                fail("a transition row names an old unit that is not in the "
                     "old snapshot");
            seen_old[i] = 1;
        } else if (strcmp(row->operation, "add"))
            fail("a transition row with no old unit is not an add");
        if (*row->new_id) {
            igraph_integer_t j = og_model_find(after, row->new_id);
            if (j < 0)
                fail("a transition row names a new unit that is not in the "
                     "new snapshot");
            seen_new[j] = 1;
        } else if (strcmp(row->operation, "abolish") &&
                   strcmp(row->operation, "remove"))
            fail("a transition row with no new unit is not an abolish or a "
                 "remove");
    }
    for (igraph_integer_t i = 0; i < nb; i++)
        if (!seen_old[i])
            fail("an old unit has no transition row");
    for (igraph_integer_t j = 0; j < na; j++)
        if (!seen_new[j])
            fail("a new unit has no transition row");
    free(seen_old);
    free(seen_new);
}

static int same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The snapshot written as a CSV directory reads back whole and the same. */
static void check_reload(const og_model *m)
{
    og_buf b[3];
    for (int i = 0; i < 3; i++)
        og_buf_init(&b[i]);
    if (og_i_write_csv_units(m, &b[0]) != OG_OK ||
        og_i_write_csv_links(m, &b[1]) != OG_OK ||
        og_i_write_csv_meta(m, &b[2]) != OG_OK)
        abort();
    const char *parts[3] = {b[0].data, b[1].data, b[2].data};
    const size_t sizes[3] = {b[0].len, b[1].len, b[2].len};
    og_diags *diags = og_diags_new();
    og_model *r = load_csv_parts(parts, sizes, diags);
    if (!r || errors(diags) || og_diags_lossy(diags)) {
        og_diags_sort(diags);
        for (size_t i = 0; i < og_diags_count(diags) && i < 5; i++)
            fprintf(stderr, "  %s:%ld: %s\n", og_diags_get(diags, i)->file,
                    og_diags_get(diags, i)->line,
                    og_diags_get(diags, i)->message);
        fail("the new snapshot, written as a CSV directory, does not read "
             "back");
    }
    if (og_model_unit_count(r) != og_model_unit_count(m) ||
        og_model_link_count(r) != og_model_link_count(m) ||
        og_model_meta_count(r) != og_model_meta_count(m))
        fail("the new snapshot, written as a CSV directory, reads back with "
             "other counts");
    for (igraph_integer_t u = 0; u < og_model_unit_count(m); u++)
        if (!same(og_unit_id(r, u), og_unit_id(m, u)) ||
            !same(og_unit_name(r, u), og_unit_name(m, u)) ||
            !same(og_unit_kind(r, u), og_unit_kind(m, u)) ||
            !same(og_unit_level(r, u), og_unit_level(m, u)))
            fail("a unit of the new snapshot reads back changed");
    for (size_t i = 0; i < og_model_meta_count(m); i++)
        if (!same(og_model_meta_key(r, i), og_model_meta_key(m, i)) ||
            !same(og_model_meta_value(r, i), og_model_meta_value(m, i)))
            fail("metadata of the new snapshot reads back changed");
    og_model_free(r);
    og_diags_free(diags);
    for (int i = 0; i < 3; i++)
        og_buf_free(&b[i]);
}

/* -------------------------------------------------------------- reading */

/* The table every `transition` line reads; set per input. */
static const char *table;
static size_t table_size;

static og_status serve_table(void *ctx, const char *path, char **data,
                             size_t *size, og_diags *diags)
{
    (void)ctx;
    size_t n = strlen(path);
    *data = NULL;
    *size = 0;
    if (n < 4 || strcmp(path + n - 4, ".csv") != 0) {
        og_diags_add(diags, OG_ERROR, path, 0, "unreadable", 1,
                     "cannot open: No such file or directory");
        return OG_EIO;
    }
    char *copy = malloc(table_size + 1);
    if (!copy)
        return OG_ENOMEM;
    memcpy(copy, table, table_size);
    copy[table_size] = '\0';
    *data = copy;
    *size = table_size;
    return OG_OK;
}

/* ---------------------------------------------------------- the target */

static void exercise_comparison(og_model *before, og_model *after,
                                const og_transition *t, og_diags *diags)
{
    og_comparison *c = NULL;
    if (og_compare(before, after, t, &c, diags) != OG_OK || !c)
        return;
    og_buf b;
    og_buf_init(&b);
    og_comparison_text(c, 3, &b);
    og_comparison_csv(c, &b);
    og_buf_free(&b);
    og_buf_init(&b);
    og_comparison_json(c, &b);
    must_be_utf8(&b, "the comparison as JSON");
    og_buf_free(&b);
    og_comparison_free(c);
}

static void apply(const og_plan *plan, og_model *before, int reload,
                  const og_transition *read, og_diags *diags)
{
    og_model *after = NULL;
    og_transition *t = NULL;
    size_t before_errors = errors(diags);
    og_status st = og_plan_apply(plan, before, &after, &t, diags);
    check_status(st, before_errors, diags, "og_plan_apply");
    if (st != OG_OK) {
        if (after || t)
            fail("og_plan_apply failed but returned a snapshot");
        return;
    }
    if (!after || !t)
        fail("og_plan_apply succeeded but returned no snapshot");
    check_transition(t, before, after);
    if (reload)
        check_reload(after);
    og_buf b;
    og_buf_init(&b);
    og_transition_csv(t, &b);
    og_buf_free(&b);
    og_diags *d2 = og_diags_new();
    fuzz_exercise(after, d2);
    og_diags_free(d2);
    exercise_comparison(before, after, t, diags);
    exercise_comparison(before, after, NULL, diags);
    if (read)
        exercise_comparison(before, after, read, diags);
    og_model *both[2] = {before, after};
    og_buf_init(&b);
    og_timeline_text(both, 2, &b);
    og_timeline_csv(both, 2, &b);
    og_buf_free(&b);
    og_buf_init(&b);
    og_timeline_json(both, 2, &b);
    must_be_utf8(&b, "the timeline as JSON");
    og_buf_free(&b);
    og_transition_free(t);
    og_model_free(after);
}

/* The transition file part: read as og_transition_load reads a file. */
static og_transition *read_transition(const uint8_t *data, size_t size,
                                      og_diags *diags)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return NULL;
    memcpy(copy, data, size);
    copy[size] = '\0';
    og_transition *t = NULL;
    size_t before = errors(diags);
    og_status st = og_i_transition_parse(copy, size, "fuzz.transition.csv",
                                         &t, diags);
    check_status(st, before, diags, "og_i_transition_parse");
    free(copy);
    if (t) {
        og_buf b;
        og_buf_init(&b);
        og_transition_csv(t, &b);
        og_buf_free(&b);
    }
    return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    /* PLAN \f TABLE \f TRANSITION */
    const uint8_t *ff1 = memchr(data, '\f', size);
    size_t plan_size = ff1 ? (size_t)(ff1 - data) : size;
    const uint8_t *rest = ff1 ? ff1 + 1 : NULL;
    size_t rest_size = ff1 ? size - plan_size - 1 : 0;
    const uint8_t *ff2 = rest ? memchr(rest, '\f', rest_size) : NULL;
    table = rest ? (const char *)rest : default_table;
    table_size = rest ? (ff2 ? (size_t)(ff2 - rest) : rest_size)
                      : sizeof default_table - 1;

    og_diags *diags = og_diags_new();
    og_transition *read = NULL;
    if (ff2)
        read = read_transition(ff2 + 1, size - (size_t)(ff2 + 1 - data), diags);

    og_plan *plan = NULL;
    size_t before = errors(diags);
    og_status st = og_plan_parse((const char *)data, plan_size, "fuzz.plan",
                                 &plan, diags);
    check_status(st, before, diags, "og_plan_parse");
    if (plan) {
        plan->read_table = serve_table;
        plan->read_ctx = NULL;
        og_plan_count(plan);
        /* as orgraph restructure does: a plan with syntax errors is still
         * applied, to report every problem */
        apply(plan, police, 1, read, diags);
        apply(plan, odd, 0, read, diags);
    }
    og_diags_sort(diags);
    static int verbose = -1;
    if (verbose < 0)
        verbose = getenv("FUZZ_PLAN_VERBOSE") != NULL;
    for (size_t i = 0; verbose && i < og_diags_count(diags); i++) {
        const og_diag *d = og_diags_get(diags, i);
        fprintf(stderr, "%s:%ld: %s\n", d->file ? d->file : "", d->line,
                d->message);
    }
    for (size_t i = 0; i < og_diags_count(diags); i++) {
        const og_diag *d = og_diags_get(diags, i);
        if (!og_i_utf8_valid(d->message, strlen(d->message)) ||
            (d->file && !og_i_utf8_valid(d->file, strlen(d->file))))
            fail("a diagnostic is not valid UTF-8");
    }
    og_buf b;
    og_buf_init(&b);
    if (og_diags_json(diags, &b) != OG_OK)
        fail("the diagnostics cannot be written as JSON");
    must_be_utf8(&b, "the diagnostics as JSON");
    og_buf_free(&b);
    og_plan_free(plan);
    og_transition_free(read);
    og_diags_free(diags);
    return 0;
}
