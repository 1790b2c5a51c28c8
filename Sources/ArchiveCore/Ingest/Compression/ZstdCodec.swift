import CCompression

/// libzstd's streaming decoder. Frames one after another (and skippable frames) are
/// one stream to it.
final class ZstdCodec: StreamCodec {
    private let context: OpaquePointer

    init() {
        context = ZSTD_createDCtx()
    }

    deinit {
        ZSTD_freeDCtx(context)
    }

    func reset() {
        ZSTD_DCtx_reset(context, ZSTD_reset_session_only)
    }

    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, inputEnds: Bool) -> CodecStep {
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var target = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        let result = ZSTD_decompressStream(context, &target, &source)
        if ZSTD_isError(result) != 0 {
            return CodecStep(consumed: source.pos, produced: target.pos, state: .corrupt(String(cString: ZSTD_getErrorName(result))))
        }
        // 0: a frame is complete and flushed.
        return CodecStep(consumed: source.pos, produced: target.pos, state: result == 0 ? .memberEnd : .working)
    }
}
