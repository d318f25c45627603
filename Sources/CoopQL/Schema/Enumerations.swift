/// The code lists of the cooperative data model. Codes are ASCII and stable (scripts and outside
/// checks use them); labels are what people read.
public enum Enumerations {
    /// The codes of `kind` and their Vietnamese and English labels.
    public static let kind = Enumeration(name: "kind", values: [
        ("htx", "hợp tác xã", "cooperative"),
        ("union", "liên hiệp hợp tác xã", "union of cooperatives"),
        ("group", "tổ hợp tác", "cooperative group"),
    ])

    /// The codes of `sector` and their Vietnamese and English labels.
    public static let sector = Enumeration(name: "sector", values: [
        ("agriculture", "nông nghiệp", "agriculture"),
        ("handicraft", "tiểu thủ công nghiệp", "handicraft"),
        ("commerce", "thương mại", "commerce"),
        ("transport", "giao thông vận tải", "transport"),
        ("construction", "xây dựng", "construction"),
        ("environment", "vệ sinh môi trường", "environmental sanitation"),
        ("credit", "quỹ tín dụng nhân dân", "people's credit fund"),
        ("services", "dịch vụ", "services"),
        ("other", "khác", "other"),
    ])

    /// The codes of `status` and their Vietnamese and English labels.
    public static let status = Enumeration(name: "status", values: [
        ("active", "đang hoạt động", "active"),
        ("inactive", "ngừng hoạt động", "inactive"),
        ("dissolved", "giải thể", "dissolved"),
    ])

    /// The codes of `rating` and their Vietnamese and English labels.
    public static let rating = Enumeration(name: "rating", values: [
        ("good", "hiệu quả", "effective"),
        ("average", "trung bình", "average"),
        ("weak", "yếu, kém", "weak"),
    ])

    /// The codes of `gender` and their Vietnamese and English labels.
    public static let gender = Enumeration(name: "gender", values: [
        ("male", "nam", "male"),
        ("female", "nữ", "female"),
    ])

    /// The codes of `role` and their Vietnamese and English labels.
    public static let role = Enumeration(name: "role", values: [
        ("member", "thành viên", "member"),
        ("chair", "chủ tịch hội đồng quản trị", "board chair"),
        ("director", "giám đốc", "director"),
        ("supervisor", "kiểm soát viên", "supervisor"),
        ("accountant", "kế toán", "accountant"),
    ])

    /// The codes of `education` and their Vietnamese and English labels.
    public static let education = Enumeration(name: "education", values: [
        ("primary", "tiểu học", "primary school"),
        ("lower_secondary", "trung học cơ sở", "lower secondary"),
        ("upper_secondary", "trung học phổ thông", "upper secondary"),
        ("intermediate", "trung cấp", "intermediate vocational"),
        ("college", "cao đẳng", "college"),
        ("university", "đại học", "university"),
        ("postgraduate", "sau đại học", "postgraduate"),
    ])

    /// The codes of `fund` and their Vietnamese and English labels.
    public static let fund = Enumeration(name: "fund", values: [
        ("support_fund", "Quỹ hỗ trợ phát triển hợp tác xã", "Cooperative Development Support Fund"),
        ("job_creation", "chương trình cho vay hỗ trợ tạo việc làm", "job-creation loan programme"),
        ("bank", "ngân hàng thương mại", "commercial bank"),
        ("other", "nguồn khác", "other source"),
    ])

    /// The codes of `loan_status` and their Vietnamese and English labels.
    public static let loanStatus = Enumeration(name: "loan_status", values: [
        ("current", "trong hạn", "current"),
        ("repaid", "đã trả hết", "repaid"),
        ("overdue", "quá hạn", "overdue"),
    ])

    /// The codes of `topic` and their Vietnamese and English labels.
    public static let topic = Enumeration(name: "topic", values: [
        ("collective_economy", "kiến thức kinh tế tập thể", "collective economy"),
        ("vietgap", "quy trình VietGAP, GlobalGAP", "VietGAP and GlobalGAP practice"),
        ("ecommerce", "thương mại điện tử", "e-commerce"),
        ("law", "Luật Hợp tác xã", "the Law on Cooperatives"),
        ("founding", "tuyên truyền thành lập hợp tác xã", "founding a cooperative"),
        ("policy", "chính sách hỗ trợ", "support policies"),
        ("management", "quản lý, điều hành hợp tác xã", "cooperative management"),
        ("supervision", "kiểm soát hợp tác xã", "supervisory work"),
    ])

    /// The codes of `audience` and their Vietnamese and English labels.
    public static let audience = Enumeration(name: "audience", values: [
        ("founders", "sáng lập viên", "founders"),
        ("managers", "cán bộ quản lý, điều hành", "managers"),
        ("chairs_directors", "chủ tịch hội đồng quản trị, giám đốc", "board chairs and directors"),
        ("supervisors", "ban kiểm soát", "supervisory boards"),
        ("members", "thành viên", "members"),
        ("officials", "cán bộ các cấp", "officials"),
        ("community", "người dân", "the public"),
    ])

    /// The codes of `program` and their Vietnamese and English labels.
    public static let program = Enumeration(name: "program", values: [
        ("agri_value_chain_2022_2025",
         "Đề án nâng cao năng lực HTX nông nghiệp theo chuỗi giá trị gắn với nông thôn mới, 2022–2025",
         "agricultural cooperatives, value chains and new rural areas, 2022–2025"),
        ("ethnic_minority_2022_2025",
         "Đề án phát triển kinh tế hợp tác vùng đồng bào dân tộc thiểu số, 2022–2025",
         "cooperatives in ethnic-minority areas, 2022–2025"),
    ])

    /// The codes of `promotion_kind` and their Vietnamese and English labels.
    public static let promotionKind = Enumeration(name: "promotion_kind", values: [
        ("fair", "hội chợ", "trade fair"),
        ("online_market", "phiên chợ online", "online market session"),
    ])

    /// The codes of `activity_kind` and their Vietnamese and English labels.
    public static let activityKind = Enumeration(name: "activity_kind", values: [
        ("founder_advice", "tư vấn nhóm sáng lập viên", "advice to a founder group"),
        ("founding_conference", "hội nghị thành lập hợp tác xã", "founding conference"),
        ("survey", "khảo sát hợp tác xã", "survey of cooperatives"),
        ("publication", "phát hành bản tin", "publication"),
        ("staffing_support", "hỗ trợ nguồn nhân lực", "staffing support"),
    ])

    /// The codes of `product_category` and their Vietnamese and English labels.
    public static let productCategory = Enumeration(name: "product_category", values: [
        ("fresh", "nông sản tươi", "fresh produce"),
        ("processed", "nông sản chế biến", "processed food"),
        ("tea", "chè", "tea"),
        ("handicraft", "thủ công mỹ nghệ", "handicraft"),
        ("seafood", "thủy sản", "seafood"),
        ("other", "khác", "other"),
    ])

    /// The codes of `certification` and their Vietnamese and English labels.
    public static let certification = Enumeration(name: "certification", values: [
        ("vietgap", "VietGAP", "VietGAP"),
        ("globalgap", "GlobalGAP", "GlobalGAP"),
        ("organic", "hữu cơ", "organic"),
        ("food_safety", "đủ điều kiện an toàn thực phẩm", "food-safety certified"),
    ])

    /// The codes of `indicator` and their Vietnamese and English labels.
    public static let indicator = Enumeration(name: "indicator", values: [
        ("new_htx", "số HTX thành lập mới", "new cooperatives"),
        ("join_alliance", "số HTX gia nhập Liên minh HTX", "cooperatives joining the Alliance"),
        ("new_model_htx", "số HTX kiểu mới", "new-model cooperatives"),
        ("managers_trained_pct", "tỷ lệ cán bộ quản lý HTX có trình độ trung cấp trở lên (%)",
         "share of managers trained to intermediate level or above (%)"),
        ("support_fund_capital", "vốn điều lệ Quỹ hỗ trợ phát triển HTX (đồng)", "support fund charter capital (VND)"),
        ("pre_founding_classes", "số lớp tuyên truyền tiền thành lập HTX", "pre-founding classes"),
        ("pre_founding_attendees", "số học viên lớp tiền thành lập", "pre-founding attendees"),
        ("founder_groups", "số nhóm sáng lập viên được tư vấn", "founder groups advised"),
        ("founding_conferences", "số hội nghị thành lập HTX", "founding conferences"),
        ("registered_htx", "số HTX đăng ký thành lập", "cooperatives registered"),
        ("certified_effective", "số HTX đạt tiêu chí 3.2", "cooperatives certified effective"),
        ("value_chain_htx", "số HTX liên kết chuỗi giá trị", "value-chain cooperatives"),
    ])

    /// Every enumeration, for `label()` and for checking codes in comparisons.
    public static let all: [Enumeration] = [
        kind, sector, status, rating, gender, role, education, fund, loanStatus, topic, audience, program,
        promotionKind, activityKind, productCategory, certification, indicator,
    ]

    /// The label of a code in whichever enumeration holds it; nil when no enumeration does.
    public static func label(_ code: String, _ language: Language) -> String? {
        for e in all { if let l = e.label(code, language) { return l } }
        return nil
    }
}
