import BeadsTestSupport
import Foundation
import Testing

/// /api/ against its OpenAPI description: the committed manual/openapi.json is what the
/// binary prints, every operation in it answers, and each answer conforms to the JSON
/// Schema the description references (the CLI's published shapes) and equals what the
/// CLI prints for the same question.
@Suite struct ServeAPIEndToEndTests {
    static let manual = BeadsBinary.repository + "/manual"

    @Test func theCommittedDescriptionIsTheBinarys() throws {
        let printed = try BeadsBinary.run(["serve", "--openapi"], in: NSTemporaryDirectory())
        #expect(printed.status == 0)
        let committed = try String(contentsOfFile: Self.manual + "/openapi.json", encoding: .utf8)
        #expect(printed.stdout == committed, "manual/openapi.json is stale: make schemas")
    }

    @Test func everyOperationAnswersInItsPublishedShape() throws {
        let team = try ServePagesEndToEndTests.Team()
        let server = try ServeProcess(kb: team.kb)
        _ = try server.postForm("fix", ["--data-urlencode", "text=" + ServeEndToEndTests.overlay])
        let description = try JSONTree.parse(try String(contentsOfFile: Self.manual + "/openapi.json", encoding: .utf8))
        guard case let .object(paths)? = description["paths"] else {
            Issue.record("no paths")
            return
        }
        #expect(paths.count >= 10)
        for (path, operations) in paths {
            guard case let .object(byMethod) = operations else { continue }
            for (method, operation) in byMethod {
                let url = server.url + path.dropFirst().replacingOccurrences(of: "{id}", with: "mo-jgo")
                let answer =
                    method == "post"
                    ? try server.curl([
                        "-H", "Content-Type: application/json", "--data-binary", #"{"text":"npm ERR! code ENOTEMPTY"}"#, url,
                    ])
                    : try server.curl([url])
                #expect(answer.status == 200, "\(method) \(path): \(answer.body.prefix(300))")
                guard let ref = operation["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["$ref"]?.string else {
                    Issue.record("\(method) \(path) references no schema")
                    continue
                }
                let schema = try JSONTree.parse(try String(contentsOfFile: Self.manual + "/" + ref, encoding: .utf8))
                let problems = SchemaValidator(schema: schema).problems(try JSONTree.parse(answer.body))
                #expect(problems.isEmpty, "\(method) \(path) against \(ref): \(problems.prefix(5))")
            }
        }
    }

    @Test func theAPIAnswersAsTheCLIDoes() throws {
        let team = try ServePagesEndToEndTests.Team()
        let server = try ServeProcess(kb: team.kb)
        for (path, command) in [
            ("/api/blocked", ["blocked", "--json"]), ("/api/docs", ["doc", "list", "--json"]),
            ("/api/beads?all=true&limit=0", ["list", "--all", "--limit", "0", "--json"]),
            ("/api/beads?label=ci", ["list", "--label", "ci", "--json"]),
            // A priority as every listing prints it, as the CLI takes it.
            ("/api/beads?priority=P1", ["list", "-p", "P1", "--json"]),
            ("/api/ready", ["ready", "--limit", "0", "--json"]), ("/api/lint", ["doc", "lint", "--json"]),
        ] {
            let api = try server.get(path)
            let cli = try team.kb.run(command)
            #expect(api.status == 200, "\(path)")
            #expect(
                try JSONTree.parse(api.body) == JSONTree.parse(cli.stdout), "\(path) differs from beads \(command.joined(separator: " "))")
        }
    }

    @Test func badRequestsAreAnsweredInJSONWithWhatToDo() throws {
        let server = try ServeProcess(kb: ScratchKnowledgeBase())
        for (path, status, words) in [
            ("/api/beads/mo-nope", 404, "No bead mo-nope"), ("/api/beads?limit=-1", 400, "limit=-1"),
            ("/api/beads?status=sleeping", 400, "sleeping"), ("/api/nothing", 404, "openapi.json"),
            ("/api/beads?priority=P9", 400, "priority must be 0 (critical) to 4 (backlog)"),
        ] {
            let answer = try server.get(path)
            #expect(answer.status == status, "\(path)")
            #expect(try JSONTree.parse(answer.body)["error"]?.string?.contains(words) == true, "\(path): \(answer.body)")
        }
    }

    /// A BEADS_ENV that names no place is a usage failure of the diagnose use case: the
    /// server says what to set (it was a 500), as the CLI does with exit status 2.
    @Test func aPlaceNoOneKnowsIsAnsweredAsAUsageFailure() throws {
        let kb = ScratchKnowledgeBase()
        let server = try ServeProcess(kb: kb, environment: ["BEADS_ENV": "moon"])
        let api = try server.curl([
            "-H", "Content-Type: application/json", "--data-binary", #"{"text":"npm ERR! code ENOTEMPTY"}"#, server.url + "api/fix",
        ])
        #expect(api.status == 400 && api.body.contains("BEADS_ENV=moon"), "\(api.body)")
        let cli = try kb.run(["fix", "npm ERR! code ENOTEMPTY"], environment: ["BEADS_ENV": "moon"])
        #expect(cli.status == 2 && cli.stderr.contains("BEADS_ENV=moon"))
    }
}
