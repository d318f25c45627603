import CoopQL

/// What every province builder does: plan organisations in its districts and communes, size
/// them, rate them. The published figures are set by the province builders on top of this.
struct SampleBuilder {
    let province: SampleProvince
    var rng: SampleRandom
    var usedNames: Set<String> = []
    /// Districts weighted by how many communes they have, so bigger districts get more.
    private let districtWeights: [Int]

    init(province: SampleProvince, seed: UInt64) {
        self.province = province
        rng = SampleRandom(seed: seed, stream: SampleRandom.hash(province.name))
        districtWeights = province.districts.map(\.communes.count)
    }

    /// Keeps a name from being generated for anyone else (the named cooperatives of a report).
    mutating func reserve(_ name: String) { usedNames.insert(name) }

    /// An organisation in a random commune, or in the one given.
    mutating func coop(_ kind: OrgKind, _ sector: Sector, founded: Int32, district: Int? = nil,
                       commune: String? = nil, joinedBy: Int32? = nil) -> PlannedCoop {
        let d = province.districts[district ?? rng.weighted(districtWeights)]
        let place = commune ?? rng.pick(d.communes)
        var c = PlannedCoop(kind: kind, sector: sector, district: d.name, commune: place, founded: founded,
                            joinedBy: joinedBy ?? province.asOf)
        c.name = SampleNaming.name(kind: kind, sector: sector, commune: place, flavour: province.flavour,
                                   province: province.name, used: &usedNames, &rng)
        c.ethnicMinorityArea = rng.chance(d.ethnicShare)
        c.hasTaxCode = kind != .group
        c.members = typicalMembers(kind, sector)
        return c
    }

    /// A founding day in one of `years`, the later years likelier when `rising` (cooperatives
    /// multiplied after the 2012 law), never after `latest`.
    mutating func founded(_ years: ClosedRange<Int>, rising: Bool = true, latest: Int32? = nil) -> Int32 {
        let weights = years.map { rising ? 2 + ($0 - years.lowerBound) : 1 }
        let year = years.lowerBound + rng.weighted(weights)
        let first = SampleDay.of(year, 1, 2)
        let last = min(SampleDay.of(year, 12, 28), latest ?? province.asOf)
        return rng.day(first, max(first, last))
    }

    /// How many members an organisation of its kind typically has: a people's credit fund has
    /// thousands, a commune's agricultural cooperative a few hundred households, a transport or
    /// trade cooperative a few dozen, a group a handful. The legal minimum is seven for an HTX.
    mutating func typicalMembers(_ kind: OrgKind, _ sector: Sector) -> Int {
        switch (kind, sector) {
        case (.group, _): return rng.skewed(5...25)
        case (.union, _): return rng.int(4...9)
        case (_, .credit): return rng.int(800...3500)
        case (_, .agriculture): return rng.skewed(12...420)
        default: return rng.skewed(7...70)
        }
    }

    /// Resizes the organisations at `indices` so their members add up to exactly `total`, keeping
    /// their relative sizes (each at least 7).
    mutating func setMembers(_ coops: inout [PlannedCoop], _ indices: [Int], total: Int) {
        let sizes = rng.partition(total, weights: indices.map { coops[$0].members },
                                  minimum: indices.map { _ in 7 })
        for (i, size) in zip(indices, sizes) { coops[i].members = size }
    }

    /// A yearly rating for every active HTX or union founded before the report year (new ones
    /// are not rated yet); `good` and `weak` are their shares in per mille.
    mutating func rate(_ coops: inout [PlannedCoop], good: Int = 300, weak: Int = 150) {
        let year = SampleDay.year(province.asOf)
        for i in coops.indices where coops[i].kind != .group && coops[i].isActive && SampleDay.year(coops[i].founded) < year {
            let r = rng.below(1000)
            coops[i].rating = r < good ? .good : r < 1000 - weak ? .average : .weak
        }
    }

    /// Marks some active agricultural HTX as linked to a value chain since a day in `years`.
    mutating func valueChains(_ coops: inout [PlannedCoop], share: Double, years: ClosedRange<Int>) {
        for i in coops.indices where coops[i].isHTX && coops[i].isActive && coops[i].sector == .agriculture && rng.chance(share) {
            let since = founded(years, rising: true)
            coops[i].valueChainSince = max(since, coops[i].founded)
        }
    }

    /// Stops an organisation's work: it takes no members after its first few years.
    func retire(_ coop: inout PlannedCoop, as status: OrgStatus = .inactive) {
        coop.status = status
        coop.joinedBy = min(coop.joinedBy, coop.founded + 1_500)
    }

    /// Indices of the organisations that pass `test`, in random order.
    mutating func shuffled(_ coops: [PlannedCoop], where test: (PlannedCoop) -> Bool) -> [Int] {
        var found = coops.indices.filter { test(coops[$0]) }
        rng.shuffle(&found)
        return found
    }

    /// `count` of them, failing loudly if the plan left too few (a bug in a builder, not bad luck:
    /// builders draw from pools many times larger than they need).
    mutating func pick(_ count: Int, of coops: [PlannedCoop], where test: (PlannedCoop) -> Bool) -> [Int] {
        let found = shuffled(coops, where: test)
        precondition(found.count >= count, "\(province.name): needs \(count) organisations, has \(found.count)")
        return Array(found[0..<count])
    }

    /// A sector drawn with per-mille weights in `Sector.allCases` order.
    mutating func sector(_ weights: [Int]) -> Sector { Sector.allCases[rng.weighted(weights)] }
}
