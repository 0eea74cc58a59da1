#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let start = Self.lastNewline(in: carry).map { $0 + 1 } ?? 0
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
        if let newline = Self.lastNewline(in: carry) {
            end = newline + 1
        } else if final && !carry.isEmpty {
            end = carry.count
        } else if !pending.isEmpty {
            end = 0
        } else {
            return nil
        }
        // Hand the read buffer to the batch and keep only the partial line: no copy of the batch.
        let remainder = Array(carry[end...])
        carry.removeSubrange(end...)
        let bytes = carry
        carry = remainder
        var items = pending
        pending.removeAll()
        let newlines = Self.newlineOffsets(in: bytes)
        var start = 0
        for stop in newlines + (newlines.last == bytes.count - 1 || bytes.isEmpty ? [] : [bytes.count]) {
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

    /// Offsets of every LF in `bytes`, found with memchr.
    static func newlineOffsets(in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBytes { raw -> [Int] in
            guard let base = raw.baseAddress else { return [] }
            var offsets: [Int] = []
            var offset = 0
            while offset < raw.count, let found = memchr(base + offset, 0x0A, raw.count - offset) {
                let position = base.distance(to: UnsafeRawPointer(found))
                offsets.append(position)
                offset = position + 1
            }
            return offsets
        }
    }

    static func lastNewline(in bytes: [UInt8]) -> Int? {
        // Only the partial last line is scanned, so a plain backward loop is enough.
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = buffer.count
            while index > 0 {
                index -= 1
                if buffer[index] == 0x0A { return index }
            }
            return nil
        }
    }
}
