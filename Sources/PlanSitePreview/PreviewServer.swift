import FlyingFox
import FlyingSocks
import Foundation
import PlanSiteKit

/// `plansite serve`: builds with the same pipeline as `build`, serves the result from
/// memory, rebuilds when content or templates change and tells open pages to reload.
/// It never writes a file, so the preview script cannot end up in `site/`.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: UInt16
    /// Called after every build with its result, how long it took and whether an earlier
    /// good build is still being served (when this one failed), for the terminal.
    public var onBuild: @Sendable (_ result: PipelineResult, _ seconds: Double) -> Void = { _, _ in }

    public init(options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000) {
        self.options = options
        // Each rebuild re-reads every file but re-parses only those whose text changed.
        if self.options.cache == nil { self.options.cache = BuildCache() }
        self.options.deferPages = true
        self.host = host
        self.port = port
    }

    /// Serves until the task is cancelled; `onListening` gets the address actually bound
    /// (useful with port 0, which lets the system choose a free port).
    public func run(onListening: @Sendable @escaping (String) -> Void) async throws {
        let site = PreviewSite()
        let reloads = ReloadBroadcaster()
        let watcher = SourceWatcher(folders: [options.contentFolder, options.templatesFolder])
        // A bad --host fails here, before the first build makes the user wait.
        let server = try makeServer(handler: PreviewHandler(site: site, reloads: reloads))
        let start = watcher.fingerprint()
        await rebuild(site, reloads)
        defer { Task { await reloads.finishAll() } }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await Self.listen(server, port: port) }
                group.addTask {
                    try await server.waitUntilListening()
                    onListening(Self.describe(await server.listeningAddress))
                    await watcher.watch(from: start) { await rebuild(site, reloads) }
                }
                group.addTask { try await Self.heartbeats(reloads) }
                // Only the server ends by itself (on an error); cancellation ends all three.
                try await group.next()
                group.cancelAll()
            }
        } catch {
            // Stopping closes the listening socket, which FlyingFox may report as
            // "disconnected" rather than as cancellation: either way it is a clean stop.
            guard Task.isCancelled else { throw error }
        }
        await reloads.finishAll()
        await server.stop(timeout: 0.5)
    }

    private func rebuild(_ site: PreviewSite, _ reloads: ReloadBroadcaster) async {
        let started = Date()
        let result = await buildInBackground()
        let seconds = Date().timeIntervalSince(started)
        let version = await site.update(with: result)
        onBuild(result, seconds)
        await reloads.broadcast(version: version)
    }

    /// The pipeline is synchronous CPU work: run it on its own thread so the server's
    /// tasks keep answering requests meanwhile.
    private func buildInBackground() async -> PipelineResult {
        let options = options
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: BuildPipeline(options: options).run())
            }
        }
    }

    private func makeServer(handler: PreviewHandler) throws -> HTTPServer {
        let name = host == "localhost" ? "127.0.0.1" : host
        do {
            if name.contains(":") {
                return HTTPServer(address: try .inet6(ip6: name, port: port), logger: .disabled, handler: handler)
            }
            return HTTPServer(address: try .inet(ip4: name, port: port), logger: .disabled, handler: handler)
        } catch {
            throw PreviewError(description: "--host must be an IP address such as 127.0.0.1 or ::1, not '\(host)'")
        }
    }

    /// Runs the server; a port another program holds is said in words, with the way out.
    private static func listen(_ server: HTTPServer, port: UInt16) async throws {
        do {
            try await server.run()
        } catch SocketError.failed(_, EADDRINUSE, _) {
            throw PreviewError(
                description:
                    "port \(port) is already in use, perhaps by another `plansite serve`; stop that, or choose another port with --port \(port == UInt16.max ? 8000 : port + 1), or --port 0 for any free one"
            )
        }
    }

    private static func heartbeats(_ reloads: ReloadBroadcaster) async throws {
        while true {
            try await Task.sleep(for: .seconds(15))
            await reloads.heartbeat()
        }
    }

    static func describe(_ address: Socket.Address?) -> String {
        switch address {
        case .ip4(let ip, let port): "http://\(ip):\(port)/"
        case .ip6(let ip, let port): "http://[\(ip)]:\(port)/"
        case .unix(let path): path
        case nil: "(unknown address)"
        }
    }
}

public struct PreviewError: Error, CustomStringConvertible {
    public var description: String
}

/// Turns requests into responses: the event stream, or a file of the current build.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    let reloads: ReloadBroadcaster

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var headers = HTTPHeaders()
            headers[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        // The raw target keeps the trailing slash that FlyingFox's `path` standardises away.
        let path = request.target.path()
        if path == LiveReload.eventsPath {
            let events = await reloads.subscribe(current: await site.version)
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: HTTPBodySequence(from: EventStreamBody(events: events)))
        }
        let answer = await site.response(for: path)
        var headers: HTTPHeaders = [.contentType: answer.contentType, .cacheControl: "no-store"]
        if let location = answer.location { headers[.location] = location }
        headers[.contentLength] = String(answer.body.count)
        let body = request.method == .HEAD ? Data() : answer.body
        return HTTPResponse(
            statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)),
            headers: headers, body: body)
    }

    static func phrase(_ status: Int) -> String {
        [200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Internal Server Error"][status] ?? "Status"
    }
}
