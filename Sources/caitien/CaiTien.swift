import ArgumentParser
import CaiTienAnalysis
import CaiTienContent
import CaiTienFetch
import CaiTienModel
import CaiTienRender
import CaiTienRollup
import CaiTienServe
import CaiTienSite
import CSupport
import Foundation

/// Exit codes of SPEC §4: 0 fine, 1 content errors, 2 usage or I/O.
enum Exit {
    static let contentErrors = ExitCode(1)
    static let usage = ExitCode(2)
}

struct DayArgument: ExpressibleByArgument {
    var day: Day
    init?(argument: String) {
        guard let day = Day(parsing: argument) else { return nil }
        self.day = day
    }
}

struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The reference day, YYYY-MM-DD (default: today in the site's time zone).")
    var today: DayArgument?

    @Option(name: .customLong("lang"), help: "Language of the messages: vi or en (default: the site's locale).")
    var language: Language?

    /// The language of the messages: `--lang`, else the site's `locale`, else Vietnamese. Read
    /// from site.yml each time: ask once, where a message is to be printed.
    var messages: Language {
        messageLanguage(language, content: locateContent(content, from: FileManager.default.currentDirectoryPath) ?? content)
    }

    func validate() throws {
        if let day = today?.day { try checkRange(day, of: "--today", Day.todayRange, { messages }) }
    }
}

extension Language: ExpressibleByArgument {}

/// A day given on the command line must lie where every figure can be computed (exit 2).
func checkRange(_ day: Day, of option: String, _ range: ClosedRange<Day>, _ language: () -> Language) throws {
    guard !range.contains(day) else { return }
    throw fail(CommandMessage.dayOutOfRange(["option": .value(option), "day": .day(day),
                                             "first": .day(range.lowerBound), "last": .day(range.upperBound)]), language())
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints caitien's own message on stderr in `language` and gives the exit code of a usage or
/// I/O error (SPEC §4), to throw — from `validate()` too, where ArgumentParser passes an
/// `ExitCode` through without adding words of its own.
func fail(_ message: Message, _ language: Language) -> ExitCode {
    printError("caitien: " + message.text(language))
    return Exit.usage
}

func fail(_ error: any Error, _ language: Language) -> ExitCode {
    fail((error as? BuildError)?.message ?? CommandMessage.unexpected(["problem": .problem(of: error)]), language)
}

@main
struct CaiTien: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caitien",
        abstract: "Cải tiến: an ISO 9001 improvement dashboard from Markdown records.",
        version: buildVersion,
        subcommands: [Check.self, Stats.self, Build.self, New.self, Init.self, Serve.self, Explain.self, RollupCommand.self]
    )

    /// As ArgumentParser's, but a usage error exits with 2 (SPEC §4), not EX_USAGE (64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                // ArgumentParser's own words are English: a Vietnamese line says what is wrong first.
                if languageOfArguments(Array(CommandLine.arguments.dropFirst())) == .vi {
                    let problem = usageProblem(message(for: error))
                    printError("caitien: " + CommandMessage.commandLineWrong(["problem": problem.phrase]).text(.vi))
                }
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The language of the messages when the command line could not be read: `--lang` if it is
/// there, else the locale of the site `--content` (or the working folder) names.
func languageOfArguments(_ arguments: [String]) -> Language {
    func value(of option: String) -> String? {
        for (i, argument) in arguments.enumerated() {
            if argument == option, i + 1 < arguments.count { return arguments[i + 1] }
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
        }
        return nil
    }
    let content = value(of: "--content") ?? "content"
    return messageLanguage(value(of: "--lang").flatMap(Language.init(rawValue:)),
                           content: locateContent(content, from: FileManager.default.currentDirectoryPath) ?? content)
}

/// What ArgumentParser's English message says, as one of caitien's messages (the generic one
/// when its words are not recognised).
func usageProblem(_ english: String) -> Message {
    /// The texts between single quotes, in order.
    let quoted = english.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    func quote(_ n: Int) -> Phrase { .value(quoted.count > n ? quoted[n] : "") }
    if english.hasPrefix("Unknown option '") {
        return quoted.count > 1 ? CommandMessage.unknownOptionDidYouMean(["option": quote(0), "suggestion": quote(1)])
            : CommandMessage.unknownOption(["option": quote(0)])
    }
    if english.hasPrefix("Missing value for '") { return CommandMessage.missingValue(["option": quote(0)]) }
    if english.hasPrefix("Missing expected argument '") { return CommandMessage.missingArgument(["argument": quote(0)]) }
    if english.hasPrefix("The value '") {
        let option = quoted.count > 1 ? quoted[1].prefix { $0 != " " } : ""
        if ["--today", "--date", "--effective", "--issued"].contains(option) {
            return CommandMessage.invalidDay(["value": quote(0), "option": .value(String(option))])
        }
        return CommandMessage.invalidValue(["value": quote(0), "option": quote(1)])
    }
    if english.hasPrefix("Unexpected argument '") || english.contains("unexpected arguments") {
        return CommandMessage.unexpectedArgument(["argument": .list(quoted)])
    }
    if english.hasPrefix("Missing required subcommand") { return CommandMessage.missingSubcommand() }
    return CommandMessage.otherUsageError()
}

/// `caitien --version`: the version and commit `scripts/build-release` compiled in.
let buildVersion = "caitien \(String(cString: caitien_build_version())) (commit \(String(cString: caitien_build_commit())))"

// Codes or Vietnamese words, as in the records (`--kind "cải tiến"`).
extension Kind: ExpressibleByArgument { public init?(argument: String) { self.init(written: argument) } }
extension Source: ExpressibleByArgument { public init?(argument: String) { self.init(written: argument) } }
extension Review.Format: ExpressibleByArgument { public init?(argument: String) { self.init(written: argument) } }

/// Ends the process now, without freeing the site it read: the system takes the memory back at
/// once, while freeing 100,000 parsed records one by one took 0.16 s — 7 % of a rebuild.
/// (`exit` flushes what `print` buffered.)
func exitNow(_ code: Int32) -> Never {
    Foundation.exit(code)
}

/// Runs a scaffold step in the content folder found from where the clerk stands (`cd
/// content/tickets/2026 && caitien new ticket …` works): prints the path written relative to the
/// working folder, or the reason on stderr with exit 2.
func scaffold(_ options: ContentOptions, _ body: (String) throws(BuildError) -> String) throws {
    let here = FileManager.default.currentDirectoryPath
    let content = locateContent(options.content, from: here) ?? options.content
    do {
        print(relativePath(try body(content), from: here))
    } catch {
        throw fail(error, options.messages)
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a record with the next free id and Vietnamese guidance comments.",
        subcommands: [NewTicket.self, NewReview.self, NewObjectives.self, NewAudit.self, NewInspection.self, NewLegal.self]
    )
}

struct NewTicket: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: RecordType.request.new.name, abstract: RecordType.request.new.abstract)
    @OptionGroup var options: ContentOptions
    @Option(help: "Unit code from site.yml.") var unit: String
    @Option(help: "nonconformity, potential or improvement.") var kind: Kind
    @Option(help: "Source (5.1.2), e.g. internal_audit, feedback.") var source: Source
    @Option(help: "Short statement of the request.") var title: String
    @Option(help: "Nonconformity content, the same words for the same NC (default: the title).") var category: String?
    @Option(help: "Who reports it (default: git's user.name).") var by: String?

    func run() throws {
        try scaffold(options) { (content) throws(BuildError) in
            try Scaffold.newTicket(content: content, unit: unit, kind: kind, source: source, title: title,
                                   category: category, by: by, today: options.today?.day)
        }
    }
}

struct NewReview: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: RecordType.review.new.name, abstract: RecordType.review.new.abstract)
    @OptionGroup var options: ContentOptions
    @Option(help: "meeting (5.8.1) or report (5.8.2).") var format: Review.Format = .meeting
    @Option(help: "Date of the meeting or notice (default: today).") var date: DayArgument?

    func validate() throws {
        if let day = date?.day { try checkRange(day, of: "--date", Day.recordRange, { options.messages }) }
    }

    func run() throws {
        try scaffold(options) { (content) throws(BuildError) in
            try Scaffold.newReview(content: content, format: format, date: date?.day, today: options.today?.day)
        }
    }
}

struct NewObjectives: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: RecordType.objectives.new.name, abstract: RecordType.objectives.new.abstract)
    @OptionGroup var options: ContentOptions
    @Option(help: "The year.") var year: Int
    @Option(help: "Unit code (default: the ward as a whole).") var unit: String?

    func run() throws {
        try scaffold(options) { (content) throws(BuildError) in
            try Scaffold.newObjectives(content: content, year: year, unit: unit, today: options.today?.day)
        }
    }
}

extension InspectionMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(written: argument) }
}

/// `--scope tthcc,cong-an`: a list given as one argument, separated by commas.
func commaList(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

struct NewAudit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: RecordType.audit.new.name, abstract: RecordType.audit.new.abstract)
    @OptionGroup var options: ContentOptions
    @Option(help: "First day of the audit (default: today).") var date: DayArgument?
    @Option(help: "The lead auditor (default: git's user.name).") var lead: String?
    @Option(help: "Units audited, separated by commas (default: every unit).") var scope: String?

    func validate() throws {
        if let day = date?.day { try checkRange(day, of: "--date", Day.recordRange, { options.messages }) }
    }

    func run() throws {
        try scaffold(options) { (content) throws(BuildError) in
            try Scaffold.newAudit(content: content, date: date?.day, lead: lead, scope: commaList(scope), today: options.today?.day)
        }
    }
}

struct NewInspection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: RecordType.inspection.new.name, abstract: RecordType.inspection.new.abstract)
    @OptionGroup var options: ContentOptions
    @Option(help: "The day the inspection record was signed (default: today).") var date: DayArgument?
    @Option(help: "The inspecting body, e.g. \"Sở Khoa học và Công nghệ\".") var by: String
    @Option(help: "on_site (tại trụ sở) or documents (qua hồ sơ).") var mode: InspectionMode = .onSite
    @Option(help: "The record's number (số biên bản).") var reference: String?

    func validate() throws {
        if let day = date?.day { try checkRange(day, of: "--date", Day.recordRange, { options.messages }) }
    }

    func run() throws {
        try scaffold(options) { (content) throws(BuildError) in
            try Scaffold.newInspection(content: content, date: date?.day, by: by, mode: mode, reference: reference, today: options.today?.day)
        }
    }
}

struct NewLegal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: RecordType.legal.new.name, abstract: RecordType.legal.new.abstract)
    @OptionGroup var options: ContentOptions
    @Option(help: "The document's title, e.g. \"Quyết định 12/2026/QĐ-UBND về …\".") var title: String
    @Option(help: "The day it takes effect.") var effective: DayArgument
    @Option(help: "The file name without .md (default: from the title, e.g. QD-12-2026).") var id: String?
    @Option(help: "The day it was issued.") var issued: DayArgument?
    @Option(help: "QMS procedures and documents it changes, separated by commas (default: none).") var affects: String?

    func validate() throws {
        try checkRange(effective.day, of: "--effective", Day.recordRange, { options.messages })
        if let day = issued?.day { try checkRange(day, of: "--issued", Day.recordRange, { options.messages }) }
    }

    func run() throws {
        try scaffold(options) { (content) throws(BuildError) in
            try Scaffold.newLegal(content: content, title: title, effective: effective.day, id: id, issued: issued?.day,
                                  affects: commaList(affects), today: options.today?.day)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new site: content/site.yml, folders, .gitignore, a CI workflow.")
    @Argument(help: "Folder of the new site.") var folder: String
    @Option(help: "Name of the organisation.") var organisation = "UBND phường"
    @Option(name: .customLong("lang"), help: "Language of the messages: vi (default) or en.") var language: Language?

    func run() throws {
        // A folder that already holds a site answers in that site's language.
        let messages = messageLanguage(language, content: folder + "/content")
        do {
            let written = try Scaffold.initSite(at: folder, organisation: organisation)
            written.forEach { print($0) }
            print(CommandMessage.initNext(["folder": .value(folder)]).text(messages))
        } catch {
            throw fail(error, messages)
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview on 127.0.0.1, rebuilt and reloaded when content or theme change.")
    @OptionGroup var options: ContentOptions
    @Option(help: "A theme folder whose files override the built-in theme.") var theme = "theme"
    @Option(help: "Port on 127.0.0.1.") var port: UInt16 = 1313

    func run() async throws {
        do {
            try await PreviewServer(content: options.content, theme: theme, port: port, today: options.today?.day, language: options.language).run()
        } catch {
            let problem = (error as? SocketError).map { Phrase.system($0.code) } ?? .problem(of: error)
            throw fail(CommandMessage.cannotServe(["port": .value(Int(port)), "problem": problem,
                                                  "next": .value(port == UInt16.max || port == 0 ? 1313 : Int(port) + 1)]), options.messages)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate every record; print every problem at once.")

    @OptionGroup var options: ContentOptions

    @Option(help: "text, json or github (workflow annotations).")
    var format: String = "text"

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        guard let format = DiagnosticFormat(rawValue: format) else {
            throw fail(CommandMessage.formatUnknown(), options.messages)
        }
        let site = checkSite(content: options.content, today: options.today?.day)
        let ds = site.diagnostics
        let language = site.language(options.language)
        if format == .text {
            if !ds.isEmpty { printError(formatDiagnostics(ds, as: .text, language: language)) }
            printError(Say.summary(site, language))
        } else {
            print(formatDiagnostics(ds, as: format, language: language), terminator: "")
        }
        exitNow(ds.hasErrors || (strict && ds.warningCount > 0) ? Exit.contentErrors.rawValue : 0)
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the figures (SPEC §2).")

    @OptionGroup var options: ContentOptions

    @Flag(help: "Print the `kpis` object of data.json.")
    var json = false

    func run() throws {
        let site = checkSite(content: options.content, today: options.today?.day)
        if site.diagnostics.hasErrors {
            let language = site.language(options.language)
            printError(formatDiagnostics(site.diagnostics.filter { $0.severity == .error }, as: .text, language: language))
            printError(Say.fixErrorsFirst(language))
            throw Exit.contentErrors
        }
        let figures = computeFigures(site.content, today: site.today)
        if json {
            print(figures.kpis.serialized(indent: 2))
        } else {
            print(statsText(figures, content: site.content, language: site.language(options.language)))
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check, then write the dashboard.")

    @OptionGroup var options: ContentOptions

    @Option(help: "A theme folder whose files override the built-in theme.")
    var theme = "theme"

    @Option(help: "The output folder, replaced atomically.")
    var output = "public"

    @Flag(help: "Write nothing when there are warnings too.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Where the output is served (default: base_url of site.yml).")
    var baseURL: String?

    @Flag(help: "Print the time of each stage.")
    var timings = false

    func run() throws {
        var t = Timings()
        let result: BuildResult
        // Before the site is read: an output refused or busy is said in the site's language too.
        let messages = options.messages
        do {
            result = try build(BuildOptions(content: options.content, theme: theme, output: output, today: options.today?.day, baseURL: baseURL, strict: strict),
                               timings: &t, waiting: { printError("caitien: " + CommandMessage.outputWaiting(["output": .value(output)]).text(messages)) })
        } catch {
            throw fail(error, messages)
        }
        let site = result.site
        let ds = site.diagnostics
        let language = site.language(options.language)
        if !ds.isEmpty { printError(formatDiagnostics(ds, as: .text, language: language)) }
        guard let summary = result.written else {
            printError(Say.nothingWritten(site, output: output, strict: strict, language))
            throw Exit.contentErrors
        }
        print(Say.built(files: summary.files, day: site.today, output: output, language))
        if timings { printError(t.report) }
        exitNow(0)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule of the content, with an example of the fix; without a rule, list them all.")

    @Argument(help: "The rule id, as in brackets after a message, e.g. bad-date.")
    var rule: String?

    @Option(name: .customLong("lang"), help: "vi (default) or en.")
    var language: Language = .vi

    func run() throws {
        func line(_ id: String, _ kind: String, _ explanation: Phrase) -> String {
            "\(id.padding(toLength: 32, withPad: " ", startingAt: 0)) \(kind.padding(toLength: 8, withPad: " ", startingAt: 0)) \(explanation.text(language).prefix { $0 != "." && $0 != ":" })"
        }
        let explained = CommandMessage.all.filter { $0.explanation != nil }
        guard let id = rule else {
            for rule in Rule.all { print(line(rule.id, rule.severity.rawValue, rule.explanation)) }
            print("\n" + CommandMessage.explainMessagesHeading().text(language))
            // Their first sentence: up to a full stop that ends one (paths such as site.yml hold dots).
            for message in explained {
                let text = message.explanation!.text(language)
                let first = text.range(of: ". ").map { String(text[..<$0.lowerBound]) } ?? text
                print("\(message.id.padding(toLength: 32, withPad: " ", startingAt: 0)) \(String(repeating: " ", count: 8)) \(first)")
            }
            return
        }
        if let found = Rule.named(id) {
            print(found.explained(language), terminator: "")
        } else if let found = CommandMessage.named(id), found.explanation != nil {
            print(found.explained(language), terminator: "")
        } else {
            let near = (Rule.all.map(\.id) + explained.map(\.id)).min { editDistance(Array(id), Array($0)) < editDistance(Array(id), Array($1)) }
            throw fail(CommandMessage.explainUnknown(["id": .value(id), "suggestion": near.map { CommandMessage.explainDidYouMean(["id": .value($0)]).phrase } ?? .empty]),
                       language)
        }
    }
}

struct RollupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "A province's dashboard over many wards' data.json: built site folders, data.json files or https:// sites.",
        discussion: "A ward that cannot be read is a row marked unreachable, never a failed roll-up. Addresses must be https:// (plain http:// only from 127.0.0.1 or localhost)."
    )

    @Argument(help: "A ward's built site folder, its data.json, or the https:// address of its published site.")
    var sources: [String] = []

    @Option(name: .customLong("sources"), help: "A file with one source a line (`SOURCE [NAME]`, # comments).")
    var sourceLists: [String] = []

    @Option(help: "The output folder, replaced atomically.")
    var output = "public"

    @Option(help: "The reference day, YYYY-MM-DD (default: today in Vietnam).")
    var today: DayArgument?

    @Option(name: .customLong("lang"), help: "Language of the page: vi or en.")
    var language: Language = .vi

    @Option(help: "Seconds to wait for one ward's data.json over the network, per try.")
    var timeout: Double = 20

    @Option(help: "Tries after the first, for an address that does not answer or answers 5xx.")
    var retries: Int = 2

    func validate() throws {
        if let day = today?.day { try checkRange(day, of: "--today", Day.todayRange, { language }) }
        guard timeout > 0, timeout <= 3600 else { throw fail(CommandMessage.timeoutOutOfRange(), language) }
        guard (0...10).contains(retries) else { throw fail(CommandMessage.retriesOutOfRange(), language) }
    }

    func run() async throws {
        let strings: RollupStrings = language == .en ? .en : .vi
        var all = sources.map { RollupSource($0) }
        for list in sourceLists {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: list)) } catch {
                throw fail(CommandMessage.rollupSourcesUnreadable(["path": .value(list), "problem": .problem(of: error)]), language)
            }
            all += parseSourceList(String(decoding: data, as: UTF8.self))
        }
        guard !all.isEmpty else {
            throw fail(CommandMessage.rollupNoSources(), language)
        }
        let day = today?.day ?? todayInVietnam(secondsSince1970: Int(Date().timeIntervalSince1970))
        let result: RollupResult
        do {
            let options = RollupOptions(sources: all, output: output, today: day, strings: strings)
            let waiting = { printError("caitien: " + CommandMessage.outputWaiting(["output": .value(output)]).text(language)) }
            let fetches = all.contains { if case .url = $0.location { return true } else { return false } }
            // The HTTP client (its threads) only when some ward is an address.
            result = fetches
                ? try await withHTTPWardFetcher(timeout: timeout, retries: retries) { fetcher in try await rollup(options, fetcher: fetcher, waiting: waiting) }
                : try await rollup(options, fetcher: nil, waiting: waiting)
        } catch {
            throw fail(error, language)
        }
        let r = result.rollup
        for row in r.rows {
            if case .failure(let problem) = row.result { printError("caitien: warning: \(row.source.text): \(problem.text(language))") }
        }
        let t = r.totals
        print(CommandMessage.rolledUp(["wards": .value(t.wards), "day": .day(day), "output": .value(output),
                                       "unreachable": .value(t.unreachable + t.unknownSchema), "stale": .value(t.stale)]).text(language))
        exitNow(0)
    }
}
