import Foundation
import Testing
@testable import CoopQL

/// Markdown output keeps a value's text as text: no raw HTML, no broken table.
@Suite struct HardeningOutputTests {
    @Test func markdownTableCellsEscapeScriptTagsAndPipes() throws {
        let t = Table(names: ["name", "x"], columns: [
            Column.from([.text("<script>alert(1)</script>|a")], type: .text), Column(.int([1])),
        ])
        var options = RenderOptions()
        options.format = .markdown
        let out = MarkdownRenderer.render(.table(t), options: options)
        #expect(!out.contains("<script>"))
        #expect(out.contains("| &lt;script&gt;alert(1)&lt;/script&gt;\\|a | 1 |"))
    }
}
