import RoleGraphText

/// The quoted literals of a rule set, in classes of canonically equal texts, and the class an item's text
/// falls in: by its bytes when the text is certainly NFC (``PlainLatin``) and so is the literal,
/// else by `String` equality, as ``RuleItem/textEquals(_:literalIsPlain:)`` compares.
struct LiteralTable: Sendable {
    /// One text per class.
    let representatives: [String]
    /// Certainly-NFC literals by their UTF-8 bytes: a one-byte literal's class by its byte.
    let single: [Int32]
    /// Longer certainly-NFC literals, with their classes.
    let plain: [(bytes: [UInt8], group: Int32)]
    /// Literals that are not certainly NFC, with their classes.
    let other: [(text: String, group: Int32)]
    /// The longest certainly-NFC literal, in bytes.
    let longestPlain: Int
    /// Whether a certainly-NFC literal of two bytes or more starts with the byte.
    let firstBytes: [Bool]
    /// Per ASCII byte, whether a literal's canonical decomposition starts with it. A text that starts with
    /// an ASCII byte (a scalar without decomposition, so its decomposition starts with it too) equals only
    /// such literals: most words are ruled out by their first byte, before any other test.
    let asciiStarts: [Bool]
    /// Whether a literal contains a space. When none does, a text of several tokens (joined by spaces) equals
    /// none of them: no canonical decomposition contains U+0020, so only a text with a space equals one.
    let spaced: Bool

    var classCount: Int { representatives.count }

    init(_ literals: [String]) {
        var representatives: [String] = []
        var single = [Int32](repeating: -1, count: 256)
        var plain: [(bytes: [UInt8], group: Int32)] = []
        var other: [(text: String, group: Int32)] = []
        var longestPlain = 0
        for literal in literals {
            let group: Int32
            if let known = representatives.firstIndex(of: literal) { group = Int32(known) }
            else { group = Int32(representatives.count); representatives.append(literal) }
            let bytes = Array(literal.utf8)
            if PlainLatin.isPlain(literal) {
                if bytes.count == 1 { single[Int(bytes[0])] = group }
                else if !plain.contains(where: { $0.bytes == bytes }) { plain.append((bytes, group)) }
                longestPlain = max(longestPlain, bytes.count)
            } else if !other.contains(where: { Array($0.text.utf8) == bytes }) {
                other.append((literal, group))
            }
        }
        self.representatives = representatives
        self.single = single
        self.plain = plain
        self.other = other
        self.longestPlain = longestPlain
        var firstBytes = [Bool](repeating: false, count: 256)
        for (bytes, _) in plain where !bytes.isEmpty { firstBytes[Int(bytes[0])] = true }
        self.firstBytes = firstBytes
        spaced = literals.contains { $0.unicodeScalars.contains(" ") }
        var asciiStarts = [Bool](repeating: false, count: 128)
        for literal in literals {
            if let first = literal.decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII {
                asciiStarts[Int(first.value)] = true
            }
        }
        self.asciiStarts = asciiStarts
    }

    /// The class of the literals an item's text equals, or -1. A joined text equals none when no literal has
    /// a space (``spaced``), or when it is longer than every literal, certainly NFC and every literal is
    /// compared by bytes: then it is never built.
    /// `joinMemo`: see ``TokenTexts/isPlain(_:longerThan:memo:)``.
    @inline(__always)
    func classOf(_ source: RuleItem.TextSource, joinMemo: inout [UInt32]) -> Int32 {
        switch source {
        case .string(let text):
            return classOf(text)
        case .joined(let texts, let span):
            if representatives.isEmpty || (!spaced && span.count > 1) { return -1 }
            if other.isEmpty, texts.isPlain(span, longerThan: longestPlain, memo: &joinMemo) { return -1 }
            return classOf(texts.joinedLower(span))
        }
    }

    /// The classes of the literals that are syllables of a knowledge base, by syllable id (`syllableID`: a
    /// lower-case text's id, -1 for none), for ``SyllableLiterals``.
    func syllableClasses(_ syllableID: (String) -> Int32) -> SyllableLiterals {
        var literals = SyllableLiterals()
        for (group, text) in representatives.enumerated() {
            let id = syllableID(text)
            if id >= 0 { literals.insert(id, class: Int32(group)) }
        }
        return literals
    }

    /// The class of the literals `text` equals, or -1.
    @inline(__always)
    func classOf(_ text: String) -> Int32 {
        if representatives.isEmpty { return -1 }
        if let first = text.utf8.first, first < 0x80, !asciiStarts[Int(first)] { return -1 }
        var copy = text
        return copy.withUTF8 { classOf(bytes: $0, text: text) }
    }

    private func classOf(bytes: UnsafeBufferPointer<UInt8>, text: String) -> Int32 {
        if PlainLatin.isPlain(bytes: bytes) {
            // Certainly NFC: equal to a certainly-NFC literal only byte for byte.
            let found = bytes.count <= longestPlain ? plainClass(bytes) : -1
            if found >= 0 || other.isEmpty { return found }
            for (literal, group) in other where literal == text { return group }
            return -1
        }
        for (group, literal) in representatives.enumerated() where literal == text { return Int32(group) }
        return -1
    }

    /// The class of the certainly-NFC literal with these bytes, or -1.
    @inline(__always)
    private func plainClass(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if bytes.count == 1 { return single[Int(bytes[0])] }
        if !bytes.isEmpty && !firstBytes[Int(bytes[0])] { return -1 }
        for (literal, group) in plain where literal.count == bytes.count && literal.elementsEqual(bytes) { return group }
        return -1
    }
}

/// The literal classes (``LiteralTable``) of a knowledge base's syllables that equal a literal: a token
/// with a syllable id equals a literal exactly when the literal's text has that id (both are NFC, and a
/// syllable id stands for one text), so its class is one look-up here instead of a comparison of its text.
/// A few literals, in a small open-addressing table.
struct SyllableLiterals {
    private static let slots = 64
    private var ids = [Int32](repeating: -1, count: slots)
    private var classes = [Int32](repeating: -1, count: slots)
    private var count = 0

    /// Records a literal's syllable (at most half the slots are filled; a literal beyond is left out, and
    /// so the table is not used: see ``isComplete``).
    mutating func insert(_ id: Int32, class literal: Int32) {
        count += 1
        guard count <= Self.slots / 2 else { return }
        var slot = Int(id) & (Self.slots - 1)
        while ids[slot] >= 0 { slot = (slot + 1) & (Self.slots - 1) }
        ids[slot] = id
        classes[slot] = literal
    }

    /// Whether every literal that is a syllable is in the table.
    var isComplete: Bool { count <= Self.slots / 2 }

    /// The class of the literal with this syllable id (not negative), or -1.
    @inline(__always)
    func classOf(syllable id: Int32) -> Int32 {
        var slot = Int(id) & (Self.slots - 1)
        while true {
            let known = ids[slot]
            if known == id { return classes[slot] }
            if known < 0 { return -1 }
            slot = (slot + 1) & (Self.slots - 1)
        }
    }
}
