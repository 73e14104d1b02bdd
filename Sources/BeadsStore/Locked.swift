import Synchronization

/// A value shared between threads, reached only under its lock: the one box every
/// module uses (a child's captured output, its pid, the strays noted at a stop,
/// results collected from parallel work) instead of a hand-written class per value.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `Value` is only ever touched inside `withLock`.
    private let mutex: Mutex<Void> = Mutex(())
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try mutex.withLock { _ in try body(&value) }
    }

    /// A copy of the value as it is now.
    public var current: Value { withLock { $0 } }
}
