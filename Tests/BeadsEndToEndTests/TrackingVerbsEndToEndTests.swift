import Foundation
import Testing

@Suite struct TrackingVerbsEndToEndTests {
    @Test func depsLabelsCommentsAndHistoryLandInBdShapes() throws {
        let kb = ScratchKnowledgeBase()
        let parent = try id(try kb.run("create", "Parent", "--json"))
        let child = try id(try kb.run("create", "Child", "--parent", parent, "--json"))
        #expect(child == parent + ".1")
        let waiting = try id(try kb.run("create", "Waits", "--deps", "blocks:\(parent)", "--json"))

        let cycle = try kb.run("dep", "add", parent, waiting)
        #expect(cycle.status == 1)
        #expect(cycle.stderr.contains("cycle"))

        #expect(try kb.run("label", "add", waiting, "ci", "urgent").status == 0)
        #expect(try kb.run("label", "remove", waiting, "ci").status == 0)
        #expect(try kb.run("comment", waiting, "first look").status == 0)

        let line = try #require(kb.read("beads/issues.jsonl").split(separator: "\n").first { $0.contains(#""id":"\#(waiting)""#) })
        let object = try #require(try json(String(line)) as? [String: Any])
        #expect(object["labels"] as? [String] == ["urgent"])
        let deps = try #require(object["dependencies"] as? [[String: Any]])
        #expect(deps.first?["depends_on_id"] as? String == parent)
        #expect(deps.first?["type"] as? String == "blocks")
        let comments = try #require(object["comments"] as? [[String: Any]])
        #expect(comments.first?["id"] as? Int == 1)
        #expect(comments.first?["text"] as? String == "first look")

        let history = try #require(try json(try kb.run("history", waiting, "--json").stdout) as? [[String: Any]])
        #expect(history.map { $0["field"] as? String } == ["created", "labels", "labels", "comments"])

        #expect(try kb.run("dep", "remove", waiting, parent).status == 0)
        #expect(try kb.run("dep", "remove", waiting, parent).status == 1)
    }

    @Test func claimIsRefusedWhenSomeoneElseHoldsIt() throws {
        let kb = ScratchKnowledgeBase()
        let bead = try id(try kb.run("create", "Contended", "--json"))
        #expect(try kb.run("update", bead, "--claim", environment: ["BEADS_ACTOR": "alice"]).status == 0)
        let bob = try kb.run("update", bead, "--claim", environment: ["BEADS_ACTOR": "bob"])
        #expect(bob.status == 1)
        #expect(bob.stderr.contains("already claimed by alice"))
        let shown = try #require(try json(try kb.run("show", bead, "--json").stdout) as? [String: Any])
        #expect(shown["assignee"] as? String == "alice")
        #expect(shown["status"] as? String == "in_progress")
    }

    /// created_by, history and claims follow one rule: --actor, BEADS_ACTOR/BD_ACTOR,
    /// git's user.name, USER; an empty value counts as unset.
    @Test func everyWriteRecordsTheSameActor() throws {
        let kb = ScratchKnowledgeBase()
        try FileManager.default.createDirectory(atPath: kb.path + "/.git", withIntermediateDirectories: true)
        try "[user]\n\tname = Git Person\n".write(toFile: kb.path + "/.git/config", atomically: true, encoding: .utf8)
        let env = ["GIT_CONFIG_GLOBAL": "/dev/null", "USER": "login", "BEADS_ACTOR": "", "BD_ACTOR": "bd-agent"]

        let created = try #require(try json(try kb.run("create", "Who made me", "--json", environment: env).stdout) as? [String: Any])
        #expect(created["created_by"] as? String == "bd-agent")
        let bead = try #require(created["id"] as? String)
        #expect(try kb.run("update", bead, "--claim", environment: env.merging(["BD_ACTOR": ""]) { $1 }).status == 0)
        #expect((try json(try kb.run("show", bead, "--json").stdout) as? [String: Any])?["assignee"] as? String == "Git Person")
        #expect(try kb.run("--actor", "flag-person", "comment", bead, "Looked at it", environment: env).status == 0)
        let history = try #require(try json(try kb.run("history", bead, "--json").stdout) as? [[String: Any]])
        #expect(Set(history.compactMap { $0["actor"] as? String }) == ["bd-agent", "Git Person", "flag-person"])
    }

    @Test func searchStatsAndDelete() throws {
        let kb = ScratchKnowledgeBase()
        let found = try #require(try json(try kb.run("search", "overlay", "devpod", "--json").stdout) as? [[String: Any]])
        #expect(Set(found.compactMap { $0["id"] as? String }) == ["mo-jgo", "mo-1nh", "mo-3t8p"])
        let stats = try #require(try json(try kb.run("stats", "--json").stdout) as? [String: Any])
        #expect(stats["total"] as? Int == 5)
        #expect((stats["by_status"] as? [String: Int]) == ["closed": 5])
        let none = try kb.run("delete", "mo-jgo", "mo-nope", "--force")
        #expect(none.status == 1)
        #expect(try kb.run("show", "mo-jgo").status == 0)
    }

    /// bd's delete: a preview first; --force deletes and cuts what depended on the bead;
    /// --cascade takes the dependents along instead.
    @Test func deletePreviewsThenCutsOrCascades() throws {
        let kb = ScratchKnowledgeBase()
        let before = kb.read("beads/issues.jsonl")
        // In the shipped beads, mo-1na was discovered from mo-jgo.
        let preview = try kb.run("delete", "mo-jgo")
        #expect(preview.status == 0)
        #expect(preview.stdout.contains("Would delete mo-jgo."))
        #expect(preview.stdout.contains("  mo-1na depends on mo-jgo (discovered-from)"))
        #expect(preview.stdout.contains("Nothing was deleted: pass --force"))
        #expect(kb.read("beads/issues.jsonl") == before)

        let cascade = try #require(try json(try kb.run("delete", "mo-jgo", "--cascade", "--json").stdout) as? [String: Any])
        #expect(cascade["deleted"] as? Bool == false)
        #expect(cascade["ids"] as? [String] == ["mo-jgo", "mo-1na"])
        #expect((cascade["cut_dependencies"] as? [Any])?.isEmpty == true)

        let forced = try kb.run("delete", "mo-jgo", "--force")
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("Deleted mo-jgo."))
        let jsonl = kb.read("beads/issues.jsonl")
        #expect(!jsonl.contains(#""id":"mo-jgo""#))
        // No dangling dependency is left behind in the record git shares.
        #expect(!jsonl.contains(#""depends_on_id":"mo-jgo""#))
        #expect(try kb.run("show", "mo-1na").stdout.contains("mo-jgo") == false)
        #expect(try kb.run("history", "mo-jgo").stdout.contains("deleted"))
    }

    @Test func showPrintsDependenciesBothWaysAndTakesSeveralIds() throws {
        let kb = ScratchKnowledgeBase()
        let one = try kb.run("show", "mo-jgo")
        #expect(
            one.stdout.contains(
                "Depended on by (these wait for it):\n  discovered-from  mo-1na  P1  closed  GitHub Actions workflow failures\n"))
        let other = try kb.run("show", "mo-1na")
        #expect(other.stdout.contains("Depends on (waits for these):\n  discovered-from  mo-jgo  P1  closed  Docker Hub rate limit"))
        let two = try kb.run("show", "mo-jgo", "mo-1na")
        #expect(two.status == 0)
        #expect(two.stdout.hasPrefix("mo-jgo  "))
        #expect(two.stdout.contains("\nmo-1na  GitHub Actions workflow failures\n"))
        let array = try #require(try json(try kb.run("show", "mo-jgo", "mo-1na", "--json").stdout) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["mo-jgo", "mo-1na"])
        let dependents = try #require(array[0]["dependents"] as? [[String: Any]])
        #expect(dependents.first?["id"] as? String == "mo-1na")
        #expect(dependents.first?["dependency_type"] as? String == "discovered-from")
        // One id stays one object, as the contract says.
        #expect(try json(try kb.run("show", "mo-jgo", "--json").stdout) is [String: Any])
        let missing = try kb.run("show", "mo-jgo", "mo-nope")
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
    }

    /// Agents start several commands at once on a fresh clone: the database is created
    /// and migrated once, and none of them fails for the race.
    @Test func commandsStartedTogetherOnAFreshCloneAllSucceed() throws {
        let kb = ScratchKnowledgeBase()
        let path = kb.path
        nonisolated(unsafe) var runs = [BeadsRun?](repeating: nil, count: 6)
        let threads = (0..<6).map { k in
            Thread { runs[k] = try? BeadsBinary.run(k % 2 == 0 ? ["list", "--all"] : ["ready"], in: path) }
        }
        threads.forEach { $0.start() }
        while threads.contains(where: { !$0.isFinished }) { usleep(10_000) }
        #expect(runs.map { $0?.status } == [0, 0, 0, 0, 0, 0], "\(runs.compactMap { $0?.stderr }.filter { !$0.isEmpty })")
    }

    @Test func parallelWritersLoseNothing() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("list").status == 0)  // build the database once
        let writers = 8, each = 15
        let failures = Failures()
        let root = kb.path
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for n in 0..<each {
                do {
                    let run = try BeadsBinary.run(["create", "writer \(w) bead \(n)"], in: root)
                    if run.status != 0 || run.stderr.contains("locked") { failures.add(run.stderr) }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let all = try #require(try json(try kb.run("list", "--all", "-n", "0", "--json").stdout) as? [[String: Any]])
        #expect(all.count == 5 + writers * each)
        #expect(kb.read("beads/issues.jsonl").split(separator: "\n").count == 5 + writers * each)
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) {
            lock.lock()
            items.append(s)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }
}
