/// Why a model file could not be read or written.
public enum NERModelError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)
    /// The file does not start with the model magic.
    case notAModel(path: String)
    /// The file's format version is not one this code reads.
    case unsupportedFormat(path: String, found: UInt32, supported: UInt32)
    /// The model was trained with a different feature set than this code extracts.
    case featureVersionMismatch(path: String, found: UInt32, expected: UInt32)
    /// The file ends inside `section`.
    case truncated(path: String, section: String, offset: Int, needed: Int, available: Int)
    /// A field holds an impossible value.
    case corrupt(path: String, section: String, detail: String)
    /// The stored checksum does not match the content.
    case checksumMismatch(path: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot read model: \(reason)"
        case let .unwritable(path, reason): "\(path): cannot write model: \(reason)"
        case let .notAModel(path): "\(path): not an NER model file (bad magic)"
        case let .unsupportedFormat(path, found, supported): "\(path): model format version \(found) is not supported (this build reads \(supported))"
        case let .featureVersionMismatch(path, found, expected): "\(path): model uses feature set \(found), this build extracts feature set \(expected); retrain the model"
        case let .truncated(path, section, offset, needed, available): "\(path): truncated in \(section) at byte \(offset): need \(needed) bytes, \(available) left"
        case let .corrupt(path, section, detail): "\(path): corrupt \(section): \(detail)"
        case let .checksumMismatch(path): "\(path): checksum mismatch (file damaged)"
        }
    }
}
