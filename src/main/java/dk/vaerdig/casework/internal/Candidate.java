package dk.vaerdig.casework.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dk.vaerdig.platform.Cpr;
import dk.vaerdig.platform.Texts;

/** A candidate and their current course; guards the changes of caseworker and of the next due date. */
@Table("candidate")
public class Candidate {

	@Id
	private Long id;

	private final String cpr;

	private String firstName;

	private String lastName;

	private String phone;

	private String email;

	private String address;

	private String targetGroupCode;

	private LocalDate courseStarted;

	private String caseworker;

	private Long teamId;

	private LocalDate lastMeetingOn;

	private LocalDate nextMeetingDue;

	private Long dueRuleId;

	/** The day the course was closed (with an outcome, see {@link CourseOutcomes}); null while it is open. */
	private LocalDate courseClosedOn;

	@Version
	private Integer version;

	private Instant createdAt;

	@PersistenceCreator
	Candidate(Long id, String cpr, String firstName, String lastName, String phone, String email, String address,
			String targetGroupCode, LocalDate courseStarted, String caseworker, Long teamId, LocalDate lastMeetingOn,
			LocalDate nextMeetingDue, Long dueRuleId, LocalDate courseClosedOn, Integer version, Instant createdAt) {
		this.id = id;
		this.cpr = cpr;
		this.firstName = firstName;
		this.lastName = lastName;
		this.phone = phone;
		this.email = email;
		this.address = address;
		this.targetGroupCode = targetGroupCode;
		this.courseStarted = courseStarted;
		this.caseworker = caseworker;
		this.teamId = teamId;
		this.lastMeetingOn = lastMeetingOn;
		this.nextMeetingDue = nextMeetingDue;
		this.dueRuleId = dueRuleId;
		this.courseClosedOn = courseClosedOn;
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Candidate register(Cpr cpr, String firstName, String lastName, String phone, String email,
			String address, String targetGroupCode, LocalDate courseStarted, String caseworker, long teamId,
			Instant now) {
		return new Candidate(null, cpr.value(), firstName.strip(), lastName.strip(), Texts.blankToNull(phone),
				Texts.blankToNull(email), Texts.blankToNull(address), targetGroupCode, courseStarted, caseworker, teamId, null, null,
				null, null, null, now);
	}

	/** Gives the case to another caseworker. */
	void reassign(String newCaseworker, long newTeamId) {
		if (newCaseworker.equals(caseworker)) {
			throw new IllegalStateException("casework.reassign.same");
		}
		this.caseworker = newCaseworker;
		this.teamId = newTeamId;
	}

	/** Sets when the next meeting is due under the given contact rule. */
	void scheduleNextMeeting(LocalDate due, long ruleId) {
		this.nextMeetingDue = due;
		this.dueRuleId = ruleId;
	}

	/**
	 * Closes the course on the given day: no meeting is due any more.
	 * @throws IllegalStateException when it is closed already, or the day is before the course started
	 */
	void closeCourse(LocalDate on) {
		if (courseClosedOn != null) {
			throw new IllegalStateException("casework.outcome.alreadyClosed");
		}
		if (on.isBefore(courseStarted)) {
			throw new IllegalArgumentException("casework.outcome.beforeCourse");
		}
		this.courseClosedOn = on;
		this.nextMeetingDue = null;
		this.dueRuleId = null;
	}

	/**
	 * Opens the course again: as the course it was (a correction), or as a new course beginning on {@code newStart}.
	 * @throws IllegalStateException when it is not closed
	 */
	void reopenCourse(LocalDate newStart) {
		if (courseClosedOn == null) {
			throw new IllegalStateException("casework.outcome.notClosed");
		}
		this.courseClosedOn = null;
		if (newStart != null) {
			this.courseStarted = newStart;
		}
	}

	public boolean isCourseClosed() {
		return courseClosedOn != null;
	}

	public LocalDate getCourseClosedOn() {
		return courseClosedOn;
	}

	void meetingHeld(LocalDate on) {
		if (lastMeetingOn == null || on.isAfter(lastMeetingOn)) {
			this.lastMeetingOn = on;
		}
	}


	public Long getId() {
		return id;
	}

	public Cpr getCpr() {
		return Cpr.of(cpr);
	}

	public String getFirstName() {
		return firstName;
	}

	public String getLastName() {
		return lastName;
	}

	public String getFullName() {
		return firstName + " " + lastName;
	}

	public String getPhone() {
		return phone;
	}

	public String getEmail() {
		return email;
	}

	public String getAddress() {
		return address;
	}

	public String getTargetGroupCode() {
		return targetGroupCode;
	}

	public LocalDate getCourseStarted() {
		return courseStarted;
	}

	public String getCaseworker() {
		return caseworker;
	}

	public Long getTeamId() {
		return teamId;
	}

	public LocalDate getLastMeetingOn() {
		return lastMeetingOn;
	}

	public LocalDate getNextMeetingDue() {
		return nextMeetingDue;
	}

	public Long getDueRuleId() {
		return dueRuleId;
	}

	public Integer getVersion() {
		return version;
	}
}
