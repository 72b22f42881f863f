package dk.vaerdig.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.SignedIn;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;

/**
 * The signed-in candidate's own case file, for their own pages (Min side) and their copy of their data (GDPR art. 15):
 * the case story with its earlier versions, the plan, the summaries of the meetings held, the details we hold, and
 * the staff notes that are not internal working notes. As {@link OwnCourses}, every method takes the candidate from
 * the login ({@link SignedIn#candidate()}), never from the request: a member of staff is refused with 403. The caller
 * records the read in the audit log.
 */
@Service
@Transactional(readOnly = true)
public class OwnCaseFile {

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	private final StaffDirectory staff;

	OwnCaseFile(JdbcClient jdbc, SignedIn signedIn, StaffDirectory staff) {
		this.jdbc = jdbc;
		this.signedIn = signedIn;
		this.staff = staff;
	}

	/** One version of the case story; {@code ownWords}: written in the candidate's own words. */
	public record StoryVersion(int version, String text, boolean ownWords, String writtenBy, Instant writtenAt) {
	}

	/** A goal of the plan. */
	public record Goal(String text, Instant createdAt) {
	}

	/**
	 * An offer put forward, with the candidate's choice.
	 * @param kind {@code INTERNSHIP}, {@code WAGE_SUBSIDY}, …
	 * @param status {@code PROPOSED} (no choice yet), {@code CHOSEN}, {@code NOT_CHOSEN} or {@code DECLINED}
	 * @param reason the reason the candidate gave for their choice, or null
	 * @param decidedBy {@value OwnActions#ACTOR} when the candidate chose on Min side, else the name of whoever
	 * recorded the choice; null while proposed
	 * @param changedBy who at the job centre changed the decision later, with when and why; null when never changed
	 */
	public record Offer(String kind, String title, String description, String status, String proposedBy,
			Instant proposedAt, Instant decidedAt, String reason, long id, String decidedBy, String changedBy,
			Instant changedAt, String changeReason) {

		public boolean byYou() {
			return OwnActions.ACTOR.equals(decidedBy);
		}
	}

	/** The plan: goals and offers, the newest offer first. */
	public record Plan(List<Goal> goals, List<Offer> offers) {
	}

	/** An agreement made at a meeting: who ({@code CANDIDATE}, {@code CASEWORKER}, {@code TOGETHER}) does what by when. */
	public record Agreement(String responsible, String what, LocalDate due, String status) {
	}

	/**
	 * A meeting held, as on the summary the candidate gets on paper: what we talked about, the candidate's wishes, the
	 * agreements made and the next step.
	 */
	public record MeetingSummary(long id, Instant heldAt, String form, String with, String talkedAbout,
			String wishes, List<Agreement> agreements, String nextStep, LocalDate nextStepDate, List<YourItem> yourItems) {
	}

	/** An item the candidate brought to a meeting ("det vil jeg gerne tale om") and what was answered, or null. */
	public record YourItem(String text, String answer) {
	}

	/** What we hold about the candidate in the case (the CPR number shown masked). */
	public record Details(String firstName, String lastName, String cprMasked, String phone, String email,
			String address, String targetGroup, LocalDate courseStarted, LocalDate courseClosedOn, String caseworker,
			String team) {
	}

	/** A staff note that is not an internal working note. */
	public record Note(Instant writtenAt, String writtenBy, String text) {
	}

	/** The case story, newest version first. */
	public List<StoryVersion> story() {
		return jdbc.sql("""
				SELECT version, text, own_words, written_by, written_at FROM case_story WHERE candidate_id = ?
				ORDER BY version DESC""")
			.param(me())
			.query((rs, n) -> new StoryVersion(rs.getInt("version"), rs.getString("text"), rs.getBoolean("own_words"),
					name(rs.getString("written_by")), rs.getTimestamp("written_at").toInstant()))
			.list();
	}

	/** The goals and the offers put forward, with the choices made. */
	public Plan plan() {
		long me = me();
		List<Goal> goals = jdbc.sql("SELECT text, created_at FROM plan_goal WHERE candidate_id = ? ORDER BY created_at, id")
			.param(me)
			.query((rs, n) -> new Goal(rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
			.list();
		List<Offer> offers = jdbc.sql("""
				SELECT kind, title, description, status, proposed_by, proposed_at, decided_at, reason, id, decided_by,
				  changed_by, changed_at, change_reason FROM offer
				WHERE candidate_id = ? ORDER BY proposed_at DESC, id DESC""")
			.param(me)
			.query((rs, n) -> new Offer(rs.getString("kind"), rs.getString("title"), rs.getString("description"),
					rs.getString("status"), name(rs.getString("proposed_by")), rs.getTimestamp("proposed_at").toInstant(),
					rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
					rs.getString("reason"), rs.getLong("id"),
					rs.getString("decided_by") == null || OwnActions.ACTOR.equals(rs.getString("decided_by"))
							? rs.getString("decided_by") : name(rs.getString("decided_by")),
					rs.getString("changed_by") == null ? null : name(rs.getString("changed_by")),
					rs.getTimestamp("changed_at") == null ? null : rs.getTimestamp("changed_at").toInstant(),
					rs.getString("change_reason")))
			.list();
		return new Plan(goals, offers);
	}

	/**
	 * Every meeting held, newest first, each with the agreements made at it and the candidate's own items with what was
	 * answered (three statements in all).
	 */
	public List<MeetingSummary> meetings() {
		long me = me();
		Map<Long, List<YourItem>> items = jdbc.sql("""
				SELECT meeting_id, text, answer FROM meeting_agenda_item
				WHERE candidate_id = ? AND meeting_id IS NOT NULL AND deleted_at IS NULL AND answered_at IS NOT NULL
				ORDER BY added_at, id""")
			.param(me)
			.query((rs, n) -> Map.entry(rs.getLong("meeting_id"), new YourItem(rs.getString("text"), rs.getString("answer"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<Long, List<Agreement>> made = jdbc.sql("""
				SELECT meeting_id, responsible, what, due_date, status FROM agreement
				WHERE candidate_id = ? AND meeting_id IS NOT NULL ORDER BY id""")
			.param(me)
			.query((rs, n) -> Map.entry(rs.getLong("meeting_id"), new Agreement(rs.getString("responsible"),
					rs.getString("what"), rs.getObject("due_date", LocalDate.class), rs.getString("status"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return jdbc.sql("""
				SELECT id, held_at, form, caseworker, talked_about, candidate_wishes, next_step, next_step_date
				FROM meeting WHERE candidate_id = ? AND status = 'HELD' ORDER BY held_at DESC, id DESC""")
			.param(me)
			.query((rs, n) -> new MeetingSummary(rs.getLong("id"), rs.getTimestamp("held_at").toInstant(),
					rs.getString("form"), name(rs.getString("caseworker")), rs.getString("talked_about"),
					rs.getString("candidate_wishes"), made.getOrDefault(rs.getLong("id"), List.of()),
					rs.getString("next_step"), rs.getObject("next_step_date", LocalDate.class),
					items.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** The details we hold about the candidate; the CPR number masked ({@code DDMMYY-xxxx}). */
	public Details details() {
		return jdbc.sql("""
				SELECT c.first_name, c.last_name, c.cpr, c.phone, c.email, c.address, g.name_da, c.course_started,
				  c.course_closed_on, c.caseworker, t.name AS team
				FROM candidate c JOIN target_group g ON g.code = c.target_group_code JOIN team t ON t.id = c.team_id
				WHERE c.id = ?""")
			.param(me())
			.query((rs, n) -> new Details(rs.getString("first_name"), rs.getString("last_name"),
					rs.getString("cpr").substring(0, 6) + "-xxxx", rs.getString("phone"), rs.getString("email"),
					rs.getString("address"), rs.getString("name_da"), rs.getObject("course_started", LocalDate.class),
					rs.getObject("course_closed_on", LocalDate.class), name(rs.getString("caseworker")),
					rs.getString("team")))
			.single();
	}

	/**
	 * The staff notes about the candidate, newest first, without those marked as internal working notes
	 * (forvaltningsloven § 23): those are for the case workers' own deliberation and are not shown to the candidate.
	 */
	public List<Note> notes() {
		return jdbc.sql("""
				SELECT written_at, written_by, text FROM case_note WHERE candidate_id = ? AND NOT internal
				ORDER BY written_at DESC, id DESC""")
			.param(me())
			.query((rs, n) -> new Note(rs.getTimestamp("written_at").toInstant(), name(rs.getString("written_by")),
					rs.getString("text")))
			.list();
	}

	private long me() {
		return signedIn.candidate().candidateId();
	}

	private String name(String username) {
		return staff.find(username).map(StaffMember::displayName).orElse(username);
	}
}
