import CCompression

/// libbz2's decoder; streams one after another (parallel compressors write them) are
/// started anew by `reset`.
final class Bzip2Codec: StreamCodec {
    private let stream = UnsafeMutablePointer<bz_stream>.allocate(capacity: 1)

    init() {
        stream.initialize(to: bz_stream())
        BZ2_bzDecompressInit(stream, 0, 0)
    }

    deinit {
        BZ2_bzDecompressEnd(stream)
        stream.deallocate()
    }

    func reset() {
        BZ2_bzDecompressEnd(stream)
        stream.pointee = bz_stream()
        BZ2_bzDecompressInit(stream, 0, 0)
    }

    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, inputEnds: Bool) -> CodecStep {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: CChar.self))
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: CChar.self)
        stream.pointee.avail_out = UInt32(output.count)
        let result = BZ2_bzDecompress(stream)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch result {
        case BZ_OK:
            return CodecStep(consumed: consumed, produced: produced, state: .working)
        case BZ_STREAM_END:
            return CodecStep(consumed: consumed, produced: produced, state: .memberEnd)
        case BZ_DATA_ERROR_MAGIC:
            return CodecStep(consumed: consumed, produced: produced, state: .corrupt("not a bzip2 stream"))
        default:
            return CodecStep(consumed: consumed, produced: produced, state: .corrupt("damaged data (libbz2 \(result))"))
        }
    }
}
