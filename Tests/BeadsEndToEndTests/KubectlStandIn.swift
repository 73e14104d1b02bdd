import Foundation

/// A `kubectl` on PATH that records what it is asked (argv, and stdin for apply) and
/// answers as kubectl does for the calls a Kaniko build makes. No cluster exists here,
/// so this is the fake the tests may use: a real process speaking kubectl's interface.
final class KubectlStandIn {
    let directory: String
    static let digest = "sha256:" + String(repeating: "ab12", count: 16)

    /// - Parameter failingJob: a substring of Job names whose build fails.
    init(in parent: String, failingJob: String? = nil) {
        directory = parent + "/kubectl-stand-in"
        try! FileManager.default.createDirectory(atPath: directory + "/bin", withIntermediateDirectories: true)
        // A context to talk to, as a configured kubectl has: the probe reads it here.
        try! "apiVersion: v1\nkind: Config\ncurrent-context: stand-in\n".write(
            toFile: directory + "/kubeconfig", atomically: true, encoding: .utf8)
        let script = """
            #!/bin/sh
            # Records every call: one line of tab-separated argv.
            log="\(directory)"
            n=$(wc -l < "$log/calls.log" 2>/dev/null || echo 0)
            for a in "$@"; do printf '%s\\t' "$a" >> "$log/calls.log"; done
            echo >> "$log/calls.log"
            case "$1" in
              apply)
                cat > "$log/stdin-$n.txt"
                echo "job.batch/applied configured"
                ;;
              wait) echo "pod/x condition met" ;;
              logs)
                job=$(echo "$3" | sed 's|job/||')
                echo "INFO[0001] Resolved base name node:20-alpine"
                echo "INFO[0042] Pushing image to ghcr.io/ardenone/$job"
                echo "INFO[0044] Pushed ghcr.io/ardenone/moltbook@\(Self.digest)"
                ;;
              get)
                case "$3" in
                  *\(failingJob ?? "no-job-fails")*) echo "/1" ;;
                  *) echo "1/" ;;
                esac
                ;;
              exec) echo "runner: building all images"; echo "runner: done" ;;
              *) echo "kubectl stand-in: unexpected call $*" >&2; exit 1 ;;
            esac
            """
        try! script.write(toFile: directory + "/bin/kubectl", atomically: true, encoding: .utf8)
        try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/bin/kubectl")
    }

    var path: String { directory + "/bin:/usr/bin:/bin" }
    var kubeconfig: String { directory + "/kubeconfig" }

    /// Each call's argv.
    var calls: [[String]] {
        let text = (try? String(contentsOfFile: directory + "/calls.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    }

    /// What was piped to the n-th call (0-based), if it was an apply.
    func stdin(ofCall n: Int) -> String {
        (try? String(contentsOfFile: directory + "/stdin-\(n).txt", encoding: .utf8)) ?? ""
    }
}
