from factcheck.entities.clustering import Judgement, MentionRef, cluster_mentions, spelling_variants
from factcheck.entities.mentions import Mention


def _ref(key, text, lang, type_="person", source=0):
    return MentionRef(key, source, Mention(0, len(text), text, type_, lang, text))


NAQVI = [
    ("Mohsin Naqvi", "en"),
    ("莫辛·纳克维", "zh"),
    ("纳克维", "zh"),
    ("মহসিন নাকভি", "bn"),
    ("নকভি", "bn"),
    ("নাকভি", "bn"),
]
OTHERS = [
    ("Gao Jianzan", "en"),
    ("高建赞", "zh"),
    ("Wang Xiaohong", "en"),
    ("ওয়াং জিয়াওহং", "bn"),
    ("Qi Yanjun", "en"),
    ("Liu Zhongyi", "en"),
    ("Yuan Qinhua", "en"),
    ("Wang", "en"),
]


def _refs():
    refs = [_ref(i, t, lang, source=i % 3) for i, (t, lang) in enumerate(NAQVI + OTHERS)]
    refs += [
        _ref(100, "Nanjing", "en", "place"),
        _ref(101, "巴基斯坦", "zh", "place"),
        _ref(102, "Pakistan", "en", "place"),
        _ref(103, "পাকিস্তান", "bn", "place"),
        _ref(104, "Naqvi", "en", "place"),
    ]
    return refs


def _cluster_of(clusters, key):
    return next(c for c in clusters if key in c.members)


def test_naqvi_one_cluster_and_no_false_merges():
    clusters = cluster_mentions(_refs())
    naqvi = _cluster_of(clusters, 0)
    assert sorted(naqvi.members) == list(range(len(NAQVI)))
    assert naqvi.name == "Mohsin Naqvi"
    assert all(e.rule and e.evidence for e in naqvi.evidence)
    assert sorted(_cluster_of(clusters, 6).members) == [6, 7]  # Gao Jianzan = 高建赞
    assert sorted(_cluster_of(clusters, 8).members) == [8, 9]  # Wang Xiaohong
    assert _cluster_of(clusters, 13).members == [13]  # bare "Wang" stays alone
    assert sorted(_cluster_of(clusters, 101).members) == [101, 102, 103]
    assert _cluster_of(clusters, 100).members == [100]  # Nanjing


def test_judgements_outrank_machine():
    refs = _refs()
    clusters = cluster_mentions(refs, [Judgement("different", 0, 3, "editor")])
    assert _cluster_of(clusters, 0) is not _cluster_of(clusters, 3)
    clusters = cluster_mentions(refs, [Judgement("same", 13, 8, "editor")])
    wang = _cluster_of(clusters, 13)
    assert 8 in wang.members and any(e.rule == "judgement" for e in wang.evidence)


def test_chaining_guard():
    refs = [_ref(1, "Mohsin Naqvi", "en"), _ref(2, "Naqvi", "en"), _ref(3, "Ali Naqvi", "en")]
    clusters = cluster_mentions(refs)
    assert _cluster_of(clusters, 1) is not _cluster_of(clusters, 3)


def test_spelling_variants_within_one_script():
    refs = _refs()
    clusters = cluster_mentions(refs)
    variants = spelling_variants(_cluster_of(clusters, 0), refs)
    bengali = [v for v in variants if v.script == "bengali"]
    assert len(bengali) == 1 and set(bengali[0].words) == {"নকভি", "নাকভি"}
    assert {f.text for f in bengali[0].forms} == {"নকভি", "নাকভি", "মহসিন নাকভি"}
