import CoopQL

/// Vietnamese personal names: family name, middle name, given name, the middle and given names
/// matching the person's gender. Family names follow the region (Hoàng and Vũ in the north,
/// Huỳnh and Võ in the south; Tày and Nùng family names in the northern uplands), with rough
/// national frequencies. Names are kept as UTF-8 bytes, ready to copy into a row.
struct SampleNamePool {
    let families: [[UInt8]]
    /// Cumulative weights of `families`, for a draw by binary-free linear scan (the list is short).
    let familyWeights: [Int]
    let familyTotal: Int

    init(_ weighted: [(String, Int)]) {
        families = weighted.map { Array($0.0.utf8) }
        var running = 0
        familyWeights = weighted.map { running += $0.1; return running }
        familyTotal = running
    }

    @inline(__always)
    func family(_ rng: inout SampleRandom) -> [UInt8] {
        let r = rng.below(familyTotal)
        var i = 0
        while familyWeights[i] <= r { i += 1 }
        return families[i]
    }

    static let maleMiddle = bytes(["Văn", "Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Ngọc",
                                   "Đình", "Tiến", "Quốc", "Mạnh", "Trọng", "Bá"])
    /// Older women's middle name is most often Thị; younger women's less so.
    static let femaleMiddle = bytes(["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Phương", "Kim", "Thúy", "Bích", "Mỹ",
                                     "Lan", "Hải", "Diệu"])
    static let maleGiven = bytes(["Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Sơn", "Thắng", "Cường", "Bình",
                                  "Hòa", "Quang", "Tùng", "Phong", "Lâm", "Khánh", "Đức", "Trung", "Thành", "Hiếu",
                                  "Hưng", "Tâm", "Vinh", "Toàn", "Tú", "Việt", "Hoàng", "Kiên", "Lợi", "Phúc", "Tài",
                                  "Thịnh", "Tiến", "Quý", "Hậu", "Chiến", "Đạt", "Huy", "Nghĩa", "Phát", "Sang", "Tín",
                                  "Thái", "An", "Bảo", "Công", "Duy", "Giang", "Khoa", "Lộc", "Mạnh", "Nhân", "Quân"])
    static let femaleGiven = bytes(["Lan", "Hoa", "Hương", "Hà", "Mai", "Thảo", "Trang", "Linh", "Nga", "Hạnh", "Huyền",
                                    "Nhung", "Thủy", "Yến", "Loan", "Liên", "Hằng", "Dung", "Tuyết", "Oanh", "Phượng",
                                    "Thu", "Vân", "Ngọc", "Quyên", "Nhàn", "Diệp", "Hiền", "Thắm", "Xuân", "Chi", "Giang",
                                    "Hồng", "Khuyên", "Lý", "My", "Nguyệt", "Nhi", "Phương", "Tâm", "Thơm", "Uyên", "Vy"])

    static func bytes(_ names: [String]) -> [[UInt8]] { names.map { Array($0.utf8) } }

    static let north = SampleNamePool([
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 45), ("Vũ", 40), ("Phan", 30), ("Đỗ", 25),
        ("Đặng", 22), ("Bùi", 22), ("Ngô", 15), ("Dương", 12), ("Đinh", 10), ("Trịnh", 10), ("Đào", 10), ("Lương", 6),
        ("Hà", 6), ("Tạ", 4), ("Chu", 4), ("Lý", 3), ("Cao", 4),
    ])
    static let northernUplands = SampleNamePool([
        ("Hoàng", 110), ("Nông", 90), ("Nguyễn", 90), ("Hà", 60), ("Triệu", 55), ("Ma", 40), ("Lục", 30), ("Bế", 25),
        ("Lường", 20), ("Đàm", 20), ("Lý", 25), ("Hứa", 15), ("Dương", 20), ("Lâm", 15), ("Trần", 25), ("Lưu", 10),
        ("Mã", 10), ("Bàn", 20), ("Lò", 10), ("Vi", 10),
    ])
    static let central = SampleNamePool([
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 110), ("Phạm", 60), ("Hồ", 40), ("Phan", 45), ("Võ", 40), ("Hoàng", 25),
        ("Đặng", 20), ("Bùi", 18), ("Ngô", 18), ("Huỳnh", 20), ("Đỗ", 15), ("Trương", 12), ("Lương", 8), ("Thái", 8),
        ("Đinh", 10), ("Cao", 6),
    ])
    static let south = SampleNamePool([
        ("Nguyễn", 380), ("Trần", 120), ("Lê", 95), ("Phạm", 60), ("Huỳnh", 55), ("Võ", 45), ("Phan", 35), ("Trương", 25),
        ("Đặng", 18), ("Bùi", 15), ("Ngô", 15), ("Dương", 14), ("Lý", 12), ("Đỗ", 12), ("Hồ", 15), ("Lâm", 12),
        ("Tô", 6), ("Thạch", 8), ("Danh", 6), ("Châu", 6), ("Mai", 6),
    ])

    static func pool(for region: NameRegion) -> SampleNamePool {
        switch region {
        case .north: return north
        case .northernUplands: return northernUplands
        case .central: return central
        case .south: return south
        }
    }
}

/// The fixed code bytes of the member columns.
enum MemberCodes {
    static let male = Array("male".utf8)
    static let female = Array("female".utf8)
    static let roles: [[UInt8]] = ["member", "chair", "director", "supervisor", "accountant"].map { Array($0.utf8) }
    static let education: [[UInt8]] = ["primary", "lower_secondary", "upper_secondary", "intermediate", "college",
                                       "university", "postgraduate"].map { Array($0.utf8) }
    /// Education weights of ordinary members and of managers (chairs, directors, accountants,
    /// supervisors), in the order of `education`; managers have trained further.
    static let memberEducation = [15, 36, 30, 9, 4, 5, 1]
    static let managerEducation = [2, 8, 52, 18, 8, 11, 1]
    static let memberEducationTotal = memberEducation.reduce(0, +)
    static let managerEducationTotal = managerEducation.reduce(0, +)
}
