-- title: Contradictions, with both quotes
-- description: Pairs of claims that contradict each other, each with its exact words and its source, strongest first.
SELECT link_id,
       round(score, 2) AS score,
       reason,
       claim_a,
       source_a,
       quote_a,
       claim_b,
       source_b,
       quote_b
FROM contradiction_pairs
ORDER BY score DESC, link_id
