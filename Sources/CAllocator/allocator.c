#include "CAllocator.h"

#include <stdlib.h>

// glibc's allocator, unless a sanitizer has put its own in its place (its mallopt does nothing).
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define PARALLAX_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PARALLAX_SANITIZED 1
#endif
#if defined(__GLIBC__) && !defined(PARALLAX_SANITIZED)
#define PARALLAX_GLIBC_MALLOC 1
#include <limits.h>
#include <malloc.h>
#endif

int parallax_allocator_has_threshold(void) {
#if defined(PARALLAX_GLIBC_MALLOC)
    return 1;
#else
    return 0;
#endif
}

int parallax_allocator_map_large_blocks(size_t threshold) {
#if defined(PARALLAX_GLIBC_MALLOC)
    if (threshold > INT_MAX) return 0;
    return mallopt(M_MMAP_THRESHOLD, (int)threshold) == 1 ? 1 : 0;
#else
    (void)threshold;
    return 0;
#endif
}
