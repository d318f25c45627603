import Foundation
@testable import CoopQL

/// Where the test fixtures and the built `coopql` binary are.
enum Fixtures {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static var dataDirectory: String { root.appendingPathComponent("data").path }

    /// The repository's top folder (for examples/ and Grammar/).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A session with the fixture tables loaded.
    static func session() throws -> Session {
        let session = Session()
        try session.loadDirectory(dataDirectory)
        return session
    }

    /// Runs a query on the fixture data and returns its last value.
    static func query(_ text: String, parameters: [String: String] = [:]) throws -> Value? {
        try session().evaluate(text, parameters: parameters)
    }

    /// The rows of a table value, or nil when it is not a table.
    static func rows(_ value: Value?) -> [[Value]]? {
        guard case .table(let t)? = value else { return nil }
        return t.rows
    }

    static func names(_ value: Value?) -> [String]? {
        guard case .table(let t)? = value else { return nil }
        return t.schema.names
    }
}

/// Runs the built `coopql` binary and captures what it does.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// stdout parsed as JSON.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
}

enum CLI {
    static var binary: String {
        // Tests run from the build folder, where the products are built beside them.
        var dir = Bundle.module.bundleURL.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("coopql").path) {
            dir = Fixtures.repository.appendingPathComponent(".build/debug")
        }
        return dir.appendingPathComponent("coopql").path
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `coopql -c QUERY --data fixtures --format json`.
    static func query(_ text: String, format: String = "json", extra: [String] = []) throws -> CommandResult {
        try run(["-c", text, "--data", Fixtures.dataDirectory, "--format", format] + extra)
    }
}
