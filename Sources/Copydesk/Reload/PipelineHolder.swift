/// The pipeline in service, and its config generation. A reload swaps it; each batch of
/// documents takes the pipeline current when its processing starts and finishes on it.
public final class PipelineHolder: @unchecked Sendable {
    private let lock = Mutex()
    private var pipeline: Pipeline
    private var generationNumber = 1

    public init(_ pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    public var current: Pipeline {
        lock.withLock { pipeline }
    }

    public var generation: Int {
        lock.withLock { generationNumber }
    }

    /// Puts `next` in service; returns its generation number.
    @discardableResult
    public func replace(with next: Pipeline) -> Int {
        lock.withLock {
            pipeline = next
            generationNumber += 1
            return generationNumber
        }
    }
}
