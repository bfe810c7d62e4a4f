"""Language identification: the script first, English function words next, lingua last."""

from factcheck.text.language import _detector, detect_language, looks_english


def test_english_prose_is_identified_without_loading_lingua() -> None:
    _detector.cache_clear()
    sentence = (
        "Al-Sisi has denied Israeli reports stating that he offered to extend the Gaza Strip."
    )
    assert detect_language(sentence) == "en"
    assert _detector.cache_info().misses == 0


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
