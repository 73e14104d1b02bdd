import Foundation
import Testing
@testable import BeadsRemedy

@Suite struct SecretMaskerTests {
    @Test func secretNamedVariablesAndTokenShapesAreMasked() {
        let masker = SecretMasker(environment: ["REGISTRY_PASSWORD": "hunter2hunter2", "API_KEY": "k-123456", "HOME": "/root", "DEBUG": "1"])
        let text = "login with hunter2hunter2 and k-123456 as ghp_0123456789abcdefABCDEF and github_pat_11ABCDEFG0123456789 in /root"
        #expect(masker.mask(text) == "login with *** and *** as *** and *** in /root")
    }

    @Test func shortValuesAndBarePrefixesAreLeftAlone() {
        let masker = SecretMasker(environment: ["TOKEN_TTL": "60"])
        #expect(masker.mask("ttl 60, see ghp_ in the docs") == "ttl 60, see ghp_ in the docs")
    }

    @Test func aSecretSplitAcrossReadsIsStillMasked() {
        let collected = Collected()
        let writer = MaskingLineWriter(masker: SecretMasker(environment: ["GITHUB_TOKEN": "ghs_splitacrosschunks99"])) { collected.add($0) }
        writer.write(Data("token: ghs_split".utf8))
        writer.write(Data("acrosschunks99\nnext".utf8))
        writer.flush()
        #expect(collected.text == "token: ***\nnext")
    }

    /// Output with no newline is flushed every 64 KiB; a secret across that point used
    /// to leave in clear, its start in one flush and its end in the next.
    @Test(arguments: [65_530, 65_536 - 4, 65_537, 65_520])
    func aSecretAcrossTheFlushBoundaryIsMasked(padding: Int) {
        let value = "s3cr3t-value-of-the-registry-password"
        let collected = Collected()
        let writer = MaskingLineWriter(masker: SecretMasker(environment: ["REGISTRY_PASSWORD": value])) { collected.add($0) }
        let token = "ghp_" + String(repeating: "A1b2", count: 9)
        writer.write(Data((String(repeating: "x", count: padding) + value + " and " + token).utf8))
        writer.write(Data((" " + String(repeating: "y", count: 70_000)).utf8))
        writer.flush()
        #expect(!collected.text.contains("s3cr3t"))
        #expect(!collected.text.contains("ghp_A1b2"))
        #expect(collected.text.contains("*** and ***"))
        #expect(collected.text.utf8.count == padding + 12 + 70_000)
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var partsStorage: [String] = []
        var parts: [Int] { lock.lock(); defer { lock.unlock() }; return partsStorage.map(\.utf8.count) }
        func add(_ s: String) { lock.lock(); partsStorage.append(s); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return partsStorage.joined() }
    }
}
