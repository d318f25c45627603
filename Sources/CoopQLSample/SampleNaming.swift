import CoopQL

/// Names of organisations, places and products. Village names are invented from common
/// Sino-Vietnamese place syllables; they read like real ones but are not checked against any map.

/// What a region's cooperatives and products are typically about.
struct SampleFlavour {
    /// Words after "HTX" for an agricultural cooperative.
    let agriculture: [String]
    /// What a cooperative group (tổ hợp tác) does, after "Tổ hợp tác".
    let groups: [String]
    /// Typical products: name and category.
    let products: [(String, ProductCategory)]

    static let redRiverDelta = SampleFlavour(
        agriculture: ["Dịch vụ Nông nghiệp", "Dịch vụ Nông nghiệp", "Nông nghiệp", "Rau an toàn", "Chăn nuôi", "Thủy sản", "Nông nghiệp Công nghệ cao"],
        groups: ["trồng rau", "sản xuất lúa", "chăn nuôi", "nuôi cá", "làm hương", "sản xuất nấm", "dịch vụ"],
        products: [("Gạo nếp cái hoa vàng", .fresh), ("Rau an toàn", .fresh), ("Nấm sò", .fresh), ("Bánh phu thê", .processed),
                   ("Bánh tẻ", .processed), ("Tương", .processed), ("Mật ong", .processed), ("Cá chép", .seafood),
                   ("Đồ gỗ mỹ nghệ", .handicraft), ("Tranh Đông Hồ", .handicraft), ("Gốm", .handicraft), ("Trứng gà", .fresh)])

    static let southeast = SampleFlavour(
        agriculture: ["Nông nghiệp", "Nông nghiệp Dịch vụ", "Điều", "Hồ tiêu", "Cao su", "Sầu riêng", "Cây ăn trái", "Chăn nuôi"],
        groups: ["trồng điều", "trồng tiêu", "trồng sầu riêng", "chăn nuôi", "trồng rau", "dịch vụ"],
        products: [("Hạt điều rang muối", .processed), ("Nhân điều", .processed), ("Hồ tiêu", .processed), ("Sầu riêng", .fresh),
                   ("Chôm chôm", .fresh), ("Bưởi da xanh", .fresh), ("Cà phê bột", .processed), ("Mật ong", .processed),
                   ("Rượu điều", .processed), ("Măng cụt", .fresh)])

    static let mekongDelta = SampleFlavour(
        agriculture: ["Nông nghiệp", "Nông nghiệp Tôm lúa", "Nuôi trồng Thủy sản", "Lúa gạo", "Dịch vụ Nông nghiệp", "Diêm nghiệp", "Rau màu"],
        groups: ["nuôi tôm", "sản xuất lúa", "trồng rau màu", "nuôi cua", "làm muối", "chăn nuôi", "dịch vụ"],
        products: [("Gạo ST25", .fresh), ("Gạo Một bụi đỏ", .fresh), ("Tôm sú", .seafood), ("Cua biển", .seafood), ("Tôm khô", .seafood),
                   ("Khô cá", .seafood), ("Muối hạt", .processed), ("Nhãn cổ", .fresh), ("Rau má", .fresh),
                   ("Chuối sấy", .processed), ("Bánh tằm", .processed)])

    static let northernUplands = SampleFlavour(
        agriculture: ["Nông nghiệp", "Chè", "Miến dong", "Cam quýt", "Lâm nghiệp", "Dược liệu", "Chăn nuôi", "Nông lâm nghiệp"],
        groups: ["trồng chè", "trồng rừng", "chăn nuôi", "trồng dong riềng", "trồng cam", "dệt thổ cẩm"],
        products: [("Miến dong", .processed), ("Chè Shan tuyết", .tea), ("Cam sành", .fresh), ("Quýt", .fresh), ("Gạo nếp vải", .fresh),
                   ("Mơ", .fresh), ("Tinh bột nghệ", .processed), ("Măng khô", .processed), ("Thổ cẩm", .handicraft), ("Mật ong", .processed)])

    static let centralCoast = SampleFlavour(
        agriculture: ["Nông nghiệp", "Dịch vụ Nông nghiệp", "Thủy sản", "Muối", "Nông nghiệp Tổng hợp", "Chăn nuôi"],
        groups: ["đánh bắt hải sản", "sản xuất lúa", "trồng rau", "làm nước mắm", "chăn nuôi", "dịch vụ"],
        products: [("Nước mắm", .processed), ("Mực khô", .seafood), ("Gạo", .fresh), ("Tỏi", .fresh), ("Bánh tráng", .processed),
                   ("Chè xanh", .tea), ("Cá cơm", .seafood), ("Nón lá", .handicraft)])

    static let centralHighlands = SampleFlavour(
        agriculture: ["Nông nghiệp", "Cà phê", "Hồ tiêu", "Nông nghiệp Dịch vụ", "Rau hoa", "Cây ăn trái"],
        groups: ["trồng cà phê", "trồng tiêu", "trồng rau", "chăn nuôi", "dệt thổ cẩm"],
        products: [("Cà phê nhân", .processed), ("Cà phê bột", .processed), ("Hồ tiêu", .processed), ("Bơ", .fresh),
                   ("Sầu riêng", .fresh), ("Mắc ca", .processed), ("Atiso", .processed), ("Thổ cẩm", .handicraft)])
}

enum SampleNaming {
    /// Words after "HTX" for each sector but agriculture (which takes the region's flavour) and
    /// credit (named "Quỹ tín dụng nhân dân …").
    static let sectorWords: [Sector: [String]] = [
        .handicraft: ["Mây tre đan", "Gỗ mỹ nghệ", "Thủ công mỹ nghệ", "Dệt may", "Gốm", "Cơ khí", "Tiểu thủ công nghiệp"],
        .commerce: ["Thương mại", "Thương mại và Dịch vụ", "Thương mại Tổng hợp"],
        .transport: ["Vận tải", "Vận tải hành khách", "Dịch vụ Vận tải", "Vận tải và Du lịch"],
        .construction: ["Xây dựng", "Xây dựng và Dịch vụ"],
        .environment: ["Vệ sinh Môi trường", "Môi trường", "Dịch vụ Môi trường"],
        .services: ["Dịch vụ Tổng hợp", "Điện năng", "Nước sạch", "Dịch vụ Du lịch"],
        .other: ["Sản xuất và Dịch vụ", "Tổng hợp", "Sản xuất Kinh doanh"],
    ]

    static let placeSyllables = ["An", "Bình", "Phú", "Tân", "Hòa", "Đông", "Xuân", "Yên", "Phúc", "Thịnh", "Lạc", "Hưng",
                                 "Mỹ", "Ninh", "Thái", "Long", "Quang", "Trung", "Hạ", "Thượng", "Nội", "Đình", "Khê",
                                 "Xá", "Vĩnh", "Thanh", "Hiệp", "Đức", "Lộc", "Tiến", "Thắng", "Lợi", "Sơn", "Giang",
                                 "Cầu", "Hồng", "Kim", "Nghĩa", "Phong", "Thuận", "Văn", "Tường", "Bảo", "Định"]

    /// An invented village name of two syllables ("Đông Xá", "Phú Lộc").
    static func village(_ rng: inout SampleRandom) -> String {
        let a = rng.pick(placeSyllables)
        var b = rng.pick(placeSyllables)
        while b == a { b = rng.pick(placeSyllables) }
        return a + " " + b
    }

    /// The bare name of a commune ("Xã Vĩnh Thanh" → "Vĩnh Thanh"), nil for numbered wards.
    static func bare(_ commune: String?) -> String? {
        guard let commune else { return nil }
        var name = Substring(commune)
        for prefix in ["Thị trấn ", "Phường ", "Xã "] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
            break
        }
        return name.first?.isNumber == true ? nil : String(name)
    }

    /// A place for a name: the commune itself, or a village in it.
    static func place(_ commune: String?, _ rng: inout SampleRandom) -> String {
        if let bare = bare(commune), rng.chance(0.55) { return bare }
        return village(&rng)
    }

    /// A plausible name for an organisation; `used` keeps names unique within the province. A
    /// clash is drawn again a few times, then numbered, as real registers do ("HTX Dịch vụ Nông
    /// nghiệp Phù Khê 2").
    static func name(kind: OrgKind, sector: Sector, commune: String?, flavour: SampleFlavour,
                     province: String, used: inout Set<String>, _ rng: inout SampleRandom) -> String {
        var base = ""
        for _ in 0..<4 {
            base = draft(kind: kind, sector: sector, commune: commune, flavour: flavour, province: province, &rng)
            if !used.contains(base) { break }
        }
        var name = base
        var n = 2
        while used.contains(name) {
            name = base + " " + String(n)
            n += 1
        }
        used.insert(name)
        return name
    }

    private static func draft(kind: OrgKind, sector: Sector, commune: String?, flavour: SampleFlavour, province: String,
                              _ rng: inout SampleRandom) -> String {
        switch kind {
        case .group:
            return "Tổ hợp tác " + rng.pick(flavour.groups) + " " + place(commune, &rng)
        case .union:
            let word = sector == .agriculture ? rng.pick(flavour.agriculture) : rng.pick(sectorWords[sector] ?? ["Tổng hợp"])
            return "Liên hiệp HTX " + word + " " + (rng.chance(0.5) ? province : place(commune, &rng))
        case .htx:
            switch sector {
            case .credit: return "Quỹ tín dụng nhân dân " + (rng.chance(0.8) ? bare(commune) ?? village(&rng) : village(&rng))
            case .agriculture: return "HTX " + rng.pick(flavour.agriculture) + " " + place(commune, &rng)
            default: return "HTX " + rng.pick(sectorWords[sector] ?? ["Tổng hợp"]) + " " + place(commune, &rng)
            }
        }
    }
}
