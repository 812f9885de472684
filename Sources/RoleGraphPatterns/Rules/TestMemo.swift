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
    private static let slots = 64
    private var keys = [UInt64](repeating: .max, count: slots)
    private var bits: [UInt64]
    private let memo: TestMemo
    private let known: [UInt64: [UInt64]]
    private var learned: [UInt64: [UInt64]] = [:]

    init(words: Int, memo: TestMemo) {
        self.words = words
        self.memo = memo
        bits = [UInt64](repeating: 0, count: Self.slots * words)
        known = memo.snapshot()
    }

    /// Copies the test bits of the features `key` to `target` (`words` words).
    @inline(__always)
    mutating func copy(_ key: UInt64, to target: UnsafeMutablePointer<UInt64>, _ features: ItemFeatures) {
        let index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)
        let slot = index * words
        if keys[index] != key {
            keys[index] = key
            var passed: [UInt64]
            if let memo = known[key] ?? learned[key] {
                passed = memo
            } else {
                passed = [UInt64](repeating: 0, count: words)
                passed.withUnsafeMutableBufferPointer { features.featureTests.passed(key, into: $0.baseAddress!) }
                learned[key] = passed
            }
            for word in 0..<words { bits[slot + word] = passed[word] }
        }
        for word in 0..<words { target[word] = bits[slot + word] }
    }

    /// Hands the features learnt to the rule set's memo.
    func commit() {
        if !learned.isEmpty { memo.learn(learned) }
    }
}
