/// Bytes read in pieces from somewhere: a file, standard input, a decoder over another
/// stream, or a member of a bundle. `ByteSource` reads dumps through one.
///
/// Streams are used by one thread at a time (the reader thread of an import, or the
/// writer before and after it); none of them is shared while in use.
protocol ByteStream: AnyObject {
    /// Copies up to `buffer.count` bytes into `buffer` and returns how many; 0 only at
    /// the end. Damaged input throws, after every byte before the damage was returned.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int
}

extension ByteStream {
    /// Reads into `array[range]`; returns how many bytes came (0 only at the end).
    func read(into array: inout [UInt8], _ range: Range<Int>) throws(ReadError) -> Int {
        var result = Result<Int, ReadError>.success(0)
        array.withUnsafeMutableBytes { bytes in
            result = Result { () throws(ReadError) -> Int in try read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[range])) }
        }
        return try result.get()
    }

    /// Reads and drops `count` bytes (fewer if the stream ends first); returns how many.
    func skip(_ count: Int64) throws(ReadError) -> Int64 {
        var left = count
        var scratch = [UInt8](repeating: 0, count: Int(min(count, 1 << 20)))
        while left > 0 {
            let wanted = Int(min(left, Int64(scratch.count)))
            let got = try read(into: &scratch, 0..<wanted)
            if got == 0 { break }
            left -= Int64(got)
        }
        return count - left
    }
}
