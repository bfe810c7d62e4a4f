-- title: Human reviews
-- description: Every verdict a person gave, newest first, with the verdict it replaced, the reviewer's note, and any newer evidence that disagrees.
SELECT verdicts.id AS verdict_id,
       verdicts.claim_id,
       claims.text AS claim,
       verdicts.label,
       (SELECT earlier.label FROM verdicts AS earlier
        WHERE earlier.claim_id = verdicts.claim_id AND earlier.id < verdicts.id
        ORDER BY earlier.id DESC LIMIT 1) AS previous_label,
       verdicts.decided_by,
       verdicts.decided_at,
       verdicts.note,
       verdicts.disagreement,
       verdicts.is_current
FROM verdicts
JOIN claims ON claims.id = verdicts.claim_id
WHERE verdicts.decided_by != 'auto'
ORDER BY verdicts.decided_at DESC, verdicts.id DESC
