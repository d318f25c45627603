import CoopQLBase

/// A compiled statement: runs in the script's frame, whose slots are its `for` variables.
typealias StatementCode = (Slots, Runtime) throws -> Void

/// Compiles the statements of a checked script once, before it runs, into closures: a loop's body
/// is compiled a single time however often it runs, and its expressions take the scalar path.
struct ScriptCompiler {
    let source: SourceText
    /// Slots of the script's frame (`Checker.topLevelSlots`).
    let frameSize: Int
    let emit: (Output) throws -> Void

    private var expressions: ScalarCompiler { ScalarCompiler(source: source, frameSize: frameSize) }

    func compile(_ statements: [BoundStatement]) -> StatementCode {
        let codes = statements.map(compile)
        switch codes.count {
        case 0: return { _, _ in }
        case 1: return codes[0]
        default: return { slots, runtime in for code in codes { try code(slots, runtime) } }
        }
    }

    /// Each statement run is a step and a point where a cancel or the time limit stops the run.
    func compile(_ s: BoundStatement) -> StatementCode {
        let action = compileAction(s)
        return { slots, runtime in
            try runtime.checkCancelled()
            try runtime.budget.step()
            try action(slots, runtime)
        }
    }

    private func compileAction(_ s: BoundStatement) -> StatementCode {
        let emit = self.emit
        switch s.kind {
        case .expression(let e):
            let k = expressions.compile(e)
            var isChart = false
            if case .pipeline(let p) = e.kind, p.presentation == .chart { isChart = true }
            return { [isChart] slots, runtime in
                let value = try k(slots, runtime)
                if isChart, case .table(let t) = value { try emit(.chart(t)) } else { try emit(.value(value)) }
            }
        case .let(let name, let e):
            let k = expressions.compile(e)
            return { slots, runtime in runtime.globals[name] = try k(slots, runtime) }
        case .param(let name, _, let value):
            let k = value.map(expressions.compile)
            return { slots, runtime in runtime.params[name] = try k?(slots, runtime) ?? .null }
        case .print(let values):
            let ks = values.map(expressions.compile)
            // `print year(today())` is for people: a year or an id goes out as its plain digits.
            let labels = values.map { NumberRole.of($0).isLabel }
            return { slots, runtime in
                try emit(.printed(try zip(ks, labels).map { k, isLabel in
                    let v = try k(slots, runtime)
                    if isLabel, case .int(let i) = v { return .text(String(i)) }
                    return v
                }))
            }
        case .if(let branches, let otherwise):
            let tests = branches.map { (test: expressions.compileTest($0.condition), body: compile($0.body)) }
            let other = otherwise.map(compile)
            return { slots, runtime in
                for branch in tests {
                    if try branch.test(slots, runtime) { return try branch.body(slots, runtime) }
                }
                try other?(slots, runtime)
            }
        case .for(let slot, let sequence, let body):
            return compileFor(slot, sequence, body.isEmpty ? nil : compile(body))
        case .block(let statements):
            return compile(statements)
        case .imported(let statements, let file):
            // An imported file's statements report errors in that file.
            return ScriptCompiler(source: file, frameSize: frameSize, emit: emit).compile(statements)
        }
    }

    /// `for`: a range is counted through without building its list (so it needs no size limit),
    /// a list is gone through item by item, a table row by row. Each turn is a point where a
    /// cancel or the time limit stops the loop, even when its body is empty.
    private func compileFor(_ slot: Int, _ sequence: BoundExpr, _ body: StatementCode?) -> StatementCode {
        let source = self.source
        let span = sequence.span
        if case .range(let lo, let hi) = sequence.kind {
            let kl = expressions.compile(lo), kh = expressions.compile(hi)
            let place = Place(span: span, source: source)
            return { slots, runtime in
                let variable = slots + slot
                let first = try kl(slots, runtime), last = try kh(slots, runtime)
                switch try place.run({ try RangeEnds(first, last, made: false) }) {
                case .ints(let first, let last)?:
                    guard first <= last else { return }
                    // The slot is emptied once; after that it only ever holds this loop's
                    // numbers, which own no memory, so each turn writes over it directly.
                    variable.pointee = .null
                    var i = first
                    while true {
                        variable.initialize(to: .int(i))
                        try runtime.loopTurn()
                        try body?(slots, runtime)
                        if i == last { break }
                        i += 1
                    }
                case .days(let first, let last)?:
                    variable.pointee = .null
                    for day in stride(from: first, through: last, by: 1) {
                        variable.initialize(to: .date(Day(number: day)))
                        try runtime.loopTurn()
                        try body?(slots, runtime)
                    }
                case nil:
                    return
                }
            }
        }
        let k = expressions.compile(sequence)
        return { slots, runtime in
            switch try k(slots, runtime) {
            case .list(let items):
                for item in items {
                    slots[slot] = item
                    try runtime.loopTurn()
                    try body?(slots, runtime)
                }
            case .table(let t):
                for row in 0..<t.rowCount {
                    slots[slot] = .record(t.record(row))
                    try runtime.loopTurn()
                    try body?(slots, runtime)
                }
            case .null:
                return
            case let other:
                throw Diagnostic(.runtime, "`for` cannot go over \(other.type)", at: span, in: source)
            }
        }
    }
}

extension Runtime {
    /// A turn of a `for` loop: a cancel stops it, and now and then the clock is read.
    @inline(__always)
    func loopTurn() throws {
        if cancelled.value { throw Runtime.cancellation }
        try budget.turn()
    }
}
