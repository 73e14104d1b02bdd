import BeadsStore
import CProcessControl
import Foundation

/// The processes a child started, found through /proc: its process group is not enough,
/// since a process that calls `setsid` (or `setpgid`) leaves the group, and one that
/// ignores SIGTERM outlives the graceful shutdown.
public enum ProcessTree {
    /// Each live process's children, from its parent in /proc/PID/stat.
    static func snapshot() -> [pid_t: [pid_t]] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [:] }
        var children: [pid_t: [pid_t]] = [:]
        for entry in entries {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "(comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
            children[parent, default: []].append(pid)
        }
        return children
    }

    /// Every live descendant of `roots`.
    static func descendants(of roots: [pid_t], in children: [pid_t: [pid_t]] = snapshot()) -> [pid_t] {
        var out: [pid_t] = []
        var queue = roots
        while let next = queue.popLast() {
            for child in children[next] ?? [] where !out.contains(child) {
                out.append(child)
                queue.append(child)
            }
        }
        return out
    }

    static func descendants(of root: pid_t) -> [pid_t] { descendants(of: [root]) }

    /// SIGKILL to each, whatever group or session it is in now.
    static func kill(_ pids: [pid_t]) {
        for pid in pids { _ = Foundation.kill(pid, SIGKILL) }
    }

    /// Ends every process under `roots`, and the orphans this process adopted, so that
    /// none survives however fast it forks: each is stopped (SIGSTOP, which cannot be
    /// caught) until a fresh look finds no process left running, so nothing can fork
    /// during the kill; then all are killed at once and reaped; again, until a look finds
    /// none. Killing one at a time let a loop that forks every few milliseconds leave
    /// hundreds behind.
    static func terminate(_ roots: [pid_t]) {
        for _ in 0..<50 {
            var stopped = Set<pid_t>()
            for _ in 0..<500 {
                let children = snapshot()
                let found = Set(descendants(of: roots, in: children) + adoptedOrphans(children))
                let fresh = found.subtracting(stopped)
                if fresh.isEmpty { break }
                for pid in fresh { _ = Foundation.kill(pid, SIGSTOP) }
                stopped.formUnion(fresh)
            }
            // The roots themselves: adopted when this process adopts orphans (and found
            // above); otherwise killed by pid, as before there was adoption.
            if !orphanState.current.adopting { kill(roots.filter { Foundation.kill($0, 0) == 0 }) }
            if stopped.isEmpty { return }
            kill(Array(stopped))
            reap(Array(stopped))
        }
    }

    // MARK: - Orphans

    private static let orphanState = Locked(OrphanState())

    /// Makes this process the reaper of orphans its children leave (Linux's child
    /// subreaper): a recipe that double-forks a daemon and lets the middle process exit
    /// leaves it re-parented here, where a time-out or Ctrl-C still finds and ends it.
    /// Opt-in, for a process that runs its children one at a time (the CLI): every
    /// process adopted this way counts as a leftover of the child being stopped.
    /// Returns false where the system cannot do it.
    @discardableResult
    public static func adoptOrphans() -> Bool {
        orphanState.withLock { state in
            if !state.adopting { state.adopting = beads_become_child_subreaper() == 0 }
            return state.adopting
        }
    }

    /// Processes re-parented to this one that are not a child it started itself, and
    /// their descendants.
    static func adoptedOrphans(_ children: [pid_t: [pid_t]]? = nil) -> [pid_t] {
        guard orphanState.current.adopting else { return [] }
        let children = children ?? snapshot()
        let own = orphanState.current.started
        let adopted = (children[getpid()] ?? []).filter { !own.contains($0) }
        return adopted + descendants(of: adopted, in: children)
    }

    static func noteStarted(_ pid: pid_t) { orphanState.withLock { _ = $0.started.insert(pid) } }
    static func noteEnded(_ pid: pid_t) { orphanState.withLock { _ = $0.started.remove(pid) } }

    /// Collects the exit status of killed orphans, so they do not linger as zombies of
    /// a long-lived beads process. Waits up to a tenth of a second for them to die.
    static func reap(_ pids: [pid_t]) {
        guard orphanState.current.adopting else { return }
        var left = Set(pids)
        for _ in 0..<20 where !left.isEmpty {
            left = left.filter { waitpid($0, nil, WNOHANG) == 0 }
            if !left.isEmpty { usleep(5_000) }
        }
    }
}

/// Whether this process adopts orphans, and the children it started itself (those are
/// never taken for orphans).
private struct OrphanState: Sendable {
    var adopting = false
    var started: Set<pid_t> = []
}
