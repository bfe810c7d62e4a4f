"""Language identification: the script first, English function words next, lingua last."""

from factcheck.text.language import (
    RELIABLE_LOW_ACCURACY_CHARS,
    _detector,
    _small_detector,
    detect_language,
    looks_english,
)


def loaded() -> tuple[int, int]:
    """How many times lingua's small and full models were built since the caches were cleared."""
    return _small_detector.cache_info().misses, _detector.cache_info().misses


def forget_models() -> None:
    _small_detector.cache_clear()
    _detector.cache_clear()


def test_english_prose_is_identified_without_loading_lingua() -> None:
    forget_models()
    sentence = (
        "Al-Sisi has denied Israeli reports stating that he offered to extend the Gaza Strip."
    )
    assert detect_language(sentence) == "en"
    assert loaded() == (0, 0)


def test_other_latin_languages_still_go_to_lingua() -> None:
    french = (
        "Le ministre a annoncé mercredi une nouvelle unité de sécurité pour les ressortissants."
    )
    german = "Der Minister kündigte am Mittwoch eine neue Sicherheitseinheit für die Bürger an."
    assert not looks_english(french) and not looks_english(german)
    assert detect_language(french) == "fr"
    assert detect_language(german) == "de"


def test_a_foreign_sentence_with_one_english_phrase_is_not_english() -> None:
    spanish = (
        "El ministro dijo que la frase «the end» no aparece en el informe oficial del gobierno."
    )
    assert not looks_english(spanish)
    assert detect_language(spanish) == "es"


def test_a_long_passage_is_identified_by_linguas_small_models_alone() -> None:
    forget_models()
    french = (
        "Le ministre de l'Intérieur a rencontré la délégation chinoise à Pékin mardi dernier "
        "pour parler de la formation des policiers et de la sécurité des ressortissants."
    )
    assert len(french) >= RELIABLE_LOW_ACCURACY_CHARS
    assert detect_language(french) == "fr"
    assert loaded() == (1, 0)


def test_a_short_line_in_the_expected_language_needs_only_the_small_models() -> None:
    forget_models()
    assert detect_language("She now faces 5 years in jail.", fallback="en") == "en"
    assert (
        detect_language("Full video: Gov. Scott addresses shooting at FSU", expected="en") == "en"
    )
    assert loaded() == (1, 0)


def test_a_short_line_in_another_language_is_decided_by_the_full_models() -> None:
    forget_models()
    line = "Le ministre a rencontré la délégation chinoise à Pékin mardi."
    assert detect_language(line, expected="en") == "fr"
    assert loaded() == (1, 1)
