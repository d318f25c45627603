import Foundation
import ZIPFoundation

/// The `docx` report: a Word document laid out as Decree 30/2020/NĐ-CP asks of administrative
/// documents.
///
/// - A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm.
/// - Times New Roman 14 pt for the text (13 pt in the letterhead, 12 pt in tables).
/// - Page numbers centred at the top from page 2 on (the first page has none).
/// - At the top, the issuing body with its number and symbol on the left, the national motto
///   block on the right with place and date under it ("Bắc Ninh, ngày 23 tháng 12 năm 2022"); then
///   the document's kind (BÁO CÁO) and its title, from the template's first heading.
/// - At the end, the recipients ("Nơi nhận") on the left and the signer's title and name on the right.
/// - Tables as Word tables; charts as native Word charts (`DOCXChart`), editable in Word.
///
/// Issuer, number, place, date and signer come from the template's front matter (`Letterhead`).
public func writeReportDOCX(_ document: ReportDocument, options: RenderOptions) throws -> Data {
    try DOCXPackage(document, options: options).archive()
}

struct DOCXPackage {
    let document: ReportDocument
    let options: RenderOptions
    /// The body XML and the charts it refers to, in order.
    private(set) var body = ""
    private(set) var charts: [String] = []

    init(_ document: ReportDocument, options: RenderOptions) {
        self.document = document
        self.options = options
        var source = ""
        var data: [String] = []
        var blocks: [String] = []
        var charts: [String] = []
        for piece in document.pieces {
            switch piece {
            case .template(let s): source += MarkdownHTML.sanitize(s)
            case .data(let s):
                source += MarkdownHTML.dataMarker(data.count)
                data.append(s)
            case .table(let t):
                source += MarkdownHTML.blockMarker(blocks.count)
                blocks.append(DOCXBody.table(t, options: options))
            case .chart(let t):
                source += MarkdownHTML.blockMarker(blocks.count)
                if let (labels, series) = DOCXChart.data(t, options: options), !labels.isEmpty {
                    charts.append(DOCXChart.part(labels: labels, series: series))
                    blocks.append(DOCXChart.paragraph(relationship: "rIdChart\(charts.count)", id: charts.count,
                                                      rows: labels.count, series: series.count))
                } else {
                    blocks.append(DOCXBody.table(t, options: options))
                }
            }
        }
        var converter = DOCXBody(inline: MarkdownInline(data: data), blocks: blocks)
        converter.convert(source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        self.charts = charts
        body = Self.letterhead(document.letterhead, language: document.language)
            + (document.language == .vi ? DOCXText.paragraph(DOCXText.run("BÁO CÁO", DOCXText.Format(bold: true)),
                                                             DOCXText.centred + #"<w:spacing w:before="240" w:after="0"/>"#) : "")
            + converter.out
            + Self.signature(document.letterhead, language: document.language)
    }

    /// The two-column block at the top: issuer and number left, motto, place and date right.
    static func letterhead(_ l: Letterhead?, language: Language) -> String {
        let l = l ?? Letterhead()
        // The decree's sizes: the bodies and the motto's first line 12–13 pt, the second line 13–14 pt.
        let f13 = DOCXText.Format(size: 26)
        let bold12 = DOCXText.Format(bold: true, size: 24)
        let bold13 = DOCXText.Format(bold: true, size: 26)
        let tight = #"<w:spacing w:before="0" w:after="0"/>"# + DOCXText.centred
        var left = ""
        if let parent = l.issuerParent { left += DOCXText.paragraph(DOCXText.run(parent.uppercased(), DOCXText.Format(size: 24)), tight) }
        left += DOCXText.paragraph(DOCXText.run((l.issuer ?? "").uppercased(), bold12),
                                   tight + #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#)
        left += DOCXText.paragraph(DOCXText.run((language == .vi ? "Số: " : "No.: ") + (l.number ?? "      "), f13),
                                   #"<w:spacing w:before="120" w:after="0"/>"# + DOCXText.centred)
        var right = DOCXText.paragraph(DOCXText.run(language == .vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
                                                                    : "SOCIALIST REPUBLIC OF VIET NAM", bold12), tight)
        right += DOCXText.paragraph(DOCXText.run(language == .vi ? "Độc lập - Tự do - Hạnh phúc"
                                                                 : "Independence - Freedom - Happiness", bold13),
                                    tight + #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#)
        if let date = l.issuedOn {
            right += DOCXText.paragraph(DOCXText.run(Letterhead.placeAndDate(place: l.place, date: date, language: language),
                                                     DOCXText.Format(italic: true)),
                                        #"<w:spacing w:before="120" w:after="0"/>"# + DOCXText.centred)
        }
        return twoColumns(left, right, leftWidth: 3754)
    }

    /// The block at the end: recipients left, the signer's title and name right.
    static func signature(_ l: Letterhead?, language: Language) -> String {
        guard let l, l.signer != nil || l.signerTitle != nil || !l.recipients.isEmpty else { return "" }
        var left = ""
        if !l.recipients.isEmpty {
            left += DOCXText.paragraph(DOCXText.run(language == .vi ? "Nơi nhận:" : "Recipients:",
                                                    DOCXText.Format(bold: true, italic: true, size: 24)),
                                       #"<w:spacing w:before="0" w:after="0"/>"#)
            for (i, r) in l.recipients.enumerated() {
                let end = i == l.recipients.count - 1 ? "." : ";"
                left += DOCXText.paragraph(DOCXText.run("- " + r + end, DOCXText.Format(size: 22)), #"<w:spacing w:before="0" w:after="0"/>"#)
            }
        }
        let tight = #"<w:spacing w:before="0" w:after="0"/>"# + DOCXText.centred
        var right = DOCXText.paragraph(DOCXText.run((l.signerTitle ?? "").uppercased(), DOCXText.Format(bold: true)), tight)
        // Room for the signature and the seal.
        for _ in 0..<4 { right += DOCXText.paragraph("", tight) }
        right += DOCXText.paragraph(DOCXText.run(l.signer ?? "", DOCXText.Format(bold: true)), tight)
        return DOCXText.paragraph("", #"<w:spacing w:before="240" w:after="0"/>"#) + twoColumns(left, right, leftWidth: 4677)
    }

    static func twoColumns(_ left: String, _ right: String, leftWidth: Int) -> String {
        let rightWidth = 9354 - leftWidth
        return #"<w:tbl><w:tblPr><w:tblW w:w="9354" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="\#(leftWidth)"/><w:gridCol w:w="\#(rightWidth)"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="\#(leftWidth)" w:type="dxa"/></w:tcPr>\#(left.isEmpty ? "<w:p/>" : left)</w:tc><w:tc><w:tcPr><w:tcW w:w="\#(rightWidth)" w:type="dxa"/></w:tcPr>\#(right)</w:tc></w:tr></w:tbl>"#
    }

    static let wordNamespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#
    static let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// `word/document.xml`: the body, then the section: A4, the decree's margins, a first page
    /// without the page-number header.
    var documentPart: String {
        Self.xmlHeader + "<w:document \(Self.wordNamespaces)><w:body>" + body
            + #"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>"#
            + "</w:body></w:document>"
    }

    /// The page number, centred at the top of every page but the first.
    static let headerPart = xmlHeader + "<w:hdr \(wordNamespaces)>"
        + #"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#

    /// Times New Roman 14 pt, Vietnamese, for everything not set otherwise.
    static func stylesPart(language: Language) -> String {
        xmlHeader + #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="\#(language == .vi ? "vi-VN" : "en-GB")" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    }

    static let settingsPart = xmlHeader + #"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#

    var contentTypes: String {
        var x = Self.xmlHeader + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        for i in charts.indices {
            x += #"<Override PartName="/word/charts/chart\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#
        }
        return x + "</Types>"
    }

    static let packageRelationships = xmlHeader + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#

    var documentRelationships: String {
        var x = Self.xmlHeader + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#
        for i in charts.indices {
            x += #"<Relationship Id="rIdChart\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart\#(i + 1).xml"/>"#
        }
        return x + "</Relationships>"
    }

    var coreProperties: String {
        let title = DOCXText.escape(document.letterhead?.issuer.map { _ in document.name } ?? document.name)
        return Self.xmlHeader + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\#(title)</dc:title><dc:language>\#(document.language == .vi ? "vi-VN" : "en-GB")</dc:language></cp:coreProperties>"#
    }

    /// Every part, zipped in memory.
    func archive() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", Self.packageRelationships),
            ("docProps/core.xml", coreProperties),
            ("word/document.xml", documentPart),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", Self.stylesPart(language: document.language)),
            ("word/settings.xml", Self.settingsPart),
            ("word/header1.xml", Self.headerPart),
        ]
        for (i, chart) in charts.enumerated() { parts.append(("word/charts/chart\(i + 1).xml", chart)) }
        // A fixed time, so the same report gives the same bytes.
        let stamp = Date(timeIntervalSince1970: 1_577_836_800)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Diagnostic(.usage, "the Word document could not be put together") }
        return data
    }
}
