import Foundation

/// A rule set's test bits by item features (``ItemFeatures``), learnt from the streams it has read and
/// shared by every copy of the rule set and every thread: the features a rule set's tests tell apart are
/// few (34 over the dev articles), so after the first documents a stream runs no test at all (a stream
/// has some 20, and running the tests on them cost some 3 000 instructions each).
final class TestMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [UInt64: [UInt64]] = [:]
    /// ``table`` as streams read it, made anew when it learns (after the first documents, seldom).
    private var current = Table(words: 1, entries: [:])
    /// Entries beyond this are not kept (a hostile stream cannot grow the memo without bound).
    private let limit = 1 << 16

    /// The memo as it is now (immutable, read without the lock).
    func snapshot() -> Table {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Adds the test bits (`words` words each) of features a stream has met.
    func learn(_ entries: [UInt64: [UInt64]], words: Int) {
        lock.lock()
        defer { lock.unlock() }
        for (key, bits) in entries where table.count < limit { table[key] = bits }
        current = Table(words: words, entries: table)
    }

    /// The memo's entries in an open-addressing table: a stream looks up each features it meets first,
    /// and a look-up is a multiply and a few loads where a dictionary's hashes the key (some 400
    /// instructions a look-up with the copy of its array).
    final class Table: Sendable {
        private let words: Int
        private let mask: Int
        /// `.max`: an empty slot (no packed features are `.max`: the literal class field is never all ones).
        private let keys: [UInt64]
        private let bits: [UInt64]

        init(words: Int, entries: [UInt64: [UInt64]]) {
            var size = 8
            while size < 2 * entries.count { size *= 2 }
            let mask = size - 1
            var keys = [UInt64](repeating: .max, count: size)
            var bits = [UInt64](repeating: 0, count: size * words)
            for (key, passed) in entries {
                var slot = Self.slot(key, mask)
                while keys[slot] != .max { slot = (slot + 1) & mask }
                keys[slot] = key
                for word in 0..<words { bits[slot * words + word] = passed[word] }
            }
            self.words = words
            self.mask = mask
            self.keys = keys
            self.bits = bits
        }

        @inline(__always)
        private static func slot(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }

        /// Copies the test bits of the features `key` to `target` when the table has them.
        func copy(_ key: UInt64, to target: UnsafeMutablePointer<UInt64>) -> Bool {
            var slot = Self.slot(key, mask)
            while true {
                let known = keys[slot]
                if known == key {
                    for word in 0..<words { target[word] = bits[slot &* words &+ word] }
                    return true
                }
                if known == .max { return false }
                slot = (slot &+ 1) & mask
            }
        }
    }
}


/// The test bits of a stream's features: a direct-mapped cache of the stream's own in front of the rule
/// set's memo (``TestMemo``); features that neither knows run the tests (``FeatureTests``), and are
/// handed to the memo at the end of the stream.
struct TestCache {
    let words: Int
    static let slots = 64
    /// The cache's slots, in the stream's memory (``RuleStream``): per slot its key (`.max`: empty) and
    /// `words` words of bits.
    private let keys: UnsafeMutablePointer<UInt64>
    private let bits: UnsafeMutablePointer<UInt64>
    private let memo: TestMemo
    private let known: TestMemo.Table
    private var learned: [UInt64: [UInt64]] = [:]

    init(words: Int, memo: TestMemo, keys: UnsafeMutablePointer<UInt64>, bits: UnsafeMutablePointer<UInt64>) {
        self.words = words
        self.memo = memo
        self.keys = keys
        self.bits = bits
        known = memo.snapshot()
    }

    /// The test bits of the features `key` (`words` words, valid until the next call).
    @inline(__always)
    mutating func bits(of key: UInt64, _ features: ItemFeatures) -> UnsafePointer<UInt64> {
        let index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if keys[index] != key { fill(index, key, features) }
        return UnsafePointer(bits + index &* words)
    }

    /// Copies the test bits of the features `key` to `target` (`words` words).
    @inline(__always)
    mutating func copy(_ key: UInt64, to target: UnsafeMutablePointer<UInt64>, _ features: ItemFeatures) {
        let slot = bits(of: key, features)
        for word in 0..<words { target[word] = slot[word] }
    }

    /// Puts the features `key` in slot `index`, from the memo or by running the tests.
    @inline(never)
    private mutating func fill(_ index: Int, _ key: UInt64, _ features: ItemFeatures) {
        keys[index] = key
        let slot = bits + index * words
        if known.copy(key, to: slot) { return }
        if let memo = learned[key] {
            for word in 0..<words { slot[word] = memo[word] }
        } else {
            slot.initialize(repeating: 0, count: words)
            features.featureTests.passed(key, into: slot)
            learned[key] = Array(UnsafeBufferPointer(start: slot, count: words))
        }
    }

    /// Hands the features learnt to the rule set's memo.
    func commit() {
        if !learned.isEmpty { memo.learn(learned, words: words) }
    }
}
