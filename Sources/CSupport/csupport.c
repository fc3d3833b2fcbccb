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
