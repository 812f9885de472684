/// A pattern compiled to a short instruction list for ``RuleMatcher``, a Thompson/Pike-style
/// automaton: `consume` steps over one item, `split` forks (the first branch preferred), `jump` and
/// `lineStart` are free moves, `match` accepts.
///
/// Compiling once per rule file means matching never re-reads pattern text; a program is a few dozen
/// instructions, so it is cheap to keep one per rule and share it across threads (it is immutable).
struct RuleProgram: Sendable, Equatable {
    enum Instruction: Sendable, Equatable {
        /// Consumes one item that passes the test and records its index under each capture slot listed
        /// (the captures that enclose this element in the pattern).
        case consume(ItemTest, captures: [Int])
        /// Goes on at both targets; the first is preferred when two paths meet (greedy repetition).
        case split(Int, Int)
        case jump(Int)
        /// Goes on only if the next item starts a line (`true`) or does not (`false`).
        case lineStart(Bool)
        case match
    }

    var instructions: [Instruction]
    /// Capture slot → name; a name used twice in a pattern (`positions=… positions=…`) has one slot.
    var captureNames: [String]

    /// The tests of the `consume` instructions a match can begin with: a start item that passes none of
    /// them cannot start a match, and ``RuleSet/matches(in:)`` skips it without running the matcher.
    var firstTests: [ItemTest] {
        var tests: [ItemTest] = []
        var seen = Set<Int>()
        var stack = [0]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[pc] {
            case .consume(let test, _): tests.append(test)
            case .split(let a, let b): stack += [b, a]
            case .jump(let target): stack.append(target)
            case .lineStart: stack.append(pc + 1)
            case .match: break
            }
        }
        return tests
    }
}

/// Turns a ``RulePattern`` into a ``RuleProgram``.
///
/// - `A B`: A's code, then B's.
/// - `A | B`: `split(a, b)`, a: A, `jump end`, b: B.
/// - `A*`: loop: `split(body, end)`, body: A, `jump loop`; `A+` is `A A*`; `A?` is `split(body, end)` + A;
///   `A{m,n}`: m copies of A, then n−m nested optional copies that all skip to the same end.
/// - `name=A`: A's code with the name's slot added to every `consume` inside it.
///
/// - Complexity: O(size of the pattern with counted repetitions expanded), at most 32 copies each.
struct RuleCompiler {
    private var instructions: [RuleProgram.Instruction] = []
    private var captureNames: [String] = []
    private var open: [Int] = []

    static func compile(_ pattern: RulePattern) -> RuleProgram {
        var compiler = RuleCompiler()
        compiler.emit(pattern)
        compiler.instructions.append(.match)
        return RuleProgram(instructions: compiler.instructions, captureNames: compiler.captureNames)
    }

    private mutating func emit(_ pattern: RulePattern) {
        switch pattern {
        case .item(let test):
            instructions.append(.consume(test, captures: open))
        case .sequence(let parts):
            for part in parts { emit(part) }
        case .alternation(let options):
            var jumps: [Int] = []
            for (offset, option) in options.enumerated() {
                if offset == options.count - 1 {
                    emit(option)
                } else {
                    let split = placeholder()
                    emit(option)
                    jumps.append(placeholder())
                    instructions[split] = .split(split + 1, instructions.count)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min { emit(body) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(placeholder())
                    emit(body)
                }
                for split in splits { instructions[split] = .split(split + 1, instructions.count) }
            } else {
                let loop = placeholder()
                emit(body)
                instructions.append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            }
        case .capture(let name, let body):
            if !captureNames.contains(name) { captureNames.append(name) }
            let slot = captureNames.firstIndex(of: name)!
            let wasOpen = open.contains(slot)
            if !wasOpen { open.append(slot) }
            emit(body)
            if !wasOpen { open.removeLast() }
        case .lineStart(let starts):
            instructions.append(.lineStart(starts))
        }
    }

    /// Reserves an instruction to fill in once its targets are known.
    private mutating func placeholder() -> Int {
        instructions.append(.jump(-1))
        return instructions.count - 1
    }
}
