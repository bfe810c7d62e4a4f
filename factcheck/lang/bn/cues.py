"""Bengali cue words as regex sources: event verbs, coordinated events, comparisons and
modality cues (in order of precedence after 'question'; the first, a wish, must open the sentence).
"""

from __future__ import annotations

from factcheck.text.scripts import BN_AFTER, BN_BEFORE, BN_CHARS, alternation


def _bn(words: str) -> str:
    return rf"{BN_BEFORE}(?:{alternation(words.split('|'), bengali=True)}){BN_AFTER}"


# Past-tense verbs that report an event; used to find events and to split coordinated ones.
EVENT_VERBS = _bn("সফর|বৈঠক|সাক্ষাৎ|ঘোষণা|গঠন|চুক্তি|স্বাক্ষর|গ্রেপ্তার|আটক|নিহত|অনুষ্ঠিত|আমন্ত্রণ|উদ্বোধন|মৃত্যু|ক্ষমা")
# A coordinated second event (group 'verb' starts it).
COORDINATED_EVENT = (
    r"(?:(?<=জানান)|(?<=করেন)|(?<=দেন)|(?<=নেন)|(?<=হন))\s+এবং\s+"
    rf"(?P<verb>[{BN_CHARS}])"
)
COMPARISON = _bn("চেয়ে|চাইতে|সবচেয়ে|তুলনায়|সর্বোচ্চ|সর্বনিম্ন|বৃহত্তম|ছাড়িয়ে")
MODALITY_CUES: list[tuple[str, str]] = [
    ("opinion", r"(?:আশা করি|কামনা করি|দোয়া করি)"),
    ("reported", _bn("জানিয়েছেন|জানিয়েছে|জানান|বলেন|বলেছেন|বলা হয়েছে|বলে জানা গেছে|"
                     "জানা গেছে|সূত্রে|অনুযায়ী|মতে|উল্লেখ করেন|দাবি করেন|দাবি করেছেন|বলেও")),
    ("hedged", _bn("হয়তো|সম্ভবত|সম্ভাবনা|পারে|পারেন|পারবে")),
    ("planned", rf"[{BN_CHARS}]+(?:বে|বেন){BN_AFTER}|{_bn('পরিকল্পনা|যাচ্ছে|যাওয়া|আগামী')}"),
    ("opinion", _bn("উচিত|দরকার|প্রয়োজন|অবশ্যই")),
]  # fmt: skip

# Words that make a title another office ("Vice President" is not "President"; match/titles.py).
TITLE_QUALIFIERS = "উপ|সহকারী|সাবেক|প্রাক্তন|ভারপ্রাপ্ত|তত্ত্বাবধায়ক|প্রতিমন্ত্রী"
# The same words in a person's title, each as the qualifier it makes ("ex" is "former";
# entities/names/forms.py): a vice president is not the president.
NAME_QUALIFIERS = {"সাবেক": "former", "প্রাক্তন": "former", "ভারপ্রাপ্ত": "acting"}
# Bengali writes "vice" as the prefix উপ on the office itself (উপমন্ত্রী), but উপদেষ্টা is adviser.
VICE_PREFIX = ("উপ", ("মন্ত্রী", "রাষ্ট্রপতি", "প্রধানমন্ত্রী", "সচিব", "পরিচালক", "মহাপরিচালক", "উপাচার্য"))
