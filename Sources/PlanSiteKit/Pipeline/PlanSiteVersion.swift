/// The version `plansite --version` prints; raise it with each release.
public enum PlanSiteVersion {
    public static let current = "0.6.0"
}
