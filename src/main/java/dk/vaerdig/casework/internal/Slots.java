package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.platform.WorkingDays;

/**
 * Selvbook from the caseworker's side: publishing free slots (one, or a series of weekdays and times over a date
 * range) for their own candidates or for the team, withdrawing a free one, and their calendar of slots and meetings.
 * Only someone who holds cases ({@link Permission#HOLD_CASES}) and may change them publishes, always in their own
 * name; a slot is never in the past nor on a day the municipality is closed ({@link WorkingDays}), and one
 * caseworker's slots never overlap (an exclusion constraint; a series leaves out the times that would).
 */
@Service
public class Slots {

	/** The longest series: a quarter of a year. */
	public static final int MAX_SERIES_DAYS = 92;

	public record Slot(LocalDateTime at, int minutes, Meeting.Form form, String place, boolean forTeam) {
	}

	public record Series(LocalDate from, LocalDate to, Set<DayOfWeek> weekdays, List<LocalTime> times, int minutes,
			Meeting.Form form, String place, boolean forTeam) {
	}

	/** A rule refuses the slot; the form field and the message key say which. */
	public static class Refused extends RuntimeException {

		private final String field;

		Refused(String field, String messageKey) {
			super(messageKey);
			this.field = field;
		}

		public String field() {
			return field;
		}
	}

	/** One line of the caseworker's calendar: a slot (free, booked) or a meeting planned without a slot. */
	public record CalendarItem(Instant startsAt, Instant endsAt, Long slotId, String status, String form, String place,
			boolean forTeam, Long candidateId, String candidateName) {
	}

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final WorkingDays workingDays;

	private final Clock clock;

	private final ZoneId zone;

	Slots(JdbcClient jdbc, CaseAccess access, WorkingDays workingDays, Clock clock, PlatformSettings settings) {
		this.jdbc = jdbc;
		this.access = access;
		this.workingDays = workingDays;
		this.clock = clock;
		this.zone = settings.zone();
	}

	/** The signed-in member of staff, if they may publish slots (hold cases and change them). */
	public StaffMember publisher() {
		StaffMember me = access.me();
		if (!me.may(Permission.HOLD_CASES) || !me.may(Permission.CHANGE_CASES) || me.teamId() == null) {
			throw new AccessDeniedException("selvbook.slot.notPublisher");
		}
		return me;
	}

	public ZoneId zone() {
		return zone;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Publishes one free slot. */
	@Transactional
	public long publish(Slot s) {
		StaffMember me = publisher();
		check(s.form(), s.place());
		Instant starts = s.at().atZone(zone).toInstant();
		if (!starts.isAfter(clock.instant())) {
			throw new Refused("date", "selvbook.slot.past");
		}
		if (!workingDays.isWorkingDay(s.at().toLocalDate())) {
			throw new Refused("date", "selvbook.slot.closed");
		}
		Long id = insert(me, starts, s.minutes(), s.form(), s.place(), s.forTeam());
		if (id == null) {
			throw new Refused("time", "selvbook.slot.overlaps");
		}
		return id;
	}

	/**
	 * Publishes a series: each chosen weekday in the date range that is a working day, at each time; times in the
	 * past or overlapping another of the caseworker's slots are left out. Returns how many were published.
	 */
	@Transactional
	public int publish(Series s) {
		StaffMember me = publisher();
		check(s.form(), s.place());
		if (s.to().isBefore(s.from())) {
			throw new Refused("to", "selvbook.series.toBeforeFrom");
		}
		if (s.to().isAfter(s.from().plusDays(MAX_SERIES_DAYS))) {
			throw new Refused("to", "selvbook.series.tooLong");
		}
		if (s.weekdays().isEmpty()) {
			throw new Refused("weekdays", "form.required");
		}
		int published = 0;
		for (LocalDate day = s.from(); !day.isAfter(s.to()); day = day.plusDays(1)) {
			if (!s.weekdays().contains(day.getDayOfWeek()) || !workingDays.isWorkingDay(day)) {
				continue;
			}
			for (LocalTime time : s.times()) {
				Instant starts = day.atTime(time).atZone(zone).toInstant();
				if (starts.isAfter(clock.instant())
						&& insert(me, starts, s.minutes(), s.form(), s.place(), s.forTeam()) != null) {
					published++;
				}
			}
		}
		return published;
	}

	private void check(Meeting.Form form, String place) {
		if (form == Meeting.Form.IN_PERSON && (place == null || place.isBlank())) {
			throw new Refused("place", "selvbook.slot.placeRequired");
		}
	}

	/** The new slot's id, or null when it would overlap another of the caseworker's slots. */
	private Long insert(StaffMember me, Instant starts, int minutes, Meeting.Form form, String place, boolean forTeam) {
		return jdbc.sql("""
				INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, place, status,
				  created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'FREE', ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
			.params(me.username(), me.teamId(), forTeam, Timestamp.from(starts),
					Timestamp.from(starts.plusSeconds(60L * minutes)), form.name(),
					place == null || place.isBlank() ? null : place.strip(), me.username(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Withdraws a free slot of the signed-in caseworker (or of their team, for one who may change its cases). A
	 * booked slot is not withdrawn: its meeting is cancelled on the case instead. {@code false} when it was not free.
	 */
	@Transactional
	public boolean withdraw(long slotId) {
		StaffMember me = access.me();
		BookingSlot slot = jdbc.sql("SELECT * FROM booking_slot WHERE id = ?")
			.param(slotId)
			.query(BookingSlot.class)
			.optional()
			.filter(s -> s.caseworker().equals(me.username()) || me.mayChangeCasesOfTeam(s.teamId()))
			.orElseThrow(NotFoundOrNoAccess::new);
		return jdbc.sql("""
				UPDATE booking_slot SET status = 'WITHDRAWN', withdrawn_by = ?, withdrawn_at = ?, version = version + 1
				WHERE id = ? AND status = 'FREE'""")
			.params(me.username(), Timestamp.from(clock.instant()), slot.id())
			.update() > 0;
	}

	/**
	 * The caseworker's week from {@code monday}: their slots (free and booked) and their planned or held meetings
	 * that no slot holds, by time. The candidates named are the caller's to log as read.
	 */
	public List<CalendarItem> week(String caseworker, LocalDate monday) {
		Instant from = monday.atStartOfDay(zone).toInstant();
		Instant until = monday.plusDays(7).atStartOfDay(zone).toInstant();
		List<CalendarItem> items = new ArrayList<>(jdbc.sql("""
				SELECT s.starts_at, s.ends_at, s.id AS slot_id, s.status, s.form, s.place, s.for_team, s.candidate_id,
				       c.first_name || ' ' || c.last_name AS candidate_name
				FROM booking_slot s LEFT JOIN candidate c ON c.id = s.candidate_id
				WHERE s.caseworker = :me AND s.status <> 'WITHDRAWN' AND s.starts_at >= :from AND s.starts_at < :until
				UNION ALL
				SELECT m.planned_at, m.planned_at + interval '45 minutes', NULL, 'MEETING_' || m.status, m.form, m.place,
				       FALSE, m.candidate_id, c.first_name || ' ' || c.last_name
				FROM meeting m JOIN candidate c ON c.id = m.candidate_id
				WHERE m.caseworker = :me AND m.status <> 'CANCELLED' AND m.planned_at >= :from AND m.planned_at < :until
				  AND NOT EXISTS (SELECT 1 FROM booking_slot s WHERE s.meeting_id = m.id)
				ORDER BY 1, 3""")
			.param("me", caseworker)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query(CalendarItem.class)
			.list());
		return items;
	}
}
