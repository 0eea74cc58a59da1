// Why this shim exists: pipe2 and posix_spawn_file_actions_addclosefrom_np are GNU extensions,
// declared only under _GNU_SOURCE, which Swift's Glibc module does not define. Exec plugin
// children need both: close-on-exec pipes made atomically (another thread may be spawning), and
// no inherited descriptor but their own three, and (addchdir_np) the config file's folder as
// their working directory.
#ifndef COPYDESK_SPAWN_SHIM_H
#define COPYDESK_SPAWN_SHIM_H

#include <spawn.h>

/// pipe(2) with O_CLOEXEC set atomically on both ends. Returns 0 or -1 (errno set).
int copydesk_pipe_cloexec(int fds[2]);

/// Adds "close every descriptor from `lowest` up" to the spawn actions, where the C library
/// supports it. Returns 0 when added, or an errno value.
int copydesk_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

/// Adds "change to `path`" to the spawn actions. Returns 0 when added, or an errno value
/// (ENOSYS where the C library cannot).
int copydesk_spawn_chdir(posix_spawn_file_actions_t *actions, const char *path);

#endif
