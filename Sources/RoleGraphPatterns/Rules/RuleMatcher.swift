/// Runs one compiled rule from one start item and returns its longest match.
///
/// A Pike VM: every live path ("thread") advances over the same item in lockstep, and two threads that
/// reach the same instruction at the same item merge into the one that came first, the one the greedy
/// reading prefers. So a run costs O(items it reads × instructions) however the pattern nests its
/// `*` and `|`, with no backtracking and no step budget to tune: hostile text cannot make it blow up.
///
/// **Longest, then greedy.** The run goes on while any thread lives and remembers the last item
/// position where a thread reached `match`; of the threads that match there, the first in preference
/// order gives the captures. `PERSON ("," POSITION)*` over `PERSON , POSITION , POSITION .` matches
/// all five items, though stopping after one would also be a match.
///
/// **One line.** Unless the rule is `multiline`, no item after the first may start a line: every shape
/// in Vietnamese news that states a role stays on its line, and a heading or a new paragraph is never
/// the rest of a list.
///
/// An immutable class: a run reads the program in place, where a struct held by a ``Rule`` was copied
/// (its five arrays retained and released) at every start item, some 350 instructions a run.
final class RuleMatcher: Sendable {
    let program: RuleProgram
    let multiline: Bool

    /// The program flattened for the run: one operation per instruction, capture slots in a side table,
    /// tests as their numbers in the rule set (``RuleSet/tests``), so a step reads plain integers and
    /// the item's test bits (``RuleStream``) instead of unpacking enum payloads.
    private struct Operation: Sendable {
        enum Code: UInt8, Sendable { case consume, split, jump, lineStart, match }
        var code: Code
        /// `consume`: test number; `split`/`jump`: first target; `lineStart`: 1 wanted / 0 not.
        var a: Int32
        /// `split`: second target; `consume`: first slot in ``slots``.
        var b: Int32
        /// `consume`: number of slots.
        var c: Int32
    }
    private let operations: [Operation]
    private let slots: [Int32]
    /// Per instruction and line-start bit, the `consume` and `match` instructions its free moves (`jump`,
    /// `split`, `lineStart`) lead to, in preference order, each once: `closureTargets[closureStart[2 * pc + b]
    /// ..< closureStart[2 * pc + b + 1]]`, `b` = 1 when the item at the thread's position starts a line (or
    /// the stream ends there), the only thing a `lineStart` reads. Worked out once per rule, so adding a
    /// thread is a walk over a short list instead of a recursion per free move.
    private let closureStart: [Int32]
    private let closureTargets: [Int32]
    /// The first two steps of every run, worked out once: per line-start bit of the start item
    /// (`firstSteps[firstStart[b] ..< firstStart[b + 1]]`), the first `consume` instructions' tests, each
    /// with whether a match may end right after it and the tests of the `consume`s that may follow it
    /// (``words`` words per line-start bit of the next item, at `mask` in ``secondTests``). Most starts of
    /// most rules fail within two items; ``mayMatch(in:from:)`` rules them out without a run.
    private let firstSteps: [FirstStep]
    private let firstStart: [Int]
    private let secondTests: [UInt64]
    private let words: Int

    private struct FirstStep {
        var test: Int32
        /// Whether a match may end after the first item, by line-start bit of the next item.
        var ends: (Bool, Bool)
        var mask: Int
    }

    /// - Parameter testNumber: a test's number in the rule set's ``RuleSet/tests``.
    /// - Parameter words: words of test bits per item (``RuleStream/words``).
    init(program: RuleProgram, multiline: Bool, words: Int, testNumber: (ItemTest) -> Int) {
        self.program = program
        self.multiline = multiline
        var operations: [Operation] = []
        var slots: [Int32] = []
        for instruction in program.instructions {
            switch instruction {
            case .consume(let test, let captures):
                operations.append(Operation(code: .consume, a: Int32(testNumber(test)), b: Int32(slots.count), c: Int32(captures.count)))
                slots += captures.map { Int32($0) }
            case .split(let first, let second):
                operations.append(Operation(code: .split, a: Int32(first), b: Int32(second), c: 0))
            case .jump(let target):
                operations.append(Operation(code: .jump, a: Int32(target), b: 0, c: 0))
            case .lineStart(let wanted):
                operations.append(Operation(code: .lineStart, a: wanted ? 1 : 0, b: 0, c: 0))
            case .match:
                operations.append(Operation(code: .match, a: 0, b: 0, c: 0))
            }
        }
        self.operations = operations
        self.slots = slots
        var closureStart: [Int32] = [0]
        var closureTargets: [Int32] = []
        for pc in operations.indices {
            for startsLine in [false, true] {
                closureTargets += Self.closure(of: pc, startsLine: startsLine, operations: operations)
                closureStart.append(Int32(closureTargets.count))
            }
        }
        self.closureStart = closureStart
        self.closureTargets = closureTargets
        var firstSteps: [FirstStep] = []
        var firstStart = [0]
        var secondTests: [UInt64] = []
        for startsLine in [false, true] {
            for pc in Self.closure(of: 0, startsLine: startsLine, operations: operations) where operations[Int(pc)].code == .consume {
                var step = FirstStep(test: operations[Int(pc)].a, ends: (false, false), mask: secondTests.count)
                for nextStartsLine in [false, true] {
                    var mask = [UInt64](repeating: 0, count: words)
                    var ends = false
                    for next in Self.closure(of: Int(pc) + 1, startsLine: nextStartsLine, operations: operations) {
                        let operation = operations[Int(next)]
                        if operation.code == .match { ends = true } else { mask[Int(operation.a >> 6)] |= 1 << UInt64(operation.a & 63) }
                    }
                    if nextStartsLine { step.ends.1 = ends } else { step.ends.0 = ends }
                    secondTests += mask
                }
                firstSteps.append(step)
            }
            firstStart.append(firstSteps.count)
        }
        self.firstSteps = firstSteps
        self.firstStart = firstStart
        self.secondTests = secondTests
        self.words = words
    }

    /// The `consume` and `match` instructions that the free moves from `pc` reach, depth first in preference
    /// order (a `split`'s first target first), each the first time it is reached.
    ///
    /// Adding these to a thread list in this order, skipping those already in it, builds the list that
    /// following the free moves one by one with the list's marks builds: the marked instructions are closed
    /// under free moves (a marked instruction's moves were followed when it was marked), so an instruction
    /// the step-by-step walk cuts off is one already in the list, and the rest are reached by the same
    /// first path in the same order.
    private static func closure(of pc: Int, startsLine: Bool, operations: [Operation]) -> [Int32] {
        var visited = [Bool](repeating: false, count: operations.count)
        var targets: [Int32] = []
        func visit(_ pc: Int) {
            guard !visited[pc] else { return }
            visited[pc] = true
            let operation = operations[pc]
            switch operation.code {
            case .jump: visit(Int(operation.a))
            case .split:
                visit(Int(operation.a))
                visit(Int(operation.b))
            case .lineStart:
                if startsLine == (operation.a == 1) { visit(pc + 1) }
            case .consume, .match: targets.append(Int32(pc))
            }
        }
        visit(pc)
        return targets
    }

    /// A live path: its instruction and the head of its capture record in ``Seen/log`` (-1: none).
    /// Captures are a chain of (slot, position) entries shared by the threads that forked from one
    /// another, so a fork or a step copies two integers, never arrays.
    fileprivate struct Thread {
        var pc: Int32
        var capture: Int32
    }

    fileprivate struct LogEntry {
        var slot: Int32
        var position: Int32
        var parent: Int32
    }

    /// Marks of instructions already in the list being built, by list generation (no clearing between
    /// steps), and the buffers a run reuses: one per item stream, reused across start items and by the runs of
    /// any program of at most ``capacity`` instructions (the generations only grow, so no mark is ever current
    /// for another run).
    ///
    /// The buffers are its own allocations, written only through it by one run at a time (a `Seen` is made
    /// and used by one ``RuleSet/matches(in:)`` call on one thread), so no uniqueness or exclusivity check
    /// is needed per step. One allocation holds the marks, the lists and the first log (a `Seen` is made per
    /// document, and an allocation with its release costs some 150 instructions).
    final class Seen {
        @exclusivity(unchecked) var generation = 0
        private let memory: UnsafeMutableRawPointer
        /// One mark per instruction.
        let marks: UnsafeMutablePointer<Int>
        /// Two thread lists of ``capacity`` threads each, the current step's and the next one's: a list holds
        /// at most one thread per instruction (the marks merge the rest).
        fileprivate let lists: UnsafeMutablePointer<Thread>
        let capacity: Int
        /// The capture records of the run, ``logCount`` of ``logCapacity`` entries (doubled when full: then
        /// in an allocation of their own).
        @exclusivity(unchecked) fileprivate var log: UnsafeMutablePointer<LogEntry>
        @exclusivity(unchecked) fileprivate var logCount = 0
        @exclusivity(unchecked) fileprivate var logCapacity = 64
        private let firstLog: UnsafeMutablePointer<LogEntry>
        init(count: Int) {
            capacity = max(count, 1)
            // Widest alignment first, so that no buffer needs padding.
            let marksBytes = capacity * MemoryLayout<Int>.stride, logBytes = logCapacity * MemoryLayout<LogEntry>.stride
            memory = .allocate(byteCount: marksBytes + logBytes + 2 * capacity * MemoryLayout<Thread>.stride,
                               alignment: MemoryLayout<Int>.alignment)
            marks = memory.bindMemory(to: Int.self, capacity: capacity)
            marks.initialize(repeating: -1, count: capacity)
            firstLog = (memory + marksBytes).bindMemory(to: LogEntry.self, capacity: logCapacity)
            log = firstLog
            lists = (memory + marksBytes + logBytes).bindMemory(to: Thread.self, capacity: 2 * capacity)
            lists.initialize(repeating: Thread(pc: 0, capture: -1), count: 2 * capacity)
        }
        deinit {
            if log != firstLog { log.deallocate() }
            memory.deallocate()
        }

        /// Appends a capture record; returns its index.
        @inline(__always)
        fileprivate func record(_ entry: LogEntry) -> Int32 {
            if logCount == logCapacity {
                let grown = UnsafeMutablePointer<LogEntry>.allocate(capacity: 2 * logCapacity)
                grown.moveInitialize(from: log, count: logCount)
                if log != firstLog { log.deallocate() }
                log = grown
                logCapacity *= 2
            }
            (log + logCount).initialize(to: entry)
            logCount += 1
            return Int32(logCount - 1)
        }
    }

    /// The items as a run reads them: test bits (``RuleStream/bits``) and line starts.
    struct Items {
        let bits: UnsafeBufferPointer<UInt64>
        let words: Int
        let startsLine: UnsafeBufferPointer<Bool>
        var count: Int { startsLine.count }

        /// Whether the item passes the test with this number.
        @inline(__always)
        func passes(_ position: Int, _ test: Int32) -> Bool {
            bits[position &* words &+ Int(test >> 6)] & (1 << UInt64(test & 63)) != 0
        }
    }

    /// The program's tables as a run reads them, without array checks.
    private struct Tables {
        let operations: UnsafeBufferPointer<Operation>
        let slots: UnsafeBufferPointer<Int32>
        let closureStart: UnsafeBufferPointer<Int32>
        let closureTargets: UnsafeBufferPointer<Int32>
    }

    /// Whether a match may start at `start`: its first item passes a first test, and a match ends after it
    /// or the next item, on the same line unless the rule is multiline, passes a test that may follow.
    /// Exact: a run from a start this rules out finds nothing.
    func mayMatch(in items: Items, from start: Int) -> Bool {
        let line = items.startsLine[start] ? 1 : 0
        let next = start + 1
        let nextLine = next >= items.count || items.startsLine[next]
        let nextReadable = next < items.count && (multiline || !items.startsLine[next])
        for step in firstSteps[firstStart[line]..<firstStart[line + 1]] where items.passes(start, step.test) {
            if nextLine ? step.ends.1 : step.ends.0 { return true }
            guard nextReadable else { continue }
            let mask = step.mask + (nextLine ? words : 0)
            for word in 0..<words where items.bits[next &* words &+ word] & secondTests[mask + word] != 0 { return true }
        }
        return false
    }

    /// The end (exclusive item index) of the longest match starting at `start`, if any. Its captures are
    /// appended to `captures`: per capture name (``RuleProgram/captureNames``), where its item positions end
    /// in `captures`, then the positions, name by name, each in stream order (``RuleMatch/capture(_:)``).
    func longestMatch(in items: Items, from start: Int, seen: Seen? = nil, captures: inout [Int]) -> Int? {
        let seen = seen ?? Seen(count: program.instructions.count)
        return operations.withUnsafeBufferPointer { operations in
            slots.withUnsafeBufferPointer { slots in
                closureStart.withUnsafeBufferPointer { closureStart in
                    closureTargets.withUnsafeBufferPointer { closureTargets in
                        run(Tables(operations: operations, slots: slots, closureStart: closureStart, closureTargets: closureTargets),
                            items, from: start, seen: seen, captures: &captures)
                    }
                }
            }
        }
    }

    private func run(_ tables: Tables, _ items: Items, from start: Int, seen: Seen, captures: inout [Int]) -> Int? {
        seen.generation += 1
        seen.logCount = 0
        var current = seen.lists
        var next = seen.lists + seen.capacity
        var currentCount = 0
        Self.add(pc: 0, capture: -1, at: start, to: current, &currentCount, items: items, seen: seen, tables)
        var bestEnd = -1
        var bestCapture: Int32 = -1
        var position = start
        while currentCount > 0 {
            seen.generation += 1
            var nextCount = 0
            for index in 0..<currentCount {
                let thread = current[index]
                let operation = tables.operations[Int(thread.pc)]
                switch operation.code {
                case .match:
                    if bestEnd < position { bestEnd = position; bestCapture = thread.capture }
                case .consume:
                    guard position < items.count, items.passes(position, operation.a),
                          multiline || position == start || !items.startsLine[position] else { continue }
                    var capture = thread.capture
                    for slot in Int(operation.b)..<Int(operation.b + operation.c) {
                        capture = seen.record(LogEntry(slot: tables.slots[slot], position: Int32(position), parent: capture))
                    }
                    Self.add(pc: thread.pc + 1, capture: capture, at: position + 1, to: next, &nextCount, items: items, seen: seen, tables)
                default:
                    break  // free moves were followed when the thread was added
                }
            }
            swap(&current, &next)
            currentCount = nextCount
            position += 1
        }
        guard bestEnd >= 0 else { return nil }
        // Each name's positions, in stream order (the chain runs from the last record back: reversed in place).
        let table = captures.count
        let names = program.captureNames.count
        captures.append(contentsOf: repeatElement(0, count: names))
        for slot in 0..<names {
            let from = captures.count
            var link = bestCapture
            while link >= 0 {
                let entry = seen.log[Int(link)]
                if entry.slot == slot { captures.append(Int(entry.position)) }
                link = entry.parent
            }
            captures[from...].reverse()
            captures[table + slot] = captures.count
        }
        return bestEnd
    }

    /// Adds a thread at `pc` as the threads its free moves lead to (``closure(of:startsLine:operations:)``),
    /// in preference order; a thread at an instruction already in the list is dropped (the earlier one wins).
    @inline(__always)
    private static func add(pc: Int32, capture: Int32, at position: Int, to list: UnsafeMutablePointer<Thread>, _ count: inout Int,
                            items: Items, seen: Seen, _ tables: Tables) {
        let startsLine = position >= items.count || items.startsLine[position]
        let entry = 2 * Int(pc) + (startsLine ? 1 : 0)
        let generation = seen.generation
        let marks = seen.marks
        for index in Int(tables.closureStart[entry])..<Int(tables.closureStart[entry + 1]) {
            let target = Int(tables.closureTargets[index])
            guard marks[target] != generation else { continue }
            marks[target] = generation
            list[count] = Thread(pc: Int32(target), capture: capture)
            count += 1
        }
    }
}
