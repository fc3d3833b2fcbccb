#ifndef CAITIEN_CSUPPORT_H
#define CAITIEN_CSUPPORT_H
/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE). Returns 0, or -1 with errno.
int caitien_exchange(const char *a, const char *b);
#endif

/// Caps glibc's malloc arenas at two: parsing on every core otherwise leaves one arena of freed
/// memory per thread, which doubled the peak memory of a 100,000-record build.
void caitien_limit_malloc_arenas(void);
/// Returns freed memory to the system (after parsing, before rendering).
void caitien_trim_memory(void);
/// A pipe whose two ends close on exec (pipe2 O_CLOEXEC), so a process started meanwhile on
/// another thread never inherits them. Returns 0, or -1 with errno.
int caitien_pipe(int fds[2]);
/// A TCP socket that closes on exec (a process started by another thread never inherits it).
/// Returns the descriptor, or -1 with errno.
int caitien_socket_tcp(void);
/// accept4 with close-on-exec. Returns the descriptor, or -1 with errno.
int caitien_accept(int listener);
/// Ctrl-C and SIGTERM write one byte to `write_fd` (from a plain signal handler, whichever
/// thread the signal lands on) instead of ending the process; -1 gives them back their default.
/// Returns 0, or -1 with errno.
int caitien_stop_on_signals(int write_fd);
/// The version and commit `scripts/build-release` compiles in (-DCAITIEN_VERSION, -DCAITIEN_COMMIT);
/// "dev" and "unknown" in an ordinary build.
const char *caitien_build_version(void);
const char *caitien_build_commit(void);
