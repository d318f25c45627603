import ArgumentParser
import CoopQL
import CoopQLShell
import Foundation

/// `coopql bench`: the query-timing half of `Scripts/bench`. Loads the data once (timed on its
/// own), then runs each question several times and prints the median milliseconds; each answer
/// is written as CSV so the script can compare it with SQLite's and DuckDB's.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time questions on loaded data (used by Scripts/bench).",
        discussion: """
        The questions file holds one question a line: a name, a tab, then the query, or \
        `@report PATH` for a report template. Prints `load<TAB>ms` and then \
        `name<TAB>median ms<TAB>each run…`.
        """,
        shouldDisplay: false)

    @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "dir"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("The questions file.", valueName: "file"))
    var questions: String

    @Option(name: .long, help: ArgumentHelp("Folder for the answers, one CSV file per question.", valueName: "dir"))
    var answers: String?

    @Option(name: .long, help: "Timed runs of each question (after one warm-up run).")
    var runs: Int = 5

    mutating func run() throws {
        let session = Session()
        do {
            let (_, ms) = try QueryTiming.milliseconds { try session.loadDirectory(data) }
            print("load\t\(String(format: "%.1f", ms))")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(Shell.Status.failure.rawValue)
        }
        guard let text = try? String(contentsOfFile: questions, encoding: .utf8) else {
            throw ValidationError("cannot read \(questions)")
        }
        if let answers { try FileManager.default.createDirectory(atPath: answers, withIntermediateDirectories: true) }
        var csv = RenderOptions()
        csv.format = .csv
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let name = String(line[..<tab]), query = String(line[line.index(after: tab)...])
            let timing: QueryTiming
            do {
                if query.hasPrefix("@report ") {
                    let path = String(query.dropFirst("@report ".count))
                    let bytes = FileManager.default.contents(atPath: path) ?? Data()
                    timing = try session.timeReport(try SourceText.decode(name: path, bytes: Array(bytes)), runs: runs)
                } else {
                    timing = try session.time(query, runs: runs)
                }
            } catch let list as DiagnosticList {
                FileHandle.standardError.write(Data("\(name): \(list)\n".utf8))
                throw ExitCode(Shell.Status.failure.rawValue)
            }
            print(([name, String(format: "%.2f", timing.median)] + timing.runs.map { String(format: "%.2f", $0) })
                .joined(separator: "\t"))
            if let answers, let answer = timing.answer {
                let out: String
                if case .text(let s) = answer, query.hasPrefix("@report ") { out = s } else { out = render(answer, options: csv) }
                try out.write(toFile: "\(answers)/\(name).csv", atomically: true, encoding: .utf8)
            }
        }
    }
}
