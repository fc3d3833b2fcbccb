/// Why a Markdown text is refused before cmark sees it, at a line of the file.
public struct MarkdownProblem: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, with the numbers a message names.
    public enum Kind: Sendable, Equatable {
        /// A paragraph with many `![` left open before `]`.
        case imageOpeners(openers: Int, closers: Int)
        /// Containers nested deeper than the limit.
        case nesting(depth: Int, limit: Int)
        /// More lines and marks than the limit, over the record.
        case dense(limit: Int)
        /// Nesting followed by too many lines inside it.
        case longNesting(depth: Int)
    }

    public var line: Int
    public var kind: Kind
    public var message: String
    public init(line: Int, kind: Kind, message: String) {
        self.line = line
        self.kind = kind
        self.message = message
    }
    public var description: String { "line \(line): \(message)" }
}

/// What one record's Markdown may hold. Debian's cmark 0.30.2 has inputs that cost time
/// quadratic in their size (fixed only in 0.30.3 and 0.31): containers nested deep and followed
/// by many lines, emphasis inside deep containers, `![` image openers left open before links
/// (`![[]()` repeated). These bounds keep every record's Markdown to a few hundredths of a second
/// at the 1 MiB record cap, and are far above what any ward record holds.
public struct MarkdownLimits: Sendable, Equatable {
    /// Block quotes and list items nested in one another.
    public var maxDepth = 32
    /// The sum over lines of the nesting open at each line (cmark walks the open containers on
    /// every line): 2,000,000 is 62,500 lines inside 32 levels, or a million inside 2.
    public var maxNestedLines = 2_000_000
    /// The sum over paragraphs of `![` openers × `]` closers (cmark walks every open image opener
    /// each time a link closes).
    public var maxImageLinkWork = 4_000_000
    /// Non-blank lines, container markers (`>`, `-`, `1.`…) and inline marks (`*`, `_`, `[`, `]`,
    /// `!`, `<`, `` ` ``, `&`, `\`), over all the Markdown of one record: each costs cmark a node
    /// or a delimiter.
    public var maxMarks = 100_000

    public init() {}
    public static let standard = MarkdownLimits()
}

/// Screens the Markdown texts of one record before cmark renders them: one linear pass per
/// text. The `maxMarks` budget is shared by every text checked with the same screen.
public struct MarkdownScreen: Sendable {
    public var limits: MarkdownLimits
    /// Marks counted so far, over every text checked.
    public private(set) var marks = 0

    public init(limits: MarkdownLimits = .standard) {
        self.limits = limits
    }

    /// The first reason to refuse `text`, or nil when cmark may render it.
    /// - Parameter firstLine: the line of the file on which `text` starts.
    /// A refused text counts nothing against the budget: it is not rendered.
    public mutating func check(_ text: String, firstLine: Int = 1) -> MarkdownProblem? {
        let before = marks
        var copy = text
        let problem = copy.withUTF8 { check($0, firstLine: firstLine) }
        if problem != nil { marks = before }
        return problem
    }

    private mutating func check(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> MarkdownProblem? {
        let n = bytes.count
        var lineNumber = firstLine
        var i = 0
        // Nesting: an upper bound on the containers open after the previous line, and where it rose.
        var open = 0
        var openLine = firstLine
        var previousBlank = true
        var nestedLines = 0
        // The current paragraph (a run of lines up to a blank one): `![` and `]` in it.
        var imageOpeners = 0, closers = 0
        var paragraphLine = firstLine
        var imageLinkWork = 0

        func paragraphEnds() -> MarkdownProblem? {
            imageLinkWork += imageOpeners * closers
            if imageLinkWork > limits.maxImageLinkWork {
                return MarkdownProblem(line: paragraphLine, kind: .imageOpeners(openers: imageOpeners, closers: closers), message:
                    "Markdown paragraph with \(imageOpeners) image openers `![` and \(closers) `]`; cmark would take seconds"
                    + " — close each image as `![text](address)`, write `\\!` for a plain `!`, or split the paragraph")
            }
            imageOpeners = 0
            closers = 0
            return nil
        }

        while i < n {
            // One line: [i, end); cmark ends lines at LF, CR or CR LF.
            var end = i
            while end < n, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let next = end < n && bytes[end] == 0x0D && end + 1 < n && bytes[end + 1] == 0x0A ? end + 2 : end + 1

            // The container prefix: `>`, list markers and the white space around them. Open
            // containers are continued first, by `>` and by indentation (two columns or more
            // for each list item) at the start of the line or after a `>` and its optional
            // space; then markers open new ones, and the space after a list marker is its own.
            var j = i
            var column = 0
            var whitespace = 0
            var markers = 0
            var after: UInt8 = 0   // the marker before this run of white space: 0, `>` or `-`
            // Where the rest of the line stopped being a thematic break for a mark (see below).
            var notBreak: (mark: UInt8, at: Int) = (0, -1)
            prefix: while true {
                var run = 0
                while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 {
                    let width = bytes[j] == 0x09 ? 4 - column % 4 : 1
                    column += width
                    run += width
                    j += 1
                }
                if after == 0 { whitespace += run } else if after == UInt8(ascii: ">") { whitespace += max(0, run - 1) }
                guard j < end else { break }
                let b = bytes[j]
                if b == UInt8(ascii: ">") {
                    markers += 1; j += 1; column += 1; after = b
                    continue
                }
                let following = j + 1 < end ? bytes[j + 1] : 0x20
                if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
                    guard following == 0x20 || following == 0x09 else { break prefix }
                    // `- - -` and `* * *` are thematic breaks, not lists. A line that is not one from
                    // j on is not one from any later point before the byte that spoilt it, so each
                    // byte is looked at once or twice.
                    if b != UInt8(ascii: "+"), !(notBreak.mark == b && notBreak.at >= j) {
                        guard let spoilt = thematicBreakEnd(bytes, from: j, to: end) else { break prefix }
                        notBreak = (b, spoilt)
                    }
                    markers += 1; j += 1; column += 1; after = UInt8(ascii: "-")
                    continue
                }
                if b >= 0x30 && b <= 0x39 {
                    var k = j
                    while k < end, k - j < 10, bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
                    guard k - j <= 9, k < end, bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: ")") else { break prefix }
                    let afterMarker = k + 1 < end ? bytes[k + 1] : 0x20
                    guard afterMarker == 0x20 || afterMarker == 0x09 else { break prefix }
                    markers += 1; column += k + 1 - j; j = k + 1; after = UInt8(ascii: "-")
                    continue
                }
                break
            }
            let blank = j == end && markers == 0

            if blank {
                if let problem = paragraphEnds() { return problem }
                paragraphLine = lineNumber + 1
            } else {
                // White space can only continue containers already open (two columns or more
                // each); only markers open new ones.
                let depth = markers + min(whitespace / 2, open)
                if depth > limits.maxDepth {
                    return MarkdownProblem(line: lineNumber, kind: .nesting(depth: depth, limit: limits.maxDepth), message:
                        "Markdown nested \(depth) levels deep at this line; cmark would take seconds"
                        + " — flatten the list or quote (at most \(limits.maxDepth) levels)")
                }
                // After a blank line the containers not continued are closed; otherwise a lazy
                // paragraph line may keep them open.
                let openAfter = previousBlank ? depth : max(open, depth)
                if openAfter > open || previousBlank { openLine = lineNumber }
                open = openAfter
                // The line and each container marker (a new list item or quote, when it opens one).
                marks += 1 + markers
                var k = j
                while k < end {
                    switch bytes[k] {
                    case UInt8(ascii: "!"):
                        marks += 1
                        if k + 1 < end, bytes[k + 1] == UInt8(ascii: "[") { imageOpeners += 1 }
                    case UInt8(ascii: "]"):
                        marks += 1
                        closers += 1
                    case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "<"),
                         UInt8(ascii: "`"), UInt8(ascii: "&"), UInt8(ascii: "\\"):
                        marks += 1
                    default:
                        break
                    }
                    k += 1
                }
                if marks > limits.maxMarks {
                    return MarkdownProblem(line: lineNumber, kind: .dense(limit: limits.maxMarks), message:
                        "Markdown too dense: more than \(limits.maxMarks) lines and marks (`*`, `_`, `[`, `]`, `!`, `<`, `` ` ``, `&`, `\\`)"
                        + " by this line; cmark would take too long — move bulk data out of the record")
                }
            }
            nestedLines += open
            if nestedLines > limits.maxNestedLines {
                return MarkdownProblem(line: openLine, kind: .longNesting(depth: open), message:
                    "Markdown nested \(open) levels deep at this line and followed by too many lines inside the nesting;"
                    + " cmark would take seconds — flatten the list or quote, or end it with a blank line and unindented text")
            }
            previousBlank = blank
            lineNumber += 1
            i = next
        }
        return paragraphEnds()
    }
}

/// The first reason to refuse one Markdown text (see `MarkdownScreen`), or nil.
public func screenMarkdown(_ text: String, firstLine: Int = 1) -> MarkdownProblem? {
    var screen = MarkdownScreen()
    return screen.check(text, firstLine: firstLine)
}

/// Nil when `bytes[start..<end]` is a thematic break (`***`, `- - -`: three or more of the mark
/// at `start` and nothing else but spaces and tabs); else the first byte that spoils it (`end`
/// when there are too few marks).
private func thematicBreakEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    let mark = bytes[start]
    var count = 0
    for k in start..<end {
        let b = bytes[k]
        if b == mark { count += 1 } else if b != 0x20 && b != 0x09 { return k }
    }
    return count >= 3 ? nil : end
}
