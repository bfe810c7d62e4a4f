-- title: Facts, each with every wording
-- description: One row per fact: the claim that stands for it, its verdict, how many independent origins state it, and every claim that words it (translations, repeats, restatements, the same statement in other sources).
-- hide_sql: true
SELECT lead.id AS fact,
       lead.text AS statement,
       coalesce(verdicts.label, CASE WHEN lead.is_checkworthy THEN 'unverified'
                                     ELSE 'not_checkable' END) AS verdict,
       (SELECT text FROM reason_texts WHERE reason_texts.id = verdicts.rationale_id)
           AS rationale,
       count(DISTINCT member.origin) AS origins,
       count(member.id) AS wordings,
       group_concat(member.id || ' (' || coalesce(member.lang, 'und') || ', source '
                    || member.source_id || '): ' || member.text, ' | ') AS every_wording
FROM claims AS member
JOIN claims AS lead ON lead.id = coalesce(member.fact_id, member.id)
JOIN sources ON sources.id = member.source_id AND sources.is_current = 1
LEFT JOIN verdicts ON verdicts.claim_id = lead.id AND verdicts.is_current = 1
GROUP BY lead.id
HAVING count(member.id) > 1 OR lead.is_checkworthy
ORDER BY count(DISTINCT member.origin) DESC, count(member.id) DESC, lead.id
