import CoopQL

/// Ordinary activity no report counts: bank and fund loans over the years, classes, fairs,
/// products. Each function stops at `until`, so the windows a published figure counts in (Bạc
/// Liêu's first half of 2022, Bắc Kạn's 2018) hold only the rows the figure is made of; and none
/// of these rows belongs to a programme, so programme figures count only their own rows.
extension SampleBuilder {
    /// `count` loans to HTX of `coops` founded before `until`, disbursed from `from` (or their
    /// founding) to `until`. Status follows the term: repaid or overdue once it has run out.
    mutating func backgroundLoans(_ gen: SampleGenerator, _ coops: [PlannedCoop], count: Int, from: Int32, until: Int32) {
        let borrowers = coops.indices.filter { coops[$0].isHTX && coops[$0].founded < until }
        guard !borrowers.isEmpty else { return }
        for _ in 0..<count {
            let c = coops[borrowers[rng.below(borrowers.count)]]
            let fund = [Fund.bank, .supportFund, .jobCreation, .other][rng.weighted([55, 25, 8, 12])]
            let (unit, units, terms): (Int, ClosedRange<Int>, [Int]) = switch fund {
            case .bank: (50_000_000, 2...60, [12, 24, 36, 60])
            case .supportFund: (50_000_000, 4...60, [36, 48, 60])
            case .jobCreation: (10_000_000, 5...200, [36, 60])
            case .other: (10_000_000, 2...50, [12, 24])
            }
            let day = rng.day(max(from, c.founded), until)
            let term = rng.pick(terms)
            gen.loan(coop: c.id, fund: fund, amount: rng.skewed(units) * unit, disbursed: day, termMonths: term,
                     status: loanStatus(day, term))
        }
    }

    /// Current while the term runs, repaid after it; a few of either overdue.
    mutating func loanStatus(_ disbursed: Int32, _ termMonths: Int) -> LoanStatus {
        let due = disbursed + Int32(termMonths * 30 + termMonths / 2)
        if due < province.asOf { return rng.chance(0.06) ? .overdue : .repaid }
        return rng.chance(0.07) ? .overdue : .current
    }

    /// About `perYear` classes a year from `years.lowerBound` to `until`, on the usual topics.
    mutating func backgroundTrainings(_ gen: SampleGenerator, perYear: ClosedRange<Int>, years: ClosedRange<Int>, until: Int32) {
        let topics: [(Topic, Audience)] = [
            (.collectiveEconomy, .members), (.collectiveEconomy, .officials), (.management, .managers),
            (.law, .members), (.founding, .founders), (.policy, .officials), (.supervision, .supervisors),
            (.vietgap, .members), (.ecommerce, .members),
        ]
        for year in years {
            let first = SampleDay.of(year, 2, 15)
            guard first < until else { break }
            for _ in 0..<rng.int(perYear) {
                let (topic, audience) = topics[rng.weighted([20, 8, 18, 12, 10, 8, 6, 10, year >= 2020 ? 8 : 1])]
                let district = rng.chance(0.6) ? rng.pick(province.districts).name : nil
                gen.training(province: province.name, district: district, heldOn: rng.day(first, min(until, SampleDay.of(year, 12, 20))),
                             topic: topic, audience: audience, attendees: rng.int(25...110))
            }
        }
    }

    /// Fairs and, from 2020, online market sessions, each with a few of the active HTX.
    mutating func backgroundPromotions(_ gen: SampleGenerator, _ coops: [PlannedCoop], events: Int, years: ClosedRange<Int>,
                                       until: Int32) {
        let sellers = coops.indices.filter { coops[$0].isHTX && coops[$0].isActive }
        guard !sellers.isEmpty else { return }
        for _ in 0..<events {
            let year = rng.int(years)
            let day = min(until, rng.day(SampleDay.of(year, 3, 1), SampleDay.of(year, 12, 15)))
            let online = year >= 2020 && rng.chance(0.25)
            let event = online ? "Phiên chợ online sản phẩm HTX \(province.name) \(year)"
                : rng.chance(0.5) ? "Hội chợ nông sản \(province.name) \(year)" : "Hội chợ xúc tiến thương mại HTX \(year)"
            for i in rng.choose(rng.int(3...12), from: sellers) where coops[i].founded <= day {
                gen.promotion(coop: coops[i].id, event: event, kind: online ? .onlineMarket : .fair, heldOn: day)
            }
        }
    }

    /// Products for a share of the active HTX: most without OCOP stars, some with three or four,
    /// a few with five; `online` is the chance one is on the province's product pages.
    mutating func backgroundProducts(_ gen: SampleGenerator, _ coops: [PlannedCoop], share: Double, online: Double,
                                     skip: Set<Int> = []) {
        for c in coops where c.isHTX && c.isActive && !skip.contains(c.id) && rng.chance(share) {
            for (name, category) in rng.choose(rng.int(1...3), from: province.flavour.products) {
                let stars = [0, 3, 4, 5][rng.weighted([62, 28, 9, 1])]
                let certification: Certification? = rng.chance(0.7) ? nil
                    : [Certification.vietgap, .globalgap, .organic, .foodSafety][rng.weighted([50, 5, 10, 35])]
                gen.product(coop: c.id, name: name, category: category, ocopStars: stars, certification: certification,
                            listedOnline: rng.chance(online))
            }
        }
    }

    /// A yearly newsletter and surveys of some cooperatives.
    mutating func backgroundActivities(_ gen: SampleGenerator, _ coops: [PlannedCoop], years: ClosedRange<Int>, until: Int32) {
        let htx = coops.indices.filter { coops[$0].isHTX }
        for year in years {
            let day = rng.day(SampleDay.of(year, 3, 1), SampleDay.of(year, 11, 30))
            guard day < until else { break }
            gen.activity(province: province.name, district: nil, heldOn: day, kind: .publication, coop: nil,
                         quantity: rng.int(3...12) * 100)
            for i in rng.choose(rng.int(2...8), from: htx) where coops[i].founded <= day {
                gen.activity(province: province.name, district: coops[i].district, heldOn: day, kind: .survey,
                             coop: coops[i].id, quantity: 1)
            }
        }
    }
}
