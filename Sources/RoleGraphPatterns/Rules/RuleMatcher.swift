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
struct RuleMatcher {
    let program: RuleProgram
    let multiline: Bool

    private struct Thread {
        var pc: Int
        var captures: [[Int]]
    }

    /// Marks of instructions already in the list being built, by list generation (no clearing between
    /// steps). One per rule and item stream, reused across start items: a run allocates nothing else
    /// but its thread lists.
    final class Seen {
        var generation = 0
        var marks: [Int]
        init(count: Int) { marks = Array(repeating: -1, count: count) }
    }

    /// The end (exclusive item index) and captures of the longest match starting at `start`, if any.
    func longestMatch(in items: [RuleItem], from start: Int, seen: Seen? = nil) -> (end: Int, captures: [[Int]])? {
        let seen = seen ?? Seen(count: program.instructions.count)
        seen.generation += 1
        var current: [Thread] = []
        add(Thread(pc: 0, captures: Array(repeating: [], count: program.captureNames.count)), at: start, to: &current,
            items: items, seen: seen)
        var best: (end: Int, captures: [[Int]])? = nil
        var position = start
        while !current.isEmpty {
            seen.generation += 1
            var next: [Thread] = []
            for thread in current {
                switch program.instructions[thread.pc] {
                case .match:
                    if best == nil || best!.end < position { best = (position, thread.captures) }
                case .consume(let test, let slots):
                    guard position < items.count, test.matches(items[position]),
                          multiline || position == start || !items[position].startsLine else { continue }
                    var advanced = thread
                    advanced.pc += 1
                    for slot in slots { advanced.captures[slot].append(position) }
                    add(advanced, at: position + 1, to: &next, items: items, seen: seen)
                default:
                    break  // free moves were followed when the thread was added
                }
            }
            current = next
            position += 1
        }
        return best
    }

    /// Adds a thread and every thread its free moves (`jump`, `split`, `lineStart`) lead to, in
    /// preference order; a thread at an instruction already in the list is dropped (the earlier one wins).
    private func add(_ thread: Thread, at position: Int, to list: inout [Thread], items: [RuleItem], seen: Seen) {
        guard seen.marks[thread.pc] != seen.generation else { return }
        seen.marks[thread.pc] = seen.generation
        switch program.instructions[thread.pc] {
        case .jump(let target):
            add(Thread(pc: target, captures: thread.captures), at: position, to: &list, items: items, seen: seen)
        case .split(let first, let second):
            add(Thread(pc: first, captures: thread.captures), at: position, to: &list, items: items, seen: seen)
            add(Thread(pc: second, captures: thread.captures), at: position, to: &list, items: items, seen: seen)
        case .lineStart(let wanted):
            let starts = position >= items.count || items[position].startsLine
            if starts == wanted {
                add(Thread(pc: thread.pc + 1, captures: thread.captures), at: position, to: &list, items: items, seen: seen)
            }
        case .consume, .match:
            list.append(thread)
        }
    }
}
