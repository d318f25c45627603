import CoopQL

/// Bạc Liêu as of 30 June 2022: the state at the end of 2021 (seed 002) and the first half of 2022
/// against the 2022 plan (seed 004). See `SampleData` for the figures and their queries.
enum BacLieuSample {
    static let asOf = SampleDay.of(2022, 6, 30)
    static let endOf2021 = SampleDay.of(2021, 12, 31)
    static let firstHalf = SampleDay.of(2022, 1, 1)

    static let province = SampleProvince(name: "Bạc Liêu", districts: SamplePlaces.bacLieu, names: .south, taxPrefix: 19,
                                         asOf: asOf, flavour: .mekongDelta)

    // End of 2021.
    static let groups2021 = 514, htx2021 = 191, members2021 = 35_571, valueChain2021 = 47
    // First half of 2022.
    static let registered = 13
    static let foundingClasses = 27, foundingAttendees = 866
    /// 27 classes are "87% of plan": 27 / 31 = 87.1%.
    static let foundingClassesPlan = 31
    static let founderGroups = 21
    static let conferences = 16
    /// 16 conferences are "53% of plan": 16 / 30 = 53.3%.
    static let conferencesPlan = 30
    static let unionMembers = 21, unionCapital = 3_000_000_000
    /// "Gần 100" (nearly 100) attendees at the two policy classes: the sample's exact number.
    static let policyAttendees = 98
    static let chairClassAttendees = 87, supervisorClassAttendees = 29
    /// The three support-fund loans of H1 2022 as printed: 3.300.000 đồng in all.
    static let printedLoans = [1_500_000, 1_000_000, 800_000]
    static let printedNote = "số tiền theo bản tin: tổng 3 dự án in là 3.300.000 đồng, nhiều khả năng là 3,3 tỷ (3.300.000.000)"
    static let certifiedBefore2022 = 14, certifiedFirstHalf = 7
    static let valueChainAgriculture = 46, valueChainOther = 2
    static let onlineHTX = 20, onlineProducts = 47

    static func build(_ gen: SampleGenerator, seed: UInt64) {
        var b = SampleBuilder(province: province, seed: seed)
        var coops: [PlannedCoop] = []

        // One organisation in every commune first, so all 64 are covered; then the rest anywhere.
        for (d, district) in province.districts.enumerated() {
            for commune in district.communes {
                coops.append(b.coop(.group, b.sector([850, 50, 0, 0, 0, 0, 0, 100, 0]), founded: b.founded(2008...2021),
                                    district: d, commune: commune, joinedBy: endOf2021))
            }
        }
        while coops.count < groups2021 {
            coops.append(b.coop(.group, b.sector([850, 50, 0, 0, 0, 0, 0, 100, 0]), founded: b.founded(2008...2021), joinedBy: endOf2021))
        }
        // A few groups formed in 2022 too, so the end-2021 count needs its date.
        for _ in 0..<b.rng.int(3...8) {
            coops.append(b.coop(.group, .agriculture, founded: b.rng.day(firstHalf, SampleDay.of(2022, 6, 20))))
        }

        let htxSectors = [780, 20, 50, 40, 10, 20, 20, 50, 10]
        var old: [PlannedCoop] = (0..<htx2021).map { _ in
            b.coop(.htx, b.sector(htxSectors), founded: b.founded(2003...2021, latest: endOf2021), joinedBy: endOf2021)
        }
        for i in b.pick(b.rng.int(8...14), of: old, where: { SampleDay.year($0.founded) < 2019 }) {
            b.retire(&old[i])
            old[i].hasTaxCode = b.rng.chance(0.5)
        }
        b.setMembers(&old, Array(old.indices), total: members2021)
        b.rate(&old, good: 300, weak: 150)
        markValueChains(&old, &b)
        let certified = b.pick(certifiedBefore2022 + certifiedFirstHalf, of: old) { $0.isActive && SampleDay.year($0.founded) <= 2020 }
        for (k, i) in certified.enumerated() {
            old[i].rating = .good
            old[i].certifiedOn = k < certifiedBefore2022
                ? max(old[i].founded + 180, b.rng.day(SampleDay.of(2019, 3, 1), SampleDay.of(2021, 12, 15)))
                : b.rng.day(SampleDay.of(2022, 1, 10), SampleDay.of(2022, 6, 28))
        }
        coops += old

        // The 13 registered in H1 2022; one is in Minh Diệu, Hòa Bình, where the Alliance helped found one.
        let hoaBinh = province.districts.firstIndex { $0.name == "Hòa Bình" }!
        var newHTX: [PlannedCoop] = []
        for k in 0..<registered {
            let sector = k < 11 ? Sector.agriculture : b.sector([0, 0, 1, 0, 0, 0, 0, 1, 0])
            var c = b.coop(.htx, sector, founded: b.rng.day(SampleDay.of(2022, 2, 20), SampleDay.of(2022, 6, 28)),
                           district: k == 0 ? hoaBinh : nil, commune: k == 0 ? "Xã Minh Diệu" : nil)
            c.members = b.rng.int(7...25)
            newHTX.append(c)
        }
        coops += newHTX
        var union = b.coop(.union, .agriculture, founded: b.rng.day(SampleDay.of(2022, 4, 1), SampleDay.of(2022, 6, 15)), district: 0)
        union.members = unionMembers
        union.fixedCapital = unionCapital
        coops.append(union)

        gen.write(&coops, in: province, &b.rng)
        for (indicator, target) in [(Indicator.preFoundingClasses, foundingClassesPlan), (.foundingConferences, conferencesPlan)] {
            gen.plan(province: province.name, year: 2022, indicator: indicator, target: target)
        }
        firstHalf2022(gen, &b, coops)
        let listed = onlineProductPages(gen, &b, coops)

        b.backgroundLoans(gen, coops, count: b.rng.int(110...150), from: SampleDay.of(2012, 1, 1), until: endOf2021)
        b.backgroundTrainings(gen, perYear: 8...14, years: 2017...2021, until: endOf2021)
        b.backgroundPromotions(gen, coops, events: 8, years: 2017...2021, until: endOf2021)
        b.backgroundProducts(gen, coops, share: 0.15, online: 0, skip: listed)
        b.backgroundActivities(gen, coops, years: 2017...2021, until: endOf2021)
    }

    /// 48 value-chain HTX now (46 agricultural, 2 not); 47 of them joined by the end of 2021.
    static func markValueChains(_ old: inout [PlannedCoop], _ b: inout SampleBuilder) {
        let agri = b.pick(valueChainAgriculture, of: old) { $0.isActive && $0.sector == .agriculture }
        let other = b.pick(valueChainOther, of: old) { $0.isActive && $0.sector != .agriculture && $0.sector != .credit }
        for (k, i) in (agri + other).enumerated() {
            // The first one drawn joined in H1 2022; the others between 2016 and 2021.
            old[i].valueChainSince = k == 0 ? b.rng.day(SampleDay.of(2022, 1, 10), SampleDay.of(2022, 6, 25))
                : max(old[i].founded, b.rng.day(SampleDay.of(2016, 1, 4), endOf2021))
        }
    }

    static func firstHalf2022(_ gen: SampleGenerator, _ b: inout SampleBuilder, _ coops: [PlannedCoop]) {
        let name = province.name
        func day(_ b: inout SampleBuilder) -> Int32 { b.rng.day(SampleDay.of(2022, 1, 5), SampleDay.of(2022, 6, 28)) }
        func district(_ b: inout SampleBuilder) -> String { b.rng.pick(province.districts).name }
        for n in b.rng.partition(foundingAttendees, into: foundingClasses, minimum: 15, spread: 20...45) {
            gen.training(province: name, district: district(&b), heldOn: day(&b), topic: .founding, audience: .founders, attendees: n)
        }
        for n in b.rng.partition(policyAttendees, into: 2, minimum: 40, spread: 1...3) {
            gen.training(province: name, district: district(&b), heldOn: day(&b), topic: .policy, audience: .officials, attendees: n)
        }
        for n in b.rng.partition(chairClassAttendees, into: 2, minimum: 35, spread: 1...3) {
            gen.training(province: name, district: nil, heldOn: day(&b), topic: .management, audience: .chairsDirectors, attendees: n)
        }
        gen.training(province: name, district: nil, heldOn: day(&b), topic: .supervision, audience: .supervisors,
                     attendees: supervisorClassAttendees)

        // Each registered HTX had its founder group advised, then its founding conference; the
        // other groups advised, and three more conferences, have not registered yet.
        let registeredHTX = coops.filter { $0.isHTX && $0.founded >= firstHalf }
        for c in registeredHTX {
            let advised = max(SampleDay.of(2022, 1, 4), c.founded - Int32(b.rng.int(35...50)))
            gen.activity(province: name, district: c.district, heldOn: advised, kind: .founderAdvice, coop: c.id, quantity: 1)
            gen.activity(province: name, district: c.district, heldOn: c.founded - Int32(b.rng.int(7...14)),
                         kind: .foundingConference, coop: c.id, quantity: 1)
        }
        for _ in registeredHTX.count..<founderGroups {
            gen.activity(province: name, district: district(&b), heldOn: day(&b), kind: .founderAdvice, coop: nil, quantity: 1)
        }
        for _ in registeredHTX.count..<conferences {
            gen.activity(province: name, district: district(&b), heldOn: b.rng.day(SampleDay.of(2022, 6, 1), SampleDay.of(2022, 6, 28)),
                         kind: .foundingConference, coop: nil, quantity: 1)
        }

        // The support fund's three loans of the half-year, to value-chain cooperatives.
        let borrowers = b.rng.choose(printedLoans.count, from: coops.filter { $0.isHTX && $0.valueChainSince != nil })
        for (amount, c) in zip(printedLoans, borrowers) {
            gen.loan(coop: c.id, fund: .supportFund, amount: amount, disbursed: day(&b), termMonths: 36, status: .current,
                     note: printedNote)
        }
    }

    /// 47 products of 20 HTX on the Alliance's product-connection pages; returns those HTX.
    static func onlineProductPages(_ gen: SampleGenerator, _ b: inout SampleBuilder, _ coops: [PlannedCoop]) -> Set<Int> {
        let sellers = b.pick(onlineHTX, of: coops) { $0.isHTX && $0.isActive && $0.founded < firstHalf }
        let counts = b.rng.partition(onlineProducts, into: onlineHTX, minimum: 1, spread: 1...4)
        for (i, count) in zip(sellers, counts) {
            for (product, category) in b.rng.choose(count, from: province.flavour.products) {
                gen.product(coop: coops[i].id, name: product, category: category, ocopStars: [0, 3, 4][b.rng.weighted([5, 4, 1])],
                            certification: b.rng.chance(0.3) ? .vietgap : nil, listedOnline: true)
            }
        }
        return Set(sellers.map { coops[$0].id })
    }
}
