import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// Everything known about one bead beyond its own fields: where the docs mention it, its
/// error signatures and recipes, its last runs, what it depends on and what depends on
/// it, and its hits. What `show`, the bead's page, /api/beads/ID and MCP's show_bead and
/// bead:// resource present.
public struct BeadDetails: Sendable {
    public var mentions: [(String, MentionRecord)]
    public var signatures: [SignatureRecord]
    public var recipes: [RecipeRecord]
    public var runs: [RecipeRunRecord]
    public var links: (dependsOn: [LinkedBead], dependents: [LinkedBead])
    public var hits: HitSummary

    public init(_ id: String, in store: BeadStore, now: Date = Date()) throws {
        mentions = try store.mentions(ofBead: id)
        signatures = try store.signatures(ofBead: id)
        recipes = try store.recipes(forBead: id)
        runs = try store.runs(beadID: id, limit: 5)
        links = try store.links(of: id)
        hits = try store.hitSummaries(HitWindows(now: now), beadID: id)[id] ?? HitSummary()
    }
}
