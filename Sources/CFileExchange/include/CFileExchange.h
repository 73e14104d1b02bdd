#ifndef BEADS_C_FILE_EXCHANGE_H
#define BEADS_C_FILE_EXCHANGE_H

/// Swaps two paths in one step (Linux's renameat2 with RENAME_EXCHANGE): both must exist.
/// The store replaces issues.jsonl this way so that it can see what it replaced, and put
/// back a file a `git pull` wrote in the instant before. glibc declares renameat2 only
/// under _GNU_SOURCE, which Swift's Glibc module does not see; hence this C function.
/// Returns 0, or -1 with errno set (ENOSYS or EINVAL where the system or the file system
/// cannot do it).
int beads_rename_exchange(const char *from, const char *to);

#endif
