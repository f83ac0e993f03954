#ifndef PARALLAX_CALLOCATOR_H
#define PARALLAX_CALLOCATOR_H

#include <stddef.h>

/// Fixes the C library allocator's threshold for large blocks at `threshold` bytes for the rest
/// of the process: a block of that size or more that the heap has no free room for gets a
/// mapping of its own, returned to the system when the block is freed, instead of growing the
/// heap.
///
/// glibc raises that threshold by itself each time a mapped block is freed (up to 32 MB), so the
/// large arrays a pipeline makes and lets go of, stage after stage, come to grow the heap, where
/// freed space is kept rather than returned: the process's peak resident memory then holds
/// arrays long dead. A fixed threshold stops the raising. Returns 1 when the allocator took the
/// setting, 0 where it has no such setting (a C library other than glibc).
int parallax_allocator_map_large_blocks(size_t threshold);

/// 1 where the setting above exists: glibc's allocator, not a sanitizer's in its place.
int parallax_allocator_has_threshold(void);

#endif
