import PlanSiteKit
import Foundation

/// The preview-only additions to pages: a reload script and the build-error page.
/// Nothing here is ever written to disk, so `site/` can never contain it.
public enum LiveReload {
    /// Every URL the preview adds lives under this prefix, which no content page can produce
    /// (page slugs cannot start with `_`), so preview routes never shadow a page.
    public static let prefix = "/__plansite/"
    public static let eventsPath = prefix + "events"

    /// Connects to the event stream; the server sends the current build number on connect and
    /// after every build. Comparing with the number the page was served with also catches a
    /// build that finished between loading the page and opening the stream.
    static func script(version: Int) -> String {
        """
        <script data-plansite-preview>
        (function () {
          var served = "\(version)";
          var events = new EventSource("\(eventsPath)");
          events.onmessage = function (event) {
            if (event.data !== served) { events.close(); location.reload(); }
          };
        })();
        </script>
        """
    }

    /// Puts the script just before `</body>`, or at the end if a template forgot it.
    static func inject(into html: Data, version: Int) -> Data {
        let page = String(decoding: html, as: UTF8.self)
        let script = script(version: version)
        guard let end = page.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return Data((page + script).utf8)
        }
        return Data(page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script + "\n").utf8)
    }

    /// The page shown instead of any page while the latest build has errors.
    static func errorPage(diagnostics: String, summary: String, version: Int) -> Data {
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed – PlanSite preview</title>
        <style>
        body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem; max-width: 60rem; }
        pre { background: #f4f4f4; color: #111; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }
        </style>
        </head>
        <body>
        <main>
        <h1>Build failed</h1>
        <p>\(Markup.escape(summary)). The preview keeps the last good build; this page reloads by itself when the next build succeeds.</p>
        <pre id="plansite-diagnostics">\(Markup.escape(diagnostics))</pre>
        </main>
        </body>
        </html>
        """
        return inject(into: Data(html.utf8), version: version)
    }
}
