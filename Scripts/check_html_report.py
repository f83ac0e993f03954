#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe: JSON messages
ended by NUL on file descriptors 3 and 4, so nothing but the standard library is needed) to check
a Parallax HTML report:

  - at each width: a screenshot; no horizontal overflow; on a narrow screen the findings come
    before the accounts; every visible text's colour against its background meets WCAG AA
    (4.5:1, or 3:1 for large text), from computed styles;
  - clicking the middle of an A sentence that has a counterpart selects it, lights up every
    sentence of its alignment groups and scrolls one into view in B's column; a category
    filter hides and shows its findings;
  - with --light PAGE: the light page draws no more than a window of sentences and a page of
    findings, and clicking a finding draws its sentences.

Usage: check_html_report.py CHROMIUM PAGE OUT_DIR [--light LIGHT_PAGE]
Prints one line per check; exit 0 when all pass, 1 otherwise.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time

WIDTHS = [360, 768, 1400]


class Browser:
    def __init__(self, chromium, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        flags = ["--headless", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--remote-debugging-pipe",
                 "--user-data-dir=" + profile, "--force-device-scale-factor=1"]
        if os.geteuid() == 0:
            flags.append("--no-sandbox")
        self.process = subprocess.Popen([chromium] + flags + ["about:blank"], preexec_fn=wire, pass_fds=(3, 4),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def load(self, url, width, height=900):
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
        self.send("Page.navigate", {"url": url})
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.evaluate("document.readyState") == "complete" and self.evaluate("location.href") == url:
                return
            time.sleep(0.1)
        raise RuntimeError(f"{url} did not load")

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        self.process.wait(timeout=30)


# WCAG 2.x contrast of every visible text against the background it is drawn on.
CONTRAST = r"""
(() => {
  function rgba(s) { const m = s.match(/[\d.]+/g) || [0, 0, 0, 0]; return m.length >= 4 ? m.map(Number) : m.map(Number).concat([1]); }
  function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }
  function over(top, bottom) { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); }
  function background(e) {
    const layers = [];
    for (let n = e; n; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor); if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let color = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i], color);
    return color;
  }
  const failures = []; let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement;
    if (!e || seen.has(e) || !t.textContent.trim()) continue;
    seen.add(e);
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || e.closest('[hidden], script, style')) continue;
    const fg = over(rgba(s.color), background(e)), bg = background(e);
    const L1 = lum(fg), L2 = lum(bg), ratio = (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05);
    const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    checked++;
    if (ratio < need) failures.push(`${e.tagName.toLowerCase()}.${e.className} "${t.textContent.trim().slice(0, 30)}" ${s.color} on rgb(${bg.slice(0, 3).map(Math.round)}) = ${ratio.toFixed(2)} < ${need}`);
  }
  return { checked, failures: failures.slice(0, 15), failed: failures.length };
})()
"""

LAYOUT = r"""
(() => {
  const f = document.querySelector('.findings'), a = document.getElementById('doc-A');
  return { overflow: document.documentElement.scrollWidth - window.innerWidth,
           findingsTop: Math.round(f.getBoundingClientRect().top + scrollY), accountTop: Math.round(a.getBoundingClientRect().top + scrollY),
           nestedScroll: getComputedStyle(document.querySelector('.body')).overflowY };
})()
"""

# The interaction test that used to ship inside the page.
CLICK = r"""
(() => {
  const all = (s, r) => Array.from((r || document).querySelectorAll(s));
  const words = v => (v || '').split(' ').filter(w => w);
  const partners = s => { const out = []; words(s.getAttribute('data-groups')).forEach(g => all('.s[data-groups~="' + g + '"]').forEach(p => { if (p !== s && !out.includes(p)) out.push(p); })); return out; };
  const candidates = all('#doc-A .s[data-groups]').filter(s => partners(s).some(p => p.closest('#doc-B')));
  const pick = candidates[Math.floor(candidates.length / 2)];
  if (!pick) return 'fail: no A sentence with a counterpart in B';
  pick.scrollIntoView({ block: 'center' });
  const r = pick.querySelector('.t').getBoundingClientRect();
  const x = r.left + Math.min(20, r.width / 2), y = r.top + Math.min(8, r.height / 2);
  const hit = document.elementFromPoint(x, y);
  if (!hit || !pick.contains(hit)) return 'fail: the point clicked is not on ' + pick.id;
  hit.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y, view: window }));
  const lit = all('.s.lit').map(s => s.id), expected = partners(pick).map(s => s.id);
  const visible = all('#doc-B .s.lit').filter(s => { const b = s.closest('.body').getBoundingClientRect(), e = s.getBoundingClientRect(); return e.bottom > b.top && e.top < b.bottom && e.bottom > 0 && e.top < innerHeight; });
  let ok = pick.classList.contains('sel') && lit.length > 0 && expected.every(id => lit.includes(id)) && visible.length > 0;
  let result = 'clicked ' + pick.id + '; lit ' + lit.join(',') + '; visible in B ' + visible.map(s => s.id).join(',');
  const filter = document.querySelector('.filters input');
  if (filter) {
    const category = filter.id.replace('show-', ''), finding = document.querySelector('.f.cat-' + category);
    filter.click(); const hidden = finding && getComputedStyle(finding).display === 'none';
    filter.click(); const shown = finding && getComputedStyle(finding).display !== 'none';
    result += hidden && shown ? '; filter ' + category + ' hides and shows its findings' : '; filter ' + category + ' does not hide its findings';
    ok = ok && hidden && shown;
  }
  return (ok ? 'pass: ' : 'fail: ') + result;
})()
"""

LIGHT = r"""
(() => {
  const drawn = document.querySelectorAll('.s').length, findings = document.querySelectorAll('.f').length;
  const total = JSON.parse(document.getElementById('report-data').textContent);
  const more = document.getElementById('more-findings'); more.click();
  const after = document.querySelectorAll('.f').length;
  const last = document.querySelectorAll('.f')[after - 1];
  last.click();
  const lit = Array.from(document.querySelectorAll('.s.lit')).map(s => s.id);
  const wanted = (last.getAttribute('data-sentences') || '').split(' ').filter(x => x);
  const ok = drawn <= 200 && findings <= 100 && after > findings && (wanted.length === 0 || lit.length > 0);
  return (ok ? 'pass: ' : 'fail: ') + `${drawn} of ${total.a.length + total.b.length} sentences drawn, ${findings} of ${total.f.length} findings, ${after} after "show more"; clicking #${last.id} lit ${lit.slice(0, 4).join(',')}`;
})()
"""


def main():
    chromium, page, out = sys.argv[1:4]
    light = sys.argv[sys.argv.index("--light") + 1] if "--light" in sys.argv else None
    ok = True
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile)
        try:
            browser.open()
            url = "file://" + os.path.abspath(page)
            for width in WIDTHS:
                browser.load(url, width)
                layout = browser.evaluate(LAYOUT)
                contrast = browser.evaluate(CONTRAST)
                shot = os.path.join(out, f"report-{width}.png")
                browser.screenshot(shot)
                narrow_ok = width > 700 or layout["findingsTop"] < layout["accountTop"]
                width_ok = layout["overflow"] <= 0
                good = narrow_ok and width_ok and contrast["failed"] == 0
                ok = ok and good
                print(f"{'pass' if good else 'fail'}: {width}px: overflow {layout['overflow']}px, findings at {layout['findingsTop']}px, "
                      f"account A at {layout['accountTop']}px, contrast {contrast['checked'] - contrast['failed']}/{contrast['checked']} texts AA; {shot}")
                for failure in contrast["failures"]:
                    print("  contrast: " + failure)
                if width in (768, 1400):
                    verdict = browser.evaluate(CLICK)
                    ok = ok and verdict.startswith("pass")
                    print(f"{verdict.split(':')[0]}: {width}px click: {verdict.split(': ', 1)[1]}")
            if light:
                browser.load("file://" + os.path.abspath(light), 1400)
                verdict = browser.evaluate(LIGHT)
                ok = ok and verdict.startswith("pass")
                browser.screenshot(os.path.join(out, "light-1400.png"))
                print(f"{verdict} ({os.path.join(out, 'light-1400.png')})")
        finally:
            browser.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
