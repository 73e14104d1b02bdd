import BeadsCore
import Foundation
import Testing

/// The triage use case in process: logs masked, known errors counted, the rest grouped.
@Suite struct TriageTests {
    @Test func logsAreMaskedCountedAndGrouped() throws {
        let (dir, base) = try DiagnoseTests.knowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        let logs: [(String, String)] = [
            ("a.log", "step 1\nnpm ERR! code ENOTEMPTY\n"),
            ("b.log", "compiling\nERROR: widget alpha cannot reach https://bob:hunter2pass@registry.example.com/v2\n"),
            ("c.log", "compiling\nERROR: widget beta cannot reach https://bob:hunter2pass@registry.example.com/v2\n"),
            ("d.log", "all good\n"),
        ]
        let outcome = try Triage(base: base, environment: [:])(logs.map { name, text in Triage.Log(name: name, read: { Data(text.utf8) }) })
        #expect(outcome.known == ["mo-3bol": 1])
        #expect(outcome.silent == 1)
        #expect(outcome.families.count == 1 && outcome.families.first?.logs == ["b.log", "c.log"], "\(outcome.families.map(\.template))")
        #expect(!(outcome.families.first?.exampleLine.contains("hunter2pass") ?? true), "the secret is masked before anything is kept")
    }
}
