import Foundation
import Testing

@testable import BeadsRemedy

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
