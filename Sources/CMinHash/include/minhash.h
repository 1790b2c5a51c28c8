#ifndef ARCHIVE_MINHASH_H
#define ARCHIVE_MINHASH_H
#include <stddef.h>
#include <stdint.h>

/// For each of the 128 hash functions h_i(x) = ((a[i] * x + b[i]) mod 2^64) >> 32,
/// with x each shingle folded to 32 bits, the smallest value over `count` shingles.
/// Uses AVX-512 or AVX2 when the processor has them; every path returns the same numbers.
void archive_minhash128(const uint64_t *shingles, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out);

/// The same with one path chosen by its vector width in bits (0: plain C, 256: AVX2,
/// 512: AVX-512), for tests that check each path the machine has. Returns 0, leaving
/// `out` untouched, when the processor lacks that path.
int archive_minhash128_with(int vector_bits, const uint64_t *shingles, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out);

#endif
