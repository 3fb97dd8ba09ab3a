"""The extractor on whole documents of the genres it has not been developed on.

The five documents of the corpus are a plan, an action plan, two sets of
measures and a web page; the extractor's rules were written while reading
them. The texts here are invented (no real document is copied) in four other
shapes of the genre, each with the ground truth a curator following
``docs/curation.md`` would record, written down by hand:

* ``regulation``: a municipal 养老服务条例 in 第X条 articles, numbers written in
  Chinese numerals, obligations without numbers and a chapter of penalties;
* ``provincial-plan``: a provincial “十四五” plan whose table of main indicators
  (with a 2020 baseline column and units in the indicator names) is flattened
  one cell per line, and whose body repeats some of its targets;
* ``traditional-measures``: county measures in Traditional script with PDF
  spaces inside numbers and words, subsidies and a contact telephone number;
* ``action-plan-gbk``: a three-year action plan saved from a web page (site
  header and footer) and read from a GBK-encoded file.

A candidate matches a ground-truth row when their values agree and the
candidate's quote overlaps the row's anchor (a verbatim passage holding the
number) in the whitespace-free Simplified form of the text, as in
``benchmarks/bench_extract.py``.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd
import pytest

from comparison.extract import extract_candidates, load_codebook
from comparison.numerals import quote_states_value
from comparison.policy_text import read_policy_text
from comparison.script import match_key

SOURCE_ID = "genre-2024"


class T(NamedTuple):
    """One ground-truth row: a verbatim anchor holding the number, and what a curator records."""

    anchor: str
    value: float
    operator: str
    unit_id: str
    deadline: int | None = None
    kind: str = "target"


# --------------------------------------------------------------------------- (a) a municipal regulation
REGULATION = """江川市养老服务条例

（2023年10月27日江川市第十六届人民代表大会常务委员会第十二次会议通过　2023年12月1日南岭省第十四届人民代表大会常务委员会第六次会议批准）

第一章　总　则
第一条　为了规范养老服务活动，满足老年人多层次、多样化的养老服务需求，根据《中华人民共和国老年人权益保障法》等法律、法规，结合本市实际，制定本条例。
第二条　本市行政区域内的养老服务及其监督管理活动，适用本条例。
本条例所称老年人，是指六十周岁以上的公民。
第三条　养老服务应当坚持政府主导、社会参与、市场运作、统筹发展的原则，构建居家社区机构相协调、医养康养相结合的养老服务体系。
第四条　市、县（市、区）人民政府应当将养老服务事业纳入国民经济和社会发展规划，将所需经费列入本级财政预算。
市、县（市、区）人民政府用于社会福利事业的彩票公益金，应当按照不低于百分之五十五的比例用于支持发展养老服务。
第五条　每年农历九月初九所在月为本市敬老月。

第二章　规划与建设
第六条　市、县（市、区）人民政府应当组织编制养老服务设施专项规划，分区分级规划设置养老服务设施。
新建住宅区应当按照每百户不少于二十平方米的标准配套建设社区养老服务用房，且单处建筑面积不少于三百平方米；已建成住宅区未达到标准的，按照每百户不少于十五平方米的标准，通过购置、置换、租赁等方式补足。
第七条　配套建设的社区养老服务用房应当与住宅同步规划、同步建设、同步验收、同步交付使用，并在交付后三个月内无偿移交所在地街道办事处或者乡镇人民政府。
第八条　乡镇（街道）应当至少建设一处具备全日托养、日间照料、上门服务等功能的综合养老服务中心；社区应当建设一处以上养老服务站点。
第九条　新建养老机构单体床位规模原则上不超过三百张。

第三章　居家社区养老服务
第十条　县（市、区）人民政府应当建立老年人能力综合评估制度，对经济困难的失能、高龄老年人给予护理补贴和服务补贴。
第十一条　对本市户籍八十周岁以上老年人发放高龄津贴，对一百周岁以上老年人每月发放长寿补贴。
第十二条　县（市、区）人民政府应当推进老年助餐服务，到二〇二五年底，城市社区老年助餐服务覆盖率达到百分之九十以上，农村地区达到百分之六十以上。
第十三条　养老机构应当为入住老年人每年至少提供一次健康体检。

第四章　机构养老服务
第十四条　养老机构护理型床位占比应当不低于百分之六十；政府投资兴办的养老机构护理型床位占比应当不低于百分之七十。
第十五条　政府投资兴办的养老机构应当优先保障经济困难的孤寡、失能、高龄等老年人的服务需求，在满足特困人员集中供养需求的前提下，空余床位可以向社会开放。
第十六条　养老机构应当按照不低于入住老年人数千分之五的比例配备专职社会工作者。

第五章　医养康养结合
第十七条　养老机构床位数在一百张以上的，应当设立医务室或者护理站。
第十八条　二级以上综合医院应当设立老年医学科，到二〇二五年，设立老年医学科的比例达到百分之六十以上。
第十九条　基层医疗卫生机构应当为六十五周岁以上老年人每年提供一次免费健康管理服务。

第六章　法律责任
第二十条　违反本条例第六条第二款规定，未按照标准配套建设社区养老服务用房的，由自然资源和规划主管部门责令限期改正；逾期不改正的，处十万元以上五十万元以下罚款。
第二十一条　违反本条例第七条规定，建设单位未按期移交社区养老服务用房的，由民政部门责令限期改正；逾期不改正的，按照每平方米一千元的标准处以罚款。
第二十二条　养老机构有下列情形之一的，由民政部门责令改正，给予警告；情节严重的，处五千元以上三万元以下罚款：（一）未与老年人签订服务协议的；（二）未按照国家有关标准开展服务的；（三）配备人员的资格不符合规定的。
第二十三条　擅自改变养老服务设施用途的，由民政部门责令限期改正；有违法所得的，没收违法所得；逾期不改正的，处五万元以上十万元以下罚款；情节严重的，处十万元以上五十万元以下罚款。

第七章　附　则
第二十四条　本条例中高龄老年人，是指八十周岁以上的老年人。
第二十五条　本条例自二〇二四年三月一日起施行。
"""

REGULATION_TRUTH = [
    T("是指六十周岁以上的公民", 60, "≥", "age_years", kind="parameter"),
    T("不低于百分之五十五的比例", 55, "≥", "percent", kind="standard"),
    T("每百户不少于二十平方米", 20, "≥", "m2_per_100_households", kind="standard"),
    T("单处建筑面积不少于三百平方米", 300, "≥", "m2", kind="standard"),
    T("交付后三个月内", 3, "≤", "", kind="parameter"),  # a time limit: a policy setting
    T("每百户不少于十五平方米", 15, "≥", "m2_per_100_households", kind="standard"),
    T("至少建设一处", 1, "≥", "facilities", kind="standard"),
    T("建设一处以上养老服务站点", 1, "≥", "facilities", kind="standard"),
    T("不超过三百张", 300, "≤", "beds", kind="standard"),
    T("八十周岁以上老年人发放高龄津贴", 80, "≥", "age_years", kind="parameter"),
    T("一百周岁以上老年人", 100, "≥", "age_years", kind="parameter"),
    T("覆盖率达到百分之九十以上", 90, "≥", "percent", 2025),
    T("农村地区达到百分之六十以上", 60, "≥", "percent", 2025),
    T("每年至少提供一次健康体检", 1, "≥", "times_per_year", kind="standard"),
    T("应当不低于百分之六十；", 60, "≥", "percent", kind="standard"),
    T("应当不低于百分之七十", 70, "≥", "percent", kind="standard"),
    T("千分之五的比例配备专职社会工作者", 5, "≥", "people_per_1000_older_people", kind="standard"),
    T("床位数在一百张以上的", 100, "≥", "beds", kind="parameter"),
    T("比例达到百分之六十以上", 60, "≥", "percent", 2025),
    T("六十五周岁以上老年人每年", 65, "≥", "age_years", kind="parameter"),
    T("每年提供一次免费健康管理服务", 1, "=", "times_per_year", kind="standard"),
    T("是指八十周岁以上的老年人", 80, "≥", "age_years", kind="parameter"),
]

# --------------------------------------------------------------------------- (b) a provincial five-year plan
PROVINCIAL_PLAN = """南岭省人民政府办公厅关于印发南岭省“十四五”养老服务体系规划的通知
南政办发〔2021〕58号
各市、县（市、区）人民政府，省政府各部门、各直属机构：
《南岭省“十四五”养老服务体系规划》已经省政府同意，现印发给你们，请认真贯彻执行。
南岭省人民政府办公厅
2021年12月20日

南岭省“十四五”养老服务体系规划

一、规划背景
（一）发展基础。“十三五”期间，全省养老服务体系建设取得明显成效。截至2020年底，全省共有各类养老机构2318家，养老床位38.6万张，每千名老年人拥有养老床位31.2张，护理型床位占比达到42.5%。全省建成城乡社区居家养老服务站点2.1万个，乡镇（街道）区域养老服务中心覆盖率达到48%，累计培训养老护理员11.3万人次。
（二）面临形势。第七次全国人口普查数据显示，全省60岁及以上人口1165.8万人，占常住人口的19.87%，比2010年提高5.43个百分点。预计到2025年，全省60岁及以上老年人口将超过1300万人，老龄化程度进一步加深。

二、总体要求
（一）指导思想。坚持以人民为中心的发展思想，实施积极应对人口老龄化国家战略，推动养老事业和养老产业协同发展。
（二）发展目标。到2025年，基本养老服务制度更加健全，居家社区机构相协调、医养康养相结合的养老服务体系更加完善，全省养老床位总量达到45万张以上，护理型床位占比由2020年的42.5%提高到55%以上，社区养老服务设施配建达标率达到100%。
专栏1　“十四五”时期南岭省养老服务主要指标
类别
序号
指标名称
2020年
2025年
指标属性
养老服务供给
1
养老床位总量（万张）
38.6
≥45
预期性
2
养老机构护理型床位占比（%）
42.5
≥55
约束性
3
每千名老年人拥有养老床位数（张）
31.2
≥35
预期性
4
乡镇（街道）区域养老服务中心覆盖率（%）
48
60
预期性
5
社区养老服务设施配建达标率（%）
—
100
约束性
健康支撑
6
65岁及以上老年人健康管理率（%）
68.5
≥72
预期性
7
二级及以上综合医院设立老年医学科比例（%）
35
≥60
预期性
人才队伍
8
每千名老年人配备社会工作者人数（人）
0.6
≥1
预期性
9
养老护理员培训（万人次）
【11.3】
【15】
预期性
注：【】内为五年累计数。

三、主要任务
（一）健全基本养老服务体系
1.完善兜底保障。到2025年，有集中供养意愿的特困人员集中供养率达到100%，失能特困人员集中供养率不低于60%。每个县（市、区）至少建有1所以失能、部分失能特困人员专业照护为主的县级特困供养服务设施。
2.发展普惠养老。到2025年，全省普惠性养老床位占比达到70%以上，新增普惠养老床位3万张。对符合条件的新建养老机构，每张床位给予1万元建设补助。
（二）完善居家社区养老服务网络
3.加强设施配建。城市新建居住区按照每百户不低于30平方米、老城区和已建成居住区按照每百户不低于20平方米的标准配建养老服务设施。
4.推进区域养老服务中心建设。到2025年，力争实现街道综合养老服务中心全覆盖，乡镇（街道）区域养老服务中心覆盖率达到60%。引导养老机构床位利用率稳定在60%—80%的合理区间。
（三）推进医养康养相结合
5.提升健康服务能力。到2025年，65岁及以上老年人健康管理率达到72%以上，二级及以上综合医院设立老年医学科的比例达到60%以上，养老机构医养结合服务覆盖率达到100%。老年人中医药健康管理率每年提高2个百分点。
（四）加强人才队伍建设
6.壮大养老服务队伍。“十四五”期间，全省累计培训养老护理员15万人次，每千名老年人配备社会工作者不少于1人。到2025年，养老护理员持证上岗率达到90%以上。

四、保障措施
（一）加大资金投入。省级福利彩票公益金用于支持发展养老服务的比例不低于55%。
（二）强化考核评估。省民政厅会同有关部门于2023年开展规划实施中期评估，2025年底前开展总结评估。
"""

PROVINCIAL_PLAN_TRUTH = [
    T("养老床位总量达到45万张以上", 450000, "≥", "beds", 2025),
    T("提高到55%以上", 55, "≥", "percent", 2025),
    T("配建达标率达到100%。", 100, "=", "percent", 2025),
    T("养老床位总量（万张）\n38.6\n≥45", 450000, "≥", "beds", 2025),
    T("护理型床位占比（%）\n42.5\n≥55", 55, "≥", "percent", 2025),
    T("拥有养老床位数（张）\n31.2\n≥35", 35, "≥", "beds_per_1000_older_people", 2025),
    T("覆盖率（%）\n48\n60", 60, "=", "percent", 2025),
    T("配建达标率（%）\n—\n100", 100, "=", "percent", 2025),
    T("健康管理率（%）\n68.5\n≥72", 72, "≥", "percent", 2025),
    T("老年医学科比例（%）\n35\n≥60", 60, "≥", "percent", 2025),
    T("社会工作者人数（人）\n0.6\n≥1", 1, "≥", "people_per_1000_older_people", 2025),
    T("养老护理员培训（万人次）\n【11.3】\n【15】", 150000, "=", "person_times", 2025),
    T("集中供养率达到100%", 100, "=", "percent", 2025),
    T("集中供养率不低于60%", 60, "≥", "percent", 2025),
    T("至少建有1所", 100, "=", "percent"),
    T("床位占比达到70%以上", 70, "≥", "percent", 2025),
    T("新增普惠养老床位3万张", 30000, "=", "beds", 2025),
    T("每张床位给予1万元建设补助", 10000, "=", "yuan", kind="parameter"),
    T("每百户不低于30平方米", 30, "≥", "m2_per_100_households", kind="standard"),
    T("每百户不低于20平方米", 20, "≥", "m2_per_100_households", kind="standard"),
    T("街道综合养老服务中心全覆盖", 100, "=", "percent", 2025),
    T("服务中心覆盖率达到60%。", 60, "=", "percent", 2025),
    T("稳定在60%", 60, "≥", "percent"),
    T("—80%", 80, "≤", "percent"),
    T("健康管理率达到72%以上", 72, "≥", "percent", 2025),
    T("的比例达到60%以上", 60, "≥", "percent", 2025),
    T("医养结合服务覆盖率达到100%", 100, "=", "percent", 2025),
    T("每年提高2个百分点", 2, "=", ""),
    T("培训养老护理员15万人次", 150000, "=", "person_times", 2025),
    T("社会工作者不少于1人", 1, "≥", "people_per_1000_older_people", 2025),
    T("持证上岗率达到90%以上", 90, "≥", "percent", 2025),
    T("比例不低于55%", 55, "≥", "percent", kind="standard"),
]

# --------------------------------------------------------------------------- (c) county measures, Traditional script, PDF spaces
TRADITIONAL_MEASURES = """清溪縣人民政府辦公室
關於印發清溪縣推進養老服務高質量發展若干措施的通知
清政辦發〔2025〕7號

各鎮人民政府、街道辦事處，縣政府各部門：
現將《清溪縣推進養老服務高質量發展若干措施》印發給你們，請認真貫徹落實。
清溪縣人民政府辦公室
2025年2月18日

清溪縣推進養老服務高質量發展若干措施

截至2024年底，全縣60周歲及以上老年人口8.6萬人，佔戶籍人口的24.3%，老年人口佔比高於全市平均水平3.2個百分點。全縣已建成鄉鎮敬老院12處、農村互助養老服務點 1 4 6 個，養老機構護理型床位佔比已達到52%。為積極應對人口老齡化，根據《威安市人民政府辦公室關於推進基本養老服務體系建設的實施意見》（威政辦字〔2024〕3號），結合我縣實際，制定以下措施。

一、完善養老服務設施網絡
1.推進鎮街綜合養老服務中心建設。到 2 0 2 6 年底，各鎮（街道）均建成1處具備全日托養功能的綜合養老服務中心，每處床位不少於 3 0 張。
2.發展社區嵌入式養老。力爭到2026年底，城市社區嵌入式養老服務站點覆蓋率達到 8 0 %以上，農村互助養老服務點覆蓋率不低於60%。
3.提升敬老院服務能力。在全縣已建成12處鄉鎮敬老院的基礎上，到2026年底，完成 6 處敬老院提升改造，養老機構護理型床位佔比提高到60%以上。
4.規範設施配建。新建住宅小區按照每百戶不少於 2 0 平方米的標準配建社區養老服務用房，並與住宅同步規劃、同步建設、同步驗收、同步交付。

二、提升居家社區養老服務能力
5.建設家庭養老床位。2025年至2026年，每年新增家庭養老床位不少於 2 0 0 張，為特殊困難老年人家庭實施適老化改造 3 0 0 戶。
6.發展老年助餐服務。到2026年底，城市社區老年助餐服務覆蓋率達到100%，每個助餐點日均服務老年人不少於30人次。對 8 0 周歲以上老年人在助餐點就餐的，每餐補貼 2 元。
7.加強探訪關愛。建立特殊困難老年人定期探訪制度，月探訪率達到100%，確保應訪盡訪。

三、強化政策支持
8.建設補貼。對新建並投入運營的養老機構，按照每張床位 5 0 0 0 元的標準給予一次性建設補貼；對利用閒置資源改建的，按照每張床位 3 0 0 0 元給予補貼。單個機構補貼總額最高不超過 2 0 0 萬元。
9.運營補貼。對收住失能老年人的養老機構，按照每人每月 2 0 0 元給予運營補貼，連續補貼不超過3年。
10.人才激勵。對取得養老護理員職業技能等級證書並在本縣養老機構從業的，按初級、中級、高級分別給予 1 0 0 0 元、2 0 0 0 元、3 0 0 0 元一次性獎勵。到2026年底，養老機構護理員持證上崗率不低於 9 5 %，全縣培訓養老護理員不少於 5 0 0 人次。

四、加強醫養結合
11.到2026年底，養老機構醫養結合服務實現全覆蓋，全縣 6 5 歲及以上老年人健康管理率達到 7 0 %。家庭醫生簽約服務覆蓋率每年提高 2 個百分點。
12.發展智慧養老。到2026年底，建成縣級智慧養老服務平台1個，接入養老機構和社區養老服務設施的比例達到 9 0 %以上。

五、保障措施
13.加強組織保障。各鎮（街道）要把養老服務工作納入重要議事日程，每半年至少專題研究一次養老服務工作，縣民政局會同有關部門每年對各鎮（街道）落實情況開展督導評估，評估結果納入年度綜合考核。
14.強化資金保障。縣財政每年安排養老服務專項資金不少於 5 0 0 萬元，縣級福利彩票公益金用於支持發展養老服務的比例不低於 5 5 %。
15.本措施由縣民政局負責解釋，自2025年3月1日起施行，有效期至2027年12月31日。
聯繫電話：0 5 3 6 - 7 2 1 5 6 8 8
"""

TRADITIONAL_MEASURES_TRUTH = [
    T("均建成1處", 1, "=", "facilities", 2026),
    T("每處床位不少於 3 0 張", 30, "≥", "beds", 2026),
    T("覆蓋率達到 8 0 %以上", 80, "≥", "percent", 2026),
    T("覆蓋率不低於60%", 60, "≥", "percent", 2026),
    T("完成 6 處敬老院提升改造", 6, "=", "facilities", 2026),
    T("提高到60%以上", 60, "≥", "percent", 2026),
    T("每百戶不少於 2 0 平方米", 20, "≥", "m2_per_100_households", kind="standard"),
    T("不少於 2 0 0 張", 200, "≥", "beds", 2026),
    T("適老化改造 3 0 0 戶", 300, "=", "items", 2026),
    T("老年助餐服務覆蓋率達到100%", 100, "=", "percent", 2026),
    T("不少於30人次", 30, "≥", "person_times", 2026),
    T("對 8 0 周歲以上", 80, "≥", "age_years", kind="parameter"),
    T("每餐補貼 2 元", 2, "=", "yuan", kind="parameter"),
    T("月探訪率達到100%", 100, "=", "percent"),
    T("確保應訪盡訪", 100, "=", "percent"),
    T("每張床位 5 0 0 0 元", 5000, "=", "yuan", kind="parameter"),
    T("每張床位 3 0 0 0 元", 3000, "=", "yuan", kind="parameter"),
    T("最高不超過 2 0 0 萬元", 2000000, "≤", "yuan", kind="parameter"),
    T("每人每月 2 0 0 元", 200, "=", "yuan", kind="parameter"),
    T("不超過3年", 3, "≤", "years", kind="parameter"),
    T("1 0 0 0 元、", 1000, "=", "yuan", kind="parameter"),
    T("2 0 0 0 元、", 2000, "=", "yuan", kind="parameter"),
    T("3 0 0 0 元一次性獎勵", 3000, "=", "yuan", kind="parameter"),
    T("持證上崗率不低於 9 5 %", 95, "≥", "percent", 2026),
    T("不少於 5 0 0 人次", 500, "≥", "person_times", 2026),
    T("醫養結合服務實現全覆蓋", 100, "=", "percent", 2026),
    T("健康管理率達到 7 0 %", 70, "=", "percent", 2026),
    T("每年提高 2 個百分點", 2, "=", ""),
    T("平台1個", 1, "=", "items", 2026),
    T("比例達到 9 0 %以上", 90, "≥", "percent", 2026),
    T("每半年至少專題研究一次", 1, "≥", "", kind="standard"),
    T("不少於 5 0 0 萬元", 5000000, "≥", "yuan", kind="parameter"),
    T("比例不低於 5 5 %", 55, "≥", "percent", kind="standard"),
]

# --------------------------------------------------------------------------- (d) an action plan from a web page, GBK-encoded
ACTION_PLAN = """首页 > 政务公开 > 政策文件
文章来源：临川市民政局　发布时间：2023-05-12 09:30　浏览次数：1268
【字体：大 中 小】【打印】【关闭】
临川市推进居家和社区养老服务三年行动计划（2023—2025年）
临民发〔2023〕16号

截至2022年底，全市60周岁以上户籍老年人口28.5万人，占户籍总人口的23.1%，其中80周岁以上高龄老年人4.2万人。全市现有养老机构86家，社区养老服务站点312个。为加快构建居家社区机构相协调的养老服务体系，根据《江南省养老服务条例》和《临川市“十四五”养老服务发展规划》，制定本行动计划。

一、工作目标
到2025年，全市居家和社区养老服务设施实现城乡全覆盖，每个街道建成1个综合养老服务中心，社区老年助餐点覆盖率由2022年的45%提高到2025年的80%，养老护理员数量年均增长10%以上。

二、重点任务
（一）完善设施网络。2023年底前，完成全市社区养老服务设施摸底排查；2024年底前，各街道均建成综合养老服务中心，完成200户特殊困难老年人家庭适老化改造。到2025年，社区养老服务用房面积达标率达到95%，乡镇敬老院护理型床位占比不低于50%。
（二）培育嵌入式机构。2023年、2024年、2025年分别建成社区嵌入式养老服务机构15个、20个、25个。
（三）发展助餐服务。到2025年，建成老年食堂（助餐点）150个以上，每个助餐点服务半径原则上不超过1公里。对为70周岁以上老年人提供助餐服务的，按照每人每餐3元的标准给予补贴。
（四）提升服务质量。全市养老机构每年至少开展2次消防应急演练。到2025年，老年人健康管理率提高5个百分点，全市养老机构数量达到120家，其中民办养老机构占比不低于70%。
（五）发展智慧养老。依托12345政务服务便民热线和12349养老服务热线，为老年人提供紧急救援、生活照料等服务。到2025年，为不少于3000户独居、空巢老年人家庭安装紧急呼叫、烟感报警等智能设备。
（六）壮大服务队伍。每年培训养老护理员不少于1000人次，到2025年，每千名老年人配备社会工作者1名以上，养老机构负责人和专业技术人员岗前培训率达到100%。对新增的护理型床位，每张给予不超过5000元的一次性补助。
（七）加强医养结合。推动二级以上综合医院与养老机构建立签约合作关系，到2025年，养老机构与医疗卫生机构签约合作率达到100%，每个区（县）至少建有1所医养结合机构。鼓励有条件的社区卫生服务中心利用现有资源开设康复护理床位。

三、保障措施
各区（县）民政部门要建立工作台账，每季度报送工作进展，每年12月10日前报送年度工作总结。
附件：重点任务分解表
序号
工作任务
牵头单位
完成时限
1
社区养老服务设施摸底排查
市民政局
2023年12月底前
2
街道综合养老服务中心建设
各区（县）政府
2024年12月底前
3
老年食堂（助餐点）建设
市民政局、市商务局
2025年12月底前

联系电话：0794-8226531　邮编：344000
地址：临川市赣东大道168号
版权所有：临川市民政局　赣ICP备05001234号
"""

ACTION_PLAN_TRUTH = [
    T("实现城乡全覆盖", 100, "=", "percent", 2025),
    T("每个街道建成1个综合养老服务中心", 1, "=", "facilities", 2025),
    T("提高到2025年的80%", 80, "=", "percent", 2025),
    T("年均增长10%以上", 10, "≥", "percent", 2025),
    T("各街道均建成综合养老服务中心", 100, "=", "percent", 2024),
    T("完成200户", 200, "=", "items", 2024),
    T("达标率达到95%", 95, "=", "percent", 2025),
    T("护理型床位占比不低于50%", 50, "≥", "percent", 2025),
    T("机构15个", 15, "=", "facilities", 2023),
    T("20个、", 20, "=", "facilities", 2024),
    T("25个。", 25, "=", "facilities", 2025),
    T("建成老年食堂（助餐点）150个以上", 150, "≥", "facilities", 2025),
    T("不超过1公里", 1, "≤", "", 2025, kind="standard"),
    T("为70周岁以上老年人", 70, "≥", "age_years", kind="parameter"),
    T("每人每餐3元", 3, "=", "yuan", kind="parameter"),
    T("每年至少开展2次", 2, "≥", "times_per_year", kind="standard"),
    T("提高5个百分点", 5, "=", "", 2025),
    T("养老机构数量达到120家", 120, "=", "facilities", 2025),
    T("民办养老机构占比不低于70%", 70, "≥", "percent", 2025),
    T("不少于3000户", 3000, "≥", "items", 2025),
    T("不少于1000人次", 1000, "≥", "person_times"),
    T("社会工作者1名以上", 1, "≥", "people_per_1000_older_people", 2025),
    T("岗前培训率达到100%", 100, "=", "percent", 2025),
    T("不超过5000元", 5000, "≤", "yuan", kind="parameter"),
    T("签约合作率达到100%", 100, "=", "percent", 2025),
    T("至少建有1所医养结合机构", 100, "=", "percent", 2025),
]

# --------------------------------------------------------------------------- (e) held out: written after the fixes
# An implementation plan written, with its ground truth, after the rules were fixed on (a)–(d) and scored once
# before being looked at: recall 97.3 %, precision 97.3 %. Its one remaining miss (覆盖全体老年人, coverage in
# words that comparison.numerals does not recognise, so no quote can state it) is kept in the truth.
HELDOUT = """东浦市人民政府办公室关于印发东浦市基本养老服务体系建设实施方案（2024—2026年）的通知
东政办发〔2024〕22号
各县（市、区）人民政府，市政府各部门：
现将《东浦市基本养老服务体系建设实施方案（2024—2026年）》印发给你们，请认真组织实施。
东浦市人民政府办公室
2024年6月3日

东浦市基本养老服务体系建设实施方案（2024—2026年）

一、现状与形势
全市现有60周岁以上老年人52.7万人，老龄化率达到21.6%，高于全省1.8个百分点。截至2023年底，全市建成养老机构148家、社区养老服务设施1210处，每千名老年人拥有养老床位32张。

二、主要目标
到2026年，基本养老服务清单制度全面建立，基本养老服务覆盖全体老年人。全市养老机构护理型床位占比已达到55%，到2026年提高到65%。到2024年、2025年、2026年，农村互助养老服务点覆盖率分别达到50%、60%、70%。主要指标如下：
序号
指标
2024年
2025年
2026年
1
养老机构护理型床位占比（%）
58
62
65
2
街道综合养老服务中心覆盖率（%）
80
90
100
3
家庭养老床位（张）
800
1500
2000
4
老年助餐服务点（个）
260
300
350

三、重点任务
（一）完善基本养老服务清单。对经济困难的失能、半失能老年人，按照每人每月不低于150元的标准发放护理补贴；对80周岁以上老年人发放高龄津贴，其中100周岁以上的每人每月500元。
（二）加强居家养老服务。2025年底前，为不少于2000户经济困难的高龄、失能老年人家庭实施适老化改造；到2026年，特殊困难老年人月探访率保持在100%。力争三年内实现农村互助养老服务点行政村全覆盖。
（三）提升机构养老服务。公办养老机构入住率稳定在70%—85%之间，其中失能、半失能老年人占比不低于50%。每个县（市、区）至少建有1所县级特困人员供养服务机构，护理型床位占比达到60%以上。
（四）推进医养结合。到2026年，全市65岁以上老年人城乡社区规范健康管理服务率达到70%，比2023年提高8个百分点；养老机构内设医疗机构或与医疗机构签约合作比例达到100%。
（五）加强人才保障。每年开展养老护理员培训不少于1500人次。到2026年，全市持证养老护理员达到3000名，每百张床位配备社会工作者不少于1名。
（六）强化资金保障。市财政每年安排基本养老服务资金不少于8000万元，福利彩票公益金55%以上用于养老服务。

四、保障措施
各县（市、区）要于每年1月15日前报送上年度工作情况。市民政局咨询电话：0571-88001234，12349养老服务热线24小时受理老年人求助。
"""

HELDOUT_TRUTH = [
    T("覆盖全体老年人", 100, "=", "percent", 2026),
    T("提高到65%", 65, "=", "percent", 2026),
    T("分别达到50%", 50, "=", "percent", 2024),
    T("、60%、", 60, "=", "percent", 2025),
    T("、70%。主要", 70, "=", "percent", 2026),
    T("护理型床位占比（%）\n58", 58, "=", "percent", 2024),
    T("58\n62", 62, "=", "percent", 2025),
    T("62\n65", 65, "=", "percent", 2026),
    T("覆盖率（%）\n80", 80, "=", "percent", 2024),
    T("80\n90", 90, "=", "percent", 2025),
    T("90\n100", 100, "=", "percent", 2026),
    T("家庭养老床位（张）\n800", 800, "=", "beds", 2024),
    T("800\n1500", 1500, "=", "beds", 2025),
    T("1500\n2000", 2000, "=", "beds", 2026),
    T("助餐服务点（个）\n260", 260, "=", "facilities", 2024),
    T("260\n300", 300, "=", "facilities", 2025),
    T("300\n350", 350, "=", "facilities", 2026),
    T("不低于150元", 150, "≥", "yuan", kind="parameter"),
    T("对80周岁以上老年人", 80, "≥", "age_years", kind="parameter"),
    T("100周岁以上的", 100, "≥", "age_years", kind="parameter"),
    T("每人每月500元", 500, "=", "yuan", kind="parameter"),
    T("不少于2000户", 2000, "≥", "items", 2025),
    T("月探访率保持在100%", 100, "=", "percent", 2026),
    T("行政村全覆盖", 100, "=", "percent"),
    T("稳定在70%", 70, "≥", "percent"),
    T("—85%", 85, "≤", "percent"),
    T("占比不低于50%", 50, "≥", "percent"),
    T("至少建有1所", 100, "=", "percent"),
    T("护理型床位占比达到60%以上", 60, "≥", "percent"),
    T("服务率达到70%", 70, "=", "percent", 2026),
    T("提高8个百分点", 8, "=", "", 2026),
    T("签约合作比例达到100%", 100, "=", "percent", 2026),
    T("不少于1500人次", 1500, "≥", "person_times", kind="standard"),
    T("达到3000名", 3000, "=", "people", 2026),
    T("社会工作者不少于1名", 1, "≥", "", 2026),
    T("不少于8000万元", 80000000, "≥", "yuan", kind="parameter"),
    T("55%以上用于养老服务", 55, "≥", "percent"),
]

# --------------------------------------------------------------------------- scoring
class Score(NamedTuple):
    """Recall and precision of the candidates of one text, with what was missed and what was not asked for."""

    recall: float
    precision: float
    fields: float  # share of matched rows whose operator, unit and deadline agree with the truth
    missed: list[T]
    false: list[str]
    wrong_fields: list[str]


def _spans(key: str, text_key: str) -> list[tuple[int, int]]:
    found, start = [], text_key.find(key) if key else -1
    while start >= 0:
        found.append((start, start + len(key)))
        start = text_key.find(key, start + 1)
    return found


def score(frame: pd.DataFrame, truth: list[T], text: str) -> Score:
    """Match candidates to ground-truth rows: same value, overlapping quote and anchor (see the module docstring)."""
    text_key = match_key(text)
    anchors = [_spans(match_key(t.anchor), text_key) for t in truth]
    quotes = [_spans(match_key(q), text_key) for q in frame["quote"]]
    rows = list(frame.itertuples(index=False))
    pairs = [
        (i, j)
        for i, t in enumerate(truth)
        for j, row in enumerate(rows)
        if math.isclose(t.value, row.value) and any(s1 < e2 and s2 < e1 for s1, e1 in anchors[i] for s2, e2 in quotes[j])
    ]
    hit_truth, hit_rows = {i for i, _ in pairs}, {j for _, j in pairs}
    first = {i: j for i, j in reversed(pairs)}
    wrong = []
    for i, j in sorted(first.items()):
        t, row = truth[i], rows[j]
        got = (row.operator, row.unit_id, None if pd.isna(row.deadline_stated) else int(row.deadline_stated))
        if got != (t.operator, t.unit_id, t.deadline):
            wrong.append(f"{t.anchor!r}: got {got}, expected {(t.operator, t.unit_id, t.deadline)}")
    return Score(
        recall=len(hit_truth) / len(truth),
        precision=len(hit_rows) / len(rows) if rows else 1.0,
        fields=1 - len(wrong) / len(first) if first else 1.0,
        missed=[t for i, t in enumerate(truth) if i not in hit_truth],
        false=[f"{row.value:g} {row.unit_id} «{row.quote}» ({row.reason})" for j, row in enumerate(rows) if j not in hit_rows],
        wrong_fields=wrong,
    )


GENRES = {
    "regulation": (REGULATION, REGULATION_TRUTH),
    "provincial-plan": (PROVINCIAL_PLAN, PROVINCIAL_PLAN_TRUTH),
    "traditional-measures": (TRADITIONAL_MEASURES, TRADITIONAL_MEASURES_TRUTH),
    "action-plan-gbk": (ACTION_PLAN, ACTION_PLAN_TRUTH),
    "heldout-implementation-plan": (HELDOUT, HELDOUT_TRUTH),
}

#: Passages holding numbers that are not targets: (value, verbatim passage). No candidate of that value may quote
#: any part of the passage.
NOT_TARGETS = {
    "regulation": [
        (2023, "2023年10月27日"), (27, "10月27日"), (16, "第十六届"), (12, "第十二次会议"), (9, "九月初九所在月"),
        (6, "第六条第二款"), (2, "第六条第二款"), (100000, "处十万元以上五十万元以下罚款"),
        (500000, "处十万元以上五十万元以下罚款"), (1000, "每平方米一千元"), (5000, "处五千元以上三万元以下罚款"),
        (30000, "处五千元以上三万元以下罚款"), (50000, "处五万元以上十万元以下罚款"), (2024, "二〇二四年三月一日"),
        (3, "二〇二四年三月一日"), (1, "二〇二四年三月一日"), (24, "第二十四条"),
    ],
    "provincial-plan": [
        (2021, "南政办发〔2021〕58号"), (58, "〔2021〕58号"), (2318, "各类养老机构2318家"), (386000, "养老床位38.6万张"),
        (31.2, "拥有养老床位31.2张"), (42.5, "占比达到42.5%"), (21000, "站点2.1万个"), (48, "覆盖率达到48%"),
        (113000, "养老护理员11.3万人次"), (11658000, "1165.8万人"), (19.87, "19.87%"), (5.43, "5.43个百分点"),
        (13000000, "将超过1300万人"), (42.5, "由2020年的42.5%"), (10000, "养老床位总量（万张）"), (38.6, "（万张）\n38.6"),
        (42.5, "（%）\n42.5"), (31.2, "（张）\n31.2"), (48, "（%）\n48"), (68.5, "68.5"), (35, "（%）\n35"), (0.6, "0.6"),
        (11.3, "【11.3】"), (113000, "【11.3】"), (65, "65岁及以上老年人健康管理率（%）"), (2023, "于2023年开展"), (1, "专栏1"),
    ],
    "traditional-measures": [
        (2025, "清政辦發〔2025〕7號"), (7, "〔2025〕7號"), (86000, "8.6萬人"), (24.3, "24.3%"), (3.2, "3.2個百分點"),
        (12, "鄉鎮敬老院12處、"), (146, "1 4 6 個"), (52, "已達到52%"), (3, "威政辦字〔2024〕3號"),
        (12, "已建成12處鄉鎮敬老院"), (2027, "2027年12月31日"), (31, "12月31日"), (536, "0 5 3 6"), (7215688, "7 2 1 5 6 8 8"),
    ],
    "action-plan-gbk": [
        (1268, "浏览次数：1268"), (285000, "28.5万人"), (23.1, "23.1%"), (42000, "4.2万人"), (86, "养老机构86家"),
        (312, "站点312个"), (45, "由2022年的45%"), (12345, "12345政务服务便民热线"), (12349, "12349养老服务热线"),
        (10, "12月10日前"), (1, "1\n社区养老服务设施摸底排查"), (2, "2\n街道综合养老服务中心建设"), (8226531, "0794-8226531"),
        (344000, "邮编：344000"), (168, "赣东大道168号"), (5001234, "赣ICP备05001234号"),
    ],
    "heldout-implementation-plan": [
        (527000, "52.7万人"), (21.6, "老龄化率达到21.6%"), (1.8, "1.8个百分点"), (148, "养老机构148家"), (1210, "设施1210处"),
        (32, "养老床位32张"), (55, "已达到55%"), (3, "力争三年内"), (15, "1月15日前"), (88001234, "0571-88001234"),
        (24, "24小时受理"),
    ],
}


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def results(codebook):
    """Candidates and score of every text, extracted once."""
    found = {}
    for name, (text, truth) in GENRES.items():
        frame = extract_candidates(text, source_id=SOURCE_ID, codebook=codebook)
        found[name] = (frame, score(frame, truth, text))
    return found


GENRE_IDS = [pytest.param(name, id=name) for name in GENRES]


def test_texts_are_whole_documents_and_anchors_are_unique():
    for name, (text, truth) in GENRES.items():
        assert len(text) >= (1000 if name.startswith("heldout") else 1300), name
        key = match_key(text)
        for t in truth:
            assert key.count(match_key(t.anchor)) == 1, f"{name}: anchor {t.anchor!r} is not unique"


@pytest.mark.parametrize("name", GENRE_IDS)
def test_recall_and_precision(results, name):
    """At least 95 % of the curator's rows are found and at least 95 % of the candidates are rows a curator keeps.

    Each text has 21 to 37 rows: the thresholds allow one miss and one
    false candidate per text, no more. The rules were fixed on these texts,
    except the held-out one, which reached 97.3 % / 97.3 % when first scored;
    the five documents of the corpus hold the extractor to 95 % / 85 %.
    """
    _, s = results[name]
    assert s.recall >= 0.95, f"recall {s.recall:.1%}; missed: {s.missed}"
    assert s.precision >= 0.95, f"precision {s.precision:.1%}; not targets: {s.false}"


@pytest.mark.parametrize("name", GENRE_IDS)
def test_operator_unit_and_deadline_agree(results, name):
    """Of the rows found, at least 90 % have the curator's operator, unit and deadline."""
    _, s = results[name]
    assert s.fields >= 0.9, "\n".join(s.wrong_fields)


@pytest.mark.parametrize("name", GENRE_IDS)
def test_non_targets_never_appear(results, name):
    frame, _ = results[name]
    text_key = match_key(GENRES[name][0])
    quotes = [(_spans(match_key(q), text_key), v) for q, v in zip(frame["quote"], frame["value"])]
    for value, passage in NOT_TARGETS[name]:
        where = _spans(match_key(passage), text_key)
        assert where, f"{passage!r} is not in the text"
        hits = [v for spans, v in quotes if math.isclose(v, value) and any(s1 < e2 and s2 < e1 for s1, e1 in where for s2, e2 in spans)]
        assert not hits, f"{value:g} in «{passage}» is not a target"


@pytest.mark.parametrize("name", GENRE_IDS)
def test_quotes_are_verbatim_and_state_their_values(results, name):
    frame, _ = results[name]
    text = GENRES[name][0]
    flat = " ".join(line.strip() for line in text.splitlines())  # table cells are quoted joined by one space
    for row in frame.itertuples():
        assert row.quote in text or row.quote in flat or match_key(row.quote) in match_key(text), row.quote
        if "joins table cells" not in row.notes:
            stated = row.value / 10000 if "units of 10000" in row.notes else row.value
            assert quote_states_value(row.quote, stated, row.unit_id), row.quote


def test_regulation_rows_are_labelled_by_article(results):
    frame, _ = results["regulation"]
    assert frame["clause"].str.match(r"^第[一二三四五六七八九十]+条").all()
    assert set(frame.loc[frame["unit_id"] == "age_years", "kind"]) == {"parameter"}
    assert frame.loc[frame["unit_id"] == "m2_per_100_households", "kind"].eq("standard").all()


def test_table_rows_name_their_item_and_the_attribute(results):
    frame, _ = results["provincial-plan"]
    table = frame[frame["clause"].str.contains("表第")]
    assert table["clause"].str.extract(r"表第(\d+)项")[0].astype(int).tolist() == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert table["attribute"].tolist() == ["indicative", "binding", "indicative", "indicative", "binding"] + ["indicative"] * 4
    beds = table[table["value"] == 450000].iloc[0]
    assert (beds["unit_id"], beds["measure_word"]) == ("beds", "万张") and "10000" in beds["notes"]


def test_traditional_text_is_quoted_in_traditional(results):
    frame, _ = results["traditional-measures"]
    assert not frame["quote"].str.contains("养|护|盖|补|机构|岁|万|个|达").any()  # no Simplified forms
    assert frame["is_aspirational"].sum() == 2  # 力爭到2026年底 …


def test_gbk_file_reads_and_extracts_the_same(tmp_path, codebook, results):
    path = tmp_path / "action_plan.txt"
    path.write_bytes(ACTION_PLAN.encode("gbk"))
    text = read_policy_text(path)
    assert text == ACTION_PLAN
    frame = extract_candidates(text, source_id=SOURCE_ID, codebook=codebook)
    pd.testing.assert_frame_equal(frame, results["action-plan-gbk"][0])


# --------------------------------------------------------------------------- one behaviour each
PHRASINGS = [
    pytest.param("每年农历九月初九所在月为本市敬老月。", [], id="suo-in-suozai-is-not-a-measure-word"),
    pytest.param("社区应当建设一处以上养老服务站点。", [(1, "≥", "facilities", None)], id="lone-yi-with-yishang"),
    pytest.param("到二〇二五年底，城市社区老年助餐服务覆盖率达到百分之九十以上。", [(90, "≥", "percent", 2025)], id="chinese-numeral-year"),
    pytest.param("护理型床位占比由2020年的42.5%提高到55%以上。", [(55, "≥", "percent", None)], id="baseline-of-a-change"),
    pytest.param(
        "在全县已建成12处敬老院的基础上，到2026年底，完成6处敬老院提升改造。", [(6, "=", "facilities", 2026)],
        id="achieved-then-new-deadline",
    ),
    pytest.param("全市现有养老机构86家。", [], id="xianyou-count-is-the-present"),
    pytest.param("连续补贴不超过3年。", [(3, "≤", "years", None)], id="duration-with-a-bound"),
    pytest.param("力争三年内实现农村互助养老服务点全覆盖。", [(100, "=", "percent", None)], id="time-frame-is-not-a-duration"),
    pytest.param(
        "2023年、2024年、2025年分别建成社区嵌入式养老服务机构15个、20个、25个。",
        [(15, "=", "facilities", 2023), (20, "=", "facilities", 2024), (25, "=", "facilities", 2025)],
        id="years-paired-by-fenbie",
    ),
    pytest.param("“十四五”期间，全省累计培训养老护理员15万人次。", [(150000, "=", "person_times", 2025)], id="five-year-plan-period"),
    pytest.param("到2026年，特殊困难老年人月探访率保持在100%。", [(100, "=", "percent", 2026)], id="baochi-without-yishang"),
    pytest.param(
        "到2026年，健康管理服务率达到70%；养老机构签约合作比例达到100%。",
        [(70, "=", "percent", 2026), (100, "=", "percent", 2026)],
        id="deadline-across-a-semicolon",
    ),
    pytest.param("每百张床位配备社会工作者不少于1名。", [(1, "≥", "", None)], id="per-100-beds-has-no-unit"),
    pytest.param("每个助餐点服务半径原则上不超过1公里。", [(1, "≤", "", None)], id="distance-with-a-bound"),
    pytest.param("距市中心约15公里。", [], id="distance-without-a-bound"),
    pytest.param("65岁及以上老年人健康管理率（%）", [], id="age-that-qualifies-a-rate"),
    pytest.param("我县老年人口占比高于全市平均水平3.2个百分点。", [], id="population-share"),
    pytest.param("全市60岁以上老年人口达52.7万人。", [], id="population-count"),
    pytest.param("预计到2025年，全省老年人口将超过1300万人。", [], id="forecast"),
    pytest.param(
        "违反本办法规定，未按照每百户不少于二十平方米的标准配建养老服务用房的，由住房城乡建设部门责令限期改正。", [],
        id="norm-restated-in-a-penalty",
    ),
    pytest.param(
        "对消防不达标的养老机构责令限期整改，2025年底前整改率达到100%。", [(100, "=", "percent", 2025)],
        id="rectification-order-is-not-a-penalty",
    ),
]


@pytest.mark.parametrize("text, expected", PHRASINGS)
def test_phrasing(codebook, text, expected):
    frame = extract_candidates(text, source_id=SOURCE_ID, codebook=codebook)
    got = [(row.value, row.operator, row.unit_id, None if pd.isna(row.deadline_stated) else int(row.deadline_stated)) for row in frame.itertuples()]
    assert got == expected


TABLE = "二、发展目标\n序号\n指标\n{header}\n指标属性\n1\n养老机构护理型床位占比（%）\n{cells}\n约束性\n2\n老年助餐服务点（个）\n{cells2}\n预期性\n"


@pytest.mark.parametrize(
    "issued, header, cells, cells2, expected",
    [
        pytest.param(
            "甬政发〔2021〕8号", "2020年\n2025年", "42\n≥55", "120\n300",
            [(55, "percent", 2025), (300, "facilities", 2025)], id="baseline-column-before-the-year-of-issue",
        ),
        pytest.param(
            "2024年6月3日", "2024年\n2025年\n2026年", "58\n62\n65", "260\n300\n350",
            [(58, "percent", 2024), (62, "percent", 2025), (65, "percent", 2026), (260, "facilities", 2024), (300, "facilities", 2025), (350, "facilities", 2026)],
            id="one-column-per-target-year",
        ),
        pytest.param(
            "", "现状值\n2025年目标值", "42\n55", "—\n300", [(55, "percent", 2025), (300, "facilities", 2025)],
            id="baseline-named-in-the-header",
        ),
    ],
)
def test_flattened_table_columns(codebook, issued, header, cells, cells2, expected):
    text = f"{issued}\n" + TABLE.format(header=header, cells=cells, cells2=cells2)
    frame = extract_candidates(text, source_id=SOURCE_ID, codebook=codebook)
    assert [(row.value, row.unit_id, row.deadline_stated) for row in frame.itertuples()] == expected
