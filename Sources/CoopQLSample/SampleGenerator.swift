import CoopQL
import Foundation

/// Writes the sample tables: one `SampleSink` per file, and the next identifier of each table.
/// Province builders plan their organisations, then hand them here to be numbered and written
/// with their members; loans, classes, fairs and the rest follow, referring to the numbers.
final class SampleGenerator {
    var cooperatives: SampleSink
    var members: SampleSink
    var loans: SampleSink
    var trainings: SampleSink
    var promotions: SampleSink
    var products: SampleSink
    var plans: SampleSink
    var activities: SampleSink

    private(set) var nextCoop = 1
    private(set) var nextMember = 1
    private var nextLoan = 1, nextTraining = 1, nextPromotion = 1, nextProduct = 1, nextActivity = 1
    /// Reused for each organisation's member contributions, so no array is made per organisation.
    private var contributions: [Int] = []

    /// Opens one file per table of `CoreSchema` but `provinces`, headed by the schema's columns.
    init(directory: String) throws(Diagnostic) {
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        func open(_ table: SchemaTable) throws(Diagnostic) -> SampleSink {
            try SampleSink(path: folder + table.name + ".csv", header: table.columns.map(\.name))
        }
        cooperatives = try open(CoreSchema.cooperatives)
        members = try open(CoreSchema.members)
        loans = try open(CoreSchema.loans)
        trainings = try open(CoreSchema.trainings)
        promotions = try open(CoreSchema.promotions)
        products = try open(CoreSchema.products)
        plans = try open(CoreSchema.plans)
        activities = try open(CoreSchema.activities)
    }

    /// Flushes and closes every file; reports the first that failed.
    func close() throws(Diagnostic) -> [SampleData.FileSummary] {
        var sinks = [cooperatives, members, loans, trainings, promotions, products, plans, activities]
        var firstError: Diagnostic?
        for i in sinks.indices {
            do { try sinks[i].close() } catch { if firstError == nil { firstError = error } }
        }
        if let firstError { throw firstError }
        return sinks.map { SampleData.FileSummary(path: $0.path, rows: $0.rows, bytes: $0.bytesWritten) }
    }

    // MARK: Organisations and their members

    /// Numbers the organisations in order of founding (registers number them so) and writes each
    /// with exactly `members` member rows. Charter capital is the sum of the contributions unless
    /// the source fixed it.
    func write(_ coops: inout [PlannedCoop], in province: SampleProvince, _ rng: inout SampleRandom) {
        // Sort stably by founding day: the original position breaks ties.
        let order = coops.indices.sorted { (coops[$0].founded, $0) < (coops[$1].founded, $1) }
        coops = order.map { coops[$0] }
        let pool = SampleNamePool.pool(for: province.names)
        for i in coops.indices {
            coops[i].id = nextCoop
            nextCoop += 1
            let capital = planContributions(coops[i], &rng)
            writeCoop(coops[i], capital: capital, province: province)
            members.writeMembers(of: coops[i], firstID: nextMember, contributions: contributions,
                                 asOfYear: SampleDay.year(province.asOf), pool: pool, &rng)
            nextMember += coops[i].members
        }
    }

    /// Fills `contributions` for one organisation and returns their sum.
    private func planContributions(_ coop: PlannedCoop, _ rng: inout SampleRandom) -> Int {
        let n = coop.members
        contributions.removeAll(keepingCapacity: true)
        if let fixed = coop.fixedCapital {
            // Whole millions, each member's share in proportion to a random weight.
            let unit = 1_000_000
            contributions = rng.partition(fixed / unit, into: n, minimum: 1, spread: 20...100).map { $0 * unit }
            contributions[0] += fixed % unit
            return fixed
        }
        guard coop.kind != .group else {
            // A cooperative group has no charter capital.
            contributions = Array(repeating: 0, count: n)
            return 0
        }
        let (unit, range): (Int, ClosedRange<Int>) = switch (coop.kind, coop.sector) {
        case (.union, _): (10_000_000, 5...50)
        case (_, .agriculture): (100_000, 10...150)
        case (_, .credit): (100_000, 3...30)
        case (_, .transport): (1_000_000, 20...200)
        case (_, .construction): (1_000_000, 20...150)
        case (_, .environment): (1_000_000, 2...20)
        default: (1_000_000, 5...60)
        }
        var total = 0
        for k in 0..<n {
            // The first few rows are the managers (see `writeMembers`), who put in more.
            let share = rng.skewed(range) * unit * (k < 4 ? 3 : 1)
            contributions.append(share)
            total += share
        }
        return total
    }

    private func writeCoop(_ c: PlannedCoop, capital: Int, province: SampleProvince) {
        cooperatives.int(c.id); cooperatives.comma()
        cooperatives.text(c.name); cooperatives.comma()
        cooperatives.text(c.kind.rawValue); cooperatives.comma()
        cooperatives.text(c.sector.rawValue); cooperatives.comma()
        cooperatives.text(province.name); cooperatives.comma()
        cooperatives.text(c.district); cooperatives.comma()
        cooperatives.text(c.commune); cooperatives.comma()
        cooperatives.date(c.founded); cooperatives.comma()
        cooperatives.text(c.status.rawValue); cooperatives.comma()
        cooperatives.text(c.rating?.rawValue); cooperatives.comma()
        cooperatives.int(c.members); cooperatives.comma()
        cooperatives.int(capital); cooperatives.comma()
        if c.hasTaxCode {
            // Ten digits: the province's two, then eight that no other organisation shares
            // (multiplying by an odd number not divisible by 5 permutes the residues mod 10⁸).
            cooperatives.int(province.taxPrefix * 100_000_000 + (c.id &* 48_271 &+ 10_007) % 100_000_000)
        }
        cooperatives.comma()
        cooperatives.bool(c.valueChainSince != nil); cooperatives.comma()
        cooperatives.date(c.valueChainSince); cooperatives.comma()
        cooperatives.bool(c.newModel); cooperatives.comma()
        cooperatives.bool(c.certifiedOn != nil); cooperatives.comma()
        cooperatives.date(c.certifiedOn); cooperatives.comma()
        cooperatives.bool(c.ethnicMinorityArea)
        cooperatives.endRow()
    }

    // MARK: The other tables, one row per call

    func loan(coop: Int, fund: Fund, amount: Int, disbursed: Int32, termMonths: Int, status: LoanStatus,
              program: Program? = nil, note: String? = nil) {
        loans.int(nextLoan); loans.comma()
        loans.int(coop); loans.comma()
        loans.text(fund.rawValue); loans.comma()
        loans.int(amount); loans.comma()
        loans.date(disbursed); loans.comma()
        loans.int(termMonths); loans.comma()
        loans.text(status.rawValue); loans.comma()
        loans.text(program?.rawValue); loans.comma()
        loans.text(note)
        loans.endRow()
        nextLoan += 1
    }

    func training(province: String, district: String?, heldOn: Int32, program: Program? = nil, topic: Topic,
                  audience: Audience, attendees: Int) {
        trainings.int(nextTraining); trainings.comma()
        trainings.text(province); trainings.comma()
        trainings.text(district); trainings.comma()
        trainings.date(heldOn); trainings.comma()
        trainings.text(program?.rawValue); trainings.comma()
        trainings.text(topic.rawValue); trainings.comma()
        trainings.text(audience.rawValue); trainings.comma()
        trainings.int(attendees)
        trainings.endRow()
        nextTraining += 1
    }

    func promotion(coop: Int, event: String, kind: PromotionKind, heldOn: Int32, program: Program? = nil) {
        promotions.int(nextPromotion); promotions.comma()
        promotions.int(coop); promotions.comma()
        promotions.text(event); promotions.comma()
        promotions.text(kind.rawValue); promotions.comma()
        promotions.date(heldOn); promotions.comma()
        promotions.text(program?.rawValue)
        promotions.endRow()
        nextPromotion += 1
    }

    func product(coop: Int, name: String, category: ProductCategory, ocopStars: Int, certification: Certification?,
                 listedOnline: Bool) {
        products.int(nextProduct); products.comma()
        products.int(coop); products.comma()
        products.text(name); products.comma()
        products.text(category.rawValue); products.comma()
        products.int(ocopStars); products.comma()
        products.text(certification?.rawValue); products.comma()
        products.bool(listedOnline)
        products.endRow()
        nextProduct += 1
    }

    func plan(province: String, year: Int, indicator: Indicator, target: Int) {
        plans.text(province); plans.comma()
        plans.int(year); plans.comma()
        plans.text(indicator.rawValue); plans.comma()
        plans.int(target)
        plans.endRow()
    }

    func activity(province: String, district: String?, heldOn: Int32, program: Program? = nil, kind: ActivityKind,
                  coop: Int?, quantity: Int) {
        activities.int(nextActivity); activities.comma()
        activities.text(province); activities.comma()
        activities.text(district); activities.comma()
        activities.date(heldOn); activities.comma()
        activities.text(program?.rawValue); activities.comma()
        activities.text(kind.rawValue); activities.comma()
        if let coop { activities.int(coop) }
        activities.comma()
        activities.int(quantity)
        activities.endRow()
        nextActivity += 1
    }

    /// How many rows each table has so far (the national scale sizes its other provinces by it).
    var rowCounts: (coops: Int, members: Int, loans: Int) { (nextCoop - 1, nextMember - 1, nextLoan - 1) }
}
