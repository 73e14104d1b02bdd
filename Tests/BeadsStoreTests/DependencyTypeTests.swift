import Testing

@testable import BeadsStore

@Suite struct DependencyTypeTests {
    /// What each type bd knows does to readiness; any other word is kept and holds nothing.
    @Test func eachKnownTypeKnowsWhetherItHoldsWorkBack() {
        #expect(DependencyType.blocks.isBlocking && DependencyType.conditionalBlocks.isBlocking)
        #expect(!DependencyType.waitsFor.isBlocking && DependencyType.waitsFor.holdsWork)
        #expect(!DependencyType.parentChild.isBlocking && DependencyType.parentChild.holdsWork)
        for loose in [DependencyType.related, .discoveredFrom, "supersedes"] {
            #expect(!loose.isBlocking && !loose.holdsWork, "\(loose)")
        }
    }

    /// A line without a type blocks, as bd reads it; a typed word is one word.
    @Test func storedAndTypedTypesAreRead() {
        #expect(DependencyType(stored: nil) == .blocks)
        #expect(DependencyType(stored: "") == .blocks)
        #expect(DependencyType(stored: "waits-for") == .waitsFor)
        #expect(DependencyType.parse(" Parent-Child ") == .parentChild)
        #expect(DependencyType.parse("two words") == nil)
        #expect(DependencyType.parse("") == nil)
        #expect(DependencyType.problem("x y").contains("one word"))
    }
}
