import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `plansite serve` tests need beyond a plain run (that is `Plansite.run`):
/// a server started in the background, read as it speaks, and stopped.
enum ServeTestSupport {
    static func launch(_ arguments: [String], in folder: URL) throws -> RunningServer {
        try RunningServer(binary: Plansite.binary, arguments: arguments, folder: folder)
    }

    /// Process ids whose command line mentions `text`: a leftover server would show up here.
    static func processesMentioning(_ text: String) -> [Int32] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.compactMap { Int32($0) }.filter { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ").contains(text)
        }
    }
}

/// A `plansite serve` child process whose output the test reads as it arrives.
final class RunningServer: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var collected = ""

    init(binary: URL, arguments: [String], folder: URL) throws {
        let pipe = Pipe()
        process.executableURL = binary
        // The folder goes on the command line so a leftover process can be found by it.
        process.arguments = arguments + ["--content", folder.path + "/content", "--templates", folder.path + "/templates"]
        process.currentDirectoryURL = folder
        // Both streams in one, so a failure message shows the server's own errors.
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.collected += text }
        }
        try process.run()
    }

    var output: String { lock.withLock { collected } }

    func waitForLine(containing text: String, timeout: Double) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = output.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no line with \(text) in: \(output)"])
    }

    /// Sends Ctrl-C's signal and waits for the exit status.
    func interrupt(timeout: Double) async throws -> Int32? {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// For `defer`: whatever happened in the test, no server outlives it.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Reads a server-sent event stream over a plain socket (URLSession on Linux cannot stream).
final class EventReader {
    private let socket: Int32
    private var received = ""

    init(port: UInt16, path: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        var wait = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
    }

    /// True once `text` has arrived; false if it did not within `timeout` seconds.
    func read(until text: String, timeout: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(text) && Date() < deadline {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) }
            if count == 0 { break }
        }
        return received.contains(text)
    }

    func close() {
        Glibc.close(socket)
    }
}
