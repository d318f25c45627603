import CoopQL

/// What the sample generator plans before it writes: organisations, and the province they are in.
/// Codes are the ones `Enumerations` lists; the enums here only keep the generator from
/// misspelling them.

enum OrgKind: String { case htx, union, group }

enum Sector: String, CaseIterable {
    case agriculture, handicraft, commerce, transport, construction, environment, credit, services, other
}

enum OrgStatus: String { case active, inactive, dissolved }

enum Rating: String { case good, average, weak }

enum Fund: String { case supportFund = "support_fund", jobCreation = "job_creation", bank, other }

enum LoanStatus: String { case current, repaid, overdue }

enum Program: String {
    case agriValueChain = "agri_value_chain_2022_2025"
    case ethnicMinority = "ethnic_minority_2022_2025"
}

enum Topic: String {
    case collectiveEconomy = "collective_economy", vietgap, ecommerce, law, founding, policy, management, supervision
}

enum Audience: String {
    case founders, managers, chairsDirectors = "chairs_directors", supervisors, members, officials, community
}

enum PromotionKind: String { case fair, onlineMarket = "online_market" }

enum ActivityKind: String {
    case founderAdvice = "founder_advice", foundingConference = "founding_conference", survey, publication
    case staffingSupport = "staffing_support"
}

enum ProductCategory: String { case fresh, processed, tea, handicraft, seafood, other }

enum Certification: String { case vietgap, globalgap, organic, foodSafety = "food_safety" }

enum Indicator: String {
    case newHTX = "new_htx", joinAlliance = "join_alliance", newModelHTX = "new_model_htx"
    case managersTrainedPct = "managers_trained_pct", supportFundCapital = "support_fund_capital"
    case preFoundingClasses = "pre_founding_classes", preFoundingAttendees = "pre_founding_attendees"
    case founderGroups = "founder_groups", foundingConferences = "founding_conferences"
    case registeredHTX = "registered_htx", certifiedEffective = "certified_effective"
    case valueChainHTX = "value_chain_htx"
}

/// Which pool of family names a province's people are drawn from.
enum NameRegion { case north, northernUplands, central, south }

/// A district (or town, or city) and its communes, wards and townships, names in full
/// ("Xã Vĩnh Thanh", "Phường 1"), as the `commune` column holds them.
struct SampleDistrict {
    let name: String
    let communes: [String]
    /// Share of its organisations that work in an ethnic-minority area.
    let ethnicShare: Double
}

/// A province as the generator sees it.
struct SampleProvince {
    let name: String
    let districts: [SampleDistrict]
    let names: NameRegion
    /// The first two digits of its tax codes.
    let taxPrefix: Int
    /// The report date: nothing later exists in its data.
    let asOf: Int32
    /// What its agricultural cooperatives, groups and products are typically about.
    let flavour: SampleFlavour
}

/// One organisation, planned in full before its row and its members' rows are written.
struct PlannedCoop {
    var id = 0
    var name = ""
    var kind: OrgKind
    var sector: Sector
    var district: String
    var commune: String?
    var founded: Int32
    var status: OrgStatus = .active
    var rating: Rating?
    var members: Int = 7
    /// A charter capital fixed by the source (else it is the sum of the members' contributions).
    var fixedCapital: Int?
    var hasTaxCode = true
    var valueChainSince: Int32?
    var newModel = false
    var certifiedOn: Int32?
    var ethnicMinorityArea = false
    /// The latest day a member may have joined: the report date, or an earlier day a figure is
    /// counted at (Bạc Liêu's members are counted at the end of 2021).
    var joinedBy: Int32

    var isHTX: Bool { kind == .htx }
    var isActive: Bool { status == .active }
}

/// Days as the generator uses them: day numbers from a year, month and day.
enum SampleDay {
    static func of(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
        Day(year: year, month: month, day: day)!.number
    }
    static func year(_ day: Int32) -> Int { Day(number: day).components.year }
}
