import CoopQL
import Foundation

/// The bundled sample data set: four provinces whose published figures (DOMAIN.md, from the five
/// seed articles) every report and test can count on, and a national scale for benchmarks.
///
/// Each province holds its organisations as of its report date: Bắc Ninh 23/12/2022, Bình Phước
/// 31/12/2023, Bạc Liêu 30/06/2022, Bắc Kạn 15/11/2018 (the day before the review). Nothing is
/// dissolved in the four; every HTX's `charter_capital` is the sum of its members' `contribution`
/// (cooperative groups have none), and its rows in `members` number exactly its `members`.
///
/// Where the source is approximate the sample picks an exact number (marked ≈ below). Every figure
/// holds whatever the seed: the seed changes names, places, dates and sizes, never a figure.
///
/// | figure | in the data | query (each gives the published number) |
/// |---|---|---|
/// | **Bắc Ninh, 23/12/2022** | | `let bn = cooperatives \| where province == "Bắc Ninh"` |
/// | 694 HTX by sector: 552 / 56 / 27 / 25 / 2 / 6 / 26 | `kind`, `sector` (credit funds are `credit`) | `bn \| where kind == "htx" \| count by sector` |
/// | their members: 95,035 | `members` column; as many `members` rows | `bn \| where kind == "htx" \| summarize sum(members)`; `members \| join cooperatives on coop_id == cooperatives.id \| where cooperatives.province == "Bắc Ninh" and cooperatives.kind == "htx" \| count` |
/// | 223 groups, 2 unions | `kind` | `bn \| count by kind` |
/// | 32 HTX founded in 2022 | `founded` (none after 23/12) | `bn \| where kind == "htx" and year(founded) == 2022 \| count` |
/// | 107 HTX inactive, no tax code, not dissolved | `status`, `tax_code` null; 8–15 more are inactive with a tax code | `bn \| where kind == "htx" and status == "inactive" and tax_code is null \| count` |
/// | 2023 plan: 30 new HTX, 30 joining the Alliance, 5 new-model, >40% managers trained, fund capital 50 tỷ | `plans` 2023: `new_htx` 30, `join_alliance` 30, `new_model_htx` 5, `managers_trained_pct` 40 ("over" is the plan's wording), `support_fund_capital` 50000000000 | `plans \| where province == "Bắc Ninh" and year == 2023` |
/// | **Bình Phước, 2022 – 12/2023** | | `let bp = cooperatives \| where province == "Bình Phước" and kind == "htx"` |
/// | 323 HTX, 248 active | `status`: the other 75 `inactive` | `bp \| count`; `bp \| count by status` |
/// | 60 HTX founded 2022–2023 | `founded` | `bp \| where year(founded) >= 2022 \| count` |
/// | 38 classes, 1,915 attendees | `trainings`: program `agri_value_chain_2022_2025`, topic `collective_economy` | `trainings \| where program == "agri_value_chain_2022_2025" and topic == "collective_economy" \| summarize count(), sum(attendees)` |
/// | 9 VietGAP/GlobalGAP classes, ≈500 attendees | same programme, topic `vietgap`; **497** attendees | `… and topic == "vietgap" \| summarize count(), sum(attendees)` |
/// | 26 HTX at the fruit and farm produce fair | `promotions`: event "Hội chợ trái cây và hàng nông sản tỉnh Bình Phước", kind `fair`, the programme; one row per HTX (its day, 09/06/2023, is invented) | `promotions \| where program == "agri_value_chain_2022_2025" and kind == "fair" \| summarize count_distinct(coop_id)` |
/// | 7 job-creation loans, 1,456,000,000 | `loans`: fund `job_creation`, the programme; 7 HTX | `loans \| where program == "agri_value_chain_2022_2025" and fund == "job_creation" \| summarize count(), sum(amount)` |
/// | support fund: 15 HTX, ≈29 tỷ | fund `support_fund`, the programme; one loan each, **28,900,000,000** in all | `… and fund == "support_fund" \| summarize count_distinct(coop_id), sum(amount)` |
/// | 35 classes, 1,712 attendees (managers) | program `ethnic_minority_2022_2025`, audience `managers` | `trainings \| where program == "ethnic_minority_2022_2025" and audience == "managers" \| summarize count(), sum(attendees)` |
/// | 44 HTX at trade fairs | `promotions`, that programme, kind `fair`, one row per HTX | `promotions \| where program == "ethnic_minority_2022_2025" and kind == "fair" \| summarize count_distinct(coop_id)` |
/// | 5 HTX at online market sessions | kind `online_market` | `… and kind == "online_market" \| summarize count_distinct(coop_id)` |
/// | 5 e-commerce classes | that programme, topic `ecommerce` (audience `community`) | `trainings \| where program == "ethnic_minority_2022_2025" and topic == "ecommerce" \| count` |
/// | **Bạc Liêu, end 2021 and H1 2022** (data as of 30/06/2022) | | `let bl = cooperatives \| where province == "Bạc Liêu"` |
/// | end 2021: 514 groups | groups founded by 31/12/2021 (3–8 more formed in 2022) | `bl \| where kind == "group" and founded <= date("2021-12-31") \| count` |
/// | end 2021: 191 HTX, 35,571 members | HTX founded by then; their members all joined by then | `bl \| where kind == "htx" and founded <= date("2021-12-31") \| summarize count(), sum(members)`; the `members` join as for Bắc Ninh with that date |
/// | end 2021: 47 value-chain HTX | `value_chain_since` | `bl \| where kind == "htx" and value_chain_since <= date("2021-12-31") \| count` |
/// | H1 2022: 27 pre-founding classes, 866 attendees, 87% of plan | `trainings` topic `founding`, audience `founders`, 1/1–30/6/2022; `plans` 2022 `pre_founding_classes` **31** (27/31 = 87.1%) | `trainings \| where province == "Bạc Liêu" and topic == "founding" and held_on >= date("2022-01-01") \| summarize count(), sum(attendees)`; with `let done =` that pipeline `\| count`: `plans \| where province == "Bạc Liêu" and year == 2022 and indicator == "pre_founding_classes" \| select target, pct = round(100 * done / target)` |
/// | 21 founder groups advised | `activities` kind `founder_advice`, one row each (13 name the HTX they became) | `activities \| where province == "Bạc Liêu" and kind == "founder_advice" and year(held_on) == 2022 \| summarize sum(quantity)` |
/// | 16 founding conferences, 53% of plan | kind `founding_conference`, one row each (13 name their HTX); plan `founding_conferences` **30** (16/30 = 53.3%) | as the two above, with `founding_conference` |
/// | 13 HTX registered | HTX founded in H1 2022 | `bl \| where kind == "htx" and founded >= date("2022-01-01") \| count` |
/// | 1 union, 21 members, 3 tỷ charter capital | `kind` `union` founded in 2022 | `bl \| where kind == "union" and founded >= date("2022-01-01") \| select members, charter_capital` |
/// | 2 policy classes, ≈100 attendees | topic `policy`, audience `officials`; **98** attendees | `trainings \| where province == "Bạc Liêu" and topic == "policy" and year(held_on) == 2022 \| summarize count(), sum(attendees)` |
/// | 2 classes for chairs and directors, 87 | topic `management`, audience `chairs_directors` | `… audience == "chairs_directors" …` |
/// | 1 class for supervisory boards, 29 | topic `supervision`, audience `supervisors` | `… audience == "supervisors" …` |
/// | support fund: 3 projects, "3.300.000 đồng" | 3 `support_fund` loans of 1,500,000 + 1,000,000 + 800,000 as printed, each with a `note` | `loans \| where fund == "support_fund" and disbursed >= date("2022-01-01") \| join cooperatives on coop_id == cooperatives.id \| where cooperatives.province == "Bạc Liêu" \| summarize count(), sum(amount)`; data quality: `loans \| where note is not null`, or `loans \| where fund == "support_fund" and amount < 10000000` (no real project loan is under 10 million) |
/// | 7 HTX certified effective in H1 2022, 21 in all | `certified_effective`, `certified_on` | `bl \| where certified_effective \| count`; `… and certified_on >= date("2022-01-01") \| count` |
/// | 48 value-chain HTX: 46 agricultural, 2 not | `value_chain`, `sector` | `bl \| where kind == "htx" and value_chain \| summarize count(), count_if(sector == "agriculture")` |
/// | 20 HTX with 47 products online | `products.listed_online` | `products \| join cooperatives on coop_id == cooperatives.id \| where cooperatives.province == "Bạc Liêu" and listed_online \| summarize count(), count_distinct(coop_id)` |
/// | 7 district-level units, 64 communes | the real ones; every commune has an organisation | `bl \| distinct district \| count`; `bl \| distinct district, commune \| count` (two "Phường 1", so the district is part of a commune's identity) |
/// | **Bắc Kạn, 2018** (data as of 15/11/2018) | | `let bk = cooperatives \| where province == "Bắc Kạn"` |
/// | 29 HTX founded in 2018, 149 in all | `founded`; all active | `bk \| where kind == "htx" \| summarize count(), count_if(year(founded) == 2018)` |
/// | 2 groups founded in 2018, 64 in all | | same with `kind == "group"` |
/// | 29% / 63% / 8% = 43 / 94 / 12 | `rating` of all 149 (the four new-model HTX are good) | `bk \| where kind == "htx" \| count by rating \| extend pct = round(percent(count))` |
/// | 8 law classes | `trainings` topic `law` in 2018 | `trainings \| where province == "Bắc Kạn" and topic == "law" and year(held_on) == 2018 \| count` |
/// | 14 HTX at trade fairs | `promotions` in 2018, one row per HTX | `promotions \| where year(held_on) == 2018 \| join cooperatives on coop_id == cooperatives.id \| where cooperatives.province == "Bắc Kạn" \| summarize count_distinct(coop_id)` |
/// | 17 HTX took loans, >1.6 tỷ | 17 `support_fund` loans in 2018, one per HTX, **1,630,000,000** in all | `loans \| where year(disbursed) == 2018 \| join cooperatives on …  \| where cooperatives.province == "Bắc Kạn" \| summarize count_distinct(coop_id), sum(amount)` |
/// | plan: 10 new-model HTX by 2020 | `plans` 2020 `new_model_htx` 10 | `plans \| where province == "Bắc Kạn"` |
/// | the 4 new-model HTX of 2018 and their districts | `new_model` (only these four), `value_chain_since` in 2018 | `bk \| where new_model \| select name, district` |
///
/// Also from the Bắc Kạn review, beyond DOMAIN.md: a newsletter of 600 copies (`activities` kind
/// `publication`, 2018), staffing support for 45 HTX (`staffing_support`, one row each), and the
/// products HTX Tân Thành was certified food-safe for (`products`, certification `food_safety`).
///
/// Districts are the real ones of each province at its date. Bạc Liêu's 64 communes, wards and
/// townships are the real list (checked against a public listing of the pre-2025 units); the
/// other three provinces' communes are real names written from memory, unchecked and incomplete.
///
/// Invented, plausibly: people (Vietnamese names by region, gender-consistent), the village names
/// in organisation names, sizes, dates, amounts, fair names and days, and every row no figure
/// speaks of (earlier loans, classes and fairs, which end before the windows the figures count
/// in). Tax codes are ten digits: the province's two, then eight unique to the organisation.
public enum SampleData {
    /// How much to generate.
    public enum Scale: String, Sendable, CaseIterable {
        /// The four seed provinces, reproducing their published figures (about 2,300
        /// organisations and 170,000 members; some 14 MB).
        case provinces
        /// All 63 provinces before the 2025 merger: the four as at `provinces`, the other 59
        /// generated, 100,000 organisations, 5,000,000 members and 500,000 loans in all (some
        /// 450 MB).
        case national
    }

    /// One file written: its path, its data rows (the header not counted) and its size.
    public struct FileSummary: Sendable {
        /// The file written.
        public let path: String
        /// How many rows it holds.
        public let rows: Int
        /// Its size in bytes.
        public let bytes: Int
    }

    /// Writes one CSV file per table of `CoreSchema` but `provinces` (which the library provides)
    /// into `directory`, creating it if needed and replacing files of the same names. The same
    /// seed gives byte-identical files.
    @discardableResult
    public static func write(to directory: String, scale: Scale = .provinces, seed: UInt64 = 2024) throws(Diagnostic) -> [FileSummary] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(.data, "cannot create the folder `\(directory)`: \(error.localizedDescription)")
        }
        let gen = try SampleGenerator(directory: directory)
        // Each province draws from its own stream, so the four are the same at both scales.
        BacNinhSample.build(gen, seed: seed)
        BinhPhuocSample.build(gen, seed: seed)
        BacLieuSample.build(gen, seed: seed)
        BacKanSample.build(gen, seed: seed)
        if scale == .national {
            let done: Set<String> = [BacNinhSample.province.name, BinhPhuocSample.province.name,
                                     BacLieuSample.province.name, BacKanSample.province.name]
            NationalSample.build(gen, seed: seed, skipping: done)
        }
        return try gen.close()
    }
}
