/*
 * io.c: bytes in and out. Reading whole files, writing them atomically
 * (temporary file + rename, so no run ever leaves a half-written output), the
 * output buffer every writer fills, its CSV and JSON escaping, and the
 * encoding scan (NUL bytes, invalid UTF-8) that runs before any parser.
 */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
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

/* ------------------------------------------------- replacing a directory */

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int og_i_fault_no_exchange;
int og_i_fault_write;

/* renameat2(..., RENAME_EXCHANGE): both names must exist; they trade places
 * in one step. Through syscall(), as glibc before 2.28 has no wrapper. */
static int exchange_at(int dirfd, const char *a, const char *b)
{
    if (og_i_fault_no_exchange) {
        errno = EINVAL;
        return -1;
    }
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, dirfd, a, dirfd, b, RENAME_EXCHANGE);
#else
    (void)dirfd, (void)a, (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

/* Writes a new file in dirfd (mode 0666 less the umask, as any output),
 * fsync'd. Returns 0, or -1 with errno set (the file may be left). */
static int write_new_at(int dirfd, const char *name, const char *data, size_t size)
{
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return -1;
    if (og_i_fault_write > 0 && --og_i_fault_write == 0) {
        close(fd);
        errno = EIO;
        return -1;
    }
    size_t off = 0;
    while (off < size) {
        ssize_t w = write(fd, data + off, size - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return close(fd);
}

static int is_listed(const char *name, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

/* The names in directory fd other than names[] (each must be a file or a
 * symbolic link); *bad gets the first entry that is neither, or one of
 * names[] that is a directory. NULL-terminated, malloc'd; NULL with errno
 * on failure. */
static char **other_entries(int fd, const char *const *names, size_t n,
                            char **bad)
{
    *bad = NULL;
    int dup_fd = dup(fd);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (!d) {
        if (dup_fd >= 0)
            close(dup_fd);
        return NULL;
    }
    size_t count = 0;
    char **list = calloc(1, sizeof *list);
    struct dirent *e;
    while (list && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        struct stat st;
        if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; /* gone meanwhile */
        int listed = is_listed(e->d_name, names, n);
        int file = S_ISREG(st.st_mode) || S_ISLNK(st.st_mode) ||
                   (listed && !S_ISDIR(st.st_mode));
        if (!file) {
            if (!*bad)
                *bad = strdup(e->d_name);
            continue;
        }
        if (listed)
            continue;
        char **l = realloc(list, (count + 2) * sizeof *l);
        if (!l) {
            break;
        }
        list = l;
        list[count] = strdup(e->d_name);
        if (!list[count])
            break;
        list[++count] = NULL;
    }
    closedir(d);
    return list;
}

static void free_list(char **list)
{
    for (size_t i = 0; list && list[i]; i++)
        free(list[i]);
    free(list);
}

/* Removes the files a temporary directory may hold and the directory. */
static int remove_dir_of(int parent, const char *dir, const char *const *names,
                         size_t n, char *const *others)
{
    int fd = openat(parent, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0) {
        for (size_t i = 0; i < n; i++)
            unlinkat(fd, names[i], 0);
        for (size_t i = 0; others && others[i]; i++)
            unlinkat(fd, others[i], 0);
        close(fd);
    }
    return unlinkat(parent, dir, AT_REMOVEDIR);
}

/* 1 when the directory st is the working directory or holds it: swapping
 * it would leave this process in the removed copy, where relative paths
 * no longer lead to the new files. */
static int holds_cwd(const struct stat *st)
{
    char up[3 * 64 + 1] = ".";
    struct stat cur, prev = {0};
    for (int depth = 0; depth < 64; depth++) {
        if (stat(up, &cur) != 0)
            return 0;
        if (cur.st_dev == st->st_dev && cur.st_ino == st->st_ino)
            return 1;
        if (depth && cur.st_dev == prev.st_dev && cur.st_ino == prev.st_ino)
            return 0; /* the root */
        prev = cur;
        strcpy(up + (depth ? strlen(up) : 0), depth ? "/.." : "..");
    }
    return 0;
}

/* The old way: each file written atomically inside the existing directory. */
static og_status write_each(const char *path, const char *const *names,
                            const char *const *data, const size_t *sizes,
                            size_t n, og_diags *diags)
{
    og_status st = OG_OK;
    for (size_t i = 0; i < n && st == OG_OK; i++) {
        char *p = og_i_path_join(path, names[i]);
        if (!p)
            return OG_ENOMEM;
        st = og_write_file_atomic(p, data[i], sizes[i]);
        if (st == OG_EIO)
            og_diags_add(diags, OG_ERROR, p, 0, "unwritable", 0,
                         "cannot write: %s", strerror(errno));
        free(p);
    }
    return st;
}

og_status og_i_write_dir_atomic(const char *path, const char *const *names,
                                const char *const *data, const size_t *sizes,
                                size_t n, og_diags *diags)
{
    /* the target: a symbolic link to a directory is followed, so the link
     * stays and the directory it names is replaced */
    char *target = strdup(path);
    if (!target)
        return OG_ENOMEM;
    for (size_t len = strlen(target); len > 1 && target[len - 1] == '/'; len--)
        target[len - 1] = '\0';
    struct stat old;
    int exists = lstat(target, &old) == 0;
    if (!exists && errno != ENOENT) {
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot write: %s", strerror(errno));
        free(target);
        return OG_EIO;
    }
    const char *base = strrchr(target, '/');
    base = base ? base + 1 : target;
    if ((exists && S_ISLNK(old.st_mode)) || !strcmp(base, ".") ||
        !strcmp(base, "..") || !strcmp(target, "/")) {
        char *real = realpath(target, NULL);
        if (!real || stat(real, &old) != 0) {
            og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                         "cannot write: %s", strerror(errno));
            free(real);
            free(target);
            return OG_EIO;
        }
        free(target);
        target = real;
        base = strrchr(target, '/') + 1;
        if (!*base) { /* the root */
            og_status st = write_each(target, names, data, sizes, n, diags);
            free(target);
            return st;
        }
    }
    if (exists && !S_ISDIR(old.st_mode)) {
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot write a CSV directory: it exists and is not a "
                     "directory");
        free(target);
        return OG_EIO;
    }
    char *parent = base == target ? strdup(".")
                 : base == target + 1 ? strdup("/")
                 : strndup(target, (size_t)(base - 1 - target));
    int pfd = parent ? open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    struct stat pst;
    og_status st = OG_OK;
    char *tmp = NULL, *bad = NULL, **others = NULL;
    int ofd = -1, tfd = -1, made = 0;
    if (!parent) {
        st = OG_ENOMEM;
        goto out;
    }
    if (pfd < 0 || fstat(pfd, &pst) != 0) {
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot create directory: %s", strerror(errno));
        st = OG_EIO;
        goto out;
    }
    if (exists) {
        ofd = openat(pfd, base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        others = ofd >= 0 ? other_entries(ofd, names, n, &bad) : NULL;
        if (!others) {
            og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                         "cannot read directory: %s", strerror(errno));
            st = OG_EIO;
            goto out;
        }
        if (bad) {
            og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                         "cannot replace the CSV directory: it holds '%s', "
                         "which is not a file, and only files are carried "
                         "over into the new directory (move it away or write "
                         "elsewhere)", bad);
            st = OG_EIO;
            goto out;
        }
        /* a mount point, or the working directory (or one that holds it),
         * cannot be swapped usefully: its files are replaced one by one
         * (as also where no directory can be made beside it, below) */
        if (old.st_dev != pst.st_dev || holds_cwd(&old)) {
            st = write_each(target, names, data, sizes, n, diags);
            goto out;
        }
    }
    /* a fresh directory beside the target, named after it (cut short so
     * that the name stays within NAME_MAX) */
    size_t blen = strlen(base) > 200 ? 200 : strlen(base);
    tmp = malloc(blen + 16);
    if (!tmp) {
        st = OG_ENOMEM;
        goto out;
    }
    static unsigned long counter;
    unsigned long seed = (unsigned long)getpid() * 2654435761u ^
                         (unsigned long)time(NULL) ^ (unsigned long)(uintptr_t)tmp;
    for (int attempt = 0; attempt < 100 && !made; attempt++) {
        unsigned long r = seed + 0x9e3779b97f4a7c15ul * ++counter;
        r ^= r >> 29;
        snprintf(tmp, blen + 16, "%.*s.tmp%06lx", (int)blen, base, r & 0xfffffful);
        if (mkdirat(pfd, tmp, 0777) == 0)
            made = 1;
        else if (errno != EEXIST)
            break;
    }
    if (!made && exists && (errno == EACCES || errno == EPERM)) {
        /* the directory may be ours to write in while its parent is not:
         * its files are replaced one by one, as before */
        st = write_each(target, names, data, sizes, n, diags);
        goto out;
    }
    if (!made) {
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot create directory: %s", strerror(errno));
        st = OG_EIO;
        goto out;
    }
    tfd = openat(pfd, tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (tfd < 0) {
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot create directory: %s", strerror(errno));
        st = OG_EIO;
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        if (write_new_at(tfd, names[i], data[i], sizes[i]) != 0) {
            int e = errno;
            char *p = og_i_path_join(path, names[i]);
            og_diags_add(diags, OG_ERROR, p ? p : path, 0, "unwritable", 0,
                         "cannot write: %s", strerror(e));
            free(p);
            st = OG_EIO;
            goto out;
        }
    if (exists) {
        /* the user's other files go over too (hard links: the same files),
         * and the directory keeps its permissions and, where allowed, owner */
        for (size_t i = 0; others[i]; i++)
            if (linkat(ofd, others[i], tfd, others[i], 0) != 0) {
                og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                             "cannot carry '%s' over into the new directory: "
                             "%s", others[i], strerror(errno));
                st = OG_EIO;
                goto out;
            }
        if (old.st_uid != geteuid() || old.st_gid != getegid()) {
            if (fchown(tfd, old.st_uid, old.st_gid) != 0) {
                /* only root may give a directory away: it stays ours */
            }
        }
        fchmod(tfd, old.st_mode & 07777);
    }
    if (fsync(tfd) != 0) {
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot write: %s", strerror(errno));
        st = OG_EIO;
        goto out;
    }
    if (!exists) {
        if (renameat(pfd, tmp, pfd, base) != 0) {
            og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                         "cannot create directory: %s", strerror(errno));
            st = OG_EIO;
            goto out;
        }
        made = 0;
    } else if (exchange_at(pfd, tmp, base) == 0) {
        /* the old directory is now at tmp: remove what was copied */
        if (remove_dir_of(pfd, tmp, names, n, others) != 0)
            og_diags_add(diags, OG_WARNING, path, 0, "leftover", 0,
                         "the replaced directory is left at '%s/%s': %s",
                         parent, tmp, strerror(errno));
        made = 0;
    } else if (errno == EINVAL || errno == ENOSYS) {
        /* no RENAME_EXCHANGE here (an old kernel, some file systems): each
         * file is renamed into place on its own */
        for (size_t i = 0; i < n; i++)
            if (renameat(tfd, names[i], ofd, names[i]) != 0) {
                og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                             "cannot write '%s': %s", names[i], strerror(errno));
                st = OG_EIO;
                break;
            }
    } else {
        og_diags_add(diags, OG_ERROR, path, 0, "unwritable", 0,
                     "cannot replace the directory: %s", strerror(errno));
        st = OG_EIO;
    }
    if (st == OG_OK)
        fsync(pfd);   /* the rename itself, on disk */
out:
    if (made)   /* any failure, or the per-file fallback: no temporary left */
        remove_dir_of(pfd, tmp, names, n, others);
    if (tfd >= 0)
        close(tfd);
    if (ofd >= 0)
        close(ofd);
    if (pfd >= 0)
        close(pfd);
    free_list(others);
    free(bad);
    free(tmp);
    free(parent);
    free(target);
    return st;
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

void og_i_markup_text(og_buf *b, const char *s, int whitespace)
{
    const char *run = s ? s : "";
    for (const char *p = run; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        case '\r': rep = whitespace ? "&#13;" : NULL; break;
        case '\t': rep = whitespace ? "&#9;" : NULL; break;
        case '\n': rep = whitespace ? "&#10;" : NULL; break;
        default: break;
        }
        if (rep) {
            og_buf_append(b, run, (size_t)(p - run));
            og_buf_puts(b, rep);
            run = p + 1;
        }
    }
    og_buf_puts(b, run);
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

size_t og_i_utf8_cut(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t lead = n;
    while (lead > 0 && n - lead < 4 && (p[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return n;
    unsigned c = p[lead - 1];
    size_t want = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                : (c & 0xF8) == 0xF0 ? 4 : 1;
    return n - (lead - 1) < want ? lead - 1 : n;
}

void og_i_vformat_cut(char *out, size_t size, const char *fmt, va_list ap)
{
    int n = vsnprintf(out, size, fmt, ap);
    if (n < 0 || (size_t)n < size || size < 8)
        return;
    size_t keep = og_i_utf8_cut(out, size - 4);
    memcpy(out + keep, "...", 4);
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
