import CAllocator

/// How the process's allocator treats large blocks. The command-line tool sets it once at start;
/// a program that uses the library chooses for its own process.
///
/// glibc gives a block of 128 KB or more a mapping of its own (returned to the system when freed)
/// when its heap has no room for it, but raises that threshold each time such a block is freed
/// (up to 32 MB). A pipeline that makes and lets go of large arrays stage after stage then grows
/// its heap for its later arrays, and freed heap space is kept: on a sentence of 100,000 numbers
/// the peak resident memory held about 9 MB of arrays long dead (76 MB against 68 MB with the
/// threshold fixed; see Benchmarks/README.md, "Memory on small hostile shapes, again").
public enum AllocatorPolicy {
    /// Blocks of this many bytes or more are mapped on their own (when the heap has no free room
    /// for them): glibc's initial threshold.
    public static let largeBlock = 128 << 10

    /// Whether the allocator has such a threshold: glibc's, not a sanitizer's in its place.
    public static var isAvailable: Bool { parallax_allocator_has_threshold() == 1 }

    /// Fixes the threshold at ``largeBlock`` for the rest of the process. Returns whether the
    /// allocator took it (false with a C library that has no such setting).
    @discardableResult
    public static func returnLargeBlocksWhenFreed() -> Bool {
        parallax_allocator_map_large_blocks(largeBlock) == 1
    }
}
