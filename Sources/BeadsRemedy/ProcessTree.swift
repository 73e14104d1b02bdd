import Foundation

/// The processes a child started, found through /proc: its process group is not enough,
/// since a process that calls `setsid` (or `setpgid`) leaves the group, and one that
/// ignores SIGTERM outlives the graceful shutdown.
enum ProcessTree {
    /// Every live descendant of `root`, from each process's parent in /proc/PID/stat.
    static func descendants(of root: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var children: [pid_t: [pid_t]] = [:]
        for entry in entries {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "(comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
            children[parent, default: []].append(pid)
        }
        var out: [pid_t] = []
        var queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where !out.contains(child) {
                out.append(child)
                queue.append(child)
            }
        }
        return out
    }

    /// SIGKILL to each, whatever group or session it is in now.
    static func kill(_ pids: [pid_t]) {
        for pid in pids { _ = Foundation.kill(pid, SIGKILL) }
    }
}
