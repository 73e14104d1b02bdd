import BeadsStore
import Foundation
import Subprocess
import SystemPackage

/// How a child process ended.
public struct ChildOutcome: Sendable {
    /// The exit code; 128+N when a signal N ended it (as a shell reports it).
    public var exitCode: Int32
    public var signal: Int32?
    public var timedOut: Bool
    public var interrupted: Bool
    /// Standard output and error as they arrived, interleaved, at most `captureLimit` bytes (the end kept).
    public var output: String
    public var duration: Duration
}

/// Runs one child process: in a session of its own, output streamed as it comes and
/// captured, ended with its whole process group on Ctrl-C or time-out.
///
/// Arguments go to the child as an argv array, never through a shell, so nothing in
/// them is ever read as code.
public struct ChildProcess: Sendable {
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]
    public var workingDirectory: String?
    public var standardInput: Data?
    public var timeout: Duration?
    /// How much output to keep for matching and the run log: the last 4 MiB.
    public var captureLimit = 4 << 20

    public init(
        executable: String, arguments: [String], environment: [String: String],
        workingDirectory: String? = nil, standardInput: Data? = nil, timeout: Duration? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.standardInput = standardInput
        self.timeout = timeout
    }

    /// Runs the child to its end. `onOutput` gets each chunk with whether it came on
    /// standard error, in arrival order.
    public func run(onOutput: @escaping @Sendable (Data, Bool) -> Void) async throws -> ChildOutcome {
        var options = PlatformOptions()
        options.createSession = true
        // SIGTERM to the whole group, then SIGKILL two seconds later.
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(2))]
        let capture = Locked(OutputTail(limit: captureLimit))
        let clock = ContinuousClock()
        let start = clock.now
        let stop = Locked<StopReason?>(nil)
        let executable = self.executable, arguments = self.arguments, environment = self.environment
        let workingDirectory = self.workingDirectory, input = self.standardInput ?? Data()

        let interrupt = InterruptWatcher()
        let started = Locked<pid_t?>(nil)
        let runTask = Task { () throws -> TerminationStatus in
            let result = try await Subprocess.run(
                .path(FilePath(executable)), arguments: Arguments(arguments),
                environment: .custom(
                    Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) })),
                workingDirectory: workingDirectory.map { FilePath($0) }, platformOptions: options,
                input: .data(input), output: .sequence, error: .sequence
            ) { execution in
                started.withLock { $0 = execution.processIdentifier.value }
                ProcessTree.noteStarted(execution.processIdentifier.value)
                return try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await chunk in execution.standardOutput {
                            let data = chunk.withUnsafeBytes { Data($0) }
                            capture.withLock { $0.append(data) }
                            onOutput(data, false)
                        }
                    }
                    group.addTask {
                        for try await chunk in execution.standardError {
                            let data = chunk.withUnsafeBytes { Data($0) }
                            capture.withLock { $0.append(data) }
                            onOutput(data, true)
                        }
                    }
                    try await group.waitForAll()
                }
            }
            return result.terminationStatus
        }
        // Before the group is torn down, note every process the child started: those that
        // left its group (setsid) or ignore SIGTERM are killed after it.
        let strays = Locked<[pid_t]>([])
        let end = { @Sendable (reason: StopReason) in
            stop.withLock { $0 = $0 ?? reason }
            if let pid = started.current { strays.withLock { $0 += ProcessTree.descendants(of: pid) + ProcessTree.adoptedOrphans() } }
            runTask.cancel()
        }
        interrupt.start { end(.interrupted) }
        let timer = timeout.map { limit in
            Task {
                try await Task.sleep(for: limit)
                end(.timedOut)
            }
        }
        defer {
            timer?.cancel()
            interrupt.stop()
            if let pid = started.current { ProcessTree.noteEnded(pid) }
        }
        let status: TerminationStatus
        // Stopped by Ctrl-C or the time-out, the group is torn down; then the processes
        // that had left it, any they started meanwhile, and (where this process adopts
        // orphans) those whose parent died in the teardown.
        let killStrays = {
            ProcessTree.terminate(strays.current)
        }
        do {
            // The caller's task cancelled (an MCP client's notifications/cancelled, or its
            // input ended) ends the child's tree as Ctrl-C does.
            status = try await withTaskCancellationHandler {
                try await runTask.value
            } onCancel: {
                end(.interrupted)
            }
            if stop.current != nil { killStrays() }
        } catch {
            killStrays()
            if let reason = stop.current {
                return ChildOutcome(
                    exitCode: reason == .interrupted ? 130 : 124, signal: nil, timedOut: reason == .timedOut,
                    interrupted: reason == .interrupted, output: capture.current.text, duration: clock.now - start)
            }
            throw error
        }
        var outcome = ChildOutcome(
            exitCode: 0, signal: nil, timedOut: stop.current == .timedOut, interrupted: stop.current == .interrupted,
            output: capture.current.text, duration: clock.now - start)
        switch status {
        case let .exited(code): outcome.exitCode = code
        case let .signaled(signal):
            outcome.signal = signal
            outcome.exitCode = 128 + signal
        }
        if outcome.timedOut { outcome.exitCode = 124 }
        if outcome.interrupted { outcome.exitCode = 130 }
        return outcome
    }
}

/// The tail of a child's output: at most `limit` bytes are kept.
struct OutputTail: Sendable {
    private var data = Data()
    let limit: Int

    init(limit: Int) { self.limit = limit }

    mutating func append(_ chunk: Data) {
        data.append(chunk)
        if data.count > limit * 2 { data = Data(data.suffix(limit)) }
    }

    var text: String { String(decoding: data.suffix(limit), as: UTF8.self) }
}

/// Why a run was stopped, if it was: the first reason given wins.
enum StopReason: Sendable { case interrupted, timedOut }

/// Turns Ctrl-C (SIGINT) and SIGTERM into a callback while a child runs, instead of
/// killing beads and leaving the child's group behind.
final class InterruptWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    func start(_ handler: @escaping @Sendable () -> Void) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
