/**
 * Complaints and systematic learning: registering complaints from any channel, the 4-week complaint deadline, the
 * reassessment and the forwarding to Ankestyrelsen with its deadline, themes, and learning actions with owners,
 * deadlines and a follow-up on whether they worked. Themes also go on the candidates' anonymous survey comments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints", allowedDependencies = { "platform", "access",
		"casework", "letters", "surveys" })
package dk.vaerdig.complaints;
