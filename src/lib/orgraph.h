/*
 * orgraph.h: the one public header of liborgraph.
 *
 * liborgraph holds an organization as units joined by typed links (the model),
 * reads and writes it (DOT, CSV tables, GraphML), checks it, and analyses it.
 * The library never prints and never exits: every fallible call returns an
 * og_status, and problems found in input are returned as diagnostics
 * (og_diags) that name the file and line at fault.
 *
 * Vocabulary (see docs/ARCHITECTURE.md): a *unit* is an organizational entity
 * with a stable id; a *link* is a directed relation from a superior to a
 * subordinate on one *line* of authority; an *apex* has no superior on a line.
 */
#ifndef ORGRAPH_H
#define ORGRAPH_H

#include <stddef.h>
#include <stdio.h>
#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OG_VERSION "0.1.0"

/* ------------------------------------------------------------------ status */

/* Every fallible call returns one of these. */
typedef enum og_status {
    OG_OK = 0,
    OG_ENOMEM,     /* out of memory */
    OG_EIO,        /* a file could not be opened, read or written */
    OG_EFORMAT,    /* input is not a model the loaders accept */
    OG_EINVAL,     /* a caller passed an invalid argument */
    OG_EINTERNAL   /* a bug, or an unexpected failure inside igraph/Graphviz */
} og_status;

/* A short English phrase for a status ("out of memory"...). Never NULL. */
const char *og_status_string(og_status status);

/* Installs igraph's and cgraph's error handlers so that their errors become
 * returned statuses instead of aborts or lines on stderr. Idempotent; every
 * entry point that needs it calls it, so calling it yourself is optional. */
void og_init(void);

/* ------------------------------------------------------------- diagnostics */

typedef enum og_severity { OG_NOTE = 0, OG_WARNING = 1, OG_ERROR = 2 } og_severity;

/* One problem found in an input file or in a model. */
typedef struct og_diag {
    og_severity severity;
    const char *file;    /* path of the input at fault, or NULL */
    long line;           /* 1-based line in that file, or 0 when none applies */
    const char *code;    /* stable short code, e.g. "cycle", "unknown-unit" */
    const char *message; /* lower-case English, no trailing full stop */
    int lossy;           /* 1 when the loader had to leave input out */
} og_diag;

typedef struct og_diags og_diags;

og_diags *og_diags_new(void);
void og_diags_free(og_diags *diags);
size_t og_diags_count(const og_diags *diags);
const og_diag *og_diags_get(const og_diags *diags, size_t i);
/* Counts of diagnostics at a severity; og_diags_lossy counts those that left
 * input out of the model. */
size_t og_diags_count_severity(const og_diags *diags, og_severity severity);
size_t og_diags_lossy(const og_diags *diags);
/* Appends a diagnostic; the strings are copied. */
og_status og_diags_add(og_diags *diags, og_severity severity, const char *file,
                       long line, const char *code, int lossy,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* Sorts by file, line, then order of addition (stable), for deterministic
 * output. */
void og_diags_sort(og_diags *diags);
const char *og_severity_name(og_severity severity);

/* ------------------------------------------------------------------ lines */

/* The lines of authority. command, party and guidance rank units (a link goes
 * from superior to subordinate); coordination is a symmetric working relation
 * between peers and never a source of rank. */
typedef enum og_line {
    OG_LINE_COMMAND = 0,
    OG_LINE_PARTY = 1,
    OG_LINE_GUIDANCE = 2,
    OG_LINE_COORDINATION = 3
} og_line;
#define OG_LINE_COUNT 4

/* "command", "party", "guidance", "coordination". */
const char *og_line_name(og_line line);
/* Parses a line name; returns -1 when it names no line. */
int og_line_parse(const char *name);
/* 1 for command, party and guidance; 0 for coordination. */
int og_line_ranks(og_line line);

/* ------------------------------------------------------------------ model */

typedef struct og_model og_model;

/* Which object an attribute belongs to. */
typedef enum og_object { OG_UNIT = 0, OG_LINK = 1 } og_object;

og_model *og_model_new(void);
void og_model_free(og_model *model);

igraph_integer_t og_model_unit_count(const og_model *model);
igraph_integer_t og_model_link_count(const og_model *model);

/* Adds a unit. id must be non-empty and new; name, kind and level may be NULL
 * (stored as ""). On success *unit (if not NULL) is the new unit's index;
 * indices are dense, 0..n-1, in order of addition. Returns OG_EINVAL for an
 * empty or duplicate id. Amortized O(length of the strings). */
og_status og_model_add_unit(og_model *model, const char *id, const char *name,
                            const char *kind, const char *level,
                            igraph_integer_t *unit);
/* Adds a link from superior `from` to subordinate `to` on `line`. Self-links
 * and repeated links are accepted here (check reports them). O(1) amortized. */
og_status og_model_add_link(og_model *model, igraph_integer_t from,
                            igraph_integer_t to, og_line line,
                            igraph_integer_t *link);
/* Sets an attribute of a unit or link (replacing any previous value). The
 * names id, name, kind, level, parent (units; a superior is a link) and
 * from, to, line (links) are fields,
 * not attributes: setting them through this call returns OG_EINVAL. */
og_status og_model_set_attr(og_model *model, og_object object,
                            igraph_integer_t index, const char *key,
                            const char *value);
/* Records where a unit or link came from, for diagnostics. */
og_status og_model_set_origin(og_model *model, og_object object,
                              igraph_integer_t index, const char *file,
                              long line);
/* Appends a metadata entry (title, date, source, note, ...); keys may repeat. */
og_status og_model_add_meta(og_model *model, const char *key, const char *value);

/* Constant-time lookup by id; returns -1 when no unit has that id. */
igraph_integer_t og_model_find(const og_model *model, const char *id);

const char *og_unit_id(const og_model *model, igraph_integer_t unit);
const char *og_unit_name(const og_model *model, igraph_integer_t unit);
const char *og_unit_kind(const og_model *model, igraph_integer_t unit);
const char *og_unit_level(const og_model *model, igraph_integer_t unit);

igraph_integer_t og_link_from(const og_model *model, igraph_integer_t link);
igraph_integer_t og_link_to(const og_model *model, igraph_integer_t link);
og_line og_link_line(const og_model *model, igraph_integer_t link);

/* Where a unit or link was read from: *file is NULL and *line 0 when unknown. */
void og_model_origin(const og_model *model, og_object object,
                     igraph_integer_t index, const char **file, long *line);

/* Extra attributes, as columns: names in order of first appearance. */
size_t og_model_attr_count(const og_model *model, og_object object);
const char *og_model_attr_name(const og_model *model, og_object object,
                               size_t column);
/* Returns the column index of an attribute name, or -1. */
long og_model_attr_find(const og_model *model, og_object object,
                        const char *key);
/* The value of attribute `column` for one unit or link, or NULL when unset. */
const char *og_model_attr(const og_model *model, og_object object,
                          igraph_integer_t index, size_t column);

size_t og_model_meta_count(const og_model *model);
const char *og_model_meta_key(const og_model *model, size_t i);
const char *og_model_meta_value(const og_model *model, size_t i);
/* The first value of a metadata key, or NULL. */
const char *og_model_meta_get(const og_model *model, const char *key);

/* Distinct kinds and levels, in order of first appearance; og_unit_kind_index
 * gives a unit's index into that list. */
size_t og_model_kind_count(const og_model *model);
const char *og_model_kind_name(const og_model *model, size_t kind);
size_t og_unit_kind_index(const og_model *model, igraph_integer_t unit);
size_t og_model_level_count(const og_model *model);
const char *og_model_level_name(const og_model *model, size_t level);
size_t og_unit_level_index(const og_model *model, igraph_integer_t unit);

/* The model's links as a directed igraph graph: vertex i is unit i, edge j is
 * link j (superior -> subordinate). Built on first use after a change, O(n+m);
 * the pointer stays valid until the model changes or is freed. Returns NULL
 * when out of memory. */
const igraph_t *og_model_graph(og_model *model);

/* The path the model was loaded from, or NULL. */
const char *og_model_path(const og_model *model);

/* ------------------------------------------------------------ input/output */

typedef enum og_format {
    OG_FORMAT_UNKNOWN = 0,
    OG_FORMAT_DOT,       /* a .dot or .gv file */
    OG_FORMAT_CSV_DIR,   /* a directory with units.csv, links.csv, meta.csv */
    OG_FORMAT_CSV_FILE,  /* a single units table (.csv) */
    OG_FORMAT_GRAPHML    /* a .graphml file */
} og_format;

const char *og_format_name(og_format format);
/* The format of an existing path (a directory is OG_FORMAT_CSV_DIR). */
og_format og_format_detect(const char *path);
/* The format to write to a path: by extension; a path ending in '/' or with
 * no extension is a CSV directory. */
og_format og_format_for_output(const char *path);

/* Loads a model from a path in any supported format. Problems in the input
 * are appended to diags, each with its file and line; loading goes on after
 * a problem where it can, so one run reports every problem. Returns OG_OK
 * when a model was built (it may still carry diagnostics: og_diags_lossy
 * tells whether anything was left out), OG_EIO when the path cannot be read,
 * OG_EFORMAT when the input cannot be read as a model at all (then *model is
 * NULL and diags say why). Time O(size of input). */
og_status og_model_load(const char *path, og_model **model, og_diags *diags);

/* Loads from bytes in memory, as if read from `name` in `format`
 * (OG_FORMAT_DOT, OG_FORMAT_CSV_FILE or OG_FORMAT_GRAPHML); for tests and
 * fuzzing. */
og_status og_model_load_buffer(const char *data, size_t size, og_format format,
                               const char *name, og_model **model,
                               og_diags *diags);

/* Writes a model in a format; the output appears whole or not at all (it is
 * written to a temporary file beside it and renamed into place). For
 * OG_FORMAT_CSV_DIR, units.csv, links.csv and meta.csv are written to a new
 * directory beside `path`, which replaces it as a whole (an existing one is
 * swapped with it in one step, renameat2 RENAME_EXCHANGE, keeping its other
 * files; one that holds a subdirectory is refused); where no swap can be done
 * (no RENAME_EXCHANGE, a mount point, the working directory, a parent not
 * writable) each file is replaced atomically on its own. diags (may be NULL)
 * receives the reason on failure. */
og_status og_model_save(og_model *model, const char *path, og_format format,
                        og_diags *diags);

/* ------------------------------------------------------------------ check */

/* Appends to diags every structural problem of a model: cycles on a ranking
 * line (each cycle printed as a -> b -> a), units that reach no apex on the
 * command line, self-links, repeated links, units with no link at all.
 * Loader problems (syntax, unknown ids, duplicate ids, encoding) are found by
 * og_model_load. Time O(n + m). */
og_status og_model_check(og_model *model, og_diags *diags);

/* ------------------------------------------------------------------- info */

/* A count of units or links under a name (a kind, a level or a line). */
typedef struct og_count {
    const char *name;
    igraph_integer_t count;
} og_count;

/* Summary figures of a model. */
typedef struct og_info {
    const char *path;               /* as loaded, or NULL */
    const char *title;              /* meta "title", or NULL */
    const char *date;               /* meta "date", or NULL */
    igraph_integer_t units;
    igraph_integer_t links;
    og_count *kinds;   size_t n_kinds;    /* by kind, in order of appearance */
    og_count *levels;  size_t n_levels;   /* by level, in order of appearance */
    og_count lines[OG_LINE_COUNT];        /* links by line */
    /* apexes[l]: units with no superior on ranking line l among the units
     * that have a link on it (every unit, for command); n_apexes[l] entries. */
    igraph_integer_t *apexes[OG_LINE_COUNT];
    igraph_integer_t n_apexes[OG_LINE_COUNT];
} og_info;

/* Fills *info (free with og_info_destroy). O(n + m). */
og_status og_info_compute(og_model *model, og_info *info);
void og_info_destroy(og_info *info);

/* --------------------------------------------------------------- writing */

/* Writes bytes to `path` atomically: a temporary file in the same directory,
 * fsync'd, then renamed over the target. On failure the target is untouched
 * and no temporary file is left. */
og_status og_write_file_atomic(const char *path, const char *data, size_t size);

/* A growable output buffer, the target of every writer in the library. */
typedef struct og_buf {
    char *data;
    size_t len, cap;
    int failed;   /* set when an allocation failed; further appends do nothing */
} og_buf;

void og_buf_init(og_buf *buf);
void og_buf_free(og_buf *buf);
void og_buf_append(og_buf *buf, const char *data, size_t n);
void og_buf_puts(og_buf *buf, const char *s);
void og_buf_printf(og_buf *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends s as one CSV field (RFC 4180 quoting). When `neutralize` is set, a
 * value that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return) is prefixed with a single quote. */
void og_buf_csv_field(og_buf *buf, const char *s, int neutralize);
/* Appends s as a JSON string literal, quotes included. */
void og_buf_json_string(og_buf *buf, const char *s);

/* JSON document for og_info (schema in docs/json.md). Appends to buf. */
og_status og_info_json(const og_info *info, const og_model *model, og_buf *buf);
/* JSON document for a diagnostics list: {"diagnostics":[...],"errors":N,...}. */
og_status og_diags_json(const og_diags *diags, og_buf *buf);

/* --------------------------------------------------------------- analyses */

/* Span-of-control bands: 1, 2-3, 4-7, 8-12, 13-16, 17+. */
#define OG_SPAN_BANDS 6
/* The band of a span (0..OG_SPAN_BANDS-1), or -1 for a span of 0. */
int og_span_band(igraph_integer_t span);
/* "1", "2-3", "4-7", "8-12", "13-16", "17+". */
const char *og_span_band_name(int band);

/* How many units the ranked lists of an analysis hold at most (widest spans,
 * bottlenecks, most central units). */
#define OG_ANALYSIS_TOP 10
/* How many units a listed set (apexes, units with no chain, dual
 * subordination) names at most in summaries; counts are always whole. */
#define OG_ANALYSIS_LISTED 100
/* Above this many units in the coordination network, betweenness counts
 * only shortest paths up to OG_BETWEENNESS_CUTOFF hops (and says so). */
#define OG_BETWEENNESS_EXACT_MAX 20000
#define OG_BETWEENNESS_CUTOFF 4

/* A unit and a figure (span, units carried, betweenness). */
typedef struct og_ranked {
    igraph_integer_t unit;
    double value;
} og_ranked;

/* Chain and span figures over a group of units (a kind, a level, or all). */
typedef struct og_group_figures {
    const char *name;             /* kind or level name; NULL for all units */
    igraph_integer_t units;       /* units of the group on the line */
    igraph_integer_t chained;     /* of those, units with a chain */
    double chain_mean;            /* mean shortest chain of chained units */
    igraph_integer_t chain_max;   /* longest chain; -1 when none */
    igraph_integer_t managers;    /* units with at least one subordinate */
    igraph_integer_t subordinates;/* sum of the managers' spans */
    igraph_integer_t span_max;
    igraph_integer_t bands[OG_SPAN_BANDS]; /* managers per span band */
} og_group_figures;

/* Position of a unit on a line, in og_line_analysis.position. */
typedef enum og_position {
    OG_POS_OFF_LINE = 0,   /* no link on the line (and not a command apex) */
    OG_POS_APEX = 1,       /* on the line, no superior on it */
    OG_POS_CHAINED = 2,    /* every chain above it ends at an apex */
    OG_POS_NO_CHAIN = 3    /* on a cycle or below one: no chain */
} og_position;
const char *og_position_name(og_position position);

/* The analysis of one ranking line. Per-unit arrays have one entry a unit.
 * Chain length = hops up to an apex; layer = longest chain + 1 (the rank a
 * layered chart gives the unit: below every superior). */
typedef struct og_line_analysis {
    og_line line;
    igraph_integer_t units;       /* units on the line */
    unsigned char *position;      /* og_position per unit */
    igraph_integer_t *chain_min;  /* per unit; -1 when no chain */
    igraph_integer_t *chain_max;  /* per unit; -1 when no chain */
    igraph_integer_t *span;       /* per unit: direct subordinates on the line */
    igraph_integer_t *superiors;  /* per unit: superiors on the line */
    igraph_integer_t *carries;    /* per unit: units it dominates, itself
                                     excluded; -1 when not reached */
    igraph_integer_t *apexes;      igraph_integer_t n_apexes;
    igraph_integer_t *no_chain;    igraph_integer_t n_no_chain; /* ascending */
    igraph_integer_t layers;      /* maximum layer; 0 when no unit has a chain */
    igraph_integer_t *per_layer;  /* per_layer[i]: units in layer i+1 */
    og_group_figures overall;
    og_group_figures *by_kind;  size_t n_kinds;  /* kinds on the line, model order */
    og_group_figures *by_level; size_t n_levels;
    og_ranked widest[OG_ANALYSIS_TOP];      size_t n_widest;
    og_ranked bottlenecks[OG_ANALYSIS_TOP]; size_t n_bottlenecks;
} og_line_analysis;

/* A whole analysis: the chosen ranking lines, dual subordination over every
 * ranking line, and betweenness in the coordination network. */
typedef struct og_analysis {
    igraph_integer_t units;
    unsigned lines;                        /* bit (1 << line) per line analysed */
    og_line_analysis line[OG_LINE_COUNT];  /* valid for the lines analysed */
    /* dual subordination: units with superiors on two or more ranking lines,
     * or two or more superiors on one; ascending. Superiors of dual[k]:
     * dual_sup[dual_start[k] .. dual_start[k+1]), on lines dual_line[...],
     * by line then link order. */
    igraph_integer_t n_dual, n_dual_across, n_dual_within;
    igraph_integer_t *dual, *dual_start, *dual_sup;
    unsigned char *dual_line;
    /* coordination network */
    igraph_integer_t coord_units, coord_links;
    int betweenness_cutoff;                /* 0 = exact */
    og_ranked central[OG_ANALYSIS_TOP]; size_t n_central;
} og_analysis;

/* Analyses the ranking lines in `lines` (bits 1 << OG_LINE_COMMAND, ...;
 * coordination cannot be chosen: OG_EINVAL). Units with no link at all are
 * one-unit apexes of the command line. Units on or below a cycle get no
 * chain and are listed, never dropped; nothing loops. Time O(n + m) per line
 * (Kahn's order for chains, igraph_dominator_tree for bottlenecks) plus
 * betweenness on the coordination network only (O(nc * mc), capped as
 * above). Free with og_analysis_destroy. */
og_status og_analyze(og_model *model, unsigned lines, og_analysis *analysis);
void og_analysis_destroy(og_analysis *analysis);

/* The summary as a JSON document (schema in docs/analyses.md). O(size). */
og_status og_analysis_json(const og_analysis *analysis, const og_model *model,
                           og_buf *buf);
/* One row per unit and analysed line, streamed (no document tree), columns
 * line,id,name,kind,level,position,layer,chain_min,chain_max,span,superiors,
 * carries. CSV has a header row; JSON is {"units":[{...},...]}. O(n). */
og_status og_analysis_units_csv(const og_analysis *analysis,
                                const og_model *model, og_buf *buf);
og_status og_analysis_units_json(const og_analysis *analysis,
                                 const og_model *model, og_buf *buf);

/* A path between two units. For each ranking line chosen: the chain up from
 * `from` to the nearest common superior (the one with the fewest hops in
 * all; ties to the unit added first) and down to `to`. Across every line:
 * the shortest route using links in either direction. */
typedef struct og_path {
    igraph_integer_t from, to;
    unsigned lines;                            /* lines searched */
    igraph_integer_t *chain[OG_LINE_COUNT];    /* from .. top .. to; NULL: none */
    igraph_integer_t chain_len[OG_LINE_COUNT]; /* units in chain */
    igraph_integer_t top[OG_LINE_COUNT];       /* index in chain of the common superior */
    igraph_integer_t *route;      /* units from .. to; NULL when none */
    igraph_integer_t *route_link; /* route_len - 1 links between them */
    igraph_integer_t route_len;
} og_path;

/* Finds the chains and the route. O(n + m) per line. */
og_status og_path_find(og_model *model, igraph_integer_t from,
                       igraph_integer_t to, unsigned lines, og_path *path);
void og_path_destroy(og_path *path);
/* The direction of step i of the route (from route[i] to route[i+1]):
 * "down" from a superior to a subordinate, "up" the other way, "across" on
 * a coordination link. */
const char *og_path_step_direction(const og_path *path, const og_model *model,
                                   igraph_integer_t step);
/* The path as a JSON document (schema in docs/analyses.md). */
og_status og_path_json(const og_path *path, const og_model *model, og_buf *buf);

/* ----------------------------------------------------------- restructuring */

/* A transition: which old units went into which new ones. One row per
 * (old unit, new unit): old_id "" for a unit added with no predecessor,
 * new_id "" for one abolished or removed. operation is keep, rename,
 * transfer, merge, split, abolish, remove or add; share is "full",
 * "partial" or "" (docs/restructure.md). */
typedef struct og_transition_row {
    const char *old_id, *new_id, *operation, *share;
    long line;            /* line in the file it was read from, or 0 */
} og_transition_row;

typedef struct og_transition og_transition;

og_transition *og_transition_new(void);
void og_transition_free(og_transition *transition);
size_t og_transition_count(const og_transition *transition);
const og_transition_row *og_transition_get(const og_transition *transition,
                                           size_t i);
/* Appends a row; the strings are copied. O(1) amortized. */
og_status og_transition_add(og_transition *transition, const char *old_id,
                            const char *new_id, const char *operation,
                            const char *share, long line);
/* Reads a CSV old_id,new_id,operation,share (header required; extra columns
 * ignored). Problems go to diags with FILE:LINE; OG_EFORMAT when any.
 * O(size). */
og_status og_transition_load(const char *path, og_transition **transition,
                             og_diags *diags);
/* Writes the transition as CSV with a header row. O(rows). */
og_status og_transition_csv(const og_transition *transition, og_buf *buf);

/* A restructuring plan: operations applied in order (grammar in
 * docs/restructure.md). */
typedef struct og_plan og_plan;

/* Parses a plan file. Every syntax error goes to diags as PLAN:LINE and the
 * call returns OG_EFORMAT; *plan then still holds the operations that parsed
 * (free it), so that og_plan_apply can report their problems too. Files
 * named by `transition` lines are read when the plan is applied, relative to
 * the plan's directory. O(size). */
og_status og_plan_load(const char *path, og_plan **plan, og_diags *diags);
/* The same from bytes in memory, as if read from `name`. */
og_status og_plan_parse(const char *text, size_t size, const char *name,
                        og_plan **plan, og_diags *diags);
void og_plan_free(og_plan *plan);
/* Operations in the plan. */
size_t og_plan_count(const og_plan *plan);

/* Applies a plan to `before` (left unchanged) and builds the new snapshot
 * and the transition from before's units to it. Every operation that cannot
 * be applied (a unit that does not exist, an id already taken, a transfer
 * that would make a cycle...) is reported with the plan's line, the plan
 * goes on with the next operation so that one run reports every problem,
 * and the call returns OG_EFORMAT with *after and *transition NULL. Links of
 * abolished and merged units are re-attached and deduplicated, never
 * dropped silently: a link that has nowhere to go is reported as a note.
 * Time O(n + m) plus, per operation, the links of the units it names
 * (abolish, merge, transition) or O(n) for selectors (kind, level, glob). */
og_status og_plan_apply(const og_plan *plan, const og_model *before,
                        og_model **after, og_transition **transition,
                        og_diags *diags);

/* ---------------------------------------------------------------- compare */

/* The change of one before unit, or the addition of one after unit. */
typedef enum og_change {
    OG_CHANGE_KEEP = 0, OG_CHANGE_ADDED, OG_CHANGE_REMOVED, OG_CHANGE_MERGED,
    OG_CHANGE_SPLIT, OG_CHANGE_MOVED, OG_CHANGE_RENAMED
} og_change;
#define OG_CHANGE_COUNT 7
/* "kept", "added", "removed", "merged", "split", "moved", "renamed". */
const char *og_change_name(og_change change);

/* A comparison of two snapshots (see og_compare). */
typedef struct og_comparison og_comparison;

/* Compares two snapshots: units are matched by transition rows where
 * `transition` (may be NULL) names them, else by id. A before unit is
 * removed (no match), merged (its match has other predecessors), split
 * (several matches), moved (its command superiors are no image of its old
 * ones), renamed (name changed), or kept; an after unit no before unit went
 * into is added. Also: layers, units per layer, chains of old units against
 * those of their matches (a distribution by kind), span bands by level and
 * kind, links per line, dual subordination. Time O(n + m) for both models
 * (og_analyze of three lines each) plus O(rows). */
og_status og_compare(og_model *before, og_model *after,
                     const og_transition *transition, og_comparison **out,
                     og_diags *diags);
void og_comparison_free(og_comparison *comparison);
/* Text (aligned, for people), JSON (schema in docs/restructure.md), CSV
 * (section,group,name,before,after,count). `listed` caps the units listed
 * per change in text (0 = none). */
og_status og_comparison_text(const og_comparison *c, size_t listed, og_buf *buf);
og_status og_comparison_json(const og_comparison *c, og_buf *buf);
og_status og_comparison_csv(const og_comparison *c, og_buf *buf);
/* Units of a change, by kind: for a chart or a test. */
igraph_integer_t og_comparison_changed(const og_comparison *c, og_change change,
                                       const char *kind);

/* A timeline of snapshots in date order: per snapshot its date, units,
 * layers, units per level, mean and maximum chain, span bands (command
 * line). O(n + m) per snapshot. */
og_status og_timeline_text(og_model *const *models, size_t n, og_buf *buf);
og_status og_timeline_json(og_model *const *models, size_t n, og_buf *buf);
og_status og_timeline_csv(og_model *const *models, size_t n, og_buf *buf);

/* ------------------------------------------------------------------ charts */

/* Which picture og_chart_render draws. */
typedef enum og_chart_view {
    OG_CHART_FULL = 0,  /* one node per unit */
    OG_CHART_SCHEMA = 1 /* one node per (level, kind) with unit counts, one
                           arrow per (group, group, line) with link counts */
} og_chart_view;

/* How positions are found. */
typedef enum og_chart_layout {
    OG_LAYOUT_AUTO = 0, /* dot up to OG_CHART_DOT_MAX nodes and spans up to
                           OG_CHART_SPAN_MAX, compact otherwise */
    OG_LAYOUT_DOT = 1,  /* Graphviz dot: best for small charts, quadratic */
    OG_LAYOUT_COMPACT = 2 /* our org-chart layout, linear in units: leaves
                             stacked in columns under their parent, wide
                             spans of subtrees wrapped into rows */
} og_chart_layout;

#define OG_CHART_DOT_MAX 400
#define OG_CHART_SPAN_MAX 16
/* The most units one chart draws. Graphviz needs about 4.5 KB a unit to
 * render (a 100,000-unit chart: 450 MB, 5 s) and much more on very wide
 * spans (a million-wide span: 11 GB), and it exits or crashes when memory
 * runs out; larger charts are refused (OG_EINVAL, with a diagnostic that
 * names --root, --depth, --collapse and --schema). */
#define OG_CHART_MAX_UNITS 200000

typedef struct og_chart_options {
    const char *root;     /* unit id: draw only its subtree; NULL = whole model */
    int depth;            /* layers below the root(s) to draw; -1 = all */
    unsigned lines;       /* bit set of (1u << og_line); 0 = every line */
    const char *collapse; /* level whose units become one summary node per
                             superior and kind; NULL = none */
    og_chart_layout layout;
    og_chart_view view;
} og_chart_options;

/* Sets options to the whole model, every line, no collapse, auto layout. */
void og_chart_options_init(og_chart_options *options);

/* Draws a chart of a model with Graphviz, in-process, and appends the bytes
 * of `format` ("svg", "png", "pdf", or "dot": the drawing as DOT, before
 * layout for the dot layout and with our positions for the compact one) to
 * out. The drawing is built from the model's own fields only (ids, names,
 * kinds, levels, lines); no attribute of the model reaches Graphviz. The same
 * model and options give the same bytes. Returns OG_EINVAL (with a diagnostic)
 * for an unknown root, level or format, or a chart of more than
 * OG_CHART_MAX_UNITS units, OG_EINTERNAL when Graphviz fails.
 * Cost: compact layout O(n + m) plus Graphviz drawing, about 50 us a unit;
 * dot layout roughly quadratic. */
og_status og_chart_render(og_model *model, const og_chart_options *options,
                          const char *format, og_buf *out, og_diags *diags);

/* Draws what changed between two snapshots (matched as og_compare does):
 * removed, added, merged, split, moved and renamed units in distinct colours,
 * with a legend. Without options->root, at level-schema scale: one node per
 * (level, kind) with its units before -> after and its changes, one arrow
 * per (group, group, line) with links before -> after; always readable.
 * With options->root (an id of either snapshot), the units of that subtree
 * on the command line (to options->depth layers) in the after snapshot, and
 * the before units of the old subtree that are gone, each linked to where it
 * went. Format and determinism as og_chart_render. Cost: og_compare plus
 * O(n + m + groups^2) for the schema, dot layout of the subtree. */
og_status og_chart_render_diff(og_model *before, og_model *after,
                               const og_transition *transition,
                               const og_chart_options *options,
                               const char *format, og_buf *out, og_diags *diags);

/* ------------------------------------------------------------------ report */

/* How many rows of a transition fit a pair of snapshots: rows whose old id
 * is empty or a unit of `before`, and whose new id is empty or a unit of
 * `after`. Tells which pair of snapshots a transition file is for. O(rows). */
size_t og_transition_fit(const og_transition *transition, const og_model *before,
                         const og_model *after);

/* Above this many units over all snapshots, the report leaves out its search
 * index (about 70 bytes a unit: a page of 2 x 1M units is 100 MB and takes
 * half a minute to open), with a note. */
#define OG_REPORT_SEARCH_MAX 1000000

typedef struct og_report_options {
    const char *title;               /* NULL: the last snapshot's title */
    const char *const *transitions;  /* n - 1 file names to show, or NULL; an
                                        entry is NULL where a pair has none */
    long search_max;                 /* 0: OG_REPORT_SEARCH_MAX; -1: no limit */
} og_report_options;

/* Writes one self-contained HTML page about snapshots models[0..n) in that
 * order (the first is "before", the last "after"): key figures of each and
 * the change from the first to the last, changes by kind, the level schema
 * charts and the diff chart (inline SVG, pan and zoom), plots of chain
 * lengths, span bands and a timeline, the dual subordination, bottleneck and
 * widest-span tables, the models' sources and notes, and a search over every
 * unit that shows its chain of command on each ranking line in each
 * snapshot. transitions[p] (NULL, or NULL entries: match by id) says which
 * units of models[p] went into which of models[p + 1]; units are followed
 * through them from the first snapshot to the last. Every name is escaped;
 * the page fetches nothing and runs no script but its own (a
 * Content-Security-Policy with the script's hash). options may be NULL.
 * Cost: og_analyze and og_info per snapshot, og_compare of the first and
 * the last, two schema charts and the diff chart; the page holds about 70
 * bytes a unit for the search. */
og_status og_report_html(og_model *const *models, size_t n,
                         const og_transition *const *transitions,
                         const og_report_options *options, og_buf *out,
                         og_diags *diags);

#ifdef __cplusplus
}
#endif
#endif /* ORGRAPH_H */
