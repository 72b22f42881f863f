package dk.vaerdig.casework;

/**
 * How a course (forløb) ended. The three kinds of job are recorded with their weekly hours.
 */
public enum CourseOutcome {

	/** An ordinary job on ordinary terms. */
	ORDINARY_JOB,
	/** An ordinary job with fewer hours than full time. */
	REDUCED_HOURS_JOB,
	/** A flexjob. */
	FLEXJOB,
	EDUCATION,
	/** Another benefit (e.g. early retirement, sickness benefit in another system). */
	OTHER_BENEFIT,
	/** Moved to another municipality. */
	MOVED,
	OTHER;

	/** Whether the outcome is a job, recorded with its weekly hours. */
	public boolean isJob() {
		return this == ORDINARY_JOB || this == REDUCED_HOURS_JOB || this == FLEXJOB;
	}
}
