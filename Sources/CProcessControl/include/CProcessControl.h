#ifndef BEADS_C_PROCESS_CONTROL_H
#define BEADS_C_PROCESS_CONTROL_H

/// Makes the calling process the reaper of its orphaned descendants (Linux's
/// PR_SET_CHILD_SUBREAPER): a process that double-forks away from its parent is
/// re-parented here instead of to init, so it can still be found and ended.
/// prctl is variadic, which Swift cannot call; hence this one C function.
/// Returns 0, or -1 with errno set (ENOSYS where the system has no such thing).
int beads_become_child_subreaper(void);

#endif
