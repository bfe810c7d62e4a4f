-- title: Claims corroborated across languages
-- description: Corroborated claims whose supporting evidence is in another language (an English report confirmed by a Bengali one, ...).
SELECT claim_verdicts.claim_id,
       claim_verdicts.claim,
       claim_verdicts.lang,
       claim_verdicts.source,
       claim_verdicts.confidence,
       citations.claim_id AS cited_claim_id,
       cited.lang AS cited_lang,
       cited_source.label AS cited_source,
       citations.quote AS cited_quote
FROM claim_verdicts
JOIN verdicts ON verdicts.claim_id = claim_verdicts.claim_id AND verdicts.is_current = 1
JOIN citations ON citations.verdict_id = verdicts.id AND citations.stance = 'supports'
JOIN claims AS cited ON cited.id = citations.claim_id
JOIN sources AS cited_source ON cited_source.id = citations.source_id
WHERE claim_verdicts.verdict = 'corroborated'
  AND coalesce(cited.lang, '') != coalesce(claim_verdicts.lang, '')
ORDER BY claim_verdicts.claim_id, citations.id
