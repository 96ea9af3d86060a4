/// What the status partial (`partials/commitment-status.mustache`) shows of a commitment,
/// the same on its page, the home page and the at-a-glance table: the status, who assessed
/// it and when, and why. The words around these values are the partial's. Its keys are
/// the keys of the record that includes it.
struct CommitmentStatusValues: TemplateModel {
    var status: String?
    var statusClass: String?
    var hasAssessment: Bool
    var isNotAssessed: Bool
    var assessedBy: String?
    var assessedOn: String?
    var assessedOnISO: String?
    var reason: String?

    static let keys = TemplateKeys<Self>([
        .text("status", "The commitment's status, in the site's words (`status`).", \.status),
        .text("status_class", "The status for a CSS class: `on-track`, `delayed`….", \.statusClass),
        .flag("has_assessment", "Whether the status says who assessed it or when.", \.hasAssessment),
        .flag("is_not_assessed", "Whether the status is `not-assessed`.", \.isNotAssessed),
        .text("assessed_by", "Who assessed the status.", \.assessedBy),
        .text("assessed_on", "When, as people write it.", \.assessedOn),
        .text("assessed_on_iso", "When, as YYYY-MM-DD, for `<time datetime>`.", \.assessedOnISO),
        .text("reason", "Why the status is what it is.", \.reason),
    ])

    init(of commitment: ContentPage, config: SiteConfig, words: Words) {
        let assessment = commitment.assessment
        let on = assessment?.on?.value
        status = TemplateText.optional(commitment.status?.label(in: config, words: words))
        statusClass = TemplateText.optional(commitment.status?.rawValue)
        hasAssessment = assessment?.by != nil || on != nil
        isNotAssessed = commitment.status == .notAssessed
        assessedBy = TemplateText.optional(assessment?.by)
        assessedOn = TemplateText.optional(on?.long(words))
        assessedOnISO = TemplateText.optional(on?.description)
        reason = TemplateText.optional(assessment?.reason)
    }
}
