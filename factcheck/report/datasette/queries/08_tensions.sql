-- title: Tensions to look at first
-- description: Contradictions, denials, discrepancies between approximate figures, plans against deeds and bodies said to exist and to be formed, with both quotes and why each was raised.
-- hide_sql: true
SELECT claim_tensions.tension,
       claim_tensions.claim_a,
       claim_tensions.quote_a,
       claim_tensions.claim_b,
       claim_tensions.quote_b,
       claim_tensions.reason AS why,
       claim_tensions.source_a,
       claim_tensions.source_b,
       claim_tensions.link_id
FROM claim_tensions
ORDER BY CASE claim_tensions.tension WHEN 'contradiction' THEN 0 WHEN 'denial' THEN 1
         WHEN 'existence' THEN 2 WHEN 'plan_vs_done' THEN 3 ELSE 4 END,
         claim_tensions.score DESC, claim_tensions.link_id
