"""Decomposition of a sentence into sub-claims: coordinated events and role claims.

"X, led by Deputy Director General Gao Jianzan, visited Pakistan and met with Interior Minister
Mohsin Naqvi." gives two events (visited, met with) and two roles, each with the exact span of the
words it rests on. Titles and name shapes are tables per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.cues import COORDINATED_EVENT, EVENT_VERBS
from factcheck.extract.quotes import complete_name
from factcheck.text.scripts import BN_CHARS, alternation, fold_bengali


@dataclass(frozen=True)
class SubClaim:
    """A span of a sentence that states one fact, with a simple triple."""

    start: int
    end: int
    kind: str  # event | role
    subject: str | None
    predicate: str
    object: str | None


EN_TITLES = (
    "minister", "director general", "director", "president", "vice president", "prime minister",
    "premier", "secretary", "secretary general", "chief", "police chief", "governor",
    "ambassador", "spokesperson", "spokesman", "spokeswoman", "commissioner",
    "inspector general", "chairman", "chairperson", "chairwoman", "mayor", "head", "commander",
    "chief minister", "deputy", "counsellor", "councillor", "envoy", "general", "senator",
    "officer", "adviser", "advisor",
)  # fmt: skip
ZH_TITLES = (
    "副局长", "局长", "副局長", "局長", "副部长", "部长", "副部長", "部長", "主席", "总理", "總理",
    "总统", "總統", "大使", "发言人", "發言人", "省长", "省長", "市长", "市長", "书记", "書記",
    "厅长", "廳長", "主任", "司令", "司令员", "局长助理",
)  # fmt: skip
ZH_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦"
    "韋付方白邹鄒孟熊秦邱江尹薛闫阎段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯"
    "常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳"
    "甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華"
    "喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨"
    "宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢"
    "仲虞敖巩鞏明佘池查麻苑迟遲邝鄺"
)
# Characters of transliterated foreign names (纳克维, 莫辛·纳克维).
ZH_TRANSLIT = (
    "阿埃艾爱安奥澳巴拜班邦贝本比彼宾波伯勃布查达戴德迪蒂丁东杜多厄恩法菲费芬弗福盖甘戈格古哈海汉"
    "赫亨胡华霍基吉加贾杰捷金卡凯坎康科克肯库拉莱赖兰朗劳勒雷里利列林琳卢鲁伦罗洛马玛迈麦曼梅蒙米敏"
    "明莫姆穆纳娜南内尼宁努诺帕佩彭皮普奇乔切琼萨塞桑瑟森沙莎山绍舍谢辛什施斯索苏塔泰坦汤唐特提图托"
    "瓦旺威韦维温沃乌西希夏肖休雅亚扬耶伊因尤约泽扎詹兹祖佐卓哲尔赛丹·"
)
ZH_STOP = "由了在的和与與及并並对對向从從把被是将將会會见見为為于於，。、；：“”（）《》 \n"
BN_TITLES = (
    "মন্ত্রী", "রাষ্ট্রপতি", "প্রেসিডেন্ট", "সচিব", "মুখপাত্র", "রাষ্ট্রদূত", "চেয়ারম্যান",
    "মহাপরিচালক", "গভর্নর", "মেয়র", "প্রধান", "মহাসচিব", "উপদেষ্টা", "কমিশনার",
)  # fmt: skip
BN_NAME_STOP = {
    fold_bengali(w)
    for w in [
        "এবং",
        "ও",
        "সাথে",
        "সঙ্গে",
        "বৈঠক",
        "বলেন",
        "জানান",
        "করেন",
        "এই",
        "এ",
        "সফর",
        "পক্ষ",
        "পর্যায়ের",
        "পর্যায়",
        "চীনা",
        "নাগরিক",
        "হিসেবে",
        "বলেছেন",
        "জানিয়েছেন",
        "থেকে",
        "কে",
        "যে",
        "তিনি",
        "আরও",
    ]
}
BN_NAME_SUFFIXES = ("-এর", "এর", "ের", "কে", "-কে")

_EN_TITLE_CAP = alternation(" ".join(w.capitalize() for w in t.split()) for t in EN_TITLES)
_EN_TITLE_LOW = alternation(EN_TITLES)
_CAP = r"[A-Z][a-z’'-]+"
_EN_TITLE_NAME = re.compile(
    rf"(?P<title>(?:\b(?:former|acting|then)\s+|\bex-)?(?:{_CAP}\s+){{0,3}}(?:{_EN_TITLE_CAP})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?"
    rf"(?:{_CAP}\s+){{1,3}}?)?)\s*(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})\b"
)
_EN_POSSESSIVE = re.compile(
    rf"(?P<title>{_CAP}[’']s\s+(?:(?:deputy|assistant|vice|acting|former)\s+)?(?:{_EN_TITLE_LOW}))"
    rf"\s+(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})\b"
)
_EN_APPOSITION = re.compile(
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}}),\s+(?:who\s+is\s+(?:also\s+)?)?"
    rf"(?P<title>(?:(?:{_CAP}[’']s|the|a|an)\s+)?(?:[a-z-]+\s+){{0,2}}(?:{_EN_TITLE_LOW})"
    rf"(?:\s+(?:for|of|in|at)\s+[\w’' -]+?)?)(?=[,.;]|\s+who\b|\s+said\b|$)"
)
_ZH_NAME = rf"(?:[{ZH_TRANSLIT}]{{2,9}}|[{ZH_SURNAMES}][\u4e00-\u9fff]{{1,2}})"
_ZH_TITLE_NAME = re.compile(
    rf"(?P<title>[^{ZH_STOP}]{{0,10}}?(?:{alternation(ZH_TITLES)}))(?P<name>{_ZH_NAME})"
)
_ZH_NAME_TITLE = re.compile(
    rf"(?P<org>[^{ZH_STOP}]{{2,10}}?(?:局|部|厅|廳|委|院|省|市|政府|署))"
    rf"(?P<name>[{ZH_SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?P<title>(?:{alternation(ZH_TITLES)}))"
)
_ZH_NAME_END = set("表说說称稱在会會指将將是与與和等的了一已也就都并並率")
_BN_TITLE = re.compile(
    rf"(?P<title>(?:[{BN_CHARS}]+(?:ের|র)\s+)?(?:[{BN_CHARS}]+\s+)??"
    rf"[{BN_CHARS}]*(?:{alternation(BN_TITLES, bengali=True)}))(?=\s)"
)
_BN_WORD = re.compile(rf"\s+([{BN_CHARS}]+(?:-[{BN_CHARS}]+)?)")

_COORDINATED = {lang: re.compile(source) for lang, source in COORDINATED_EVENT.items()}
_EVENT = {lang: re.compile(source) for lang, source in EVENT_VERBS.items()}
_TRAILING = " .。!！;；,，\"'”’」』"


def find_roles(text: str, start: int, end: int, lang: str) -> list[SubClaim]:
    """Role claims from titles next to names, in text[start:end]."""
    if lang == "zh":
        roles = _zh_roles(text, start, end)
    elif lang == "bn":
        roles = _bn_roles(text, start, end)
    else:
        roles = _en_roles(text, start, end)
    roles.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[SubClaim] = []
    for role in roles:
        if all(role.end <= k.start or role.start >= k.end for k in kept):
            kept.append(role)
    return kept


def split_events(text: str, start: int, end: int, lang: str) -> list[SubClaim]:
    """Coordinated events ("visited X and met with Y") as separate spans, else []."""
    pattern = _COORDINATED.get(lang)
    if pattern is None:
        return []
    cuts = [m for m in pattern.finditer(text, start, end)]
    if not cuts:
        return []
    first_event = _EVENT[lang].search(text, start, cuts[0].start())
    if first_event is None and lang != "bn":
        return []
    events: list[SubClaim] = []
    subject = _subject(text, start, first_event.start()) if first_event and lang == "en" else None
    piece_start = start
    boundaries = [(c.start(), c.start("verb")) for c in cuts] + [(end, end)]
    predicate_match = first_event
    for piece_end, next_start in boundaries:
        span_end = _rstrip(text, piece_start, piece_end)
        predicate = predicate_match.group() if predicate_match else "event"
        obj = text[predicate_match.end() : span_end].strip(" 了") if predicate_match else None
        events.append(SubClaim(piece_start, span_end, "event", subject, predicate, obj or None))
        piece_start = next_start
        predicate_match = None
        if next_start < end:
            predicate_match = _EVENT[lang].match(text, next_start, end) or _EVENT[lang].search(
                text, next_start, end
            )
    return events


def _subject(text: str, start: int, verb_start: int) -> str | None:
    head = text[start:verb_start]
    head = re.split(r",|\s+(?:recently|yesterday|today|also|has|have|had)\b", head)[0]
    return head.strip() or None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def _en_roles(text: str, start: int, end: int) -> list[SubClaim]:
    roles = []
    for match in _EN_TITLE_NAME.finditer(text, start, end):
        title, name = match.group("title"), match.group("name")
        title_start = match.start("title")
        # Capitalised common words ("Security" in "Public Security Wang Xiaohong") are title.
        words = name.split()
        while len(words) > 2 and _is_common_word(text, words[0]):
            words.pop(0)
        name = " ".join(words)
        if _is_common_word(text, words[0]):
            continue
        if title.startswith(("The ", "A ")):
            title_start += len(title.split()[0]) + 1
        title = " ".join(text[title_start : match.end() - len(name)].split())
        roles.append(SubClaim(title_start, match.end(), "role", name, "role", title))
    for match in _EN_POSSESSIVE.finditer(text, start, end):
        roles.append(
            SubClaim(match.start(), match.end(), "role", match.group("name"), "role",
                     match.group("title"))
        )  # fmt: skip
    for match in _EN_APPOSITION.finditer(text, start, end):
        name = match.group("name")
        if " " not in name:
            name = complete_name(text, name, match.start()) or name
        title = match.group("title").strip()
        roles.append(SubClaim(match.start(), match.end("title"), "role", name, "role", title))
    return roles


def _is_common_word(text: str, word: str) -> bool:
    """A capitalised word that the text also writes in lowercase is not part of a name."""
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


def _zh_roles(text: str, start: int, end: int) -> list[SubClaim]:
    roles = []
    for match in _ZH_NAME_TITLE.finditer(text, start, end):
        roles.append(
            SubClaim(match.start(), match.end(), "role", match.group("name"), "role",
                     match.group("org") + match.group("title"))
        )  # fmt: skip
    for match in _ZH_TITLE_NAME.finditer(text, start, end):
        name = match.group("name")
        name_start = match.start("name")
        if name[0] in ZH_SURNAMES and len(name) == 3 and name[2] in _ZH_NAME_END:
            name = name[:2]
        # A transliterated run stops where the name does ("纳克维一直" -> "纳克维").
        roles.append(
            SubClaim(match.start(), name_start + len(name), "role", name, "role",
                     match.group("title"))
        )  # fmt: skip
    return roles


_BN_ANY_TITLE = re.compile(alternation(BN_TITLES, bengali=True))


def _bn_roles(text: str, start: int, end: int) -> list[SubClaim]:
    roles: list[SubClaim] = []
    if _BN_ANY_TITLE.search(text, start, end) is None:
        return roles
    for match in _BN_TITLE.finditer(text, start, end):
        words: list[str] = []
        position = match.end()
        while len(words) < 3:
            found = _BN_WORD.match(text, position, end)
            if not found:
                break
            word = found.group(1)
            folded = fold_bengali(word)
            if folded in BN_NAME_STOP:
                break
            suffix = next((s for s in BN_NAME_SUFFIXES if folded.endswith(s)), None)
            if suffix and len(folded) > len(suffix) + 1:
                words.append(word[: len(word) - len(suffix)])
                position = found.start(1) + len(words[-1])
                break
            words.append(word)
            position = found.end()
        if not words:
            continue
        title_start, title = match.start(), match.group("title")
        first = title.split()[0]
        if fold_bengali(first) in BN_NAME_STOP:  # "এবং রাষ্ট্রপতি": the conjunction is no title
            title_start += len(first) + 1
            title = title[len(first) + 1 :]
        roles.append(SubClaim(title_start, position, "role", " ".join(words), "role", title))
    return roles
