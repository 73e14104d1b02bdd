/// Failed CI builds' logs, generated: mostly progress, now and then a deprecation
/// warning, then the failure and the wrappers CI prints after it. Each log says what
/// failed it, so a test can check what triage makes of them.
public enum CIFailureLogs {
    public struct Log: Sendable {
        public var name: String
        public var text: String
        /// `known:BEAD`, `unknown:FAMILY`, or `noise` (no failure in it).
        public var cause: String
    }

    /// Known errors of the shipped knowledge base, and three failures it has never seen,
    /// each with its names, numbers and hosts varying from log to log.
    public static let causes: [(cause: String, make: @Sendable (inout SeededRandom) -> [String])] = [
        (
            "known:mo-jgo",
            { r in
                [
                    #"#9 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/\#(hex(&r, 24))/merged", fstype: overlay, flags: 0, data: "workdir=/var/lib/docker/overlay2/\#(hex(&r, 8))", err: invalid argument"#
                ]
            }
        ),
        (
            "known:mo-3bol",
            { r in
                let pkg = pick(&r, ["lodash", "react-dom", "typescript", "@babel/core", "esbuild"])
                return [
                    "npm ERR! code ENOTEMPTY", "npm ERR! syscall rmdir", "npm ERR! path /app/node_modules/\(pkg)", "npm ERR! errno -39",
                    "npm ERR! ENOTEMPTY: directory not empty, rmdir '/app/node_modules/\(pkg)'",
                ]
            }
        ),
        (
            "unknown:postgres-connections",
            { r in
                let role = pick(&r, ["ci_orders", "ci_billing", "ci_search", "ci_users"])
                return [
                    "Traceback (most recent call last):", "  File \"/app/tests/conftest.py\", line \(20 + r.below(80)), in db",
                    #"psycopg2.OperationalError: connection to server at "db-\#(r.below(9)).ci.internal" (10.0.\#(r.below(250)).\#(r.below(250))), port 5432 failed: FATAL:  too many connections for role "\#(role)""#,
                ]
            }
        ),
        (
            "unknown:worker-heap",
            { r in
                [
                    #"Exception in thread "worker-\#(r.below(64))" java.lang.OutOfMemoryError: Java heap space"#,
                    "\tat java.base/java.util.Arrays.copyOf(Arrays.java:\(3000 + r.below(900)))",
                    "\tat com.acme.\(pick(&r, ["index", "ingest", "report"])).Batch.grow(Batch.java:\(r.below(400)))",
                ]
            }
        ),
        (
            "unknown:bucket-taken",
            { r in
                let bucket = "acme-\(pick(&r, ["assets", "logs", "backups", "exports"]))-\(r.below(9000) + 1000)"
                return [
                    "╷", #"│ Error: creating S3 Bucket (\#(bucket)): BucketAlreadyExists: The requested bucket name is not available"#,
                    "│ ", #"│   with aws_s3_bucket.\#(pick(&r, ["main", "archive", "static"])),"#, "╵",
                ]
            }
        ),
    ]

    /// `count` logs: `noise` of them with no failure at all, the rest spread over `causes`.
    public static func generate(count: Int, noise: Int, progressLines: Int = 300, seed: UInt64 = 7) -> [Log] {
        var r = SeededRandom(state: seed)
        return (0..<count).map { k in
            var lines = ["2026-11-\(10 + k % 7)T0\(k % 10):00:00.000Z Starting job \(k) on runner-\(r.below(40))"]
            for n in 0..<progressLines {
                switch r.below(12) {
                case 0:
                    lines.append(
                        "#\(4 + n % 9) \(Double(n) / 10) npm WARN deprecated \(pick(&r, ["inflight@1.0.6", "glob@7.2.3", "rimraf@3.0.2"])): This module is not supported, and leaks memory"
                    )
                case 1: lines.append("#\(4 + n % 9) \(Double(n) / 10) sha256:\(hex(&r, 64)) \(r.below(90))MB / \(90 + r.below(90))MB")
                default:
                    lines.append(
                        "#\(4 + n % 9) \(Double(n) / 10) Compiling \(pick(&r, ["api", "web", "core", "cli"]))/src/\(pick(&r, ["main", "routes", "models", "views"]))_\(r.below(500)).ts (\(r.below(900)) ms)"
                    )
                }
            }
            guard k >= noise else {
                lines.append("Build finished in \(r.below(600)) s")
                return Log(name: "build-\(k).log", text: lines.joined(separator: "\n") + "\n", cause: "noise")
            }
            let cause = causes[(k - noise) % causes.count]
            lines += cause.make(&r)
            lines.append(#"ERROR: failed to solve: process "/bin/sh -c make ci" did not complete successfully: exit code: 1"#)
            lines.append("Error: Process completed with exit code 1.")
            return Log(name: "build-\(k).log", text: lines.joined(separator: "\n") + "\n", cause: cause.cause)
        }
    }

    static func pick(_ r: inout SeededRandom, _ choices: [String]) -> String { choices[r.below(choices.count)] }

    static func hex(_ r: inout SeededRandom, _ length: Int) -> String {
        String((0..<length).map { _ in Array("0123456789abcdef")[r.below(16)] })
    }
}
