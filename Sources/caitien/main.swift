import ArgumentParser
import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
import CaiTienSite
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
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

struct CaiTien: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caitien",
        abstract: "Cải tiến: an ISO 9001 improvement dashboard from Markdown records.",
        subcommands: [Check.self, Stats.self, Build.self]
    )
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
            printError("caitien: --format must be text, json or github")
            throw Exit.usage
        }
        let site = checkSite(content: options.content, today: options.today?.day)
        let ds = site.diagnostics
        if format == .text {
            if !ds.isEmpty { printError(formatDiagnostics(ds, as: .text)) }
            let c = site.content
            printError("\(c.requests.count) requests, \(c.reviews.count) reviews, \(c.plans.count) objectives plans checked for \(site.today.iso): \(ds.errorCount) errors, \(ds.warningCount) warnings")
        } else {
            print(formatDiagnostics(ds, as: format), terminator: "")
        }
        if ds.hasErrors || (strict && ds.warningCount > 0) { throw Exit.contentErrors }
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
            printError(formatDiagnostics(site.diagnostics.filter { $0.severity == .error }, as: .text))
            printError("caitien: fix the errors above first (`caitien check` lists them)")
            throw Exit.contentErrors
        }
        let figures = computeFigures(site.content, today: site.today)
        if json {
            print(figures.kpis.serialized(indent: 2))
        } else {
            print(statsText(figures, content: site.content))
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

    @Option(name: .customLong("base-url"), help: "Where the output is served (default: base_url of site.yml).")
    var baseURL: String?

    @Flag(help: "Print the time of each stage.")
    var timings = false

    func run() throws {
        var t = Timings()
        let site = checkSite(content: options.content, today: options.today?.day, timings: &t)
        let ds = site.diagnostics
        if !ds.isEmpty { printError(formatDiagnostics(ds, as: .text)) }
        if ds.hasErrors {
            printError("caitien: \(ds.errorCount) errors; nothing was written, \(output)/ is unchanged")
            throw Exit.contentErrors
        }
        do {
            let summary = try buildSite(site, theme: theme, output: output, baseURL: baseURL, timings: &t)
            print("Built \(summary.files) files for \(site.today.vietnamese) into \(output)/ — open \(output)/index.html")
        } catch {
            printError("caitien: \(error)")
            throw Exit.usage
        }
        if timings { printError(t.report) }
    }
}

CaiTien.main()
