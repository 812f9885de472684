/// Writes a ``Document`` as JSON bytes directly, without `JSONEncoder`.
///
/// Why: `JSONEncoder` builds a tree of boxed values per document and costs about as much as the whole
/// extraction (callgrind over the dev articles: 261 M instructions to encode, 294 M to extract), so
/// `extract` over a stream spent half its time writing. This writer appends to one byte buffer in the
/// contract's fixed key order, and its output is byte-for-byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted` when `pretty`) writes — the tests
/// compare the two on real documents, so a key added to ``Document`` without a line here fails them.
/// - Complexity: O(output bytes); one growing allocation (``ByteSink``). Room is checked only when a
///   container opens and before a string, for the piece and ``slack`` more: keys, numbers, brackets and
///   indentation are stores without a check (the checks on every piece cost 0.96 M instructions over dev+seed).
struct DocumentJSONWriter: ~Copyable {
    private var out: ByteSink
    /// The JSON written.
    var bytes: [UInt8] { out.bytes }

    /// The JSON written, lent without a copy.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try out.withBytes(body)
    }
    let pretty: Bool
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var first = true

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        out = ByteSink(capacity: capacity + Self.slack)
    }

    mutating func write(_ document: Document) {
        open(0x7B)
        members(of: document)
        close(0x7D)
    }

    /// Room every check makes beyond its own piece: more than the fixed-size pieces (keys, numbers, enumeration
    /// values, `null`, brackets, separators, indentation) written before the next check. The most between two
    /// checks is under 200 bytes, a mention's tail from its text to the next mention's `open`; debug builds
    /// assert on a write past the room.
    private static let slack = 1024

    /// Ends the line: the line feed after a document in a stream.
    mutating func endLine() {
        out.append(0x0A)
    }

    private mutating func members(of document: Document) {
        do {
            key("date"); nullable(document.date)
            key("id"); string(document.id)
            key("locations"); array(document.locations) { w, location in
                w.open(0x7B)
                w.key("id"); w.string(location.pointee.id)
                w.key("mentions"); w.strings(location.pointee.mentions)
                w.key("name"); w.string(location.pointee.name)
                w.close(0x7D)
            }
            key("mentions"); array(document.mentions) { w, mention in
                w.open(0x7B)
                w.key("end"); w.integer(mention.pointee.end)
                if let entity = mention.pointee.entity { w.key("entity"); w.string(entity) }
                w.key("id"); w.string(mention.pointee.id)
                w.key("rule"); w.string(mention.pointee.rule)
                w.key("start"); w.integer(mention.pointee.start)
                w.key("text"); w.string(mention.pointee.text)
                w.key("type"); w.literal(Self.quoted(mention.pointee.type))
                w.key("utf8End"); w.integer(mention.pointee.utf8End)
                w.key("utf8Start"); w.integer(mention.pointee.utf8Start)
                w.close(0x7D)
            }
            key("organizations"); array(document.organizations) { w, organization in
                w.open(0x7B)
                w.key("aliases"); w.strings(organization.pointee.aliases)
                w.key("id"); w.string(organization.pointee.id)
                w.key("mentions"); w.strings(organization.pointee.mentions)
                w.key("name"); w.string(organization.pointee.name)
                w.key("parent"); w.nullable(organization.pointee.parent)
                w.close(0x7D)
            }
            key("persons"); array(document.persons) { w, person in
                w.open(0x7B)
                w.key("id"); w.string(person.pointee.id)
                w.key("mentions"); w.strings(person.pointee.mentions)
                w.key("name"); w.string(person.pointee.name)
                w.close(0x7D)
            }
            key("roles"); array(document.roles) { w, role in
                w.open(0x7B)
                w.key("evidence"); w.string(role.pointee.evidence)
                w.key("mentions"); w.strings(role.pointee.mentions)
                w.key("organization"); w.string(role.pointee.organization)
                w.key("person"); w.string(role.pointee.person)
                w.key("rules"); w.strings(role.pointee.rules)
                w.key("status"); w.literal(Self.quoted(role.pointee.status))
                w.key("title"); w.string(role.pointee.title)
                w.close(0x7D)
            }
            key("schema"); string(document.schema)
            key("source"); nullable(document.source)
        }
    }

    // MARK: Containers, in JSONEncoder's layout (pretty: two spaces a level, `"key" : value`,
    // an empty array as `[`, an empty line, `]`).

    /// Each element is lent to `element` by its address: passed by value, or captured, it was copied out of the
    /// array first (a mention's four strings retained and released, some 220 instructions a mention).
    private mutating func array<T>(_ elements: [T], _ element: (inout Self, UnsafePointer<T>) -> Void) {
        open(0x5B)
        elements.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                separate()
                element(&self, buffer.baseAddress! + index)
            }
        }
        close(0x5D)
    }

    private mutating func strings(_ values: [String]) {
        array(values) { w, value in w.string(value.pointee) }
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        out.reserve(Self.slack)
        out.appendReserved(bracket)
        depth += 1
        first = true
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            if first { out.appendReserved(0x0A) }
            newline()
        }
        out.appendReserved(bracket)
        first = false
    }

    /// Before a member or element: the comma and, when pretty, the line break and indentation.
    @inline(__always)
    private mutating func separate() {
        if !first { out.appendReserved(0x2C) }
        first = false
        if pretty { newline() }
    }

    private mutating func newline() {
        let indent = depth * 2
        let p = out.claim(1 + indent)
        p[0] = 0x0A
        (p + 1).update(repeating: 0x20, count: indent)
    }

    /// The separator, the quoted name and the colon, one write. Inlined, so that the name's length is a constant
    /// and its copy a store or two; with a closure inside, or the pretty layout, the compiler kept it a call of
    /// some 45 to 85 instructions a key (2 M over dev+seed).
    @inline(__always)
    private mutating func key(_ name: StaticString) {
        if pretty { return prettyKey(name) }
        let count = name.utf8CodeUnitCount
        let name = UnsafeBufferPointer(start: name.utf8Start, count: count)
        let comma = first ? 0 : 1
        first = false
        let p = out.claim(comma + count + 3)
        p[0] = 0x2C
        p[comma] = 0x22
        ByteSink.copy(name, to: p + comma + 1)
        p[comma + count + 1] = 0x22; p[comma + count + 2] = 0x3A
    }

    /// ``key(_:)`` when pretty: the line break and indentation, and ` : ` after the name.
    private mutating func prettyKey(_ name: StaticString) {
        separate()
        let count = name.utf8CodeUnitCount
        let p = out.claim(count + 5)
        p[0] = 0x22
        ByteSink.copy(UnsafeBufferPointer(start: name.utf8Start, count: count), to: p + 1)
        p[count + 1] = 0x22; p[count + 2] = 0x20; p[count + 3] = 0x3A; p[count + 4] = 0x20
    }

    // MARK: Scalars

    /// The decimal digits of the value, as `String(value)` writes them, without making that string: counted
    /// (``digitCount(_:)``), then written back to front in place, two digits at a time from ``digitPairs``
    /// (`String(value).utf8` cost some 230 instructions a number, a digit at a time some 110). Inlined: a call
    /// cost some 16 instructions a number.
    @inline(__always)
    private mutating func integer(_ value: Int) {
        var magnitude = value.magnitude
        let sign = value < 0 ? 1 : 0
        let length = sign + Self.digitCount(magnitude)
        let start = out.claim(length)
        if sign == 1 { start[0] = 0x2D }
        let pairs = UnsafeRawPointer(Self.digitPairs.utf8Start)
        var end = length
        while magnitude >= 10 {
            let pair = Int(truncatingIfNeeded: magnitude % 100) &* 2
            magnitude /= 100
            end -= 2
            UnsafeMutableRawPointer(start + end)
                .storeBytes(of: pairs.loadUnaligned(fromByteOffset: pair, as: UInt16.self), as: UInt16.self)
        }
        if end > sign { start[end - 1] = 0x30 + UInt8(truncatingIfNeeded: magnitude) }
    }

    /// How many decimal digits `value` has: up to eight (offsets, counts) by three compares, a tenth of the
    /// cost of a loop over the powers of ten; longer numbers by that loop.
    @inline(__always)
    private static func digitCount(_ value: UInt) -> Int {
        if value < 10_000 { return value < 100 ? (value < 10 ? 1 : 2) : (value < 1_000 ? 3 : 4) }
        if value < 100_000_000 {
            return value < 1_000_000 ? (value < 100_000 ? 5 : 6) : (value < 10_000_000 ? 7 : 8)
        }
        var count = 9
        var power: UInt = 1_000_000_000
        while value >= power && count < 20 {
            count += 1
            power &*= 10
        }
        return count
    }

    /// `00` to `99`: the two digits of each number below 100.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// A JSON text known when compiling (a quoted enumeration value), copied as the key's name is.
    @inline(__always)
    private mutating func literal(_ text: StaticString) {
        out.appendReserved(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The quoted raw value, without making the `rawValue` string (some 80 instructions a mention).
    private static func quoted(_ kind: Document.Mention.Kind) -> StaticString {
        switch kind {
        case .person: "\"person\""
        case .organization: "\"organization\""
        case .title: "\"title\""
        case .location: "\"location\""
        }
    }

    private static func quoted(_ status: Document.Status) -> StaticString {
        switch status {
        case .current: "\"current\""
        case .appointed: "\"appointed\""
        case .ended: "\"ended\""
        case .former: "\"former\""
        }
    }

    private mutating func nullable(_ value: String?) {
        guard let value else {
            literal("null")
            return
        }
        string(value)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes,
    /// everything else (slashes, Vietnamese letters) as its UTF-8 bytes. A string with nothing to escape
    /// (almost all) is one reserve and one copy; one with something reserves six bytes a byte (`\u00XX`).
    private mutating func string(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) == nil {
            var native = value
            native.withUTF8 { string(utf8: $0) }
        }
    }

    @inline(__always)
    private mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        let length = utf8.count + 2
        if Self.needsEscape(utf8) {
            out.reserve(utf8.count * 6 + 2 + Self.slack)
            out.appendReserved(0x22)
            escaped(utf8)
            out.appendReserved(0x22)
            return
        }
        out.reserve(length + Self.slack)
        let p = out.claim(length)
        p[0] = 0x22
        ByteSink.copy(utf8, to: p + 1)
        p[length - 1] = 0x22
    }

    /// The bytes of a string that holds something to escape, a run of plain bytes at a time, in room that
    /// ``string(utf8:)`` made (six bytes a byte).
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for i in utf8.indices {
            let byte = utf8[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            out.appendReserved(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            runStart = i + 1
            out.appendReserved(0x5C)
            switch byte {
            case 0x22: out.appendReserved(0x22)
            case 0x5C: out.appendReserved(0x5C)
            case 0x0A: out.appendReserved(0x6E)
            case 0x0D: out.appendReserved(0x72)
            case 0x09: out.appendReserved(0x74)
            case 0x08: out.appendReserved(0x62)
            case 0x0C: out.appendReserved(0x66)
            default:
                let hex: StaticString = "0123456789abcdef"
                out.appendReserved(0x75)
                out.appendReserved(0x30)
                out.appendReserved(0x30)
                out.appendReserved(hex.utf8Start[Int(byte >> 4)])
                out.appendReserved(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        out.appendReserved(UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    /// Whether any byte is below U+0020, `"` or `\`: eight bytes at a time (a word test instead of three
    /// compares a byte), the last eight overlapping the word before. A text shorter than a word (an id) is one
    /// word too, made of two overlapping halves of it, so that every byte tested is one of its own.
    @inline(__always)
    private static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(utf8)
        let n = utf8.count
        func load<T: FixedWidthInteger & UnsignedInteger>(_: T.Type, at offset: Int) -> UInt64 {
            UInt64(raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        switch n {
        case 0: return false
        case 1: return mayNeedEscape(UInt64(utf8[0]) &* 0x0101_0101_0101_0101)
        case 2..<4:
            let half = load(UInt16.self, at: 0) | load(UInt16.self, at: n - 2) << 16
            return mayNeedEscape(half | half << 32)
        case 4..<8: return mayNeedEscape(load(UInt32.self, at: 0) | load(UInt32.self, at: n - 4) << 32)
        default:
            var i = 0
            while i + 8 < n {
                if mayNeedEscape(load(UInt64.self, at: i)) { return true }
                i += 8
            }
            return mayNeedEscape(load(UInt64.self, at: n - 8))
        }
    }

    /// Whether any of the eight bytes (little-endian in `word`) is below U+0020, `"` or `\`. Exact as a
    /// whole-word test: a byte's borrow only reaches higher bytes after a byte that is itself a hit. The three
    /// tests are joined before the one branch (three branches cost some 20 instructions a word).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (0x22 &* ones), backslash = word ^ (0x5C &* ones)
        let below = (word &- 0x20 &* ones) & ~word
        let zero = (quote &- ones) & ~quote | (backslash &- ones) & ~backslash
        return (below | zero) & 0x8080_8080_8080_8080 != 0
    }
}
