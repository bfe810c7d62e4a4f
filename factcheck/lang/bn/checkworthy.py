"""Bengali rule cues: tables of cue words and patterns, with weights in log-odds chosen by hand
and measured on tests/data/checkworthy_bn.tsv.

Bengali inflects by suffix (মন্ত্রী, মন্ত্রীকে, মন্ত্রীর), so most cues match at a word start and
allow any ending; short words that are also pieces of other words must end at a word boundary.
"""

from __future__ import annotations

from functools import cache

from factcheck.extract.checkworthy.common import heading, territory_names
from factcheck.extract.checkworthy.rules import Cue, RuleSet, alternation, cue
from factcheck.text.scripts import BN_CHARS

_START = rf"(?<![{BN_CHARS}])"  # not preceded by a Bengali letter or sign
_END = rf"(?![{BN_CHARS}])"

NUMBER_WORDS = (
    "দুই", "তিন", "চার", "পাঁচ", "ছয়", "সাত", "আট", "নয়", "দশ", "বিশ", "ত্রিশ", "চল্লিশ",
    "পঞ্চাশ", "শত", "শতাধিক", "হাজার", "লাখ", "লক্ষ", "কোটি", "শতাংশ", "ডজন", "অর্ধশত",
    "একশ", "দুইশ", "দেড়", "আড়াই",
)  # fmt: skip
MONTHS = (
    "জানুয়ারি", "জানুয়ারী", "ফেব্রুয়ারি", "ফেব্রুয়ারী", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই",
    "আগস্ট", "আগষ্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর", "বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়",
    "শ্রাবণ", "ভাদ্র", "আশ্বিন", "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র",
)  # fmt: skip
DATE_WORDS = (
    "শনিবার", "রবিবার", "রোববার", "সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার",
    "গতকাল", "আজ", "গত বছর", "চলতি বছর", "গত মাস", "গত সপ্তাহ", "সালে", "সাল", "তারিখ",
)  # fmt: skip
TITLES = (
    "মন্ত্রী", "প্রতিমন্ত্রী", "উপমন্ত্রী", "প্রধানমন্ত্রী", "রাষ্ট্রপতি", "প্রেসিডেন্ট", "সচিব",
    "চেয়ারম্যান", "মহাপরিচালক", "পরিচালক", "কমিশনার", "উপাচার্য", "সভাপতি", "সম্পাদক", "মেয়র",
    "সংসদ সদস্য", "এমপি", "ওসি", "পুলিশ সুপার", "জেলা প্রশাসক", "বিচারপতি", "রাষ্ট্রদূত",
    "মুখপাত্র", "ড.", "অধ্যাপক", "সেনাপ্রধান", "কর্মকর্তা", "প্রধান", "নির্বাহী", "গভর্নর",
    "স্পিকার", "উপদেষ্টা", "কাউন্সিলর", "ইউএনও", "অধিনায়ক", "কোচ",
)  # fmt: skip
ORGANISATIONS = (
    "মন্ত্রণালয়", "মন্ত্রণালয়", "অধিদপ্তর", "অধিদফতর", "বিশ্ববিদ্যালয়", "বিশ্ববিদ্যালয়", "পুলিশ",
    "সরকার", "কমিশন", "ব্যাংক", "আদালত", "সংসদ", "বাহিনী", "লিমিটেড", "কোম্পানি", "হাসপাতাল",
    "র‌্যাব", "বিজিবি", "আওয়ামী লীগ", "বিএনপি", "জামায়াত", "জাতিসংঘ", "বোর্ড", "কর্তৃপক্ষ",
    "সংস্থা", "পরিষদ", "দপ্তর", "ফোরাম", "ইউনিট", "থানা", "বিভাগ",
)  # fmt: skip
PLACES = (
    "ঢাকা", "চট্টগ্রাম", "খুলনা", "রাজশাহী", "সিলেট", "বরিশাল", "রংপুর", "ময়মনসিংহ", "গাজীপুর",
    "নারায়ণগঞ্জ", "কুমিল্লা", "পটুয়াখালী", "গলাচিপা", "কক্সবাজার", "বগুড়া", "যশোর", "ফরিদপুর",
    "নোয়াখালী", "বেইজিং", "ইসলামাবাদ", "দিল্লি", "কলকাতা", "ওয়াশিংটন", "লন্ডন", "মস্কো",
    "বনশ্রী", "উপজেলা", "জেলা", "ইউনিয়ন", "গ্রাম",
)  # fmt: skip
REPORTING = (
    "জানিয়েছেন", "জানিয়েছে", "জানান", "জানায়", "বলেন", "বলেছেন", "বলেছে", "বলা হয়েছে",
    "উল্লেখ করেন", "উল্লেখ করা হয়", "নিশ্চিত করেছে", "নিশ্চিত করেন", "ঘোষণা", "জানা গেছে",
    "সূত্র", "অনুযায়ী", "প্রেস বিজ্ঞপ্তি", "বিবৃতি", "দাবি করেন", "অভিযোগ",
)  # fmt: skip
EVENTS = (
    "বৈঠক", "সফর", "গঠন", "সই", "স্বাক্ষর", "চুক্তি", "উদ্বোধন", "গ্রেপ্তার", "গ্রেফতার", "নিহত",
    "আহত", "মৃত্যু", "অনুষ্ঠিত", "নির্বাচিত", "নিয়োগ", "উদ্ধার", "আটক", "মামলা", "রায়",
    "সাক্ষাৎ", "পরিদর্শন", "হামলা", "দুর্ঘটনা", "খুন", "জব্দ", "বরখাস্ত", "পদত্যাগ", "অনুমোদন",
    "বরাদ্দ", "পাস", "বিজয়ী", "জয়", "হেরে", "লঞ্চডুবি", "ক্ষমা", "মুক্তি", "দাফন", "জরিমানা",
    "আমন্ত্রণ", "অবহিত", "সম্মত", "একমত", "উপস্থিত", "অংশ নেন", "যোগ দেন", "যোগদান",
)  # fmt: skip
QUESTION_WORDS = ("কি", "কী", "কেন", "কীভাবে", "কিভাবে", "কোথায়", "কবে", "কারা", "কে")
OPINION = (
    "উচিত", "আশা", "মনে করি", "মনে করেন", "মনে হয়", "চাই", "প্রত্যাশা", "হয়তো", "সম্ভবত",
    "প্রয়োজন", "দরকার", "জরুরি", "বিশ্বাস", "নিশ্চয়ই", "যেন", "করতে হবে",
)  # fmt: skip
FIRST_PERSON = ("আমি", "আমরা", "আমাদের", "আমার")
EVALUATIVE = (
    "দুর্দান্ত", "চমৎকার", "অসাধারণ", "মর্মান্তিক", "দুঃখজনক", "লজ্জাজনক", "দুঃসংবাদ", "ভয়াবহ",
    "উদ্বেগজনক", "ঐতিহাসিক", "গৌরব", "অত্যন্ত", "খুবই", "দুর্ভাগ্য", "হতাশাজনক", "প্রশংসনীয়",
    "দায়ী", "অবহেলা", "ব্যর্থ",
)  # fmt: skip
WISHES = ("কামনা", "দোয়া", "শুভেচ্ছা", "শুভ কামনা", "অভিনন্দন", "জিন্দাবাদ", "জয় বাংলা", "নিপাত যাক")
BOILERPLATE = (
    "সংবাদ শিরোনাম", "আপডেট সময়", "আপলোডকারীর তথ্য", "জনপ্রিয় সংবাদ", "আরও পড়ুন", "শেয়ার করুন",
    "সর্বস্বত্ব", "Tag :",
)  # fmt: skip


def _prefix(words) -> str:
    return rf"{_START}(?:{alternation(words)})"


def _whole(words) -> str:
    return rf"{_START}(?:{alternation(words)}){_END}"


@cache
def rules() -> RuleSet:
    places = PLACES + territory_names("bn")
    return RuleSet(
        cues=(
            cue(
                "number",
                rf"[০-৯0-9]+(?:[.,][০-৯0-9]+)*|{_START}(?:{alternation(NUMBER_WORDS)})"
                rf"(?:টি|টা|জন|ই|তে|য়)?{_END}",
                1.2,
                "has a number: {match}",
            ),
            cue(
                "date",
                rf"{_whole(MONTHS)}|{_START}(?:{alternation(DATE_WORDS)})(?:ে|ের|েই|ও)?{_END}",
                0.8,
                "has a date: {match}",
            ),
            cue(
                "titled_person",
                rf"(?:{alternation(TITLES)})(?:কে|র|ের|দের|রা|গণ|ও)?{_END}",
                1.0,
                "names a person with a title: {match}",
            ),
            cue("organisation", alternation(ORGANISATIONS), 0.4, "names an organisation: {match}"),
            cue("place", _prefix(places), 0.5, "names a place: {match}"),
            cue("reporting", alternation(REPORTING), 0.6, "reports what someone said: '{match}'"),
            cue("event", _prefix(EVENTS), 1.0, "reports an event: '{match}'"),
            cue("question", rf"[?？]|{_whole(QUESTION_WORDS)}", -2.5, "is a question"),
            cue("wish", alternation(WISHES), -1.5, "wish or greeting: '{match}'"),
            cue("opinion", _whole(OPINION), -1.0, "opinion or speculation: '{match}'"),
            cue("first_person", _whole(FIRST_PERSON), -0.4, "first person: '{match}'"),
            cue("evaluative", _prefix(EVALUATIVE), -1.0, "evaluative wording: '{match}'"),
            cue("slogan", r"[!！]\s*$", -1.5, "ends with an exclamation mark"),
            cue("boilerplate", alternation(BOILERPLATE), -3.0, "site boilerplate: '{match}'"),
            Cue("heading", heading(12, 100), -2.5, "looks like a heading: '{match}'"),
        ),
        bias=-1.0,
    )
