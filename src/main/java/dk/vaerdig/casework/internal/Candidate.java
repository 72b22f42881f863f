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

	@Version
	private Integer version;

	private Instant createdAt;

	@PersistenceCreator
	Candidate(Long id, String cpr, String firstName, String lastName, String phone, String email, String address,
			String targetGroupCode, LocalDate courseStarted, String caseworker, Long teamId, LocalDate lastMeetingOn,
			LocalDate nextMeetingDue, Long dueRuleId, Integer version, Instant createdAt) {
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
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Candidate register(Cpr cpr, String firstName, String lastName, String phone, String email,
			String address, String targetGroupCode, LocalDate courseStarted, String caseworker, long teamId,
			Instant now) {
		return new Candidate(null, cpr.value(), firstName.strip(), lastName.strip(), Texts.blankToNull(phone),
				Texts.blankToNull(email), Texts.blankToNull(address), targetGroupCode, courseStarted, caseworker, teamId, null, null,
				null, null, now);
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
