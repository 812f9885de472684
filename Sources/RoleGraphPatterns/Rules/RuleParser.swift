import RoleGraphKnowledge

/// Reads a rule file (`Rules/README.md` documents the format) into parsed rules, or the first problem
/// as a ``KnowledgeError`` `file:line:column: message`, the column counting characters from 1.
///
/// Recursive descent over one line's characters; the parser keeps the column of every part so that an
/// error points at it. - Complexity: O(size of the file).
struct RuleParser {
    /// One rule as written, before compilation.
    struct ParsedRule: Equatable {
        var id: String
        var priority: Int
        var pattern: RulePattern
        var attributes: [String: String]
        var line: Int
    }

    let file: String
    /// `@name` definitions seen so far: a rule may use those defined above it.
    private var definitions: [String: RulePattern] = [:]

    init(file: String) { self.file = file }

    /// - Parameter text: normalised text (NFC, new-style tone marks, LF line ends), as article text is.
    mutating func parse(_ text: String) throws(KnowledgeError) -> [ParsedRule] {
        var rules: [ParsedRule] = []
        var lineOfID: [String: Int] = [:]
        // Split on bytes: a line feed or a tab is a character of its own (grapheme clusters break around
        // controls), and walking the file by characters costs some 400 instructions a byte.
        for (offset, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = Substring(bytes)
            guard let first = line.firstIndex(where: { $0 != " " && $0 != "\t" }), line[first] != "#" else { continue }
            let fields = Self.fields(line)
            if fields[0].text.hasPrefix("@") {
                try define(fields, line: number, length: line.count)
                continue
            }
            guard fields.count >= 3 else {
                throw error(number, line.count + 1, "expected ID, PRIORITY and PATTERN separated by tabs")
            }
            guard fields.count <= 4 else {
                throw error(number, fields[4].column, "unexpected field after the attributes (a tab inside the pattern?)")
            }
            let id = String(fields[0].text)
            guard !id.isEmpty, id.allSatisfy(Self.isIDCharacter) else {
                throw error(number, 1, "bad rule id '\(id)': use letters, digits and ':-_.'")
            }
            if let first = lineOfID[id] {
                throw error(number, 1, "duplicate rule id '\(id)' (first defined at line \(first))")
            }
            guard let priority = Int(fields[1].text.trimmedOfSpaces) else {
                throw error(number, fields[1].column, "priority must be an integer, not '\(fields[1].text)'")
            }
            let pattern = try parsePattern(fields[2], line: number)
            let attributes = fields.count == 4 ? try parseAttributes(fields[3], line: number) : [:]
            lineOfID[id] = number
            rules.append(ParsedRule(id: id, priority: priority, pattern: pattern, attributes: attributes, line: number))
        }
        return rules
    }

    // MARK: Lines and fields

    struct Field {
        /// A slice of the rule file: no string is made for a field that stays whole.
        var text: Substring
        /// 1-based column of the field's first character.
        var column: Int
    }

    static func fields(_ line: Substring) -> [Field] {
        var column = 1
        return line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { bytes in
            let text = Substring(bytes)
            defer { column += text.count + 1 }
            return Field(text: text, column: column)
        }
    }

    static func isIDCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || ":-_.".contains(c) }
    static func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLowercase || c.isNumber || c == "-" || c == "_") }

    private mutating func define(_ fields: [Field], line: Int, length: Int) throws(KnowledgeError) {
        let name = String(fields[0].text.dropFirst())
        guard !name.isEmpty, name.allSatisfy(Self.isNameCharacter), name.first!.isLetter else {
            throw error(line, 1, "bad definition name '\(fields[0].text)': use lower-case letters, digits and '-'")
        }
        guard fields.count == 2 else {
            throw error(line, fields.count < 2 ? length + 1 : fields[2].column, "a definition is '@name', a tab and a pattern")
        }
        guard definitions[name] == nil else { throw error(line, 1, "'@\(name)' is already defined") }
        definitions[name] = try parsePattern(fields[1], line: line)
    }

    private func parseAttributes(_ field: Field, line: Int) throws(KnowledgeError) -> [String: String] {
        var attributes: [String: String] = [:]
        var column = field.column
        for part in field.text.split(separator: ";", omittingEmptySubsequences: false) {
            defer { column += part.count + 1 }
            let pair = part.trimmedOfSpaces
            guard !pair.isEmpty else { continue }
            let at = column + (part.firstIndex { $0 != " " }.map { part.distance(from: part.startIndex, to: $0) } ?? 0)
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw error(line, at, "attribute '\(pair)' is not key=value")
            }
            attributes[String(pair[..<equals].trimmedOfSpaces)] = String(pair[pair.index(after: equals)...].trimmedOfSpaces)
        }
        return attributes
    }

    // MARK: Patterns

    private func parsePattern(_ field: Field, line: Int) throws(KnowledgeError) -> RulePattern {
        var reader = PatternReader(characters: Array(field.text), column: field.column, line: line,
                                   file: file, definitions: definitions)
        let pattern = try reader.alternation()
        reader.skipSpaces()
        if let c = reader.peek {
            throw reader.error(c == ")" ? "unexpected ')' without '('" : "unexpected '\(c)'")
        }
        guard pattern.minimumLength > 0 else {
            throw error(line, field.column, "the pattern can match no item: a pattern must consume at least one")
        }
        return pattern
    }

    func error(_ line: Int, _ column: Int, _ message: String) -> KnowledgeError {
        KnowledgeError(file: file, line: line, column: column, message: message)
    }
}

/// The recursive-descent reader of one pattern field.
private struct PatternReader {
    let characters: [Character]
    /// Column of `characters[0]` in the line.
    let column: Int
    let line: Int
    let file: String
    let definitions: [String: RulePattern]
    var position = 0
    /// `{m,n}` compiles to up to n copies of its element; this bounds the program it makes.
    static let maximumCount = 32

    static let classes: [String: ItemTest] = [
        "PERSON": .kind(.person), "POSITION": .kind(.position), "ORG": .kind(.organization), "LOC": .kind(.location),
        "CUE": .kind(.cue), "HONORIFIC": .kind(.honorific), "PERIOD": .kind(.period), "TOKEN": .kind(.token),
        "WORD": .word, "CAP": .capitalized, "PUNCT": .punctuation, "NUM": .number, "ANY": .any,
    ]

    var peek: Character? { position < characters.count ? characters[position] : nil }

    func error(_ message: String, at index: Int? = nil) -> KnowledgeError {
        KnowledgeError(file: file, line: line, column: column + (index ?? position), message: message)
    }

    mutating func skipSpaces() { while peek == " " { position += 1 } }

    /// alternation := sequence ('|' sequence)*
    mutating func alternation() throws(KnowledgeError) -> RulePattern {
        var options = [try sequence()]
        skipSpaces()
        while peek == "|" {
            position += 1
            options.append(try sequence())
            skipSpaces()
        }
        return options.count == 1 ? options[0] : .alternation(options)
    }

    /// sequence := element+, up to `|`, `)` or the end.
    mutating func sequence() throws(KnowledgeError) -> RulePattern {
        var parts: [RulePattern] = []
        skipSpaces()
        while let c = peek, c != "|", c != ")" {
            parts.append(try element())
            skipSpaces()
        }
        guard !parts.isEmpty else { throw error(peek == nil ? "the pattern ends where an element was expected" : "empty alternative before '\(peek!)'") }
        return parts.count == 1 ? parts[0] : .sequence(parts)
    }

    /// element := (name '=')? unary quantifier?
    mutating func element() throws(KnowledgeError) -> RulePattern {
        var name: String? = nil
        if let c = peek, c.isASCII, c.isLowercase {
            var end = position
            while end < characters.count, RuleParser.isNameCharacter(characters[end]) { end += 1 }
            guard end < characters.count, characters[end] == "=" else {
                throw error("unknown element '\(String(characters[position..<end]))': classes are upper-case, captures are name=ELEMENT")
            }
            name = String(characters[position..<end])
            position = end + 1
            guard let next = peek, next != " ", next != "|", next != ")" else {
                throw error("expected an element after '\(name!)='")
            }
        }
        var pattern = try quantified()
        if let name { pattern = .capture(name, pattern) }
        return pattern
    }

    /// quantified := unary ('?' | '*' | '+' | '{m}' | '{m,}' | '{m,n}')?
    mutating func quantified() throws(KnowledgeError) -> RulePattern {
        let body = try unary()
        let quantifierStart = position
        var pattern = body
        switch peek {
        case "?": position += 1; pattern = .repetition(body, min: 0, max: 1)
        case "*": position += 1; pattern = .repetition(body, min: 0, max: nil)
        case "+": position += 1; pattern = .repetition(body, min: 1, max: nil)
        case "{": pattern = try counted(body)
        default: return body
        }
        if case .lineStart = body { throw error("NEWLINE is a check, not an item: it cannot repeat", at: quantifierStart) }
        if let c = peek, "?*+{".contains(c) { throw error("a quantifier cannot follow another; group with ( … ) first") }
        return pattern
    }

    mutating func counted(_ body: RulePattern) throws(KnowledgeError) -> RulePattern {
        let open = position
        position += 1
        var text = ""
        while let c = peek, c != "}" { text.append(c); position += 1 }
        guard peek == "}" else { throw error("missing '}' after '{'", at: open) }
        position += 1
        let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmedOfSpaces }
        guard let min = Int(parts[0]), min >= 0 else { throw error("bad repetition {\(text)}: expected {m}, {m,} or {m,n}", at: open) }
        var max: Int? = min
        if parts.count == 2 {
            if parts[1].isEmpty { max = nil } else {
                guard let n = Int(parts[1]) else { throw error("bad repetition {\(text)}: expected {m}, {m,} or {m,n}", at: open) }
                max = n
            }
        }
        if min > Self.maximumCount || (max ?? 0) > Self.maximumCount {
            throw error("bad repetition {\(text)}: counts above \(Self.maximumCount) are not supported (use * or +)", at: open)
        }
        if let max, max < min || max == 0 { throw error("bad repetition {\(text)}: the maximum must be at least the minimum and 1", at: open) }
        return .repetition(body, min: min, max: max)
    }

    /// unary := '!' primary | primary
    mutating func unary() throws(KnowledgeError) -> RulePattern {
        guard peek == "!" else { return try primary() }
        let bang = position
        position += 1
        let operand = try primary()
        if case .lineStart(true) = operand { return .lineStart(false) }
        guard let test = operand.singleItemTest else {
            throw error("'!' negates one item: a class, a literal or an alternation of them", at: bang)
        }
        return .item(.not(test))
    }

    /// primary := CLASS ('[' constraints ']')? | "literal" | '(' alternation ')' | '@name' | NEWLINE
    mutating func primary() throws(KnowledgeError) -> RulePattern {
        let start = position
        guard let c = peek else { throw error("the pattern ends where an element was expected") }
        switch c {
        case "\"":
            position += 1
            var text = ""
            while let c = peek, c != "\"" { text.append(c); position += 1 }
            guard peek == "\"" else { throw error("unterminated literal: missing closing '\"'", at: start) }
            position += 1
            guard !text.isEmpty else { throw error("empty literal", at: start) }
            return .item(.literal(ItemTest.Literal(text.lowercased())))
        case "(":
            position += 1
            let inner = try alternation()
            skipSpaces()
            guard peek == ")" else { throw error("missing ')' for the '(' here", at: start) }
            position += 1
            return inner
        case "@":
            position += 1
            var name = ""
            while let c = peek, RuleParser.isNameCharacter(c) { name.append(c); position += 1 }
            guard let pattern = definitions[name] else { throw error("unknown definition '@\(name)' (define it on a line above)", at: start) }
            return pattern
        case _ where c.isASCII && c.isUppercase:
            var word = ""
            while let c = peek, c.isASCII, c.isUppercase { word.append(c); position += 1 }
            if word == "NEWLINE" { return .lineStart(true) }
            guard let test = Self.classes[word] else {
                throw error("unknown class '\(word)': expected one of \(Self.classes.keys.sorted().joined(separator: " ")), NEWLINE", at: start)
            }
            guard peek == "[" else { return .item(test) }
            return .item(.constrained(test, try constraints()))
        default:
            throw error("unexpected '\(c)'")
        }
    }

    /// constraints := '[' key ('=' | '!=') value (',' …)* ']'
    mutating func constraints() throws(KnowledgeError) -> [ItemTest.Constraint] {
        let open = position
        position += 1
        var list: [ItemTest.Constraint] = []
        while true {
            skipSpaces()
            let keyStart = position
            var key = ""
            while let c = peek, RuleParser.isNameCharacter(c) { key.append(c); position += 1 }
            skipSpaces()
            var negated = false
            if peek == "!" { negated = true; position += 1 }
            guard !key.isEmpty, peek == "=" else { throw error("expected key=value or key!=value in '[ … ]'", at: keyStart) }
            position += 1
            skipSpaces()
            var value = ""
            while let c = peek, c != ",", c != "]", c != " " { value.append(c); position += 1 }
            guard !value.isEmpty else { throw error("missing value after '\(key)\(negated ? "!=" : "=")'") }
            list.append(ItemTest.Constraint(key: key, value: value, negated: negated))
            skipSpaces()
            if peek == "," { position += 1; continue }
            guard peek == "]" else { throw error("missing ']' for the '[' here", at: open) }
            position += 1
            return list
        }
    }
}

fileprivate extension StringProtocol {
    /// The slice without leading and trailing spaces (no string made).
    var trimmedOfSpaces: SubSequence {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return self[endIndex...] }
        return self[first...last]
    }
}
