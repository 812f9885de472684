import Foundation
import RoleGraphGraph
import Testing
@testable import RoleGraphRender

/// In-process Graphviz: Vietnamese text intact, byte-stable output, errors as values, thread safety.
@Suite struct GraphvizTests {
    static let chartDOT = DOTWriter.dot(for: Fixtures.combinedGraph, title: "Baonghean.vn, 24/4/2021")

    @Test func svgShowsEveryNameAndTitleInVietnamese() throws {
        let svg = String(decoding: try Chart.render(Fixtures.combinedGraph, format: .svg), as: UTF8.self)
        let export = Fixtures.combinedGraph.export()
        for person in export.persons { #expect(svg.contains(person.name), "missing person \(person.name)") }
        for post in export.posts { #expect(svg.contains(post.role), "missing title \(post.role)") }
        for name in ["Huỳnh Tấn Việt", "Nguyễn Hữu Nghĩa", "Phó Trưởng ban", "Bí thư", "Ủy viên",
                     "Đảng ủy Khối các cơ quan Trung ương", "Ban Tổ chức Tỉnh ủy Nghệ An", "Tỉnh ủy Nghệ An"] {
            #expect(svg.contains(name), "missing \(name)")
        }
        #expect(svg.contains("font-family=\"DejaVu Sans\""))
        #expect(svg.contains("class=\"node person\""))
    }

    @Test func twoSVGRendersAreByteEqual() throws {
        let a = try Graphviz.render(dot: Self.chartDOT, format: "svg")
        let b = try Graphviz.render(dot: Self.chartDOT, format: "svg")
        #expect(!a.isEmpty)
        let equal = a == b
        #expect(equal, "two renders of one text differ")
    }

    @Test func pngAndLaidOutDOT() throws {
        let png = try Graphviz.render(dot: Self.chartDOT, format: "png")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let laidOut = String(decoding: try Graphviz.render(dot: Self.chartDOT, format: "dot"), as: UTF8.self)
        #expect(laidOut.contains("pos="))
        #expect(laidOut.contains("Huỳnh Tấn Việt"))
    }

    @Test(arguments: [
        "digraph { a -> }",
        "digraph \"g\" { a [label=<<b>x</i>>]; }",
        "this is not dot",
        "",
    ])
    func malformedDOTIsARenderErrorAndStderrStaysQuiet(dot: String) throws {
        var thrown: RenderError?
        let stderr = try captureStandardError {
            do { _ = try Graphviz.render(dot: dot, format: "svg") } catch let error as RenderError { thrown = error } catch {}
        }
        let error = try #require(thrown)
        #expect(!error.message.isEmpty)
        // Other tests may print meanwhile (Swift Testing reports on stderr); Graphviz's lines start so:
        let graphvizLines = stderr.split(separator: "\n").filter {
            $0.hasPrefix("Error:") || $0.hasPrefix("Warning:") || $0.contains("syntax error") || $0.contains("in label of")
        }
        #expect(graphvizLines.isEmpty, "Graphviz wrote to stderr: \(graphvizLines)")
        // The library is still usable afterwards.
        let after = try Graphviz.render(dot: Self.chartDOT, format: "svg")
        let equal = after == (try Graphviz.render(dot: Self.chartDOT, format: "svg"))
        #expect(equal, "renders after an error differ")
    }

    @Test func syntaxErrorsNameTheLine() throws {
        #expect(throws: RenderError.self) { try Graphviz.render(dot: "digraph {\n a -> b\n c -> \n}", format: "svg") }
        do {
            _ = try Graphviz.render(dot: "digraph {\n a -> b\n c -> \n}", format: "svg")
        } catch {
            #expect(error.message.contains("syntax error"))
            #expect(error.message.contains("line"))
        }
    }

    #if os(Linux)
    /// The chart is drawn in-process by the shared Graphviz libraries, not by spawning `dot`.
    @Test func linksTheGraphvizLibraries() throws {
        _ = try Graphviz.render(dot: "digraph \"g\" { a -> b }", format: "svg")
        // /proc files report size 0, so read to the end rather than by size.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
        defer { try? handle.close() }
        let maps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        #expect(maps.contains("libgvc.so"))
        #expect(maps.contains("libcgraph.so"))
    }
    #endif

    @Test func unknownFormatIsRejected() {
        #expect(throws: RenderError.self) { try Graphviz.render(dot: Self.chartDOT, format: "pdfx") }
    }

    /// 1,000 charts from 4 threads at once: four different charts in rotation (so a render that picked
    /// up another thread's graph would show), each compared byte for byte with its own reference, through
    /// both entry points. Prints the growth of the resident set (Graphviz's dot plugin leaks a little
    /// per graph with clusters); the bound only catches a leak of whole charts, about 100 KB a render.
    @Test func thousandConcurrentRendersAgreeAndDoNotCrash() throws {
        let graphs = [Fixtures.seedGraph, Fixtures.combinedGraph,
                      RoleGraph(document: try Fixtures.frozenDocument("baomoi-21490864")),
                      RoleGraph(document: try Fixtures.frozenDocument("baomoi-22583622"))]
        let dots = graphs.map { DOTWriter.dot(for: $0, title: "chart") }
        let references = try dots.map { try Graphviz.render(dot: $0, format: "svg") }
        #expect(Set(references).count == 4, "the four charts differ from each other")
        let rssBefore = ResidentSet.bytes()
        let results = Results()
        let threads = 4, perThread = 250
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            let thread = Thread {
                var wrong = 0
                for i in 0..<perThread {
                    let k = (i + t) % graphs.count
                    // Alternate the two entry points so both take the lock.
                    let svg = i % 2 == 0
                        ? (try? Graphviz.render(dot: dots[k], format: "svg")) ?? []
                        : (try? Chart.render(graphs[k], format: .svg, title: "chart")) ?? []
                    if svg != references[k] { wrong += 1 }
                }
                results.add(renders: perThread, wrong: wrong)
                group.leave()
            }
            thread.start()
        }
        group.wait()
        let rssAfter = ResidentSet.bytes()
        let (renders, wrong) = results.totals
        #expect(renders == 1_000)
        #expect(wrong == 0, "\(wrong) of \(renders) concurrent renders differ from their reference")
        if let rssBefore, let rssAfter {
            let growth = rssAfter - rssBefore
            print("1,000 renders from 4 threads: RSS \(rssBefore / 1024) KB → \(rssAfter / 1024) KB, growth \(growth / 1024) KB (\(growth / renders) bytes per render)")
            #expect(growth < 100 * 1024 * renders, "RSS grew by \(growth / 1024) KB")
        }
    }
}

/// Counts per-thread results.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var renders = 0, wrong = 0
    func add(renders: Int, wrong: Int) { lock.lock(); self.renders += renders; self.wrong += wrong; lock.unlock() }
    var totals: (Int, Int) { lock.lock(); defer { lock.unlock() }; return (renders, wrong) }
}

/// The process's resident set size from `/proc/self/status` (`VmRSS`); `nil` where there is no /proc.
enum ResidentSet {
    static func bytes() -> Int? {
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/status"),
              let data = try? handle.readToEnd() else { return nil }
        try? handle.close()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb * 1024
    }
}

private let captureLock = NSLock()

/// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was written.
/// Whatever was captured is passed on to the real stderr afterwards, so other tests' output is not lost.
func captureStandardError(_ body: () throws -> Void) throws -> String {
    // One capture at a time: interleaved dup2 calls from parallel tests would lose the real stderr.
    captureLock.lock()
    defer { captureLock.unlock() }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try FileHandle(forWritingTo: url)
    fflush(nil)
    let saved = dup(2)
    dup2(file.fileDescriptor, 2)
    var failure: (any Error)?
    do { try body() } catch { failure = error }
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    try? file.close()
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    if let failure { throw failure }
    return text
}
