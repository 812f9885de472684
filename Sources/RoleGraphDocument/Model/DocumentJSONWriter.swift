/// Writes a ``Document`` as JSON bytes directly, without `JSONEncoder`.
///
/// Why: `JSONEncoder` builds a tree of boxed values per document and costs about as much as the whole
/// extraction (callgrind over the dev articles: 261 M instructions to encode, 294 M to extract), so
/// `extract` over a stream spent half its time writing. This writer appends to one byte array in the
/// contract's fixed key order, and its output is byte-for-byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted` when `pretty`) writes — the tests
/// compare the two on real documents, so a key added to ``Document`` without a line here fails them.
/// - Complexity: O(output bytes); one growing allocation.
struct DocumentJSONWriter {
    private var out: ByteSink
    /// The JSON written.
    var bytes: [UInt8] { out.bytes }
    let pretty: Bool
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var first = true

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        out = ByteSink(capacity: capacity)
    }

    mutating func write(_ document: Document) {
        object { w in w.members(of: document) }
    }

    private mutating func members(of document: Document) {
        do {
            key("date"); nullable(document.date)
            key("id"); string(document.id)
            key("locations"); array(document.locations) { w, location in
                w.object { w in
                    w.key("id"); w.string(location.id)
                    w.key("mentions"); w.strings(location.mentions)
                    w.key("name"); w.string(location.name)
                }
            }
            key("mentions"); array(document.mentions) { w, mention in
                w.object { w in
                    w.key("end"); w.integer(mention.end)
                    if let entity = mention.entity { w.key("entity"); w.string(entity) }
                    w.key("id"); w.string(mention.id)
                    w.key("rule"); w.string(mention.rule)
                    w.key("start"); w.integer(mention.start)
                    w.key("text"); w.string(mention.text)
                    w.key("type"); w.string(mention.type.rawValue)
                    w.key("utf8End"); w.integer(mention.utf8End)
                    w.key("utf8Start"); w.integer(mention.utf8Start)
                }
            }
            key("organizations"); array(document.organizations) { w, organization in
                w.object { w in
                    w.key("aliases"); w.strings(organization.aliases)
                    w.key("id"); w.string(organization.id)
                    w.key("mentions"); w.strings(organization.mentions)
                    w.key("name"); w.string(organization.name)
                    w.key("parent"); w.nullable(organization.parent)
                }
            }
            key("persons"); array(document.persons) { w, person in
                w.object { w in
                    w.key("id"); w.string(person.id)
                    w.key("mentions"); w.strings(person.mentions)
                    w.key("name"); w.string(person.name)
                }
            }
            key("roles"); array(document.roles) { w, role in
                w.object { w in
                    w.key("evidence"); w.string(role.evidence)
                    w.key("mentions"); w.strings(role.mentions)
                    w.key("organization"); w.string(role.organization)
                    w.key("person"); w.string(role.person)
                    w.key("rules"); w.strings(role.rules)
                    w.key("status"); w.string(role.status.rawValue)
                    w.key("title"); w.string(role.title)
                }
            }
            key("schema"); string(document.schema)
            key("source"); nullable(document.source)
        }
    }

    // MARK: Containers, in JSONEncoder's layout (pretty: two spaces a level, `"key" : value`,
    // an empty array as `[`, an empty line, `]`).

    private mutating func object(_ members: (inout Self) -> Void) {
        open(0x7B)
        members(&self)
        close(0x7D)
    }

    private mutating func array<T>(_ elements: [T], _ element: (inout Self, T) -> Void) {
        open(0x5B)
        for value in elements {
            separate()
            element(&self, value)
        }
        close(0x5D)
    }

    private mutating func strings(_ values: [String]) {
        array(values) { w, value in w.string(value) }
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        depth += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            if first { out.append(0x0A) }
            newline()
        }
        out.append(bracket)
        first = false
    }

    /// Before a member or element: the comma and, when pretty, the line break and indentation.
    private mutating func separate() {
        if !first { out.append(0x2C) }
        first = false
        if pretty { newline() }
    }

    private mutating func newline() {
        out.append(0x0A)
        for _ in 0..<(depth * 2) { out.append(0x20) }
    }

    /// Compact output writes the separator, the quoted name and the colon in one copy from a stack buffer
    /// (five appends, each with its uniqueness and capacity checks, cost some 200 instructions a key; a
    /// document has about 900 keys). Pretty output, for single documents, keeps the appends.
    private mutating func key(_ name: StaticString) {
        if !pretty {
            let comma = !first
            first = false
            let count = name.utf8CodeUnitCount
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 4) { buffer in
                // `count + 4` bytes: a comma, two quotes, the name and a colon.
                let base = buffer.baseAddress!
                var end = 0
                if comma { base[end] = 0x2C; end += 1 }
                base[end] = 0x22
                end += 1
                name.withUTF8Buffer { utf8 in
                    if let start = utf8.baseAddress { (base + end).initialize(from: start, count: count) }
                }
                end += count
                base[end] = 0x22
                base[end + 1] = 0x3A
                end += 2
                out.append(contentsOf: UnsafeBufferPointer(start: base, count: end))
            }
            return
        }
        separate()
        out.append(0x22)
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(0x22)
        if pretty { out.append(contentsOf: [0x20, 0x3A, 0x20]) } else { out.append(0x3A) }
    }

    // MARK: Scalars

    /// The decimal digits of the value, as `String(value)` writes them, without making that string: written
    /// back to front into a stack buffer and appended in one copy (`String(value).utf8` cost some 230
    /// instructions a number, a sixth of the writer's time on mention offsets).
    private mutating func integer(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { out.append(0x2D) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    private mutating func nullable(_ value: String?) {
        if let value { string(value) } else { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes,
    /// everything else (slashes, Vietnamese letters) as its UTF-8 bytes.
    private mutating func string(_ value: String) {
        out.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            let raw = UnsafeRawBufferPointer(utf8)
            var i = 0
            while i < utf8.count {
                // Eight bytes at a time while none needs escaping (almost all text): a word test instead of
                // three compares a byte.
                if i + 8 <= utf8.count, !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = utf8[i]
                i += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
                runStart = i
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        out.append(0x22)
    }

    /// Whether any of the eight bytes (little-endian in `word`) is below U+0020, `"` or `\`. Exact as a
    /// whole-word test: a byte's borrow only reaches higher bytes after a byte that is itself a hit.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below = (word &- 0x20 &* ones) & ~word & highs != 0
        return below || hasZero(word ^ (0x22 &* ones)) || hasZero(word ^ (0x5C &* ones))
    }
}
