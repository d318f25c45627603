/// The core tables of the cooperative data model. Money is an integer number of đồng (VND).
public enum CoreSchema {
    typealias C = SchemaColumn
    typealias E = Enumerations

    /// The `cooperatives` table of the data model.
    public static let cooperatives = SchemaTable(name: "cooperatives", description: "hợp tác xã, liên hiệp HTX và tổ hợp tác: one row per organisation", columns: [
        C("id", .int, "identifier"),
        C("name", .text, "registered name, with diacritics"),
        C("kind", .text, E.kind, "htx, union or group"),
        C("sector", .text, E.sector, "field of activity"),
        C("province", .text, "province (as before the 2025 merger)"),
        C("district", .text, "district, town or provincial city"),
        C("commune", .text, nullable: true, "commune, ward or township"),
        C("founded", .date, "date of registration"),
        C("status", .text, E.status, "active, inactive or dissolved"),
        C("rating", .text, nullable: true, E.rating, "latest yearly rating: good, average or weak"),
        C("members", .int, "current number of members"),
        C("charter_capital", .int, "charter capital, VND"),
        C("tax_code", .text, nullable: true, "tax code; null when the organisation has none"),
        C("value_chain", .bool, "linked to a value chain"),
        C("value_chain_since", .date, nullable: true, "when it joined a value chain"),
        C("new_model", .bool, "chosen as a new-model cooperative"),
        C("certified_effective", .bool, "certified effective under new-rural criterion 3.2"),
        C("certified_on", .date, nullable: true, "when it was certified effective"),
        C("ethnic_minority_area", .bool, "operates in an ethnic-minority area"),
    ], key: "id")

    /// The `members` table of the data model.
    public static let members = SchemaTable(name: "members", description: "thành viên: one row per member of a cooperative", columns: [
        C("id", .int, "identifier"),
        C("coop_id", .int, references: "cooperatives", "the cooperative"),
        C("full_name", .text, "full name"),
        C("gender", .text, E.gender, "male or female"),
        C("birth_year", .int, "year of birth"),
        C("joined", .date, "date the member joined"),
        C("role", .text, E.role, "member, chair, director, supervisor or accountant"),
        C("education", .text, nullable: true, E.education, "highest level of education or training"),
        C("contribution", .int, "capital contributed, VND"),
    ], key: "id")

    /// The `loans` table of the data model.
    public static let loans = SchemaTable(name: "loans", description: "khoản vay: one row per loan disbursed to a cooperative", columns: [
        C("id", .int, "identifier"),
        C("coop_id", .int, references: "cooperatives", "the borrowing cooperative"),
        C("fund", .text, E.fund, "where the money came from"),
        C("amount", .int, "amount disbursed, VND"),
        C("disbursed", .date, "date of disbursement"),
        C("term_months", .int, "term in months"),
        C("status", .text, E.loanStatus, "current, repaid or overdue"),
        C("program", .text, nullable: true, E.program, "the provincial programme it belongs to"),
        C("note", .text, nullable: true, "remarks, such as a doubtful figure in the source"),
    ], key: "id")

    /// The `trainings` table of the data model.
    public static let trainings = SchemaTable(name: "trainings", description: "lớp tập huấn, bồi dưỡng: one row per class held", columns: [
        C("id", .int, "identifier"),
        C("province", .text, "province that held it"),
        C("district", .text, nullable: true, "district, when held locally"),
        C("held_on", .date, "date of the class"),
        C("program", .text, nullable: true, E.program, "the provincial programme it belongs to"),
        C("topic", .text, E.topic, "what was taught"),
        C("audience", .text, E.audience, "who it was for"),
        C("attendees", .int, "number of attendees"),
    ], key: "id")

    /// The `promotions` table of the data model.
    public static let promotions = SchemaTable(name: "promotions", description: "xúc tiến thương mại: one row per cooperative taking part in an event", columns: [
        C("id", .int, "identifier"),
        C("coop_id", .int, references: "cooperatives", "the cooperative"),
        C("event", .text, "name of the fair or market session"),
        C("kind", .text, E.promotionKind, "fair or online_market"),
        C("held_on", .date, "date of the event"),
        C("program", .text, nullable: true, E.program, "the provincial programme that supported it"),
    ], key: "id")

    /// The `products` table of the data model.
    public static let products = SchemaTable(name: "products", description: "sản phẩm: one row per product of a cooperative", columns: [
        C("id", .int, "identifier"),
        C("coop_id", .int, references: "cooperatives", "the cooperative"),
        C("name", .text, "product name"),
        C("category", .text, E.productCategory, "kind of product"),
        C("ocop_stars", .int, "OCOP rating, 0 (none) to 5 stars"),
        C("certification", .text, nullable: true, E.certification, "quality certification"),
        C("listed_online", .bool, "shown on the province's product-connection pages"),
    ], key: "id")

    /// The `plans` table of the data model.
    public static let plans = SchemaTable(name: "plans", description: "kế hoạch: a province's yearly targets", columns: [
        C("province", .text, "province"),
        C("year", .int, "plan year"),
        C("indicator", .text, E.indicator, "what is targeted"),
        C("target", .decimal, "the target value"),
    ], key: nil)

    /// The `activities` table of the data model.
    public static let activities = SchemaTable(name: "activities", description: "hoạt động hỗ trợ: support work that is neither a class nor a fair", columns: [
        C("id", .int, "identifier"),
        C("province", .text, "province"),
        C("district", .text, nullable: true, "district"),
        C("held_on", .date, "date"),
        C("program", .text, nullable: true, E.program, "the provincial programme it belongs to"),
        C("kind", .text, E.activityKind, "what was done"),
        C("coop_id", .int, nullable: true, references: "cooperatives", "the cooperative concerned, if one"),
        C("quantity", .int, "how many (groups advised, copies printed, …)"),
    ], key: "id")

    /// The `provinces` table of the data model.
    public static let provinces = SchemaTable(name: "provinces", description: "tỉnh, thành phố: the 63 provinces before the 2025 merger", columns: [
        C("name", .text, "province or centrally-run city"),
        C("region", .text, "socio-economic region"),
        C("merged_into", .text, "the province it belongs to since 1 July 2025"),
        C("is_city", .bool, "a centrally-run city"),
    ], key: "name")

    /// Every table of the model, in the order `.tables` lists them.
    public static let tables: [SchemaTable] = [
        cooperatives, members, loans, trainings, promotions, products, plans, activities, provinces,
    ]

    /// The data model's table of this name, if any.
    public static func table(_ name: String) -> SchemaTable? { tables.first { $0.name == name } }

    /// The enumeration of a column of a known table (`cooperatives`.`sector` → sector).
    public static func enumeration(table: String?, column: String) -> Enumeration? {
        guard let table, let t = CoreSchema.table(table) else { return nil }
        return t.column(column)?.enumeration
    }
}
