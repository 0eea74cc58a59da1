/// The quality score: a weighted mean, over the signal sets, of each set's score: the mean margin of
/// its checks, halved (by default) for every check of the set that failed.
///
/// A check's margin is how far its value is from the threshold on the passing side, as a share of
/// `softness × threshold`, clipped to 0...1: 0 for a failed check, 1 for a value comfortably clear of
/// the threshold. A 0/1 check (lorem ipsum, curly bracket, bad words, empty) has margin 1 or 0.
/// Checks that do not apply (non-Latin text) or have no value are left out; so is a set without checks.
///
///     margin(atMost t)  = clamp((t − v) / (softness·t), 0, 1)
///     margin(atLeast t) = clamp((v − t) / (softness·t), 0, 1)
///     set score = mean(margins of set) · failure_factor ^ (failed checks of set)
///     score     = Σ_set weight(set) · set score / Σ_set weight(set)
enum QualityScore {
    static func margin(_ check: QualityCheck, softness: Double) -> Double {
        switch check.rule {
        case .absent:
            return check.value == 0 ? 1 : 0
        case .atMost(let limit):
            guard check.value <= limit else { return 0 }
            return scaled(limit - check.value, limit, softness)
        case .atLeast(let limit):
            guard check.value >= limit else { return 0 }
            return scaled(check.value - limit, limit, softness)
        }
    }

    private static func scaled(_ distance: Double, _ limit: Double, _ softness: Double) -> Double {
        let scale = softness * abs(limit)
        guard scale > 0 else { return 1 }
        return min(1, max(0, distance / scale))
    }

    static func score(_ checks: [QualityCheck], settings: QualityScoreSettings) -> Double {
        var weighted = 0.0
        var totalWeight = 0.0
        for set in QualitySet.allCases {
            let weight = settings.weights[set] ?? 0
            guard weight > 0 else { continue }
            var sum = 0.0
            var count = 0
            var penalty = 1.0
            // A check without a value (NaN: datatrove would divide by zero) does not count.
            for check in checks where check.set == set && check.applies && !check.value.isNaN {
                sum += margin(check, softness: settings.softness)
                count += 1
                if !check.passed { penalty *= settings.failureFactor }
            }
            guard count > 0 else { continue }
            weighted += weight * penalty * sum / Double(count)
            totalWeight += weight
        }
        return totalWeight > 0 ? weighted / totalWeight : 1
    }
}
