#!/bin/bash
# Makes free Selvbook slots for BookingSimulation: for the caseworker of each candidate the demo's test login offers
# (open course, a planned meeting ahead, an open agreement: the first five), N team slots of 20 minutes each on the
# days from 4 days ahead (past every group's 48-hour change limit) (weekends left out; the app itself also leaves out holidays when a caseworker
# publishes), 08:00-16:00. Slots are marked created_by = 'loadtest' so booking-check.sh and a rerun find them.
# Prints the highest meeting id before the run: booking-check.sh takes it, so it looks only at meetings made since.
#   usage: scripts/booking-slots.sh N [psql connection options, e.g. -h 127.0.0.1 -p 5433 -U postgres -d vaerdig]
set -euo pipefail
N=$1; shift
psql -v ON_ERROR_STOP=1 -q "$@" <<SQL
WITH offered AS (
  SELECT DISTINCT c.caseworker, c.team_id FROM (
    SELECT c.* FROM candidate c WHERE c.course_closed_on IS NULL
      AND EXISTS (SELECT 1 FROM meeting m WHERE m.candidate_id = c.id AND m.status = 'PLANNED' AND m.planned_at > now())
      AND EXISTS (SELECT 1 FROM agreement a WHERE a.candidate_id = c.id AND a.status = 'OPEN')
    ORDER BY c.id LIMIT 5) c),
times AS (
  SELECT t FROM generate_series(date_trunc('day', now()) + interval '4 days' + interval '8 hours',
                                date_trunc('day', now()) + interval '27 days', interval '20 minutes') AS t
  WHERE extract(isodow FROM t) < 6 AND t::time >= '08:00' AND t::time < '16:00')
INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, place, status, created_by, created_at)
SELECT o.caseworker, o.team_id, TRUE, x.t, x.t + interval '20 minutes', 'PHONE', NULL, 'FREE', 'loadtest', now()
FROM offered o CROSS JOIN LATERAL (SELECT t FROM times ORDER BY t LIMIT $N) x
ON CONFLICT DO NOTHING;
SELECT count(*) AS free_loadtest_slots FROM booking_slot WHERE created_by = 'loadtest' AND status = 'FREE';
SELECT coalesce(max(id), 0) AS meeting_id_before_the_run FROM meeting;
SQL
# No slots (the demo data not yet generated: the app answers before its demo data is in) would make the simulation
# measure nothing: say so and fail.
FREE=$(psql -v ON_ERROR_STOP=1 -q -At "$@" -c "SELECT count(*) FROM booking_slot WHERE created_by = 'loadtest' AND status = 'FREE'")
if [ "$FREE" = 0 ]; then
  echo "no free load-test slots: has the app finished its demo data (log line 'Demo data: … generated')?" >&2
  exit 1
fi
