/*
 * load.c: og_model_load, which recognises the format of a path and hands it
 * to the right loader, and the encoding scan every loader relies on.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : NULL;
}

const char *og_format_name(og_format format)
{
    switch (format) {
    case OG_FORMAT_DOT: return "dot";
    case OG_FORMAT_CSV_DIR: return "csv-dir";
    case OG_FORMAT_CSV_FILE: return "csv";
    case OG_FORMAT_GRAPHML: return "graphml";
    case OG_FORMAT_UNKNOWN: break;
    }
    return "unknown";
}

static og_format by_extension(const char *path)
{
    const char *ext = extension(path);
    if (!ext)
        return OG_FORMAT_UNKNOWN;
    if (!strcasecmp(ext, "dot") || !strcasecmp(ext, "gv"))
        return OG_FORMAT_DOT;
    if (!strcasecmp(ext, "csv"))
        return OG_FORMAT_CSV_FILE;
    if (!strcasecmp(ext, "graphml") || !strcasecmp(ext, "xml"))
        return OG_FORMAT_GRAPHML;
    return OG_FORMAT_UNKNOWN;
}

og_format og_format_detect(const char *path)
{
    if (og_i_is_dir(path))
        return OG_FORMAT_CSV_DIR;
    return by_extension(path);
}

og_format og_format_for_output(const char *path)
{
    size_t n = strlen(path);
    if (n == 0)
        return OG_FORMAT_UNKNOWN;
    if (path[n - 1] == '/' || og_i_is_dir(path) || !extension(path))
        return OG_FORMAT_CSV_DIR;
    return by_extension(path);
}

/* Scans for NUL bytes and invalid UTF-8 and, when there are any, replaces
 * the bad bytes with '?' in place so that parsing can go on and report the
 * remaining problems too (the errors are lossy: no command but check will
 * accept the model). Returns the new size. */
static size_t scan_encoding(char *data, size_t size, const char *file,
                            og_diags *diags)
{
    if (og_i_check_encoding(data, size, file, diags, 100) == 0)
        return size;
    return og_i_sanitize_utf8(data, size);
}

/* Loads from a writable, NUL-terminated buffer that the loaders may change. */
static og_status load_mutable(char *data, size_t size, og_format format,
                              const char *name, og_model **model,
                              og_diags *diags)
{
    *model = NULL;
    size = scan_encoding(data, size, name, diags);
    og_status st;
    switch (format) {
    case OG_FORMAT_DOT:
        st = og_i_load_dot(data, size, name, model, diags);
        break;
    case OG_FORMAT_GRAPHML:
        st = og_i_load_graphml(data, size, name, model, diags);
        break;
    case OG_FORMAT_CSV_FILE: {
        og_model *m = og_model_new();
        if (!m)
            return OG_ENOMEM;
        st = og_i_load_csv_units(m, data, size, name, 0, diags);
        if (st == OG_OK)
            *model = m;
        else
            og_model_free(m);
        break;
    }
    default:
        og_diags_add(diags, OG_ERROR, name, 0, "format", 1,
                     "cannot load this format from memory");
        return OG_EINVAL;
    }
    if (st == OG_OK && *model)
        og_i_model_set_path(*model, name);
    return st;
}

og_status og_model_load_buffer(const char *data, size_t size, og_format format,
                               const char *name, og_model **model,
                               og_diags *diags)
{
    og_init();
    *model = NULL;
    char *copy = malloc(size + 1);
    if (!copy)
        return OG_ENOMEM;
    memcpy(copy, data, size);
    copy[size] = '\0';
    og_status st = load_mutable(copy, size, format, name, model, diags);
    free(copy);
    return st;
}

/* Loads one optional or required file of a CSV directory. */
static og_status load_part(og_model *m, const char *dir, const char *name,
                           int required, og_diags *diags,
                           og_status (*fn)(og_model *, char *, size_t,
                                           const char *, og_diags *))
{
    char *path = og_i_path_join(dir, name);
    if (!path)
        return OG_ENOMEM;
    og_status st = OG_OK;
    FILE *probe = fopen(path, "rb");
    if (!probe && !required) {
        free(path);
        return OG_OK;
    }
    if (probe)
        fclose(probe);
    char *data;
    size_t size;
    st = og_i_read_file(path, &data, &size, diags);
    if (st == OG_OK) {
        size = scan_encoding(data, size, path, diags);
        st = fn(m, data, size, path, diags);
        free(data);
    }
    free(path);
    return st;
}

static og_status load_units_part(og_model *m, char *d, size_t n,
                                 const char *f, og_diags *g)
{
    return og_i_load_csv_units(m, d, n, f, 1, g);
}

/* Lines in a file (newlines, plus one), or 0 when it cannot be read; no
 * diagnostics: this is only a size hint. */
static igraph_integer_t count_lines(const char *dir, const char *name)
{
    char *path = og_i_path_join(dir, name);
    FILE *f = path ? fopen(path, "rb") : NULL;
    free(path);
    if (!f)
        return 0;
    char buf[1 << 16];
    igraph_integer_t lines = 1;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + n - p))); p++)
            lines++;
    fclose(f);
    return lines;
}

og_status og_i_load_csv_dir(const char *dir, og_model **model, og_diags *diags)
{
    og_model *m = og_model_new();
    if (!m)
        return OG_ENOMEM;
    og_i_model_links_ahead(m, count_lines(dir, "links.csv"));
    og_status st = load_part(m, dir, "units.csv", 1, diags, load_units_part);
    og_i_model_links_ahead(m, 0);
    if (st == OG_OK)
        st = load_part(m, dir, "links.csv", 0, diags, og_i_load_csv_links);
    if (st == OG_OK)
        st = load_part(m, dir, "meta.csv", 0, diags, og_i_load_csv_meta);
    if (st != OG_OK) {
        og_model_free(m);
        return st;
    }
    *model = m;
    return OG_OK;
}

og_status og_model_load(const char *path, og_model **model, og_diags *diags)
{
    og_init();
    *model = NULL;
    og_format format = og_format_detect(path);
    if (format == OG_FORMAT_CSV_DIR) {
        og_status st = og_i_load_csv_dir(path, model, diags);
        if (st == OG_OK)
            og_i_model_set_path(*model, path);
        return st;
    }
    if (format == OG_FORMAT_UNKNOWN) {
        FILE *f = fopen(path, "rb");
        if (!f) {
            og_diags_add(diags, OG_ERROR, path, 0, "unreadable", 1,
                         "no such file or directory");
            return OG_EIO;
        }
        fclose(f);
        og_diags_add(diags, OG_ERROR, path, 0, "format", 1,
                     "unknown model format (expected a .dot, .gv, .csv or "
                     ".graphml file, or a directory holding units.csv)");
        return OG_EFORMAT;
    }
    char *data;
    size_t size;
    og_status st = og_i_read_file(path, &data, &size, diags);
    if (st != OG_OK)
        return st;
    st = load_mutable(data, size, format, path, model, diags);
    free(data);
    return st;
}
