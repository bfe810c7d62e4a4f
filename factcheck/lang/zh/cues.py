"""Chinese cue words as regex sources: event verbs, coordinated events, comparisons and
modality cues (in order of precedence after 'question'; the first, a wish, must open the sentence).
"""

from __future__ import annotations

from factcheck.text.scripts import alternation


def _zh(words: str) -> str:
    return alternation(words.split("|"))


# Past-tense verbs that report an event; used to find events and to split coordinated ones.
EVENT_VERBS = _zh(
    "访问|訪問|会见|會見|会晤|會晤|签署|簽署|宣布|举行|舉行|逮捕|遣返|抵达|抵達|成立|启动|"
    "啟動|部署|派遣|出席|参加|參加|召开|召開|通过|通過|发布|發布|发表|發表"
)
# A coordinated second event (group 'verb' starts it).
COORDINATED_EVENT = rf"[，,]?(?:并|並|并且|並且|随后|隨後)(?P<verb>{EVENT_VERBS})"
COMPARISON = _zh("比|最|超过|超過|多于|多於|少于|少於|之一|相比|高于|高於|低于|低於")
MODALITY_CUES: list[tuple[str, str]] = [
    ("opinion", r"(?:愿|願|祝愿|祝願|希望|但愿|但願)"),
    ("reported", r"(?<![数數根依证證占佔])[据據]|(?<![名简簡职職堪])[称稱](?![赞讚号號])|"
                + _zh("表示|指出|报道|報導|透露|获悉|獲悉")),
    ("hedged", _zh("可能|或许|或許|也许|也許|大概|恐怕|似乎|有望|或将|或將|据信|據信")),
    ("planned", _zh("将|將|计划|計劃|拟|擬|预计|預計|即将|即將|准备|準備|打算|将要|將要|"
                    "将于|將於")),
    ("opinion", _zh("应该|應該|必须|必須|应当|應當|典型|双赢|雙贏|美好|坚不可摧|堅不可摧|"
                    "值得|远见|遠見")),
]  # fmt: skip

# Words that make a title another office ("Vice President" is not "President"; match/titles.py).
TITLE_QUALIFIERS = "副|前任|前|原|代理|助理|候任|署理"
# The same words in a person's title, each as the qualifier it makes ("ex" is "former";
# entities/names/forms.py): a vice president is not the president.
NAME_QUALIFIERS = {
    "副": "vice",
    "前": "former",
    "原": "former",
    "代理": "acting",
    "助理": "assistant",
}
