import CoopQL
import Foundation

extension Shell {
    /// What `coopql report TEMPLATE --each …` was asked for.
    public struct BatchRequest: Sendable {
        public var unit: ReportBatch.Unit
        /// The folder the reports and the index go to (made if missing).
        public var directory: String
        /// At most this many reports, the first in order; nil for all (up to the threshold).
        public var limit: Int?
        /// More than `ReportBatch.confirmationThreshold` reports were confirmed.
        public var confirmed: Bool
        public var merged: Bool

        public init(unit: ReportBatch.Unit, directory: String, limit: Int? = nil, confirmed: Bool = false, merged: Bool = false) {
            self.unit = unit; self.directory = directory; self.limit = limit; self.confirmed = confirmed; self.merged = merged
        }
    }

    /// Renders the template once per province or district into `request.directory`, one file
    /// each plus `index.html`. Every report is written whole or not at all; the first failure
    /// stops the batch and names the value it failed for.
    public func renderReportBatch(_ path: String, format: OutputFormat, parameters: [String: String] = [:],
                                  request: BatchRequest) -> Status {
        let source: SourceText
        switch readSource(path) {
        case .success(let s): source = s
        case .failure(let failure): return failure.status
        }
        if request.merged { session.rollUpToMergedProvinces() }
        do throws(Diagnostic) {
            var items = try ReportBatch.items(request.unit, in: session)
            if let limit = request.limit {
                items = Array(items.prefix(max(0, limit)))
            } else if items.count > ReportBatch.confirmationThreshold && !request.confirmed {
                throw Diagnostic(.usage, "--each \(request.unit.rawValue) would write \(items.count) reports",
                                 suggestion: "add --yes to write them all, or --limit N for the first N")
            }
            do {
                try FileManager.default.createDirectory(atPath: request.directory, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic(.usage, "cannot make the folder \(request.directory): \(error.localizedDescription)")
            }
            let options = reportOptions
            for item in items {
                let document: ReportDocument
                do {
                    document = try reportDocument(source, parameters: parameters.merging(item.parameters) { _, each in each },
                                                  merged: request.merged)
                } catch {
                    report(error.diagnostics)
                    throw Diagnostic(.usage, "the report for \(item.title) failed; the reports before it are written")
                }
                let file = (request.directory as NSString).appendingPathComponent(item.stem + "." + format.fileExtension)
                try writeReportFile(document, format: format, options: options, to: file)
            }
            let stem = URL(fileURLWithPath: path).lastPathComponent.replacingOccurrences(of: ".coop.md", with: "")
            let title = "\(stem): " + (request.unit == .province ? "\(items.count) tỉnh, thành phố" : "\(items.count) huyện")
            let note = request.merged ? ReportDocument.mergerNote(province: nil, language: session.language) : nil
            let index = ReportBatch.indexPage(title: title, items: items, fileExtension: format.fileExtension,
                                              language: session.language, note: note)
            try writeAtomically(index, to: (request.directory as NSString).appendingPathComponent("index.html"))
            return .success
        } catch {
            report([error])
            return error.kind == .usage ? .usage : .failure
        }
    }

    /// One report written to `path` whole or not at all.
    func writeReportFile(_ document: ReportDocument, format: OutputFormat, options: RenderOptions,
                         to path: String) throws(Diagnostic) {
        let bytes: Data
        do { bytes = try writeReportData(document, format: format, options: options) }
        catch let d as Diagnostic { throw d }
        catch { throw Diagnostic(.usage, "cannot write \(path): \(error.localizedDescription)") }
        try writeAtomically(bytes, to: path)
    }

    /// Renders a template straight into the file at `output` (what a binary format needs: its
    /// bytes never pass through standard output). Nothing is written unless the whole report is.
    public func renderReport(_ path: String, format: OutputFormat, parameters: [String: String] = [:],
                             merged: Bool = false, to output: String) -> Status {
        let source: SourceText
        switch readSource(path) {
        case .success(let s): source = s
        case .failure(let failure): return failure.status
        }
        if merged { session.rollUpToMergedProvinces() }
        do {
            let document = try reportDocument(source, parameters: parameters, merged: merged)
            try writeReportFile(document, format: format, options: reportOptions, to: output)
            return .success
        } catch let d as Diagnostic {
            report([d])
            return .failure
        } catch let list as DiagnosticList {
            report(list.diagnostics)
            return list.diagnostics.allSatisfy { $0.kind == .usage } ? .usage : .failure
        } catch {
            report([Diagnostic(.usage, "\(error)")])
            return .failure
        }
    }
}

extension OutputFormat {
    /// The file extension a report in this format is written with.
    public var fileExtension: String { extensions[0] }
}
