package dk.vaerdig.letters.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * One version of a letter template. It guards its own state: DRAFT → IN_REVIEW → APPROVED, or back to DRAFT when the
 * reviewer asks for changes; only a draft can be edited, the author cannot approve their own text, and an approved
 * version never changes (a new version is a new draft). An illegal transition throws {@link IllegalTransition}.
 */
public final class TemplateVersion {

	public enum Status {
		DRAFT, IN_REVIEW, APPROVED, RETIRED;

		public String messageKey() {
			return "letters.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/** A change of state the workflow does not allow. */
	public static class IllegalTransition extends IllegalStateException {

		public IllegalTransition(String message) {
			super(message);
		}
	}

	private final long id;

	private final long templateId;

	private final int number;

	private String subject;

	private String body;

	private Status status;

	private final String author;

	private String reviewedBy;

	private Instant reviewedAt;

	private final int rowVersion;

	public TemplateVersion(long id, long templateId, int number, String subject, String body, Status status,
			String author, String reviewedBy, Instant reviewedAt, int rowVersion) {
		this.id = id;
		this.templateId = templateId;
		this.number = number;
		this.subject = subject;
		this.body = body;
		this.status = status;
		this.author = author;
		this.reviewedBy = reviewedBy;
		this.reviewedAt = reviewedAt;
		this.rowVersion = rowVersion;
	}

	public void edit(String subject, String body) {
		require(Status.DRAFT, "edit");
		this.subject = subject;
		this.body = body;
	}

	public void submit() {
		require(Status.DRAFT, "submit");
		status = Status.IN_REVIEW;
	}

	public void approve(String reviewer, Instant at) {
		require(Status.IN_REVIEW, "approve");
		if (reviewer.equals(author)) {
			throw new IllegalTransition("The author cannot approve their own version");
		}
		status = Status.APPROVED;
		reviewedBy = reviewer;
		reviewedAt = at;
	}

	public void requestChanges(String reviewer, Instant at) {
		require(Status.IN_REVIEW, "request changes to");
		status = Status.DRAFT;
		reviewedBy = reviewer;
		reviewedAt = at;
	}

	public void retire() {
		require(Status.APPROVED, "retire");
		status = Status.RETIRED;
	}

	private void require(Status expected, String action) {
		if (status != expected) {
			throw new IllegalTransition("Cannot " + action + " a version that is " + status);
		}
	}

	public boolean sendable() {
		return status == Status.APPROVED;
	}

	public long id() {
		return id;
	}

	public long templateId() {
		return templateId;
	}

	public int number() {
		return number;
	}

	public String subject() {
		return subject;
	}

	public String body() {
		return body;
	}

	public Status status() {
		return status;
	}

	public String author() {
		return author;
	}

	public String reviewedBy() {
		return reviewedBy;
	}

	public Instant reviewedAt() {
		return reviewedAt;
	}

	public int rowVersion() {
		return rowVersion;
	}
}
