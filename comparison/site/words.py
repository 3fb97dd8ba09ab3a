"""The words of the site's pages in each edition (Simplified Chinese and English; Traditional by OpenCC)."""

from __future__ import annotations

from comparison.script import to_traditional

WORDS: dict[str, tuple[str, str]] = {
    # key: (Simplified Chinese, English)
    "site_title": ("养老服务政策目标比较", "Elderly-care policy targets"),
    "site_subtitle": ("中国地方养老服务政策量化目标：逐条核对原文的数据、笔记本与比较工具", "Quantified targets of Chinese local elderly-care policies: source-checked data, notebooks and a comparison tool"),
    "contents": ("目录", "Contents"),
    "other_edition": ("English", "中文"),
    "learning_path": ("学习路径", "Learning path"),
    "learning_path_intro": ("按顺序学习这些笔记本；每一本都写明学习目标、所需时间，并附有练习（解答默认折叠）。", "Work through the notebooks in order; each states its learning goals and the time it takes, and ends with exercises whose solutions stay folded until opened."),
    "sources": ("原文与标注", "Annotated source documents"),
    "sources_intro": ("每份政策文件的全文，所有整理出的目标和定性承诺都在原文位置高亮；点击高亮处可查看整理的记录。", "The whole text of each policy document, with every curated target and qualitative commitment highlighted where its quote stands; click a highlight to see the curated row."),
    "explorer": ("比较浏览器", "Comparison explorer"),
    "explorer_intro": ("选择指标与地区，查看同口径比较表、原文引文、覆盖情况和全国参考值。", "Choose measures and places to see the like-for-like table with its quotes, the coverage map and the national reference."),
    "downloads": ("下载", "Downloads"),
    "workbooks": ("Excel 工作簿", "Excel workbooks"),
    "figures": ("图表", "Figures"),
    "data_version": ("数据版本", "Data version"),
    "no_sources": ("构建时未找到原文文件夹（COMPARISON_SOURCES），因此没有生成原文标注页。", "The source texts were not found when the site was built (COMPARISON_SOURCES), so there are no annotated source pages."),
    "targets": ("目标", "targets"),
    "commitments": ("定性承诺", "qualitative commitments"),
    "highlighted": ("已在原文中标出", "highlighted in the text"),
    "not_located": ("以下引文未能在原文中定位", "These quotes could not be located in the text"),
    "defects": ("原文缺陷", "Defects of this text"),
    "defects_intro": ("原文按收到的样子显示，未作修改；缺陷如下，并在文中标出。", "The text is shown exactly as received; its defects are listed here and marked in the text."),
    "legend_target": ("量化目标", "quantified target"),
    "legend_commitment": ("定性承诺", "qualitative commitment"),
    "legend_mojibake": ("乱码", "mojibake"),
    "legend_artefact": ("排版残留", "editing artefact"),
    "legend_wrapper": ("网页页眉页脚，非文件正文", "web-page header or footer, not part of the document"),
    "click_hint": ("点击高亮处查看整理的记录。", "Click a highlight to see the curated row."),
    "close": ("关闭", "Close"),
    "document": ("文件", "Document"),
    "issued": ("发布日期", "Issued"),
    "period": ("规划期", "Period"),
    "script": ("文字", "Script"),
    "id": ("编号", "id"),
    "clause": ("条款", "clause"),
    "measure": ("度量", "measure"),
    "topic": ("主题", "topic"),
    "operator": ("关系", "operator"),
    "value": ("数值", "value"),
    "unit": ("单位", "unit"),
    "deadline": ("期限", "deadline"),
    "scope": ("范围", "scope"),
    "notes": ("备注", "notes"),
    "target": ("目标", "target"),
    "kind": ("类型", "kind"),
    "quote": ("引文", "quote"),
    "commitment": ("定性承诺", "qualitative commitment"),
    "national": ("全国参考", "National reference"),
    "coverage": ("覆盖情况", "Coverage"),
    "places": ("地区", "Places"),
    "measures": ("度量", "Measures"),
    "topics": ("主题", "Topics"),
    "domain": ("领域", "Domain"),
    "all": ("全部", "all"),
    "none": ("清除", "none"),
    "shared_only": ("只看两个以上地区共有的度量", "only measures two or more places share"),
    "quantified": ("有量化目标", "quantified"),
    "qualitative": ("仅定性承诺", "qualitative only"),
    "not_mentioned": ("未提及", "not mentioned"),
    "open_passage": ("打开原文段落", "open the passage"),
    "no_rows": ("所选范围内没有目标。", "No target in this selection."),
    "rows_shown": ("显示的度量", "measures shown"),
    "time": ("时间", "Time"),
    "goals": ("学习目标", "Learning goals"),
    "minutes": ("分钟", "minutes"),
    "notebook": ("笔记本", "Notebook"),
    "edition_note": ("本版为中文版；笔记本的代码和输出相同，说明文字为中文。", "This is the English edition; the notebooks' code and outputs are the same, the explanations are in English."),
    "choose_edition": ("选择版本", "Choose an edition"),
    "differences": ("差异", "differs in"),
    "hedged": ("力争", "aim"),
}


def word(key: str, lang: str) -> str:
    """The word ``key`` in ``lang`` (``zh-Hans``, ``zh-Hant`` or ``en``)."""
    zh, en = WORDS[key]
    if lang == "en":
        return en
    return to_traditional(zh) if lang == "zh-Hant" else zh
