/*
 * libveilig's private utility layer (libveilig/util, as libgit2's src/util):
 * the growable buffer (buf.h), writing a file atomically (here) and escaping
 * (escape.h, on the library). This part: one writer for the library
 * (veilig_save_text, veilig_registry_save_file, the workbook writer) and the
 * tool (veilig -o); the Lua module reaches it through veilig_save_text.
 *
 * Nothing here allocates or touches the library's state (its allocator, its
 * error records), so that the tool can link it as well: the caller gives the
 * buffer for the temporary file's name, and turns the errno and the step
 * that failed into its own message. Not installed; nothing is exported.
 */
#ifndef VG_UTIL_ATOMIC_H
#define VG_UTIL_ATOMIC_H

#include <stddef.h>

/* Bytes the temporary file's name needs beyond strlen(path) (the NUL included). */
#define VG_ATOMIC_TMP_EXTRA 16

/*
 * Opens a new file next to path with a unique name ("<path>.tmp-<6 hex>",
 * created with O_EXCL and mode 0666 less the umask), its name written into
 * tmp (size bytes: at least strlen(path) + VG_ATOMIC_TMP_EXTRA). Returns the
 * descriptor, or -1 with errno (ENAMETOOLONG when tmp is too small).
 */
int vg_open_temp(char *tmp, size_t size, const char *path);

/* Writes all len bytes of data to fd (again after a short write or EINTR):
   0, or -1 with errno. */
int vg_write_all(int fd, const char *data, size_t len);

/* Flushes the folder of path to disk (after a rename into it); errors are ignored. */
void vg_sync_dir(const char *path);

/*
 * Writes data (len bytes) and then tail (tail_len bytes; NULL for none) to
 * path atomically: into a new temporary file in path's folder
 * (vg_open_temp, its name in tmp, tmp_size bytes), which gets the mode of
 * the file at path when there is one, is flushed (fsync), closed and
 * renamed over path; then path's folder is flushed. On failure the
 * temporary file is removed and path is untouched.
 *
 * With flags VG_ATOMIC_NO_SYNC neither the file nor the folder is flushed:
 * still all or nothing for readers (the rename), not for a crash; for many
 * files written at once (the pages of a website), where a flush per file
 * would cost more than the writing. Then a file that is not there yet is
 * written (on Linux) as an unnamed file of the folder (O_TMPFILE) linked in
 * when whole: one change of the folder instead of two.
 *
 * Returns 0, or the errno value of the step that failed, with *step (when
 * step is not NULL) set to what was being done, to go before the file's name
 * in a message: "create a temporary file next to" (the file: path), "set the
 * mode of", "write", "flush", "close" (the file: tmp), "rename over" (path).
 */
int vg_atomic_write(const char *path, char *tmp, size_t tmp_size, const char *data, size_t len,
                    const char *tail, size_t tail_len, unsigned flags, const char **step);

/* Flags of vg_atomic_write and vg_atomic_commit. */
#define VG_ATOMIC_NO_SYNC 1u

/*
 * The same a part at a time, for a file too large to hold whole in memory:
 * vg_atomic_open (the temporary file, with the mode of the file at path),
 * vg_atomic_put as often as needed, then vg_atomic_commit (flushed unless
 * VG_ATOMIC_NO_SYNC, closed, renamed over path) or vg_atomic_abort (closed
 * and removed; path untouched). path and tmp must outlive f. Each returns 0
 * or the errno value with *step as vg_atomic_write's; a failed open, put or
 * commit has removed the temporary file already (vg_atomic_abort then does
 * nothing).
 */
typedef struct vg_atomic_file {
    int fd; /* -1 once closed */
    const char *path;
    char *tmp;
} vg_atomic_file;

int vg_atomic_open(vg_atomic_file *f, const char *path, char *tmp, size_t tmp_size,
                   const char **step);
int vg_atomic_put(vg_atomic_file *f, const char *data, size_t len, const char **step);
/* As vg_atomic_put with the whole content of the file src (from its start;
   its offset is left as it was): a part made elsewhere (*step "read the part
   to copy into" when src cannot be read). */
int vg_atomic_put_fd(vg_atomic_file *f, int src, const char **step);
int vg_atomic_commit(vg_atomic_file *f, unsigned flags, const char **step);
void vg_atomic_abort(vg_atomic_file *f);

/*
 * A file begun now and finished later (a website's page whose last part
 * waits for the rest of the document): vg_atomic_suspend closes the
 * temporary file and keeps it (its name stays in f->tmp);
 * vg_atomic_resume opens it again to write on at its end (then put, commit
 * or abort as above); vg_atomic_discard removes a suspended file. A failed
 * suspend or resume removes the temporary file.
 */
int vg_atomic_suspend(vg_atomic_file *f, const char **step);
int vg_atomic_resume(vg_atomic_file *f, const char **step);
void vg_atomic_discard(vg_atomic_file *f);

#endif
