import BeadsTestSupport
import Foundation
import Testing

/// `beads serve` in a real browser (headless Chromium over the DevTools protocol): a
/// newcomer pastes the shipped overlay error and sees mo-jgo, opens the board and a bead,
/// and watches a change made with the CLI appear without reloading; every page at desktop
/// and phone width, with screenshots in .build/test-output/screenshots (or
/// $BEADS_TEST_OUTPUT/screenshots) to look at.
@Suite(.serialized, .enabled(if: HeadlessBrowser.executable != nil, Comment(rawValue: HeadlessBrowser.missingMessage)))
struct ServeBrowserEndToEndTests {
    static let screenshots =
        (ProcessInfo.processInfo.environment["BEADS_TEST_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? BeadsBinary.repository + "/.build/test-output") + "/screenshots"

    @Test func aNewcomerPastesAnErrorBrowsesAndWatchesACLIChangeAppear() throws {
        let team = try ServePagesEndToEndTests.Team()
        let server = try ServeProcess(kb: team.kb)
        let browser = try HeadlessBrowser()

        // The log is picked as a file, which the page's script reads into the paste box.
        let log = team.kb.path + "/build.log"
        try ("#4 [api 2/5] RUN npm ci\n" + ServeEndToEndTests.overlay + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        try browser.open(server.url)
        let document = try browser.call("DOM.getDocument")
        let root = (document["root"] as? [String: Any])?["nodeId"] as? Int ?? 0
        let picker = try browser.call("DOM.querySelector", ["nodeId": root, "selector": "#file-picker input"])["nodeId"] as? Int ?? 0
        #expect(picker != 0, "the file picker is shown when the script runs")
        try browser.call("DOM.setFileInputFiles", ["files": [log], "nodeId": picker])
        try browser.waitFor("document.getElementById('text').value.includes('err: invalid argument')", what: "the file in the paste box")
        try browser.evaluate("document.querySelector('form[action=\"/fix\"] button').click(); true")
        try browser.waitFor(
            "document.querySelector('.bead') && document.querySelector('.bead').textContent === 'mo-jgo'", what: "the known error mo-jgo")
        #expect(try browser.string("document.body.innerText").contains("Root cause"))
        try browser.screenshot(to: Self.screenshots + "/fix-result-desktop.png")

        try browser.open(server.url + "board")
        try browser.waitFor("document.querySelector('#ready a[href=\"/beads/\(team.runner)\"]') !== null", what: "the board's ready column")
        try browser.evaluate("document.querySelector('#ready a[href=\"/beads/\(team.runner)\"]').click(); true")
        try browser.waitFor(
            "location.pathname === '/beads/\(team.runner)' && document.querySelector('svg.graph') !== null",
            what: "the bead's page with its graph")

        // A change from the terminal reaches the open page, which swaps its content in place.
        try browser.evaluate("window.beadsMarker = 42; true")
        _ = try team.kb.run("update", team.runner, "--title", "Upgrade the CI runner image to 24.04")
        try browser.waitFor(
            "document.querySelector('main h1').textContent.includes('to 24.04')", what: "the new title to appear", timeout: 15)
        #expect(try browser.evaluate("window.beadsMarker") as? Int == 42, "updated without reloading the page")
        #expect(try browser.string("document.getElementById('live').textContent").contains("the store changed"))

        try browser.open(server.url + "board")
        _ = try team.kb.run("create", "Rotate the registry credentials", "-p", "1")
        try browser.waitFor(
            "document.querySelector('#ready').textContent.includes('Rotate the registry credentials')", what: "the new bead on the board",
            timeout: 15)
    }

    @Test func everyPageReadsOnADesktopAndAPhone() throws {
        let team = try ServePagesEndToEndTests.Team()
        let server = try ServeProcess(kb: team.kb)
        _ = try server.postForm("fix", ["--data-urlencode", "text=" + ServeEndToEndTests.overlay])
        let browser = try HeadlessBrowser()
        let pages = [
            ("paste", ""), ("board", "board"), ("bead", "beads/\(team.node)"), ("bead-mo-jgo", "beads/mo-jgo"), ("docs", "docs"),
            ("doc", "docs/docker-build-devpod.md"), ("runbook", "docs/runbooks/ci-runner.md"), ("known-errors", "errors"),
        ]
        for (width, height, mobile, name) in [(1280, 900, false, "desktop"), (390, 844, true, "phone")] {
            try browser.resize(width: width, height: height, mobile: mobile)
            for (page, path) in pages {
                try browser.open(server.url + path)
                // Wide content (tables, code, the graph) scrolls inside itself, never the page.
                let overflow = try browser.evaluate("document.documentElement.scrollWidth - window.innerWidth") as? Int ?? -1
                #expect((0...1).contains(overflow), "\(page) at \(name) width scrolls sideways by \(overflow) px")
                // Every field has a label (a doc's task-list boxes are disabled, shown, not fields);
                // the page has one h1 and a main landmark.
                let unlabelled = try browser.string(
                    "[...document.querySelectorAll('input:not([type=hidden]):not([disabled]),select,textarea')].filter(e => !e.closest('[hidden]') && !(e.labels && e.labels.length)).map(e => e.name || e.id).join(',')"
                )
                #expect(unlabelled.isEmpty, "\(page): fields without a label: \(unlabelled)")
                #expect(try browser.evaluate("document.querySelectorAll('h1').length") as? Int == 1, "\(page)")
                #expect(try browser.evaluate("document.querySelector('main') !== null") as? Bool == true)
                let lowContrast = try browser.string(Self.contrastCheck)
                #expect(lowContrast.isEmpty, "\(page) at \(name): text below WCAG AA contrast: \(lowContrast)")
                try browser.screenshot(to: Self.screenshots + "/\(page)-\(name).png")
            }
        }
        // Keyboard: the first Tab lands on the skip link, which leads to the content.
        try browser.resize(width: 1280, height: 900, mobile: false)
        try browser.open(server.url + "board")
        try browser.call("Input.dispatchKeyEvent", ["type": "keyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9])
        try browser.call("Input.dispatchKeyEvent", ["type": "keyUp", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9])
        #expect(try browser.string("document.activeElement.textContent") == "Skip to the content")
    }

    /// Every element with text of its own, outside the SVG drawings, against WCAG 2's AA
    /// contrast (4.5:1, 3:1 for large text), with the background of the nearest ancestor
    /// that has one. Returns the offenders, or "".
    static let contrastCheck = #"""
        (() => {
          const rgb = s => { const m = s.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(',').map(Number);
                             return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                                     if (c && c.a > 0) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
          const bad = [];
          for (const el of document.querySelectorAll('body *')) {
            if (el.closest('svg') || !Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden') continue;
            const a = luminance(rgb(style.color)), b = luminance(background(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(style.fontSize), large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
            if (ratio < (large ? 3 : 4.5)) bad.push(el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
          }
          return bad.join(' | ');
        })()
        """#
}
