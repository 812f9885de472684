/// The ids of numbered things in a document (`m1`, `p3`, `o12`, `l2`): a prefix and a number.
///
/// The ids of the first numbers are built once per process and shared by every document. Each is a small
/// string (at most 15 bytes live inline), so handing one out is a copy of two words; building one cost some
/// 400 instructions by interpolation (about 2 M over dev+seed for mentions and entities), half that by
/// concatenation.
struct NumberedIDs: Sendable {
    let prefix: String
    private let prebuilt: [String]

    /// The 1 800 prebuilt ids are written byte by byte into each string's own storage: concatenating
    /// `String(number)` cost some 480 instructions an id (0.8 M a process).
    init(prefix: String, prebuilt count: Int) {
        self.prefix = prefix
        let head = Array(prefix.utf8)
        self.prebuilt = (0..<count).map { number in
            var digits = 1
            var rest = number / 10
            while rest > 0 { digits += 1; rest /= 10 }
            return String(unsafeUninitializedCapacity: head.count + digits) { bytes in
                var end = bytes.initialize(fromContentsOf: head) + digits
                let length = end
                var rest = number
                repeat {
                    end -= 1
                    bytes[end] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                } while rest > 0
                return length
            }
        }
    }

    /// `prefix` followed by the number in decimal.
    subscript(number: Int) -> String {
        number >= 0 && number < prebuilt.count ? prebuilt[number] : prefix + String(number)
    }

    /// A long article has a few hundred mentions and fewer entities of each kind; beyond these the ids are built.
    static let mention = NumberedIDs(prefix: "m", prebuilt: 1024)
    static let person = NumberedIDs(prefix: "p", prebuilt: 256)
    static let organization = NumberedIDs(prefix: "o", prebuilt: 256)
    static let location = NumberedIDs(prefix: "l", prebuilt: 256)
}
