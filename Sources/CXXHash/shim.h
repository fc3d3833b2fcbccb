// XXH3 from Debian's libxxhash-dev, compiled inline into the caller: nothing to link, so the
// static binary carries it too.
#define XXH_INLINE_ALL
#include <xxhash.h>

/// XXH3's 128-bit digest under a name Swift sees (XXH_INLINE_ALL renames the library's own
/// functions with macros, which Swift does not import).
static inline XXH128_hash_t caitien_xxh3_128(const void *data, size_t length) {
    return XXH3_128bits(data, length);
}
