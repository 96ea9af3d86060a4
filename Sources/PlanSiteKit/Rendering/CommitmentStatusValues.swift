import Foundation

/// What the status partial (`partials/commitment-status.mustache`) shows of a commitment,
/// the same on its page, the home page and the at-a-glance table: the status, who assessed
/// it and when, and why. The words around these values are the partial's.
enum CommitmentStatusValues {
    static func values(for commitment: ContentPage, config: SiteConfig, words: Words) -> [String: Any] {
        let assessment = commitment.assessment
        let on = assessment?.on?.value
        return [
            "status": TemplateText.optional(commitment.status?.label(in: config, words: words)),
            "status_class": TemplateText.optional(commitment.status?.rawValue),
            "has_assessment": assessment?.by != nil || on != nil, "is_not_assessed": commitment.status == .notAssessed,
            "assessed_by": TemplateText.optional(assessment?.by),
            "assessed_on": TemplateText.optional(on?.long(words)), "assessed_on_iso": TemplateText.optional(on?.description),
            "reason": TemplateText.optional(assessment?.reason),
        ]
    }
}
