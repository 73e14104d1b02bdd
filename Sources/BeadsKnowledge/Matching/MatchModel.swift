import Foundation

/// The one scorer: a logistic model over `MatchFeatures`. A candidate's score is the
/// probability that the paste is its bead's error; a bead's score is its best
/// candidate's; a bead matches at `threshold` or more.
///
/// The weights and the threshold are not set by hand: `bench/fit-scorer.py` fits them on
/// the dev corpus and chooses the threshold for a precision of at least 0.98 under
/// cross-validation by family, and writes `MatchModel+Weights.swift` with the figures
/// that produced them.
public enum MatchModel {
    /// The probability for one candidate.
    public static func probability(_ features: MatchFeatures) -> Double {
        1 / (1 + exp(-logit(features)))
    }

    public static func logit(_ features: MatchFeatures) -> Double {
        var z = bias
        for (k, value) in features.values.enumerated() { z += weightVector[k] * value }
        return z
    }

    /// Each feature's contribution to the logit, largest magnitude first: what
    /// `match --explain` shows.
    public static func contributions(_ features: MatchFeatures) -> [(name: String, value: Double, weight: Double)] {
        features.values.enumerated().compactMap { k, value in
            value == 0 ? nil : (MatchFeatures.names[k], value, weightVector[k])
        }.sorted { abs($0.value * $0.weight) > abs($1.value * $1.weight) }
    }

    /// The weights in the order of `MatchFeatures.names` (a feature the fit did not know weighs 0).
    static let weightVector: [Double] = MatchFeatures.names.map { weights[$0] ?? 0 }
}
