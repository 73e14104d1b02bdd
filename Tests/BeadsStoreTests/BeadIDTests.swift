import Testing

@testable import BeadsStore

@Suite struct BeadIDTests {
    let seed = BeadID.Seed(
        prefix: "mo", title: "Overlay mount fails in devpod", description: "Kaniko instead",
        creator: "jedarden", unixNanos: 1_771_840_800_123_456_789)

    @Test func lengthFollowsBdsBirthdayBound() {
        #expect(BeadID.length(forExisting: 0) == 3)
        #expect(BeadID.length(forExisting: 163) == 3)
        #expect(BeadID.length(forExisting: 164) == 4)
        #expect(BeadID.length(forExisting: 983) == 4)
        #expect(BeadID.length(forExisting: 984) == 5)
        #expect(BeadID.length(forExisting: 10_000) == 6)
        #expect(BeadID.length(forExisting: 10_000_000) == 8)
    }

    /// Known answers from an independent implementation of bd's recipe (Python's
    /// hashlib over "title|description|creator|unixnanos|nonce").
    @Test(arguments: [
        (3, 0, "mo-6xp"), (3, 1, "mo-1zn"), (4, 0, "mo-hbrl"), (5, 0, "mo-b7oag"),
        (6, 0, "mo-ob7oag"), (6, 1, "mo-hd2zut"), (7, 0, "mo-wvqkqd2"), (8, 0, "mo-bwvqkqd2"), (8, 1, "mo-ajh1az2w"),
    ])
    func idsAreBdsIdsByteForByte(length: Int, nonce: Int, expected: String) {
        #expect(BeadID.make(seed, nonce: nonce, length: length) == expected)
    }

    @Test func aTrailingDashOnThePrefixIsNotDoubled() {
        var dashed = seed
        dashed.prefix = "mo-"
        #expect(BeadID.make(dashed, nonce: 0, length: 3) == "mo-6xp")
    }

    @Test func candidatesTryTenNoncesPerLengthThenLengthen() {
        let candidates = BeadID.candidates(seed, existing: 0)
        #expect(candidates.count == 60)
        #expect(candidates[0] == "mo-6xp")
        #expect(candidates[1] == "mo-1zn")
        #expect(candidates[10].count == "mo-".count + 4)
        #expect(candidates[10] == "mo-hbrl")
        #expect(Set(candidates).count == 60)
        #expect(BeadID.candidates(seed, existing: 10_000).first == "mo-ob7oag")
    }

    @Test func wellFormedIds() {
        #expect(BeadID.isWellFormed("mo-jgo"))
        #expect(BeadID.isWellFormed("mo-3t8p.1.2.3"))
        #expect(!BeadID.isWellFormed("mo-3t8p.1.2.3.4"))
        #expect(!BeadID.isWellFormed("MO-jgo"))
    }
}
