import CoopQLBase

/// A template after checking: every expression bound, loop variables given their slots.
indirect enum BoundTemplateNode: Sendable {
    case text(String)
    case value(BoundExpr)
    /// `slot` holds the current item, `loopSlot` the `loop` record (index, first, last, length).
    case loop(slot: Int, loopSlot: Int, items: BoundExpr, body: [BoundTemplateNode])
    case choice([(condition: BoundExpr, body: [BoundTemplateNode])], otherwise: [BoundTemplateNode]?)
    case bind(slot: Int, value: BoundExpr)
}

/// The fields of `loop` inside `{% for %}`.
let loopSchema = TableSchema([
    ColumnSchema("index", .int), ColumnSchema("first", .bool), ColumnSchema("last", .bool), ColumnSchema("length", .int),
])

extension Checker {
    /// Checks a template's body: front matter first (with `check(_:)`), then every tag in order.
    func check(_ nodes: [TemplateNode], _ outer: Scope) -> [BoundTemplateNode] {
        var out: [BoundTemplateNode] = []
        // `{% let %}` adds names for the nodes after it, so the scope grows as the list is read.
        var scope = outer
        for node in nodes {
            do {
                switch node {
                case .text(let s):
                    out.append(.text(s))
                case .value(let e):
                    out.append(.value(try bind(e, scope)))
                case .loop(let name, let nameSpan, let items, let body):
                    let bound = try bind(items, scope)
                    let itemType = try iterationType(of: bound)
                    if name == "loop" {
                        throw fail(.name, "`loop` is the name of the loop's counters; call the item something else", nameSpan)
                    }
                    var inner = scope
                    inner.isTopLevel = false
                    let slot = inner.nextSlot, loopSlot = inner.nextSlot + 1
                    inner.locals[name] = (slot, itemType)
                    inner.locals["loop"] = (loopSlot, .record(loopSchema))
                    inner.nextSlot += 2
                    topLevelSlots = max(topLevelSlots, inner.nextSlot)
                    out.append(.loop(slot: slot, loopSlot: loopSlot, items: bound, body: check(body, inner)))
                case .choice(let branches, let otherwise):
                    var bound: [(BoundExpr, [BoundTemplateNode])] = []
                    for (condition, body) in branches {
                        let c = try bind(condition, scope)
                        try expectType(c, .bool, "an `{% if %}` condition must be true or false")
                        bound.append((c, check(body, scope)))
                    }
                    out.append(.choice(bound.map { (condition: $0.0, body: $0.1) }, otherwise: otherwise.map { check($0, scope) }))
                case .bind(let name, let nameSpan, let value):
                    let bound = try bind(value, scope)
                    if name == "loop" {
                        throw fail(.name, "`loop` is the name of the loop's counters; choose another name", nameSpan)
                    }
                    let slot = scope.nextSlot
                    scope.locals[name] = (slot, bound.type)
                    scope.nextSlot += 1
                    topLevelSlots = max(topLevelSlots, scope.nextSlot)
                    out.append(.bind(slot: slot, value: bound))
                }
            } catch {
                // The problem is recorded; the rest of the template is still checked.
            }
        }
        return out
    }
}
