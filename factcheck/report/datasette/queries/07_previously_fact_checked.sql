-- title: Claims previously fact-checked elsewhere
-- description: Ledger claims that a published fact-check in the archive already covers: the rating, who checked it and when, and why they were matched. Import checks with 'factcheck archive import FILE'.
SELECT claim_id,
       claim,
       rating,
       organisation,
       published,
       url,
       checked_claim,
       round(score, 2) AS score,
       reason
FROM claim_fact_checks
WHERE rank = 1
ORDER BY score DESC, claim_id
