import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// Records diagnoses as hits: one per known error a paste showed (the first three), or
/// one with no bead when none matched (what triage and the unmatched count are about).
/// A hit that cannot be recorded never fails the diagnosis: a read-only checkout
/// records nothing, any other failure comes back as a sentence for the caller to show.
public enum HitRecorder {
    public static func record(
        _ diagnosis: Diagnosis, paste: String, source: String, env: EnvironmentReport?, in base: KnowledgeBase,
        environment: [String: String], now: Date = Date()
    ) -> String? {
        guard base.config.recordHits, !paste.isEmpty else { return nil }
        let at = Timestamp.now(now)
        let fingerprint = String(ContentHash.sha256(paste).prefix(16))
        // What every hit of this diagnosis shares; each known error adds its own bead.
        let unmatched = HitRecord(
            id: HitRecord.newID(), at: at, beadID: nil, source: source, environment: env?.verdict, host: host,
            ciJob: CIJob.identify(environment: environment), fingerprint: fingerprint)
        var hits = diagnosis.matches.prefix(3).map { m in
            var hit = unmatched
            hit.id = HitRecord.newID()
            hit.beadID = m.beadID
            hit.score = KnownErrorFinder.rounded(m.score)
            hit.signature = m.signature.text
            return hit
        }
        if hits.isEmpty { hits = [unmatched] }
        do {
            try base.store.recordHits(hits)
            if base.config.hitsKeepDays > 0 {
                try base.store.compactHits(before: Timestamp.now(now.addingTimeInterval(-Double(base.config.hitsKeepDays) * 86_400)))
            }
            return nil
        } catch StoreError.readOnly {
            return nil
        } catch {
            return "this diagnosis was not recorded in beads/hits.jsonl: \(error)"
        }
    }

    public static let host: String? = {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count) == 0 else { return nil }
        let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? nil : text
    }()
}
