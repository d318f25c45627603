import CoopQL
import Foundation

/// Timing of questions for the benchmark (`Scripts/bench`): the data is loaded once, then each
/// question runs several times and the median is kept. Only the query is timed — parsing,
/// checking and running — not the loading, and not the rendering of the answer.
public struct QueryTiming: Sendable {
    /// Wall-clock milliseconds of each run, in the order they ran.
    public var runs: [Double]
    /// The answer of the last run.
    public var answer: Value?

    /// The median of the runs, in milliseconds.
    public var median: Double { QueryTiming.median(runs) }

    /// The median of some numbers (the mean of the two middle ones for an even count; NaN for none).
    public static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Milliseconds spent in `body`, measured with the monotonic clock.
    public static func milliseconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
}

extension Session {
    /// Runs `query` `runs` times (after one untimed warm-up run) and returns the timings.
    public func time(_ query: String, runs: Int, warmup: Int = 1) throws(DiagnosticList) -> QueryTiming {
        var timing = QueryTiming(runs: [], answer: nil)
        for i in 0..<(warmup + max(1, runs)) {
            var answer: Value?
            let start = DispatchTime.now().uptimeNanoseconds
            answer = try evaluate(query, name: "<bench>")
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            if i >= warmup { timing.runs.append(ms) }
            timing.answer = answer
        }
        return timing
    }

    /// Renders a report template `runs` times (after one warm-up) and returns the timings; the
    /// answer is the last document written as Markdown.
    public func timeReport(_ template: SourceText, runs: Int, parameters: [String: String] = [:]) throws(DiagnosticList) -> QueryTiming {
        var timing = QueryTiming(runs: [], answer: nil)
        for i in 0..<(1 + max(1, runs)) {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = try renderTemplate(template, parameters: parameters)
            let markdown = writeReport(document, format: .markdown, options: RenderOptions())
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            if i >= 1 { timing.runs.append(ms) }
            timing.answer = .text(markdown)
        }
        return timing
    }
}
