/// Averaged perceptron weights rounded to 16-bit integers with one shared scale.
struct NERQuantizedWeights {
    /// Dense weights, `featureCount * tagCount`.
    var weights: [Int16]
    /// Transitions on the same scale.
    var transitions: [Int32]
    /// Real value of one unit.
    var scale: Float

    init(weights real: [Double], transitions realTransitions: [Double]) {
        var largest = 0.0
        for value in real { largest = max(largest, abs(value)) }
        for value in realTransitions { largest = max(largest, abs(value)) }
        let factor = largest > 0 ? Double(Int16.max) / largest : 1
        weights = real.map { Int16(clamping: Int(($0 * factor).rounded())) }
        transitions = realTransitions.map { Int32(clamping: Int(($0 * factor).rounded())) }
        scale = Float(1 / factor)
    }

}
