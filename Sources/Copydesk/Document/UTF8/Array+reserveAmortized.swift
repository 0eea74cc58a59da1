extension Array {
    /// Makes room for `extra` more elements, growing geometrically.
    ///
    /// `reserveCapacity` grows to exactly what is asked, so calling it before every append
    /// reallocates and copies the whole buffer each time once it is full: quadratic. This doubles.
    @inline(__always)
    mutating func reserveAmortized(_ extra: Int) {
        let needed = count &+ extra
        if needed > capacity { reserveCapacity(Swift.max(needed, capacity &* 2)) }
    }
}
