/// Collects normalised scalars as UTF-8, with the edits of the offset map back to the
/// input, and moves old-style tone marks to new style on the fly.
///
/// Output comes in *units*: the smallest stretch of input that turned into a stretch of
/// output: one copied scalar, a starter with its combining marks, `CR LF`, or an
/// `oa`/`oe`/`uy` pair whose tone moved. A unit that is one output scalar as long as its
/// input is offset-wise a copy and records nothing; every other unit records an
/// ``OffsetMap/Edit``. Stretches known to be copies are appended in bulk with
/// ``copy(_:_:)``.
///
/// The tone rewrite needs one scalar of look-ahead (does a letter follow the pair?),
/// so a candidate pair stays pending until the next scalar or ``finish(inEnd:)`` arrives.
struct NormalizedTextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var edits: [OffsetMap.Edit] = []

    /// The open unit: where it starts in output and input, how many scalars it has output,
    /// and whether it must be recorded whatever its length (a merged tone pair).
    private var unitOpen = false
    private var unitOutStart = 0
    private var unitInStart = 0
    private var unitScalars = 0
    private var unitForced = false
    /// Set by ``beginUnit(inStart:)``; the unit opens with its first scalar, after a
    /// pending tone pair of the previous unit is settled.
    private var unitRequested = false
    private var requestedInStart = 0

    /// The last three scalars appended (`last` is the newest), where the last two start,
    /// and where the units holding them start in output and input.
    private(set) var beforePrevious: UInt32 = 0
    private(set) var previous: UInt32 = 0
    private var previousStart = 0
    private var previousUnitOut = 0
    private var previousUnitIn = 0
    private(set) var last: UInt32 = 0
    private var lastStart = 0
    private var lastUnitOut = 0
    private var lastUnitIn = 0
    /// The new-style replacement for (`previous`, `last`), waiting for the next scalar.
    private var pending: (UInt32, UInt32)?

    var hasPending: Bool { pending != nil }

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Starts a new unit at input byte `inStart`; the scalars appended next belong to it.
    @inline(__always)
    mutating func beginUnit(inStart: Int) {
        unitRequested = true
        requestedInStart = inStart
    }

    /// Appends one output scalar to the current unit.
    /// - Complexity: amortised O(1).
    @inline(__always)
    mutating func append(_ v: UInt32) {
        if let pair = pending {
            pending = nil
            if !ToneMarks.isLetter(v) { rewritePending(pair) }
        }
        if unitRequested {
            unitRequested = false
            closeUnit(inEnd: requestedInStart)
            unitOpen = true
            unitOutStart = bytes.count
            unitInStart = requestedInStart
            unitScalars = 0
            unitForced = false
        }
        let start = bytes.count
        UTF8Scalars.append(v, to: &bytes)
        unitScalars += 1
        shift(v, start: start, unitOut: unitOutStart, unitIn: unitInStart)
    }

    /// Records `v` as the newest scalar and checks whether it completes an old-style pair.
    @inline(__always)
    private mutating func shift(_ v: UInt32, start: Int, unitOut: Int, unitIn: Int) {
        beforePrevious = previous
        previous = last
        previousStart = lastStart
        previousUnitOut = lastUnitOut
        previousUnitIn = lastUnitIn
        last = v
        lastStart = start
        lastUnitOut = unitOut
        lastUnitIn = unitIn
        if v >= 0xC0, ToneMarks.mayBeSecondVowel(v), ToneMarks.mayBeFirstVowel(previous),
           let pair = ToneMarks.newStyle(before: beforePrevious, first: previous, second: v) {
            pending = pair
        }
    }

    /// Appends input bytes that are, scalar for scalar, their own normal form and units of
    /// their own (see ``Normalizer``). Call with no unit requested.
    /// - Complexity: O(k) for k bytes, one copy.
    mutating func copy(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if range.isEmpty { return }
        closeUnit(inEnd: range.lowerBound)
        let outBase = bytes.count
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[range]))
        // The tone state after the copy: its last (up to) three scalars.
        var starts: (Int, Int, Int) = (0, 0, 0)
        var found = 0
        var k = range.upperBound
        while found < 3, k > range.lowerBound {
            k -= 1
            while k > range.lowerBound, p[k] & 0xC0 == 0x80 { k -= 1 }
            switch found {
            case 0: starts.0 = k
            case 1: starts.1 = k
            default: starts.2 = k
            }
            found += 1
        }
        pending = nil
        for index in stride(from: found - 1, through: 0, by: -1) {
            let s = index == 0 ? starts.0 : (index == 1 ? starts.1 : starts.2)
            let out = outBase + (s - range.lowerBound)
            pending = nil
            shift(UTF8Scalars.decode(p, at: s).value, start: out, unitOut: out, unitIn: s)
        }
    }

    /// Replaces the last two scalars by their new-style form; both units become one,
    /// which stays open.
    private mutating func rewritePending(_ pair: (UInt32, UInt32)) {
        let mergedOut = previousUnitOut, mergedIn = previousUnitIn
        while let e = edits.last, Int(e.outStart) >= mergedOut { edits.removeLast() }
        // The pair is always the tail of the output: the rewrite runs before the next scalar lands.
        bytes.removeSubrange(previousStart...)
        UTF8Scalars.append(pair.0, to: &bytes)
        let secondStart = bytes.count
        UTF8Scalars.append(pair.1, to: &bytes)
        unitOpen = true
        unitOutStart = mergedOut
        unitInStart = mergedIn
        unitScalars = 2
        unitForced = true
        previous = pair.0
        previousUnitOut = mergedOut
        previousUnitIn = mergedIn
        last = pair.1
        lastStart = secondStart
        lastUnitOut = mergedOut
        lastUnitIn = mergedIn
    }

    /// Closes the open unit, recording an edit unless it is a same-length single scalar.
    @inline(__always)
    private mutating func closeUnit(inEnd: Int) {
        guard unitOpen else { return }
        unitOpen = false
        let outEnd = bytes.count
        if unitForced || unitScalars != 1 || outEnd - unitOutStart != inEnd - unitInStart {
            edits.append(OffsetMap.Edit(outStart: Int32(truncatingIfNeeded: unitOutStart),
                                        outEnd: Int32(truncatingIfNeeded: outEnd),
                                        inStart: Int32(truncatingIfNeeded: unitInStart),
                                        inEnd: Int32(truncatingIfNeeded: inEnd)))
        }
    }

    /// Completes the text: settles a pending pair and closes the last unit.
    mutating func finish(inEnd: Int) {
        if let pair = pending {
            pending = nil
            rewritePending(pair)
        }
        closeUnit(inEnd: inEnd)
    }
}
