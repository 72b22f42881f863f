/**
 * The case file: candidates and their courses, the case story, meetings with agenda, agreements and next step,
 * the plan with offers and the candidate's choices, caseworker changes with handovers, and timeliness.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework", allowedDependencies = { "platform", "access",
		"messaging" })
package dk.vaerdig.casework;
