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

@Suite struct KanikoUnitTests {
    @Test(arguments: [
        ("ghcr.io/o/api:latest=api/", "ghcr.io/o/api:latest", "api/", "Dockerfile"),
        ("ghcr.io/o/api:1.2=api/:Dockerfile.prod", "ghcr.io/o/api:1.2", "api/", "Dockerfile.prod"),
        ("r/x=git://github.com/o/r.git#refs/heads/main", "r/x", "git://github.com/o/r.git#refs/heads/main", "Dockerfile"),
        ("r/x=git://github.com/o/r.git:ci/Dockerfile", "r/x", "git://github.com/o/r.git", "ci/Dockerfile"),
    ])
    func imageArguments(argument: String, destination: String, context: String, dockerfile: String) throws {
        let image = try #require(KanikoImage(argument: argument))
        #expect(image.destination == destination)
        #expect(image.context == context)
        #expect(image.dockerfile == dockerfile)
    }

    @Test func badImageArgumentsAreRejected() {
        #expect(KanikoImage(argument: "no-equals-sign") == nil)
        #expect(KanikoImage(argument: "=api/") == nil)
    }

    @Test func jobNamesAreKubernetesNames() {
        let name = KanikoSettings.jobName(for: KanikoImage(destination: "ghcr.io/Org/My_App:latest", context: "."), suffix: "a1b2c")
        #expect(name == "beads-kaniko-my-app-a1b2c")
        #expect(name.count <= 63)
    }

    @Test func thePushedDigestIsReadFromKanikoLogs() {
        let digest = "sha256:" + String(repeating: "0f", count: 32)
        #expect(KanikoBuilder.pushedDigest(in: "INFO[0001] Pushing\nINFO[0009] Pushed ghcr.io/o/api@\(digest)\n") == digest)
        #expect(KanikoBuilder.pushedDigest(in: "error building image") == nil)
    }
}

@Suite struct RepositoryFromRemoteTests {
    @Test(arguments: [
        ("https://github.com/ardenone/moltbook-org.git", "ardenone/moltbook-org"),
        ("git@github.com:ardenone/moltbook-org.git", "ardenone/moltbook-org"),
        ("ssh://git@github.example.com/team/app", "team/app"),
        ("https://ghe.example.com/team/app/\n", "team/app"),
    ])
    func remotes(remote: String, repository: String) {
        #expect(GitHubActionsClient.repository(fromRemote: remote) == repository)
    }

    @Test func notARemote() {
        #expect(GitHubActionsClient.repository(fromRemote: "/local/path") == nil)
    }
}

@Suite struct CurlTransportTests {
    @Test func theLastHeaderBlockIsTheResponse() throws {
        let raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/2 403 \r\nRetry-After: 7\r\nX-RateLimit-Remaining: 0\r\n\r\n{\"message\":\"rate limit\"}"
        let response = try CurlTransport.parse(Data(raw.utf8))
        #expect(response.status == 403)
        #expect(response.headers["retry-after"] == "7")
        #expect(response.headers["x-ratelimit-remaining"] == "0")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"rate limit"}"#)
        #expect(throws: CurlTransport.Failure.self) { try CurlTransport.parse(Data("garbage".utf8)) }
    }

    @Test func configValuesAreQuotedForCurl() {
        #expect(CurlTransport.quoted(#"Bearer a"b\c"#) == #""Bearer a\"b\\c""#)
        #expect(CurlTransport.quoted("{\"ref\":\"main\"}") == #""{\"ref\":\"main\"}""#)
    }
}
