"""The annotated source pages: each source text whole, every curated quote highlighted where it stands.

A highlight (``<mark>``) covers the span :func:`comparison.site.passages.locate`
finds for each target's and commitment's quote; where quotes overlap, each
piece of text is one ``<mark>`` listing every row that covers it. An empty
element with the row's id stands at the start of each quote, so
``sources/<source_id>.html#<target_id>`` opens the passage. A click on a
highlight (or the fragment of the address) shows the curated rows in a panel;
hovering shows a short summary. Defects of the text are shown as they are,
marked, and listed with the curators' notes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from comparison.site import source_page
from comparison.site.layout import json_for_script, page
from comparison.site.passages import Defect, find_defects, locate_rows
from comparison.site.words import word


@dataclass
class SourcePage:
    """One annotated source page: where it was written and what it highlights.

    ``located`` has one row per target and commitment of the source:
    ``row_id``, ``kind`` (``target`` or ``commitment``), ``start``, ``end``
    (offsets in the text; ``<NA>`` when not found) and ``found``.
    """

    source_id: str
    path: Path
    located: pd.DataFrame
    defects: list[Defect] = field(default_factory=list)


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if hasattr(value, "strftime"):  # a date
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def row_records(ds, lang: str) -> dict[str, dict]:
    """Every target and commitment as the panel shows it.

    ``{id: {"kind", "source_id", "summary", "fields": [[label, value], …], "compare"}}``:
    ``summary`` is the hover text, ``compare`` the explorer's view of the
    target's measure (empty for a target of no measure or a policy parameter).
    """
    from comparison import align

    long = align.targets_long(ds, lang)
    raw_kind = dict(zip(ds.targets["target_id"].astype(str), ds.targets["kind"].astype(str)))
    comparable = long["measure_id"].notna() & long["target_id"].map(raw_kind).ne("parameter")
    records: dict[str, dict] = {}
    for i, r in enumerate(long.to_dict("records")):
        deadline = _text(r.get("deadline_stated"))
        if not deadline and _text(r.get("deadline_implied")):
            deadline = f"{_text(r.get('deadline_implied'))} ({align.deadline_basis_label('plan_end', lang)})"
        fields = [
            (word("id", lang), r["target_id"]),
            (word("clause", lang), _text(r.get("clause"))),
            (word("measure", lang), _text(r.get("measure"))),
            (word("description", lang), _text(r.get("description"))),
            (word("topic", lang), _text(r.get("topic"))),
            (word("kind", lang), _text(r.get("kind"))),
            (word("operator", lang), _text(r.get("operator"))),
            (word("value", lang), _text(r.get("value"))),
            (word("unit", lang), _text(r.get("unit"))),
            (word("deadline", lang), deadline),
            (word("scope", lang), _text(r.get("scope"))),
            (word("target", lang), _text(r.get("target"))),
            (word("restates", lang), _text(r.get("restates"))),
            (word("notes", lang), _text(r.get("notes"))),
        ]
        what = _text(r.get("measure")) or _text(r.get("description"))
        records[r["target_id"]] = {
            "kind": "target",
            "source_id": _text(r["source_id"]),
            "summary": f"{what}: {_text(r.get('target'))}",
            "fields": [[k, v] for k, v in fields if v],
            "compare": f"../explorer.html#measures={quote(str(r['measure_id']), safe='')}" if comparable.iloc[i] else "",
        }
    names = align.topic_names(ds, lang)
    for r in ds.commitments.to_dict("records"):
        topic = _text(r.get("topic_id"))
        name = _text(names.get(topic, topic))
        fields = [
            (word("id", lang), _text(r["commitment_id"])),
            (word("kind", lang), word("commitment", lang)),
            (word("clause", lang), _text(r.get("clause"))),
            (word("topic", lang), name),
            (word("notes", lang), _text(r.get("notes"))),
        ]
        records[_text(r["commitment_id"])] = {
            "kind": "commitment",
            "source_id": _text(r["source_id"]),
            "summary": f"{word('commitment', lang)}: {name}",
            "fields": [[k, v] for k, v in fields if v],
            "compare": "",
        }
    return records


def locate_source(ds, source_id: str, text: str) -> pd.DataFrame:
    """Every target and commitment of ``source_id`` located in its ``text`` (see :class:`SourcePage`)."""
    frames = []
    for table, id_col, kind in ((ds.targets, "target_id", "target"), (ds.commitments, "commitment_id", "commitment")):
        rows = table[table["source_id"].astype(str) == source_id]
        found = locate_rows(text, rows, id_col=id_col)
        found.insert(1, "kind", kind)
        frames.append(found)
    return pd.concat(frames, ignore_index=True)


def _segments(text: str, located: pd.DataFrame, defects: list[Defect]) -> str:
    """The text as HTML: each stretch between two boundaries of quotes or defects is one element listing what covers it."""
    spans = [(int(s), int(e), rid, kind) for rid, kind, s, e in located.loc[located["found"], ["row_id", "kind", "start", "end"]].itertuples(index=False)]
    cuts = {0, len(text)}
    for s, e, *_ in spans:
        cuts.update((s, e))
    for d in defects:
        cuts.update((d.start, d.end))
    cuts = sorted(cuts)
    anchors: dict[int, list[str]] = {}
    for s, _, rid, _ in sorted(spans):
        anchors.setdefault(s, []).append(rid)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        out.extend(f'<span class="anchor" id="{html.escape(rid)}"></span>' for rid in anchors.get(a, []))
        piece = html.escape(text[a:b])
        rows = [(rid, kind) for s, e, rid, kind in spans if s <= a and b <= e]
        flaws = sorted({d.kind for d in defects if d.start <= a and b <= d.end})
        classes = [f"defect-{k}" for k in flaws]
        if rows:
            classes.append("q-target" if any(k == "target" for _, k in rows) else "q-commitment")
            ids = " ".join(rid for rid, _ in rows)
            out.append(f'<mark class="{" ".join(classes)}" data-rows="{html.escape(ids)}" tabindex="0">{piece}</mark>')
        elif flaws:
            out.append(f'<span class="{" ".join(classes)}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


SOURCE_CSS = """
.meta { color: #444; }
.legend span, .legend mark { margin-right: 1em; padding: 0 .3em; }
.text { white-space: pre-wrap; font-size: 1.05em; line-height: 1.9; border: 1px solid #ddd; padding: 1em 1.2em; background: #fff; }
mark { cursor: pointer; border-radius: 2px; padding: 0; }
mark.q-target { background: #fde68a; }
mark.q-commitment { background: #bfdbfe; }
mark.current { outline: 2px solid #b45309; background: #fb923c; }
.defect-mojibake { text-decoration: underline wavy #c00; background: #fee2e2; }
.defect-artefact { text-decoration: line-through #c00; background: #fee2e2; }
.defect-wrapper { color: #777; background: repeating-linear-gradient(135deg, #f3f3f3, #f3f3f3 6px, #e9e9e9 6px, #e9e9e9 12px); }
.anchor { scroll-margin-top: 40vh; }
#panel { position: fixed; right: 1em; bottom: 1em; width: min(30em, 90vw); max-height: 60vh; overflow: auto; background: #fffef8;
  border: 1px solid #b45309; box-shadow: 0 2px 10px rgba(0,0,0,.2); padding: .6em 1em; display: none; font-size: .92em; }
#panel.open { display: block; }
#panel dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; margin: .3em 0 .8em; }
#panel dt { color: #555; }
#panel dd { margin: 0; }
#panel button { float: right; }
.defects { background: #fff7ed; border-left: 4px solid #c2410c; padding: .4em 1em; }
"""

SOURCE_SCRIPT = r"""
(function () {
  const rows = JSON.parse(document.getElementById('rows').textContent);
  const panel = document.getElementById('panel');
  const body = document.getElementById('panel-body');
  const compareText = panel.dataset.compare;
  function show(ids) {
    document.querySelectorAll('mark.current').forEach(m => m.classList.remove('current'));
    body.textContent = '';
    ids.forEach(id => {
      const r = rows[id];
      if (!r) return;
      document.querySelectorAll('mark[data-rows]').forEach(m => {
        if (m.dataset.rows.split(' ').includes(id)) m.classList.add('current');
      });
      const h = document.createElement('h3');
      const a = document.createElement('a');
      a.href = '#' + id; a.textContent = id;
      h.appendChild(a);
      body.appendChild(h);
      const dl = document.createElement('dl');
      r.fields.forEach(([k, v]) => {
        const dt = document.createElement('dt'); dt.textContent = k;
        const dd = document.createElement('dd'); dd.textContent = v;
        dl.appendChild(dt); dl.appendChild(dd);
      });
      body.appendChild(dl);
      if (r.compare) {
        const c = document.createElement('a');
        c.href = r.compare; c.className = 'compare'; c.textContent = compareText;
        body.appendChild(c);
      }
    });
    panel.classList.toggle('open', body.childNodes.length > 0);
  }
  document.querySelectorAll('mark[data-rows]').forEach(m => {
    m.title = m.dataset.rows.split(' ').map(id => rows[id] ? id + ' · ' + rows[id].summary : id).join('\n');
    const open = () => show(m.dataset.rows.split(' '));
    m.addEventListener('click', open);
    m.addEventListener('keydown', e => { if (e.key === 'Enter') open(); });
  });
  document.getElementById('panel-close').addEventListener('click', () => panel.classList.remove('open'));
  function fromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && rows[id]) {
      show([id]);
      const el = document.getElementById(id);
      if (el) el.scrollIntoView({block: 'center'});
    }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
"""


def render_source_page(ds, source_id: str, text: str, records: dict[str, dict], *, lang: str, alternate: str | None) -> tuple[str, pd.DataFrame, list[Defect]]:
    """The HTML of one annotated source page, with what it located and the defects it marked."""
    from comparison.script import to_script

    src = ds.sources.set_index(ds.sources["source_id"].astype(str)).loc[source_id]
    located = locate_source(ds, source_id, text)
    notes = _text(src.get("notes"))
    defects = find_defects(text, notes)
    title = _text(src["title_en"]) if lang == "en" else to_script(_text(src["title_zh"]), lang)
    n_t = int((located["kind"] == "target").sum())
    n_c = int((located["kind"] == "commitment").sum())
    found = located[located["found"]]
    missing = located[~located["found"]]
    period = "–".join(p for p in (_text(src.get("period_start_year")), _text(src.get("period_end_year"))) if p)
    meta = " · ".join(
        f"{html.escape(k)}: {html.escape(v)}"
        for k, v in (
            (word("document", lang), _text(src.get("document_number"))),
            (word("issued", lang), _text(src.get("issue_date"))),
            (word("period", lang), period),
            (word("script", lang), _text(src.get("script"))),
        )
        if v
    )
    summary = (
        f"{n_t} {word('targets', lang)}, {n_c} {word('commitments', lang)}; "
        f"{len(found)} / {len(located)} {word('highlighted', lang)}. {word('click_hint', lang)}"
    )
    missing_html = ""
    if len(missing):
        items = "".join(f"<li>{html.escape(rid)}</li>" for rid in missing["row_id"])
        missing_html = f"<p>{html.escape(word('not_located', lang))}:</p><ul>{items}</ul>"
    defects_html = ""
    if notes or defects:
        defects_html = (
            f'<section class="defects"><h2>{html.escape(word("defects", lang))}</h2>'
            f"<p>{html.escape(word('defects_intro', lang))}</p><p lang=\"en\">{html.escape(notes)}</p></section>"
        )
    legend = (
        '<p class="legend">'
        f'<mark class="q-target">{html.escape(word("legend_target", lang))}</mark>'
        f'<mark class="q-commitment">{html.escape(word("legend_commitment", lang))}</mark>'
        + "".join(
            f'<span class="defect-{kind}">{html.escape(word(f"legend_{kind}", lang))}</span>'
            for kind in ("mojibake", "artefact", "wrapper")
            if any(d.kind == kind for d in defects)
        )
        + "</p>"
    )
    text_lang = "zh-Hant" if _text(src.get("script")) == "zh-Hant" else "zh-Hans"
    page_rows = {rid: records[rid] for rid in located["row_id"] if rid in records}
    body = f"""<h1>{html.escape(title)}<small>{html.escape(_text(src["title_zh"]))}</small></h1>
<p class="meta">{meta}</p>
<p>{html.escape(summary)}</p>
{missing_html}
{defects_html}
{legend}
<div class="text" lang="{text_lang}" id="text">{_segments(text, located, defects)}</div>
<aside id="panel" aria-live="polite" data-compare="{html.escape(word("compare_places", lang))}"><button type="button" id="panel-close">{html.escape(word("close", lang))}</button><div id="panel-body"></div></aside>
<script type="application/json" id="rows">{json_for_script(page_rows)}</script>"""
    return (
        page(lang=lang, title=title, body=body, depth=1, extra_css=SOURCE_CSS, script=SOURCE_SCRIPT, alternate=alternate),
        located,
        defects,
    )


def read_texts(ds, sources_dir: Path | None) -> dict[str, str]:
    """The source texts by source id, read and checked as :func:`comparison.validate.read_source_texts` does; empty without a corpus folder."""
    from comparison.validate import read_source_texts

    if sources_dir is None or not Path(sources_dir).is_dir():
        return {}
    texts, _ = read_source_texts(ds, Path(sources_dir))
    return texts


def write_source_pages(ds, edition_dir: Path, texts: dict[str, str], *, lang: str, other: str | None) -> list[SourcePage]:
    """One annotated page per source with a text, in ``edition_dir/sources/``."""
    records = row_records(ds, lang)
    written = []
    for source_id in ds.source_order:
        if source_id not in texts:
            continue
        rel = source_page(source_id)
        path = edition_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        alternate = f"../../{other}/{rel}" if other else None
        markup, located, defects = render_source_page(ds, source_id, texts[source_id], records, lang=lang, alternate=alternate)
        path.write_text(markup, encoding="utf-8")
        written.append(SourcePage(source_id, path, located, defects))
    return written
