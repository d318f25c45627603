import CoopQLBase

/// Fills a checked template from data: text is copied, values are written for people, loops and
/// choices run, tables and charts are handed on as they are.
struct TemplateEvaluator {
    let runtime: Runtime
    let compiler: ExpressionCompiler
    let style: NumberStyle
    let language: Language
    /// The role (`NumberRole`) of each `for` variable whose items say what they are: a `for` over
    /// years yields years.
    var loopRoles: [Int: NumberRole] = [:]

    init(runtime: Runtime, compiler: ExpressionCompiler, style: NumberStyle, language: Language,
         nodes: [BoundTemplateNode] = []) {
        self.runtime = runtime
        self.compiler = compiler
        self.style = style
        self.language = language
        Self.collectLoopRoles(nodes, into: &loopRoles)
    }

    private static func collectLoopRoles(_ nodes: [BoundTemplateNode], into roles: inout [Int: NumberRole]) {
        for node in nodes {
            switch node {
            case .loop(let slot, _, let items, let body):
                let role = NumberRole.of(items, locals: roles)
                if role.isLabel { roles[slot] = role }
                collectLoopRoles(body, into: &roles)
            case .choice(let branches, let otherwise):
                for b in branches { collectLoopRoles(b.body, into: &roles) }
                collectLoopRoles(otherwise ?? [], into: &roles)
            case .bind(let slot, let value):
                let role = NumberRole.of(value, locals: roles)
                if role.isLabel { roles[slot] = role }
            case .text, .value: break
            }
        }
    }

    func run(_ nodes: [BoundTemplateNode], _ locals: Interpreter.Locals, into document: inout ReportDocument) throws {
        for node in nodes {
            try runtime.checkCancelled()
            switch node {
            case .text(let s):
                document.pieces.append(.template(s))
            case .value(let e):
                let value = try evaluate(e, locals)
                let presentation: Presentation?
                if case .pipeline(let p) = e.kind { presentation = p.presentation } else { presentation = nil }
                switch (value, presentation) {
                case (.table(let t), nil) where t.rowCount == 1 && t.columns.count == 1:
                    // `{{ htx | summarize sum(members) }}` in a sentence means the number.
                    document.pieces.append(.data(text(t.columns[0][0], role: NumberRole.of(name: t.schema.columns[0].name))))
                case (.table(let t), .chart): document.pieces.append(.chart(t))
                case (.table(let t), _): document.pieces.append(.table(t))
                default: document.pieces.append(.data(text(value, role: NumberRole.of(e, locals: loopRoles))))
                }
            case .loop(let slot, let loopSlot, let itemsExpr, let body):
                let items: [Value]
                switch try evaluate(itemsExpr, locals) {
                case .list(let values): items = values
                case .table(let t): items = (0..<t.rowCount).map { .record(t.record($0)) }
                default: items = []
                }
                for (i, item) in items.enumerated() {
                    locals.values[slot] = .scalar(item)
                    locals.values[loopSlot] = .scalar(.record(Record(schema: loopSchema, values: [
                        .int(Int64(i + 1)), .bool(i == 0), .bool(i == items.count - 1), .int(Int64(items.count)),
                    ])))
                    try run(body, locals, into: &document)
                }
            case .bind(let slot, let value):
                locals.values[slot] = .scalar(try evaluate(value, locals))
            case .choice(let branches, let otherwise):
                var chosen = otherwise ?? []
                for (condition, body) in branches {
                    if case .bool(true) = try evaluate(condition, locals) { chosen = body; break }
                }
                try run(chosen, locals, into: &document)
            }
        }
    }

    func evaluate(_ e: BoundExpr, _ locals: Interpreter.Locals) throws -> Value {
        switch try compiler.compile(e)(Frame.single(locals.values), runtime) {
        case .scalar(let v): return v
        case .column(let c): return c.count > 0 ? c[0] : .null
        }
    }

    /// A single value as a report writes it: numbers grouped, dates dd/mm/yyyy in Vietnamese,
    /// nothing at all for null.
    func text(_ v: Value, role: NumberRole = .quantity) -> String {
        switch v {
        case .null: return ""
        case .int(let i): return role.text(i, style: style)
        case .date(let d): return language == .vi ? Formatting.dateVi(d) : d.iso
        default: return humanText(v, style: style)
        }
    }
}
