"""The index pages: ``site/index.html`` chooses an edition; ``site/<edition>/index.html`` is its contents."""

from __future__ import annotations

import html
import os
from pathlib import Path

from comparison.site.layout import page
from comparison.site.notebooks import CourseInfo
from comparison.site.sources import SourcePage
from comparison.site.words import word

INDEX_CSS = """
ol.path > li { margin-bottom: 1em; }
ol.path .time { color: #555; font-size: .9em; margin-left: .5em; }
ol.path ul { margin: .2em 0; font-size: .92em; }
figure { display: inline-block; margin: .5em; vertical-align: top; }
figcaption { font-size: .8em; color: #555; }
"""


def _inline_code(text: str) -> str:
    """Markdown text with only `code` spans, as HTML."""
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def _rel(path: Path, start: Path) -> str:
    return os.path.relpath(path, start).replace(os.sep, "/")


def write_edition_index(
    edition_dir: Path,
    *,
    lang: str,
    version: str,
    course: list[CourseInfo],
    sources: list[SourcePage],
    source_titles: dict[str, str],
    downloads: list[Path],
    figures: list[Path],
    other: str | None,
) -> Path:
    """``site/<edition>/index.html``: the learning path, the explorer, the annotated sources and the downloads."""
    items = []
    for info in course:
        minutes = f'<span class="time">{html.escape(word("time", lang))}: {info.minutes} {html.escape(word("minutes", lang))}</span>' if info.minutes else ""
        goals = "".join(f"<li>{_inline_code(g)}</li>" for g in info.goals)
        exercises = f" · {info.n_exercises} {html.escape(word('exercises', lang))}" if info.n_exercises else ""
        items.append(
            f'<li><a href="{info.stem}.html">{html.escape(info.title)}</a>{minutes}{exercises}'
            + (f"<ul>{goals}</ul>" if goals else "")
            + "</li>"
        )
    if sources:
        src_items = "".join(
            f'<li><a href="{_rel(s.path, edition_dir)}">{html.escape(source_titles.get(s.source_id, s.source_id))}</a> '
            f"({int(s.located['found'].sum())}/{len(s.located)} {html.escape(word('highlighted', lang))})</li>"
            for s in sources
        )
        src_html = f"<p>{html.escape(word('sources_intro', lang))}</p><ul>{src_items}</ul>"
    else:
        src_html = f"<p>{html.escape(word('no_sources', lang))}</p>"
    books = "".join(f'<li><a href="{_rel(p, edition_dir)}">{html.escape(p.name)}</a></li>' for p in downloads if p.suffix == ".xlsx")
    tables = "".join(f'<li><a href="{_rel(p, edition_dir)}">{html.escape(p.name)}</a></li>' for p in downloads if p.suffix == ".csv")
    figs = "".join(
        f'<figure><a href="{_rel(p.with_suffix(".svg"), edition_dir)}"><img src="{_rel(p, edition_dir)}" alt="{html.escape(p.stem)}" width="360"></a>'
        f"<figcaption>{html.escape(p.stem)}</figcaption></figure>"
        for p in figures
        if p.suffix == ".png"
    )
    body = f"""<h1>{html.escape(word("site_title", lang))}<small>{html.escape(word("site_subtitle", lang))}</small></h1>
<p>{html.escape(word("data_version", lang))}: {html.escape(version)}</p>
<h2 id="path">{html.escape(word("learning_path", lang))}</h2>
<p>{html.escape(word("learning_path_intro", lang))} {html.escape(word("notebooks_in_lab", lang))}</p>
<ol class="path">{"".join(items)}</ol>
<h2 id="explorer"><a href="explorer.html">{html.escape(word("explorer", lang))}</a></h2>
<p>{html.escape(word("explorer_intro", lang))}</p>
<h2 id="sources">{html.escape(word("sources", lang))}</h2>
{src_html}
<h2 id="downloads">{html.escape(word("downloads", lang))}</h2>
<h3>{html.escape(word("workbooks", lang))}</h3><ul>{books}</ul>
<h3>{html.escape(word("tables", lang))}</h3><ul>{tables}</ul>
<h3>{html.escape(word("figures", lang))}</h3>
{figs}"""
    path = edition_dir / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    alternate = f"../{other}/index.html" if other else None
    path.write_text(page(lang=lang, title=word("contents", lang), body=body, extra_css=INDEX_CSS, alternate=alternate), encoding="utf-8")
    return path


def write_root_index(site: Path, editions: tuple[str, ...], version: str) -> Path:
    """``site/index.html``: one link per edition, each in its own language."""
    links = "".join(
        f'<li lang="{lang}"><a href="{lang}/index.html">{html.escape(word("site_title", lang))} · {html.escape(word("contents", lang))}</a>'
        f"<br><small>{html.escape(word('site_subtitle', lang))}</small></li>"
        for lang in editions
    )
    first = editions[0]
    body = f"""<h1>{html.escape(" · ".join(word("site_title", e) for e in editions))}</h1>
<p>{html.escape(" / ".join(word("choose_edition", e) for e in editions))}</p>
<ul>{links}</ul>
<p>{html.escape(word("data_version", first))}: {html.escape(version)}</p>"""
    markup = page(lang=first, title=word("site_title", first), body=body, nav=False)
    path = site / "index.html"
    path.write_text(markup, encoding="utf-8")
    return path
