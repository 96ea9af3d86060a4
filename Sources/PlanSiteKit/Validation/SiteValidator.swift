/// Every check that runs on a loaded site before anything is rendered.
public struct SiteValidator {
    public var site: Site
    public var templates: TemplateLibrary?

    public init(site: Site, templates: TemplateLibrary?) {
        self.site = site
        self.templates = templates
    }

    public func check() -> [Diagnostic] {
        CrossReferences(site: site).check()
    }
}
