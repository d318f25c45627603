import CoopQLBase

/// The 63 provinces and centrally-run cities as they were until 30 June 2025, their
/// socio-economic region, and the province each belongs to since 1 July 2025, so that older
/// figures roll up under today's 34 provinces with a join.
///
/// Sources: Resolution 202/2025/QH15 of the National Assembly (12 June 2025) on the arrangement of
/// provincial-level administrative units, which merged 52 of the 63 into 23 and left 11 unchanged;
/// the six socio-economic regions follow Decree 81/2012 (later kept by the 2021–2030 national
/// master plan). Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025.
public enum Provinces {
    /// One province or centrally run city before the 2025 merger.
    public struct Province: Sendable {
        /// Its name, as in the data (`Bắc Ninh`).
        public let name: String
        /// The region it lies in.
        public let region: String
        /// The province it belongs to since 1 July 2025.
        public let mergedInto: String
        /// Whether it is a centrally run city.
        public let isCity: Bool
    }

    package static let northernMountains = "Trung du và miền núi phía Bắc"
    package static let redRiverDelta = "Đồng bằng sông Hồng"
    package static let centralCoast = "Bắc Trung Bộ và duyên hải miền Trung"
    package static let centralHighlands = "Tây Nguyên"
    package static let southeast = "Đông Nam Bộ"
    package static let mekongDelta = "Đồng bằng sông Cửu Long"

    static func p(_ name: String, _ region: String, _ mergedInto: String? = nil, city: Bool = false) -> Province {
        Province(name: name, region: region, mergedInto: mergedInto ?? name, isCity: city)
    }

    /// All 63, in the usual order.
    public static let all: [Province] = [
        p("Hà Giang", northernMountains, "Tuyên Quang"),
        p("Cao Bằng", northernMountains),
        p("Bắc Kạn", northernMountains, "Thái Nguyên"),
        p("Tuyên Quang", northernMountains),
        p("Lào Cai", northernMountains),
        p("Điện Biên", northernMountains),
        p("Lai Châu", northernMountains),
        p("Sơn La", northernMountains),
        p("Yên Bái", northernMountains, "Lào Cai"),
        p("Hòa Bình", northernMountains, "Phú Thọ"),
        p("Thái Nguyên", northernMountains),
        p("Lạng Sơn", northernMountains),
        p("Bắc Giang", northernMountains, "Bắc Ninh"),
        p("Phú Thọ", northernMountains),
        p("Hà Nội", redRiverDelta, city: true),
        p("Vĩnh Phúc", redRiverDelta, "Phú Thọ"),
        p("Bắc Ninh", redRiverDelta),
        p("Quảng Ninh", redRiverDelta),
        p("Hải Dương", redRiverDelta, "Hải Phòng"),
        p("Hải Phòng", redRiverDelta, city: true),
        p("Hưng Yên", redRiverDelta),
        p("Thái Bình", redRiverDelta, "Hưng Yên"),
        p("Hà Nam", redRiverDelta, "Ninh Bình"),
        p("Nam Định", redRiverDelta, "Ninh Bình"),
        p("Ninh Bình", redRiverDelta),
        p("Thanh Hóa", centralCoast),
        p("Nghệ An", centralCoast),
        p("Hà Tĩnh", centralCoast),
        p("Quảng Bình", centralCoast, "Quảng Trị"),
        p("Quảng Trị", centralCoast),
        p("Thừa Thiên Huế", centralCoast, "Huế", city: true),
        p("Đà Nẵng", centralCoast, city: true),
        p("Quảng Nam", centralCoast, "Đà Nẵng"),
        p("Quảng Ngãi", centralCoast),
        p("Bình Định", centralCoast, "Gia Lai"),
        p("Phú Yên", centralCoast, "Đắk Lắk"),
        p("Khánh Hòa", centralCoast),
        p("Ninh Thuận", centralCoast, "Khánh Hòa"),
        p("Bình Thuận", centralCoast, "Lâm Đồng"),
        p("Kon Tum", centralHighlands, "Quảng Ngãi"),
        p("Gia Lai", centralHighlands),
        p("Đắk Lắk", centralHighlands),
        p("Đắk Nông", centralHighlands, "Lâm Đồng"),
        p("Lâm Đồng", centralHighlands),
        p("Bình Phước", southeast, "Đồng Nai"),
        p("Tây Ninh", southeast),
        p("Bình Dương", southeast, "TP. Hồ Chí Minh"),
        p("Đồng Nai", southeast),
        p("Bà Rịa - Vũng Tàu", southeast, "TP. Hồ Chí Minh"),
        p("TP. Hồ Chí Minh", southeast, city: true),
        p("Long An", mekongDelta, "Tây Ninh"),
        p("Tiền Giang", mekongDelta, "Đồng Tháp"),
        p("Bến Tre", mekongDelta, "Vĩnh Long"),
        p("Trà Vinh", mekongDelta, "Vĩnh Long"),
        p("Vĩnh Long", mekongDelta),
        p("Đồng Tháp", mekongDelta),
        p("An Giang", mekongDelta),
        p("Kiên Giang", mekongDelta, "An Giang"),
        p("Cần Thơ", mekongDelta, city: true),
        p("Hậu Giang", mekongDelta, "Cần Thơ"),
        p("Sóc Trăng", mekongDelta, "Cần Thơ"),
        p("Bạc Liêu", mekongDelta, "Cà Mau"),
        p("Cà Mau", mekongDelta),
    ]

    /// The provinces as a table (`provinces` in queries).
    public static var table: Table {
        Table(schema: CoreSchema.provinces.tableSchema, columns: [
            Column.from(all.map { .text($0.name) }, type: .text),
            Column.from(all.map { .text($0.region) }, type: .text),
            Column.from(all.map { .text($0.mergedInto) }, type: .text),
            Column.from(all.map { .bool($0.isCity) }, type: .bool),
        ], rowCount: all.count)
    }
}
