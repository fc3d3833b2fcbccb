#define _GNU_SOURCE
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

#ifndef CAITIEN_VERSION
#define CAITIEN_VERSION "dev"
#endif
#ifndef CAITIEN_COMMIT
#define CAITIEN_COMMIT "unknown"
#endif
const char *caitien_build_version(void) { return CAITIEN_VERSION; }
const char *caitien_build_commit(void) { return CAITIEN_COMMIT; }
