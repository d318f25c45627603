import CoopQL

/// Bình Phước from 2022 to December 2023: the two-year review of its two 2022–2025 programmes
/// (seed 000). See `SampleData` for the figures and the queries that answer them.
enum BinhPhuocSample {
    static let asOf = SampleDay.of(2023, 12, 31)
    static let programmeStart = SampleDay.of(2022, 3, 1)

    static let province = SampleProvince(name: "Bình Phước", districts: SamplePlaces.binhPhuoc, names: .south, taxPrefix: 38,
                                         asOf: asOf, flavour: .southeast)

    static let htxNow = 323, htxActive = 248, foundedSince2022 = 60
    // Programme agri_value_chain_2022_2025.
    static let valueChainClasses = 38, valueChainAttendees = 1_915
    static let vietgapClasses = 9
    /// "Gần 500" (nearly 500): the sample's exact number.
    static let vietgapAttendees = 497
    static let fruitFairHTX = 26
    static let fruitFair = "Hội chợ trái cây và hàng nông sản tỉnh Bình Phước"
    /// The fair's day is not in the source; this one is invented.
    static let fruitFairDay = SampleDay.of(2023, 6, 9)
    /// "1 tỷ 456 triệu đồng" over 7 loans; the split between them is invented.
    static let jobCreationLoans = [300, 250, 220, 200, 186, 150, 150].map { $0 * 1_000_000 }
    static let supportFundHTX = 15
    /// "Gần 29 tỷ đồng" (nearly 29 billion): the sample's exact total.
    static let supportFundTotal = 28_900_000_000
    // Programme ethnic_minority_2022_2025.
    static let managerClasses = 35, managerAttendees = 1_712
    static let ethnicFairHTX = 44, onlineMarketHTX = 5, ecommerceClasses = 5

    static func build(_ gen: SampleGenerator, seed: UInt64) {
        var b = SampleBuilder(province: province, seed: seed)
        var coops: [PlannedCoop] = []
        let htxSectors = [760, 10, 60, 50, 20, 20, 20, 50, 10]
        for i in 0..<htxNow {
            let founded = i < foundedSince2022 ? b.rng.day(SampleDay.of(2022, 1, 5), SampleDay.of(2023, 12, 20))
                                               : b.founded(2000...2021)
            let sector = b.sector(htxSectors)
            var c = b.coop(.htx, sector, founded: founded)
            // Bình Phước's cooperatives are mostly small: a few dozen farming households.
            if sector != .credit { c.members = b.rng.skewed(7...120) }
            coops.append(c)
        }
        for i in b.pick(htxNow - htxActive, of: coops, where: { SampleDay.year($0.founded) < 2022 }) {
            b.retire(&coops[i])
            coops[i].hasTaxCode = b.rng.chance(0.5)
            coops[i].members = b.rng.skewed(7...30)
        }
        b.rate(&coops, good: 320, weak: 130)
        b.valueChains(&coops, share: 0.15, years: 2018...2023)
        for i in coops.indices where coops[i].rating == .good && b.rng.chance(0.25) {
            coops[i].certifiedOn = max(coops[i].founded, b.founded(2020...2023))
        }
        for _ in 0..<b.rng.int(90...140) {
            coops.append(b.coop(.group, b.sector([850, 30, 0, 0, 0, 0, 0, 120, 0]), founded: b.founded(2010...2023)))
        }
        coops.append(b.coop(.union, .agriculture, founded: b.founded(2019...2023)))

        gen.write(&coops, in: province, &b.rng)
        valueChainProgramme(gen, &b, coops)
        ethnicMinorityProgramme(gen, &b, coops)

        b.backgroundLoans(gen, coops, count: b.rng.int(150...200), from: SampleDay.of(2014, 1, 1), until: asOf)
        b.backgroundTrainings(gen, perYear: 6...12, years: 2016...2023, until: asOf)
        b.backgroundPromotions(gen, coops, events: 10, years: 2017...2023, until: asOf)
        b.backgroundProducts(gen, coops, share: 0.25, online: 0.3)
        b.backgroundActivities(gen, coops, years: 2017...2023, until: asOf)
    }

    /// A day in the programmes' first two years.
    static func programmeDay(_ b: inout SampleBuilder) -> Int32 { b.rng.day(programmeStart, SampleDay.of(2023, 12, 15)) }

    static func valueChainProgramme(_ gen: SampleGenerator, _ b: inout SampleBuilder, _ coops: [PlannedCoop]) {
        let p = Program.agriValueChain
        let audiences = [Audience.members, .managers, .officials]
        for n in b.rng.partition(valueChainAttendees, into: valueChainClasses, minimum: 25, spread: 20...50) {
            gen.training(province: province.name, district: b.rng.pick(province.districts).name, heldOn: programmeDay(&b), program: p,
                         topic: .collectiveEconomy, audience: audiences[b.rng.weighted([5, 3, 2])], attendees: n)
        }
        for n in b.rng.partition(vietgapAttendees, into: vietgapClasses, minimum: 30, spread: 20...40) {
            gen.training(province: province.name, district: b.rng.pick(province.districts).name, heldOn: programmeDay(&b), program: p,
                         topic: .vietgap, audience: .members, attendees: n)
        }
        for i in b.pick(fruitFairHTX, of: coops, where: { $0.isHTX && $0.isActive && $0.sector == .agriculture && $0.founded < fruitFairDay }) {
            gen.promotion(coop: coops[i].id, event: fruitFair, kind: .fair, heldOn: fruitFairDay, program: p)
        }
        let borrowers = b.pick(jobCreationLoans.count + supportFundHTX, of: coops) {
            $0.isHTX && $0.isActive && $0.founded < SampleDay.of(2023, 6, 1)
        }
        for (amount, i) in zip(jobCreationLoans, borrowers) {
            let day = max(coops[i].founded + 30, programmeDay(&b))
            gen.loan(coop: coops[i].id, fund: .jobCreation, amount: amount, disbursed: min(day, asOf), termMonths: b.rng.pick([36, 60]),
                     status: .current, program: p)
        }
        // In whole 50 million, at least half a billion each.
        let shares = b.rng.partition(supportFundTotal / 50_000_000, into: supportFundHTX, minimum: 10, spread: 10...40)
        for (units, i) in zip(shares, borrowers.dropFirst(jobCreationLoans.count)) {
            let day = max(coops[i].founded + 30, programmeDay(&b))
            gen.loan(coop: coops[i].id, fund: .supportFund, amount: units * 50_000_000, disbursed: min(day, asOf),
                     termMonths: b.rng.pick([36, 48, 60]), status: .current, program: p)
        }
    }

    static func ethnicMinorityProgramme(_ gen: SampleGenerator, _ b: inout SampleBuilder, _ coops: [PlannedCoop]) {
        let p = Program.ethnicMinority
        let upland = province.districts.filter { $0.ethnicShare >= 0.5 }.map(\.name)
        for n in b.rng.partition(managerAttendees, into: managerClasses, minimum: 25, spread: 20...45) {
            gen.training(province: province.name, district: b.rng.pick(upland), heldOn: programmeDay(&b), program: p,
                         topic: .collectiveEconomy, audience: .managers, attendees: n)
        }
        for _ in 0..<ecommerceClasses {
            gen.training(province: province.name, district: b.rng.pick(upland), heldOn: programmeDay(&b), program: p,
                         topic: .ecommerce, audience: .community, attendees: b.rng.int(35...80))
        }
        let fairs = [("Hội chợ xúc tiến thương mại sản phẩm vùng đồng bào dân tộc thiểu số", SampleDay.of(2022, 11, 18)),
                     ("Hội chợ Nông nghiệp và sản phẩm OCOP", SampleDay.of(2023, 4, 14)),
                     ("Hội chợ xúc tiến thương mại HTX khu vực Đông Nam Bộ", SampleDay.of(2023, 9, 22))]
        let sellers = b.pick(ethnicFairHTX + onlineMarketHTX, of: coops) {
            $0.isHTX && $0.isActive && $0.ethnicMinorityArea && $0.founded < SampleDay.of(2022, 11, 1)
        }
        for i in sellers.prefix(ethnicFairHTX) {
            let (event, day) = b.rng.pick(fairs)
            gen.promotion(coop: coops[i].id, event: event, kind: .fair, heldOn: day, program: p)
        }
        for i in sellers.dropFirst(ethnicFairHTX) {
            gen.promotion(coop: coops[i].id, event: "Phiên chợ online sản phẩm vùng đồng bào dân tộc thiểu số", kind: .onlineMarket,
                          heldOn: SampleDay.of(2023, 8, 25), program: p)
        }
    }
}
