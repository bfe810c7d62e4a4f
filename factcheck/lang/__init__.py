"""What is specific to each language, read by every stage that needs it (the bilingual lexicon)."""
