/*
 * CDigest: SHA-256 (FIPS 180-4) in C, for the `sha256` of each input in a report.
 *
 * On x86-64 processors with the SHA extensions the compression runs on them (chosen at run time
 * through CPUID); elsewhere it runs in portable C. Both give the same digest.
 */
#ifndef CDIGEST_H
#define CDIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

/// Writes the 32-byte SHA-256 of `bytes[0..<length]` into `digest`.
void pxdigest_sha256(const uint8_t *_Nullable bytes, size_t length, uint8_t digest[_Nonnull 32]);

/// The same digest from the portable C compression only: lets tests check one path against the other.
void pxdigest_sha256_portable(const uint8_t *_Nullable bytes, size_t length, uint8_t digest[_Nonnull 32]);

/// Whether `pxdigest_sha256` uses the processor's SHA extensions on this machine.
bool pxdigest_sha256_uses_cpu_extensions(void);

#pragma clang assume_nonnull end

#endif
