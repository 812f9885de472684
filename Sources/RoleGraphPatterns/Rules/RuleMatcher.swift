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
struct RuleMatcher: Sendable {
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

    /// - Parameter testNumber: a test's number in the rule set's ``RuleSet/tests``.
    init(program: RuleProgram, multiline: Bool, testNumber: (ItemTest) -> Int) {
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
    /// steps), and the buffers a run reuses. One per rule and item stream, reused across start items.
    final class Seen {
        var generation = 0
        /// One mark per instruction (a buffer of its own: no uniqueness or exclusivity checks per step).
        let marks: UnsafeMutablePointer<Int>
        @exclusivity(unchecked) fileprivate var log: [LogEntry] = []
        @exclusivity(unchecked) fileprivate var current: [Thread] = []
        @exclusivity(unchecked) fileprivate var next: [Thread] = []
        init(count: Int) {
            marks = .allocate(capacity: max(count, 1))
            marks.initialize(repeating: -1, count: max(count, 1))
        }
        deinit { marks.deallocate() }
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

    /// The end (exclusive item index) and captures of the longest match starting at `start`, if any.
    func longestMatch(in items: Items, from start: Int, seen: Seen? = nil) -> (end: Int, captures: [[Int]])? {
        let seen = seen ?? Seen(count: program.instructions.count)
        seen.generation += 1
        seen.log.removeAll(keepingCapacity: true)
        var current = seen.current
        var next = seen.next
        seen.current = []
        seen.next = []
        current.removeAll(keepingCapacity: true)
        add(Thread(pc: 0, capture: -1), at: start, to: &current, items: items, seen: seen)
        var bestEnd = -1
        var bestCapture: Int32 = -1
        var position = start
        while !current.isEmpty {
            seen.generation += 1
            next.removeAll(keepingCapacity: true)
            for thread in current {
                let operation = operations[Int(thread.pc)]
                switch operation.code {
                case .match:
                    if bestEnd < position { bestEnd = position; bestCapture = thread.capture }
                case .consume:
                    guard position < items.count, items.passes(position, operation.a),
                          multiline || position == start || !items.startsLine[position] else { continue }
                    var advanced = thread
                    advanced.pc += 1
                    var slot = Int(operation.b)
                    let slotEnd = slot + Int(operation.c)
                    while slot < slotEnd {
                        seen.log.append(LogEntry(slot: slots[slot], position: Int32(position), parent: advanced.capture))
                        advanced.capture = Int32(seen.log.count - 1)
                        slot += 1
                    }
                    add(advanced, at: position + 1, to: &next, items: items, seen: seen)
                default:
                    break  // free moves were followed when the thread was added
                }
            }
            swap(&current, &next)
            position += 1
        }
        seen.current = current
        seen.next = next
        guard bestEnd >= 0 else { return nil }
        var captures = Array(repeating: [Int](), count: program.captureNames.count)
        var chain: [LogEntry] = []
        var link = bestCapture
        while link >= 0 {
            let entry = seen.log[Int(link)]
            chain.append(entry)
            link = entry.parent
        }
        for entry in chain.reversed() { captures[Int(entry.slot)].append(Int(entry.position)) }
        return (bestEnd, captures)
    }

    /// Adds a thread and every thread its free moves (`jump`, `split`, `lineStart`) lead to, in
    /// preference order; a thread at an instruction already in the list is dropped (the earlier one wins).
    private func add(_ thread: Thread, at position: Int, to list: inout [Thread], items: Items, seen: Seen) {
        let pc = Int(thread.pc)
        guard seen.marks[pc] != seen.generation else { return }
        seen.marks[pc] = seen.generation
        let operation = operations[pc]
        switch operation.code {
        case .jump:
            add(Thread(pc: operation.a, capture: thread.capture), at: position, to: &list, items: items, seen: seen)
        case .split:
            add(Thread(pc: operation.a, capture: thread.capture), at: position, to: &list, items: items, seen: seen)
            add(Thread(pc: operation.b, capture: thread.capture), at: position, to: &list, items: items, seen: seen)
        case .lineStart:
            let starts = position >= items.count || items.startsLine[position]
            if starts == (operation.a == 1) {
                add(Thread(pc: thread.pc + 1, capture: thread.capture), at: position, to: &list, items: items, seen: seen)
            }
        case .consume, .match:
            list.append(thread)
        }
    }
}
