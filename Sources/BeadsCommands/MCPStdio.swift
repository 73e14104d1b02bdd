import BeadsStore
import Foundation

/// Newline-delimited JSON-RPC on standard input, read in linear time and with a bound on
/// a message: a loop that searches the whole pending buffer after every read keeps a
/// server busy for minutes on one 10 MB paste. A message over `maxMessage`
/// is dropped, and its request answered with an error naming the limit; the server keeps
/// serving.
enum MCPStdioReader {
    static let maxMessage = 2 << 20

    /// The messages on `fd`, read on a thread of their own (a blocking read must not hold
    /// one of the concurrency pool's few threads); the stream ends with the input.
    static func lines(from fd: Int32, reject: @escaping @Sendable (Data) -> Void) -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        Thread { readLines(from: fd, into: continuation, reject: reject) }.start()
        return stream
    }

    /// Splits standard input into messages, looking for the newline in new bytes only.
    static func readLines(from fd: Int32, into continuation: AsyncStream<Data>.Continuation, reject: (Data) -> Void) {
        var pending = Data()
        var dropped = 0
        // Where the request's id may be: JSON objects keep no key order.
        var droppedHead = Data(), droppedTail = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { break }
            var start = 0
            while let newline = chunk[start..<count].firstIndex(of: 0x0A) {
                if dropped > 0 {
                    droppedTail = Data((droppedTail + chunk[start..<newline]).suffix(512))
                    reject(tooLarge(head: droppedHead + [0x0A] + droppedTail, size: dropped + newline - start))
                    dropped = 0
                    droppedHead = Data()
                    droppedTail = Data()
                } else {
                    pending.append(contentsOf: chunk[start..<newline])
                    if !pending.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continuation.yield(pending) }
                    pending = Data()
                }
                start = newline + 1
            }
            if dropped > 0 {
                dropped += count - start
                droppedTail = Data((droppedTail + chunk[start..<count]).suffix(512))
            } else {
                pending.append(contentsOf: chunk[start..<count])
                if pending.count > maxMessage {
                    droppedHead = pending.prefix(512)
                    droppedTail = pending.suffix(512)
                    dropped = pending.count
                    pending = Data()
                }
            }
        }
        continuation.finish()
    }

    /// The error answer to a request too large to read: its id is in its first or its
    /// last bytes (outside the long argument), whichever way the keys were ordered.
    static func tooLarge(head: Data, size: Int) -> Data {
        let text = String(decoding: head, as: UTF8.self)
        var id = "null"
        if let range = text.range(of: #""id"\s*:\s*("[^"]*"|-?[0-9]+)"#, options: .regularExpression),
            let colon = text[range].firstIndex(of: ":")
        {
            id = text[text.index(after: colon)..<range.upperBound].trimmingCharacters(in: .whitespaces)
        }
        let message =
            "the message is \(size >> 10) KiB; beads reads at most \(maxMessage >> 10) KiB. Send the end of the log, where builds report (diagnose_error takes up to 1 MiB)."
        return Data(#"{"jsonrpc":"2.0","id":\#(id),"error":{"code":-32600,"message":"\#(message)"}}"#.utf8)
    }
}

/// Whole messages to standard output, one line each, never two interleaved: requests are
/// answered concurrently.
final class MCPStdioWriter: Sendable {
    private let output: Locked<Int32>

    init(output: Int32 = STDOUT_FILENO) { self.output = Locked(output) }

    func send(_ message: JSONValue) { send(Data(message.encoded().utf8)) }

    /// A client that has gone away cannot be told anything: a failed write is dropped,
    /// and the closed input ends the session.
    func send(_ data: Data) {
        var message = data
        message.append(0x0A)
        output.withLock { fd in
            message.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR || errno == EAGAIN { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }
}
