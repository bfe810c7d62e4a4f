"""Chinese role claims: a title next to a name becomes a role sub-claim with the exact span of
the words it rests on (the titles and name shapes are tables here)."""

from __future__ import annotations

import re

from factcheck.extract.subclaims import SubClaim
from factcheck.text.scripts import alternation

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

_ZH_NAME = rf"(?:[{ZH_TRANSLIT}]{{2,9}}|[{ZH_SURNAMES}][\u4e00-\u9fff]{{1,2}})"
_ZH_TITLE_NAME = re.compile(
    rf"(?P<title>[^{ZH_STOP}]{{0,10}}?(?:{alternation(ZH_TITLES)}))(?P<name>{_ZH_NAME})"
)
_ZH_NAME_TITLE = re.compile(
    rf"(?P<org>[^{ZH_STOP}]{{2,10}}?(?:局|部|厅|廳|委|院|省|市|政府|署))"
    rf"(?P<name>[{ZH_SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?P<title>(?:{alternation(ZH_TITLES)}))"
)
_ZH_NAME_END = set("表说說称稱在会會指将將是与與和等的了一已也就都并並率")


def find_roles(text: str, start: int, end: int) -> list[SubClaim]:
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
