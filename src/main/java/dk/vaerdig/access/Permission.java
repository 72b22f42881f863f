package dk.vaerdig.access;

/**
 * What a signed-in person may do, by name. Roles are granted permissions in one place only, {@link Grants}; method
 * security ({@link RequiresPermission}), the URL rules, the services, the templates ({@code signedIn.may('…')}) and the
 * navigation all ask for a permission, never for a role. A signed-in session carries each permission as the authority
 * {@code PERM_<name>} ({@link #authority()}).
 */
public enum Permission {

	/** Open the cases of the own team (every team with {@link #ALL_TEAMS}): the case file, the candidate list. */
	READ_CASES,
	/** Change the cases one may open: notes, story, meetings, plan, reassignment; see the handovers. */
	CHANGE_CASES,
	/** Be the caseworker of cases: offered when a case is made or handed over, and in the caseworker filters. */
	HOLD_CASES,
	/** The permissions that concern a team's cases, complaints and follow-ups reach every team, not only the own. */
	ALL_TEAMS,
	/** The timeliness overview in the navigation (overdue and due meetings per caseworker). */
	VIEW_TIMELINESS,
	/** Follow up on candidates who asked to be contacted after the evaluation. */
	FOLLOW_UP_ANSWERS,
	/** Register, reassess and forward complaints. */
	HANDLE_COMPLAINTS,
	/** Keep the list of complaint categories. */
	MANAGE_COMPLAINT_CATEGORIES,
	/** Themes and learning actions, and themes on the candidates' comments. */
	WORK_ON_LEARNING,
	/** The monthly learning report (aggregates). */
	VIEW_LEARNING_REPORT,
	/** Companies, openings, jobdating and pop-up sessions. */
	WORK_WITH_EMPLOYERS,
	/** Read letter templates and use the plain-language editor. */
	USE_LETTERS,
	/** Send approved letters to candidates of the own team, and read the letters sent. */
	SEND_LETTERS,
	/** Write letter templates and put them to review, keep the dictionaries, run the batch audit of letters. */
	MANAGE_LETTER_TEMPLATES,
	/** Approve a letter template version in review (never one's own). */
	APPROVE_LETTER_TEMPLATES,
	/** Open every batch audit of letters, not only one's own. */
	READ_EVERY_LETTER_AUDIT,
	/** The evaluation's figures (aggregates). */
	VIEW_FIGURES,
	/** The outcomes of courses (aggregates): how courses ended, lasting solutions, beside the dignity figures. */
	VIEW_OUTCOMES,
	/**
	 * The reform's figures (the 25 % ceiling on exemptions, the 75 % rule on job conversations) and the persons at
	 * risk: with names only where the role also reads the cases of their team.
	 */
	VIEW_REFORM,
	/** The year's goals and their progress month by month (aggregates). */
	VIEW_GOALS,
	/** Record, change and withdraw the year's goals. */
	MANAGE_GOALS,
	/** The employment committee's report for a quarter or a year, as a page and a PDF (aggregates). */
	VIEW_COMMITTEE_REPORT,
	/**
	 * Organise dialogue meetings with the politicians: plan them, invite candidates who said yes, see who comes (by
	 * name), record the themes and turn them into learning actions. Without it the meetings show no name.
	 */
	ORGANISE_DIALOGUE_MEETINGS,
	/** The candidates' free-text comments beside the figures. */
	READ_SURVEY_COMMENTS,
	/** Publish "you said – we did" on the lobby screen. */
	PUBLISH_IMPROVEMENTS,
	/** New versions of the questionnaire, new languages. */
	EDIT_QUESTIONNAIRE,
	/** The survey invitations sent. */
	VIEW_SURVEY_OUTBOX,
	/** The SMS and e-mail outbox: the messages to candidates whose cases one may read (own team, or all teams). */
	VIEW_MESSAGE_OUTBOX,
	/**
	 * Make a candidate's copy of their data (GDPR art. 15, aktindsigt) from the case page, for a candidate who cannot
	 * use Min side: the same copy as "Hent mine data", for a case of the own team (every team with {@link #ALL_TEAMS}),
	 * with a reason that goes in the audit log.
	 */
	EXPORT_PERSONAL_DATA,
	/** Search and check the audit log. */
	READ_AUDIT_LOG,
	/** Retention: the dry run and the rules. */
	MANAGE_RETENTION,
	/** The other administration pages and the actuator. */
	ADMINISTER_SYSTEM,
	/** A candidate's own pages (Min side): only ever the signed-in candidate's own course. */
	SEE_OWN_COURSE;

	/** The authority a session carries for this permission. */
	public String authority() {
		return "PERM_" + name();
	}
}
