import Foundation
import Testing

/// The benchmark scripts of bench/ at a tiny size, so that they cannot rot between the
/// sessions that run them in full: each must run to its end with the binary under test
/// and print its table. Timings are not checked here (they live in manual/benchmarks.md).
@Suite(.serialized) struct BenchmarkScriptsSmokeTests {
    static let hyperfine = ["/usr/bin/hyperfine", "/usr/local/bin/hyperfine"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    static let missingHyperfine = Comment(
        rawValue:
            "hyperfine is not installed (make test installs it where it can: apt-get install hyperfine); the hyperfine benchmarks were not smoke-run"
    )

    func script(_ name: String, _ environment: [String: String]) throws -> BeadsRun {
        try BeadsBinary.run(
            [BeadsBinary.repository + "/bench/" + name, BeadsBinary.path], in: BeadsBinary.repository,
            environment: environment, executable: "/bin/bash")
    }

    @Test func concurrentWriters() throws {
        let run = try script("writers.sh", ["WRITERS": "2", "EACH": "4"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("8 expected, 8 in the store, 8 JSONL lines (equal to export: yes), 0 error lines"), "\(run.stdout)")
    }

    @Test func triageThroughput() throws {
        let run = try script("triage.sh", ["N": "20", "SIZE": "20000"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("logs/s"), "\(run.stdout)")
    }

    @Test func servePages() throws {
        let run = try script("serve.sh", ["SIZE": "200"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix("| 200 |") }
        #expect(rows.count == 20, "\(run.stdout)")
    }

    @Test(.enabled(if: hyperfine, missingHyperfine)) func trackingVerbs() throws {
        let run = try script("tracking.sh", ["SIZES": "300", "RUNS": "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("| 300 | ready (first 100) |") && run.stdout.contains("|   floor: sqlite3 ready |"), "\(run.stdout)")
    }

    @Test(.enabled(if: hyperfine, missingHyperfine)) func matching() throws {
        let run = try script("matching.sh", ["SIZES": "300", "RUNS": "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("| 300 |"), "\(run.stdout)")
    }
}
