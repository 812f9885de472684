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
    /// ``RuleProgram/firstTests``, worked out once.
    let firstTests: [ItemTest]
    /// The program ready to run (``RuleMatcher``), built once.
    let matcher: RuleMatcher

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
    /// no path of the match is absent.
    public let captures: [String: [Int]]
    /// The rule's attributes, for the code that acts on the match.
    public let attributes: [String: String]

    /// The phrase or position indices (``RuleItem/index``) of a capture's items, in order.
    public func indices(_ capture: String, in stream: [RuleItem]) -> [Int] {
        (captures[capture] ?? []).compactMap { stream[$0].index }
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

    /// Parses and compiles a rule file's text; the first problem is thrown as `file:line:column: message`.
    public init(parsing text: String, file: String = "<rules>") throws(KnowledgeError) {
        // Literals must compare with normalised token text: NFC, new-style tone marks (`uỷ` → `ủy`).
        let normalized = SourceText(text).string
        var parser = RuleParser(file: file)
        rules = try parser.parse(normalized).map { parsed in
            let program = RuleCompiler.compile(parsed.pattern)
            return Rule(id: parsed.id, priority: parsed.priority, attributes: parsed.attributes, file: file, line: parsed.line,
                 program: program, firstTests: program.firstTests,
                 matcher: RuleMatcher(program: program, multiline: parsed.attributes["multiline"] == "yes"))
        }
    }

    /// Reads a rule file; errors name the file, line and column.
    public init(path: String) throws {
        let bytes = try InputReader.read(path: path)
        let text = try SourceText(bytes: bytes, file: path)
        try self.init(parsing: text.string, file: path)
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
    public func matches(in items: [RuleItem]) -> [RuleMatch] {
        var found: [(match: RuleMatch, order: Int)] = []
        items.withUnsafeBufferPointer { items in
        for (order, rule) in rules.enumerated() {
            let matcher = rule.matcher
            let seen = RuleMatcher.Seen(count: rule.program.instructions.count)
            let firstTests = rule.firstTests
            for start in items.indices {
                var starts = false
                for test in firstTests where test.matches(items, start) { starts = true; break }
                guard starts, let (end, slots) = matcher.longestMatch(in: items, from: start, seen: seen) else { continue }
                var captures: [String: [Int]] = [:]
                for (slot, name) in rule.program.captureNames.enumerated() where !slots[slot].isEmpty {
                    captures[name] = slots[slot]
                }
                found.append((RuleMatch(rule: rule.id, priority: rule.priority, items: start..<end, captures: captures,
                                        attributes: rule.attributes), order))
            }
        }
        }
        found.sort { a, b in
            (a.match.items.lowerBound, -a.match.priority, a.order) < (b.match.items.lowerBound, -b.match.priority, b.order)
        }
        return found.map(\.match)
    }
}
