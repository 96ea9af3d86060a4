import FlyingFox
import FlyingSocks
import Foundation

/// Lets FlyingFox send an `AsyncStream` as a chunked response body, one chunk per
/// server-sent event, so a page hears about a rebuild as soon as it happens.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.AsyncIterator
        var pending = Data()

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        /// Hands out at most `count` bytes, keeping the rest of an event for the next call.
        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            while pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event
            }
            let chunk = pending.prefix(Swift.max(count, 1))
            pending = Data(pending.dropFirst(chunk.count))
            return Data(chunk)
        }
    }
}

/// Everyone listening for rebuilds. Each `/__plansite/events` request gets its own
/// stream; a closed browser tab ends its stream when the next write to it fails.
actor ReloadBroadcaster {
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]

    /// A new stream that starts with the current build number.
    func subscribe(current version: Int) -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        // `retry` makes the browser reconnect quickly after the server restarts.
        continuation.yield(Data("retry: 500\n\n".utf8))
        continuation.yield(Self.message(version))
        listeners[id] = continuation
        return stream
    }

    func broadcast(version: Int) {
        for listener in listeners.values { listener.yield(Self.message(version)) }
    }

    /// A comment line: it keeps proxies from closing an idle stream and lets the
    /// server notice tabs that have gone away.
    func heartbeat() {
        for listener in listeners.values { listener.yield(Data(": keep-alive\n\n".utf8)) }
    }

    func finishAll() {
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
    }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }

    private static func message(_ version: Int) -> Data {
        Data("data: \(version)\n\n".utf8)
    }
}
