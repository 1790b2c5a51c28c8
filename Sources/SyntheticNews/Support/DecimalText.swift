/// Numbers with a fixed count of decimals, written without Foundation's formatters, whose
/// output may depend on the locale: test data and reports must be the same everywhere.
public enum DecimalText {
    public static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let fraction = String(String(scaled % scale + scale).dropFirst())
        return "\(sign)\(scaled / scale).\(fraction)"
    }

    /// `98,214`: thousands separated by commas, as English news writes them.
    public static func thousands(_ value: Int) -> String {
        guard value >= 1000 || value <= -1000 else { return String(value) }
        return thousands(value / 1000) + "," + String(String(abs(value % 1000) + 1000).dropFirst())
    }
}
