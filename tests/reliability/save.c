/*
 * No data loss on save (issue 8.8): a save that fails part-way leaves the
 * old file byte-identical and no temporary file behind, and says why.
 *
 *  1. In a forked child whose file size limit (RLIMIT_FSIZE) is below the
 *     document's size and which ignores SIGXFSZ, write() fails with EFBIG
 *     part-way through the temporary file. Limits: 0 bytes, one page, one
 *     byte short of the document.
 *  2. A save into a full file system: a small tmpfs mounted in a user and
 *     mount namespace of a child (no privileges needed where the kernel
 *     allows unprivileged user namespaces; skipped otherwise), filled up but
 *     for a few kilobytes, so that the write fails with ENOSPC.
 *
 * Afterwards a save that can succeed does, and writes the dump.
 * Usage: reliability_save DIR (a scratch folder is made in it and removed)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "veilig.h"

#define SKIP 77

static int failures;
static veilig_registry *reg;
static char *dump;
static size_t dump_len;

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
fail(const char *fmt, ...);

static void fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("reliability_save: FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

static const char old_text[] = "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": [], "
                               "\"x_note\": \"the old file, which a failed save must keep\"}\n";

static int write_file(const char *path, const char *data, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(data, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

/* 1 when the file at path holds exactly data. */
static int holds(const char *path, const char *data, size_t len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char *buf = malloc(len + 2);
    size_t n = buf ? fread(buf, 1, len + 1, f) : 0;
    fclose(f);
    int same = buf && n == len && memcmp(buf, data, len) == 0;
    free(buf);
    return same;
}

/* The names in dir other than skip, joined with ' '. */
static void listing(char *out, size_t size, const char *dir, const char *skip) {
    out[0] = '\0';
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
            (skip && strcmp(e->d_name, skip) == 0))
            continue;
        if (out[0])
            strncat(out, " ", size - strlen(out) - 1);
        strncat(out, e->d_name, size - strlen(out) - 1);
    }
    closedir(d);
}

/* Checks, after a save to dir/name that had to fail: the error, the old file, no temporary
   file. Returns 0 when all is well. */
static int check_failed_save(const char *what, int rc, const veilig_error *err, const char *dir,
                             const char *name, const char *skip, const char *reason) {
    char path[4096], names[1024];
    int bad = 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (rc != VEILIG_EIO) {
        fail("%s: save gave %s, expected %s", what, veilig_strerror(rc),
             veilig_strerror(VEILIG_EIO));
        bad = 1;
    } else if (!strstr(err->message, reason) || !strstr(err->message, "untouched")) {
        fail("%s: the message \"%s\" does not say \"%s\"", what, err->message, reason);
        bad = 1;
    }
    if (!holds(path, old_text, sizeof old_text - 1)) {
        fail("%s: the old file is not byte-identical afterwards", what);
        bad = 1;
    }
    listing(names, sizeof names, dir, skip);
    if (strcmp(names, name) != 0) {
        fail("%s: the folder holds \"%s\", expected only \"%s\"", what, names, name);
        bad = 1;
    }
    if (!bad)
        printf("  %-44s %s: %s\n", what, veilig_strerror(rc), err->message);
    return bad;
}

/* ---- 1. a file size limit ---- */

static void save_with_fsize_limit(const char *dir, rlim_t limit) {
    char path[4096], what[128];
    snprintf(path, sizeof path, "%s/doc.json", dir);
    snprintf(what, sizeof what, "file size limit %lu of %zu bytes", (unsigned long)limit, dump_len);
    if (write_file(path, old_text, sizeof old_text - 1) != 0) {
        fail("%s: cannot write %s", what, path);
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        fail("fork: %s", strerror(errno));
        return;
    }
    if (pid == 0) {
        struct rlimit rl = {limit, limit};
        signal(SIGXFSZ, SIG_IGN);
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0) {
            perror("setrlimit");
            _exit(2);
        }
        veilig_error err;
        int rc = veilig_registry_save_file(reg, path, NULL, &err);
        int bad = check_failed_save(what, rc, &err, dir, "doc.json", NULL, strerror(EFBIG));
        fflush(stdout);
        _exit(bad);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        fail("%s: the child did not exit normally (status 0x%x)", what, status);
        return;
    }
    if (WEXITSTATUS(status) != 0) {
        failures++;
        return;
    }
    /* and checked again from outside */
    char names[1024];
    listing(names, sizeof names, dir, NULL);
    if (!holds(path, old_text, sizeof old_text - 1) || strcmp(names, "doc.json") != 0)
        fail("%s: the parent sees \"%s\" and another old file", what, names);
}

/* ---- 2. a full file system ---- */

static int write_proc(const char *path, const char *text) {
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* In the child: a namespace with a small tmpfs at dir. Returns 0, or SKIP. */
static int mount_small_tmpfs(const char *dir) {
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
        printf("  full file system: SKIPPED: no user namespace (%s)\n", strerror(errno));
        return SKIP;
    }
    char map[64];
    write_proc("/proc/self/setgroups", "deny");
    snprintf(map, sizeof map, "0 %lu 1\n", (unsigned long)uid);
    if (write_proc("/proc/self/uid_map", map) != 0) {
        printf("  full file system: SKIPPED: cannot map the user (%s)\n", strerror(errno));
        return SKIP;
    }
    snprintf(map, sizeof map, "0 %lu 1\n", (unsigned long)gid);
    write_proc("/proc/self/gid_map", map);
    if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
        mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=256k,mode=0700") != 0) {
        printf("  full file system: SKIPPED: cannot mount a tmpfs (%s)\n", strerror(errno));
        return SKIP;
    }
    return 0;
}

/* Fills the file system of dir up but for about `room` bytes, with dir/filler. */
static int fill(const char *dir, size_t room) {
    char path[4096];
    snprintf(path, sizeof path, "%s/filler", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    static char block[4096];
    memset(block, 'f', sizeof block);
    off_t size = 0;
    for (;;) {
        ssize_t n = write(fd, block, sizeof block);
        if (n <= 0)
            break;
        size += n;
    }
    int full = errno == ENOSPC;
    off_t keep = size > (off_t)room ? size - (off_t)room : 0;
    int rc = full && ftruncate(fd, keep) == 0 ? 0 : -1;
    close(fd);
    return rc;
}

static int full_filesystem_child(const char *dir) {
    int rc = mount_small_tmpfs(dir);
    if (rc)
        return rc;
    char path[4096];
    snprintf(path, sizeof path, "%s/doc.json", dir);
    const size_t room = 8192; /* two pages: the temporary file starts, and runs out */
    if (write_file(path, old_text, sizeof old_text - 1) != 0 || fill(dir, room) != 0) {
        fail("full file system: cannot set up the tmpfs: %s", strerror(errno));
        return 1;
    }
    veilig_error err;
    rc = veilig_registry_save_file(reg, path, NULL, &err);
    char what[128];
    snprintf(what, sizeof what, "full file system (%zu bytes free)", room);
    return check_failed_save(what, rc, &err, dir, "doc.json", "filler", strerror(ENOSPC));
}

static void save_into_full_filesystem(const char *scratch) {
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/tmpfs", scratch);
    if (mkdir(dir, 0700) != 0) {
        fail("mkdir %s: %s", dir, strerror(errno));
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int rc = full_filesystem_child(dir);
        fflush(stdout);
        _exit(rc);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        fail("full file system: the child did not exit normally (status 0x%x)", status);
    else if (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != SKIP)
        failures++;
    rmdir(dir);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: reliability_save DIR\n");
        return 2;
    }
    veilig_error err;
    if (veilig_registry_load_builtin(&reg, &err) != VEILIG_OK ||
        veilig_registry_dump(&dump, &dump_len, reg, NULL, &err) != VEILIG_OK) {
        fprintf(stderr, "reliability_save: the bundled dataset: %s\n", err.message);
        return 1;
    }
    char scratch[1024];
    snprintf(scratch, sizeof scratch, "%s/reliability-save-XXXXXX", argv[1]);
    if (!mkdtemp(scratch)) {
        perror(scratch);
        return 1;
    }

    printf("a write that fails part-way (RLIMIT_FSIZE, EFBIG):\n");
    save_with_fsize_limit(scratch, 0);
    save_with_fsize_limit(scratch, 4096);
    save_with_fsize_limit(scratch, (rlim_t)dump_len - 1);

    printf("a full file system (ENOSPC):\n");
    save_into_full_filesystem(scratch);

    /* and a save that can succeed does */
    char path[4096];
    snprintf(path, sizeof path, "%s/doc.json", scratch);
    if (veilig_registry_save_file(reg, path, NULL, &err) != VEILIG_OK)
        fail("a save without limits: %s", err.message);
    else if (!holds(path, dump, dump_len))
        fail("a save without limits does not write the dump");
    unlink(path);
    if (rmdir(scratch) != 0)
        fail("%s is not empty afterwards: %s", scratch, strerror(errno));

    veilig_free(dump);
    veilig_registry_free(reg);
    printf("reliability_save: %s\n", failures ? "FAILED" : "passed");
    return failures ? 1 : 0;
}
