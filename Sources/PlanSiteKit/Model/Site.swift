import Foundation

/// Everything the build knows about one site, loaded from `content/`.
public struct Site: Sendable {
    public var config: SiteConfig
    public var priority: ContentPage
    public var outcomes: [ContentPage]
    public var commitments: [ContentPage]
    public var siblings: [ContentPage]
    public var pages: [ContentPage]
    public var indicators: [Indicator] { didSet { indicatorPositions = Self.positions(of: indicators) } }
    /// Files under `content/images/`, copied unchanged (relative paths).
    public var imageFiles: [String]
    /// Files that exist but could not be read (already reported): checks treat
    /// their ids and addresses as known, so one broken file gives one error, not a cascade.
    public var unreadableIndicatorIDs: Set<String> = []
    public var unreadableTargets: Set<String> = []
    /// The browser audit's results, when the build is given them (`--audit-results`): the accessibility statement shows them.
    public var auditResults: AuditResults?
    /// Every sentence and label the pages show, in the site's `language` (`templates/words/<language>.yml`).
    public var words = Words.empty

    /// Each indicator's place in `indicators` by id: pages, references and the at-a-glance
    /// table look indicators up by id, and a search of the array made that quadratic at 10,000.
    private var indicatorPositions: [String: Int]

    public init(
        config: SiteConfig, priority: ContentPage, outcomes: [ContentPage], commitments: [ContentPage],
        siblings: [ContentPage], pages: [ContentPage], indicators: [Indicator], imageFiles: [String]
    ) {
        self.config = config
        self.priority = priority
        self.outcomes = outcomes
        self.commitments = commitments
        self.siblings = siblings
        self.pages = pages
        self.indicators = indicators
        self.imageFiles = imageFiles
        indicatorPositions = Self.positions(of: indicators)
    }

    private static func positions(of indicators: [Indicator]) -> [String: Int] {
        // The first of two with the same id wins, as a search of the array would find it.
        Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func indicator(_ id: String) -> Indicator? { indicatorPositions[id].map { indicators[$0] } }

    /// Every page the build writes from Markdown, in a stable order.
    public var allPages: [ContentPage] { [priority] + outcomes + commitments + pages }
}

public struct SiteConfig: Sendable {
    public var title: String
    public var organisation: String
    public var language: String
    public var baseURL: String
    public var lastReviewed: String
    public var contactEmail: String?
    public var contactURL: String?
    public var unsafeHTML: Bool
    public var nationalComparator: String
    public var regionalComparator: String?
    public var dataLicence: Link
    public var parent: Link?
    public var footerLinks: [Link]
    /// `status_labels:` in site.yml: the words shown for a commitment status.
    public var statusLabels: [CommitmentStatus: String] = [:]
    /// Where `last_reviewed` is written, for the stale-data warning.
    public var lastReviewedLocation: SourceLocation?
    /// Where `language:` is written, for a problem with its word file; nil when it is not written.
    public var languageLocation: SourceLocation?
    /// `area_code:` the ONS code of the site's area (E06000032), the rows `plansite import` keeps.
    public var areaCode: String?
    /// `logo:` a file in the templates' `assets/` folder shown in the header, with where it is written.
    public var logo: Located<String>?
    /// `logo_alt:` the logo's text alternative; empty when the site title beside it says it all.
    public var logoAlt: String = ""
    /// `plan_horizon:` the year the plan runs to ("2028"), for "what we will see by 2028".
    public var planHorizon: String?
    /// `full_text_search: true`: the finder also searches the words of every indicator page,
    /// through an index Pagefind makes from the written pages (Output's `FullTextSearch`).
    public var fullTextSearch = false
    /// Where `full_text_search` is written, for a build that cannot find Pagefind.
    public var fullTextSearchLocation: SourceLocation?
}

public struct Link: Sendable, Hashable {
    public var title: String
    public var url: String
    public var location: SourceLocation?
}

public struct ImageRef: Sendable, Hashable {
    public var src: String
    public var alt: String
    public var decorative: Bool
    public var location: SourceLocation
}

/// A value read from a file, with where it was written (for cross-reference errors).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
}

public enum PageKind: String, Sendable {
    case priority, outcome, commitment, sibling, page
}

/// The RAG vocabulary of council performance reports. Each is shown as a tag whose
/// words carry the meaning; `site.yml` `status_labels:` may reword them.
public enum CommitmentStatus: String, Sendable, CaseIterable {
    case notStarted = "not-started"
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"
    case achieved
    /// No one has judged it against figures: the default for a commitment with no indicator and no target.
    case notAssessed = "not-assessed"

    /// Accepted as written in older content, meaning the same as another status.
    public static let synonyms: [String: CommitmentStatus] = ["in-progress": .onTrack]

    /// The RAG colours, which name no status on their own: each is refused with the status it usually means.
    public static let colours: [String: CommitmentStatus] = ["green": .onTrack, "amber": .atRisk, "red": .offTrack]

    /// A status as written in front matter, including its synonyms.
    public init?(written text: String) {
        guard let status = CommitmentStatus(rawValue: text) ?? Self.synonyms[text] else { return nil }
        self = status
    }

    /// Its words, in the site's language.
    public func label(_ words: Words) -> String {
        switch self {
        case .notStarted: words(.statusNotStarted)
        case .onTrack: words(.statusOnTrack)
        case .atRisk: words(.statusAtRisk)
        case .offTrack: words(.statusOffTrack)
        case .achieved: words(.statusAchieved)
        case .notAssessed: words(.statusNotAssessed)
        }
    }

    /// The label `site.yml` gives it, or its own.
    public func label(in config: SiteConfig, words: Words) -> String { config.statusLabels[self] ?? label(words) }

    /// The valid value nearest a typo ("on-trak" → "on-track"), when one is close.
    public static func nearest(to text: String) -> String? {
        let names = allCases.map(\.rawValue) + synonyms.keys.sorted()
        guard let best = names.min(by: { ($0.editDistance(to: text), $0) < ($1.editDistance(to: text), $1) }) else { return nil }
        return best.editDistance(to: text) <= max(2, text.count / 3) ? best : nil
    }
}

/// A commitment's target for one of its indicators.
public struct CommitmentTarget: Sendable, Hashable {
    public var indicator: Located<String>
    public var value: Double
    public var by: String
    public var label: String
    /// `baseline: { period, value }`: where the line to the target starts, so progress is
    /// judged against where the figure should be by now, not against the end point.
    public var baseline: Observation?
    public var location: SourceLocation?
}

/// Who judged a commitment's status, on which day, and why (`assessed_by`, `assessed_on`, `reason`).
public struct CommitmentAssessment: Sendable, Hashable {
    public var by: String?
    public var on: Located<CalendarDate>?
    public var reason: String?
    /// `assessed_on` is written but is no date (already an error): not missing as well.
    public var unreadableDate = false
    /// Where `status:` is written (or the file, when it is not), for the checks' warnings.
    public var statusLocation: SourceLocation

    public var isEmpty: Bool { by == nil && on == nil && reason == nil }
}

/// One Markdown file: its front matter, read into fields, and its body.
public struct ContentPage: Sendable {
    public var kind: PageKind
    public var slug: String
    /// Path as diagnostics print it ("content/outcomes/x.md").
    public var path: String
    /// Path inside the content folder ("outcomes/x.md"), which relative `.md` links name.
    public var sourceFile: String
    public var title: String
    public var summary: String?
    public var order: Int
    public var image: ImageRef?
    public var body: String
    /// Line of the file on which `body` starts (front matter comes before it).
    public var bodyFirstLine: Int
    public var indicatorIDs: [Located<String>] = []
    public var targets: [CommitmentTarget] = []
    public var due: String?
    public var status: CommitmentStatus?
    public var assessment: CommitmentAssessment?
    /// `last_reviewed:` in front matter, with where it is written.
    public var lastReviewed: Located<String>?
    public var url: String?
    /// Where `url` is written, for link checks.
    public var urlLocation: SourceLocation?
    public var draft: Bool = false
    /// `verbatim: true`: the text is published elsewhere and stays word for word, so the
    /// plain-language lint does not ask for it to be rewritten.
    public var verbatim: Bool = false

    /// Where the page is written, relative to the output folder.
    public var outputDirectory: String { route?.path ?? "" }

    /// Where the page's relative links start from.
    public var linkOrigin: LinkOrigin { LinkOrigin(sourceFile: sourceFile, directory: outputDirectory) }
}
