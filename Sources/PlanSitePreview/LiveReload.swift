import Foundation
import PlanSiteKit

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

    /// The warnings `check --strict` turns into errors, so the preview shows what CI will refuse.
    /// Fixed to the top of the window (it is put at the end of the page, like the script), and
    /// drawn with system colours so it reads in light, dark and forced colours alike.
    static func banner(_ warnings: (diagnostics: String, count: Int)) -> String {
        let count = warnings.count == 1 ? "1 warning" : "\(warnings.count) warnings"
        return """
            <aside data-plansite-preview aria-label="Preview warnings" style="position: fixed; inset: 0 0 auto 0; z-index: 1000; \
            max-height: 50vh; overflow: auto; background: Canvas; color: CanvasText; border-bottom: 3px solid CanvasText; \
            padding: 0.5rem 1rem; font: 1rem/1.5 system-ui, sans-serif">
            <details><summary><strong>Preview: \(count)</strong>. CI runs <code>plansite check --strict</code>, which \
            refuses to publish until \(warnings.count == 1 ? "it is" : "they are") fixed. Show \(warnings.count == 1 ? "it" : "them").</summary>
            <pre style="white-space: pre-wrap">\(Markup.escape(warnings.diagnostics))</pre></details>
            </aside>

            """
    }

    /// Puts the script just before `</body>`, or at the end if a template forgot it. The page
    /// is searched as bytes from its end: it is asked for every time the browser polls, and
    /// decoding a large page to search it as a String took a core's worth of time.
    static func inject(into html: Data, version: Int, warnings: (diagnostics: String, count: Int)? = nil) -> Data {
        let script = Data(((warnings.map(banner) ?? "") + script(version: version)).utf8)
        guard let end = lastBodyClose(in: html) else { return html + script }
        var page = Data(capacity: html.count + script.count + 1)
        page.append(html[html.startIndex..<end])
        page.append(script)
        page.append(UInt8(ascii: "\n"))
        page.append(html[end...])
        return page
    }

    /// Where the last `</body>` (in any letter case) starts.
    private static func lastBodyClose(in html: Data) -> Data.Index? {
        let tag = Array("</body>".utf8)
        return html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            guard bytes.count >= tag.count else { return nil }
            for start in stride(from: bytes.count - tag.count, through: 0, by: -1) {
                // ASCII letters lower-cased by setting bit 5; "<" and "/" are compared exactly.
                if tag.indices.allSatisfy({ index in
                    let byte = bytes[start + index]
                    return (tag[index] >= 0x61 ? byte | 0x20 : byte) == tag[index]
                }) {
                    return start
                }
            }
            return nil
        }.map { html.startIndex + $0 }
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
            <p>\(Markup.escape(summary)). Every page shows this report until the build succeeds again; it reloads by itself when you save the fix.</p>
            <pre id="plansite-diagnostics">\(Markup.escape(diagnostics))</pre>
            </main>
            </body>
            </html>
            """
        return inject(into: Data(html.utf8), version: version)
    }
}
