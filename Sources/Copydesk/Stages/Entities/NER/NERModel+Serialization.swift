import Foundation

extension NERModel {
    /// Loads a model written by `write(to:)`.
    public convenience init(contentsOf path: String) throws(NERModelError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Decodes a model from the bytes of a model file; `path` is only used in errors.
    public convenience init(bytes: [UInt8], path: String = "<memory>") throws(NERModelError) {
        var reader = NERBinaryReader(bytes: bytes, path: path)
        guard bytes.count >= NERModelFormat.magic.count, Array(bytes.prefix(NERModelFormat.magic.count)) == NERModelFormat.magic else {
            throw .notAModel(path: path)
        }
        _ = try reader.readBytes(count: NERModelFormat.magic.count, "magic")
        let format = try reader.read(UInt32.self, "header")
        guard format == NERModelFormat.version else {
            throw .unsupportedFormat(path: path, found: format, supported: NERModelFormat.version)
        }
        let features = try reader.read(UInt32.self, "header")
        guard features == NERFeatureExtractor.version else {
            throw .featureVersionMismatch(path: path, found: features, expected: NERFeatureExtractor.version)
        }
        let schemeCode = try reader.read(UInt8.self, "header")
        guard let scheme = NERTagScheme(rawValue: schemeCode) else {
            throw .corrupt(path: path, section: "header", detail: "unknown tag scheme \(schemeCode)")
        }
        let labelCount = Int(try reader.read(UInt8.self, "labels"))
        guard labelCount == EntityLabel.allCases.count else {
            throw .corrupt(path: path, section: "labels", detail: "expected \(EntityLabel.allCases.count) labels, found \(labelCount)")
        }
        for label in EntityLabel.allCases {
            let length = Int(try reader.read(UInt8.self, "labels"))
            let name = String(decoding: try reader.readBytes(count: length, "labels"), as: UTF8.self)
            guard name == label.name else {
                throw .corrupt(path: path, section: "labels", detail: "expected \(label.name), found \(name)")
            }
        }
        let tagCount = Int(try reader.read(UInt32.self, "header"))
        guard tagCount == scheme.tagCount else {
            throw .corrupt(path: path, section: "header", detail: "tag count \(tagCount) does not match scheme \(scheme.name)")
        }
        let stageCount = Int(try reader.read(UInt8.self, "header"))
        guard stageCount == 1 || stageCount == 2 else {
            throw .corrupt(path: path, section: "header", detail: "stage count \(stageCount) is not 1 or 2")
        }
        var stages: [NERModelStage] = []
        for number in 1...stageCount {
            let section = "stage \(number)"
            let scale = Float(bitPattern: try reader.read(UInt32.self, section))
            let featureCount = Int(try reader.read(UInt32.self, section))
            guard featureCount <= NERModelFormat.maxCount else {
                throw .corrupt(path: path, section: section, detail: "implausible feature count \(featureCount)")
            }
            let transitions = try reader.readArray(Int32.self, count: (tagCount + 1) * (tagCount + 1), section + " transitions")
            let keys = try reader.readArray(UInt64.self, count: featureCount, section + " feature keys")
            try Self.checkSorted(keys, path: path, section: section + " feature keys")
            let weights = try reader.readArray(Int16.self, count: featureCount * tagCount, section + " weights")
            stages.append(NERModelStage(scheme: scheme, weightScale: scale, keys: keys, weights: weights, transitions: transitions))
        }
        let gazetteerCount = Int(try reader.read(UInt32.self, "gazetteer"))
        guard gazetteerCount <= NERModelFormat.maxCount else {
            throw .corrupt(path: path, section: "gazetteer", detail: "implausible entry count \(gazetteerCount)")
        }
        let gazetteerKeys = try reader.readArray(UInt64.self, count: gazetteerCount, "gazetteer keys")
        try Self.checkSorted(gazetteerKeys, path: path, section: "gazetteer keys")
        let gazetteerFlags = try reader.readArray(UInt8.self, count: gazetteerCount, "gazetteer flags")
        let checksumOffset = reader.offset
        let stored = try reader.read(UInt64.self, "checksum")
        guard reader.remaining == 0 else {
            throw .corrupt(path: path, section: "trailer", detail: "\(reader.remaining) unexpected bytes after the checksum")
        }
        let actual = bytes.withUnsafeBytes { NERHash.checksum(UnsafeRawBufferPointer(rebasing: $0[..<checksumOffset])) }
        guard stored == actual else { throw .checksumMismatch(path: path) }
        self.init(scheme: scheme, stages: stages, gazetteer: NERGazetteer(sortedKeys: gazetteerKeys, flags: gazetteerFlags))
    }

    private static func checkSorted(_ keys: [UInt64], path: String, section: String) throws(NERModelError) {
        var previous: UInt64 = 0
        for (index, key) in keys.enumerated() {
            guard key > previous else {
                throw .corrupt(path: path, section: section, detail: "key \(index) is zero, repeated or out of order")
            }
            previous = key
        }
    }

    /// The model file's bytes.
    public func serialized() -> [UInt8] {
        var writer = NERBinaryWriter()
        for byte in NERModelFormat.magic { writer.append(byte) }
        writer.append(NERModelFormat.version)
        writer.append(NERFeatureExtractor.version)
        writer.append(scheme.rawValue)
        writer.append(UInt8(EntityLabel.allCases.count))
        for label in EntityLabel.allCases {
            writer.append(UInt8(label.name.utf8.count))
            writer.append(ascii: label.name)
        }
        writer.append(UInt32(tagCount))
        writer.append(UInt8(stages.count))
        for stage in stages {
            writer.append(stage.weightScale.bitPattern)
            writer.append(UInt32(stage.keys.count))
            writer.append(contentsOf: stage.transitions)
            writer.append(contentsOf: stage.keys)
            writer.append(contentsOf: stage.weights)
        }
        writer.append(UInt32(gazetteer.keys.count))
        writer.append(contentsOf: gazetteer.keys)
        writer.append(contentsOf: gazetteer.flags)
        var bytes = writer.bytes
        let checksum = bytes.withUnsafeBytes { NERHash.checksum($0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Writes the model file atomically.
    public func write(to path: String) throws(NERModelError) {
        do {
            try Data(serialized()).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
