extension Duration {
    /// The duration as a number of seconds, for APIs that take one (SQLite's busy
    /// timeout, NSCondition's deadlines) and for printing.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
