-- The statements of one search as the app runs them for a caseworker (team scope), for the limit run of
-- loadtest/scripts/limit-run.sh (see case-page.sql). Three kinds, in about CaseFileSimulation's mix: a name (fold the
-- word, the trigram search, the candidates shown into the audit log), a six-digit birth date (range, then count), and
-- the overdue list (GET /cases?due=OVERDUE, then count). Variables from the harness (-D): sid, team, now, actor, word,
-- pattern (%word%), ids (the candidate ids of one result page, '{…}'), cprfrom / cprto, today, pagesize (26).
\set kind random(1, 24)
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
FROM SPRING_SESSION S
LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
WHERE S.SESSION_ID = :sid;
\if :kind <= 16
SELECT fold_for_search(:word), fold_for_search_danish(:word);
WITH hits AS MATERIALIZED (SELECT c.id, c.first_name, c.last_name, c.next_meeting_due FROM candidate c WHERE TRUE AND (c.search_name LIKE :pattern ESCAPE '\') AND c.team_id = :team), page AS (SELECT c.id FROM hits c ORDER BY c.last_name, c.first_name, c.id LIMIT :pagesize OFFSET :zero)
SELECT c.id, c.first_name, c.last_name, c.cpr, c.target_group_code, c.caseworker,
       coalesce(u.display_name, c.caseworker) AS caseworker_name, t.name AS team_name, c.next_meeting_due
, (SELECT count(*) FROM hits) AS total FROM page p JOIN candidate c ON c.id = p.id
JOIN team t ON t.id = c.team_id
LEFT JOIN staff_user u ON u.username = c.caseworker ORDER BY c.last_name, c.first_name, c.id;
INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail) SELECT :now, :actor, t.c, :search, :namesearch FROM unnest(:ids::bigint[]) WITH ORDINALITY AS t (c, n) ORDER BY t.n;
\elif :kind <= 21
SELECT c.id, c.first_name, c.last_name, c.cpr, c.target_group_code, c.caseworker,
       coalesce(u.display_name, c.caseworker) AS caseworker_name, t.name AS team_name, c.next_meeting_due
, NULL AS total FROM candidate c
JOIN team t ON t.id = c.team_id
LEFT JOIN staff_user u ON u.username = c.caseworker WHERE TRUE AND c.cpr BETWEEN :cprfrom AND :cprto AND c.team_id = :team ORDER BY c.last_name, c.first_name, c.id LIMIT :pagesize OFFSET :zero;
SELECT count(*) FROM candidate c WHERE TRUE AND c.cpr BETWEEN :cprfrom AND :cprto AND c.team_id = :team;
INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail) VALUES (:now, :actor, NULL, :search, :namesearch);
\else
SELECT c.id, c.first_name, c.last_name, c.cpr, c.target_group_code, c.caseworker,
       coalesce(u.display_name, c.caseworker) AS caseworker_name, t.name AS team_name, c.next_meeting_due
, NULL AS total FROM candidate c
JOIN team t ON t.id = c.team_id
LEFT JOIN staff_user u ON u.username = c.caseworker WHERE TRUE AND c.team_id = :team AND c.next_meeting_due < :today ORDER BY c.next_meeting_due, c.id LIMIT :pagesize OFFSET :zero;
SELECT count(*) FROM candidate c WHERE TRUE AND c.team_id = :team AND c.next_meeting_due < :today;
INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail) SELECT :now, :actor, t.c, :viewlist, :list FROM unnest(:ids::bigint[]) WITH ORDINALITY AS t (c, n) ORDER BY t.n;
\endif
