/* libveilig's private utility layer: writing a file atomically (atomic.h). */
#define _GNU_SOURCE /* O_TMPFILE (Linux) */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int vg_write_all(int fd, const char *data, size_t len) {
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Makes a new file by a name next to path that no file has
   ("<path>.tmp-<6 hex>", its name in tmp), by make(name, ctx), which
   returns 0 or -1 with errno (EEXIST: the name is taken, another is
   tried). Returns make's 0 or -1 with errno. */
static int vg_temp_name(char *tmp, size_t size, const char *path,
                        int (*make)(const char *name, void *ctx), void *ctx) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned long seed =
        (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^ (unsigned long)(uintptr_t)tmp;
    for (int attempt = 0; attempt < 100; attempt++) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        int n = snprintf(tmp, size, "%s.tmp-%06lx", path, (seed >> 20) & 0xfffffful);
        if (n < 0 || (size_t)n >= size) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int rc = make(tmp, ctx);
        if (rc == 0 || errno != EEXIST)
            return rc;
    }
    return -1;
}

/* vg_temp_name's make for vg_open_temp: a new empty file, its descriptor in
 *(int *)ctx. */
static int vg_make_empty(const char *name, void *ctx) {
    int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    *(int *)ctx = fd;
    return fd >= 0 ? 0 : -1;
}

int vg_open_temp(char *tmp, size_t size, const char *path) {
    int fd = -1;
    return vg_temp_name(tmp, size, path, vg_make_empty, &fd) == 0 ? fd : -1;
}

void vg_sync_dir(const char *path) {
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    int fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd); /* some file systems refuse: the rename happened all the same */
        close(fd);
    }
}

int vg_atomic_open(vg_atomic_file *f, const char *path, char *tmp, size_t tmp_size,
                   const char **step) {
    f->path = path;
    f->tmp = tmp;
    f->fd = vg_open_temp(tmp, tmp_size, path);
    if (f->fd < 0) {
        if (step)
            *step = "create a temporary file next to";
        return errno ? errno : EIO;
    }
    struct stat st;
    if (stat(path, &st) == 0 && fchmod(f->fd, st.st_mode & 07777) != 0) {
        int e = errno;
        vg_atomic_abort(f);
        if (step)
            *step = "set the mode of";
        return e ? e : EIO;
    }
    return 0;
}

int vg_atomic_put(vg_atomic_file *f, const char *data, size_t len, const char **step) {
    if (vg_write_all(f->fd, data, len) == 0)
        return 0;
    int e = errno;
    vg_atomic_abort(f);
    if (step)
        *step = "write";
    return e ? e : EIO;
}

int vg_atomic_put_fd(vg_atomic_file *f, int src, const char **step) {
    char buf[64 * 1024]; /* (nothing here allocates) */
    int e = 0;
    const char *what = "write";
    for (off_t at = 0; !e;) {
        ssize_t n = pread(src, buf, sizeof buf, at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            e = errno ? errno : EIO;
            what = "read the part to copy into";
        } else if (n == 0) {
            break;
        } else if (vg_write_all(f->fd, buf, (size_t)n) != 0) {
            e = errno ? errno : EIO;
        }
        at += n > 0 ? n : 0;
    }
    if (e) {
        vg_atomic_abort(f);
        if (step)
            *step = what;
    }
    return e;
}

void vg_atomic_abort(vg_atomic_file *f) {
    if (f->fd < 0)
        return;
    close(f->fd);
    unlink(f->tmp);
    f->fd = -1;
}

int vg_atomic_suspend(vg_atomic_file *f, const char **step) {
    int e = close(f->fd) == 0 ? 0 : errno ? errno : EIO;
    f->fd = -1;
    if (e) {
        unlink(f->tmp);
        if (step)
            *step = "close";
    }
    return e;
}

int vg_atomic_resume(vg_atomic_file *f, const char **step) {
    do
        f->fd = open(f->tmp, O_WRONLY | O_APPEND | O_CLOEXEC);
    while (f->fd < 0 && errno == EINTR);
    if (f->fd >= 0)
        return 0;
    int e = errno ? errno : EIO;
    unlink(f->tmp);
    if (step)
        *step = "open again";
    return e;
}

void vg_atomic_discard(vg_atomic_file *f) {
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    unlink(f->tmp);
}

int vg_atomic_commit(vg_atomic_file *f, unsigned flags, const char **step) {
    const char *failed = NULL;
    if (!(flags & VG_ATOMIC_NO_SYNC) && fsync(f->fd) != 0)
        failed = "flush";
    int saved = errno;
    if (close(f->fd) != 0 && !failed) {
        saved = errno;
        failed = "close";
    }
    f->fd = -1;
    if (!failed && rename(f->tmp, f->path) != 0) {
        saved = errno;
        failed = "rename over";
    }
    if (failed) {
        unlink(f->tmp);
        if (step)
            *step = failed;
        return saved ? saved : EIO;
    }
    if (!(flags & VG_ATOMIC_NO_SYNC))
        vg_sync_dir(f->path);
    return 0;
}

/* vg_temp_name's make for vg_atomic_write_unnamed: a link to the file
   named by ctx (/proc/self/fd/N). */
static int vg_make_link(const char *name, void *ctx) {
    return linkat(AT_FDCWD, (const char *)ctx, AT_FDCWD, name, AT_SYMLINK_FOLLOW);
}

/* Writes path as vg_atomic_write does, without flushes, through an unnamed
   file of its folder (O_TMPFILE) linked in when whole: one change of the
   folder instead of two for a new file (a temporary name, then the rename);
   a file that is there is replaced as usual (the unnamed file linked by a
   temporary name, with its mode, and renamed over it). 1 when done; 0 when
   the system cannot (no O_TMPFILE, no /proc) or a step failed: then path is
   as it was and the caller writes as usual, which says what fails. tmp
   (tmp_size bytes) as vg_atomic_write's. */
static int vg_atomic_write_unnamed(const char *path, char *tmp, size_t tmp_size, const char *data,
                                   size_t len, const char *tail, size_t tail_len) {
#if defined(__linux__) && defined(O_TMPFILE)
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) : 0;
    if (dir_len + 2 > tmp_size)
        return 0;
    if (slash) {
        memcpy(tmp, path, dir_len ? dir_len : 1);
        tmp[dir_len ? dir_len : 1] = '\0';
    } else {
        memcpy(tmp, ".", 2);
    }
    int fd;
    do
        fd = open(tmp, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return 0;
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    int done = 0;
    if (vg_write_all(fd, data, len) == 0 && (!tail || vg_write_all(fd, tail, tail_len) == 0)) {
        if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0) {
            done = 1;
        } else if (errno == EEXIST) {
            struct stat st;
            if (stat(path, &st) == 0 && fchmod(fd, st.st_mode & 07777) == 0 &&
                vg_temp_name(tmp, tmp_size, path, vg_make_link, proc) == 0) {
                done = rename(tmp, path) == 0;
                if (!done)
                    unlink(tmp);
            }
        }
    }
    close(fd); /* (linked: its bytes are the folder's whatever close says) */
    return done;
#else
    (void)path, (void)tmp, (void)tmp_size, (void)data, (void)len, (void)tail, (void)tail_len;
    return 0;
#endif
}

int vg_atomic_write(const char *path, char *tmp, size_t tmp_size, const char *data, size_t len,
                    const char *tail, size_t tail_len, unsigned flags, const char **step) {
    if ((flags & VG_ATOMIC_NO_SYNC) &&
        vg_atomic_write_unnamed(path, tmp, tmp_size, data, len, tail, tail_len))
        return 0;
    vg_atomic_file f;
    int e = vg_atomic_open(&f, path, tmp, tmp_size, step);
    if (!e)
        e = vg_atomic_put(&f, data, len, step);
    if (!e && tail)
        e = vg_atomic_put(&f, tail, tail_len, step);
    if (!e)
        e = vg_atomic_commit(&f, flags, step);
    return e;
}
