/// Full-width forms of ASCII letters and digits (`５Ｇ`, `２０２４`), which CJK dumps
/// mix with the ordinary ones: the archive must find one with the other.
enum FullWidth {
    /// `text` with every ASCII letter and digit in its full-width form (`5` U+0035 -> `５` U+FF15).
    static func of(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isAlphanumeric = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            scalars.append(isAlphanumeric ? Unicode.Scalar(value - 0x20 + 0xFF00)! : scalar)
        }
        return String(scalars)
    }
}
