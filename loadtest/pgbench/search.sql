-- The statements of one search as the app runs them for a caseworker (team scope), for the limit run of
-- loadtest/scripts/limit-run.sh (see case-page.sql). Three kinds, in about CaseFileSimulation's mix: a name (fold the
-- word, the trigram search, the candidates shown into the audit log as one entry naming them all), a six-digit birth
-- date (range, then count), and the overdue list (GET /cases?due=OVERDUE, then count). Variables from the harness
-- (-D): sid, team, now, actor, word, pattern (%word%), ids (the candidate ids of one result page, '{…}'), cprfrom /
-- cprto, today, pagesize (26).
-- Each variable is cast to the type the JDBC driver sends (an untyped parameter takes the cast's type, so the
-- statement gets the app's queryid in pg_stat_statements; a timestamp in INSERT … SELECT goes as timestamptz).
\set kind random(1, 24)
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
FROM SPRING_SESSION S
LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
WHERE S.SESSION_ID = :sid::varchar;
\if :kind <= 16
SELECT fold_for_search(:word::varchar), fold_for_search_danish(:word::varchar);
WITH hits AS MATERIALIZED (SELECT DISTINCT w.candidate_id AS id, w.last_name, w.first_name FROM candidate_name_word w WHERE w.word IN (SELECT v.word FROM name_word v WHERE v.word LIKE :pattern::varchar ESCAPE '\') AND w.team_id = :team::int8), page AS (SELECT c.id FROM hits c ORDER BY c.last_name, c.first_name, c.id LIMIT :pagesize::int4 OFFSET :zero::int8)
SELECT c.id, c.first_name, c.last_name, c.cpr, c.target_group_code, c.caseworker,
       coalesce(u.display_name, c.caseworker) AS caseworker_name, t.name AS team_name, c.next_meeting_due
, (SELECT count(*) FROM hits) AS total FROM page p JOIN candidate c ON c.id = p.id
JOIN team t ON t.id = c.team_id
LEFT JOIN staff_user u ON u.username = c.caseworker ORDER BY c.last_name, c.first_name, c.id;
INSERT INTO audit_entry (occurred_at, actor, candidate_ids, action, detail) VALUES (:now, :actor::varchar, :ids::bigint[], :search::varchar, :namesearch::varchar);
\elif :kind <= 21
SELECT c.id, c.first_name, c.last_name, c.cpr, c.target_group_code, c.caseworker,
       coalesce(u.display_name, c.caseworker) AS caseworker_name, t.name AS team_name, c.next_meeting_due
, NULL AS total FROM candidate c
JOIN team t ON t.id = c.team_id
LEFT JOIN staff_user u ON u.username = c.caseworker WHERE TRUE AND c.cpr BETWEEN :cprfrom::varchar AND :cprto::varchar AND c.team_id = :team::int8 ORDER BY c.last_name, c.first_name, c.id LIMIT :pagesize::int4 OFFSET :zero::int8;
SELECT count(*) FROM candidate c WHERE TRUE AND c.cpr BETWEEN :cprfrom::varchar AND :cprto::varchar AND c.team_id = :team::int8;
INSERT INTO audit_entry (occurred_at, actor, candidate_ids, action, detail) VALUES (:now, :actor::varchar, :ids::bigint[], :search::varchar, :cprsearch::varchar);
\else
SELECT c.id, c.first_name, c.last_name, c.cpr, c.target_group_code, c.caseworker,
       coalesce(u.display_name, c.caseworker) AS caseworker_name, t.name AS team_name, c.next_meeting_due
, NULL AS total FROM candidate c
JOIN team t ON t.id = c.team_id
LEFT JOIN staff_user u ON u.username = c.caseworker WHERE TRUE AND c.team_id = :team::int8 AND c.next_meeting_due < :today ORDER BY c.next_meeting_due, c.id LIMIT :pagesize::int4 OFFSET :zero::int8;
SELECT count(*) FROM candidate c WHERE TRUE AND c.team_id = :team::int8 AND c.next_meeting_due < :today;
INSERT INTO audit_entry (occurred_at, actor, candidate_ids, action, detail) VALUES (:now, :actor::varchar, :ids::bigint[], :viewlist::varchar, :list::varchar);
\endif
