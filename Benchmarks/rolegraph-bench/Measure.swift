import Foundation

/// Timing helpers: warm-up runs, then the median of several timed repetitions with `ContinuousClock`.
///
/// Everything runs sequentially on the calling thread, so every figure is a one-core figure.
enum Measure {
    /// Runs `body` `warmUp` times untimed, then `repetitions` times timed; returns the median duration.
    static func median(warmUp: Int = 1, repetitions: Int, _ body: () throws -> Void) rethrows -> Duration {
        let samples = try timings(warmUp: warmUp, repetitions: repetitions, body)
        return samples[samples.count / 2]
    }

    /// Runs `body` `warmUp` times untimed, then `repetitions` times timed; returns the durations, fastest first.
    static func timings(warmUp: Int = 1, repetitions: Int, _ body: () throws -> Void) rethrows -> [Duration] {
        precondition(repetitions > 0)
        for _ in 0..<warmUp { try body() }
        let clock = ContinuousClock()
        var samples: [Duration] = []
        samples.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            samples.append(try clock.measure(body))
        }
        return samples.sorted()
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }

    var milliseconds: Double { seconds * 1000 }
}

/// Throughput in MB/s (10^6 bytes per second) of `bytes` processed in `duration`.
func megabytesPerSecond(_ bytes: Int, in duration: Duration) -> Double {
    Double(bytes) / 1e6 / duration.seconds
}

/// Keeps a value alive so that the optimiser cannot drop the work that produced it.
@inline(never) @_optimize(none)
func blackHole<T>(_ value: T) {}

/// One output line: `name: value unit (target …)`.
enum Report {
    static func line(_ name: String, _ value: Double, _ unit: String, decimals: Int = 1, note: String? = nil) {
        var text = "\(name): \(String(format: "%.\(decimals)f", value)) \(unit)"
        if let note { text += " (\(note))" }
        print(text)
    }

    static func count(_ name: String, _ value: Int, _ unit: String, note: String? = nil) {
        var text = "\(name): \(value) \(unit)"
        if let note { text += " (\(note))" }
        print(text)
    }

    static func section(_ title: String) {
        print("")
        print("## \(title)")
    }

    /// `target < 50 ms → ok` / `… → MISSED`.
    static func target(_ description: String, met: Bool) -> String {
        "target \(description)\(met ? "" : " — MISSED")"
    }
}

/// Peak resident set size (`VmHWM` in `/proc/self/status`) in kB, or `nil` off Linux.
func peakResidentKilobytes() -> Int? {
    // /proc files report size 0, so read to the end instead of by size.
    guard let handle = FileHandle(forReadingAtPath: "/proc/self/status"),
          let data = try? handle.readToEnd() else { return nil }
    let status = String(decoding: data, as: UTF8.self)
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
    return nil
}
