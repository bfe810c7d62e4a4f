"""Text helpers shared below every stage: scripts and their ranges, digits, language detection,
sentence boundaries, the date grammar, word-boundary search. Nothing here reads the ledger."""
