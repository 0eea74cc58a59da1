/// A run of complete input lines, cut from the input at a read boundary.
struct InputBatch: Sendable {
    enum Item: Sendable {
        /// A line (without its newline) and its 1-based number.
        case line(Range<Int>, number: Int)
        /// A line over the length limit; its bytes went straight to the rejects file.
        case overlong(number: Int, length: Int)
    }

    var index: Int
    var bytes: [UInt8]
    var items: [Item]
}

/// Cuts the input into batches of whole lines. Memory stays bounded: a line longer than
/// `maxLineBytes` is streamed to the rejects sink (or discarded) instead of being buffered.
/// Used by the reader thread only; handed to it once, hence `@unchecked Sendable`.
final class LineBatcher: @unchecked Sendable {
    private let reader: InputReader
    private let maxLineBytes: Int
    private let rejects: ByteSink?
    private var carry: [UInt8]
    private var lineNumber = 0
    private var batchIndex = 0
    private var pending: [InputBatch.Item] = []
    private var overlong: (number: Int, length: Int)?

    init(reader: InputReader, maxLineBytes: Int, initial: [UInt8], rejects: ByteSink?) {
        self.reader = reader
        self.maxLineBytes = maxLineBytes
        self.rejects = rejects
        self.carry = initial
    }

    func next() throws -> InputBatch? {
        while true {
            if overlong == nil, let batch = try cut(final: reader.atEnd) { return batch }
            if reader.atEnd {
                if let open = overlong {
                    overlong = nil
                    try rejects?.write([UInt8(ascii: "\n")])
                    pending.append(.overlong(number: open.number, length: open.length))
                    continue
                }
                return nil
            }
            _ = try reader.read(into: &carry)
            try spillOverlongLine()
        }
    }

    /// While inside an over-long line, sends its bytes to the rejects sink until its newline.
    private func spillOverlongLine() throws {
        if var open = overlong {
            if let newline = carry.firstIndex(of: UInt8(ascii: "\n")) {
                try rejects?.write(Array(carry[...newline]))
                open.length += newline
                pending.append(.overlong(number: open.number, length: open.length))
                overlong = nil
                carry = Array(carry[(newline + 1)...])
            } else {
                try rejects?.write(carry)
                open.length += carry.count
                overlong = open
                carry.removeAll(keepingCapacity: true)
            }
            return
        }
        let start = carry.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        if carry.count - start > maxLineBytes {
            // Emit the complete lines before it first, then start spilling.
            if start > 0 { return }
            lineNumber += 1
            overlong = (lineNumber, 0)
            try spillOverlongLine()
        }
    }

    /// Cuts all complete lines (and, at the end, the unterminated last line) into a batch.
    private func cut(final: Bool) throws -> InputBatch? {
        let end: Int
        if let newline = carry.lastIndex(of: UInt8(ascii: "\n")) {
            end = newline + 1
        } else if final && !carry.isEmpty {
            end = carry.count
        } else if !pending.isEmpty {
            end = 0
        } else {
            return nil
        }
        let bytes = Array(carry[..<end])
        carry = Array(carry[end...])
        var items = pending
        pending.removeAll()
        var start = 0
        while start < bytes.count {
            let stop = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            lineNumber += 1
            if stop - start > maxLineBytes {
                try rejects?.write(Array(bytes[start..<stop]) + [UInt8(ascii: "\n")])
                items.append(.overlong(number: lineNumber, length: stop - start))
            } else {
                items.append(.line(start..<stop, number: lineNumber))
            }
            start = stop + 1
        }
        defer { batchIndex += 1 }
        return InputBatch(index: batchIndex, bytes: bytes, items: items)
    }
}
