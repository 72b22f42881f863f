/**
 * Toward work: the candidate's competences (hidden ones too) and wishes, companies and their openings (ordinary job,
 * flexjob, seniorjob, internship, wage subsidy, adult apprenticeship), matching both ways with reasons, proposals and
 * the candidate's answers, and pop-up sessions that candidates book without logging in, confirmed by SMS.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Employment", allowedDependencies = { "platform", "access",
		"casework", "messaging" })
package dk.vaerdig.employment;
