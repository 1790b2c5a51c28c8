// The system's decompression libraries (Debian: zlib1g-dev, libzstd-dev, liblzma-dev,
// libbz2-dev), read through one module: each is the reference decoder of its format.
#include <zlib.h>
#include <zstd.h>
#include <lzma.h>
#include <bzlib.h>
