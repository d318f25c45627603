/// What an office's own files call the data model's columns, and which columns a file must have.
///
/// Registers kept in Excel name their columns in Vietnamese ("Tên HTX", "Số thành viên") and leave
/// out what the office does not track. A file loading as a table of the data model needs only the
/// columns that identify a row and make it countable (`requiredColumns`); any other declared
/// column it lacks loads as all-null, and an empty cell in such a column is null.
extension SchemaTable {
    /// The columns every file of this table must have, each cell holding a value: what identifies
    /// a row and what the recurring reports cannot count without.
    public var requiredColumns: [String] {
        switch name {
        case "cooperatives": return ["id", "name", "kind", "province"]
        case "members": return ["id", "coop_id"]
        case "loans": return ["id", "coop_id", "amount"]
        case "trainings": return ["id", "province", "held_on"]
        case "promotions": return ["id", "coop_id"]
        case "products": return ["id", "coop_id", "name"]
        case "plans": return ["province", "year", "indicator", "target"]
        case "activities": return ["id", "province", "kind"]
        case "provinces": return ["name"]
        default: return columns.filter { !$0.nullable }.map(\.name)
        }
    }

    /// Whether a file must have this column, with a value in every row.
    public func requires(_ column: String) -> Bool { requiredColumns.contains(column) }

    /// The headers a column is known by besides its code name: Vietnamese first, then English.
    public func labels(of column: String) -> [String] {
        ColumnLabels.table[name]?[column] ?? []
    }
}

/// The Vietnamese and English headers of each declared column. A header matches when it equals
/// one of these, or the code name, once case, accents, spaces and punctuation are ignored
/// (see `HeaderMatching`).
enum ColumnLabels {
    static let table: [String: [String: [String]]] = [
        "cooperatives": [
            "id": ["Mã HTX", "Mã số HTX", "Mã hợp tác xã", "Cooperative id"],
            "name": ["Tên HTX", "Tên hợp tác xã", "Tên tổ chức", "Tên", "Name"],
            "kind": ["Loại hình", "Loại hình tổ chức", "Loại", "Kind", "Type"],
            "sector": ["Lĩnh vực", "Lĩnh vực hoạt động", "Ngành", "Ngành nghề", "Sector"],
            "province": ["Tỉnh", "Tỉnh/thành phố", "Tỉnh, thành phố", "Province"],
            "district": ["Huyện", "Quận/huyện", "Huyện/thị xã/thành phố", "District"],
            "commune": ["Xã", "Xã/phường", "Xã/phường/thị trấn", "Commune"],
            "founded": ["Ngày thành lập", "Ngày đăng ký", "Founded", "Date founded"],
            "status": ["Tình trạng", "Tình trạng hoạt động", "Trạng thái", "Status"],
            "rating": ["Xếp loại", "Kết quả xếp loại", "Đánh giá", "Rating"],
            "members": ["Số thành viên", "Thành viên", "Members", "Number of members"],
            "charter_capital": ["Vốn điều lệ", "Charter capital"],
            "tax_code": ["Mã số thuế", "MST", "Tax code"],
            "value_chain": ["Chuỗi giá trị", "Liên kết chuỗi giá trị", "Tham gia chuỗi giá trị", "Value chain"],
            "value_chain_since": ["Ngày tham gia chuỗi giá trị", "Value chain since"],
            "new_model": ["HTX kiểu mới", "Kiểu mới", "New model"],
            "certified_effective": ["Đạt tiêu chí 3.2", "Tiêu chí 3.2", "Certified effective"],
            "certified_on": ["Ngày đạt tiêu chí 3.2", "Certified on"],
            "ethnic_minority_area": ["Vùng đồng bào dân tộc thiểu số", "Vùng dân tộc thiểu số", "Vùng DTTS", "Ethnic minority area"],
        ],
        "members": [
            "id": ["Mã thành viên", "Member id"],
            "coop_id": ["Mã HTX", "Mã hợp tác xã", "Cooperative id"],
            "full_name": ["Họ và tên", "Họ tên", "Full name", "Name"],
            "gender": ["Giới tính", "Gender"],
            "birth_year": ["Năm sinh", "Birth year", "Year of birth"],
            "joined": ["Ngày vào", "Ngày gia nhập", "Joined"],
            "role": ["Chức vụ", "Vai trò", "Role"],
            "education": ["Trình độ", "Trình độ học vấn", "Education"],
            "contribution": ["Vốn góp", "Số vốn góp", "Contribution"],
        ],
        "loans": [
            "id": ["Mã khoản vay", "Loan id"],
            "coop_id": ["Mã HTX", "Mã hợp tác xã", "Cooperative id"],
            "fund": ["Nguồn vốn", "Quỹ", "Fund"],
            "amount": ["Số tiền", "Số tiền vay", "Số tiền giải ngân", "Amount"],
            "disbursed": ["Ngày giải ngân", "Disbursed"],
            "term_months": ["Thời hạn (tháng)", "Thời hạn", "Kỳ hạn", "Term", "Term months"],
            "status": ["Tình trạng", "Trạng thái", "Status"],
            "program": ["Chương trình", "Program", "Programme"],
            "note": ["Ghi chú", "Note"],
        ],
        "trainings": [
            "id": ["Mã lớp", "Class id"],
            "province": ["Tỉnh", "Province"],
            "district": ["Huyện", "District"],
            "held_on": ["Ngày tổ chức", "Ngày", "Held on", "Date"],
            "program": ["Chương trình", "Program", "Programme"],
            "topic": ["Chủ đề", "Nội dung", "Topic"],
            "audience": ["Đối tượng", "Audience"],
            "attendees": ["Số học viên", "Học viên", "Attendees"],
        ],
        "promotions": [
            "id": ["Id"],
            "coop_id": ["Mã HTX", "Mã hợp tác xã", "Cooperative id"],
            "event": ["Sự kiện", "Tên sự kiện", "Event"],
            "kind": ["Hình thức", "Loại", "Kind"],
            "held_on": ["Ngày tổ chức", "Ngày", "Held on", "Date"],
            "program": ["Chương trình", "Program", "Programme"],
        ],
        "products": [
            "id": ["Mã sản phẩm", "Product id"],
            "coop_id": ["Mã HTX", "Mã hợp tác xã", "Cooperative id"],
            "name": ["Tên sản phẩm", "Tên", "Name"],
            "category": ["Nhóm sản phẩm", "Loại sản phẩm", "Category"],
            "ocop_stars": ["Số sao OCOP", "Hạng sao", "Sao OCOP", "OCOP stars"],
            "certification": ["Chứng nhận", "Certification"],
            "listed_online": ["Giới thiệu trực tuyến", "Listed online"],
        ],
        "plans": [
            "province": ["Tỉnh", "Province"],
            "year": ["Năm", "Year"],
            "indicator": ["Chỉ tiêu", "Indicator"],
            "target": ["Kế hoạch", "Mục tiêu", "Target"],
        ],
        "activities": [
            "id": ["Id"],
            "province": ["Tỉnh", "Province"],
            "district": ["Huyện", "District"],
            "held_on": ["Ngày", "Ngày tổ chức", "Held on", "Date"],
            "program": ["Chương trình", "Program", "Programme"],
            "kind": ["Loại hoạt động", "Loại", "Kind"],
            "coop_id": ["Mã HTX", "Cooperative id"],
            "quantity": ["Số lượng", "Quantity"],
        ],
        "provinces": [
            "name": ["Tên tỉnh", "Tỉnh", "Name"],
            "region": ["Vùng", "Region"],
            "merged_into": ["Sáp nhập vào", "Merged into"],
            "is_city": ["Thành phố trực thuộc trung ương", "Is city"],
        ],
    ]
}
