import CoopQL

/// Bắc Ninh as of its year-end review, 23 December 2022 (seed 001). See `SampleData` for the
/// figures and the queries that answer them.
enum BacNinhSample {
    static let asOf = SampleDay.of(2022, 12, 23)

    static let province = SampleProvince(name: "Bắc Ninh", districts: SamplePlaces.bacNinh, names: .north, taxPrefix: 23,
                                         asOf: asOf, flavour: .redRiverDelta)

    /// HTX by sector, as the review lists them: 694 in all.
    static let htxBySector: [(Sector, Int)] = [
        (.agriculture, 552), (.handicraft, 56), (.commerce, 27), (.transport, 25), (.construction, 2), (.environment, 6), (.credit, 26),
    ]
    static let htxMembers = 95_035
    static let groups = 223
    static let unions = 2
    static let foundedIn2022 = 32
    static let inactiveWithoutTaxCode = 107

    static func build(_ gen: SampleGenerator, seed: UInt64) {
        var b = SampleBuilder(province: province, seed: seed)
        var coops: [PlannedCoop] = []

        // HTX: which ones are new in 2022 is drawn first (never a credit fund: the State Bank
        // licenses those, and none was licensed that year), then each gets a founding day.
        var sectors: [Sector] = []
        for (sector, count) in htxBySector { sectors += Array(repeating: sector, count: count) }
        let newSlots = Set(b.rng.choose(foundedIn2022, from: sectors.indices.filter { sectors[$0] != .credit }))
        for (i, sector) in sectors.enumerated() {
            let founded: Int32
            if newSlots.contains(i) {
                founded = b.rng.day(SampleDay.of(2022, 1, 4), SampleDay.of(2022, 12, 20))
            } else if sector == .credit {
                founded = b.founded(1994...2008, rising: false)
            } else if sector == .agriculture && b.rng.chance(0.45) {
                // Most agricultural cooperatives were re-registered under the 1996 law.
                founded = b.founded(1997...1999, rising: false)
            } else {
                founded = b.founded(2000...2021)
            }
            coops.append(b.coop(.htx, sector, founded: founded))
        }

        // Long inactive, never taxed, not dissolved: old cooperatives, none a credit fund.
        let dormant = b.pick(inactiveWithoutTaxCode, of: coops) {
            $0.sector != .credit && SampleDay.year($0.founded) <= 2015
        }
        for i in dormant {
            b.retire(&coops[i])
            coops[i].hasTaxCode = false
            coops[i].members = b.rng.skewed(7...40)
        }
        // A few more are inactive but have a tax code, so the review's 107 needs both conditions.
        for i in b.pick(b.rng.int(8...15), of: coops, where: { $0.isActive && $0.sector != .credit && SampleDay.year($0.founded) <= 2018 }) {
            b.retire(&coops[i])
        }
        b.setMembers(&coops, Array(coops.indices), total: htxMembers)
        b.rate(&coops, good: 280, weak: 170)
        b.valueChains(&coops, share: 0.1, years: 2016...2022)
        for i in b.pick(3, of: coops, where: { $0.valueChainSince != nil && $0.rating == .good }) { coops[i].newModel = true }
        for i in coops.indices where coops[i].rating == .good && b.rng.chance(0.3) {
            coops[i].certifiedOn = max(coops[i].founded, b.founded(2019...2022))
        }

        for _ in 0..<groups {
            let sector = b.sector([800, 120, 0, 0, 0, 0, 0, 80, 0])
            var g = b.coop(.group, sector, founded: b.founded(2008...2022))
            if b.rng.chance(0.08) { g.status = .inactive }
            coops.append(g)
        }
        for sector in [Sector.agriculture, .handicraft] {
            coops.append(b.coop(.union, sector, founded: b.founded(2015...2021)))
        }

        gen.write(&coops, in: province, &b.rng)

        let plan = [(Indicator.newHTX, 30), (.joinAlliance, 30), (.newModelHTX, 5),
                    // "over 40%": the target is written as 40 and the plan says "more than".
                    (.managersTrainedPct, 40), (.supportFundCapital, 50_000_000_000)]
        for (indicator, target) in plan { gen.plan(province: province.name, year: 2023, indicator: indicator, target: target) }

        // The products shown at the review on 23 December 2022.
        for i in b.pick(20, of: coops, where: { $0.isHTX && $0.isActive && $0.sector != .credit }) {
            gen.promotion(coop: coops[i].id, event: "Chương trình giới thiệu, hỗ trợ tiêu thụ sản phẩm cho các HTX", kind: .fair,
                          heldOn: asOf)
        }
        b.backgroundLoans(gen, coops, count: b.rng.int(240...300), from: SampleDay.of(2012, 1, 1), until: asOf)
        b.backgroundTrainings(gen, perYear: 8...16, years: 2015...2022, until: asOf)
        b.backgroundPromotions(gen, coops, events: 14, years: 2016...2022, until: asOf)
        b.backgroundProducts(gen, coops, share: 0.2, online: 0.3)
        b.backgroundActivities(gen, coops, years: 2016...2022, until: asOf)
    }
}
