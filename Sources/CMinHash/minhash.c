#include "minhash.h"

#if defined(__x86_64__)
#include <immintrin.h>

/* Eight functions at a time in two 256-bit registers; a 64x32-bit product is two
   32x32-bit multiplies. Each value sits in the low half of its 64-bit lane with zero
   above it, so an unsigned 32-bit minimum of the lanes keeps the smaller value (one
   instruction where a 64-bit compare and a blend took two). */
__attribute__((target("avx2")))
static void minhash128_avx2(const uint32_t *folded, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out) {
    for (int block = 0; block < 128; block += 8) {
        __m256i lo0 = _mm256_loadu_si256((const __m256i *)(a + block));
        __m256i lo1 = _mm256_loadu_si256((const __m256i *)(a + block + 4));
        __m256i hi0 = _mm256_srli_epi64(lo0, 32), hi1 = _mm256_srli_epi64(lo1, 32);
        __m256i b0 = _mm256_loadu_si256((const __m256i *)(b + block));
        __m256i b1 = _mm256_loadu_si256((const __m256i *)(b + block + 4));
        __m256i m0 = _mm256_set1_epi64x(0xFFFFFFFFLL), m1 = m0;
        for (size_t k = 0; k < count; k++) {
            __m256i x = _mm256_set1_epi64x(folded[k]);
            __m256i h0 = _mm256_add_epi64(_mm256_mul_epu32(lo0, x), _mm256_slli_epi64(_mm256_mul_epu32(hi0, x), 32));
            __m256i h1 = _mm256_add_epi64(_mm256_mul_epu32(lo1, x), _mm256_slli_epi64(_mm256_mul_epu32(hi1, x), 32));
            h0 = _mm256_srli_epi64(_mm256_add_epi64(h0, b0), 32);
            h1 = _mm256_srli_epi64(_mm256_add_epi64(h1, b1), 32);
            m0 = _mm256_min_epu32(m0, h0);
            m1 = _mm256_min_epu32(m1, h1);
        }
        uint64_t lanes[8];
        _mm256_storeu_si256((__m256i *)lanes, m0);
        _mm256_storeu_si256((__m256i *)(lanes + 4), m1);
        for (int j = 0; j < 8; j++) out[block + j] = (uint32_t)lanes[j];
    }
}

/* Where the processor multiplies 64-bit lanes (AVX-512 DQ), the product is one
   instruction: 32 functions at a time in four 512-bit registers. */
__attribute__((target("avx512f,avx512dq")))
static void minhash128_avx512(const uint32_t *folded, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out) {
    for (int block = 0; block < 128; block += 32) {
        __m512i a0 = _mm512_loadu_si512(a + block), a1 = _mm512_loadu_si512(a + block + 8);
        __m512i a2 = _mm512_loadu_si512(a + block + 16), a3 = _mm512_loadu_si512(a + block + 24);
        __m512i b0 = _mm512_loadu_si512(b + block), b1 = _mm512_loadu_si512(b + block + 8);
        __m512i b2 = _mm512_loadu_si512(b + block + 16), b3 = _mm512_loadu_si512(b + block + 24);
        __m512i m0 = _mm512_set1_epi64(0xFFFFFFFFLL), m1 = m0, m2 = m0, m3 = m0;
        for (size_t k = 0; k < count; k++) {
            __m512i x = _mm512_set1_epi64(folded[k]);
            m0 = _mm512_min_epu64(m0, _mm512_srli_epi64(_mm512_add_epi64(_mm512_mullo_epi64(a0, x), b0), 32));
            m1 = _mm512_min_epu64(m1, _mm512_srli_epi64(_mm512_add_epi64(_mm512_mullo_epi64(a1, x), b1), 32));
            m2 = _mm512_min_epu64(m2, _mm512_srli_epi64(_mm512_add_epi64(_mm512_mullo_epi64(a2, x), b2), 32));
            m3 = _mm512_min_epu64(m3, _mm512_srli_epi64(_mm512_add_epi64(_mm512_mullo_epi64(a3, x), b3), 32));
        }
        uint64_t lanes[32];
        _mm512_storeu_si512(lanes, m0);
        _mm512_storeu_si512(lanes + 8, m1);
        _mm512_storeu_si512(lanes + 16, m2);
        _mm512_storeu_si512(lanes + 24, m3);
        for (int j = 0; j < 32; j++) out[block + j] = (uint32_t)lanes[j];
    }
}
#endif

static void minhash128_scalar(const uint32_t *folded, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out) {
    for (int i = 0; i < 128; i++) out[i] = 0xFFFFFFFFu;
    for (size_t k = 0; k < count; k++) {
        uint64_t x = folded[k];
        for (int i = 0; i < 128; i++) {
            uint32_t h = (uint32_t)((a[i] * x + b[i]) >> 32);
            if (h < out[i]) out[i] = h;
        }
    }
}

typedef void (*minhash_kernel)(const uint32_t *, size_t, const uint64_t *, const uint64_t *, uint32_t *);

static minhash_kernel kernel_for(int vector_bits) {
    switch (vector_bits) {
    case 0: return minhash128_scalar;
#if defined(__x86_64__)
    case 256: return __builtin_cpu_supports("avx2") ? minhash128_avx2 : 0;
    case 512: return __builtin_cpu_supports("avx512dq") ? minhash128_avx512 : 0;
#endif
    default: return 0;
    }
}

int archive_minhash128_with(int vector_bits, const uint64_t *shingles, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out) {
    minhash_kernel kernel = kernel_for(vector_bits);
    if (!kernel) return 0;
    uint32_t folded[2048];
    uint32_t partial[128];
    size_t done = 0;
    for (int i = 0; i < 128; i++) out[i] = 0xFFFFFFFFu;
    /* In slices of 2048, so no allocation is needed however long the text. */
    while (done < count) {
        size_t n = count - done < 2048 ? count - done : 2048;
        for (size_t k = 0; k < n; k++) {
            uint64_t s = shingles[done + k];
            folded[k] = (uint32_t)(s ^ (s >> 32));
        }
        kernel(folded, n, a, b, partial);
        for (int i = 0; i < 128; i++) if (partial[i] < out[i]) out[i] = partial[i];
        done += n;
    }
    return 1;
}

void archive_minhash128(const uint64_t *shingles, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out) {
    if (archive_minhash128_with(512, shingles, count, a, b, out)) return;
    if (archive_minhash128_with(256, shingles, count, a, b, out)) return;
    archive_minhash128_with(0, shingles, count, a, b, out);
}
