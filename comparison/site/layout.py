"""The frame every page of the site shares: ``<html lang>``, style, navigation between the pages of an edition."""

from __future__ import annotations

import html

from comparison.site.words import word

FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif'

CSS = f"""
body {{ font-family: {FONT}; margin: 0; line-height: 1.6; color: #222; }}
main {{ max-width: 72em; margin: 0 auto; padding: 1em 1.5em 3em; }}
nav.site {{ display: flex; flex-wrap: wrap; gap: .3em 1.2em; padding: .5em 1.5em; border-bottom: 1px solid #ccc;
  background: #f6f6f4; font-size: .95em; }}
nav.site .edition {{ margin-left: auto; }}
a {{ color: #0b5394; }}
h1 small {{ display: block; font-size: .55em; color: #555; font-weight: normal; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }}
th {{ background: #f0f0ec; }}
"""


def page(*, lang: str, title: str, body: str, depth: int = 0, extra_css: str = "", script: str = "", alternate: str | None = None, nav: bool = True) -> str:
    """A whole HTML page of an edition; ``depth`` is how many folders below the edition's folder it sits.

    ``alternate`` is the same page's path in the other edition, relative to
    this page (for the language switch); nothing is loaded from the network.
    """
    up = "../" * depth
    links = [
        f'<a href="{up}index.html">{html.escape(word("contents", lang))}</a>',
        f'<a href="{up}explorer.html">{html.escape(word("explorer", lang))}</a>',
        f'<a href="{up}index.html#sources">{html.escape(word("sources", lang))}</a>',
        f'<a href="{up}index.html#downloads">{html.escape(word("downloads", lang))}</a>',
    ]
    if alternate:
        links.append(f'<a class="edition" href="{html.escape(alternate)}">{html.escape(word("other_edition", lang))}</a>')
    nav_html = f'<nav class="site">{"".join(links)}</nav>' if nav else ""
    script_tag = f"<script>\n{script}\n</script>" if script else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · {html.escape(word("site_title", lang))}</title>
<style>{CSS}{extra_css}</style></head>
<body>
{nav_html}
<main>
{body}
</main>
{script_tag}
</body></html>
"""


def other_edition(lang: str, editions: tuple[str, ...]) -> str | None:
    """The edition the language switch of a ``lang`` page points to (``None`` when there is only one)."""
    others = [e for e in editions if e != lang]
    return others[0] if others else None


def json_for_script(data) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    import json

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
