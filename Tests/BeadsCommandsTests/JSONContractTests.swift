import ArgumentParser
import BeadsKnowledge
import BeadsStore
import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsCommands

/// The JSON contract's three homes agree: the code's shapes, the files in manual/json/,
/// and the MCP tools' output schemas; and no command prints JSON without a shape.
@Suite struct JSONContractTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func theCommittedSchemasAreTheCodes() throws {
        let folder = Self.repository + "/manual/json"
        let expected = SchemaCommand.files()
        for file in expected {
            let committed = try? String(contentsOfFile: folder + "/" + file.name, encoding: .utf8)
            #expect(committed == file.text, "manual/json/\(file.name) is not what the code says: run `make schemas` and commit it")
        }
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(present == Set(expected.map(\.name)), "stale files in manual/json: \(present.subtracting(expected.map(\.name)).sorted())")
    }

    @Test func everyJSONFlagHasAShape() throws {
        var missing: [String] = []
        let named = Set(
            OutputContract.all.flatMap(\.producers).filter { !$0.hasPrefix("mcp ") }.map {
                SchemaCommand.commandWords($0).joined(separator: " ")
            })
        func walk(_ command: ParsableCommand.Type, path: [String]) {
            let help = BeadsCommand.helpMessage(for: command, columns: 200)
            let name = path.joined(separator: " ")
            // A --json of its own, in its options (not a mention in its prose).
            if help.contains("\n  --json"), !named.contains(name) { missing.append(name) }
            for sub in command.configuration.subcommands {
                walk(sub, path: path + [sub.configuration.commandName ?? ""])
            }
        }
        for sub in BeadsCommand.configuration.subcommands { walk(sub, path: [sub.configuration.commandName ?? ""]) }
        #expect(missing.isEmpty, "these print --json with no shape in OutputContract: \(missing)")
    }

    @Test func everyMCPToolReturnsAShapeOfTheContract() throws {
        let tools = MCPTools(location: KnowledgeBaseLocation(root: "/nonexistent"), environment: [:], allowRun: true).catalogue()
        let producedByTools = Set(OutputContract.all.flatMap(\.producers).filter { $0.hasPrefix("mcp ") }.map { String($0.dropFirst(4)) })
        #expect(Set(tools.map(\.name)) == producedByTools)
        for tool in tools {
            let contract = try #require(OutputContract.forTool(tool.name))
            #expect(tool.outputSchema == contract.toolSchema(), "\(tool.name)")
            // MCP wants an object at the top of structuredContent.
            #expect(contract.document()["type"] == .string("object"), "\(contract.name) is not an object")
        }
    }

    /// The validator the end-to-end tests rely on can say no.
    @Test func aValueThatBreaksTheShapeIsCaught() throws {
        let schema = try JSONTree.parse(OutputContract.named("diagnosis")!.document().encoded())
        let validator = SchemaValidator(schema: schema)
        let environment =
            #""environment":{"verdict":"host","devpod":false,"kubernetes":false,"container":false,"nested_overlay":false,"root_filesystem":null,"reasons":[],"override":null,"probed_verdict":null,"commands":{},"github_token":false,"docker_daemon":null,"docker_endpoint":null,"docker_storage_driver":null,"kubectl_context":null}"#
        let good = #"{"matches":[],"nearest":[],"rejected":[],"look_alikes":[],"threshold":0.6,"# + environment + "}"
        #expect(validator.problems(try JSONTree.parse(good)).isEmpty)
        let cases: [(String, String)] = [
            (#"{"matches":[],"nearest":[],"rejected":[],"look_alikes":[],"# + environment + "}", "missing required key threshold"),
            (#"{"matches":[],"nearest":[],"rejected":[],"look_alikes":[],"threshold":"high","# + environment + "}", "wants number"),
            (
                #"{"matches":[],"nearest":[],"rejected":[],"look_alikes":[],"threshold":0.6,"extra":1,"# + environment + "}",
                "key extra is not in the schema"
            ),
            (good.replacingOccurrences(of: #""verdict":"host""#, with: #""verdict":"moon""#), "not one of the schema's values"),
            (
                good.replacingOccurrences(of: #""matches":[]"#, with: #""matches":[{"bead":"mo-1"}]"#),
                "$.matches[0]: missing required key score"
            ),
        ]
        for (text, problem) in cases {
            let problems = validator.problems(try JSONTree.parse(text))
            #expect(problems.contains { $0.contains(problem) }, "\(problem): \(problems)")
        }
    }
}
