-- title: Check-worthy claims still unverified
-- description: Claims worth checking that no source corroborates or contradicts yet, most check-worthy first: the fact-checker's to-do list.
SELECT claim_id,
       claim,
       source,
       published,
       lang,
       kind,
       round(score, 2) AS score
FROM claim_verdicts
WHERE is_checkworthy = 1 AND verdict = 'unverified'
ORDER BY score DESC, claim_id
