/* crash-vfs.h -- for the tests: a VFS that sits on SQLite's default one
   ("unix") and keeps, beside the files themselves, what a disk would hold
   of each database, rollback journal and WAL file if the power went now:
   the file as of its last xSync, and the writes and truncations made
   since, which a power cut may drop, land, land in part or scramble. At a
   call chosen by number it cuts the power (saves those files as the disk
   would hold them into a directory, and fails every call after it: the
   process is dead) or fails that one call with an I/O error.

   The idea is that of SQLite's own crash tests (test6.c): a write is safe
   only once its file was synced. Deleting a file is taken to reach the
   disk at once, and whole (SQLite assumes deletion is atomic); a file
   changed by other means (renamed aside, replaced) is taken, when SQLite
   opens it next, to be on the disk as it then is. xSync never
   reaches the real disk: the test's files are temporary, and a real fsync
   would only make the test slow. */
#ifndef SAFEJOB_CRASH_VFS_H
#define SAFEJOB_CRASH_VFS_H

#include <stdbool.h>
#include <stddef.h>

/* What reaches the disk at a power cut of the writes and truncations made
   since each file's last sync. */
enum crash_tear
{
  CRASH_LOST,       /* none of them */
  CRASH_LANDED,     /* all of them, whole (the system wrote its cache out) */
  CRASH_TORN,       /* in order, but each file's last write only in part: its
                       first half, cut at a 512-byte sector boundary */
  CRASH_SCRAMBLED,  /* any of them, in any order: each 512-byte sector of a
                       write keeps its old bytes, gets the new ones or gets
                       garbage, and each truncation is done or not, from a seed */
  CRASH_TEARS
};

/* The I/O calls counted, on the files followed (database, journal, WAL). */
enum crash_call
{
  CALL_READ, CALL_WRITE, CALL_TRUNCATE, CALL_SYNC, CALL_SIZE, CALL_DELETE, CALL_KINDS
};

struct crash_plan
{
  /* The power is cut instead of this disk call (a write, truncation, sync
     or deletion, counted from 1 after crash_vfs_plan); 0: never. The files
     of DISK (a directory) are saved as the disk would hold them, torn as
     TEAR says (SEED for CRASH_SCRAMBLED), into IMAGES. */
  long crash_at;
  enum crash_tear tear;
  unsigned seed;
  const char *disk, *images;
  /* This I/O call (of any kind, counted from 1) fails; 0: none. With
     FAULT_RC, or with the call's own SQLITE_IOERR_ code when that is
     SQLITE_IOERR. STICKY: every later call of the same kind fails too, a
     full disk, until crash_vfs_plan or crash_vfs_reset. */
  long fault_at;
  int fault_rc;
  bool sticky;
};

/* Registers the VFS as "crash" on top of the default one, and makes it
   the default. Returns an SQLite result code. */
int crash_vfs_register (void);

/* Forgets what the disk holds and brings the power back (after a cut,
   every call failed): a file opened after this holds, on the disk, what it
   holds now. No file may be open. Counting stops. */
void crash_vfs_reset (void);

/* Counts calls from 0 again, cutting the power or failing a call as PLAN
   says (NULL: only counting). */
void crash_vfs_plan (const struct crash_plan *plan);

/* Whether the power was cut, and whether a fault was injected, since the
   plan was set. */
bool crash_vfs_crashed (void);
bool crash_vfs_faulted (void);

/* I/O calls, and of them disk calls, since the plan was set. */
long crash_vfs_io_calls (void);
long crash_vfs_disk_calls (void);

/* What I/O call N of the plan (from 1) was: "write stats.db-wal 4120@32". */
const char *crash_vfs_call (long n, char *buf, size_t size);

/* The kind of I/O call N, or CALL_KINDS when there was none. */
enum crash_call crash_vfs_call_kind (long n);

/* Saves the files of DISK into IMAGES as the disk would hold them after a
   power cut now, torn as TEAR and SEED say, without stopping anything.
   Returns 0, or -1 with errno set. */
int crash_vfs_power_cut (const char *disk, const char *images, enum crash_tear tear,
                         unsigned seed);

extern const char *const crash_call_names[CALL_KINDS];
extern const char *const crash_tear_names[CRASH_TEARS];

#endif /* SAFEJOB_CRASH_VFS_H */
