-- title: Claims naming an entity
-- description: Claims that mention a person, place or organisation, by any spelling of its name (e.g. Naqvi, 纳克维, নাকভি), with their verdicts.
SELECT DISTINCT claim_verdicts.claim_id,
       claim_verdicts.claim,
       claim_verdicts.verdict,
       entities.name AS entity,
       claim_verdicts.source,
       claim_verdicts.lang
FROM claim_verdicts
JOIN mentions ON mentions.source_id = claim_verdicts.source_id
             AND mentions.start_offset >= claim_verdicts.start_offset
             AND mentions.end_offset <= claim_verdicts.end_offset
JOIN entities ON entities.id = mentions.entity_id
WHERE entities.id IN (SELECT entity_id FROM mentions
                      WHERE text LIKE '%' || :name || '%' OR match_form LIKE '%' || :name || '%')
   OR entities.name LIKE '%' || :name || '%'
ORDER BY claim_verdicts.is_checkworthy DESC, claim_verdicts.claim_id
