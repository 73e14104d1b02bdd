import Foundation
import Logging
import MCP

/// Newline-delimited JSON-RPC on standard input and output, as the SDK's StdioTransport
/// speaks it, but reading in linear time and with a bound on a message: the SDK's own
/// loop searches the whole pending buffer after every 4 KiB read, so one 10 MB paste
/// kept the server busy for minutes. A message over `maxMessage` is dropped, and its
/// request answered with an error naming the limit; the server keeps serving.
actor MCPStdioTransport: Transport {
    nonisolated let logger = Logger(label: "beads.mcp.stdio", factory: { _ in SwiftLogNoOpLogHandler() })
    static let maxMessage = 2 << 20

    private let input: Int32
    private let output: Int32
    private let stream: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
        (stream, continuation) = AsyncThrowingStream.makeStream()
    }

    func connect() async throws {
        let input = self.input, continuation = self.continuation
        Thread { [weak self] in
            MCPStdioTransport.readLines(from: input, into: continuation) { rejected in
                guard let self else { return }
                Task { try? await self.send(rejected) }
            }
        }.start()
    }

    func disconnect() async {
        continuation.finish()
    }

    func send(_ data: Data) async throws {
        var message = data
        message.append(0x0A)
        try message.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(output, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                }
                offset += written
            }
        }
    }

    func receive() -> AsyncThrowingStream<Data, Swift.Error> { stream }

    /// Splits standard input into messages, looking for the newline in new bytes only.
    nonisolated static func readLines(from fd: Int32, into continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation,
                                      reject: (Data) -> Void) {
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
    nonisolated static func tooLarge(head: Data, size: Int) -> Data {
        let text = String(decoding: head, as: UTF8.self)
        var id = "null"
        if let range = text.range(of: #""id"\s*:\s*("[^"]*"|-?[0-9]+)"#, options: .regularExpression),
           let colon = text[range].firstIndex(of: ":") {
            id = text[text.index(after: colon)..<range.upperBound].trimmingCharacters(in: .whitespaces)
        }
        let message = "the message is \(size >> 10) KiB; beads reads at most \(maxMessage >> 10) KiB. Send the end of the log, where builds report (diagnose_error takes up to 1 MiB)."
        return Data(#"{"jsonrpc":"2.0","id":\#(id),"error":{"code":-32600,"message":"\#(message)"}}"#.utf8)
    }
}
