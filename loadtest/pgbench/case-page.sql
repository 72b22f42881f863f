-- The statements of one case page (GET /cases/{id}) as the app runs them (see CaseFileStatementsIntegrationTest,
-- which prints them), for the limit run of loadtest/scripts/limit-run.sh: pgbench -M extended sends every :variable
-- as a parameter, as the app's JDBC driver does, so pg_stat_statements gives each statement the same queryid as the
-- app's. Variables from the harness (-D): sid (a session of the run), minid / maxid (candidate ids), now, actor,
-- today, meetings (10), timeline (50) and zone (the app's time zone). pgbench reads every :name as a variable, even
-- inside a string, so the time format's colon is written \x3A (a constant still: the same queryid).
\set id random(:minid, :maxid)
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
FROM SPRING_SESSION S
LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
WHERE S.SESSION_ID = :sid::varchar;
BEGIN;
SELECT "candidate"."id" AS "id", "candidate"."cpr" AS "cpr", "candidate"."phone" AS "phone", "candidate"."email" AS "email", "candidate"."team_id" AS "team_id", "candidate"."address" AS "address", "candidate"."version" AS "version", "candidate"."last_name" AS "last_name", "candidate"."first_name" AS "first_name", "candidate"."created_at" AS "created_at", "candidate"."due_rule_id" AS "due_rule_id", "candidate"."caseworker" AS "caseworker", "candidate"."last_meeting_on" AS "last_meeting_on", "candidate"."course_started" AS "course_started", "candidate"."course_closed_on" AS "course_closed_on", "candidate"."next_meeting_due" AS "next_meeting_due", "candidate"."target_group_code" AS "target_group_code" FROM "candidate" WHERE "candidate"."id" = :id::int8;
INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail) VALUES (:now, :actor::varchar, :id::int8, :viewcase::varchar, :detail);
COMMIT;
SELECT json_build_object(
  'offers', (SELECT coalesce(json_agg(o ORDER BY o.proposed_at DESC, o.id DESC), '[]')
             FROM (SELECT id, kind, title, description, status, proposed_by, proposed_at, decided_at, reason,
                          decided_by, changed_by, changed_at, change_reason, version
                   FROM offer WHERE candidate_id = :id::int8) o),
  'story', (SELECT row_to_json(s) FROM (SELECT * FROM case_story WHERE candidate_id = :id::int8
                                        ORDER BY version DESC LIMIT 1) s),
  'meetings', (SELECT coalesce(json_agg(m ORDER BY coalesce(m.held_at, m.planned_at) DESC, m.id DESC), '[]')
               FROM (SELECT * FROM meeting WHERE candidate_id = :id::int8
                     ORDER BY coalesce(held_at, planned_at) DESC, id DESC LIMIT :meetings::int4) m),
  'next', (SELECT row_to_json(m) FROM (SELECT * FROM meeting WHERE candidate_id = :id::int8 AND status = 'PLANNED'
                                       ORDER BY planned_at LIMIT 1) m),
  'agreements', (SELECT coalesce(json_agg(a ORDER BY a.due_date NULLS LAST, a.id), '[]')
                 FROM (SELECT * FROM agreement WHERE candidate_id = :id::int8 AND status = 'OPEN') a),
  'goals', (SELECT coalesce(json_agg(g ORDER BY g.id), '[]')
            FROM (SELECT id, text, created_by, created_at FROM plan_goal WHERE candidate_id = :id::int8) g),
  'handover', (SELECT row_to_json(h) FROM (SELECT * FROM handover WHERE candidate_id = :id::int8
                                           ORDER BY created_at DESC LIMIT 1) h),
  'outcomes', (SELECT coalesce(json_agg(c ORDER BY c.closed_at DESC, c.id DESC), '[]')
               FROM (SELECT id, course_started, closed_on, outcome, weekly_hours, closed_by, closed_at,
                            reopen_kind, reopened_on, reopen_reason, reopened_by, reopened_at,
                            back_within_3_months AS back_within3_months,
                            back_within_12_months AS back_within12_months
                     FROM course_outcome WHERE candidate_id = :id::int8) c),
  'hours', (SELECT coalesce(json_agg(w ORDER BY w.from_date DESC), '[]')
            FROM (SELECT id, from_date, weekly_hours, recorded_by, recorded_at
                  FROM ordinary_hours WHERE candidate_id = :id::int8) w),
  'contact', (SELECT json_build_object('channel', coalesce(p.channel, 'SMS'),
                     'language', coalesce(p.language, 'da'), 'interpreter_language', p.interpreter_language,
                     'easy_read', coalesce(p.easy_read, FALSE), 'version', coalesce(p.version, 0),
                     'unread', (SELECT count(*) FROM case_message
                                WHERE candidate_id = :id::int8 AND from_candidate AND read_at IS NULL))
              FROM (SELECT 1) one LEFT JOIN contact_preference p ON p.candidate_id = :id::int8),
  'exemptions', (SELECT coalesce(json_agg(x ORDER BY x.starts_on, x.id), '[]')
                 FROM (SELECT id, kind, starts_on,
                              CASE WHEN ended_on < ends_on THEN ended_on ELSE ends_on END AS last_day
                       FROM reform_exemption WHERE candidate_id = :id::int8 AND starts_on <= :today::date) x
                 WHERE x.last_day >= :today::date),
  'timeline', (SELECT coalesce(json_agg(t ORDER BY t.at DESC), '[]') FROM (
    SELECT * FROM (
      SELECT coalesce(held_at, planned_at) AS at,
             CASE status WHEN 'HELD' THEN 'MEETING_HELD' WHEN 'CANCELLED' THEN 'MEETING_CANCELLED'
                         ELSE 'MEETING_PLANNED' END AS kind,
             coalesce(next_step, agenda) AS text, caseworker AS actor
      FROM meeting WHERE candidate_id = :id::int8
      UNION ALL
      SELECT created_at, 'AGREEMENT', what, responsible FROM agreement WHERE candidate_id = :id::int8
      UNION ALL
      SELECT written_at, CASE WHEN internal THEN 'NOTE_INTERNAL' ELSE 'NOTE' END, text, written_by
      FROM case_note WHERE candidate_id = :id::int8
      UNION ALL
      SELECT written_at, 'STORY', NULL, written_by FROM case_story WHERE candidate_id = :id::int8
      UNION ALL
      SELECT h.created_at, 'HANDOVER', coalesce(f.display_name, h.from_caseworker) || ' → '
             || coalesce(t.display_name, h.to_caseworker) || ': ' || h.reason, h.created_by
      FROM handover h LEFT JOIN staff_user f ON f.username = h.from_caseworker
      LEFT JOIN staff_user t ON t.username = h.to_caseworker WHERE h.candidate_id = :id::int8
      UNION ALL
      SELECT registered_at, 'CHANGE_REQUEST', reason, registered_by
      FROM caseworker_change_request WHERE candidate_id = :id::int8
      UNION ALL
      SELECT closed_at, 'COURSE_CLOSED_' || outcome, to_char(closed_on, 'DD-MM-YYYY'), closed_by
      FROM course_outcome WHERE candidate_id = :id::int8
      UNION ALL
      SELECT reopened_at, 'COURSE_REOPENED_' || reopen_kind, reopen_reason, reopened_by
      FROM course_outcome WHERE candidate_id = :id::int8 AND reopened_at IS NOT NULL
      UNION ALL
      SELECT created_at, 'MESSAGE' || coalesce('_' || channel, ''), body, kind FROM candidate_message
      WHERE candidate_id = :id::int8
      UNION ALL
      SELECT created_at, 'exemption.' || kind, starts_on::text || ' – ' || ends_on::text || ': ' || reason,
             created_by
      FROM reform_exemption WHERE candidate_id = :id::int8
      UNION ALL
      SELECT ended_at, 'exemptionEnded', ended_on::text || ': ' || end_reason, ended_by
      FROM reform_exemption WHERE candidate_id = :id::int8 AND ended_at IS NOT NULL
      UNION ALL
      SELECT recorded_at, 'groupChanged', from_code || ' → ' || to_code || ', ' || changed_on::text, recorded_by
      FROM target_group_change WHERE candidate_id = :id::int8
      UNION ALL
      SELECT at, kind, text, actor FROM candidate_action WHERE candidate_id = :id::int8
      UNION ALL
      SELECT written_at, CASE WHEN from_candidate THEN 'CASE_MESSAGE_FROM_CANDIDATE' ELSE 'CASE_MESSAGE_FROM_STAFF' END,
             body, written_by
      FROM case_message WHERE candidate_id = :id::int8
      UNION ALL
      SELECT changed_at, 'CONTACT_PREFERENCE_' || channel, language || coalesce(' / ' || interpreter_language, '')
             || CASE WHEN easy_read THEN ' / easy-read' ELSE '' END, changed_by
      FROM contact_preference_change WHERE candidate_id = :id::int8
      UNION ALL
      SELECT at, 'SELVBOOK_' || action, to_char(starts_at AT TIME ZONE :zone::varchar, E'DD-MM-YYYY HH24\x3AMI'), actor
      FROM booking_action WHERE candidate_id = :id::int8
      UNION ALL
      SELECT created_at, 'SELVBOOK_EXEMPTED_' || reason, note, created_by
      FROM booking_exemption WHERE candidate_id = :id::int8
      UNION ALL
      SELECT ended_at, 'SELVBOOK_EXEMPTION_ENDED', NULL, ended_by
      FROM booking_exemption WHERE candidate_id = :id::int8 AND ended_at IS NOT NULL
    ) e ORDER BY at DESC LIMIT :timeline::int4) t)
)::text;
SELECT p.proposed_at AS at, j.title || ', ' || c.name AS text, p.proposed_by AS actor, p.answer FROM job_proposal p JOIN opening j ON j.id = p.opening_id JOIN company c ON c.id = j.company_id WHERE p.candidate_id = :id::int8 ORDER BY p.proposed_at DESC LIMIT :timeline::int4;
SELECT * FROM letter_sent WHERE candidate_id = :id::int8 ORDER BY sent_at DESC, id DESC LIMIT :timeline::int4;
