-- title: Contradictions, with both quotes
-- description: Pairs of claims that contradict each other, each with its exact words and its source, strongest first.
-- hide_sql: true
-- The two quotes come first so they fit on one screen; a source without a headline or outlet is
-- named by its file's name (the text after the last / or \), not its whole local path.
SELECT round(contradiction_pairs.score, 2) AS score,
       contradiction_pairs.claim_a,
       contradiction_pairs.quote_a,
       contradiction_pairs.claim_b,
       contradiction_pairs.quote_b,
       contradiction_pairs.reason,
       coalesce(sources_a.title, sources_a.outlet,
                replace(replace(sources_a.path, '\', '/'),
                        rtrim(replace(sources_a.path, '\', '/'),
                              replace(replace(sources_a.path, '\', '/'), '/', '')), ''))
           AS source_a,
       coalesce(sources_b.title, sources_b.outlet,
                replace(replace(sources_b.path, '\', '/'),
                        rtrim(replace(sources_b.path, '\', '/'),
                              replace(replace(sources_b.path, '\', '/'), '/', '')), ''))
           AS source_b,
       contradiction_pairs.link_id
FROM contradiction_pairs
JOIN sources AS sources_a ON sources_a.id = contradiction_pairs.source_a_id
JOIN sources AS sources_b ON sources_b.id = contradiction_pairs.source_b_id
ORDER BY contradiction_pairs.score DESC, contradiction_pairs.link_id
