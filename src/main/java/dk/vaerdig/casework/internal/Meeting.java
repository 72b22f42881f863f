package dk.vaerdig.casework.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A meeting (samtale) with a candidate: planned with an agenda, then held and recorded, or cancelled. */
@Table("meeting")
public class Meeting {

	public enum Status {
		PLANNED, HELD, CANCELLED
	}

	public enum Form {
		IN_PERSON, PHONE, VIDEO
	}

	@Id
	private Long id;

	private final Long candidateId;

	private String caseworker;

	private Instant plannedAt;

	private Form form;

	private String place;

	private String agenda;

	private Status status;

	private Instant heldAt;

	private String talkedAbout;

	private String candidateWishes;

	private String nextStep;

	private LocalDate nextStepDate;

	@Version
	private Integer version;

	@PersistenceCreator
	Meeting(Long id, Long candidateId, String caseworker, Instant plannedAt, Form form, String place, String agenda,
			Status status, Instant heldAt, String talkedAbout, String candidateWishes, String nextStep,
			LocalDate nextStepDate, Integer version) {
		this.id = id;
		this.candidateId = candidateId;
		this.caseworker = caseworker;
		this.plannedAt = plannedAt;
		this.form = form;
		this.place = place;
		this.agenda = agenda;
		this.status = status;
		this.heldAt = heldAt;
		this.talkedAbout = talkedAbout;
		this.candidateWishes = candidateWishes;
		this.nextStep = nextStep;
		this.nextStepDate = nextStepDate;
		this.version = version;
	}

	static Meeting plan(long candidateId, String caseworker, Instant at, Form form, String place, String agenda) {
		return new Meeting(null, candidateId, caseworker, at, form, place, agenda, Status.PLANNED, null, null, null, null,
				null, null);
	}

	/**
	 * Records what happened and when it was actually held (which may be before or after the planned time, but not
	 * after {@code now}); only a planned meeting can be held.
	 */
	void hold(Instant heldAt, Instant now, String talkedAbout, String candidateWishes, String nextStep,
			LocalDate nextStepDate) {
		if (status != Status.PLANNED) {
			throw new IllegalStateException("casework.meeting.notPlanned");
		}
		if (heldAt == null || heldAt.isAfter(now)) {
			throw new IllegalArgumentException("casework.meeting.heldInFuture");
		}
		this.status = Status.HELD;
		this.heldAt = heldAt;
		this.talkedAbout = talkedAbout;
		this.candidateWishes = candidateWishes;
		this.nextStep = nextStep;
		this.nextStepDate = nextStepDate;
	}

	void cancel() {
		if (status != Status.PLANNED) {
			throw new IllegalStateException("casework.meeting.notPlanned");
		}
		this.status = Status.CANCELLED;
	}

	public Long getId() {
		return id;
	}

	public Long getCandidateId() {
		return candidateId;
	}

	public String getCaseworker() {
		return caseworker;
	}

	public Instant getPlannedAt() {
		return plannedAt;
	}

	public Form getForm() {
		return form;
	}

	public String getPlace() {
		return place;
	}

	public String getAgenda() {
		return agenda;
	}

	public Status getStatus() {
		return status;
	}

	public Instant getHeldAt() {
		return heldAt;
	}

	/** When the meeting was held, or else when it is (or was) planned: the time to show it at. */
	public Instant getShownAt() {
		return heldAt != null ? heldAt : plannedAt;
	}

	public String getTalkedAbout() {
		return talkedAbout;
	}

	public String getCandidateWishes() {
		return candidateWishes;
	}

	public String getNextStep() {
		return nextStep;
	}

	public LocalDate getNextStepDate() {
		return nextStepDate;
	}

	public Integer getVersion() {
		return version;
	}
}
