/*
 * load_dot.c: DOT models, read with cgraph.
 *
 * Schema: node name = unit id; node attributes label (the unit's name), kind,
 * level; edge attribute line (command when absent); graph attributes become
 * the model's metadata (label -> title). Every other attribute is kept.
 *
 * cgraph builds the graph, but two things it cannot do are done here by a
 * small recogniser of the DOT grammar that runs first:
 *  - positions: cgraph keeps no line numbers for nodes or edges, so the
 *    recogniser notes the line of each node's first mention and of each edge,
 *    and diagnostics name FILE:LINE;
 *  - safety: cgraph 2.42 corrupts its heap on the read after a syntax error
 *    and recurses on nested subgraphs, so only input the recogniser accepts
 *    (with subgraphs nested at most MAX_DEPTH deep) ever reaches cgraph, and
 *    syntax errors are reported by us, with the exact line.
 */
#include "internal.h"

#include <ctype.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MAX_DEPTH 200

/* ------------------------------------------------------------ recogniser */

typedef enum tok {
    T_EOF, T_ID, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_EQ, T_SEMI,
    T_COMMA, T_COLON, T_EDGEOP, T_GRAPH, T_DIGRAPH, T_NODE, T_EDGE,
    T_SUBGRAPH, T_STRICT, T_ERROR
} tok;

typedef struct edge_pos {
    const char *tail, *head;
    long line;
} edge_pos;

typedef struct scan {
    const char *begin, *p, *end;
    long line;
    tok t;             /* current token */
    long tline;        /* its line */
    char *val;         /* its value (T_ID), in `text` */
    char *text;
    size_t tlen, tcap;
    const char *file;
    og_diags *diags;
    int failed;
    og_status st;
    int directed;      /* 1 in a digraph: the edge operator is "->", else "--" */
    const char *graph_end; /* just after the graph's closing brace */
    /* what the positions pass collects */
    og_i_arena names;
    const char **node_names;
    long *node_lines;
    size_t n_nodes, cap_nodes;
    og_i_strmap node_map;
    edge_pos *edges;
    size_t n_edges, cap_edges;
} scan;

static void fail(scan *s, long line, const char *msg)
{
    if (s->failed)
        return;
    s->failed = 1;
    og_diags_add(s->diags, OG_ERROR, s->file, line, "dot-syntax", 1, "%s", msg);
}

static int text_put(scan *s, char c)
{
    if (s->tlen + 2 > s->tcap) {
        size_t cap = s->tcap ? s->tcap * 2 : 256;
        char *t = realloc(s->text, cap);
        if (!t) {
            s->st = OG_ENOMEM;
            s->failed = 1;
            return 0;
        }
        s->text = t;
        s->tcap = cap;
    }
    s->text[s->tlen++] = c;
    s->text[s->tlen] = '\0';
    return 1;
}

static void skip_space(scan *s)
{
    int bol = s->p == s->begin || s->p[-1] == '\n';
    while (s->p < s->end) {
        char c = *s->p;
        if (c == '\n') {
            s->line++;
            s->p++;
            bol = 1;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            /* cgraph's white space: not \f or \v (found by fuzzing) */
            s->p++;
        } else if (c == '#' && bol) {
            /* a preprocessor line, ignored as cgraph does */
            while (s->p < s->end && *s->p != '\n')
                s->p++;
        } else if (c == '/' && s->p + 1 < s->end && s->p[1] == '/') {
            while (s->p < s->end && *s->p != '\n')
                s->p++;
        } else if (c == '/' && s->p + 1 < s->end && s->p[1] == '*') {
            long start = s->line;
            s->p += 2;
            while (s->p + 1 < s->end && !(s->p[0] == '*' && s->p[1] == '/')) {
                if (*s->p == '\n')
                    s->line++;
                s->p++;
            }
            if (s->p + 1 >= s->end) {
                fail(s, start, "comment never closed");
                s->p = s->end;
                return;
            }
            s->p += 2;
            bol = 0;
        } else {
            return;
        }
    }
}

static int id_start(unsigned char c) { return isalpha(c) || c == '_' || c >= 0x80; }
static int id_char(unsigned char c) { return isalnum(c) || c == '_' || c >= 0x80; }

/* Reads one quoted string into text (appending), as cgraph decodes it. */
static void read_quoted(scan *s)
{
    long start = s->line;
    s->p++; /* opening quote */
    while (s->p < s->end && *s->p != '"') {
        if (*s->p == '\\' && s->p + 1 < s->end && s->p[1] == '"') {
            text_put(s, '"');
            s->p += 2;
        } else if (*s->p == '\\' && s->p + 1 < s->end && s->p[1] == '\\') {
            /* cgraph's scanner keeps an escaped backslash as two, and the
             * second cannot then escape a quote: "a\\" is closed */
            text_put(s, '\\');
            text_put(s, '\\');
            s->p += 2;
        } else if (*s->p == '\\' && s->p + 1 < s->end && s->p[1] == '\n') {
            s->line++; /* an escaped newline continues the string */
            s->p += 2;
        } else {
            if (*s->p == '\n')
                s->line++;
            text_put(s, *s->p++);
        }
    }
    if (s->p >= s->end) {
        fail(s, start, "quoted string never closed");
        return;
    }
    s->p++;
}

static void next(scan *s)
{
    if (s->failed) {
        s->t = T_ERROR;
        return;
    }
    skip_space(s);
    s->tline = s->line;
    s->tlen = 0;
    if (!text_put(s, '\0'))
        return;
    s->tlen = 0;
    s->val = s->text;
    if (s->p >= s->end) {
        s->t = s->failed ? T_ERROR : T_EOF;
        return;
    }
    unsigned char c = (unsigned char)*s->p;
    switch (c) {
    case '{': s->p++; s->t = T_LBRACE; return;
    case '}': s->p++; s->t = T_RBRACE; return;
    case '[': s->p++; s->t = T_LBRACKET; return;
    case ']': s->p++; s->t = T_RBRACKET; return;
    case '=': s->p++; s->t = T_EQ; return;
    case ';': s->p++; s->t = T_SEMI; return;
    case ',': s->p++; s->t = T_COMMA; return;
    case ':': s->p++; s->t = T_COLON; return;
    default: break;
    }
    if (c == '-' && s->p + 1 < s->end && (s->p[1] == '>' || s->p[1] == '-')) {
        /* cgraph takes only the operator that matches the graph's kind */
        if ((s->p[1] == '>') != s->directed) {
            fail(s, s->line, s->directed
                                 ? "syntax error: '--' in a digraph (use '->')"
                                 : "syntax error: '->' in a graph (use '--', "
                                   "or declare a digraph)");
            s->t = T_ERROR;
            return;
        }
        s->p += 2;
        s->t = T_EDGEOP;
        return;
    }
    if (c == '"') {
        read_quoted(s);
        /* "a" + "b" concatenates */
        for (;;) {
            const char *save = s->p;
            long sline = s->line;
            skip_space(s);
            if (s->p < s->end && *s->p == '+') {
                s->p++;
                skip_space(s);
                if (s->p < s->end && *s->p == '"') {
                    read_quoted(s);
                    continue;
                }
                fail(s, s->line, "'+' must join two quoted strings");
            }
            s->p = save;
            s->line = sline;
            break;
        }
        s->t = s->failed ? T_ERROR : T_ID;
        s->val = s->text;
        return;
    }
    if (c == '<') {
        /* an HTML string: balanced angle brackets */
        long start = s->line;
        int depth = 0;
        s->p++;
        while (s->p < s->end) {
            char h = *s->p;
            if (h == '<')
                depth++;
            else if (h == '>' && depth-- == 0)
                break;
            if (h == '\n')
                s->line++;
            text_put(s, h);
            s->p++;
        }
        if (s->p >= s->end) {
            fail(s, start, "HTML string never closed");
            s->t = T_ERROR;
            return;
        }
        s->p++;
        s->t = T_ID;
        s->val = s->text;
        return;
    }
    if (c == '-' || c == '.' || isdigit(c)) {
        const char *q = s->p;
        if (*q == '-')
            q++;
        int digits = 0;
        while (q < s->end && isdigit((unsigned char)*q)) { q++; digits++; }
        if (q < s->end && *q == '.') {
            q++;
            while (q < s->end && isdigit((unsigned char)*q)) { q++; digits++; }
        }
        if (!digits) {
            fail(s, s->line, c == '-' ? "syntax error: unexpected character '-'"
                                      : "syntax error: unexpected character '.'");
            s->t = T_ERROR;
            return;
        }
        while (s->p < q)
            text_put(s, *s->p++);
        s->t = T_ID;
        s->val = s->text;
        return;
    }
    if (id_start(c)) {
        while (s->p < s->end && id_char((unsigned char)*s->p))
            text_put(s, *s->p++);
        s->val = s->text;
        static const struct { const char *w; tok t; } kw[] = {
            {"graph", T_GRAPH}, {"digraph", T_DIGRAPH}, {"node", T_NODE},
            {"edge", T_EDGE}, {"subgraph", T_SUBGRAPH}, {"strict", T_STRICT}};
        s->t = T_ID;
        for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
            if (strcasecmp(s->text, kw[i].w) == 0)
                s->t = kw[i].t;
        return;
    }
    char what[8];
    if (c >= 0x20 && c < 0x7f)
        snprintf(what, sizeof what, "%c", c);
    else
        snprintf(what, sizeof what, "\\x%02x", c);
    char msg[64];
    snprintf(msg, sizeof msg, "syntax error: unexpected character '%s'", what);
    fail(s, s->line, msg);
    s->t = T_ERROR;
}

static const char *tok_text(const scan *s)
{
    switch (s->t) {
    case T_EOF: return "end of file";
    case T_ID: return s->val;
    case T_LBRACE: return "{";
    case T_RBRACE: return "}";
    case T_LBRACKET: return "[";
    case T_RBRACKET: return "]";
    case T_EQ: return "=";
    case T_SEMI: return ";";
    case T_COMMA: return ",";
    case T_COLON: return ":";
    case T_EDGEOP: return "->";
    default: return s->val ? s->val : "?";
    }
}

static void expect_fail(scan *s, const char *wanted)
{
    if (s->failed)
        return;
    char msg[200];
    const char *near = tok_text(s);
    snprintf(msg, sizeof msg, "syntax error: expected %s near '%.*s'", wanted,
             (int)og_i_utf8_cut(near, strnlen(near, 60)), near);
    fail(s, s->tline, msg);
}

/* Notes a node mention; returns its interned name. */
static const char *note_node(scan *s, const char *name, long line)
{
    int64_t i = og_i_strmap_get(&s->node_map, s->node_names, name);
    if (i >= 0)
        return s->node_names[i];
    if (name[0] == '%') {
        /* cgraph turns such a name into an anonymous node ("%a" comes back
         * as "%5", and two of them print alike): found by fuzzing */
        char msg[200];
        snprintf(msg, sizeof msg, "unit id '%.*s' begins with '%%', which "
                 "Graphviz's DOT reader keeps for its own names",
                 (int)og_i_utf8_cut(name, strnlen(name, 60)), name);
        fail(s, line, msg);
        return NULL;
    }
    if (s->n_nodes == s->cap_nodes) {
        size_t cap = s->cap_nodes ? s->cap_nodes * 2 : 256;
        const char **n = realloc(s->node_names, cap * sizeof *n);
        long *l = n ? realloc(s->node_lines, cap * sizeof *l) : NULL;
        if (n)
            s->node_names = n;
        if (!n || !l) {
            s->st = OG_ENOMEM;
            s->failed = 1;
            return NULL;
        }
        s->node_lines = l;
        s->cap_nodes = cap;
    }
    const char *copy = og_i_arena_strdup(&s->names, name);
    if (!copy) {
        s->st = OG_ENOMEM;
        s->failed = 1;
        return NULL;
    }
    s->node_names[s->n_nodes] = copy;
    s->node_lines[s->n_nodes] = line;
    if (og_i_strmap_put(&s->node_map, s->node_names, copy,
                        (int64_t)s->n_nodes) != OG_OK) {
        s->st = OG_ENOMEM;
        s->failed = 1;
        return NULL;
    }
    s->n_nodes++;
    return copy;
}

static void note_edge(scan *s, const char *tail, const char *head, long line)
{
    if (s->n_edges == s->cap_edges) {
        size_t cap = s->cap_edges ? s->cap_edges * 2 : 256;
        edge_pos *e = realloc(s->edges, cap * sizeof *e);
        if (!e) {
            s->st = OG_ENOMEM;
            s->failed = 1;
            return;
        }
        s->edges = e;
        s->cap_edges = cap;
    }
    s->edges[s->n_edges++] = (edge_pos){tail, head, line};
}

static void attr_list(scan *s)
{
    while (s->t == T_LBRACKET) {
        next(s);
        while (s->t == T_ID) {
            next(s);
            /* cgraph requires a value: [x] is a syntax error */
            if (s->t != T_EQ) {
                expect_fail(s, "'=' after an attribute name");
                return;
            }
            next(s);
            if (s->t != T_ID) {
                expect_fail(s, "an attribute value");
                return;
            }
            next(s);
            if (s->t == T_SEMI || s->t == T_COMMA)
                next(s);
        }
        if (s->t != T_RBRACKET) {
            expect_fail(s, "']' or an attribute");
            return;
        }
        next(s);
    }
}

/* A list of node names an edge operand stands for. */
typedef struct operand {
    const char **names;
    size_t n, cap;
} operand;

static void operand_add(scan *s, operand *o, const char *name)
{
    if (!name)
        return;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 4;
        const char **p = realloc(o->names, cap * sizeof *p);
        if (!p) {
            s->st = OG_ENOMEM;
            s->failed = 1;
            return;
        }
        o->names = p;
        o->cap = cap;
    }
    o->names[o->n++] = name;
}

static void stmt_list(scan *s, int depth, operand *collect);

/* node_id: ID [':' ID [':' ID]] */
static const char *node_id(scan *s)
{
    const char *name = note_node(s, s->val, s->tline);
    next(s);
    for (int i = 0; i < 2 && s->t == T_COLON; i++) {
        next(s);
        if (s->t != T_ID) {
            expect_fail(s, "a port name");
            return name;
        }
        next(s);
    }
    return name;
}

/* subgraph: ['subgraph' [ID]] '{' stmt_list '}'; its nodes go to `o`. */
static void subgraph(scan *s, int depth, operand *o)
{
    if (depth >= MAX_DEPTH) {
        fail(s, s->tline, "subgraphs nested more than 200 deep");
        return;
    }
    if (s->t == T_SUBGRAPH) {
        next(s);
        if (s->t == T_ID)
            next(s);
    }
    if (s->t != T_LBRACE) {
        /* cgraph 2.42 wants a body: `subgraph x;` is a syntax error there
         * (found by fuzzing) */
        expect_fail(s, "'{' after 'subgraph'");
        return;
    }
    next(s);
    stmt_list(s, depth + 1, o);
    if (s->t != T_RBRACE) {
        expect_fail(s, "'}'");
        return;
    }
    next(s);
}

static void edge_rest(scan *s, int depth, operand *left, operand *collect)
{
    operand right = {0};
    while (s->t == T_EDGEOP && !s->failed) {
        long line = s->tline;
        next(s);
        right.n = 0;
        if (s->t == T_ID) {
            operand_add(s, &right, node_id(s));
        } else if (s->t == T_SUBGRAPH || s->t == T_LBRACE) {
            subgraph(s, depth, &right);
        } else {
            expect_fail(s, "a node or subgraph after '->'");
            break;
        }
        for (size_t i = 0; i < left->n; i++)
            for (size_t j = 0; j < right.n; j++)
                note_edge(s, left->names[i], right.names[j], line);
        for (size_t j = 0; j < right.n; j++)
            operand_add(s, collect, right.names[j]);
        operand tmp = *left;
        *left = right;
        right = tmp;
    }
    free(right.names);
    attr_list(s);
}

static void stmt_list(scan *s, int depth, operand *collect)
{
    while (!s->failed && s->t != T_RBRACE && s->t != T_EOF) {
        switch (s->t) {
        case T_GRAPH:
        case T_NODE:
        case T_EDGE:
            next(s);
            if (s->t != T_LBRACKET) {
                expect_fail(s, "'['");
                return;
            }
            attr_list(s);
            break;
        case T_SUBGRAPH:
        case T_LBRACE: {
            operand o = {0};
            subgraph(s, depth, &o);
            for (size_t i = 0; i < o.n; i++)
                operand_add(s, collect, o.names[i]);
            if (s->t == T_EDGEOP)
                edge_rest(s, depth, &o, collect);
            free(o.names);
            break;
        }
        case T_ID: {
            long line = s->tline;
            if (s->p < s->end) {
                /* ID '=' ID is an attribute of the enclosing graph */
                const char *q = s->p;
                while (q < s->end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
                    q++;
                if (q < s->end && *q == '=') {
                    next(s); /* = */
                    next(s);
                    if (s->t != T_ID) {
                        expect_fail(s, "a value after '='");
                        return;
                    }
                    next(s);
                    break;
                }
            }
            (void)line;
            operand o = {0};
            operand_add(s, &o, node_id(s));
            /* a node list: a, b -> c */
            while (s->t == T_COMMA && !s->failed) {
                next(s);
                if (s->t != T_ID) {
                    expect_fail(s, "a node after ','");
                    break;
                }
                operand_add(s, &o, node_id(s));
            }
            for (size_t i = 0; i < o.n; i++)
                operand_add(s, collect, o.names[i]);
            if (s->t == T_EDGEOP)
                edge_rest(s, depth, &o, collect);
            else
                attr_list(s);
            free(o.names);
            break;
        }
        default:
            expect_fail(s, "a statement");
            return;
        }
        if (s->t == T_SEMI)
            next(s);
    }
}

static void graph(scan *s)
{
    next(s);
    if (s->t == T_STRICT)
        next(s);
    if (s->t != T_GRAPH && s->t != T_DIGRAPH) {
        expect_fail(s, "'digraph' or 'graph'");
        return;
    }
    s->directed = s->t == T_DIGRAPH;
    next(s);
    if (s->t == T_ID)
        next(s);
    if (s->t != T_LBRACE) {
        expect_fail(s, "'{'");
        return;
    }
    next(s);
    operand all = {0};
    stmt_list(s, 0, &all);
    free(all.names);
    if (s->t != T_RBRACE) {
        expect_fail(s, "'}'");
        return;
    }
    s->graph_end = s->p;
    next(s);
    if (s->t != T_EOF)
        expect_fail(s, "end of file (one graph per file)");
}

static void scan_free(scan *s)
{
    free(s->text);
    og_i_arena_free(&s->names);
    free(s->node_names);
    free(s->node_lines);
    og_i_strmap_free(&s->node_map);
    free(s->edges);
}

/* ---------------------------------------------------------------- cgraph */

/* cgraph reads through an I/O discipline; ours reads from memory, and only
 * up to the graph's closing brace, then one newline. cgraph's scanner keeps
 * its buffer and start state across reads and flushes them only after a
 * syntax error, so whatever it had read past the graph was lexed at the
 * start of the next file: a trailing comment cut by the scanner's 8 KB
 * buffer made the next DOT load in the process fail (found by fuzzing). */
typedef struct memchan {
    const char *p, *end;
    int newline_sent;
} memchan;

static int mem_read(void *chan, char *buf, int bufsize)
{
    memchan *m = chan;
    size_t n = (size_t)(m->end - m->p);
    if (n > (size_t)bufsize)
        n = (size_t)bufsize;
    if (n == 0 && !m->newline_sent && bufsize > 0) {
        m->newline_sent = 1;
        buf[0] = '\n';
        return 1;
    }
    memcpy(buf, m->p, n);
    m->p += n;
    return (int)n;
}

static int mem_putstr(void *chan, const char *str)
{
    (void)chan;
    (void)str;
    return 0;
}

static int mem_flush(void *chan)
{
    (void)chan;
    return 0;
}

static Agiodisc_t mem_io = {mem_read, mem_putstr, mem_flush};

/* cgraph's messages, kept for the caller instead of going to stderr. */
static char cgraph_message[512];

static int cgraph_error(char *msg)
{
    /* Graphviz 2.42 calls exit(1) right after this message (its allocators
     * do not return NULL), so the caller will never see a status: the one
     * place the library writes to stderr, so that the user learns why */
    if (strstr(msg, "memory allocation failure")) {
        static const char last[] = "orgraph: error: out of memory in Graphviz "
                                   "(memory allocation failure)\n";
        ssize_t w = write(2, last, sizeof last - 1);
        (void)w;
    }
    size_t n = strlen(cgraph_message);
    if (n + 1 < sizeof cgraph_message)
        snprintf(cgraph_message + n, sizeof cgraph_message - n, "%s", msg);
    return 0;
}

void og_i_cgraph_init(void)
{
    /* errors go to cgraph_error (kept, not printed), warnings to cgraph's
     * own buffer (aglasterr); nothing to stderr */
    agseterr(AGERR);
    agseterrf(cgraph_error);
}

/* A DOT graph attribute name "key.N" (N >= 2) is the Nth value of a repeated
 * metadata key (see save.c). Splits name into its key and N (1 if none). */
static long meta_key(const char *name, char *key, size_t size)
{
    snprintf(key, size, "%s", name);
    char *dot = strrchr(key, '.');
    if (!dot || dot == key || !dot[1])
        return 1;
    char *q = dot + 1;
    while (*q && isdigit((unsigned char)*q))
        q++;
    long nth = *q ? 0 : atol(dot + 1);
    if (nth < 2)
        return 1;
    *dot = '\0';
    return nth;
}

typedef struct meta_entry {
    char key[256];
    long nth;
    const char *value;
} meta_entry;

static int meta_cmp(const void *a, const void *b)
{
    const meta_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->nth > y->nth) - (x->nth < y->nth);
}

/* Graph attributes become metadata. cgraph keeps attributes in a dictionary
 * and returns them by name, so the order of distinct keys is alphabetical;
 * the values of one repeated key keep their order. */
static og_status build_meta(Agraph_t *g, og_model *m)
{
    size_t n = 0, cap = 16;
    meta_entry *list = malloc(cap * sizeof *list);
    if (!list)
        return OG_ENOMEM;
    for (Agsym_t *sym = agnxtattr(g, AGRAPH, NULL); sym; sym = agnxtattr(g, AGRAPH, sym)) {
        const char *v = agxget(g, sym);
        if (!v || !*v)
            continue;
        if (n == cap) {
            meta_entry *l = realloc(list, 2 * cap * sizeof *l);
            if (!l) {
                free(list);
                return OG_ENOMEM;
            }
            list = l;
            cap *= 2;
        }
        list[n].nth = meta_key(sym->name, list[n].key, sizeof list[n].key);
        list[n].value = v;
        n++;
    }
    qsort(list, n, sizeof *list, meta_cmp);
    og_status st = OG_OK;
    for (size_t i = 0; i < n && st == OG_OK; i++)
        st = og_model_add_meta(m, strcmp(list[i].key, "label") == 0 ? "title"
                                                                    : list[i].key,
                               list[i].value);
    free(list);
    return st;
}

static int edge_seq_cmp(const void *a, const void *b)
{
    uint64_t x = AGSEQ(*(Agedge_t *const *)a), y = AGSEQ(*(Agedge_t *const *)b);
    return x < y ? -1 : x > y;
}

static og_status build(Agraph_t *g, scan *s, const char *file, og_model *m,
                       og_diags *diags)
{
    og_status st = build_meta(g, m);
    if (st != OG_OK)
        return st;
    /* units, in order of first mention */
    Agsym_t *s_label = agattr(g, AGNODE, "label", NULL);
    Agsym_t *s_kind = agattr(g, AGNODE, "kind", NULL);
    Agsym_t *s_level = agattr(g, AGNODE, "level", NULL);
    size_t n_nodes = (size_t)agnnodes(g);
    Agnode_t **order = calloc(n_nodes ? n_nodes : 1, sizeof *order);
    if (!order)
        return OG_ENOMEM;
    size_t k = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        order[k++] = n;
    for (size_t i = 0; i < k && st == OG_OK; i++) {
        Agnode_t *n = order[i];
        const char *id = agnameof(n);
        const char *label = s_label ? agxget(n, s_label) : "";
        /* cgraph's default label is "\N", the node's own name */
        if (label && strcmp(label, "\\N") == 0)
            label = "";
        int64_t pi = og_i_strmap_get(&s->node_map, s->node_names, id);
        long line = pi >= 0 ? s->node_lines[pi] : 0;
        if (!*id) {
            og_diags_add(diags, OG_ERROR, file, line, "empty-id", 1,
                         "unit with an empty id");
            continue;
        }
        igraph_integer_t u;
        st = og_model_add_unit(m, id, label, s_kind ? agxget(n, s_kind) : "",
                               s_level ? agxget(n, s_level) : "", &u);
        if (st == OG_OK)
            st = og_model_set_origin(m, OG_UNIT, u, file, line);
        for (Agsym_t *sym = agnxtattr(g, AGNODE, NULL); sym && st == OG_OK;
             sym = agnxtattr(g, AGNODE, sym)) {
            if (sym == s_label || sym == s_kind || sym == s_level)
                continue;
            const char *v = agxget(n, sym);
            if (!v || !*v)
                continue;
            if (!strcmp(sym->name, "id") || !strcmp(sym->name, "name")) {
                og_diags_add(diags, OG_WARNING, file, line, "reserved-attribute",
                             1, "attribute '%s' of unit '%s' is left out: "
                             "the id is the node name and the name its label",
                             sym->name, id);
                continue;
            }
            if (!strcmp(sym->name, "parent")) {
                og_diags_add(diags, OG_WARNING, file, line, "reserved-attribute",
                             1, "attribute 'parent' of unit '%s' is left out: a "
                             "superior is an edge (%s -> \"%s\")",
                             id, v, id);
                continue;
            }
            st = og_model_set_attr(m, OG_UNIT, u, sym->name, v);
        }
    }
    free(order);
    if (st != OG_OK)
        return st;
    /* links, in the order cgraph created them, matched with their lines */
    size_t n_edges = (size_t)agnedges(g);
    Agedge_t **edges = calloc(n_edges ? n_edges : 1, sizeof *edges);
    if (!edges)
        return OG_ENOMEM;
    k = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            edges[k++] = e;
    qsort(edges, k, sizeof *edges, edge_seq_cmp);
    Agsym_t *s_line = agattr(g, AGEDGE, "line", NULL);
    size_t cursor = 0;
    for (size_t i = 0; i < k && st == OG_OK; i++) {
        Agedge_t *e = edges[i];
        const char *tail = agnameof(agtail(e)), *head = agnameof(aghead(e));
        long line = 0;
        /* the recogniser saw the edges in the same order */
        for (size_t j = cursor; j < s->n_edges && j < cursor + 64; j++)
            if (!strcmp(s->edges[j].tail, tail) && !strcmp(s->edges[j].head, head)) {
                line = s->edges[j].line;
                cursor = j + 1;
                break;
            }
        igraph_integer_t a = og_model_find(m, tail), b = og_model_find(m, head);
        if (a < 0 || b < 0)
            continue; /* an endpoint with an empty id, already reported */
        const char *lname = s_line ? agxget(e, s_line) : "";
        int ln = lname && *lname ? og_line_parse(lname) : OG_LINE_COMMAND;
        if (ln < 0) {
            og_diags_add(diags, OG_ERROR, file, line, "unknown-line", 1,
                         "link '%s' -> '%s' has unknown line '%s' (expected "
                         "command, party, guidance or coordination)",
                         tail, head, lname);
            continue;
        }
        igraph_integer_t l;
        st = og_model_add_link(m, a, b, (og_line)ln, &l);
        if (st == OG_OK)
            st = og_model_set_origin(m, OG_LINK, l, file, line);
        for (Agsym_t *sym = agnxtattr(g, AGEDGE, NULL); sym && st == OG_OK;
             sym = agnxtattr(g, AGEDGE, sym)) {
            if (sym == s_line || !strcmp(sym->name, "key"))
                continue;
            const char *v = agxget(e, sym);
            if (!v || !*v)
                continue;
            if (!strcmp(sym->name, "from") || !strcmp(sym->name, "to")) {
                og_diags_add(diags, OG_WARNING, file, line, "reserved-attribute",
                             1, "attribute '%s' of a link is left out",
                             sym->name);
                continue;
            }
            st = og_model_set_attr(m, OG_LINK, l, sym->name, v);
        }
    }
    free(edges);
    return st;
}

og_status og_i_load_dot(const char *data, size_t size, const char *file,
                        og_model **model, og_diags *diags)
{
    scan s;
    memset(&s, 0, sizeof s);
    s.begin = s.p = data;
    s.end = data + size;
    s.line = 1;
    s.file = file;
    s.diags = diags;
    og_i_arena_init(&s.names);
    og_i_strmap_init(&s.node_map);
    graph(&s);
    if (s.failed) {
        og_status st = s.st != OG_OK ? s.st : OG_EFORMAT;
        scan_free(&s);
        return st;
    }
    og_model *m = og_model_new();
    if (!m) {
        scan_free(&s);
        return OG_ENOMEM;
    }
    memchan chan = {data, s.graph_end, 0};
    Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &mem_io};
    cgraph_message[0] = '\0';
    agreadline(1);
    Agraph_t *g = agopen("", Agdirected, &disc);
    Agraph_t *r = g ? agconcat(g, &chan, &disc) : NULL;
    og_status st = OG_OK;
    if (!r) {
        /* the recogniser accepted what cgraph refused: report cgraph's words.
         * cgraph has freed the graph itself on a parse error. */
        const char *why = cgraph_message;
        if (!*why)
            why = aglasterr(); /* errors below agseterr's level are kept */
        size_t len = why ? strcspn(why, "\n") : 0;
        og_diags_add(diags, OG_ERROR, file, 0, "dot-syntax", 1,
                     "cgraph could not read the file: %.*s", (int)len,
                     len ? why : "unknown error");
        st = OG_EFORMAT;
    } else {
        st = build(g, &s, og_i_model_file(m, file), m, diags);
        agclose(g);
    }
    scan_free(&s);
    if (st != OG_OK) {
        og_model_free(m);
        return st;
    }
    *model = m;
    return OG_OK;
}
