"""Chinese rule cues (Simplified and Traditional): tables of cue words and patterns, with weights
in log-odds chosen by hand and measured on tests/data/checkworthy_zh.tsv."""

from __future__ import annotations

from functools import cache

from factcheck.extract.checkworthy.common import heading, territory_names
from factcheck.extract.checkworthy.rules import Cue, RuleSet, alternation, cue

NUMERALS = "零〇一二两兩三四五六七八九十百千万萬亿億"
# A single numeral counts only before a unit of quantity, so 一个/一步/一道 do not fire.
UNITS = (
    "名", "人", "万", "萬", "亿", "億", "年", "岁", "歲", "次", "倍", "座", "架", "位", "项", "項",
    "个国家", "個國家", "个月", "個月", "公里", "平方公里", "米", "公尺", "元", "美元", "届", "屆",
    "部", "集", "场", "場", "家", "所", "条", "條", "枚", "艘", "辆", "輛", "天", "小时", "小時",
    "分钟", "分鐘", "季", "首", "本", "周", "週",
)  # fmt: skip
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天")
DATE_WORDS = (
    "近日", "日前", "昨天", "昨日", "今天", "今年", "去年", "前年", "明年", "上周", "上週",
    "本周", "本週", "上月", "本月", "当天", "當天", "周一", "周二", "周三", "周四", "周五", "周六",
    "周日", "週一", "週二", "週三", "週四", "週五", "週六", "週日", "世纪", "世紀", "年代",
)  # fmt: skip
TITLES = (
    "部长", "部長", "局长", "局長", "副局长", "副局長", "主席", "总统", "總統", "总理", "總理",
    "首相", "书记", "書記", "省长", "省長", "市长", "市長", "主任", "厅长", "廳長", "司令",
    "大使", "发言人", "發言人", "委员长", "委員長", "院长", "院長", "董事长", "董事長", "总裁",
    "總裁", "总经理", "總經理", "教授", "处长", "處長", "警长", "警長", "将军", "將軍", "国王",
    "國王", "女王", "议员", "議員", "州长", "州長", "总督", "總督", "校长", "校長", "队长", "隊長",
    "主教", "教宗", "皇帝", "总司令", "總司令", "秘书长", "秘書長", "首席执行官", "执行长",
    "執行長",
)  # fmt: skip
ORG_SUFFIXES = (
    "公安局", "政府", "委员会", "委員會", "大学", "大學", "公司", "银行", "銀行", "法院", "议会",
    "議會", "国会", "國會", "组织", "組織", "协会", "協會", "部队", "部隊", "警方", "警察局",
    "联合国", "聯合國", "研究院", "研究所", "医院", "醫院", "集团", "集團", "电视台", "電視台",
    "日报", "日報", "通讯社", "通訊社", "党", "黨", "军", "軍", "球队", "球隊", "俱乐部", "俱樂部",
)  # fmt: skip
PLACES = (
    "北京", "上海", "天津", "重庆", "重慶", "广州", "廣州", "深圳", "香港", "澳门", "澳門", "台湾",
    "臺灣", "台灣", "台北", "臺北", "高雄", "台中", "臺中", "台南", "臺南", "新疆", "西藏", "兰州",
    "蘭州", "甘肃", "甘肅", "河北", "江西", "浙江", "石家庄", "伊斯兰堡", "伊斯蘭堡", "卡拉奇",
    "纽约", "紐約", "伦敦", "倫敦", "巴黎", "东京", "東京", "芝加哥", "洛杉矶", "洛杉磯", "华盛顿",
    "華盛頓", "欧洲", "歐洲", "亚洲", "亞洲", "非洲", "美洲", "俾路支省", "开伯尔", "開伯爾",
)  # fmt: skip
REPORTING = (
    "表示", "称", "稱", "说", "說", "宣布", "宣佈", "指出", "透露", "报道", "報導", "報道",
    "声明", "聲明", "证实", "證實", "确认", "確認", "据", "據", "公布", "公佈", "披露", "发布",
    "發布", "發佈",
)  # fmt: skip
EVENTS = (
    "访问", "訪問", "会见", "會見", "签署", "簽署", "举行", "舉行", "出席", "抵达", "抵達",
    "派遣", "成立", "逮捕", "当选", "當選", "任命", "担任", "擔任", "创立", "創立", "创建",
    "創建", "发行", "發行", "出版", "获得", "獲得", "位于", "位於", "出生", "去世", "逝世",
    "率领", "率領", "监控", "監控", "部署", "建立", "发生", "發生", "死亡", "受伤", "受傷",
    "遣返", "参加", "參加", "举办", "舉辦", "上映", "播出", "首播", "发布会", "毕业", "畢業",
    "就读", "就讀", "主演", "执导", "執導", "导演", "導演", "属于", "屬於", "隶属", "隸屬",
    "人口", "面积", "面積", "首都", "首府", "发明", "發明", "建于", "建於", "建造", "开幕",
    "開幕", "赢得", "贏得", "击败", "擊敗", "签约", "簽約", "加入", "退出", "入选", "入選",
)  # fmt: skip
OPINION = (
    "认为", "認為", "应该", "應該", "应当", "應當", "必须", "必須", "希望", "相信", "我们要",
    "我們要", "让我们", "讓我們", "或许", "或許", "也许", "也許", "可能", "将会", "將會",
    "有望", "有助于", "有助於", "需要", "不再", "不仅仅", "不僅僅", "意味着", "象征", "象徵",
)  # fmt: skip
EVALUATIVE = (
    "典型", "典范", "典範", "双赢", "雙贏", "深远", "深遠", "美好", "前景", "坚不可摧", "堅不可摧",
    "卓越", "伟大", "偉大", "远见", "遠見", "务实", "務實", "重要意义", "重要意義", "最先进",
    "最先進", "受益匪浅", "受益匪淺", "值得信赖", "值得信賴", "令人瞩目", "令人矚目", "备受瞩目",
    "備受矚目", "果断", "果斷", "光明", "辉煌", "輝煌", "非常", "十分", "极其", "極其", "成功",
    "友谊", "友誼", "榜样", "榜樣", "愿景", "願景", "乐观", "樂觀", "严峻", "嚴峻", "聪明",
)  # fmt: skip
WISH_OPENERS = ("愿", "願", "祝", "让我们", "讓我們", "希望", "但愿", "但願", "衷心")
SLOGANS = ("万岁", "萬歲", "加油", "必胜", "必勝", "万众一心", "萬眾一心", "口号", "口號")
BOILERPLATE = (
    "注意", "谢谢", "謝謝", "版权所有", "版權所有", "转载", "轉載", "点击", "點擊", "责任编辑",
    "責任編輯", "原标题", "原標題", "下边有中文翻译", "请以原版",
)  # fmt: skip
QUESTION_WORDS = (
    "吗", "嗎", "是否", "如何", "为什么", "為什麼", "为何", "為何", "怎么", "怎麼", "怎样", "怎樣",
    "难道", "難道", "何时", "何時", "哪里", "哪裡", "谁", "誰",
)  # fmt: skip


@cache
def rules() -> RuleSet:
    places = PLACES + territory_names("zh") + territory_names("zh_Hant")
    han = r"[\u4e00-\u9fff]"
    return RuleSet(
        cues=(
            cue(
                "number",
                rf"[0-9０-９]+(?:[.,．][0-9０-９]+)*|[{NUMERALS}]{{2,}}|"
                rf"[{NUMERALS}](?:{alternation(UNITS)})|百分之",
                1.2,
                "has a number: {match}",
            ),
            cue(
                "date",
                rf"[0-9０-９{NUMERALS}]+\s*[年月日号號]|{alternation(WEEKDAYS + DATE_WORDS)}",
                0.8,
                "has a date: {match}",
            ),
            cue(
                "titled_person",
                rf"{han}{{0,3}}(?:{alternation(TITLES)})",
                1.2,
                "names a person with a title: {match}",
            ),
            cue(
                "foreign_name",
                rf"{han}{{1,4}}[·・•]{han}{{1,4}}",
                0.6,
                "names a person: {match}",
            ),
            cue(
                "organisation",
                rf"{han}{{2,5}}?(?:{alternation(ORG_SUFFIXES)})",
                0.4,
                "names an organisation: {match}",
            ),
            cue("place", alternation(places), 0.8, "names a place: {match}"),
            cue(
                "definition",
                r"(?:是|爲|為|属于|屬於)(?:一[种種个個部位座家支名條条所]|[^，,。]{1,12}的一[种種个個部位座家支名條条所])",
                0.8,
                "states what something is: '{match}'",
            ),
            cue("reporting", alternation(REPORTING), 0.5, "reports what someone said: '{match}'"),
            cue("event", alternation(EVENTS), 1.0, "reports an event or fact: '{match}'"),
            cue("question", rf"[?？]|(?:{alternation(QUESTION_WORDS)})", -3.0, "is a question"),
            cue(
                "wish",
                rf"^\s*(?:{alternation(WISH_OPENERS)})",
                -3.0,
                "is a wish or exhortation: '{match}'",
            ),
            cue("slogan", rf"{alternation(SLOGANS)}|[!！]\s*$", -2.0, "slogan wording: '{match}'"),
            cue("opinion", alternation(OPINION), -1.2, "opinion or speculation: '{match}'"),
            cue("evaluative", alternation(EVALUATIVE), -1.2, "evaluative wording: '{match}'"),
            cue("boilerplate", alternation(BOILERPLATE), -3.0, "site boilerplate: '{match}'"),
            Cue("heading", heading(6, 14), -2.5, "looks like a heading: '{match}'"),
        ),
        bias=-1.0,
    )
