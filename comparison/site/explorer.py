"""The comparison explorer: one static page to choose measures and places and compare like with like.

The page embeds its data as JSON (:func:`explorer_data`) and a small script
draws, for the chosen measures and places, the like-for-like table (one row
per measure, each value linked to its passage on the annotated source page,
its quote beside it), the coverage map by topic and the national reference.
Nothing is fetched: it works from ``file://``.

A row is one measure of the codebook (``data/measures.csv``): one quantity,
with one unit, denominator, population and level. The measure's name shows
its definition on hover, and what differs between the places' targets
(scope, hedging) is written under it, as in
:func:`comparison.align.comparison_table`.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from comparison.site import passage_url
from comparison.site.layout import json_for_script, page
from comparison.site.words import word


def _str(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _names(series: pd.Series) -> dict[str, str]:
    return {str(k): str(v) for k, v in series.items()}


def _unit_names(ds, lang: str) -> dict[str, str]:
    from comparison.script import to_script

    if lang == "en":
        return dict(zip(ds.units["unit_id"].astype(str), ds.units["name_en"].astype(str)))
    return dict(zip(ds.units["unit_id"].astype(str), (to_script(str(n), lang) for n in ds.units["name_zh"])))


def explorer_data(ds, lang: str, *, linked_sources: set[str] = frozenset()) -> dict:
    """Everything the explorer shows, as plain lists and dicts ready for JSON.

    * ``places``: ``[{id, name}]`` in display order;
    * ``domains``: ``[{id, name}]``; ``topics``: ``[{id, name, domain}]`` in codebook order;
    * ``measures``: ``[{id, topic, name, unit, definition, differences, national: [{text, quote, source}]}]``
      in codebook order; ``differences`` is :func:`comparison.align.comparison_table`'s note of what
      differs between the places' targets of the measure;
    * ``targets``: ``[{id, place, measure, text, quote, marks: [..], url}]`` — ``url`` is the passage
      on the annotated source page (empty when the source has no page), ``marks`` hold
      :data:`comparison.align.DIFFERS_MARK` where the target differs from others of its measure in a
      stated respect (scope, hedging; the measure's ``differences`` say how) and its attribute
      (binding, indicative) where the document states one;
    * ``coverage``: ``{topic: {place: status}}`` with ``quantified`` / ``qualitative`` / ``not_mentioned``;
    * ``words``: the page's labels in ``lang``.

    Only targets of a codebook measure are compared; policy parameters and
    rows that restate another are left out, as in the comparison table.
    """
    from comparison import align
    from comparison.script import to_script

    long = align.targets_long(ds, lang)
    kind = dict(zip(ds.targets["target_id"].astype(str), ds.targets["kind"].astype(str)))
    restates = long["restates"].fillna("").astype(str)
    long = long[(long["target_id"].map(kind) != "parameter") & (restates == "") & long["measure_id"].notna()]

    topic_names = _names(align.topic_names(ds, lang))
    measure_names = _names(align.measure_names(ds, lang))
    units = _unit_names(ds, lang)
    table = align.comparison_table(ds, lang, national=False)
    differences = dict(zip(table["measure_id"].astype(str), table["differences"].fillna("").astype(str)))
    national: dict[str, list[dict]] = {}
    for m, quote, source in zip(ds.national_targets["measure_id"].astype(str), ds.national_targets["quote"], ds.national_targets["source"]):
        national.setdefault(m, []).append({"quote": _str(quote), "source": _str(source)})
    ref_text = align.national_reference(ds, lang)
    for m, refs in national.items():
        for ref, text in zip(refs, _str(ref_text.get(m, "")).split("\n")):
            ref["text"] = text
    with_targets = set(long["measure_id"].astype(str)) | set(national)
    definition = "definition_en" if lang == "en" else "definition_zh"
    measures = [
        {
            "id": str(r.measure_id),
            "topic": str(r.topic_id),
            "name": measure_names.get(str(r.measure_id), str(r.measure_id)),
            "unit": units.get(str(r.unit_id), str(r.unit_id)),
            "definition": to_script(_str(getattr(r, definition)), lang),
            "differences": differences.get(str(r.measure_id), ""),
            "national": national.get(str(r.measure_id), []),
        }
        for r in ds.measures.sort_values("order").itertuples(index=False)
        if str(r.measure_id) in with_targets
    ]
    # A target differs in a stated respect from others of its measure (as comparison_table marks it): the measure's
    # targets have different scopes, or some are hedged with 力争/争取 and some are not.
    scopes = long.groupby(long["measure_id"].astype(str))["scope"].nunique()
    hedging = long.groupby(long["measure_id"].astype(str))["is_aspirational"].nunique()
    targets = []
    for tid, sid, place, m, text, quote, hedged, _scope, attr in zip(
        long["target_id"].tolist(), long["source_id"].astype(str).tolist(), long["jurisdiction_id"].astype(str).tolist(),
        long["measure_id"].astype(str).tolist(), long["target"].tolist(), long["quote"].tolist(), long["is_aspirational"].tolist(),
        long["scope"].tolist(), long["attribute"].tolist(),
    ):
        marks = [align.DIFFERS_MARK] if scopes.get(m, 0) > 1 or (hedged and hedging.get(m, 0) > 1) else []
        if _str(attr):
            marks.append(_str(attr))
        url = passage_url(sid, tid) if sid in linked_sources else ""
        targets.append({"id": tid, "place": place, "measure": m, "text": _str(text), "quote": _str(quote), "marks": marks, "url": url})
    cov = align.coverage_long(ds)
    coverage: dict[str, dict[str, str]] = {}
    for t, j, status in zip(cov["topic_id"].astype(str), cov["jurisdiction_id"].astype(str), cov["status"].astype(str)):
        coverage.setdefault(t, {})[j] = status
    place_names = _names(align.jurisdiction_names(ds, lang))
    places = [{"id": j, "name": place_names.get(j, j)} for j in ds.jurisdiction_order]
    domain_names = _names(align.domain_names(ds, lang))
    domains = [{"id": d, "name": domain_names.get(d, d)} for d in ds.domain_order]
    topics_table = ds.topics.sort_values("order")
    topics = [{"id": t, "name": topic_names.get(t, t), "domain": str(d)} for t, d in zip(topics_table["topic_id"].astype(str), topics_table["domain_id"])]
    keys = ["places", "measures", "topics", "domain", "all", "none", "shared_only", "quantified", "qualitative", "not_mentioned", "national", "coverage", "open_passage", "no_rows", "rows_shown", "measure", "differences", "quote", "other_measures"]
    return {
        "places": places,
        "domains": domains,
        "topics": topics,
        "measures": measures,
        "targets": targets,
        "coverage": coverage,
        "words": {k: word(k, lang) for k in keys},
    }


EXPLORER_CSS = """
main { max-width: none; }
.layout { display: grid; grid-template-columns: 19em 1fr; gap: 1.5em; align-items: start; }
.filters { position: sticky; top: .5em; max-height: 95vh; overflow: auto; font-size: .9em; border-right: 1px solid #ddd; padding-right: .8em; }
.filters fieldset { border: 1px solid #ddd; margin: 0 0 .8em; }
.filters label { display: block; }
.filters .topic > label { font-weight: bold; }
.filters .topic .measure { margin-left: 1.4em; font-weight: normal; }
.filters button { font-size: .85em; }
#table td { min-width: 8em; }
#table td.measure { min-width: 14em; }
#table tr.topic th { background: #e7eef7; }
.value { font-weight: bold; }
.differences { font-size: .8em; color: #9a3412; white-space: pre-wrap; margin-top: .3em; }
.quote { font-size: .82em; color: #555; margin: .1em 0 .5em; }
.mark { font-size: .8em; color: #9a3412; border: 1px solid #fdba74; border-radius: 3px; padding: 0 .25em; margin-left: .3em; }
.status-qualitative { color: #1d4ed8; }
.status-not_mentioned { color: #888; }
.status-other_measures { color: #666; font-style: italic; }
.layout > div { min-width: 0; overflow-x: auto; }
#coverage td { text-align: center; font-size: .85em; }
#coverage td.quantified { background: #15803d; color: #fff; }
#coverage td.qualitative { background: #bfdbfe; }
#coverage td.not_mentioned { background: #f3f4f6; color: #888; }
"""

EXPLORER_SCRIPT = r"""
(function () {
  const D = JSON.parse(document.getElementById('data').textContent);
  const W = D.words;
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'class') e.className = v; else e.setAttribute(k, v); });
    kids.forEach(k => e.append(k));
    return e;
  };
  const placeBox = document.getElementById('places');
  D.places.forEach(p => placeBox.append(el('label', {}, el('input', {type: 'checkbox', name: 'place', value: p.id, checked: ''}), ' ' + p.name)));
  const domainSel = document.getElementById('domain');
  D.domains.forEach(d => domainSel.append(el('option', {value: d.id}, d.name)));
  const measureBox = document.getElementById('measures');
  const byTopic = {};
  D.measures.forEach(m => (byTopic[m.topic] = byTopic[m.topic] || []).push(m));
  D.topics.forEach(t => {
    const ms = byTopic[t.id] || [];
    if (!ms.length) return;
    const div = el('div', {class: 'topic', 'data-domain': t.domain});
    const tbox = el('input', {type: 'checkbox', name: 'topic', value: t.id, checked: ''});
    div.append(el('label', {}, tbox, ' ' + t.name));
    ms.forEach(m => div.append(el('label', {class: 'measure'}, el('input', {type: 'checkbox', name: 'measure', value: m.id, 'data-topic': t.id, checked: ''}), ' ' + m.name)));
    tbox.addEventListener('change', () => { div.querySelectorAll('input[name=measure]').forEach(b => { b.checked = tbox.checked; }); draw(); toHash(); });
    measureBox.append(div);
  });
  const checked = name => new Set(Array.from(document.querySelectorAll('input[name=' + name + ']:checked')).map(b => b.value));
  function draw() {
    const places = D.places.filter(p => checked('place').has(p.id));
    const domain = domainSel.value;
    document.querySelectorAll('.topic').forEach(d => { d.hidden = !!domain && d.dataset.domain !== domain; });
    const topicOf = {}; D.topics.forEach(t => { topicOf[t.id] = t; });
    const chosen = checked('measure');
    const shared = document.getElementById('shared').checked;
    const cells = {};
    D.targets.forEach(t => { (cells[t.measure + '|' + t.place] = cells[t.measure + '|' + t.place] || []).push(t); });
    let rows = D.measures.filter(m => chosen.has(m.id) && (!domain || (topicOf[m.topic] || {}).domain === domain));
    const nPlaces = m => places.filter(p => cells[m.id + '|' + p.id]).length;
    if (shared) rows = rows.filter(m => nPlaces(m) >= 2);
    rows = rows.map((m, i) => [m, i]).sort((a, b) => (nPlaces(b[0]) >= 2) - (nPlaces(a[0]) >= 2) || a[1] - b[1]).map(x => x[0]);
    const table = document.getElementById('table');
    table.textContent = '';
    const head = el('tr', {}, el('th', {}, W.measure));
    places.forEach(p => head.append(el('th', {'data-place': p.id}, p.name)));
    head.append(el('th', {}, W.national));
    table.append(el('thead', {}, head));
    const tbody = el('tbody');
    let lastTopic = null;
    const sharedRows = rows.filter(m => nPlaces(m) >= 2), restRows = rows.filter(m => nPlaces(m) < 2);
    [sharedRows, restRows].forEach(group => group.forEach(m => {
      if (m.topic !== lastTopic) {
        lastTopic = m.topic;
        tbody.append(el('tr', {class: 'topic'}, el('th', {colspan: String(places.length + 2)}, (topicOf[m.topic] || {name: m.topic}).name)));
      }
      const name = el('td', {class: 'measure', title: m.definition}, m.name);
      if (m.differences) name.append(el('div', {class: 'differences'}, W.differences + ': ' + m.differences));
      const tr = el('tr', {'data-measure': m.id}, name);
      places.forEach(p => {
        const td = el('td', {'data-place': p.id});
        const ts = cells[m.id + '|' + p.id] || [];
        if (ts.length) {
          ts.forEach(t => {
            const v = t.url ? el('a', {class: 'value', href: t.url, title: W.open_passage + ': ' + t.quote, 'data-target': t.id}, t.text)
                            : el('span', {class: 'value', 'data-target': t.id}, t.text);
            const line = el('div', {}, v);
            t.marks.forEach(k => line.append(el('span', {class: 'mark', title: m.differences || k}, k)));
            td.append(line, el('div', {class: 'quote', lang: 'zh'}, t.quote));
          });
        } else {
          let st = ((D.coverage[m.topic] || {})[p.id]) || 'not_mentioned';
          if (st === 'quantified') st = 'other_measures';  // targets of other measures of the topic, none of this one
          td.append(el('span', {class: 'status-' + st}, W[st] || st));
        }
        tr.append(td);
      });
      const nat = el('td', {class: 'national'});
      m.national.forEach(n => nat.append(el('div', {class: 'value'}, n.text), el('div', {class: 'quote', lang: 'zh'}, n.quote + ' — ' + n.source)));
      tr.append(nat);
      tbody.append(tr);
    }));
    table.append(tbody);
    document.getElementById('empty').hidden = rows.length > 0;
    document.getElementById('count').textContent = W.rows_shown.replace('{n}', rows.length);
    const cov = document.getElementById('coverage');
    cov.textContent = '';
    const ch = el('tr', {}, el('th', {}, W.topics));
    places.forEach(p => ch.append(el('th', {}, p.name)));
    cov.append(el('thead', {}, ch));
    const cb = el('tbody');
    const topics = [...new Set(rows.map(m => m.topic))];
    D.topics.filter(t => topics.includes(t.id)).forEach(t => {
      const tr = el('tr', {}, el('th', {}, t.name));
      places.forEach(p => { const st = (D.coverage[t.id] || {})[p.id] || 'not_mentioned'; tr.append(el('td', {class: st}, W[st] || st)); });
      cb.append(tr);
    });
    cov.append(cb);
  }
  // The choice is kept in the address (#places=a,b&measures=x,y&domain=d&shared=1), so a view can be linked to.
  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const set = (name, key) => {
      if (!params.has(key)) return;
      const wanted = new Set(params.get(key).split(',').filter(Boolean));
      document.querySelectorAll('input[name=' + name + ']').forEach(b => { b.checked = wanted.has(b.value); });
    };
    set('place', 'places');
    set('measure', 'measures');
    if (params.has('measures')) {
      document.querySelectorAll('input[name=topic]').forEach(t => {
        t.checked = !!document.querySelector('input[name=measure][data-topic="' + t.value + '"]:checked');
      });
    }
    if (params.has('domain')) domainSel.value = params.get('domain');
    document.getElementById('shared').checked = params.get('shared') === '1';
  }
  function toHash() {
    const params = new URLSearchParams();
    const all = name => document.querySelectorAll('input[name=' + name + ']').length === checked(name).size;
    if (!all('place')) params.set('places', [...checked('place')].join(','));
    if (!all('measure')) params.set('measures', [...checked('measure')].join(','));
    if (domainSel.value) params.set('domain', domainSel.value);
    if (document.getElementById('shared').checked) params.set('shared', '1');
    history.replaceState(null, '', params.toString() ? '#' + params.toString() : location.pathname);
  }
  const redraw = () => { draw(); toHash(); };
  document.querySelectorAll('.filters').forEach(f => f.addEventListener('change', e => { if (e.target.name !== 'topic') redraw(); }));
  document.querySelectorAll('button[data-set]').forEach(b => b.addEventListener('click', () => {
    document.querySelectorAll('input[name=' + b.dataset.set + ']' + (b.dataset.set === 'measure' ? ', input[name=topic]' : '')).forEach(x => { x.checked = b.dataset.value === 'all'; });
    redraw();
  }));
  fromHash();
  draw();
})();
"""


def render_explorer(ds, *, lang: str, linked_sources: set[str], alternate: str | None) -> str:
    """The explorer page of an edition."""
    data = explorer_data(ds, lang, linked_sources=linked_sources)
    w = data["words"]

    def buttons(name: str) -> str:
        return (
            f'<button type="button" data-set="{name}" data-value="all">{html.escape(w["all"])}</button> '
            f'<button type="button" data-set="{name}" data-value="none">{html.escape(w["none"])}</button>'
        )

    body = f"""<h1>{html.escape(word("explorer", lang))}</h1>
<p>{html.escape(word("explorer_intro", lang))}</p>
<div class="layout">
<form class="filters" onsubmit="return false">
<fieldset id="places"><legend>{html.escape(w["places"])} {buttons("place")}</legend></fieldset>
<fieldset><legend>{html.escape(w["domain"])}</legend><select id="domain"><option value="">{html.escape(w["all"])}</option></select>
<label><input type="checkbox" id="shared"> {html.escape(w["shared_only"])}</label></fieldset>
<fieldset id="measures"><legend>{html.escape(w["measures"])} {buttons("measure")}</legend></fieldset>
</form>
<div>
<p id="count"></p>
<p id="empty" hidden>{html.escape(w["no_rows"])}</p>
<table id="table"></table>
<h2>{html.escape(w["coverage"])}</h2>
<table id="coverage"></table>
</div>
</div>
<script type="application/json" id="data">{json_for_script(data)}</script>"""
    return page(lang=lang, title=word("explorer", lang), body=body, extra_css=EXPLORER_CSS, script=EXPLORER_SCRIPT, alternate=alternate)


def write_explorer(ds, edition_dir: Path, *, lang: str, linked_sources: set[str], other: str | None) -> Path:
    path = edition_dir / "explorer.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    alternate = f"../{other}/explorer.html" if other else None
    path.write_text(render_explorer(ds, lang=lang, linked_sources=linked_sources, alternate=alternate), encoding="utf-8")
    return path
