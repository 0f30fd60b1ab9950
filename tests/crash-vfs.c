/* crash-vfs.c -- a VFS that knows what the disk would hold after a power
   cut, and can cut the power or fail a call (crash-vfs.h). */
#include <config.h>
#include "crash-vfs.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SECTOR = 512 };

const char *const crash_call_names[CALL_KINDS] = {
  "read", "write", "truncate", "sync", "size", "delete",
};
const char *const crash_tear_names[CRASH_TEARS] = {
  "lost", "landed", "torn", "scrambled",
};

/* A write or truncation not yet synced. */
struct pending
{
  bool truncate;
  sqlite3_int64 offset;       /* a truncation: the new size */
  size_t size;
  unsigned char *data;
};

/* A file as the disk holds it: its bytes as of the last sync, and what
   was done to it since. */
struct disk_file
{
  char *path;
  bool exists;
  int open;                   /* handles open on it */
  unsigned char *bytes;
  size_t size, capacity;
  struct pending *pending;
  size_t pending_count, pending_capacity;
  struct disk_file *next;
};

/* An open file: the real one follows this struct. */
struct crash_file
{
  sqlite3_file base;
  struct disk_file *disk;     /* NULL: a file not followed (a temporary one) */
  sqlite3_file *real;
};

/* An I/O call, for crash_vfs_call. */
struct call
{
  enum crash_call kind;
  const char *name;           /* the file's base name, in its disk_file */
  sqlite3_int64 offset, size;
};

static sqlite3_vfs *real_vfs;
static sqlite3_vfs crash_vfs;
static struct disk_file *files;
static bool dead;             /* the power was cut: every call fails */
static bool planned, faulted;
static struct crash_plan plan;
static enum crash_call fault_kind;
static long io_calls, disk_calls;
static struct call *calls;
static size_t call_capacity;

static void *
xrealloc (void *p, size_t size)
{
  p = realloc (p, size ? size : 1);
  if (!p)
    {
      fputs ("crash-vfs: out of memory\n", stderr);
      abort ();
    }
  return p;
}

/* --- The disk ------------------------------------------------------------ */

static const char *
base_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? slash + 1 : path;
}

static void
forget_pending (struct disk_file *f)
{
  for (size_t i = 0; i < f->pending_count; i++)
    free (f->pending[i].data);
  f->pending_count = 0;
}

static void
set_size (unsigned char **bytes, size_t *size, size_t *capacity, size_t new_size)
{
  if (new_size > *capacity)
    {
      *capacity = new_size * 2;
      *bytes = xrealloc (*bytes, *capacity);
    }
  if (new_size > *size)
    memset (*bytes + *size, 0, new_size - *size);
  *size = new_size;
}

/* Puts SIZE bytes of DATA at OFFSET of BYTES, growing it with zeros. */
static void
put (unsigned char **bytes, size_t *size, size_t *capacity, sqlite3_int64 offset,
     const unsigned char *data, size_t n)
{
  size_t end = (size_t) offset + n;
  if (end > *size)
    set_size (bytes, size, capacity, end);
  memcpy (*bytes + offset, data, n);
}

static void
apply (unsigned char **bytes, size_t *size, size_t *capacity, const struct pending *p)
{
  if (p->truncate)
    set_size (bytes, size, capacity, (size_t) p->offset);
  else
    put (bytes, size, capacity, p->offset, p->data, p->size);
}

static void
add_pending (struct disk_file *f, bool truncate, sqlite3_int64 offset, const void *data,
             size_t size)
{
  if (f->pending_count == f->pending_capacity)
    {
      f->pending_capacity = f->pending_capacity ? 2 * f->pending_capacity : 16;
      f->pending = xrealloc (f->pending, f->pending_capacity * sizeof *f->pending);
    }
  struct pending *p = &f->pending[f->pending_count++];
  p->truncate = truncate;
  p->offset = offset;
  p->size = size;
  p->data = NULL;
  if (!truncate)
    {
      p->data = xrealloc (NULL, size);
      memcpy (p->data, data, size);
    }
}

/* A sync: what was pending is on the disk. */
static void
sync_file (struct disk_file *f)
{
  for (size_t i = 0; i < f->pending_count; i++)
    apply (&f->bytes, &f->size, &f->capacity, &f->pending[i]);
  forget_pending (f);
}

static struct disk_file *
find_file (const char *path)
{
  for (struct disk_file *f = files; f; f = f->next)
    if (strcmp (f->path, path) == 0)
      return f;
  return NULL;
}

static unsigned
next_random (unsigned *state)
{
  /* xorshift32: the same garbage for the same seed. */
  unsigned x = *state ? *state : 0x9e3779b9u;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

/* The bytes of F on the disk after a power cut torn as TEAR. Returns the
   size; *OUT is to be freed. */
static size_t
torn_image (const struct disk_file *f, enum crash_tear tear, unsigned *state,
            unsigned char **out)
{
  unsigned char *bytes = NULL;
  size_t size = 0, capacity = 0, last_write = f->pending_count;

  set_size (&bytes, &size, &capacity, f->size);
  if (f->size)
    memcpy (bytes, f->bytes, f->size);
  for (size_t i = 0; i < f->pending_count; i++)
    if (!f->pending[i].truncate)
      last_write = i;
  for (size_t i = 0; i < f->pending_count; i++)
    {
      const struct pending *p = &f->pending[i];
      switch (tear)
        {
        case CRASH_LOST:
          break;
        case CRASH_LANDED:
          apply (&bytes, &size, &capacity, p);
          break;
        case CRASH_TORN:
          if (i < last_write)
            apply (&bytes, &size, &capacity, p);
          else if (i == last_write)
            {
              /* Its first half, up to a sector boundary of the file when
                 there is one in it. */
              sqlite3_int64 cut = p->offset + (sqlite3_int64) p->size / 2;
              if (cut / SECTOR * SECTOR > p->offset)
                cut = cut / SECTOR * SECTOR;
              put (&bytes, &size, &capacity, p->offset, p->data, (size_t) (cut - p->offset));
            }
          break;
        case CRASH_SCRAMBLED:
        default:
          if (p->truncate)
            {
              if (next_random (state) % 2)
                apply (&bytes, &size, &capacity, p);
              break;
            }
          for (sqlite3_int64 at = p->offset; at < p->offset + (sqlite3_int64) p->size;)
            {
              sqlite3_int64 end = (at / SECTOR + 1) * SECTOR;
              if (end > p->offset + (sqlite3_int64) p->size)
                end = p->offset + (sqlite3_int64) p->size;
              switch (next_random (state) % 3)
                {
                case 0:         /* the old bytes */
                  break;
                case 1:         /* the new ones */
                  put (&bytes, &size, &capacity, at, p->data + (at - p->offset),
                       (size_t) (end - at));
                  break;
                default:        /* garbage */
                  {
                    unsigned char junk[SECTOR];
                    for (sqlite3_int64 k = 0; k < end - at; k++)
                      junk[k] = (unsigned char) next_random (state);
                    put (&bytes, &size, &capacity, at, junk, (size_t) (end - at));
                  }
                  break;
                }
              at = end;
            }
          break;
        }
    }
  *out = bytes;
  return size;
}

/* Whether the file REAL holds other bytes than F would after its pending
   writes: it was changed, or replaced, by other means than this VFS (the
   program renames a damaged database aside). */
static bool
changed_behind (const struct disk_file *f, sqlite3_file *real)
{
  unsigned char *bytes, *now;
  unsigned state = 0;
  sqlite3_int64 real_size = 0;
  size_t size = torn_image (f, CRASH_LANDED, &state, &bytes);
  bool changed = real->pMethods->xFileSize (real, &real_size) != SQLITE_OK
                 || (size_t) real_size != size;
  if (!changed && size)
    {
      now = xrealloc (NULL, size);
      changed = real->pMethods->xRead (real, now, (int) size, 0) != SQLITE_OK
                || memcmp (now, bytes, size) != 0;
      free (now);
    }
  free (bytes);
  return changed;
}

/* The file at PATH, just opened as REAL: on the disk it holds what it
   holds now, unless the disk knew it already (and nothing else changed
   it since). */
static struct disk_file *
follow (const char *path, sqlite3_file *real)
{
  struct disk_file *f = find_file (path);
  if (f && f->exists && !f->open && changed_behind (f, real))
    f->exists = false;
  if (!f)
    {
      f = xrealloc (NULL, sizeof *f);
      memset (f, 0, sizeof *f);
      f->path = xrealloc (NULL, strlen (path) + 1);
      strcpy (f->path, path);
      f->next = files;
      files = f;
    }
  if (!f->exists)
    {
      sqlite3_int64 size = 0;
      f->exists = true;
      f->size = 0;
      forget_pending (f);
      if (real->pMethods->xFileSize (real, &size) == SQLITE_OK && size > 0)
        {
          set_size (&f->bytes, &f->size, &f->capacity, (size_t) size);
          if (real->pMethods->xRead (real, f->bytes, (int) size, 0) != SQLITE_OK)
            {
              fprintf (stderr, "crash-vfs: cannot read %s\n", path);
              abort ();
            }
        }
    }
  f->open++;
  return f;
}

/* Whether PATH is a file directly in directory DIR. */
static bool
in_dir (const char *path, const char *dir)
{
  size_t n = strlen (dir);
  return strncmp (path, dir, n) == 0 && path[n] == '/' && !strchr (path + n + 1, '/');
}

int
crash_vfs_power_cut (const char *disk, const char *images, enum crash_tear tear, unsigned seed)
{
  unsigned state = seed;
  for (const struct disk_file *f = files; f; f = f->next)
    {
      if (!f->exists || !in_dir (f->path, disk))
        continue;
      char path[4096];
      unsigned char *bytes;
      size_t size = torn_image (f, tear, &state, &bytes);
      snprintf (path, sizeof path, "%s/%s", images, base_name (f->path));
      int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
      bool written = fd >= 0 && write (fd, bytes, size) == (ssize_t) size;
      free (bytes);
      if (fd >= 0 && close (fd) != 0)
        written = false;
      if (!written)
        return -1;
    }
  return 0;
}

/* --- Counting, faults and the power cut ---------------------------------- */

static int
error_of (enum crash_call kind)
{
  static const int codes[CALL_KINDS] = {
    SQLITE_IOERR_READ, SQLITE_IOERR_WRITE, SQLITE_IOERR_TRUNCATE, SQLITE_IOERR_FSYNC,
    SQLITE_IOERR_FSTAT, SQLITE_IOERR_DELETE,
  };
  return codes[kind];
}

/* Fails a call with RC, errno set as the system would have set it
   (SQLite keeps it, for sqlite3_system_errno). */
static int
failed (int rc)
{
  errno = (rc & 0xff) == SQLITE_FULL ? ENOSPC : EIO;
  return rc;
}

/* Counts an I/O call of KIND on F; returns SQLITE_OK for it to go on, or
   the error it fails with. */
static int
io_call (enum crash_call kind, const struct disk_file *f, sqlite3_int64 offset,
         sqlite3_int64 size)
{
  if (dead)
    return failed (error_of (kind));
  if (!planned)
    return SQLITE_OK;
  if ((size_t) io_calls == call_capacity)
    {
      call_capacity = call_capacity ? 2 * call_capacity : 256;
      calls = xrealloc (calls, call_capacity * sizeof *calls);
    }
  calls[io_calls++] = (struct call) { kind, base_name (f->path), offset, size };
  if (io_calls == plan.fault_at || (faulted && plan.sticky && kind == fault_kind))
    {
      faulted = true;
      fault_kind = kind;
      return failed (plan.fault_rc == SQLITE_IOERR ? error_of (kind) : plan.fault_rc);
    }
  if (kind == CALL_WRITE || kind == CALL_TRUNCATE || kind == CALL_SYNC || kind == CALL_DELETE)
    {
      disk_calls++;
      if (disk_calls == plan.crash_at)
        {
          if (crash_vfs_power_cut (plan.disk, plan.images, plan.tear, plan.seed) != 0)
            {
              perror ("crash-vfs: cannot save the disk");
              abort ();
            }
          dead = true;
          return failed (error_of (kind));
        }
    }
  return SQLITE_OK;
}

/* --- The file methods ---------------------------------------------------- */

static sqlite3_file *
real_of (sqlite3_file *file)
{
  return ((struct crash_file *) file)->real;
}

static int
crash_close (sqlite3_file *file)
{
  struct crash_file *cf = (struct crash_file *) file;
  if (cf->disk)
    cf->disk->open--;
  return cf->real->pMethods->xClose (cf->real);
}

static int
crash_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  struct crash_file *cf = (struct crash_file *) file;
  int rc = cf->disk ? io_call (CALL_READ, cf->disk, offset, amount) : SQLITE_OK;
  return rc ? rc : cf->real->pMethods->xRead (cf->real, buf, amount, offset);
}

static int
crash_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  struct crash_file *cf = (struct crash_file *) file;
  int rc = cf->disk ? io_call (CALL_WRITE, cf->disk, offset, amount) : SQLITE_OK;
  if (rc == SQLITE_OK)
    rc = cf->real->pMethods->xWrite (cf->real, buf, amount, offset);
  if (rc == SQLITE_OK && cf->disk)
    add_pending (cf->disk, false, offset, buf, (size_t) amount);
  return rc;
}

static int
crash_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  struct crash_file *cf = (struct crash_file *) file;
  int rc = cf->disk ? io_call (CALL_TRUNCATE, cf->disk, size, 0) : SQLITE_OK;
  if (rc == SQLITE_OK)
    rc = cf->real->pMethods->xTruncate (cf->real, size);
  if (rc == SQLITE_OK && cf->disk)
    add_pending (cf->disk, true, size, NULL, 0);
  return rc;
}

static int
crash_sync (sqlite3_file *file, int flags)
{
  struct crash_file *cf = (struct crash_file *) file;
  (void) flags;
  int rc = cf->disk ? io_call (CALL_SYNC, cf->disk, 0, 0) : SQLITE_OK;
  if (rc == SQLITE_OK && cf->disk)
    sync_file (cf->disk);
  return rc;
}

static int
crash_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  struct crash_file *cf = (struct crash_file *) file;
  int rc = cf->disk ? io_call (CALL_SIZE, cf->disk, 0, 0) : SQLITE_OK;
  return rc ? rc : cf->real->pMethods->xFileSize (cf->real, size);
}

static int
crash_lock (sqlite3_file *file, int level)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xLock (real, level);
}

static int
crash_unlock (sqlite3_file *file, int level)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xUnlock (real, level);
}

static int
crash_check_reserved_lock (sqlite3_file *file, int *out)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xCheckReservedLock (real, out);
}

static int
crash_file_control (sqlite3_file *file, int op, void *arg)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xFileControl (real, op, arg);
}

static int
crash_sector_size (sqlite3_file *file)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xSectorSize (real);
}

static int
crash_device_characteristics (sqlite3_file *file)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xDeviceCharacteristics (real);
}

static int
crash_shm_map (sqlite3_file *file, int page, int page_size, int extend, void volatile **out)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xShmMap (real, page, page_size, extend, out);
}

static int
crash_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xShmLock (real, offset, n, flags);
}

static void
crash_shm_barrier (sqlite3_file *file)
{
  sqlite3_file *real = real_of (file);
  real->pMethods->xShmBarrier (real);
}

static int
crash_shm_unmap (sqlite3_file *file, int delete_flag)
{
  sqlite3_file *real = real_of (file);
  return real->pMethods->xShmUnmap (real, delete_flag);
}

/* Version 2: the shared memory of WAL mode, and no xFetch, so that SQLite
   reads the files through xRead, which is counted, never through mmap. */
static const sqlite3_io_methods crash_methods = {
  .iVersion = 2,
  .xClose = crash_close,
  .xRead = crash_read,
  .xWrite = crash_write,
  .xTruncate = crash_truncate,
  .xSync = crash_sync,
  .xFileSize = crash_file_size,
  .xLock = crash_lock,
  .xUnlock = crash_unlock,
  .xCheckReservedLock = crash_check_reserved_lock,
  .xFileControl = crash_file_control,
  .xSectorSize = crash_sector_size,
  .xDeviceCharacteristics = crash_device_characteristics,
  .xShmMap = crash_shm_map,
  .xShmLock = crash_shm_lock,
  .xShmBarrier = crash_shm_barrier,
  .xShmUnmap = crash_shm_unmap,
};

/* --- The VFS methods ----------------------------------------------------- */

static int
crash_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  struct crash_file *cf = (struct crash_file *) file;
  bool followed = name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL
                                    | SQLITE_OPEN_WAL | SQLITE_OPEN_SUPER_JOURNAL));
  (void) vfs;
  memset (cf, 0, sizeof *cf);
  cf->real = (sqlite3_file *) (cf + 1);
  if (followed && dead)
    return failed (SQLITE_CANTOPEN);
  int rc = real_vfs->xOpen (real_vfs, name, cf->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      if (cf->real->pMethods)
        cf->real->pMethods->xClose (cf->real);
      return rc;
    }
  if (followed)
    cf->disk = follow (name, cf->real);
  cf->base.pMethods = &crash_methods;
  return SQLITE_OK;
}

static int
crash_delete (sqlite3_vfs *vfs, const char *path, int dir_sync)
{
  struct disk_file *f = find_file (path);
  (void) vfs;
  if (f && f->exists)
    {
      int rc = io_call (CALL_DELETE, f, 0, 0);
      if (rc != SQLITE_OK)
        return rc;
    }
  int rc = real_vfs->xDelete (real_vfs, path, dir_sync);
  if (rc == SQLITE_OK && f)
    {
      f->exists = false;
      f->size = 0;
      forget_pending (f);
    }
  return rc;
}

static int
crash_access (sqlite3_vfs *vfs, const char *path, int flags, int *out)
{
  (void) vfs;
  return real_vfs->xAccess (real_vfs, path, flags, out);
}

static int
crash_full_pathname (sqlite3_vfs *vfs, const char *path, int size, char *out)
{
  (void) vfs;
  return real_vfs->xFullPathname (real_vfs, path, size, out);
}

static void *
crash_dl_open (sqlite3_vfs *vfs, const char *path)
{
  (void) vfs;
  return real_vfs->xDlOpen (real_vfs, path);
}

static void
crash_dl_error (sqlite3_vfs *vfs, int size, char *out)
{
  (void) vfs;
  real_vfs->xDlError (real_vfs, size, out);
}

static void (*crash_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  (void) vfs;
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
crash_dl_close (sqlite3_vfs *vfs, void *handle)
{
  (void) vfs;
  real_vfs->xDlClose (real_vfs, handle);
}

static int
crash_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  (void) vfs;
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
crash_sleep (sqlite3_vfs *vfs, int microseconds)
{
  (void) vfs;
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
crash_current_time (sqlite3_vfs *vfs, double *out)
{
  (void) vfs;
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
crash_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  (void) vfs;
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
crash_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  (void) vfs;
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

int
crash_vfs_register (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  if (!real_vfs || real_vfs->iVersion < 2)
    return SQLITE_ERROR;
  crash_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (struct crash_file) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "crash",
    .xOpen = crash_open,
    .xDelete = crash_delete,
    .xAccess = crash_access,
    .xFullPathname = crash_full_pathname,
    .xDlOpen = crash_dl_open,
    .xDlError = crash_dl_error,
    .xDlSym = crash_dl_sym,
    .xDlClose = crash_dl_close,
    .xRandomness = crash_randomness,
    .xSleep = crash_sleep,
    .xCurrentTime = crash_current_time,
    .xGetLastError = crash_get_last_error,
    .xCurrentTimeInt64 = crash_current_time_int64,
  };
  return sqlite3_vfs_register (&crash_vfs, 1);
}

/* --- Plans ----------------------------------------------------------------- */

void
crash_vfs_reset (void)
{
  while (files)
    {
      struct disk_file *f = files;
      if (f->open)
        {
          fprintf (stderr, "crash-vfs: reset with %s open\n", f->path);
          abort ();
        }
      files = f->next;
      forget_pending (f);
      free (f->pending);
      free (f->bytes);
      free (f->path);
      free (f);
    }
  dead = planned = faulted = false;
  io_calls = disk_calls = 0;
}

void
crash_vfs_plan (const struct crash_plan *p)
{
  static const struct crash_plan none;
  plan = p ? *p : none;
  planned = true;
  faulted = false;
  io_calls = disk_calls = 0;
}

bool
crash_vfs_crashed (void)
{
  return dead;
}

bool
crash_vfs_faulted (void)
{
  return faulted;
}

long
crash_vfs_io_calls (void)
{
  return io_calls;
}

long
crash_vfs_disk_calls (void)
{
  return disk_calls;
}

enum crash_call
crash_vfs_call_kind (long n)
{
  return n >= 1 && n <= io_calls ? calls[n - 1].kind : CALL_KINDS;
}

const char *
crash_vfs_call (long n, char *buf, size_t size)
{
  if (n < 1 || n > io_calls)
    snprintf (buf, size, "none");
  else
    {
      const struct call *c = &calls[n - 1];
      switch (c->kind)
        {
        case CALL_READ:
        case CALL_WRITE:
          snprintf (buf, size, "%s %s %lld@%lld", crash_call_names[c->kind], c->name,
                    (long long) c->size, (long long) c->offset);
          break;
        case CALL_TRUNCATE:
          snprintf (buf, size, "truncate %s to %lld", c->name, (long long) c->offset);
          break;
        default:
          snprintf (buf, size, "%s %s", crash_call_names[c->kind], c->name);
          break;
        }
    }
  return buf;
}
