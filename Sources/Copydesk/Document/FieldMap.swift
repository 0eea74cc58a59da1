/// A few values keyed by field name, in a short list. A document has one or two fields that change
/// or are annotated, so comparing a name or two costs less than hashing it on every lookup.
struct FieldMap<Value> {
    private var names: [String] = []
    private var values: [Value] = []

    subscript(name: String) -> Value? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// The value for `name`, made by `make` the first time it is asked for (nil if `make` gives nil).
    mutating func value(_ name: String, orMake make: () -> Value?) -> Value? {
        if let index = names.firstIndex(of: name) { return values[index] }
        guard let value = make() else { return nil }
        names.append(name)
        values.append(value)
        return value
    }

    /// Changes the value for `name` in place, starting from `make()` the first time.
    mutating func update(_ name: String, orMake make: () -> Value, _ change: (inout Value) -> Void) {
        if let index = names.firstIndex(of: name) {
            change(&values[index])
        } else {
            var value = make()
            change(&value)
            names.append(name)
            values.append(value)
        }
    }
}

extension FieldMap: Sendable where Value: Sendable {}
