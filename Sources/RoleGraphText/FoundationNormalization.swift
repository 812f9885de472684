import Foundation

/// The fallback composer: Foundation's NFC on one small unit.
///
/// Correct for every script; only ever called on a unit (a starter and its combining
/// marks), so its super-linear behaviour on long decomposed text never shows.
enum FoundationNormalization {
    /// NFC of a short scalar sequence.
    /// - Complexity: one Foundation call; use per unit, never per text.
    static func nfc(_ scalars: [UInt32]) -> [UInt32] {
        var view = String.UnicodeScalarView()
        for v in scalars {
            if let s = Unicode.Scalar(v) { view.append(s) }
        }
        return String(view).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
    }

    /// NFC of a whole string; for reference checks in tests and tools, not for large input.
    static func nfc(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping
    }
}
