import Foundation

/// The small site `plansite new DIR` writes: settings, the priority, one outcome, one
/// commitment, one indicator with a year of data, and the accessibility and about-the-data
/// pages. It builds, passes `check --strict` and the browser audit as written (a test builds
/// and audits it), so a council starts from something that works and changes it a file at a time.
public enum StarterSite {
    public struct File: Sendable {
        public var path: String
        public var text: String
    }

    /// Writes the starter content into `folder/content`. Refuses (returns the reason) if that
    /// folder already exists, so it never overwrites a site.
    public static func write(into folder: URL) -> String? {
        let content = folder.appendingPathComponent("content")
        if FileManager.default.fileExists(atPath: content.path) {
            return "'\(content.path)' already exists; choose a new folder, so no content is overwritten"
        }
        do {
            for file in files {
                let url = content.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
        } catch {
            return "could not write the starter site into '\(folder.path)': \(error.localizedDescription)"
        }
        return nil
    }

    public static let files: [File] = [
        File(
            path: "site.yml",
            text: """
                # The site's settings: every key is described in docs/content-format.md.
                title: Cleaner, greener streets
                organisation: Example Borough Council
                language: en-GB
                base_url: https://example.org/cleaner-greener-streets/
                last_reviewed: 2026-01-15
                contact_email: web@example.org
                national_comparator: England
                footer_links:
                  - { title: Accessibility statement, url: /accessibility/ }
                  - { title: About the data, url: /about-the-data/ }

                """),
        File(
            path: "priority.md",
            text: """
                ---
                title: Cleaner, greener streets
                summary: Streets that are clean, safe and green, in every neighbourhood.
                ---
                ## Why it matters

                Clean streets make neighbourhoods nicer places to live. This site shows how we are doing, \
                with the figures behind it.

                """),
        File(
            path: "outcomes/cleaner-streets.md",
            text: """
                ---
                title: Cleaner streets
                order: 1
                summary: Fewer streets with litter.
                indicators: [streets-with-litter]
                ---
                We survey a sample of streets every spring and count those with litter.

                """),
        File(
            path: "commitments/more-litter-bins.md",
            text: """
                ---
                title: More litter bins
                order: 1
                summary: New litter bins where surveys find the most litter.
                due: "2028"
                # Until someone judges its progress, a commitment is "not assessed". To give it a status,
                # write who judged it and when: status: on-track, assessed_by: the Waste Service,
                # assessed_on: 2026-03-01, reason: a sentence on the evidence.
                ---
                We will add litter bins on the streets where the spring survey finds the most litter.

                """),
        File(
            path: "indicators/streets-with-litter.yml",
            text: """
                id: streets-with-litter
                title: Streets with litter
                summary: The share of surveyed streets with litter on them.
                unit: "%"
                decimals: 1
                polarity: lower-is-better
                geography: Example Borough
                series:
                  - { period: "2025", value: 12.5 }
                source:
                  publisher: Example Borough Council
                  title: Spring street cleanliness survey
                  url: https://example.org/street-survey
                  licence: Open Government Licence v3.0

                """),
        File(
            path: "pages/accessibility.md",
            text: """
                ---
                title: Accessibility statement
                ---
                ## How accessible this website is

                This website is run by Example Borough Council. We want as many people as possible to be able \
                to use it. You should be able to change colours and zoom in up to 400% without the text \
                spilling off the screen. You should be able to use the whole website with a keyboard or a \
                screen reader.

                ## Reporting accessibility problems

                If you find a problem with this website, email web@example.org.

                """),
        File(
            path: "pages/about-the-data.md",
            text: """
                ---
                title: About the data
                summary: Where the figures on this website come from and how to read them.
                ---
                Each indicator page names its source. Every figure is shown with the year or period it covers.

                ## Downloading the data

                Each indicator page has its figures as a CSV file, which opens in a spreadsheet.

                """),
    ]
}
