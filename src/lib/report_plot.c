/*
 * report_plot.c: small plots for the HTML report, drawn as inline SVG with
 * no script: grouped bars (chain lengths, span bands) and lines (the
 * timeline). Every bar and point carries a <title> with its exact value, so
 * hovering shows it; every text is escaped.
 */
#include "report.h"

#include <math.h>
#include <string.h>

#define W 600.0       /* whole plot */
#define H 320.0
#define LEFT 64.0     /* room for the y axis labels */
#define TOP 34.0      /* the title */
#define BOTTOM 78.0   /* x labels, axis label and legend */

static const char *const palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1",
                                      "#76b7b2", "#e15759", "#9c755f", "#edc948",
                                      "#bab0ac", "#ff9da7"};

const char *og_i_plot_colour(size_t i)
{
    return palette[i % (sizeof palette / sizeof *palette)];
}

void og_i_html(og_buf *b, const char *s) { og_i_markup_text(b, s, 0); }

void og_i_html_num(og_buf *b, double v)
{
    if (isnan(v)) {
        og_buf_puts(b, "\xe2\x80\x94"); /* an em dash */
        return;
    }
    if (v != floor(v) || fabs(v) >= 1e15) {
        if (v < 0)
            og_buf_puts(b, "\xe2\x88\x92"); /* a minus sign */
        og_buf_printf(b, "%.2f", fabs(v));
        return;
    }
    char digits[32];
    long long n = (long long)v;
    snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
    if (n < 0)
        og_buf_puts(b, "\xe2\x88\x92"); /* a minus sign */
    size_t len = strlen(digits);
    for (size_t i = 0; i < len; i++) {
        og_buf_append(b, &digits[i], 1);
        if ((len - i - 1) % 3 == 0 && i + 1 < len)
            og_buf_puts(b, ",");
    }
}

/* A step of 1, 2 or 5 times a power of ten giving about `ticks` ticks. */
static double nice_step(double max, int ticks)
{
    double raw = max / ticks, p = pow(10, floor(log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

typedef struct axis {
    int log;
    double top;        /* value at the top of the plot area */
    double y0, y1;     /* pixel rows of the bottom and the top */
} axis;

static double ypix(const axis *a, double v)
{
    double f = a->log ? (v < 1 ? 0 : log10(v) / log10(a->top)) : v / a->top;
    return a->y0 - f * (a->y0 - a->y1);
}

static void y_axis(og_buf *b, axis *a, double max, double x0, double x1)
{
    double step;
    if (a->log) {
        a->top = 10;
        while (a->top < max)
            a->top *= 10;
        step = 10;
    } else {
        step = max > 0 ? nice_step(max, 5) : 1;
        a->top = max > 0 ? ceil(max / step) * step : 1;
    }
    for (double t = a->log ? 1 : 0; t <= a->top * 1.0001; t = a->log ? t * step : t + step) {
        double y = ypix(a, t);
        og_buf_printf(b, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                      x0, x1, y, y);
        og_buf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                      x0 - 6, y + 4);
        og_i_html_num(b, t);
        og_buf_puts(b, "</text>");
    }
}

static void text(og_buf *b, double x, double y, const char *anchor, const char *cls,
                 const char *s)
{
    og_buf_printf(b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", cls,
                  x, y, anchor);
    og_i_html(b, s);
    og_buf_puts(b, "</text>");
}

static void tooltip(og_buf *b, const og_i_plot *p, size_t s, size_t x, double v)
{
    og_buf_puts(b, "<title>");
    og_i_html(b, p->series[s]);
    og_buf_puts(b, ", ");
    og_i_html(b, p->x[x]);
    og_buf_puts(b, ": ");
    og_i_html_num(b, v);
    og_buf_puts(b, "</title>");
}

void og_i_plot_svg(og_buf *b, const og_i_plot *p)
{
    double right = p->lines ? 120.0 : 16.0;
    double x0 = LEFT, x1 = W - right, y0 = H - BOTTOM, y1 = TOP;
    double max = 0;
    for (size_t i = 0; i < p->nx * p->ns; i++)
        if (!isnan(p->v[i]) && p->v[i] > max)
            max = p->v[i];
    og_buf_puts(b, "<svg class=\"plot\"");
    if (p->id) {
        og_buf_puts(b, " id=\"");
        og_i_html(b, p->id);
        og_buf_puts(b, "\"");
    }
    og_buf_printf(b, " viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
    og_i_html(b, p->title);
    og_buf_puts(b, "\" xmlns=\"http://www.w3.org/2000/svg\">");
    text(b, W / 2, 20, "middle", "title", p->title);
    axis a = {p->log_y, 1, y0, y1};
    y_axis(b, &a, max, x0, x1);
    og_buf_printf(b, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                  x0, x1, y0, y0);
    double group = p->nx ? (x1 - x0) / (double)p->nx : 0;
    for (size_t x = 0; x < p->nx; x++)
        text(b, x0 + group * ((double)x + 0.5), y0 + 16, "middle", "tick", p->x[x]);
    if (p->xlabel)
        text(b, (x0 + x1) / 2, y0 + 34, "middle", "label", p->xlabel);
    if (p->ylabel) {
        og_buf_printf(b, "<g transform=\"translate(14 %.1f) rotate(-90)\">", (y0 + y1) / 2);
        text(b, 0, 0, "middle", "label", p->ylabel);
        og_buf_puts(b, "</g>");
    }
    if (!p->lines) {
        double bar = p->ns ? group * 0.8 / (double)p->ns : 0;
        int labels = bar >= 8;
        for (size_t x = 0; x < p->nx; x++)
            for (size_t s = 0; s < p->ns; s++) {
                double v = p->v[s * p->nx + x];
                if (isnan(v) || v <= 0 || (a.log && v < 1))
                    continue;
                double bx = x0 + group * (double)x + group * 0.1 + bar * (double)s;
                double by = ypix(&a, v);
                og_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                 "fill=\"%s\">",
                              bx, by, bar > 1 ? bar - 1 : bar, y0 - by, og_i_plot_colour(s));
                tooltip(b, p, s, x, v);
                og_buf_puts(b, "</rect>");
                /* the value over the bar, where it fits (about 6 px a digit) */
                char digits[32];
                int len = snprintf(digits, sizeof digits, "%.0f", v);
                if (labels && 6.0 * (len + (len - 1) / 3) <= bar + 2) {
                    og_buf_printf(b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" "
                                     "text-anchor=\"middle\">",
                                  bx + bar / 2, by - 3);
                    og_i_html_num(b, v);
                    og_buf_puts(b, "</text>");
                }
            }
    } else {
        for (size_t s = 0; s < p->ns; s++) {
            const char *c = og_i_plot_colour(s);
            og_buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", c);
            double lx = 0, ly = 0;
            int any = 0;
            for (size_t x = 0; x < p->nx; x++) {
                double v = p->v[s * p->nx + x];
                if (isnan(v) || (a.log && v < 1))
                    continue;
                lx = x0 + group * ((double)x + 0.5), ly = ypix(&a, v), any = 1;
                og_buf_printf(b, "%.1f,%.1f ", lx, ly);
            }
            og_buf_puts(b, "\"/>");
            for (size_t x = 0; x < p->nx; x++) {
                double v = p->v[s * p->nx + x];
                if (isnan(v) || (a.log && v < 1))
                    continue;
                og_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">",
                              x0 + group * ((double)x + 0.5), ypix(&a, v), c);
                tooltip(b, p, s, x, v);
                og_buf_puts(b, "</circle>");
            }
            if (any)
                text(b, lx + 8, ly + 4, "start", "series", p->series[s]);
        }
    }
    if (!p->lines && p->ns > 1) {
        /* the legend, in one row under the x axis label */
        double lx = x0;
        for (size_t s = 0; s < p->ns; s++) {
            og_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                          lx, H - 22, og_i_plot_colour(s));
            text(b, lx + 14, H - 13, "start", "legend", p->series[s]);
            lx += 24 + 7.0 * (double)strlen(p->series[s]);
        }
    }
    og_buf_puts(b, "</svg>");
}
