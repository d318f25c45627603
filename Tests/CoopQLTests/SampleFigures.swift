@testable import CoopQL

/// One published figure of DOMAIN.md: the CoopQL queries a report writer would run to answer it,
/// and what each must give on the sample data, whatever the seed.
struct SampleFigure: Sendable, CustomStringConvertible {
    enum Expect: Sendable {
        /// A single value: what `count` gives, or a one-row, one-column table.
        case value(Value)
        /// A one-row table with at least these columns.
        case row([String: Value])
        /// A table whose rows are told apart by a text column: exactly these keys, with these columns.
        case keyed(String, [String: [String: Value]])

        /// `count by key`: exactly these counts.
        static func counts(_ key: String, _ counts: [String: Int]) -> Expect {
            .keyed(key, counts.mapValues { ["count": .int(Int64($0))] })
        }
        static func number(_ n: Int) -> Expect { .value(.int(Int64(n))) }
    }

    let description: String
    let checks: [(query: String, expect: Expect)]

    init(_ description: String, _ checks: (String, Expect)...) {
        self.description = description
        self.checks = checks.map { (query: $0.0, expect: $0.1) }
    }
}

private func int(_ n: Int) -> Value { .int(Int64(n)) }
private func text(_ s: String) -> Value { .text(s) }

extension SampleFigure {
    static let bn = #"cooperatives | where province == "Bắc Ninh" and kind == "htx""#
    static let bp = #"cooperatives | where province == "Bình Phước" and kind == "htx""#
    static let bl = #"cooperatives | where province == "Bạc Liêu""#
    static let bk = #"cooperatives | where province == "Bắc Kạn""#
    static let agri = #"program == "agri_value_chain_2022_2025""#
    static let ethnic = #"program == "ethnic_minority_2022_2025""#
    static let blTrainings2022 = #"trainings | where province == "Bạc Liêu" and year(held_on) == 2022"#
    static let h1 = #"held_on >= date("2022-01-01") and held_on <= date("2022-06-30")"#
    static let classes = "summarize classes = count(), attendees = sum(attendees)"

    /// Every figure DOMAIN.md lists, in its order.
    static let all: [SampleFigure] = [
        // Bắc Ninh, as of 23/12/2022.
        SampleFigure("Bắc Ninh: 694 HTX by sector",
                     (bn + " | count by sector", .counts("sector", ["agriculture": 552, "handicraft": 56, "commerce": 27, "transport": 25,
                                                                    "construction": 2, "environment": 6, "credit": 26])),
                     (bn + " | count", .number(694))),
        SampleFigure("Bắc Ninh: the HTX have 95,035 members",
                     (bn + " | summarize total = sum(members)", .number(95_035)),
                     (#"members | join cooperatives on coop_id == cooperatives.id | where cooperatives.province == "Bắc Ninh" and cooperatives.kind == "htx" | count"#,
                      .number(95_035))),
        SampleFigure("Bắc Ninh: 223 groups and 2 unions",
                     (#"cooperatives | where province == "Bắc Ninh" and kind != "htx" | count by kind"#, .counts("kind", ["group": 223, "union": 2]))),
        SampleFigure("Bắc Ninh: 32 HTX founded in 2022", (bn + " | where year(founded) == 2022 | count", .number(32))),
        SampleFigure("Bắc Ninh: 107 HTX inactive without a tax code, not dissolved",
                     (bn + #" | where status == "inactive" and tax_code is null | count"#, .number(107)),
                     (bn + #" | where status == "dissolved" | count"#, .number(0))),
        SampleFigure("Bắc Ninh: the 2023 plan",
                     (#"plans | where province == "Bắc Ninh" and year == 2023 | select indicator, target"#,
                      .keyed("indicator", ["new_htx": ["target": int(30)], "join_alliance": ["target": int(30)], "new_model_htx": ["target": int(5)],
                                           "managers_trained_pct": ["target": int(40)], "support_fund_capital": ["target": int(50_000_000_000)]]))),

        // Bình Phước, 2022 to December 2023.
        SampleFigure("Bình Phước: 323 HTX, 248 active",
                     (bp + " | count", .number(323)), (bp + " | count by status", .counts("status", ["active": 248, "inactive": 75]))),
        SampleFigure("Bình Phước: 60 HTX founded in 2022–2023", (bp + " | where year(founded) >= 2022 | count", .number(60))),
        SampleFigure("Bình Phước: 38 collective-economy classes, 1,915 attendees",
                     ("trainings | where \(agri) and topic == \"collective_economy\" | \(classes)", .row(["classes": int(38), "attendees": int(1_915)]))),
        SampleFigure("Bình Phước: 9 VietGAP/GlobalGAP classes, about 500 (497) attendees",
                     ("trainings | where \(agri) and topic == \"vietgap\" | \(classes)", .row(["classes": int(9), "attendees": int(497)]))),
        SampleFigure("Bình Phước: 26 HTX at the fruit and farm produce fair",
                     ("promotions | where \(agri) and kind == \"fair\" | summarize htx = count_distinct(coop_id), rows = count()",
                      .row(["htx": int(26), "rows": int(26)]))),
        SampleFigure("Bình Phước: 7 job-creation loans, 1,456,000,000",
                     ("loans | where \(agri) and fund == \"job_creation\" | summarize loans = count(), total = sum(amount)",
                      .row(["loans": int(7), "total": int(1_456_000_000)]))),
        SampleFigure("Bình Phước: the support fund lent to 15 HTX, nearly 29 billion (28.9)",
                     ("loans | where \(agri) and fund == \"support_fund\" | summarize htx = count_distinct(coop_id), total = sum(amount)",
                      .row(["htx": int(15), "total": int(28_900_000_000)]))),
        SampleFigure("Bình Phước: 35 classes for managers, 1,712 attendees",
                     ("trainings | where \(ethnic) and audience == \"managers\" | \(classes)", .row(["classes": int(35), "attendees": int(1_712)]))),
        SampleFigure("Bình Phước: 44 HTX at trade fairs",
                     ("promotions | where \(ethnic) and kind == \"fair\" | summarize htx = count_distinct(coop_id)", .number(44))),
        SampleFigure("Bình Phước: 5 HTX at online market sessions",
                     ("promotions | where \(ethnic) and kind == \"online_market\" | summarize htx = count_distinct(coop_id)", .number(5))),
        SampleFigure("Bình Phước: 5 e-commerce classes", ("trainings | where \(ethnic) and topic == \"ecommerce\" | count", .number(5))),

        // Bạc Liêu, end of 2021 and first half of 2022.
        SampleFigure("Bạc Liêu: 514 groups at the end of 2021",
                     (bl + #" | where kind == "group" and founded <= date("2021-12-31") | count"#, .number(514))),
        SampleFigure("Bạc Liêu: 191 HTX with 35,571 members at the end of 2021",
                     (bl + #" | where kind == "htx" and founded <= date("2021-12-31") | summarize htx = count(), members = sum(members)"#,
                      .row(["htx": int(191), "members": int(35_571)])),
                     (#"members | join cooperatives on coop_id == cooperatives.id | where cooperatives.province == "Bạc Liêu" and cooperatives.kind == "htx" and cooperatives.founded <= date("2021-12-31") and joined <= date("2021-12-31") | count"#,
                      .number(35_571))),
        SampleFigure("Bạc Liêu: 47 value-chain HTX at the end of 2021",
                     (bl + #" | where kind == "htx" and value_chain_since <= date("2021-12-31") | count"#, .number(47))),
        SampleFigure("Bạc Liêu: 27 pre-founding classes, 866 attendees, 87% of plan",
                     ("trainings | where province == \"Bạc Liêu\" and topic == \"founding\" and \(h1) | \(classes)",
                      .row(["classes": int(27), "attendees": int(866)])),
                     ("""
                      let done = trainings | where province == "Bạc Liêu" and topic == "founding" and \(h1) | count
                      plans | where province == "Bạc Liêu" and year == 2022 and indicator == "pre_founding_classes" | select target, pct = round(100 * done / target)
                      """, .row(["target": int(31), "pct": int(87)]))),
        SampleFigure("Bạc Liêu: 21 founder groups advised",
                     ("activities | where province == \"Bạc Liêu\" and kind == \"founder_advice\" and \(h1) | summarize groups = sum(quantity)", .number(21))),
        SampleFigure("Bạc Liêu: 16 founding conferences, 53% of plan",
                     ("activities | where province == \"Bạc Liêu\" and kind == \"founding_conference\" and \(h1) | summarize conferences = sum(quantity)",
                      .number(16)),
                     ("""
                      let done = activities | where province == "Bạc Liêu" and kind == "founding_conference" and \(h1) | count
                      plans | where province == "Bạc Liêu" and year == 2022 and indicator == "founding_conferences" | select target, pct = round(100 * done / target)
                      """, .row(["target": int(30), "pct": int(53)]))),
        SampleFigure("Bạc Liêu: 13 HTX registered in H1 2022",
                     (bl + #" | where kind == "htx" and founded >= date("2022-01-01") | count"#, .number(13))),
        SampleFigure("Bạc Liêu: 1 union founded, 21 members, 3 billion charter capital",
                     (bl + #" | where kind == "union" and founded >= date("2022-01-01") | select members, charter_capital"#,
                      .row(["members": int(21), "charter_capital": int(3_000_000_000)]))),
        SampleFigure("Bạc Liêu: 2 policy classes, about 100 (98) attendees",
                     (blTrainings2022 + " and topic == \"policy\" | \(classes)", .row(["classes": int(2), "attendees": int(98)]))),
        SampleFigure("Bạc Liêu: 2 classes for board chairs and directors, 87 attendees",
                     (blTrainings2022 + " and audience == \"chairs_directors\" | \(classes)", .row(["classes": int(2), "attendees": int(87)]))),
        SampleFigure("Bạc Liêu: 1 class for supervisory boards, 29 attendees",
                     (blTrainings2022 + " and audience == \"supervisors\" | \(classes)", .row(["classes": int(1), "attendees": int(29)]))),
        SampleFigure("Bạc Liêu: the support fund disbursed 3 projects, 3.300.000 đồng as printed",
                     (#"loans | join cooperatives on coop_id == cooperatives.id | where cooperatives.province == "Bạc Liêu" and fund == "support_fund" and disbursed >= date("2022-01-01") | summarize projects = count(), total = sum(amount)"#,
                      .row(["projects": int(3), "total": int(3_300_000)]))),
        SampleFigure("Bạc Liêu: 7 HTX certified effective in H1 2022, 21 in all",
                     (bl + #" | where certified_effective | summarize total = count(), first_half = count_if(certified_on >= date("2022-01-01"))"#,
                      .row(["total": int(21), "first_half": int(7)]))),
        SampleFigure("Bạc Liêu: 48 value-chain HTX, 46 agricultural",
                     (bl + #" | where kind == "htx" and value_chain | summarize total = count(), agriculture = count_if(sector == "agriculture")"#,
                      .row(["total": int(48), "agriculture": int(46)]))),
        SampleFigure("Bạc Liêu: 20 HTX with 47 products on the product pages",
                     (#"products | join cooperatives on coop_id == cooperatives.id | where cooperatives.province == "Bạc Liêu" and listed_online | summarize products = count(), htx = count_distinct(coop_id)"#,
                      .row(["products": int(47), "htx": int(20)]))),
        SampleFigure("Bạc Liêu: 7 district-level units and 64 communes, wards and townships",
                     (bl + " | summarize districts = count_distinct(district)", .number(7)),
                     (bl + " | distinct district, commune | count", .number(64))),

        // Bắc Kạn, 2018.
        SampleFigure("Bắc Kạn: 29 HTX founded in 2018, 149 in all",
                     (bk + #" | where kind == "htx" | summarize total = count(), in_2018 = count_if(year(founded) == 2018)"#,
                      .row(["total": int(149), "in_2018": int(29)]))),
        SampleFigure("Bắc Kạn: 2 groups founded in 2018, 64 in all",
                     (bk + #" | where kind == "group" | summarize total = count(), in_2018 = count_if(year(founded) == 2018)"#,
                      .row(["total": int(64), "in_2018": int(2)]))),
        SampleFigure("Bắc Kạn: 29% effective, 63% average, 8% weak",
                     (bk + #" | where kind == "htx" | count by rating | extend pct = round(percent(count))"#,
                      .keyed("rating", ["good": ["count": int(43), "pct": int(29)], "average": ["count": int(94), "pct": int(63)],
                                        "weak": ["count": int(12), "pct": int(8)]]))),
        SampleFigure("Bắc Kạn: 8 classes on the Law on Cooperatives",
                     (#"trainings | where province == "Bắc Kạn" and topic == "law" and year(held_on) == 2018 | count"#, .number(8))),
        SampleFigure("Bắc Kạn: 14 HTX at trade fairs",
                     (#"promotions | where year(held_on) == 2018 and kind == "fair" | join cooperatives on coop_id == cooperatives.id | where cooperatives.province == "Bắc Kạn" | summarize htx = count_distinct(coop_id)"#,
                      .number(14))),
        SampleFigure("Bắc Kạn: 17 HTX took loans, over 1.6 billion (1.63)",
                     (#"loans | where year(disbursed) == 2018 | join cooperatives on coop_id == cooperatives.id | where cooperatives.province == "Bắc Kạn" | summarize htx = count_distinct(coop_id), total = sum(amount)"#,
                      .row(["htx": int(17), "total": int(1_630_000_000)]))),
        SampleFigure("Bắc Kạn: plan of 10 new-model HTX by 2020",
                     (#"plans | where province == "Bắc Kạn" and indicator == "new_model_htx" | select year, target"#,
                      .row(["year": int(2020), "target": int(10)]))),
        SampleFigure("Bắc Kạn: the four new-model HTX of 2018 and their districts",
                     (bk + " | where new_model | select name, district",
                      .keyed("name", ["HTX Nông nghiệp Tân Thành": ["district": text("Thành phố Bắc Kạn")],
                                      "HTX Thương mại và Dịch vụ Nông nghiệp Dương Phong": ["district": text("Bạch Thông")],
                                      "HTX Chè Mỹ Phương": ["district": text("Ba Bể")],
                                      "HTX Hợp Thành Thanh Vận": ["district": text("Chợ Mới")]]))),
    ]
}
