"""Cue-word tables per language, shared by the modality, kind and decomposition rules.

Each table maps a language to regex sources; a new language means new entries here.
"""

from __future__ import annotations

from factcheck.text.scripts import BN_AFTER, BN_BEFORE, BN_CHARS, alternation


def _en(words: str) -> str:
    return rf"\b(?:{alternation(words.split('|'))})\b"


def _zh(words: str) -> str:
    return alternation(words.split("|"))


def _bn(words: str) -> str:
    return rf"{BN_BEFORE}(?:{alternation(words.split('|'), bengali=True)}){BN_AFTER}"


# Past-tense verbs that report an event; used to find events and to split coordinated ones.
EVENT_VERBS = {
    "en": _en(
        "visited|met|met with|signed|announced|launched|arrested|killed|repatriated|held|began|"
        "established|deployed|monitored|pledged|decided|attended|hosted|agreed|sent|trained|"
        "opened|inaugurated|occurred|took place|conducted|carried out|detained|captured|seized|"
        "invited|called for|reminded|expanded|set up|rolled out|approved|passed|imposed|banned"
    ),
    "zh": _zh(
        "访问|訪問|会见|會見|会晤|會晤|签署|簽署|宣布|举行|舉行|逮捕|遣返|抵达|抵達|成立|启动|"
        "啟動|部署|派遣|出席|参加|參加|召开|召開|通过|通過|发布|發布|发表|發表"
    ),
    "bn": _bn("সফর|বৈঠক|সাক্ষাৎ|ঘোষণা|গঠন|চুক্তি|স্বাক্ষর|গ্রেপ্তার|আটক|নিহত|অনুষ্ঠিত|আমন্ত্রণ|উদ্বোধন|মৃত্যু|ক্ষমা"),
}
# A coordinated second event: "... visited Pakistan and met with ..." (group 'verb' starts it).
COORDINATED_EVENT = {
    "en": rf",?\s+and\s+(?:then\s+|also\s+|later\s+)?(?P<verb>{EVENT_VERBS['en']})",
    "zh": rf"[，,]?(?:并|並|并且|並且|随后|隨後)(?P<verb>{EVENT_VERBS['zh']})",
    "bn": (
        r"(?:(?<=জানান)|(?<=করেন)|(?<=দেন)|(?<=নেন)|(?<=হন))\s+এবং\s+"
        rf"(?P<verb>[{BN_CHARS}])"
    ),
}

COMPARISON = {
    "en": _en(
        "more than|less than|fewer than|compared with|compared to|twice as|double|largest|"
        "biggest|highest|lowest|smallest|second-largest|most|least|than|outnumber|surpass|"
        "surpassed|exceeds|exceeded"
    ),
    "zh": _zh("比|最|超过|超過|多于|多於|少于|少於|之一|相比|高于|高於|低于|低於"),
    "bn": _bn("চেয়ে|চাইতে|সবচেয়ে|তুলনায়|সর্বোচ্চ|সর্বনিম্ন|বৃহত্তম|ছাড়িয়ে"),
}

# Modality cues, in order of precedence after 'question'. 'wish' is matched at sentence start.
MODALITY_CUES: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("opinion", r"(?:May\s+(?:this|the|it|we|they|our|all|God|Allah|these|his|her|you)\b"
                    r"|Let us\b|Long live\b|Hopefully\b)"),
        ("reported", _en("reportedly|according to|said|says|told|stated|claimed|claims|claim|"
                         "alleged|allegedly|revealed|reported|quoted|cited|as per")),
        ("hedged", r"\b(?:may|might|could|likely|unlikely|potentially|possibly|perhaps|probably|"
                   r"appears? to|seems? to|suggests?|is thought to|believed to)\b"),
        ("planned", r"\b(?:will|shall|(?:is|are|was|were)\s+(?:\w+\s+)?(?:expected|slated|set|"
                    r"scheduled|due|poised|planned|going)\s+to|slated to|plans? to|aims? to|"
                    r"intends? to|to be held|upcoming)\b"),
        ("opinion", r"(?i:\b(?:classic example|win-win|must|should|ought to|needs? to|is key to|"
                    r"clear indication|far-reaching significance|promising|remarkabl[ey]|"
                    r"visionary|ironclad|it is about|cannot be overlooked|not just about|"
                    r"emblematic|we believe|in my view|i think)\b)"),
    ],
    "zh": [
        ("opinion", r"(?:愿|願|祝愿|祝願|希望|但愿|但願)"),
        ("reported", r"(?<![数數根依证證占佔])[据據]|(?<![名简簡职職堪])[称稱](?![赞讚号號])|"
                    + _zh("表示|指出|报道|報導|透露|获悉|獲悉")),
        ("hedged", _zh("可能|或许|或許|也许|也許|大概|恐怕|似乎|有望|或将|或將|据信|據信")),
        ("planned", _zh("将|將|计划|計劃|拟|擬|预计|預計|即将|即將|准备|準備|打算|将要|將要|"
                        "将于|將於")),
        ("opinion", _zh("应该|應該|必须|必須|应当|應當|典型|双赢|雙贏|美好|坚不可摧|堅不可摧|"
                        "值得|远见|遠見")),
    ],
    "bn": [
        ("opinion", r"(?:আশা করি|কামনা করি|দোয়া করি)"),
        ("reported", _bn("জানিয়েছেন|জানিয়েছে|জানান|বলেন|বলেছেন|বলা হয়েছে|বলে জানা গেছে|"
                         "জানা গেছে|সূত্রে|অনুযায়ী|মতে|উল্লেখ করেন|দাবি করেন|দাবি করেছেন|বলেও")),
        ("hedged", _bn("হয়তো|সম্ভবত|সম্ভাবনা|পারে|পারেন|পারবে")),
        ("planned", rf"[{BN_CHARS}]+(?:বে|বেন){BN_AFTER}|{_bn('পরিকল্পনা|যাচ্ছে|যাওয়া|আগামী')}"),
        ("opinion", _bn("উচিত|দরকার|প্রয়োজন|অবশ্যই")),
    ],
}  # fmt: skip
QUESTION_END = r"[?？][\"'”’」』)）]*\s*$"
