import ArgumentParser
import CoopQL
import CoopQLSample
import CoopQLShell
import Foundation

/// `coopql sample --out DIR`: writes the bundled sample data set, one CSV file per table. The
/// library generates it; this command only reads the arguments and reports the outcome.
struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the sample data set (one CSV file per table) to a folder.",
        discussion: """
        `provinces` (the default) holds Bắc Ninh, Bình Phước, Bạc Liêu and Bắc Kạn with the figures \
        of their published reports; `national` adds the other 59 provinces, about 100,000 \
        organisations and 5,000,000 members, for benchmarks. The same seed gives the same files.
        """)

    @Option(name: .long, help: ArgumentHelp("The folder to write to (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "provinces or national.")
    var scale: SampleData.Scale = .provinces

    @Option(name: .long, help: "The generator's seed.")
    var seed: UInt64 = 2024

    mutating func run() throws {
        do {
            let files = try SampleData.write(to: out, scale: scale, seed: seed)
            for file in files {
                print("\(file.path): \(file.rows) rows, \(file.bytes) bytes")
            }
        } catch {
            FileHandle.standardError.write(Data(error.description.utf8))
            throw ExitCode(Shell.Status.failure.rawValue)
        }
    }
}

extension SampleData.Scale: ExpressibleByArgument {}
