"""Notebooks as pages of the site, one edition per language.

A notebook holds its explanations in both languages: a Markdown cell tagged
``zh`` is Chinese, one tagged ``en`` is English, an untagged one belongs to
both (headings written in both). The cell tagged ``parameters`` sets
``LANG``; :func:`edition` makes the notebook of one edition by keeping that
edition's cells (Traditional Chinese: the Chinese cells and the headings
converted with OpenCC) and setting ``LANG``, as papermill would, without a copy of the file.

Exercises: a code cell tagged ``solution`` is a worked solution. It is folded
in JupyterLab (its metadata hides source and outputs) and, on the site, shown
inside a closed ``<details>`` element with its outputs (:func:`fold_solutions`).
A Markdown cell tagged ``goals`` states the learning goals and the time needed;
the index of the site lists them (:func:`course_info`).
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from comparison.site.words import word

#: Cell tags naming the language of a Markdown cell.
LANG_TAGS = {"zh": ("zh-Hans", "zh-Hant"), "en": ("en",)}

_LANG_LINE = re.compile(r'^(\s*LANG\s*=\s*)(["\']).*?\2', re.M)


def notebook_paths(notebooks_dir: Path) -> list[Path]:
    """The numbered notebooks, in order (``01_…ipynb``, ``02_…``)."""
    return sorted(p for p in Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb"))


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _in_edition(cell, lang: str) -> bool:
    langs = [lang_ for tag in _tags(cell) for lang_ in LANG_TAGS.get(tag, ())]
    return not langs or lang in langs


def edition(nb, lang: str):
    """A copy of notebook ``nb`` for the edition ``lang``: its language's cells only, ``LANG`` set in the parameters cell."""
    from comparison.script import to_traditional

    out = copy.deepcopy(nb)
    cells = []
    for cell in out.cells:
        if not _in_edition(cell, lang):
            continue
        if cell.cell_type == "code" and "parameters" in _tags(cell):
            cell.source = _LANG_LINE.sub(lambda m: f'{m.group(1)}"{lang}"', cell.source, count=1)
        elif cell.cell_type == "markdown" and lang == "zh-Hant":
            cell.source = to_traditional(cell.source)
        cells.append(cell)
    out.cells = cells
    out.metadata["language_edition"] = lang
    return out


def _output_html(output) -> str:
    """One output of a code cell as HTML, as a Markdown cell can hold it."""
    kind = output.get("output_type")
    if kind == "stream":
        return f"<pre>{html.escape(output.get('text', ''))}</pre>"
    if kind == "error":
        return f"<pre>{html.escape(output.get('ename', ''))}: {html.escape(output.get('evalue', ''))}</pre>"
    data = output.get("data", {})
    if "image/png" in data:
        png = data["image/png"].replace("\n", "")
        return f'<img src="data:image/png;base64,{png}" alt="">'
    if "text/html" in data:
        return data["text/html"] if isinstance(data["text/html"], str) else "".join(data["text/html"])
    if "text/plain" in data:
        text = data["text/plain"] if isinstance(data["text/plain"], str) else "".join(data["text/plain"])
        return f"<pre>{html.escape(text)}</pre>"
    return ""


def fold_solutions(nb, lang: str):
    """Executed notebook ``nb`` with each ``solution`` code cell turned into a closed ``<details>`` holding its code and outputs."""
    import nbformat

    out = copy.deepcopy(nb)
    cells = []
    summary = html.escape(word("solution", lang))
    for cell in out.cells:
        if cell.cell_type == "code" and "solution" in _tags(cell):
            outputs = "\n".join(_output_html(o) for o in cell.get("outputs", []))
            body = (
                f'<details class="solution"><summary>{summary}</summary>\n'
                f'<pre><code class="language-python">{html.escape(cell.source)}</code></pre>\n{outputs}\n</details>'
            )
            cells.append(nbformat.v4.new_markdown_cell(body, metadata={"tags": ["solution"]}))
        else:
            cells.append(cell)
    out.cells = cells
    return out


@dataclass
class CourseInfo:
    """What the index says about one notebook: title, minutes needed and learning goals in one edition."""

    stem: str
    title: str
    minutes: int | None
    goals: list[str] = field(default_factory=list)
    n_exercises: int = 0


_MINUTES = re.compile(r"(\d+)\s*(?:分钟|minutes|min)")


def course_info(nb, stem: str, lang: str) -> CourseInfo:
    """Title (first heading), minutes and goals (the ``goals`` cell of the edition: its list items and the number before 分钟/minutes)."""
    ed = edition(nb, lang)
    title, minutes, goals = stem, None, []
    for cell in ed.cells:
        if cell.cell_type != "markdown":
            continue
        if title == stem:
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    title = line[2:].strip()
                    break
        if "goals" in _tags(cell):
            for line in cell.source.splitlines():
                if line.lstrip().startswith(("- ", "* ")):
                    goals.append(line.lstrip()[2:].strip())
                elif minutes is None and (m := _MINUTES.search(line)):
                    minutes = int(m.group(1))
    n_ex = sum(1 for c in ed.cells if c.cell_type == "code" and "solution" in _tags(c))
    return CourseInfo(stem, title, minutes, goals, n_ex)


_EMPTY_SCRIPT = re.compile(r'<script[^>]*\ssrc=""[^>]*>\s*</script>')

NAV_CSS = (
    "nav.site{display:flex;flex-wrap:wrap;gap:.3em 1.2em;padding:.5em 1.5em;border-bottom:1px solid #ccc;"
    "background:#f6f6f4;font-family:sans-serif;font-size:.95em}nav.site .edition{margin-left:auto}"
    "details.solution{border:1px solid #d4d4d4;border-left:4px solid #15803d;padding:.3em .8em;margin:.5em 0}"
    "details.solution summary{cursor:pointer;font-weight:bold;color:#15803d}"
)


def notebook_html(nb, *, title: str, lang: str, nav: str) -> str:
    """One self-contained HTML page of an executed notebook: ``<html lang>``, images embedded, nothing fetched from the network."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        embed_images=True,
        mathjax_url="",
        require_js_url="",
        jquery_url="",
        mermaid_js_url="",
        mermaid_layout_elk_js_url="",
        widget_renderer_url="",
        jupyter_widgets_base_url="",
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = _EMPTY_SCRIPT.sub("", body)
    body = re.sub(r"<html[^>]*>", f'<html lang="{lang}">', body, count=1)  # nbconvert takes two-letter codes only
    body = body.replace("</head>", f"<style>{NAV_CSS}</style></head>", 1)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, body, count=1)


def nav_bar(pages: list[tuple[str, str]], i: int, lang: str, alternate: str | None) -> str:
    """Links to the previous and next notebook, the edition's contents and the other edition."""
    parts = []
    if i > 0:
        parts.append(f'<a href="{pages[i - 1][0]}">← {html.escape(pages[i - 1][1])}</a>')
    parts.append(f'<a href="index.html">{html.escape(word("contents", lang))}</a>')
    parts.append(f'<a href="explorer.html">{html.escape(word("explorer", lang))}</a>')
    if i + 1 < len(pages):
        parts.append(f'<a href="{pages[i + 1][0]}">{html.escape(pages[i + 1][1])} →</a>')
    if alternate:
        parts.append(f'<a class="edition" href="{html.escape(alternate)}">{html.escape(word("other_edition", lang))}</a>')
    return f'<nav class="site">{"".join(parts)}</nav>'
