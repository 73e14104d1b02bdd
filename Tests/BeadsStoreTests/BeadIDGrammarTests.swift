import BeadsStore
import Testing

/// The one id grammar the store, the docs scanner and the linter share.
@Suite struct BeadIDGrammarTests {
    @Test(arguments: ["mo-jgo", "mo-3t8p", "mo-3t8p.1", "mo-3t8p.1.2.3", "ops-7", "bd-12", "my-app-3f2", "web-t8z1", "x1-000"])
    func wellFormed(id: String) {
        #expect(BeadID.isWellFormed(id))
    }

    @Test(arguments: ["mo-", "-abc", "MO-JGO", "mo-ab", "mo-abcdefghijklm", "mo-jgo.", "mo-jgo.1.2.3.4", "mo jgo", "1mo-abc", "mo-1234567"])
    func notWellFormed(id: String) {
        // Seven digits is a hash (base36 digits), so it is well formed; the rest are not.
        #expect(BeadID.isWellFormed(id) == (id == "mo-1234567"))
    }

    @Test func mentionsFollowTheGrammarForKnownPrefixes() {
        let text = "Tracked in ops-14 (see bd-57, my-app-3f2 and mo-3t8p.1); not ops-team-x, xops-7, OPS-7 or zz-abc."
        #expect(BeadID.mentions(in: text, prefixes: ["ops", "bd", "my-app", "mo"]) == ["ops-14", "bd-57", "my-app-3f2", "mo-3t8p.1"])
    }

    @Test func aLongerPrefixWinsOverItsStart() {
        #expect(BeadID.mentions(in: "my-app-3f2", prefixes: ["my", "my-app"]) == ["my-app-3f2"])
    }

    @Test func prefixOfAnID() {
        #expect(BeadID.prefix(of: "ops-7") == "ops")
        #expect(BeadID.prefix(of: "my-app-3f2") == "my-app")
        #expect(BeadID.prefix(of: "nodash") == nil)
    }

    @Test(arguments: [
        ("mo", true), ("bd2", true), ("a", true), ("", false), ("2bd", false), ("Mo", false), ("my-app", false),
        ("mö", false), ("mo_x", false), ("mo ", false),
    ])
    func aNewPrefixIsLowercaseLettersAndDigitsFromALetter(prefix: String, allowed: Bool) {
        #expect(BeadID.isNewPrefix(prefix) == allowed)
    }
}
