/// Somewhere bytes can be appended: an array, or an output sink's buffer. The encoders
/// write into either, so one implementation serves strings and streamed exports.
public protocol ByteAppending {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeRawBufferPointer)
}

extension Array: ByteAppending where Element == UInt8 {}

extension ByteAppending {
    mutating func append(bytes: [UInt8]) {
        bytes.withUnsafeBytes { append(contentsOf: $0) }
    }
}
