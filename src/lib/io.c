/*
 * io.c: bytes in and out. Reading whole files, writing them atomically
 * (temporary file + rename, so no run ever leaves a half-written output), the
 * output buffer every writer fills, its CSV and JSON escaping, and the
 * encoding scan (NUL bytes, invalid UTF-8) that runs before any parser.
 */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------- reading */

og_status og_i_read_file(const char *path, char **data, size_t *size,
                         og_diags *diags)
{
    *data = NULL;
    *size = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        og_diags_add(diags, OG_ERROR, path, 0, "unreadable", 1,
                     "cannot open: %s", strerror(errno));
        return OG_EIO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        og_diags_add(diags, OG_ERROR, path, 0, "unreadable", 1,
                     "is a directory");
        return OG_EIO;
    }
    size_t cap = (st.st_size > 0 ? (size_t)st.st_size : 4096) + 1, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return OG_ENOMEM;
    }
    for (;;) {
        /* fread stops short only at the end or on an error */
        len += fread(buf + len, 1, cap - 1 - len, f);
        if (len + 1 < cap)
            break;
        /* full: the file may have grown since fstat; grow only if so (a
         * buffer of the file's size is the common case, and doubling it
         * would copy it) */
        int c = getc(f);
        if (c == EOF)
            break;
        char *b = realloc(buf, cap * 2);
        if (!b) {
            free(buf);
            fclose(f);
            return OG_ENOMEM;
        }
        buf = b;
        cap *= 2;
        buf[len++] = (char)c;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        og_diags_add(diags, OG_ERROR, path, 0, "unreadable", 1, "read error");
        return OG_EIO;
    }
    buf[len] = '\0';
    *data = buf;
    *size = len;
    return OG_OK;
}

int og_i_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *og_i_path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    while (a > 1 && dir[a - 1] == '/')
        a--;
    char *p = malloc(a + 1 + b + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

/* ------------------------------------------------------------- writing */

og_status og_write_file_atomic(const char *path, const char *data, size_t size)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return OG_ENOMEM;
    /* the temporary lives beside the target so rename() stays atomic */
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return OG_EIO;
    }
    size_t off = 0;
    while (off < size) {
        ssize_t w = write(fd, data + off, size - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        off += (size_t)w;
    }
    /* mkstemp makes 0600; an output file should get the usual umask mode */
    mode_t mask = umask(0);
    umask(mask);
    int ok = off == size && fchmod(fd, 0666 & ~mask) == 0 && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (ok)
        ok = rename(tmp, path) == 0;
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok ? OG_OK : OG_EIO;
}

/* -------------------------------------------------------------- buffer */

void og_buf_init(og_buf *buf) { memset(buf, 0, sizeof *buf); }

void og_buf_free(og_buf *buf)
{
    free(buf->data);
    memset(buf, 0, sizeof *buf);
}

static int buf_reserve(og_buf *buf, size_t extra)
{
    if (buf->failed)
        return 0;
    if (buf->len + extra + 1 <= buf->cap)
        return 1;
    size_t cap = buf->cap ? buf->cap : 4096;
    while (cap < buf->len + extra + 1)
        cap *= 2;
    char *d = realloc(buf->data, cap);
    if (!d) {
        buf->failed = 1;
        return 0;
    }
    buf->data = d;
    buf->cap = cap;
    return 1;
}

void og_buf_append(og_buf *buf, const char *data, size_t n)
{
    if (!buf_reserve(buf, n))
        return;
    memcpy(buf->data + buf->len, data, n);
    buf->len += n;
    buf->data[buf->len] = '\0';
}

void og_buf_puts(og_buf *buf, const char *s) { og_buf_append(buf, s, strlen(s)); }

void og_buf_printf(og_buf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(buf, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
}

void og_buf_csv_field(og_buf *buf, const char *s, int neutralize)
{
    if (!s)
        s = "";
    int formula = neutralize && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
                                 s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote && s[0] != ' ' && (s[0] == '\0' || s[strlen(s) - 1] != ' ')) {
        og_buf_puts(buf, s);
        return;
    }
    og_buf_append(buf, "\"", 1);
    if (formula)
        og_buf_append(buf, "'", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            og_buf_append(buf, "\"\"", 2);
        else
            og_buf_append(buf, p, 1);
    }
    og_buf_append(buf, "\"", 1);
}

void og_buf_json_string(og_buf *buf, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (!s)
        s = "";
    og_buf_append(buf, "\"", 1);
    const char *run = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&')
            continue;
        og_buf_append(buf, run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"': og_buf_append(buf, "\\\"", 2); break;
        case '\\': og_buf_append(buf, "\\\\", 2); break;
        case '\n': og_buf_append(buf, "\\n", 2); break;
        case '\t': og_buf_append(buf, "\\t", 2); break;
        case '\r': og_buf_append(buf, "\\r", 2); break;
        default: {
            /* <, > and & too, so JSON pasted into HTML cannot close a script */
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            og_buf_append(buf, u, 6);
        }
        }
    }
    og_buf_append(buf, run, strlen(run));
    og_buf_append(buf, "\"", 1);
}

/* ------------------------------------------------------------ encoding */

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when invalid.
 * Rejects overlongs, surrogates and code points above U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    if ((c & 0xE0) == 0xC0) { n = 2; min = 0x80; c &= 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; min = 0x800; c &= 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; min = 0x10000; c &= 0x07; }
    else return 0;
    if ((size_t)(end - s) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return n;
}

int og_i_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        if (*p < 0x80) {
            if (*p == 0)
                return 0;
            p++;
            continue;
        }
        size_t k = utf8_seq(p, end);
        if (k == 0)
            return 0;
        p += k;
    }
    return 1;
}

size_t og_i_check_encoding(const char *data, size_t size, const char *file,
                           og_diags *diags, size_t max)
{
    const unsigned char *p = (const unsigned char *)data, *end = p + size;
    /* line numbers are counted only up to a bad byte, when there is one:
     * lines up to `counted` are counted, and line_start is where the line
     * holding `counted` starts */
    const unsigned char *counted = p, *line_start = p;
    long line = 1, last_bad = 0;
    size_t bad = 0;
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (p < end) {
        /* fast path: 16 bytes of ASCII with no NUL */
        while (end - p >= 16) {
            uint64_t a, b;
            memcpy(&a, p, 8);
            memcpy(&b, p + 8, 8);
            if (((a | b) & highs) || (((a - ones) & ~a) | ((b - ones) & ~b)) & highs)
                break;
            p += 16;
        }
        if (p >= end)
            break;
        unsigned c = *p;
        if (c >= 0x01 && c < 0x80) { p++; continue; }
        size_t k = c == 0 ? 0 : utf8_seq(p, end);
        if (k) { p += k; continue; }
        for (const unsigned char *nl;
             (nl = memchr(counted, '\n', (size_t)(p - counted))); counted = nl + 1) {
            line++;
            line_start = nl + 1;
        }
        counted = p;
        if (line != last_bad) {
            last_bad = line;
            if (bad < max)
                og_diags_add(diags, OG_ERROR, file, line,
                             c == 0 ? "nul-byte" : "invalid-utf8", 1,
                             c == 0 ? "NUL byte at column %ld"
                                    : "invalid UTF-8 at column %ld",
                             (long)(p - line_start) + 1);
            bad++;
        }
        p++;
    }
    if (bad > max)
        og_diags_add(diags, OG_ERROR, file, 0, "invalid-utf8", 1,
                     "%zu more lines with NUL bytes or invalid UTF-8",
                     bad - max);
    return bad;
}

size_t og_i_sanitize_utf8(char *data, size_t size)
{
    const unsigned char *r = (const unsigned char *)data, *end = r + size;
    char *w = data;
    while (r < end) {
        size_t k = *r == 0 ? 0 : utf8_seq(r, end);
        if (k == 0) {
            *w++ = '?';
            r++;
            continue;
        }
        memmove(w, r, k);
        w += k;
        r += k;
    }
    *w = '\0';
    return (size_t)(w - data);
}
