#include "minhash.h"

#if defined(__x86_64__)
#include <immintrin.h>

/* Eight functions at a time in two 256-bit registers; a 64x32-bit product is two
   32x32-bit multiplies. Values stay below 2^32, so a signed compare orders them. */
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
            m0 = _mm256_blendv_epi8(m0, h0, _mm256_cmpgt_epi64(m0, h0));
            m1 = _mm256_blendv_epi8(m1, h1, _mm256_cmpgt_epi64(m1, h1));
        }
        uint64_t lanes[8];
        _mm256_storeu_si256((__m256i *)lanes, m0);
        _mm256_storeu_si256((__m256i *)(lanes + 4), m1);
        for (int j = 0; j < 8; j++) out[block + j] = (uint32_t)lanes[j];
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

void archive_minhash128(const uint64_t *shingles, size_t count, const uint64_t *a, const uint64_t *b, uint32_t *out) {
    uint32_t stack[2048];
    uint32_t *folded = stack;
    size_t done = 0;
    uint32_t partial[128];
    for (int i = 0; i < 128; i++) out[i] = 0xFFFFFFFFu;
    /* In slices of 2048, so no allocation is needed however long the text. */
    while (done < count) {
        size_t n = count - done < 2048 ? count - done : 2048;
        for (size_t k = 0; k < n; k++) {
            uint64_t s = shingles[done + k];
            folded[k] = (uint32_t)(s ^ (s >> 32));
        }
#if defined(__x86_64__)
        if (__builtin_cpu_supports("avx2")) {
            minhash128_avx2(folded, n, a, b, partial);
        } else {
            minhash128_scalar(folded, n, a, b, partial);
        }
#else
        minhash128_scalar(folded, n, a, b, partial);
#endif
        for (int i = 0; i < 128; i++) if (partial[i] < out[i]) out[i] = partial[i];
        done += n;
    }
}
