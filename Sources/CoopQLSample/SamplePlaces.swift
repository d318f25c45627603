import CoopQL

/// Districts and communes of the four sample provinces, as they were at each report date (before
/// the 2025 reorganisation). Bạc Liêu's list is complete — its 7 district-level units and 64
/// communes, wards and townships, as the H1 2022 report counts them (15 wards and townships, 49
/// communes; checked against a public listing of the pre-2025 units). The other three lists are
/// real names written from general knowledge, not checked against the official register, and
/// not complete (a sample need not cover every commune).
enum SamplePlaces {
    private static func d(_ name: String, _ ethnic: Double = 0, _ communes: [String]) -> SampleDistrict {
        SampleDistrict(name: name, communes: communes, ethnicShare: ethnic)
    }

    private static func x(_ names: String...) -> [String] { names.map { "Xã " + $0 } }
    private static func p(_ names: String...) -> [String] { names.map { "Phường " + $0 } }
    private static func t(_ name: String) -> String { "Thị trấn " + name }

    static let bacLieu: [SampleDistrict] = [
        d("Thành phố Bạc Liêu", 0.05, p("1", "2", "3", "5", "7", "8", "Nhà Mát") + x("Hiệp Thành", "Vĩnh Trạch", "Vĩnh Trạch Đông")),
        d("Giá Rai", 0.05, p("1", "Hộ Phòng", "Láng Tròn")
            + x("Phong Thạnh", "Phong Thạnh A", "Phong Thạnh Đông", "Phong Thạnh Tây", "Phong Tân", "Tân Phong", "Tân Thạnh")),
        d("Đông Hải", 0.05, [t("Gành Hào")] + x("Long Điền", "Long Điền Đông", "Long Điền Đông A", "Long Điền Tây", "Điền Hải",
                                                 "An Trạch", "An Trạch A", "An Phúc", "Định Thành", "Định Thành A")),
        d("Hòa Bình", 0.2, [t("Hòa Bình")] + x("Minh Diệu", "Vĩnh Bình", "Vĩnh Mỹ A", "Vĩnh Mỹ B", "Vĩnh Hậu", "Vĩnh Hậu A", "Vĩnh Thịnh")),
        d("Hồng Dân", 0.2, [t("Ngan Dừa")] + x("Ninh Quới", "Ninh Quới A", "Ninh Hòa", "Lộc Ninh", "Vĩnh Lộc", "Vĩnh Lộc A",
                                                "Ninh Thạnh Lợi", "Ninh Thạnh Lợi A")),
        d("Phước Long", 0.2, [t("Phước Long")] + x("Phước Long", "Vĩnh Phú Đông", "Vĩnh Phú Tây", "Vĩnh Thanh",
                                                    "Phong Thạnh Tây A", "Phong Thạnh Tây B", "Hưng Phú")),
        d("Vĩnh Lợi", 0.3, [t("Châu Hưng")] + x("Châu Hưng A", "Hưng Thành", "Hưng Hội", "Châu Thới", "Vĩnh Hưng", "Vĩnh Hưng A", "Long Thạnh")),
    ]

    static let bacNinh: [SampleDistrict] = [
        d("Thành phố Bắc Ninh", 0, p("Vũ Ninh", "Đáp Cầu", "Thị Cầu", "Kinh Bắc", "Vệ An", "Đại Phúc", "Võ Cường", "Hòa Long",
                                     "Vạn An", "Khúc Xuyên", "Phong Khê", "Kim Chân", "Vân Dương", "Nam Sơn", "Khắc Niệm", "Hạp Lĩnh")),
        d("Từ Sơn", 0, p("Đông Ngàn", "Tân Hồng", "Đồng Kỵ", "Trang Hạ", "Đồng Nguyên", "Châu Khê", "Tam Sơn", "Tương Giang",
                          "Đình Bảng", "Phù Chẩn", "Hương Mạc", "Phù Khê")),
        d("Yên Phong", 0, [t("Chờ")] + x("Dũng Liệt", "Tam Đa", "Tam Giang", "Yên Trung", "Thụy Hòa", "Hòa Tiến", "Đông Tiến",
                                          "Yên Phụ", "Trung Nghĩa", "Đông Phong", "Long Châu", "Văn Môn", "Đông Thọ")),
        d("Quế Võ", 0, [t("Phố Mới")] + x("Phương Liễu", "Phượng Mao", "Việt Hùng", "Bằng An", "Phù Lãng", "Đào Viên", "Châu Phong",
                                           "Ngọc Xá", "Mộ Đạo", "Cách Bi", "Đức Long", "Nhân Hòa", "Bồng Lai", "Đại Xuân", "Chi Lăng")),
        d("Tiên Du", 0, [t("Lim")] + x("Phú Lâm", "Nội Duệ", "Liên Bão", "Hiên Vân", "Hoàn Sơn", "Lạc Vệ", "Việt Đoàn", "Phật Tích",
                                        "Tân Chi", "Đại Đồng", "Tri Phương", "Minh Đạo", "Cảnh Hưng")),
        d("Thuận Thành", 0, [t("Hồ")] + x("Hoài Thượng", "Đại Đồng Thành", "Mão Điền", "Song Hồ", "Đình Tổ", "An Bình", "Trí Quả",
                                           "Gia Đông", "Thanh Khương", "Trạm Lộ", "Xuân Lâm", "Hà Mãn", "Ngũ Thái", "Nguyệt Đức")),
        d("Gia Bình", 0, [t("Gia Bình")] + x("Vạn Ninh", "Thái Bảo", "Giang Sơn", "Cao Đức", "Đại Lai", "Song Giang", "Bình Dương",
                                              "Lãng Ngâm", "Nhân Thắng", "Xuân Lai", "Đông Cứu", "Đại Bái", "Quỳnh Phú")),
        d("Lương Tài", 0, [t("Thứa")] + x("An Thịnh", "Trung Kênh", "Phú Hòa", "Mỹ Hương", "Tân Lãng", "Quảng Phú", "Trừng Xá",
                                           "Lai Hạ", "Trung Chính", "Minh Tân", "Bình Định", "Phú Lương", "Lâm Thao")),
    ]

    static let binhPhuoc: [SampleDistrict] = [
        d("Đồng Xoài", 0.05, p("Tân Phú", "Tân Đồng", "Tân Bình", "Tân Xuân", "Tân Thiện", "Tiến Thành") + x("Tân Thành", "Tiến Hưng")),
        d("Bình Long", 0.2, p("An Lộc", "Hưng Chiến", "Phú Thịnh", "Phú Đức") + x("Thanh Lương", "Thanh Phú")),
        d("Phước Long", 0.3, p("Long Thủy", "Phước Bình", "Thác Mơ", "Long Phước", "Sơn Giang") + x("Long Giang", "Phước Tín")),
        d("Chơn Thành", 0.1, p("Hưng Long", "Minh Hưng", "Minh Long", "Minh Thành") + x("Nha Bích", "Minh Thắng", "Thành Tâm", "Quang Minh")),
        d("Bù Đăng", 0.85, [t("Đức Phong")] + x("Đăng Hà", "Thống Nhất", "Đak Nhau", "Đường 10", "Bom Bo", "Minh Hưng", "Nghĩa Trung",
                                                 "Nghĩa Bình", "Đức Liễu", "Thọ Sơn", "Phú Sơn", "Đoàn Kết", "Phước Sơn", "Bình Minh")),
        d("Bù Gia Mập", 0.9, x("Phú Nghĩa", "Đa Kia", "Bình Thắng", "Phước Minh", "Đức Hạnh", "Phú Văn", "Bù Gia Mập", "Đak Ơ")),
        d("Bù Đốp", 0.8, [t("Thanh Bình")] + x("Hưng Phước", "Phước Thiện", "Thiện Hưng", "Thanh Hòa", "Tân Thành", "Tân Tiến")),
        d("Lộc Ninh", 0.8, [t("Lộc Ninh")] + x("Lộc Hòa", "Lộc An", "Lộc Tấn", "Lộc Thạnh", "Lộc Hiệp", "Lộc Thiện", "Lộc Thuận",
                                                "Lộc Quang", "Lộc Phú", "Lộc Thành", "Lộc Thái", "Lộc Điền", "Lộc Hưng", "Lộc Khánh")),
        d("Hớn Quản", 0.6, [t("Tân Khai")] + x("Thanh An", "An Khương", "An Phú", "Tân Lợi", "Tân Hưng", "Minh Đức", "Minh Tâm",
                                                "Phước An", "Thanh Bình", "Tân Hiệp", "Tân Quan", "Đồng Nơ")),
        d("Đồng Phú", 0.5, [t("Tân Phú")] + x("Thuận Lợi", "Đồng Tâm", "Tân Phước", "Tân Hưng", "Tân Lợi", "Tân Lập", "Tân Hòa",
                                               "Thuận Phú", "Đồng Tiến", "Tân Tiến")),
        d("Phú Riềng", 0.6, x("Long Hưng", "Bù Nho", "Long Hà", "Long Tân", "Phú Riềng", "Phước Tân", "Long Bình", "Bình Tân",
                              "Bình Sơn", "Phú Trung")),
    ]

    /// Bắc Kạn in 2018: the provincial city and seven districts, nearly all of it an
    /// ethnic-minority area (Tày, Nùng, Dao, Mông).
    static let bacKan: [SampleDistrict] = [
        d("Thành phố Bắc Kạn", 0.4, p("Đức Xuân", "Nguyễn Thị Minh Khai", "Sông Cầu", "Phùng Chí Kiên", "Xuất Hóa", "Huyền Tụng")
            + x("Dương Quang", "Nông Thượng")),
        d("Ba Bể", 1, [t("Chợ Rã")] + x("Mỹ Phương", "Chu Hương", "Hà Hiệu", "Phúc Lộc", "Thượng Giáo", "Địa Linh", "Yến Dương",
                                         "Khang Ninh", "Nam Mẫu", "Cao Thượng", "Quảng Khê", "Đồng Phúc", "Hoàng Trĩ", "Bành Trạch")),
        d("Bạch Thông", 1, [t("Phủ Thông")] + x("Dương Phong", "Quang Thuận", "Đôn Phong", "Vi Hương", "Tân Tú", "Lục Bình",
                                                 "Cẩm Giàng", "Quân Hà", "Nguyên Phúc", "Mỹ Thanh", "Sĩ Bình", "Vũ Muộn", "Cao Sơn")),
        d("Chợ Mới", 1, [t("Chợ Mới")] + x("Thanh Vận", "Thanh Mai", "Thanh Thịnh", "Nông Hạ", "Như Cố", "Quảng Chu", "Yên Đĩnh",
                                            "Hòa Mục", "Cao Kỳ", "Tân Sơn", "Yên Hân", "Bình Văn", "Mai Lạp")),
        d("Chợ Đồn", 1, [t("Bằng Lũng")] + x("Ngọc Phái", "Đồng Lạc", "Nam Cường", "Yên Thượng", "Bản Thi", "Yên Thịnh",
                                              "Lương Bằng", "Nghĩa Tá", "Bằng Lãng", "Đại Sảo", "Quảng Bạch")),
        d("Na Rì", 1, [t("Yến Lạc")] + x("Kim Lư", "Côn Minh", "Cư Lễ", "Hảo Nghĩa", "Lương Thượng", "Văn Lang", "Sơn Thành",
                                          "Văn Minh", "Kim Hỷ", "Lạng San")),
        d("Ngân Sơn", 1, [t("Nà Phặc")] + x("Vân Tùng", "Bằng Vân", "Thượng Quan", "Đức Vân", "Cốc Đán", "Hiệp Lực", "Thuần Mang", "Trung Hòa")),
        d("Pác Nặm", 1, x("Bộc Bố", "Nghiên Loan", "Cao Tân", "Xuân La", "An Thắng", "Công Bằng", "Giáo Hiệu", "Bằng Thành",
                          "Nhạn Môn", "Cổ Linh")),
    ]

    /// Generic districts for a province outside the four: its capital city ("Thành phố …", or
    /// "Quận 1…" for a centrally-run city), then "Huyện 1…"; communes "Xã 1…" / "Phường 1…".
    /// Real names are not bundled for the other 59 provinces; these make that plain.
    static func generic(province: Provinces.Province, count: Int, communesEach: Int, ethnicShare: Double) -> [SampleDistrict] {
        (0..<count).map { i in
            let urban = i == 0 || (province.isCity && i < count / 2)
            let name = province.isCity ? (urban ? "Quận \(i + 1)" : "Huyện \(i + 1)") : (i == 0 ? "Thành phố \(province.name)" : "Huyện \(i)")
            let communes = (1...communesEach).map { urban ? "Phường \($0)" : "Xã \($0)" }
            return SampleDistrict(name: name, communes: communes, ethnicShare: urban ? 0 : ethnicShare)
        }
    }
}
