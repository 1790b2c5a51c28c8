import Foundation

/// A bar chart as inline SVG (no script, no external file): one bar per label, the
/// value written beside or above it. Every label is text, escaped like any other.
enum BarChart {
    /// Vertical bars over time (articles per month): labels under every nth bar.
    static func columns(_ values: [(label: String, count: Int)], id: String, width: Int = 760, height: Int = 220) -> HTML {
        guard let highest = values.map(\.count).max(), highest > 0 else { return "<p>No dated articles.</p>" }
        let plotHeight = Double(height - 40)
        let step = min(48, Double(width - 20) / Double(values.count))
        let labelEvery = max(1, Int((40.0 / step).rounded(.up)))
        var parts: [HTML] = []
        for (index, value) in values.enumerated() {
            let barHeight = plotHeight * Double(value.count) / Double(highest)
            let x = 10 + Double(index) * step
            let y = 10 + plotHeight - barHeight
            parts.append("""
                <rect x="\(format(x))" y="\(format(y))" width="\(format(max(1, step * 0.8)))" height="\(format(barHeight))" fill="#4a7fb0"><title>\(value.label): \(value.count)</title></rect>
                """)
            if index % labelEvery == 0 {
                parts.append("<text x=\"\(format(x))\" y=\"\(height - 12)\">\(value.label)</text>")
            }
        }
        parts.append("<text x=\"10\" y=\"10\">\(highest)</text>")
        return """
            <svg id="\(id)" role="img" aria-label="bar chart" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" xmlns="http://www.w3.org/2000/svg">\(parts.joined())</svg>
            """
    }

    /// Horizontal bars with their labels (top tags).
    static func rows(_ values: [(label: String, count: Int)], id: String, width: Int = 560) -> HTML {
        guard let highest = values.map(\.count).max(), highest > 0 else { return "<p>No tags.</p>" }
        let rowHeight = 22
        let labelWidth = 180.0
        let barSpace = Double(width) - labelWidth - 60
        var parts: [HTML] = []
        for (index, value) in values.enumerated() {
            let y = index * rowHeight
            let length = max(1, barSpace * Double(value.count) / Double(highest))
            parts.append("""
                <text x="0" y="\(y + 15)">\(String(value.label.prefix(28)))</text>\
                <rect x="\(format(labelWidth))" y="\(y + 4)" width="\(format(length))" height="14" fill="#4a7fb0"></rect>\
                <text x="\(format(labelWidth + length + 6))" y="\(y + 15)">\(value.count)</text>
                """)
        }
        let height = values.count * rowHeight + 4
        return """
            <svg id="\(id)" role="img" aria-label="bar chart" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" xmlns="http://www.w3.org/2000/svg">\(parts.joined())</svg>
            """
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
