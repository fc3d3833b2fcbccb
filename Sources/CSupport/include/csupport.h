#ifndef CAITIEN_CSUPPORT_H
#define CAITIEN_CSUPPORT_H
/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE). Returns 0, or -1 with errno.
int caitien_exchange(const char *a, const char *b);
#endif
