// libFuzzer target over the record parser: `scripts/fuzz` builds it with
// `--sanitize fuzzer --sanitize address`; libFuzzer supplies `main`.
import CaiTienContent
import CaiTienModel
import FrontMatter
import Markdown

private let site = Array("""
organisation: UBND phường Ninh Hòa
units:
  - code: tthcc
    name: Trung tâm Phục vụ hành chính công
  - code: van-phong
    name: Văn phòng HĐND và UBND

""".utf8)
private let today = Day(year: 2026, month: 1, day: 10)!

/// One input: the same bytes as a request, a review, an objectives plan and (separately) as
/// site.yml, through loading, parsing and validation; then straight to the YAML and Markdown layers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let records = MemoryFileSystem(files: [
        "c/site.yml": site,
        "c/tickets/2025/PYC-2025-001.md": bytes,
        "c/reviews/2025-12-15.md": bytes,
        "c/objectives/2025/tthcc.md": bytes,
    ])
    let parsed = readContent(from: "c", fileSystem: records)
    _ = validate(parsed, today: today)
    _ = readContent(from: "c", fileSystem: MemoryFileSystem(files: ["c/site.yml": bytes]))
    bytes.withUnsafeBufferPointer { buffer in _ = try? parseYAML(buffer) }
    if case .success(let text) = decodeText(bytes) {
        if screenMarkdown(text, firstLine: 1) == nil { _ = renderMarkdownBlocks(text) }
    }
    return 0
}
