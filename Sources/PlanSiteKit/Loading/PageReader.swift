import Foundation

/// Turns one Markdown file's front matter into a `ContentPage`.
struct PageReader {
    var path: String
    var sourceFile: String
    var slug: String
    var kind: PageKind
    var document: YAMLDocument?
    var body: String
    var bodyFirstLine: Int

    static let commonKeys: Set<String> = [
        "title", "summary", "order", "image", "image_alt", "decorative", "draft", "last_reviewed", "verbatim",
    ]
    static let keysByKind: [PageKind: Set<String>] = [
        .priority: [], .page: [],
        .outcome: ["indicators"],
        .commitment: ["indicators", "targets", "due", "status", "assessed_by", "assessed_on", "reason"],
        .sibling: ["url"],
    ]

    /// The page (with whatever of its front matter could be read); every problem found is added to `problems`.
    func read(problems: inout [Diagnostic]) -> ContentPage? {
        let fileStart = SourceLocation(path: path)
        guard let document, let root = document.root else {
            problems.append(.error(fileStart, "missing front matter: start the file with a `---` line, then `title: …`, then `---`"))
            return nil
        }
        let fields = FieldReader(root, in: document, subject: "front matter")
        if !Identifier.isValid(slug) {
            problems.append(
                .error(fileStart, "file name '\(slug)' must use only lower-case letters, digits and hyphens; it becomes the page's address")
            )
        }
        fields.checkUnknownKeys(allowed: Self.commonKeys.union(Self.keysByKind[kind] ?? []), .errorIfNearMiss)
        let title = fields.string("title", required: true) ?? ""
        var page = ContentPage(
            kind: kind, slug: slug, path: path, sourceFile: sourceFile, title: title, summary: fields.string("summary"),
            order: fields.integer("order", in: 0...10_000) ?? 10_000, image: readImage(fields),
            body: body, bodyFirstLine: bodyFirstLine)
        page.draft = fields.bool("draft") ?? false
        if let node = fields.value("last_reviewed"), let text = fields.date("last_reviewed") {
            page.lastReviewed = Located(value: text, location: fields.location(of: node))
        }
        page.verbatim = fields.bool("verbatim") ?? false
        page.indicatorIDs = readIDs(fields)
        if kind == .commitment {
            page.due = fields.string("due")
            page.status = readStatus(fields)
            page.targets = readTargets(fields)
            page.assessment = readAssessment(fields)
            // Nothing to judge it by: not assessed, unless the page says otherwise.
            if page.status == nil, fields.value("status") == nil, page.indicatorIDs.isEmpty, page.targets.isEmpty {
                page.status = .notAssessed
            }
        }
        if kind == .sibling {
            page.url = fields.string("url", required: true)
            page.urlLocation = fields.value("url").map(fields.location(of:))
        }
        problems += fields.diagnostics
        return page
    }

    private func readImage(_ fields: FieldReader) -> ImageRef? {
        guard let srcNode = fields.value("image"), let src = fields.string("image") else { return nil }
        let decorative = fields.bool("decorative") ?? false
        let alt = fields.string("image_alt")
        if alt == nil {
            fields.error(
                srcNode, "image needs `image_alt`: describe it, or write `image_alt: \"\"` and `decorative: true` if it is only decoration")
        } else if alt == "" && !decorative {
            fields.error(srcNode, "`image_alt` is empty: describe the image, or add `decorative: true` if it is only decoration")
        }
        return ImageRef(src: src, alt: alt ?? "", decorative: decorative, location: fields.location(of: srcNode))
    }

    private func readIDs(_ fields: FieldReader) -> [Located<String>] {
        (fields.sequence("indicators") ?? []).compactMap { node in
            guard let id = node.string, !id.isEmpty else {
                fields.error(node, "each entry of `indicators` must be an indicator id")
                return nil
            }
            return Located(value: id, location: fields.location(of: node))
        }
    }

    private func readStatus(_ fields: FieldReader) -> CommitmentStatus? {
        guard let node = fields.value("status"), let text = fields.string("status") else { return nil }
        if let meant = CommitmentStatus.colours[text.lowercased()] {
            fields.error(
                node,
                "`status` is a colour, \"\(text)\"; write the status it stands for, `\(meant.rawValue)`, "
                    + "so the words say what the colour means")
            return nil
        }
        guard let status = CommitmentStatus(written: text) else {
            let allowed = CommitmentStatus.allCases.map(\.rawValue).joined(separator: ", ")
            let hint = CommitmentStatus.nearest(to: text).map { "; did you mean `\($0)`?" } ?? ""
            fields.error(node, "`status` must be one of \(allowed) (or in-progress, which means on-track), found \"\(text)\"\(hint)")
            return nil
        }
        return status
    }

    /// `assessed_by`, `assessed_on` and `reason`: who judged the status, when, and why.
    private func readAssessment(_ fields: FieldReader) -> CommitmentAssessment {
        var assessment = CommitmentAssessment(
            by: fields.string("assessed_by"), reason: fields.string("reason"),
            statusLocation: fields.value("status").map(fields.location(of:)) ?? fields.location)
        if let node = fields.value("assessed_on"), let text = fields.string("assessed_on") {
            if let date = CalendarDate(iso: text) {
                assessment.on = Located(value: date, location: fields.location(of: node))
            } else {
                assessment.unreadableDate = true
                fields.error(node, "`assessed_on` must be a date that exists, written \(CalendarDate.form), found \"\(text.prefix(40))\"")
            }
        }
        return assessment
    }

    private func readTargets(_ fields: FieldReader) -> [CommitmentTarget] {
        (fields.sequence("targets") ?? []).compactMap { node in
            fields.nested(node, subject: "target") { target in
                target.checkUnknownKeys(allowed: ["indicator", "value", "by", "label", "baseline"], .error)
                guard let idNode = target.value("indicator"), let id = target.string("indicator", required: true),
                    let value = target.number("value", required: true),
                    let label = target.string("label", required: true)
                else {
                    if target.value("indicator") == nil { target.missing("indicator") }
                    return nil
                }
                return CommitmentTarget(
                    indicator: Located(value: id, location: target.location(of: idNode)),
                    value: value, by: target.string("by") ?? "", label: label,
                    baseline: readBaseline(target), location: target.location)
            }
        }
    }

    /// `baseline: { period: "2021-22", value: 1060 }`, both required.
    private func readBaseline(_ target: FieldReader) -> Observation? {
        guard let node = target.value("baseline") else { return nil }
        return target.nested(node, subject: "baseline") { baseline in
            baseline.checkUnknownKeys(allowed: ["period", "value"], .error)
            guard let period = baseline.string("period", required: true), let value = baseline.number("value", required: true),
                !period.isEmpty
            else { return nil }
            return Observation(period: period, value: value)
        }
    }
}

/// Ids and slugs become file names and URLs, so they are limited to `[a-z0-9-]`.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 80 && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
            && !text.hasPrefix("-")
    }
}
