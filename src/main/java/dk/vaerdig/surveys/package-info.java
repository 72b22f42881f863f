/**
 * The citizen evaluation: questionnaires with versions, a single-use invitation after every held meeting (link by SMS
 * or e-mail, QR code, kiosk), anonymous answers, consent to contact, and the follow-up of candidates with unanswered
 * questions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys", allowedDependencies = { "platform", "access",
		"casework", "messaging" })
package dk.vaerdig.surveys;
