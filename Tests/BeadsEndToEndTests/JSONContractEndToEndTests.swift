import BeadsTestSupport
import Foundation
import Testing

/// Every `--json` output, printed by the real binary on a knowledge base with a little of
/// everything in it, checked against its published schema in manual/json/. The schema is
/// read from the file, as a script author would; a unit test ties the files to the code.
@Suite struct JSONContractEndToEndTests {
    static let overlay =
        #"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/z/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#

    /// The published schemas by name.
    static func schemas() throws -> [String: JSONTree] {
        let folder = BeadsBinary.repository + "/manual/json"
        var schemas: [String: JSONTree] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".schema.json") {
            schemas[String(file.dropLast(".schema.json".count))] = try JSONTree.parse(
                String(contentsOfFile: folder + "/" + file, encoding: .utf8))
        }
        return schemas
    }

    /// Which shape each producer prints, read from the schemas' own descriptions
    /// ("Printed by: fix --json, mcp diagnose_error.").
    static func producers(_ schemas: [String: JSONTree]) -> [String: [String]] {
        schemas.mapValues { schema in
            guard let text = schema["description"]?.string, let range = text.range(of: "Printed by: ") else { return [] }
            return text[range.upperBound...].dropLast().components(separatedBy: ", ")
        }
    }

    final class Checker {
        let kb = ScratchKnowledgeBase()
        let schemas: [String: JSONTree]
        var checked: Set<String> = []

        init() throws { schemas = try JSONContractEndToEndTests.schemas() }

        /// Runs beads with these arguments and checks what it printed against `shape`.
        @discardableResult
        func expect(_ shape: String, _ arguments: [String], stdin: String? = nil, status: Int32 = 0) throws -> JSONTree {
            let run = try kb.run(arguments, stdin: stdin, environment: ["BEADS_ACTOR": "contract-tester"])
            #expect(run.status == status, "beads \(arguments.joined(separator: " ")): exit \(run.status)\n\(run.stderr)")
            let schema = try #require(schemas[shape], "no manual/json/\(shape).schema.json")
            let value = try JSONTree.parse(run.stdout)
            let problems = SchemaValidator(schema: schema).problems(value)
            #expect(
                problems.isEmpty,
                "beads \(arguments.joined(separator: " ")) breaks \(shape).schema.json:\n\(problems.prefix(12).joined(separator: "\n"))")
            checked.insert(shape)
            return value
        }
    }

    @Test func everyJSONOutputMatchesItsPublishedSchema() throws {
        let c = try Checker()
        try
            "# Saying hello\n\nWhen mo-jgo needs a greeting.\n\n## Fix\n\n```bash {recipe=say-hello when=any}\necho hello from the recipe\n```\n"
            .write(toFile: c.kb.path + "/docs/hello.md", atomically: true, encoding: .utf8)

        let first = try #require(
            try c.expect("bead", ["create", "Contract first", "-p", "P1", "-t", "bug", "-l", "ci", "--json"])["id"]?.string)
        let second = try #require(try c.expect("bead", ["create", "Contract second", "--json"])["id"]?.string)
        let fromError = try c.expect(
            "bead", ["create", "--from-error", "error: could not lock config file .git/config: File exists", "--json"])
        #expect(fromError["error_signatures"]?.array?.count == 1)
        try c.expect("bead", ["update", first, "--claim", "--json"])
        try c.expect("dependency-added", ["dep", "add", second, first, "--json"])
        try c.expect("dependency-added", ["dep", "add", second, first, "--json"])
        try c.expect("comment", ["comment", first, "A note from the contract test", "--json"])
        try c.expect("comments", ["comments", first, "--json"])
        #expect(try c.kb.run("label", "add", first, "contract").status == 0)
        try c.expect("labels", ["label", "list", first, "--json"])
        try c.expect("label-counts", ["label", "list", "--json"])

        for arguments in [["list", "--json"], ["list", "--all", "--json"], ["search", "overlay", "--json"]] {
            try c.expect("beads", arguments)
        }
        try c.expect("ready", ["ready", "--json"])
        let blocked = try c.expect("blocked", ["blocked", "--json"])
        #expect(blocked.array?.contains { $0["id"]?.string == second } == true)
        try c.expect("dependencies", ["dep", "list", second, "--json"])
        try c.expect("dependency-tree", ["dep", "tree", second, "--json"])
        try c.expect("dependency-cycles", ["dep", "cycles", "--json"])
        try c.expect("bead-details", ["show", "mo-jgo", "--json"])
        try c.expect("bead-details-list", ["show", "mo-jgo", first, "--json"])
        try c.expect("stats", ["stats", "--json"])
        try c.expect("history", ["history", first, "--json"])
        try c.expect("deletion", ["delete", second, "--json"])
        try c.expect("beads", ["close", first, "-r", "contract checked", "--json"])
        try c.expect("beads", ["reopen", first, "--json"])

        let known = try c.expect("diagnosis", ["fix", "--json", Self.overlay])
        #expect(known["matches"]?.array?.first?["bead"]?.string == "mo-jgo")
        try c.expect("diagnosis", ["fix", "--json"], stdin: "frobnicator exploded: widget count 7 exceeds 3\n", status: 1)
        try c.expect("hits", ["hits", "--json"])
        try c.expect("error-costs", ["stats", "--errors", "--json"])
        try c.expect("signature-scores", ["match", Self.overlay, "--json"])
        try c.expect("signature-scores", ["match", Self.overlay, "--explain", "--json"])
        try c.expect("environment", ["env", "--json"])

        try c.expect("docs", ["doc", "list", "--json"])
        try c.expect("lint-findings", ["doc", "lint", "--json"], status: 1)
        try c.expect("doc-links", ["doc", "links", "--json"])
        try c.expect("doc-examples", ["doc", "test", "--json"])
        try c.expect("recipes", ["recipe", "list", "--json"])
        #expect(try c.kb.run("recipe", "run", "say-hello", "--yes", "--bead", "mo-jgo").status == 0)
        try c.expect("runs", ["runs", "--json"])
        try c.expect("doc-draft", ["doc", "new", first, "--json"])
        try c.expect("prime", ["prime", "--json"])
        try c.expect("prime-hook", ["prime", "--hook"])

        try c.expect("shapes", ["schema", "--json"])
        try FileManager.default.createDirectory(atPath: c.kb.path + "/ci-logs", withIntermediateDirectories: true)
        for log in CIFailureLogs.generate(count: 12, noise: 2, progressLines: 20) {
            try log.text.write(toFile: c.kb.path + "/ci-logs/" + log.name, atomically: true, encoding: .utf8)
        }
        try c.expect("triage-families", ["triage", "ci-logs", "--json"])

        let exported = c.kb.path + "/exported.jsonl"
        #expect(try c.kb.run("export", "-o", exported).status == 0)
        try c.expect("import-counts", ["import", exported, "--json"])

        // Every shape a command prints was seen here (the MCP-only ones in the MCP tests).
        let commandShapes = Set(Self.producers(c.schemas).filter { $0.value.contains { !$0.hasPrefix("mcp ") } }.keys)
        #expect(commandShapes.subtracting(c.checked).isEmpty, "never checked: \(commandShapes.subtracting(c.checked).sorted())")
    }

    @Test func theSchemaCommandPrintsThePublishedFiles() throws {
        let kb = ScratchKnowledgeBase()
        let schemas = try Self.schemas()
        let listed = try kb.run("schema", "--json")
        #expect(listed.status == 0)
        #expect(SchemaValidator(schema: schemas["shapes"]!).problems(try JSONTree.parse(listed.stdout)).isEmpty)
        let names = try #require(try JSONTree.parse(listed.stdout).array?.compactMap { $0["name"]?.string })
        #expect(Set(names) == Set(schemas.keys))
        let byCommand = try kb.run("schema", "dep tree")
        #expect(try JSONTree.parse(byCommand.stdout) == schemas["dependency-tree"])
        let byTool = try kb.run("schema", "diagnose_error")
        #expect(try JSONTree.parse(byTool.stdout) == schemas["diagnosis"])
        let unknown = try kb.run("schema", "frobnicate")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("beads schema"))
    }
}
