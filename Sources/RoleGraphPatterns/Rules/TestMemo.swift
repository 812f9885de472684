import Foundation

/// A rule set's test bits by item features (``ItemFeatures``), learnt from the streams it has read and
/// shared by every copy of the rule set and every thread: the features a rule set's tests tell apart are
/// few (34 over the dev articles), so after the first documents a stream runs no test at all (a stream
/// has some 20, and running the tests on them cost some 3 000 instructions each).
final class TestMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [UInt64: [UInt64]] = [:]
    /// Entries beyond this are not kept (a hostile stream cannot grow the memo without bound).
    private let limit = 1 << 16

    /// The memo as it is now (a copy, read without the lock).
    func snapshot() -> [UInt64: [UInt64]] {
        lock.lock()
        defer { lock.unlock() }
        return table
    }

    func learn(_ entries: [UInt64: [UInt64]]) {
        lock.lock()
        defer { lock.unlock() }
        for (key, bits) in entries where table.count < limit { table[key] = bits }
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
    private let known: [UInt64: [UInt64]]
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
        if let memo = known[key] ?? learned[key] {
            for word in 0..<words { slot[word] = memo[word] }
        } else {
            slot.initialize(repeating: 0, count: words)
            features.featureTests.passed(key, into: slot)
            learned[key] = Array(UnsafeBufferPointer(start: slot, count: words))
        }
    }

    /// Hands the features learnt to the rule set's memo.
    func commit() {
        if !learned.isEmpty { memo.learn(learned) }
    }
}
