import Foundation
import Testing

@testable import BeadsRemedy

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
