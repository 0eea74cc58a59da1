extension YAMLNode {
    /// Whether the node is null: a plain `""`, `~`, `null`, `Null` or `NULL` (a quoted `""` is not).
    public var isNull: Bool {
        guard let scalar else { return false }
        switch resolution {
        case .implicit: return CoreSchema.isNull(scalar.value)
        case .explicit(.null): return true
        case .explicit, .string: return false
        }
    }

    /// The text of any non-null scalar (a plain `123` gives `"123"`); `nil` for null and collections.
    public var string: String? {
        guard let scalar, !isNull else { return nil }
        return scalar.value
    }

    /// A plain `true`/`True`/`TRUE`/`false`/`False`/`FALSE`; `nil` for anything else.
    public var bool: Bool? {
        guard let scalar, resolves(to: .bool) else { return nil }
        return CoreSchema.bool(scalar.value)
    }

    /// A plain decimal integer with optional sign, or `0x…`/`0o…`; `nil` for anything else or on overflow.
    public var int: Int? {
        guard let scalar, resolves(to: .int) else { return nil }
        return CoreSchema.int(scalar.value)
    }

    /// A plain integer or float, including `.inf`, `-.inf` and `.nan`; `nil` for anything else.
    public var double: Double? {
        guard let scalar else { return nil }
        switch resolution {
        case .implicit, .explicit(.float), .explicit(.int):
            return CoreSchema.double(scalar.value)
        case .explicit, .string:
            return nil
        }
    }

    /// How a scalar's type is decided: by its text, by an explicit core tag, or never (a string).
    private enum Resolution {
        case implicit
        case explicit(CoreSchema.Tag)
        case string
    }

    private var resolution: Resolution {
        if let tag {
            if let coreTag = CoreSchema.Tag(rawValue: tag) { return .explicit(coreTag) }
            return .string
        }
        return scalar?.style == .plain ? .implicit : .string
    }

    private func resolves(to coreTag: CoreSchema.Tag) -> Bool {
        switch resolution {
        case .implicit: return true
        case .explicit(let explicitTag): return explicitTag == coreTag
        case .string: return false
        }
    }
}
