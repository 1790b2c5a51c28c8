#ifndef ARCHIVE_MINHASH_H
#define ARCHIVE_MINHASH_H
#include <stddef.h>
#include <stdint.h>

/// For each of the 128 hash functions h_i(x) = ((a[i] * x + b[i]) mod 2^64) >> 32,
/// with x each shingle folded to 32 bits, the smallest value over `count` shingles.
/// Uses AVX2 when the processor has it; every path returns the same numbers.
void archive_minhash128(const uint64_t *shingles, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out);

#endif
