/// The parts of an administrative document that are not its content, as Decree 30/2020/NĐ-CP
/// lays them out: who issues it, its number and symbol, where and when, and who signs it.
///
/// A template supplies them as `let`s in its front matter (each may be left out):
///
/// ```
/// let issuer_parent = "UBND TỈNH BẮC NINH"          # the body above the issuer, if any
/// let issuer = "LIÊN MINH HỢP TÁC XÃ TỈNH BẮC NINH" # the issuing body
/// let doc_number = "125/BC-LMHTX"                  # number and symbol
/// let place = "Bắc Ninh"
/// let issued_on = date("2022-12-23")
/// let signer_title = "CHỦ TỊCH"
/// let signer = "Nguyễn Văn An"
/// let recipients = ["UBND tỉnh", "Lưu: VT"]        # "Nơi nhận"
/// ```
public struct Letterhead: Sendable, Equatable {
    public var issuerParent: String?
    public var issuer: String?
    public var number: String?
    public var place: String?
    public var issuedOn: Day?
    public var signerTitle: String?
    public var signer: String?
    public var recipients: [String] = []

    /// The front-matter names the letterhead is read from.
    static let names = ["issuer_parent", "issuer", "doc_number", "place", "issued_on", "signer_title", "signer", "recipients"]

    public init() {}

    /// The letterhead of the front matter's values by name; nil when it sets none of them.
    init?(values: [String: Value]) {
        guard Letterhead.names.contains(where: { values[$0] != nil }) else { return nil }
        func text(_ name: String) -> String? {
            switch values[name] {
            case .text(let s)?: return s
            case .int(let i)?: return String(i)
            default: return nil
            }
        }
        issuerParent = text("issuer_parent")
        issuer = text("issuer")
        number = text("doc_number")
        place = text("place")
        if case .date(let d)? = values["issued_on"] { issuedOn = d }
        signerTitle = text("signer_title")
        signer = text("signer")
        if case .list(let items)? = values["recipients"] {
            recipients = items.compactMap { if case .text(let s) = $0 { return s } else { return nil } }
        }
    }

    /// "Bắc Ninh, ngày 23 tháng 12 năm 2022": a day below 10 and a month below 3 take a leading
    /// zero, as the decree asks ("ngày 05 tháng 02 năm 2023"), so that nothing can be written in
    /// front of them later.
    public static func placeAndDate(place: String?, date: Day, language: Language) -> String {
        let (y, m, d) = date.components
        if language == .en {
            let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]
            return (place.map { $0 + ", " } ?? "") + "\(d) \(months[m - 1]) \(y)"
        }
        let day = d < 10 ? "0\(d)" : "\(d)"
        let month = m < 3 ? "0\(m)" : "\(m)"
        return (place.map { $0 + ", " } ?? "") + "ngày \(day) tháng \(month) năm \(y)"
    }
}
