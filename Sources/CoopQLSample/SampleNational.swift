import CoopQL

/// The other 59 provinces, for national-size benchmarks: with the four sample provinces, exactly
/// 100,000 organisations, 5,000,000 members and 500,000 loans, as of the end of 2024.
///
/// Nothing here is published: sizes, shares and dates are plausible, districts and communes are
/// generic ("Thành phố …", "Huyện 1", "Xã 3") because real names for these provinces are not
/// bundled, and organisation names use invented village names.
enum NationalSample {
    static let organisations = 100_000, members = 5_000_000, loans = 500_000
    static let asOf = SampleDay.of(2024, 12, 31)
    /// The largest provinces get about twice the organisations of the others.
    static let large: Set<String> = ["Hà Nội", "TP. Hồ Chí Minh", "Thanh Hóa", "Nghệ An", "Đồng Nai", "An Giang"]

    static func build(_ gen: SampleGenerator, seed: UInt64, skipping done: Set<String>) {
        let others = Provinces.all.enumerated().filter { !done.contains($0.element.name) }
        var rng = SampleRandom(seed: seed, stream: SampleRandom.hash("national"))
        let (coopsSoFar, membersSoFar, loansSoFar) = gen.rowCounts
        let weights = others.map { large.contains($0.element.name) ? rng.int(180...240) : rng.int(70...130) }
        let orgCounts = rng.partition(organisations - coopsSoFar, weights: weights, minimum: others.map { _ in 400 })
        let memberCounts = rng.partition(members - membersSoFar, weights: orgCounts.map { $0 * rng.int(90...110) },
                                         minimum: orgCounts.map { $0 * 12 })
        let loanCounts = rng.partition(loans - loansSoFar, weights: orgCounts, minimum: others.map { _ in 0 })
        for (k, (index, province)) in others.enumerated() {
            build(gen, province: province, index: index, seed: seed, organisations: orgCounts[k], members: memberCounts[k],
                  loans: loanCounts[k])
        }
    }

    static func region(_ p: Provinces.Province) -> (NameRegion, SampleFlavour, ethnic: Double) {
        switch p.region {
        case Provinces.northernMountains: return (.northernUplands, .northernUplands, 0.8)
        case Provinces.redRiverDelta: return (.north, .redRiverDelta, 0)
        case Provinces.centralCoast: return (.central, .centralCoast, 0.1)
        case Provinces.centralHighlands: return (.central, .centralHighlands, 0.5)
        case Provinces.southeast: return (.south, .southeast, 0.1)
        default: return (.south, .mekongDelta, 0.1)
        }
    }

    static func build(_ gen: SampleGenerator, province p: Provinces.Province, index: Int, seed: UInt64, organisations: Int, members: Int,
                      loans: Int) {
        let (names, flavour, ethnic) = region(p)
        var setup = SampleRandom(seed: seed, stream: SampleRandom.hash(p.name) &+ 1)
        let districts = SamplePlaces.generic(province: p, count: setup.int(8...13), communesEach: setup.int(10...22),
                                             ethnicShare: ethnic)
        let province = SampleProvince(name: p.name, districts: districts, names: names, taxPrefix: 10 + index, asOf: asOf,
                                      flavour: flavour)
        var b = SampleBuilder(province: province, seed: seed)
        var coops: [PlannedCoop] = []
        coops.reserveCapacity(organisations)
        let htxSectors = [620, 40, 60, 50, 40, 25, 40, 90, 35]
        for _ in 0..<organisations {
            let r = b.rng.below(1000)
            if r < 5 {
                coops.append(b.coop(.union, b.sector(htxSectors), founded: b.founded(2010...2024)))
            } else if r < 315 {
                var c = b.coop(.htx, b.sector(htxSectors), founded: b.founded(1997...2024))
                let s = b.rng.below(100)
                // Of older cooperatives, some stopped work; a few were dissolved but stay on record.
                if SampleDay.year(c.founded) < 2020 && s < 22 {
                    b.retire(&c, as: s < 4 ? .dissolved : .inactive)
                    c.hasTaxCode = c.status == .dissolved || b.rng.chance(0.5)
                    c.members = b.rng.skewed(7...30)
                }
                coops.append(c)
            } else {
                var g = b.coop(.group, b.sector([800, 80, 0, 0, 0, 0, 0, 120, 0]), founded: b.founded(2005...2024))
                if b.rng.chance(0.1) { g.status = .inactive }
                coops.append(g)
            }
        }
        let sizes = b.rng.partition(members, weights: coops.map(\.members), minimum: coops.map { $0.kind == .group ? 3 : 7 })
        for i in coops.indices { coops[i].members = sizes[i] }
        b.rate(&coops)
        b.valueChains(&coops, share: 0.1, years: 2016...2024)
        for i in coops.indices where coops[i].rating == .good && b.rng.chance(0.25) {
            coops[i].certifiedOn = max(coops[i].founded, b.founded(2019...2024))
        }
        for i in coops.indices where coops[i].valueChainSince != nil && coops[i].rating == .good && b.rng.chance(0.1) {
            coops[i].newModel = true
        }

        gen.write(&coops, in: province, &b.rng)
        let htx = coops.filter(\.isHTX).count
        for year in 2023...2025 {
            gen.plan(province: p.name, year: year, indicator: .newHTX, target: max(5, htx / 25 + b.rng.int(-5...5)))
            gen.plan(province: p.name, year: year, indicator: .newModelHTX, target: b.rng.int(3...12))
            gen.plan(province: p.name, year: year, indicator: .managersTrainedPct, target: b.rng.int(35...60))
        }
        b.backgroundLoans(gen, coops, count: loans, from: SampleDay.of(2010, 1, 1), until: asOf)
        b.backgroundTrainings(gen, perYear: 10...30, years: 2015...2024, until: asOf)
        b.backgroundPromotions(gen, coops, events: 25, years: 2016...2024, until: asOf)
        b.backgroundProducts(gen, coops, share: 0.25, online: 0.3)
        b.backgroundActivities(gen, coops, years: 2016...2024, until: asOf)
    }
}
