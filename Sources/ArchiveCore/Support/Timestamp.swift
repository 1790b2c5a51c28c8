import Foundation

/// The current time as stored in the archive: UTC, ISO 8601, whole seconds.
func timestamp(_ date: Date = Date()) -> String {
    date.formatted(.iso8601)
}
