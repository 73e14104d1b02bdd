import Testing
@testable import BeadsStore

@Suite struct BeadIDTests {
    @Test func lengthGrowsWithTheBirthdayBound() {
        #expect(BeadID.length(forExisting: 0) == 3)
        #expect(BeadID.length(forExisting: 100) == 3)
        #expect(BeadID.length(forExisting: 300) == 4)
        #expect(BeadID.length(forExisting: 10_000) == 6)
        #expect(BeadID.length(forExisting: 10_000_000) == 8)
    }

    @Test func idsAreDeterministicAndWellFormed() {
        let a = BeadID.make(prefix: "mo", title: "t", description: "d", creator: "c", createdAt: "x", nonce: 0, length: 4)
        let b = BeadID.make(prefix: "mo", title: "t", description: "d", creator: "c", createdAt: "x", nonce: 0, length: 4)
        let c = BeadID.make(prefix: "mo", title: "t", description: "d", creator: "c", createdAt: "x", nonce: 1, length: 4)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 7)
        #expect(BeadID.isWellFormed(a))
    }

    @Test func collisionsAreRetried() {
        let first = BeadID.fresh(prefix: "mo", title: "t", description: "", creator: "c", createdAt: "x", taken: [])
        let second = BeadID.fresh(prefix: "mo", title: "t", description: "", creator: "c", createdAt: "x", taken: [first])
        #expect(first != second)
    }
}
