import BeadsKnowledge
import BeadsStore
import Foundation

/// Tells the open pages that the store changed (a CLI write, a git pull, a hit recorded),
/// as server-sent events. The watcher compares the sizes and times of the files the
/// store is made of; it reads no SQLite, and a page asks again only when told to.
actor StoreEvents {
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false

    /// A stream of events for one page, ended when the server stops.
    func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        if closed { continuation.finish() } else { subscribers[id] = continuation }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    var count: Int { subscribers.count }

    func publish(_ event: String) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream: an open page must not hold the server up as it stops.
    func closeAll() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// The SSE text of one event.
    static func frame(_ event: String, data: String) -> String {
        "event: \(event)\ndata: \(data)\n\n"
    }

    /// Watches until cancelled: a `change` event when the store's files change, a comment
    /// every 15 s so that a page that went away is noticed (its write fails).
    func watch(_ location: KnowledgeBaseLocation, every interval: Duration = .milliseconds(250)) async {
        var last = StoreStamp.read(location)
        var changes = 0
        var quiet = Duration.zero
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = StoreStamp.read(location)
            if now != last {
                last = now
                quiet = .zero
                changes += 1
                publish(Self.frame("change", data: String(changes)))
            } else {
                quiet += interval
                if quiet >= .seconds(15) {
                    quiet = .zero
                    publish(": still here\n\n")
                }
            }
        }
    }
}

/// The size and modification time of each file the knowledge base is made of: the
/// store's files, and the docs as the indexer's own scan finds them.
struct StoreStamp: Equatable {
    var files: [String: FileFingerprint]
    /// The docs folder itself: a doc whose stat the scan refuses (too big, not a regular
    /// file) still changes it when it comes or goes.
    var folder: FileFingerprint?

    static func read(_ location: KnowledgeBaseLocation) -> StoreStamp {
        var files: [String: FileFingerprint] = [:]
        for path in [
            location.jsonlPath, location.beadsDirectory + "/hits.jsonl", location.databasePath, location.databasePath + "-wal",
            location.configPath,
        ] {
            files[path] = FileFingerprint(path: path)
        }
        for doc in DocsIndexer.scan(location).files { files[doc.path] = doc.fingerprint }
        var info = stat()
        let folder = stat(location.docsDirectory, &info) == 0 ? FileFingerprint(info) : nil
        return StoreStamp(files: files, folder: folder)
    }
}
