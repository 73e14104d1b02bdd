import Foundation
import Testing

/// Secrets in a paste never reach the JSONL, the output or the captured copy of a run;
/// control characters in beads' data are shown, not obeyed.
@Suite struct SecretsAndEscapesEndToEndTests {
    static let token = "ghp_" + String(repeating: "Zq9x", count: 9)

    @Test func aPastedTokenIsMaskedBeforeItIsStoredOrPrinted() throws {
        let kb = ScratchKnowledgeBase()
        let env = ["GITHUB_TOKEN": "hunter2-registry-secret"]
        let paste = "error: push to registry failed: authentication required for token \(Self.token) (user hunter2-registry-secret)"
        let created = try kb.run("create", "Registry push refused", "--from-error", "--json", stdin: paste, environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let confirmed = try kb.run("fix", "--confirm", "mo-1na", paste, environment: env)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let fixed = try kb.run("fix", "--json", paste, environment: env)
        let jsonl = kb.read("beads/issues.jsonl")
        for text in [created.stdout, created.stderr, confirmed.stdout, fixed.stdout, fixed.stderr, jsonl] {
            #expect(!text.contains(Self.token))
            #expect(!text.contains("hunter2-registry-secret"))
        }
        #expect(jsonl.contains("***"))
    }

    @Test func aFailedRunNeverEchoesTheTokenOnStderr() throws {
        let kb = ScratchKnowledgeBase()
        let env = ["GITHUB_TOKEN": Self.token]
        let run = try kb.run("run", "--", "sh", "-c", #"echo "npm ERR! code ENOTEMPTY token=$GITHUB_TOKEN" >&2; exit 3"#, environment: env)
        #expect(run.status == 3)
        #expect(run.stderr.contains("mo-3bol"), "\(run.stderr)")
        #expect(!run.stderr.contains(Self.token))
        #expect(!run.stdout.contains(Self.token))
    }

    @Test func escapeSequencesInABeadAreShownNotObeyed() throws {
        let kb = ScratchKnowledgeBase()
        let title = "Title \u{1B}]0;pwned\u{07} and \u{1B}[2J cleared"
        let id = try id(try kb.run("create", title, "-d", "desc \u{1B}[31mred", "--json"))
        for args in [["list"], ["show", id], ["search", "Title"]] {
            let run = try BeadsBinary.run(args, in: kb.path)
            #expect(run.status == 0)
            #expect(!run.stdout.contains("\u{1B}"), "\(args)")
            #expect(run.stdout.contains("^[]0;pwned^G and ^[[2J cleared"), "\(args): \(run.stdout)")
        }
        // JSON keeps the data, escaped.
        let json = try kb.run("show", id, "--json")
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(json.stdout.contains("\\u001b") || json.stdout.contains("\\u001B"))
    }
}
