#!/bin/bash
# After BookingSimulation: zero double bookings. Prints, for the load test's slots, how many are booked, and three
# counts that must all be 0: slots holding more than one planned meeting at their time for their caseworker, booked
# slots whose meeting is not planned or belongs to another candidate, and planned meetings at a load-test slot's time
# that no slot holds. Exits 1 when one is not 0.
# Only meetings made during the run count (id above MEETING_ID_BEFORE, which booking-slots.sh printed).
#   usage: scripts/booking-check.sh MEETING_ID_BEFORE [psql connection options]
set -euo pipefail
BEFORE=$1; shift
OUT=$(psql -v ON_ERROR_STOP=1 -q -At -F' ' -v before="$BEFORE" "$@" <<'SQL'
SELECT
  (SELECT count(*) FROM booking_slot WHERE created_by = 'loadtest' AND status = 'BOOKED'),
  (SELECT count(*) FROM (SELECT s.id FROM booking_slot s JOIN meeting m ON m.caseworker = s.caseworker
     AND m.planned_at = s.starts_at AND m.status = 'PLANNED' AND m.id > :before WHERE s.created_by = 'loadtest'
     GROUP BY s.id HAVING count(*) > 1) d),
  (SELECT count(*) FROM booking_slot s JOIN meeting m ON m.id = s.meeting_id
     WHERE s.created_by = 'loadtest' AND (m.status <> 'PLANNED' OR m.candidate_id <> s.candidate_id)),
  (SELECT count(*) FROM booking_slot s JOIN meeting m ON m.caseworker = s.caseworker AND m.planned_at = s.starts_at
     AND m.status = 'PLANNED' AND m.id > :before WHERE s.created_by = 'loadtest' AND s.meeting_id IS DISTINCT FROM m.id);
SQL
)
read -r booked double wrong orphan <<< "$OUT"
echo "booked slots: $booked; double bookings: $double; booked slot with a wrong meeting: $wrong; planned meeting without its slot: $orphan"
[ "$double" = 0 ] && [ "$wrong" = 0 ] && [ "$orphan" = 0 ]
