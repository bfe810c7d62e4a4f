-- title: Entities with spelling variants
-- description: People, places and organisations that one source spells more than one way, with the forms and where they occur.
SELECT entities.id AS entity_id,
       entities.name,
       entities.type,
       findings.detail,
       findings.forms,
       findings.source_id,
       sources.label AS source,
       findings.locations
FROM findings
JOIN entities ON entities.id = findings.entity_id
LEFT JOIN sources ON sources.id = findings.source_id
WHERE findings.kind = 'spelling_variant'
ORDER BY entities.mention_count DESC, findings.id
