#define _GNU_SOURCE
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "csupport.h"

int caitien_exchange(const char *a, const char *b) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#ifdef __GLIBC__
#include <malloc.h>
void caitien_limit_malloc_arenas(void) { mallopt(M_ARENA_MAX, 2); }
void caitien_trim_memory(void) { malloc_trim(0); }
#else
void caitien_limit_malloc_arenas(void) {}
void caitien_trim_memory(void) {}
#endif

#include <unistd.h>
int caitien_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

#include <sys/socket.h>
int caitien_socket_tcp(void) { return socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0); }
int caitien_accept(int listener) { return accept4(listener, NULL, NULL, SOCK_CLOEXEC); }

#include <signal.h>
#include <string.h>
#include <unistd.h>
static volatile sig_atomic_t caitien_stop_fd = -1;
static void caitien_on_stop_signal(int number) {
    (void)number;
    int saved = errno;  /* the interrupted code may be about to read errno */
    int fd = caitien_stop_fd;
    if (fd >= 0) { char byte = 1; ssize_t written = write(fd, &byte, 1); (void)written; }
    errno = saved;
}
int caitien_stop_on_signals(int write_fd) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = write_fd >= 0 ? caitien_on_stop_signal : SIG_DFL;
    action.sa_flags = SA_RESTART;
    caitien_stop_fd = write_fd;
    if (sigaction(SIGINT, &action, NULL) != 0 || sigaction(SIGTERM, &action, NULL) != 0) return -1;
    /* The signals may have been blocked by whoever started this thread. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL) == 0 ? 0 : -1;
}

#ifndef CAITIEN_VERSION
#define CAITIEN_VERSION "dev"
#endif
#ifndef CAITIEN_COMMIT
#define CAITIEN_COMMIT "unknown"
#endif
const char *caitien_build_version(void) { return CAITIEN_VERSION; }
const char *caitien_build_commit(void) { return CAITIEN_COMMIT; }
