/// Where the pages of a site are written (SPEC §3), kept in one place: the renderer writes to
/// these paths, and the validator refuses a record id or unit code that would land on one of
/// the names they use themselves.
public enum OutputLayout {
    public static let dashboard = "index.html"
    public static let requestFolder = "tickets"
    public static let reviewFolder = "reviews"
    public static let unitFolder = "units"
    public static let objectivesFolder = "objectives"
    public static let assetFolder = "assets"

    /// The request table, `perPage` rows a page: `tickets/index.html`, `tickets/page/2/index.html`…
    public static func requestTable(page n: Int) -> String {
        n == 1 ? "\(requestFolder)/index.html" : "\(requestFolder)/\(pageFolder)/\(n)/index.html"
    }
    public static func request(_ id: String) -> String { "\(requestFolder)/\(id)/index.html" }
    /// Every request in compact form, for the request table's search and filters.
    public static let requestIndex = "\(requestFolder)/\(requestIndexFile)"
    /// A unit's own calendar of deadlines.
    public static func unitCalendar(_ code: String) -> String { "\(unitFolder)/\(code)/\(calendarFile)" }
    public static let calendarFile = "deadlines.ics"
    public static let reviewsIndex = "\(reviewFolder)/index.html"
    public static func review(_ id: String) -> String { "\(reviewFolder)/\(id)/index.html" }
    /// The report of 5.8.2.1 pre-filled for the next review.
    public static let nextReview = "\(reviewFolder)/\(nextReviewFolder)/index.html"
    public static let unitsIndex = "\(unitFolder)/index.html"
    public static func unit(_ code: String) -> String { "\(unitFolder)/\(code)/index.html" }
    public static let objectivesIndex = "\(objectivesFolder)/index.html"
    public static func objectives(year: Int) -> String { "\(objectivesFolder)/\(year)/index.html" }
    public static func asset(_ path: String) -> String { "\(assetFolder)/\(path)" }

    private static let pageFolder = "page"
    private static let nextReviewFolder = "next"
    private static let requestIndexFile = "index.js"

    /// Names the output itself uses inside the folders that hold one sub-folder per record or
    /// unit (`index.html` of each folder, `page/` of the request table, `next/` of the reviews,
    /// `assets/`). Every one is refused in every such folder, so that a page added later to one
    /// folder cannot meet a record of another kind.
    public static let reservedNames: Set<String> = ["index", "index.html", requestIndexFile, pageFolder, nextReviewFolder, assetFolder]

    /// True when `name` (a request or review id, a unit code) would be written over, or beside
    /// with the same name but another case, a file or folder of the output's own. Names starting
    /// with `.` are hidden files of the output (its marker, the previous generation).
    public static func isReserved(_ name: String) -> Bool {
        name.hasPrefix(".") || reservedNames.contains(name.lowercased())
    }
}
