/// The Atom feed of indicator updates (RFC 4287), `updates.xml`: one entry per indicator with
/// `updated:`, newest first. Every date in it comes from the content, none from the build's
/// clock, so two builds of the same content write the same bytes. No indicator with
/// `updated:`, no feed.
struct UpdatesFeed {
    var site: Site

    func file() -> OutputFile? {
        let dated = site.indicators.compactMap { indicator in
            indicator.updated.flatMap { CalendarDate(iso: $0.value) }.map { (indicator: indicator, date: $0) }
        }
        // Newest first; on the same day, by id, so the order never depends on the file order.
        let entries = dated.sorted { ($1.date, $0.indicator.id) < ($0.date, $1.indicator.id) }
        guard let newest = entries.first?.date else { return nil }
        let config = site.config
        let words = site.words
        let feedURL = config.baseURL + Route.updatesFeed.path
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(Markup.escape(config.language))\">\n"
        xml += "  <title>\(Markup.escape(words(.updatesFeedTitle, ["site_title": config.title])))</title>\n"
        xml += "  <id>\(Markup.escape(feedURL))</id>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Markup.escape(feedURL))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape(config.baseURL + Route.home.path))\"/>\n"
        xml += "  <updated>\(Self.timestamp(newest))</updated>\n"
        xml += "  <author><name>\(Markup.escape(config.organisation))</name></author>\n"
        for (indicator, date) in entries {
            let page = Markup.escape(config.baseURL + Route.indicator(id: indicator.id).path)
            var summary = words(.updatesFeedSummary, ["title": indicator.title, "date": date.long(words)])
            if let more = indicator.summary, !more.isEmpty { summary += " " + more }
            xml += "  <entry>\n"
            xml += "    <title>\(Markup.escape(indicator.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(page)\"/>\n"
            xml += "    <id>\(page)</id>\n"
            xml += "    <updated>\(Self.timestamp(date))</updated>\n"
            xml += "    <summary>\(Markup.escape(summary))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: Route.updatesFeed.path, text: xml)
    }

    /// Atom's dates are date-times: the start of the day, in UTC.
    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}
