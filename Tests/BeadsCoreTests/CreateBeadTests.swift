import BeadsCore
import BeadsStore
import Foundation
import Testing

/// The create use case in process, as `beads create` and MCP's create_bead reach it.
@Suite struct CreateBeadTests {
    /// Made from a pasted error: titled after it, its signature recorded, its secret
    /// masked before anything is kept, and the known error it already matches named.
    @Test func aBeadFromAPastedErrorCarriesItsSignature() throws {
        let (dir, base) = try DiagnoseTests.knowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        var request = CreateBead.Request(title: nil)
        request.pastedError = "npm ERR! code ENOTEMPTY while fetching https://ci:hunter2pass@registry.example.com/pkg"
        let outcome = try CreateBead(base: base, environment: [:])(request)
        #expect(outcome.bead.title.hasPrefix("Known error: npm ERR! code ENOTEMPTY"))
        #expect(outcome.bead.extraValue("error_signatures") != nil)
        #expect(outcome.alreadyKnown.first?.beadID == "mo-3bol")
        let file = try String(contentsOfFile: dir.path + "/beads/issues.jsonl", encoding: .utf8)
        #expect(file.contains(outcome.bead.id) && !file.contains("hunter2pass"))
    }

    @Test func badRequestsAreFailuresOfTheirKind() throws {
        let (dir, base) = try DiagnoseTests.knowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        let create = CreateBead(base: base, environment: [:])
        func kind(_ request: CreateBead.Request) -> Failure.Kind? {
            do { _ = try create(request) } catch let failure as Failure { return failure.kind } catch {}
            return nil
        }
        var badType = CreateBead.Request(title: "x")
        badType.type = "sandwich"
        #expect(kind(badType) == .usage)
        var missingTarget = CreateBead.Request(title: "x")
        missingTarget.dependencies = [(.blocks, "mo-nope")]
        #expect(kind(missingTarget) == .notFound)
        var noLine = CreateBead.Request(title: nil)
        noLine.pastedError = "1 2 3"
        #expect(kind(noLine) == .usage)
        #expect(kind(CreateBead.Request(title: nil)) == .usage)
    }
}
