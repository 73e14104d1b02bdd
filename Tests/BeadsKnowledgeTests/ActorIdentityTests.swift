import BeadsKnowledge
import Foundation
import Testing

/// One rule for who did it, in bd's order; an empty value counts as unset.
@Suite struct ActorIdentityTests {
    let noGit = ["GIT_CONFIG_GLOBAL": "/dev/null"]

    @Test func theOrderIsFlagThenEnvironmentThenGitThenUser() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/.git", withIntermediateDirectories: true)
        try "[core]\n\tbare = false\n[user]\n\tname = \"Ada Lovelace\"\n\temail = ada@example.org\n"
            .write(toFile: dir.path + "/.git/config", atomically: true, encoding: .utf8)
        let kb = dir.path + "/ops/kb"
        try FileManager.default.createDirectory(atPath: kb, withIntermediateDirectories: true)
        let env = noGit.merging(["USER": "ada", "BEADS_ACTOR": "beads-bot", "BD_ACTOR": "bd-bot"]) { $1 }

        #expect(ActorIdentity.resolve(explicit: "flag", environment: env, repositoryRoot: kb) == "flag")
        #expect(ActorIdentity.resolve(explicit: nil, environment: env, repositoryRoot: kb) == "beads-bot")
        #expect(ActorIdentity.resolve(explicit: "", environment: env.merging(["BEADS_ACTOR": ""]) { $1 }, repositoryRoot: kb) == "bd-bot")
        let gitOnly = env.merging(["BEADS_ACTOR": "", "BD_ACTOR": " "]) { $1 }
        #expect(ActorIdentity.resolve(explicit: nil, environment: gitOnly, repositoryRoot: kb) == "Ada Lovelace")
        #expect(ActorIdentity.resolve(explicit: nil, environment: gitOnly, repositoryRoot: "/") == "ada")
        #expect(ActorIdentity.resolve(explicit: nil, environment: [:], repositoryRoot: nil) == "unknown")
    }

    @Test func theGlobalConfigAnswersOutsideARepositoryAndAWorktreeReadsItsMainConfig() throws {
        let dir = TemporaryDirectory()
        try "[user]\n  name = Global Grace\n".write(toFile: dir.path + "/gitconfig", atomically: true, encoding: .utf8)
        #expect(
            ActorIdentity.resolve(
                explicit: nil, environment: ["GIT_CONFIG_GLOBAL": dir.path + "/gitconfig", "USER": "x"],
                repositoryRoot: "/") == "Global Grace")
        // A worktree: .git is a file pointing into the main repository's worktrees/.
        let main = dir.path + "/main/.git"
        try FileManager.default.createDirectory(atPath: main + "/worktrees/wt", withIntermediateDirectories: true)
        try "[user]\n\tname = Main Repo\n".write(toFile: main + "/config", atomically: true, encoding: .utf8)
        try "../..\n".write(toFile: main + "/worktrees/wt/commondir", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir.path + "/wt", withIntermediateDirectories: true)
        try "gitdir: \(main)/worktrees/wt\n".write(toFile: dir.path + "/wt/.git", atomically: true, encoding: .utf8)
        #expect(ActorIdentity.resolve(explicit: nil, environment: noGit, repositoryRoot: dir.path + "/wt") == "Main Repo")
    }
}
