import CoopQL

/// Bắc Kạn in 2018, as of its review of 16 November 2018 (seed 003). See `SampleData` for the
/// figures and the queries that answer them.
enum BacKanSample {
    static let asOf = SampleDay.of(2018, 11, 15)
    static let yearStart = SampleDay.of(2018, 1, 1)

    static let province = SampleProvince(name: "Bắc Kạn", districts: SamplePlaces.bacKan, names: .northernUplands, taxPrefix: 47,
                                         asOf: asOf, flavour: .northernUplands)

    static let htx = 149, htxFounded2018 = 29, groups = 64, groupsFounded2018 = 2
    /// 29% / 63% / 8% of the 149.
    static let good = 43, average = 94, weak = 12
    static let lawClasses = 8, fairHTX = 14, borrowers = 17
    /// "Trên 1,6 tỷ đồng" (over 1.6 billion) lent to the 17: the sample's exact total.
    static let lent = 1_630_000_000
    static let newModelTarget2020 = 10
    static let bulletinCopies = 600, staffedHTX = 45

    /// The four new-model cooperatives of 2018: name, district, commune, sector.
    static let newModel: [(String, String, String, Sector)] = [
        ("HTX Nông nghiệp Tân Thành", "Thành phố Bắc Kạn", "Phường Xuất Hóa", .agriculture),
        ("HTX Thương mại và Dịch vụ Nông nghiệp Dương Phong", "Bạch Thông", "Xã Dương Phong", .agriculture),
        ("HTX Chè Mỹ Phương", "Ba Bể", "Xã Mỹ Phương", .agriculture),
        ("HTX Hợp Thành Thanh Vận", "Chợ Mới", "Xã Thanh Vận", .agriculture),
    ]
    /// What HTX Tân Thành was certified food-safe to process (the review's photo caption).
    static let tanThanhProducts = ["Gừng sấy", "Tinh bột nghệ", "Nghệ sấy", "Chuối sấy", "Khoai lang sấy", "Mít sấy",
                                   "Măng khô", "Mác mật sấy"]

    static func build(_ gen: SampleGenerator, seed: UInt64) {
        var b = SampleBuilder(province: province, seed: seed)
        for (name, _, _, _) in newModel { b.reserve(name) }
        var coops: [PlannedCoop] = []
        for (name, district, commune, sector) in newModel {
            let d = province.districts.firstIndex { $0.name == district }!
            var c = b.coop(.htx, sector, founded: b.founded(2012...2016), district: d, commune: commune)
            c.name = name
            c.newModel = true
            c.valueChainSince = b.rng.day(SampleDay.of(2018, 3, 1), SampleDay.of(2018, 9, 28))
            coops.append(c)
        }
        let sectors = [700, 40, 60, 40, 50, 20, 10, 60, 20]
        for k in newModel.count..<htx {
            let founded = k < newModel.count + htxFounded2018 ? b.rng.day(SampleDay.of(2018, 1, 5), SampleDay.of(2018, 11, 10))
                                                              : b.founded(2008...2017)
            coops.append(b.coop(.htx, b.sector(sectors), founded: founded))
        }
        for i in coops.indices {
            // Small upland cooperatives, bar a people's credit fund.
            if coops[i].sector != .credit { coops[i].members = b.rng.skewed(7...45) }
            if coops[i].valueChainSince == nil && SampleDay.year(coops[i].founded) < 2018 && b.rng.chance(0.06) {
                coops[i].valueChainSince = max(coops[i].founded, b.founded(2016...2018))
            }
        }
        // Ratings of all 149: the four new-model ones are among the good.
        var ratings = Array(repeating: Rating.good, count: good - newModel.count) + Array(repeating: .average, count: average)
            + Array(repeating: .weak, count: weak)
        b.rng.shuffle(&ratings)
        for i in coops.indices { coops[i].rating = i < newModel.count ? .good : ratings[i - newModel.count] }

        for k in 0..<groups {
            let founded = k < groupsFounded2018 ? b.rng.day(SampleDay.of(2018, 1, 5), SampleDay.of(2018, 11, 10)) : b.founded(2010...2017)
            var g = b.coop(.group, b.sector([800, 100, 0, 0, 0, 0, 0, 100, 0]), founded: founded)
            g.members = b.rng.int(5...15)
            coops.append(g)
        }

        gen.write(&coops, in: province, &b.rng)
        gen.plan(province: province.name, year: 2020, indicator: .newModelHTX, target: newModelTarget2020)
        support2018(gen, &b, coops)

        b.backgroundLoans(gen, coops, count: b.rng.int(40...60), from: SampleDay.of(2012, 1, 1), until: SampleDay.of(2017, 12, 31))
        b.backgroundTrainings(gen, perYear: 4...8, years: 2014...2017, until: yearStart)
        b.backgroundPromotions(gen, coops, events: 4, years: 2015...2017, until: yearStart)
        b.backgroundActivities(gen, coops, years: 2015...2017, until: yearStart)
        let tanThanh = coops.first { $0.name == newModel[0].0 }!
        for product in tanThanhProducts {
            gen.product(coop: tanThanh.id, name: product, category: .processed, ocopStars: 0, certification: .foodSafety, listedOnline: false)
        }
        b.backgroundProducts(gen, coops, share: 0.2, online: 0.1, skip: [tanThanh.id])
    }

    static func support2018(_ gen: SampleGenerator, _ b: inout SampleBuilder, _ coops: [PlannedCoop]) {
        let name = province.name
        func day(_ b: inout SampleBuilder) -> Int32 { b.rng.day(SampleDay.of(2018, 2, 20), SampleDay.of(2018, 11, 10)) }
        for _ in 0..<lawClasses {
            gen.training(province: name, district: b.rng.pick(province.districts).name, heldOn: day(&b), topic: .law,
                         audience: .members, attendees: b.rng.int(40...90))
        }
        for _ in 0..<b.rng.int(3...5) {
            gen.training(province: name, district: nil, heldOn: day(&b), topic: .management, audience: .managers, attendees: b.rng.int(30...60))
        }
        let fairs = [("Hội chợ sản phẩm HTX tiêu biểu (Liên minh HTX Việt Nam)", SampleDay.of(2018, 8, 16)),
                     ("Hội chợ xúc tiến thương mại HTX khu vực phía Bắc (Liên minh HTX Việt Nam)", SampleDay.of(2018, 10, 11))]
        for i in b.pick(fairHTX, of: coops, where: { $0.isHTX && $0.founded < SampleDay.of(2018, 8, 1) }) {
            let (event, held) = b.rng.pick(fairs)
            gen.promotion(coop: coops[i].id, event: event, kind: .fair, heldOn: held)
        }
        // In whole 10 million, at least 50 million each.
        let amounts = b.rng.partition(lent / 10_000_000, into: borrowers, minimum: 5, spread: 5...20)
        for (units, i) in zip(amounts, b.pick(borrowers, of: coops, where: { $0.isHTX && $0.founded < SampleDay.of(2018, 9, 1) })) {
            gen.loan(coop: coops[i].id, fund: .supportFund, amount: units * 10_000_000,
                     disbursed: max(coops[i].founded + 20, day(&b)), termMonths: b.rng.pick([24, 36]), status: .current)
        }
        gen.activity(province: name, district: nil, heldOn: SampleDay.of(2018, 6, 29), kind: .publication, coop: nil, quantity: bulletinCopies)
        for i in b.pick(staffedHTX, of: coops, where: { $0.isHTX && $0.founded < SampleDay.of(2018, 6, 1) }) {
            gen.activity(province: name, district: coops[i].district, heldOn: max(coops[i].founded + 10, day(&b)),
                         kind: .staffingSupport, coop: coops[i].id, quantity: 1)
        }
        for c in coops where c.newModel {
            gen.activity(province: name, district: c.district, heldOn: SampleDay.of(2018, 2, 27), kind: .survey, coop: c.id, quantity: 1)
        }
    }
}
