@testable import CoopQL
@testable import CoopQLBase
import Foundation

/// The work each fuzz target does with one input. Every target runs the input the way the
/// command line would, on a fresh session, and checks what came back (see `FuzzFindings`).
public enum FuzzHarness {
    /// The limits every run gets: small enough that an endless query stops with a limit error
    /// well inside libFuzzer's hang timeout, so only a true hang (a loop that never checks its
    /// budget) is reported as one.
    static let limits = Limits(maxSteps: 2_000_000, maxRows: 200_000, maxBytes: 64 << 20, timeout: 1,
                               maxQueryBytes: 1 << 20)

    /// The small data set queries run on: the test fixtures (cooperatives, loans, members), loaded
    /// once per process.
    static let tables: [(String, Table)] = {
        let data = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/CoopQLTests/Fixtures/data").path
        do {
            return try loadDataDirectory(data, options: LoadOptions(), existingTables: [:]).tables
        } catch {
            FileHandle.standardError.write(Data("cannot load the fuzzing data set at \(data): \(error)\n".utf8))
            exit(2)
        }
    }()

    /// A session holding the data set, with the fuzzing limits and no file access.
    static func freshSession() -> Session {
        let session = Session()
        for (name, table) in tables { session.addTable(name, table) }
        session.limits = limits
        return session
    }

    /// Decodes the input as source text; invalid UTF-8 must be an error at its position.
    static func source(_ bytes: [UInt8], name: String) -> SourceText? {
        do {
            return try SourceText.decode(name: name, bytes: bytes)
        } catch {
            if error.location == nil { FuzzFindings.finding("decoding: an error without a position", error) }
            return nil
        }
    }

    /// Lexer and parser: the recovering parse the checker uses, and the strict one.
    public static func parse(_ bytes: [UInt8]) {
        guard let source = source(bytes, name: "fuzz.coop") else { return }
        let problems = try! onLargeStack { Parser.parseRecovering(source).1 }
        FuzzFindings.requirePositions(problems, in: source, stage: "parse")
        do {
            _ = try onLargeStack { try Parser.parse(source) }
        } catch let list as DiagnosticList {
            FuzzFindings.requirePositions(list.diagnostics, in: source, stage: "parse")
            if list.diagnostics.isEmpty { FuzzFindings.finding("parse: an empty list of errors") }
        } catch {
            FuzzFindings.finding("parse: an error that is not a diagnostic: \(error)")
        }
    }

    /// Parser and checker, without running.
    public static func check(_ bytes: [UInt8]) {
        guard let source = source(bytes, name: "fuzz.coop") else { return }
        let session = freshSession()
        do {
            _ = try onLargeStack { try session.check(source, parameters: [:], bindings: [:]) }
        } catch let list as DiagnosticList {
            FuzzFindings.requirePositions(list.diagnostics, in: source, stage: "check")
        } catch {
            FuzzFindings.finding("check: an error that is not a diagnostic: \(error)")
        }
    }

    /// A whole script run on the data set, every value it shows rendered in each output format.
    public static func query(_ bytes: [UInt8]) {
        guard let source = source(bytes, name: "fuzz.coop") else { return }
        let session = freshSession()
        var shown: [Value] = []
        do {
            try session.run(source) { output in
                switch output {
                case .value(let v): shown.append(v)
                case .printed(let vs): shown += vs
                case .chart(let t): shown.append(.table(t))
                }
            }
        } catch {
            FuzzFindings.requirePositions(error.diagnostics, in: source, stage: "query")
        }
        for value in shown.prefix(4) {
            for format in OutputFormat.allCases {
                _ = render(value, options: RenderOptions(format: format, maxRows: 50))
            }
        }
    }

    /// A report template filled from the data set and written in every report format.
    public static func template(_ bytes: [UInt8]) {
        guard let source = source(bytes, name: "fuzz.coop.md") else { return }
        let session = freshSession()
        let document: ReportDocument
        do {
            document = try session.renderTemplate(source)
        } catch {
            FuzzFindings.requirePositions(error.diagnostics, in: source, stage: "template")
            return
        }
        for format in OutputFormat.formats(for: .report) where !format.isBinary {
            _ = writeReport(document, format: format, options: RenderOptions(maxRows: 50))
        }
    }

    /// A data file in `format`: once with its types inferred, once checked against a schema table
    /// (the first byte of the input picks which), strictly and leniently.
    public static func load(_ bytes: [UInt8], format: DataFormat) {
        let schemaTables = ["cooperatives", "members", "loans"]
        let declared = schemaTables[Int(bytes.first ?? 0) % schemaTables.count]
        for tableName in ["fuzzed", declared] {
            for lenient in [false, true] {
                do {
                    let loaded = try DataFile.load(bytes: bytes, format: format, name: "fuzz.\(format.rawValue)",
                                                   tableName: tableName, options: LoadOptions(lenient: lenient))
                    for warning in loaded.warnings { FuzzFindings.requireDataPosition(warning, stage: "load warning") }
                    _ = render(.table(loaded.table), options: RenderOptions(maxRows: 20))
                } catch {
                    FuzzFindings.requireDataPosition(error, stage: "load")
                }
            }
        }
    }
}
