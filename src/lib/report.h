/*
 * report.h: the HTML report's parts, shared by report.c (the page: figures,
 * charts, tables), report_plot.c (bar and line plots as inline SVG) and
 * report_data.c (the search index as JSON). The page's style sheet and
 * script are src/lib/report/report.css and report.js, compiled in by CMake
 * (cmake/embed.cmake) as og_i_report_css and og_i_report_js.
 */
#ifndef ORGRAPH_REPORT_H
#define ORGRAPH_REPORT_H

#include "internal.h"

/* One snapshot of the report, with its figures. */
typedef struct og_i_rsnap {
    og_model *m;
    char *label;          /* meta date, else the path's last component */
    og_info info;
    og_analysis an;       /* command, party and guidance lines */
    int borrowed;         /* info and an belong to a comparison */
} og_i_rsnap;

/* A plot: grouped bars (one group per x category, one bar per series) or
 * lines (one line per series across the x categories). */
typedef struct og_i_plot {
    const char *id;               /* element id of the <svg>, or NULL */
    const char *title;
    const char *xlabel, *ylabel;
    const char *const *x;  size_t nx;
    const char *const *series; size_t ns;
    const double *v;              /* v[s * nx + x]; NAN: no value */
    int log_y;                    /* logarithmic y axis (values < 1 not drawn) */
    int lines;                    /* 1: lines with points; 0: grouped bars */
} og_i_plot;

/* Appends the plot as an <svg> element. O(nx * ns). */
void og_i_plot_svg(og_buf *b, const og_i_plot *p);

/* Appends s escaped for HTML text and attribute values (& < > " '). */
void og_i_html(og_buf *b, const char *s);

/* Appends a number for people: integers with thousands separators
 * ("10,047"), others with two decimals. */
void og_i_html_num(og_buf *b, double v);

/* The colour of series i (snapshots, levels, lines), as "#rrggbb". */
const char *og_i_plot_colour(size_t i);

/* Appends the search index: one JSON document (units, names, superiors on
 * each ranking line, and how units of each snapshot went into the next's),
 * its <, > and & escaped so that it can sit in a <script> element.
 * images[p], start[p]: og_i_match_images of snapshots p and p + 1. */
og_status og_i_report_data(og_buf *b, const og_i_rsnap *s, size_t n,
                           igraph_integer_t *const *start,
                           igraph_integer_t *const *images);

/* The style sheet and the script of the page (NUL-terminated). */
extern const char *const og_i_report_css;
extern const char *const og_i_report_js;
/* "sha256-BASE64" of og_i_report_js, for the page's Content-Security-Policy. */
extern const char og_i_report_js_hash[];

#endif
