#include "CAllocator.h"

#include <stdlib.h>

#if defined(__GLIBC__)
#include <limits.h>
#include <malloc.h>
#endif

int parallax_allocator_map_large_blocks(size_t threshold) {
#if defined(__GLIBC__)
    if (threshold > INT_MAX) return 0;
    return mallopt(M_MMAP_THRESHOLD, (int)threshold) == 1 ? 1 : 0;
#else
    (void)threshold;
    return 0;
#endif
}

int parallax_allocator_is_mapped(const void *block) {
#if defined(__GLIBC__)
    // glibc keeps a chunk's size in the word before the block, with IS_MMAPPED (0x2) among its
    // low bits.
    return block != NULL && (((const size_t *)block)[-1] & 0x2) != 0;
#else
    (void)block;
    return 0;
#endif
}
