/**
 * The citizen evaluation: questionnaires with versions, a single-use invitation after every held meeting (link, QR
 * code, kiosk), anonymous answers, consent to contact, and the follow-up of candidates with unanswered questions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys", allowedDependencies = { "platform", "access",
		"casework" })
package dk.vaerdig.surveys;
