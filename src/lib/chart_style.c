/*
 * chart_style.c: what every chart looks like: fonts, node styles by kind,
 * edge styles by line, labels, the title and the legend.
 *
 * Safety: every attribute set here comes from a fixed table or is made from a
 * model's own fields (id, name, kind, level) as label text, escaped. No
 * attribute of a model file is ever copied, so `image`, `shapefile`,
 * `fontpath`, `imagepath` in a model cannot make Graphviz read a file.
 */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A font with Vietnamese glyphs, installed by scripts/setup.sh. */
#define FONT "Noto Sans"

typedef struct kind_style {
    const char *kind, *shape, *style, *fill;
} kind_style;

static const kind_style kind_styles[] = {
    {"ministry", "box", "filled,bold", "#9ecae1"},
    {"general-department", "box", "filled", "#b9d6ec"},
    {"high-command", "box", "filled", "#b9d6ec"},
    {"department", "box", "filled", "#deebf7"},
    {"provincial-police", "box", "filled,bold", "#a1d99b"},
    {"district-police", "box", "filled", "#c7e9c0"},
    {"commune-police", "box", "filled", "#edf8e9"},
    {"police-station", "box", "filled,diagonals", "#fff2a8"},
    {"party-organ", "octagon", "filled,bold", "#fc9272"},
    {"party-committee", "box", "filled,rounded", "#fcbba1"},
    {"party-cell", "box", "filled,rounded,dashed", "#fee0d2"},
};

typedef struct line_style {
    const char *style, *color, *sample;
} line_style;

/* Indexed by og_line. */
static const line_style line_styles[OG_LINE_COUNT] = {
    {"solid", "#333333", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"},   /* ━━━ */
    {"solid", "#c0392b", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"},   /* ━━━ */
    {"dotted", "#2166ac", "\xe2\x94\x88\xe2\x94\x88\xe2\x94\x88"},  /* ┈┈┈ */
    {"dashed", "#7f7f7f", "\xe2\x95\x8c\xe2\x95\x8c\xe2\x95\x8c"},  /* ╌╌╌ */
};

/* A pastel colour for a kind outside the table, the same on every run. */
static void fallback_fill(const char *kind, char out[8])
{
    double hue = (double)(og_i_hash(kind, strlen(kind)) % 360u) / 60.0;
    double s = 0.35, v = 0.97, c = v * s, xx = c * (1 - fabs(fmod(hue, 2) - 1));
    double rgb[6][3] = {{c, xx, 0}, {xx, c, 0}, {0, c, xx},
                        {0, xx, c}, {xx, 0, c}, {c, 0, xx}};
    const double *p = rgb[(int)hue % 6];
    snprintf(out, 8, "#%02x%02x%02x", (unsigned)lround((p[0] + v - c) * 255),
             (unsigned)lround((p[1] + v - c) * 255),
             (unsigned)lround((p[2] + v - c) * 255));
}

static const kind_style *style_of(const char *kind, kind_style *tmp, char fill[8])
{
    for (size_t i = 0; i < sizeof kind_styles / sizeof kind_styles[0]; i++)
        if (strcmp(kind, kind_styles[i].kind) == 0)
            return &kind_styles[i];
    fallback_fill(kind, fill);
    tmp->kind = kind;
    tmp->shape = "box";
    tmp->style = "filled";
    tmp->fill = fill;
    return tmp;
}

Agraph_t *og_i_chart_graph(const char *name)
{
    Agraph_t *g = agopen((char *)name, Agdirected, NULL);
    if (!g)
        return NULL;
    agattr(g, AGRAPH, "fontname", FONT);
    agattr(g, AGRAPH, "bgcolor", "white");
    agattr(g, AGRAPH, "labelloc", "t");
    agattr(g, AGRAPH, "pad", "0.3");
    agattr(g, AGNODE, "fontname", FONT);
    agattr(g, AGNODE, "fontsize", "10");
    agattr(g, AGNODE, "shape", "box");
    agattr(g, AGNODE, "style", "filled");
    agattr(g, AGNODE, "fillcolor", "white");
    agattr(g, AGNODE, "margin", "0.08,0.04");
    agattr(g, AGNODE, "label", "\\N");
    agattr(g, AGEDGE, "fontname", FONT);
    agattr(g, AGEDGE, "fontsize", "9");
    agattr(g, AGEDGE, "arrowsize", "0.6");
    agattr(g, AGEDGE, "style", "solid");
    agattr(g, AGEDGE, "color", "black");
    return g;
}

/* XML 1.0 has no way to write most C0 control characters, even as
 * references, so an SVG holding one is not well-formed and no browser shows
 * it: such characters in names become spaces (found by the escaping test). */
static int xml_forbidden(unsigned char c)
{
    return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}

Agnode_t *og_i_chart_new_node(Agraph_t *g, const char *base)
{
    og_buf b;
    og_buf_init(&b);
    for (const char *p = base; *p; p++)
        og_buf_append(&b, xml_forbidden((unsigned char)*p) || *p == '\n' ||
                              *p == '\t' ? " " : p, 1);
    while (!b.failed && agnode(g, b.data, 0))
        og_buf_puts(&b, "'");
    Agnode_t *v = b.failed ? NULL : agnode(g, b.data, 1);
    og_buf_free(&b);
    return v;
}

/* Appends text as a Graphviz label: backslashes escaped, newlines kept as
 * line breaks, lines broken at spaces after at most `wrap` characters (0: no
 * wrapping). */
static void label_text(og_buf *b, const char *text, int wrap)
{
    int col = 0;
    for (const char *p = text; *p; p++) {
        if (wrap && *p == ' ') {
            int word = 0; /* characters in the next word */
            for (const char *q = p + 1; *q && *q != ' '; q++)
                word += ((unsigned char)*q & 0xc0) != 0x80;
            if (col > 0 && col + 1 + word > wrap) {
                og_buf_puts(b, "\\n");
                col = 0;
                continue;
            }
        }
        if (*p == '\n') {
            og_buf_puts(b, "\\n");
            col = 0;
            continue;
        }
        if (*p == '\\')
            og_buf_puts(b, "\\\\");
        else
            og_buf_append(b, xml_forbidden((unsigned char)*p) ? " " : p, 1);
        col += ((unsigned char)*p & 0xc0) != 0x80;
    }
}

void og_i_chart_style_node(Agnode_t *v, const char *kind, const char *text,
                           int wrap)
{
    kind_style tmp;
    char fill[8];
    const kind_style *s = style_of(kind, &tmp, fill);
    og_buf b;
    og_buf_init(&b);
    label_text(&b, text, wrap);
    agsafeset(v, "label", b.failed ? "" : b.data, "\\N");
    og_buf_free(&b);
    agsafeset(v, "shape", (char *)s->shape, "box");
    agsafeset(v, "style", (char *)s->style, "filled");
    agsafeset(v, "fillcolor", (char *)s->fill, "white");
}

void og_i_chart_style_edge(Agedge_t *e, og_line line)
{
    const line_style *s = &line_styles[line];
    agsafeset(e, "style", (char *)s->style, "solid");
    agsafeset(e, "color", (char *)s->color, "black");
    if (line == OG_LINE_COORDINATION) {
        agsafeset(e, "dir", "none", "");
        agsafeset(e, "constraint", "false", "");
    }
}

/* Appends s escaped for a Graphviz HTML-like label. */
void og_i_chart_html_text(og_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': og_buf_puts(b, "&amp;"); break;
        case '<': og_buf_puts(b, "&lt;"); break;
        case '>': og_buf_puts(b, "&gt;"); break;
        case '"': og_buf_puts(b, "&quot;"); break;
        default: og_buf_append(b, xml_forbidden((unsigned char)*s) ? " " : s, 1);
        }
    }
}

static void legend_rows(og_buf *b, const char *const *kinds, size_t n_kinds,
                        unsigned lines)
{
    for (size_t i = 0; i < n_kinds; i++) {
        kind_style tmp;
        char fill[8];
        const kind_style *s = style_of(kinds[i], &tmp, fill);
        og_buf_printf(b, "<TR><TD BGCOLOR=\"%s\"> </TD><TD ALIGN=\"LEFT\">",
                      s->fill);
        og_i_chart_html_text(b, *kinds[i] ? kinds[i] : "(no kind)");
        og_buf_puts(b, "</TD></TR>");
    }
    for (int l = 0; l < OG_LINE_COUNT; l++)
        if (lines & (1u << l))
            og_buf_printf(b, "<TR><TD><FONT COLOR=\"%s\">%s</FONT></TD>"
                          "<TD ALIGN=\"LEFT\">%s line%s</TD></TR>",
                          line_styles[l].color, line_styles[l].sample,
                          og_line_name((og_line)l),
                          l == OG_LINE_GUIDANCE ? " (dotted)"
                          : l == OG_LINE_COORDINATION ? " (dashed, no rank)" : "");
}

og_status og_i_chart_title_legend(Agraph_t *g, const og_model *m,
                                  const char *what, const char *const *kinds,
                                  size_t n_kinds, unsigned lines,
                                  Agnode_t **legend)
{
    const char *title = og_model_meta_get(m, "title");
    const char *date = og_model_meta_get(m, "date");
    og_buf b;
    og_buf_init(&b);
    label_text(&b, title ? title : "", 0);
    if (date)
        og_buf_printf(&b, "%s(%s)", title ? " " : "", date);
    og_buf_puts(&b, "\\n");
    label_text(&b, what, 0);
    agsafeset(g, "label", b.failed ? "" : b.data, "");
    b.len = 0;
    og_buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"3\"><TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
    legend_rows(&b, kinds, n_kinds, lines);
    og_buf_puts(&b, "</TABLE>");
    Agnode_t *v = b.failed ? NULL : og_i_chart_new_node(g, "legend");
    if (v) {
        char *html = agstrdup_html(g, b.data);
        agxset(v, agattr(g, AGNODE, "label", NULL), html);
        agstrfree(g, html);
        agsafeset(v, "shape", "plaintext", "box");
        agsafeset(v, "style", "solid", "filled");
    }
    og_buf_free(&b);
    *legend = v;
    return v ? OG_OK : OG_ENOMEM;
}
