import Foundation
import RoleGraphKnowledge
import RoleGraphText

/// One rule of a rule file, compiled.
public struct Rule: Sendable {
    /// `role:apposition`: what a ``RoleStatement`` records as its `rule`.
    public let id: String
    /// Orders matches that start at the same item (higher first) and tells the Swift side which rule
    /// wins when two want the same position. The engine itself never drops a match for priority.
    public let priority: Int
    /// `key=value` pairs for the code that reads the matches (`subject=pronoun`, `default-status=former`);
    /// the engine reads only `multiline` (`yes`: the match may cross a line break).
    public let attributes: [String: String]
    public let file: String
    public let line: Int
    let program: RuleProgram
    /// The program ready to run (``RuleMatcher``), built once.
    let matcher: RuleMatcher
    /// Item kinds (``RuleItem/Kind/bit``) that every match consumes: a start from which the rest of the
    /// reachable stream lacks one of them cannot match (a shortcut of ``RuleSet/matches(in:)``).
    let requiredKinds: UInt8

    /// The capture names the pattern defines, in order of first use.
    public var captureNames: [String] { program.captureNames }
}

/// A match of one rule: which rule, where, and what it captured.
public struct RuleMatch: Sendable, Equatable {
    public let rule: String
    public let priority: Int
    /// Items the match covers (indices into the stream it was found in).
    public let items: Range<Int>
    /// Capture name → the indices of every item the captured element consumed, in stream order.
    /// A capture inside a repetition collects one entry per repetition; a capture that took part in
    /// no path of the match is absent. Built on each read from the capture log: the engine's own
    /// readers use ``capture(_:)``, which hashes nothing.
    public var captures: [String: [Int]] {
        var captures = [String: [Int]](minimumCapacity: captureNames.count)
        for (slot, name) in captureNames.enumerated() where !positions(slot).isEmpty { captures[name] = Array(positions(slot)) }
        return captures
    }
    /// The rule's attributes, for the code that acts on the match.
    public let attributes: [String: String]
    /// The rule's capture names (``Rule/captureNames``, shared with the rule: a retain per match).
    let captureNames: [String]
    /// Per capture name, the items it consumed, as ``RuleMatcher/longestMatch(in:from:seen:captures:)``
    /// writes them: from `captureStart`, where each name's positions end in the log, then the positions
    /// (a name's start where the previous one's end, the first's after that table). One log holds the
    /// captures of every match of a ``RuleSet/matches(in:)`` call, so a match holds no arrays of its own
    /// (one or more per match, made and destroyed, cost some 1 500 instructions a match).
    let captureLog: [Int]
    let captureStart: Int

    init(rule: String, priority: Int, items: Range<Int>, captureNames: [String], captureLog: [Int], captureStart: Int,
         attributes: [String: String]) {
        self.rule = rule; self.priority = priority; self.items = items
        self.captureNames = captureNames; self.captureLog = captureLog; self.captureStart = captureStart
        self.attributes = attributes
    }

    /// The items the capture name at `slot` consumed (empty: it took no part).
    private func positions(_ slot: Int) -> ArraySlice<Int> {
        let from = slot == 0 ? captureStart + captureNames.count : captureLog[captureStart + slot - 1]
        return captureLog[from..<captureLog[captureStart + slot]]
    }

    /// `captures[name]`, without building the dictionary: a linear scan of the few capture names (short
    /// strings, compared without hashing). - Complexity: O(capture names).
    func capture(_ name: String) -> ArraySlice<Int>? {
        for (slot, candidate) in captureNames.enumerated() where candidate == name {
            let positions = positions(slot)
            return positions.isEmpty ? nil : positions
        }
        return nil
    }

    /// The phrase or position indices (``RuleItem/index``) of a capture's items, in order.
    func indices(_ capture: String, in stream: RuleStream) -> [Int] {
        var indices: [Int] = []
        appendIndices(capture, in: stream, to: &indices)
        return indices
    }

    /// ``indices(_:in:)``, appended to `indices`.
    func appendIndices(_ capture: String, in stream: RuleStream, to indices: inout [Int]) {
        for item in self.capture(capture) ?? [] where stream.indices[item] >= 0 { indices.append(Int(stream.indices[item])) }
    }

    /// Matches are equal when what they report is: rule, priority, items, captures and attributes.
    public static func == (a: RuleMatch, b: RuleMatch) -> Bool {
        a.rule == b.rule && a.priority == b.priority && a.items == b.items && a.attributes == b.attributes
            && a.captures == b.captures
    }
}

/// A compiled rule file: patterns over the item stream (``RuleItem``), each with an id and a priority.
///
/// **Match semantics.** For every rule and every start item, the longest match from that item
/// (``RuleMatcher``: longest, then greedy; within one line unless `multiline=yes`). Matches may
/// overlap, within a rule and across rules, as spaCy's `Matcher` returns them; the caller decides
/// what overlapping matches mean. The result is sorted by start item, then priority (higher first),
/// then the rule's line in the file.
///
/// Running example (`Rules/README.md` has the whole of it): the stream of
/// `Ông Huỳnh Tấn Việt - nguyên Bí thư Tỉnh ủy Phú Yên, Chủ tịch UBND tỉnh` is
/// `HONORIFIC PERSON "-" CUE POSITION "," POSITION`; `role:apposition` matches items 1…6 from the
/// PERSON, with `person = [1]` and `positions = [4, 6]`.
///
/// - Complexity: matching is O(items × rules × instructions) when, as in practice, a rule dies within a
///   few items of a start that cannot begin it; a match never reads past its line, so the worst case is
///   O(items × line length × rules × instructions).
public struct RuleSet: Sendable {
    public let rules: [Rule]
    /// What ``RuleStream`` evaluates per item, numbered: first one test per rule, rule `i`'s numbered `i`:
    /// any of its first tests (``RuleProgram/firstTests``), which an item must pass to start a match of the
    /// rule; then every distinct single-item test of the rules. Being tests like the others, the start tests
    /// are worked out once per distinct item features, and an item's starting rules are the low bits of its
    /// first word (most items start none: one load and a test).
    let tests: [ItemTest]
    /// What the tests depend on, for ``RuleStream``.
    let features: ItemFeatures
    /// The tests' outcomes by features, learnt as streams are read.
    let memo = TestMemo()
    /// The features of the knowledge base's words and entries, worked out when a stream first reads them.
    let knowledgeMemo = KnowledgeFeaturesMemo()
    /// The instructions of the longest program: what the one ``RuleMatcher/Seen`` of a stream holds.
    let longestProgram: Int

    /// Parses and compiles a rule file's text; the first problem is thrown as `file:line:column: message`.
    public init(parsing text: String, file: String = "<rules>") throws(KnowledgeError) {
        // Literals must compare with normalised token text: NFC, new-style tone marks (`uỷ` → `ủy`).
        let normalized = SourceText(text).string
        var parser = RuleParser(file: file)
        let parsed = try parser.parse(normalized)
        let programs = parsed.map { RuleCompiler.compile($0.pattern) }
        var itemTests: [ItemTest] = []
        for program in programs {
            for case .consume(let test, _) in program.instructions where !itemTests.contains(test) { itemTests.append(test) }
        }
        let number = { (test: ItemTest) -> Int in programs.count + itemTests.firstIndex(of: test)! }
        let tests = programs.map { ItemTest.anyOf($0.firstTests) } + itemTests
        let words = max(1, (tests.count + 63) / 64)
        rules = zip(parsed, programs).map { parsed, program in
            Rule(id: parsed.id, priority: parsed.priority, attributes: parsed.attributes, file: file, line: parsed.line,
                 program: program,
                 matcher: RuleMatcher(program: program, multiline: parsed.attributes["multiline"] == "yes", words: words, testNumber: number),
                 requiredKinds: parsed.pattern.requiredKinds)
        }
        self.tests = tests
        features = ItemFeatures(tests: tests)
        longestProgram = programs.map { $0.instructions.count }.max() ?? 0
    }

    /// Reads a rule file; errors name the file, line and column.
    public init(path: String) throws {
        let bytes = try InputReader.read(path: path)
        let text = try SourceText(bytes: bytes, file: path)
        try self.init(parsing: text.string, file: path)
    }

    /// Calls `body` with every rule whose start test the item with test bits at `offset` passes, in order.
    @inline(__always)
    private func forEachStartingRule(_ bits: UnsafeBufferPointer<UInt64>, at offset: Int, _ body: (Int) -> Void) {
        var bit = 0
        let end = rules.count
        while bit < end {
            let word = bits[offset &+ bit >> 6] >> UInt64(bit & 63)
            if word == 0 {
                bit = (bit | 63) + 1
                continue
            }
            bit += word.trailingZeroBitCount
            guard bit < end else { break }
            body(bit)
            bit += 1
        }
    }

    /// The rule with an id, if any. - Complexity: O(rules).
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Where the bundled `roles.rules` is (SwiftPM copies the `Resources` folder whole).
    public static var bundledPath: String? {
        (Bundle.module.url(forResource: "Resources/roles", withExtension: "rules")
            ?? Bundle.module.url(forResource: "roles", withExtension: "rules", subdirectory: "Resources"))?.path
    }

    /// The role rules shipped with rolegraph, compiled once per process.
    public static let bundled: RuleSet = {
        do {
            guard let path = bundledPath else { fatalError("rolegraph's bundled roles.rules is missing") }
            return try RuleSet(path: path)
        } catch {
            fatalError("rolegraph's bundled roles.rules is broken: \(error)")
        }
    }()

    /// Every rule's longest match at every start item, sorted by start, priority, rule order.
    public func matches(in items: [RuleItem]) -> [RuleMatch] { matches(in: RuleStream(items: items, rules: self)) }

    /// ``matches(in:)-([RuleItem])`` of a stream already made (``RuleItems/stream(context:result:rules:)``).
    func matches(in view: RuleStream) -> [RuleMatch] {
        // Rule, items and where the captures start in `log`: the matches are made once the log is complete.
        var found: [(order: Int, items: Range<Int>, captureStart: Int)] = []
        var log: [Int] = []
        let count = view.count
        let words = view.words
        // Read through buffer pointers: the loop runs once per item, and array reads with their checks cost
        // more than the tests they read. Most items (plain words) start no rule: no start test bit is set.
        // One for all the rules: a run's marks are of its own generations, and its lists fit the largest program.
        let seen = RuleMatcher.Seen(count: longestProgram)
        withExtendedLifetime(view) {
        let bits = view.bits, lineKinds = view.lineKinds, streamKinds = view.streamKinds
        let stream = RuleMatcher.Items(bits: bits, words: words, startsLine: view.startsLine)
        rules.withUnsafeBufferPointer { rules in
        for start in 0..<count {
            forEachStartingRule(bits, at: start &* words) { order in
                let required = rules[order].requiredKinds
                let reachable = rules[order].matcher.multiline ? streamKinds : lineKinds
                let captureStart = log.count
                guard reachable[start] & required == required, rules[order].matcher.mayMatch(in: stream, from: start),
                      let end = rules[order].matcher.longestMatch(in: stream, from: start, seen: seen, captures: &log)
                else { return }
                found.append((order, start..<end, captureStart))
            }
        }
        found.sort { a, b in
            (a.items.lowerBound, -rules[a.order].priority, a.order) < (b.items.lowerBound, -rules[b.order].priority, b.order)
        }
        }
        }
        return found.map { match in
            let rule = rules[match.order]
            return RuleMatch(rule: rule.id, priority: rule.priority, items: match.items, captureNames: rule.program.captureNames,
                             captureLog: log, captureStart: match.captureStart, attributes: rule.attributes)
        }
    }
}

extension RuleItem.Kind {
    /// This kind as one bit of a kind set.
    var bit: UInt8 {
        switch self {
        case .person: 1
        case .position: 2
        case .organization: 4
        case .location: 8
        case .cue: 16
        case .honorific: 32
        case .period: 64
        case .token: 128
        }
    }
}

extension ItemTest {
    /// The item kinds the test can accept (a superset).
    var possibleKinds: UInt8 {
        switch self {
        case .kind(let kind): kind.bit
        case .word, .capitalized, .punctuation, .number: RuleItem.Kind.token.bit
        case .constrained(let base, _): base.possibleKinds
        case .anyOf(let tests): tests.reduce(0) { $0 | $1.possibleKinds }
        case .any, .literal, .not: 0xFF
        }
    }
}

extension RulePattern {
    /// The item kinds every match of the pattern consumes an item of (a subset).
    var requiredKinds: UInt8 {
        switch self {
        case .item(let test):
            let possible = test.possibleKinds
            return possible.nonzeroBitCount == 1 ? possible : 0
        case .sequence(let parts): return parts.reduce(0) { $0 | $1.requiredKinds }
        case .alternation(let options):
            guard let first = options.first else { return 0 }
            return options.dropFirst().reduce(first.requiredKinds) { $0 & $1.requiredKinds }
        case .repetition(let body, let min, _): return min > 0 ? body.requiredKinds : 0
        case .capture(_, let body): return body.requiredKinds
        case .lineStart: return 0
        }
    }
}
